// The Node benchmark: article-explorer (its wasm build) against FlexSearch, MiniSearch,
// Fuse.js, Lunr, Orama and Pagefind, all in this one process, on one corpus.
//
//   node --expose-gc benches/node/run.mjs --corpus DIR --json OUT.json [--smoke] [--engines a,b]
//
// DIR holds `*.txt` articles (docs/format.md), corpus order = file-name order (e.g.
// `cargo xtask corpus --articles N` → target/corpus/N). article-explorer needs its wasm
// build: `cargo xtask dist` (dist/pkg).
//
// For each engine (engines/<name>.mjs, one adapter each):
// - build: the index built from the articles — median of 3 builds up to 1,000 articles,
//   1 above (and in --smoke);
// - memory after build: after `gc()`, heapUsed + external, minus the same just before the
//   build, with the index alive. In Node 20 `external` holds the ArrayBuffers
//   (`arrayBuffers`) and every wasm memory, so this is heap + array buffers + wasm memory;
//   also measured again after the queries (engines that load lazily grow);
// - counts: each query asked once for all its results (not timed); the number of
//   articles found against the oracle (truth.mjs) — ✓ when equal;
// - query latency per class (queries.mjs): the top 10 articles with their highlight
//   ranges, as the engine gives them or as a user would compute them (highlight.mjs);
//   a warm-up, then repeated until at least --min-iters runs and --min-seconds have passed
//   (capped at --max-seconds); median and p95 in µs (process.hrtime.bigint()).
//
// Prints the queries, then a table (each figure with its ratio to article-explorer), and
// writes everything as JSON. Exits non-zero when an engine throws, or when article-
// explorer's count is wrong in any class (the misspelling asked as `word~`).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { readCorpus } from './corpus.mjs';
import { DEFINITIONS, analyse, truth } from './truth.mjs';
import { CLASSES, RULES, chooseQueries } from './queries.mjs';

const ENGINES = ['article-explorer', 'article-explorer-reader', 'flexsearch', 'flexsearch-forward', 'minisearch', 'fuse', 'lunr', 'orama', 'pagefind'];
const AE = 'article-explorer';
/** Classes where article-explorer's count must equal the oracle's. */
const AE_EXACT = CLASSES;

// ---- arguments ---------------------------------------------------------------------

function parseArgs(argv) {
  const a = { engines: ENGINES, smoke: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = () => {
      if (i + 1 >= argv.length) usage(`${k} needs a value`);
      return argv[++i];
    };
    if (k === '--corpus') a.corpus = v();
    else if (k === '--json') a.json = v();
    else if (k === '--smoke') a.smoke = true;
    else if (k === '--engines') a.engines = v().split(',').map((s) => s.trim()).filter(Boolean);
    else if (k === '--builds') a.builds = Number(v());
    else if (k === '--min-iters') a.minIters = Number(v());
    else if (k === '--min-seconds') a.minSeconds = Number(v());
    else if (k === '--max-seconds') a.maxSeconds = Number(v());
    else if (k === '-h' || k === '--help') usage();
    else usage(`unknown argument ${k}`);
  }
  if (!a.corpus) usage('--corpus DIR is required');
  for (const e of a.engines) if (!ENGINES.includes(e)) usage(`unknown engine ${e} (engines: ${ENGINES.join(', ')})`);
  return a;
}

function usage(problem) {
  if (problem) console.error(`run.mjs: ${problem}`);
  console.error('usage: node --expose-gc benches/node/run.mjs --corpus DIR --json OUT.json [--smoke] [--engines a,b]\n'
    + '         [--builds N] [--min-iters N] [--min-seconds S] [--max-seconds S]\n'
    + `engines: ${ENGINES.join(', ')}`);
  process.exit(problem ? 2 : 0);
}

// ---- measuring ---------------------------------------------------------------------

if (typeof globalThis.gc !== 'function') {
  v8.setFlagsFromString('--expose-gc');
  globalThis.gc = vm.runInNewContext('gc');
}

function settle() {
  for (let i = 0; i < 3; i++) globalThis.gc();
}

