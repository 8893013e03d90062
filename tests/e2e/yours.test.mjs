// End-to-end: the reader's own articles (README, "Your articles"). Added by the file
// picker, a drop, a paste or a bundle; each file through the wasm's parser in the
// worker, refused ones listed with the reason; searched with the site's, marked as
// theirs, kept on this device through reloads and offline; removed one by one or all at
// once; exported as a bundle the CLI reads; a write over the storage quota refused
// whole, with what was kept before intact.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, env, eventually, openPage, useBrowser } from './browser.mjs';
import { articlesIn, openYours, readView, typeQuery } from './explorer.mjs';

const SITE = env('E2E_URL');
const browser = useBrowser();
/** The site's articles (the seeds), and its occurrences of Seoul. */
const SITE_ARTICLES = articlesIn('seeds').length;
const SEOUL_IN_SITE = 8;

/** An article of the reader's: a word no seed has, and Seoul once. */
const GOOD = {
  name: 'findings.txt',
  mimeType: 'text/plain',
  buffer: Buffer.from('My own findings on Vladivostok\n\nA lede about its ports\n\nVladivostok is a port. Zanzibarian trade is up.\n\nA second paragraph names Seoul once.\n'),
};
/** Not UTF-8: "Café" in Latin-1. */
const LATIN1 = { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a, 0x0a, 0x41, 0x20, 0x74, 0x65, 0x78, 0x74, 0x2e, 0x0a]) };
const EMPTY = { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) };
/**
 * A 5 MB article whose last paragraph holds a word of its own: words of random syllables
 * (a fixed seed), as little compressible as prose, so that it weighs on storage as a
 * real one would (IndexedDB compresses what it stores).
 */
const BIG = (() => {
  const syllables = ['ka', 'lo', 'mi', 'ren', 'to', 'sha', 'vi', 'dor', 'en', 'us', 'pra', 'ni', 'gol', 'te', 'ar', 'bu'];
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const word = () => Array.from({ length: 1 + (next() % 3) }, () => syllables[next() % syllables.length]).join('');
  const paragraphs = [];
  let bytes = 0;
  while (bytes < 5.2e6) {
    const paragraph = `${Array.from({ length: 120 }, word).join(' ')}.`;
    paragraphs.push(paragraph);
    bytes += paragraph.length + 2;
  }
  return { name: 'survey.txt', mimeType: 'text/plain', buffer: Buffer.from(`A five megabyte survey\n\n${paragraphs.join('\n\n')}\n\nIt ends with Quetzalcoatlus.\n`) };
})();

/**
 * Opens the explorer and waits until the reader's articles this device keeps are shown;
 * then opens "Your articles" (which brings in its code: a reader who never adds any
 * never downloads it), unless `closed`.
 */
async function open(t, { closed = false } = {}) {
  const session = await openPage(t, browser(), SITE);
  const { page } = session;
  await page.waitForSelector('body[data-yours="ready"]', { state: 'attached' });
  if (!closed) {
    assert.equal(await page.$('#add-files'), null, 'nothing kept: the code is not loaded before it is asked for');
    await page.click('#yours > summary');
    await page.waitForSelector('#add-files', { state: 'attached' });
  }
  return session;
}

/** Adds files by the picker and waits for the outcome it says. */
async function pick(page, files) {
  await page.evaluate(() => document.querySelector('.yours-outcome')?.replaceChildren());
  await page.setInputFiles('#add-files', files);
  await page.waitForSelector('.yours-outcome p', { timeout: 60_000 });
  return page.textContent('.yours-outcome');
}

/** The status after searching `query` (typed, then finished with a space). */
async function statusOf(page, query) {
  await typeQuery(page, `${query} `);
  return (await readView(page)).status;
}

