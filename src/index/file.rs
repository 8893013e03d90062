//! The index as a file (`index.bin`, docs/format.md): built ahead of time, natively, by
//! `article-explorer index`, and taken by the wasm as it is instead of indexing in the
//! browser. Versioned and self-checking: a header with the format version and the digest
//! of the articles bundle it was built from, fixed-width little-endian sections, and a
//! digest of everything before it at the end.
//!
//! Invariant: [`read`] accepts only what [`write`] wrote for the same articles, with the
//! index's invariants (src/index/mod.rs) checked; anything else is a [`LoadError`] saying
//! why, and never a panic.

use super::stems::Stems;
use super::{Class, FieldInfo, Index};
use crate::article::{FieldAddr, Kind, Part};
use crate::fuzzy::OneEditKeys;
use crate::hash::digest;
use crate::keyphrase::Keyphrase;
use crate::lang::Lang;

/// The file's first eight bytes.
const MAGIC: &[u8; 8] = b"AEINDEX\0";

/// The format version: bump it whenever the layout below changes, or what the index holds
/// for the same articles does (tokenizing, folding, ranking's pseudo term frequencies,
/// language detection): an index from another version is then rebuilt, never misread. A
/// test pins the seed's index bytes, so a change that alters them fails until this is bumped
/// and the pin updated.
pub const VERSION: u32 = 2;

/// Bytes before the sections: magic, version, flags, the articles' digest, ten counts
/// and the average field lengths.
const HEADER: usize = 8 + 4 + 4 + 8 + COUNTS * 4 + Class::COUNT * 4;
/// The counts in the header (see [`write`]).
const COUNTS: usize = 10;
/// Words (u32) of one field: block (as i32), part | kind << 8, base, len, words, step.
const FIELD_WORDS: usize = 6;
const FIELD: usize = FIELD_WORDS * 4;
/// The checksum at the end.
pub const TRAILER: usize = 8;

/// Why an index file was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Shorter than its header says, or than any index.
    Truncated,
    /// Not an index file.
    NotAnIndex,
    /// Written by another format version.
    Version(u32),
    /// Its bytes do not match their checksum.
    Corrupt,
    /// Built from other articles than these.
    OtherArticles,
    /// Its checksum holds, but a section breaks the index's invariants, or its fields are
    /// not the articles'.
    Malformed(&'static str),
    /// There was no index file to read.
    Missing,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Truncated => f.write_str("the index file is truncated"),
            LoadError::NotAnIndex => f.write_str("the file is not an index"),
            LoadError::Version(v) => {
                write!(f, "the index file has format version {v}, not {VERSION}")
            }
            LoadError::Corrupt => f.write_str("the index file is corrupt (its checksum fails)"),
            LoadError::OtherArticles => f.write_str("the index file was built from other articles"),
            LoadError::Malformed(what) => write!(f, "the index file is malformed: {what}"),
            LoadError::Missing => f.write_str("there is no index file"),
        }
    }
}

