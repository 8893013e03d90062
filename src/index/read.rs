//! Reading an index file as its bytes arrive ([`crate::loading`]), into room of the file's
//! size taken first, at the bottom of the heap grown for the load: the file's *head* (the
//! header and every section but the postings) is read as soon as it is all in, the room
//! first trimmed to the postings' size (the tables read from the head then take what is
//! given back), and the postings are written over the head. So no section is held twice,
//! and the load's largest block lies below the articles (allocated after them it did not
//! fit the grown heap). [`super::file::read`] is this, given the whole file at once.
//!
//! Invariant: however the file is cut into pieces, [`Incoming::finish`] gives the same
//! index, or the same [`LoadError`], as for the whole file: the length, the checksum and
//! the articles' digest are checked first, then what the sections hold; never a panic.

use super::file::{check, LoadError, COUNTS, FIELD, HEADER, LANGS, MAGIC, PARTS, TRAILER, VERSION};
use super::stems::Stems;
use super::{Class, FieldInfo, Index};
use crate::article::Kind;
use crate::fuzzy::OneEditKeys;
use crate::hash::Digest;
use crate::keyphrase::Keyphrase;

/// An index file arriving in pieces.
#[derive(Default)]
pub struct Incoming {
    /// The file's length, if known ahead (0: not).
    expected: usize,
    /// Bytes received.
    received: u64,
    /// The head while it comes, then the postings.
    bytes: Vec<u8>,
    /// The digest of every byte but the last [`TRAILER`] received so far (`held`).
    body: Digest,
    held: Vec<u8>,
    head: Head,
}

/// The file's head.
#[derive(Default)]
#[allow(
    clippy::large_enum_variant,
    reason = "one a load, read once: boxing the index would only add code"
)]
enum Head {
    /// Not all in yet.
    #[default]
    Coming,
    /// Not an index of this version: why.
    Refused(LoadError),
    /// Read: what its header says, and the index without its postings, or why a section
    /// breaks the rules (told after the checksum, which a damaged file fails first).
    Read(Counts, Result<(Index, Prepared), LoadError>),
}

/// What the header says.
struct Counts {
    /// The digest of the articles the file is for.
    articles: u64,
    /// The counts (docs/format.md), then the average field lengths' bits.
    n: [u32; COUNTS + Class::COUNT],
}

/// What the file prepared for queries and the page, read with the index.
struct Prepared {
    stem_keys: Vec<u64>,
    collided: Vec<u32>,
    one_edit: Vec<u32>,
    keyphrases: Vec<Keyphrase>,
}

impl Counts {
    /// The header's, if `bytes` start with one of this version's (else why not, or
    /// `Ok(None)`: it is not all there).
    fn of(bytes: &[u8]) -> Result<Option<Counts>, LoadError> {
        let start = bytes.len().min(MAGIC.len());
        if bytes.get(..start) != MAGIC.get(..start) {
            return Err(LoadError::NotAnIndex);
        }
        match word(bytes, 8) {
            Some(VERSION) | None => {}
            Some(other) => return Err(LoadError::Version(other)),
        }
        if bytes.len() < HEADER {
            return Ok(None);
        }
        let articles = u64::from(word(bytes, 16).unwrap_or(0));
        let articles = articles | u64::from(word(bytes, 20).unwrap_or(0)) << 32;
        let n = std::array::from_fn(|i| word(bytes, 24 + 4 * i).unwrap_or(0));
        Ok(Some(Counts { articles, n }))
    }

    /// The bytes of the postings.
    fn postings(&self) -> u64 {
        u64::from(self.n[4])
    }

    /// The bytes of the head: all but the postings and the trailer (in `u64`: counts
    /// from a damaged file may be huge). Each count's bytes there, in the counts' order
    /// (docs/format.md): an article's first field (4) and language (1); a field; a
    /// term's end, list, languages and document frequency (4 + 4 + 1 + 4); a byte of the
    /// terms; none for the postings; a stem key; a collided hash; a one-edit key; none
    /// for the number of keyphrases; a byte of them; a tf code. And the two ends of
    /// the articles' and the lists' offsets.
    fn head(&self) -> u64 {
        const BYTES: [u64; COUNTS] = [5, FIELD as u64, 13, 1, 0, 8, 4, 4, 0, 1, 2];
        let sections: u64 = self
            .n
            .iter()
            .zip(BYTES)
            .map(|(&n, b)| u64::from(n) * b)
            .sum();
        HEADER as u64 + 4 + 4 + sections
    }

    /// The file's length.
    fn file(&self) -> u64 {
        self.head() + self.postings() + TRAILER as u64
    }
}

impl Incoming {
    /// A file of `expected` bytes will arrive (0: unknown).
    pub fn new(expected: usize) -> Incoming {
        Incoming {
            expected,
            bytes: Vec::with_capacity(expected),
            ..Incoming::default()
        }
    }

    /// Whether no byte has arrived.
    pub fn is_empty(&self) -> bool {
        self.received == 0
    }

