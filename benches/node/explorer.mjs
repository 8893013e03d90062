// A built engine in Node for the small timing tools (prefixes.mjs, parts.mjs): the
// `cargo xtask dist` pkg/ folder PKG loaded and an Explorer given every data file of the
// site SITE (its index's head, shards and chunks: docs/format.md), as the page is once all
// has come. The benchmark's own adapter is engines/article-explorer.mjs.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The data files of `site`: its head, shards and chunks, in order. */
export function siteData(site) {
  const numbered = (dir, ext) => fs.readdirSync(path.join(site, dir))
    .filter((f) => f.endsWith(ext) && /^\d+\./.test(f))
    .sort((a, b) => parseInt(a, 10) - parseInt(b, 10))
    .map((f) => fs.readFileSync(path.join(site, dir, f)));
  return {
    head: fs.readFileSync(path.join(site, 'index', 'head.bin')),
    shards: numbered('index', '.bin'),
    chunks: numbered('articles', '.txt'),
  };
}

/** @returns {Promise<any>} the Explorer over `site`'s data, every part added */
export async function loadExplorer(pkg, site) {
  const glue = await import(pathToFileURL(path.resolve(pkg, 'article_explorer.js')).href);
  glue.initSync({ module: new WebAssembly.Module(fs.readFileSync(path.resolve(pkg, 'article_explorer_bg.wasm'))) });
  const { head, shards, chunks } = siteData(site);
  const explorer = glue.Explorer.fromHead(head, chunks.reduce((n, c) => n + c.length, 0));
  shards.forEach((shard, k) => explorer.addShards(k, shard));
  chunks.forEach((chunk, k) => explorer.addChunk(k, chunk));
  return explorer;
}
