//! The index as files (docs/format.md): built ahead of time, natively, by
//! `article-explorer index`, and taken by the wasm as they are instead of indexing in the
//! browser. The *head* holds every section but the posting lists — with the outline the
//! list shows, the tables of the shards and chunks, and their digests — and the posting
//! lists are cut into *shards*, each a file of its own ([`super::parts`]), so that a query
//! needs the head and its terms' shards only. Versioned and self-checking: the head starts
//! with the format version and ends with a digest of everything before it; each shard and
//! each chunk of articles is checked against its digest in the head.
//!
//! Invariant: [`read_head`] accepts only a head [`write`] wrote, with the index's
//! invariants (src/index/mod.rs) checked; anything else is a [`LoadError`] saying why,
//! and never a panic.

use super::{Class, Index};
use crate::article::Part;
use crate::hash::digest;
use crate::results::keyphrase::Keyphrase;
use crate::text::lang::Lang;

#[cfg(feature = "internals")]
pub use super::read::read_head;
pub use super::read::Head;
use crate::index::outline::Outline;

/// The file's first eight bytes.
pub(super) const MAGIC: &[u8; 8] = b"AEINDEX\0";

/// The format version: bump it whenever the layout below changes, or what the index holds
/// for the same articles does (tokenizing, folding, ranking's pseudo term frequencies,
/// language detection): an index from another version is then rebuilt, never misread. A
/// test pins the seed's index bytes, so a change that alters them fails until this is bumped
/// and the pin updated.
pub const VERSION: u32 = 5;

/// Bytes before the sections: magic, version, flags, the counts and the average field
/// lengths.
pub(super) const HEADER: usize = 8 + 4 + 4 + COUNTS * 4 + Class::COUNT * 4;
/// The counts in the header (see [`write`]).
pub(super) const COUNTS: usize = 15;
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
    /// Its checksum holds, but a section breaks the index's invariants, or its fields are
    /// not the articles'.
    Malformed(&'static str),
    /// There was no index file to read.
    Missing,
    /// A shard or a chunk of articles is not the one the head was written with: which
    /// (`"shard"` or `"chunk"`), its number and why.
    Part {
        /// `"shard"` or `"chunk"`.
        part: &'static str,
        /// Its number.
        k: usize,
        /// What is wrong with it.
        why: &'static str,
    },
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
            LoadError::Malformed(what) => write!(f, "the index file is malformed: {what}"),
            LoadError::Missing => f.write_str("there is no index file"),
            LoadError::Part { part, k, why } => write!(f, "{part} {k} of the index: {why}"),
        }
    }
}

/// How the articles are cut into chunks: where each chunk starts (article numbers,
/// ascending, from 0; the end is the number of articles) and each chunk file's digest.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Chunks {
    /// Where each chunk starts, then the number of articles.
    pub starts: Vec<u32>,
    /// Each chunk file's digest.
    pub digests: Vec<u64>,
}

/// The index as files: its head (every section but the postings, with the outline, the
/// shards' and the chunks' tables) and its postings cut into shards of about
/// `shard_bytes` each (a list is never cut), for articles cut as `chunks` says. The head
/// carries the tables a query otherwise builds on first use (the stem table, the one-edit
/// keys) and the collection's keyphrases, so the page computes none of them.
pub fn write(
    index: &Index,
    keyphrases: &[Keyphrase],
    outline: &Outline,
    chunks: &Chunks,
    shard_bytes: usize,
) -> (Vec<u8>, Vec<Vec<u8>>) {
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
    // Shards: runs of terms whose lists reach `shard_bytes` (the last may be shorter).
    let mut shard_starts = vec![0u32];
    let mut since = 0usize;
    for t in 0..index.term_count() {
        let list = index.list_bytes(t).len();
        if since > 0 && since + list > shard_bytes {
            shard_starts.push(u32::try_from(t).unwrap_or(u32::MAX));
            since = 0;
        }
        since += list;
    }
    if index.term_count() > 0 {
        shard_starts.push(u32::try_from(index.term_count()).unwrap_or(u32::MAX));
    }
    let shards: Vec<Vec<u8>> = shard_starts
        .windows(2)
        .map(|w| match *w {
            [from, to] => index.lists_bytes(from as usize, to as usize).to_vec(),
            _ => Vec::new(),
        })
        .collect();
    let mut out = Vec::with_capacity(
        HEADER
            + index.fields.len() * FIELD
            + index.terms.len()
            + index.term_ends.len() * 13
            + outline.numbers_len() * 4
            + outline.text_bytes().len()
            + TRAILER,
    );
    out.extend_from_slice(MAGIC);
    put(&mut out, VERSION);
    put(&mut out, 0); // flags: none yet
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
        shards.len(),
        chunks.digests.len(),
        outline.numbers_len(),
        outline.text_bytes().len(),
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
    shard_starts.iter().for_each(|&n| put(&mut out, n));
    for shard in &shards {
        out.extend_from_slice(&digest(shard).to_le_bytes());
    }
    chunks.starts.iter().for_each(|&n| put(&mut out, n));
    for d in &chunks.digests {
        out.extend_from_slice(&d.to_le_bytes());
    }
    out.extend_from_slice(&outline.number_bytes());
    out.extend_from_slice(outline.text_bytes());
    let sum = digest(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    (out, shards)
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
    // Shards and chunks: strictly ascending runs from 0 to the number of terms, articles.
    let runs = |starts: &[u32], end: usize| {
        starts.first() == Some(&0)
            && starts.windows(2).all(|w| w.first() < w.get(1))
            && starts.last().is_some_and(|&last| last as usize == end)
    };
    let parts = &index.parts;
    if !(runs(&parts.shards, index.term_count()) || index.term_count() == 0 && parts.shards == [0])
    {
        return Err(LoadError::Malformed("the shards are out of order"));
    }
    if !(runs(&parts.chunks, index.article_count())
        || index.article_count() == 0 && parts.chunks == [0])
    {
        return Err(LoadError::Malformed("the chunks are out of order"));
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

/// Checks that `index`'s fields are those of `articles`, articles `first..` (their
/// number and lengths): the articles' digest matched, so this fails only if the parser
/// changed without [`VERSION`].
pub fn matches(
    index: &Index,
    first: u32,
    articles: &[crate::article::Article],
) -> Result<(), LoadError> {
    let same = articles.iter().zip(first..).all(|(article, a)| {
        let mut infos = index.fields_of(a).iter();
        article.fields().all(|field| {
            infos
                .next()
                .is_some_and(|info| info.len as usize == field.text.len())
        }) && infos.next().is_none()
    });
    let end = (first as usize).checked_add(articles.len());
    if same && end.is_some_and(|end| end <= index.article_count()) {
        Ok(())
    } else {
        Err(LoadError::Malformed("its fields are not the articles'"))
    }
}
