//! FNV-1a, 32 bits: the hash of the engine's sorted-hash tables (the stem table, the
//! one-edit keys). Short keys, not chosen to collide; each table checks its hits or only
//! asks a slower search. A [`Directory`] finds a hash's run in such a table in one step
//! and a search of a few keys, not a binary search of the whole. And [`digest`], 64 bits
//! over megabytes, eight bytes a step: what an index file checks itself and its articles
//! with.
use std::ops::Range;

/// A 64-bit digest of `bytes`, for telling files apart and catching corruption (not a
/// defence against someone forging one): [`Digest`] over all of it at once.
pub fn digest(bytes: &[u8]) -> u64 {
    let mut d = Digest::default();
    d.update(bytes);
    d.finish()
}

/// The digest of bytes that arrive in pieces (a download), equal to [`digest`] of all of
/// them: eight bytes a step, each multiplied in and mixed, then the length, then murmur3's
/// 64-bit finaliser. Tens of milliseconds for 150 MB in the wasm.
#[derive(Clone, Debug)]
pub struct Digest {
    h: u64,
    len: u64,
    /// The bytes of an unfinished word (`len % 8` of them).
    word: [u8; 8],
}

impl Default for Digest {
    fn default() -> Digest {
        Digest {
            h: 0x9e37_79b9_7f4a_7c15,
            len: 0,
            word: [0; 8],
        }
    }
}

impl Digest {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;

    fn mix(&mut self, w: u64) {
        self.h = (self.h ^ w).wrapping_mul(Self::K).rotate_left(29);
    }

    /// Adds `bytes`.
    pub fn update(&mut self, mut bytes: &[u8]) {
        let mut filled = (self.len % 8) as usize;
        self.len += bytes.len() as u64;
        // Complete the unfinished word first.
        while filled != 0 {
            let Some((&b, rest)) = bytes.split_first() else {
                return;
            };
            if let Some(slot) = self.word.get_mut(filled) {
                *slot = b;
            }
            bytes = rest;
            filled = (filled + 1) % 8;
            if filled == 0 {
                self.mix(u64::from_le_bytes(self.word));
            }
        }
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut w = [0u8; 8];
            w.copy_from_slice(word);
            self.mix(u64::from_le_bytes(w));
        }
        let rest = words.remainder();
        if let Some(start) = self.word.get_mut(..rest.len()) {
            start.copy_from_slice(rest);
        }
    }

    /// The digest of everything added.
    pub fn finish(&self) -> u64 {
        let mut d = self.clone();
        let filled = (d.len % 8) as usize;
        if let Some(tail) = d.word.get_mut(filled..) {
            tail.fill(0);
        }
        d.mix(u64::from_le_bytes(d.word));
        d.mix(d.len.wrapping_mul(0xff51_afd7_ed55_8ccd));
        // murmur3's fmix64: every input bit reaches every output bit.
        let mut h = d.h;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// FNV-1a of the concatenated `parts`.
pub fn fnv1a(parts: &[&[u8]]) -> u32 {
    parts
        .iter()
        .flat_map(|p| p.iter())
        .fold(0x811c_9dc5, |h, &b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        })
}

/// Where each run of hashes starts in a sorted table of hashes, by their top bits: the
/// keys with hash `h` lie in `range(h)` (a few keys: on average
/// [`Directory::PER_BUCKET`] to twice that; a table of under 16 keys is one bucket).
///
/// Invariant: `starts` is ascending, `starts.len() == (1 << bits) + 1`, and bucket `b`
/// (the hashes whose top `bits` bits are `b`) is `starts[b]..starts[b + 1]` of the table.
#[derive(Clone, Debug, Default)]
pub struct Directory {
    starts: Vec<u32>,
    bits: u32,
}

impl Directory {
    /// The fewest keys a bucket is sized for: the buckets are the largest power of two
    /// not above `len / PER_BUCKET`, so 8–16 keys each on average (4 bytes a bucket: at most a
    /// sixteenth of a table of `u64`s, an eighth of a table of `u32`s).
    pub const PER_BUCKET: usize = 8;

