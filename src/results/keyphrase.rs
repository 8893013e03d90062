//! Keyphrases: what an article, or the whole collection, is about — multi-word names
//! ("Moon Jae-in", "Eastern Economic Forum", "Republic of Korea") and salient words by
//! TF-IDF — for the chips a reader clicks to search them; and the cards' authors, for the
//! authors facet.
//!
//! **Names** are runs of capitalised words in running text (the lede, paragraphs and card
//! teasers: titles and headings capitalise every word), separated by spaces only, with a
//! hyphen-joined part (`Jae-in`) and the connectors `of`, `for`, `de` (`of the`) inside
//! them; at least two capitalised words, a leading stop word (`The`) dropped. **Words**
//! are the terms of every field but the disclaimer and card authors: three letters or
//! more, letters only, not a stop word (`crate::text::lang::is_stop`), a possessive counted as
//! its word.
//!
//! Scores: a word `(1 + ln tf) · idf`, with `idf = ln(1 + N / df)` from the index; a name
//! `(1 + ln tf) · mean idf of its words · 2` (a name says more than any of its words).
//! An article's keyphrases are its best [`PER_ARTICLE`], a word left out when one of the
//! best names holds it. The collection's are its best [`PER_COLLECTION`], each candidate's
//! `1 + ln tf` summed over the articles (see [`of_collection`]).

use crate::article::{Article, Kind, Part};
use crate::index::text::ArticleText;
use crate::index::Index;
use crate::text::fold::fold;
use crate::text::lang::is_stop;
use crate::text::token::{for_each_token, possessive_stem};
use serde::Serialize;

/// Keyphrases shown per article.
pub const PER_ARTICLE: usize = 8;
/// Keyphrases shown for the collection.
pub const PER_COLLECTION: usize = 12;
/// The paragraphs of each article the collection's names are looked for in (with the
/// lede and the card teasers): what an article is about is named at its start, and
/// scanning every paragraph took 222 ms natively at 1,000 articles, against 40 ms.
const OPENING_PARAGRAPHS: usize = 2;
/// Collections of at most this many articles are scanned whole for names.
const SCANNED_WHOLE: usize = 100;
/// Words that open sentences capitalised but begin no name.
const OPENERS: [&str; 9] = [
    "why", "what", "how", "when", "where", "who", "while", "however", "although",
];
/// English function words beyond the stop words (`crate::text::lang`), never keyphrases.
const FUNCTION_WORDS: [&str; 63] = [
    "about", "after", "again", "against", "all", "also", "any", "because", "been", "before",
    "being", "between", "both", "can", "could", "did", "does", "during", "each", "even", "few",
    "had", "her", "here", "him", "his", "into", "just", "many", "may", "might", "more", "most",
    "much", "must", "now", "only", "other", "our", "over", "same", "she", "should", "some", "such",
    "than", "them", "then", "there", "these", "they", "those", "through", "under", "very", "well",
    "were", "what", "when", "where", "while", "would", "you",
];
/// How much more a name weighs than the mean of its words.
const NAME_BOOST: f32 = 2.0;

/// A keyphrase: what to show, and what it weighs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Keyphrase {
    /// As written (a name), or the folded word.
    pub text: String,
    /// A multi-word name (else a salient word).
    pub name: bool,
    /// Its score (see the module header); higher first.
    pub score: f32,
}

/// An author of cards, and how many articles have a card by them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Author {
    /// As written on the first card found.
    pub name: String,
    /// Articles with at least one card by them.
    pub articles: u32,
}

/// A candidate: its key (folded words, `-` before a joined part), the keyphrase.
struct Candidate {
    key: String,
    phrase: Keyphrase,
}

/// Article `a`'s keyphrases, best first.
pub fn of_article(index: &Index, articles: &[Article], a: u32) -> Vec<Keyphrase> {
    let Some(article) = articles.get(a as usize).filter(|_| index.article_here(a)) else {
        return Vec::new();
    };
    as_written(
        index,
        articles,
        pick(candidates(index, article), PER_ARTICLE),
        Some(a),
    )
}

