//! A query's answer kept for display: the matching articles ranked on demand, and each
//! article's highlights computed when it is shown.
//!
//! The page lists the matches of a query and shows one article, and a list shows a screen
//! of rows at a time: so [`Hits::new`] evaluates and scores (every matching article, its
//! score and match count; with several leaves, the best [`crate::rank::PROXIMITY_CANDIDATES`]
//! get the proximity bonus and are ranked), [`Hits::rows`] ranks only as far as asked
//! (the best rows first: a partial selection, then a sort of what is shown),
//! [`Hits::fields`] turns one article's positions into highlight spans and
//! [`Hits::snippet`] into its best excerpt, and [`Hits::correction`] is "did you mean",
//! when asked. [`crate::results::search`] builds the whole [`crate::SearchResult`] from the same
//! parts.
//!
//! Invariant: `keys[..sorted]` is sorted and every key there is ≤ every key after it;
//! a key is `(u32::MAX − score bits) << 32 | article`, so ascending keys are best first
//! (scores are ≥ 0, whose bits order as the numbers do), ties in corpus order.

use crate::article::{Article, Kind};
use crate::index::text::ArticleText;
use crate::index::Index;
use crate::query::correct::{correct, Correction};
use crate::query::MatchKind;
use crate::query::{self, Evaluation};
use crate::rank;
use crate::results::fields::{field_hits, FieldHit};
use crate::results::snippet::{self, Snippet};
use crate::results::suggest::{suggestions, Suggestion};
use crate::span::Span;

/// One row of the ranking.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row {
    /// The article.
    pub article: u32,
    /// Its relevance (BM25F; 0 when the query highlights nothing).
    pub score: f32,
    /// Its matches (highlight spans).
    pub matches: u32,
}

/// The answer to one query.
#[derive(Clone, Debug)]
pub struct Hits {
    /// The query as parsed (cut to [`query::MAX_QUERY_CHARS`] characters).
    pub query: String,
    /// Something the reader should know about the query (it was cut), if anything.
    pub notice: Option<String>,
    /// Whether the query highlights anything (see [`crate::SearchResult::highlighting`]).
    pub highlighting: bool,
    /// Whether common words were left out of it (`query::stop`; the notice says which).
    pub dropped: bool,
    /// Matches over all articles.
    pub total: u32,
    /// The query as parsed, for [`Hits::correction`].
    parsed: query::Query,
    evaluation: Evaluation,
    keys: Vec<u64>,
    sorted: usize,
    /// Matches per article (dense, corpus order).
    matches: Vec<u32>,
}

impl Hits {
    /// Evaluates and scores `input` over the index of `articles`.
    pub fn new(index: &Index, articles: &[Article], input: &str) -> Hits {
        Hits::of(index, articles, query::parse(input))
    }

    /// Evaluates and scores a parsed query.
    pub fn of(index: &Index, articles: &[Article], parsed: query::Query) -> Hits {
        let evaluation = query::evaluate(index, articles, &parsed);
        let n = index.article_count();
        // Dense per article, but empty when nothing matches (an absent word costs nothing).
        let dense = if evaluation.articles.is_empty() { 0 } else { n };
        let mut scores = vec![0.0f32; dense];
        let mut matches = vec![0u32; dense];
        for leaf in &evaluation.leaves {
            let idf = rank::idf(leaf.len(), n);
            for hit in leaf {
                if let (Some(s), Some(m)) = (
                    scores.get_mut(hit.article as usize),
                    matches.get_mut(hit.article as usize),
                ) {
                    *s += rank::score(idf, hit.tf);
                    *m += hit.count;
                }
            }
        }
        if !evaluation.disjoint {
            // Overlapping leaves: an article's matches are its merged spans.
            for &a in &evaluation.articles {
                if let Some(m) = matches.get_mut(a as usize) {
                    *m = evaluation.article_spans(index, articles, a).len() as u32;
                }
            }
        }
        let key = |a: u32, score: f32| {
            (u64::from(u32::MAX - score.max(0.0).to_bits()) << 32) | u64::from(a)
        };
        // Keys `..sorted` ranked already (see the module's invariant).
        let mut sorted = 0;
        let mut keys: Vec<u64> = evaluation
            .articles
            .iter()
            .map(|&a| key(a, scores.get(a as usize).copied().unwrap_or(0.0)))
            .collect();
        if evaluation.leaves.len() > 1 {
            // Proximity (`rank`): the best candidates by BM25F gain for their leaves'
            // closeness; a gain only lifts them further above the rest.
            let mean_idf = evaluation
                .leaves
                .iter()
                .map(|l| rank::idf(l.len(), n))
                .sum::<f32>()
                / evaluation.leaves.len() as f32;
            let k = rank::PROXIMITY_CANDIDATES.min(keys.len());
            crate::sort::select_smallest(&mut keys, k);
            let mut scratch = Vec::new();
            for key_of in keys.iter_mut().take(k) {
                let a = *key_of as u32;
                let closeness = evaluation.closeness(index, a, &mut scratch);
                let score = scores.get(a as usize).copied().unwrap_or(0.0)
                    + rank::proximity_bonus(mean_idf, closeness);
                if let Some(s) = scores.get_mut(a as usize) {
                    *s = score;
                }
                *key_of = key(a, score);
            }
            // Still every one of them ≤ every key after them: sorted, they are ranked.
            if let Some(top) = keys.get_mut(..k) {
                crate::sort::sort_u64(top);
            }
            sorted = k;
        }
        let total = evaluation
            .articles
            .iter()
            .map(|&a| matches.get(a as usize).copied().unwrap_or(0))
            .sum();
        Hits {
            notice: notice(&parsed, evaluation.simplified),
            highlighting: parsed.highlights(),
            dropped: !parsed.dropped.is_empty(),
            query: parsed.text.clone(),
            total,
            parsed,
            evaluation,
            keys,
            sorted,
            matches,
        }
    }

