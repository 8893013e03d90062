//! The query parser: text → [`Query`]. Total: every input gives a query.

use super::{Clause, FieldFilter, Leaf, Query, Term};
use crate::article::Kind;
use crate::token::for_each_token;

/// Queries are cut to this many characters.
pub const MAX_QUERY_CHARS: usize = 1000;

/// What the lexer finds.
enum Item {
    Or,
    Not,
    Scope { kind: Kind, negated: bool },
    Leaf { negated: bool, leaf: Leaf },
}

/// Parses a query. Never fails; see the module docs of [`crate::query`].
pub fn parse(input: &str) -> Query {
    let (text, cut) = match input.char_indices().nth(MAX_QUERY_CHARS) {
        Some((at, _)) => (input.get(..at).unwrap_or(input), true),
        None => (input, false),
    };
    let mut query = Query {
        text: text.to_owned(),
        cut,
        ..Query::default()
    };
    let mut included: Vec<Kind> = Vec::new();
    let mut excluded: Vec<Kind> = Vec::new();
    let mut pending_or = false;
    let mut pending_not = false;
    for item in lex(text) {
        match item {
            Item::Or => pending_or = !query.clauses.is_empty(),
            Item::Not => pending_not = true,
            Item::Scope { kind, negated } => {
                let list = if negated ^ pending_not {
                    &mut excluded
                } else {
                    &mut included
                };
                list.push(kind);
                pending_not = false;
            }
            Item::Leaf { negated, leaf } => {
                let negated = negated ^ pending_not;
                match query.clauses.last_mut() {
                    Some(last) if pending_or && !negated && !last.negated => {
                        last.alternatives.push(leaf);
                    }
                    _ => query.clauses.push(Clause {
                        negated,
                        alternatives: vec![leaf],
                    }),
                }
                pending_or = false;
                pending_not = false;
            }
        }
    }
    if !included.is_empty() || !excluded.is_empty() {
        let base: Vec<Kind> = if included.is_empty() {
            Kind::ALL.to_vec()
        } else {
            included
        };
        query.scope = Some(base.into_iter().filter(|k| !excluded.contains(k)).collect());
    }
    query
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{201e}')
}

/// Splits the query into items. Unbalanced quotes are ignored; words that name no
/// operator and hold no word character (a lone `-`, a stray `*`) vanish.
fn lex(text: &str) -> Vec<Item> {
    let mut items = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let unsigned = rest.trim_start_matches('-');
        let negated = unsigned.len() != rest.len();
        rest = unsigned;

        let (prefix, after) = field_prefix(rest);
        rest = after;

        let mut chars = rest.chars();
        let (body, quoted) = match chars.next() {
            Some(q) if is_quote(q) => {
                let inner = chars.as_str();
                match inner.find(is_quote) {
                    Some(close) => {
                        let body = inner.get(..close).unwrap_or("");
                        rest = inner.get(close..).map_or("", |s| {
                            s.char_indices()
                                .nth(1)
                                .map_or("", |(i, _)| s.get(i..).unwrap_or(""))
                        });
                        (body, true)
                    }
                    None => {
                        // Unbalanced: the quote is ignored, the words read as bare words.
                        rest = inner;
                        continue;
                    }
                }
            }
            _ => {
                let end = rest
                    .find(|c: char| c.is_whitespace() || is_quote(c))
                    .unwrap_or(rest.len());
                let body = rest.get(..end).unwrap_or("");
                rest = rest.get(end..).unwrap_or("");
                (body, false)
            }
        };
        if let Some(item) = item(negated, prefix, body, quoted) {
            items.push(item);
        }
    }
    items
}

#[derive(Clone, Copy)]
enum Prefix {
    Field(FieldFilter),
    In,
}

/// A `title:`, `author:` or `in:` prefix (any case) and what follows it.
fn field_prefix(text: &str) -> (Option<Prefix>, &str) {
    for (name, prefix) in [
        ("title:", Prefix::Field(FieldFilter::Title)),
        ("author:", Prefix::Field(FieldFilter::Author)),
        ("in:", Prefix::In),
    ] {
        if let (Some(head), Some(tail)) = (text.get(..name.len()), text.get(name.len()..)) {
            if head.eq_ignore_ascii_case(name) {
                return (Some(prefix), tail);
            }
        }
    }
    (None, text)
}

fn item(negated: bool, prefix: Option<Prefix>, body: &str, quoted: bool) -> Option<Item> {
    if !quoted && !negated {
        match (prefix, body) {
            (None, "OR" | "|") => return Some(Item::Or),
            (None, "AND" | "&") => return None,
            (None, "NOT") => return Some(Item::Not),
            _ => {}
        }
    }
    let field = match prefix {
        Some(Prefix::In) if body.is_empty() => return None,
        Some(Prefix::In) => {
            let kind = Kind::ALL
                .into_iter()
                .find(|k| k.name().eq_ignore_ascii_case(body.trim()));
            return match kind {
                Some(kind) => Some(Item::Scope { kind, negated }),
                // Not a kind: the whole thing is read literally.
                None => leaf(negated, None, &format!("in:{body}")),
            };
        }
        Some(Prefix::Field(f)) => Some(f),
        None => None,
    };
    leaf(negated, field, body)
}

fn leaf(negated: bool, field: Option<FieldFilter>, body: &str) -> Option<Item> {
    let terms = terms(body);
    (!terms.is_empty()).then_some(Item::Leaf {
        negated,
        leaf: Leaf { field, terms },
    })
}

/// The terms of a word or phrase, tokenized as the articles are; a word ending in `*`
/// makes its last term a prefix.
pub(crate) fn terms(body: &str) -> Vec<Term> {
    let mut terms = Vec::new();
    for word in body.split_whitespace() {
        let stem = word.trim_end_matches('*');
        let prefix = stem.len() != word.len();
        let first = terms.len();
        for_each_token(stem, |token| {
            terms.push(Term {
                text: token.term,
                prefix: false,
                joined: token.joined,
            });
        });
        if prefix && terms.len() > first {
            if let Some(last) = terms.last_mut() {
                last.prefix = true;
            }
        }
    }
    terms
}
