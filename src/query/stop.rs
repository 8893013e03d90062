//! Common words in a query of several words: `sea of japan` is about the sea and Japan,
//! and "of" in every article would drown them (55 matches, nearly all "of"). So a common
//! word ([`crate::lang::is_stop`]) counts only where it stands beside the query's other
//! words: its clause becomes a [`Role::Run`] whose alternatives are the runs it makes
//! with the plain word before it and the plain word after it (`sea of`, `of japan`); in
//! an article, `Sea of Japan` is then one match. Consecutive common words go together
//! (`sea of the japan`: `sea of the`, `of the japan`). A common word with no plain word
//! beside it (`"moon jae-in" of`) is left out, and the query says so
//! ([`Query::dropped`]).
//!
//! A plain word: an unquoted word of one term, positive, no field, no `*` or `~`, not OR'd.
//! The rule applies only when the query has a positive clause that is not a common word
//! nor a filter; alone, or among filters, common words are searched as typed (`of`).

use super::{Clause, Leaf, Query, Role, Term};
use crate::lang::is_stop;

/// The clause's one plain word, if it is one.
fn plain(clause: &Clause) -> Option<&Term> {
    match clause.alternatives.as_slice() {
        [leaf] if !clause.negated && clause.role == Role::Match => match leaf.terms.as_slice() {
            [term] if leaf.field.is_none() && !leaf.exact && !term.prefix && !term.fuzzy => {
                Some(term)
            }
            _ => None,
        },
        _ => None,
    }
}

fn is_common(clause: &Clause) -> bool {
    plain(clause).is_some_and(|t| is_stop(&t.text))
}

/// Rewrites the common words of `query` as above.
pub fn in_runs(query: &mut Query) {
    let other = |c: &Clause| !c.negated && c.role == Role::Match && !is_common(c);
    if !query.clauses.iter().any(is_common) || !query.clauses.iter().any(other) {
        return;
    }
    let old = std::mem::take(&mut query.clauses);
    let word = |i: Option<usize>| {
        i.and_then(|i| old.get(i))
            .filter(|c| !is_common(c))
            .and_then(plain)
            .cloned()
    };
    let mut i = 0;
    while let Some(clause) = old.get(i) {
        if !is_common(clause) {
            query.clauses.push(clause.clone());
            i += 1;
            continue;
        }
        let run_end = i + old
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| is_common(c))
            .count();
        let commons: Vec<Term> = old
            .get(i..run_end)
            .unwrap_or(&[])
            .iter()
            .filter_map(plain)
            .map(|t| Term {
                open: false,
                ..t.clone()
            })
            .collect();
        let before = word(i.checked_sub(1));
        let after = word(Some(run_end));
        let phrase = |terms: Vec<Term>| Leaf {
            field: None,
            terms,
            exact: false,
        };
        let mut alternatives = Vec::new();
        if let Some(b) = before {
            alternatives.push(phrase(std::iter::once(b).chain(commons.clone()).collect()));
        }
        if let Some(a) = after {
            alternatives.push(phrase(commons.iter().cloned().chain([a]).collect()));
        }
        let start = clause.source.start;
        let end = old
            .get(run_end - 1)
            .map_or(clause.source.end, |c| c.source.end);
        if alternatives.is_empty() {
            for c in old.get(i..run_end).unwrap_or(&[]) {
                let typed = query.text.get(c.source.clone()).unwrap_or("");
                query.dropped.push(typed.to_owned());
            }
        } else {
            query.clauses.push(Clause {
                negated: false,
                source: start..end,
                alternatives,
                role: Role::Run,
            });
        }
        i = run_end;
    }
}
