//! Reading an index file's head ([`super::file`]) a slice at a time ([`HeadReading`]):
//! the checksum, the fields, the other sections, the room for the posting lists (zeroed,
//! for the shards to be written into as they arrive: [`Index::add_shards`]) and the checks,
//! each step a bounded piece of work, so that a page reading the head of 10,000 articles
//! (9.5 MB) between steps is never blocked for long. What comes of it: the index without
//! its posting lists, the tables the file prepared, the outline, the collection's
//! keyphrases.
//!
//! Invariant: a reading ends in an index only for a head [`super::file::write`] wrote: its
//! length, version and checksum are checked first, then what the sections hold; otherwise
//! in a [`LoadError`] saying why; never a panic. [`read_head`] is all the steps at once.

use super::file::{check, LoadError, COUNTS, FIELD, HEADER, LANGS, MAGIC, PARTS, TRAILER, VERSION};
use super::parts::Parts;
use super::stems::Stems;
use super::{Class, FieldInfo, Index};
use crate::article::Kind;
use crate::hash::Digest;
use crate::index::one_edit::OneEditKeys;
use crate::index::outline::Outline;
use crate::results::keyphrase::Keyphrase;

/// A head read: the index (its shards and chunks all absent) and what came with it.
pub struct Head {
    /// The index, its postings not here yet.
    pub index: Index,
    /// The collection's keyphrases.
    pub keyphrases: Vec<Keyphrase>,
    /// What the list shows of every article.
    pub outline: Outline,
}

/// What the header says: the counts (docs/format.md), then the average field lengths' bits.
struct Counts {
    n: [u32; COUNTS + Class::COUNT],
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

    /// Count `i` (docs/format.md's order).
    fn get(&self, i: usize) -> usize {
        self.n.get(i).copied().unwrap_or(0) as usize
    }

    /// The head's length (in `u64`: counts from a damaged file may be huge). Each count's
    /// bytes, in the counts' order (docs/format.md): an article's first field (4) and
    /// language (1); a field; a term's end, list, languages and document frequency (13
    /// in all); a byte of the terms; none for the postings; a stem key; a collided hash; a
    /// one-edit key; none for the number of keyphrases; a byte of them; a tf code; a
    /// shard's start and digest (12); a chunk's start and digest; an outline number; a
    /// byte of the outline's text. And the ends: an article's offsets', the lists'
    /// offsets', the shards' and chunks' starts', the trailer.
    fn file(&self) -> u64 {
        const BYTES: [u64; COUNTS] = [5, FIELD as u64, 13, 1, 0, 8, 4, 4, 0, 1, 2, 12, 12, 4, 1];
        let sections: u64 = self
            .n
            .iter()
            .zip(BYTES)
            .map(|(&n, b)| u64::from(n) * b)
            .sum();
        HEADER as u64 + 4 * 4 + sections + TRAILER as u64
    }
}

/// The head in `bytes` (the whole file), if it is one [`super::file::write`] wrote: a
/// [`HeadReading`] to its end.
#[cfg(feature = "internals")]
pub fn read_head(bytes: &[u8]) -> Result<Head, LoadError> {
    let mut reading = HeadReading::new(bytes.to_vec());
    loop {
        if let Some(done) = reading.step() {
            return done;
        }
    }
}

/// Bytes digested in one step.
const DIGEST_STEP: usize = 1 << 20;
/// Field records read in one step.
const FIELDS_STEP: usize = 1 << 14;
/// Bytes of the postings' room zeroed in one step.
const ROOM_STEP: usize = 8 << 20;

/// A head being read, a step at a time ([`HeadReading::step`]).
pub struct HeadReading {
    bytes: Vec<u8>,
    stage: Stage,
    digest: Digest,
    /// Where the next step reads in `bytes`.
    at: usize,
    counts: Counts,
    index: Index,
    prepared: Prepared,
    keyphrases: Vec<Keyphrase>,
    outline: Outline,
}

/// What the next step does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Checksum,
    Fields,
    Sections,
    Tables,
    Outline,
    Room,
    Check,
    Done,
}

