// Pagefind 1: a static-site search — an index built ahead of time, then searched by its
// browser runtime. Both halves run here:
//
// - Indexing, with its Node API (pagefind/lib, which drives the pagefind binary shipped
//   in the npm package @pagefind/<platform>): `createIndex()`, one `addCustomRecord`
//   per article (url `/<id>`, content = title + body, language "en", meta.title), then
//   `writeFiles` into a temporary directory.
// - Searching, with the runtime that indexing wrote (pagefind.js + its wasm + the index
//   chunks). That runtime is a browser ES module that `fetch`es everything relative to a
//   base URL, and Node's `fetch` cannot read `file:` URLs; so the directory is served by
//   an in-process HTTP server on 127.0.0.1 (an ephemeral port), pagefind.js is imported
//   from the directory, and `createInstance({basePath: 'http://127.0.0.1:<port>/pagefind/'})`
//   points it there. In Node it has no Worker and runs on the main thread, as it falls
//   back to in a browser without workers. It loads index chunks and fragments on demand
//   and caches them, so after the warm-up a query makes no request.
//
// Build time = indexing + writing the files + starting the runtime (the entry, the
// metadata and the wasm; `phases` in the JSON splits the two). Memory = this process only; the indexing binary's own is not
// counted, and chunks loaded by queries show in the memory after the queries.
//
// Query: quotes (its exact mode) around a phrase and around a single whole word, since
// unquoted it stems and matches by prefix (`korea` finds `korean`); the prefix query
// and the misspelling are sent as they are (there is no typo tolerance). Two words
// unquoted (both required). One language for the whole corpus ("en"): Pagefind splits
// an index per language and a page searches one. Ranges: each result's `locations` (word
// numbers in the content it indexed, whitespace-separated), turned into offsets in the
// article's title and body — what a page does to highlight in the full text; the
// `data()` loads are part of the query time. In exact ("quoted") mode Pagefind gives
// one location per page (the first match), otherwise every matching word.

import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as pagefind from 'pagefind';
import { packageVersion } from './package-version.mjs';

const version = packageVersion('pagefind');

function term(q) {
  if (q.phrase || (!q.prefix && !q.fuzzy && q.words.length === 1)) return `"${q.words.join(' ')}"`;
  return q.words.join(' ');
}

function serve(dir) {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/pagefind\//, '');
    const file = path.join(dir, rel);
    if (!file.startsWith(dir + path.sep)) { res.writeHead(403).end(); return; }
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404).end(); return; }
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(data);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * The ranges of the words numbered `locations` — Pagefind numbers the whitespace-
 * separated words of the content it indexed (title + body) — as [start, end, field] in
 * the article's title (0) or body (1).
 */
function ranges(article, locations) {
  const words = [];
  const content = `${article.title}\n${article.body}`;
  const re = /[^\s\uFEFF]+/g;
  for (let m; (m = re.exec(content)) !== null;) words.push(m.index);
  const cut = article.title.length + 1;
  return locations.filter((l) => l < words.length).map((l) => {
    const start = words[l];
    const end = start + content.slice(start).match(/^[^\s\uFEFF]+/)[0].length;
    return start < cut ? [start, end, 0] : [start - cut, end - cut, 1];
  });
}

export default {
  name: 'pagefind',
  version,
  config: 'Node API createIndex + addCustomRecord (lang en) + writeFiles; runtime pagefind.js in Node over a loopback HTTP server; '
    + '"quoted" for whole words and phrases, plain for two words, prefix, misspelling',

  async build(articles) {
    const t0 = performance.now();
    const { index, errors } = await pagefind.createIndex();
    if (!index) throw new Error(`pagefind createIndex: ${errors.join('; ')}`);
    const added = await Promise.all(articles.map((a) => index.addCustomRecord({
      url: `/${a.id}`, content: `${a.title}\n${a.body}`, language: 'en', meta: { title: a.title },
    })));
    const failed = added.flatMap((r) => r.errors);
    if (failed.length) throw new Error(`pagefind addCustomRecord: ${failed.slice(0, 3).join('; ')}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ae-bench-pagefind-'));
    const written = await index.writeFiles({ outputPath: dir });
    if (written.errors.length) throw new Error(`pagefind writeFiles: ${written.errors.join('; ')}`);
    await index.deleteIndex();
    const t1 = performance.now();
    const server = await serve(dir);
    const runtime = await import(pathToFileURL(path.join(dir, 'pagefind.js')).href);
    const instance = runtime.createInstance({ basePath: `http://127.0.0.1:${server.address().port}/pagefind/` });
    await instance.init();
    // Without a Worker, init() only starts the loading (the main-thread fallback's
    // constructor loads without being awaited); filters() waits until it is done (the
    // runtime polls for that every 50 ms).
    await instance.filters();
    const t2 = performance.now();
    let bundle = 0;
    for (const f of fs.readdirSync(dir, { recursive: true })) {
      const st = fs.statSync(path.join(dir, f));
      if (st.isFile() && !/^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(path.basename(f))) bundle += st.size;
    }
    return {
      instance, server, dir, articles,
      phases: { index_ms: t1 - t0, load_ms: t2 - t1, bundle_bytes: bundle },
    };
  },

  async query(index, q) {
    const res = await index.instance.search(term(q));
    const data = await Promise.all(res.results.slice(0, 10).map((r) => r.data()));
    const top = data.map((d) => {
      const id = Number((d.raw_url ?? d.url).replace(/^\/|\/$/g, ''));
      return { id, ranges: ranges(index.articles[id], d.locations) };
    });
    return { count: res.results.length, top };
  },

  async count(index, q) {
    return (await index.instance.search(term(q))).results.length;
  },

  async dispose(index) {
    await index.instance.destroy();
    await new Promise((resolve) => index.server.close(resolve));
    fs.rmSync(index.dir, { recursive: true, force: true });
  },

  /** Stops the indexing binary (the Node API keeps it running). */
  async teardown() {
    await pagefind.close();
  },
};
