//! The stem table: which terms share a stem in a language, so a word finds its other
//! forms (`sanction` → `sanctions`, `sanctioned`).
//!
//! Built on first use, not with the index: it stems every term once (tens of
//! milliseconds at 60,000 terms), which a page need not pay before its first results.
//!
//! Layout: one `u64` per (term, language it is stemmed in): `hash(language, stem) << 32 |
//! term`, sorted. A word's forms are the keys with its stem's hash, each checked by
//! stemming the term again (hashes of different stems may collide). A term is stemmed in
//! a language only if it occurs in an article of that language ([`super::Index::term_langs`]).

use super::Index;
use crate::lang::Lang;
use crate::stem::stem;

/// The sorted keys (see the module header).
pub fn build(index: &Index) -> Vec<u64> {
    let mut keys = Vec::new();
    for t in 0..index.term_count() {
        let langs = index.term_langs(t);
        for lang in Lang::STEMMED {
            if langs & lang.bit() == 0 {
                continue;
            }
            if let Some(s) = stem(lang, index.term(t)) {
                keys.push((u64::from(hash(lang, &s)) << 32) | t as u64);
            }
        }
    }
    crate::sort::sort_u64(&mut keys);
    keys
}

/// The terms with `word`'s stem in `lang` (found in articles of that language), ascending;
/// `word` itself among them if it is a term there.
pub fn forms(index: &Index, keys: &[u64], lang: Lang, word: &str) -> Vec<usize> {
    let Some(s) = stem(lang, word) else {
        return Vec::new();
    };
    let h = u64::from(hash(lang, &s));
    let start = keys.partition_point(|&k| k >> 32 < h);
    keys.get(start..)
        .unwrap_or(&[])
        .iter()
        .take_while(|&&k| k >> 32 == h)
        .map(|&k| k as u32 as usize)
        .filter(|&t| stem(lang, index.term(t)).is_some_and(|other| other == s))
        .collect()
}

/// The hash of the language and the stem.
fn hash(lang: Lang, stem: &str) -> u32 {
    crate::hash::fnv1a(&[&[lang.bit()], stem.as_bytes()])
}