/// The index as a file, for the articles whose bundle has digest `articles`, with the
/// tables a query otherwise builds on first use (the stem table, the one-edit keys) and
/// the collection's keyphrases, so the page computes none of them.
pub fn write(index: &Index, articles: u64, keyphrases: &[Keyphrase]) -> Vec<u8> {
    let stems = index.stems.get_or_init(|| super::stems::build(index));
    let (stem_keys, collided) = stems.parts();
    let one_edit = index.one_edit_keys().keys();
    let mut phrases = Vec::new();
    for k in keyphrases {
        put(
            &mut phrases,
            u32::try_from(k.text.len()).unwrap_or(u32::MAX),
        );
        phrases.extend_from_slice(k.text.as_bytes());
        phrases.push(u8::from(k.name));
        put(&mut phrases, k.score.to_bits());
    }
    let mut out = Vec::with_capacity(
        HEADER
            + index.fields.len() * FIELD
            + index.postings().len()
            + index.terms.len()
            + index.term_ends.len() * 13
            + TRAILER,
    );
    out.extend_from_slice(MAGIC);
    put(&mut out, VERSION);
    put(&mut out, 0); // flags: none yet
    out.extend_from_slice(&articles.to_le_bytes());
    for n in [
        index.article_count(),
        index.fields.len(),
        index.term_count(),
        index.terms.len(),
        index.postings().len(),
        stem_keys.len(),
        collided.len(),
        one_edit.len(),
        keyphrases.len(),
        phrases.len(),
    ] {
        put(&mut out, u32::try_from(n).unwrap_or(u32::MAX));
    }
    for avg in index.avg_words {
        out.extend_from_slice(&avg.to_le_bytes());
    }
    for f in &index.fields {
        let part_kind = f.addr.part as u32 | (f.kind as u32) << 8;
        for n in [
            f.addr.block as u32,
            part_kind,
            f.base,
            f.len,
            f.words,
            f.step,
        ] {
            put(&mut out, n);
        }
    }
    index.article_fields.iter().for_each(|&n| put(&mut out, n));
    out.extend(index.langs.iter().map(|l| *l as u8));
    out.extend_from_slice(index.terms.as_bytes());
    index.term_ends.iter().for_each(|&n| put(&mut out, n));
    index.lists.iter().for_each(|&n| put(&mut out, n));
    out.extend_from_slice(&index.term_langs);
    index.dfs.iter().for_each(|&n| put(&mut out, n));
    stem_keys
        .iter()
        .for_each(|&k| out.extend_from_slice(&k.to_le_bytes()));
    collided.iter().for_each(|&n| put(&mut out, n));
    one_edit.iter().for_each(|&n| put(&mut out, n));
    out.extend_from_slice(&phrases);
    out.extend_from_slice(index.postings());
    let sum = digest(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// The index in `bytes`, if it is one [`write`] wrote for the articles with digest
/// `articles`; `body` is the digest of all of `bytes` but its last [`TRAILER`] (computed
/// as they arrived: [`crate::loading`]). The posting lists stay where they are in `bytes`,
/// not copied (85 MB at 10,000 articles).
pub fn read(
    mut bytes: Vec<u8>,
    body: u64,
    articles: u64,
) -> Result<(Index, Vec<Keyphrase>), LoadError> {
    let (mut index, prepared, postings) = parse(&bytes, body, articles)?;
    bytes.truncate(postings.end);
    index.postings = bytes;
    index.postings_at = postings.start;
    complete(index, prepared)
}

/// What the file prepared for queries and the page, read with the index.
struct Prepared {
    stem_keys: Vec<u64>,
    collided: Vec<u32>,
    one_edit: Vec<u32>,
    keyphrases: Vec<Keyphrase>,
}

/// The index in `bytes` without its posting lists (where they are is the third value),
/// and what it prepared; checked as [`read`] says, but for [`complete`]'s checks.
fn parse(
    bytes: &[u8],
    body: u64,
    articles: u64,
) -> Result<(Index, Prepared, std::ops::Range<usize>), LoadError> {
    if bytes.len() < MAGIC.len() || bytes.get(..MAGIC.len()) != Some(MAGIC) {
        return Err(LoadError::NotAnIndex);
    }
    let mut r = Reader {
        bytes,
        at: MAGIC.len(),
    };
    let version = r.u32()?;
    if version != VERSION {
        return Err(LoadError::Version(version));
    }
    let _flags = r.u32()?;
    let digest_of_articles = r.u64()?;
    let [n_articles, n_fields, n_terms, terms_len, postings_len] =
        [r.len()?, r.len()?, r.len()?, r.len()?, r.len()?];
    let [n_stems, n_collided, n_one_edit, n_phrases, phrases_len] =
        [r.len()?, r.len()?, r.len()?, r.len()?, r.len()?];
    // The length the counts call for, in u64: counts from a damaged file may be huge.
    let (articles_n, fields_n, terms_n) = (n_articles as u64, n_fields as u64, n_terms as u64);
    let body_len: u64 = HEADER as u64
        + fields_n * FIELD as u64
        + (articles_n + 1) * 4
        + articles_n
        + terms_len as u64
        + terms_n * 4
        + (terms_n + 1) * 4
        + terms_n
        + terms_n * 4
        + n_stems as u64 * 8
        + n_collided as u64 * 4
        + n_one_edit as u64 * 4
        + phrases_len as u64
        + postings_len as u64;
    match (bytes.len() as u64).cmp(&(body_len + TRAILER as u64)) {
        std::cmp::Ordering::Less => return Err(LoadError::Truncated),
        std::cmp::Ordering::Greater => {
            return Err(LoadError::Malformed("it is longer than its sections"))
        }
        std::cmp::Ordering::Equal => {}
    }
    let trailer = bytes.get(bytes.len() - TRAILER..).unwrap_or(&[]);
    if trailer != body.to_le_bytes() {
        return Err(LoadError::Corrupt);
    }
    if digest_of_articles != articles {
        return Err(LoadError::OtherArticles);
    }
    let mut index = Index::default();
    for (avg, bits) in index.avg_words.iter_mut().zip(r.u32s(Class::COUNT)?) {
        *avg = f32::from_bits(bits);
    }
    let words = r.u32s(n_fields * FIELD_WORDS)?;
    index.fields = words
        .chunks_exact(FIELD_WORDS)
        .map(|w| match *w {
            [block, part_kind, base, len, words, step] => Some(FieldInfo {
                article: 0, // set from article_fields below
                addr: FieldAddr {
                    block: block as i32,
                    part: *PARTS.get(part_kind as usize & 0xff)?,
                },
                kind: Kind::ALL
                    .into_iter()
                    .find(|k| *k as u32 == part_kind >> 8)?,
                base,
                len,
                words,
                step,
                tf: 0, // set_tfs, below
            }),
            _ => None,
        })
        .collect::<Option<_>>()
        .ok_or(LoadError::Malformed("a field has an unknown part or kind"))?;
    index.set_tfs();
    index.article_fields = r.u32s(n_articles + 1)?;
    index.langs = r
        .take(n_articles)?
        .iter()
        .map(|&b| LANGS.get(b as usize).copied())
        .collect::<Option<_>>()
        .ok_or(LoadError::Malformed("an article has an unknown language"))?;
    index.terms = std::str::from_utf8(r.take(terms_len)?)
        .map_err(|_| LoadError::Malformed("the terms are not UTF-8"))?
        .to_owned();
    index.term_ends = r.u32s(n_terms)?;
    index.lists = r.u32s(n_terms + 1)?;
    index.term_langs = r.take(n_terms)?.to_vec();
    index.dfs = r.u32s(n_terms)?;
    let stem_keys: Vec<u64> = r
        .u32s(n_stems * 2)?
        .chunks_exact(2)
        .map(|w| match *w {
            [low, high] => u64::from(low) | u64::from(high) << 32,
            _ => 0,
        })
        .collect();
    let collided = r.u32s(n_collided)?;
    let one_edit = r.u32s(n_one_edit)?;
    let keyphrases = keyphrases(r.take(phrases_len)?, n_phrases)?;
    let postings = r.at..r.at + postings_len;
    let prepared = Prepared {
        stem_keys,
        collided,
        one_edit,
        keyphrases,
    };
    Ok((index, prepared, postings))
}

/// The index with its posting lists, checked, with the tables the file prepared.
fn complete(mut index: Index, prepared: Prepared) -> Result<(Index, Vec<Keyphrase>), LoadError> {
    let Prepared {
        stem_keys,
        collided,
        one_edit,
        keyphrases,
    } = prepared;
    check(&mut index)?;
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
    let bad = LoadError::Malformed("the keyphrases are malformed");
    let mut r = Reader { bytes, at: 0 };
    let mut out = Vec::with_capacity(n.min(bytes.len()));
    for _ in 0..n {
        let len = r.len().map_err(|_| bad.clone())?;
        let text = std::str::from_utf8(r.take(len).map_err(|_| bad.clone())?)
            .map_err(|_| bad.clone())?
            .to_owned();
        let name = r.take(1).map_err(|_| bad.clone())? != [0];
        let score = f32::from_bits(r.u32().map_err(|_| bad.clone())?);
        out.push(Keyphrase { text, name, score });
    }
    if r.at == bytes.len() {
        Ok(out)
    } else {
        Err(bad)
    }
}

/// Checks the invariants the readers rely on (src/index/mod.rs) and numbers each field's
/// article.
fn check(index: &mut Index) -> Result<(), LoadError> {
    let ascending = |v: &[u32]| v.windows(2).all(|w| w.first() <= w.get(1));
    let fields = u32::try_from(index.fields.len()).unwrap_or(u32::MAX);
    if index.article_fields.first() != Some(&0)
        || index.article_fields.last() != Some(&fields)
        || !ascending(&index.article_fields)
    {
        return Err(LoadError::Malformed(
            "the articles' fields are out of order",
        ));
    }
    for (a, range) in index.article_fields.windows(2).enumerate() {
        let (Some(&start), Some(&end)) = (range.first(), range.get(1)) else {
            continue;
        };
        let article = u32::try_from(a).unwrap_or(u32::MAX);
        for f in index
            .fields
            .get_mut(start as usize..end as usize)
            .unwrap_or(&mut [])
        {
            f.article = article;
        }
    }
    let postings = u32::try_from(index.postings().len()).unwrap_or(u32::MAX);
    if index.lists.first() != Some(&0)
        || index.lists.last() != Some(&postings)
        || !ascending(&index.lists)
    {
        return Err(LoadError::Malformed("the posting lists are out of order"));
    }
    let terms_len = u32::try_from(index.terms.len()).unwrap_or(u32::MAX);
    if !ascending(&index.term_ends)
        || index.term_ends.last().is_some_and(|&end| end != terms_len)
        || index
            .term_ends
            .iter()
            .any(|&end| !index.terms.is_char_boundary(end as usize))
    {
        return Err(LoadError::Malformed("the terms' ends are out of place"));
    }
    let sorted = (1..index.term_count()).all(|t| index.term(t - 1) < index.term(t));
    if !sorted || (index.term_count() > 0 && index.term(0).is_empty()) {
        return Err(LoadError::Malformed(
            "the terms are not sorted and distinct",
        ));
    }
    Ok(())
}

fn put(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(&n.to_le_bytes());
}

/// The parts and languages by their number (`as u8`: declaration order).
const PARTS: [Part; 4] = [Part::Text, Part::Title, Part::Author, Part::Teaser];
const LANGS: [Lang; 3] = [Lang::Other, Lang::English, Lang::Russian];

/// Reads the file front to back; running out is [`LoadError::Truncated`].
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
        self.u32s(1)?.first().copied().ok_or(LoadError::Truncated)
    }

    fn u64(&mut self) -> Result<u64, LoadError> {
        let low = u64::from(self.u32()?);
        Ok(low | u64::from(self.u32()?) << 32)
    }

    /// A count, as a `usize`.
    fn len(&mut self) -> Result<usize, LoadError> {
        self.u32().map(|n| n as usize)
    }

    fn u32s(&mut self, n: usize) -> Result<Vec<u32>, LoadError> {
        let bytes = self.take(n.checked_mul(4).ok_or(LoadError::Truncated)?)?;
        Ok(bytes
            .chunks_exact(4)
            .map(|c| {
                let mut w = [0u8; 4];
                w.copy_from_slice(c);
                u32::from_le_bytes(w)
            })
            .collect())
    }
}

/// Checks that `index`'s fields are those of `articles` (their number and lengths): the
/// articles' digest matched, so this fails only if the parser changed without
/// [`VERSION`].
pub fn matches(index: &Index, articles: &[crate::article::Article]) -> Result<(), LoadError> {
    let mut infos = index.fields.iter();
    let same = index.article_count() == articles.len()
        && articles.iter().all(|article| {
            article.fields().all(|field| {
                infos
                    .next()
                    .is_some_and(|info| info.len as usize == field.text.len())
            })
        })
        && infos.next().is_none();
    if same {
        Ok(())
    } else {
        Err(LoadError::Malformed("its fields are not the articles'"))
    }
}
