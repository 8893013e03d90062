//! The stem table: which terms share a stem in a language, so a word finds its other
//! forms (`sanction` → `sanctions`, `sanctioned`).
//!
//! Built on first use, not with the index: it stems every term once (tens of
//! milliseconds at 60,000 terms), which a page need not pay before its first results.
//!
//! Layout: one `u64` per term stemmed — in the language that writes it (one at most, each
//! writes its own alphabet), if it occurs in an article of that language
//! ([`super::Index::term_langs`]) — `hash(language, stem) << 32 | term`, sorted, with a
//! [`Directory`] of their hashes. A word's forms are the keys with its stem's hash.
//! Hashes of different stems may collide: the build compares the stems of neighbours of
//! equal hash and lists the hashes shared by different stems; only under those are the
//! forms stemmed again to tell them apart.

use super::Index;
use crate::hash::Directory;
use crate::text::lang::Lang;
use crate::text::stem::stem;

/// The stem table.
#[derive(Clone, Debug, Default)]
pub struct Stems {
    /// The sorted keys (see the module header).
    keys: Vec<u64>,
    /// The runs of the keys by hash.
    directory: Directory,
    /// The hashes shared by different stems (sorted; almost always none): only a word
    /// whose stem has one of these has its forms stemmed again to tell them apart.
    collided: Vec<u32>,
}

impl Stems {
    /// The table as the index file keeps it: its keys and collided hashes.
    pub fn parts(&self) -> (&[u64], &[u32]) {
        (&self.keys, &self.collided)
    }

    /// The table from [`Stems::parts`] (the keys sorted; the directory is derived).
    pub fn from_parts(keys: Vec<u64>, collided: Vec<u32>) -> Stems {
        Stems {
            directory: Directory::new(keys.iter().map(|k| (k >> 32) as u32)),
            keys,
            collided,
        }
    }

    /// Bytes on the heap.
    #[cfg(feature = "internals")]
    pub fn heap_bytes(&self) -> usize {
        self.keys.capacity() * 8 + self.directory.heap_bytes() + self.collided.capacity() * 4
    }
}

/// The table of `index`'s terms.
pub fn build(index: &Index) -> Stems {
    let mut keys = Vec::new();
    for t in 0..index.term_count() {
        if let Some((lang, s)) = stem_of(index, t) {
            keys.push((u64::from(hash(lang, &s)) << 32) | t as u64);
        }
    }
    crate::sort::sort_u64(&mut keys);
    // Neighbours with one hash and different stems: a collision (their stems are computed
    // again, for the neighbours of equal hashes only, rather than kept).
    let mut collided: Vec<u32> = keys
        .windows(2)
        .filter_map(|w| match w {
            [x, y] if x >> 32 == y >> 32 => {
                let of = |k: u64| stem_of(index, k as u32 as usize);
                (of(*x) != of(*y)).then_some((x >> 32) as u32)
            }
            _ => None,
        })
        .collect();
    collided.dedup();
    Stems::from_parts(keys, collided)
}

/// Term `t`'s language and stem, if it occurs in an article of a stemmed language that
/// writes it (one at most: each writes its own alphabet).
fn stem_of(index: &Index, t: usize) -> Option<(Lang, std::borrow::Cow<'_, str>)> {
    let langs = index.term_langs(t);
    Lang::STEMMED
        .into_iter()
        .filter(|lang| langs & lang.bit() != 0)
        .find_map(|lang| Some((lang, stem(lang, index.term(t))?)))
}

/// The terms with `word`'s stem in `lang` (found in articles of that language), ascending;
/// `word` itself among them if it is a term there.
pub fn forms(index: &Index, table: &Stems, lang: Lang, word: &str) -> Vec<usize> {
    let Some(s) = stem(lang, word) else {
        return Vec::new();
    };
    let h = hash(lang, &s);
    let bucket = table.keys.get(table.directory.range(h)).unwrap_or(&[]);
    let start = bucket.partition_point(|&k| ((k >> 32) as u32) < h);
    let found = bucket
        .get(start..)
        .unwrap_or(&[])
        .iter()
        .take_while(|&&k| (k >> 32) as u32 == h)
        .map(|&k| k as u32 as usize);
    if table.collided.binary_search(&h).is_err() {
        return found.collect();
    }
    found
        .filter(|&t| stem(lang, index.term(t)).is_some_and(|other| other == s))
        .collect()
}

/// The hash of the language and the stem.
fn hash(lang: Lang, stem: &str) -> u32 {
    crate::hash::fnv1a(&[&[lang.bit()], stem.as_bytes()])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Corpus;

    #[test]
    fn forms_are_found_with_and_without_collisions() {
        let corpus = Corpus::embedded().unwrap();
        let index = corpus.index();
        let mut table = build(index);
        let plain = forms(index, &table, Lang::English, "relation");
        assert!(!plain.is_empty());
        assert!(
            plain.iter().all(|&t| index.term(t).starts_with("relat")),
            "{plain:?}"
        );
        // Every hash marked collided: the forms are told apart by stemming, the same.
        table.collided = table.keys.iter().map(|k| (k >> 32) as u32).collect();
        table.collided.dedup();
        assert_eq!(forms(index, &table, Lang::English, "relation"), plain);
    }

    #[test]
    fn a_hash_shared_by_two_stems_is_marked_and_their_forms_told_apart() {
        // `zdbmx` and `bbbqbb` (no vowel: Porter2 leaves them whole) share the FNV-1a hash
        // 0xcbf8a2ad in English (found by a search of five- and six-consonant strings).
        assert_eq!(hash(Lang::English, "zdbmx"), 0xcbf8a2ad);
        assert_eq!(hash(Lang::English, "bbbqbb"), 0xcbf8a2ad);
        let text = "The title of the article\n\nThe standfirst of it is in English\n\n\
                    It is the zdbmx and the bbbqbb of the text, and it is that of a piece \
                    which is in English: it was written for the tests of this table.\n";
        let article = crate::article::parse(text).unwrap();
        let corpus = Corpus::new(vec![("a.txt".into(), article)]);
        let index = corpus.index();
        assert_eq!(index.lang(0), Lang::English);
        let mut table = build(index);
        assert_eq!(table.collided, vec![0xcbf8a2ad]);
        for word in ["zdbmx", "bbbqbb"] {
            assert_eq!(
                forms(index, &table, Lang::English, word),
                index.find(word).into_iter().collect::<Vec<_>>()
            );
        }
        // Unmarked, each would find the other as a form.
        table.collided.clear();
        assert_eq!(forms(index, &table, Lang::English, "zdbmx").len(), 2);
    }
}
