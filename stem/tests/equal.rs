//! The port equals rust-stemmers 1.2.0: every stem the same, on a dictionary, Russian
//! words and their forms, edge cases and random strings (rust-stemmers is a native
//! dev-dependency only).
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use article_explorer_stem::{stem, Algorithm};
use proptest::prelude::*;
use rust_stemmers::Stemmer;

/// The languages, for the tests' tables.
#[derive(Clone, Copy, Debug)]
enum Lang {
    English,
    Russian,
}

impl Lang {
    const STEMMED: [Lang; 2] = [Lang::English, Lang::Russian];

    /// Whether the algorithm's language writes `word` (the engine's guard, restated:
    /// lowercase a–z and apostrophes; lowercase Cyrillic).
    fn writes(self, word: &str) -> bool {
        !word.is_empty()
            && match self {
                Lang::English => word.chars().all(|c| c.is_ascii_lowercase() || c == '\''),
                Lang::Russian => word.chars().all(|c| matches!(c, 'а'..='я' | 'ё')),
            }
    }
}

/// A word folded as the engine folds Cyrillic: lowercase, ё as е.
fn fold(word: &str) -> String {
    word.to_lowercase().replace('ё', "е")
}

/// The port's stem of `term`.
fn ours(lang: Lang, term: &str) -> String {
    let algorithm = match lang {
        Lang::English => Algorithm::English,
        Lang::Russian => Algorithm::Russian,
    };
    stem(algorithm, term).into_owned()
}

/// The crate's stem of `term`.
fn crates(lang: Lang, term: &str) -> String {
    let algorithm = match lang {
        Lang::English => rust_stemmers::Algorithm::English,
        Lang::Russian => rust_stemmers::Algorithm::Russian,
    };
    Stemmer::create(algorithm).stem(term).into_owned()
}

/// Every word the same stem as the crate's; returns how many words were compared.
#[track_caller]
fn same_as_crate<'a>(lang: Lang, words: impl IntoIterator<Item = &'a str>) -> usize {
    let mut n = 0;
    for word in words {
        assert_eq!(ours(lang, word), crates(lang, word), "{lang:?} {word:?}");
        n += 1;
    }
    n
}

#[test]
fn dictionary_words_stem_as_the_crate() {
    let path = "/usr/share/dict/american-english";
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} is missing (`cargo xtask setup` installs it)");
        return;
    };
    let words: Vec<String> = text
        .lines()
        .map(str::to_lowercase)
        .filter(|w| Lang::English.writes(w))
        .collect();
    let n = same_as_crate(Lang::English, words.iter().map(String::as_str));
    assert!(n > 50_000, "only {n} words in {path}");
}

/// The folded Cyrillic words of `text`, once each.
fn russian_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .map(fold)
        .filter(|w| Lang::Russian.writes(w))
        .collect();
    words.sort();
    words.dedup();
    words
}

#[test]
fn russian_words_and_their_forms_stem_as_the_crate() {
    let fixture = include_str!("../../tests/fixtures/ru-economic-forum.txt");
    let corpus = include_str!("../../xtask/src/corpus.rs");
    let start = corpus.find("const CYRILLIC: &str = \"").unwrap();
    let len = corpus[start..].find("\";").unwrap();
    let cyrillic = &corpus[start..start + len];

    let mut words = russian_words(fixture);
    let from_corpus = russian_words(cyrillic);
    assert!(from_corpus.len() > 200, "{}", from_corpus.len());
    words.extend(from_corpus);
    // The words, their stems, and both with each ending added.
    let stems: Vec<String> = words.iter().map(|w| crates(Lang::Russian, w)).collect();
    words.extend(stems);
    words.sort();
    words.dedup();
    let endings = [
        "а",
        "я",
        "о",
        "е",
        "ы",
        "и",
        "у",
        "ю",
        "ой",
        "ей",
        "ом",
        "ем",
        "ами",
        "ями",
        "ах",
        "ях",
        "ов",
        "ев",
        "ий",
        "ый",
        "ая",
        "ое",
        "ые",
        "ых",
        "им",
        "ым",
        "ую",
        "ешь",
        "ет",
        "ем",
        "ете",
        "ут",
        "ют",
        "ит",
        "ат",
        "ят",
        "ость",
        "ости",
        "ение",
        "ения",
        "ованный",
        "ировать",
        "ся",
        "сь",
    ];
    let forms: Vec<String> = words
        .iter()
        .flat_map(|w| endings.iter().map(move |e| format!("{w}{e}")))
        .collect();
    let n = same_as_crate(Lang::Russian, words.iter().map(String::as_str));
    let m = same_as_crate(Lang::Russian, forms.iter().map(String::as_str));
    assert!(n > 300 && m > 10_000, "{n} words, {m} forms");
}

/// Strings at the edges: empty, one char, apostrophes, the exceptions, hops from and
/// into multi-byte chars (the port's runtime, not `writes`, is under test).
#[test]
fn edge_cases_stem_as_the_crate() {
    let english = [
        "",
        "'",
        "''",
        "'s",
        "'s'",
        "s",
        "y",
        "yy",
        "ys",
        "ied",
        "ies",
        "sses",
        "ss",
        "us",
        "skies",
        "dying",
        "news",
        "succeeded",
        "generously",
        "communism",
        "arsenal",
        "yoyo",
        "ayyy",
        "ey'",
        "'y",
        "eed",
        "ing",
        "at",
        "bb",
        "aed",
        "ation",
    ];
    same_as_crate(Lang::English, english);
    let russian = [
        "",
        "ё",
        "я",
        "ся",
        "сь",
        "ться",
        "ешь",
        "нн",
        "нно",
        "ейше",
        "ость",
        "ост",
        "ивши",
        "ывшись",
        "и",
        "ии",
        "айн",
        "ёлка",
        "щуюся",
    ];
    same_as_crate(Lang::Russian, russian);
    // Outside `writes`: the crate does not panic on these either.
    for word in [
        "ée",
        "éy",
        "yé",
        "éiés",
        "aé",
        "caféing",
        "ёs",
        "ßied",
        "日本ation",
    ] {
        for lang in Lang::STEMMED {
            assert_eq!(ours(lang, word), crates(lang, word), "{lang:?} {word:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 5000, ..ProptestConfig::default() })]

    #[test]
    fn english_stems_as_the_crate(word in "[a-z']{0,20}") {
        prop_assert_eq!(ours(Lang::English, &word), crates(Lang::English, &word));
    }

    #[test]
    fn russian_stems_as_the_crate(word in "[а-яё]{0,20}") {
        prop_assert_eq!(ours(Lang::Russian, &word), crates(Lang::Russian, &word));
    }

    /// Any string, past the `writes` guard: no panic, and the crate's stem wherever the
    /// crate does not panic (it has not been seen to).
    #[test]
    fn never_panics(text in "\\PC{0,30}", any in any::<String>()) {
        for lang in Lang::STEMMED {
            for word in [&text, &any] {
                let stemmed = ours(lang, word);
                if let Ok(expected) = std::panic::catch_unwind(|| crates(lang, word)) {
                    prop_assert_eq!(stemmed, expected, "{:?} {:?}", lang, word);
                }
            }
        }
    }
}
