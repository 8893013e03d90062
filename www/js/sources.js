// Where the engine's inputs come from. Undefined: the files of the site — the wasm
// beside the glue (pkg/article_explorer_bg.wasm, resolved from the glue's own URL) and
// the articles bundle (articles.txt, resolved from this module's URL). The single-file
// edition (cargo xtask dist) replaces this module with one holding the bytes of both.
export const WASM_SOURCE = undefined;
export const ARTICLES_SOURCE = undefined;
