// End-to-end: embedding (README, "Embedding"). The <article-explorer> element on host
// pages — hostile CSS, two instances, its attributes, events and theme, served from another
// origin — and the iframe mode that reports its height to the host, with the shipped demo.
// Host pages are made up and served by routes, without a CSP header (the hostile one has
// an inline <style>); the explorer's own files come from the real servers.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { env, eventually, useBrowser, watchPage } from './browser.mjs';
import { articlesIn, occurrences } from './explorer.mjs';

const SITE = env('E2E_URL');
const XSS_SITE = env('E2E_XSS_URL');
const browser = useBrowser();

const SEED = articlesIn('seeds').find((a) => a.name.startsWith('000-'));
assert.ok(SEED, 'seeds/000-*.txt exists');
const SEOUL = occurrences(SEED, 'Seoul');
const MOSCOW = occurrences(SEED, 'Moscow');
const MOON = occurrences(SEED, 'Moon');
assert.equal(SEOUL.length, 8, 'the seed has 8 occurrences of Seoul');
assert.ok(MOSCOW.length > 0 && MOON.length > 0, 'the seed mentions Moscow and Moon');
const XSS = articlesIn('tests/fixtures/xss');
assert.equal(XSS.length, 2, 'the xss build has two articles');

/** The component's colours (www/style.css), as computed styles give them. */
const LIGHT = { bg: 'rgb(255, 255, 255)', fg: 'rgb(26, 26, 26)', mark: 'rgb(255, 224, 102)', current: 'rgb(255, 159, 28)' };
const DARK_BG = 'rgb(18, 18, 18)';

const WASM = /\/pkg\/article_explorer_bg\.wasm$/;

/**
 * Another site: a made-up public origin. The explorer's servers listen on the loopback
 * address, which Chromium's Local Network Access keeps from public pages unless they are
 * secure and the reader allows it (a deployed explorer is public, and the question does
 * not arise); so the host is https and the context grants that permission.
 */
const ELSEWHERE = 'https://host.example';
const LOCAL_NETWORK = { permissions: ['local-network-access'] };

/**
 * Opens `html`, served at `url` by a route, in a new context for test `t`; records the
 * requests, and the `results` and `select` events of every element (listening on the
 * document from before the page's scripts run), and the messages the page receives.
 * @param {import('node:test').TestContext} t
 * @param {string} url
 * @param {string} html
 * @param {import('playwright-core').BrowserContextOptions} [options]
 */
async function openHost(t, url, html, options) {
  const context = await browser().newContext(options);
  t.after(() => context.close());
  await context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await context.addInitScript(() => {
    if (window !== window.top) return;
    window.__events = [];
    for (const type of ['results', 'select']) {
      document.addEventListener(type, (e) => {
        const target = /** @type {HTMLElement} */ (e.target);
        window.__events.push({ id: target.id, type, detail: /** @type {CustomEvent} */ (e).detail });
      }, true);
    }
    window.__messages = [];
    addEventListener('message', (e) => {
      const frame = document.querySelector('iframe');
      window.__messages.push({ origin: e.origin, fromFrame: !!frame && e.source === frame.contentWindow, data: e.data });
    });
  });
  const page = await context.newPage();
  const watched = watchPage(page);
  /** @type {string[]} */
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  return { page, requests, ...watched };
}

/**
 * Waits until every <article-explorer> of the page has shown its first result; fails
 * after 15 s (a script that never loads would otherwise leave the wait hanging).
 * @returns {Promise<number>} how many elements
 */
function elementsReady(page) {
  return page.evaluate(() => Promise.race([
    (async () => {
      await customElements.whenDefined('article-explorer');
      await Promise.all([...document.querySelectorAll('article-explorer')].map((e) => /** @type {any} */ (e).ready));
      return document.querySelectorAll('article-explorer').length;
    })(),
    new Promise((_, reject) => setTimeout(() => reject(new Error('the elements are not ready after 15 s')), 15_000)),
  ]));
}

/** What one element shows, read from its shadow root. */
function readElement(page, selector) {
  return page.$eval(selector, (host) => {
    const root = /** @type {ShadowRoot} */ (host.shadowRoot);
    const one = (s) => root.querySelector(s);
    return {
      query: /** @type {HTMLInputElement} */ (one('#q')).value,
      status: one('#status')?.textContent,
      items: [...root.querySelectorAll('#list li.item')].map((li) => li.querySelector('.item-title')?.textContent),
      title: one('#article h1.title')?.textContent ?? null,
      marks: [...root.querySelectorAll('#article mark')].map((m) => m.textContent),
    };
  });
}

