// End-to-end: the explorer as shipped (dist/, the seeds) in a real Chromium, at E2E_URL.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { env, eventually, openPage, useBrowser } from './browser.mjs';
import { articlesIn, currentMarkPlacement, plural, readView, typeQuery } from './explorer.mjs';

const SITE = env('E2E_URL');
const browser = useBrowser();

const SEEDS = articlesIn('seeds');
const SEED = SEEDS.find((a) => a.name.startsWith('000-'));
assert.ok(SEED, 'seeds/000-*.txt exists');

/** A word's occurrences in the seed's visible texts, as the engine highlights them: possessive included. */
const occurrences = (word) => SEED.lines.flatMap((line) => line.match(new RegExp(`\\b${word}\\w*(?:['’]s)?`, 'g')) ?? []);
const SEOUL = occurrences('Seoul');
assert.equal(SEOUL.length, 8, 'the seed has 8 occurrences of Seoul (the tests below rely on it)');

/**
 * A test on a fresh page at E2E_URL + `hash`, which also asserts that the page logged no
 * error or warning, failed no request and opened no dialog.
 * @param {string} name
 * @param {(page: import('playwright-core').Page) => Promise<void>} body
 * @param {{hash?: string, context?: import('playwright-core').BrowserContextOptions}} [options]
 */
function pageTest(name, body, { hash = '', context } = {}) {
  test(name, async (t) => {
    const { page, problems, dialogs } = await openPage(t, browser(), SITE + hash, { context });
    await body(page);
    assert.deepEqual(problems, [], 'console errors/warnings, page errors or failed requests');
    assert.deepEqual(dialogs, [], 'dialogs');
  });
}

/** Asserts the page shows the seed searched for Seoul: 8 marks, the counts agreeing. */
async function assertSeoul(page) {
  const view = await readView(page);
  assert.deepEqual(view.marks, SEOUL);
  assert.equal(view.status, `${SEOUL.length} matches in 1 article`);
  assert.deepEqual(view.items.map((i) => [i.title, i.count]), [[SEED.lines[0], String(SEOUL.length)]]);
  assert.equal(view.position, `1 of ${SEOUL.length}`);
  assert.deepEqual(view.current, [0]);
}

pageTest('typing Seoul highlights its 8 occurrences, and the counts agree', async (page) => {
  await typeQuery(page, 'Seoul');
  await assertSeoul(page);
  // The URL follows within a frame (a replacement is written after the frame: app.js syncUrl).
  await eventually(() => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('q')), 'Seoul', 'the query is in the URL');
});

pageTest('a quoted phrase highlights the whole phrase', async (page) => {
  await typeQuery(page, '"Moon Jae-in"');
  const view = await readView(page);
  assert.deepEqual(view.marks, ['Moon Jae-in', 'Moon Jae-in']);
  assert.equal(view.status, '2 matches in 1 article');
  assert.equal(view.position, '1 of 2');
});

pageTest('a word finds its other forms and a misspelt word its spelling, each mark saying so', async (page) => {
  const marks = () => page.$$eval('#article mark', (ms) => ms.map((m) => [m.textContent, m.className.replace('current', '').trim(), m.title]));
  // Porter2 stems relation, relations and related alike (relat), not relationship (a
  // space after it: finished, the word no longer finds the longer words it begins).
  await typeQuery(page, 'relation ');
  const found = await marks();
  assert.deepEqual(new Set(found.map(([text]) => text.toLowerCase())), new Set(['relations', 'related']));
  assert.ok(found.every(([, cls, title]) => cls === 'stem' && title === 'another form of the word'));
  await typeQuery(page, 'Vladivostk');
  const view = await readView(page);
  assert.deepEqual(view.marks, occurrences('Vladivostok'));
  assert.ok((await marks()).every(([, cls]) => cls === 'fuzzy'));
  await typeQuery(page, '"relations"');
  assert.ok((await marks()).every(([, cls]) => cls === ''), 'quoted: the word as typed');
});

