//! The binding: the only file that knows JavaScript. It converts and delegates.
//!
//! One opaque handle, [`Explorer`], owns the corpus and its index, built once. The
//! articles' outline crosses once (serde-wasm-bindgen: structured, rare). Each keystroke
//! is one [`Explorer::query`] call returning a second handle, [`Hits`]: its counts are
//! getters, and the page asks it for the rows it lists and the highlights of the articles
//! it shows, whose numbers cross as typed arrays (copied out of wasm memory, never views
//! that go stale when it grows). See ARCHITECTURE.md for the measured choices.

use crate::article::{Article, Block};
use crate::corpus::Corpus;
use crate::flat;
use crate::hits;
use crate::keyphrase;
use crate::loading::Loading;
use js_sys::{Float64Array, Int32Array};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// The allocator: talc rather than the default dlmalloc (ARCHITECTURE.md: smaller and
/// faster, measured).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Installs the panic hook, so a bug would show a readable message in the console.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The corpus and its index.
#[wasm_bindgen]
pub struct Explorer {
    corpus: Rc<Corpus>,
    build_ms: f64,
}

/// The length of `s` in UTF-16 code units (JavaScript's).
fn utf16_len(s: &str) -> u32 {
    u32::try_from(s.encode_utf16().count()).unwrap_or(u32::MAX)
}

/// A block of the outline: `[kind, text or title, author, teaser]`, kind 0 paragraph,
/// 1 heading, 2 card, 3 disclaimer (the texts a kind lacks are empty).
type OutlineBlock<'a> = (u8, &'a str, &'a str, &'a str);

fn outline_block(block: &Block) -> OutlineBlock<'_> {
    match block {
        Block::Paragraph { text } => (0, text, "", ""),
        Block::Heading { text } => (1, text, "", ""),
        Block::Card {
            title,
            author,
            teaser,
        } => (2, title, author, teaser),
        Block::Disclaimer { text } => (3, text, "", ""),
    }
}

/// A piece of the outline ([`Explorer::outline`]): a text, the lede an article lacks, or
/// how many card authors follow.
enum Piece<'a> {
    Text(&'a str),
    NoLede,
    Authors(u32),
}

/// The authors of an article's cards, in reading order.
fn card_authors(article: &Article) -> impl Iterator<Item = &str> {
    article.blocks.iter().filter_map(|b| match b {
        Block::Card { author, .. } => Some(author.as_str()),
        _ => None,
    })
}

/// A row of the short lists the page asks for (keyphrases, authors, suggestions, the
/// correction): two texts and a number, `[text, text, n]`. One shape for all of them:
/// serde-wasm-bindgen's code is instantiated once per type, and one type instead of five
/// made the wasm 0.3 kB gzip smaller (measured).
type Row<'a> = (&'a str, &'a str, u32);

