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

import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium.mjs';
import { serve } from './serve.mjs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const args = process.argv.slice(2);
const at = args.indexOf('--query');
const query = at >= 0 ? args.splice(at, 2)[1] : 'contributors';
const br = args.indexOf('--brotli');
if (br >= 0) args.splice(br, 1);
for (const dir of args) {
  const server = await serve(dir, { precompress: br >= 0 });
  if (br >= 0) await server.setEncodings(['br', 'gzip']);
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
