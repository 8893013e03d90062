// End-to-end: the explorer as a reader first meets it and moves through it (issue 16) — the
// first view (what this is, the field, the rest folded), the bar on a phone that never
// covers the current match, a link that keeps the match and the passage, "Link" and
// "Cite" on a paragraph, and titles marked in the list. In the page (the seed's and a
// 300-article archive), the single file and the element, at 360×740 and 1280×800.

import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { test } from 'node:test';
import { env, eventually, openPage, useBrowser } from './browser.mjs';
import { articlesIn, currentMarkPlacement, occurrences, readView, typeQuery } from './explorer.mjs';

const SITE = env('E2E_URL');
const BIG = env('E2E_BIG_URL');
const DIST = env('E2E_DIST');
const browser = useBrowser();

const SEED = articlesIn('seeds').find((a) => a.name.startsWith('000-'));
assert.ok(SEED, 'seeds/000-*.txt exists');
const SEOUL = occurrences(SEED, 'Seoul');
const PHONE = { viewport: { width: 360, height: 740 } };
const DESKTOP = { viewport: { width: 1280, height: 800 } };

/** The box of `selector` (in the element's shadow root too), or null. */
const box = (page, selector) => page.locator(selector).first().boundingBox();

/**
 * Steps through `steps` matches with Enter, each time asserting that the current match
 * lies wholly in the visible part below the bar.
 */
async function stepAndSee(page, steps, what) {
  for (let i = 1; i <= steps; i++) {
    await page.locator('#q').press('Enter');
    await eventually(() => currentMarkPlacement(page), 'visible', `${what}: match ${i + 1} below the bar`);
  }
}

for (const [name, url, query] of [['the seed', SITE, 'Seoul'], ['300 articles', BIG, 'Korea']]) {
  test(`on a phone, ${name}: the bar is the field and the match navigation, and never covers the match`, async (t) => {
    const { page, problems } = await openPage(t, browser(), url, { context: PHONE });
    await typeQuery(page, `${query} `);
    const bar = await box(page, '.bar');
    assert.ok(bar && bar.height <= 120, `the bar is ${bar?.height} px tall (at most 120)`);
    // Inside it: the field and the navigation; the chips and tips are folded away.
    assert.ok(await page.locator('.bar #q').isVisible());
    assert.ok(await page.locator('.bar #next').isVisible());
    await page.locator('#facets .chip').first().waitFor({ state: 'attached' });
    assert.equal(await page.locator('#facets').isVisible(), false, 'the chips are folded');
    await stepAndSee(page, 4, name);
    // Scrolled down, the bar stays on top, as small.
    const stuck = await box(page, '.bar');
    assert.ok(stuck && stuck.y === 0 && stuck.height <= 120, JSON.stringify(stuck));
    // Unfolded, the chips are there (and scroll away with the page, not in the bar).
    await page.evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
    await page.locator('details.more > summary').click();
    assert.ok(await page.locator('#facets .chip').first().isVisible());
    assert.ok(((await box(page, '.bar'))?.height ?? 999) <= 120, 'the chips are not in the bar');
    assert.deepEqual(problems, []);
  });
}

test('the first view says what this is and how many articles, then the field; the rest is folded', async (t) => {
  const { page, problems } = await openPage(t, browser(), BIG, { context: DESKTOP });
  const title = await page.title();
  assert.equal(await page.locator('.masthead h1').textContent(), title);
  assert.ok(await page.locator('.masthead h1').isVisible(), 'the heading is shown, not only read out');
  assert.equal(await page.locator('.count-line').textContent(), '300 articles, searched in your browser');
  assert.equal(await page.locator('details.more').getAttribute('open'), null);
  // The list and the article start high on the screen (the header took 298 px of 800).
  const panes = await box(page, 'main.panes');
  assert.ok(panes && panes.y <= 200, `the panes start at y = ${panes?.y}`);
  assert.deepEqual(problems, []);
});

test('a link keeps the current match: stepping writes m=, and the link opens there', async (t) => {
  const { page, problems } = await openPage(t, browser(), `${SITE}#q=Seoul`);
  for (let i = 0; i < 3; i++) await page.locator('#q').press('Enter');
  assert.equal((await readView(page)).position, `4 of ${SEOUL.length}`);
  await eventually(() => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('m')), '4', 'm in the URL');
  const url = await page.evaluate(() => location.href);
  const opened = await openPage(t, browser(), url);
  const view = await readView(opened.page);
  assert.equal(view.position, `4 of ${SEOUL.length}`);
  assert.deepEqual(view.current, [3]);
  await eventually(() => currentMarkPlacement(opened.page), 'visible', 'the 4th match in view');
  assert.deepEqual([...problems, ...opened.problems], []);
});