pageTest('a new query on the shown article rewrites only the fields whose highlights change', async (page) => {
  await typeQuery(page, 'Seoul');
  await assertSeoul(page);
  // Each field of the view: whether it is an element shown before, and its marks' texts.
  const fields = () => page.evaluate(() => {
    const nodes = [...document.querySelectorAll('#article h1, #article p, #article h2')];
    window.__fields ??= nodes;
    return nodes.map((n) => ({
      same: window.__fields.includes(n),
      marks: [...n.querySelectorAll('mark')].map((m) => m.textContent).join('|'),
    }));
  });
  const before = await fields();
  await page.evaluate(() => {
    window.__firsts = [...document.querySelectorAll('#article h1, #article p, #article h2')].map((n) => n.firstChild);
  });
  await page.fill('#q', 'Seoul Moscow'); // one input event: the article stays shown throughout
  const after = await fields();
  const kept = await page.evaluate(() => [...document.querySelectorAll('#article h1, #article p, #article h2')]
    .map((n, i) => n.firstChild === window.__firsts[i]));
  assert.equal(after.length, before.length);
  assert.ok(after.every((f) => f.same), 'the same elements: the article is patched, not rebuilt');
  const changed = after.map((f, i) => f.marks !== before[i].marks);
  assert.ok(changed.some(Boolean) && !changed.every(Boolean), 'some fields gain Moscow, others do not');
  assert.deepEqual(kept, changed.map((c) => !c), 'a field is rewritten exactly when its marks change');
  const view = await readView(page);
  assert.deepEqual([...view.marks].sort(), [...SEOUL, ...occurrences('Moscow')].sort());
  assert.deepEqual(view.current, [0], 'one current mark, the first');
  assert.equal(view.position, `1 of ${view.marks.length}`);
});

pageTest('each listed article shows its best excerpt, its matches marked', async (page) => {
  const snippet = () => page.$eval('#list li.item:not([hidden]) .snippet', (p) => ({
    text: p.textContent, marks: [...p.querySelectorAll('mark')].map((m) => m.textContent),
  }));
  assert.equal((await snippet()).text, '', 'no query: no excerpt');
  await typeQuery(page, 'Moscow Seoul');
  const got = await snippet();
  assert.ok(got.marks.length >= 2 && got.marks.every((m) => /^(Moscow|Seoul)/.test(m)), got.marks.join());
  const words = got.text.replace(/…/g, '').trim().split(/\s+/);
  assert.ok(words.length <= 30, `${words.length} words`);
  assert.ok(SEED.lines.some((line) => line.includes(got.text.replace(/^… | …$/g, ''))), 'a piece of one field');
});

pageTest('keyphrase chips toggle their phrase in the query; "Cards by" chips filter by a card\'s author', async (page) => {
  // Folded at first.
  await page.locator('details.more > summary').click();
  const topics = page.locator('#facets [aria-label="Topics"] button.chip');
  await topics.first().waitFor();
  const names = await topics.allTextContents();
  for (const name of ['Republic of Korea', 'South Korea']) assert.ok(names.includes(name), names.join(' | '));
  // Salient words as the articles write them: a proper noun capitalised, a common word in
  // lowercase (never capitalised from a sentence's start), each as the seed has it.
  const words = names.filter((n) => !n.includes(' ') && !n.includes('-'));
  assert.ok(words.length >= 2, names.join(' | '));
  const seedText = SEED.lines.join('\n');
  for (const w of words) {
    const written = seedText.match(new RegExp(`\\b${w}\\b`, 'gi')) ?? [];
    const expected = written.some((f) => f === f.toLowerCase()) ? w.toLowerCase() : written[0];
    assert.equal(w, expected, `the chip ${w} as the seed writes it (${[...new Set(written)].join(', ')})`);
  }
  assert.ok(words.includes('Russia') && words.includes('relations'), words.join(' | '));
  // The article's own chips, under its title.
  const own = await page.locator('#article .article-chips button.chip').allTextContents();
  assert.ok(own.includes('Moon Jae-in') && own.includes('Republic of Korea'), own.join(' | '));
  await typeQuery(page, 'Seoul');
  await topics.filter({ hasText: /^Republic of Korea$/ }).click();
  let view = await readView(page);
  assert.equal(view.query, 'Seoul "Republic of Korea"');
  assert.deepEqual([...new Set(view.marks)].sort(), ['Republic of Korea', 'Seoul', "Seoul's"].filter((m) => view.marks.includes(m)).sort());
  assert.ok(view.marks.includes('Republic of Korea'));
  const korea = topics.filter({ hasText: /^Republic of Korea$/ });
  assert.equal(await korea.getAttribute('aria-pressed'), 'true', 'pressed while the query holds it');
  await korea.click();
  assert.equal((await readView(page)).query, 'Seoul', 'a second press takes it out');
  assert.equal(await korea.getAttribute('aria-pressed'), 'false');
  // The cards' authors (not the articles'): a toggle too, and a filter, not a match: the
  // count stays that of the words, and the name is not marked.
  const author = page.locator('#facets [aria-label="Cards by"] button.chip', { hasText: 'Georgy Toloraya (1)' });
  await typeQuery(page, 'Seoul ');
  await author.click();
  view = await readView(page);
  assert.equal(view.query, 'Seoul author:"Georgy Toloraya"');
  assert.equal(view.status, `${SEOUL.length} matches in 1 article`);
  assert.deepEqual(view.marks, SEOUL);
  assert.equal(await author.getAttribute('aria-pressed'), 'true');
  await author.click();
  assert.equal((await readView(page)).query, 'Seoul');
  assert.equal(await author.getAttribute('aria-pressed'), 'false');
  await typeQuery(page, '');
  await author.click();
  view = await readView(page);
  assert.equal(view.query, 'author:"Georgy Toloraya"');
  assert.equal(view.status, '1 article');
  assert.deepEqual(view.marks, []);
  assert.deepEqual(view.items.map((i) => i.title), [SEED.lines[0]]);
});

