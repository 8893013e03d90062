//! A corpus arriving in pieces (src/loading.rs): whatever the pieces' sizes, the same
//! corpus as the whole files give, and the same errors.

use crate::support::fixture_bundle;
use article_explorer::index::file::LoadError;
use article_explorer::loading::Loading;
use article_explorer::Corpus;

fn in_pieces(
    bundle: &[u8],
    index: &[u8],
    piece: usize,
) -> Result<Result<Corpus, LoadError>, String> {
    let mut loading = Loading::new(index.len());
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
    for piece in [1, 7, 8, 9, 100, 4096, bundle.len()] {
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
    for (b, i) in [
        (&b"<!doctype html>"[..], &index[..]),
        (&b""[..], &index[..]),
        (cut, &index[..]),
        (&bundle[..], &b""[..]),
        (&bundle[..], &damaged[..]),
        (&bundle[..], &index[..index.len() - 3]),
    ] {
        let whole = Corpus::with_index_file(b, (!i.is_empty()).then_some(i))
            .map(|r| r.err())
            .map_err(|e| e.to_string());
        for piece in [1, 5, 64] {
            let got = in_pieces(b, i, piece).map(|r| r.err());
            assert_eq!(got, whole, "pieces of {piece}");
        }
        assert!(
            whole.as_ref().map_or(true, Option::is_some),
            "each case fails"
        );
    }
}