for (const [size, context] of [['a phone', PHONE], ['a desktop', DESKTOP]]) {
  test(`on ${size}, "Link" and "Cite" copy a passage: its link opens at it, the citation names it`, async (t) => {
    const options = { ...context, permissions: ['clipboard-read', 'clipboard-write'] };
    const { page, problems } = await openPage(t, browser(), `${SITE}#q=Seoul`, { context: options });
    // The tools are on the current match's paragraph.
    const current = page.locator('#article mark.current');
    const paragraph = page.locator('#article [data-block]:has(mark.current)');
    const text = SEED.lines.find((l) => l.includes('Moscow and Seoul are both interested'));
    assert.equal(await paragraph.locator('.passage-tools').count(), 1);
    assert.equal(await paragraph.evaluate((p) => p.textContent), text, 'the tools add no text to the paragraph');
    assert.ok(await current.isVisible());
    await paragraph.locator('button.passage-cite').click();
    await eventually(() => paragraph.locator('.passage-said').textContent(), 'Copied with its citation');
    const citation = await page.evaluate(() => navigator.clipboard.readText());
    const [quoted, source, link] = citation.split('\n');
    assert.equal(quoted, `“${text}”`);
    assert.equal(source, `— ${SEED.lines[0]}`);
    const params = new URL(link).hash.slice(1);
    assert.equal(new URLSearchParams(params).get('q'), 'Seoul');
    assert.equal(new URLSearchParams(params).get('a'), `${SEED.name}.txt`);
    await paragraph.locator('button.passage-link').click();
    await eventually(() => page.evaluate(() => navigator.clipboard.readText()), link, 'the link alone');
    // Another paragraph, pointed at, gets the tools.
    const other = page.locator('#article p.paragraph').nth(5);
    await other.hover();
    assert.equal(await other.locator('.passage-tools').count(), 1);
    assert.equal(await page.locator('#article .passage-tools').count(), 1, 'one set of tools');
    // The passage's link opens the article at that passage, marked, in view.
    const opened = await openPage(t, browser(), link, { context });
    const target = opened.page.locator('#article .target');
    assert.equal(await target.evaluate((p) => p.textContent), text);
    const placed = await target.boundingBox();
    assert.ok(placed && placed.y + placed.height > 0 && placed.y < context.viewport.height, `the passage is in view: ${JSON.stringify(placed)}`);
    assert.deepEqual([...problems, ...opened.problems], []);
  });
}

test('titles in the list are marked like the snippets', async (t) => {
  const { page, problems } = await openPage(t, browser(), SITE);
  await typeQuery(page, 'title:Relations ');
  const marks = () => page.locator('#list .item-title mark').allTextContents();
  assert.deepEqual(await marks(), ['Relations']);
  assert.equal(await page.locator('#list .item-title').first().textContent(), SEED.lines[0]);
  await typeQuery(page, 'Seoul ');
  assert.deepEqual(await marks(), [], 'Seoul is not in the title');
  assert.deepEqual(problems, []);
});

test('the single file at 360 px: the masthead, a small bar, the match below it', async (t) => {
  const url = pathToFileURL(join(DIST, 'article-explorer.html')).href;
  const { page, problems } = await openPage(t, browser(), `${url}#q=Seoul`, { context: PHONE });
  assert.ok(await page.locator('.masthead h1').isVisible());
  const bar = await box(page, '.bar');
  assert.ok(bar && bar.height <= 120, `the bar is ${bar?.height} px tall`);
  await stepAndSee(page, 3, 'the single file');
  assert.deepEqual(problems, []);
});

test('the element at 360 px (demo.html): a small bar in it, the match below it once the reader acts, a passage\'s link to the explorer', async (t) => {
  const context = { ...PHONE, permissions: ['clipboard-read', 'clipboard-write'] };
  const { page, problems } = await openPage(t, browser(), `${SITE}demo.html`, { context, state: null });
  const element = page.locator('#element-demo');
  await element.evaluate((e) => /** @type {any} */ (e).ready);
  const bar = await element.locator('.bar').boundingBox();
  assert.ok(bar && bar.height <= 120, `the element's bar is ${bar?.height} px tall`);
  assert.equal(await element.locator('.masthead').count(), 0, 'the host names the page');
  const q = element.locator('#q');
  await q.focus();
  for (let i = 1; i <= 3; i++) {
    await q.press('Enter');
    await eventually(async () => {
      const mark = await element.locator('mark.current').boundingBox();
      const top = await element.locator('.bar').boundingBox();
      if (!mark || !top) return 'no box';
      const below = Math.max(0, top.y + top.height);
      return mark.y >= below && mark.y + mark.height <= 740 ? 'visible' : `mark at ${mark.y}, bar to ${below}`;
    }, 'visible', `the element's match ${i + 1} below its bar`);
  }
  // "Link" on the current match's paragraph: a link to the explorer's own page, there.
  await element.locator('[data-block]:has(mark.current) button.passage-link').click();
  await eventually(async () => {
    const text = await page.evaluate(() => navigator.clipboard.readText());
    return text.startsWith(`${SITE}index.html#`) && text.includes('q=Seoul') ? 'explorer page' : text;
  }, 'explorer page', 'the link opens the explorer');
  assert.deepEqual(problems, []);
});
