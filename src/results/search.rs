//! A query's result: the matching articles, ranked, each with its matching fields and
//! their highlight spans (bytes and UTF-16), and the match counts.

use crate::article::Article;
use crate::index::Index;
use crate::query::correct::Correction;
use crate::results::fields::FieldHit;
use crate::results::hits::Hits;
use crate::results::snippet::Snippet;
use crate::results::suggest::Suggestion;
use serde::Serialize;

/// The whole answer to one query.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchResult {
    /// The query as it was parsed (cut to `query::MAX_QUERY_CHARS` characters).
    pub query: String,
    /// Something the reader should know about the query (it was cut), if anything.
    pub notice: Option<String>,
    /// Whether the query highlights anything: false for an empty query or one with only
    /// exclusions, which list articles without marking any word.
    pub highlighting: bool,
    /// Matches (highlight spans) over all articles.
    pub total: u32,
    /// The matching articles, best first; every article when nothing is asked.
    pub articles: Vec<ArticleHit>,
    /// When nothing matches: the clauses whose removal would find something, most
    /// articles first (empty otherwise).
    pub suggestions: Vec<Suggestion>,
    /// When nothing matches: the query with its misspelt words corrected, if that finds
    /// something ("did you mean …?").
    pub did_you_mean: Option<Correction>,
}

/// One matching article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleHit {
    /// The article's number in the corpus.
    pub article: u32,
    /// Relevance (BM25F, higher is better); 0 when the query highlights nothing.
    pub score: f64,
    /// Matches in the article: the sum of its fields'.
    pub matches: u32,
    /// The fields with at least one match, in reading order.
    pub fields: Vec<FieldHit>,
    /// The best excerpt for a result list (`crate::results::snippet`), for the articles given
    /// with their fields; `None` for the others, or without a match outside the title.
    pub snippet: Option<Snippet>,
}

/// Runs `input` against the index of `articles`: every matching article, ranked, with
/// its highlights.
pub fn search(index: &Index, articles: &[Article], input: &str) -> SearchResult {
    search_top(index, articles, input, usize::MAX)
}

/// Runs `input`, with the highlights (`fields`) of the `detail` best articles only; the
/// others come with their score and match count and no fields (ask
/// [`article_fields`] for them when they are shown).
pub fn search_top(index: &Index, articles: &[Article], input: &str, detail: usize) -> SearchResult {
    let mut hits = Hits::new(index, articles, input);
    let rows = hits.rows(0, hits.len());
    let did_you_mean = hits.correction(index, articles);
    let suggestions = hits.suggestions(index, articles);
    let found = rows
        .iter()
        .enumerate()
        .map(|(rank, row)| ArticleHit {
            article: row.article,
            score: f64::from(row.score),
            matches: row.matches,
            fields: if rank < detail {
                hits.fields(index, articles, row.article)
            } else {
                Vec::new()
            },
            snippet: if rank < detail {
                hits.snippet(index, articles, row.article)
            } else {
                None
            },
        })
        .collect();
    SearchResult {
        query: hits.query,
        notice: hits.notice,
        highlighting: hits.highlighting,
        total: hits.total,
        articles: found,
        suggestions,
        did_you_mean,
    }
}

/// The highlighted fields of article `a` for `input` (what [`search_top`] leaves out).
pub fn article_fields(index: &Index, articles: &[Article], input: &str, a: u32) -> Vec<FieldHit> {
    Hits::new(index, articles, input).fields(index, articles, a)
}
