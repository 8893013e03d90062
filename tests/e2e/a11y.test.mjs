// Accessibility audited by axe-core (every rule, best practices and colour contrast
// included) in both colour schemes, at 360 px and on a desktop, with highlights and the
// current match shown, while typing (prefix marks, the facets unfolded, a passage's
// tools), with a common word left out, and with nothing matching.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { env, openPage, useBrowser } from './browser.mjs';
import { addByPicker, NOTE_AND_EMPTY, openYours } from './explorer.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const browser = useBrowser();

/** axe's findings on the page as it is now: every rule, any impact (best practices too). */
async function axeViolations(page) {
  // CDP evaluation is not subject to the page's CSP, which forbids inline scripts.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`).slice(0, 3),
    }));
  });
}

for (const colorScheme of ['light', 'dark']) {
  for (const width of [360, 1200]) {
    test(`axe finds no violation of any rule or impact (${colorScheme}, ${width} px)`, async (t) => {
      const { page, problems } = await openPage(t, browser(), `${env('E2E_URL')}#q=Seoul`, {
        context: { colorScheme, viewport: { width, height: 800 } },
      });
      await page.locator('#q').press('Enter'); // a current match, styled apart
      await page.check('#only-matching'); // the "paragraphs hidden" separators too
      assert.equal(await page.locator('mark.current').count(), 1);
      assert.deepEqual(await axeViolations(page), [], 'matches, the current one, paragraphs hidden');
      // Typing: the words a word begins marked; the topics and authors unfolded; a
      // paragraph's Link and Cite.
      await page.uncheck('#only-matching');
      await page.fill('#q', '');
      await page.locator('#q').pressSequentially('Kore');
      await page.evaluate(() => { /** @type {HTMLDetailsElement} */ (document.querySelector('details.more')).open = true; });
      await page.locator('#facets button.chip').first().waitFor();
      assert.equal(await page.locator('#article mark.prefix').count() > 0, true);
      await page.locator('#article p.paragraph').nth(1).hover();
      assert.equal(await page.locator('#article .passage-tools').count(), 1);
      assert.deepEqual(await axeViolations(page), [], 'typing, chips unfolded, passage tools');
      // A common word left out, and the phrase offered.
      await page.fill('#q', 'republic of korea');
      await page.locator('#suggest a.did-you-mean').waitFor();
      assert.deepEqual(await axeViolations(page), [], 'a common word left out');
      // Nothing matches: the view says so, and the page keeps its heading and landmarks.
      await page.fill('#q', 'zzzqx');
      await page.waitForFunction(() => document.querySelector('#article .empty') !== null);
      assert.deepEqual(await axeViolations(page), [], 'no match');
      assert.deepEqual(problems, []);
    });
  }
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violation in "Your articles", with an article added and one refused (${colorScheme})`, async (t) => {
    const { page, problems } = await openPage(t, browser(), env('E2E_URL'), { context: { colorScheme, viewport: { width: 360, height: 800 } } });
    await openYours(page);
    await addByPicker(page, NOTE_AND_EMPTY);
    await page.click('text=Paste an article…');
    assert.deepEqual(await axeViolations(page), [], 'the section open, its list, an outcome, the paste form');
    await page.fill('#q', 'Zanzibarian ');
    await page.waitForFunction(() => document.querySelector('#article mark') !== null);
    assert.deepEqual(await axeViolations(page), [], 'the reader\'s article listed and shown');
    assert.deepEqual(problems, []);
  });
}

test('going through the matches is said to a screen reader', async (t) => {
  const { page, problems } = await openPage(t, browser(), `${env('E2E_URL')}#q=Seoul`);
  const live = await page.evaluate(() => {
    const position = document.querySelector('#position');
    return [position?.getAttribute('aria-live'), position?.getAttribute('aria-atomic')];
  });
  assert.deepEqual(live, ['polite', 'true']);
  await page.locator('#q').press('Enter');
  assert.equal(await page.textContent('#position'), '2 of 8');
  assert.deepEqual(problems, []);
});

test('the page is usable by keyboard alone', async (t) => {
  const { page, problems } = await openPage(t, browser(), env('E2E_URL'));
  // Tab order: skip link, search field, toggle, previous, next, …, then the articles.
  const focused = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    focused.push(await page.evaluate(() => {
      const el = document.activeElement;
      return el?.id || el?.className || el?.tagName;
    }));
  }
  assert.ok(focused.includes('q'), `the search field is reachable: ${focused}`);
  assert.ok(focused.includes('only-matching'), `the toggle is reachable: ${focused}`);
  // Typing then Enter moves through the matches without a mouse.
  await page.focus('#q');
  await page.keyboard.type('Seoul');
  await page.keyboard.press('Enter');
  assert.equal(await page.textContent('#position'), '2 of 8');
  // An article in the list opens with Enter.
  await page.focus('#list button.pick');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#list button.pick', 'aria-current'), 'true');
  assert.deepEqual(problems, []);
});