    /// The number of matching articles.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether nothing matches.
    #[cfg(feature = "internals")]
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Rows `start..start + len` of the ranking (fewer at its end), best first.
    pub fn rows(&mut self, start: usize, len: usize) -> Vec<Row> {
        let end = start.saturating_add(len).min(self.keys.len());
        self.rank_to(end);
        self.keys
            .get(start.min(end)..end)
            .unwrap_or(&[])
            .iter()
            .map(|&key| {
                let article = key as u32;
                Row {
                    article,
                    score: f32::from_bits(u32::MAX - (key >> 32) as u32),
                    matches: self.matches.get(article as usize).copied().unwrap_or(0),
                }
            })
            .collect()
    }

    /// Sorts the ranking's first `end` keys (the best `end` rows), if not yet.
    fn rank_to(&mut self, end: usize) {
        if end <= self.sorted {
            return;
        }
        let Some(rest) = self.keys.get_mut(self.sorted..) else {
            return;
        };
        // The best of the rest to its front, sorted.
        crate::sort::select_smallest(rest, end - self.sorted);
        self.sorted = end;
    }

    /// When nothing matches: the query with its misspelt words corrected, if that finds
    /// something ("did you mean"). Computed when asked: the nearest terms cost a walk of
    /// the terms (~150 µs at 1,000 articles), which a query that finds nothing need not
    /// pay before its answer shows.
    pub fn correction(&self, index: &Index, articles: &[Article]) -> Option<Correction> {
        // A long query is not corrected: each misspelt word costs a walk of the terms.
        if !self.keys.is_empty()
            || self.parsed.clauses.len() > crate::results::suggest::MAX_SUGGESTED_CLAUSES
        {
            return None;
        }
        correct(index, articles, &self.parsed)
    }

    /// Article `a`'s best excerpt for the result list (`None` when it does not match, or
    /// matches only in its title).
    pub fn snippet(&self, index: &Index, articles: &[Article], a: u32) -> Option<Snippet> {
        self.listing(index, articles, a).0
    }

    /// What the result list shows of article `a`: its best excerpt ([`Hits::snippet`])
    /// and its title's marks (bytes of the title, with how each matched), from one
    /// reading of its matches.
    pub fn listing(
        &self,
        index: &Index,
        articles: &[Article],
        a: u32,
    ) -> (Option<Snippet>, Vec<(Span, MatchKind)>) {
        if !self.highlighting || self.evaluation.articles.binary_search(&a).is_err() {
            return (None, Vec::new());
        }
        let spans = self.evaluation.article_spans(index, articles, a);
        let mut title = Vec::new();
        ArticleText::new(index, articles, a).per_field(&spans, |info, _, here| {
            if info.kind == Kind::Title {
                title = here;
            }
        });
        (snippet::best(index, articles, a, &spans), title)
    }

    /// When nothing matches: what dropping each clause would find ([`suggestions`]),
    /// computed when asked (one pass over the clauses, not one evaluation per clause).
    pub fn suggestions(&self, index: &Index, articles: &[Article]) -> Vec<Suggestion> {
        if !self.keys.is_empty() {
            return Vec::new();
        }
        suggestions(index, articles, &self.parsed)
    }

    /// The words no article has that were searched as the words a few edits away: each
    /// as folded, and the most common word it was taken for (`query::Evaluation`).
    pub fn respelled<'i>(&self, index: &'i Index) -> Vec<(&str, &'i str)> {
        self.evaluation
            .respelled
            .iter()
            .map(|(word, t)| (word.as_str(), index.term(*t)))
            .collect()
    }

    /// The highlighted fields of article `a` (none when it does not match).
    pub fn fields(&self, index: &Index, articles: &[Article], a: u32) -> Vec<FieldHit> {
        if self.evaluation.articles.binary_search(&a).is_err() {
            return Vec::new();
        }
        let spans = self.evaluation.article_spans(index, articles, a);
        field_hits(index, articles, a, &spans)
    }
}

/// What the reader should know about how `query` was read: that it was cut, that common
/// words were left out, that parts too costly to search were (`simplified`).
fn notice(query: &query::Query, simplified: bool) -> Option<String> {
    let mut out = Vec::new();
    if simplified {
        out.push(
            "The query was simplified: parts that would take too long were left out.".to_owned(),
        );
    }
    if query.cut {
        out.push(format!(
            "The query was cut to its first {} characters.",
            query::MAX_QUERY_CHARS
        ));
    }
    if !query.dropped.is_empty() {
        out.push(format!(
            "Left out, as too common: {}.",
            query.dropped.join(", ")
        ));
    }
    (!out.is_empty()).then(|| out.join(" "))
}
