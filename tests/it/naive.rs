//! The oracle: the query's meaning evaluated by scanning every field's tokens, with no
//! index, no postings and no merging tricks — slow and obviously right.

use article_explorer::article::{FieldAddr, Kind, Part};
use article_explorer::query::{self, FieldFilter, Leaf, Query, Term};
use article_explorer::token::{possessive_stem, tokenize, Token};
use article_explorer::{span, Corpus, Span};

/// Per matching article (in corpus order): its fields with their merged spans.
pub type Answer = Vec<(u32, Vec<(FieldAddr, Vec<Span>)>)>;

pub fn search(corpus: &Corpus, input: &str) -> Answer {
    let query = query::parse(input);
    let mut answer = Vec::new();
    for (a, article) in corpus.articles().iter().enumerate() {
        let fields: Vec<(FieldAddr, Kind, Vec<Token>)> = article
            .fields()
            .map(|f| (f.addr, f.kind, tokenize(f.text)))
            .collect();
        let occurs = |leaf: &Leaf| -> Vec<(FieldAddr, Span)> {
            let mut out = Vec::new();
            for (addr, kind, tokens) in &fields {
                if !allowed(&query, leaf, *kind, addr.part) {
                    continue;
                }
                for i in 0..tokens.len() {
                    let n = leaf.terms.len();
                    if i + n <= tokens.len()
                        && leaf
                            .terms
                            .iter()
                            .enumerate()
                            .all(|(k, term)| term_matches(term, &tokens[i + k], k == 0))
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
            if clause.negated {
                ok &= found.is_empty();
            } else {
                positives += 1;
                ok &= !found.is_empty();
                marks.extend(found);
            }
        }
        if positives == 0 && query.scope.is_some() {
            ok &= fields.iter().any(|(_, kind, _)| query.in_scope(*kind));
        }
        if !ok {
            continue;
        }
        let mut by_field: Vec<(FieldAddr, Vec<Span>)> = Vec::new();
        for (addr, _, _) in &fields {
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

fn term_matches(term: &Term, token: &Token, first: bool) -> bool {
    let forms = std::iter::once(token.term.as_str()).chain(possessive_stem(&token.term));
    let mut forms = forms.collect::<Vec<_>>().into_iter();
    let word = if term.prefix {
        forms.any(|f| f.starts_with(&term.text))
    } else if term.fuzzy {
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
