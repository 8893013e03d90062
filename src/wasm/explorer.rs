//! The binding: the only file that knows JavaScript. It converts and delegates.
//!
//! One opaque handle, [`Explorer`], owns the corpus and its index: made from the index's
//! head ([`HeadLoader`], a step at a time), then given the shards and chunks as they come
//! (`addShards`, `addChunk`); what a call needed that is not here yet is told by
//! [`Explorer::wanted`]. The page takes the outline from the head's bytes itself. Each
//! keystroke is one [`Explorer::query`] call returning a second handle, [`Hits`]: its counts are
//! getters, and the page asks it for the rows it lists and the highlights of the articles
//! it shows, whose numbers cross as typed arrays (copied out of wasm memory, never views
//! that go stale when it grows). The choices: ARCHITECTURE.md; their figures:
//! docs/performance.md.

use crate::article::Block;
use crate::corpus::Corpus;
use crate::results::hits;
use crate::results::keyphrase;
use crate::wasm::flat;
use js_sys::{Float64Array, Int32Array};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// The allocator: talc rather than the default dlmalloc (smaller and faster:
/// docs/performance.md, Size).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Installs the panic hook, so a bug would show a readable message in the console.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The corpus and its index, arriving in parts (`src/corpus/loading.rs`): the head first, then
/// the shards and chunks as they download, the ones a query wanted first.
#[wasm_bindgen]
pub struct Explorer {
    corpus: Shared,
    build_ms: Cell<f64>,
}

/// The corpus, shared by the explorer and every [`Hits`] of it. Borrowed for the length
/// of one call from JavaScript, mutably only to add a part; calls never nest (JavaScript
/// calls one at a time, and none calls back), so a borrow cannot fail — were it to, the
/// call answers as for an empty corpus rather than panic.
#[derive(Clone)]
struct Shared(Rc<RefCell<Corpus>>);

impl Shared {
    fn with<R: Default>(&self, f: impl FnOnce(&Corpus) -> R) -> R {
        self.0.try_borrow().map(|c| f(&c)).unwrap_or_default()
    }

    fn read<R>(&self, f: impl FnOnce(&Corpus) -> Result<R, JsError>) -> Result<R, JsError> {
        match self.0.try_borrow() {
            Ok(c) => f(&c),
            Err(_) => Err(JsError::new("the explorer is busy")),
        }
    }

    fn with_mut<R>(&self, f: impl FnOnce(&mut Corpus) -> Result<R, JsValue>) -> Result<R, JsValue> {
        match self.0.try_borrow_mut() {
            Ok(mut c) => f(&mut c),
            Err(_) => Err(JsValue::from_str("the explorer is busy")),
        }
    }
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

impl Explorer {
    /// Adds a part with `add`, its time counted in [`Explorer::build_ms`]; why it was
    /// refused as a string.
    fn add(
        &self,
        add: &dyn Fn(&mut Corpus) -> Result<(), crate::index::file::LoadError>,
    ) -> Result<(), JsValue> {
        let start = now();
        let added = self
            .corpus
            .with_mut(|c| add(c).map_err(|why| JsValue::from_str(&why.to_string())));
        self.build_ms.set(self.build_ms.get() + now() - start);
        added
    }
}

#[wasm_bindgen]
impl Explorer {
    /// The explorer of an index file's head (`index/head.bin`, `src/index/file.rs`) read
    /// at once ([`HeadLoader`] to its end). Throws a string saying why when the head
    /// cannot be used.
    #[wasm_bindgen(js_name = fromHead)]
    pub fn from_head(head: Vec<u8>, article_bytes: f64) -> Result<Explorer, JsValue> {
        let mut loader = HeadLoader::new(head, article_bytes);
        loop {
            if let Some(explorer) = loader.step()? {
                return Ok(explorer);
            }
        }
    }

    /// Takes shards `first..` of the posting lists (`index/K.bin`; several end to end, as
    /// the builder gives them). Throws a string saying why when one is not the head's.
    #[wasm_bindgen(js_name = addShards)]
    pub fn add_shards(&self, first: u32, bytes: &[u8]) -> Result<(), JsValue> {
        self.add(&|c| c.add_shards(first as usize, bytes))
    }

    /// Marks its articles as the reader's own (added in the page, not the site's): what
    /// `in:mine` keeps to, and `in:site` leaves out.
    #[wasm_bindgen(js_name = setMine)]
    pub fn set_mine(&self) -> Result<(), JsValue> {
        self.corpus.with_mut(|c| {
            c.set_collection(crate::article::Collection::Mine);
            Ok(())
        })
    }

