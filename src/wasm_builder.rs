//! The builder edition's binding (`--features builder`): the index file of an articles
//! bundle, built in the browser — the same code and bytes as `article-explorer index` —
//! for a site whose index file is missing or not the one for its articles. The page
//! fetches this module only then, and hands the bytes to the explorer's `Explorer.load`.

use crate::corpus::Corpus;
use wasm_bindgen::prelude::*;

/// The allocator, as in the explorer's module (src/wasm.rs).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Installs the panic hook, so a bug would show a readable message in the console.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The index file (`src/index/file.rs`) of the articles of `bundle` (`src/bundle.rs`).
#[wasm_bindgen(js_name = buildIndex)]
pub fn build_index(bundle: &[u8]) -> Result<Vec<u8>, JsError> {
    // Grow the heap once, as the explorer's `Loader::new` does: a page at a time made the
    // build superlinear.
    drop(Vec::<u8>::with_capacity(bundle.len().saturating_mul(2)));
    let corpus = Corpus::from_bundle(bundle).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(corpus.index_file(bundle))
}
