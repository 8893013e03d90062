//! Reading posting lists (layout in [`super`]): entries article by article, and an
//! entry's positions.

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
    at: usize,
    article: u32,
    first: bool,
}

impl<'a> PostingList<'a> {
    /// Reads `bytes`, one whole posting list, which starts at `base` in the postings.
    pub fn new(bytes: &'a [u8], base: u32) -> PostingList<'a> {
        PostingList {
            bytes,
            base,
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
        let delta = varint::read(self.bytes, &mut self.at);
        self.article = if self.first {
            delta
        } else {
            self.article.saturating_add(delta)
        };
        self.first = false;
        let tf = match self.bytes.get(self.at..self.at + 2) {
            Some(&[lo, hi]) => from_bf16(u16::from_le_bytes([lo, hi])),
            _ => 0.0,
        };
        self.at += 2;
        let len = varint::read(self.bytes, &mut self.at) as usize;
        let end = self.at.saturating_add(len).min(self.bytes.len());
        let chunk = self.bytes.get(self.at..end).unwrap_or(&[]);
        let at = self.base.saturating_add(self.at as u32);
        self.at = end;
        Some(Entry {
            article: self.article,
            tf,
            chunk,
            at,
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
        self.last = self
            .last
            .saturating_add(varint::read(self.chunk, &mut self.at));
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

    #[test]
    fn bf16_keeps_three_significant_digits() {
        for x in [0.0f32, 0.2, 1.0, 1.5, 3.7, 16.0, 123.4, 9_999.0] {
            let y = from_bf16(to_bf16(x));
            assert!((y - x).abs() <= x * 0.004, "{x} → {y}");
        }
    }
}