/// The collection's keyphrases, best first: each candidate scored as in an article, its
/// `1 + ln tf` summed over the articles it occurs in — the words' from the posting lists
/// (their position counts), the names' from one scan of the articles' openings (the lede,
/// the first `OPENING_PARAGRAPHS` paragraphs and the card teasers) — of all their running
/// text up to `SCANNED_WHOLE` articles.
pub fn of_collection(index: &Index, articles: &[Article]) -> Vec<Keyphrase> {
    let idf = idf_of(index);
    // `1 + ln c` for the small counts most entries have.
    let log: Vec<f32> = (0..64).map(|c: u32| 1.0 + (c.max(1) as f32).ln()).collect();
    // Words as `(u32::MAX − score bits) << 32 | term`: only the best become candidates.
    let mut best_words: Vec<u64> = Vec::new();
    for t in 0..index.term_count() {
        let term = index.term(t);
        if !is_word(term) || possessive_stem(term).is_some() {
            continue;
        }
        let weight: f32 = index
            .list(t)
            .map(|e| {
                let c = e.count();
                log.get(c as usize)
                    .copied()
                    .unwrap_or_else(|| 1.0 + (c as f32).ln())
            })
            .sum();
        let score = (weight * idf_t(index, Some(t))).max(0.0);
        best_words.push((u64::from(u32::MAX - score.to_bits()) << 32) | t as u64);
    }
    let k = (4 * PER_COLLECTION).min(best_words.len());
    crate::sort::select_smallest(&mut best_words, k);
    let mut out: Vec<Candidate> = best_words
        .iter()
        .take(k)
        .map(|&key| {
            let term = index.term(key as u32 as usize);
            Candidate {
                key: term.to_owned(),
                phrase: Keyphrase {
                    text: term.to_owned(),
                    name: false,
                    score: f32::from_bits(u32::MAX - (key >> 32) as u32),
                },
            }
        })
        .collect();
    // Names: (key, as written, article) per occurrence, grouped by key then article.
    let mut seen: Vec<(String, String, u32)> = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        let mut here: Vec<(String, String, bool)> = Vec::new();
        let mut paragraphs = 0;
        for field in article.fields().filter(|f| is_running(f.kind, f.addr.part)) {
            // The opening: the lede, the first paragraphs and the cards' teasers.
            if field.kind == Kind::Paragraph && articles.len() > SCANNED_WHOLE {
                paragraphs += 1;
                if paragraphs > OPENING_PARAGRAPHS {
                    continue;
                }
            }
            names(field.text, &mut here);
        }
        seen.extend(here.into_iter().map(|(k, text, _)| (k, text, a as u32)));
    }
    let mut order: Vec<u32> = (0..seen.len() as u32).collect();
    let at = |i: &u32| seen.get(*i as usize);
    crate::sort::sort_by(&mut order, &|x, y| {
        at(x).map(|x| (&x.0, x.2)) < at(y).map(|y| (&y.0, y.2))
    });
    let key = |i: &u32| at(i).map(|s| s.0.as_str());
    for group in order.chunk_by(|x, y| key(x) == key(y)) {
        let Some((key, text, _)) = group.first().and_then(&at) else {
            continue;
        };
        // Per article (the group is sorted by article), `1 + ln` of its occurrences.
        let weight: f32 = group
            .chunk_by(|x, y| at(x).map(|s| s.2) == at(y).map(|s| s.2))
            .map(|g| 1.0 + (g.len() as f32).ln())
            .sum();
        out.push(Candidate {
            key: key.clone(),
            phrase: Keyphrase {
                text: text.clone(),
                name: true,
                score: weight * name_idf(key, &idf) * NAME_BOOST,
            },
        });
    }
    as_written(index, articles, pick(best_first(out), PER_COLLECTION), None)
}

/// Occurrences of a word read to find how the articles write it.
const WRITTEN_LOOKS: usize = 64;