    /// The directory of a table whose hashes, in order, are `hashes` (ascending).
    pub fn new(hashes: impl ExactSizeIterator<Item = u32>) -> Directory {
        let len = hashes.len();
        let bits = (len / Self::PER_BUCKET).max(1).ilog2().min(24);
        let mut starts = Vec::with_capacity((1 << bits) + 1);
        for (i, h) in hashes.enumerate() {
            let bucket = Self::bucket(h, bits);
            while starts.len() <= bucket {
                starts.push(i as u32);
            }
        }
        starts.resize((1 << bits) + 1, len as u32);
        Directory { starts, bits }
    }

    /// The positions of the table that may hold hash `h` (its bucket).
    pub fn range(&self, h: u32) -> Range<usize> {
        let b = Self::bucket(h, self.bits);
        let at = |i: usize| self.starts.get(i).copied().unwrap_or(0) as usize;
        at(b)..at(b + 1).max(at(b))
    }

    fn bucket(h: u32, bits: u32) -> usize {
        (u64::from(h) >> (32 - bits)) as usize
    }

    /// Bytes on the heap.
    #[cfg(feature = "internals")]
    pub fn heap_bytes(&self) -> usize {
        self.starts.capacity() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::{fnv1a, Directory};

    #[test]
    fn a_directory_finds_every_hash_in_its_bucket() {
        for hashes in [
            vec![],
            vec![0, 0, 7, u32::MAX],
            (0..10_000u32)
                .map(|i| i.wrapping_mul(0x9e37_79b9))
                .collect(),
        ] {
            let mut hashes = hashes;
            hashes.sort_unstable();
            let dir = Directory::new(hashes.iter().copied());
            for (i, &h) in hashes.iter().enumerate() {
                let r = dir.range(h);
                assert!(r.contains(&i), "{h} at {i} not in {r:?}");
            }
            // Every bucket's keys, and no other, are in its range.
            for probe in [0, 1, 12345, 0x8000_0000, u32::MAX] {
                let r = dir.range(probe);
                let inside: Vec<u32> = hashes[r].to_vec();
                let b = |h: u32| (u64::from(h) >> (32 - dir.bits)) as usize;
                assert!(inside.iter().all(|&h| b(h) == b(probe)));
                let count = hashes.iter().filter(|&&h| b(h) == b(probe)).count();
                assert_eq!(inside.len(), count);
            }
        }
    }

    #[test]
    fn a_digest_tells_copies_apart() {
        use super::digest;
        let text: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 251) as u8).collect();
        let d = digest(&text);
        assert_eq!(d, digest(&text.clone()), "deterministic");
        // Every single-byte change, every truncation and a zero byte appended differ.
        for i in 0..text.len() {
            let mut changed = text.clone();
            changed[i] ^= 1;
            assert_ne!(digest(&changed), d, "byte {i} flipped");
            assert_ne!(digest(&text[..i]), d, "cut at {i}");
        }
        let mut longer = text.clone();
        longer.push(0);
        assert_ne!(digest(&longer), d);
        assert_ne!(digest(b""), digest(b"\0"));
        // In pieces of any size, the same digest.
        for piece in [1, 3, 7, 8, 9, 64, 999] {
            let mut d = super::Digest::default();
            for chunk in text.chunks(piece) {
                d.update(chunk);
            }
            assert_eq!(d.finish(), digest(&text), "pieces of {piece}");
        }
    }

    #[test]
    fn known_values_and_parts() {
        assert_eq!(fnv1a(&[]), 0x811c_9dc5);
        assert_eq!(fnv1a(&[b"a"]), 0xe40c_292c);
        assert_eq!(fnv1a(&[b"foobar"]), 0xbf9c_f968);
        assert_eq!(fnv1a(&[b"foo", b"bar"]), fnv1a(&[b"foobar"]));
    }
}
