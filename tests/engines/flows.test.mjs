// The explorer's core flows in each of the three engines readers use (driver.mjs):
// Chromium, Firefox ESR and WebKitGTK (Safari's engine). Written once, run in each; a
// regression in any one fails `cargo xtask test`. The Chromium-only suite (tests/e2e/)
// goes further where only Chromium's automation can (offline, quotas, drops of folders).

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { env } from '../e2e/browser.mjs';
import { articlesIn, occurrences } from '../e2e/explorer.mjs';
import { reportingProxy } from './csp-reports.mjs';
import { ENGINES, launch, until } from './driver.mjs';

/** The site under its CSP, each violation reported, its errors watched from the start (csp-reports.mjs). */
const proxy = await reportingProxy(env('E2E_URL'), `(${watch})();`);
after(() => proxy.close());
/** The generated archive (300 articles, over 1 MB: its load yields between slices), likewise. */
const archive = await reportingProxy(env('E2E_BIG_URL'), `(${watch})();`);
after(() => archive.close());
const SITE = proxy.url;
const FILE = pathToFileURL(join(env('E2E_DIST'), 'article-explorer.html')).href;
const SEED = articlesIn('seeds').find((a) => a.name.startsWith('000-'));
assert.ok(SEED, 'seeds/000-*.txt exists');
const SEOUL = occurrences(SEED, 'Seoul');
const ENGINES_RUN = (process.env.E2E_ENGINES ?? ENGINES.join(',')).split(',');

/** What the view shows, read in the page (the explorer's root: the document, or a shadow root). */
function view(host) {
  const root = host ? document.querySelector(host)?.shadowRoot : document;
  if (!root) return null;
  const text = (selector) => root.querySelector(selector)?.textContent ?? null;
  return {
    state: document.body.dataset.state ?? null,
    status: text('#status'),
    position: text('#position'),
    marks: [...root.querySelectorAll('#article mark')].map((m) => m.textContent),
    current: [...root.querySelectorAll('#article mark')].findIndex((m) => m.classList.contains('current')),
    gaps: root.querySelectorAll('#article .gap').length,
    items: root.querySelectorAll('#list li.item').length,
  };
}

/** The page's field (or an element's, in its shadow root). */
const field = (host) => (host ? document.querySelector(host)?.shadowRoot : document)?.querySelector('#q');

/**
 * The page's errors (and its CSP's violations) from now on, kept on `window`: run first
 * in every page the proxy serves, and after the load where it cannot (the single file).
 */
function watch() {
  const w = /** @type {any} */ (window);
  if (w.__problems) return;
  w.__problems = [];
  document.addEventListener('securitypolicyviolation', (e) => w.__problems.push(`CSP: ${e.violatedDirective} ${e.blockedURI}`), true);
  addEventListener('error', (e) => {
    // The spec's notice that some size changes are told at the next frame (the virtual
    // list measures what it laid out, and lays out again): Firefox and WebKit report it
    // as an error event, Chromium does not. Not a failure.
    if (/^ResizeObserver loop/.test(e.message)) return;
    // WebKit tells a file:// page every error event as a bare "Script error." (that
    // notice among them: checked with a ResizeObserver that loops on purpose), so there
    // it says nothing; what the page does is checked all the same.
    if (e.message === 'Script error.' && !e.error && !e.filename && location.protocol === 'file:') return;
    w.__problems.push(`error: ${e.message}`);
  });
  addEventListener('unhandledrejection', (e) => w.__problems.push(`rejection: ${e.reason}`));
}
const problems = () => /** @type {any} */ (window).__problems;

