//! Building the index in two passes over the articles: the fields and their lengths
//! (whitespace-separated words: cheap, and all BM25F needs), then the tokens, article by
//! article, each article's occurrences sorted by term and appended to the terms' lists.
//! The lists hold each entry's pseudo term frequency whole until the end, when the most
//! used values are known and given their one-byte codes (`Index::tf_codes`).
//!
//! Sorting: everything the engine sorts is sorted as `u64` keys, so the wasm carries one
//! instance of the sort (each instance costs about 2–4 kB).

use super::list::to_bf16;
use super::{Class, FieldInfo, Index, TF_ESCAPE};
use crate::article::Article;
use crate::rank;
use crate::text::lang::Detector;
use crate::text::token::{for_each_token, possessive_stem};
use crate::varint;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Builds the index of `articles`.
pub fn build(articles: &[Article]) -> Index {
    let mut index = Index::default();
    lay_out_fields(articles, &mut index);
    index.set_tfs();

    let mut terms = Terms::default();
    // This article's occurrences as `term << 32 | position` (u64 keys: the one sort the
    // engine instantiates), and each of its fields' pseudo term frequency per occurrence.
    let mut occurrences: Vec<u64> = Vec::new();
    let mut field_tf: Vec<f32> = Vec::new();
    let mut positions: Vec<u8> = Vec::new();
    // Every field's step (FieldInfo::step), set once every article is read.
    let mut steps: Vec<u32> = Vec::with_capacity(index.fields.len());
    for (a, article) in articles.iter().enumerate() {
        let a = to_u32(a);
        occurrences.clear();
        field_tf.clear();
        let mut detector = Detector::default();
        let fields = index.article_fields(a);
        let infos = index
            .fields
            .get(fields.start as usize..fields.end as usize)
            .unwrap_or(&[]);
        for (info, field) in infos.iter().zip(article.fields()) {
            let class = info.class();
            field_tf.push(rank::occurrence_tf(
                class,
                info.words,
                index.avg_words(class),
            ));
            // Tokens come in text order (token.rs): the step is the largest difference
            // between consecutive starts (none before the first: `last` is the largest u32).
            let (mut step, mut last) = (0u32, u32::MAX);
            for_each_token(field.text, |token| {
                detector.add(token.term);
                step = step.max(token.span.start.saturating_sub(last));
                last = token.span.start;
                let at = u64::from(info.base.saturating_add(token.span.start));
                if let Some(stem) = possessive_stem(token.term) {
                    occurrences.push((u64::from(terms.id(stem)) << 32) | at);
                }
                occurrences.push((u64::from(terms.id(token.term)) << 32) | at);
            });
            steps.push(step);
        }
        let lang = detector.lang();
        index.langs.push(lang);
        crate::sort::sort_u64(&mut occurrences);
        for group in occurrences.chunk_by(|x, y| x >> 32 == y >> 32) {
            let Some(&first) = group.first() else {
                continue;
            };
            positions.clear();
            let mut last = 0;
            let mut tf = 0.0f32;
            for &key in group {
                let at = key as u32;
                debug_assert!(
                    positions.is_empty() || at > last,
                    "a term's positions in an article are distinct, sorted"
                );
                varint::push(&mut positions, at.saturating_sub(last));
                last = at;
                // The field holding `at`: the last one starting at or before it.
                let f = infos.partition_point(|i| i.base <= at).saturating_sub(1);
                tf += field_tf.get(f).copied().unwrap_or(0.0);
            }
            let once = group.len() == 1;
            terms.append((first >> 32) as u32, a, (tf, once), &positions, lang.bit());
        }
    }
    for (info, step) in index.fields.iter_mut().zip(steps) {
        info.step = step;
    }
    terms.finish(&mut index);
    index
}

/// Numbers the fields, gives each its place in its article's offset space and its length
/// in words, and averages the lengths per class.
fn lay_out_fields(articles: &[Article], index: &mut Index) {
    let mut sum = [0u64; Class::COUNT];
    let mut count = [0u64; Class::COUNT];
    for article in articles {
        index.article_fields.push(to_u32(index.fields.len()));
        let mut base = 0u32;
        for field in article.fields() {
            let info = FieldInfo {
                block: field.addr.block,
                part: field.addr.part,
                kind: field.kind,
                base,
                len: to_u32(field.text.len()),
                words: to_u32(field.text.split_whitespace().count()),
                step: 0,
                tf: 0, // set_tfs, when the averages are known
            };
            base = base.saturating_add(info.len).saturating_add(1);
            let class = info.class().index();
            if let (Some(s), Some(c)) = (sum.get_mut(class), count.get_mut(class)) {
                *s += u64::from(info.words);
                *c += 1;
            }
            index.fields.push(info);
        }
    }
    index.article_fields.push(to_u32(index.fields.len()));
    for ((avg, s), c) in index.avg_words.iter_mut().zip(sum).zip(count) {
        *avg = if c == 0 {
            1.0
        } else {
            (s as f32 / c as f32).max(1.0)
        };
    }
}

/// The terms met so far, numbered in order of appearance, each with its posting list.
#[derive(Default)]
struct Terms {
    ids: FxMap<Box<str>, u32>,
    lists: Vec<Vec<u8>>,
    last_article: Vec<u32>,
    /// The languages of the articles each term occurs in ([`crate::text::lang::Lang::bit`]).
    langs: Vec<u8>,
    /// The number of articles each term occurs in.
    dfs: Vec<u32>,
    /// How many entries (with several positions) have each bfloat16 pseudo term frequency.
    tf_counts: FxMap<u16, u32>,
}