/// `phrases` with each salient word as the articles write it (names are as written
/// already): its most frequent written form among its first [`WRITTEN_LOOKS`]
/// occurrences (in article `only`, else in the collection), the first on a tie. So
/// `russia` is shown `Russia`, a common word that opens a few sentences stays lowercase,
/// and `cafe` is `Café` — by the engine's folding, not a guess at case in JS.
fn as_written(
    index: &Index,
    articles: &[Article],
    mut phrases: Vec<Keyphrase>,
    only: Option<u32>,
) -> Vec<Keyphrase> {
    for k in phrases.iter_mut().filter(|k| !k.name) {
        if let Some(form) = index
            .find(&k.text)
            .and_then(|t| written(index, articles, t, only))
        {
            k.text = form;
        }
    }
    phrases
}

/// How term `t` is written most often among its first occurrences (see [`as_written`]);
/// `None` when none is read (the article's text has not come).
fn written(index: &Index, articles: &[Article], t: usize, only: Option<u32>) -> Option<String> {
    let term = index.term(t);
    // (form, count), in the order first seen.
    let mut forms: Vec<(&str, usize)> = Vec::new();
    let mut looked = 0;
    for entry in index.list(t) {
        if only.is_some_and(|a| a != entry.article) {
            continue;
        }
        let mut text = ArticleText::new(index, articles, entry.article);
        for at in index.positions(entry.chunk).take(WRITTEN_LOOKS - looked) {
            looked += 1;
            let Some(form) = form_at(&mut text, at, term) else {
                continue;
            };
            match forms.iter_mut().find(|(f, _)| *f == form) {
                Some((_, n)) => *n += 1,
                None => forms.push((form, 1)),
            }
        }
        if looked >= WRITTEN_LOOKS {
            break;
        }
    }
    let most = forms.iter().map(|(_, n)| *n).max()?;
    let (form, _) = forms.into_iter().find(|(_, n)| *n == most)?;
    Some(form.to_owned())
}

/// The text of the token at `at`: the word, without the `'s` of a possessive whose word
/// is `term` (`Russia's` is indexed as `russia` too).
fn form_at<'t>(text: &mut ArticleText<'_, 't>, at: u32, term: &str) -> Option<&'t str> {
    let span = text.token(at)?;
    let (info, field) = text.field(at)?;
    let token = field.get((span.start - info.base) as usize..(span.end - info.base) as usize)?;
    let word = ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|s| token.strip_suffix(s))
        .filter(|word| fold(word) == term);
    Some(word.unwrap_or(token))
}

/// The cards' authors, most articles first, then by name, from every card's author with
/// its article's number (`crate::index::outline::Outline::card_authors`).
pub fn authors(cards: &[(u32, &str)]) -> Vec<Author> {
    // (folded name, article, name as written)
    let all: Vec<(String, u32, &str)> = cards
        .iter()
        .map(|&(a, author)| (fold(author), a, author))
        .collect();
    let mut order: Vec<u32> = (0..all.len() as u32).collect();
    let at = |i: &u32| all.get(*i as usize);
    crate::sort::sort_by(&mut order, &|x, y| {
        let (x, y) = (at(x), at(y));
        x.map(|x| (&x.0, x.1)) < y.map(|y| (&y.0, y.1))
    });
    let mut out: Vec<(String, Author, u32)> = Vec::new();
    for (key, a, name) in order.iter().filter_map(at) {
        match out.last_mut() {
            Some((k, author, last)) if k == key => {
                if *last != *a {
                    author.articles += 1;
                    *last = *a;
                }
            }
            _ => out.push((
                key.clone(),
                Author {
                    name: (*name).to_owned(),
                    articles: 1,
                },
                *a,
            )),
        }
    }
    let mut keys: Vec<u64> = out
        .iter()
        .enumerate()
        .map(|(i, (_, author, _))| (u64::from(u32::MAX - author.articles) << 32) | i as u64)
        .collect();
    crate::sort::sort_u64(&mut keys);
    keys.iter()
        .filter_map(|&k| {
            out.get(k as u32 as usize)
                .map(|(_, author, _)| author.clone())
        })
        .collect()
}

