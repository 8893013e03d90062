// article-explorer through its wasm build (dist/pkg, made by `cargo xtask dist`): the
// wasm-bindgen `--target web` glue, loaded in Node with `initSync({module})`.
//
// Everything that knows the binding's API is in this file (src/wasm/explorer.rs, src/wasm/flat.rs,
// www/js/engine.js), so an API change touches nothing else.
//
// Each build gets a fresh instance of the module (the glue imported under its own URL),
// so the index's wasm memory is measured from a clean start; the module is compiled once
// beforehand, outside the timing (a page does that once too, while it loads).
//
// Query, in the query language (docs/query.md): `Explorer.query(text)` — a handle on the
// answer — then its best 10 rows (`rows(0, 10)`) and each one's highlights
// (`fields(article)`), decoded into [start, end, field] ranges (UTF-16 offsets into that
// field's text; `field` numbers the article's matching fields in reading order). The
// count is the handle's `length`, the number of matching articles.
//
// Two ways of asking (two engines in the report): `article-explorer` quotes each word —
// the word as typed, the oracle's rule, so its counts are checked — and
// `article-explorer-reader` asks bare words, as a reader types them: each also finds its
// other forms (stems, in English and Russian articles) and a word no article has finds
// the words a few edits away, so its counts may exceed the oracle's by design.
//
// AE_PKG=DIR measures another build (a directory with the same two files) of the same
// binding: an older build with another layout of `fields` is refused (measure it from its
// own tree, with its own adapter).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PKG = path.resolve(process.env.AE_PKG ?? path.join(ROOT, 'dist/pkg'));
const GLUE = path.join(PKG, 'article_explorer.js');
const WASM = path.join(PKG, 'article_explorer_bg.wasm');
const BUILDER_GLUE = path.join(PKG, 'builder.js');
const BUILDER_WASM = path.join(PKG, 'builder_bg.wasm');

/** Numbers per row of a ranking (src/wasm/flat.rs). */
const ROW = 3;

let compiled;
let instances = 0;

function newest(dir, ext) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p, ext));
    else if (e.name.endsWith(ext)) t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

const encoder = new TextEncoder();

