// The iframe mode (index.html?embed=1): tells the parent window the content's height so
// the host can size the iframe. Message: {type: 'article-explorer:height', height: number}
// (CSS pixels), posted on every change; the host checks the message's origin. A host that
// starts listening late (the frame may be ready before the host's script runs) asks with
// {type: 'article-explorer:measure'} and gets the height again.

/**
 * Posts the height of `root` to the parent whenever it changes, and when asked.
 * @param {HTMLElement} root
 */
export function reportHeight(root) {
  if (window.parent === window) return;
  let last = -1;
  const post = (always = false) => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last && !always) return;
    last = height;
    window.parent.postMessage({ type: 'article-explorer:height', height }, '*');
  };
  new ResizeObserver(() => post()).observe(root);
  addEventListener('message', (event) => {
    if (event.source === window.parent && event.data?.type === 'article-explorer:measure') post(true);
  });
  post();
}
