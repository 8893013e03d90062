// Where the engine's inputs come from: a URL to fetch, or the bytes themselves.
// `cargo xtask dist` writes this module per edition before bundling (xtask/src/bundle.rs):
// the site's resolves the wasm and the data files (the index's head, its shards, the
// articles' chunks: docs/format.md) against the bundle's own URL (the bundles sit at the
// site's root); the single file's holds their bytes, decoded from base64 when asked.
// These values are the site's, for the type check.
export const WASM_SOURCE = /** @type {URL|Uint8Array} */ (new URL('pkg/article_explorer_bg.wasm', import.meta.url));
/** The builder module, which indexes the articles when the index is missing or not theirs. */
export const BUILDER_SOURCE = /** @type {URL|undefined} */ (new URL('pkg/builder.js', import.meta.url));
/**
 * The worker that keeps the reader's own articles (collection-worker.js), and the
 * builder's wasm it runs (asked when first needed); undefined where the edition has none.
 */
export const WORKER_SOURCE = /** @type {URL|undefined} */ (new URL('collection-worker.js', import.meta.url));
export const BUILDER_WASM_SOURCE = /** @type {(() => URL|Promise<Uint8Array>)|undefined} */ (() => new URL('pkg/builder_bg.wasm', import.meta.url));
/**
 * The data files as built: how many articles, shards of their index and chunks of them;
 * the articles' bytes
 * (the engine's memory is grown for them at once); all the data's bytes (the load's
 * progress); the head's checksum (its last eight bytes, in hex: the head of this build
 * and no other).
 */
export const DATA = { articles: 0, shards: 0, chunks: 0, articleBytes: 0, bytes: 0, head: '' };
/**
 * Data file `name` (`index/head.bin`, `index/K.bin`, `articles/K.txt`): a URL to fetch,
 * or its bytes.
 * @param {string} name
 * @returns {URL|Uint8Array}
 */
export const part = (name) => new URL(name, import.meta.url);
