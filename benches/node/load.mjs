// How a site's engine loads, step by step, in Node: the articles and the index file fed
// to the wasm in 64 kB pieces as the page feeds a download (Loader.push / pushIndex, the
// longest piece too), finish, the outline, the first query with every row, then what the
// page asks when idle, the wasm memory then; and last the query again, as a keystroke
// asks it (its top 10 rows, the median of 40). The figures behind docs/performance.md's
// "Loading a large archive".
//
//   node benches/node/load.mjs SITE [QUERY]    # SITE: a folder from cargo xtask dist
//
// SITE's own pkg/ is used, so any two builds can be compared.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [site = 'dist', query = 'contributors'] = process.argv.slice(2);
const pkg = path.resolve(site, 'pkg');
const glue = await import(pathToFileURL(path.join(pkg, 'article_explorer.js')).href);
const wasm = glue.initSync({ module: new WebAssembly.Module(fs.readFileSync(path.join(pkg, 'article_explorer_bg.wasm'))) });
const bundle = fs.readFileSync(path.join(site, 'articles.txt'));
const index = fs.readFileSync(path.join(site, 'index.bin'));
const PIECE = 1 << 16;

/** Runs `f` over the pieces of `bytes`: total and longest ms. */
function pieces(bytes, f) {
  let longest = 0;
  const start = performance.now();
  for (let at = 0; at < bytes.length; at += PIECE) {
    const t = performance.now();
    f(bytes.subarray(at, at + PIECE));
    longest = Math.max(longest, performance.now() - t);
  }
  return `${(performance.now() - start).toFixed(0)} ms (longest piece ${longest.toFixed(1)})`;
}

/** `f()` timed, in ms. */
function timed(f) {
  const t = performance.now();
  const value = f();
  return [value, (performance.now() - t).toFixed(1)];
}

const loader = new glue.Loader(bundle.length, index.length);
const push = pieces(bundle, (c) => loader.push(c));
const pushIndex = pieces(index, (c) => loader.pushIndex(c));
const [explorer, finish] = timed(() => loader.finish());
const [, outlineMs] = timed(() => [explorer.outline(), explorer.outlineText()]);
const articles = explorer.query('').length;
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
}).sort((x, y) => x - y)[20].toFixed(3);
console.log(`${site}: ${articles} articles, ${(bundle.length / 1e6).toFixed(1)} MB, index ${(index.length / 1e6).toFixed(1)} MB`);
console.log(`  push ${push}; pushIndex ${pushIndex}; finish ${finish} ms; outline ${outlineMs} ms`);
console.log(`  first query "${query}" with all ${rows} rows ${first} ms; keyphrases ${keyphrases} ms; authors ${authors} ms`);
console.log(`  wasm memory ${(memory / 1e6).toFixed(0)} MB (${(memory / bundle.length).toFixed(2)}× the text)`);
console.log(`  then "${query}", top 10 rows: ${again} ms (median of 40)`);
