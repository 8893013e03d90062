//! The index as a file (`index.bin`, docs/format.md): built ahead of time, natively, by
//! `article-explorer index`, and taken by the wasm as it is instead of indexing in the
//! browser. Versioned and self-checking: a header with the format version and the digest
//! of the articles bundle it was built from, fixed-width little-endian sections, and a
//! digest of everything before it at the end.
//!
//! Invariant: [`read`] accepts only what [`write`] wrote for the same articles, with the
//! index's invariants (src/index/mod.rs) checked; anything else is a [`LoadError`] saying
//! why, and never a panic. Reading is [`Incoming`] (`src/index/read.rs`): the file read as
//! it arrives.

use super::{Class, Index};
use crate::article::Part;
use crate::hash::digest;
use crate::keyphrase::Keyphrase;
use crate::lang::Lang;

pub use super::read::Incoming;

/// The file's first eight bytes.
pub(super) const MAGIC: &[u8; 8] = b"AEINDEX\0";

/// The format version: bump it whenever the layout below changes, or what the index holds
/// for the same articles does (tokenizing, folding, ranking's pseudo term frequencies,
/// language detection): an index from another version is then rebuilt, never misread. A
/// test pins the seed's index bytes, so a change that alters them fails until this is bumped
/// and the pin updated.
pub const VERSION: u32 = 3;

/// Bytes before the sections: magic, version, flags, the articles' digest, eleven counts
/// and the average field lengths.
pub(super) const HEADER: usize = 8 + 4 + 4 + 8 + COUNTS * 4 + Class::COUNT * 4;
/// The counts in the header (see [`write`]).
pub(super) const COUNTS: usize = 11;
/// Words (u32) of one field: block (as i32), part | kind << 8, base, len, words, step.
const FIELD_WORDS: usize = 6;
pub(super) const FIELD: usize = FIELD_WORDS * 4;
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
        index.tf_codes.len(),
    ] {
        put(&mut out, u32::try_from(n).unwrap_or(u32::MAX));
    }
    for avg in index.avg_words {
        out.extend_from_slice(&avg.to_le_bytes());
    }
    for f in &index.fields {
        let part_kind = f.part as u32 | (f.kind as u32) << 8;
        for n in [f.block as u32, part_kind, f.base, f.len, f.words, f.step] {
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
    index
        .tf_codes
        .iter()
        .for_each(|&bits| out.extend_from_slice(&bits.to_le_bytes()));
    out.extend_from_slice(&phrases);
    out.extend_from_slice(index.postings());
    let sum = digest(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// The index in `bytes`, if it is one [`write`] wrote for the articles with digest
/// `articles`: an [`Incoming`] file given all its bytes at once.
pub fn read(bytes: &[u8], articles: u64) -> Result<(Index, Vec<Keyphrase>), LoadError> {
    let mut incoming = Incoming::new(bytes.len());
    incoming.push(bytes);
    incoming.finish(articles)
}

/// Checks the invariants the readers rely on (src/index/mod.rs).
pub(super) fn check(index: &Index) -> Result<(), LoadError> {
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
    if index.tf_codes.len() > usize::from(super::TF_ESCAPE) {
        return Err(LoadError::Malformed("more tf codes than a byte has"));
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
pub(super) const PARTS: [Part; 4] = [Part::Text, Part::Title, Part::Author, Part::Teaser];
pub(super) const LANGS: [Lang; 3] = [Lang::Other, Lang::English, Lang::Russian];

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
