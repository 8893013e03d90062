//! The inverted index: sorted terms → compressed posting lists, plus every field's place.
//!
//! Built once per corpus ([`build`]); a query reads posting lists and, for the articles it
//! shows, the text around the positions they give — it never rescans a whole corpus.
//!
//! **Offsets.** Each article has one offset space: its fields laid end to end in reading
//! order, one byte apart ([`FieldInfo::base`]). A position is the offset of a token's first
//! byte there; the token's end is found again from the text ([`crate::text::words::word_end_at`]),
//! so the index stores one number per occurrence.
//!
//! **Posting list** of a term, one entry per article it occurs in, articles ascending.
//! An entry opens with `varint((article − previous article) << 1 | once)` (the first: the
//! article), `once` set when the term occurs once in the article. Such an entry (most of
//! them: 83 % at 10,000 articles) is then only its position, a varint: its BM25F pseudo
//! term frequency is the field's for one occurrence ([`FieldInfo::tf`]), found from the
//! position. Any other entry goes on with the term's pseudo term frequency in the article
//! as a bfloat16 (`tf_codes`): one byte, the code of one of the 255 values most entries
//! have, or [`TF_ESCAPE`] and the value's 2 bytes (little-endian); then `varint(byte
//! length of the positions)`, then the positions as varint deltas (the first from 0). In
//! both, the number of positions is the number of their bytes below 0x80
//! ([`crate::varint::count`]).
//!
//! Invariants: terms are sorted and distinct, so a prefix is a contiguous range of them;
//! fields are numbered in corpus order, article by article, so an article's fields are a
//! contiguous range, sorted by `base`; a posting list's positions are ascending and
//! distinct, each the start of a token of the term in a field of that article.

mod build;
pub mod file;
mod list;
pub mod one_edit;
pub mod outline;
pub mod parts;
pub mod read;
pub(crate) mod stems;
pub mod text;

pub use list::{Entry, Positions, PostingList};

use crate::article::{Collection, FieldAddr, Kind, Part};
pub use crate::rank::Class;
use crate::text::lang::Lang;
use std::ops::Range;
use std::sync::OnceLock;

/// The code of a posting entry whose pseudo term frequency has none: its 2 bytes follow.
pub const TF_ESCAPE: u8 = 255;

/// Builds the index of `articles`; article numbers are their positions in the slice.
pub fn build(articles: &[crate::article::Article]) -> Index {
    build::build(articles)
}

/// What the index knows of one field: 24 bytes (156,334 of them at 10,000 articles).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldInfo {
    /// Its block in its article ([`FieldAddr::block`]) and which text of the block it is:
    /// apart, not a `FieldAddr` (whose padding would make this 28 bytes); both are
    /// [`FieldInfo::addr`].
    pub block: i32,
    /// Which text of its block the field is.
    pub part: Part,
    /// What the field is.
    pub kind: Kind,
    /// Offset of the field's first byte in its article's offset space.
    pub base: u32,
    /// The field's length in bytes.
    pub len: u32,
    /// The field's length in whitespace-separated words (for BM25F's length norm).
    pub words: u32,
    /// The largest distance in bytes from one token's start to the next one's in the field
    /// (0 with fewer than two tokens). Two tokens further apart than this are not
    /// neighbours: a phrase is ruled out from positions alone, without reading the text.
    pub step: u32,
    /// What one occurrence adds to a term's pseudo term frequency in this field
    /// ([`crate::rank::occurrence_tf`]), as a bfloat16: the frequency of a posting entry
    /// with one position here, which the entry does not store (set from the averages).
    tf: u16,
}

impl FieldInfo {
    /// Where the field is in its article.
    pub fn addr(&self) -> FieldAddr {
        FieldAddr {
            block: self.block,
            part: self.part,
        }
    }

    /// The weighting class of the field (see [`Class`]).
    pub fn class(&self) -> Class {
        Class::of(self.kind, self.part)
    }

    /// What one occurrence adds to a term's BM25F pseudo term frequency in this field, as
    /// the posting lists have it (a bfloat16: [`crate::rank::occurrence_tf`] rounded).
    pub fn tf(&self) -> f32 {
        list::from_bf16(self.tf)
    }
}

/// What one occurrence adds to a term's pseudo term frequency in `info`'s field, as a
/// bfloat16 ([`FieldInfo::tf`]), when fields of its class average `avg_words`.
fn field_tf(info: &FieldInfo, avg_words: &[f32; Class::COUNT]) -> u16 {
    let class = info.class();
    let avg = avg_words.get(class.index()).copied().unwrap_or(1.0);
    list::to_bf16(crate::rank::occurrence_tf(class, info.words, avg))
}