impl Terms {
    /// The number of `term`, a new one if it is new.
    fn id(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = to_u32(self.lists.len());
        self.ids.insert(term.into(), id);
        self.lists.push(Vec::new());
        self.last_article.push(0);
        self.langs.push(0);
        self.dfs.push(0);
        id
    }

    /// Appends article `a`'s entry to term `term`'s list (articles come in order): its
    /// pseudo term frequency and whether the term occurs once there, its positions; `lang`
    /// is the article's language bit. Once, the frequency is not written: it is the
    /// field's, [`super::FieldInfo::tf`].
    fn append(&mut self, term: u32, a: u32, (tf, once): (f32, bool), positions: &[u8], lang: u8) {
        let (Some(list), Some(last), Some(langs), Some(df)) = (
            self.lists.get_mut(term as usize),
            self.last_article.get_mut(term as usize),
            self.langs.get_mut(term as usize),
            self.dfs.get_mut(term as usize),
        ) else {
            return;
        };
        *langs |= lang;
        *df += 1;
        let delta = if list.is_empty() {
            a
        } else {
            a.saturating_sub(*last)
        };
        *last = a;
        varint::push(list, delta << 1 | u32::from(once));
        if !once {
            let bits = to_bf16(tf);
            *self.tf_counts.entry(bits).or_default() += 1;
            list.extend_from_slice(&bits.to_le_bytes());
            varint::push(list, to_u32(positions.len()));
        }
        list.extend_from_slice(positions);
    }

    /// Sorts the terms and moves them and their lists into `index`.
    fn finish(self, index: &mut Index) {
        let mut by_name: Vec<(Box<str>, u32)> = self.ids.into_iter().collect();
        let mut order: Vec<u32> = (0..to_u32(by_name.len())).collect();
        let name = |i: &u32| by_name.get(*i as usize).map_or("", |(t, _)| &**t);
        crate::sort::sort_by(&mut order, &|a, b| name(a) < name(b));
        let by_name: Vec<(Box<str>, u32)> = order
            .iter()
            .filter_map(|&i| by_name.get_mut(i as usize).map(std::mem::take))
            .collect();
        let mut lists = self.lists;
        let codes = tf_codes(&self.tf_counts);
        let total: usize = lists.iter().map(Vec::len).sum();
        index.postings = Vec::with_capacity(total);
        index.terms = String::with_capacity(by_name.iter().map(|(t, _)| t.len()).sum());
        index.term_ends = Vec::with_capacity(by_name.len());
        index.lists = Vec::with_capacity(by_name.len() + 1);
        index.term_langs = Vec::with_capacity(by_name.len());
        index.dfs = Vec::with_capacity(by_name.len());
        for (term, id) in by_name {
            index
                .term_langs
                .push(self.langs.get(id as usize).copied().unwrap_or(0));
            index
                .dfs
                .push(self.dfs.get(id as usize).copied().unwrap_or(0));
            index.terms.push_str(&term);
            index.term_ends.push(to_u32(index.terms.len()));
            index.lists.push(to_u32(index.postings.len()));
            if let Some(list) = lists.get_mut(id as usize) {
                encode_tfs(list, &codes, &mut index.postings);
                *list = Vec::new();
            }
        }
        index.lists.push(to_u32(index.postings.len()));
        index.postings.shrink_to_fit();
        let mut by_code: Vec<(u8, u16)> = codes.iter().map(|(&bits, &c)| (c, bits)).collect();
        by_code.sort_unstable();
        index.tf_codes = by_code.into_iter().map(|(_, bits)| bits).collect();
    }
}

/// The codes of the 255 most used pseudo term frequencies (ties: the smaller first).
fn tf_codes(counts: &FxMap<u16, u32>) -> FxMap<u16, u8> {
    // Most used first, as `(u32::MAX − count) << 32 | bits`: the engine's one sort.
    let mut keys: Vec<u64> = counts
        .iter()
        .map(|(&bits, &n)| (u64::from(u32::MAX - n) << 32) | u64::from(bits))
        .collect();
    crate::sort::sort_u64(&mut keys);
    keys.iter()
        .take(usize::from(TF_ESCAPE))
        .zip(0..TF_ESCAPE)
        .map(|(&key, code)| (key as u16, code))
        .collect()
}

/// Appends a built posting list to `out` with each entry's pseudo term frequency coded:
/// its code if it has one, else [`TF_ESCAPE`] and the frequency (layout: `super`). The
/// rest is copied as it is.
fn encode_tfs(list: &[u8], codes: &FxMap<u16, u8>, out: &mut Vec<u8>) {
    let mut at = 0;
    while at < list.len() {
        let head_at = at;
        if varint::read(list, &mut at) & 1 == 1 {
            varint::read(list, &mut at); // one position, no frequency
            out.extend_from_slice(list.get(head_at..at).unwrap_or(&[]));
            continue;
        }
        out.extend_from_slice(list.get(head_at..at).unwrap_or(&[]));
        let bits = match list.get(at..at + 2) {
            Some(&[lo, hi]) => u16::from_le_bytes([lo, hi]),
            _ => 0,
        };
        at += 2;
        match codes.get(&bits) {
            Some(&code) => out.push(code),
            None => {
                out.push(TF_ESCAPE);
                out.extend_from_slice(&bits.to_le_bytes());
            }
        }
        // The positions' length, then the positions.
        let len_at = at;
        let len = varint::read(list, &mut at) as usize;
        let end = at.saturating_add(len).min(list.len());
        out.extend_from_slice(list.get(len_at..end).unwrap_or(&[]));
        at = end;
    }
}

/// A hash map with [`FxHasher`].
type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Firefox's and rustc's hash: one multiply a word. The keys are the corpus's own words,
/// short and not chosen to collide; SipHash's protection is not needed and costs time.
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Corpus sizes are far below 4 Gi fields or bytes; saturate rather than wrap.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
