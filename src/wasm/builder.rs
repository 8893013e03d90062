//! The builder edition's binding (`--features builder`): the index's head and shards for
//! the articles of a site's chunks, built in the browser — the same code and bytes as
//! `article-explorer index` — for a site whose head is missing or not the one for its
//! articles. The page fetches this module only then, and hands the parts to the
//! explorer's `Explorer.fromHead` and `addShards`.

use wasm_bindgen::prelude::*;

/// The allocator, as in the explorer's module (src/wasm/explorer.rs).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Installs the panic hook, so a bug would show a readable message in the console.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The head and the shards end to end, `[head, shards]`, of the articles of `chunks`
/// (the chunk files end to end, each a bundle: `src/corpus/bundle.rs`) cut as `lengths` says.
#[wasm_bindgen(js_name = buildIndex)]
pub fn build_index(chunks: &[u8], lengths: &[u32]) -> Result<js_sys::Array, JsError> {
    // Grow the heap once, as the explorer's `Explorer.fromHead` does: a page at a time
    // made the build superlinear.
    drop(Vec::<u8>::with_capacity(chunks.len().saturating_mul(2)));
    let mut parts = Vec::with_capacity(lengths.len());
    let mut rest = chunks;
    for &len in lengths {
        let (chunk, later) = rest
            .split_at_checked(len as usize)
            .ok_or_else(|| JsError::new("the chunks are shorter than their lengths"))?;
        parts.push(chunk.to_vec());
        rest = later;
    }
    let (head, shards) =
        crate::corpus::loading::index_of_chunks(&parts, crate::corpus::loading::SHARD_BYTES)
            .map_err(|e| JsError::new(&e.to_string()))?;
    let out = js_sys::Array::new();
    out.push(&js_sys::Uint8Array::from(head.as_slice()));
    out.push(&js_sys::Uint8Array::from(shards.concat().as_slice()));
    Ok(out)
}