/** The recorded events of element `id`. */
const eventsOf = async (page, id, type) =>
  (await page.evaluate(() => window.__events)).filter((e) => e.id === id && e.type === type).map((e) => e.detail);

/**
 * The computed styles that show whether the component's CSS won inside its shadow root:
 * the host element, the explorer's root, a paragraph and every mark.
 */
function shadowStyles(page, selector) {
  return page.$eval(selector, (host) => {
    const root = /** @type {ShadowRoot} */ (host.shadowRoot);
    const pick = (e, ...props) => {
      const s = getComputedStyle(/** @type {Element} */ (e));
      return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
    };
    return {
      host: pick(host, 'display'),
      ae: pick(root.querySelector('.ae'), 'color', 'background-color', 'font-size', 'font-style', 'letter-spacing', 'text-transform'),
      paragraph: pick(root.querySelector('#article p.paragraph'), 'color', 'font-size', 'display'),
      marks: [...root.querySelectorAll('#article mark')].map((m) => {
        const box = m.getBoundingClientRect();
        return { ...pick(m, 'display', 'background-color', 'visibility'), current: m.classList.contains('current'), drawn: box.width > 0 && box.height > 0 };
      }),
    };
  });
}

const HOSTILE_CSS = `
  * { color: red !important; display: inline !important; font-size: 40px; }
  mark { display: none; background: rgb(0, 128, 0); }
  article-explorer { font: italic 40px/3 serif; letter-spacing: 0.5em; text-transform: uppercase; background: rgb(0, 0, 255); }
  .card { background: rgb(1, 2, 3); padding: 7px; border: 3px solid rgb(4, 5, 6); border-radius: 0; }
  #list { list-style: square; margin: 11px; padding: 13px; }
  .ae { background: rgb(7, 8, 9); }
`;
/** Host elements named like the component's own (its CSS must not reach them). */
const HOST_BODY = `
  <p class="card" id="host-card">A host card</p>
  <ol id="list"><li class="item" id="host-item">A host item</li></ol>
  <p>A host <mark id="host-mark">mark</mark> and <input id="q" value="host field"></p>
  <div class="ae" id="host-ae">A host div named like the explorer's root</div>`;

