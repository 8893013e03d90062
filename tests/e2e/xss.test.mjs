// End-to-end: the explorer built from the hostile corpus (tests/fixtures/xss/, at
// E2E_XSS_URL). Article texts and queries must only ever become text: no element, no
// script, no dialog. Under the real run's CSP an injected handler would also show up as a
// console error (a CSP violation), which the tests collect.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { env, openPage, useBrowser } from './browser.mjs';
import { articlesIn, readView, typeQuery } from './explorer.mjs';

const SITE = env('E2E_XSS_URL');
const browser = useBrowser();
const ARTICLES = articlesIn('tests/fixtures/xss');

/** Elements that text must never turn into. */
const FORBIDDEN = 'script, img, svg, iframe, a, b, object, embed, style, link, form, input, video, audio, base, meta';
/** The only elements the page itself builds inside the list and the article. */
const ALLOWED = {
  '#list': ['li', 'button', 'span', 'p', 'mark'],
  '#article': ['h1', 'h2', 'p', 'aside', 'mark', 'button', 'div', 'span'],
  '#facets': ['div', 'span', 'button'],
};

/** Hostile queries: every line of the fixtures with markup or quotes (pasted, for speed)… */
const PASTED = ARTICLES.flatMap((a) => a.lines).filter((line) => /[<>"']/.test(line));
/** …and classics, typed key by key so that every prefix is searched too. */
const TYPED = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(document.domain)</script>',
  "'-alert(1)-'",
  '</mark><b>bold</b><mark>',
  'javascript:alert(1)',
  '<svg/onload=alert(1)> Seoul',
  '%3Cscript%3Ealert(1)%3C/script%3E',
];

/**
 * Every element of the kinds text must never become, in the whole document — but the
 * page's own "did you mean" link (text only, to a #q= hash), which a query may show.
 */
const forbiddenInDocument = (page) =>
  page.$$eval(FORBIDDEN, (es) => es
    .filter((e) => !(e.matches('#suggest > p.did-you-mean-line > a.did-you-mean') && !e.childElementCount
      && e.getAttribute('href')?.startsWith('#q=')))
    .map((e) => `${e.localName}${e.id ? `#${e.id}` : ''}`));

/**
 * Opens the hostile site, at `hash`, in a context of its own for test `t`.
 * @returns the page, its problems and dialogs, and the page's own forbidden-kind elements
 *   (its <script>, <link>s, <meta>s, inputs and skip link) once loaded
 */
async function openHostile(t, hash = '') {
  const session = await openPage(t, browser(), SITE + hash);
  return { ...session, baseline: await forbiddenInDocument(session.page) };
}

/** Asserts the page is intact: no injected element, no script ran, nothing logged. */
async function assertInert({ page, problems, dialogs, baseline }, when) {
  assert.deepEqual(await forbiddenInDocument(page), baseline, `${when}: elements added to the document`);
  const found = await page.evaluate(({ forbidden, allowed }) => {
    const out = [];
    for (const [root, tags] of Object.entries(allowed)) {
      for (const e of document.querySelectorAll(`${root} *`)) {
        if (e.matches(forbidden) || !tags.includes(e.localName)) out.push(`${root} ${e.localName}`);
      }
    }
    for (const id of ['#status', '#position', '#hidden-count', '#error']) {
      if (document.querySelector(id)?.childElementCount) out.push(`${id} has elements`);
    }
    for (const e of document.querySelectorAll('#suggest *')) {
      const ok = e.matches('button.suggestion, p.did-you-mean-line > a.did-you-mean') ? !e.childElementCount
        : e.matches('#suggest > p.did-you-mean-line') && [...e.children].every((c) => c.matches('a.did-you-mean'));
      if (!ok) out.push(`#suggest ${e.localName}`);
    }
    for (const e of document.querySelectorAll('#list mark, #article mark, #facets button, #article button.chip')) {
      if (e.childElementCount) out.push(`${e.localName} holds elements`);
    }
    return out;
  }, { forbidden: FORBIDDEN, allowed: ALLOWED });
  assert.deepEqual(found, [], `${when}: injected elements`);
  assert.equal(await page.evaluate(() => typeof window.__xss), 'undefined', `${when}: window.__xss`);
  assert.deepEqual(dialogs, [], `${when}: dialogs`);
  assert.deepEqual(problems, [], `${when}: console errors/warnings, page errors or failed requests`);
}

test('hostile articles render as text, each one, title to disclaimer', async (t) => {
  const session = await openHostile(t);
  const { page } = session;
  await assertInert(session, 'on load');
  const titles = (await readView(page)).items.map((i) => i.title);
  assert.deepEqual([...titles].sort(), ARTICLES.map((a) => a.lines[0]).sort(), 'the list shows every title as text');

  for (const article of ARTICLES) {
    const title = article.lines[0];
    await page.locator('#list button.pick').filter({ hasText: title }).click();
    const shown = await page.$$eval('#article h1.title', (h) => h.map((e) => e.textContent));
    assert.deepEqual(shown, [title], `${article.name}: the title, literally`);
    // Every visible text, in reading order: a line of the file each (docs/format.md).
    const texts = await page.$$eval('#article :is(h1, h2, p)', (es) => es.map((e) => e.textContent));
    assert.deepEqual(texts, article.lines, `${article.name}: every line, literally`);
    await assertInert(session, article.name);
  }
});

test('hostile queries do nothing, typed or from the URL', async (t) => {
  const session = await openHostile(t);
  const { page } = session;
  assert.ok(PASTED.length >= 5, 'the fixtures have hostile lines');
  for (const [query, typed] of [...PASTED.map((q) => [q, false]), ...TYPED.map((q) => [q, true])]) {
    if (typed) await typeQuery(page, query);
    else await page.fill('#q', query);
    assert.equal((await readView(page)).query, query);
    await assertInert(session, `typing ${query}`);
    // The query went into the URL (within a frame: app.js syncUrl); loading that URL gives
    // it back, still inert.
    await page.waitForFunction((q) => new URLSearchParams(location.hash.slice(1)).get('q') === q, query);
    await page.reload();
    await page.waitForSelector('body[data-state="ready"]', { state: 'attached' });
    assert.equal((await readView(page)).query, query, `reloading ${page.url()}`);
    await assertInert(session, `reloading with ${query}`);
  }
});

test('a hostile article name in the URL is ignored', async (t) => {
  const session = await openHostile(t, `#${new URLSearchParams({
    q: '<script>window.__xss=1</script>',
    a: '"><img src=x onerror="window.__xss=2">',
  })}`);
  assert.equal((await readView(session.page)).query, '<script>window.__xss=1</script>');
  await assertInert(session, 'deep link');
});

test('marks of a query on markup hold only text', async (t) => {
  const session = await openHostile(t);
  const { page } = session;
  const hostile = ARTICLES.find((a) => a.lines[0].includes('<script>'));
  assert.ok(hostile, 'a fixture has <script> in its title');
  await typeQuery(page, 'script');
  const marks = await page.$$eval('#article mark', (ms) => ms.map((m) => ({ text: m.textContent, elements: m.childElementCount })));
  assert.ok(marks.length > 0, 'script is highlighted');
  assert.deepEqual(marks.filter((m) => m.elements > 0 || m.text.toLowerCase() !== 'script'), []);
  assert.equal(await page.textContent('#article h1.title'), hostile.lines[0], 'the highlighted title reads the same');
  await assertInert(session, 'searching script');
});
