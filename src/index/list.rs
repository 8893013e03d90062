//! Reading posting lists (layout in [`super`]): entries article by article, and an
//! entry's positions.

use super::{Index, TF_ESCAPE};
use crate::varint;

/// One article's entry in a term's posting list.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Entry<'a> {
    /// The article.
    pub article: u32,
    /// The term's BM25F pseudo term frequency there.
    pub tf: f32,
    /// Its positions, delta-coded ([`Positions`]).
    pub chunk: &'a [u8],
    /// Where `chunk` starts in the index's postings ([`super::Index::chunk`]).
    pub at: u32,
}

impl Entry<'_> {
    /// How many times the term occurs in the article.
    pub fn count(&self) -> u32 {
        varint::count(self.chunk)
    }
}

/// The entries of one posting list, in article order.
#[derive(Clone, Debug)]
pub struct PostingList<'a> {
    bytes: &'a [u8],
    /// Where `bytes` starts in the index's postings.
    base: u32,
    /// The index, for the fields' frequencies of an entry with one position.
    index: &'a Index,
    at: usize,
    article: u32,
    first: bool,
}

impl<'a> PostingList<'a> {
    /// Reads `bytes`, one whole posting list of `index`, which starts at `base` in its
    /// postings.
    pub(super) fn new(bytes: &'a [u8], base: u32, index: &'a Index) -> PostingList<'a> {
        PostingList {
            bytes,
            base,
            index,
            at: 0,
            article: 0,
            first: true,
        }
    }
}

impl<'a> Iterator for PostingList<'a> {
    type Item = Entry<'a>;

    fn next(&mut self) -> Option<Entry<'a>> {
        if self.at >= self.bytes.len() {
            return None;
        }
        let head = varint::read(self.bytes, &mut self.at);
        let delta = head >> 1;
        debug_assert!(
            self.first || delta > 0,
            "a posting list's articles strictly ascend"
        );
        self.article = if self.first {
            delta
        } else {
            self.article.saturating_add(delta)
        };
        self.first = false;
        let (tf, start);
        if head & 1 == 1 {
            // One occurrence: its position, and its field's frequency.
            start = self.at;
            let position = varint::read(self.bytes, &mut self.at);
            tf = self.index.once_tf(self.article, position);
        } else {
            let code = self.bytes.get(self.at).copied().unwrap_or(0);
            let bits = match self.bytes.get(self.at + 1..self.at + 3) {
                Some(&[lo, hi]) if code == TF_ESCAPE => {
                    self.at += 2;
                    u16::from_le_bytes([lo, hi])
                }
                _ => self.index.tf_code(code),
            };
            self.at += 1;
            tf = from_bf16(bits);
            let len = varint::read(self.bytes, &mut self.at) as usize;
            start = self.at;
            self.at = start.saturating_add(len).min(self.bytes.len());
        }
        Some(Entry {
            article: self.article,
            tf,
            chunk: self.bytes.get(start..self.at).unwrap_or(&[]),
            at: self.base.saturating_add(start as u32),
        })
    }
}

/// The positions of one entry, ascending.
#[derive(Clone, Debug)]
pub struct Positions<'a> {
    chunk: &'a [u8],
    at: usize,
    last: u32,
}

impl<'a> Positions<'a> {
    /// Reads a chunk of delta-coded positions.
    pub fn new(chunk: &'a [u8]) -> Positions<'a> {
        Positions {
            chunk,
            at: 0,
            last: 0,
        }
    }
}

impl Iterator for Positions<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        if self.at >= self.chunk.len() {
            return None;
        }
        let first = self.at == 0;
        let delta = varint::read(self.chunk, &mut self.at);
        debug_assert!(
            (first || delta > 0) && self.last.checked_add(delta).is_some(),
            "an entry's positions strictly ascend"
        );
        self.last = self.last.saturating_add(delta);
        Some(self.last)
    }
}

/// `x` as a bfloat16 (the high half of its f32 bits, rounded to nearest even).
pub fn to_bf16(x: f32) -> u16 {
    let bits = x.to_bits();
    let round = 0x7fff + ((bits >> 16) & 1);
    (bits.saturating_add(round) >> 16) as u16
}

/// The f32 a bfloat16 stands for.
pub fn from_bf16(b: u16) -> f32 {
    f32::from_bits(u32::from(b) << 16)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks that every entry's pseudo term frequency is its occurrences' summed in
    /// position order, as the build sums them (stored for several, coded or escaped; its
    /// field's for one); returns how many entries have one position, how many more, and
    /// how many distinct frequencies the latter have.
    fn check_entry_tfs(index: &Index) -> (usize, usize, usize) {
        let (mut once, mut more) = (0, 0);
        let mut distinct = std::collections::HashSet::new();
        for t in 0..index.term_count() {
            for e in index.list(t) {
                let fields = index.fields_of(e.article);
                let mut tf = 0.0f32;
                for p in index.positions(e.chunk) {
                    let f = &fields[fields.partition_point(|i| i.base <= p) - 1];
                    let class = f.class();
                    tf += crate::rank::occurrence_tf(class, f.words, index.avg_words(class));
                }
                assert_eq!(e.tf, from_bf16(to_bf16(tf)), "{}", index.term(t));
                if e.count() == 1 {
                    once += 1;
                } else {
                    more += 1;
                    distinct.insert(e.tf.to_bits());
                }
            }
        }
        (once, more, distinct.len())
    }

    #[test]
    fn an_entry_has_its_occurrences_frequency() {
        let texts = [
            include_str!("../../tests/fixtures/en-arctic-shipping.txt"),
            include_str!("../../tests/fixtures/ru-economic-forum.txt"),
            include_str!("../../tests/fixtures/ko-seoul-dialogue.txt"),
        ];
        let articles: Vec<_> = texts
            .iter()
            .map(|t| crate::article::parse(t).unwrap())
            .collect();
        let (once, more, _) = check_entry_tfs(&crate::index::build(&articles));
        assert!(once > 100 && more > 20, "{once} once, {more} more");
    }

    #[test]
    fn frequencies_without_a_code_are_stored_whole() {
        // Article i: a word 2 to 38 times among 3 to 502 other words, so more distinct
        // frequencies than there are codes.
        let articles: Vec<_> = (0..800)
            .map(|i| {
                let words = "seoul ".repeat(2 + i % 37) + &"moscow ".repeat(3 + i * 7 % 500);
                crate::article::parse(&format!("Title {i}\n\n{words}end.\n")).unwrap()
            })
            .collect();
        let index = crate::index::build(&articles);
        let (_, more, distinct) = check_entry_tfs(&index);
        assert_eq!(index.tf_codes.len(), usize::from(TF_ESCAPE));
        assert!(distinct > 400, "{distinct} of {more}");
    }

    #[test]
    fn a_field_takes_24_bytes() {
        // 156,334 fields at 10,000 articles: each word of it is 0.6 MB of wasm memory.
        assert_eq!(std::mem::size_of::<super::super::FieldInfo>(), 24);
    }

    #[test]
    fn bf16_keeps_three_significant_digits() {
        for x in [0.0f32, 0.2, 1.0, 1.5, 3.7, 16.0, 123.4, 9_999.0] {
            let y = from_bf16(to_bf16(x));
            assert!((y - x).abs() <= x * 0.004, "{x} → {y}");
        }
    }
}
