//! Typo tolerance (`src/query/fuzzy.rs`): the trie walk finds exactly the terms a scan of the
//! whole dictionary finds with the oracle's textbook edit distance.

use crate::naive::levenshtein;
use article_explorer::query::fuzzy::{max_distance, terms_near, terms_within};
use article_explorer::Corpus;
use proptest::prelude::*;
use std::sync::OnceLock;

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| Corpus::embedded().expect("the seeds parse"))
}

/// The terms a scan of the whole dictionary finds.
fn scan(word: &str) -> Vec<usize> {
    let index = corpus().index();
    let k = max_distance(word.chars().count());
    (0..index.term_count())
        .filter(|&t| levenshtein(index.term(t), word) <= k)
        .collect()
}

#[test]
fn examples() {
    assert_eq!(levenshtein("pyongyng", "pyongyang"), 1);
    assert_eq!(
        levenshtein("poltiical", "political"),
        2,
        "a swap is two edits"
    );
    let index = corpus().index();
    let names = |w: &str| -> Vec<String> {
        terms_near(index, w)
            .into_iter()
            .map(|t| index.term(t).to_owned())
            .collect()
    };
    assert_eq!(names("rusia"), ["russia"], "one edit for five letters");
    assert!(
        names("poltiical").contains(&"political".to_owned()),
        "two for nine"
    );
    assert!(names("cooperatoin").contains(&"cooperation".to_owned()));
    assert!(
        names("russia").contains(&"russia".to_owned()),
        "the word itself"
    );
    assert_eq!(
        names("sel"),
        Vec::<String>::new(),
        "three letters: exact only"
    );
    assert_eq!(names("the"), ["the"]);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Terms of the seed mutated by a few edits: the walk finds what the scan finds.
    #[test]
    fn walk_equals_scan(t in any::<usize>(), edits in prop::collection::vec((0u8..3, any::<usize>(), "[a-zа-я]"), 0..3)) {
        let index = corpus().index();
        let mut word: Vec<char> = index.term(t % index.term_count()).chars().collect();
        for (kind, at, c) in edits {
            let c = c.chars().next().unwrap_or('a');
            let at = at % (word.len() + 1);
            match kind {
                0 => word.insert(at, c),
                1 if at < word.len() => { word.remove(at); }
                _ if at < word.len() => word[at] = c,
                _ => {}
            }
        }
        let word: String = word.into_iter().collect();
        prop_assert_eq!(terms_near(index, &word), scan(&word), "{:?}", word);
    }

    /// Any `k` up to 3 (what "did you mean" asks), words short and long: the walk's terms
    /// and distances are the scan's.
    #[test]
    fn walk_within_k_equals_scan(t in any::<usize>(), k in 0usize..4, cut in 0usize..4, tail in "[a-zа-я]{0,12}") {
        let index = corpus().index();
        let term: String = index.term(t % index.term_count()).chars().collect();
        let kept = term.chars().count().saturating_sub(cut);
        let word: String = term.chars().take(kept).chain(tail.chars()).collect();
        let scanned: Vec<(usize, usize)> = (0..index.term_count())
            .map(|t| (t, levenshtein(index.term(t), &word)))
            .filter(|&(_, d)| d <= k)
            .collect();
        prop_assert_eq!(terms_within(index, &word, k), scanned, "{:?} k={}", word, k);
    }
}

#[test]
fn a_long_word_is_walked_in_its_band() {
    let index = corpus().index();
    let long = "korea".repeat(200);
    assert!(terms_within(index, &long, 3).is_empty());
    let near = format!("{}x", "cooperatio"); // one substitution
    assert!(terms_within(index, &near, 2)
        .iter()
        .any(|&(t, d)| index.term(t) == "cooperation" && d == 1));
}
