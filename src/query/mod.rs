//! Queries: what a reader typed, parsed into clauses ([`parse`]) and matched against the
//! index ([`eval`]).
//!
//! The language, as users of search boxes know it (see `docs/query.md`):
//! bare words must all match (AND), each with its other forms, a word no article has by
//! its spelling; `"exact phrase"` (words as typed); `-word` excludes; `a OR b`;
//! `prefix*`; `word~` (typos); `title:`, `author:` and `in:KIND` filters. Parsing never
//! fails: whatever cannot be read as an operator is read literally or ignored.
//!
//! Two readings go beyond the words: a common word in a query of several words is left
//! out, and said ([`stop`]), and the word still being typed also finds the words it
//! begins ([`parse_typing`], [`Term::open`]).

pub mod correct;
pub mod eval;
pub mod fuzzy;
pub mod parse;
pub mod stop;

pub use crate::rank::MatchKind;
pub use eval::{evaluate, Evaluation};
#[cfg(any(test, feature = "internals"))]
pub use parse::parse_typing;
pub use parse::{parse, parse_as, MAX_QUERY_CHARS};

use crate::article::{Collection, Kind};

/// A parsed query.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Query {
    /// The text that was parsed: the input, cut to [`MAX_QUERY_CHARS`] characters.
    pub text: String,
    /// Whether the input was longer and cut.
    pub cut: bool,
    /// The clauses; an article matches when every positive clause and no negated one does.
    pub clauses: Vec<Clause>,
    /// The kinds of field the query looks in (`in:` filters); all when `None`.
    pub scope: Option<Vec<Kind>>,
    /// The collections the query looks in (`in:site`, `in:mine`); both when `None`.
    pub collections: Option<Vec<Collection>>,
    /// Common words left out of a query of several words ([`stop`]); as typed.
    pub dropped: Vec<String>,
}

impl Query {
    /// Whether the query marks anything: a positive clause that is not only a filter.
    pub fn highlights(&self) -> bool {
        self.clauses
            .iter()
            .any(|c| !c.negated && c.role == Role::Match)
    }

    /// Whether the articles of `collection` are within the `in:` scope.
    pub fn looks_in(&self, collection: Collection) -> bool {
        self.collections
            .as_ref()
            .is_none_or(|c| c.contains(&collection))
    }

    /// Whether a field of this kind is within the `in:` scope.
    pub fn in_scope(&self, kind: Kind) -> bool {
        self.scope
            .as_ref()
            .is_none_or(|kinds| kinds.contains(&kind))
    }
}

/// One clause: alternatives joined by OR; negated, it excludes the articles it matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    /// `-` before it.
    pub negated: bool,
    /// Byte range of the clause in [`Query::text`] (operators included).
    pub source: std::ops::Range<usize>,
    /// At least one.
    pub alternatives: Vec<Leaf>,
    /// How it takes part.
    pub role: Role,
}

/// How a clause takes part in a query.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Role {
    /// It must match (negated: must not), and where it occurs are the matches.
    #[default]
    Match,
    /// It must match, but is no match: its occurrences are neither counted nor marked.
    /// A clause of `author:` leaves only (a card's author picks articles; the reader is
    /// not looking for the name).
    Filter,
}

/// A sequence of terms that must stand next to each other in one field (a single word
/// is a sequence of one), optionally restricted to a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Leaf {
    /// `title:` or `author:` before it.
    pub field: Option<FieldFilter>,
    /// At least one.
    pub terms: Vec<Term>,
    /// Quoted: each term is the word as typed. Unquoted, a term also finds the word's
    /// other forms (its stem, in the articles of a stemmed language), and a word that the
    /// corpus has in no form finds the words within a few edits (`crate::query::fuzzy`).
    pub exact: bool,
}

/// A field filter on one leaf.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldFilter {
    /// `title:` — the article's title.
    Title,
    /// `author:` — the cards' authors.
    Author,
}

/// One term of a leaf.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// The folded word.
    pub text: String,
    /// `word*`: any word that starts with `text`.
    pub prefix: bool,
    /// `word~`: any word within a few edits of `text` (`crate::query::fuzzy`); never with `prefix`.
    pub fuzzy: bool,
    /// Must continue a hyphenated word (`Jae-Young` is `jae` then joined `young`).
    pub joined: bool,
    /// The word still being typed ([`parse_typing`]): it also finds the words it begins,
    /// as [`MatchKind::Prefix`] matches; never with `prefix` or `fuzzy`.
    pub open: bool,
}
