//! The parts a corpus arrives in (`src/corpus/loading.rs`): the posting lists in *shards* (shard
//! `k` holds the lists of a run of terms) and the articles in *chunks* (chunk `k` is a
//! bundle of a run of articles), each its own file beside the index file's head, and which
//! of them are here. A query that reads a list or an article that is not here gets an
//! empty one, and the part is marked *wanted*: the page fetches what is wanted first, and
//! asks again when it is here. So an answer is only ever shown whole.
//!
//! Invariants: `shards` and `chunks` are ascending, start at 0 and end at the number of
//! terms and of articles; there is a digest and a state per shard and per chunk; `missing`
//! counts the parts whose state is not [`HERE`]. A corpus built here has no parts: all of
//! it is here.

use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

/// A part's state.
const ABSENT: u8 = 0;
const WANTED: u8 = 1;
const HERE: u8 = 2;

/// The bit that tells a chunk's number from a shard's in [`Parts::take_wanted`].
pub const CHUNK: u32 = 1 << 31;

/// The shards and chunks of a corpus loaded in parts.
#[derive(Debug, Default)]
pub struct Parts {
    /// Shard `k` holds the lists of terms `shards[k]..shards[k + 1]`.
    pub(super) shards: Vec<u32>,
    pub(super) shard_digests: Vec<u64>,
    /// Chunk `k` holds articles `chunks[k]..chunks[k + 1]`.
    pub(super) chunks: Vec<u32>,
    pub(super) chunk_digests: Vec<u64>,
    /// Each shard's state, then each chunk's.
    state: Vec<AtomicU8>,
    missing: AtomicUsize,
}

impl Clone for Parts {
    fn clone(&self) -> Parts {
        Parts {
            shards: self.shards.clone(),
            shard_digests: self.shard_digests.clone(),
            chunks: self.chunks.clone(),
            chunk_digests: self.chunk_digests.clone(),
            state: self
                .state
                .iter()
                .map(|s| AtomicU8::new(s.load(Ordering::Relaxed)))
                .collect(),
            missing: AtomicUsize::new(self.missing.load(Ordering::Relaxed)),
        }
    }
}

/// The part of `starts` (ascending run starts, the last the end) holding `n`.
fn part_of(starts: &[u32], n: u32) -> Option<usize> {
    let k = starts.partition_point(|&s| s <= n).checked_sub(1)?;
    (k + 1 < starts.len()).then_some(k)
}

impl Parts {
    /// Parts with these runs and digests, none of them here yet.
    pub(super) fn absent(
        shards: Vec<u32>,
        shard_digests: Vec<u64>,
        chunks: Vec<u32>,
        chunk_digests: Vec<u64>,
    ) -> Parts {
        let n = shard_digests.len() + chunk_digests.len();
        Parts {
            shards,
            shard_digests,
            chunks,
            chunk_digests,
            state: (0..n).map(|_| AtomicU8::new(ABSENT)).collect(),
            missing: AtomicUsize::new(n),
        }
    }

    /// Whether every part is here.
    pub fn complete(&self) -> bool {
        self.missing.load(Ordering::Relaxed) == 0
    }

    /// The number of shards.
    pub fn shard_count(&self) -> usize {
        self.shard_digests.len()
    }

    /// The number of chunks.
    pub fn chunk_count(&self) -> usize {
        self.chunk_digests.len()
    }

    /// The terms of shard `k`.
    pub fn shard_terms(&self, k: usize) -> Option<(u32, u32)> {
        Some((*self.shards.get(k)?, *self.shards.get(k + 1)?))
    }

    /// The articles of chunk `k`.
    pub fn chunk_articles(&self, k: usize) -> Option<(u32, u32)> {
        Some((*self.chunks.get(k)?, *self.chunks.get(k + 1)?))
    }

    /// Chunk `k`'s digest.
    pub fn chunk_digest(&self, k: usize) -> Option<u64> {
        self.chunk_digests.get(k).copied()
    }

    /// Whether part `i` (shards first, then chunks) is here; if not, it is marked wanted.
    fn here_or_want(&self, i: usize) -> bool {
        let Some(state) = self.state.get(i) else {
            return true;
        };
        if state.load(Ordering::Relaxed) == HERE {
            return true;
        }
        state.store(WANTED, Ordering::Relaxed);
        false
    }

    /// Whether term `t`'s posting list is here; if not, its shard is wanted.
    pub fn term_here(&self, t: u32) -> bool {
        self.complete() || part_of(&self.shards, t).is_none_or(|k| self.here_or_want(k))
    }

    /// Whether article `a`'s text is here; if not, its chunk is wanted.
    pub fn article_here(&self, a: u32) -> bool {
        self.complete()
            || part_of(&self.chunks, a).is_none_or(|k| self.here_or_want(self.shard_count() + k))
    }

    /// Whether shard `k` is here.
#[cfg(feature = "internals")]
    pub fn shard_is_here(&self, k: usize) -> bool {
        self.state
            .get(k)
            .is_some_and(|s| s.load(Ordering::Relaxed) == HERE)
    }

    /// Whether chunk `k` is here.
    pub fn chunk_is_here(&self, k: usize) -> bool {
        self.state
            .get(self.shard_count() + k)
            .is_some_and(|s| s.load(Ordering::Relaxed) == HERE)
    }

    /// Marks part `i` here.
    fn arrive(&mut self, i: usize) {
        if let Some(state) = self.state.get_mut(i) {
            if *state.get_mut() != HERE {
                *state.get_mut() = HERE;
                *self.missing.get_mut() -= 1;
            }
        }
    }

    /// Marks shard `k` here.
    pub(crate) fn shard_arrived(&mut self, k: usize) {
        self.arrive(k);
    }

    /// Marks chunk `k` here.
    pub(crate) fn chunk_arrived(&mut self, k: usize) {
        self.arrive(self.shard_count() + k);
    }

    /// The parts wanted since the last call and still not here: shard `k` as `k`, chunk
    /// `k` as `CHUNK | k`. They are no longer marked.
    pub fn take_wanted(&self) -> Vec<u32> {
        // All here (the page asks after every keystroke's calls): nothing to look through.
        if self.complete() {
            return Vec::new();
        }
        let shards = self.shard_count();
        self.state
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                s.compare_exchange(WANTED, ABSENT, Ordering::Relaxed, Ordering::Relaxed)
                    .is_ok()
            })
            .map(|(i, _)| match i.checked_sub(shards) {
                Some(k) => CHUNK | k as u32,
                None => i as u32,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_not_here_is_wanted_once_then_here() {
        let mut parts = Parts::absent(vec![0, 3, 5], vec![1, 2], vec![0, 2], vec![7]);
        assert!(!parts.complete());
        assert!(!parts.term_here(4));
        assert!(!parts.term_here(3));
        assert!(!parts.article_here(1));
        assert_eq!(parts.take_wanted(), [1, CHUNK]);
        assert_eq!(parts.take_wanted(), Vec::<u32>::new());
        parts.shard_arrived(1);
        assert!(parts.term_here(4));
        assert!(!parts.term_here(0));
        assert_eq!(parts.take_wanted(), [0]);
        parts.shard_arrived(0);
        parts.chunk_arrived(0);
        parts.chunk_arrived(0);
        assert!(parts.complete());
        assert!(parts.article_here(1) && parts.term_here(0));
        // Out of range: nothing to want.
        assert!(Parts::default().term_here(9) && Parts::default().article_here(9));
    }
}
