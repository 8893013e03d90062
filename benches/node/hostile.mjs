// Hostile queries (issue 17): what the page asks of the engine for each — the query, its
// ranked rows, the first one's snippet and marks, and when it finds nothing the "drop one" suggestions and "did you mean" —
// timed in Node, best of 3. A link can hold any of them; none may cost a reader seconds.
//
//   node benches/node/hostile.mjs PKG SITE
//   node benches/node/hostile.mjs --seed DIR WORD MEGABYTES
//   node benches/node/hostile.mjs PKG SITE --word WORD
//
// PKG: a `cargo xtask dist` pkg/ folder (an older build works); SITE: a site built by
// `cargo xtask dist` (its data files). The queries are made from the words of the site's
// titles, deterministically: k three-letter prefixes and an absent word; 330 one-letter
// prefixes (1,000 characters); k misspelt `word~` and an absent word; a long phrase of
// one repeated word; a common word repeated, then an absent one.
//
// `--seed` writes DIR/000.txt, one article of WORD repeated over MEGABYTES (a title, then
// one paragraph); `cargo xtask dist --out SITE --seeds DIR` makes it a site, and
// `--word WORD` asks that site the single-article reproducers: phrases of WORD repeated
// up to 1,000 characters, alone, with an absent word, broken by another word.

import fs from 'node:fs';
import path from 'node:path';
import { loadExplorer } from './explorer.mjs';

const args = process.argv.slice(2);
if (args[0] === '--seed') {
  const [, dir, word, megabytes] = args;
  const bytes = Number(megabytes) * 2 ** 20;
  if (!dir || !word || !(bytes > 0)) usage();
  fs.mkdirSync(dir, { recursive: true });
  const body = `${word} `.repeat(Math.ceil(bytes / (word.length + 1))).trimEnd();
  fs.writeFileSync(path.join(dir, '000.txt'), `Repeated ${word}\n\n${body}\n`);
  process.exit(0);
}
const [pkg, site] = args;
if (!pkg || !site) usage();
const explorer = await loadExplorer(pkg, site);
const word = args[args.indexOf('--word') + 1];
if (args.includes('--word')) {
  if (!word) usage();
  // As many repetitions as 1,000 characters hold, quoted (a longer query is cut, and
  // its closing quote with it).
  const most = Math.floor(999 / (word.length + 1));
  const times = (n, w = word) => Array(n).fill(w).join(' ');
  run([
    [`"${word}" ×${most}, a phrase`, `"${times(most)}"`],
    [`"${word}" ×${most - 2} + absent`, `"${times(most - 2)}" zzqqxv`.slice(0, 1000)],
    [`${word} ×${most - 2} unquoted + absent`, `${times(most - 2)} zzqqxv`.slice(0, 1000)],
    [`"${word}" ×${most - 8} broken in the middle`, `"${times((most >> 1) - 4)} zzqqxv ${times((most >> 1) - 4)}"`],
    [`"${word}" ×${most} as it is typed`, `"${times(most)}`, true],
    // Last: it made an older build's wasm run out of memory (each copy of the word
    // decoded its positions for the marks).
    [`${word} ×${most} unquoted`, times(most)],
  ]);
  process.exit(0);
}

function usage() {
  console.error('usage: node benches/node/hostile.mjs PKG SITE [--word WORD] | --seed DIR WORD MEGABYTES');
  process.exit(2);
}

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
const most = Math.floor(999 / (words[0].length + 1));
queries.push([`"w w … w" ×${most}`, `"${Array(most).fill(words[0]).join(' ')}"`]);
queries.push(['"a a … a qqqq"', `${Array(300).fill('a').join(' ')} qqqq`.slice(0, 1000)]);
queries.push(['k prefixes, absent first', `${absent} ${words.slice(0, 200).map((w) => `${w.slice(0, 3)}*`).join(' ')}`]);

run(queries);

/** Times each [name, query, typing?]: best of 3 of what the page asks. */
function run(queries) {
  for (const [name, q, typing] of queries) {
    let best = Infinity;
    let articles = 0;
    let notice = '';
    let failed = '';
    for (let r = 0; r < 3 && !failed; r++) {
      const t = performance.now();
      try {
        const hits = explorer.query(q, Boolean(typing));
        const rows = hits.rows(0, hits.length);
        articles = hits.length;
        // The first article's snippet and marks, as the page shows it (rows: article,
        // score, matches).
        if (articles) {
          hits.snippet(rows[0]);
          hits.fields(rows[0]);
        }
        notice = hits.notice ?? '';
        if (!articles) {
          hits.suggestions();
          hits.didYouMean?.();
        }
        hits.free();
      } catch (e) {
        // An older build may fail (a panic is a thrown Error; after it the module is
        // unusable): said, and the rest of the run is that build's last word.
        failed = `FAILED after ${(performance.now() - t).toFixed(0)} ms: ${String(e.message ?? e).split('\n')[0]}`;
        break;
      }
      best = Math.min(best, performance.now() - t);
    }
    if (failed) {
      console.log(`${''.padStart(12)}  ${name} (${q.length} chars)  — ${failed}`);
      process.exit(1);
    }
    console.log(`${best.toFixed(1).padStart(9)} ms  ${String(articles).padStart(5)} articles  ${name} (${q.length} chars)${notice ? `  — ${notice}` : ''}`);
  }
}
