//! Relevance: BM25F over an article's fields, with per-class weights and length norms.
//!
//! For each positive leaf (a word, phrase or prefix) with document frequency `df` among
//! `N` articles: `idf = ln(1 + (N − df + 0.5) / (df + 0.5))`; in an article, each
//! occurrence in a field of class `c` adds `w(c) / (1 − b + b·len/avglen(c))` to a
//! pseudo term frequency `tf` (lengths in whitespace-separated words); the leaf scores
//! `idf · tf·(k1 + 1) / (k1 + tf)`; an article's score is the sum over leaves. Title and
//! card titles, lede, headings, paragraphs, disclaimer in that order. A single word's
//! `tf` per article is computed when the index is built and stored with its posting list.
//!
//! Proximity: when a query has several leaves, an article where occurrences of different
//! leaves stand close together in one field gains [`proximity_bonus`] — computed for the
//! best [`PROXIMITY_CANDIDATES`] articles by BM25F, which it can only reorder among
//! themselves and lift, never drop below the rest.

use crate::article::{Kind, Part};
use serde::Serialize;

/// Fields grouped for ranking: each class has its own weight and average length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// The article's title.
    Title,
    /// The lede.
    Lede,
    /// A heading.
    Heading,
    /// A paragraph.
    Paragraph,
    /// A card's title.
    CardTitle,
    /// A card's author.
    CardAuthor,
    /// A card's teaser.
    CardTeaser,
    /// The disclaimer.
    Disclaimer,
}

impl Class {
    /// The number of classes.
    pub const COUNT: usize = 8;

    /// The class of a field of this kind and part.
    pub fn of(kind: Kind, part: Part) -> Class {
        match (kind, part) {
            (Kind::Title, _) => Class::Title,
            (Kind::Lede, _) => Class::Lede,
            (Kind::Heading, _) => Class::Heading,
            (Kind::Paragraph, _) => Class::Paragraph,
            (Kind::Card, Part::Title) => Class::CardTitle,
            (Kind::Card, Part::Author) => Class::CardAuthor,
            (Kind::Card, _) => Class::CardTeaser,
            (Kind::Disclaimer, _) => Class::Disclaimer,
        }
    }

    /// A dense number for tables.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// How an occurrence matched the word typed; ordered best first (by the discriminant,
/// which is also its code: a prefix match was added last).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// The word as typed (folded), or a word it begins (`word*`).
    #[default]
    Exact = 0,
    /// Another form of it: the same stem in the article's language.
    Stem = 1,
    /// A word within a few edits of it.
    Fuzzy = 2,
    /// A word that the word still being typed begins (`query::Term::open`).
    Prefix = 3,
}

impl MatchKind {
    /// A small number for u64 keys and typed arrays: 0 exact, 1 stem, 2 fuzzy, 3 prefix.
    pub fn code(self) -> u8 {
        self as u8
    }

    pub(crate) fn from_code(code: u64) -> MatchKind {
        match code {
            0 => MatchKind::Exact,
            1 => MatchKind::Stem,
            2 => MatchKind::Fuzzy,
            _ => MatchKind::Prefix,
        }
    }
}

/// BM25's term-frequency saturation.
const K1: f32 = 1.2;
/// BM25's length normalisation.
const B: f32 = 0.75;

/// The weight of an occurrence in a field of each class: title > card title > lede >
/// heading > paragraph > disclaimer.
pub fn weight(class: Class) -> f32 {
    match class {
        Class::Title => 4.0,
        Class::CardTitle => 3.0,
        Class::Lede => 2.5,
        Class::Heading => 2.0,
        Class::CardAuthor => 1.5,
        Class::Paragraph => 1.0,
        Class::CardTeaser => 1.0,
        Class::Disclaimer => 0.2,
    }
}

/// What an occurrence counts for by how it matched: the word as typed fully, another
/// form of it less, a word a few edits away less again, a longer word the one still
/// being typed begins least — so that, all else equal, exact matches rank above stemmed
/// ones, stemmed above fuzzy, and whole words above the completions of a half-typed one.
pub fn match_weight(kind: MatchKind) -> f32 {
    match kind {
        MatchKind::Exact => 1.0,
        MatchKind::Stem => 0.7,
        MatchKind::Fuzzy => 0.4,
        MatchKind::Prefix => 0.3,
    }
}

/// What one occurrence adds to `tf` in a field of `class` that is `words` long, when
/// such fields average `avg_words`.
pub fn occurrence_tf(class: Class, words: u32, avg_words: f32) -> f32 {
    weight(class) / (1.0 - B + B * words as f32 / avg_words.max(1.0))
}

/// The inverse document frequency of a leaf found in `df` of `n` articles.
pub fn idf(df: usize, n: usize) -> f32 {
    let (df, n) = (df as f32, n as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// A leaf's score in an article where its pseudo term frequency is `tf`.
pub fn score(idf: f32, tf: f32) -> f32 {
    idf * tf * (K1 + 1.0) / (K1 + tf)
}

/// How many of the best articles by BM25F get the proximity bonus: a screen of rows, few
/// enough that it costs a few microseconds (a two-word query at 1,000 articles in the
/// wasm: 32 candidates cost 17 µs, +30 %; 12 cost 7 µs, +13 %).
pub const PROXIMITY_CANDIDATES: usize = 12;

/// What two occurrences of different leaves, `gap` bytes apart in one field (from the
/// start of one to the start of the next), add to an article's closeness: 1 side by side,
/// ½ about three words apart, falling with the square of the gap.
pub fn closeness(gap: u32) -> f32 {
    let words = gap as f32 / 6.0;
    1.0 / (1.0 + (words / 3.0) * (words / 3.0))
}

/// The score an article gains for closeness `c` (summed over neighbouring occurrences of
/// different leaves): saturating like BM25's tf, scaled by the mean idf of the leaves,
/// so it weighs like one more occurrence of a query word at most.
pub fn proximity_bonus(mean_idf: f32, closeness: f32) -> f32 {
    mean_idf * closeness / (1.0 + closeness)
}
