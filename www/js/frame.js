// The iframe mode (index.html?embed=1): tells the parent window the content's height so
// the host can size the iframe. Message: {type: 'article-explorer:height', height: number}
// (CSS pixels), posted on every change; the host checks the message's origin.

/** Posts the height of `root` to the parent whenever it changes. */
export function reportHeight(root) {
  if (window.parent === window) return;
  let last = -1;
  const post = () => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'article-explorer:height', height }, '*');
  };
  new ResizeObserver(post).observe(root);
  post();
}
