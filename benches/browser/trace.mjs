// Where the time goes: one visit of a site (load, then the word typed key by key, as
// run.mjs measures it) under a Chromium performance trace, summarized as main-thread self
// time per trace event (script, style, layout, paint, GC, …) for the load, for the whole
// typing, for the slowest keystroke, and per keystroke (with its layouts, style recalcs
// and the page's script calls).
//
//   node benches/browser/trace.mjs --site DIR --word WORD [--trace OUT.json] [--top N]
//
// The trace (--trace) opens in Chromium's DevTools Performance panel.

import { parseArgs } from 'node:util';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from './serve.mjs';
import { openContext, measureLoad, measureTyping } from './measure.mjs';
import { launchChromium } from './chromium.mjs';

const { values: args } = parseArgs({
  options: {
    site: { type: 'string' },
    word: { type: 'string', default: 'Seoul' },
    trace: { type: 'string' },
    top: { type: 'string', default: '10' },
  },
});
if (!args.site) {
  console.error('usage: node benches/browser/trace.mjs --site DIR --word WORD [--trace OUT.json] [--top N]');
  process.exit(2);
}
const out = args.trace ?? join(tmpdir(), `article-explorer-trace-${process.pid}.json`);

const server = await serve(resolve(args.site));
const browser = await launchChromium();
let load, typing, marks;
try {
  const { context, page } = await openContext(browser);
  await browser.startTracing(page, {
    path: out,
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack', 'v8', 'v8.wasm', 'blink.user_timing', 'loading'],
  });
  load = await measureLoad(page, server.origin, args.word);
  const loaded = await page.evaluate(() => performance.mark('bench-loaded').startTime);
  typing = await measureTyping(page, args.word);
  const keys = await page.evaluate(() => window.__bench.keys.map((k) => ({ key: k.key, down: k.down, painted: k.painted })));
  const typed = await page.evaluate(() => performance.mark('bench-typed').startTime);
  await browser.stopTracing();
  await context.close();
  marks = { loaded, typed, keys };
} finally {
  await browser.close();
  await server.close();
}

const { traceEvents } = JSON.parse(await readFile(out, 'utf8'));
if (!args.trace) await rm(out);

// The renderer's main thread: the one that ran the page's marks.
const loadedMark = traceEvents.find((e) => e.name === 'bench-loaded');
if (!loadedMark) throw new Error('the trace has no bench-loaded mark (blink.user_timing)');
const { pid, tid } = loadedMark;
// Trace clock (µs) = performance.now() (ms) × 1000 + offset.
const offset = loadedMark.ts - marks.loaded * 1000;
const main = traceEvents.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number')
  .sort((a, b) => a.ts - b.ts || b.dur - a.dur);

