// The page (index.html): the explorer over the whole window, its URL, offline use, and
// the iframe mode (?embed=1: no page chrome, height reported to the parent).

import { loadEngine } from './engine.js';
import { createUi } from './ui.js';
import { App } from './app.js';
import { readHash } from './segments.js';
import { registerWorker, watchConnection } from './offline.js';
import { reportHeight } from './frame.js';
import { BUILD } from './version.js';
import { combine } from './combined.js';
import { BUILDER_WASM_SOURCE, WORKER_SOURCE } from './sources.js';
import { keepsAny, offerYours } from './yours-door.js';

const embedded = new URLSearchParams(location.search).get('embed') === '1';
const ui = createUi({ tips: !embedded, page: true, yours: !!(WORKER_SOURCE && BUILDER_WASM_SOURCE) });
document.body.dataset.build = BUILD;
document.body.classList.toggle('embed', embedded);
document.getElementById('app')?.replaceWith(ui.root);
// "Skip to the article" moves the focus there: followed as a link, it would write
// `#article` over the URL's query (and a history entry).
document.querySelector('a.skip')?.addEventListener('click', (event) => {
  event.preventDefault();
  ui.view.focus();
});
// `/` goes to the search field, unless the reader is typing somewhere.
document.addEventListener('keydown', (event) => {
  const target = /** @type {HTMLElement|null} */ (event.target);
  const typing = target?.closest('input, textarea, select, [contenteditable]');
  if (event.key !== '/' || typing || event.ctrlKey || event.metaKey || event.altKey) return;
  event.preventDefault();
  ui.input.focus();
  ui.input.select();
});
if (embedded) reportHeight(ui.root);
watchConnection(ui.notices);

try {
  /** @type {App|undefined} */
  let app;
  const view = readHash(location.hash);
  const site = await loadEngine((text) => {
    if (app) app.progress(text);
    else if (text) ui.status.textContent = text;
  }, view.q);
  const engine = combine(site);
  // The reader's own articles (an edition that can index them): their code comes when
  // the reader opens "Your articles" or drops files, or when this device keeps some —
  // then after the first view, or before it when the URL names one of them.
  const yours = offerYours({ root: ui.root, section: ui.yours, engine });
  // A passage's link opens this page, whole (not the iframe mode).
  const base = new URL(location.href);
  base.hash = '';
  base.searchParams.delete('embed');
  app = new App(ui, engine, { history: !embedded, linkBase: base.href });
  if (yours && view.a?.startsWith('mine/')) await yours();
  // Ready once the first view is whole (the parts it needs have come).
  await app.start(view.q, view.a, view);
  document.body.dataset.state = 'ready';
  if (yours && await keepsAny()) await yours();
  // The reader's own articles this device keeps are shown (if it keeps any).
  if (yours) document.body.dataset.yours = 'ready';
} catch (error) {
  document.body.dataset.state = 'error';
  ui.error.hidden = false;
  ui.error.textContent = `The search engine could not be loaded, so the articles cannot be shown. ${/** @type {{message?: string}|null|undefined} */ (error)?.message ?? error}`;
  ui.status.textContent = '';
  ui.input.disabled = true;
}
registerWorker(ui.notices).catch(() => {
  // No service worker (private mode, file://): the explorer works, only not offline.
});
