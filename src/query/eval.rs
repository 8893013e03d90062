//! Query evaluation: which articles match, and where each positive leaf occurs in them.
//!
//! A term resolves to the terms of the index it finds (`sources`): the word itself, its
//! other forms in the articles of a stemmed language, or — for a word the corpus has in no
//! form — the words within a few edits; each found occurrence carries how it matched
//! ([`MatchKind`]), which weighs its score and marks its highlight.
//!
//! Works on posting lists. A single word (or prefix) with no field restriction keeps its
//! posting-list entries as they are — their stored term frequency scores it, their
//! position count counts it — and decodes positions only for the articles whose
//! highlights are asked for. A phrase, or a leaf restricted to some fields, is resolved
//! into byte spans: each position of its first term, extended term by term to the next
//! token when that token is the next term's (nothing but non-word characters between,
//! in the same field; a single hyphen when the term is `joined`). Clauses then combine
//! per article: every positive clause, no negated one.

use super::{Clause, FieldFilter, Leaf, Query, Role, Term};
use crate::article::{Article, Kind, Part};
use crate::index::text::ArticleText;
use crate::index::{Entry, FieldInfo, Index};
use crate::query::fuzzy;
use crate::rank;
use crate::rank::MatchKind;
use crate::span::Span;
use crate::text::lang::Lang;
use crate::text::stem::stem;
use crate::text::token::{is_gap, is_hyphen, possessive_stem};
use crate::text::words::word_end_at;
use std::ops::Range;

/// A term of the index a query term finds, how, and in which articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Source {
    term: usize,
    kind: MatchKind,
    /// Only in the articles of this language (a stem's forms count where it is stemmed).
    only: Option<Lang>,
}

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
    /// Posting-list chunks as (start, length) in the index's postings, and how their
    /// positions matched.
    chunks: Vec<(u32, u32, MatchKind)>,
    spans: Vec<(Span, MatchKind)>,
    /// Per leaf of `leaves`: the index terms it found, when it is one term (else `None`).
    leaf_terms: Vec<Option<Vec<usize>>>,
    /// The words no article has that were searched as the words a few edits away (not
    /// asked for with `~`): each as folded, and the most common word it was taken for.
    pub respelled: Vec<(String, usize)>,
    /// Whether terms or leaves were left out, over [`WORK_BUDGET`].
    pub simplified: bool,
    /// Posting-list entries the query may still read ([`WORK_BUDGET`]).
    budget: u64,
}

/// How many posting-list entries one query may read (about 40 ms): a word's forms, a
/// prefix's words or a misspelling's neighbours beyond what is left are not searched (a
/// leaf with none left is left out), and the answer says the query was simplified. 330
/// one-letter prefixes (`a* b* c* …`, 1,000 characters) took 1.1 s at 1,000 articles;
/// a tab must never freeze on a link. A phrase pays in the same units: a sixteenth of an
/// entry for each byte of positions it decodes, one for each span it checks against a
/// word, half for each position it chains ([`chain_cost`]).
pub const WORK_BUDGET: u64 = 500_000;

/// Evaluates `query` against `index` (built from `articles`), within [`WORK_BUDGET`].
///
/// A [`Role::Filter`] clause picks articles but adds no leaves (no matches, no marks).
pub fn evaluate(index: &Index, articles: &[Article], query: &Query) -> Evaluation {
    evaluate_within(index, articles, query, WORK_BUDGET)
}

