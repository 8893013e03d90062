// One measured visit of the explorer page in a fresh browser context (no HTTP cache, no
// service worker): navigation to first results painted, then keystrokes to highlights
// painted, then (optionally) the engine alone in the same page. The in-page side is
// probe.js; this file drives the page and reads what the probe recorded.

import { fileURLToPath } from 'node:url';

const PROBE = fileURLToPath(new URL('./probe.js', import.meta.url));

/** Resources of the engine and of the corpus, by path on the site. */
export const isEngine = (path) => /^\/pkg\/[^/]+\.(js|wasm)$/.test(path);
export const isCorpus = (path) => /^\/(articles\.txt|index\.bin|index\/(head|\d+)\.bin|articles\/\d+\.txt)$/.test(path);

/**
 * Opens a fresh context and page with the probe and (unless `network: false`) a CDP
 * network log (checked: the load's long tasks are the same without it).
 * @param {import('playwright-core').Browser} browser
 * @returns {Promise<{context: import('playwright-core').BrowserContext, page: import('playwright-core').Page,
 *   network: Map<string, {path: string, status?: number, encoding?: string, wire?: number, failed?: string}>,
 *   problems: string[]}>}
 *   network: per request, `wire` = CDP Network.loadingFinished encodedDataLength (headers + body as received)
 */
export async function openContext(browser, { network: logNetwork = true } = {}) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ path: PROBE });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console.error: ${m.text()}`); });
  const cdp = await context.newCDPSession(page);
  const network = new Map();
  cdp.on('Network.requestWillBeSent', (e) => network.set(e.requestId, { path: new URL(e.request.url).pathname }));
  cdp.on('Network.responseReceived', (e) => {
    const r = network.get(e.requestId);
    if (!r) return;
    r.status = e.response.status;
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    r.encoding = h['content-encoding'] ?? 'identity';
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = network.get(e.requestId);
    if (r) r.wire = e.encodedDataLength;
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = network.get(e.requestId);
    if (r) r.failed = e.errorText;
  });
  if (logNetwork) await cdp.send('Network.enable');
  return { context, page, network, problems };
}

/** Sums the wire bytes of the requests whose path passes `test`. */
export function wireBytes(network, test) {
  let bytes = 0;
  const encodings = new Set();
  for (const r of network.values()) {
    if (!test(r.path) || r.wire === undefined) continue;
    bytes += r.wire;
    encodings.add(r.encoding);
  }
  return { bytes, encodings: [...encodings] };
}

/**
 * Navigates to `origin/#q=query` and waits until the first results are painted.
 * @returns {Promise<object>} times in ms since navigation start (see README.md)
 */
export async function measureLoad(page, origin, query, timeout = 120_000) {
  const url = `${origin}/#q=${encodeURIComponent(query)}`;
  await page.goto(url, { waitUntil: 'load', timeout });
  await page.waitForFunction(() => {
    const b = window.__bench;
    return (b.load.marksPainted !== null && b.load.ready !== null) || document.body.dataset.state === 'error';
  }, null, { timeout, polling: 50 });
  return page.evaluate(() => {
    const b = window.__bench;
    const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
    const paint = Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]));
    const res = (suffix) => {
      const r = /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource'))
        .find((e) => new URL(e.name).pathname === suffix);
      return r ? { start: r.startTime, responseEnd: r.responseEnd } : null;
    };
    const marksPainted = b.load.marksPainted;
    const data = /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource'))
      .filter((r) => /\/(articles\.txt|index\.bin|index\/(head|\d+)\.bin|articles\/\d+\.txt)$/.test(r.name) && r.responseEnd <= marksPainted)
      .sort((x, y) => x.responseEnd - y.responseEnd)
      .map((r) => ({ name: new URL(r.name).pathname, responseEnd: r.responseEnd, transferSize: r.transferSize }));
    return {
      state: document.body.dataset.state,
      marks: b.load.marks,
      firstResultsPainted: marksPainted,
      marksInDom: b.load.marksInDom,
      ready: b.load.ready,
      fcp: paint['first-contentful-paint'] ?? null,
      documentResponseEnd: nav?.responseEnd ?? null,
      domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
      wasm: res('/pkg/article_explorer_bg.wasm'),
      glue: res('/pkg/article_explorer.js'),
      // The data files downloaded by the first view (the articles and their index: a
      // bundle and its index file before the load in parts, its head and the parts it
      // wanted since): the last one's timing, and how many.
      corpus: data.at(-1) ?? null,
      dataParts: data.length,
      longTasks: b.longTasks.filter((t) => t.start < marksPainted),
      domElements: document.getElementsByTagName('*').length,
      // The list is virtual: how many it holds, not how many are rendered.
      listItems: Number(document.querySelector('#list li.item')?.getAttribute('aria-setsize') ?? document.querySelectorAll('#list li').length),
    };
  });
}

/**
 * The page's JavaScript heap after a full garbage collection (CDP), in bytes: what the
 * page keeps in JS (the articles' text stays in the wasm memory, which this leaves out).
 * @param {import('playwright-core').Page} page
 */