for (const engine of ENGINES_RUN) {
  describe(engine, () => {
    /** @type {import('./driver.mjs').Browser} */
    let browser;
    before(async () => {
      browser = await launch(/** @type {any} */ (engine));
      proxy.clear();
      archive.clear();
    });
    after(() => browser?.close());

    test('a page that breaks the CSP is reported (the check below can fail)', async () => {
      const page = await browser.page();
      await page.goto(proxy.violation);
      const end = Date.now() + 10_000;
      while (!proxy.reports().some((r) => r.includes('__violation')) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      const reported = proxy.reports().filter((r) => r.includes('__violation'));
      assert.ok(reported.length > 0, `${engine} reported no violation`);
      assert.match(reported[0], /^script-src/);
      assert.equal(await page.run(() => document.title), 'A violation', 'the inline script did not run');
      proxy.clear();
    });

    /**
     * A page at `url`, loaded (the explorer's page: body[data-state=ready]), with its
     * problems watched.
     */
    const open = async (url, explorer = true) => {
      const page = await browser.page();
      await page.goto(url);
      if (explorer) await until(page, () => document.body.dataset.state === 'ready', 'the page is ready');
      await page.run(watch);
      return page;
    };

    test('typing a query marks every occurrence and counts them; Enter and ↑ go through them', async () => {
      const page = await open(SITE);
      await page.type(field, 'Seoul');
      const shown = await until(page, (v) => { const s = v(); return s?.marks.length === 8 && s; }, 'the marks of Seoul', [view]);
      assert.deepEqual(shown.marks, SEOUL);
      assert.equal(shown.status, `${SEOUL.length} matches in 1 article`);
      assert.equal(shown.position, `1 of ${SEOUL.length}`);
      // Enter finishes the word being typed; the answer the same, it goes on to the next match.
      await page.press(field, 'Enter');
      await until(page, (v) => v()?.position === '2 of 8', 'Enter: the next match', [view]);
      await page.click(() => document.querySelector('#prev'));
      const back = await until(page, (v) => { const s = v(); return s?.position === '1 of 8' && s; }, '↑: the previous match', [view]);
      assert.equal(back.current, 0);
      assert.deepEqual(await page.run(problems), []);
    });

    test('"Matching paragraphs only" hides the rest and keeps every mark', async () => {
      const page = await open(`${SITE}#q=Seoul`);
      await page.click(() => document.querySelector('#only-matching'));
      const shown = await until(page, (v) => { const s = v(); return s?.gaps > 0 && s; }, 'separators for the hidden paragraphs', [view]);
      assert.deepEqual(shown.marks, SEOUL);
      assert.deepEqual(await page.run(problems), []);
    });

    test('a deep link opens the query at its match', async () => {
      const page = await open(`${SITE}#q=Seoul&m=4`);
      const shown = await until(page, (v) => { const s = v(); return s?.position === '4 of 8' && s; }, 'the link\'s match', [view]);
      assert.equal(shown.current, 3);
      assert.deepEqual(await page.run(problems), []);
    });

    test('the element on a host page: its own shadow DOM, events, a search typed into it', async () => {
      const page = await open(`${SITE}demo.html`, false);
      await until(page, () => !!(customElements.get('article-explorer') && document.querySelector('article-explorer')?.shadowRoot), 'the element');
      await page.run(() => {
        const w = /** @type {any} */ (window);
        w.__results = [];
        document.addEventListener('results', (e) => w.__results.push(/** @type {CustomEvent} */ (e).detail), true);
      });
      const first = await until(page, (v) => { const s = v('article-explorer'); return s?.marks.length && s; }, 'the element\'s first results', [view]);
      assert.deepEqual(first.marks, SEOUL);
      await page.run((f) => { const input = f('article-explorer'); input.value = ''; }, field);
      await page.type(() => document.querySelector('article-explorer')?.shadowRoot?.querySelector('#q'), 'Moscow ');
      const events = await until(page, () => /** @type {any} */ (window).__results.find((r) => r.query.trim() === 'Moscow'), 'a results event for Moscow');
      assert.ok(events.total > 0);
      const shown = await until(page, (v) => { const s = v('article-explorer'); return s?.marks.length && s.marks.every((m) => m.startsWith('Moscow')) && s; }, 'Moscow marked in the element', [view]);
      assert.ok(shown.marks.length > 0);
      assert.equal(await page.run(() => document.querySelector('#article mark')), null, 'nothing of the element in the host\'s DOM');
      assert.deepEqual(await page.run(problems), []);
    });

    test('the single file, from file://', async () => {
      const page = await open(FILE);
      assert.equal(await page.run(() => location.protocol), 'file:');
      await page.type(field, 'Seoul');
      const shown = await until(page, (v) => { const s = v(); return s?.marks.length === 8 && s; }, 'the marks of Seoul', [view]);
      assert.deepEqual(shown.marks, SEOUL);
      assert.deepEqual(await page.run(problems), []);
    });

    test('the reader\'s own articles: dropped, refused with the reason, searched, kept through a reload, removed', async () => {
      const page = await open(SITE);
      await until(page, () => document.body.dataset.yours === 'ready', '"Your articles" ready');
      // A drop of two files on the explorer (a DataTransfer, as a drag from the desktop
      // carries): one article, one file that is not UTF-8.
      await page.run(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(['Engine note\n\nZanzibarian trade grew, Seoul said.\n'], 'engine.txt', { type: 'text/plain' }));
        transfer.items.add(new File([new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a])], 'latin1.txt', { type: 'text/plain' }));
        const target = /** @type {Element} */ (document.querySelector('#list'));
        target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
        target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      });
      const outcome = await until(page, () => document.querySelector('.yours-outcome p') && document.querySelector('.yours-outcome')?.textContent, 'the add\'s outcome');
      assert.match(outcome, /^Added 1 article\./);
      assert.match(outcome, /latin1\.txt: not UTF-8 text \(byte 3 is not UTF-8\)/);
      await page.type(field, 'Zanzibarian ');
      await until(page, (v) => v()?.status === '1 match in 1 article', 'the reader\'s article found', [view]);
      await page.run((f) => { const input = f(); input.value = ''; }, field);
      await page.type(field, 'Seoul in:mine ');
      await until(page, (v) => v()?.status === '1 match in 1 article', 'in:mine', [view]);
      await page.reload();
      await until(page, () => document.body.dataset.yours === 'ready', '"Your articles" ready, reloaded');
      // The URL kept the last query: the field starts with it.
      await page.run((f) => { const input = f(); input.value = ''; }, field);
      await page.type(field, 'Zanzibarian ');
      await until(page, (v) => v()?.status === '1 match in 1 article', 'kept through a reload', [view]);
      await page.click(() => document.querySelector('#yours > summary'));
      await until(page, () => !!document.querySelector('.yours .remove-all'), 'the section filled');
      await page.click(() => document.querySelector('.yours .remove-all'));
      await until(page, () => document.querySelector('.yours-count')?.textContent === 'None yet.', 'all removed');
      assert.deepEqual(await page.run(problems), []);
    });

    test('what the engine lacks, the page does without: the chips come when it is idle, the load is sliced', async (t) => {
      // The generated archive (300 articles, over 1 MB): its load yields between slices.
      const page = await open(archive.url);
      // The optional APIs the page uses, and the fallback each has (www/js/app.js, tasks.js,
      // yours-door.js): said, so that a run shows which paths each engine took.
      const has = await page.run(() => ({
        requestIdleCallback: typeof requestIdleCallback === 'function',
        'scheduler.yield': typeof (/** @type {any} */ (globalThis).scheduler?.yield) === 'function',
        'indexedDB.databases': typeof indexedDB?.databases === 'function',
        'Uint8Array.fromBase64': typeof (/** @type {any} */ (Uint8Array).fromBase64) === 'function',
      }));
      t.diagnostic(`${engine}: ${Object.entries(has).map(([api, yes]) => `${api} ${yes ? 'used' : 'missing: the fallback taken'}`).join('; ')}`);
      // The collection's chips, filled when idle (requestIdleCallback, else a timer).
      await page.click(() => document.querySelector('details.more > summary'));
      await until(page, () => document.querySelectorAll('#facets button.chip').length > 0, 'the collection\'s chips');
      // Its load yielded between slices (scheduler.yield, else a message to itself:
      // tasks.js) and every part came: a query finds its words in the articles.
      await page.type(field, 'contributors ');
      await until(page, (v) => (v()?.marks.length ?? 0) > 0, 'contributors marked', [view]);
      assert.deepEqual(await page.run(problems), []);
    });

    test('after one visit it works offline, and says so', async (t) => {
      const page = await open(SITE);
      if (typeof page.offline === 'string') {
        t.skip(page.offline);
        return;
      }
      await until(page, () => navigator.serviceWorker.controller !== null, 'the service worker controls the page');
      await page.offline(true);
      await page.reload();
      await until(page, () => document.body.dataset.state === 'ready', 'the page is ready, offline');
      await page.run(watch);
      assert.equal(await page.run(() => navigator.onLine), false);
      await page.type(field, 'Seoul');
      const shown = await until(page, (v) => { const s = v(); return s?.marks.length === 8 && s; }, 'the marks of Seoul, offline', [view]);
      assert.deepEqual(shown.marks, SEOUL);
      assert.equal(await page.run(() => !document.querySelector('#notices .offline')?.hidden), true, 'the offline badge shows');
      await page.offline(false);
      assert.deepEqual(await page.run(problems), []);
    });

    test('no CSP violation in any of the flows above (the site\'s, served; the single file\'s own is not reported)', async () => {
      // Reports are sent after the fact: a moment for the last ones.
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual([...proxy.reports(), ...archive.reports()], []);
    });
  });
}
