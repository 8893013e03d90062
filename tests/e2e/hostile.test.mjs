// End-to-end: hostile links (issue 17). A link is a query: whatever `#q=` holds, or an
// `<article-explorer query="…">` on a host page, the page opens and stays responsive — no
// task blocks it for long, and the next key typed is answered. The queries are the reproducers of the issue, made from the 300-article
// archive's words; before the query budget each took from a second to many.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { env, openPage, useBrowser } from './browser.mjs';

const BIG = env('E2E_BIG_URL');
const BIG_DIST = env('E2E_BIG_DIST');
/** One long article of a word repeated (xtask: `write_long_article`). */
const LONG = env('E2E_LONG_URL');
const browser = useBrowser();

/** Words of five letters or more from the archive's first chunk, in a fixed order. */
const WORDS = [...new Set(readFileSync(join(BIG_DIST, 'articles', '0.txt'), 'utf8').toLowerCase().match(/\p{Ll}{5,}/gu) ?? [])].sort().slice(0, 400);
assert.ok(WORDS.length >= 200, 'the archive has words enough');

const HOSTILE = [
  ['200 prefixes and an absent word', `${WORDS.slice(0, 200).map((w) => `${w.slice(0, 3)}*`).join(' ')} zzqqxv`],
  ['330 one-letter prefixes', Array.from({ length: 500 }, (_, i) => `${String.fromCharCode(97 + (i % 26))}*`).join(' ').slice(0, 1000)],
  ['100 misspellings and an absent word', `${WORDS.slice(0, 100).map((w) => `${w.slice(0, -1)}q~`).join(' ')} zzqqxv`],
  // As many as 1,000 characters hold, quoted (a longer query is cut, its quote with it).
  ['a phrase of one word repeated', `"${Array(Math.floor(999 / (WORDS[0].length + 1))).fill(WORDS[0]).join(' ')}"`],
];

/**
 * Records the page's longest task (`window.__longest`, ms) from its first script on.
 * @param {import('playwright-core').BrowserContext} context
 */
const recordLongTasks = (context) => context.addInitScript(() => {
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: 'longtask', buffered: true });
});

/** A task longer than this is a frozen tab, not a slow machine (the reproducers took seconds). */
const FROZEN_MS = 250;

for (const [name, query] of HOSTILE) {
  test(`a link with ${name} opens, and the page answers the next key`, async (t) => {
    const { page, problems } = await openPage(t, browser(), `${BIG}#q=${encodeURIComponent(query)}`, {
      setup: recordLongTasks,
    });
    assert.equal(await page.inputValue('#q'), query, 'the link\'s query in the field');
    assert.ok(await page.textContent('#status'), 'the page says what it found');
    // The next key: answered in the key's own task, which the long-task record covers.
    await page.locator('#q').press('End');
    await page.locator('#q').press('Backspace');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const longest = await page.evaluate(() => window.__longest);
    assert.ok(longest < FROZEN_MS, `the longest task was ${longest} ms`);
    assert.deepEqual(problems, []);
  });
}

test('an element whose query attribute is hostile loads, and the host page stays responsive', async (t) => {
  const [, query] = HOSTILE[0];
  const host = `${BIG}hostile-host.html`;
  const attribute = query.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script type="module" src="article-explorer.js"></script></head>
<body><main><h1>Host</h1><article-explorer id="x" query="${attribute}"></article-explorer></main></body></html>`;
  const { page, problems } = await openPage(t, browser(), host, {
    state: null,
    setup: async (context) => {
      await context.route(host, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
      await recordLongTasks(context);
    },
  });
  const element = page.locator('#x');
  await element.evaluate((e) => /** @type {any} */ (e).ready);
  assert.equal(await element.locator('#q').inputValue(), query);
  await element.locator('#q').press('End');
  await element.locator('#q').press('Backspace');
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const longest = await page.evaluate(() => window.__longest);
  assert.ok(longest < FROZEN_MS, `the longest task was ${longest} ms`);
  assert.deepEqual(problems, []);
});

test('an article with more matches than a page marks shows the first 10,000, says so, and stays responsive', async (t) => {
  const { page, problems } = await openPage(t, browser(), `${LONG}#q=sea`, { setup: recordLongTasks });
  const total = Number((await page.textContent('#status'))?.match(/^([\d,]+) matches/)?.[1]?.replaceAll(',', ''));
  assert.ok(total > 20_000, `the count is every match: ${total}`);
  assert.equal(await page.locator('#article mark').count(), 10_000, 'the first 10,000 marked');
  assert.equal(await page.textContent('#notices .capped'), `Marked: the first 10,000 of this article's ${total.toLocaleString('en')} matches.`);
  // The marks are the first in reading order: the title's, then the paragraphs' from the top.
  assert.equal(await page.locator('#article h1 mark').count(), 1);
  // The next match is a key away, and the next search drops the note when it marks all.
  await page.locator('#q').press('Enter');
  assert.match(await page.textContent('#position') ?? '', /^2 of /);
  await page.locator('#q').fill('standfirst');
  await page.locator('#q').press('Enter');
  await page.waitForFunction(() => !document.querySelector('#notices .capped'));
  const longest = await page.evaluate(() => window.__longest);
  assert.ok(longest < FROZEN_MS, `the longest task was ${longest} ms`);
  assert.deepEqual(problems, []);
});
