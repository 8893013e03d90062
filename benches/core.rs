//! Criterion benchmarks of the core, native: parsing (MB/s), index building (MB/s) and
//! queries (µs, top 10 with highlights), each query's article count asserted inside the
//! loop against the naive scan of the tests (`tests/it/naive.rs`, the oracle).
//!
//! `cargo bench --bench core` — the corpus is `AE_BENCH_CORPUS` (a folder of articles),
//! else `target/corpus/1000` when `cargo xtask corpus --articles 1000` wrote it, else the
//! seeds. `AE_BENCH_QUERIES` may name a JSON file `[{"cls": …, "text": …, "fuzzy": …}, …]`
//! (the Node benchmark writes its mix into its JSON as `queries`; a fuzzy one is asked as
//! `word~`); else a fixed mix.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

#[allow(dead_code, clippy::indexing_slicing)]
#[path = "../tests/it/naive.rs"]
mod naive;

use article_explorer::{article, index, Corpus};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::path::PathBuf;

/// The fixed mix, one query per class of the Node benchmark.
const QUERIES: [(&str, &str); 9] = [
    ("common", "korea"),
    ("rare", "toloraya"),
    ("two", "moscow seoul"),
    ("phrase", "\"economic cooperation\""),
    ("prefix", "cooperat*"),
    ("misspelling", "cooperatoin~"),
    ("cyrillic", "москва"),
    ("hangul", "서울"),
    ("absent", "xyzzyplugh"),
];

fn corpus_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("AE_BENCH_CORPUS") {
        return PathBuf::from(dir);
    }
    let generated = PathBuf::from("target/corpus/1000");
    if generated.is_dir() {
        generated
    } else {
        PathBuf::from("seeds")
    }
}

fn files() -> Vec<(String, Vec<u8>)> {
    let dir = corpus_dir();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    eprintln!(
        "core bench: {} articles from {}",
        names.len(),
        dir.display()
    );
    names
        .into_iter()
        .map(|n| {
            let bytes = std::fs::read(dir.join(&n)).unwrap();
            (n, bytes)
        })
        .collect()
}

fn queries() -> Vec<(String, String)> {
    if let Some(path) = std::env::var_os("AE_BENCH_QUERIES") {
        let text = std::fs::read_to_string(&path).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        let list = json
            .get("queries")
            .unwrap_or(&json)
            .as_array()
            .unwrap()
            .clone();
        return list
            .iter()
            .map(|q| {
                let s = |k: &str| q.get(k).and_then(|v| v.as_str()).unwrap().to_owned();
                // The misspelling is asked with typo tolerance, as the Node benchmark does.
                let fuzzy = q.get("fuzzy").and_then(serde_json::Value::as_bool) == Some(true);
                let text = if fuzzy {
                    let words: Vec<String> = s("text")
                        .split_whitespace()
                        .map(|w| format!("{w}~"))
                        .collect();
                    words.join(" ")
                } else {
                    s("text")
                };
                (s("cls"), text)
            })
            .collect();
    }
    QUERIES
        .iter()
        .map(|(c, q)| ((*c).to_owned(), (*q).to_owned()))
        .collect()
}

fn bench(c: &mut Criterion) {
    let files = files();
    let bytes: u64 = files.iter().map(|(_, b)| b.len() as u64).sum();

    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("parse", |b| {
        b.iter(|| {
            for (_, text) in &files {
                black_box(article::parse_bytes(text).unwrap());
            }
        });
    });
    let articles: Vec<_> = files
        .iter()
        .map(|(_, t)| article::parse_bytes(t).unwrap())
        .collect();
    group.bench_function("index", |b| b.iter(|| black_box(index::build(&articles))));
    group.finish();

    let corpus = Corpus::from_files(files.iter().map(|(n, b)| (n.as_str(), b.as_slice()))).unwrap();
    eprintln!(
        "core bench: text {:.1} MB, index {:.1} MB on the heap",
        bytes as f64 / 1e6,
        corpus.index().heap_bytes() as f64 / 1e6
    );
    let mut group = c.benchmark_group("query");
    for (class, query) in queries() {
        // The oracle's count, once; asserted on every run of the measured loop.
        let expected = naive::search(&corpus, &query).len();
        group.bench_with_input(BenchmarkId::new(class, &query), &query, |b, q| {
            b.iter(|| {
                let result = corpus.search_top(q, 10);
                assert_eq!(result.articles.len(), expected, "{q}");
                black_box(result)
            });
        });
    }
    group.finish();

    // The same without highlights: what matching and ranking alone cost.
    let mut group = c.benchmark_group("rank-only");
    for (class, query) in queries() {
        group.bench_with_input(BenchmarkId::new(class, &query), &query, |b, q| {
            b.iter(|| black_box(corpus.search_top(q, 0)));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
