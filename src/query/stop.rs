//! Common words in a query of several words: `sea of japan` is about the sea and Japan,
//! and "of" in every article would drown them (55 matches, nearly all "of"). So a common
//! word ([`crate::lang::is_stop`]) counts only inside a run of the query's other words:
//! its clause becomes a [`Role::Run`], the phrase of the plain word before it, it and the
//! plain word after it (`sea of japan`), or with the one there is at the query's start or
//! end (`the sea`, `sea of`); in an article, `Sea of Japan` is then one match, and the
//! "of" of `Sea of Okhotsk` is no match. Consecutive common words go together (`sea of
//! the japan`). A common word with no plain word beside it (`"moon jae-in" of`) is left
//! out, and the query says so ([`Query::dropped`]).
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
    let common: Vec<bool> = query.clauses.iter().map(is_common).collect();
    let other = query
        .clauses
        .iter()
        .zip(&common)
        .any(|(c, &k)| !k && !c.negated && c.role == Role::Match);
    if !other || !common.contains(&true) {
        return;
    }
    let old = std::mem::take(&mut query.clauses);
    // The plain word of clause `i`, if it is one and not common.
    let word = |i: usize| match (common.get(i), old.get(i).and_then(plain)) {
        (Some(false), Some(t)) => Some(t.clone()),
        _ => None,
    };
    let mut i = 0;
    while let Some(clause) = old.get(i) {
        let mut end = i;
        while common.get(end) == Some(&true) {
            end += 1;
        }
        if end == i {
            query.clauses.push(clause.clone());
            i += 1;
            continue;
        }
        let run = old.get(i..end).unwrap_or(&[]);
        let mut terms: Vec<Term> = Vec::new();
        for t in run.iter().filter_map(plain) {
            terms.push(Term {
                open: false,
                ..t.clone()
            });
        }
        // The run between the words before and after it, or beside the one there is.
        let before = i.checked_sub(1).and_then(word);
        let after = word(end);
        let mut alternatives = Vec::new();
        if before.is_some() || after.is_some() {
            let mut phrase: Vec<Term> = before.into_iter().collect();
            phrase.extend(terms);
            phrase.extend(after);
            alternatives.push(phrase);
        }
        if alternatives.is_empty() {
            for c in run {
                let typed = query.text.get(c.source.clone()).unwrap_or("");
                query.dropped.push(typed.to_owned());
            }
        } else {
            let last = run.last().map_or(clause.source.end, |c| c.source.end);
            query.clauses.push(Clause {
                negated: false,
                source: clause.source.start..last,
                alternatives: alternatives
                    .into_iter()
                    .map(|terms| Leaf {
                        field: None,
                        terms,
                        exact: false,
                    })
                    .collect(),
                role: Role::Run,
            });
        }
        i = end;
    }
}
