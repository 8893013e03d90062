//! "Drop one clause": for a query of several clauses that finds nothing, what removing
//! each would find, counted in one evaluation per clause.

use crate::article::Article;
use crate::index::Index;
use crate::query::{self, Query};
use serde::Serialize;

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