test('files added by the picker are searched with the site\'s, kept through a reload and offline', async (t) => {
  const { page, problems } = await open(t);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  assert.equal(await page.textContent('.yours-count'), 'None yet.');

  const outcome = await pick(page, [GOOD, LATIN1, EMPTY, BIG]);
  assert.match(outcome, /Added 2 articles\./);
  const refused = await page.$$eval('.yours-outcome .refused li', (li) => li.map((l) => l.textContent));
  assert.equal(refused.length, 2, refused.join('; '));
  assert.match(refused[0], /^latin1\.txt: not UTF-8 text \(byte 3 is not UTF-8\)/);
  assert.match(refused[1], /^empty\.txt: empty/);
  assert.deepEqual(await page.$$eval('.yours-list .name', (n) => n.map((x) => x.textContent)), ['findings.txt', 'survey.txt']);
  assert.match(await page.textContent('.yours-count') ?? '', /^2 articles, 5\.2 MB, kept on this device\.$/);
  assert.match(await page.textContent('.count-line') ?? '', new RegExp(`^${SITE_ARTICLES} articles? and 2 of yours`));

  // Searched with the site's, marked as the reader's, highlighted like them.
  assert.equal(await statusOf(page, 'Zanzibarian'), '1 match in 1 article');
  const view = await readView(page);
  assert.deepEqual(view.marks, ['Zanzibarian']);
  assert.match(await page.textContent('#list li.item .item-meta') ?? '', /^Yours: findings\.txt/);
  assert.equal(await statusOf(page, 'Quetzalcoatlus'), '1 match in 1 article', 'the last word of a 5 MB article');
  assert.equal(await statusOf(page, 'Seoul'), `${SEOUL_IN_SITE + 1} matches in 2 articles`);
  assert.equal(await statusOf(page, 'Seoul in:mine'), '1 match in 1 article');
  assert.equal(await statusOf(page, 'Seoul in:site'), `${SEOUL_IN_SITE} matches in 1 article`);

  // Kept: after a reload, and offline.
  await page.reload();
  await page.waitForSelector('body[data-yours="ready"]', { state: 'attached' });
  assert.equal(await statusOf(page, 'Zanzibarian'), '1 match in 1 article', 'after a reload');
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector('body[data-yours="ready"]', { state: 'attached' });
  assert.equal(await statusOf(page, 'Quetzalcoatlus'), '1 match in 1 article', 'offline');
  assert.equal(await page.textContent('.yours-count').then((s) => s?.slice(0, 10)), '2 articles');
  await page.context().setOffline(false);
  assert.deepEqual(problems, [], 'console errors/warnings, page errors or failed requests');
});

/**
 * Drops `files` ({name, text}) on the explorer, as a drag from the desktop does.
 * @param {import('playwright-core').Page} page
 * @param {Array<{name: string, text: string}>} files
 */
async function drop(page, files) {
  await page.evaluate(() => document.querySelector('.yours-outcome')?.replaceChildren());
  const data = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    return transfer;
  }, files);
  await page.dispatchEvent('#list', 'dragover', { dataTransfer: data });
  assert.ok(await page.$('.ae.dropping'), 'a drag of files over the explorer shows where it lands');
  await page.dispatchEvent('#list', 'drop', { dataTransfer: data });
}

