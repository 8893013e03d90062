//! Reading an index file's head ([`super::file`]): the index without its posting lists
//! (room for them taken, zeroed, for the shards to be written into as they arrive:
//! [`Index::add_shards`]), the tables the file prepared, the outline and the collection's
//! keyphrases.
//!
//! Invariant: [`read_head`] gives an index only for a head [`super::file::write`] wrote:
//! its length, version and checksum are checked first, then what the sections hold;
//! otherwise a [`LoadError`] says why; never a panic.

use super::file::{check, LoadError, COUNTS, FIELD, HEADER, LANGS, MAGIC, PARTS, TRAILER, VERSION};
use super::parts::Parts;
use super::stems::Stems;
use super::{Class, FieldInfo, Index};
use crate::article::Kind;
use crate::fuzzy::OneEditKeys;
use crate::hash::digest;
use crate::keyphrase::Keyphrase;
use crate::outline::Outline;

/// A head read: the index (its shards and chunks all absent) and what came with it.
pub struct Head {
    /// The index, its postings not here yet.
    pub index: Index,
    /// The collection's keyphrases.
    pub keyphrases: Vec<Keyphrase>,
    /// What the list shows of every article.
    pub outline: Outline,
}

/// What the header says.
struct Counts {
    /// The counts (docs/format.md), then the average field lengths' bits.
    n: [u32; COUNTS + Class::COUNT],
}

/// What the file prepared for queries and the page, read with the index.
struct Prepared {
    stem_keys: Vec<u64>,
    collided: Vec<u32>,
    one_edit: Vec<u32>,
}

impl Counts {
    /// The header's, if `bytes` start with one of this version's.
    fn of(bytes: &[u8]) -> Result<Counts, LoadError> {
        let start = bytes.len().min(MAGIC.len());
        if bytes.is_empty() {
            return Err(LoadError::Missing);
        }
        if bytes.get(..start) != MAGIC.get(..start) {
            return Err(LoadError::NotAnIndex);
        }
        match word(bytes, 8) {
            Some(VERSION) => {}
            None => return Err(LoadError::Truncated),
            Some(other) => return Err(LoadError::Version(other)),
        }
        if bytes.len() < HEADER {
            return Err(LoadError::Truncated);
        }
        let n = std::array::from_fn(|i| word(bytes, 16 + 4 * i).unwrap_or(0));
        Ok(Counts { n })
    }

    /// The head's length (in `u64`: counts from a damaged file may be huge). Each count's
    /// bytes, in the counts' order (docs/format.md): an article's first field (4),
    /// language (1) and chunk start (none: the chunks count them); a field; a term's end,
    /// list, languages and document frequency (4 + 4 + 1 + 4); a byte of the terms; none
    /// for the postings; a stem key; a collided hash; a one-edit key; none for the number
    /// of keyphrases; a byte of them; a tf code; a shard's start and digest (4 + 8); a
    /// chunk's start and digest; a byte of the outline. And the ends: an article's
    /// offsets', the lists' offsets', the shards' and chunks' starts', the trailer.
    fn file(&self) -> u64 {
        const BYTES: [u64; COUNTS] = [5, FIELD as u64, 13, 1, 0, 8, 4, 4, 0, 1, 2, 12, 12, 1];
        let sections: u64 = self
            .n
            .iter()
            .zip(BYTES)
            .map(|(&n, b)| u64::from(n) * b)
            .sum();
        HEADER as u64 + 4 * 4 + sections + TRAILER as u64
    }
}

