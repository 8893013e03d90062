// A built engine in Node for the small timing tools (prefixes.mjs, parts.mjs): the
// `cargo xtask dist` pkg/ folder PKG loaded, an Explorer built over the bundle at BUNDLE
// (a site's articles.txt), its stem table and one-edit keys prepared when the build has
// them (as the page does when idle). The benchmark's own adapter is engines/article-explorer.mjs.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** @returns {Promise<any>} the Explorer */
export async function loadExplorer(pkg, bundlePath) {
  const glue = await import(pathToFileURL(path.resolve(pkg, 'article_explorer.js')).href);
  glue.initSync({ module: new WebAssembly.Module(fs.readFileSync(path.resolve(pkg, 'article_explorer_bg.wasm'))) });
  const bundle = fs.readFileSync(bundlePath);
  // Since issue 15: the site's index file, beside its articles.
  const index = path.join(path.dirname(bundlePath), 'index.bin');
  const explorer = glue.Explorer.load
    ? glue.Explorer.load(bundle, fs.readFileSync(index))
    : glue.Explorer.fromBundle(bundle);
  explorer.prepare?.();
  return explorer;
}
