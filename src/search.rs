//! A query's result: the matching articles, ranked, each with its matching fields and
//! their highlight spans (bytes and UTF-16), and the match counts.

use crate::article::{Article, FieldAddr, Kind};
use crate::index::Index;
use crate::query::{self, Occurrence, Query};
use crate::rank;
use crate::span::{self, Span};
use serde::Serialize;

/// The whole answer to one query.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchResult {
    /// The query as it was parsed (cut to [`query::MAX_QUERY_CHARS`] characters).
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
}

/// "Drop this part of the query to find that many articles."
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// The clause as typed (`Seoul`, `-Japan`, `"moon jae-in"`, `a OR b`).
    pub drop: String,
    /// The query without that clause (the rest as typed, single-spaced).
    pub without: String,
    /// How many articles the query finds without it.
    pub articles: u32,
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
}

/// One field with matches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldHit {
    /// Where the field is in its article.
    pub addr: FieldAddr,
    /// What it is.
    pub kind: Kind,
    /// Highlights as byte spans of the field's text: sorted, non-overlapping, non-empty,
    /// on char boundaries; a phrase match is one span. Their number is the field's matches.
    pub spans: Vec<Span>,
    /// The same highlights in UTF-16 code units, for JavaScript's string indexing.
    pub utf16: Vec<Span>,
}

/// Runs `input` against the index of `articles`.
pub fn search(index: &Index, articles: &[Article], input: &str) -> SearchResult {
    let query = query::parse(input);
    let evaluation = query::evaluate(index, &query);
    let notice = query.cut.then(|| {
        format!(
            "The query was cut to its first {} characters.",
            query::MAX_QUERY_CHARS
        )
    });
    let highlighting = query.has_positive();

    let mut scores = vec![0.0; index.article_count()];
    rank::score(index, &evaluation.leaves, &mut scores);

    // Every positive occurrence, grouped per article through its field.
    let mut occurrences: Vec<Occurrence> = evaluation.leaves.concat();
    occurrences.sort_unstable();

    let mut hits: Vec<ArticleHit> = evaluation
        .articles
        .iter()
        .map(|&a| {
            let fields = article_fields(index, articles, a, &occurrences);
            ArticleHit {
                article: a,
                score: scores.get(a as usize).copied().unwrap_or(0.0),
                matches: fields.iter().map(|f| count(&f.spans)).sum(),
                fields,
            }
        })
        .collect();
    hits.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.article.cmp(&y.article)));
    let suggestions = if hits.is_empty() {
        suggestions(index, &query)
    } else {
        Vec::new()
    };
    SearchResult {
        total: hits.iter().map(|h| h.matches).sum(),
        articles: hits,
        suggestions,
        query: query.text,
        notice,
        highlighting,
    }
}

/// For a query of several clauses that finds nothing: what each clause's removal finds.
fn suggestions(index: &Index, query: &Query) -> Vec<Suggestion> {
    if query.clauses.len() < 2 {
        return Vec::new();
    }
    let mut out: Vec<Suggestion> = (0..query.clauses.len())
        .filter_map(|i| {
            let mut without = query.clone();
            let clause = without.clauses.remove(i);
            let found = query::evaluate(index, &without).articles.len();
            let before = query.text.get(..clause.source.start).unwrap_or("");
            let after = query.text.get(clause.source.end..).unwrap_or("");
            let without: Vec<&str> = before
                .split_whitespace()
                .chain(after.split_whitespace())
                .collect();
            (found > 0).then(|| Suggestion {
                drop: query
                    .text
                    .get(clause.source.clone())
                    .unwrap_or("")
                    .to_owned(),
                without: without.join(" "),
                articles: u32::try_from(found).unwrap_or(u32::MAX),
            })
        })
        .collect();
    out.sort_by_key(|s| std::cmp::Reverse(s.articles));
    out
}

fn count(spans: &[Span]) -> u32 {
    u32::try_from(spans.len()).unwrap_or(u32::MAX)
}

/// The matching fields of article `a`, from the corpus-wide sorted occurrences.
fn article_fields(
    index: &Index,
    articles: &[Article],
    a: u32,
    occurrences: &[Occurrence],
) -> Vec<FieldHit> {
    let fields = index.article_fields(a);
    let from = occurrences.partition_point(|o| o.field < fields.start);
    let to = occurrences.partition_point(|o| o.field < fields.end);
    let mine = occurrences.get(from..to).unwrap_or(&[]);
    let article = articles.get(a as usize);

    let mut out: Vec<FieldHit> = Vec::new();
    for group in mine.chunk_by(|x, y| x.field == y.field) {
        let Some(field_no) = group.first().map(|o| o.field) else {
            continue;
        };
        let (Some(info), Some(article)) = (index.field(field_no), article) else {
            continue;
        };
        let text = article.field(info.addr).unwrap_or("");
        let mut spans: Vec<Span> = group
            .iter()
            .filter_map(|o| {
                let first = index.token_span(o.field, o.pos)?;
                let last = index.token_span(o.field, o.pos + o.len.saturating_sub(1))?;
                Some(Span::new(first.start, last.end))
            })
            .collect();
        span::merge(&mut spans);
        let utf16 = span::to_utf16(text, &spans);
        out.push(FieldHit {
            addr: info.addr,
            kind: info.kind,
            spans,
            utf16,
        });
    }
    out
}