function memory() {
  const m = process.memoryUsage();
  return { heap: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
}

function memoryDelta(before, after) {
  const heap = after.heap - before.heap;
  const external = after.external - before.external;
  const arrayBuffers = after.arrayBuffers - before.arrayBuffers;
  return { bytes: heap + external, heap, array_buffers: arrayBuffers, wasm_and_other_external: external - arrayBuffers };
}

const now = () => process.hrtime.bigint();
const us = (a, b) => Number(b - a) / 1000;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(0.95 * s.length) - 1)];
};

/** Times `fn` (sync or async): warm-up, then samples in µs. Returns the last result too. */
async function timeIt(fn, t) {
  let last = fn();
  const isAsync = last && typeof last.then === 'function';
  if (isAsync) last = await last;
  const warmStart = now();
  for (let i = 1; i < t.warmIters && us(warmStart, now()) < t.warmSeconds * 1e6; i++) {
    last = isAsync ? await fn() : fn();
  }
  const samples = [];
  const start = now();
  for (;;) {
    const t0 = now();
    last = isAsync ? await fn() : fn();
    samples.push(us(t0, now()));
    const elapsed = us(start, now()) / 1e6;
    if (samples.length >= t.minIters && elapsed >= t.minSeconds) break;
    if (elapsed >= t.maxSeconds && samples.length >= Math.min(t.minIters, 3)) break;
  }
  return { samples, last };
}

const awaitMaybe = async (v) => (v && typeof v.then === 'function' ? await v : v);

// A promise an engine leaves unawaited and that fails is that engine's failure, not the
// end of the run.
const stray = [];
process.on('unhandledRejection', (err) => stray.push(err));
function strayCheck() {
  if (stray.length) throw stray.splice(0)[0];
}

// ---- one engine --------------------------------------------------------------------

async function runEngine(name, ctx) {
  const out = { name, notes: [] };
  const { articles } = ctx.corpus;
  let engine, index;
  try {
    engine = (await import(`./engines/${name}.mjs`)).default;
    Object.assign(out, { version: engine.version, config: engine.config });
    out.notes.push(...((await engine.setup?.()) ?? []));
    const builds = [];
    let before;
    for (let b = 0; b < ctx.builds; b++) {
      const prepared = await engine.prepare?.();
      settle();
      before = memory();
      const t0 = now();
      index = await awaitMaybe(engine.build(articles, prepared));
      const ms = us(t0, now()) / 1000;
      settle();
      const mem = memoryDelta(before, memory());
      if (engine.wasmBytes) mem.wasm_memory_bytes = engine.wasmBytes(index);
      strayCheck();
      builds.push({ ms, memory: mem, phases: index.phases });
      if (b + 1 < ctx.builds) {
        await engine.dispose?.(index);
        index = undefined;
      }
    }
    out.build_ms = { median: median(builds.map((b) => b.ms)), samples: builds.map((b) => b.ms) };
    // The memory of the median build (by memory).
    const byMemory = [...builds].sort((a, b) => a.memory.bytes - b.memory.bytes);
    out.memory = {
      ...byMemory[(byMemory.length - 1) >> 1].memory,
      samples: builds.map((b) => b.memory.bytes),
    };
    out.memory.per_text_byte = out.memory.bytes / ctx.corpus.bytes;
    if (builds[0].phases) out.phases = builds.map((b) => b.phases);
    process.stdout.write(`${name}: built in ${fmtMs(out.build_ms.median)} ms, ${(out.memory.bytes / 1e6).toFixed(1)} MB; `);

    out.classes = {};
    for (const q of ctx.queries) {
      const count = await awaitMaybe(engine.count(index, q));
      const { samples, last } = await timeIt(() => engine.query(index, q), ctx.timing);
      strayCheck();
      const inTruth = ctx.truthIds.get(q.cls);
      out.classes[q.cls] = {
        count,
        truth: q.truth,
        exact: count === q.truth,
        top: last.top.length,
        top_not_in_truth: last.top.filter((h) => !inTruth.has(h.id)).length,
        ranges_in_top: last.top.reduce((n, h) => n + h.ranges.length, 0),
        median_us: median(samples),
        p95_us: p95(samples),
        n: samples.length,
      };
    }
    settle();
    out.memory_after_queries = memoryDelta(before, memory());
    console.log('queried');
  } catch (err) {
    out.error = String(err?.stack ?? err);
    console.log(`\n${name}: FAILED: ${err?.message ?? err}`);
  } finally {
    try {
      if (index) await engine.dispose?.(index);
      await engine?.teardown?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
      strayCheck();
    } catch (err) {
      out.error ??= `dispose: ${err?.message ?? err}`;
    }
  }
  return out;
}

