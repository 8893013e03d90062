//! fst's Levenshtein search, as the explorer would use it (docs/performance.md, Query:
//! typo tolerance by a walk of the sorted terms, not the fst crate). The wasm entry point
//! `run` builds a set of newline-separated words and counts those within `k` edits of a word; with the
//! `baseline` feature it only sorts and counts them, for the size without fst.

use fst::{automaton::Levenshtein, IntoStreamer, Set, Streamer};

/// The words of `terms` (newline-separated), sorted and deduplicated.
pub fn words(terms: &[u8]) -> Vec<&[u8]> {
    let mut words: Vec<&[u8]> = terms
        .split(|&b| b == b'\n')
        .filter(|w| !w.is_empty())
        .collect();
    words.sort();
    words.dedup();
    words
}

/// An fst set of the words of `terms`.
pub fn build(terms: &[u8]) -> Option<Set<Vec<u8>>> {
    Set::from_iter(words(terms)).ok()
}

/// How many words of `set` are within `k` edits of `word` (the automaton built each time,
/// as a query would).
pub fn count_near(set: &Set<Vec<u8>>, word: &str, k: u32) -> usize {
    let Ok(lev) = Levenshtein::new(word, k) else {
        return usize::MAX;
    };
    let mut stream = set.search(lev).into_stream();
    let mut n = 0;
    while stream.next().is_some() {
        n += 1;
    }
    n
}

/// # Safety
/// `ptr..ptr+len` and `wptr..wptr+wlen` are readable; the word is UTF-8.
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub unsafe extern "C" fn run(
    ptr: *const u8,
    len: usize,
    wptr: *const u8,
    wlen: usize,
    k: u32,
) -> usize {
    let terms = core::slice::from_raw_parts(ptr, len);
    let word = core::slice::from_raw_parts(wptr, wlen);
    if cfg!(feature = "baseline") {
        return words(terms)
            .iter()
            .filter(|w| w.len() + k as usize >= word.len())
            .count();
    }
    match build(terms) {
        Some(set) => count_near(&set, core::str::from_utf8_unchecked(word), k),
        None => 0,
    }
}
