//! The one-edit keys of an index's terms: a quick "no term is within one edit of this
//! word" before the typo walk (`crate::query::fuzzy`), kept with the index (built once,
//! or read with the index file).

use crate::hash::Directory;
use crate::index::Index;

/// Words of these lengths (chars) have their one-edit neighbours checked first by
/// [`maybe_one_edit`]: the words [`max_distance`] allows one edit, so the terms one char
/// shorter or longer.
const ONE_EDIT_TERMS: std::ops::RangeInclusive<usize> = 3..=8;

/// The deletion keys of the index's terms (built once, on first use; see
/// `maybe_one_edit`): the hash of every term of `ONE_EDIT_TERMS` chars and of each
/// of its one-char deletions, sorted — about 9 a term, 2 MB at 61,000 terms — with their
/// [`Directory`] (an eighth of that at most).
#[derive(Clone, Debug, Default)]
pub struct OneEditKeys {
    keys: Vec<u32>,
    directory: Directory,
}

impl OneEditKeys {
    /// The keys as the index file keeps them (sorted, distinct).
    pub fn keys(&self) -> &[u32] {
        &self.keys
    }

    /// The table of `keys` (sorted; the directory is derived).
    pub fn from_keys(keys: Vec<u32>) -> OneEditKeys {
        OneEditKeys {
            directory: Directory::new(keys.iter().copied()),
            keys,
        }
    }

    /// Whether `h` is one of the keys.
    fn contains(&self, h: u32) -> bool {
        self.keys
            .get(self.directory.range(h))
            .is_some_and(|run| run.binary_search(&h).is_ok())
    }

    /// Bytes on the heap.
    #[cfg(feature = "internals")]
    pub fn heap_bytes(&self) -> usize {
        self.keys.capacity() * 4 + self.directory.heap_bytes()
    }
}

/// The index's [`OneEditKeys`].
pub fn one_edit_keys(index: &Index) -> OneEditKeys {
    let mut keys = Vec::new();
    for t in 0..index.term_count() {
        let term = index.term(t);
        if ONE_EDIT_TERMS.contains(&term.chars().count()) {
            keys.push(u64::from(hash(&[term.as_bytes()])));
            for_each_deletion(term, |h| keys.push(u64::from(h)));
        }
    }
    crate::sort::sort_u64(&mut keys);
    keys.dedup();
    OneEditKeys::from_keys(keys.into_iter().map(|k| k as u32).collect())
}

/// Whether some term may lie within one edit of `word` (`false`: none does): a term one
/// edit away shares a one-char deletion, or its whole self, with the word (an insertion,
/// a deletion, a substitution at the same place). Hashes may collide: `true` only asks
/// the walk. An absent word of 4–7 letters then costs a few lookups, not the walk (31 µs
/// at 1,000 articles in the wasm).
pub fn maybe_one_edit(keys: &OneEditKeys, word: &str) -> bool {
    if keys.contains(hash(&[word.as_bytes()])) {
        return true;
    }
    let mut any = false;
    for_each_deletion(word, |h| any = any || keys.contains(h));
    any
}

/// Calls `each` with the hash of `word` minus each of its chars in turn.
fn for_each_deletion(word: &str, mut each: impl FnMut(u32)) {
    let bytes = word.as_bytes();
    for (i, c) in word.char_indices() {
        let before = bytes.get(..i).unwrap_or(&[]);
        let after = bytes.get(i + c.len_utf8()..).unwrap_or(&[]);
        each(hash(&[before, after]));
    }
}

/// The hash of a word given in parts (`crate::hash`).
fn hash(parts: &[&[u8]]) -> u32 {
    crate::hash::fnv1a(parts)
}
