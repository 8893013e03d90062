// Where the engine's wasm comes from. Undefined: the file beside the glue
// (pkg/article_explorer_bg.wasm, resolved from the glue's own URL). The single-file
// edition (cargo xtask dist) replaces this module with one holding the bytes.
export const WASM_SOURCE = undefined;