/** A host page: HOSTILE_CSS, the host's own elements, and `inside` (elements, scripts). */
const hostPage = (inside = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A hostile host</title>
<style>${HOSTILE_CSS}</style>
</head><body>${HOST_BODY}
${inside}
</body></html>`;

const TWO = `<script type="module" src="article-explorer.js"></script>
  <article-explorer id="one" query="Seoul"></article-explorer>
  <article-explorer id="two" query="Seoul"></article-explorer>`;

/** Host elements' computed styles, for the properties the component's CSS sets. */
function hostStyles(page) {
  return page.evaluate(() => {
    const props = ['color', 'background-color', 'display', 'font-size', 'font-family', 'font-weight', 'line-height',
      'margin-top', 'margin-left', 'padding-top', 'padding-left', 'border-top-width', 'border-top-color', 'border-radius',
      'box-sizing', 'list-style-type', 'outline-style', 'scroll-padding-top'];
    const out = {};
    for (const selector of ['html', 'body', '#host-card', '#list', '#host-item', '#host-mark', '#q', '#host-ae']) {
      const s = getComputedStyle(/** @type {Element} */ (document.querySelector(selector)));
      out[selector] = Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
    }
    return out;
  });
}

test('two elements on a hostile host page: styled by their own CSS, independent, with events, one wasm', async (t) => {
  const url = `${SITE}host-test.html`;
  const { page, requests, problems, dialogs } = await openHost(t, url, hostPage(TWO), { colorScheme: 'light' });
  assert.equal(await elementsReady(page), 2);

  for (const id of ['#one', '#two']) {
    const view = await readElement(page, id);
    assert.equal(view.query, 'Seoul', `${id}: the query attribute`);
    assert.deepEqual(view.items, [SEED.lines[0]], `${id}: the list`);
    assert.equal(view.title, SEED.lines[0], `${id}: the article`);
    assert.deepEqual(view.marks, SEOUL, `${id}: the marks`);
    assert.equal(view.status, `${SEOUL.length} matches in 1 article`);
    assert.ok(await page.locator(id).locator('#list li.item').isVisible(), `${id}: the list is visible`);
    assert.ok(await page.locator(id).locator('#article h1.title').isVisible(), `${id}: the article is visible`);

    const styles = await shadowStyles(page, id);
    assert.equal(styles.host.display, 'block', `${id}: the element is a block despite * { display: inline !important }`);
    assert.deepEqual(styles.ae, {
      color: LIGHT.fg, 'background-color': LIGHT.bg, 'font-size': '16px', 'font-style': 'normal', 'letter-spacing': 'normal', 'text-transform': 'none',
    }, `${id}: the explorer's root`);
    assert.deepEqual(styles.paragraph, { color: LIGHT.fg, 'font-size': '16px', display: 'block' }, `${id}: a paragraph`);
    assert.equal(styles.marks.length, SEOUL.length);
    for (const [i, mark] of styles.marks.entries()) {
      assert.deepEqual(mark, {
        display: 'inline', 'background-color': i === 0 ? LIGHT.current : LIGHT.mark, visibility: 'visible', current: i === 0, drawn: true,
      }, `${id}: mark ${i}`);
    }
  }

  // Events of the first result: one per element, with the documented detail.
  const seoul = { query: 'Seoul', total: SEOUL.length, articles: 1, highlighting: true };
  assert.deepEqual(await eventsOf(page, 'one', 'results'), [seoul]);
  assert.deepEqual(await eventsOf(page, 'two', 'results'), [seoul]);
  assert.deepEqual(await page.$eval('#one', (e) => { const r = /** @type {any} */ (e).results; return [r.query, r.total, r.articles.length]; }), ['Seoul', SEOUL.length, 1], 'the results property');

  // Searching one leaves the other as it was: by the method…
  await page.$eval('#two', (e) => /** @type {any} */ (e).search('Moscow'));
  const moscow = await readElement(page, '#two');
  assert.deepEqual([moscow.query, moscow.marks], ['Moscow', MOSCOW]);
  const one = await readElement(page, '#one');
  assert.deepEqual([one.query, one.marks], ['Seoul', SEOUL], 'one keeps its query and marks');
  assert.deepEqual((await eventsOf(page, 'two', 'results')).at(-1), { query: 'Moscow', total: MOSCOW.length, articles: 1, highlighting: true });
  // …and by typing into its field.
  const field = page.locator('#one').locator('#q');
  await field.fill('');
  await field.pressSequentially('Moon');
  assert.deepEqual((await readElement(page, '#one')).marks, MOON);
  const two = await readElement(page, '#two');
  assert.deepEqual([two.query, two.marks], ['Moscow', MOSCOW], 'two keeps its query and marks');
  assert.deepEqual((await eventsOf(page, 'one', 'results')).at(-1), { query: 'Moon', total: MOON.length, articles: 1, highlighting: true });
  assert.equal((await eventsOf(page, 'two', 'results')).length, 2, 'typing into one sends two no event');
  assert.equal(await page.inputValue('body > p > #q'), 'host field', "the host's own #q is untouched");

  assert.equal(requests.filter((u) => WASM.test(u)).length, 1, 'the two elements load the wasm once');
  assert.deepEqual(problems, [], 'console errors/warnings, page errors or failed requests');
  assert.deepEqual(dialogs, []);
});

test("the component's CSS does not reach the host page's elements", async (t) => {
  const control = await openHost(t, `${SITE}host-control.html`, hostPage(), { colorScheme: 'light' });
  const expected = await hostStyles(control.page);
  const { page, problems } = await openHost(t, `${SITE}host-test.html`, hostPage(TWO), { colorScheme: 'light' });
  await elementsReady(page);
  assert.deepEqual(await hostStyles(page), expected, 'host elements styled as on the same page without the component');
  assert.deepEqual(problems, []);
  assert.deepEqual(control.problems, []);
});

