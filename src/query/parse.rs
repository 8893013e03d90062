//! The query parser: text → [`Query`]. Total: every input gives a query.

use super::{Clause, FieldFilter, Leaf, Query, Role, Term};
use crate::article::{Collection, Kind};
use crate::text::token::for_each_token;

/// Queries are cut to this many characters.
pub const MAX_QUERY_CHARS: usize = 1000;

/// What the lexer finds.
enum Item {
    Or,
    Not,
    Scope { kind: Kind, negated: bool },
    Collection { collection: Collection, negated: bool },
    Leaf { negated: bool, leaf: Leaf },
}

/// Parses a query. Never fails; see the module docs of [`crate::query`].
pub fn parse(input: &str) -> Query {
    parse_as(input, false)
}

/// Parses a query the reader is still typing: its last word, unless a space follows it,
/// is [`Term::open`] — when it is unquoted, not negated, not a prefix (`*`) or fuzzy
/// (`~`) already, not a common word, and three letters or more: in a large archive a
/// shorter prefix begins nearly every article's words (`co` at 10,000 articles: 504,800
/// matches in all of them), which says nothing and cost the page a 59 ms task.
#[cfg(any(test, feature = "internals"))]
pub fn parse_typing(input: &str) -> Query {
    parse_as(input, true)
}