pageTest('the word being typed finds the words it begins, marked so; a space or Enter finishes it', async (page) => {
  const marks = () => page.$$eval('#article mark', (ms) => ms.map((m) => [m.textContent, m.className.replace('current', '').trim()]));
  // "Kore" is no word of the seed: typed, it finds Korea and Korean, marked as a prefix.
  await typeQuery(page, 'Kore');
  const typed = await marks();
  const korea = occurrences('Kore');
  assert.deepEqual(typed.map(([text]) => text), korea);
  assert.ok(typed.every(([text, cls]) => /^Kore/i.test(text) && cls === 'prefix'), JSON.stringify(typed));
  assert.equal((await readView(page)).status, `${korea.length} matches in 1 article`);
  // Finished by a space: only what "Kore" itself finds (a word spelt like it, if any).
  await page.locator('#q').press('Space');
  assert.ok((await marks()).every(([, cls]) => cls !== 'prefix'));
  // Whole words first: "Korea" finds itself as typed and the longer words it begins.
  await typeQuery(page, 'Korea');
  const whole = await marks();
  assert.ok(whole.some(([text, cls]) => text === 'Korea' && cls === ''));
  assert.ok(whole.some(([text, cls]) => /^Korean/.test(text) && cls === 'prefix'), JSON.stringify(whole));
  // Enter finishes it: the answer changes (no more prefix marks), so it stays at match 1.
  await page.locator('#q').press('Enter');
  let view = await readView(page);
  assert.ok((await marks()).every(([, cls]) => cls !== 'prefix'));
  assert.equal(view.position, '1 of ' + view.status.split(' ')[0]);
  // A second Enter steps, as always.
  await page.locator('#q').press('Enter');
  view = await readView(page);
  assert.equal(view.position.split(' ')[0], '2');
  // Where the typed word changes nothing, the first Enter steps at once.
  await typeQuery(page, 'Seoul');
  await page.locator('#q').press('Enter');
  assert.equal((await readView(page)).position, `2 of ${SEOUL.length}`);
});

pageTest('a common word among others is left out, said, and the phrase is a click away', async (page) => {
  await typeQuery(page, 'republic korea');
  const words = await readView(page);
  await typeQuery(page, 'republic of korea');
  const view = await readView(page);
  assert.deepEqual(view.marks, words.marks, 'the marks of the other words, no "of"');
  assert.equal(view.status, `${words.status} Left out, as too common: of.`);
  // The query as a phrase: "of" and all, exactly.
  await page.click('#suggest a.did-you-mean');
  const phrase = await readView(page);
  assert.equal(phrase.query, '"republic of korea"');
  const runs = SEED.lines.join('\n').split('Republic of Korea').length - 1;
  assert.deepEqual(phrase.marks, Array(runs).fill('Republic of Korea'));
  // Alone, it is searched as typed.
  await typeQuery(page, 'of ');
  assert.ok((await readView(page)).marks.length > 50);
});

pageTest('an exclusion hides the article that has the word', async (page) => {
  await typeQuery(page, '-Japan');
  const view = await readView(page);
  assert.equal(view.hiddenCount, '1 article hidden (no match)');
  assert.deepEqual(view.items, [], 'no item listed');
  assert.deepEqual(view.marks, []);
  assert.equal(view.position, '0 of 0');
});

pageTest('a query without matches offers to drop the clause that fails', async (page) => {
  await typeQuery(page, 'Seoul Absentword');
  const view = await readView(page);
  assert.match(view.status ?? '', /^No matches/);
  assert.deepEqual(view.marks, []);
  assert.deepEqual(view.suggestions, ['Drop Absentword (1 article)']);
  await page.click('#suggest button.suggestion');
  assert.equal((await readView(page)).query, 'Seoul');
  await assertSeoul(page);
  assert.deepEqual((await readView(page)).suggestions, []);
});

pageTest('a misspelt query that finds nothing offers the corrected query as a link', async (page) => {
  await typeQuery(page, 'Soeul');
  const view = await readView(page);
  assert.match(view.status ?? '', /^No matches/);
  const link = page.locator('#suggest a.did-you-mean');
  assert.equal(await link.textContent(), 'Seoul');
  assert.equal(await link.getAttribute('href'), '#q=Seoul');
  assert.match(await page.locator('#suggest .did-you-mean-line').textContent(), /^Did you mean Seoul\? \(1 article\)$/);
  await link.click();
  assert.equal((await readView(page)).query, 'Seoul');
  await assertSeoul(page);
  assert.equal(await page.locator('#suggest a').count(), 0);
});

