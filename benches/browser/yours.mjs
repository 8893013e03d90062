// The reader adding their own articles through the file picker ("Your articles"): how
// soon the first of them are searched, how long until all are, and the longest
// main-thread task meanwhile (a reader may type during the add) — apart from the task in
// which the picker hands the page its files (the browser building a FileList of 1,000
// files, Playwright's doing here), whose length is reported on its own.
//
//   node benches/browser/yours.mjs SITE FOLDER [--runs N]
//
// SITE: a built site (`cargo xtask dist`); FOLDER: the article files to add (every
// `*.txt`, e.g. target/corpus/1000 from `cargo xtask corpus --articles 1000`). Each run in
// a fresh browser context (nothing stored before).

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './chromium.mjs';
import { serve } from './serve.mjs';

const { values, positionals: [site, folder] } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' } },
});
if (!site || !folder) throw new Error('usage: node benches/browser/yours.mjs SITE FOLDER [--runs N]');

// By path, as a reader picks them (given as bytes, Playwright would build each file in
// the page's JS: a long task of its own).
const files = readdirSync(folder).filter((f) => f.endsWith('.txt')).sort().map((name) => join(folder, name));
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
console.log(`${files.length} articles, ${(bytes / 1e6).toFixed(1)} MB, into ${site}`);

const server = await serve(site);
const browser = await launchChromium();
for (let run = 0; run < Number(values.runs); run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    /** @type {any} */ (window).__lt = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) /** @type {any} */ (window).__lt.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${server.origin}/`);
  await page.waitForSelector('body[data-yours="ready"]', { state: 'attached' });
  await page.click('#yours > summary');
  await page.waitForSelector('#add-files', { state: 'attached' });
  // When the count line changes (each step of the add shown) and when the add says it is done.
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__steps = [];
    document.querySelector('#add-files')?.addEventListener('change', () => { w.__picked = performance.now(); }, { capture: true });
    new MutationObserver(() => w.__steps.push([performance.now(), document.querySelector('.count-line')?.textContent]))
      .observe(/** @type {Node} */ (document.querySelector('.count-line')), { childList: true, characterData: true, subtree: true });
  });
  const start = await page.evaluate(() => performance.now());
  await page.setInputFiles('#add-files', files);
  await page.waitForSelector('.yours-outcome p.added', { timeout: 600_000 });
  const r = await page.evaluate((t0) => {
    const w = /** @type {any} */ (window);
    const all = w.__lt.filter(([s]) => s >= t0);
    // The task the change event fired in: the picker's.
    const picker = all.find(([s, d]) => s <= w.__picked && w.__picked <= s + d);
    const tasks = all.filter((t) => t !== picker);
    return {
      picker: picker ? picker[1] : 0,
      first: w.__steps[0] ? w.__steps[0][0] - t0 : null,
      firstText: w.__steps[0]?.[1],
      all: w.__steps.at(-1)[0] - t0,
      steps: w.__steps.length,
      longest: Math.max(0, ...tasks.map(([, d]) => d)),
      over50: tasks.length,
    };
  }, start);
  console.log(`run ${run + 1}: first searchable ${Math.round(r.first)} ms (${r.firstText}), all ${Math.round(r.all)} ms in ${r.steps} steps; longest task ${Math.round(r.longest)} ms, ${r.over50} over 50 ms (the picker's own: ${Math.round(r.picker)} ms)`);
  await context.close();
}
await browser.close();
await server.close();