    /// Takes the next bytes of the file.
    pub fn push(&mut self, bytes: &[u8]) {
        self.digest(bytes);
        self.received += bytes.len() as u64;
        let mut rest = bytes;
        while matches!(self.head, Head::Coming) && !rest.is_empty() {
            let counts = match Counts::of(&self.bytes) {
                Ok(counts) => counts,
                Err(why) => {
                    self.head = Head::Refused(why);
                    self.bytes = Vec::new();
                    return;
                }
            };
            let head = counts.as_ref().map_or(HEADER as u64, Counts::head);
            let want = head.saturating_sub(self.bytes.len() as u64);
            let (now, later) = rest
                .split_at_checked(usize::try_from(want).unwrap_or(usize::MAX).min(rest.len()))
                .unwrap_or((rest, &[]));
            self.bytes.extend_from_slice(now);
            rest = later;
            if let Some(counts) = counts.filter(|c| self.bytes.len() as u64 == c.head()) {
                self.read_head(counts);
            }
        }
        if let Head::Read(counts, _) = &self.head {
            let want = counts.postings().saturating_sub(self.bytes.len() as u64);
            let n = usize::try_from(want).unwrap_or(usize::MAX).min(rest.len());
            self.bytes.extend_from_slice(rest.get(..n).unwrap_or(&[]));
        }
    }

    /// The head is all in `bytes`: reads it, and makes `bytes` the postings' room.
    fn read_head(&mut self, counts: Counts) {
        // Where the postings will lie, the head's tables' room given back first.
        let exact = counts.file() == self.expected as u64;
        let postings = usize::try_from(counts.postings()).unwrap_or(usize::MAX);
        if exact {
            self.bytes.shrink_to(postings.max(self.bytes.len()));
        }
        let parsed = parse_head(&self.bytes, &counts);
        self.bytes.clear();
        if exact {
            self.bytes.shrink_to(postings);
        }
        self.head = Head::Read(counts, parsed);
    }

    /// Adds `bytes` to the digest of all but the last [`TRAILER`] bytes, which `held`
    /// keeps.
    fn digest(&mut self, bytes: &[u8]) {
        let split = bytes.len().checked_sub(TRAILER);
        match split.and_then(|n| bytes.split_at_checked(n)) {
            Some((body, last)) => {
                self.body.update(&self.held);
                self.body.update(body);
                self.held.clear();
                self.held.extend_from_slice(last);
            }
            None => {
                // Fewer than TRAILER new bytes: the oldest held ones are now body.
                self.held.extend_from_slice(bytes);
                let over = self.held.len().saturating_sub(TRAILER);
                self.body.update(self.held.get(..over).unwrap_or(&[]));
                self.held.drain(..over);
            }
        }
    }

    /// Every byte is in: the index and the collection's keyphrases, if the file is one
    /// [`super::file::write`] wrote for the articles with digest `articles`.
    pub fn finish(self, articles: u64) -> Result<(Index, Vec<Keyphrase>), LoadError> {
        let (counts, parsed) = match self.head {
            // Not all of the header, or of the head: what there is tells why.
            Head::Coming => {
                return Err(match Counts::of(&self.bytes) {
                    Err(why) => why,
                    Ok(_) if self.bytes.len() < MAGIC.len() => LoadError::NotAnIndex,
                    Ok(_) => LoadError::Truncated,
                })
            }
            Head::Refused(why) => return Err(why),
            Head::Read(counts, parsed) => (counts, parsed),
        };
        match self.received.cmp(&counts.file()) {
            std::cmp::Ordering::Less => return Err(LoadError::Truncated),
            std::cmp::Ordering::Greater => {
                return Err(LoadError::Malformed("it is longer than its sections"))
            }
            std::cmp::Ordering::Equal => {}
        }
        if self.held != self.body.finish().to_le_bytes() {
            return Err(LoadError::Corrupt);
        }
        if counts.articles != articles {
            return Err(LoadError::OtherArticles);
        }
        let (mut index, prepared) = parsed?;
        index.postings = self.bytes;
        index.postings.shrink_to_fit(); // its size already, when the length was known
        complete(index, prepared)
    }
}

/// The index in the head `bytes` (without its postings) and what it prepared.
fn parse_head(bytes: &[u8], counts: &Counts) -> Result<(Index, Prepared), LoadError> {
    let [n_articles, n_fields, n_terms, terms_len, _, n_stems, n_collided, n_one_edit, n_phrases, phrases_len, n_tf_codes, avg @ ..] =
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
    let stem_keys = r.records(n_stems, 8)?.chunks_exact(8);
    let stem_keys = stem_keys
        .map(|k| u64::from(word(k, 0).unwrap_or(0)) | u64::from(word(k, 4).unwrap_or(0)) << 32);
    let stem_keys = stem_keys.collect();
    let collided = r.u32s(n_collided)?;
    let one_edit = r.u32s(n_one_edit)?;
    let tf_codes = r.records(n_tf_codes, 2)?.chunks_exact(2);
    let tf_codes = tf_codes.map(|c| match *c {
        [lo, hi] => u16::from_le_bytes([lo, hi]),
        _ => 0,
    });
    index.tf_codes = tf_codes.collect();
    let keyphrases = keyphrases(r.take(phrases_len)?, n_phrases)?;
    let prepared = Prepared {
        stem_keys,
        collided,
        one_edit,
        keyphrases,
    };
    Ok((index, prepared))
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

/// The index with its posting lists, checked, with the tables the file prepared.
fn complete(index: Index, prepared: Prepared) -> Result<(Index, Vec<Keyphrase>), LoadError> {
    let Prepared {
        stem_keys,
        collided,
        one_edit,
        keyphrases,
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
    Ok((index, keyphrases))
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