    /// Takes chunk `k` of the articles (`articles/K.txt`). Throws a string saying why when
    /// it is not the head's.
    #[wasm_bindgen(js_name = addChunk)]
    pub fn add_chunk(&self, k: u32, bytes: &[u8]) -> Result<(), JsValue> {
        self.add(&|c| c.add_chunk(k as usize, bytes))
    }

    /// The parts the queries (and hits, and blocks) asked since the last call that are not
    /// here: shard `k` as `k`, chunk `k` as `2 ** 31 + k`. An answer given while one was
    /// wanted is not whole: ask again when the parts have come.
    pub fn wanted(&self) -> Vec<u32> {
        self.corpus.with(Corpus::take_wanted)
    }

    /// The number of articles.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> u32 {
        self.corpus
            .with(|c| u32::try_from(c.len()).unwrap_or(u32::MAX))
    }

    /// Whether article `article`'s text is here; if not, its chunk is wanted.
    pub fn here(&self, article: u32) -> bool {
        self.corpus.with(|c| c.index().article_here(article))
    }

    /// Whether every shard and chunk is here.
    #[wasm_bindgen(getter)]
    pub fn complete(&self) -> bool {
        self.corpus.with(Corpus::complete)
    }

    /// The number of shards of the posting lists.
    #[wasm_bindgen(getter)]
    pub fn shards(&self) -> u32 {
        self.corpus
            .with(|c| u32::try_from(c.index().parts().shard_count()).unwrap_or(u32::MAX))
    }

    /// The number of chunks of articles.
    #[wasm_bindgen(getter)]
    pub fn chunks(&self) -> u32 {
        self.corpus
            .with(|c| u32::try_from(c.index().parts().chunk_count()).unwrap_or(u32::MAX))
    }

    /// Milliseconds spent reading the head and taking the parts.
    #[wasm_bindgen(getter, js_name = buildMs)]
    pub fn build_ms(&self) -> f64 {
        self.build_ms.get()
    }

    /// The outline: what the list shows of every article — its name, title, lede and its
    /// cards' authors, not the blocks' texts (an article's blocks cross when it is shown,
    /// [`Explorer::blocks`]) — as one string and the lengths of its pieces, instead of
    /// 10,000 arrays of strings through serde-wasm-bindgen (48–55 ms at 10,000 articles).
    /// Returns the lengths, per article: its name's, title's and lede's (UTF-16 code units;
    /// `u32::MAX`: no lede), the number of its cards' authors, then each author's; the
    /// string is [`Explorer::outline_text`].
    pub fn outline(&self) -> Vec<u32> {
        self.corpus.with(|c| c.outline().numbers().to_vec())
    }

    /// The outline's text: its pieces ([`Explorer::outline`]) end to end.
    #[wasm_bindgen(js_name = outlineText)]
    pub fn outline_text(&self) -> String {
        self.corpus.with(|c| c.outline().text().to_owned())
    }

    /// Article `article`'s blocks, when the page shows it: `[[kind, text or title,
    /// author, teaser], …]` (see `OutlineBlock`; `[]` for no such article), or `null`
    /// while its text has not arrived (its chunk is then wanted: [`Explorer::wanted`]).
    pub fn blocks(&self, article: u32) -> Result<JsValue, JsError> {
        self.corpus.read(|c| {
            if !c.index().article_here(article) {
                return Ok(JsValue::NULL);
            }
            let blocks: Vec<OutlineBlock<'_>> = c
                .articles()
                .get(article as usize)
                .map(|a| a.blocks.iter().map(outline_block).collect())
                .unwrap_or_default();
            serde_wasm_bindgen::to_value(&blocks).map_err(|e| JsError::new(&e.to_string()))
        })
    }

    /// The collection's keyphrases, best first: `[[text, "", name], …]` (`name`: 1 for a
    /// multi-word name, 0 for a salient word; `src/results/keyphrase.rs`), as the index file has
    /// them (computed by `cargo xtask dist`).
    pub fn keyphrases(&self) -> Result<JsValue, JsError> {
        // Always from the index file: the page's engine never computes them (0.5 s at
        // 10,000 articles), and its wasm carries no code to.
        self.corpus.read(|c| to_pairs(c.stored_keyphrases()))
    }

    /// Article `article`'s keyphrases, best first: `[[text, "", name], …]` (`[]` while its
    /// text has not arrived).
    #[wasm_bindgen(js_name = articleKeyphrases)]
    pub fn article_keyphrases(&self, article: u32) -> Result<JsValue, JsError> {
        self.corpus
            .read(|c| to_pairs(&c.article_keyphrases(article)))
    }