/** Self time (ms) per event name within [from, to] (performance.now() ms). */
function selfTime(from, to) {
  const lo = from * 1000 + offset;
  const hi = to * 1000 + offset;
  const self = new Map();
  /** @type {Array<{end: number, name: string}>} */
  const stack = [];
  const add = (name, us) => self.set(name, (self.get(name) ?? 0) + us);
  for (const e of main) {
    const start = Math.max(e.ts, lo);
    const end = Math.min(e.ts + e.dur, hi);
    if (end <= start) continue;
    while (stack.length && stack[stack.length - 1].end <= start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) add(parent.name, -(end - start));
    add(e.name, end - start);
    stack.push({ end, name: e.name });
  }
  return [...self.entries()].map(([name, us]) => ({ name, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);
}

const top = Number(args.top);
// A task's self time is what no finer event covers: mostly JavaScript and wasm that the
// trace does not break down (the index build runs there).
const label = (name) => (name === 'RunTask' || name === 'ThreadControllerImpl::RunTask' ? 'script + wasm (task self time)' : name);
const fmt = (rows) => rows.map((r) => ({ ...r, name: label(r.name) }))
  .slice(0, top).map((r) => `  ${r.ms.toFixed(1).padStart(8)} ms  ${r.name}`).join('\n');
const busy = (rows) => rows.reduce((s, r) => s + r.ms, 0);

const loadRows = selfTime(0, load.firstResultsPainted);
console.log(`${args.site}, "${args.word}": load, navigation → first results painted (${load.firstResultsPainted.toFixed(0)} ms; main thread busy ${busy(loadRows).toFixed(0)} ms):`);
console.log(fmt(loadRows));
const typingRows = selfTime(marks.keys[0].down, marks.typed);
console.log(`\ntyping ${marks.keys.length} keys (main thread busy ${busy(typingRows).toFixed(0)} ms):`);
console.log(fmt(typingRows));
const slowest = marks.keys.reduce((a, b) => (b.painted - b.down > a.painted - a.down ? b : a));
const slowRows = selfTime(slowest.down, slowest.painted);
console.log(`\nslowest keystroke "${slowest.key}" (${(slowest.painted - slowest.down).toFixed(1)} ms to painted):`);
console.log(fmt(slowRows));
// Layouts forced inside a script call (synchronous layout), with the calling frames.
const calls = main.filter((e) => e.name === 'FunctionCall');
const forced = main.filter((e) => e.name === 'Layout' && e.dur >= 5000
  && calls.some((c) => c.ts <= e.ts && e.ts + e.dur <= c.ts + c.dur));
if (forced.length) {
  console.log(`\nlayouts ≥ 5 ms forced inside script (${forced.length}):`);
  for (const e of forced) {
    const stack = (e.args?.beginData?.stackTrace ?? []).slice(0, 4)
      .map((f) => `${f.functionName || '(anonymous)'} ${String(f.url).split('/').pop()}:${f.lineNumber}`).join(' ← ');
    console.log(`  ${(e.dur / 1000).toFixed(1)} ms, ${e.args?.beginData?.dirtyObjects} of ${e.args?.beginData?.totalObjects} objects dirty${stack ? `: ${stack}` : ''}`);
  }
}
console.log(`\nper key ms to painted: ${typing.keys.map((k) => `${k.key} ${k.total.toFixed(1)}`).join(', ')}`);
// Per key, keydown → painted: the main thread's largest self times, each layout (its
// dirty of total objects) and style recalc (elements), and the page's script calls.
console.log('\nper key (keydown → painted):');
for (const k of marks.keys) {
  const lo = k.down * 1000 + offset;
  const hi = k.painted * 1000 + offset;
  const inKey = main.filter((e) => e.ts >= lo && e.ts <= hi);
  const rows = selfTime(k.down, k.painted).filter((r) => r.ms >= 1).map((r) => `${label(r.name)} ${r.ms.toFixed(1)}`);
  const layouts = inKey.filter((e) => e.name === 'Layout')
    .map((e) => `${(e.dur / 1000).toFixed(1)} (${e.args?.beginData?.dirtyObjects}/${e.args?.beginData?.totalObjects})`);
  const styles = inKey.filter((e) => e.name === 'UpdateLayoutTree' && e.dur >= 300)
    .map((e) => `${(e.dur / 1000).toFixed(1)} (${e.args?.elementCount ?? '?'} elements)`);
  const calls = inKey.filter((e) => e.name === 'FunctionCall' && e.dur >= 500)
    .map((e) => `${(e.dur / 1000).toFixed(1)} ${e.args?.data?.functionName || '(anonymous)'}:${e.args?.data?.lineNumber ?? '?'}`);
  console.log(`  "${k.key}" ${(k.painted - k.down).toFixed(1)} ms: ${rows.join(', ')}`);
  console.log(`      layouts ms (dirty/total): ${layouts.join(' ') || '-'}; styles ms: ${styles.join(' ') || '-'}; script calls ms: ${calls.join(' ') || '-'}`);
}
if (args.trace) console.log(`trace: ${args.trace}`);