/// [`evaluate`] with another budget of posting-list entries.
pub fn evaluate_within(
    index: &Index,
    articles: &[Article],
    query: &Query,
    budget: u64,
) -> Evaluation {
    // `in:mine` on the site's articles, or `in:site` on the reader's: none is looked at.
    if !query.looks_in(index.collection()) {
        return Evaluation::default();
    }
    let n = index.article_count();
    let mut eval = Evaluation {
        budget,
        ..Evaluation::default()
    };
    let mut positive_clauses = 0u32;
    // Whether a positive clause was left out (over the budget).
    let mut left_out = false;
    // Per article: how many positive clauses matched it, and whether a negated one did.
    let mut hits = vec![0u32; n];
    let mut excluded = vec![false; n];
    let mut seen = vec![false; n];
    let mut touched: Vec<u32> = Vec::new();
    // Cheap clauses first (words as typed or in their forms): one that matches nothing
    // ends the evaluation before the costly ones (prefixes, spellings, phrases, fields)
    // run. Their leaves are kept in the query's order all the same.
    let cheap = |c: &Clause| {
        c.alternatives.iter().all(|l| {
            l.field.is_none()
                && matches!(l.terms.as_slice(), [t] if !t.prefix && !t.fuzzy && !t.open)
        })
    };
    let is_cheap: Vec<bool> = query.clauses.iter().map(cheap).collect();
    let order: Vec<usize> = (0..is_cheap.len())
        .filter(|&i| is_cheap.get(i) == Some(&true))
        .chain((0..is_cheap.len()).filter(|&i| is_cheap.get(i) == Some(&false)))
        .collect();
    let mut kept: Vec<Vec<LeafFound>> = vec![Vec::new(); query.clauses.len()];
    // The articles every positive clause so far matched: the only candidates.
    let mut candidates: Option<Vec<u32>> = None;
    for &c in &order {
        let Some(clause) = query.clauses.get(c) else {
            continue;
        };
        touched.clear();
        let marks = !clause.negated && clause.role == Role::Match;
        let mut read = false;
        for leaf in &clause.alternatives {
            let Some((found, terms)) = eval.leaf_hits(index, articles, query, leaf) else {
                eval.simplified = true;
                continue;
            };
            // `article_spans` and `closeness` find an article's hit by binary search.
            debug_assert!(
                found.windows(2).all(|w| matches!(w, [x, y] if x.article < y.article)),
                "a leaf's hits are one per article, in article order"
            );
            read = true;
            for hit in &found {
                if let Some(flag) = seen.get_mut(hit.article as usize) {
                    if !*flag {
                        *flag = true;
                        touched.push(hit.article);
                    }
                }
            }
            if let Some(k) = kept.get_mut(c).filter(|_| marks) {
                k.push((found, terms));
            }
        }
        if !read {
            // Left out whole: the query is answered without it (but not as one that asks
            // for nothing, which would list every article).
            left_out |= !clause.negated;
            continue;
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
            let mut alive = candidates.take().unwrap_or_else(|| touched.clone());
            alive.retain(|&a| hits.get(a as usize) == Some(&positive_clauses));
            let none = alive.is_empty();
            candidates = Some(alive);
            if none {
                // No article can match any more.
                break;
            }
        }
    }
    for (found, terms) in kept.into_iter().flatten() {
        eval.leaves.push(found);
        eval.leaf_terms.push(terms);
    }
    eval.disjoint = disjoint(index, &eval.leaf_terms);
    let matches = |a: usize| {
        let hit = hits.get(a).copied().unwrap_or(0);
        let out = excluded.get(a).copied().unwrap_or(true);
        !out && hit == positive_clauses
    };
    if left_out && candidates.is_none() {
        candidates = Some(Vec::new());
    }
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
    /// (sorted, non-overlapping, each within one field), each with the best way one of
    /// the occurrences it covers matched.
    pub fn article_spans(
        &self,
        index: &Index,
        articles: &[Article],
        a: u32,
    ) -> Vec<(Span, MatchKind)> {
        let mut out = Vec::new();
        let mut positions: Vec<u64> = Vec::new();
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
            for &(at, len, kind) in self
                .chunks
                .get(hit.chunks.start as usize..hit.chunks.end as usize)
                .unwrap_or(&[])
            {
                let code = u64::from(kind.code());
                positions.extend(
                    index
                        .positions(index.chunk(at, len))
                        .map(|p| (u64::from(p) << 2) | code),
                );
            }
        }
        if !positions.is_empty() {
            let mut text = ArticleText::new(index, articles, a);
            crate::sort::sort_u64(&mut positions);
            out.extend(positions.iter().filter_map(|&key| {
                let span = text.token((key >> 2) as u32)?;
                Some((span, MatchKind::from_code(key & 3)))
            }));
        }
        crate::span::merge_kinds(&mut out);
        out
    }

    /// How close together the occurrences of different positive leaves stand in article
    /// `a`: [`rank::closeness`] summed over each pair of neighbouring occurrences (in
    /// reading order) of two different leaves in one field. `keys`: scratch.
    pub fn closeness(&self, index: &Index, a: u32, keys: &mut Vec<u64>) -> f32 {
        // Every occurrence's start as `position << 8 | leaf` (255 leaves at most count).
        keys.clear();
        for (l, leaf) in self.leaves.iter().enumerate().take(255) {
            let Ok(i) = leaf.binary_search_by_key(&a, |h| h.article) else {
                continue;
            };
            let Some(hit) = leaf.get(i) else { continue };
            let l = l as u64;
            let spans = self
                .spans
                .get(hit.spans.start as usize..hit.spans.end as usize);
            keys.extend(
                spans
                    .unwrap_or(&[])
                    .iter()
                    .map(|(s, _)| (u64::from(s.start) << 8) | l),
            );
            let chunks = self
                .chunks
                .get(hit.chunks.start as usize..hit.chunks.end as usize);
            for &(at, len, _) in chunks.unwrap_or(&[]) {
                keys.extend(
                    index
                        .positions(index.chunk(at, len))
                        .map(|p| (u64::from(p) << 8) | l),
                );
            }
        }
        crate::sort::sort_u64(keys);
        let fields = index.fields_of(a);
        let field_of = |at: u32| fields.partition_point(|f| f.base <= at);
        keys.windows(2)
            .filter_map(|w| match w {
                [x, y] if x & 0xff != y & 0xff => {
                    let (p, q) = ((x >> 8) as u32, (y >> 8) as u32);
                    (field_of(p) == field_of(q)).then(|| rank::closeness(q - p))
                }
                _ => None,
            })
            .sum()
    }

    /// Notes `term` as respelled when `sources` are only words a few edits away that it
    /// did not ask for (`~`).
    fn note_respelled(&mut self, index: &Index, term: &Term, sources: &[Source]) {
        let respelled = !term.fuzzy
            && !term.prefix
            && !sources.is_empty()
            && sources.iter().all(|s| s.kind == MatchKind::Fuzzy);
        let best = sources.iter().map(|s| s.term).max_by_key(|&t| index.df(t));
        if let (true, Some(best)) = (respelled, best) {
            if !self.respelled.iter().any(|(w, _)| *w == term.text) {
                self.respelled.push((term.text.clone(), best));
            }
        }
    }

    /// Where `leaf` occurs, article by article; and the terms it found, when it is one
    /// term (else `None`). Its first term's lists are read as far as the query's budget
    /// allows ([`WORK_BUDGET`]); `None` when none of them is: the leaf is left out.
    fn leaf_hits(
        &mut self,
        index: &Index,
        articles: &[Article],
        query: &Query,
        leaf: &Leaf,
    ) -> Option<LeafFound> {
        let Some((first, rest)) = leaf.terms.split_first() else {
            return Some((Vec::new(), None));
        };
        let simple = rest.is_empty() && leaf.field.is_none() && query.scope.is_none();
        let mut first_sources = sources(index, first, leaf.exact);
        // As many of its terms as the budget allows, in order (the word itself first).
        let mut cost = 0u64;
        let affordable = first_sources
            .iter()
            .take_while(|s| {
                cost += u64::from(index.df(s.term));
                cost <= self.budget
            })
            .count();
        if affordable < first_sources.len() {
            self.simplified = true;
            if affordable == 0 {
                return None;
            }
            first_sources.truncate(affordable);
        }
        let spent: u64 = first_sources
            .iter()
            .map(|s| u64::from(index.df(s.term)))
            .sum();
        self.budget = self.budget.saturating_sub(spent);
        self.note_respelled(index, first, &first_sources);
        let terms = rest
            .is_empty()
            .then(|| first_sources.iter().map(|s| s.term).collect());
        if simple {
            return Some((self.union_hits(index, &first_sources), terms));
        }
        let Some(hits) = self.phrase_hits(index, articles, query, leaf, &first_sources, rest)
        else {
            self.simplified = true;
            return None;
        };
        Some((hits, terms))
    }

    /// Where `leaf` (of terms `first` then `rest`, `first` found as `first_sources`) occurs,
    /// article by article, as spans; `None` when that would decode more positions than
    /// the query's budget has left.
    fn phrase_hits<'a>(
        &mut self,
        index: &'a Index,
        articles: &[Article],
        query: &Query,
        leaf: &Leaf,
        first_sources: &[Source],
        rest: &[Term],
    ) -> Option<Vec<LeafHit>> {
        let first_sources = first_sources.to_vec();
        let entries = entries_of(index, &first_sources, None);
        let rest: Vec<(&Term, Vec<Source>, Vec<Found<'a>>)> = rest
            .iter()
            .map(|t| {
                let found = sources(index, t, leaf.exact);
                self.note_respelled(index, t, &found);
                let entries = entries_of(index, &found, None);
                (t, found, entries)
            })
            .collect();
        // A word the phrase repeats is decoded once an article: `same[j]` is the first of
        // the later words with word j's sources (its positions are decoded into
        // `decoded[same[j]]`).
        let same: Vec<usize> = rest
            .iter()
            .enumerate()
            .map(|(j, (_, found, _))| {
                rest.iter()
                    .take(j)
                    .position(|(_, other, _)| other == found)
                    .unwrap_or(j)
            })
            .collect();
        // The later words that repeat the first, right after it (with one joint): the
        // phrase's lead, matched from the first word's chains alone.
        let lead = rest
            .iter()
            .take_while(|(t, found, _)| {
                *found == first_sources && rest.first().is_some_and(|f| f.0.joined == t.joined)
            })
            .count();
        // The words after the lead (or after the second), as runs of one word repeated
        // (with the same joint): (first word, words in the run).
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for j in lead.max(1)..rest.len() {
            let joined = |j: usize| rest.get(j).map(|(t, _, _)| t.joined);
            match runs.last_mut() {
                Some((first, len))
                    if same.get(*first) == same.get(j) && joined(*first) == joined(j) =>
                {
                    *len += 1
                }
                _ => runs.push((j, 1)),
            }
        }
        let mut out = Vec::new();
        let mut spans: Vec<(Span, MatchKind)> = Vec::new();
        // Buffers reused article after article: positions as `position << 2 | kind`.
        let mut starts: Vec<u64> = Vec::new();
        let mut decoded: Vec<Vec<u64>> = vec![Vec::new(); rest.len()];
        let mut ready: Vec<bool> = vec![false; rest.len()];
        let mut chain = Chain::default();
        let mut others: Vec<&[Found<'a>]> = Vec::with_capacity(rest.len());
        'articles: for group in entries.chunk_by(|x, y| x.0.article == y.0.article) {
            let Some(a) = group.first().map(|e| e.0.article) else {
                continue;
            };
            others.clear();
            for (_, _, e) in &rest {
                match article_group(e, a) {
                    Some(g) => others.push(g),
                    None => continue 'articles,
                }
            }
            // The positions this article's words will decode, each once, against the
            // query's budget (a position costs a sixteenth of an entry; its bytes count).
            let bytes: usize = group
                .iter()
                .chain(
                    others
                        .iter()
                        .enumerate()
                        .filter(|&(j, _)| same.get(j) == Some(&j))
                        .flat_map(|(_, g)| g.iter()),
                )
                .map(|e| e.0.chunk.len())
                .sum();
            self.budget = self.budget.checked_sub(bytes as u64 / 16 + 1)?;
            ready.fill(false);
            spans.clear();
            let mut text = ArticleText::new(index, articles, a);
            match (rest.first(), others.first(), decoded.first_mut()) {
                (Some((term, _, _)), _, _) if lead > 0 => {
                    // The first word and the `lead` after it: its occurrences that start
                    // a chain of `lead + 1`.
                    word_positions_into(index, group, &mut starts);
                    self.budget = self.budget.checked_sub(chain_cost(starts.len()))?;
                    chain.build(&mut text, &starts, term.joined);
                    for (i, &key) in starts.iter().enumerate() {
                        let at = (key >> 2) as u32;
                        let Some((end, code)) = chain.run(i, lead + 1) else {
                            continue;
                        };
                        if text
                            .field(at)
                            .is_some_and(|(f, _)| field_allowed(query, leaf, f))
                        {
                            spans.push((Span::new(at, end), MatchKind::from_code(code)));
                        }
                    }
                }
                (Some((term, _, _)), Some(second), Some(next)) => {
                    positions_into(index, group, &mut starts);
                    // A phrase starts at a position of the first term that the next
                    // position of both lists is one of the second's: one merge, and the
                    // text is read only for those pairs no further apart than their
                    // field's step (FieldInfo::step: neighbouring tokens never are). The
                    // step is looked up in the index's fields, not through `text`, whose
                    // lookup also fetches the field's text: that fetch is what is saved.
                    // (An `ArticleText` method for it alone cost the wasm 2 kB gzip.)
                    word_positions_into(index, second, next);
                    if let Some(r) = ready.first_mut() {
                        *r = true;
                    }
                    let fields = index.fields_of(a);
                    let mut j = 0;
                    for (i, &key) in starts.iter().enumerate() {
                        let at = key >> 2;
                        while next.get(j).is_some_and(|&q| q >> 2 <= at) {
                            j += 1;
                        }
                        let Some(&q) = next.get(j) else { break };
                        if starts.get(i + 1).is_some_and(|&p| p >> 2 < q >> 2) {
                            continue;
                        }
                        let at = at as u32;
                        let f = fields.partition_point(|f| f.base <= at);
                        if fields
                            .get(f.wrapping_sub(1))
                            .is_none_or(|f| (q >> 2) as u32 - at > f.step)
                        {
                            continue;
                        }
                        if !text
                            .field(at)
                            .is_some_and(|(f, _)| field_allowed(query, leaf, f))
                        {
                            continue;
                        }
                        if let Some(mut span) = text.token(at) {
                            if text.extend(&mut span, (q >> 2) as u32, term.joined) {
                                let kind = MatchKind::from_code((key & 3).max(q & 3));
                                spans.push((span, kind));
                            }
                        }
                    }
                }
                _ => {
                    positions_into(index, group, &mut starts);
                    for &key in &starts {
                        let at = (key >> 2) as u32;
                        if text
                            .field(at)
                            .is_some_and(|(f, _)| field_allowed(query, leaf, f))
                        {
                            spans
                                .extend(text.token(at).map(|s| (s, MatchKind::from_code(key & 3))));
                        }
                    }
                }
            }
            for &(first, len) in &runs {
                if spans.is_empty() {
                    break;
                }
                let (Some(&id), Some((term, _, _))) = (same.get(first), rest.get(first)) else {
                    break;
                };
                let (Some(next), Some(r), Some(group)) =
                    (decoded.get_mut(id), ready.get_mut(id), others.get(id))
                else {
                    break;
                };
                if !*r {
                    word_positions_into(index, group, next);
                    *r = true;
                }
                // A span is checked against a run at a binary search and a read of the
                // text: one unit of the budget each; and a run of several words chains
                // the word's positions.
                let chained = if len > 1 { chain_cost(next.len()) } else { 0 };
                self.budget = self.budget.checked_sub(spans.len() as u64 + chained)?;
                if len > 1 {
                    chain.build(&mut text, next, term.joined);
                }
                spans.retain_mut(|(span, kind)| {
                    // The first position at or after the span's end is the only candidate.
                    let i = next.partition_point(|&p| ((p >> 2) as u32) < span.end);
                    let Some(&key) = next.get(i) else {
                        return false;
                    };
                    if !text.extend(span, (key >> 2) as u32, term.joined) {
                        return false;
                    }
                    if len == 1 {
                        *kind = (*kind).max(MatchKind::from_code(key & 3));
                        return true;
                    }
                    match chain.run(i, len) {
                        Some((end, code)) => {
                            span.end = end;
                            *kind = (*kind).max(MatchKind::from_code(code));
                            true
                        }
                        None => false,
                    }
                });
            }
            if spans.is_empty() {
                continue;
            }
            let tf = spans
                .iter()
                .filter_map(|(s, kind)| Some((text.field(s.start)?.0, *kind)))
                .map(|(f, kind)| {
                    rank::occurrence_tf(f.class(), f.words, index.avg_words(f.class()))
                        * rank::match_weight(kind)
                })
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
        Some(out)
    }

    /// The hits of a one-word leaf with no field restriction, straight from its sources'
    /// posting-list entries: one per article, the entries' weighted term frequencies and
    /// counts summed (their positions are disjoint), positions left undecoded.
    ///
    /// The longest list is decoded straight into hits, one per entry; the others' entries
    /// (a word's other forms are mostly rare ones) are then added to them: so a common
    /// word costs its own list and little more.
    fn union_hits(&mut self, index: &Index, sources: &[Source]) -> Vec<LeafHit> {
        let longest =
            (0..sources.len()).max_by_key(|&i| sources.get(i).map_or(0, |s| index.df(s.term)));
        let Some(main) = longest.and_then(|i| sources.get(i)) else {
            return Vec::new();
        };
        let weight = rank::match_weight(main.kind);
        let keep = article_filter(index, sources, main);
        let mut hits = Vec::with_capacity(index.df(main.term) as usize);
        for e in index.list(main.term) {
            if keep.as_ref().is_some_and(|keep| !keep(e.article)) {
                continue;
            }
            self.chunks.push((e.at, e.chunk.len() as u32, main.kind));
            let end = self.chunks.len() as u32;
            hits.push(LeafHit {
                article: e.article,
                tf: e.tf * weight,
                count: e.count(),
                chunks: end - 1..end,
                spans: 0..0,
            });
        }
        let rest = entries_of(index, sources, Some(main));
        if rest.is_empty() {
            return hits;
        }
        // Merged by article: a hit with entries of the others has its chunks copied to
        // the end of the table with theirs (its chunks must stay contiguous).
        let mut out = Vec::with_capacity(hits.len() + rest.len());
        let mut next = 0; // hits[..next] are in `out`
        for group in rest.chunk_by(|x, y| x.0.article == y.0.article) {
            let Some(a) = group.first().map(|e| e.0.article) else {
                continue;
            };
            let before = hits.get(next..).unwrap_or(&[]);
            let n = before.partition_point(|h| h.article < a);
            out.extend_from_slice(before.get(..n).unwrap_or(&[]));
            next += n;
            let start = self.chunks.len() as u32;
            let mut hit = match hits.get(next).filter(|h| h.article == a) {
                Some(hit) => {
                    next += 1;
                    for i in hit.chunks.clone() {
                        if let Some(&chunk) = self.chunks.get(i as usize) {
                            self.chunks.push(chunk);
                        }
                    }
                    hit.clone()
                }
                None => LeafHit {
                    article: a,
                    tf: 0.0,
                    count: 0,
                    chunks: 0..0,
                    spans: 0..0,
                },
            };
            for &(e, kind) in group {
                self.chunks.push((e.at, e.chunk.len() as u32, kind));
                hit.tf += e.tf * rank::match_weight(kind);
                hit.count += e.count();
            }
            hit.chunks = start..self.chunks.len() as u32;
            out.push(hit);
        }
        out.extend_from_slice(hits.get(next..).unwrap_or(&[]));
        out
    }
}

/// One leaf's hits and the terms it found ([`Evaluation::leaf_hits`]).
type LeafFound = (Vec<LeafHit>, Option<Vec<usize>>);

/// A posting-list entry and how its positions matched.
type Found<'a> = (Entry<'a>, MatchKind);