pageTest('dropping a clause removes that clause, not a word that contains it', async (page) => {
  // Finished (typed, "Seo" would find Seoul, the word it begins).
  await typeQuery(page, 'Seoul Seo ');
  assert.deepEqual((await readView(page)).suggestions, ['Drop Seo (1 article)']);
  await page.click('#suggest button.suggestion');
  assert.equal((await readView(page)).query, 'Seoul');
  await assertSeoul(page);
});

pageTest('the empty query lists every article, hides none and marks nothing', async (page) => {
  const all = SEEDS.map((a) => ({ title: a.lines[0], count: '' }));
  const initial = await readView(page);
  assert.deepEqual(initial.items, all);
  await typeQuery(page, 'Seoul');
  await page.fill('#q', '');
  const view = await readView(page);
  assert.deepEqual(view.items, all);
  assert.deepEqual(view.marks, []);
  assert.equal(view.hiddenCount, '');
  assert.equal(view.status, plural(SEEDS.length, 'article', 'articles'));
  assert.equal(view.blocks[0].text, SEED.lines[0], 'the first article is shown');
});

pageTest('"matching paragraphs only" collapses the other blocks into gaps that expand in place', async (page) => {
  await typeQuery(page, 'Seoul');
  const full = (await readView(page)).blocks;
  assert.equal(full.filter((b) => b.kind === 'button.gap').length, 0);

  await page.check('#only-matching');
  const collapsed = (await readView(page)).blocks;
  const gaps = collapsed.filter((b) => b.kind === 'button.gap');
  assert.ok(gaps.length > 0, 'some blocks are collapsed');
  assert.deepEqual((await readView(page)).marks, SEOUL, 'the marks are all still there');
  for (const [i, block] of collapsed.entries()) {
    if (i === 0) assert.equal(block.kind, 'h1.title');
    else if (block.kind !== 'button.gap') assert.ok(block.marks > 0, `block ${i} (${block.kind}) shown without a match`);
    else assert.notEqual(collapsed[i - 1].kind, 'button.gap', 'two gaps in a row');
  }
  // Every block below the title is either shown or counted in exactly one gap.
  const hidden = gaps.map((g) => Number(/^(\d+) paragraphs? hidden$/.exec(g.text)?.[1]));
  assert.ok(hidden.every((n) => n > 0), `gap labels: ${gaps.map((g) => g.text)}`);
  const shown = collapsed.length - 1 - gaps.length;
  assert.equal(shown + hidden.reduce((a, b) => a + b, 0), full.length - 1);

  // The first gap expands into its blocks, at its place.
  const at = collapsed.findIndex((b) => b.kind === 'button.gap'); // what precedes it is shown 1:1
  await page.locator('#article button.gap').first().click();
  const expanded = (await readView(page)).blocks;
  assert.equal(expanded.filter((b) => b.kind === 'button.gap').length, gaps.length - 1);
  assert.deepEqual(
    expanded.slice(at, at + hidden[0]).map((b) => b.text),
    full.slice(at, at + hidden[0]).map((b) => b.text),
  );

  // Expanding every gap gives back the whole article.
  while (await page.locator('#article button.gap').count()) await page.locator('#article button.gap').first().click();
  assert.deepEqual((await readView(page)).blocks.map((b) => b.text), full.map((b) => b.text));
});

pageTest('Enter, Shift+Enter and the arrows go through the matches, wrapping around', async (page) => {
  const total = SEOUL.length;
  /** Asserts match `n` (1-based) is the only current one, shown as such and scrolled into view. */
  const assertAt = async (n) => {
    const view = await readView(page);
    assert.equal(view.position, `${n} of ${total}`);
    assert.deepEqual(view.current, [n - 1]);
    await eventually(() => currentMarkPlacement(page), 'visible', `match ${n} scrolled into view`);
  };
  await typeQuery(page, 'Seoul');
  await assertAt(1);
  await page.keyboard.press('Enter');
  await assertAt(2);
  await page.keyboard.press('Enter');
  await assertAt(3);
  await page.keyboard.press('Shift+Enter');
  await assertAt(2);
  await page.click('#next');
  await assertAt(3);
  await page.click('#prev');
  await assertAt(2);
  await page.focus('#q');
  for (let n = 3; n <= total; n++) await page.keyboard.press('Enter');
  await assertAt(total);
  await page.keyboard.press('Enter');
  await assertAt(1);
  await page.keyboard.press('Shift+Enter');
  await assertAt(total);
});

pageTest('a deep link opens with the query in the field and its matches highlighted', async (page) => {
  const view = await readView(page);
  assert.equal(view.query, '"Moon Jae-in"');
  assert.deepEqual(view.marks, ['Moon Jae-in', 'Moon Jae-in']);
  assert.equal(view.position, '1 of 2');
}, { hash: '#q=%22Moon%20Jae-in%22' });

