//! Common words in a query of several words: `sea of japan` is about the sea and Japan,
//! and "of" in every article would drown them (55 matches on the seed, nearly all "of").
//! So a common word ([`crate::text::lang::is_stop`]) standing as a plain word beside others is
//! left out, and the query says so ([`Query::dropped`]); the ranking still puts the
//! articles where the other words stand close together first, and quoted (`"sea of
//! japan"`) the phrase is found exactly, common words and all.
//!
//! (Counting a common word only inside the run it makes with its neighbours was tried:
//! that phrase needs the text of every article where the neighbours occur, so a link with
//! such a query waited for the whole archive — 20 s at 10,000 articles instead of 0.7 —
//! and a keystroke took 35–90 ms; docs/performance.md.)
//!
//! A plain word: an unquoted word of one term, positive, no field, no `*` or `~`, not OR'd.
//! The rule applies only when the query has a positive clause that is not a common word
//! nor a filter; alone, or among filters, common words are searched as typed (`of`).

use super::{Clause, Query, Role};
use crate::text::lang::is_stop;

/// Whether the clause is one plain common word.
fn is_common(clause: &Clause) -> bool {
    match clause.alternatives.as_slice() {
        [leaf] if !clause.negated && clause.role == Role::Match => match leaf.terms.as_slice() {
            [term] => {
                leaf.field.is_none()
                    && !leaf.exact
                    && !term.prefix
                    && !term.fuzzy
                    && is_stop(&term.text)
            }
            _ => false,
        },
        _ => false,
    }
}

/// Leaves out the common words of `query` as above.
pub fn leave_out(query: &mut Query) {
    let other = |c: &Clause| !c.negated && c.role == Role::Match && !is_common(c);
    if !query.clauses.iter().any(other) {
        return;
    }
    let text = &query.text;
    let dropped = &mut query.dropped;
    query.clauses.retain(|c| {
        let common = is_common(c);
        let typed = text.get(c.source.clone()).unwrap_or("");
        if common && !dropped.iter().any(|d| d == typed) {
            dropped.push(typed.to_owned());
        }
        !common
    });
}