// ---- table -------------------------------------------------------------------------

function fmtMs(ms) {
  return ms >= 100 ? Math.round(ms).toLocaleString('en-US') : ms.toFixed(ms >= 10 ? 1 : 2);
}
function fmtUs(x) {
  if (!Number.isFinite(x)) return '–';
  return x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(x >= 10 ? 1 : 2);
}
function fmtRatio(x, base) {
  if (!Number.isFinite(x) || !Number.isFinite(base) || base <= 0) return '';
  const r = x / base;
  return ` ×${r >= 10 ? Math.round(r) : r.toFixed(r >= 1 ? 1 : 2)}`;
}

function table(results, queries, corpus) {
  const ae = results.find((r) => r.name === AE && !r.error);
  const head = ['engine', 'build ms', 'memory MB', '× text', ...queries.map((q) => `${q.cls} µs`)];
  const rows = results.map((r) => {
    if (r.error) return [r.name, 'FAILED', '', '', ...queries.map(() => '')];
    const mem = r.memory.bytes;
    return [
      r.name,
      fmtMs(r.build_ms.median) + fmtRatio(r.build_ms.median, ae?.build_ms.median),
      (mem / 1e6).toFixed(1) + fmtRatio(mem, ae?.memory.bytes),
      (mem / corpus.bytes).toFixed(2),
      ...queries.map((q) => {
        const c = r.classes[q.cls];
        const ok = c.exact ? '✓' : `✗ ${c.count}/${c.truth}`;
        return `${fmtUs(c.median_us)}${fmtRatio(c.median_us, ae?.classes[q.cls].median_us)} ${ok}`;
      }),
    ];
  });
  const p95Rows = results.filter((r) => !r.error).map((r) => [r.name,
    ...queries.map((q) => fmtUs(r.classes[q.cls].p95_us) + fmtRatio(r.classes[q.cls].p95_us, ae?.classes[q.cls].p95_us))]);
  return [markdown(head, rows), '', 'p95 µs:', '', markdown(['engine', ...queries.map((q) => q.cls)], p95Rows)].join('\n');
}

/** Terminal columns of a cell: Hangul, Han and kana take two. */
const width = (s) => [...String(s)].reduce((n, ch) => n + (/[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch) ? 2 : 1), 0);