/** The query in the field once a history move has settled. */
const settledQuery = async (page, expected, message) => {
  await eventually(async () => (await readView(page)).query, expected, message);
};

pageTest('Back and Forward return to earlier searches; a typing burst is one entry', async (page) => {
  const entries = () => page.evaluate(() => history.length);
  await typeQuery(page, 'Seoul');
  const afterSeoul = await entries();
  // A new history entry needs a pause of more than 1 s (main.js HISTORY_PAUSE_MS): time is the condition.
  await page.waitForTimeout(1100);
  await typeQuery(page, 'Moscow');
  assert.equal(await entries(), afterSeoul + 1, 'typing Moscow key by key adds one entry');
  // The entry's URL follows the field within a frame (app.js syncUrl writes replacements
  // after the frame); going Back sooner would leave it at an earlier prefix.
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('q') === 'Moscow');

  await page.goBack();
  await settledQuery(page, 'Seoul', 'Back');
  await assertSeoul(page);
  await page.goForward();
  await settledQuery(page, 'Moscow', 'Forward');
  assert.deepEqual((await readView(page)).marks, occurrences('Moscow'));
});

pageTest('Back after the first search returns to the page as opened', async (page) => {
  await typeQuery(page, 'Seoul');
  await page.goBack();
  assert.ok(page.url().startsWith(SITE), `Back left the explorer for ${page.url()}`);
  await settledQuery(page, '', 'Back');
  assert.deepEqual((await readView(page)).marks, []);
});

pageTest('no console error or warning on load and while using the page', async (page) => {
  // Without an icon of its own, Chromium asks for /favicon.ico (a 404, logged as an error).
  const icon = await page.request.get(await page.$eval('link[rel~="icon"]', (l) => /** @type {HTMLLinkElement} */ (l).href));
  assert.equal(icon.status(), 200, 'the page links an icon that it ships');
  for (const query of ['Seoul', '"Moon Jae-in"', '-Japan', 'Seoul Absentword', 'cooperat*', 'toloraya OR lee', 'in:card Seoul', '"unbalanced', '', '\u00a0', '서울']) {
    await typeQuery(page, query);
  }
  await typeQuery(page, 'Seoul');
  await page.keyboard.press('Enter');
  await page.check('#only-matching');
  await page.locator('#article button.gap').first().click();
  await page.locator('#list button.pick').first().click();
  assert.deepEqual((await readView(page)).marks, SEOUL);
});

test('the page reports a module that cannot be loaded', async (t) => {
  const { page, problems } = await openPage(t, browser(), SITE, {
    state: 'error',
    setup: (context) => context.route('**/*.wasm', (route) => route.abort()),
  });
  assert.ok(await page.isVisible('#error'), '#error is visible');
  assert.notEqual((await page.textContent('#error'))?.trim(), '');
  assert.equal(await page.getAttribute('#error', 'role'), 'alert');
  assert.ok(await page.isDisabled('#q'), 'the field is disabled');
  assert.deepEqual(problems.filter((p) => p.startsWith('uncaught')), [], 'the failure is handled');
});

pageTest('accessibility basics: names, live status, keyboard reach', async (page) => {
  const field = page.getByRole('searchbox', { name: 'Search articles', exact: true });
  assert.equal(await field.getAttribute('id'), 'q');
  assert.equal(await page.getAttribute('#status', 'role'), 'status');
  assert.match((await page.getAttribute('#status', 'aria-live')) ?? '', /^(polite|assertive)$/);
  assert.equal(await page.getByRole('checkbox', { name: 'Matching paragraphs only' }).getAttribute('id'), 'only-matching');

  // Tab from the top of the page until the focus comes back round. The collection's
  // keyphrase and author chips are folded behind "Topics, authors and search tips" (a
  // summary), between the bar and the list, then "Your articles" (a summary); the
  // article's chips come after the list.
  await page.evaluate(() => { /** @type {HTMLDetailsElement} */ (document.querySelector('details.more')).open = true; });
  await page.locator('#facets button.chip').first().waitFor();
  const reached = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const e = document.activeElement;
      return !e || e === document.body ? null : e.id ? `#${e.id}` : `${e.localName}.${e.className}`;
    });
    if (focused === null || (reached.includes(focused) && focused !== 'button.chip')) break;
    if (focused !== reached.at(-1)) reached.push(focused);
  }
  const wanted = ['#q', '#prev', '#next', '#only-matching', 'summary.', 'button.chip', 'summary.yours-summary', 'button.pick'];
  const firsts = [...new Set(reached.filter((f) => wanted.includes(f)))];
  assert.deepEqual(firsts, wanted, `tab order: ${reached.join(' → ')}`);
}, { hash: '#q=Seoul' });

