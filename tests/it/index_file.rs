//! The index's head (src/index/file.rs, docs/format.md): written natively, read back, it
//! makes the same corpus; anything that is not a head written by this version is refused
//! with the reason, never misread.

use crate::support::fixture_bundle;
use article_explorer::corpus::loading::SiteFiles;
use article_explorer::index::file::{self, LoadError};
use article_explorer::Corpus;

/// The fixtures' site files (the default sizes: one chunk, one shard).
fn site() -> SiteFiles {
    let bundle = fixture_bundle();
    let files = article_explorer::corpus::bundle::read(&bundle).unwrap();
    SiteFiles::of(&files).unwrap()
}

/// Why `head` is not used (`None`: it is).
fn why(head: &[u8]) -> Option<LoadError> {
    Corpus::from_head(head).err()
}

/// `bytes` with its checksum made right.
fn resum(mut bytes: Vec<u8>) -> Vec<u8> {
    let n = bytes.len() - 8;
    let sum = article_explorer::hash::digest(&bytes[..n]);
    bytes[n..].copy_from_slice(&sum.to_le_bytes());
    bytes
}

#[test]
fn no_missing_or_damaged_head_is_used() {
    let site = site();
    let head = &site.head;
    assert_eq!(why(head), None);
    assert_eq!(why(b""), Some(LoadError::Missing), "an empty file is none");
    assert_eq!(
        why(b"<!doctype html><p>404</p>"),
        Some(LoadError::NotAnIndex)
    );
    // Every truncation, and a byte flipped anywhere (sampled), is refused.
    for len in (1..head.len()).step_by(97).chain([head.len() - 1]) {
        let got = why(&head[..len]);
        assert!(
            matches!(
                got,
                Some(LoadError::Truncated | LoadError::NotAnIndex | LoadError::Corrupt)
            ),
            "cut at {len}: {got:?}"
        );
    }
    for at in (0..head.len()).step_by(89) {
        let mut bad = head.clone();
        bad[at] ^= 0x20;
        assert!(why(&bad).is_some(), "byte {at} flipped and used");
    }
    assert_eq!(
        why(&[&head[..], b"more"].concat()),
        Some(LoadError::Malformed("it is longer than its sections"))
    );
}

/// Rewrites the version or a section with a valid checksum: the reader checks more than
/// the checksum.
#[test]
fn versions_and_broken_sections_are_refused_with_their_reason() {
    let head = site().head;
    let mut newer = head.clone();
    newer[8..12].copy_from_slice(&(file::VERSION + 1).to_le_bytes());
    assert_eq!(
        why(&resum(newer)),
        Some(LoadError::Version(file::VERSION + 1))
    );
    // Counts that do not add up to the length: more fields than the file holds is a
    // truncated file (never an overflow, whatever the counts); fewer is a malformed one.
    let fields = u32::from_le_bytes(head[20..24].try_into().unwrap());
    for (count, want) in [
        (u32::MAX, LoadError::Truncated),
        (
            fields - 1,
            LoadError::Malformed("it is longer than its sections"),
        ),
    ] {
        let mut counts = head.clone();
        counts[20..24].copy_from_slice(&count.to_le_bytes()); // the number of fields
        assert_eq!(why(&resum(counts)), Some(want));
    }
    // A field of an unknown kind.
    let mut unknown_kind = head.clone();
    unknown_kind[HEADER + 5] = 0x7f;
    assert_eq!(
        why(&resum(unknown_kind)),
        Some(LoadError::Malformed("a field has an unknown part or kind"))
    );
    // The first term's first byte raised above the second's: the terms are out of order.
    let terms_at = find_terms(&head);
    let mut unsorted = head.clone();
    assert!(unsorted[terms_at] < 0x7e, "the first term starts here");
    unsorted[terms_at] = 0x7e;
    assert_eq!(
        why(&resum(unsorted)),
        Some(LoadError::Malformed(
            "the terms are not sorted and distinct"
        ))
    );
    // The outline's first length made longer than the outline's text.
    let (numbers, text) = (u32_at(&head, 16 + 13 * 4), u32_at(&head, 16 + 14 * 4));
    let outline_at = head.len() - 8 - text - 4 * numbers;
    let mut outline = head.clone();
    outline[outline_at..outline_at + 4].copy_from_slice(&7u32.to_le_bytes());
    assert_eq!(
        why(&resum(outline)),
        Some(LoadError::Malformed("the outline is malformed"))
    );
}

/// Bytes before the sections: magic, version, flags, 15 counts, 8 averages.
const HEADER: usize = 8 + 4 + 4 + 15 * 4 + 8 * 4;

fn u32_at(bytes: &[u8], at: usize) -> usize {
    u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize
}

/// Where the terms section starts: after the header, fields, article_fields and langs.
fn find_terms(head: &[u8]) -> usize {
    let (articles, fields) = (u32_at(head, 16), u32_at(head, 20));
    HEADER + fields * 24 + (articles + 1) * 4 + articles
}

/// The seed's files are pinned: a change to what the index holds for the same articles
/// (tokenizing, folding, term frequencies, the layout) changes them, and must come with a
/// new file::VERSION, so that no browser ever reads an index of another version.
#[test]
fn the_seed_index_is_pinned_to_its_version() {
    let seeds = article_explorer::corpus::embedded_seeds();
    let files: Vec<(&str, &[u8])> = seeds.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    let site = SiteFiles::of(&files).unwrap();
    let pinned = site.fingerprint();
    // The wasm test (tests/wasm.rs) checks its own build against the same files.
    expect_test::expect_file!["../snapshots/seed.index.txt"].assert_eq(&pinned);
}
