// The browser benchmark: each built site served locally and opened in headless Chromium.
//
//   node benches/browser/run.mjs --site DIR [--site DIR2 …] --json OUT.json [--runs N]
//     [--warmup N] [--query WORD] [--gap MS] [--no-probe]
//
// Per site: the download sizes (sizes.mjs), the bytes on the wire per coding (one page
// load each with identity, gzip, brotli), then --runs fresh contexts (after --warmup
// unrecorded ones), each: navigation to first results painted, then a word typed key by
// key, keystroke to highlights painted (measure.mjs, probe.js). Definitions: README.md.

import { parseArgs } from 'node:util';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import os from 'node:os';
import { serve } from './serve.mjs';
import { siteSizes } from './sizes.mjs';
import { openContext, measureLoad, measureTyping, probeEngine, wireBytes, isEngine, isCorpus, jsHeap } from './measure.mjs';
import { median, p95, sum, spread } from './stats.mjs';
import { CHROMIUM_ARGS, launchChromium } from './chromium.mjs';

/** The budget lines of the performance issues (5 and 15). */
const BUDGET = { firstResultsMs: 100, keystrokeMs: 16 };
/**
 * Issue 15's targets by the number of articles (the seed: 1): navigation → first results,
 * the longest main-thread task from navigation through typing the word, keystroke p95.
 */
const TARGETS = [
  { upTo: 1, firstResultsMs: 150, longestTaskMs: 50, keystrokeP95Ms: null },
  { upTo: 1000, firstResultsMs: 400, longestTaskMs: 50, keystrokeP95Ms: null },
  { upTo: 10000, firstResultsMs: 1500, longestTaskMs: 50, keystrokeP95Ms: 50 },
];

const FALLBACK_WORD = 'Seoul';
const NODE_BENCH = new URL('../../target/bench/node-1000.json', import.meta.url);

const { values: args } = parseArgs({
  options: {
    site: { type: 'string', multiple: true },
    json: { type: 'string' },
    runs: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    query: { type: 'string' },
    gap: { type: 'string', default: '50' },
    'no-probe': { type: 'boolean', default: false },
  },
});
if (!args.site?.length || !args.json) {
  console.error('usage: node benches/browser/run.mjs --site DIR [--site DIR2 …] --json OUT.json [--runs N] [--warmup N] [--query WORD] [--gap MS] [--no-probe]');
  process.exit(2);
}
const runs = Number(args.runs);
const warmup = Number(args.warmup);
const gapMs = Number(args.gap);

/** The Node benchmark's common term, if it has run; else the fallback. */
async function preferredWord() {
  if (args.query) return args.query;
  try {
    const bench = JSON.parse(await readFile(NODE_BENCH, 'utf8'));
    return bench.queries?.find((q) => q.cls === 'common')?.text ?? FALLBACK_WORD;
  } catch {
    return FALLBACK_WORD;
  }
}

/** How often a word must occur in a site's articles to be typed there. */
const MIN_OCCURRENCES = 5;

/**
 * `word` if the site's articles contain it at least MIN_OCCURRENCES times (a whole word,
 * any case), else the fallback (the seed's "Seoul": 8 occurrences).
 */
async function wordFor(dir, word) {
  if (args.query) return word;
  // The articles: the site's chunks (docs/format.md), or a bundle of an older build.
  const chunks = existsSync(resolve(dir, 'articles'))
    ? (await readdir(resolve(dir, 'articles'))).map((f) => resolve(dir, 'articles', f))
    : [resolve(dir, 'articles.txt')];
  let text = '';
  for (const file of chunks) text += (await readFile(file, 'utf8')).toLowerCase();
  const n = text.match(new RegExp(`\\b${word.toLowerCase()}\\b`, 'gu'))?.length ?? 0;
  return n >= MIN_OCCURRENCES ? word : FALLBACK_WORD;
}

const round = (x, d = 1) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);