test('attributes: query (then changed), article, compact', async (t) => {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
    <script type="module" src="article-explorer.js"></script></head><body>
    <article-explorer id="ae-query" query="Moscow"></article-explorer>
    <article-explorer id="ae-article" article="${XSS[1].name}.txt"></article-explorer>
    <article-explorer id="ae-plain"></article-explorer>
    <article-explorer id="ae-compact" compact query="Seoul"></article-explorer>
    </body></html>`;
  const { page, problems } = await openHost(t, `${XSS_SITE}host-attributes.html`, html);
  assert.equal(await elementsReady(page), 4);
  const titles = XSS.map((a) => a.lines[0]);

  // query: the initial query; changing the attribute searches.
  let view = await readElement(page, '#ae-query');
  assert.equal(view.query, 'Moscow');
  assert.deepEqual(view.items, [titles[1]], 'only the article with Moscow is listed');
  assert.deepEqual(view.marks, ['Moscow']);
  await page.$eval('#ae-query', (e) => e.setAttribute('query', 'Seoul'));
  view = await readElement(page, '#ae-query');
  assert.equal(view.query, 'Seoul');
  assert.equal(view.items.length, 2, 'both articles have Seoul');
  assert.ok(view.marks.length > 0 && view.marks.every((m) => m === 'Seoul'), `marks: ${view.marks}`);

  // article: that article is open first (without it, the first article is).
  assert.equal((await readElement(page, '#ae-article')).title, titles[1]);
  assert.equal((await readElement(page, '#ae-plain')).title, titles[0]);

  // compact: the list with snippets holding the marks, no article view.
  const compact = await page.$eval('#ae-compact', (host) => {
    const root = /** @type {ShadowRoot} */ (host.shadowRoot);
    return {
      snippets: [...root.querySelectorAll('#list li.item')].map((li) => [...li.querySelectorAll('.snippet mark')].map((m) => m.textContent)),
      articleMarks: root.querySelectorAll('#article mark').length,
      articleChildren: root.querySelector('#article')?.childElementCount,
    };
  });
  assert.equal(compact.snippets.length, 2, 'two items');
  for (const marks of compact.snippets) assert.ok(marks.length > 0 && marks.every((m) => m === 'Seoul'), `snippet marks: ${marks}`);
  assert.equal(compact.articleMarks, 0);
  assert.equal(compact.articleChildren, 0, 'no article rendered');
  assert.equal(await page.locator('#ae-compact').locator('#article').isVisible(), false, 'no article view');
  assert.equal(await page.locator('#ae-compact').locator('.tools').isVisible(), false, 'no match navigation');
  assert.ok(await page.locator('#ae-compact').locator('.snippet').first().isVisible(), 'the snippets are visible');

  // select: picking the other article, with the documented detail.
  await page.locator('#ae-plain').locator('#list button.pick', { hasText: titles[1] }).click();
  assert.equal((await readElement(page, '#ae-plain')).title, titles[1]);
  assert.deepEqual(await eventsOf(page, 'ae-plain', 'select'), [{ index: 1, name: `${XSS[1].name}.txt`, title: titles[1], lede: XSS[1].lines[1] }]);
  assert.deepEqual(await eventsOf(page, 'ae-article', 'select'), [], 'no select event for the first view');
  assert.deepEqual(problems, [], 'console errors/warnings, page errors or failed requests');
});

for (const colorScheme of /** @type {const} */ (['light', 'dark'])) {
  test(`theme: light, dark and auto with the system in ${colorScheme}`, async (t) => {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
      <script type="module" src="article-explorer.js"></script></head><body>
      <article-explorer id="light" theme="light" query="Seoul"></article-explorer>
      <article-explorer id="dark" theme="dark" query="Seoul"></article-explorer>
      <article-explorer id="auto" theme="auto" query="Seoul"></article-explorer>
      <article-explorer id="none" query="Seoul"></article-explorer>
      </body></html>`;
    const { page, problems } = await openHost(t, `${SITE}host-theme.html`, html, { colorScheme });
    await elementsReady(page);
    const background = (id) => page.$eval(id, (h) => getComputedStyle(/** @type {Element} */ (h.shadowRoot?.querySelector('.ae'))).backgroundColor);
    const system = colorScheme === 'dark' ? DARK_BG : LIGHT.bg;
    assert.equal(await background('#light'), LIGHT.bg, 'theme="light"');
    assert.equal(await background('#dark'), DARK_BG, 'theme="dark"');
    assert.equal(await background('#auto'), system, 'theme="auto"');
    assert.equal(await background('#none'), system, 'no theme');
    // The attribute is observed.
    await page.$eval('#light', (e) => e.setAttribute('theme', 'dark'));
    assert.equal(await background('#light'), DARK_BG, 'light → dark');
    await page.$eval('#dark', (e) => e.removeAttribute('theme'));
    assert.equal(await background('#dark'), system, 'dark → no theme');
    assert.deepEqual(problems, []);
  });
}

