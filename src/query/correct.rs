//! "Did you mean": for a query that finds nothing, the same query with its misspelt words
//! corrected, offered when that finds something.
//!
//! A word is misspelt when the index has no such term (and, unquoted, no other form of
//! it): its correction is the nearest term ([`crate::query::fuzzy::nearest`]: within one edit
//! more than typo tolerance allows, the fewest edits, then the most widespread). A word of
//! one letter is not corrected: every term of one or two letters is one edit from it, so
//! the "correction" would be whichever is commonest (`q` → `a`). Each
//! misspelt word is replaced where it was typed, its first letter as typed; the
//! corrected query is run, and offered only if it finds an article.

use crate::article::Article;
use crate::index::Index;
use crate::query::fuzzy;
use crate::query::{self, Query};
use crate::text::lang::Lang;
use crate::text::token::for_each_token;
use serde::Serialize;

/// A corrected query and what it finds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Correction {
    /// The query with its misspelt words replaced, as the reader would type it.
    pub query: String,
    /// How many articles it finds (at least 1).
    pub articles: u32,
}

/// The correction of `query` (which found nothing), if one finds something.
pub fn correct(index: &Index, articles: &[Article], query: &Query) -> Option<Correction> {
    // Misspelt word → its correction (folded terms).
    let mut fixes: Vec<(&str, &str)> = Vec::new();
    for clause in query.clauses.iter().filter(|c| !c.negated) {
        for leaf in &clause.alternatives {
            for term in leaf.terms.iter().filter(|t| !t.prefix) {
                let known = index.find(&term.text).is_some()
                    || (term.open && !index.prefix_range(&term.text).is_empty())
                    || (!leaf.exact
                        && Lang::STEMMED
                            .iter()
                            .any(|&lang| !index.forms(lang, &term.text).is_empty()));
                let one_letter = term.text.chars().nth(1).is_none();
                if known || one_letter || fixes.iter().any(|(w, _)| *w == term.text) {
                    continue;
                }
                if let Some(t) = fuzzy::nearest(index, &term.text) {
                    fixes.push((&term.text, index.term(t)));
                }
            }
        }
    }
    if fixes.is_empty() {
        return None;
    }
    let text = &query.text;
    let mut corrected = String::with_capacity(text.len());
    let mut at = 0;
    for_each_token(text, |token| {
        let Some((_, fix)) = fixes.iter().find(|(w, _)| *w == token.term) else {
            return;
        };
        let (start, end) = (token.span.start as usize, token.span.end as usize);
        corrected.push_str(text.get(at..start).unwrap_or(""));
        // The typed first letter kept when the correction begins with it (its case, its
        // accent): `Koera` → `Korea`. No case tables: the fold says it is the same letter.
        let typed = text.get(start..end).unwrap_or("");
        let mut first = typed.chars();
        let kept = first.next().and_then(|c| {
            let folded = crate::text::fold::fold(c.encode_utf8(&mut [0; 4]));
            Some((c, fix.strip_prefix(folded.as_str())?))
        });
        match kept {
            Some((c, rest)) => {
                corrected.push(c);
                corrected.push_str(rest);
            }
            None => corrected.push_str(fix),
        }
        at = end;
    });
    corrected.push_str(text.get(at..).unwrap_or(""));
    let found = query::evaluate(index, articles, &query::parse(&corrected))
        .articles
        .len();
    (found > 0).then(|| Correction {
        query: corrected,
        articles: u32::try_from(found).unwrap_or(u32::MAX),
    })
}