/// The index of a corpus.
#[derive(Clone, Debug, Default)]
pub struct Index {
    fields: Vec<FieldInfo>,
    /// Article `a`'s fields are `article_fields[a]..article_fields[a + 1]`.
    article_fields: Vec<u32>,
    /// The sorted terms, concatenated; term `t` ends at `term_ends[t]`.
    terms: String,
    term_ends: Vec<u32>,
    /// Term `t`'s posting list is `postings[lists[t]..lists[t + 1]]`.
    lists: Vec<u32>,
    postings: Vec<u8>,
    /// The bfloat16 pseudo term frequency each code of a posting entry stands for (at most
    /// 255 of them, the build's most used first: 84 % of the entries with several
    /// positions at 10,000 articles).
    tf_codes: Vec<u16>,
    /// Average field length in words per [`Class`] (at least 1).
    avg_words: [f32; Class::COUNT],
    /// Each article's language (`crate::text::lang`).
    langs: Vec<Lang>,
    /// Each term's languages: the [`Lang::bit`]s of the articles it occurs in.
    term_langs: Vec<u8>,
    /// Each term's document frequency: the articles it occurs in.
    dfs: Vec<u32>,
    /// The stem table (`stems.rs`), built on first use.
    stems: OnceLock<stems::Stems>,
    /// The terms' one-edit deletion keys (`one_edit::one_edit_keys`), on first use.
    one_edit: OnceLock<one_edit::OneEditKeys>,
    /// The shards and chunks it arrives in, and which are here (none for an index built
    /// here: all of it is).
    parts: parts::Parts,
    /// Whose articles it indexes (`in:site`, `in:mine`): not in the file, told by the
    /// page that loads it ([`Index::set_collection`]).
    collection: Collection,
}

impl Index {
    /// Whose articles it indexes.
    pub fn collection(&self) -> Collection {
        self.collection
    }

    /// Says whose articles it indexes.
    pub fn set_collection(&mut self, collection: Collection) {
        self.collection = collection;
    }

    /// The number of articles indexed.
    pub fn article_count(&self) -> usize {
        self.article_fields.len().saturating_sub(1)
    }

    /// The fields of article `a`, as a range of field numbers (empty when out of range).
    pub fn article_fields(&self, a: u32) -> Range<u32> {
        let a = a as usize;
        match (self.article_fields.get(a), self.article_fields.get(a + 1)) {
            (Some(&start), Some(&end)) => start..end,
            _ => 0..0,
        }
    }

    /// The fields of article `a`, in reading order (empty when out of range).
    pub fn fields_of(&self, a: u32) -> &[FieldInfo] {
        let range = self.article_fields(a);
        self.fields
            .get(range.start as usize..range.end as usize)
            .unwrap_or(&[])
    }

    /// Field `f`.
    pub fn field(&self, f: u32) -> Option<&FieldInfo> {
        self.fields.get(f as usize)
    }

    /// The average length in words of fields of a class (at least 1).
    pub fn avg_words(&self, class: Class) -> f32 {
        self.avg_words.get(class.index()).copied().unwrap_or(1.0)
    }

    /// Sets every field's [`FieldInfo::tf`] from its length and the averages.
    fn set_tfs(&mut self) {
        let avg = self.avg_words;
        for info in &mut self.fields {
            info.tf = field_tf(info, &avg);
        }
    }

    /// The pseudo term frequency of a term that occurs once in article `a`, at `at`: that
    /// of one occurrence in the field holding `at` (0 if none does).
    fn once_tf(&self, a: u32, at: u32) -> f32 {
        let fields = self.fields_of(a);
        // The field holding `at`: the last one starting at or before it.
        let f = fields.partition_point(|i| i.base <= at).saturating_sub(1);
        fields.get(f).map_or(0.0, FieldInfo::tf)
    }

    /// Article `a`'s language.
    pub fn lang(&self, a: u32) -> Lang {
        self.langs.get(a as usize).copied().unwrap_or_default()
    }

    /// How many articles term `t` occurs in.
    pub fn df(&self, t: usize) -> u32 {
        self.dfs.get(t).copied().unwrap_or(0)
    }

    /// Term `t`'s languages: the [`Lang::bit`]s of the articles it occurs in.
    pub fn term_langs(&self, t: usize) -> u8 {
        self.term_langs.get(t).copied().unwrap_or(0)
    }

    /// The terms that are forms of `word` (folded) in `lang` — the same stem, found in
    /// articles of that language — ascending; `word` itself among them if it is one.
    pub fn forms(&self, lang: Lang, word: &str) -> Vec<usize> {
        let keys = self.stems.get_or_init(|| stems::build(self));
        stems::forms(self, keys, lang, word)
    }

    /// The terms' one-edit deletion keys (`crate::query::fuzzy`), built on first use.
    pub fn one_edit_keys(&self) -> &one_edit::OneEditKeys {
        self.one_edit.get_or_init(|| one_edit::one_edit_keys(self))
    }

    /// The number of distinct terms.
    pub fn term_count(&self) -> usize {
        self.term_ends.len()
    }

