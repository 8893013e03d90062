//! The oracle: the query's meaning evaluated by scanning every field's tokens, with no
//! index, no postings and no merging tricks — slow and obviously right.
//!
//! An unquoted word matches a token that is it, or has its stem in the article's language
//! (rust-stemmers called here directly; the language is the engine's detection, tested on
//! its own); a word that matches no token of the corpus that way matches the tokens within
//! 1 or 2 edits instead.

use article_explorer::article::{FieldAddr, Kind, Part};
use article_explorer::query::{self, FieldFilter, Leaf, Query, Role, Term};
use article_explorer::text::lang::Lang;
use article_explorer::text::token::{possessive_stem, tokenize, Token};
use article_explorer::{span, Corpus, Span};
use rust_stemmers::{Algorithm, Stemmer};

/// Per matching article (in corpus order): its fields with their merged spans.
pub type Answer = Vec<(u32, Vec<(FieldAddr, Vec<Span>)>)>;

/// An article's fields with their tokens.
type Fields = Vec<(FieldAddr, Kind, Vec<Token>)>;

pub fn search(corpus: &Corpus, input: &str) -> Answer {
    answer(corpus, &query::parse(input))
}

/// The same for a query the reader is still typing: its open word (`Term::open`) also
/// matches the tokens it begins.
pub fn search_typing(corpus: &Corpus, input: &str) -> Answer {
    answer(corpus, &query::parse_typing(input))
}

/// A parsed query's answer. The parser's reading is taken as given (it has its own
/// tests: common words left out, filters): a filter clause must match and marks nothing.
fn answer(corpus: &Corpus, query: &Query) -> Answer {
    let query = query.clone();
    // Every article's language and fields' tokens.
    let all: Vec<(Lang, Fields)> = corpus
        .articles()
        .iter()
        .enumerate()
        .map(|(a, article)| {
            let fields = article
                .fields()
                .map(|f| (f.addr, f.kind, tokenize(f.text)))
                .collect();
            (corpus.index().lang(a as u32), fields)
        })
        .collect();
    // The unquoted words the corpus has in no form: they match by edit distance.
    let mut fuzzy: Vec<String> = Vec::new();
    for leaf in query.clauses.iter().flat_map(|c| &c.alternatives) {
        for term in &leaf.terms {
            let loose = !leaf.exact && !term.prefix && !term.fuzzy;
            let anywhere = all.iter().any(|(lang, fields)| {
                fields.iter().flat_map(|(_, _, tokens)| tokens).any(|t| {
                    word_matches(&term.text, t, *lang, false)
                        || (term.open && begins(&term.text, t))
                })
            });
            if loose && !anywhere {
                fuzzy.push(term.text.clone());
            }
        }
    }
    let mut answer = Vec::new();
    for (a, (lang, fields)) in all.iter().enumerate() {
        let lang = *lang;
        let occurs = |leaf: &Leaf| -> Vec<(FieldAddr, Span)> {
            let mut out = Vec::new();
            for (addr, kind, tokens) in fields {
                if !allowed(&query, leaf, *kind, addr.part) {
                    continue;
                }
                for i in 0..tokens.len() {
                    let n = leaf.terms.len();
                    if i + n <= tokens.len()
                        && leaf.terms.iter().enumerate().all(|(k, term)| {
                            let how = if fuzzy.contains(&term.text) && !leaf.exact && !term.prefix {
                                How::Fuzzy
                            } else if leaf.exact || term.prefix || term.fuzzy {
                                How::AsTyped
                            } else {
                                How::Loose(lang)
                            };
                            term_matches(term, how, &tokens[i + k], k == 0)
                        })
                    {
                        out.push((
                            *addr,
                            Span::new(tokens[i].span.start, tokens[i + n - 1].span.end),
                        ));
                    }
                }
            }
            out
        };
        let mut positives = 0;
        let mut ok = true;
        let mut marks: Vec<(FieldAddr, Span)> = Vec::new();
        for clause in &query.clauses {
            let found: Vec<(FieldAddr, Span)> =
                clause.alternatives.iter().flat_map(&occurs).collect();
            match (clause.negated, clause.role) {
                (true, _) => ok &= found.is_empty(),
                (false, role) => {
                    positives += 1;
                    ok &= !found.is_empty();
                    if role == Role::Match {
                        marks.extend(found);
                    }
                }
            }
        }
        if positives == 0 && query.scope.is_some() {
            ok &= fields.iter().any(|(_, kind, _)| query.in_scope(*kind));
        }
        if !ok {
            continue;
        }
        let mut by_field: Vec<(FieldAddr, Vec<Span>)> = Vec::new();
        for (addr, _, _) in fields {
            let mut spans: Vec<Span> = marks
                .iter()
                .filter(|(a, _)| a == addr)
                .map(|(_, s)| *s)
                .collect();
            span::merge(&mut spans);
            if !spans.is_empty() {
                by_field.push((*addr, spans));
            }
        }
        answer.push((a as u32, by_field));
    }
    answer
}

