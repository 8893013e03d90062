//! Reading an index file as its bytes arrive ([`crate::loading`]): each record of a
//! section is read into the index as soon as its bytes are in, and the posting lists are
//! gathered into a vector of their size (known from the header). So no section is held
//! twice — as the file's bytes beside the tables read from them — and reading is spread
//! over the download. [`super::file::read`] is this, given the whole file at once.
//!
//! Invariant: however the file is cut into pieces, [`Incoming::finish`] gives the same
//! index, or the same [`LoadError`], as for the whole file: the length, the checksum and
//! the articles' digest are checked first, then what the sections hold; never a panic.

use super::file::{LoadError, COUNTS, FIELD, HEADER, LANGS, MAGIC, PARTS, TRAILER, VERSION};
use super::stems::Stems;
use super::{Class, FieldInfo, Index};
use crate::article::Kind;
use crate::fuzzy::OneEditKeys;
use crate::hash::Digest;
use crate::keyphrase::Keyphrase;

/// An index file arriving in pieces.
#[derive(Default)]
pub struct Incoming {
    /// The file's length, if known ahead (0: not): vectors are sized from the header's
    /// counts only when they add up to it.
    expected: usize,
    /// Bytes received.
    received: u64,
    /// The file's first [`HEADER`] bytes, as they come.
    header: Vec<u8>,
    /// The digest of every byte but the last [`TRAILER`] received so far (`held`).
    body: Digest,
    held: Vec<u8>,
    /// The sections being read, once the header is in and is one of this version's.
    sections: Option<Box<Sections>>,
    /// Until then, room for the posting lists: the whole file's length, taken first so
    /// that the load's largest block lies at the bottom of the heap, below the articles
    /// (allocated when the header arrives, with the articles in, it would not fit the
    /// heap grown for the load, and grow it by its whole size). What is not postings is
    /// given back when the header tells.
    postings: Vec<u8>,
}

/// The sections after the header (docs/format.md).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Section {
    Fields,
    ArticleFields,
    Langs,
    Terms,
    TermEnds,
    Lists,
    TermLangs,
    Dfs,
    StemKeys,
    Collided,
    OneEdit,
    TfCodes,
    Phrases,
    Postings,
}

/// The sections in file order, each with the bytes of one record (1: read as bytes).
const SECTIONS: [(Section, usize); 14] = [
    (Section::Fields, FIELD),
    (Section::ArticleFields, 4),
    (Section::Langs, 1),
    (Section::Terms, 1),
    (Section::TermEnds, 4),
    (Section::Lists, 4),
    (Section::TermLangs, 1),
    (Section::Dfs, 4),
    (Section::StemKeys, 8),
    (Section::Collided, 4),
    (Section::OneEdit, 4),
    (Section::TfCodes, 2),
    (Section::Phrases, 1),
    (Section::Postings, 1),
];

/// The header's counts (docs/format.md).
#[derive(Default)]
struct Counts {
    articles_digest: u64,
    articles: u64,
    fields: u64,
    terms: u64,
    terms_len: u64,
    postings_len: u64,
    stems: u64,
    collided: u64,
    one_edit: u64,
    phrases: u64,
    phrases_len: u64,
    tf_codes: u64,
}

impl Counts {
    /// The bytes of the `at`th section (0 past the last), in `u64`: counts from a
    /// damaged file may be huge.
    fn len(&self, at: usize) -> u64 {
        let Some(&(section, size)) = SECTIONS.get(at) else {
            return 0;
        };
        let records = match section {
            Section::Fields => self.fields,
            Section::ArticleFields => self.articles + 1,
            Section::Langs => self.articles,
            Section::Terms => self.terms_len,
            Section::TermEnds | Section::TermLangs | Section::Dfs => self.terms,
            Section::Lists => self.terms + 1,
            Section::StemKeys => self.stems,
            Section::Collided => self.collided,
            Section::OneEdit => self.one_edit,
            Section::TfCodes => self.tf_codes,
            Section::Phrases => self.phrases_len,
            Section::Postings => self.postings_len,
        };
        records * size as u64
    }

