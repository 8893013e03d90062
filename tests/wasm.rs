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
use js_sys::{Array, Reflect};
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
    let mut hits = explorer.query("Seoul");
    assert_eq!(hits.total(), 8);
    assert!(hits.highlighting());
    assert_eq!(hits.length(), 1);
    let rows = hits.rows(0, 10).to_vec();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[..2], [0.0, 8.0]); // article 0, 8 matches
    let fields = hits.fields(0).to_vec();
    // The same numbers as the core computes natively.
    let core = Corpus::embedded().unwrap().search("Seoul");
    assert_eq!(rows[2], f64::from(core.articles[0].score as f32));
    assert_eq!(
        fields,
        article_explorer::flat::fields(&core.articles[0].fields)
    );
    assert!(
        hits.fields(99).to_vec().is_empty(),
        "no such article: nothing"
    );
}

#[wasm_bindgen_test]
fn outline_crosses_once_with_every_article() {
    let explorer = seeds_explorer();
    let outline = Array::from(&explorer.outline().unwrap());
    assert_eq!(outline.length() as usize, Corpus::embedded().unwrap().len());
    // [name, title, lede, blocks], each block [kind, text or title, author, teaser].
    let first = Array::from(&outline.get(0));
    let blocks = Array::from(&first.get(3));
    assert_eq!(blocks.length(), 9);
    let card = Array::from(&blocks.get(2));
    assert_eq!(card.get(0).as_f64(), Some(2.0), "kind 2: a card");
    assert_eq!(card.get(2).as_string().as_deref(), Some("Georgy Toloraya"));
}

#[wasm_bindgen_test]
fn typed_arrays_agree_with_the_core() {
    let explorer = seeds_explorer();
    let corpus = Corpus::embedded().unwrap();
    for q in ["Seoul", "\"Moon Jae-in\"", "cooperat*", "", "-Japan"] {
        let core = corpus.search(q);
        let mut hits = explorer.query(q);
        assert_eq!(hits.total(), core.total, "{q}");
        assert_eq!(hits.length() as usize, core.articles.len(), "{q}");
        let rows = hits.rows(0, u32::MAX).to_vec();
        for (row, hit) in rows.chunks(3).zip(&core.articles) {
            assert_eq!(
                row[..2],
                [f64::from(hit.article), f64::from(hit.matches)],
                "{q}"
            );
            let fields = hits.fields(hit.article).to_vec();
            assert_eq!(fields, article_explorer::flat::fields(&hit.fields), "{q}");
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
        let mut hits = explorer.query(q);
        let rows = hits.rows(0, 5).to_vec();
        assert_eq!(rows.len(), 3 * (hits.length() as usize).min(5), "{q:?}");
        let _ = hits.fields(0);
        assert!(hits.suggestions().is_ok(), "{q:?}");
        assert!(hits.did_you_mean().is_ok(), "{q:?}");
    }
}

#[wasm_bindgen_test]
fn bad_texts_are_clear_errors() {
    let bundle = |files: &[(&str, &str)]| {
        article_explorer::bundle::write(files.iter().map(|(n, t)| (*n, t.as_bytes())))
    };
    let err = Explorer::from_bundle(&bundle(&[("blank.txt", "  \n")]))
        .err()
        .unwrap();
    let message = get(&JsValue::from(err), "message").as_string().unwrap();
    assert_eq!(message, "blank.txt: no title: the file is empty or blank");
    let mut cut = bundle(&[("a.txt", "Title\n\nText.")]);
    cut.pop();
    let err = Explorer::from_bundle(&cut).err().unwrap();
    let message = get(&JsValue::from(err), "message").as_string().unwrap();
    assert!(
        message.contains("a.txt: no line break after its 12 bytes"),
        "{message}"
    );
    let err = Explorer::from_bundle(b"<!doctype html>").err().unwrap();
    let message = get(&JsValue::from(err), "message").as_string().unwrap();
    assert!(message.starts_with("not an articles bundle"), "{message}");
    let ok = Explorer::from_bundle(&bundle(&[("t.txt", "Title\n\nSeoul.")])).unwrap();
    assert_eq!(ok.query("seoul").total(), 1);
}

#[wasm_bindgen_test]
fn suggestions_cross_with_the_query_to_use() {
    let explorer = seeds_explorer();
    let hits = explorer.query("Seoul Absentword");
    assert_eq!(hits.length(), 0);
    let suggestions = Array::from(&hits.suggestions().unwrap());
    assert_eq!(suggestions.length(), 1);
    // [drop, without, articles]
    let first = Array::from(&suggestions.get(0));
    assert_eq!(first.get(0).as_string().as_deref(), Some("Absentword"));
    assert_eq!(first.get(1).as_string().as_deref(), Some("Seoul"));
    assert_eq!(first.get(2).as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
fn did_you_mean_crosses_as_query_and_count() {
    let explorer = seeds_explorer();
    let hits = explorer.query("Soeul");
    assert_eq!(hits.length(), 0);
    // [query, articles]
    let fix = Array::from(&hits.did_you_mean().unwrap());
    assert_eq!(fix.get(0).as_string().as_deref(), Some("Seoul"));
    assert_eq!(fix.get(1).as_f64(), Some(1.0));
    assert!(explorer
        .query("Seoul")
        .did_you_mean()
        .unwrap()
        .is_undefined());
    explorer.prepare();
}