/// The head in `bytes` (the whole file), if it is one [`super::file::write`] wrote.
pub fn read_head(bytes: &[u8]) -> Result<Head, LoadError> {
    let counts = Counts::of(bytes)?;
    match (bytes.len() as u64).cmp(&counts.file()) {
        std::cmp::Ordering::Less => return Err(LoadError::Truncated),
        std::cmp::Ordering::Greater => {
            return Err(LoadError::Malformed("it is longer than its sections"))
        }
        std::cmp::Ordering::Equal => {}
    }
    let (body, sum) = bytes
        .split_at_checked(bytes.len() - TRAILER)
        .ok_or(LoadError::Truncated)?;
    if digest(body).to_le_bytes() != sum {
        return Err(LoadError::Corrupt);
    }
    let (index, prepared, keyphrases, outline) = parse_head(body, &counts)?;
    Ok(Head {
        index: complete(index, prepared)?,
        keyphrases,
        outline,
    })
}

/// The index in the head `bytes` (its postings zeroed room), what it prepared, the
/// keyphrases and the outline.
fn parse_head(
    bytes: &[u8],
    counts: &Counts,
) -> Result<(Index, Prepared, Vec<Keyphrase>, Outline), LoadError> {
    let [n_articles, n_fields, n_terms, terms_len, postings_len, n_stems, n_collided, n_one_edit, n_phrases, phrases_len, n_tf_codes, n_shards, n_chunks, outline_len, avg @ ..] =
        counts.n.map(|n| n as usize);
    let mut r = Reader { bytes, at: HEADER };
    let mut index = Index::default();
    for (avg, bits) in index.avg_words.iter_mut().zip(avg) {
        *avg = f32::from_bits(bits as u32);
    }
    let unknown = LoadError::Malformed("a field has an unknown part or kind");
    index.fields = Vec::with_capacity(n_fields);
    for record in r.records(n_fields, FIELD)?.chunks_exact(FIELD) {
        let field = field(record, &index.avg_words).ok_or(unknown.clone())?;
        index.fields.push(field);
    }
    index.article_fields = r.u32s(n_articles.saturating_add(1))?;
    index.langs = Vec::with_capacity(n_articles);
    for &b in r.take(n_articles)? {
        let lang = LANGS.get(b as usize);
        let lang = lang.ok_or(LoadError::Malformed("an article has an unknown language"))?;
        index.langs.push(*lang);
    }
    index.terms = std::str::from_utf8(r.take(terms_len)?)
        .map_err(|_| LoadError::Malformed("the terms are not UTF-8"))?
        .to_owned();
    index.term_ends = r.u32s(n_terms)?;
    index.lists = r.u32s(n_terms.saturating_add(1))?;
    index.term_langs = r.take(n_terms)?.to_vec();
    index.dfs = r.u32s(n_terms)?;
    let stem_keys = r.records(n_stems, 8)?.chunks_exact(8).map(u64_at).collect();
    let collided = r.u32s(n_collided)?;
    let one_edit = r.u32s(n_one_edit)?;
    let tf_codes = r.records(n_tf_codes, 2)?.chunks_exact(2);
    let tf_codes = tf_codes.map(|c| match *c {
        [lo, hi] => u16::from_le_bytes([lo, hi]),
        _ => 0,
    });
    index.tf_codes = tf_codes.collect();
    let keyphrases = keyphrases(r.take(phrases_len)?, n_phrases)?;
    let shards = r.u32s(n_shards.saturating_add(1))?;
    let shard_digests = r
        .records(n_shards, 8)?
        .chunks_exact(8)
        .map(u64_at)
        .collect();
    let chunks = r.u32s(n_chunks.saturating_add(1))?;
    let chunk_digests = r
        .records(n_chunks, 8)?
        .chunks_exact(8)
        .map(u64_at)
        .collect();
    let outline = Outline::read(r.take(outline_len)?, n_articles)
        .ok_or(LoadError::Malformed("the outline is malformed"))?;
    // The postings' room, zeroed: each shard is written into its place as it arrives.
    index.postings = vec![0; postings_len];
    index.parts = Parts::absent(shards, shard_digests, chunks, chunk_digests);
    let prepared = Prepared {
        stem_keys,
        collided,
        one_edit,
    };
    Ok((index, prepared, keyphrases, outline))
}

