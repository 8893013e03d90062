//! The binding: the only file that knows JavaScript. It converts and delegates.
//!
//! One opaque handle, [`Explorer`], owns the corpus and its index, built once. The
//! articles' outline crosses once (serde-wasm-bindgen: structured, rare); each keystroke
//! is one [`Explorer::search`] call whose numbers cross as typed arrays (copied out of
//! wasm memory, never views that go stale when it grows). See ARCHITECTURE.md for the
//! measured choice between typed arrays and serde-wasm-bindgen for the result.

use crate::article::Block;
use crate::corpus::Corpus;
use crate::flat;
use js_sys::{Float64Array, Int32Array, Object, Reflect, Uint32Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Installs the panic hook, so a bug would show a readable message in the console.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The corpus and its index.
#[wasm_bindgen]
pub struct Explorer {
    corpus: Corpus,
    build_ms: f64,
}

#[derive(Serialize)]
struct OutlineArticle<'a> {
    name: &'a str,
    title: &'a str,
    lede: Option<&'a str>,
    blocks: &'a [Block],
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

#[wasm_bindgen]
impl Explorer {
    /// The explorer over the articles of a bundle (`src/bundle.rs`): the page fetches it
    /// beside the wasm and hands over its bytes.
    #[wasm_bindgen(js_name = fromBundle)]
    pub fn from_bundle(bundle: &[u8]) -> Result<Explorer, JsError> {
        let start = now();
        let corpus = Corpus::from_bundle(bundle).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Explorer {
            corpus,
            build_ms: now() - start,
        })
    }

    /// An explorer over given files (names and texts, same length).
    #[wasm_bindgen(js_name = fromTexts)]
    pub fn from_texts(names: Vec<String>, texts: Vec<String>) -> Result<Explorer, JsError> {
        if names.len() != texts.len() {
            return Err(JsError::new("fromTexts: names and texts differ in length"));
        }
        let start = now();
        let corpus = Corpus::from_files(
            names
                .iter()
                .zip(&texts)
                .map(|(n, t)| (n.as_str(), t.as_bytes())),
        )
        .map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Explorer {
            corpus,
            build_ms: now() - start,
        })
    }

    /// Milliseconds spent parsing and indexing.
    #[wasm_bindgen(getter, js_name = buildMs)]
    pub fn build_ms(&self) -> f64 {
        self.build_ms
    }

    /// The articles, once: `[{name, title, lede, blocks: [{kind, …}]}]`.
    pub fn outline(&self) -> Result<JsValue, JsError> {
        let outline: Vec<OutlineArticle<'_>> = (0..self.corpus.len())
            .filter_map(|a| {
                let a = u32::try_from(a).ok()?;
                let article = self.corpus.articles().get(a as usize)?;
                Some(OutlineArticle {
                    name: self.corpus.name(a).unwrap_or(""),
                    title: &article.title,
                    lede: article.lede.as_deref(),
                    blocks: &article.blocks,
                })
            })
            .collect();
        serde_wasm_bindgen::to_value(&outline).map_err(|e| JsError::new(&e.to_string()))
    }

    /// One query's whole result, numbers as typed arrays (layout in `src/flat.rs`):
    /// `{query, notice, total, highlighting, suggestions: [{drop, articles}],
    ///   articles: Uint32Array, scores: Float64Array, fields: Int32Array, spans: Uint32Array}`.
    pub fn search(&self, query: &str) -> Result<Object, JsValue> {
        self.search_top(query, u32::MAX)
    }

    /// The same, with the highlights (`fields`, `spans`) of the `detail` best articles only;
    /// the others have a `field_count` of 0.
    #[wasm_bindgen(js_name = searchTop)]
    pub fn search_top(&self, query: &str, detail: u32) -> Result<Object, JsValue> {
        let result = self.corpus.search_top(query, detail as usize);
        let flat = flat::flatten(&result);
        let out = Object::new();
        let set = |key: &str, value: &JsValue| Reflect::set(&out, &JsValue::from_str(key), value);
        set("query", &JsValue::from_str(&result.query))?;
        set(
            "notice",
            &result
                .notice
                .as_deref()
                .map_or(JsValue::NULL, JsValue::from_str),
        )?;
        set("total", &JsValue::from(result.total))?;
        set("highlighting", &JsValue::from_bool(result.highlighting))?;
        // Rare and small (only when nothing matches): serde is simplest.
        let suggestions = serde_wasm_bindgen::to_value(&result.suggestions)
            .map_err(|e| JsValue::from_str(&e.to_string()))?;
        set("suggestions", &suggestions)?;
        set("articles", &Uint32Array::from(flat.articles.as_slice()))?;
        set("scores", &Float64Array::from(flat.scores.as_slice()))?;
        set("fields", &Int32Array::from(flat.fields.as_slice()))?;
        set("spans", &Uint32Array::from(flat.spans.as_slice()))?;
        Ok(out)
    }
}