pageTest('at 360 px wide nothing scrolls sideways', async (page) => {
  const overflow = async (when) => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `${when}: scrollWidth ${width} > 360`);
  };
  await overflow('loaded');
  await typeQuery(page, 'Seoul');
  await overflow('searching Seoul');
  await page.check('#only-matching');
  await overflow('matching paragraphs only');
  await typeQuery(page, 'Seoul Absentword');
  await overflow('no matches, with a suggestion');
}, { context: { viewport: { width: 360, height: 740 } } });

pageTest('screenshot of Seoul highlighted', async (page) => {
  await typeQuery(page, 'Seoul');
  await eventually(() => currentMarkPlacement(page), 'visible');
  const dir = env('E2E_ARTIFACTS');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'explorer.png');
  await page.screenshot({ path });
  const png = readFileSync(path);
  assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
  assert.equal(png.readUInt32BE(16), 1200, 'width');
  assert.equal(png.readUInt32BE(20), 800, 'height');
}, { context: { viewport: { width: 1200, height: 800 } } });

/**
 * A corpus of `n` generated articles as an articles bundle (docs/format.md): article i is
 * titled "Item i" and has `alphas(i)` occurrences of "alpha"; every third has "beta";
 * article 0 has 40 paragraphs and, in its last, the only "zebra".
 */
function bundle(n, alphas) {
  const files = [];
  for (let i = 0; i < n; i++) {
    const name = `a-${String(i).padStart(3, '0')}.txt`;
    const paragraphs = [`${Array(alphas(i)).fill('alpha').join(' ')} filler${i % 3 === 0 ? ' beta' : ''} words.`];
    if (i === 0) {
      for (let p = 0; p < 40; p++) paragraphs.push(`Paragraph ${p} of plain text that goes on for a while, long enough to wrap onto a second line in the article view, and then some more words.`);
      paragraphs.push('The last paragraph holds the zebra.');
    }
    files.push([name, Buffer.from(`Item ${i}\n\n${paragraphs.join('\n\n')}\n`)]);
  }
  const parts = [Buffer.from('article-explorer bundle 1\n')];
  for (const [name, bytes] of files) parts.push(Buffer.from(`${bytes.length} ${name}\n`), bytes, Buffer.from('\n'));
  return Buffer.concat(parts);
}

const ITEMS = 300;
const alphas = (i) => 1 + ((i * 7) % 13);
/** The site with ITEMS generated articles instead of the seed, in its one chunk; the
 * seed's index is not theirs (served as none), so the page indexes them itself. */
const generated = {
  setup: async (context) => {
    await context.route('**/index/head.bin', (route) => route.fulfill({ body: 'not the index of these articles', contentType: 'application/octet-stream' }));
    await context.route('**/articles/0.txt', (route) => route.fulfill({ body: bundle(ITEMS, alphas), contentType: 'text/plain; charset=utf-8' }));
  },
};

/**
 * Scrolls what scrolls the list (its pane on a wide screen, else the page) from the top to
 * the end, most of a screenful at a time, and reads the rendered items at each stop: every
 * item seen as [position, title, count], the most items rendered at once, and the stops at
 * which items overlapped or a part of the list on screen had no item.
 * @param {import('playwright-core').Page} page
 */
const scrollThrough = (page) => page.evaluate(async () => {
  const list = /** @type {HTMLElement} */ (document.querySelector('#list'));
  /** @type {Element|null} */
  let scroller = list.parentElement;
  while (scroller && !(/auto|scroll/.test(getComputedStyle(scroller).overflowY) && scroller.scrollHeight > scroller.clientHeight)) scroller = scroller.parentElement;
  const target = scroller ?? /** @type {Element} */ (document.scrollingElement);
  const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  // Instant: the page scrolls smoothly.
  const scrollTo = (top) => target.scrollTo({ top, behavior: 'instant' });
  scrollTo(0);
  /** @type {Map<number, [string, string]>} */
  const seen = new Map();
  let most = 0;
  const overlaps = [];
  const holes = [];
  for (let stop = 0; stop < 2000; stop++) {
    await frames();
    const items = [...list.querySelectorAll('li.item')];
    most = Math.max(most, items.length);
    const view = scroller ? scroller.getBoundingClientRect() : { top: 0, bottom: innerHeight };
    const box = list.getBoundingClientRect();
    // The part of the list on screen must be covered by items, end to end.
    let covered = Math.max(view.top, box.top);
    const end = Math.min(view.bottom, box.bottom);
    let bottom = -Infinity;
    for (const li of items) {
      const r = li.getBoundingClientRect();
      if (r.top < bottom - 1) overlaps.push(stop);
      bottom = r.bottom;
      if (r.top <= covered + 1 && r.bottom > covered) covered = r.bottom;
      seen.set(Number(li.getAttribute('aria-posinset')), [li.querySelector('.item-title')?.textContent ?? '', li.querySelector('.count')?.textContent ?? '']);
    }
    if (covered < end - 1) holes.push([stop, Math.round(covered - box.top), Math.round(end - box.top)]);
    // The end of the list (on a phone the article follows it) or of what scrolls.
    if (box.bottom <= view.bottom + 1 || target.scrollTop + target.clientHeight >= target.scrollHeight - 1) break;
    scrollTo(target.scrollTop + Math.round((view.bottom - Math.max(0, view.top)) * 0.8));
  }
  const setsize = Number(list.querySelector('li.item')?.getAttribute('aria-setsize'));
  return { seen: [...seen].sort((x, y) => x[0] - y[0]), most, overlaps, holes, setsize };
});

