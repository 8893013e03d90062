//! A corpus arriving in pieces (src/loading.rs): whatever the pieces' sizes, the same
//! corpus as the whole files give, and the same errors.

use crate::support::fixture_bundle;
use article_explorer::index::file::LoadError;
use article_explorer::loading::Loading;
use article_explorer::Corpus;

/// The corpus from `bundle` and `index` pushed in pieces of `piece` bytes; the index
/// file's length told ahead unless `piece` is odd (both ways are read alike).
fn in_pieces(
    bundle: &[u8],
    index: &[u8],
    piece: usize,
) -> Result<Result<Corpus, LoadError>, String> {
    let mut loading = Loading::new(if piece % 2 == 0 { index.len() } else { 0 });
    for chunk in bundle.chunks(piece) {
        loading.push(chunk).map_err(|e| e.to_string())?;
    }
    for chunk in index.chunks(piece) {
        loading.push_index(chunk);
    }
    loading.finish().map_err(|e| e.to_string())
}

#[test]
fn pieces_of_any_size_make_the_same_corpus() {
    let bundle = fixture_bundle();
    let whole = Corpus::from_bundle(&bundle).unwrap();
    let index = whole.index_file(&bundle);
    for piece in [1, 2, 7, 8, 9, 24, 100, 4096, 4097, bundle.len()] {
        let corpus = in_pieces(&bundle, &index, piece).unwrap().unwrap();
        assert_eq!(corpus.len(), whole.len(), "pieces of {piece}");
        assert_eq!(corpus.index_file(&bundle), index, "pieces of {piece}");
        for q in ["Seoul", "\"Moon Jae-in\"", "sanction", "Сеул"] {
            assert_eq!(corpus.search(q), whole.search(q), "{q}, pieces of {piece}");
        }
    }
}

#[test]
fn in_pieces_the_errors_are_the_whole_files_errors() {
    let bundle = fixture_bundle();
    let index = Corpus::from_bundle(&bundle).unwrap().index_file(&bundle);
    // Not a bundle, a cut bundle, no index, a damaged index: as with the whole files.
    let cut = &bundle[..bundle.len() - 1];
    let mut damaged = index.clone();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 1;
    // A field of an unknown kind, the checksum made right: a section breaks its rules.
    let mut unknown_kind = index.clone();
    let first_field = 8 + 4 + 4 + 8 + 11 * 4 + 8 * 4;
    unknown_kind[first_field + 5] = 0x7f;
    let n = unknown_kind.len() - 8;
    let sum = article_explorer::hash::digest(&unknown_kind[..n]);
    unknown_kind[n..].copy_from_slice(&sum.to_le_bytes());
    assert_eq!(
        Corpus::with_index_file(&bundle, Some(&unknown_kind))
            .unwrap()
            .err(),
        Some(LoadError::Malformed("a field has an unknown part or kind"))
    );
    for (b, i) in [
        (&b"<!doctype html>"[..], &index[..]),
        (&b""[..], &index[..]),
        (cut, &index[..]),
        (&bundle[..], &b""[..]),
        (&bundle[..], &damaged[..]),
        (&bundle[..], &index[..index.len() - 3]),
        (&bundle[..], &unknown_kind[..]),
        (&bundle[..], &[&index[..], b"more"].concat()[..]),
    ] {
        let whole = Corpus::with_index_file(b, (!i.is_empty()).then_some(i))
            .map(|r| r.err())
            .map_err(|e| e.to_string());
        for piece in [1, 2, 5, 64] {
            let got = in_pieces(b, i, piece).map(|r| r.err());
            assert_eq!(got, whole, "pieces of {piece}");
        }
        assert!(
            whole.as_ref().map_or(true, Option::is_some),
            "each case fails"
        );
    }
}