/// The best `n` of `candidates` (best first): a word is left out when one of the best
/// `2n` names holds it (its chip would repeat part of the name's).
fn pick(candidates: Vec<Candidate>, n: usize) -> Vec<Keyphrase> {
    let names: Vec<&str> = candidates
        .iter()
        .filter(|c| c.phrase.name)
        .take(2 * n)
        .map(|c| c.key.as_str())
        .collect();
    let held = |c: &Candidate| {
        !c.phrase.name
            && names
                .iter()
                .any(|name| name.split([' ', '-']).any(|w| w == c.key))
    };
    let keep: Vec<bool> = candidates.iter().map(|c| !held(c)).collect();
    candidates
        .into_iter()
        .zip(keep)
        .filter(|(_, keep)| *keep)
        .take(n)
        .map(|(c, _)| c.phrase)
        .collect()
}

/// `candidates` sorted best first (ties in their order).
fn best_first(candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut keys: Vec<u64> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| (u64::from(u32::MAX - c.phrase.score.max(0.0).to_bits()) << 32) | i as u64)
        .collect();
    crate::sort::sort_u64(&mut keys);
    let mut slots: Vec<Option<Candidate>> = candidates.into_iter().map(Some).collect();
    keys.iter()
        .filter_map(|&k| slots.get_mut(k as u32 as usize).and_then(Option::take))
        .collect()
}

/// Every candidate of one article, best first.
fn candidates(index: &Index, article: &Article) -> Vec<Candidate> {
    let idf = idf_of(index);
    // (key, text as written, name?) per occurrence.
    let mut seen: Vec<(String, String, bool)> = Vec::new();
    for field in article.fields() {
        match field.kind {
            Kind::Disclaimer => continue,
            Kind::Card if field.addr.part == Part::Author => continue,
            _ => {}
        }
        words(field.text, &mut seen);
        if is_running(field.kind, field.addr.part) {
            names(field.text, &mut seen);
        }
    }
    // Count by key (sorted), score.
    let mut order: Vec<u32> = (0..seen.len() as u32).collect();
    let key = |i: &u32| seen.get(*i as usize).map_or("", |s| s.0.as_str());
    crate::sort::sort_by(&mut order, &|x, y| key(x) < key(y));
    let mut out: Vec<Candidate> = Vec::new();
    for group in order.chunk_by(|x, y| key(x) == key(y)) {
        let Some((key, text, name)) = group.first().and_then(|&i| seen.get(i as usize)) else {
            continue;
        };
        let weight = 1.0 + (group.len() as f32).ln();
        let score = if *name {
            weight * name_idf(key, &idf) * NAME_BOOST
        } else {
            weight * idf(key)
        };
        out.push(Candidate {
            key: key.clone(),
            phrase: Keyphrase {
                text: text.clone(),
                name: *name,
                score,
            },
        });
    }
    best_first(out)
}

/// `idf(term) = ln(1 + N / df)` over the index, by the term's text.
fn idf_of(index: &Index) -> impl Fn(&str) -> f32 + '_ {
    move |term: &str| idf_t(index, index.find(term))
}

/// `ln(1 + N / df)` of term `t` (a term the index lacks, or in no article, counts as in one).
fn idf_t(index: &Index, t: Option<usize>) -> f32 {
    let n = index.article_count().max(1) as f32;
    let df = t.map_or(1, |t| index.df(t).max(1));
    (1.0 + n / df as f32).ln()
}

/// The mean idf of a name's words (its connectors left out).
fn name_idf(key: &str, idf: &impl Fn(&str) -> f32) -> f32 {
    let parts: Vec<&str> = key.split([' ', '-']).filter(|w| !is_stop(w)).collect();
    parts.iter().map(|w| idf(w)).sum::<f32>() / parts.len().max(1) as f32
}

/// Whether a field is running text, where names are looked for (titles, headings and card
/// titles capitalise every word).
fn is_running(kind: Kind, part: Part) -> bool {
    matches!(kind, Kind::Lede | Kind::Paragraph) || (kind == Kind::Card && part == Part::Teaser)
}

/// Whether a folded term may be a salient word: three letters or more, letters only, not
/// a stop word nor one of the function words that say nothing of a subject.
fn is_word(term: &str) -> bool {
    term.chars().count() >= 3
        && term.chars().all(char::is_alphabetic)
        && !is_stop(term)
        && !FUNCTION_WORDS.contains(&term)
}