async function benchSite(browser, dir, preferred) {
  if (!existsSync(resolve(dir, 'index.html'))) throw new Error(`${dir}: no index.html (a site from cargo xtask dist?)`);
  const word = await wordFor(dir, preferred);
  process.stderr.write(`${dir}: sizes and compression (cached by content)…\n`);
  const sizes = await siteSizes(resolve(dir));
  const server = await serve(resolve(dir));
  try {
    // Bytes on the wire per coding: one load each, the server limited to that coding.
    const transfer = {};
    for (const coding of ['identity', 'gzip', 'br']) {
      await server.setEncodings(coding === 'identity' ? [] : [coding]);
      const { context, page, network } = await openContext(browser);
      await measureLoad(page, server.origin, word);
      transfer[coding] = {
        engine: wireBytes(network, isEngine),
        corpus: wireBytes(network, isCorpus),
        page: wireBytes(network, () => true),
      };
      await context.close();
    }
    await server.setEncodings(['br', 'gzip']);

    const samples = [];
    let probe = null;
    for (let r = 0; r < warmup + runs; r++) {
      const recorded = r >= warmup;
      process.stderr.write(`${dir}: ${recorded ? `run ${r - warmup + 1}/${runs}` : `warm-up ${r + 1}/${warmup}`}…\n`);
      const { context, page, network, problems } = await openContext(browser);
      const load = await measureLoad(page, server.origin, word);
      if (load.state !== 'ready') throw new Error(`${dir}: the page did not load (${load.state}): ${problems.join('; ')}`);
      load.jsHeap = await jsHeap(page);
      const typing = await measureTyping(page, word, { gapMs });
      if (recorded && probe === null && !args['no-probe']) probe = await probeEngine(page, word);
      if (problems.length) process.stderr.write(`  page problems: ${problems.join('; ')}\n`);
      await context.close();
      if (recorded) samples.push({ load, typing, wire: { engine: wireBytes(network, isEngine), corpus: wireBytes(network, isCorpus) }, problems });
    }
    return summarize(dir, word, sizes, transfer, samples, probe);
  } finally {
    await server.close();
  }
}

function summarize(dir, word, sizes, transfer, samples, probe) {
  const loads = samples.map((s) => s.load);
  const keys = samples.flatMap((s) => s.typing.keys);
  /** @param {(load: object, run: number) => number} f */
  const loadField = (f) => {
    const xs = loads.map(f);
    return { median: round(median(xs)), ...Object.fromEntries(Object.entries(spread(xs) ?? {}).map(([k, v]) => [k, round(v)])) };
  };
  const keyField = (f) => ({ median: round(median(keys.map(f))), p95: round(p95(keys.map(f))) });
  const typingLong = samples.map((s) => s.typing.longTasks);
  const loadLong = loads.map((l) => l.longTasks);
  return {
    site: dir,
    articles: loads[0]?.listItems ?? null,
    word,
    sizes,
    transfer,
    load: {
      firstResultsPainted: loadField((l) => l.firstResultsPainted),
      marksInDom: loadField((l) => l.marksInDom),
      ready: loadField((l) => l.ready),
      fcp: loadField((l) => l.fcp),
      documentResponseEnd: loadField((l) => l.documentResponseEnd),
      wasmResponseEnd: loadField((l) => l.wasm?.responseEnd),
      corpusResponseEnd: loadField((l) => l.corpus?.responseEnd),
      dataParts: loadField((l) => l.dataParts),
      afterDownloads: loadField((l) => l.firstResultsPainted - Math.max(l.wasm?.responseEnd ?? 0, l.corpus?.responseEnd ?? 0)),
      longTasks: { perRunCount: median(loadLong.map((t) => t.length)), perRunMs: round(median(loadLong.map((t) => sum(t.map((x) => x.duration))))), longestMs: round(Math.max(0, ...loadLong.flat().map((t) => t.duration))) },
      domElements: loads[0]?.domElements ?? null,
      jsHeapMB: loadField((l) => l.jsHeap / 1e6),
      marks: loads[0]?.marks ?? null,
    },
    typing: {
      keystrokes: keys.length,
      total: keyField((k) => k.total),
      inputDelay: keyField((k) => k.inputDelay),
      handler: keyField((k) => k.handler),
      toFrame: keyField((k) => k.toFrame),
      render: keyField((k) => k.render),
      withinBudget: keys.filter((k) => k.total <= BUDGET.keystrokeMs).length,
      perKey: word.length && [...word].map((ch, i) => {
        const of = keys.filter((_, j) => j % [...word].length === i);
        return { key: ch, total: round(median(of.map((k) => k.total))), handler: round(median(of.map((k) => k.handler))),
          render: round(median(of.map((k) => k.render))), status: of[0]?.status, marks: of[0]?.marks };
      }),
      longTasks: { perRunCount: median(typingLong.map((t) => t.length)), perRunMs: round(median(typingLong.map((t) => sum(t.map((x) => x.duration))))), longestMs: round(Math.max(0, ...typingLong.flat().map((t) => t.duration))) },
      // From navigation to the last keystroke painted: per run, the longest task.
      longestThroughMs: loadField((_, i) => Math.max(0, ...samples[i].typing.throughTyping.map((t) => t.duration))),
      eventTimingOver16ms: samples.map((s) => s.typing.events.length),
      domElements: samples[0]?.typing.domElements ?? null,
    },
    probe: probe && {
      fetchMs: round(probe.fetchMs), fetchLongTasksMs: probe.fetchLongTasks, fromBundleMs: round(probe.fromBundle), buildMs: round(probe.buildMs), outlineMs: round(probe.outline), articles: probe.articles,
      prefixes: probe.prefixes.map((p) => ({ ...p, ms: round(p.ms, 3) })),
    },
    samples,
  };
}

