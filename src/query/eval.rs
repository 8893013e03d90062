//! Query evaluation: which articles match, and where each positive leaf occurs in them.
//!
//! Works on posting lists. A single word (or prefix) with no field restriction keeps its
//! posting-list entries as they are — their stored term frequency scores it, their
//! position count counts it — and decodes positions only for the articles whose
//! highlights are asked for. A phrase, or a leaf restricted to some fields, is resolved
//! into byte spans: each position of its first term, extended term by term to the next
//! token when that token is the next term's (nothing but non-word characters between,
//! in the same field; a single hyphen when the term is `joined`). Clauses then combine
//! per article: every positive clause, no negated one.

use super::text::ArticleText;
use super::{FieldFilter, Leaf, Query, Term};
use crate::article::{Article, Kind, Part};
use crate::fuzzy;
use crate::index::{Entry, FieldInfo, Index};
use crate::rank;
use crate::span::{self, Span};
use crate::token::possessive_stem;
use std::ops::Range;

/// Where one leaf occurs in one article.
///
/// Invariant: `count >= 1`; exactly one of `chunks` and `spans` is non-empty (positions
/// to decode, or spans already found), indexing into the [`Evaluation`]'s tables.
#[derive(Clone, Debug, PartialEq)]
pub struct LeafHit {
    /// The article.
    pub article: u32,
    /// The leaf's BM25F pseudo term frequency there.
    pub tf: f32,
    /// Its occurrences there.
    pub count: u32,
    chunks: Range<u32>,
    spans: Range<u32>,
}

/// What a query matches.
#[derive(Clone, Debug, Default)]
pub struct Evaluation {
    /// Matching articles, in corpus order.
    pub articles: Vec<u32>,
    /// Each positive leaf's hits, sorted by article, over every article it occurs in
    /// (articles the query does not match included: they count for its idf).
    pub leaves: Vec<Vec<LeafHit>>,
    /// Whether no two occurrences of positive leaves can overlap, so that an article's
    /// matches are the sum of its leaves' counts (else its spans must be merged).
    pub disjoint: bool,
    /// Posting-list chunks as (start, length) in the index's postings.
    chunks: Vec<(u32, u32)>,
    spans: Vec<Span>,
}

/// Evaluates `query` against `index` (built from `articles`).
pub fn evaluate(index: &Index, articles: &[Article], query: &Query) -> Evaluation {
    let n = index.article_count();
    let mut eval = Evaluation {
        disjoint: disjoint(query),
        ..Evaluation::default()
    };
    let mut positive_clauses = 0u32;
    // Per article: how many positive clauses matched it, and whether a negated one did.
    let mut hits = vec![0u32; n];
    let mut excluded = vec![false; n];
    let mut seen = vec![false; n];
    let mut touched: Vec<u32> = Vec::new();
    // The articles the first positive clause matched: the only candidates.
    let mut candidates: Option<Vec<u32>> = None;
    for clause in &query.clauses {
        touched.clear();
        for leaf in &clause.alternatives {
            let found = eval.leaf_hits(index, articles, query, leaf);
            for hit in &found {
                if let Some(flag) = seen.get_mut(hit.article as usize) {
                    if !*flag {
                        *flag = true;
                        touched.push(hit.article);
                    }
                }
            }
            if !clause.negated {
                eval.leaves.push(found);
            }
        }
        for &a in &touched {
            let a = a as usize;
            if let Some(flag) = seen.get_mut(a) {
                *flag = false;
            }
            if clause.negated {
                if let Some(e) = excluded.get_mut(a) {
                    *e = true;
                }
            } else if let Some(h) = hits.get_mut(a) {
                *h += 1;
            }
        }
        if !clause.negated {
            positive_clauses += 1;
            if candidates.is_none() {
                candidates = Some(touched.clone());
            }
        }
    }
    let matches = |a: usize| {
        let hit = hits.get(a).copied().unwrap_or(0);
        let out = excluded.get(a).copied().unwrap_or(true);
        !out && hit == positive_clauses
    };
    eval.articles = match candidates {
        // Not a scan of every article: a query for an absent word costs next to nothing.
        Some(mut list) => {
            list.retain(|&a| matches(a as usize));
            let mut keys: Vec<u64> = list.iter().map(|&a| u64::from(a)).collect();
            crate::sort::sort_u64(&mut keys);
            keys.into_iter().map(|k| k as u32).collect()
        }
        None => (0..n)
            .filter(|&a| matches(a) && has_field_in_scope(index, query, a))
            .map(|a| u32::try_from(a).unwrap_or(u32::MAX))
            .collect(),
    };
    eval
}