test('a long list is virtual: few items exist, and scrolling through it shows every article once, with its count', async (t) => {
  const { page, problems } = await openPage(t, browser(), SITE, generated);
  const expected = (i, query) => (query === 'alpha' ? String(alphas(i)) : '1');
  const check = async (query, matching) => {
    await typeQuery(page, query);
    const view = await readView(page);
    assert.equal(view.listed, matching, `${query}: the list holds every match`);
    assert.ok(view.items.length > 0 && view.items.length < Math.min(matching, 80), `${query}: ${view.items.length} items rendered of ${matching}`);
    // The first items are right as soon as the search has run.
    for (const { title, count } of view.items.slice(0, 5)) assert.equal(count, expected(Number(title?.replace('Item ', '')), query), `${query}: count of ${title}`);
    const { seen, most, overlaps, holes, setsize } = await scrollThrough(page);
    assert.equal(setsize, matching, `${query}: aria-setsize`);
    assert.deepEqual(seen.map(([at]) => at), Array.from({ length: matching }, (_, i) => i + 1), `${query}: every position seen, in order`);
    assert.equal(new Set(seen.map(([, [title]]) => title)).size, matching, `${query}: every article once`);
    const wrong = seen.filter(([, [title, count]]) => count !== expected(Number(title.replace('Item ', '')), query));
    assert.deepEqual(wrong, [], `${query}: counts`);
    assert.ok(most < 80, `${query}: at most ${most} items rendered at once`);
    assert.deepEqual(overlaps, [], `${query}: no items overlap`);
    assert.deepEqual(holes, [], `${query}: no part of the list on screen is empty`);
  };
  await check('alpha', ITEMS);
  await check('beta', ITEMS / 3);
  await check('alpha', ITEMS);
  // On a phone the page scrolls, not a pane.
  await page.setViewportSize({ width: 360, height: 740 });
  await check('beta', ITEMS / 3);
  assert.deepEqual(problems, []);
});

test('the focused item keeps the focus while the list scrolls and the query changes', async (t) => {
  const { page, problems } = await openPage(t, browser(), SITE, generated);
  await typeQuery(page, 'alpha');
  const titles = await page.locator('#list .item-title').allTextContents();
  // The second item gets the focus; a query without the first article moves it up.
  const title = titles[1];
  await page.locator('#list li.item[aria-posinset="2"] button.pick').focus();
  const focused = () => page.evaluate(() => {
    const item = document.activeElement?.closest('li.item');
    return [item?.querySelector('.item-title')?.textContent ?? null, item?.getAttribute('aria-posinset')];
  });
  // Scrolled far away from it, it stays in the DOM with the focus.
  await page.locator('.list-pane').evaluate((pane) => pane.scrollTo({ top: pane.scrollHeight, behavior: 'instant' }));
  await page.waitForTimeout(100);
  assert.deepEqual(await focused(), [title, '2']);
  assert.ok(await page.locator('#list li.item').count() < 40, 'the items near the end and the focused one');
  await page.evaluate((first) => {
    const q = /** @type {HTMLInputElement} */ (document.querySelector('#q'));
    q.value = `alpha -${first.replace('Item ', '')}`;
    q.dispatchEvent(new Event('input'));
  }, titles[0]);
  await page.waitForTimeout(100);
  assert.deepEqual(await focused(), [title, '1']);
  assert.deepEqual(problems, []);
});

test('a search scrolls its current match into view when it is below the fold', async (t) => {
  const { page, problems } = await openPage(t, browser(), SITE, generated);
  await typeQuery(page, 'zebra');
  const view = await readView(page);
  assert.deepEqual(view.marks, ['zebra']);
  assert.equal(view.position, '1 of 1');
  await eventually(() => currentMarkPlacement(page), 'visible', 'the match scrolled into view');
  assert.deepEqual(problems, []);
});

/** The title of the article shown. */
const shownTitle = (page) => page.locator('#article h1.title').textContent();