fn allowed(query: &Query, leaf: &Leaf, kind: Kind, part: Part) -> bool {
    let by_filter = match leaf.field {
        None => true,
        Some(FieldFilter::Title) => kind == Kind::Title,
        Some(FieldFilter::Author) => kind == Kind::Card && part == Part::Author,
    };
    by_filter && query.in_scope(kind)
}

/// How a term is matched: as typed (quoted, `*`, `~`), as typed or by stem in the
/// article's language, or by edit distance (a word the corpus has in no form).
#[derive(Clone, Copy)]
enum How {
    AsTyped,
    Loose(Lang),
    Fuzzy,
}

/// Whether `token` is `word` (or its possessive), or, when `stemmed`, has its stem in
/// `lang`.
fn word_matches(word: &str, token: &Token, lang: Lang, exact: bool) -> bool {
    let forms = std::iter::once(token.term.as_str()).chain(possessive_stem(&token.term));
    forms.collect::<Vec<_>>().into_iter().any(|f| {
        f == word || (!exact && stem(lang, f).is_some_and(|s| Some(s) == stem(lang, word)))
    })
}

/// The Snowball stem, for words written in the language's alphabet only.
fn stem(lang: Lang, word: &str) -> Option<String> {
    let algorithm = match lang {
        Lang::English
            if word.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'')
                && word.bytes().any(|b| b.is_ascii_lowercase()) =>
        {
            Algorithm::English
        }
        Lang::Russian
            if !word.is_empty() && word.chars().all(|c| ('а'..='я').contains(&c) || c == 'ё') =>
        {
            Algorithm::Russian
        }
        _ => return None,
    };
    Some(Stemmer::create(algorithm).stem(word).into_owned())
}

fn term_matches(term: &Term, how: How, token: &Token, first: bool) -> bool {
    let forms = std::iter::once(token.term.as_str()).chain(possessive_stem(&token.term));
    let mut forms = forms.collect::<Vec<_>>().into_iter();
    let word = if term.prefix {
        forms.any(|f| f.starts_with(&term.text))
    } else if let How::Loose(lang) = how {
        word_matches(&term.text, token, lang, false) || (term.open && begins(&term.text, token))
    } else if term.fuzzy || matches!(how, How::Fuzzy) {
        // `word~`: within 1 edit (words of 4–7 letters), 2 (8 or more), else exact.
        let k = match term.text.chars().count() {
            0..=3 => 0,
            4..=7 => 1,
            _ => 2,
        };
        forms.any(|f| levenshtein(f, &term.text) <= k)
    } else {
        forms.any(|f| f == term.text)
    };
    word && (first || !term.joined || token.joined)
}

/// Whether `token` (or its possessive's stem) begins with `prefix`.
fn begins(prefix: &str, token: &Token) -> bool {
    std::iter::once(token.term.as_str())
        .chain(possessive_stem(&token.term))
        .any(|f| f.starts_with(prefix))
}

/// The textbook edit distance (Levenshtein, over chars), whole table.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut row = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            row.push(
                (prev[j] + usize::from(ca != cb))
                    .min(prev[j + 1] + 1)
                    .min(row[j] + 1),
            );
        }
        prev = row;
    }
    prev[b.len()]
}

/// The index's answer to a query being typed, in the same shape.
pub fn indexed_typing(corpus: &Corpus, input: &str) -> Answer {
    let mut hits = corpus.hits_typing(input);
    let mut out: Answer = hits
        .rows(0, hits.len())
        .into_iter()
        .map(|r| {
            let fields = corpus.hit_fields(&hits, r.article);
            (
                r.article,
                fields.into_iter().map(|f| (f.addr, f.spans)).collect(),
            )
        })
        .collect();
    out.sort_by_key(|(a, _)| *a);
    out
}

/// The index's answer in the same shape.
pub fn indexed(corpus: &Corpus, input: &str) -> Answer {
    let mut hits: Answer = corpus
        .search(input)
        .articles
        .into_iter()
        .map(|h| {
            (
                h.article,
                h.fields.into_iter().map(|f| (f.addr, f.spans)).collect(),
            )
        })
        .collect();
    hits.sort_by_key(|(a, _)| *a);
    hits
}