/// The terms of the index that `term` finds (see [`Leaf::exact`]): a prefix's terms; a
/// fuzzy word's near terms; the word itself, then (unless `exact`) its other forms in each
/// stemmed language, and, for the word being typed ([`Term::open`]), the words it begins;
/// or if the corpus has none of these, the terms near it.
///
/// Invariant: distinct terms. Of a possessive (`seoul's`) and its stem (`seoul`) both
/// found, the possessive's entries are dropped where the stem's count
/// ([`entries_of`]): the stem's list has the possessive's positions already.
fn sources(index: &Index, term: &Term, exact: bool) -> Vec<Source> {
    let of = |t: usize, kind: MatchKind| Source {
        term: t,
        kind,
        only: None,
    };
    if term.prefix {
        return index
            .prefix_range(&term.text)
            .map(|t| of(t, MatchKind::Exact))
            .collect();
    }
    let near = |kind_of: &dyn Fn(&str) -> MatchKind| -> Vec<Source> {
        fuzzy::terms_near(index, &term.text)
            .into_iter()
            .map(|t| of(t, kind_of(index.term(t))))
            .collect()
    };
    if term.fuzzy {
        // Each near term labelled by how it relates to the word: itself (or its
        // possessive), another form of it (the same stem in a stemmed language), or not.
        let stems = Lang::STEMMED.map(|lang| (lang, stem(lang, &term.text)));
        return near(&|t| {
            if t == term.text || possessive_stem(t) == Some(term.text.as_str()) {
                MatchKind::Exact
            } else if stems
                .iter()
                .any(|(lang, s)| s.is_some() && stem(*lang, t) == *s)
            {
                MatchKind::Stem
            } else {
                MatchKind::Fuzzy
            }
        });
    }
    let own = index.find(&term.text);
    let mut out: Vec<Source> = own.map(|t| of(t, MatchKind::Exact)).into_iter().collect();
    if exact {
        return out;
    }
    for lang in Lang::STEMMED {
        out.extend(
            index
                .forms(lang, &term.text)
                .into_iter()
                .filter(|&t| Some(t) != own)
                .map(|t| Source {
                    term: t,
                    kind: MatchKind::Stem,
                    only: Some(lang),
                }),
        );
    }
    if term.open {
        // The words it begins, but those found already in every article: ranked below
        // them, marked. A form found only in its language's articles (`views` of `view`
        // in English) is a word it begins in the others' (an English disclaimer in a
        // Russian article): `article_filter` keeps each where the other does not count.
        let whole: Vec<usize> = out
            .iter()
            .filter(|s| s.only.is_none())
            .map(|s| s.term)
            .collect();
        out.extend(
            index
                .prefix_range(&term.text)
                .filter(|t| !whole.contains(t))
                .map(|t| of(t, MatchKind::Prefix)),
        );
    }
    if out.is_empty() {
        return near(&|_| MatchKind::Fuzzy);
    }
    out
}