/// The salient-word candidates of `text` into `out`.
fn words(text: &str, out: &mut Vec<(String, String, bool)>) {
    for_each_token(text, |t| {
        let term = possessive_stem(t.term).unwrap_or(t.term);
        if is_word(term) {
            out.push((term.to_owned(), term.to_owned(), false));
        }
    });
}

/// The names of `text` (running text) into `out`.
#[inline(never)]
fn names(text: &str, out: &mut Vec<(String, String, bool)>) {
    // A word's length without a possessive `'s` (either apostrophe).
    let word_end = |word: &str| -> u32 {
        let stem = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"));
        stem.unwrap_or(word).len() as u32
    };
    // The run so far: (start, end) of its text, its key, capitalised words, and the
    // connectors waiting for a capitalised word after them.
    struct Run {
        start: u32,
        end: u32,
        key: String,
        capitals: u32,
        pending: Vec<String>,
    }
    let mut run: Option<Run> = None;
    let mut last_end = 0u32;
    let close = |run: &mut Option<Run>, out: &mut Vec<(String, String, bool)>| {
        if let Some(r) = run.take() {
            if r.capitals >= 2 {
                let shown = text.get(r.start as usize..r.end as usize).unwrap_or("");
                out.push((r.key, shown.to_owned(), true));
            }
        }
    };
    for_each_token(text, |t| {
        let between = text
            .get(last_end as usize..t.span.start as usize)
            .unwrap_or("x");
        last_end = t.span.end;
        let spaced = !between.is_empty() && between.chars().all(char::is_whitespace);
        let word = text
            .get(t.span.start as usize..t.span.end as usize)
            .unwrap_or("");
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if let Some(r) = run.as_mut() {
            if t.joined && r.pending.is_empty() {
                r.key.push('-');
                r.key.push_str(t.term);
                r.end = t.span.end;
                return;
            }
            if spaced && capital {
                for c in r.pending.drain(..) {
                    r.key.push(' ');
                    r.key.push_str(&c);
                }
                r.key.push(' ');
                r.key.push_str(possessive_stem(t.term).unwrap_or(t.term));
                r.end = t.span.start + word_end(word);
                r.capitals += 1;
                if possessive_stem(t.term).is_some() {
                    // A possessive ends the name, which is the word before `'s`.
                    close(&mut run, out);
                }
                return;
            }
            let connector = matches!(
                (r.pending.last().map(String::as_str), t.term),
                (None, "of" | "for" | "de") | (Some("of"), "the")
            );
            if spaced && connector {
                r.pending.push(t.term.to_owned());
                return;
            }
        }
        close(&mut run, out);
        // A capitalised word starts a run, unless it is a stop word or a question word (a
        // sentence's `The`, `Why`).
        if capital
            && !is_stop(t.term)
            && !OPENERS.contains(&t.term)
            && possessive_stem(t.term).is_none()
        {
            run = Some(Run {
                start: t.span.start,
                end: t.span.end,
                key: t.term.to_owned(),
                capitals: 1,
                pending: Vec::new(),
            });
        }
    });
    close(&mut run, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Corpus;

    /// How the articles write a folded word: (articles' paragraphs, word, article or the
    /// collection, expected).
    #[test]
    fn salient_words_as_the_articles_write_them() {
        let cases: [(&[&str], &str, Option<u32>, &str); 8] = [
            (&["Russia and Russia met Russia."], "russia", None, "Russia"),
            // A common word capitalised at a sentence's start stays lowercase.
            (
                &["Tides rise. The tides fall, and tides turn."],
                "tides",
                None,
                "tides",
            ),
            // The engine's folding, not JS's toLowerCase: diacritics, ё, ß.
            (
                &["The Café opened. A café closed. Café again."],
                "cafe",
                None,
                "Café",
            ),
            (&["Ёлка стоит, ёлка горит, ёлка."], "елка", None, "ёлка"),
            (
                &["Die Straße ist lang, die Straße."],
                "strasse",
                None,
                "Straße",
            ),
            // A possessive is its word.
            (
                &["Seoul's view and Seoul's answer."],
                "seoul",
                None,
                "Seoul",
            ),
            // An article's own writing, or the collection's first on a tie.
            (&["tide tide", "Tide Tide Tide"], "tide", Some(1), "Tide"),
            (&["tide tide", "Tide Tide"], "tide", None, "tide"),
        ];
        for (texts, word, only, expected) in cases {
            let articles: Vec<(String, Article)> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let text = format!("Title {i}\n\n{t}\n");
                    (format!("{i}.txt"), crate::article::parse(&text).unwrap())
                })
                .collect();
            let corpus = Corpus::new(articles);
            let t = corpus.index().find(word).expect(word);
            assert_eq!(
                written(corpus.index(), corpus.articles(), t, only).as_deref(),
                Some(expected),
                "{texts:?}"
            );
        }
    }

    fn names_of(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        names(text, &mut out);
        out.into_iter().map(|(_, shown, _)| shown).collect()
    }

    #[test]
    fn names_in_running_text() {
        assert_eq!(
            names_of("The Republic of Korea and the administration of Moon Jae-in met at the Eastern Economic Forum."),
            ["Republic of Korea", "Moon Jae-in", "Eastern Economic Forum"]
        );
        // A sentence's first word, a single capital, punctuation between: no name.
        assert_eq!(
            names_of("Moscow and Seoul agree. Seoul, Moscow."),
            Vec::<String>::new()
        );
        assert_eq!(names_of("Why Asian ports matter"), Vec::<String>::new());
        // Connectors inside only, `of the` too; a trailing one is dropped.
        assert_eq!(names_of("the Bank of the North of"), ["Bank of the North"]);
        // A possessive ends a name, without its `'s`.
        assert_eq!(names_of("talks in South Korea's capital"), ["South Korea"]);
        assert_eq!(
            names_of("in South Korea’s New Deal"),
            ["South Korea", "New Deal"]
        );
        assert_eq!(names_of("Республика Корея и Россия"), ["Республика Корея"]);
        assert!(names_of("서울과 평양").is_empty());
    }

    #[test]
    fn the_seed_s_keyphrases() {
        let corpus = Corpus::embedded().unwrap();
        let (index, articles) = (corpus.index(), corpus.articles());
        let mine = of_article(index, articles, 0);
        let texts: Vec<&str> = mine.iter().map(|k| k.text.as_str()).collect();
        assert_eq!(mine.len(), PER_ARTICLE);
        for name in ["Republic of Korea", "Moon Jae-in", "South Korea"] {
            assert!(texts.contains(&name), "{texts:?}");
        }
        // Best first; no word a chosen name holds.
        assert!(mine.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(
            !texts.contains(&"korea") && !texts.contains(&"south"),
            "{texts:?}"
        );
        let all = of_collection(index, articles);
        assert!(all.len() <= PER_COLLECTION && all.iter().any(|k| k.text == "Republic of Korea"));
        assert_eq!(
            authors(&corpus.outline().card_authors()),
            [
                Author {
                    name: "Georgy Toloraya".into(),
                    articles: 1
                },
                Author {
                    name: "Lee Jae-Young".into(),
                    articles: 1
                },
            ]
        );
        // Out of range: nothing.
        assert!(of_article(index, articles, 7).is_empty());
    }

    #[test]
    fn authors_count_articles_not_cards() {
        let card = |author: &str| format!("A title of a card\n{author}\nA teaser of the card.\n");
        let text = |cards: &[&str]| {
            let cards: Vec<String> = cards.iter().map(|a| card(a)).collect();
            format!(
                "Title\n\nA lede\n\nFirst paragraph.\n\n{}\nLast paragraph.\n",
                cards.join("")
            )
        };
        let corpus = Corpus::new(vec![
            (
                "a".into(),
                crate::article::parse(&text(&["Anna Petrova", "Anna Petrova"])).unwrap(),
            ),
            (
                "b".into(),
                crate::article::parse(&text(&["Anna Petrova", "Ji-ho Lee"])).unwrap(),
            ),
            (
                "c".into(),
                crate::article::parse(&text(&["ANNA PETROVA"])).unwrap(),
            ),
        ]);
        assert_eq!(
            authors(&corpus.outline().card_authors()),
            [
                Author {
                    name: "Anna Petrova".into(),
                    articles: 3
                },
                Author {
                    name: "Ji-ho Lee".into(),
                    articles: 1
                },
            ]
        );
    }
}