test('from another origin: the element loads its script, stylesheet and wasm from the explorer', async (t) => {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another site</title>
    <script type="module" src="${SITE}article-explorer.js"></script></head><body>
    <article-explorer id="x" query="Seoul"></article-explorer></body></html>`;
  const { page, requests, problems } = await openHost(t, `${ELSEWHERE}/page.html`, html, { ...LOCAL_NETWORK, colorScheme: 'light' });
  assert.equal(await elementsReady(page), 1);
  assert.equal(await page.evaluate(() => location.origin), ELSEWHERE);
  assert.deepEqual((await readElement(page, '#x')).marks, SEOUL);
  const wasm = requests.filter((u) => WASM.test(u));
  assert.deepEqual(wasm.map((u) => new URL(u).origin), [new URL(SITE).origin], 'the wasm, from the explorer');
  const styles = await shadowStyles(page, '#x');
  assert.equal(styles.marks[1]['background-color'], LIGHT.mark, 'its stylesheet applies');
  assert.deepEqual(problems, [], 'console errors/warnings, page errors or failed requests (CORS)');
});

test('yours, from another origin: the reader adds articles, kept in the host\'s storage; without it, none', async (t) => {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another site</title>
    <script type="module" src="${SITE}article-explorer.js"></script></head><body>
    <article-explorer id="mine" yours></article-explorer><article-explorer id="plain"></article-explorer></body></html>`;
  const { page, problems } = await openHost(t, `${ELSEWHERE}/yours.html`, html, LOCAL_NETWORK);
  assert.equal(await elementsReady(page), 2);
  assert.equal(await page.$('#plain >> #yours'), null, 'not asked for: no "Your articles"');
  await page.click('#mine >> #yours > summary');
  await page.waitForSelector('#mine >> #add-files', { state: 'attached' });
  await page.setInputFiles('#mine >> #add-files', [
    { name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('A host reader\'s note\n\nZanzibarian trade grew.\n') },
  ]);
  await page.waitForSelector('#mine >> .yours-outcome p');
  assert.match(await page.textContent('#mine >> .yours-outcome') ?? '', /^Added 1 article\.$/);
  await page.fill('#mine >> #q', 'Zanzibarian ');
  await eventually(() => readElement(page, '#mine').then((v) => v.marks), ['Zanzibarian'], 'found in the element');
  // Kept in the host's origin, for the element that asks for it.
  assert.deepEqual(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)), ['article-explorer']);
  await page.reload();
  assert.equal(await elementsReady(page), 2);
  await page.fill('#mine >> #q', 'Zanzibarian ');
  await eventually(() => readElement(page, '#mine').then((v) => v.marks), ['Zanzibarian'], 'kept through a reload');
  await page.fill('#plain >> #q', 'Zanzibarian ');
  await eventually(() => readElement(page, '#plain').then((v) => v.marks), [], 'the element without it searches the site only');
  assert.deepEqual(problems, [], 'console errors/warnings, page errors or failed requests (CORS)');
});