/// The entries of `sources`' lists (but `except`'s) that count ([`article_filter`]),
/// sorted by article.
fn entries_of<'a>(
    index: &'a Index,
    sources: &[Source],
    except: Option<&Source>,
) -> Vec<Found<'a>> {
    let mut all: Vec<Found<'a>> = Vec::new();
    let mut lists = 0;
    for source in sources.iter().filter(|s| Some(*s) != except) {
        let keep = article_filter(index, sources, source);
        for e in index.list(source.term) {
            if keep.as_ref().is_none_or(|keep| keep(e.article)) {
                all.push((e, source.kind));
            }
        }
        lists += 1;
    }
    if lists < 2 {
        return all;
    }
    let articles = index.article_count();
    let order: Vec<u32> = if all.len() >= articles / DENSE {
        by_article(all.iter().map(|(e, _)| e.article), articles)
    } else {
        let mut keys: Vec<u64> = all
            .iter()
            .enumerate()
            .map(|(i, (e, _))| (u64::from(e.article) << 32) | i as u64)
            .collect();
        crate::sort::sort_u64(&mut keys);
        keys.into_iter().map(|k| k as u32).collect()
    };
    order
        .iter()
        .filter_map(|&i| all.get(i as usize).copied())
        .collect()
}

/// Entries at least one an article in this many: sorted by a counting sort over the
/// articles (two passes) instead of a radix sort of their keys (five): a three-letter
/// prefix of a common word (`con`, 937 words, 195,046 matches at 10,000 articles).
const DENSE: usize = 4;