const kB = (n) => (n === null || n === undefined ? '–' : `${(n / 1000).toFixed(1)}`);
const ms = (x) => (x === null || x === undefined ? '–' : x >= 100 ? x.toFixed(0) : x.toFixed(1));

function table(results) {
  const rows = [
    ['site', 'articles', 'word', 'first visit kB raw / gz', 'engine kB raw / gz / br', 'corpus kB raw / gz / br', 'wire kB br engine / corpus',
      'nav→first results ms (min–max)', 'ready ms', 'key→paint ms med / p95', 'keys ≤16 ms', 'long tasks typing (n, ms/run)'],
    ...results.map((r) => [
      r.site, String(r.articles), r.word,
      `${kB(r.sizes.firstVisit.raw)} / ${kB(r.sizes.firstVisit.gzip)}`,
      `${kB(r.sizes.engine.raw)} / ${kB(r.sizes.engine.gzip)} / ${kB(r.sizes.engine.br)}`,
      `${kB(r.sizes.corpus.raw)} / ${kB(r.sizes.corpus.gzip)} / ${kB(r.sizes.corpus.br)}`,
      `${kB(r.transfer.br.engine.bytes)} / ${kB(r.transfer.br.corpus.bytes)}`,
      `${ms(r.load.firstResultsPainted.median)} (${ms(r.load.firstResultsPainted.min)}–${ms(r.load.firstResultsPainted.max)})`,
      ms(r.load.ready.median),
      `${ms(r.typing.total.median)} / ${ms(r.typing.total.p95)}`,
      `${r.typing.withinBudget}/${r.typing.keystrokes}`,
      `${r.typing.longTasks.perRunCount}, ${ms(r.typing.longTasks.perRunMs)}`,
    ]),
  ];
  const lines = [`| ${rows[0].join(' | ')} |`, `|${rows[0].map(() => '---').join('|')}|`, ...rows.slice(1).map((r) => `| ${r.join(' | ')} |`)];
  const detail = results.map((r) => [
    `${r.site}: load — FCP ${ms(r.load.fcp.median)}, wasm at ${ms(r.load.wasmResponseEnd.median)}, the data it waited for at ${ms(r.load.corpusResponseEnd.median)} (${r.load.dataParts.median} files), `
      + `first results ${ms(r.load.afterDownloads.median)} after the last of them; long tasks to first results ${r.load.longTasks.perRunCount} (${ms(r.load.longTasks.perRunMs)} ms, longest ${ms(r.load.longTasks.longestMs)}); `
      + `${r.load.domElements} elements, ${r.load.marks} marks`,
    `${r.site}: keystroke — input delay ${ms(r.typing.inputDelay.median)}, handler (query + DOM) ${ms(r.typing.handler.median)} / p95 ${ms(r.typing.handler.p95)}, `
      + `to the frame ${ms(r.typing.toFrame.median)}, style+layout+paint ${ms(r.typing.render.median)} / p95 ${ms(r.typing.render.p95)}`,
    r.probe ? `${r.site}: engine alone — articles.txt fetched again in ${ms(r.probe.fetchMs)} (long tasks ${JSON.stringify(r.probe.fetchLongTasksMs)}), fromBundle ${ms(r.probe.fromBundleMs)} (buildMs ${ms(r.probe.buildMs)}), outline ${ms(r.probe.outlineMs)}; per prefix query+rows+top highlights ms: `
      + r.probe.prefixes.map((p) => `${p.q} ${p.ms}`).join(', ') : '',
    `${r.site}: wire kB engine / corpus — identity ${kB(r.transfer.identity.engine.bytes)} / ${kB(r.transfer.identity.corpus.bytes)}, gzip ${kB(r.transfer.gzip.engine.bytes)} / ${kB(r.transfer.gzip.corpus.bytes)}, br ${kB(r.transfer.br.engine.bytes)} / ${kB(r.transfer.br.corpus.bytes)} (headers included)`,
  ].filter(Boolean).join('\n'));
  return `${lines.join('\n')}\n\n${detail.join('\n\n')}`;
}

