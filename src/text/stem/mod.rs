//! Stemming: the Snowball stemmers for English (Porter2) and Russian, so `sanction` finds
//! `sanctions` and `санкции` finds `санкций`.
//!
//! A word is stemmed only in a language that writes it ([`Lang::writes`]): English words
//! are lowercase a–z (and apostrophes), Russian words Cyrillic letters — the input the
//! Snowball algorithms are written for, so nothing else ever reaches them.
//!
//! The stemmers are a port of the rust-stemmers crate (1.2.0): its generated code for the
//! two algorithms (`english.rs`, `russian.rs`: unchanged but for imports) and its runtime
//! (`env.rs`), which here indexes no string — the crate's slicing linked core's panic
//! messages for strings into the wasm. The tests compare the port with the crate on a
//! dictionary, Russian word forms and random strings.

use crate::text::lang::Lang;
use std::borrow::Cow;

mod env;
// Generated code, kept as the crate has it (not reformatted).
#[rustfmt::skip]
mod english;
#[rustfmt::skip]
mod russian;

use env::SnowballEnv;

/// The stem of a folded word in `lang`; `None` when `lang` has no stemmer or does not
/// write the word.
pub fn stem(lang: Lang, term: &str) -> Option<Cow<'_, str>> {
    if !lang.writes(term) {
        return None;
    }
    let algorithm = match lang {
        Lang::English => english::stem,
        Lang::Russian => russian::stem,
        Lang::Other => return None,
    };
    Some(run(algorithm, term))
}

/// `term` stemmed by a generated algorithm (the crate's `Stemmer::stem`).
fn run(algorithm: fn(&mut SnowballEnv<'_>) -> bool, term: &str) -> Cow<'_, str> {
    let mut env = SnowballEnv::create(term);
    algorithm(&mut env);
    env.get_current()
}

#[cfg(test)]
mod tests {
    use super::stem;
    use crate::text::lang::Lang;

    #[track_caller]
    fn same(lang: Lang, words: &[&str]) {
        let stems: Vec<_> = words.iter().map(|w| stem(lang, w)).collect();
        assert!(stems[0].is_some(), "{words:?}");
        assert!(
            stems.iter().all(|s| *s == stems[0]),
            "{words:?} → {stems:?}"
        );
    }

    #[test]
    fn forms_share_a_stem() {
        same(
            Lang::English,
            &[
                "sanction",
                "sanctions",
                "sanctioned",
                "sanctioning",
                "sanction's",
            ],
        );
        same(Lang::English, &["cooperation", "cooperate", "cooperating"]);
        same(
            Lang::Russian,
            &["санкции", "санкций", "санкциями", "санкция"],
        );
        same(Lang::Russian, &["москва", "москвы", "москве"]);
    }

    #[test]
    fn only_the_language_s_own_words() {
        assert_eq!(stem(Lang::English, "санкции"), None);
        assert_eq!(stem(Lang::Russian, "sanctions"), None);
        assert_eq!(stem(Lang::Other, "sanctions"), None);
        assert_eq!(stem(Lang::English, "2020s"), None);
        assert_eq!(stem(Lang::English, "u.s"), None);
        assert_eq!(stem(Lang::English, "'"), None);
        assert_eq!(stem(Lang::Russian, ""), None);
        assert_eq!(stem(Lang::English, "서울"), None);
    }
}

// rust-stemmers is a native dev-dependency only: the reference the port is tested against.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod reference {
    use super::{english, run, russian, stem};
    use crate::text::fold::fold;
    use crate::text::lang::Lang;
    use proptest::prelude::*;
    use rust_stemmers::{Algorithm, Stemmer};

    /// The port's stem of `term`, without the `writes` guard.
    fn ours(lang: Lang, term: &str) -> String {
        match lang {
            Lang::English => run(english::stem, term).into_owned(),
            Lang::Russian => run(russian::stem, term).into_owned(),
            Lang::Other => term.to_owned(),
        }
    }

    /// The crate's stem of `term`.
    fn crates(lang: Lang, term: &str) -> String {
        let algorithm = match lang {
            Lang::English => Algorithm::English,
            Lang::Russian => Algorithm::Russian,
            Lang::Other => return term.to_owned(),
        };
        Stemmer::create(algorithm).stem(term).into_owned()
    }

    /// Every word the same stem as the crate's, directly and through [`stem`] (if `lang`
    /// writes it); returns how many words were compared.
    #[track_caller]
    fn same_as_crate<'a>(lang: Lang, words: impl IntoIterator<Item = &'a str>) -> usize {
        let mut n = 0;
        for word in words {
            let expected = crates(lang, word);
            assert_eq!(ours(lang, word), expected, "{lang:?} {word:?}");
            assert_eq!(
                stem(lang, word).as_deref(),
                lang.writes(word).then_some(expected.as_str()),
                "{lang:?} {word:?}"
            );
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
        let fixture = include_str!("../../../tests/fixtures/ru-economic-forum.txt");
        let corpus = include_str!("../../../xtask/src/corpus.rs");
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
}
