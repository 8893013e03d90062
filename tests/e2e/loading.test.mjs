// End-to-end: the load in parts (docs/format.md). What the reader types while the
// articles are still loading is kept, whole, and searched the moment the engine can
// answer — over the URL's query too; a large archive shows how far its load is; the first
// view comes with the parts it needs, before the rest of the archive; a search whose parts
// have not come waits for them, saying so, and is never shown partial. (The tests hold
// responses back in the browser context.)

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { articlesIn, occurrences, readView } from './explorer.mjs';
import { env, useBrowser, watchPage } from './browser.mjs';

const SITE = env('E2E_URL');
const BIG = env('E2E_BIG_URL');
const BIG_DIST = env('E2E_BIG_DIST');
const browser = useBrowser();

const SEED = articlesIn('seeds').find((a) => a.name.startsWith('000-'));
assert.ok(SEED, 'seeds/000-*.txt exists');
const SEOUL = occurrences(SEED, 'Seoul');

/** The big site's parts: its shards and chunks (the head aside). */
const SHARDS = readdirSync(join(BIG_DIST, 'index')).filter((f) => f !== 'head.bin');
const CHUNKS = readdirSync(join(BIG_DIST, 'articles'));

/**
 * Opens `url` in a new context after `setup` (routes); returns the page.
 * @param {import('node:test').TestContext} t
 * @param {string} url
 * @param {(context: import('playwright-core').BrowserContext) => Promise<void>} setup
 */
async function open(t, url, setup) {
  const context = await browser().newContext();
  t.after(() => context.close());
  await setup(context);
  const page = await context.newPage();
  const { problems } = watchPage(page);
  await page.goto(url);
  await page.waitForSelector('#q');
  return { page, problems };
}

/** A promise and its release. */
function gate() {
  /** @type {() => void} */
  let release = () => {};
  const held = new Promise((resolve) => { release = () => resolve(undefined); });
  return { held, release };
}

for (const { name, hash } of [
  { name: 'an empty URL', hash: '' },
  { name: "the URL's own query", hash: '#q=Moscow' },
]) {
  test(`typed while loading, over ${name}: kept whole and searched when ready`, async (t) => {
    const { held, release } = gate();
    // The index's head held back too: the explorer cannot start before the typing.
    const { page, problems } = await open(t, `${SITE}${hash}`, (context) => context.route(/\/(index\/head\.bin|articles\/0\.txt)$/, async (route) => {
      await held;
      await route.continue();
    }));
    await page.locator('#q').pressSequentially('Seoul');
    assert.equal((await readView(page)).marks.length, 0, "typed before the article's text came");
    release();
    await page.waitForSelector('body[data-state="ready"]', { state: 'attached' });
    await page.waitForFunction(() => document.querySelectorAll('#article mark').length > 0);
    const view = await readView(page);
    assert.equal(view.query, 'Seoul', 'the field keeps every letter typed');
    assert.deepEqual(view.marks, SEOUL, 'and its matches are shown');
    assert.equal(view.status, `${SEOUL.length} matches in 1 article`);
    await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('q') === 'Seoul');
    assert.deepEqual(problems, []);
  });
}

