// End-to-end: what the reader types while the articles are still loading is kept, whole,
// and searched the moment the engine is ready — over the URL's query too (the articles'
// response is held back by the test so that the typing happens during the load).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articlesIn, occurrences, readView } from './explorer.mjs';
import { env, useBrowser, watchPage } from './browser.mjs';

const SITE = env('E2E_URL');
const browser = useBrowser();

const SEED = articlesIn('seeds').find((a) => a.name.startsWith('000-'));
assert.ok(SEED, 'seeds/000-*.txt exists');
const SEOUL = occurrences(SEED, 'Seoul');

/** Opens `url` with articles.txt held back until `release()`; returns the page, still loading. */
async function openHeldBack(t, url) {
  const context = await browser().newContext();
  t.after(() => context.close());
  /** @type {() => void} */
  let release = () => {};
  const held = new Promise((resolve) => { release = () => resolve(undefined); });
  await context.route('**/articles.txt', async (route) => {
    await held;
    await route.continue();
  });
  const page = await context.newPage();
  const { problems } = watchPage(page);
  await page.goto(url);
  await page.waitForSelector('#q');
  return { page, problems, release };
}

for (const { name, hash } of [
  { name: 'an empty URL', hash: '' },
  { name: "the URL's own query", hash: '#q=Moscow' },
]) {
  test(`typed while loading, over ${name}: kept whole and searched when ready`, async (t) => {
    const { page, problems, release } = await openHeldBack(t, `${SITE}${hash}`);
    await page.locator('#q').pressSequentially('Seoul');
    assert.equal(await page.getAttribute('body', 'data-state'), 'loading', 'typed during the load');
    release();
    await page.waitForSelector('body[data-state="ready"]', { state: 'attached' });
    const view = await readView(page);
    assert.equal(view.query, 'Seoul', 'the field keeps every letter typed');
    assert.deepEqual(view.marks, SEOUL, 'and its matches are shown');
    assert.equal(view.status, `${SEOUL.length} matches in 1 article`);
    await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('q') === 'Seoul');
    assert.deepEqual(problems, []);
  });
}

/** A bundle (docs/format.md) of `n` copies of the seed under distinct names. */
function copiesOfTheSeed(n) {
  const text = Buffer.from(SEED.lines.join('\n'), 'utf8');
  const parts = [Buffer.from('article-explorer bundle 1\n')];
  for (let i = 0; i < n; i++) {
    parts.push(Buffer.from(`${text.length} copy-${String(i).padStart(4, '0')}.txt\n`), text, Buffer.from('\n'));
  }
  return Buffer.concat(parts);
}

test('a large archive shows how far its download is, then the result', async (t) => {
  const bundle = copiesOfTheSeed(400); // about 2.5 MB
  const context = await browser().newContext();
  t.after(() => context.close());
  await context.route('**/articles.txt', (route) => route.fulfill({
    status: 200, contentType: 'text/plain; charset=utf-8', body: bundle,
  }));
  // Every text the status takes, from before the page's scripts run.
  await context.addInitScript(() => {
    /** @type {string[]} */
    const seen = [];
    Object.assign(window, { statusTexts: seen });
    new MutationObserver(() => {
      const text = document.getElementById('status')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const page = await context.newPage();
  const { problems } = watchPage(page);
  await page.goto(`${SITE}#q=Seoul`);
  await page.waitForSelector('body[data-state="ready"]', { state: 'attached' });
  const texts = /** @type {string[]} */ (await page.evaluate(() => /** @type {any} */ (window).statusTexts));
  const percents = texts.flatMap((s) => /^Loading the articles — (\d+) %$/.exec(s)?.[1] ?? []).map(Number);
  assert.ok(percents.length >= 1, `the download's progress shows: ${texts.join(' | ')}`);
  assert.deepEqual(percents, [...percents].sort((a, b) => a - b), 'and only goes up');
  assert.equal((await readView(page)).status, `${SEOUL.length * 400} matches in 400 articles`);
  // This archive's index is not the site's: indexed in the browser, said in the console only.
  assert.deepEqual(problems, []);
});