function markdown(head, rows) {
  const w = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells) => `| ${cells.map((c, i) => String(c) + ' '.repeat(w[i] - width(c))).join(' | ')} |`;
  return [line(head), `|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

// ---- main --------------------------------------------------------------------------

const args = parseArgs(process.argv.slice(2));
const corpus = readCorpus(args.corpus);
const big = corpus.articles.length > 1000;
const ctx = {
  corpus,
  builds: args.builds ?? (args.smoke || big ? 1 : 3),
  timing: args.smoke
    ? { warmIters: 1, warmSeconds: 0, minIters: args.minIters ?? 5, minSeconds: args.minSeconds ?? 0, maxSeconds: args.maxSeconds ?? 0.5 }
    : { warmIters: 10, warmSeconds: 0.3, minIters: args.minIters ?? 200, minSeconds: args.minSeconds ?? 1, maxSeconds: args.maxSeconds ?? 10 },
};

const loadStart = os.loadavg();
const t0 = performance.now();
const analysis = analyse(corpus.articles);
const { queries, skipped } = chooseQueries(analysis);
ctx.truthIds = new Map();
for (const q of queries) {
  const t = truth(analysis, q);
  q.truth = t.count;
  ctx.truthIds.set(q.cls, new Set(t.ids));
}
ctx.queries = queries;
console.log(`corpus ${corpus.dir}: ${corpus.articles.length} articles, ${corpus.bytes.toLocaleString('en-US')} bytes; `
  + `oracle ${Math.round(performance.now() - t0)} ms`);
console.log(markdown(['class', 'query (article-explorer syntax)', 'truth (articles)'],
  queries.map((q) => [q.cls, q.text, q.truth])));
for (const s of skipped) console.log(`skipped ${s.cls}: ${s.why}`);
console.log(`builds: ${ctx.builds}; timing: ${JSON.stringify(ctx.timing)}\n`);

const results = [];
for (const name of args.engines) results.push(await runEngine(name, ctx));

console.log(`\n${corpus.articles.length} articles, ${(corpus.bytes / 1e6).toFixed(2)} MB of text; `
  + `cells: median µs, ×article-explorer, ✓ = count equals the oracle's (else count/truth)\n`);
console.log(table(results, queries, corpus));
console.log(`\nload average (1, 5, 15 min): ${loadStart.map((x) => x.toFixed(2)).join(', ')} at the start, `
  + `${os.loadavg().map((x) => x.toFixed(2)).join(', ')} at the end (${os.cpus().length} cores)`);
for (const r of results) for (const n of r.notes ?? []) console.log(`note ${r.name}: ${n}`);

const failures = [];
for (const r of results) if (r.error) failures.push(`${r.name} threw: ${r.error.split('\n')[0]}`);
const ae = results.find((r) => r.name === AE && !r.error);
if (ae) {
  for (const q of queries) {
    const c = ae.classes[q.cls];
    if (AE_EXACT.includes(q.cls) && !c.exact) failures.push(`${AE} counts ${c.count} for ${q.cls} (${q.text}), the oracle ${c.truth}`);
    if (AE_EXACT.includes(q.cls) && c.top_not_in_truth) failures.push(`${AE} ranks ${c.top_not_in_truth} non-matching articles in the top 10 for ${q.cls}`);
  }
}

if (args.json) {
  const cpus = os.cpus();
  const report = {
    generated: new Date().toISOString(),
    command: process.argv.slice(1).join(' '),
    machine: {
      cpu: cpus[0]?.model, cores: cpus.length, memory_bytes: os.totalmem(),
      os: `${os.type()} ${os.release()} ${os.arch()}`, node: process.version, v8: process.versions.v8,
      loadavg_at_start: loadStart, loadavg_at_end: os.loadavg(),
    },
    corpus: { dir: path.resolve(corpus.dir), articles: corpus.articles.length, bytes: corpus.bytes },
    oracle: DEFINITIONS,
    query_rules: RULES,
    memory_definition: 'after gc(): Δ(heapUsed + external) across the build, index alive; external = arrayBuffers + wasm memories + other off-heap',
    settings: { builds: ctx.builds, timing: ctx.timing, smoke: args.smoke },
    queries: queries.map(({ cls, text, words, phrase, prefix, fuzzy, truth: t }) => ({ cls, text, words, phrase, prefix, fuzzy, truth: t })),
    skipped,
    engines: results.map((r) => {
      if (r.error || !ae) return r;
      const ratio = (x, base) => (Number.isFinite(x) && base > 0 ? x / base : null);
      return {
        ...r,
        ratio_to_article_explorer: {
          build_ms: ratio(r.build_ms.median, ae.build_ms.median),
          memory: ratio(r.memory.bytes, ae.memory.bytes),
          median_us: Object.fromEntries(queries.map((q) => [q.cls, ratio(r.classes[q.cls].median_us, ae.classes[q.cls].median_us)])),
          p95_us: Object.fromEntries(queries.map((q) => [q.cls, ratio(r.classes[q.cls].p95_us, ae.classes[q.cls].p95_us)])),
        },
      };
    }),
    failures,
  };
  fs.mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
  fs.writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote ${args.json}`);
}

if (failures.length) {
  console.error(`\nFAILED:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
