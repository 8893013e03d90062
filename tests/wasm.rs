//! The wasm module itself, in headless Chromium (wasm-bindgen-test): the binding's
//! results agree with the core's, both result shapes agree, and no input panics.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use article_explorer::wasm::Explorer;
use article_explorer::Corpus;
use js_sys::{Array, Float64Array, Int32Array, Reflect, Uint32Array};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

/// The explorer over the seeds, handed over as a bundle as the page does.
fn seeds_explorer() -> Explorer {
    let seeds = article_explorer::corpus::embedded_seeds();
    let bundle = article_explorer::bundle::write(seeds.iter().map(|(n, t)| (*n, t.as_bytes())));
    Explorer::from_bundle(&bundle).unwrap()
}

wasm_bindgen_test_configure!(run_in_browser);

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn seoul_in_the_browser() {
    let explorer = seeds_explorer();
    let result: JsValue = explorer.search("Seoul").unwrap().into();
    assert_eq!(get(&result, "total").as_f64(), Some(8.0));
    assert_eq!(get(&result, "highlighting").as_bool(), Some(true));
    let articles = Uint32Array::from(get(&result, "articles")).to_vec();
    let fields = Int32Array::from(get(&result, "fields")).to_vec();
    let spans = Uint32Array::from(get(&result, "spans")).to_vec();
    let scores = Float64Array::from(get(&result, "scores")).to_vec();
    assert_eq!(articles.len(), 4);
    assert_eq!(scores.len(), 1);
    assert_eq!(articles[1], 8); // matches
    assert_eq!(articles[3] as usize * 4, fields.len());
    assert_eq!(spans.len(), 16);
    // The same numbers as the core computes natively.
    let core = Corpus::embedded().unwrap().search("Seoul");
    let flat = article_explorer::flat::flatten(&core);
    assert_eq!(flat.articles, articles);
    assert_eq!(flat.fields, fields);
    assert_eq!(flat.spans, spans);
}

#[wasm_bindgen_test]
fn outline_crosses_once_with_every_article() {
    let explorer = seeds_explorer();
    let outline = Array::from(&explorer.outline().unwrap());
    assert_eq!(outline.length() as usize, Corpus::embedded().unwrap().len());
    let first = outline.get(0);
    let blocks = Array::from(&get(&first, "blocks"));
    assert_eq!(blocks.length(), 9);
    assert_eq!(
        get(&blocks.get(2), "kind").as_string().as_deref(),
        Some("card")
    );
    assert_eq!(
        get(&blocks.get(2), "author").as_string().as_deref(),
        Some("Georgy Toloraya")
    );
}

#[wasm_bindgen_test]
fn typed_arrays_agree_with_the_core() {
    let explorer = seeds_explorer();
    let corpus = Corpus::embedded().unwrap();
    for q in ["Seoul", "\"Moon Jae-in\"", "cooperat*", "", "-Japan"] {
        let core = corpus.search(q);
        for detail in [0, 1, u32::MAX] {
            let typed: JsValue = explorer.search_top(q, detail).unwrap().into();
            assert_eq!(
                get(&typed, "total").as_f64(),
                Some(f64::from(core.total)),
                "{q}"
            );
            let articles = Uint32Array::from(get(&typed, "articles")).to_vec();
            assert_eq!(articles.len(), core.articles.len() * 4, "{q}");
            for (i, (row, hit)) in articles.chunks(4).zip(&core.articles).enumerate() {
                let fields = if (i as u32) < detail {
                    hit.fields.len()
                } else {
                    0
                };
                assert_eq!(
                    row,
                    [hit.article, hit.matches, row[2], fields as u32],
                    "{q} #{i}"
                );
            }
        }
    }
}

#[wasm_bindgen_test]
fn no_input_panics() {
    let explorer = seeds_explorer();
    let long = "ё\"*-".repeat(800);
    for q in [
        "",
        "\"",
        "-",
        "*",
        "OR",
        "in:",
        "title:",
        "\u{0}",
        "😀",
        "<script>",
        long.as_str(),
    ] {
        let result: JsValue = explorer.search(q).unwrap().into();
        assert!(get(&result, "total").as_f64().is_some(), "{q:?}");
    }
}

#[wasm_bindgen_test]
fn bad_texts_are_clear_errors() {
    let err = Explorer::from_texts(vec!["blank.txt".into()], vec!["  \n".into()])
        .err()
        .unwrap();
    let message = get(&JsValue::from(err), "message").as_string().unwrap();
    assert_eq!(message, "blank.txt: no title: the file is empty or blank");
    let err = Explorer::from_texts(vec!["a".into()], vec![])
        .err()
        .unwrap();
    let message = get(&JsValue::from(err), "message").as_string().unwrap();
    assert!(message.contains("differ in length"));
    let err = Explorer::from_bundle(b"<!doctype html>").err().unwrap();
    let message = get(&JsValue::from(err), "message").as_string().unwrap();
    assert!(message.starts_with("not an articles bundle"), "{message}");
    let ok = Explorer::from_texts(vec!["t.txt".into()], vec!["Title\n\nSeoul.".into()]).unwrap();
    let result: JsValue = ok.search("seoul").unwrap().into();
    assert_eq!(get(&result, "total").as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
fn suggestions_cross_with_the_query_to_use() {
    let explorer = seeds_explorer();
    let result: JsValue = explorer.search("Seoul Absentword").unwrap().into();
    let suggestions = Array::from(&get(&result, "suggestions"));
    assert_eq!(suggestions.length(), 1);
    let first = suggestions.get(0);
    assert_eq!(
        get(&first, "drop").as_string().as_deref(),
        Some("Absentword")
    );
    assert_eq!(get(&first, "without").as_string().as_deref(), Some("Seoul"));
    assert_eq!(get(&first, "articles").as_f64(), Some(1.0));
}