test('while the reader types, the view follows the best result; an article chosen stays', async (t) => {
  // "filler" is best in the shortest article (one alpha, no beta); "filler alpha" in
  // another. Both match both words.
  const fresh = await openPage(t, browser(), `${SITE}#q=${encodeURIComponent('filler alpha')}`, generated);
  const best = await shownTitle(fresh.page);
  const { page, problems } = await openPage(t, browser(), SITE, generated);
  await typeQuery(page, 'filler');
  const first = await shownTitle(page);
  assert.notEqual(first, best, 'the two queries have different best articles');
  await page.locator('#q').pressSequentially(' alpha');
  assert.equal(await shownTitle(page), best, 'typed letter by letter, as opened from the URL');
  // Chosen in the list, it stays while the query still finds it.
  await typeQuery(page, 'filler');
  const third = page.locator('#list li.item[aria-posinset="3"] button.pick');
  const chosen = await third.locator('.item-title').textContent();
  await third.click();
  assert.equal(await shownTitle(page), chosen);
  // Typed letter by letter: on the way "filler a" leaves out "a", and "filler al" finds
  // nothing (two letters begin no word yet): neither changes the choice away.
  await page.locator('#q').press('End');
  await page.locator('#q').pressSequentially(' alpha');
  assert.equal(await shownTitle(page), chosen, 'the article the reader chose stays');
  // A query that finds other articles, and not it, changes it away.
  await typeQuery(page, `filler -"${chosen}"`);
  assert.notEqual(await shownTitle(page), chosen);
  await typeQuery(page, 'filler ');
  assert.equal(await shownTitle(page), first, 'forgotten: the view follows the best again');
  assert.deepEqual(problems, []);
});

test('"Skip to the article" moves the focus and leaves the query, the URL and the history alone', async (t) => {
  const { page, problems } = await openPage(t, browser(), `${SITE}#q=Seoul`);
  const before = await page.evaluate(() => ({ hash: location.hash, length: history.length }));
  const marks = (await readView(page)).marks.length;
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip', 'the skip link comes first');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  const after = await page.evaluate(() => ({ hash: location.hash, length: history.length, focused: document.activeElement?.id }));
  assert.deepEqual(after, { ...before, focused: 'article' });
  const view = await readView(page);
  assert.equal(view.query, 'Seoul');
  assert.equal(view.marks.length, marks);
  assert.deepEqual(problems, []);
});

test('"/" goes to the search field, except while typing in it', async (t) => {
  const { page, problems } = await openPage(t, browser(), `${SITE}#q=Seoul`);
  await page.locator('#article').focus();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'q');
  assert.equal((await readView(page)).query, 'Seoul', 'the slash is not typed');
  await page.keyboard.press('End');
  await page.keyboard.type(' a/b');
  assert.equal((await readView(page)).query, 'Seoul a/b', 'in the field it is a character');
  assert.deepEqual(problems, []);
});

test('a respelled word is said: "Showing results for …", and the query as typed is a click away', async (t) => {
  const { page, problems } = await openPage(t, browser(), `${SITE}#q=${encodeURIComponent('Seol Moon')}`);
  const line = page.locator('#suggest .did-you-mean-line');
  assert.equal(await line.textContent(), 'Showing results for seoul Moon — search instead for "Seol" Moon');
  assert.match((await readView(page)).status ?? '', /^[\d,]+ matches? in 1 article$/);
  await line.locator('a').click();
  const view = await readView(page);
  assert.equal(view.query, '"Seol" Moon');
  assert.deepEqual(view.marks, [], 'as typed, nothing matches');
  // A word found as typed says nothing.
  await typeQuery(page, 'Seoul');
  assert.equal(await page.locator('#suggest .did-you-mean-line').count(), 0);
  assert.deepEqual(problems, []);
});

test('printed, the page is the article with its marks, without the search chrome', async (t) => {
  const { page, problems } = await openPage(t, browser(), `${SITE}#q=Seoul`);
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    const shown = (selector) => {
      const node = document.querySelector(selector);
      return !!node && getComputedStyle(node).display !== 'none';
    };
    const article = /** @type {HTMLElement} */ (document.querySelector('#article'));
    const mark = /** @type {HTMLElement} */ (document.querySelector('#article mark'));
    return {
      bar: shown('header.bar'),
      list: shown('.list-pane'),
      skip: shown('a.skip'),
      article: shown('#article'),
      top: Math.round(article.getBoundingClientRect().top),
      clipped: article.scrollHeight > article.clientHeight + 1,
      marks: document.querySelectorAll('#article mark').length,
      markColour: getComputedStyle(mark).printColorAdjust,
      markLine: getComputedStyle(mark).borderBottomStyle,
    };
  });
  assert.deepEqual(printed, {
    bar: false, list: false, skip: false, article: true, top: printed.top, clipped: false,
    marks: SEOUL.length, markColour: 'exact', markLine: 'solid',
  });
  assert.ok(printed.top < 40, `the article starts the page (at ${printed.top} px)`);
  assert.deepEqual(problems, []);
});