export async function jsHeap(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/**
 * Clears the field, then types `word` key by key; after each key waits until its result is
 * painted, then `gapMs` more (a typist's pause; no keystroke queues behind another).
 * @returns {Promise<{keys: object[], longTasks: object[], events: object[]}>}
 *   keys: per keystroke, ms relative to its keydown: input delay, handler, to the frame, painted
 */
export async function measureTyping(page, word, { gapMs = 50, timeout = 60_000 } = {}) {
  await page.focus('#q');
  await page.fill('#q', '');
  await settle(page, 500);
  const first = await page.evaluate(() => {
    window.__bench.keys.length = 0;
    return performance.now();
  });
  for (const ch of word) {
    const n = await page.evaluate(() => window.__bench.keys.length);
    await page.keyboard.type(ch);
    await page.waitForFunction((i) => window.__bench.keys[i]?.painted != null, n, { timeout, polling: 20 });
    await page.waitForTimeout(gapMs);
  }
  return page.evaluate((from) => {
    const b = window.__bench;
    const keys = b.keys.map((k) => ({
      key: k.key,
      total: k.painted - k.down,
      inputDelay: k.inputStart - k.down,
      handler: k.handlerEnd - k.inputStart,
      toFrame: k.raf - k.handlerEnd,
      render: k.painted - k.raf,
      status: k.status,
      marks: k.marks,
      articleChanged: k.articleChanged,
    }));
    const to = Math.max(...b.keys.map((k) => k.painted));
    return {
      keys,
      longTasks: b.longTasks.filter((t) => t.start >= from && t.start <= to),
      // Every long task from navigation to the last keystroke painted.
      throughTyping: b.longTasks.filter((t) => t.start <= to),
      events: b.events.filter((e) => e.start >= from && e.start <= to),
      domElements: document.getElementsByTagName('*').length,
    };
  }, first);
}

/** Waits `ms` and two frames (the page idle after a change). */
async function settle(page, ms) {
  await page.waitForTimeout(ms);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(undefined)))));
}

/**
 * The engine alone, in the loaded page (same module instance, a second Explorer): build
 * from the bundle, the outline the page takes once, and per prefix of `word` the work a
 * keystroke asks of it — query, every row, the suggestions, the top article's highlights. Splits the
 * keystroke's handler time into engine and DOM.
 * @returns {Promise<object>} ms
 */
export function probeEngine(page, word, repeats = 5) {
  return page.evaluate(async ({ word, repeats }) => {
    const m = await import('/pkg/article_explorer.js');
    await m.default();
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const get = async (name) => new Uint8Array(await (await fetch(name)).arrayBuffer());
    let t = performance.now();
    let explorer;
    let fetchHeaders = 0;
    let fetchMs;
    let fromBundle;
    let fetchLongTasks;
    if (m.Explorer.fromHead) {
      // The load in parts: the head, then every shard and chunk, fetched again here.
      const head = await get('/index/head.bin');
      fetchHeaders = performance.now() - t;
      const counts = m.Explorer.fromHead(head, 0);
      const [shards, chunks] = [counts.shards, counts.chunks];
      counts.free();
      const parts = await Promise.all([
        ...Array.from({ length: shards }, (_, k) => get(`/index/${k}.bin`)),
        ...Array.from({ length: chunks }, (_, k) => get(`/articles/${k}.txt`)),
      ]);
      fetchMs = performance.now() - t;
      fetchLongTasks = window.__bench.longTasks.filter((l) => l.start >= t - 1).map((l) => l.duration);
      t = performance.now();
      explorer = m.Explorer.fromHead(head, 0);
      parts.forEach((bytes, i) => (i < shards ? explorer.addShards(i, bytes) : explorer.addChunk(i - shards, bytes)));
      fromBundle = performance.now() - t;
    } else {
      const response = await fetch('/articles.txt');
      fetchHeaders = performance.now() - t;
      const bytes = new Uint8Array(await response.arrayBuffer());
      fetchMs = performance.now() - t;
      fetchLongTasks = window.__bench.longTasks.filter((l) => l.start >= t - 1).map((l) => l.duration);
      // Issue 15's index file (fetched here untimed).
      const index = m.Explorer.load ? await get('/index.bin') : null;
      t = performance.now();
      explorer = index ? m.Explorer.load(bytes, index) : m.Explorer.fromBundle(bytes);
      fromBundle = performance.now() - t;
    }
    t = performance.now();
    const outline = explorer.outline();
    // Since issue 15 the pieces' lengths, then one string.
    if (!Array.isArray(outline)) explorer.outlineText();
    const outlineMs = performance.now() - t;
    const articles = Array.isArray(outline) ? outline.length : explorer.query('').length;
    const prefixes = [];
    for (let i = 1; i <= [...word].length; i++) {
      const q = [...word].slice(0, i).join('');
      // performance.now() is coarsened (100 µs) on a page that is not cross-origin
      // isolated: each sample is a batch of at least 20 ms.
      const times = [];
      let rows = 0;
      for (let r = 0; r < repeats; r++) {
        let n = 0;
        const start = performance.now();
        do {
          const hits = explorer.query(q);
          const all = hits.rows(0, hits.length);
          if (all.length) hits.fields(all[0]);
          hits.suggestions();
          rows = all.length / 3;
          hits.free?.();
          n++;
        } while (performance.now() - start < 20);
        times.push((performance.now() - start) / n);
      }
      prefixes.push({ q, ms: median(times), articles: rows });
    }
    const result = { fetchHeaders, fetchMs, fetchLongTasks, fromBundle, buildMs: explorer.buildMs, outline: outlineMs, articles, prefixes };
    explorer.free?.();
    return result;
  }, { word, repeats });
}
