import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium.mjs';
import { serve } from './serve.mjs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
for (const dir of process.argv.slice(2)) {
  const server = await serve(dir, { precompress: false });
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(() => { window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true }); });
  await page.goto(`${server.origin}/#q=contributors`);
  await page.waitForSelector('body[data-state="ready"]', { state: 'attached', timeout: 300000 });
  await page.waitForTimeout(1500);
  const r = await page.evaluate(() => ({ marks: performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]), lt: window.__lt }));
  console.log(dir, JSON.stringify(r));
  await context.close(); await server.close();
}
await browser.close();