/** Every text the status takes, from before the page's scripts run. */
function recordStatus(context) {
  return context.addInitScript(() => {
    /** @type {string[]} */
    const seen = [];
    Object.assign(window, { statusTexts: seen });
    new MutationObserver(() => {
      const text = document.getElementById('status')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

/**
 * The big archive's chunk `k` as its articles: `[name, text]` each (a bundle: docs/format.md).
 * @param {number} k
 */
function chunk(k) {
  const bytes = readFileSync(join(BIG_DIST, 'articles', `${k}.txt`));
  const articles = [];
  let at = bytes.indexOf(10) + 1;
  while (at < bytes.length) {
    const eol = bytes.indexOf(10, at);
    const [length, ...name] = bytes.subarray(at, eol).toString('utf8').split(' ');
    const start = eol + 1;
    articles.push([name.join(' ').replace(/\.txt$/, ''), bytes.subarray(start, start + Number(length)).toString('utf8')]);
    at = start + Number(length) + 1;
  }
  return articles;
}

test('a large archive answers before all of it has come, showing how far the load is', async (t) => {
  // An article of the first chunk with the word: the one the URL opens.
  const [name] = chunk(0).find(([, text]) => /\bKorea\b/.test(text)) ?? [];
  assert.ok(name, 'the first chunk has an article with Korea');
  // The last shard and the last chunk are held back until the first view is shown.
  const { held, release } = gate();
  const lastShard = `index/${SHARDS.length - 1}.bin`;
  const lastChunk = `articles/${CHUNKS.length - 1}.txt`;
  const { page, problems } = await open(t, `${BIG}#q=Korea&a=${encodeURIComponent(name)}`, async (context) => {
    await recordStatus(context);
    for (const file of [lastShard, lastChunk]) {
      await context.route(`**/${file}`, async (route) => {
        await held;
        await route.continue();
      });
    }
  });
  await page.waitForSelector('body[data-state="ready"]', { state: 'attached' });
  const view = await readView(page);
  assert.ok(view.marks.length > 0, 'the first view shows Korea highlighted');
  const title = chunk(0).find(([n]) => n === name)?.[1].split('\n').find((line) => line.trim())?.trim();
  assert.equal(view.blocks[0]?.text, title, 'in the article the URL names');
  assert.match(view.status ?? '', /^[\d,]+ matches? in [\d,]+ articles?$/);
  release();
  // The rest comes behind it; the status said how far, only going up, then the result.
  const total = SHARDS.length + CHUNKS.length;
  await page.waitForFunction((n) => performance.getEntriesByType('resource').filter((r) => /\/(index\/\d+\.bin|articles\/\d+\.txt)$/.test(r.name)).length >= n, total, { timeout: 30_000 });
  const texts = /** @type {string[]} */ (await page.evaluate(() => /** @type {any} */ (window).statusTexts));
  const percents = texts.flatMap((s) => /^Loading 300 articles — (\d+) %$/.exec(s)?.[1] ?? []).map(Number);
  assert.ok(percents.length >= 1, `the load's progress shows: ${texts.join(' | ')}`);
  assert.deepEqual(percents, [...percents].sort((a, b) => a - b), 'and only goes up');
  assert.equal(await page.locator('#status').textContent(), view.status, 'the status still says the result once all has come');
  assert.deepEqual(problems, []);
});

test('a search whose parts have not come waits for them, says so, and is never shown partial', async (t) => {
  // The last shard (the terms at the end of the alphabet) held back until released.
  const last = `index/${SHARDS.length - 1}.bin`;
  const { held, release } = gate();
  const { page, problems } = await open(t, BIG, (context) => context.route(`**/${last}`, async (route) => {
    await held;
    await route.continue();
  }));
  await page.waitForSelector('body[data-state="ready"]', { state: 'attached' });
  const before = await readView(page);
  assert.equal(before.status, '300 articles');
  // A word of the archive from the end of the alphabet.
  const text = CHUNKS.map((c) => readFileSync(join(BIG_DIST, 'articles', c), 'utf8')).join('\n');
  const word = /\b(z[a-z]{4,})\b/.exec(text)?.[1];
  assert.ok(word, 'the archive has a word in z');
  // Set at once (one input event): each prefix typed would be an answer of its own.
  await page.fill('#q', word);
  await page.waitForTimeout(300);
  const waiting = await readView(page);
  assert.match(waiting.status ?? '', /^Loading/, 'the status says it is loading');
  assert.deepEqual(waiting.items, before.items, 'the list is as it was: nothing partial');
  assert.deepEqual(waiting.marks, []);
  release();
  await page.waitForFunction(() => document.querySelectorAll('#article mark').length > 0);
  const shown = await readView(page);
  assert.ok(shown.marks.every((m) => m.toLowerCase().startsWith(word.slice(0, 3))), `${word}: ${shown.marks.join(', ')}`);
  assert.match(shown.status ?? '', /matches? in \d+ articles?/);
  assert.deepEqual(problems, []);
});