    /// The cards' authors, most articles first: `[[name, "", articles], …]`.
    pub fn authors(&self) -> Result<JsValue, JsError> {
        self.corpus.read(|c| {
            let authors = c.authors();
            let rows: Vec<Row<'_>> = authors
                .iter()
                .map(|a| (a.name.as_str(), "", a.articles))
                .collect();
            to_rows(&rows)
        })
    }

    /// The answer to a query, kept for display ([`Hits`]). Never fails: any text is a
    /// query. Not whole when it wanted a part that is not here ([`Explorer::wanted`]).
    /// `typing`: the reader is still typing it, so its last word also finds the words it
    /// begins (`crate::query::parse_typing`).
    pub fn query(&self, query: &str, typing: Option<bool>) -> Hits {
        let typing = typing.unwrap_or(false);
        Hits {
            inner: self.corpus.with(|c| Some(c.hits_as(query, typing))),
            corpus: self.corpus.clone(),
        }
    }
}

/// Grows the heap once by `bytes`, what a load will hold. The allocator would grow the
/// heap a page at a time, and V8's cost per grow made loading 10,000 articles 23× as slow
/// as 1,000 (docs/performance.md, Load). (Grown while the head downloads, it came with a
/// 50–76 ms task in the benchmark at 10,000 articles; in the head's first task, none.)
fn reserve(bytes: f64) {
    drop(Vec::<u8>::with_capacity(bytes.max(0.0) as usize));
}

/// An index file's head read a step at a time (`src/index/read.rs`), each a few
/// milliseconds, so that the page is not blocked while it reads the head of 10,000
/// articles; then the explorer.
#[wasm_bindgen]
pub struct HeadLoader {
    reading: crate::index::read::HeadReading,
    /// Milliseconds spent in it.
    spent: f64,
}

#[wasm_bindgen]
impl HeadLoader {
    /// A reading of `head`, with room taken at once for about `article_bytes` of articles
    /// to come (0: unknown) and the posting lists ([`reserve`]).
    #[wasm_bindgen(constructor)]
    pub fn new(head: Vec<u8>, article_bytes: f64) -> HeadLoader {
        let start = now();
        // The articles, a twentieth, and the postings (their size is the head's fifth
        // count: docs/format.md), less the head's bytes, which lie below and are given
        // back once read (its tables then go where they were).
        let articles = article_bytes.max(0.0);
        let postings = head
            .get(32..36)
            .and_then(|w| w.try_into().ok())
            .map_or(0, u32::from_le_bytes);
        reserve(articles + articles / 20.0 + f64::from(postings) - head.len() as f64);
        HeadLoader {
            reading: crate::index::read::HeadReading::new(head),
            spent: now() - start,
        }
    }

    /// The next step: `undefined` while there are more, then the explorer. Throws a string
    /// saying why when the head cannot be used: the page then fetches every chunk and
    /// builds one with the builder module (src/wasm/builder.rs).
    pub fn step(&mut self) -> Result<Option<Explorer>, JsValue> {
        let start = now();
        let done = self.reading.step();
        self.spent += now() - start;
        match done {
            None => Ok(None),
            Some(Err(why)) => Err(JsValue::from_str(&why.to_string())),
            Some(Ok(head)) => Ok(Some(Explorer {
                corpus: Shared(Rc::new(RefCell::new(Corpus::of_head(head)))),
                build_ms: Cell::new(self.spent),
            })),
        }
    }
}

/// One query's answer: counts at once, rows and highlights when asked (`src/results/hits.rs`,
/// layouts in `src/wasm/flat.rs`). Holds the corpus it came from, so it stays valid however
/// many queries follow; freed by `free()` or when garbage-collected.
#[wasm_bindgen]
pub struct Hits {
    /// `None` only if the corpus could not be borrowed (see [`Shared`]): no hits.
    inner: Option<hits::Hits>,
    corpus: Shared,
}

impl Hits {
    /// `f` of the hits, or the default when there are none.
    fn with<R: Default>(&self, f: impl FnOnce(&hits::Hits) -> R) -> R {
        self.inner.as_ref().map(f).unwrap_or_default()
    }
}

#[wasm_bindgen]
impl Hits {
    /// The query as parsed (cut to its first 1,000 characters).
    #[wasm_bindgen(getter)]
    pub fn query(&self) -> String {
        self.with(|h| h.query.clone())
    }

    /// Something the reader should know about the query, or `undefined`.
    #[wasm_bindgen(getter)]
    pub fn notice(&self) -> Option<String> {
        self.with(|h| h.notice.clone())
    }