/// The order that sorts items of these articles by article, keeping their order within
/// one (a counting sort; every article below `articles`).
fn by_article(of: impl Iterator<Item = u32> + Clone, articles: usize) -> Vec<u32> {
    // starts[a]: where article a's items go.
    let mut starts = vec![0u32; articles + 1];
    let mut len = 0;
    for a in of.clone() {
        if let Some(n) = starts.get_mut(a as usize + 1) {
            *n += 1;
        }
        len += 1;
    }
    let mut sum = 0;
    for n in &mut starts {
        sum += *n;
        *n = sum;
    }
    let mut order = vec![u32::MAX; len];
    for (i, a) in of.enumerate() {
        let Some(at) = starts.get_mut(a as usize) else {
            continue;
        };
        if let Some(slot) = order.get_mut(*at as usize) {
            *slot = i as u32;
        }
        *at += 1;
    }
    order
}

/// The articles in which `source` (one of `sources`) counts, or `None` for all: only the
/// articles of its language, if it has one; a possessive's only where its stem, also one
/// of `sources`, does not count; a word the term begins only where that word, as one of
/// the term's forms, does not count (the form wins: it ranks above).
fn article_filter<'a>(
    index: &'a Index,
    sources: &[Source],
    source: &Source,
) -> Option<impl Fn(u32) -> bool + 'a> {
    let stem = possessive_stem(index.term(source.term))
        .and_then(|s| index.find(s))
        .and_then(|stem| sources.iter().find(|o| o.term == stem).copied());
    let form = (source.kind == MatchKind::Prefix)
        .then(|| {
            sources
                .iter()
                .find(|o| o.term == source.term && o.kind != MatchKind::Prefix)
                .copied()
        })
        .flatten();
    if source.only.is_none() && stem.is_none() && form.is_none() {
        return None;
    }
    let counts = move |s: &Source, a: u32| s.only.is_none_or(|lang| index.lang(a) == lang);
    let source = *source;
    Some(move |a| {
        counts(&source, a)
            && !stem.is_some_and(|s| counts(&s, a))
            && !form.is_some_and(|f| counts(&f, a))
    })
}