/// What the file prepared for queries, read with the index.
#[derive(Default)]
struct Prepared {
    stem_keys: Vec<u64>,
    collided: Vec<u32>,
    one_edit: Vec<u32>,
}

impl HeadReading {
    /// A reading of the head `bytes` (the whole file).
    pub fn new(bytes: Vec<u8>) -> HeadReading {
        HeadReading {
            bytes,
            stage: Stage::Checksum,
            digest: Digest::default(),
            at: 0,
            counts: Counts {
                n: [0; COUNTS + Class::COUNT],
            },
            index: Index::default(),
            prepared: Prepared::default(),
            keyphrases: Vec::new(),
            outline: Outline::default(),
        }
    }

    /// Does the next step: `None` while there are more, then the head, or why it is not one.
    pub fn step(&mut self) -> Option<Result<Head, LoadError>> {
        match self.advance() {
            Ok(()) if self.stage == Stage::Done => Some(Ok(Head {
                index: std::mem::take(&mut self.index),
                keyphrases: std::mem::take(&mut self.keyphrases),
                outline: std::mem::take(&mut self.outline),
            })),
            Ok(()) => None,
            Err(why) => {
                self.stage = Stage::Done;
                Some(Err(why))
            }
        }
    }

    fn advance(&mut self) -> Result<(), LoadError> {
        match self.stage {
            Stage::Checksum => {
                if self.at == 0 {
                    self.counts = Counts::of(&self.bytes)?;
                    match (self.bytes.len() as u64).cmp(&self.counts.file()) {
                        std::cmp::Ordering::Less => return Err(LoadError::Truncated),
                        std::cmp::Ordering::Greater => {
                            return Err(LoadError::Malformed("it is longer than its sections"))
                        }
                        std::cmp::Ordering::Equal => {}
                    }
                }
                let body = self.bytes.len().saturating_sub(TRAILER);
                let end = (self.at + DIGEST_STEP).min(body);
                self.digest
                    .update(self.bytes.get(self.at..end).unwrap_or(&[]));
                self.at = end;
                if end == body {
                    if self.bytes.get(body..) != Some(&self.digest.finish().to_le_bytes()[..]) {
                        return Err(LoadError::Corrupt);
                    }
                    self.start_fields();
                }
            }
            Stage::Fields => self.fields()?,
            Stage::Sections => self.sections()?,
            Stage::Tables => self.tables()?,
            Stage::Outline => self.outline()?,
            Stage::Room => {
                // The postings' room, zeroed: each shard is written into its place.
                let want = self.counts.get(4);
                let room = &mut self.index.postings;
                if room.capacity() < want {
                    room.reserve_exact(want);
                }
                room.resize((room.len() + ROOM_STEP).min(want), 0);
                if room.len() == want {
                    self.stage = Stage::Check;
                }
            }
            Stage::Check => {
                let prepared = std::mem::take(&mut self.prepared);
                complete(&mut self.index, prepared)?;
                self.stage = Stage::Done;
            }
            Stage::Done => {}
        }
        Ok(())
    }

    fn start_fields(&mut self) {
        let avg = self.counts.n.get(COUNTS..).unwrap_or(&[]);
        for (avg, &bits) in self.index.avg_words.iter_mut().zip(avg) {
            *avg = f32::from_bits(bits);
        }
        self.index.fields = Vec::with_capacity(self.counts.get(1));
        self.at = HEADER;
        self.stage = Stage::Fields;
    }

    /// Reads the next FIELDS_STEP field records.
    fn fields(&mut self) -> Result<(), LoadError> {
        let left = self.counts.get(1) - self.index.fields.len();
        let n = left.min(FIELDS_STEP);
        let mut r = Reader {
            bytes: &self.bytes,
            at: self.at,
        };
        let unknown = LoadError::Malformed("a field has an unknown part or kind");
        for record in r.records(n, FIELD)?.chunks_exact(FIELD) {
            let field = field(record, &self.index.avg_words).ok_or(unknown.clone())?;
            self.index.fields.push(field);
        }
        self.at = r.at;
        if n == left {
            self.stage = Stage::Sections;
        }
        Ok(())
    }

