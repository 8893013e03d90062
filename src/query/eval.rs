//! Query evaluation: which articles match and where each positive leaf occurs.
//!
//! Works on postings only. A leaf's occurrences are found by intersecting the postings of
//! its terms at consecutive positions of one field (a phrase), within the fields its
//! filters allow; clauses then combine per article: every positive clause, no negated one.

use super::{FieldFilter, Leaf, Query, Term};
use crate::article::{Kind, Part};
use crate::index::{FieldInfo, Index, Posting};

/// Where a leaf matched: tokens `[pos, pos + len)` of one field.
///
/// Invariant: `len >= 1` and the tokens lie inside the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Occurrence {
    /// Field number.
    pub field: u32,
    /// First token.
    pub pos: u32,
    /// Number of tokens.
    pub len: u32,
}

/// What a query matches.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evaluation {
    /// Matching articles, in corpus order.
    pub articles: Vec<u32>,
    /// The occurrences of every positive leaf, sorted by (field, pos), one list a leaf,
    /// over the whole corpus (articles that did not match included).
    pub leaves: Vec<Vec<Occurrence>>,
}

/// Evaluates `query` against `index`.
pub fn evaluate(index: &Index, query: &Query) -> Evaluation {
    let n = index.article_count();
    let mut positive_clauses = 0u32;
    // Per article: how many positive clauses matched it, and whether a negated one did.
    let mut hits = vec![0u32; n];
    let mut excluded = vec![false; n];
    let mut leaves = Vec::new();
    let mut seen = vec![false; n];
    for clause in &query.clauses {
        let mut touched: Vec<u32> = Vec::new();
        for leaf in &clause.alternatives {
            let occurrences = leaf_occurrences(index, query, leaf);
            for occ in &occurrences {
                let Some(article) = index.field(occ.field).map(|f| f.article) else {
                    continue;
                };
                if let Some(flag) = seen.get_mut(article as usize) {
                    if !*flag {
                        *flag = true;
                        touched.push(article);
                    }
                }
            }
            if !clause.negated {
                leaves.push(occurrences);
            }
        }
        for &a in &touched {
            if let Some(flag) = seen.get_mut(a as usize) {
                *flag = false;
            }
            if clause.negated {
                if let Some(e) = excluded.get_mut(a as usize) {
                    *e = true;
                }
            } else if let Some(h) = hits.get_mut(a as usize) {
                *h += 1;
            }
        }
        if !clause.negated {
            positive_clauses += 1;
        }
    }
    let articles = (0..n)
        .filter(|&a| {
            let hit = hits.get(a).copied().unwrap_or(0);
            let out = excluded.get(a).copied().unwrap_or(true);
            !out && hit == positive_clauses
                && (positive_clauses > 0 || has_field_in_scope(index, query, a))
        })
        .map(|a| u32::try_from(a).unwrap_or(u32::MAX))
        .collect();
    Evaluation { articles, leaves }
}

/// Without positive clauses, an `in:` scope still asks for an article that has such a field.
fn has_field_in_scope(index: &Index, query: &Query, article: usize) -> bool {
    if query.scope.is_none() {
        return true;
    }
    let article = u32::try_from(article).unwrap_or(u32::MAX);
    index
        .article_fields(article)
        .filter_map(|f| index.field(f))
        .any(|f| query.in_scope(f.kind))
}

/// Whether a leaf may match in this field: its own filter and the query's scope.
fn field_allowed(query: &Query, leaf: &Leaf, field: &FieldInfo) -> bool {
    let filter_ok = match leaf.field {
        None => true,
        Some(FieldFilter::Title) => field.kind == Kind::Title,
        Some(FieldFilter::Author) => field.kind == Kind::Card && field.addr.part == Part::Author,
    };
    filter_ok && query.in_scope(field.kind)
}

/// Every occurrence of `leaf`, sorted by (field, pos).
pub fn leaf_occurrences(index: &Index, query: &Query, leaf: &Leaf) -> Vec<Occurrence> {
    let Some((first, rest)) = leaf.terms.split_first() else {
        return Vec::new();
    };
    let mut occurrences: Vec<Occurrence> = with_postings(index, first, |postings| {
        postings
            .iter()
            .filter(|p| {
                index
                    .field(p.field)
                    .is_some_and(|f| field_allowed(query, leaf, f))
            })
            .map(|p| Occurrence {
                field: p.field,
                pos: p.pos,
                len: 1,
            })
            .collect()
    });
    for term in rest {
        if occurrences.is_empty() {
            break;
        }
        occurrences = with_postings(index, term, |postings| {
            extend_phrase(index, &occurrences, postings, term.joined)
        });
    }
    occurrences
}

/// Runs `f` on the postings of a term: its own, or all its prefix's merged.
fn with_postings<R>(index: &Index, term: &Term, f: impl FnOnce(&[Posting]) -> R) -> R {
    if term.prefix {
        f(&index.prefix_postings(&term.text))
    } else {
        f(index.postings(&term.text))
    }
}

/// Keeps the occurrences followed, at the next position of their field, by a posting of
/// the next term (joined to them by a hyphen if `joined`), and lengthens them by one.
/// Both inputs are sorted by (field, position), so one merge pass does it.
fn extend_phrase(
    index: &Index,
    occurrences: &[Occurrence],
    next: &[Posting],
    joined: bool,
) -> Vec<Occurrence> {
    let mut out = Vec::new();
    let mut j = 0;
    for occ in occurrences {
        let want = Posting {
            field: occ.field,
            pos: occ.pos + occ.len,
        };
        while next.get(j).is_some_and(|p| *p < want) {
            j += 1;
        }
        if next.get(j) == Some(&want) && (!joined || index.token_joined(want.field, want.pos)) {
            out.push(Occurrence {
                len: occ.len + 1,
                ..*occ
            });
        }
    }
    out
}
