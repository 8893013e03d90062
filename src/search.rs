//! A query's result: the matching articles, ranked, each with its matching fields and
//! their highlight spans (bytes and UTF-16), and the match counts.

use crate::article::{Article, FieldAddr, Kind};
use crate::correct::Correction;
use crate::hits::Hits;
use crate::index::Index;
use crate::query::text::ArticleText;
use crate::query::{self, MatchKind, Query};
use crate::snippet::Snippet;
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
    /// When nothing matches: the query with its misspelt words corrected, if that finds
    /// something ("did you mean …?").
    pub did_you_mean: Option<Correction>,
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
    /// The best excerpt for a result list (`crate::snippet`), for the articles given
    /// with their fields; `None` for the others, or without a match outside the title.
    pub snippet: Option<Snippet>,
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
    /// How each highlight matched what was typed: `exact`, `stem` (another form of the
    /// word) or `fuzzy` (a word a few edits away); one per span.
    pub matched: Vec<MatchKind>,
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

/// A query of more clauses gets no "drop one" suggestions: a button per clause would be
/// a wall, and each clause costs an evaluation (100 misspelt `word~` cost 100 ms).
pub const MAX_SUGGESTED_CLAUSES: usize = 10;

/// For a query of several clauses that finds nothing: what each clause's removal finds.
///
/// One evaluation per clause, not per removal: per article, how many positive clauses
/// match it, how many negated ones do, and the sum of the numbers of each kind that
/// match. The query without clause `i` matches the articles that every other positive
/// clause and no other negated one matches: those missing exactly one positive clause
/// (named by the sum) and hit by no negated one, or hit by exactly one negated clause
/// (named likewise) and missing none. So a query of n clauses costs n clause
/// evaluations, where removing each in turn cost n − 1 each (a 1,000-character query of
/// prefixes took seconds).
pub(crate) fn suggestions(index: &Index, articles: &[Article], query: &Query) -> Vec<Suggestion> {
    let n_clauses = query.clauses.len();
    if !(2..=MAX_SUGGESTED_CLAUSES).contains(&n_clauses) {
        return Vec::new();
    }
    let n = index.article_count();
    // Per article: positive clauses matched, their numbers' sum; the same for negated.
    let (mut pos, mut pos_sum) = (vec![0u32; n], vec![0u64; n]);
    let (mut neg, mut neg_sum) = (vec![0u32; n], vec![0u64; n]);
    let mut positives = 0u32;
    let mut all_pos_sum = 0u64;
    for (i, clause) in query.clauses.iter().enumerate() {
        let alone = Query {
            clauses: vec![query::Clause {
                negated: false,
                ..clause.clone()
            }],
            ..query.clone()
        };
        let (count, sum) = if clause.negated {
            (&mut neg, &mut neg_sum)
        } else {
            positives += 1;
            all_pos_sum += i as u64;
            (&mut pos, &mut pos_sum)
        };
        for a in query::evaluate(index, articles, &alone).articles {
            if let (Some(c), Some(s)) = (count.get_mut(a as usize), sum.get_mut(a as usize)) {
                *c += 1;
                *s += i as u64;
            }
        }
    }
    // Per clause: the articles its removal finds.
    let mut found = vec![0u32; n_clauses];
    for a in 0..n {
        let (p, ng) = (
            pos.get(a).copied().unwrap_or(0),
            neg.get(a).copied().unwrap_or(0),
        );
        let missing = if p + 1 == positives && ng == 0 {
            all_pos_sum.checked_sub(pos_sum.get(a).copied().unwrap_or(0))
        } else if p == positives && ng == 1 {
            neg_sum.get(a).copied()
        } else {
            None
        };
        let Some(i) = missing else { continue };
        // Without a positive clause left, an `in:` scope still asks for such a field.
        let dropped_positive = query.clauses.get(i as usize).is_some_and(|c| !c.negated);
        let in_scope = positives > u32::from(dropped_positive)
            || query::eval::has_field_in_scope(index, query, a);
        if let Some(f) = found.get_mut(i as usize).filter(|_| in_scope) {
            *f += 1;
        }
    }
    let out: Vec<Suggestion> = query
        .clauses
        .iter()
        .zip(found)
        .filter(|(_, found)| *found > 0)
        .map(|(clause, found)| {
            let before = query.text.get(..clause.source.start).unwrap_or("");
            let after = query.text.get(clause.source.end..).unwrap_or("");
            let without: Vec<&str> = before
                .split_whitespace()
                .chain(after.split_whitespace())
                .collect();
            Suggestion {
                drop: query
                    .text
                    .get(clause.source.clone())
                    .unwrap_or("")
                    .to_owned(),
                without: without.join(" "),
                articles: found,
            }
        })
        .collect();
    // Most articles first, ties in clause order.
    let mut keys: Vec<u64> = out
        .iter()
        .enumerate()
        .map(|(i, s)| (u64::from(u32::MAX - s.articles) << 32) | i as u64)
        .collect();
    crate::sort::sort_u64(&mut keys);
    keys.iter()
        .filter_map(|&k| out.get(k as u32 as usize).cloned())
        .collect()
}

/// Article `a`'s merged spans (in its offset space), field by field.
pub(crate) fn field_hits(
    index: &Index,
    articles: &[Article],
    a: u32,
    spans: &[(Span, MatchKind)],
) -> Vec<FieldHit> {
    let mut out: Vec<FieldHit> = Vec::new();
    ArticleText::new(index, articles, a).per_field(spans, |info, text, here| {
        let local: Vec<Span> = here.iter().map(|&(s, _)| s).collect();
        out.push(FieldHit {
            addr: info.addr(),
            kind: info.kind,
            utf16: span::to_utf16(text, &local),
            spans: local,
            matched: here.iter().map(|&(_, k)| k).collect(),
        });
    });
    out
}
