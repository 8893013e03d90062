// Where a site's load spends the main thread: each site served as it is (the xtask server,
// no precompression: quick on a 150 MB archive), opened at `#q=QUERY` in headless
// Chromium with service workers blocked; prints the engine's user-timing marks
// (`engine:…`, ms since navigation) and every long task (> 50 ms: [start, duration]) up to
// 1.5 s after the page is ready. The full measurement is run.mjs; this is its quick look.
//
//   node benches/browser/longtasks.mjs SITE... [--query WORD] [--brotli]
//
// --brotli: served precompressed, as the full benchmark serves it (the size of a
// compressed response is not known ahead).

import { parseArgs } from 'node:util';
import { launchChromium } from './chromium.mjs';
import { serve } from './serve.mjs';
const { values: { query, brotli }, positionals: sites } = parseArgs({
  allowPositionals: true,
  options: { query: { type: 'string', default: 'contributors' }, brotli: { type: 'boolean', default: false } },
});
const browser = await launchChromium();
for (const dir of sites) {
  const server = await serve(dir, { precompress: brotli });
  if (brotli) await server.setEncodings(['br', 'gzip']);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(() => { window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true }); });
  await page.goto(`${server.origin}/#q=${encodeURIComponent(query)}`);
  await page.waitForSelector('body[data-state="ready"]', { state: 'attached', timeout: 300000 });
  await page.waitForTimeout(1500);
  const r = await page.evaluate(() => ({ marks: performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]), lt: window.__lt }));
  console.log(dir, JSON.stringify(r));
  await context.close(); await server.close();
}
await browser.close();