/// [`parse`] or, `typing`, [`parse_typing`].
pub fn parse_as(input: &str, typing: bool) -> Query {
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
    let mut collections: Vec<Collection> = Vec::new();
    let mut not_collections: Vec<Collection> = Vec::new();
    let mut pending_or = false;
    let mut pending_not: Option<usize> = None;
    for (item, source) in lex(text) {
        match item {
            Item::Or => pending_or = !query.clauses.is_empty(),
            Item::Not => pending_not = Some(source.start),
            Item::Collection {
                collection,
                negated,
            } => {
                if negated ^ pending_not.is_some() {
                    not_collections.push(collection);
                } else {
                    collections.push(collection);
                }
                pending_not = None;
            }
            Item::Scope { kind, negated } => {
                let list = if negated ^ pending_not.is_some() {
                    &mut excluded
                } else {
                    &mut included
                };
                list.push(kind);
                pending_not = None;
            }
            Item::Leaf { negated, leaf } => {
                let negated = negated ^ pending_not.is_some();
                let start = pending_not.unwrap_or(source.start);
                match query.clauses.last_mut() {
                    Some(last) if pending_or && !negated && !last.negated => {
                        last.alternatives.push(leaf);
                        last.source.end = source.end;
                    }
                    _ => query.clauses.push(Clause {
                        negated,
                        source: start..source.end,
                        alternatives: vec![leaf],
                        role: Role::Match,
                    }),
                }
                pending_or = false;
                pending_not = None;
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
    if !collections.is_empty() || !not_collections.is_empty() {
        let base = if collections.is_empty() {
            Collection::ALL.to_vec()
        } else {
            collections
        };
        let mut kept: Vec<Collection> = Vec::new();
        for c in base {
            if !not_collections.contains(&c) && !kept.contains(&c) {
                kept.push(c);
            }
        }
        query.collections = Some(kept);
    }
    for clause in &mut query.clauses {
        let author = |l: &Leaf| l.field == Some(FieldFilter::Author);
        if !clause.negated && clause.alternatives.iter().all(author) {
            clause.role = Role::Filter;
        }
    }
    drop_repeats(&mut query);
    if typing {
        open_last(&mut query);
    }
    super::stop::leave_out(&mut query);
    query
}

/// A clause the query already has (the same words, read the same way, with the same
/// sign) adds nothing: `a a a` means `a`, and so does `a OR a`. The first is kept. (Each
/// copy cost its own evaluation and decoding of the word's positions for the marks: 500
/// copies of a word on a megabyte of it took 77 s natively.)
#[inline(never)]
fn drop_repeats(query: &mut Query) {
    for clause in &mut query.clauses {
        drop_later_equals(&mut clause.alternatives, |a, b| a == b);
    }
    drop_later_equals(&mut query.clauses, |a, b| {
        a.negated == b.negated && a.role == b.role && a.alternatives == b.alternatives
    });
}

/// Removes each item `same` as one before it, in place (a query has a few dozen).
fn drop_later_equals<T>(items: &mut Vec<T>, same: impl Fn(&T, &T) -> bool) {
    let mut i = 1;
    while i < items.len() {
        let repeat = match items.split_at_checked(i) {
            Some((before, [item, ..])) => before.iter().any(|b| same(b, item)),
            _ => false,
        };
        if repeat {
            items.remove(i);
        } else {
            i += 1;
        }
    }
}

/// Marks the query's last word open (see [`parse_typing`]).
fn open_last(query: &mut Query) {
    let end = query.text.len();
    let Some(clause) = query.clauses.last_mut() else {
        return;
    };
    if clause.negated || clause.source.end != end {
        return;
    }
    let Some(leaf) = clause.alternatives.last_mut() else {
        return;
    };
    if leaf.exact {
        return;
    }
    if let Some(term) = leaf.terms.last_mut() {
        let letters = term.text.chars().count();
        if !term.prefix && !term.fuzzy && letters >= 3 && !crate::text::lang::is_stop(&term.text) {
            term.open = true;
        }
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{201e}')
}

/// Splits the query into items. Unbalanced quotes are ignored; words that name no
/// operator and hold no word character (a lone `-`, a stray `*`) vanish.
fn lex(text: &str) -> Vec<(Item, std::ops::Range<usize>)> {
    let mut items = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let start = text.len() - rest.len();
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
            items.push((item, start..text.len() - rest.len()));
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
            let name = body.trim();
            if let Some(collection) = Collection::ALL
                .into_iter()
                .find(|c| c.name().eq_ignore_ascii_case(name))
            {
                return Some(Item::Collection {
                    collection,
                    negated,
                });
            }
            let kind = Kind::ALL
                .into_iter()
                .find(|k| k.name().eq_ignore_ascii_case(name));
            return match kind {
                Some(kind) => Some(Item::Scope { kind, negated }),
                // Not a kind: the whole thing is read literally.
                None => leaf(negated, None, &format!("in:{body}"), quoted),
            };
        }
        Some(Prefix::Field(f)) => Some(f),
        None => None,
    };
    leaf(negated, field, body, quoted)
}

fn leaf(negated: bool, field: Option<FieldFilter>, body: &str, quoted: bool) -> Option<Item> {
    let terms = terms(body);
    (!terms.is_empty()).then_some(Item::Leaf {
        negated,
        leaf: Leaf {
            field,
            terms,
            exact: quoted,
        },
    })
}

/// The terms of a word or phrase, tokenized as the articles are; a word ending in `*`
/// makes its last term a prefix, one ending in `~` (and no `*`) a fuzzy term.
pub(crate) fn terms(body: &str) -> Vec<Term> {
    let mut terms = Vec::new();
    for word in body.split_whitespace() {
        let untilded = word.trim_end_matches('~');
        let stem = untilded.trim_end_matches('*');
        let prefix = stem.len() != untilded.len();
        let fuzzy = !prefix && untilded.len() != word.len();
        let first = terms.len();
        for_each_token(stem, |token| {
            terms.push(Term {
                text: token.term.to_owned(),
                prefix: false,
                fuzzy: false,
                joined: token.joined,
                open: false,
            });
        });
        if terms.len() > first {
            if let Some(last) = terms.last_mut() {
                last.prefix = prefix;
                last.fuzzy = fuzzy;
            }
        }
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A compact rendering: clauses separated by spaces, `-` for negated, `|` between
    /// alternatives, `title:`/`author:` filters, terms joined by `_` (`+` before a joined
    /// term, `*` after a prefix), then `in:[kinds]`.
    fn show(q: &Query) -> String {
        let mut parts: Vec<String> = q
            .clauses
            .iter()
            .map(|c| {
                let alts: Vec<String> = c
                    .alternatives
                    .iter()
                    .map(|leaf| {
                        let filter = match leaf.field {
                            Some(FieldFilter::Title) => "title:",
                            Some(FieldFilter::Author) => "author:",
                            None => "",
                        };
                        let terms: Vec<String> = leaf
                            .terms
                            .iter()
                            .map(|t| {
                                format!(
                                    "{}{}{}",
                                    if t.joined { "+" } else { "" },
                                    t.text,
                                    if t.prefix {
                                        "*"
                                    } else if t.fuzzy {
                                        "~"
                                    } else if t.open {
                                        "…"
                                    } else {
                                        ""
                                    }
                                )
                            })
                            .collect();
                        let quote = if leaf.exact { "\"" } else { "" };
                        format!("{filter}{quote}{}{quote}", terms.join("_"))
                    })
                    .collect();
                let alts = alts.join("|");
                match c.role {
                    Role::Match => format!("{}{alts}", if c.negated { "-" } else { "" }),
                    Role::Filter => format!("filter({alts})"),
                }
            })
            .collect();
        if let Some(scope) = &q.scope {
            let kinds: Vec<&str> = scope.iter().map(|k| k.name()).collect();
            parts.push(format!("in:[{}]", kinds.join(",")));
        }
        if let Some(collections) = &q.collections {
            let names: Vec<&str> = collections.iter().map(|c| c.name()).collect();
            parts.push(format!("in:{{{}}}", names.join(",")));
        }
        if !q.dropped.is_empty() {
            parts.push(format!("dropped:[{}]", q.dropped.join(",")));
        }
        parts.join(" ")
    }

    #[track_caller]
    fn check(input: &str, expected: &str) {
        assert_eq!(show(&parse(input)), expected, "parse({input:?})");
    }

    #[test]
    fn words_phrases_and_operators() {
        check("", "");
        check("Seoul", "seoul");
        check("Seoul  Moscow", "seoul moscow");
        check("\"Moon Jae-in\"", "\"moon_jae_+in\"");
        check("“Republic of Korea”", "\"republic_of_korea\"");
        check("Jae-Young", "jae_+young");
        check("-Japan", "-japan");
        check("--Japan", "-japan");
        check("NOT Japan", "-japan");
        check("Toloraya OR Lee", "toloraya|lee");
        check("a OR b OR c d", "a|b|c d");
        check("a | b", "a|b");
        check("a AND b", "b dropped:[a]");
        check("a OR -b", "a -b");
        check("cooperat*", "cooperat*");
        check("Pyongyng~", "pyongyng~");
        check("\"republik~ of korea\"", "\"republik~_of_korea\"");
        check("coop*~ ~ ~~", "coop*");
        check("jae-yung~", "jae_+yung~");
        check("\"moon jae*\"", "\"moon_jae*\"");
        check("北京", "北_京");
        check("Café ЁЛКА", "cafe елка");
    }

    #[test]
    fn a_repeated_clause_is_one() {
        check("sea sea sea", "sea");
        check("sea tide sea tide", "sea tide");
        check("sea OR sea OR tide", "sea|tide");
        check("\"sea sea\" \"sea sea\" sea", "\"sea_sea\" sea");
        // Read another way, it is another clause.
        check(
            "sea -sea \"sea\" sea~ sea* title:sea",
            "sea -sea \"sea\" sea~ sea* title:sea",
        );
        check("author:Lee author:Lee Lee", "filter(author:lee) lee");
        // The common words of a query of one word repeated are that word.
        check("the the the", "the");
    }

    #[test]
    fn filters() {
        check("author:Toloraya", "filter(author:toloraya)");
        check("author:Lee OR Toloraya", "author:lee|toloraya");
        check("Title:\"Russian-South\"", "title:\"russian_+south\"");
        check("-title:x", "-title:x");
        check("-author:x", "-author:x");
        check("in:card Seoul", "seoul in:[card]");
        check("IN:Card", "in:[card]");
        check("in:title in:lede Korea", "korea in:[title,lede]");
        check(
            "-in:paragraph Seoul",
            "seoul in:[title,lede,heading,card,disclaimer]",
        );
        check("in:nowhere", "in:nowhere");
        // Whose articles: the site's or the reader's own.
        check("in:mine Seoul", "seoul in:{mine}");
        check("Seoul IN:Site", "seoul in:{site}");
        check("-in:mine Seoul", "seoul in:{site}");
        check("NOT in:site", "in:{mine}");
        check("in:mine in:site", "in:{mine,site}");
        check("in:mine -in:mine", "in:{}");
        check("in:card in:mine", "in:[card] in:{mine}");
        check("\"in:mine\"", "\"in:mine\""); // a phrase: the word as written
        check("title: Seoul", "seoul");
        check("in:", "");
    }

    #[test]
    fn nothing_is_an_error() {
        check("-", "");
        check("*", "");
        check("OR", "");
        check("OR a OR", "a");
        check("NOT", "");
        check("\"", "");
        check("\"\"", "");
        check("\"Seoul", "seoul");
        check("Moon \"Jae-in", "moon jae_+in");
        check("a\"b\"c", "\"b\" c dropped:[a]");
        check("- * ? !", "");
        check("<script>alert(1)</script>", "script_alert_1_script");
    }

    #[test]
    fn common_words_beside_others_are_left_out() {
        check("of", "of");
        check("of the", "of the");
        check("a a sea a", "sea dropped:[a]");
        check("sea of japan", "sea japan dropped:[of]");
        check("Sea of the Japan", "sea japan dropped:[of,the]");
        check("the sea", "sea dropped:[the]");
        check("sea of", "sea dropped:[of]");
        check("\"sea of japan\"", "\"sea_of_japan\"");
        check("\"sea\" of japan", "\"sea\" japan dropped:[of]");
        check("\"moon jae-in\" of", "\"moon_jae_+in\" dropped:[of]");
        check("sea -of", "sea -of");
        check("sea OR of japan", "sea|of japan");
        check("author:lee of", "filter(author:lee) of");
        check("title:sea of japan", "title:sea japan dropped:[of]");
        check("Korea's of", "korea's dropped:[of]");
        check(
            "сотрудничество и развитие",
            "сотрудничество развитие dropped:[и]",
        );
    }

    #[track_caller]
    fn check_typing(input: &str, expected: &str) {
        assert_eq!(
            show(&parse_typing(input)),
            expected,
            "parse_typing({input:?})"
        );
    }

    #[test]
    fn the_last_word_typed_is_open() {
        check_typing("sanc", "sanc…");
        check_typing("sanc ", "sanc");
        check_typing("s", "s");
        check_typing("sa", "sa");
        check_typing("san", "san…");
        check_typing("Seoul sanc", "seoul sanc…");
        check_typing("\"sanc\"", "\"sanc\"");
        check_typing("\"sanc", "sanc…");
        check_typing("-sanc", "-sanc");
        check_typing("sanc*", "sanc*");
        check_typing("sanc~", "sanc~");
        check_typing("title:sanc", "title:sanc…");
        check_typing("jae-you", "jae_+you…");
        check_typing("sea of", "sea dropped:[of]");
        check_typing("sea of japa", "sea japa… dropped:[of]");
        check_typing("a OR sanc", "a|sanc…");
        check_typing("sanc in:card", "sanc in:[card]");
        check_typing("санкц", "санкц…");
    }

    #[test]
    fn clause_sources() {
        let q = parse("  Seoul -\"Moon Jae\" a OR b NOT x in:card");
        let sources: Vec<&str> = q
            .clauses
            .iter()
            .map(|c| &q.text[c.source.clone()])
            .collect();
        assert_eq!(sources, ["Seoul", "-\"Moon Jae\"", "a OR b", "NOT x"]);
    }

    #[test]
    fn long_queries_are_cut() {
        let q = parse(&"a".repeat(1500));
        assert!(q.cut);
        assert_eq!(q.text.len(), MAX_QUERY_CHARS);
        let q = parse(&"ё".repeat(MAX_QUERY_CHARS));
        assert!(!q.cut);
        assert_eq!(q.text.chars().count(), MAX_QUERY_CHARS);
    }
}
