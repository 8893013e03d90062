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

/// `bytes` cut into pieces as `lengths` says (the files the page sends end to end).
fn cut<'a>(mut bytes: &'a [u8], lengths: &[u32]) -> Result<Vec<&'a [u8]>, JsError> {
    let mut pieces = Vec::with_capacity(lengths.len());
    for &len in lengths {
        let (piece, rest) = bytes
            .split_at_checked(len as usize)
            .ok_or_else(|| JsError::new("the bytes are shorter than their lengths"))?;
        pieces.push(piece);
        bytes = rest;
    }
    Ok(pieces)
}

/// The head and the shards end to end, `[head, shards]`, of the articles of `chunks`
/// (the chunk files end to end, each a bundle: `src/corpus/bundle.rs`) cut as `lengths` says.
#[wasm_bindgen(js_name = buildIndex)]
pub fn build_index(chunks: &[u8], lengths: &[u32]) -> Result<js_sys::Array, JsError> {
    // Grow the heap once, as the explorer's `Explorer.fromHead` does: a page at a time
    // made the build superlinear.
    drop(Vec::<u8>::with_capacity(chunks.len().saturating_mul(2)));
    let parts: Vec<Vec<u8>> = cut(chunks, lengths)?.into_iter().map(<[u8]>::to_vec).collect();
    let (head, shards) =
        crate::corpus::loading::index_of_chunks(&parts, crate::corpus::loading::SHARD_BYTES)
            .map_err(|e| JsError::new(&e.to_string()))?;
    let out = js_sys::Array::new();
    out.push(&js_sys::Uint8Array::from(head.as_slice()));
    out.push(&js_sys::Uint8Array::from(shards.concat().as_slice()));
    Ok(out)
}

/// The files of what the reader added as `name`: the articles of a bundle (the CLI's
/// `bundle`, or a collection exported from the page), else the file itself —
/// `[[name, bytes], …]`. Throws why a file that begins as a bundle is not one.
#[wasm_bindgen(js_name = filesOf)]
pub fn files_of(name: &str, bytes: &[u8]) -> Result<js_sys::Array, JsError> {
    let files = if bytes.starts_with(crate::corpus::bundle::MAGIC.as_bytes()) {
        crate::corpus::bundle::read(bytes).map_err(|why| JsError::new(&why))?
    } else {
        vec![(name, bytes)]
    };
    let out = js_sys::Array::new();
    for (name, bytes) in files {
        let pair = js_sys::Array::new();
        pair.push(&JsValue::from_str(name));
        pair.push(&js_sys::Uint8Array::from(bytes));
        out.push(&pair);
    }
    Ok(out)
}

/// The reader's own articles, `names[i]` with the bytes `files` holds end to end cut as
/// `lengths` says, as a site's data files: `[head, shards, chunks, chunk lengths,
/// refused]`, where `refused` is `[[name, why], …]` for each file that is not an article
/// (in the order given), and the others are indexed, in order. Each file goes through the
/// parser the site's articles go through.
#[wasm_bindgen(js_name = buildCollection)]
pub fn build_collection(
    names: Vec<String>,
    files: &[u8],
    lengths: &[u32],
) -> Result<js_sys::Array, JsError> {
    drop(Vec::<u8>::with_capacity(files.len().saturating_mul(2)));
    let mut kept: Vec<(&str, &[u8])> = Vec::with_capacity(names.len());
    let refused = js_sys::Array::new();
    for (name, bytes) in names.iter().zip(cut(files, lengths)?) {
        match crate::article::parse_bytes(bytes) {
            Ok(_) => kept.push((name, bytes)),
            Err(error) => {
                let pair = js_sys::Array::new();
                pair.push(&JsValue::from_str(name));
                pair.push(&JsValue::from_str(&refusal(&error)));
                refused.push(&pair);
            }
        }
    }
    let site = crate::SiteFiles::of(&kept).map_err(|e| JsError::new(&e.to_string()))?;
    let out = js_sys::Array::new();
    out.push(&js_sys::Uint8Array::from(site.head.as_slice()));
    out.push(&js_sys::Uint8Array::from(site.shards.concat().as_slice()));
    out.push(&js_sys::Uint8Array::from(site.chunks.concat().as_slice()));
    let chunk_lengths: Vec<u32> = site
        .chunks
        .iter()
        .map(|c| u32::try_from(c.len()).unwrap_or(u32::MAX))
        .collect();
    out.push(&js_sys::Uint32Array::from(chunk_lengths.as_slice()));
    out.push(&refused);
    Ok(out)
}

/// Why a file is not an article, for the reader.
fn refusal(error: &crate::article::ParseError) -> String {
    match error {
        crate::article::ParseError::InvalidUtf8 { offset } => format!(
            "not UTF-8 text (byte {offset} is not UTF-8): save it as UTF-8 and add it again"
        ),
        crate::article::ParseError::NoTitle => "empty: it has no text".to_owned(),
    }
}

/// The bundle of `names[i]` with the bytes `files` holds end to end cut as `lengths`
/// says: the collection export, which the CLI reads (`article-explorer search QUERY
/// FILE`) and the page adds back.
#[wasm_bindgen(js_name = writeBundle)]
pub fn write_bundle(names: Vec<String>, files: &[u8], lengths: &[u32]) -> Result<Vec<u8>, JsError> {
    let files = cut(files, lengths)?;
    Ok(crate::corpus::bundle::write(
        names.iter().map(String::as_str).zip(files),
    ))
}
