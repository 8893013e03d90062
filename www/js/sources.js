// Where the engine's inputs come from: a URL to fetch, or the bytes themselves.
// `cargo xtask dist` writes this module per edition before bundling (xtask/src/bundle.rs):
// the site's resolves the wasm and the articles bundle against the bundle's own URL (both
// bundles sit at the site's root), the single file's holds the wasm's bytes, and the
// articles and their index as sources of pieces (engine.js `Source`) decoded from base64
// one at a time as the engine takes them. These values are the site's, for the type check.
export const WASM_SOURCE = /** @type {URL|Uint8Array} */ (new URL('pkg/article_explorer_bg.wasm', import.meta.url));
export const ARTICLES_SOURCE = /** @type {URL|import('./engine.js').Source} */ (new URL('articles.txt', import.meta.url));
/** The articles' index, built by `cargo xtask dist` (docs/format.md). */
export const INDEX_SOURCE = /** @type {URL|import('./engine.js').Source} */ (new URL('index.bin', import.meta.url));
/** The builder module, which indexes the articles when the index is missing or not theirs. */
export const BUILDER_SOURCE = /** @type {URL|undefined} */ (new URL('pkg/builder.js', import.meta.url));
/**
 * The articles' and the index's sizes in bytes as built: the engine's memory is grown for
 * them at once when a download does not say (a compressed response's length is not the
 * file's). 0: unknown.
 */
export const SIZES = { articles: 0, index: 0 };