/// The little-endian `u64` of an eight-byte record.
fn u64_at(record: &[u8]) -> u64 {
    u64::from(word(record, 0).unwrap_or(0)) | u64::from(word(record, 4).unwrap_or(0)) << 32
}

/// The field of a record: block (as `i32`), part | kind << 8, base, len, words, step.
fn field(record: &[u8], avg_words: &[f32; Class::COUNT]) -> Option<FieldInfo> {
    let w = |i: usize| word(record, 4 * i);
    let part_kind = w(1)?;
    let mut info = FieldInfo {
        block: w(0)? as i32,
        part: *PARTS.get(part_kind as usize & 0xff)?,
        kind: Kind::ALL
            .into_iter()
            .find(|k| *k as u32 == part_kind >> 8)?,
        base: w(2)?,
        len: w(3)?,
        words: w(4)?,
        step: w(5)?,
        tf: 0,
    };
    info.tf = super::field_tf(&info, avg_words);
    Some(info)
}

/// The index, checked, with the tables the file prepared.
fn complete(index: Index, prepared: Prepared) -> Result<Index, LoadError> {
    let Prepared {
        stem_keys,
        collided,
        one_edit,
    } = prepared;
    check(&index)?;
    let sorted = stem_keys.windows(2).all(|w| w.first() <= w.get(1))
        && one_edit.windows(2).all(|w| w.first() < w.get(1))
        && collided.windows(2).all(|w| w.first() < w.get(1));
    if !sorted {
        return Err(LoadError::Malformed("a prepared table is out of order"));
    }
    // Set once, on an index of our own: `set` cannot fail here.
    let _ = index.stems.set(Stems::from_parts(stem_keys, collided));
    let _ = index.one_edit.set(OneEditKeys::from_keys(one_edit));
    Ok(index)
}

/// The `n` keyphrases of `bytes`: each its text's length, text, name flag and score.
fn keyphrases(bytes: &[u8], n: usize) -> Result<Vec<Keyphrase>, LoadError> {
    let mut r = Reader { bytes, at: 0 };
    let mut out = Vec::with_capacity(n.min(bytes.len()));
    let mut next = || -> Result<Keyphrase, LoadError> {
        let len = r.u32()? as usize;
        let text = std::str::from_utf8(r.take(len)?).map_err(|_| LoadError::Truncated)?;
        Ok(Keyphrase {
            text: text.to_owned(),
            name: r.take(1)? != [0],
            score: f32::from_bits(r.u32()?),
        })
    };
    for _ in 0..n {
        out.push(next().map_err(|_| LoadError::Malformed("the keyphrases are malformed"))?);
    }
    if r.at == bytes.len() {
        Ok(out)
    } else {
        Err(LoadError::Malformed("the keyphrases are malformed"))
    }
}

/// The little-endian `u32` at `at` of `bytes`.
fn word(bytes: &[u8], at: usize) -> Option<u32> {
    let mut w = [0u8; 4];
    w.copy_from_slice(bytes.get(at..at.checked_add(4)?)?);
    Some(u32::from_le_bytes(w))
}

/// Reads the head front to back; running out is [`LoadError::Truncated`].
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], LoadError> {
        let end = self.at.checked_add(n).ok_or(LoadError::Truncated)?;
        let slice = self.bytes.get(self.at..end).ok_or(LoadError::Truncated)?;
        self.at = end;
        Ok(slice)
    }

    fn u32(&mut self) -> Result<u32, LoadError> {
        word(self.take(4)?, 0).ok_or(LoadError::Truncated)
    }

    /// `n` records of `size` bytes.
    fn records(&mut self, n: usize, size: usize) -> Result<&'a [u8], LoadError> {
        self.take(n.checked_mul(size).ok_or(LoadError::Truncated)?)
    }

    fn u32s(&mut self, n: usize) -> Result<Vec<u32>, LoadError> {
        Ok(self
            .records(n, 4)?
            .chunks_exact(4)
            .map(|c| word(c, 0).unwrap_or(0))
            .collect())
    }
}