    /// Term `t` (folded).
    pub fn term(&self, t: usize) -> &str {
        let start = match t.checked_sub(1) {
            Some(p) => self.term_ends.get(p).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.term_ends.get(t).copied().unwrap_or(start);
        self.terms.get(start as usize..end as usize).unwrap_or("")
    }

    /// The number of exactly `term` (already folded).
    pub fn find(&self, term: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.term_count());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.term(mid).cmp(term) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The terms that start with `prefix`: a contiguous range of term numbers.
    pub fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let first = self.partition(|t| t < prefix);
        let end = self.partition(|t| t < prefix || t.starts_with(prefix));
        first..end.max(first)
    }

    /// The first term number for which `before` is false (`before` must be true for a
    /// prefix of the sorted terms).
    fn partition(&self, before: impl Fn(&str) -> bool) -> usize {
        let (mut lo, mut hi) = (0, self.term_count());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if before(self.term(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Term `t`'s posting list; empty while its shard is not here (which marks the shard
    /// wanted: [`Index::parts`]).
    pub fn list(&self, t: usize) -> PostingList<'_> {
        let start = self.lists.get(t).copied().unwrap_or(0);
        let here = self.parts.term_here(u32::try_from(t).unwrap_or(u32::MAX));
        let bytes = if here { self.list_bytes(t) } else { &[] };
        PostingList::new(bytes, start, self)
    }

    /// The bytes of term `t`'s posting list.
    fn list_bytes(&self, t: usize) -> &[u8] {
        self.lists_bytes(t, t + 1)
    }

    /// The bytes of the posting lists of terms `from..to`.
    fn lists_bytes(&self, from: usize, to: usize) -> &[u8] {
        let start = self.lists.get(from).copied().unwrap_or(0) as usize;
        let end = self.lists.get(to).copied().unwrap_or(0) as usize;
        self.postings().get(start..end).unwrap_or(&[])
    }

    /// The shards and chunks the index arrives in, and which are here.
    pub fn parts(&self) -> &parts::Parts {
        &self.parts
    }

    /// Whether article `a`'s text is here; if not, its chunk is marked wanted.
    pub fn article_here(&self, a: u32) -> bool {
        self.parts.article_here(a)
    }

    /// Writes shards `first..` from `bytes` (one shard's file, or several end to end),
    /// each checked against its digest.
    pub fn add_shards(&mut self, first: usize, bytes: &[u8]) -> Result<(), file::LoadError> {
        let mut rest = bytes;
        let mut k = first;
        let bad = |k, why| file::LoadError::Part {
            part: "shard",
            k,
            why,
        };
        loop {
            let (from, to) = self
                .parts
                .shard_terms(k)
                .ok_or(bad(k, "there is no such shard"))?;
            let start = self.lists.get(from as usize).copied().unwrap_or(0) as usize;
            let end = self.lists.get(to as usize).copied().unwrap_or(0) as usize;
            let (shard, later) = rest
                .split_at_checked(end.saturating_sub(start))
                .ok_or(bad(k, "it is truncated"))?;
            if crate::hash::digest(shard) != self.parts.shard_digests.get(k).copied().unwrap_or(0) {
                return Err(bad(k, "it is not the head's (its digest differs)"));
            }
            let room = self
                .postings
                .get_mut(start..end)
                .ok_or(bad(k, "it lies outside the postings"))?;
            room.copy_from_slice(shard);
            self.parts.shard_arrived(k);
            rest = later;
            k += 1;
            if rest.is_empty() {
                return Ok(());
            }
        }
    }

    /// Marks chunk `k` of the articles here (`src/corpus/loading.rs` checked and placed them).
    pub(crate) fn chunk_arrived(&mut self, k: usize) {
        self.parts.chunk_arrived(k);
    }

    /// The posting lists, concatenated.
    fn postings(&self) -> &[u8] {
        &self.postings
    }

    /// The bfloat16 pseudo term frequency of code `code` of a posting entry (0 if none).
    fn tf_code(&self, code: u8) -> u16 {
        self.tf_codes.get(usize::from(code)).copied().unwrap_or(0)
    }

    /// The `len` bytes of positions at `at` of the postings (an [`Entry`]'s chunk).
    pub fn chunk(&self, at: u32, len: u32) -> &[u8] {
        let at = at as usize;
        self.postings().get(at..at + len as usize).unwrap_or(&[])
    }

    /// The positions of `chunk` (from an [`Entry`]).
    pub fn positions<'a>(&self, chunk: &'a [u8]) -> Positions<'a> {
        Positions::new(chunk)
    }

    /// Bytes the index holds on the heap (its vectors' capacities), for measurements.
    #[cfg(feature = "internals")]
    pub fn heap_bytes(&self) -> usize {
        self.fields.capacity() * std::mem::size_of::<FieldInfo>()
            + self.article_fields.capacity() * 4
            + self.terms.capacity()
            + self.term_ends.capacity() * 4
            + self.lists.capacity() * 4
            + self.postings.capacity()
            + self.tf_codes.capacity() * 2
            + self.langs.capacity()
            + self.term_langs.capacity()
            + self.dfs.capacity() * 4
            + self.stems.get().map_or(0, |k| k.heap_bytes())
            + self.one_edit.get().map_or(0, |k| k.heap_bytes())
    }
}
