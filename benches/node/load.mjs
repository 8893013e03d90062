// How a site's engine loads, step by step, in Node: the index's head read (HeadLoader),
// the first query's parts (what it wants) added and the query answered — what the page
// waits for before its first view — then every other shard and chunk added as they
// would arrive, the longest part too; the outline, the first query with every row, what
// the page asks when idle, the wasm memory then; and last the query again, as a
// keystroke asks it (its top 10 rows, the median of 40). The figures behind
// docs/performance.md's "The load in parts, step by step".
//
//   node benches/node/load.mjs SITE [QUERY]    # SITE: a folder from cargo xtask dist
//
// SITE's own pkg/ is used, so any two builds can be compared.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { siteData } from './explorer.mjs';

const [site = 'dist', query = 'contributors'] = process.argv.slice(2);
const pkg = path.resolve(site, 'pkg');
const glue = await import(pathToFileURL(path.join(pkg, 'article_explorer.js')).href);
const wasm = glue.initSync({ module: new WebAssembly.Module(fs.readFileSync(path.join(pkg, 'article_explorer_bg.wasm'))) });
const { head, shards, chunks } = siteData(site);
const CHUNK = 2 ** 31;
const sum = (parts) => parts.reduce((n, p) => n + p.length, 0);
const text = sum(chunks);

/** `f()` timed, in ms. */
function timed(f) {
  const t = performance.now();
  const value = f();
  return [value, performance.now() - t];
}

const here = new Set();
/** Adds part `id` (a shard's number, or CHUNK + a chunk's); its ms. */
function add(id) {
  here.add(id);
  return timed(() => (id >= CHUNK ? explorer.addChunk(id - CHUNK, chunks[id - CHUNK]) : explorer.addShards(id, shards[id])))[1];
}

// As the page reads it: a HeadLoader, a step at a time (the longest step too).
let longestStep = 0;
const [explorer, fromHead] = timed(() => {
  const reading = new glue.HeadLoader(head, text);
  for (;;) {
    const [done, ms] = timed(() => reading.step());
    longestStep = Math.max(longestStep, ms);
    if (done) return done;
  }
});
// The first view: the query, what it wants, again until whole, and its best article's text.
let wantedParts = 0;
const [, firstView] = timed(() => {
  for (;;) {
    const hits = explorer.query(query);
    const rows = hits.rows(0, 1);
    if (rows.length) hits.fields(rows[0]);
    const wanted = [...explorer.wanted()];
    hits.free();
    if (!wanted.length) return;
    wantedParts += wanted.length;
    wanted.forEach(add);
  }
});
let longest = 0;
let rest = 0;
for (const id of [...shards.keys(), ...[...chunks.keys()].map((k) => CHUNK + k)]) {
  if (here.has(id)) continue;
  const ms = add(id);
  rest += ms;
  longest = Math.max(longest, ms);
}
const [, outlineMs] = timed(() => [explorer.outline(), explorer.outlineText()]);
const articles = explorer.length;
const [rows, first] = timed(() => {
  const hits = explorer.query(query);
  return hits.rows(0, hits.length).length / 3;
});
const [, keyphrases] = timed(() => explorer.keyphrases());
const [, authors] = timed(() => explorer.authors());
const memory = wasm.memory.buffer.byteLength;
// The query as a keystroke asks it: its top 10 rows, the median of 40 (ms).
const again = Array.from({ length: 40 }, () => {
  const t = performance.now();
  const hits = explorer.query(query);
  hits.rows(0, 10);
  hits.free();
  return performance.now() - t;
}).sort((x, y) => x - y)[20];
const MB = (n) => `${(n / 1e6).toFixed(1)} MB`;
const ms = (n) => `${n.toFixed(1)} ms`;
console.log(`${site}: ${articles} articles, ${MB(text)} in ${chunks.length} chunks; index head ${MB(head.length)}, ${MB(sum(shards))} in ${shards.length} shards`);
console.log(`  head read ${ms(fromHead)} (longest step ${ms(longestStep)}); first view of "${query}" ${ms(firstView)} with the ${wantedParts} parts it wanted`);
console.log(`  the other parts ${ms(rest)} (longest ${ms(longest)}); outline ${ms(outlineMs)}`);
console.log(`  first query "${query}" with all ${rows} rows ${ms(first)}; keyphrases ${ms(keyphrases)}; authors ${ms(authors)}`);
console.log(`  wasm memory ${(memory / 1e6).toFixed(0)} MB (${(memory / text).toFixed(2)}× the text)`);
console.log(`  then "${query}", top 10 rows: ${again.toFixed(3)} ms (median of 40)`);
