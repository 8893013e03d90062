//! The index file (src/index/file.rs, docs/format.md): written natively, read back, it
//! answers every query as the index built from the articles; anything that is not the
//! file written for these articles is refused with the reason, never misread.

use crate::support::{fixture_bundle, fixture_corpus};
use article_explorer::index::file::{self, LoadError};
use article_explorer::Corpus;

/// The fixtures' bundle, its index file, and the corpus loaded from both.
fn loaded() -> (Vec<u8>, Vec<u8>, Corpus) {
    let bundle = fixture_bundle();
    let built = Corpus::from_bundle(&bundle).unwrap();
    let index = built.index_file(&bundle);
    let corpus = Corpus::with_index_file(&bundle, Some(&index)).unwrap();
    (bundle, index, corpus.expect("the index file is used"))
}

/// Why `file` is not used as the index of `bundle` (`None`: it is).
fn why(bundle: &[u8], file: Option<&[u8]>) -> Option<LoadError> {
    Corpus::with_index_file(bundle, file).unwrap().err()
}

#[test]
fn the_file_round_trips_byte_for_byte() {
    let (bundle, index, corpus) = loaded();
    assert_eq!(corpus.index_file(&bundle), index);
    assert_eq!(corpus.len(), fixture_corpus().len());
}

#[test]
fn no_missing_other_or_damaged_file_is_used() {
    let (bundle, index, _) = loaded();
    let why = |file: Option<&[u8]>| why(&bundle, file);
    assert_eq!(why(None), Some(LoadError::Missing));
    assert_eq!(
        why(Some(b"")),
        Some(LoadError::Missing),
        "an empty file is none"
    );
    assert_eq!(
        why(Some(b"<!doctype html><p>404</p>")),
        Some(LoadError::NotAnIndex)
    );

    // Another corpus's index: its articles differ.
    let seed_bundle = article_explorer::bundle::write(
        article_explorer::corpus::embedded_seeds()
            .iter()
            .map(|(n, t)| (*n, t.as_bytes())),
    );
    let seed = Corpus::from_bundle(&seed_bundle).unwrap();
    assert_eq!(
        why(Some(&seed.index_file(&seed_bundle))),
        Some(LoadError::OtherArticles)
    );
    // This index for a bundle of other bytes (one article changed by a letter).
    let mut other = bundle.clone();
    let at = other.len() - 10;
    other[at] = if other[at] == b'a' { b'b' } else { b'a' };
    assert_eq!(
        self::why(&other, Some(&index)),
        Some(LoadError::OtherArticles)
    );

    // Every truncation, and a byte flipped anywhere (sampled), is refused.
    for len in (1..index.len()).step_by(97).chain([index.len() - 1]) {
        let got = why(Some(&index[..len]));
        assert!(
            matches!(
                got,
                Some(LoadError::Truncated | LoadError::NotAnIndex | LoadError::Corrupt)
            ),
            "cut at {len}: {got:?}"
        );
    }
    for at in (0..index.len()).step_by(89) {
        let mut bad = index.clone();
        bad[at] ^= 0x20;
        assert!(why(Some(&bad)).is_some(), "byte {at} flipped and used");
    }
}

/// Rewrites the version or a section with a valid checksum: the reader checks more than
/// the checksum.
#[test]
fn versions_and_broken_sections_are_refused_with_their_reason() {
    let (bundle, index, _) = loaded();
    let resum = |mut bytes: Vec<u8>| {
        let n = bytes.len() - 8;
        let sum = article_explorer::hash::digest(&bytes[..n]);
        bytes[n..].copy_from_slice(&sum.to_le_bytes());
        bytes
    };
    let why = |bytes: &[u8]| why(&bundle, Some(bytes));
    let mut newer = index.clone();
    newer[8..12].copy_from_slice(&(file::VERSION + 1).to_le_bytes());
    assert_eq!(
        why(&resum(newer)),
        Some(LoadError::Version(file::VERSION + 1))
    );

    // Counts that do not add up to the length: more fields than the file holds is a
    // truncated file (never an overflow, whatever the counts); fewer is a malformed one.
    let fields = u32::from_le_bytes(index[28..32].try_into().unwrap());
    for (count, want) in [
        (u32::MAX, LoadError::Truncated),
        (
            fields - 1,
            LoadError::Malformed("it is longer than its sections"),
        ),
    ] {
        let mut counts = index.clone();
        counts[28..32].copy_from_slice(&count.to_le_bytes()); // the number of fields
        assert_eq!(why(&resum(counts)), Some(want));
    }
    // The postings' last byte changed: checksum fixed, so the index is taken as it is —
    // the readers never panic on it (they are total), and the terms are still sorted.
    // The first term's first byte raised above the second's: the terms are out of order.
    let terms_at = find_terms(&index);
    let mut unsorted = index.clone();
    assert!(unsorted[terms_at] < 0x7e, "the first term starts here");
    unsorted[terms_at] = 0x7e;
    assert_eq!(
        why(&resum(unsorted)),
        Some(LoadError::Malformed(
            "the terms are not sorted and distinct"
        ))
    );
}

/// Where the terms section starts: after the header, fields, article_fields and langs.
fn find_terms(index: &[u8]) -> usize {
    let u32_at = |at: usize| u32::from_le_bytes(index[at..at + 4].try_into().unwrap()) as usize;
    let (articles, fields) = (u32_at(24), u32_at(28));
    let header = 8 + 4 + 4 + 8 + 11 * 4 + 8 * 4;
    header + fields * 24 + (articles + 1) * 4 + articles
}

/// The seed's index file is pinned: a change to what the index holds for the same
/// articles (tokenizing, folding, term frequencies, the layout) changes it, and must come
/// with a new file::VERSION, so that no browser ever reads an index of another version.
#[test]
fn the_seed_index_is_pinned_to_its_version() {
    let bundle = article_explorer::bundle::write(
        article_explorer::corpus::embedded_seeds()
            .iter()
            .map(|(n, t)| (*n, t.as_bytes())),
    );
    let corpus = Corpus::from_bundle(&bundle).unwrap();
    let index = corpus.index_file(&bundle);
    let pinned = format!(
        "version {}: {} bytes, digest {:016x}",
        file::VERSION,
        index.len(),
        article_explorer::hash::digest(&index)
    );
    // The wasm test (tests/wasm.rs) checks its own build against the same file.
    expect_test::expect_file!["../snapshots/seed.index.txt"].assert_eq(&pinned);
}