/** The articles as a bundle (src/corpus/bundle.rs, docs/format.md): what the page fetches. */
function bundle(articles) {
  const parts = [encoder.encode('article-explorer bundle 1\n')];
  for (const a of articles) {
    const bytes = encoder.encode(a.text);
    parts.push(encoder.encode(`${bytes.length} ${a.name}\n`), bytes, encoder.encode('\n'));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The query in the oracle's terms (truth.mjs: a word is the word, or its possessive):
 * each word quoted — as typed, no other forms, no spelling correction — the misspelling
 * with `~` (typo tolerance asked for), prefixes and phrases as they are.
 */
export const asTyped = (q) => (q.fuzzy ? q.words.map((w) => `${w}~`).join(' ')
  : q.prefix || q.phrase ? q.text
    : q.words.map((w) => `"${w}"`).join(' '));

/** The query as a reader types it (bare words: other forms and spelling correction too). */
export const asReader = (q) => (q.fuzzy ? q.words.map((w) => `${w}~`).join(' ') : q.text);

/** The adapter, asking each query as `text(q)` says. */
export function adapter(name, text, how) {
  return {
  name,
  get version() {
    const cargo = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8');
    return cargo.match(/^version\s*=\s*"([^"]+)"/m)?.[1] ?? '?';
  },
  config: 'dist/pkg wasm (cargo xtask dist): the texts as one bundle, indexed by the builder module (buildIndex, as the page does when it has no index file) '
    + 'and loaded with Explorer.fromHead, addShards and addChunk (Explorer.load in issue 15, Explorer.fromBundle before); '
    + `query(q) then rows(0, 10) and fields(article) of each, in the query language (docs/query.md): ${how}`,

  /** Compiles the wasm once (not timed). Returns notes for the report. */
  async setup() {
    if (!fs.existsSync(GLUE) || !fs.existsSync(WASM)) {
      throw new Error(`${PKG} has no wasm build: run \`cargo xtask dist\` first`);
    }
    const notes = [`wasm build: ${WASM}, ${new Date(fs.statSync(WASM).mtimeMs).toISOString()}`];
    const built = fs.statSync(WASM).mtimeMs;
    if (newest(path.join(ROOT, 'src'), '.rs') > built) {
      notes.push('dist/pkg is older than src/: run `cargo xtask dist` to measure the current code');
    }
    const t = performance.now();
    compiled = new WebAssembly.Module(fs.readFileSync(WASM));
    notes.push(`wasm compile ${(performance.now() - t).toFixed(1)} ms, ${fs.statSync(WASM).size} bytes`);
    if (!WebAssembly.Module.exports(compiled).some((e) => e.name === 'explorer_query')) {
      throw new Error('this build has no Explorer.query: rebuild it with `cargo xtask dist`');
    }
    return notes;
  },

  /** A fresh module instance, ready (not timed: a page loads it once). */
  async prepare() {
    const glue = await import(`${pathToFileURL(GLUE).href}?instance=${++instances}`);
    const wasm = glue.initSync({ module: compiled });
    // Since issue 15 the explorer's wasm reads an index file; the builder module writes it.
    let builder = null;
    if (fs.existsSync(BUILDER_GLUE)) {
      builder = await import(`${pathToFileURL(BUILDER_GLUE).href}?instance=${instances}`);
      builder.initSync({ module: new WebAssembly.Module(fs.readFileSync(BUILDER_WASM)) });
    }
    return { glue, wasm, builder };
  },

  build(articles, prepared) {
    const { glue, wasm, builder } = prepared;
    const bytes = bundle(articles);
    let explorer;
    if (glue.Explorer.fromHead) {
      // Since the load in parts: the builder writes the index's head and shards for the
      // articles as one chunk; the explorer takes them as the page takes a site's.
      const [head, shards] = builder.buildIndex(bytes, Uint32Array.of(bytes.length));
      explorer = glue.Explorer.fromHead(head, bytes.length);
      explorer.addShards(0, shards);
      explorer.addChunk(0, bytes);
    } else {
      explorer = builder
        ? glue.Explorer.load(bytes, builder.buildIndex(bytes))
        : glue.Explorer.fromBundle(bytes);
    }
    return { explorer, wasm };
  },

  query(index, q) {
    const hits = index.explorer.query(text(q));
    const rows = hits.rows(0, 10);
    const top = [];
    for (let i = 0; i < rows.length; i += ROW) {
      const id = rows[i];
      const f = hits.fields(id);
      const ranges = [];
      let j = 0;
      for (let field = 0; j < f.length; field++) {
        const n = f[j + 2];
        j += 3;
        for (let k = 0; k < n; k++, j += 3) ranges.push([f[j], f[j + 1], field]);
      }
      if (j !== f.length) {
        // An older build's layout (issue 5's spans were pairs): decoding it as triples reads
        // garbage and times the garbage. Measure such a build from its own tree.
        throw new Error(`fields(${id}) is not [block, part, n, (start, end, how)×n]…: `
          + 'a build with another layout; run the benchmark from that build\'s own tree');
      }
      top.push({ id, ranges });
    }
    const count = hits.length;
    hits.free();
    return { count, top };
  },

  count(index, q) {
    const hits = index.explorer.query(text(q));
    const count = hits.length;
    hits.free();
    return count;
  },

  /** The wasm memory in bytes (it holds the index; it never shrinks). */
  wasmBytes(index) {
    return index.wasm.memory.buffer.byteLength;
  },

  dispose(index) {
    index.explorer.free();
  },
  };
}

export default adapter('article-explorer', asTyped,
  'words quoted (each as typed: the oracle\'s rule), ANDed; "phrase"; prefix*; word~ for the misspelling (typo tolerance)');