impl Evaluation {
    /// Every positive occurrence in article `a`, as merged byte spans of its offset space
    /// (sorted, non-overlapping, each within one field).
    pub fn article_spans(&self, index: &Index, articles: &[Article], a: u32) -> Vec<Span> {
        let mut out = Vec::new();
        let mut positions: Vec<u32> = Vec::new();
        for leaf in &self.leaves {
            let Ok(i) = leaf.binary_search_by_key(&a, |h| h.article) else {
                continue;
            };
            let Some(hit) = leaf.get(i) else { continue };
            out.extend_from_slice(
                self.spans
                    .get(hit.spans.start as usize..hit.spans.end as usize)
                    .unwrap_or(&[]),
            );
            for &(at, len) in self
                .chunks
                .get(hit.chunks.start as usize..hit.chunks.end as usize)
                .unwrap_or(&[])
            {
                positions.extend(index.positions(index.chunk(at, len)));
            }
        }
        if !positions.is_empty() {
            let mut text = ArticleText::new(index, articles, a);
            let sorted = positions.windows(2).all(|w| w.first() < w.get(1));
            if !sorted {
                let mut keys: Vec<u64> = positions.iter().map(|&p| u64::from(p)).collect();
                crate::sort::sort_u64(&mut keys);
                positions = keys.into_iter().map(|k| k as u32).collect();
            }
            out.extend(positions.iter().filter_map(|&at| text.token(at)));
        }
        span::merge(&mut out);
        out
    }

    /// Where `leaf` occurs, article by article.
    fn leaf_hits<'a>(
        &mut self,
        index: &'a Index,
        articles: &[Article],
        query: &Query,
        leaf: &Leaf,
    ) -> Vec<LeafHit> {
        let Some((first, rest)) = leaf.terms.split_first() else {
            return Vec::new();
        };
        let simple = rest.is_empty() && leaf.field.is_none() && query.scope.is_none();
        if simple && !first.prefix && !first.fuzzy {
            // One word: its posting list, entry by entry, is the answer.
            let Some(t) = index.find(&first.text) else {
                return Vec::new();
            };
            return index
                .list(t)
                .map(|e| {
                    self.chunks.push((e.at, e.chunk.len() as u32));
                    let end = self.chunks.len() as u32;
                    LeafHit {
                        article: e.article,
                        tf: e.tf,
                        count: e.count(),
                        chunks: end - 1..end,
                        spans: 0..0,
                    }
                })
                .collect();
        }
        let entries = entries_of(index, first);
        if simple {
            return self.entry_hits(&entries);
        }
        let rest: Vec<(&Term, Vec<Entry<'a>>)> =
            rest.iter().map(|t| (t, entries_of(index, t))).collect();
        let mut out = Vec::new();
        let mut spans: Vec<Span> = Vec::new();
        // Buffers reused article after article.
        let mut starts: Vec<u32> = Vec::new();
        let mut next: Vec<u32> = Vec::new();
        let mut keys: Vec<u64> = Vec::new();
        let mut others: Vec<&[Entry<'a>]> = Vec::with_capacity(rest.len());
        'articles: for group in entries.chunk_by(|x, y| x.article == y.article) {
            let Some(a) = group.first().map(|e| e.article) else {
                continue;
            };
            others.clear();
            for (_, e) in &rest {
                match article_group(e, a) {
                    Some(g) => others.push(g),
                    None => continue 'articles,
                }
            }
            spans.clear();
            let mut text = ArticleText::new(index, articles, a);
            positions_into(index, group, &mut starts, &mut keys);
            let mut later = rest.iter().zip(others.iter().copied());
            match later.next() {
                None => {
                    for &at in &starts {
                        if text
                            .field(at)
                            .is_some_and(|(f, _)| field_allowed(query, leaf, f))
                        {
                            spans.extend(text.token(at));
                        }
                    }
                }
                Some(((term, _), second)) => {
                    // A phrase starts at a position of the first term that the next
                    // position of both lists is one of the second's: one merge, and the
                    // text is read for those pairs only.
                    positions_into(index, second, &mut next, &mut keys);
                    let mut j = 0;
                    for (i, &at) in starts.iter().enumerate() {
                        while next.get(j).is_some_and(|&q| q <= at) {
                            j += 1;
                        }
                        let Some(&q) = next.get(j) else { break };
                        if starts.get(i + 1).is_some_and(|&p| p < q) {
                            continue;
                        }
                        if !text
                            .field(at)
                            .is_some_and(|(f, _)| field_allowed(query, leaf, f))
                        {
                            continue;
                        }
                        if let Some(mut span) = text.token(at) {
                            if text.extend(&mut span, q, term.joined) {
                                spans.push(span);
                            }
                        }
                    }
                }
            }
            for ((term, _), group) in later {
                if spans.is_empty() {
                    break;
                }
                positions_into(index, group, &mut next, &mut keys);
                spans.retain_mut(|span| {
                    // The first position at or after the span's end is the only candidate.
                    let i = next.partition_point(|&p| p < span.end);
                    next.get(i)
                        .is_some_and(|&at| text.extend(span, at, term.joined))
                });
            }
            if spans.is_empty() {
                continue;
            }
            let tf = spans
                .iter()
                .filter_map(|s| text.field(s.start))
                .map(|(f, _)| rank::occurrence_tf(f.class(), f.words, index.avg_words(f.class())))
                .sum();
            let start = self.spans.len() as u32;
            self.spans.extend_from_slice(&spans);
            out.push(LeafHit {
                article: a,
                tf,
                count: spans.len() as u32,
                chunks: 0..0,
                spans: start..self.spans.len() as u32,
            });
        }
        out
    }

    /// Hits straight from posting-list entries sorted by article: one per article, its
    /// entries' term frequencies and counts summed (their positions are disjoint).
    fn entry_hits(&mut self, entries: &[Entry<'_>]) -> Vec<LeafHit> {
        let mut out = Vec::new();
        for group in entries.chunk_by(|x, y| x.article == y.article) {
            let Some(a) = group.first().map(|e| e.article) else {
                continue;
            };
            let start = self.chunks.len() as u32;
            self.chunks
                .extend(group.iter().map(|e| (e.at, e.chunk.len() as u32)));
            out.push(LeafHit {
                article: a,
                tf: group.iter().map(|e| e.tf).sum(),
                count: group.iter().map(Entry::count).sum(),
                chunks: start..self.chunks.len() as u32,
                spans: 0..0,
            });
        }
        out
    }
}

/// The posting-list entries of a term, sorted by article: its own list, or the lists of
/// every term a prefix begins or a fuzzy word is near (`crate::fuzzy`). Of a possessive
/// (`seoul's`) and its stem (`seoul`) both in such a set, only the stem's list counts: it
/// has the possessive's positions already.
fn entries_of<'a>(index: &'a Index, term: &Term) -> Vec<Entry<'a>> {
    if term.prefix {
        let terms = index
            .prefix_range(&term.text)
            .filter(|&t| possessive_stem(index.term(t)).is_none_or(|s| !s.starts_with(&term.text)));
        return union(index, terms);
    }
    if term.fuzzy {
        let near = fuzzy::terms_near(index, &term.text);
        let terms = near.iter().copied().filter(|&t| {
            possessive_stem(index.term(t))
                .and_then(|s| index.find(s))
                .is_none_or(|stem| near.binary_search(&stem).is_err())
        });
        return union(index, terms);
    }
    index
        .find(&term.text)
        .map(|t| index.list(t).collect())
        .unwrap_or_default()
}

