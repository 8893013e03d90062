// Offline use of a large site, measured: the first visit with the service worker (until
// it has cached the whole build), then the page reloaded with the network off, opened at
// `#q=WORD`. Prints how long the worker took to cache the build, the cache's size, and the
// offline load (navigation → ready and → first marks), with the files' sources (all must
// come from the worker) and what the page shows. Exits 1 if the offline page is not the
// explorer with results.
//
//   node benches/browser/offline.mjs SITE [--query WORD]

import { parseArgs } from 'node:util';
import { launchChromium } from './chromium.mjs';
import { serve } from './serve.mjs';

const { values: { query }, positionals: [dir] } = parseArgs({ allowPositionals: true, options: { query: { type: 'string', default: 'contributors' } } });
if (!dir) {
  console.error('usage: node benches/browser/offline.mjs SITE [--query WORD]');
  process.exit(2);
}
const browser = await launchChromium();
const server = await serve(dir, { precompress: false });
let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const start = Date.now();
  await page.goto(`${server.origin}/#q=${encodeURIComponent(query)}`);
  await page.waitForSelector('body[data-state="ready"]', { state: 'attached', timeout: 300_000 });
  const ready = Date.now() - start;
  // Installed and activated: it claims the page once every file is in its cache.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 600_000, polling: 200 });
  const cached = Date.now() - start;
  const storage = await page.evaluate(async () => {
    const { usage, quota } = await navigator.storage.estimate();
    const names = await caches.keys();
    return { usage, quota, caches: names };
  });
  await context.setOffline(true);
  const sources = [];
  page.on('response', (r) => sources.push(r.fromServiceWorker() ? 'worker' : `network: ${r.url()}`));
  await page.reload();
  await page.waitForSelector('body:not([data-state="loading"])', { state: 'attached', timeout: 300_000 });
  await page.waitForSelector('#article mark', { timeout: 60_000 }).catch(() => null);
  const offline = await page.evaluate(() => ({
    state: document.body.dataset.state,
    status: document.querySelector('#status')?.textContent ?? null,
    marks: document.querySelectorAll('#article mark').length,
    listed: Number(document.querySelector('#list li.item')?.getAttribute('aria-setsize') ?? 0),
    engine: Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('engine:')).map((m) => [m.name, Math.round(m.startTime)])),
  }));
  const fromNetwork = sources.filter((s) => s !== 'worker');
  console.log(`${dir}: first visit ready in ${ready} ms; the worker had the build cached ${cached} ms after navigation (${(storage.usage / 1e6).toFixed(0)} MB used of ${(storage.quota / 1e6).toFixed(0)} MB, caches ${storage.caches.join(', ')})`);
  console.log(`offline reload: ${offline.state}, "${offline.status}", ${offline.marks} marks, ${offline.listed} articles listed; engine marks ${JSON.stringify(offline.engine)}; ${sources.length} responses, ${fromNetwork.length} not from the worker`);
  failed = offline.state !== 'ready' || offline.marks === 0 || fromNetwork.length > 0 || problems.length > 0;
  if (problems.length) console.log(`page errors: ${problems.join('; ')}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