test('a drop adds files; one of the same name asks before replacing; remove one, remove all', async (t) => {
  // Dropped before "Your articles" was opened: the drop brings in its code.
  const { page, problems } = await open(t, { closed: true });
  await drop(page, [
    { name: 'a.txt', text: 'Alpha note\n\nAlpha mentions Xylophonic matters.\n' },
    { name: 'b.txt', text: 'Beta note\n\nBeta mentions Quixotic matters.\n' },
  ]);
  await page.waitForSelector('.yours-outcome p.added');
  assert.equal(await page.$('.ae.dropping'), null);
  assert.equal(await statusOf(page, 'Xylophonic OR Quixotic'), '2 matches in 2 articles');

  // The same name again: asked; kept when the reader says so, replaced when they say so.
  await drop(page, [{ name: 'a.txt', text: 'Alpha note again\n\nNow about Zeppelinish matters.\n' }]);
  await page.waitForSelector('dialog.replace[open]');
  assert.match(await page.textContent('dialog.replace p') ?? '', /An article of the same name is already here: a\.txt/);
  await page.click('dialog.replace button[value="keep"]');
  await page.waitForSelector('.yours-outcome p, .yours-outcome:empty', { state: 'attached' });
  assert.doesNotMatch(await statusOf(page, 'Zeppelinish') ?? '', /^[\d,]+ match/, 'kept: the new text was not added');
  assert.equal(await page.$$eval('.yours-list li', (l) => l.length), 2);
  assert.equal(await statusOf(page, 'Xylophonic'), '1 match in 1 article', 'kept: the old text');

  await drop(page, [{ name: 'a.txt', text: 'Alpha note again\n\nNow about Zeppelinish matters.\n' }]);
  await page.waitForSelector('dialog.replace[open]');
  await page.click('dialog.replace button[value="replace"]');
  await page.waitForSelector('.yours-outcome p.added');
  assert.equal(await statusOf(page, 'Zeppelinish'), '1 match in 1 article', 'replaced: the new text');
  assert.match((await readView(page)).status ?? '', /^1 match/);
  await typeQuery(page, 'Xylophonic ');
  assert.equal((await readView(page)).marks.length, 0, 'the old text is gone');

  // Remove one; then all.
  await page.click('.yours-list button[aria-label="Remove b.txt"]');
  await eventually(() => page.$$eval('.yours-list li', (l) => l.length), 1, 'one left');
  await typeQuery(page, 'Quixotic ');
  assert.equal((await readView(page)).marks.length, 0, 'b.txt is gone');
  await page.click('.yours .remove-all');
  await eventually(() => page.textContent('.yours-count'), 'None yet.', 'none left');
  assert.match(await page.textContent('.count-line') ?? '', new RegExp(`^${SITE_ARTICLES} articles?, searched`));
  await page.reload();
  await page.waitForSelector('body[data-yours="ready"]', { state: 'attached' });
  assert.equal(await page.textContent('.yours-count'), 'None yet.', 'removed for good');
  assert.deepEqual(problems, []);
});

test('a pasted article is added under its title; the export is a bundle the CLI and the page read', async (t) => {
  const { page, problems } = await open(t);
  await page.click('text=Paste an article…');
  await page.fill('#paste-text', 'Pasted: a note on Kamchatkan fisheries\n\nThe Kamchatkan catch grew.\n');
  await page.click('text=Add it');
  await page.waitForSelector('.yours-outcome p.added');
  assert.deepEqual(await page.$$eval('.yours-list .name', (n) => n.map((x) => x.textContent)), ['Pasted a note on Kamchatkan fisheries.txt']);
  assert.equal(await statusOf(page, 'Kamchatkan'), '2 matches in 1 article');
  await pick(page, [GOOD]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.yours .export')]);
  const path = join(env('E2E_ARTIFACTS'), 'my-articles.txt');
  await download.saveAs(path);
  const bundle = readFileSync(path);
  assert.ok(bundle.toString('utf8').startsWith('article-explorer bundle 1\n'), 'a bundle');
  // The CLI searches it (built beside xtask by `cargo xtask test`'s native step).
  const cli = join(dirname(env('XTASK')), 'article-explorer');
  const found = JSON.parse(execFileSync(cli, ['search', 'Kamchatkan OR Zanzibarian', path], { encoding: 'utf8' }));
  assert.deepEqual(found.articles.map((a) => a.file).sort(), ['Pasted a note on Kamchatkan fisheries.txt', 'findings.txt']);

  // Another browser (a fresh context) adds it back: the same articles.
  const other = await open(t);
  await pick(other.page, [{ name: 'my-articles.txt', mimeType: 'text/plain', buffer: bundle }]);
  assert.deepEqual(await other.page.$$eval('.yours-list .name', (n) => n.map((x) => x.textContent).sort()),
    ['Pasted a note on Kamchatkan fisheries.txt', 'findings.txt']);
  assert.equal(await statusOf(other.page, 'Kamchatkan OR Zanzibarian'), '3 matches in 2 articles');
  assert.deepEqual(problems, []);
  assert.deepEqual(other.problems, []);
});

test('hostile articles added by the reader stay text: nothing runs, no element is made', async (t) => {
  const { page, problems, dialogs } = await open(t);
  const folder = 'tests/fixtures/xss';
  const files = readdirSync(folder).filter((f) => f.endsWith('.txt'))
    .map((name) => ({ name, mimeType: 'text/plain', buffer: readFileSync(join(folder, name)) }));
  assert.match(await pick(page, files), new RegExp(`Added ${files.length} articles`));
  for (const query of ['script', 'onerror', 'img', 'alert']) {
    await typeQuery(page, `${query} `);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
  }
  const made = await page.$$eval('#list script, #list img, #article script, #article img, #article iframe, .yours-list script, .yours-list img', (e) => e.length);
  assert.equal(made, 0, 'no element made of their text');
  assert.equal(await page.evaluate(() => /** @type {any} */ (window).__xss ?? null), null);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems, []);
});

