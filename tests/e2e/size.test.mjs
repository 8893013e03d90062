// End-to-end: the size budget (docs/performance.md). A size is exact, so it is checked
// here; timings are measured by the benchmarks, never asserted. What the first visit of
// the page downloads besides the articles and their index (which grow with the archive) — the HTML, scripts, styles, wasm and icon the
// page asks for, and the service worker it registers — at most 119.2 kB after gzip -9
// (each file on its own, as a server sends it); the wasm alone within its own budget.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstVisitFiles, isData, siteSizes } from '../../benches/browser/sizes.mjs';
import { env, openPage, useBrowser } from './browser.mjs';

const SITE = env('E2E_URL');
const DIST = env('E2E_DIST');
const browser = useBrowser();

/**
 * Bytes after gzip -9: the first visit's files, and the wasm (issue 5's engine, ported
 * stemmers and all). The first visit's was 100,000 (issue 14); issue 15's virtual list,
 * which keeps a list of 10,000 articles as quick as one of ten, added ~750 bytes of JS
 * after the wasm had given back what it could; its load in parts (an index's head read a
 * step at a time, shards and chunks fetched in the order the view needs them, an answer
 * only when whole) added 2.8 kB to the wasm (84,700 before) and 1.7 kB of JS, and in
 * return the first results at 10,000 articles come after 0.2 of the archive's 220 MB,
 * not all of it; issue 16's skip link, `/`, the view that follows the best result and
 * the landmarks added 330 bytes of JS, and "Showing results for" (the respelled words,
 * from the engine) 800 bytes of wasm and 260 of JS; then the word being typed as a prefix,
 * common words left out, filters that are no match and the titles' marks in the list
 * added 2.1 kB of wasm, and the masthead, the folded facets, passage
 * links and "Cite" 1.3 kB of JS and 0.4 kB of CSS; issue 17's bounded queries (cheap
 * clauses first, one evaluation per clause for the suggestions, a work budget that
 * phrases share) and format characters folded away 2.3 kB of wasm; then phrases of a word
 * repeated matched by chains (found, no longer left out), repeated clauses dropped (they
 * had made the wasm run out of memory), the fuzzy walk's band and the marks an article
 * shows capped 2.9 kB; issue 18's keyphrases as the articles write them (the engine's
 * folding, not a query per chip and JS's toLowerCase) 0.9 kB of wasm, 0.2 kB less JS
 * and a counting sort of a prefix's entries by article (the worst keystroke at 10,000
 * articles, `con`, 13.5 → 11.4 ms in the wasm) 0.4 kB; issue 19's own articles 2.4 kB of
 * JS and CSS: searching them with the site's, the "Your articles" section's place and
 * what brings in its code (4.6 kB gzip, a chunk fetched only when the reader opens the
 * section, drops files, or keeps some), and the page's code in two files so that the
 * chunk shares it; then counts with thousands separators (one `plural` for the page) and
 * the word being typed finding its forms in other languages' articles, 0.2 kB
 * (docs/performance.md, "Download size").
 */
const FIRST_VISIT_BUDGET = 119_200;
const WASM_BUDGET = 96_500;

test('the first visit downloads at most 119.2 kB gzip besides the articles and their index', async (t) => {
  /** @type {Set<string>} */
  const requested = new Set();
  const { page, problems } = await openPage(t, browser(), SITE, {
    setup: async (context) => {
      // The page's own requests; not the worker's (its script and its precaching).
      context.on('request', (r) => {
        if (r.serviceWorker() === null) requested.add(new URL(r.url()).pathname);
      });
    },
  });
  // The worker the page registered: its script is downloaded on the first visit too.
  const worker = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active?.scriptURL));
  assert.ok(worker, 'the page registered its service worker');
  requested.add(new URL(worker).pathname);
  assert.deepEqual(problems, []);

  const expected = await firstVisitFiles(DIST);
  const asked = [...requested].map((p) => (p === '/' ? 'index.html' : p.slice(1)))
    .filter((f) => !isData(f)).sort();
  assert.deepEqual(asked, [...expected].sort(), 'the files the page asked for are those the budget counts');

  const { firstVisit, engine } = await siteSizes(DIST);
  for (const [file, s] of Object.entries(firstVisit.files)) t.diagnostic(`${file}: ${s.raw} bytes, ${s.gzip} gzip`);
  t.diagnostic(`first visit: ${firstVisit.raw} bytes, ${firstVisit.gzip} gzip (budget ${FIRST_VISIT_BUDGET})`);
  assert.ok(firstVisit.gzip <= FIRST_VISIT_BUDGET, `the first visit is ${firstVisit.gzip} bytes gzip, over ${FIRST_VISIT_BUDGET}`);

  const wasm = engine.files['pkg/article_explorer_bg.wasm'];
  assert.ok(wasm, 'the site has its wasm');
  t.diagnostic(`wasm: ${wasm.gzip} gzip (budget ${WASM_BUDGET})`);
  assert.ok(wasm.gzip <= WASM_BUDGET, `the wasm is ${wasm.gzip} bytes gzip, over ${WASM_BUDGET}`);
});