const preferred = await preferredWord();
const browser = await launchChromium();
const machine = {
  cpu: os.cpus()[0]?.model ?? null,
  cores: os.cpus().length,
  memoryGB: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  chromium: browser.version(),
  loadAverageStart: os.loadavg(),
};
const results = [];
try {
  for (const dir of args.site) results.push(await benchSite(browser, dir, preferred));
} finally {
  await browser.close();
}
machine.loadAverageEnd = os.loadavg();

console.log(table(results));
console.log(`\nbudget: first results ≤ ${BUDGET.firstResultsMs} ms (seed corpus); keystroke to painted highlights ≤ ${BUDGET.keystrokeMs} ms (1,000 articles)`);
for (const r of results) {
  const first = r.load.firstResultsPainted.median;
  const key = r.typing.total;
  console.log(`  ${r.site} (${r.articles} articles): first results ${ms(first)} ms — ${first <= BUDGET.firstResultsMs ? 'within' : `${ms(first - BUDGET.firstResultsMs)} ms over`} ${BUDGET.firstResultsMs} ms; `
    + `keystroke ${ms(key.median)} ms median, ${ms(key.p95)} ms p95 — ${r.typing.withinBudget} of ${r.typing.keystrokes} keystrokes within ${BUDGET.keystrokeMs} ms`);
}
for (const r of results) {
  const target = TARGETS.find((t) => (r.articles ?? 0) <= t.upTo);
  if (!target) continue;
  const check = (value, limit) => (limit === null ? '' : value <= limit ? ` ≤ ${limit} ✓` : ` > ${limit} ✗`);
  const longest = r.typing.longestThroughMs;
  console.log(`  issue 15 targets, ${r.site}: navigation → first results ${ms(r.load.firstResultsPainted.median)} ms${check(r.load.firstResultsPainted.median, target.firstResultsMs)}; `
    + `longest task through typing ${ms(longest.median)} ms median, ${ms(longest.max)} max${check(longest.max, target.longestTaskMs)}; `
    + `keystroke p95 ${ms(r.typing.total.p95)} ms${check(r.typing.total.p95, target.keystrokeP95Ms)}; JS heap after the load ${ms(r.load.jsHeapMB.median)} MB`);
}
console.log(`load average ${machine.loadAverageStart.map((x) => x.toFixed(2)).join(' ')} → ${machine.loadAverageEnd.map((x) => x.toFixed(2)).join(' ')}; ${machine.cpu}, ${machine.cores} cores; Chromium ${machine.chromium}`);

await writeFile(args.json, JSON.stringify({
  generated: new Date().toISOString(),
  command: `node benches/browser/run.mjs ${process.argv.slice(2).join(' ')}`,
  machine,
  budget: BUDGET,
  targets: TARGETS,
  settings: { runs, warmup, gapMs, viewport: '1280×800', chromiumArgs: CHROMIUM_ARGS, serviceWorkers: 'block' },
  definitions: {
    firstResultsPainted: 'ms from navigation start to the end of the first rendering update after the first <mark> is in #article (rAF, then a user-blocking scheduler.postTask)',
    ready: 'ms from navigation start to body[data-state=ready]',
    keystroke: 'ms from the keydown event timeStamp to the end of the first rendering update after the page handled the input event (rAF registered before the page\'s handler, then a user-blocking scheduler.postTask)',
    handler: 'the input event dispatch: the page\'s query and DOM update',
    render: 'from the frame\'s first requestAnimationFrame callback to the end of its rendering update: the page\'s frame callbacks, style, layout, paint on the main thread',
    wire: 'CDP Network.loadingFinished encodedDataLength: headers + body as received',
  },
  results,
}, null, 2));
console.log(`wrote ${args.json}`);
