//! The fuzz targets' inputs replayed on the stable toolchain: every file of
//! `fuzz/corpus/NAME` (the committed corpus) and `fuzz/artifacts/NAME` (every failing or
//! hanging input `cargo xtask fuzz` ever found, committed with its fix) goes through the
//! same check the target runs (`article_explorer::checks`), so CI keeps them fixed
//! without libFuzzer or nightly.

use crate::support::root;
use article_explorer::{checks, Corpus};

/// The inputs of target `name`: its corpus and its artifacts, each with its path.
fn inputs(name: &str) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in ["corpus", "artifacts"] {
        let Ok(entries) = std::fs::read_dir(root().join("fuzz").join(dir).join(name)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            out.push((path.display().to_string(), std::fs::read(&path).unwrap()));
        }
    }
    out.sort();
    out
}

#[test]
fn every_kept_input_still_passes_its_check() {
    let seeds = Corpus::embedded().unwrap();
    let mut replayed = 0;
    for (name, check) in [
        ("article", checks::article as fn(&[u8])),
        ("bundle", checks::bundle),
        ("articles", checks::articles),
        ("head", checks::head),
    ] {
        let kept = inputs(name);
        assert!(!kept.is_empty(), "fuzz/corpus/{name} has inputs");
        for (path, bytes) in kept {
            eprintln!("replaying {path}");
            check(&bytes);
            replayed += 1;
        }
    }
    let queries = inputs("query");
    assert!(!queries.is_empty(), "fuzz/corpus/query has inputs");
    for (path, bytes) in queries {
        eprintln!("replaying {path}");
        if let Ok(q) = std::str::from_utf8(&bytes) {
            checks::query(&seeds, q);
        }
        replayed += 1;
    }
    assert!(replayed >= 15, "{replayed} inputs");
}
