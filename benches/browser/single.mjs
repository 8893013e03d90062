// How long the single-file edition takes to open from file:// in headless Chromium, at
// `#q=WORD`: navigation → ready, and the engine's user-timing marks (the HTML parse is
// what comes before engine:start).
//
//   node benches/browser/single.mjs SITE/article-explorer.html [--query WORD]

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './chromium.mjs';

const { values: { query }, positionals: [file] } = parseArgs({ allowPositionals: true, options: { query: { type: 'string', default: 'contributors' } } });
if (!file) {
  console.error('usage: node benches/browser/single.mjs FILE [--query WORD]');
  process.exit(2);
}
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('crash', () => problems.push('the page crashed'));
  const start = Date.now();
  await page.goto(`file://${resolve(file)}#q=${encodeURIComponent(query)}`, { timeout: 600_000 });
  await page.waitForSelector('body[data-state="ready"], body[data-state="error"]', { state: 'attached', timeout: 600_000 });
  const ms = Date.now() - start;
  const view = await page.evaluate(() => ({
    state: document.body.dataset.state,
    status: document.querySelector('#status')?.textContent ?? null,
    marks: Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('engine:')).map((m) => [m.name, Math.round(m.startTime)])),
  }));
  console.log(`${file}: ${view.state} in ${ms} ms, "${view.status}"; ${JSON.stringify(view.marks)}${problems.length ? `; problems: ${problems.join('; ')}` : ''}`);
  process.exitCode = view.state === 'ready' && !problems.length ? 0 : 1;
} finally {
  await browser.close();
}
