// Hostile queries (issue 17): what the page asks of the engine for each — the query, its
// ranked rows, and when it finds nothing the "drop one" suggestions and "did you mean" —
// timed in Node, best of 3. A link can hold any of them; none may cost a reader seconds.
//
//   node benches/node/hostile.mjs PKG SITE
//
// PKG: a `cargo xtask dist` pkg/ folder (an older build works); SITE: a site built by
// `cargo xtask dist` (its data files). The queries are made from the words of the site's
// titles, deterministically: k three-letter prefixes and an absent word; 330 one-letter
// prefixes (1,000 characters); k misspelt `word~` and an absent word; a long phrase of
// one repeated word; a common word repeated, then an absent one.

import { loadExplorer } from './explorer.mjs';

const [pkg, site] = process.argv.slice(2);
if (!pkg || !site) {
  console.error('usage: node benches/node/hostile.mjs PKG SITE');
  process.exit(2);
}
const explorer = await loadExplorer(pkg, site);
// Words of five letters or more from the titles, in a fixed shuffled order.
const text = explorer.outlineText?.() ?? '';
const words = [...new Set(text.toLowerCase().match(/\p{Ll}{5,}/gu) ?? [])].sort();
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
for (let i = words.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [words[i], words[j]] = [words[j], words[i]];
}
const absent = 'zzqqxv';
const queries = [];
for (const k of [25, 50, 100, 200]) queries.push([`${k} prefixes + absent`, `${words.slice(0, k).map((w) => `${w.slice(0, 3)}*`).join(' ')} ${absent}`]);
queries.push(['330 one-letter prefixes', Array.from({ length: 500 }, (_, i) => `${String.fromCharCode(97 + (i % 26))}*`).join(' ').slice(0, 1000)]);
for (const k of [12, 25, 50, 100]) queries.push([`${k} misspelt~ + absent`, `${words.slice(0, k).map((w) => `${w.slice(0, -1)}q~`).join(' ')} ${absent}`]);
queries.push(['"w w … w" ×199', `"${Array(199).fill(words[0]).join(' ')}"`]);
queries.push(['"a a … a qqqq"', `${Array(300).fill('a').join(' ')} qqqq`.slice(0, 1000)]);
queries.push(['k prefixes, absent first', `${absent} ${words.slice(0, 200).map((w) => `${w.slice(0, 3)}*`).join(' ')}`]);

for (const [name, q] of queries) {
  let best = Infinity;
  let articles = 0;
  let notice = '';
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    const hits = explorer.query(q);
    hits.rows(0, hits.length);
    articles = hits.length;
    notice = hits.notice ?? '';
    if (!articles) {
      hits.suggestions();
      hits.didYouMean?.();
    }
    hits.free();
    best = Math.min(best, performance.now() - t);
  }
  console.log(`${best.toFixed(1).padStart(9)} ms  ${String(articles).padStart(5)} articles  ${name} (${q.length} chars)${notice ? `  — ${notice}` : ''}`);
}