/// The entries of several terms' lists, sorted by article.
fn union<'a>(index: &'a Index, terms: impl Iterator<Item = usize>) -> Vec<Entry<'a>> {
    let all: Vec<Entry<'a>> = terms.flat_map(|t| index.list(t)).collect();
    let mut keys: Vec<u64> = all
        .iter()
        .enumerate()
        .map(|(i, e)| (u64::from(e.article) << 32) | i as u64)
        .collect();
    crate::sort::sort_u64(&mut keys);
    keys.iter()
        .filter_map(|&k| all.get(k as u32 as usize).copied())
        .collect()
}

/// The entries of article `a` in `entries` (sorted by article), if any.
fn article_group<'e, 'a>(entries: &'e [Entry<'a>], a: u32) -> Option<&'e [Entry<'a>]> {
    let start = entries.partition_point(|e| e.article < a);
    let len = entries
        .get(start..)?
        .iter()
        .take_while(|e| e.article == a)
        .count();
    (len > 0).then(|| entries.get(start..start + len)).flatten()
}

/// The positions of one article's entries into `out`, ascending (`keys`: scratch).
fn positions_into(index: &Index, group: &[Entry<'_>], out: &mut Vec<u32>, keys: &mut Vec<u64>) {
    out.clear();
    if let [one] = group {
        out.extend(index.positions(one.chunk));
        return;
    }
    keys.clear();
    keys.extend(
        group
            .iter()
            .flat_map(|e| index.positions(e.chunk))
            .map(u64::from),
    );
    crate::sort::sort_u64(keys);
    out.extend(keys.iter().map(|&k| k as u32));
}

/// Whether no two occurrences of the query's positive leaves can overlap: one leaf of one
/// term (a word, prefix or fuzzy word: distinct tokens), or exact single words only,
/// pairwise distinct, none another's possessive (`seoul's` is also indexed as `seoul`, at
/// the same place).
fn disjoint(query: &Query) -> bool {
    let leaves: Vec<&Leaf> = query
        .clauses
        .iter()
        .filter(|c| !c.negated)
        .flat_map(|c| &c.alternatives)
        .collect();
    if let [leaf] = leaves.as_slice() {
        return leaf.terms.len() == 1;
    }
    let mut words: Vec<&str> = Vec::new();
    for leaf in leaves {
        match leaf.terms.as_slice() {
            [t] if !t.prefix && !t.fuzzy && leaf.field.is_none() => words.push(&t.text),
            _ => return false,
        }
    }
    words.iter().enumerate().all(|(i, a)| {
        words
            .iter()
            .skip(i + 1)
            .all(|b| a != b && possessive_stem(a) != Some(*b) && possessive_stem(b) != Some(*a))
    })
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