test('over the storage quota an add fails with the reason, and what was kept is intact', async (t) => {
  const { page, problems } = await open(t);
  // Room for the site's files (the service worker's cache) and a small article, not 5 MB
  // more. (Chromium applies an override to a store's first write: so, before it.)
  const session = await page.context().newCDPSession(page);
  await session.send('Storage.overrideQuotaForOrigin', { origin: new URL(SITE).origin, quotaSize: 3 * 1024 * 1024 });
  assert.match(await pick(page, [GOOD]), /Added 1 article\./);
  const outcome = await pick(page, [BIG]);
  assert.match(outcome, /no room left/);
  assert.match(outcome, /1 article was not added; the article kept before is still here\./);
  assert.deepEqual(await page.$$eval('.yours-list .name', (n) => n.map((x) => x.textContent)), ['findings.txt']);
  assert.doesNotMatch(await statusOf(page, 'Quetzalcoatlus') ?? '', /^[\d,]+ match/, 'the refused article is not searched');
  await page.reload();
  await page.waitForSelector('body[data-yours="ready"]', { state: 'attached' });
  assert.equal(await statusOf(page, 'Zanzibarian'), '1 match in 1 article', 'the one kept before is still there');
  await session.send('Storage.overrideQuotaForOrigin', { origin: new URL(SITE).origin });
  assert.deepEqual(problems.filter((p) => !/QuotaExceeded|quota/i.test(p)), []);
});

