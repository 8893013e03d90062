//! article-explorer's core: parse think-tank articles scraped as plain text, index them,
//! run keyword queries and compute every highlight — no IO, no JavaScript, deterministic.
//!
//! Data flow, one folder of src/ a stage: text → `article::parse` → `Article` →
//! `text::token` → `index::Index`; query text → `query::parse` → `query::evaluate` →
//! `rank` → `results` ([`SearchResult`], with byte and UTF-16 [`Span`]s per field) →
//! `wasm` (the numbers the page reads).
//!
//! The public API is small: [`article::parse`] and the article's types; [`Corpus`] (made
//! from articles, files or a [`bundle`]) with its search, highlights and keyphrases; the
//! result types ([`SearchResult`], [`ArticleHit`], [`FieldHit`], [`Span`], [`MatchKind`],
//! [`Snippet`], [`Suggestion`], [`Correction`], [`Keyphrase`], [`Author`]); [`SiteFiles`],
//! the index files a site serves; [`Error`]. Everything else is the crate's own, public
//! only with the `internals` feature, for its white-box tests, fuzz targets and benchmark.
//! The page's API is JavaScript's, in the binding (src/wasm/explorer.rs).
//!
//! ```
//! use article_explorer::{article, Corpus};
//!
//! let text = "Seoul and Moscow\n\nA standfirst\n\nSeoul is the capital. Seoul again.\n";
//! let corpus = Corpus::new(vec![("a.txt".into(), article::parse(text).unwrap())]);
//! let result = corpus.search("seoul");
//! assert_eq!(result.total, 3);
//! let paragraph = &result.articles[0].fields[1];
//! assert_eq!(paragraph.addr.block, 0);
//! assert_eq!(paragraph.spans[0].slice("Seoul is the capital. Seoul again."), Some("Seoul"));
//! ```
// The public API is what is re-exported below: no public item may carry a type a user
// cannot name (a type of an internal module).
#![warn(unnameable_types, missing_docs)]
// Dead code is judged in the explorer's wasm, which `cargo xtask lint` checks without
// `internals`: the builder edition uses only the index build, and natively the library
// serves the CLI, so each leaves most of the engine unused.
#![cfg_attr(
    any(not(target_arch = "wasm32"), feature = "builder"),
    allow(dead_code)
)]
#![cfg_attr(
    test,
    allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

/// Declares modules that are public only with the `internals` feature, and crate-private
/// otherwise: the white-box tests (tests/it), the fuzz targets and the benchmark reach into
/// them; an embedder sees only the API re-exported below.
macro_rules! internal {
    ($($(#[$attr:meta])* $name:ident;)*) => {$(
        $(#[$attr])*
        #[cfg(feature = "internals")]
        pub mod $name;
        $(#[$attr])*
        #[cfg(not(feature = "internals"))]
        mod $name;
    )*};
}

pub mod article;
pub mod error;
internal! {
    corpus;
    hash;
    index;
    query;
    rank;
    results;
    sort;
    span;
    text;
    varint;
    wasm;
}
/// The properties the fuzz targets check (fuzz/), replayed by tests/it/fuzz.rs.
#[cfg(feature = "internals")]
pub mod checks;

pub use article::{Article, Block, Collection, FieldAddr, Kind, Part};
pub use corpus::loading::SiteFiles;
pub use corpus::{bundle, Corpus};
pub use error::Error;
pub use query::correct::Correction;
pub use rank::MatchKind;
pub use results::fields::FieldHit;
pub use results::keyphrase::{Author, Keyphrase};
pub use results::search::{ArticleHit, SearchResult};
pub use results::snippet::Snippet;
pub use results::suggest::Suggestion;
pub use span::Span;
