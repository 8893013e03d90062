// The engine's part of typing a word, prefix by prefix, in Node: for each prefix, the query,
// its ranked rows, the first article's highlights and the first 15 snippets (what the page
// asks the wasm for on a keystroke), best of 20, with the articles and matches found.
//
//   node benches/node/prefixes.mjs PKG SITE [WORD] [--typing]
//
// PKG: a `cargo xtask dist` pkg/ folder (an older build works: it skips what it lacks);
// SITE: a site built by `cargo xtask dist` (its data files); WORD: default `contributors`;
// --typing: each prefix asked as the page asks it while typing (its last word open: it
// also finds the words it begins; an older build ignores it).

import { loadExplorer } from './explorer.mjs';

const args = process.argv.slice(2);
const typing = args.includes('--typing');
const [pkg, site, word = 'contributors'] = args.filter((a) => a !== '--typing');
if (!pkg || !site) {
  console.error('usage: node benches/node/prefixes.mjs PKG SITE [WORD]');
  process.exit(2);
}
const explorer = await loadExplorer(pkg, site);
for (let i = 1; i <= word.length; i++) {
  const q = word.slice(0, i);
  let best = Infinity;
  let articles = 0;
  let matches = 0;
  for (let r = 0; r < 20; r++) {
    const t = performance.now();
    const hits = explorer.query(q, typing);
    const rows = hits.rows(0, hits.length);
    articles = hits.length;
    matches = hits.total;
    if (articles) hits.fields(rows[0]);
    if (hits.snippet) for (let k = 0; k < Math.min(15, articles); k++) hits.snippet(rows[k * 3]);
    hits.free();
    best = Math.min(best, performance.now() - t);
  }
  console.log(`${q.padEnd(word.length)}  ${best.toFixed(2).padStart(6)} ms  ${String(articles).padStart(5)} articles  ${matches} matches`);
}