    /// Reads the articles' and the terms' sections.
    fn sections(&mut self) -> Result<(), LoadError> {
        let c = &self.counts;
        let (n_articles, n_terms, terms_len) = (c.get(0), c.get(2), c.get(3));
        let mut r = Reader {
            bytes: &self.bytes,
            at: self.at,
        };
        let index = &mut self.index;
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
        self.at = r.at;
        self.stage = Stage::Tables;
        Ok(())
    }

    /// Reads the prepared tables, the keyphrases, the shards', chunks' and outline's.
    fn tables(&mut self) -> Result<(), LoadError> {
        let c = &self.counts;
        let mut r = Reader {
            bytes: &self.bytes,
            at: self.at,
        };
        self.prepared = Prepared {
            stem_keys: r.u64s(c.get(5))?,
            collided: r.u32s(c.get(6))?,
            one_edit: r.u32s(c.get(7))?,
        };
        let tf_codes = r.records(c.get(10), 2)?.chunks_exact(2);
        self.index.tf_codes = tf_codes
            .map(|c| match *c {
                [lo, hi] => u16::from_le_bytes([lo, hi]),
                _ => 0,
            })
            .collect();
        self.keyphrases = keyphrases(r.take(c.get(9))?, c.get(8))?;
        let (n_shards, n_chunks) = (c.get(11), c.get(12));
        let shards = r.u32s(n_shards.saturating_add(1))?;
        let shard_digests = r.u64s(n_shards)?;
        let chunks = r.u32s(n_chunks.saturating_add(1))?;
        let chunk_digests = r.u64s(n_chunks)?;
        self.index.parts = Parts::absent(shards, shard_digests, chunks, chunk_digests);
        self.at = r.at;
        self.stage = Stage::Outline;
        Ok(())
    }

    /// Reads the outline.
    fn outline(&mut self) -> Result<(), LoadError> {
        let c = &self.counts;
        let mut r = Reader {
            bytes: &self.bytes,
            at: self.at,
        };
        let numbers = r.records(c.get(13), 4)?.to_vec();
        let text_at = r.at;
        r.take(c.get(14))?;
        let text_end = r.at;
        // The bytes are all read: cut to the outline's text, which keeps them (the rest
        // given back before the postings' room is taken).
        let mut text = std::mem::take(&mut self.bytes);
        text.truncate(text_end);
        text.drain(..text_at);
        text.shrink_to_fit();
        self.outline = Outline::read(&numbers, text, c.get(0))
            .ok_or(LoadError::Malformed("the outline is malformed"))?;
        self.stage = Stage::Room;
        Ok(())
    }
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

/// The little-endian `u64` of an eight-byte record.
fn u64_at(record: &[u8]) -> u64 {
    u64::from(word(record, 0).unwrap_or(0)) | u64::from(word(record, 4).unwrap_or(0)) << 32
}

/// Checks `index` and sets the tables the file prepared.
fn complete(index: &mut Index, prepared: Prepared) -> Result<(), LoadError> {
    let Prepared {
        stem_keys,
        collided,
        one_edit,
    } = prepared;
    check(index)?;
    let sorted = stem_keys.windows(2).all(|w| w.first() <= w.get(1))
        && one_edit.windows(2).all(|w| w.first() < w.get(1))
        && collided.windows(2).all(|w| w.first() < w.get(1));
    if !sorted {
        return Err(LoadError::Malformed("a prepared table is out of order"));
    }
    // Set once, on an index of our own: `set` cannot fail here.
    let _ = index.stems.set(Stems::from_parts(stem_keys, collided));
    let _ = index.one_edit.set(OneEditKeys::from_keys(one_edit));
    Ok(())
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

    fn u64s(&mut self, n: usize) -> Result<Vec<u64>, LoadError> {
        Ok(self.records(n, 8)?.chunks_exact(8).map(u64_at).collect())
    }

    fn u32s(&mut self, n: usize) -> Result<Vec<u32>, LoadError> {
        Ok(self
            .records(n, 4)?
            .chunks_exact(4)
            .map(|c| word(c, 0).unwrap_or(0))
            .collect())
    }
}