test('a large add is shown in steps, with its progress, the first articles searchable before the rest', async (t) => {
  const { page, problems } = await open(t);
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__seen = [];
    const watch = (selector) => new MutationObserver(() => w.__seen.push(`${selector}: ${document.querySelector(selector)?.textContent}`))
      .observe(/** @type {Node} */ (document.querySelector(selector)), { childList: true, characterData: true, subtree: true });
    watch('.yours-progress');
    watch('.count-line');
  });
  const files = Array.from({ length: 120 }, (_, i) => ({
    name: `note-${String(i).padStart(3, '0')}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(`Note ${i} on Okhotsk fisheries\n\nNote ${i} counts Okhotsk trawlers once.\n`),
  }));
  assert.match(await pick(page, files), /Added 120 articles\./);
  const seen = await page.evaluate(() => /** @type {any} */ (window).__seen);
  const at = (text) => seen.indexOf(text);
  const line = (n) => `.count-line: ${SITE_ARTICLES} article${SITE_ARTICLES === 1 ? '' : 's'} and ${n} of yours, searched in your browser`;
  assert.ok(at('.yours-progress: Adding 120 articles — 0 done') >= 0, seen.join('\n'));
  assert.ok(at('.yours-progress: Adding 120 articles — 50 done') > at(line(50)), seen.join('\n'));
  assert.ok(at(line(50)) >= 0, 'the first 50 were shown before the rest');
  assert.ok(at(line(120)) > at('.yours-progress: Adding 120 articles — 50 done'));
  assert.equal(await page.textContent('.yours-progress'), '', 'done: the progress is cleared');
  assert.equal(await statusOf(page, 'Okhotsk'), '240 matches in 120 articles');
  assert.deepEqual(problems, []);
});

test('"Add a folder" takes its text files, by their path in it, and leaves the rest', async (t) => {
  const { page, problems } = await open(t);
  const root = mkdtempSync(join(tmpdir(), 'yours-folder-'));
  const folder = join(root, 'drafts');
  mkdirSync(join(folder, 'older'), { recursive: true });
  writeFileSync(join(folder, 'one.txt'), 'Draft one\n\nAbout Sakhalin shelf gas.\n');
  writeFileSync(join(folder, 'older', 'two.TXT'), 'Draft two\n\nMore on Sakhalin.\n');
  writeFileSync(join(folder, 'notes.md'), '# Not an article file\n');
  writeFileSync(join(folder, '.hidden.txt'), 'Hidden\n\nSakhalin hidden.\n');
  t.after(() => rmSync(root, { recursive: true, force: true }));
  await page.setInputFiles('#add-folder', folder);
  await page.waitForSelector('.yours-outcome p.added');
  assert.deepEqual(await page.$$eval('.yours-list .name', (n) => n.map((x) => x.textContent).sort()),
    ['drafts/older/two.TXT', 'drafts/one.txt']);
  assert.equal(await statusOf(page, 'Sakhalin'), '2 matches in 2 articles');
  assert.deepEqual(problems, []);
});

test('kept through a browser restart, and the browser is asked to keep them', async (t) => {
  const profile = mkdtempSync(join(tmpdir(), 'yours-profile-'));
  t.after(() => rmSync(profile, { recursive: true, force: true }));
  const launch = () => chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  let context = await launch();
  // Counts the page's calls to navigator.storage.persist() (the browser's answer stays its own).
  await context.addInitScript(() => {
    const storage = /** @type {any} */ (navigator.storage);
    const persist = storage.persist.bind(storage);
    /** @type {any} */ (window).__persistAsked = 0;
    storage.persist = () => {
      /** @type {any} */ (window).__persistAsked++;
      return persist();
    };
  });
  let page = context.pages()[0] ?? await context.newPage();
  await page.goto(SITE);
  await openYours(page);
  assert.match(await pick(page, [GOOD]), /Added 1 article\./);
  assert.equal(await page.evaluate(() => /** @type {any} */ (window).__persistAsked), 1, 'persist() asked when adding');
  await context.close();

  context = await launch();
  t.after(() => context.close());
  page = context.pages()[0] ?? await context.newPage();
  await page.goto(SITE);
  await page.waitForSelector('body[data-yours="ready"]', { state: 'attached' });
  assert.equal(await statusOf(page, 'Zanzibarian'), '1 match in 1 article', 'after the browser restarted');
});

test('a folder dropped on the page is searched with the site\'s, and found again offline after a browser restart', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'yours-drop-'));
  const profile = join(root, 'profile');
  const folder = join(root, 'drafts');
  mkdirSync(join(folder, 'older'), { recursive: true });
  writeFileSync(join(folder, 'one.txt'), 'Draft one\n\nAbout Sakhalin shelf gas, and Seoul.\n');
  writeFileSync(join(folder, 'older', 'two.txt'), 'Draft two\n\nMore on Sakhalin.\n');
  writeFileSync(join(folder, 'notes.md'), '# Not an article file\n');
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const launch = () => chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });

  let context = await launch();
  let page = context.pages()[0] ?? await context.newPage();
  await page.goto(SITE);
  await page.waitForSelector('body[data-yours="ready"]', { state: 'attached' });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // A real drop of a folder from the desktop (Chromium's drag input: its files by path).
  const cdp = await context.newCDPSession(page);
  const box = await page.locator('#list').boundingBox();
  assert.ok(box);
  const at = { x: box.x + 20, y: box.y + 20 };
  const data = { items: [], files: [folder], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop']) await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
  await page.waitForSelector('.yours-outcome p.added');
  assert.deepEqual(await page.$$eval('.yours-list .name', (n) => n.map((x) => x.textContent).sort()),
    ['drafts/older/two.txt', 'drafts/one.txt'], 'its text files, by their path in it');
  assert.equal(await statusOf(page, 'Sakhalin OR Seoul'), `${SEOUL_IN_SITE + 3} matches in 3 articles`, 'with the site\'s');
  await context.close();

  // Back the next day, offline.
  context = await launch();
  t.after(() => context.close());
  await context.setOffline(true);
  page = context.pages()[0] ?? await context.newPage();
  await page.goto(SITE);
  await page.waitForSelector('body[data-yours="ready"]', { state: 'attached' });
  assert.ok(await page.isVisible('#notices .offline'), 'offline, and it says so');
  assert.equal(await statusOf(page, 'Sakhalin OR Seoul'), `${SEOUL_IN_SITE + 3} matches in 3 articles`, 'still there');
});