    /// Whether common words were left out of the query (`crate::query::stop`).
    #[wasm_bindgen(getter)]
    pub fn dropped(&self) -> bool {
        self.with(|h| h.dropped)
    }

    /// Whether the query highlights anything.
    #[wasm_bindgen(getter)]
    pub fn highlighting(&self) -> bool {
        self.with(|h| h.highlighting)
    }

    /// Matches over all articles.
    #[wasm_bindgen(getter)]
    pub fn total(&self) -> u32 {
        self.with(|h| h.total)
    }

    /// The number of matching articles.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> u32 {
        self.with(|h| u32::try_from(h.len()).unwrap_or(u32::MAX))
    }

    /// When nothing matches: `[[drop, without, articles], …]`, what dropping each clause
    /// finds.
    pub fn suggestions(&self) -> Result<JsValue, JsError> {
        let suggestions = self.corpus.with(|c| {
            self.inner
                .as_ref()
                .map(|h| h.suggestions(c.index(), c.articles()))
        });
        let rows: Vec<Row<'_>> = suggestions
            .iter()
            .flatten()
            .map(|s| (s.drop.as_str(), s.without.as_str(), s.articles))
            .collect();
        to_rows(&rows)
    }

    /// When nothing matches: `[[query, "", articles]]`, the query with its misspelt words
    /// corrected and how many articles it finds ("did you mean"), or `[]`.
    #[wasm_bindgen(js_name = didYouMean)]
    pub fn did_you_mean(&self) -> Result<JsValue, JsError> {
        let correction = self.corpus.with(|c| {
            self.inner
                .as_ref()
                .and_then(|h| h.correction(c.index(), c.articles()))
        });
        let rows: Vec<Row<'_>> = correction
            .iter()
            .map(|c| (c.query.as_str(), "", c.articles))
            .collect();
        to_rows(&rows)
    }

    /// The words no article has that were searched as the words a few edits away: `[[word,
    /// taken for, 0], …]` (both folded), for "Showing results for …".
    pub fn respelled(&self) -> Result<JsValue, JsError> {
        self.corpus.read(|c| {
            let pairs = self
                .inner
                .as_ref()
                .map(|h| h.respelled(c.index()))
                .unwrap_or_default();
            let rows: Vec<Row<'_>> = pairs.iter().map(|&(w, t)| (w, t, 0)).collect();
            to_rows(&rows)
        })
    }

    /// Rows `start..start + len` of the ranking: `[article, matches, score]` each.
    pub fn rows(&mut self, start: u32, len: u32) -> Float64Array {
        let rows = self
            .inner
            .as_mut()
            .map(|h| h.rows(start as usize, len as usize))
            .unwrap_or_default();
        Float64Array::from(flat::rows(&rows).as_slice())
    }

    /// What a result list shows of article `article`: its title's marks, `[n, start, end,
    /// how, …]` (UTF-16 of the title), then its best excerpt, `[block, part, start, end,
    /// cut before, cut after, n, start, end, how, …]` (`src/wasm/flat.rs`), or nothing without
    /// one; all empty while its text has not arrived ([`Explorer::wanted`]).
    pub fn snippet(&self, article: u32) -> Int32Array {
        let flat = self.corpus.with(|c| {
            let articles = c.articles();
            let (snippet, title) = self
                .inner
                .as_ref()
                .map(|h| h.listing(c.index(), articles, article))
                .unwrap_or_default();
            let field = |addr| articles.get(article as usize)?.field(addr);
            let text = snippet.as_ref().and_then(|s| field(s.addr)).unwrap_or("");
            let title_addr = crate::article::FieldAddr {
                block: crate::article::TITLE_BLOCK,
                part: crate::article::Part::Text,
            };
            let title_text = field(title_addr).unwrap_or("");
            let mut out = flat::marks(title_text, &title);
            out.extend(flat::snippet(snippet.as_ref(), text));
            out
        });
        Int32Array::from(flat.as_slice())
    }

    /// Article `article`'s highlighted fields: `[block, part, n, start, end, how, …]`
    /// (none while its text has not arrived: [`Explorer::wanted`]); with `limit`, its
    /// first `limit` marks in reading order (a page cannot lay out half a million).
    pub fn fields(&self, article: u32, limit: Option<u32>) -> Int32Array {
        let flat = self.corpus.with(|c| {
            let fields = self
                .inner
                .as_ref()
                .map(|h| c.hit_fields(h, article))
                .unwrap_or_default();
            flat::fields(&fields, limit.map_or(usize::MAX, |l| l as usize))
        });
        Int32Array::from(flat.as_slice())
    }
}
