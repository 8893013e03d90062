// The demo host page's script: shows the element's events, and sizes the iframe from
// the height messages it posts (checking that they come from the explorer's origin).

const frame = /** @type {HTMLIFrameElement} */ (document.getElementById('frame-demo'));
const explorerOrigin = new URL(frame.src, location.href).origin;
addEventListener('message', (event) => {
  if (event.origin !== explorerOrigin || event.source !== frame.contentWindow) return;
  const { type, height } = event.data ?? {};
  if (type === 'article-explorer:height' && Number.isFinite(height)) {
    frame.style.height = `${height}px`;
  }
});
// The frame may have posted its height before this script ran: ask for it (now, and when
// it has loaded, should it not be listening yet).
const ask = () => frame.contentWindow?.postMessage({ type: 'article-explorer:measure' }, explorerOrigin);
ask();
frame.addEventListener('load', ask);

const element = /** @type {HTMLElement} */ (document.getElementById('element-demo'));
const log = /** @type {HTMLElement} */ (document.getElementById('element-events'));
element.addEventListener('results', (e) => {
  const { detail } = /** @type {CustomEvent<import('./article-explorer.js').ResultsDetail>} */ (e);
  const n = detail.articles;
  log.textContent = `results: ${detail.total} matches in ${n} ${n === 1 ? "article" : "articles"} for “${detail.query}”`;
});
element.addEventListener('select', (e) => {
  const { detail } = /** @type {CustomEvent<import('./article-explorer.js').SelectDetail>} */ (e);
  log.textContent = `select: ${detail.title}`;
});
