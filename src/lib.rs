//! article-explorer's core: parse think-tank articles scraped as plain text, index them,
//! run keyword queries and compute every highlight — no IO, no JavaScript, deterministic.
//!
//! Data flow: text → [`article::parse`] → [`Article`] → [`token`] → [`index::Index`];
//! query text → [`query::parse`] → [`query::evaluate`] → [`rank`] → [`SearchResult`]
//! with byte and UTF-16 [`Span`]s per field.
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
#![cfg_attr(
    test,
    allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

pub mod article;
pub mod checks;
pub mod corpus;
pub mod error;
pub mod hash;
pub mod index;
pub mod query;
pub mod rank;
pub mod results;
pub mod sort;
pub mod span;
pub mod text;
pub mod varint;
pub mod wasm;

pub use article::{Article, Block, FieldAddr, Kind, Part};
pub use corpus::Corpus;
pub use error::Error;
pub use query::correct::Correction;
pub use rank::MatchKind;
pub use results::fields::FieldHit;
pub use results::search::{ArticleHit, SearchResult};
pub use results::suggest::Suggestion;
pub use span::Span;