    /// The file's length these counts call for.
    fn file_len(&self) -> u64 {
        let sections: u64 = (0..SECTIONS.len()).map(|at| self.len(at)).sum();
        HEADER as u64 + sections + TRAILER as u64
    }
}

/// The index being read, section by section.
#[derive(Default)]
struct Sections {
    counts: Counts,
    index: Index,
    terms: Vec<u8>,
    stem_keys: Vec<u64>,
    collided: Vec<u32>,
    one_edit: Vec<u32>,
    phrases: Vec<u8>,
    keyphrases: Vec<Keyphrase>,
    /// The section being read (an index into [`SECTIONS`]; past it: the trailer) and its
    /// bytes still to come.
    at: usize,
    left: u64,
    /// The first bytes of a record, when a piece ended inside one.
    carry: Vec<u8>,
    /// Why a section breaks its rules, if one does (told after the checksum, which a
    /// damaged file fails first); nothing more is read then.
    broken: Option<&'static str>,
}

impl Incoming {
    /// A file of `expected` bytes will arrive (0: unknown).
    pub fn new(expected: usize) -> Incoming {
        Incoming {
            expected,
            postings: Vec::with_capacity(expected),
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
        if self.header.len() < HEADER {
            let (head, tail) = rest
                .split_at_checked(HEADER - self.header.len())
                .unwrap_or((rest, &[]));
            self.header.extend_from_slice(head);
            rest = tail;
            if self.header.len() == HEADER {
                self.sections = self.start().map(Box::new);
                self.postings = Vec::new(); // taken, or not needed
            }
        }
        if let Some(sections) = self.sections.as_mut() {
            sections.take(rest);
        }
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

    /// The sections to read, if the header is an index's of this version.
    fn start(&mut self) -> Option<Sections> {
        let header = self.header.as_slice();
        if header.get(..MAGIC.len()) != Some(MAGIC) || word(header, 8) != Some(VERSION) {
            return None;
        }
        let count = |i: usize| u64::from(word(header, 24 + 4 * i).unwrap_or(0));
        let counts = Counts {
            articles_digest: u64::from(word(header, 16).unwrap_or(0))
                | u64::from(word(header, 20).unwrap_or(0)) << 32,
            articles: count(0),
            fields: count(1),
            terms: count(2),
            terms_len: count(3),
            postings_len: count(4),
            stems: count(5),
            collided: count(6),
            one_edit: count(7),
            phrases: count(8),
            phrases_len: count(9),
            tf_codes: count(10),
        };
        let mut index = Index::default();
        for (i, avg) in index.avg_words.iter_mut().enumerate() {
            *avg = f32::from_bits(word(header, 24 + 4 * (COUNTS + i)).unwrap_or(0));
        }
        let mut sections = Sections {
            index,
            left: counts.len(0),
            counts,
            ..Sections::default()
        };
        if sections.counts.file_len() == self.expected as u64 {
            sections.index.postings = std::mem::take(&mut self.postings);
            sections.reserve();
        }
        sections.skip_empty();
        Some(sections)
    }

    /// Every byte is in: the index and the collection's keyphrases, if the file is one
    /// [`super::file::write`] wrote for the articles with digest `articles`.
    pub fn finish(self, articles: u64) -> Result<(Index, Vec<Keyphrase>), LoadError> {
        let header = self.header.as_slice();
        if header.get(..MAGIC.len()) != Some(MAGIC) {
            return Err(LoadError::NotAnIndex);
        }
        match word(header, 8) {
            None => return Err(LoadError::Truncated),
            Some(VERSION) => {}
            Some(other) => return Err(LoadError::Version(other)),
        }
        let Some(sections) = self.sections else {
            return Err(LoadError::Truncated); // the header is not all there
        };
        match self.received.cmp(&sections.counts.file_len()) {
            std::cmp::Ordering::Less => return Err(LoadError::Truncated),
            std::cmp::Ordering::Greater => {
                return Err(LoadError::Malformed("it is longer than its sections"))
            }
            std::cmp::Ordering::Equal => {}
        }
        if self.held != self.body.finish().to_le_bytes() {
            return Err(LoadError::Corrupt);
        }
        if sections.counts.articles_digest != articles {
            return Err(LoadError::OtherArticles);
        }
        sections.complete()
    }
}

impl Sections {
    /// Sizes every vector for what the counts call for: the postings first, giving back
    /// the room the other sections then take.
    fn reserve(&mut self) {
        let c = &self.counts;
        let n = |x: u64| usize::try_from(x).unwrap_or(0);
        let index = &mut self.index;
        index.postings.reserve_exact(n(c.postings_len));
        index.postings.shrink_to(n(c.postings_len));
        index.fields.reserve_exact(n(c.fields));
        index.article_fields.reserve_exact(n(c.articles + 1));
        index.langs.reserve_exact(n(c.articles));
        self.terms.reserve_exact(n(c.terms_len));
        index.term_ends.reserve_exact(n(c.terms));
        index.lists.reserve_exact(n(c.terms + 1));
        index.term_langs.reserve_exact(n(c.terms));
        index.dfs.reserve_exact(n(c.terms));
        self.stem_keys.reserve_exact(n(c.stems));
        self.collided.reserve_exact(n(c.collided));
        self.one_edit.reserve_exact(n(c.one_edit));
        index.tf_codes.reserve_exact(n(c.tf_codes));
        self.phrases.reserve_exact(n(c.phrases_len));
    }

    /// Reads the next bytes after the header.
    fn take(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() && self.broken.is_none() {
            let Some(&(section, size)) = SECTIONS.get(self.at) else {
                return; // the trailer, or more: counted, not read
            };
            let n = usize::try_from(self.left)
                .unwrap_or(usize::MAX)
                .min(bytes.len());
            let (now, later) = bytes.split_at_checked(n).unwrap_or((bytes, &[]));
            self.read(section, size, now);
            self.left -= now.len() as u64;
            bytes = later;
            self.skip_empty();
        }
    }

    /// Ends the sections with no bytes left to read, from the current one on.
    fn skip_empty(&mut self) {
        while self.left == 0 && self.broken.is_none() {
            let Some(&(section, _)) = SECTIONS.get(self.at) else {
                return;
            };
            self.end(section);
            self.at += 1;
            self.left = self.counts.len(self.at);
        }
    }

    /// Reads bytes of `section`, whose records are `size` bytes: whole records, a record
    /// cut by the piece's end carried.
    fn read(&mut self, section: Section, size: usize, mut bytes: &[u8]) {
        let index = &mut self.index;
        match section {
            Section::Terms => return self.terms.extend_from_slice(bytes),
            Section::TermLangs => return index.term_langs.extend_from_slice(bytes),
            Section::Phrases => return self.phrases.extend_from_slice(bytes),
            Section::Postings => return index.postings.extend_from_slice(bytes),
            Section::Langs => {
                for &b in bytes {
                    match LANGS.get(b as usize) {
                        Some(&lang) => index.langs.push(lang),
                        None => self.broken = Some("an article has an unknown language"),
                    }
                }
                return;
            }
            _ => {}
        }
        if !self.carry.is_empty() {
            let (start, rest) = bytes
                .split_at_checked(size - self.carry.len())
                .unwrap_or((bytes, &[]));
            self.carry.extend_from_slice(start);
            bytes = rest;
            if self.carry.len() < size {
                return;
            }
            let record = std::mem::take(&mut self.carry);
            self.record(section, &record);
            self.carry = record;
            self.carry.clear();
        }
        let mut records = bytes.chunks_exact(size);
        for record in &mut records {
            self.record(section, record);
        }
        self.carry.extend_from_slice(records.remainder());
    }

    /// Reads one whole record of `section`.
    fn record(&mut self, section: Section, record: &[u8]) {
        let w = |i: usize| word(record, 4 * i).unwrap_or(0);
        let index = &mut self.index;
        match section {
            Section::Fields => match field(&record_words(record), &index.avg_words) {
                Some(info) => index.fields.push(info),
                None => self.broken = Some("a field has an unknown part or kind"),
            },
            Section::ArticleFields => index.article_fields.push(w(0)),
            Section::TermEnds => index.term_ends.push(w(0)),
            Section::Lists => index.lists.push(w(0)),
            Section::Dfs => index.dfs.push(w(0)),
            Section::StemKeys => self.stem_keys.push(u64::from(w(0)) | u64::from(w(1)) << 32),
            Section::Collided => self.collided.push(w(0)),
            Section::OneEdit => self.one_edit.push(w(0)),
            Section::TfCodes => index.tf_codes.push(match *record {
                [lo, hi] => u16::from_le_bytes([lo, hi]),
                _ => 0,
            }),
            _ => {}
        }
    }

    /// A section is all in.
    fn end(&mut self, section: Section) {
        match section {
            Section::Terms => match String::from_utf8(std::mem::take(&mut self.terms)) {
                Ok(terms) => self.index.terms = terms,
                Err(_) => self.broken = Some("the terms are not UTF-8"),
            },
            Section::Phrases => {
                let n = usize::try_from(self.counts.phrases).unwrap_or(usize::MAX);
                match keyphrases(&self.phrases, n) {
                    Some(phrases) => self.keyphrases = phrases,
                    None => self.broken = Some("the keyphrases are malformed"),
                }
                self.phrases = Vec::new();
            }
            _ => {}
        }
    }

    /// The index, checked, with the tables the file prepared.
    fn complete(self) -> Result<(Index, Vec<Keyphrase>), LoadError> {
        if let Some(why) = self.broken {
            return Err(LoadError::Malformed(why));
        }
        let mut index = self.index;
        super::file::check(&index)?;
        // Exact already when the file's length was known ahead; else grown piece by piece.
        index.fields.shrink_to_fit();
        index.postings.shrink_to_fit();
        let (stem_keys, collided, one_edit) = (self.stem_keys, self.collided, self.one_edit);
        let sorted = stem_keys.windows(2).all(|w| w.first() <= w.get(1))
            && one_edit.windows(2).all(|w| w.first() < w.get(1))
            && collided.windows(2).all(|w| w.first() < w.get(1));
        if !sorted {
            return Err(LoadError::Malformed("a prepared table is out of order"));
        }
        // Set once, on an index of our own: `set` cannot fail here.
        let _ = index.stems.set(Stems::from_parts(stem_keys, collided));
        let _ = index.one_edit.set(OneEditKeys::from_keys(one_edit));
        Ok((index, self.keyphrases))
    }
}

/// The little-endian `u32` at `at` of `bytes`.
fn word(bytes: &[u8], at: usize) -> Option<u32> {
    let mut w = [0u8; 4];
    w.copy_from_slice(bytes.get(at..at + 4)?);
    Some(u32::from_le_bytes(w))
}

/// A field's record as its six words.
fn record_words(record: &[u8]) -> [u32; 6] {
    std::array::from_fn(|i| word(record, 4 * i).unwrap_or(0))
}

/// The field of a record: block (as `i32`), part | kind << 8, base, len, words, step.
fn field(
    &[block, part_kind, base, len, words, step]: &[u32; 6],
    avg_words: &[f32; Class::COUNT],
) -> Option<FieldInfo> {
    let mut info = FieldInfo {
        block: block as i32,
        part: *PARTS.get(part_kind as usize & 0xff)?,
        kind: Kind::ALL
            .into_iter()
            .find(|k| *k as u32 == part_kind >> 8)?,
        base,
        len,
        words,
        step,
        tf: 0,
    };
    info.tf = super::field_tf(&info, avg_words);
    Some(info)
}

/// The `n` keyphrases of `bytes`: each its text's length, text, name flag and score.
fn keyphrases(bytes: &[u8], n: usize) -> Option<Vec<Keyphrase>> {
    let mut at: usize = 0;
    let mut take = |len: usize| {
        let taken = bytes.get(at..at.checked_add(len)?)?;
        at += len;
        Some(taken)
    };
    let mut out = Vec::with_capacity(n.min(bytes.len()));
    for _ in 0..n {
        let len = word(take(4)?, 0)? as usize;
        let text = std::str::from_utf8(take(len)?).ok()?.to_owned();
        let name = take(1)? != [0];
        let score = f32::from_bits(word(take(4)?, 0)?);
        out.push(Keyphrase { text, name, score });
    }
    (take(1).is_none()).then_some(out)
}
