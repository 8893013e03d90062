// End-to-end: the single-file edition, dist/article-explorer.html, opened from disk
// (file://): the whole explorer in one file that asks for no other, under its own
// hash-based Content-Security-Policy (README, "One file").

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { env, openPage, recordCspViolations, useBrowser } from './browser.mjs';
import { addByPicker, articlesIn, NOTE_AND_EMPTY, occurrences, openYours, readView, typeQuery } from './explorer.mjs';

const FILE = pathToFileURL(join(env('E2E_DIST'), 'article-explorer.html')).href;
const browser = useBrowser();

const SEED = articlesIn('seeds').find((a) => a.name.startsWith('000-'));
assert.ok(SEED, 'seeds/000-*.txt exists');
const SEOUL = occurrences(SEED, 'Seoul');
assert.equal(SEOUL.length, 8, 'the seed has 8 occurrences of Seoul');

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

test('the single file works from file://, asks for no other file and violates no CSP', async (t) => {
  /** @type {string[]} */
  const requests = [];
  /** @type {string[]} */
  let violations = [];
  const { page, problems, dialogs } = await openPage(t, browser(), FILE, {
    setup: async (context) => {
      violations = await recordCspViolations(context);
      context.on('request', (r) => requests.push(r.url()));
    },
  });
  assert.equal(await page.evaluate(() => location.protocol), 'file:');

  await typeQuery(page, 'Seoul');
  const view = await readView(page);
  assert.deepEqual(view.marks, SEOUL);
  assert.equal(view.status, `${SEOUL.length} matches in 1 article`);
  assert.equal(view.position, `1 of ${SEOUL.length}`);
  await page.check('#only-matching');
  assert.deepEqual((await readView(page)).marks, SEOUL, 'matching paragraphs only: the marks stay');

  // One file: nothing to fetch.
  const external = await page.$$eval('script[src], link[rel~="stylesheet"], link[rel~="modulepreload"], iframe, img[src]:not([src^="data:"])',
    (es) => es.map((e) => e.outerHTML.slice(0, 80)));
  assert.deepEqual(external, [], 'elements that load another file');
  assert.deepEqual(requests.filter((url) => !url.startsWith('data:')), [FILE], 'the only request is the file itself');

  // Its own CSP: default-src 'none', the one inline script and the one inline style by hash.
  const { csp, scripts, styles } = await page.evaluate(() => ({
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
    scripts: [...document.querySelectorAll('script')].map((s) => s.textContent ?? ''),
    styles: [...document.querySelectorAll('style')].map((s) => s.textContent ?? ''),
  }));
  assert.equal(scripts.length, 1, 'one inline script');
  assert.equal(styles.length, 1, 'one inline style');
  assert.ok(csp, 'a Content-Security-Policy meta');
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.deepEqual(directives['script-src'], [sha256(scripts[0]), "'wasm-unsafe-eval'"]);
  assert.deepEqual(directives['style-src'], [sha256(styles[0])]);
  // The worker of the reader's own articles, from its own code as a blob: URL.
  assert.deepEqual(directives['worker-src'], ['blob:']);

  assert.deepEqual(violations, [], 'securitypolicyviolation events');
  assert.deepEqual(problems, [], 'console errors/warnings, page errors or failed requests');
  assert.deepEqual(dialogs, []);
});

test('the single file adds the reader\'s own articles, from file://, and keeps them', async (t) => {
  /** @type {string[]} */
  let violations = [];
  /** @type {string[]} */
  const requests = [];
  const { page, problems } = await openPage(t, browser(), FILE, {
    setup: async (context) => {
      violations = await recordCspViolations(context);
      context.on('request', (r) => requests.push(r.url()));
    },
  });
  await openYours(page);
  await addByPicker(page, NOTE_AND_EMPTY);
  assert.match(await page.textContent('.yours-outcome') ?? '', /Added 1 article\..*empty\.txt: empty/s);
  assert.match(await page.textContent('.yours-about') ?? '', /stay on this device/);
  await typeQuery(page, 'Zanzibarian ');
  assert.equal((await readView(page)).status, '1 match in 1 article');
  await page.reload();
  await page.waitForSelector('body[data-yours="ready"]', { state: 'attached' });
  await typeQuery(page, 'Zanzibarian ');
  assert.equal((await readView(page)).status, '1 match in 1 article', 'kept through a reload');
  assert.deepEqual(requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:')), [FILE, FILE], 'the file itself, twice');
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
});