test('the iframe mode reports its height to the host, from its own origin, without the search tips', async (t) => {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another site</title></head><body>
    <iframe src="${SITE}index.html?embed=1#q=Seoul" title="Article explorer"></iframe></body></html>`;
  const { page, problems } = await openHost(t, `${ELSEWHERE}/frame.html`, html, LOCAL_NETWORK);
  const frame = page.frameLocator('iframe');
  await frame.locator('body[data-state="ready"]').waitFor({ state: 'attached' });
  const inner = page.frames().find((f) => f.url().startsWith(`${SITE}index.html?embed=1`));
  assert.ok(inner, 'the explorer frame');

  /** The height messages so far, and the height of the explorer in the frame now. */
  const heights = async () => {
    const messages = await page.evaluate(() => window.__messages);
    for (const m of messages) {
      assert.equal(m.origin, new URL(SITE).origin, 'every message comes from the explorer origin');
      assert.ok(m.fromFrame, 'and from the iframe');
      assert.deepEqual(Object.keys(m.data).sort(), ['height', 'type']);
      assert.equal(m.data.type, 'article-explorer:height');
    }
    return messages.map((m) => m.data.height);
  };
  const contentHeight = () => inner.$eval('.ae', (e) => Math.ceil(e.getBoundingClientRect().height));
  await eventually(async () => (await heights()).at(-1), await contentHeight(), 'the last height reported is the content height');
  const first = (await heights()).at(-1);
  assert.ok(first > 0, `a positive height (${first})`);

  assert.equal(await inner.evaluate(() => document.body.classList.contains('embed')), true);
  assert.equal(await inner.locator('.tips').count(), 0, 'no search tips in embed mode');
  assert.deepEqual(await inner.$$eval('#article mark', (ms) => ms.map((m) => m.textContent)), SEOUL, 'the query from the hash');

  // The height changes with the content, and the host hears of it.
  await inner.locator('#q').fill('Absentword');
  await eventually(async () => (await heights()).at(-1), await contentHeight(), 'the new height is reported');
  assert.notEqual((await heights()).at(-1), first, 'a different height for a page without matches');

  // A host whose script runs after the frame is ready asks, and hears the height again.
  const before = (await heights()).length;
  await page.evaluate(() => document.querySelector('iframe').contentWindow.postMessage({ type: 'article-explorer:measure' }, '*'));
  await eventually(async () => (await heights()).length > before, true, 'a height in answer to a measure request');
  assert.equal((await heights()).at(-1), await contentHeight(), 'the current height');

  // Control: the page itself, not embedded, shows the tips.
  const full = await page.context().newPage();
  await full.goto(SITE);
  assert.equal(await full.locator('.tips').count(), 1, 'the tips outside embed mode');
  assert.deepEqual(problems, [], 'console errors/warnings, page errors or failed requests');
});

test('the shipped demo page: its element shows results and its iframe takes the reported height', async (t) => {
  const context = await browser().newContext({ colorScheme: 'light' });
  t.after(() => context.close());
  const page = await context.newPage();
  const { problems, dialogs } = watchPage(page);
  await page.goto(`${SITE}demo.html`);
  assert.equal(await elementsReady(page), 1);
  assert.deepEqual((await readElement(page, '#element-demo')).marks, SEOUL);
  assert.equal(await page.textContent('#element-events'), `results: ${SEOUL.length} matches in 1 article for “Seoul”`);

  const inner = page.frameLocator('#frame-demo');
  await inner.locator('body[data-state="ready"]').waitFor({ state: 'attached' });
  const frame = page.frames().find((f) => f.url().startsWith(`${SITE}index.html?embed=1`));
  assert.ok(frame, 'the explorer frame');
  const reported = () => frame.$eval('.ae', (e) => Math.ceil(e.getBoundingClientRect().height));
  const sized = () => page.$eval('#frame-demo', (f) => {
    const frameElement = /** @type {HTMLIFrameElement} */ (f);
    return { style: frameElement.style.height, computed: getComputedStyle(frameElement).height };
  });
  const height = await reported();
  await eventually(sized, { style: `${height}px`, computed: `${height}px` }, 'the iframe is as tall as its content');
  const cssHeight = await page.$eval('#frame-demo', (f) => {
    const frameElement = /** @type {HTMLIFrameElement} */ (f);
    const set = frameElement.style.height;
    frameElement.style.height = '';
    const css = getComputedStyle(frameElement).height;
    frameElement.style.height = set;
    return css;
  });
  assert.equal(cssHeight, '400px', "the demo's CSS height, which the messages replace");
  assert.notEqual(`${height}px`, cssHeight, 'the content is not 400 px tall (else the test proves nothing)');

  // It follows the content.
  await frame.locator('#q').fill('Absentword');
  await eventually(async () => (await sized()).style, `${await reported()}px`, 'the iframe follows a height change');
  assert.notEqual((await sized()).style, `${height}px`);
  assert.deepEqual(problems, [], 'console errors/warnings, page errors or failed requests');
  assert.deepEqual(dialogs, []);
});

test('an element never scrolls its host page on load, only once the reader acts inside it', async (t) => {
  const url = `${SITE}host-scroll.html`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A host</title></head><body>
    <header style="height: 80px">The host's header</header>
    <div style="height: 300px; background: #ddd">A banner</div>
    <script type="module" src="article-explorer.js"></script>
    <article-explorer id="one" query="Seoul" style="height: 600px"></article-explorer>
    <div style="height: 2000px">The host's footer</div></body></html>`;
  const { page, problems } = await openHost(t, url, html, { viewport: { width: 1280, height: 800 } });
  await elementsReady(page);
  const scrolls = [];
  await page.evaluate(() => addEventListener('scroll', () => { /** @type {any} */ (window).__scrolled = scrollY; }));
  await page.waitForTimeout(800);
  scrolls.push(await page.evaluate(() => scrollY));
  assert.deepEqual(scrolls, [0], 'the host is not scrolled through the load');
  // The reader steps to the next match inside it: now it may bring the match into view.
  await page.locator('#one').locator('#q').press('Enter');
  await page.waitForFunction(() => scrollY > 0, null, { timeout: 5000 });
  assert.deepEqual(problems, []);
});