/// Rows as `[[text, text, n], …]`.
fn to_rows(rows: &[Row<'_>]) -> Result<JsValue, JsError> {
    serde_wasm_bindgen::to_value(rows).map_err(|e| JsError::new(&e.to_string()))
}

/// Keyphrases as rows `[text, "", name]` (`name`: 1 for a multi-word name, else 0).
fn to_pairs(phrases: &[keyphrase::Keyphrase]) -> Result<JsValue, JsError> {
    let rows: Vec<Row<'_>> = phrases
        .iter()
        .map(|k| (k.text.as_str(), "", u32::from(k.name)))
        .collect();
    to_rows(&rows)
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

#[wasm_bindgen]
impl Explorer {
    /// The explorer over the articles of a bundle (`src/bundle.rs`) and their index file
    /// (`src/index/file.rs`), given whole (a [`Loader`] given both at once). Throws an
    /// `Error` when the bundle is not one; when the index file is missing or not the one
    /// for these articles, throws a string saying why: the page then builds one with the
    /// builder module (src/wasm_builder.rs) and calls this again.
    pub fn load(bundle: &[u8], index: Option<Box<[u8]>>) -> Result<Explorer, JsValue> {
        let index_len = index.as_ref().map_or(0, |i| i.len());
        let mut loader = Loader::new(bundle.len() as f64, index_len as f64);
        loader.push(bundle)?;
        if let Some(index) = index {
            loader.push_index(&index);
        }
        loader.finish()
    }

    /// Milliseconds spent parsing the articles and reading their index.
    #[wasm_bindgen(getter, js_name = buildMs)]
    pub fn build_ms(&self) -> f64 {
        self.build_ms
    }

    /// The outline: what the list shows of every article — its name, title, lede and its
    /// cards' authors, not the blocks' texts (an article's blocks cross when it is shown,
    /// [`Explorer::blocks`]) — as one string and the lengths of its pieces, instead of
    /// 10,000 arrays of strings through serde-wasm-bindgen (48–55 ms at 10,000 articles).
    /// Returns the lengths, per article: its name's, title's and lede's (UTF-16 code units;
    /// `u32::MAX`: no lede), the number of its cards' authors, then each author's; the
    /// string is [`Explorer::outline_text`].
    pub fn outline(&self) -> Vec<u32> {
        // Counted first: allocated once, not grown (a wasm's memory never shrinks).
        let mut n = 0;
        self.outline_pieces(&mut |_| n += 1);
        let mut lengths = Vec::with_capacity(n);
        self.outline_pieces(&mut |piece| {
            lengths.push(match piece {
                Piece::Text(text) => utf16_len(text),
                Piece::NoLede => u32::MAX,
                Piece::Authors(n) => n,
            })
        });
        lengths
    }

    /// The outline's text: its pieces ([`Explorer::outline`]) end to end, made in the wasm
    /// 64 kB at a time and joined in JavaScript. Whole, it took 3 MB of wasm memory at
    /// 10,000 articles for a moment, and a wasm's memory never shrinks.
    #[wasm_bindgen(js_name = outlineText)]
    pub fn outline_text(&self) -> js_sys::JsString {
        const PART: usize = 1 << 16;
        let mut text = js_sys::JsString::from("");
        let mut part = String::with_capacity(PART);
        self.outline_pieces(&mut |piece| {
            if let Piece::Text(piece) = piece {
                part.push_str(piece);
                if part.len() >= PART {
                    text = text.concat(&js_sys::JsString::from(part.as_str()));
                    part.clear();
                }
            }
        });
        text.concat(&js_sys::JsString::from(part.as_str()))
    }

    /// Calls `f` with each piece of the outline, in order ([`Explorer::outline`]).
    fn outline_pieces(&self, f: &mut dyn FnMut(Piece<'_>)) {
        for (a, article) in self.corpus.articles().iter().enumerate() {
            let name = self.corpus.name(u32::try_from(a).unwrap_or(u32::MAX));
            f(Piece::Text(name.unwrap_or("")));
            f(Piece::Text(&article.title));
            f(article.lede.as_deref().map_or(Piece::NoLede, Piece::Text));
            let authors = card_authors(article).count();
            f(Piece::Authors(u32::try_from(authors).unwrap_or(u32::MAX)));
            card_authors(article).for_each(|author| f(Piece::Text(author)));
        }
    }

    /// Article `article`'s blocks, when the page shows it: `[[kind, text or title,
    /// author, teaser], …]` (see `OutlineBlock`; `[]` for no such article).
    pub fn blocks(&self, article: u32) -> Result<JsValue, JsError> {
        let blocks: Vec<OutlineBlock<'_>> = self
            .corpus
            .articles()
            .get(article as usize)
            .map(|a| a.blocks.iter().map(outline_block).collect())
            .unwrap_or_default();
        serde_wasm_bindgen::to_value(&blocks).map_err(|e| JsError::new(&e.to_string()))
    }

    /// The collection's keyphrases, best first: `[[text, "", name], …]` (`name`: 1 for a
    /// multi-word name, 0 for a salient word; `src/keyphrase.rs`), as the index file has
    /// them (computed by `cargo xtask dist`).
    pub fn keyphrases(&self) -> Result<JsValue, JsError> {
        // Always from the index file: the page's engine never computes them (0.5 s at
        // 10,000 articles), and its wasm carries no code to.
        to_pairs(self.corpus.stored_keyphrases())
    }

    /// Article `article`'s keyphrases, best first: `[[text, "", name], …]`.
    #[wasm_bindgen(js_name = articleKeyphrases)]
    pub fn article_keyphrases(&self, article: u32) -> Result<JsValue, JsError> {
        let (index, articles) = (self.corpus.index(), self.corpus.articles());
        to_pairs(&keyphrase::of_article(index, articles, article))
    }

    /// The cards' authors, most articles first: `[[name, "", articles], …]`.
    pub fn authors(&self) -> Result<JsValue, JsError> {
        let authors = keyphrase::authors(self.corpus.articles());
        let rows: Vec<Row<'_>> = authors
            .iter()
            .map(|a| (a.name.as_str(), "", a.articles))
            .collect();
        to_rows(&rows)
    }

    /// The answer to a query, kept for display ([`Hits`]). Never fails: any text is a
    /// query.
    pub fn query(&self, query: &str) -> Hits {
        Hits {
            inner: self.corpus.hits(query),
            corpus: Rc::clone(&self.corpus),
        }
    }
}

/// The articles and their index file arriving in pieces, as the page downloads them
/// (`src/loading.rs`): each piece is parsed as it comes, in a task of its own, so the load
/// never blocks the page for long, and neither file is held whole in JavaScript.
#[wasm_bindgen]
pub struct Loader {
    loading: Option<Loading>,
    start: f64,
}

#[wasm_bindgen]
impl Loader {
    /// A load of about `bundle_bytes` of articles and `index_bytes` of index file (0 when
    /// unknown). The heap is grown once by what the load will hold: the allocator would
    /// grow it a page at a time, and V8's cost per grow made loading 10,000 articles 23× as
    /// slow as 1,000 (ARCHITECTURE.md). That is the articles' text, the structures around
    /// it (their blocks, the allocator's share: 4.6 % of the text at 10,000 articles, so
    /// a twentieth), and the index, as large as its file.
    #[wasm_bindgen(constructor)]
    pub fn new(bundle_bytes: f64, index_bytes: f64) -> Loader {
        let (bundle, index) = (
            bundle_bytes.max(0.0) as usize,
            index_bytes.max(0.0) as usize,
        );
        let holds = bundle.saturating_add(bundle / 20).saturating_add(index);
        drop(Vec::<u8>::with_capacity(holds));
        Loader {
            loading: Some(Loading::new(index)),
            start: now(),
        }
    }

    /// The next bytes of the articles bundle. Throws when a file is not an article.
    pub fn push(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        match self.loading.as_mut() {
            Some(loading) => loading
                .push(bytes)
                .map_err(|e| JsError::new(&e.to_string())),
            None => Err(JsError::new("the load is finished")),
        }
    }

    /// The next bytes of the index file.
    #[wasm_bindgen(js_name = pushIndex)]
    pub fn push_index(&mut self, bytes: &[u8]) {
        if let Some(loading) = self.loading.as_mut() {
            loading.push_index(bytes);
        }
    }

    /// Every byte is in: the explorer. Throws an `Error` when the bundle is not one, and a
    /// string saying why when the index file is missing or not these articles' (as
    /// [`Explorer::load`]).
    pub fn finish(&mut self) -> Result<Explorer, JsValue> {
        let loading = self
            .loading
            .take()
            .ok_or_else(|| JsValue::from(JsError::new("the load is finished")))?;
        match loading.finish() {
            Err(e) => Err(JsError::new(&e.to_string()).into()),
            Ok(Err(why)) => Err(JsValue::from_str(&why.to_string())),
            Ok(Ok(corpus)) => Ok(Explorer {
                corpus: Rc::new(corpus),
                build_ms: now() - self.start,
            }),
        }
    }
}

/// One query's answer: counts at once, rows and highlights when asked (`src/hits.rs`,
/// layouts in `src/flat.rs`). Holds the corpus it came from, so it stays valid however
/// many queries follow; freed by `free()` or when garbage-collected.
#[wasm_bindgen]
pub struct Hits {
    inner: hits::Hits,
    corpus: Rc<Corpus>,
}

#[wasm_bindgen]
impl Hits {
    /// The query as parsed (cut to its first 1,000 characters).
    #[wasm_bindgen(getter)]
    pub fn query(&self) -> String {
        self.inner.query.clone()
    }

    /// Something the reader should know about the query, or `undefined`.
    #[wasm_bindgen(getter)]
    pub fn notice(&self) -> Option<String> {
        self.inner.notice.clone()
    }

    /// Whether the query highlights anything.
    #[wasm_bindgen(getter)]
    pub fn highlighting(&self) -> bool {
        self.inner.highlighting
    }

    /// Matches over all articles.
    #[wasm_bindgen(getter)]
    pub fn total(&self) -> u32 {
        self.inner.total
    }

    /// The number of matching articles.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> u32 {
        u32::try_from(self.inner.len()).unwrap_or(u32::MAX)
    }

    /// When nothing matches: `[[drop, without, articles], …]`, what dropping each clause
    /// finds.
    pub fn suggestions(&self) -> Result<JsValue, JsError> {
        let rows: Vec<Row<'_>> = self
            .inner
            .suggestions
            .iter()
            .map(|s| (s.drop.as_str(), s.without.as_str(), s.articles))
            .collect();
        to_rows(&rows)
    }

    /// When nothing matches: `[[query, "", articles]]`, the query with its misspelt words
    /// corrected and how many articles it finds ("did you mean"), or `[]`.
    #[wasm_bindgen(js_name = didYouMean)]
    pub fn did_you_mean(&self) -> Result<JsValue, JsError> {
        let (index, articles) = (self.corpus.index(), self.corpus.articles());
        let correction = self.inner.correction(index, articles);
        let rows: Vec<Row<'_>> = correction
            .iter()
            .map(|c| (c.query.as_str(), "", c.articles))
            .collect();
        to_rows(&rows)
    }

    /// Rows `start..start + len` of the ranking: `[article, matches, score]` each.
    pub fn rows(&mut self, start: u32, len: u32) -> Float64Array {
        let rows = self.inner.rows(start as usize, len as usize);
        Float64Array::from(flat::rows(&rows).as_slice())
    }

    /// Article `article`'s best excerpt for a result list: `[block, part, start, end, cut
    /// before, cut after, n, start, end, how, …]` (`src/flat.rs`), empty without one.
    pub fn snippet(&self, article: u32) -> Int32Array {
        let articles = self.corpus.articles();
        let snippet = self.inner.snippet(self.corpus.index(), articles, article);
        let text = snippet
            .as_ref()
            .and_then(|s| articles.get(article as usize)?.field(s.addr))
            .unwrap_or("");
        Int32Array::from(flat::snippet(snippet.as_ref(), text).as_slice())
    }

    /// Article `article`'s highlighted fields: `[block, part, n, start, end, how, …]`.
    pub fn fields(&self, article: u32) -> Int32Array {
        let fields = self.corpus.hit_fields(&self.inner, article);
        Int32Array::from(flat::fields(&fields).as_slice())
    }
}
