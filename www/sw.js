// The service worker: every file of one build in one cache named by the build's version,
// so a page is always served one build whole — never new JS with an old wasm. A new
// build installs beside the old one and waits; the page offers a reload, which tells
// it to take over ('skip-waiting'); then the old cache is deleted.
// `cargo xtask dist` fills in VERSION and FILES.

const VERSION = '__BUILD__';
const FILES = ['./'];
const PREFIX = 'article-explorer-';
const CACHE = `${PREFIX}${VERSION}`;
/** This worker's global scope (`self`), as the service worker it is. */
const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await sw.clients.claim();
  })());
});

sw.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // index.html?embed=1 is index.html: the query only changes what the page does.
    const hit = await cache.match(request, { ignoreSearch: true });
    return hit ?? fetch(request);
  })());
});
