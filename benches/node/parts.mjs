// Where one query's time goes in the wasm, in Node: the query alone (`Explorer.query`),
// with its best 10 rows, and with each row's highlights (`fields`) — what the benchmark's
// adapter times as one — then one article's highlights and the ten rows' alone. Mean µs
// over 20,000 repetitions after 2,000 unrecorded ones.
//
//   node benches/node/parts.mjs PKG SITE QUERY…
//
// PKG: a `cargo xtask dist` pkg/ folder; SITE: a site built by `cargo xtask dist` (its data files). Two builds are
// compared by running this once for each, alternated (the machine is noisy).

import { loadExplorer } from './explorer.mjs';

const [pkg, site, ...queries] = process.argv.slice(2);
if (!pkg || !site || !queries.length) {
  console.error('usage: node benches/node/parts.mjs PKG SITE QUERY…');
  process.exit(2);
}
const explorer = await loadExplorer(pkg, site);

/** Mean µs of `f`. */
function time(f, n = 20000) {
  for (let i = 0; i < 2000; i++) f();
  const t = performance.now();
  for (let i = 0; i < n; i++) f();
  return ((performance.now() - t) / n * 1000).toFixed(2);
}

for (const q of queries) {
  const query = time(() => explorer.query(q).free());
  const rows = time(() => {
    const h = explorer.query(q);
    h.rows(0, 10);
    h.free();
  });
  const all = time(() => {
    const h = explorer.query(q);
    const r = h.rows(0, 10);
    for (let i = 0; i < r.length; i += 3) h.fields(r[i]);
    h.free();
  });
  const h = explorer.query(q);
  const r = h.rows(0, 10);
  const first = r.length ? time(() => h.fields(r[0])) : '-';
  const each = time(() => {
    for (let i = 0; i < r.length; i += 3) h.fields(r[i]);
  });
  h.free();
  console.log(`${q.padEnd(28)} query ${query}  +rows ${rows}  +fields ${all}   one article's fields ${first}, the ${r.length / 3} rows' ${each} µs`);
}