/// The entries of article `a` in `entries` (sorted by article), if any.
fn article_group<'e, 'a>(entries: &'e [Found<'a>], a: u32) -> Option<&'e [Found<'a>]> {
    let start = entries.partition_point(|e| e.0.article < a);
    let len = entries
        .get(start..)?
        .iter()
        .take_while(|e| e.0.article == a)
        .count();
    (len > 0).then(|| entries.get(start..start + len)).flatten()
}

/// The positions of one article's entries into `out` as `position << 2 | kind code`,
/// ascending.
fn positions_into(index: &Index, group: &[Found<'_>], out: &mut Vec<u64>) {
    out.clear();
    for (e, kind) in group {
        let code = u64::from(kind.code());
        out.extend(index.positions(e.chunk).map(|p| (u64::from(p) << 2) | code));
    }
    if group.len() > 1 {
        crate::sort::sort_u64(out);
    }
    debug_assert!(out.is_sorted(), "an article's positions ascend");
}

/// What chaining `positions` costs of the budget: half a posting entry each (in the wasm
/// a chained position took 25.9 ms for 524,288, where 500,000 entries take about 33:
/// `node benches/node/hostile.mjs PKG SITE --word a`, docs/performance.md).
fn chain_cost(positions: usize) -> u64 {
    positions as u64 / 2 + 1
}

/// The chains of one word's positions in one article (`position << 2 | kind`,
/// ascending): how many of its occurrences follow one another from each, word after word
/// in the text. A phrase repeating the word `len` times continues from occurrence `i`
/// when the chain from it is at least `len` long: one pass over the word's positions
/// instead of one per repetition (`"a a … a"` of 500 words on a megabyte of `a`).
#[derive(Default)]
struct Chain {
    /// `lengths[i]`: occurrences in the chain from occurrence `i` (itself included).
    lengths: Vec<u32>,
    /// `ends[i]`: where occurrence `i`'s word ends.
    ends: Vec<u32>,
    /// `above[c][i]`: occurrences before `i` whose kind code is above `c` (c = 0, 1, 2).
    above: [Vec<u32>; 3],
}

impl Chain {
    /// The chains of `positions` (words `joined` by a hyphen, or by any gap): one read
    /// of each occurrence's word in the text, and of the gap after it.
    fn build(&mut self, text: &mut ArticleText<'_, '_>, positions: &[u64], joined: bool) {
        self.ends.clear();
        self.lengths.clear();
        // First whether each occurrence is followed by the next (1) or not (0)...
        for (i, &key) in positions.iter().enumerate() {
            let at = (key >> 2) as u32;
            let found = text.field(at).and_then(|(info, field)| {
                let local = |p: u32| (p - info.base) as usize;
                Some((
                    info,
                    field,
                    info.base + word_end_at(field, local(at))? as u32,
                ))
            });
            let (end, followed) = match found {
                Some((info, field, end)) => {
                    let local = |p: u32| (p - info.base) as usize;
                    let followed = positions.get(i + 1).is_some_and(|&next| {
                        let next = (next >> 2) as u32;
                        next >= end
                            && next < info.base.saturating_add(info.len)
                            && field
                                .get(local(end)..local(next))
                                .is_some_and(|gap| is_gap(gap) && (!joined || is_hyphen(gap)))
                    });
                    (end, followed)
                }
                None => {
                    // No word here: the one before is not followed by one.
                    if let Some(before) = self.lengths.last_mut() {
                        *before = 0;
                    }
                    (at, false)
                }
            };
            self.ends.push(end);
            self.lengths.push(u32::from(followed));
        }
        // ...then the chains' lengths, from the end.
        let mut after = 0u32;
        for length in self.lengths.iter_mut().rev() {
            after = if *length == 1 {
                after.saturating_add(1)
            } else {
                1
            };
            *length = after;
        }
        for (c, above) in self.above.iter_mut().enumerate() {
            above.clear();
            above.push(0);
            let mut count = 0;
            for &key in positions {
                count += u32::from((key & 3) as usize > c);
                above.push(count);
            }
        }
    }

    /// The `len` occurrences from `i`, if they follow one another: where the last ends,
    /// and the highest kind code among them.
    fn run(&self, i: usize, len: usize) -> Option<(u32, u64)> {
        if (*self.lengths.get(i)? as usize) < len {
            return None;
        }
        let last = i + len - 1;
        let end = *self.ends.get(last)?;
        let code = self
            .above
            .iter()
            .rposition(|above| {
                above
                    .get(last + 1)
                    .zip(above.get(i))
                    .is_some_and(|(b, a)| b > a)
            })
            .map_or(0, |c| c as u64 + 1);
        Some((end, code))
    }
}

/// A later word's positions (`positions_into`), one entry a position: where two of its
/// sources are at the same place (`seoul's` is also indexed as `seoul`), the highest
/// kind code is kept — so that consecutive entries are consecutive occurrences.
fn word_positions_into(index: &Index, group: &[Found<'_>], out: &mut Vec<u64>) {
    positions_into(index, group, out);
    if group.len() > 1 {
        out.dedup_by(|later, kept| {
            let same = *later >> 2 == *kept >> 2;
            if same {
                *kept = (*kept).max(*later);
            }
            same
        });
    }
}

/// Whether no two occurrences of the query's positive leaves can overlap, given the terms
/// each found (`None`: a phrase): one leaf of one term (its terms are
/// distinct tokens), or one-term leaves only whose terms are pairwise distinct, none
/// another's possessive (`seoul's` is also indexed as `seoul`, at the same place).
fn disjoint(index: &Index, leaves: &[Option<Vec<usize>>]) -> bool {
    if let [one] = leaves {
        return one.is_some();
    }
    let mut keys: Vec<u64> = Vec::new();
    for (i, terms) in leaves.iter().enumerate() {
        let Some(terms) = terms else { return false };
        for &t in terms {
            let stem = possessive_stem(index.term(t)).and_then(|s| index.find(s));
            for t in std::iter::once(t).chain(stem) {
                keys.push(((t as u64) << 32) | i as u64);
            }
        }
    }
    crate::sort::sort_u64(&mut keys);
    // The same term (or a possessive's stem) found by two leaves.
    keys.windows(2)
        .all(|w| matches!(w, [x, y] if x >> 32 != y >> 32 || x == y))
}

/// Without positive clauses, an `in:` scope still asks for an article that has such a field.
pub(crate) fn has_field_in_scope(index: &Index, query: &Query, article: usize) -> bool {
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
        Some(FieldFilter::Author) => field.kind == Kind::Card && field.part == Part::Author,
    };
    filter_ok && query.in_scope(field.kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The counting sort is a stable sort by article: entries of random articles, in
    /// random order, come out as `sort_by_key` (stable) puts them.
    #[test]
    fn by_article_is_a_stable_sort_by_article() {
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for articles in [1usize, 2, 7, 100] {
            for len in [0usize, 1, 5, 300] {
                let entries: Vec<Found<'_>> = (0..len)
                    .map(|i| {
                        let e = Entry {
                            article: next(articles as u64) as u32,
                            tf: 1.0,
                            chunk: &[],
                            at: i as u32,
                        };
                        (e, MatchKind::from_code(next(4)))
                    })
                    .collect();
                let mut expected: Vec<u32> = (0..len as u32).collect();
                expected.sort_by_key(|&i| entries[i as usize].0.article);
                let order = by_article(entries.iter().map(|(e, _)| e.article), articles);
                assert_eq!(order, expected, "{articles} {len}");
            }
        }
    }
}
