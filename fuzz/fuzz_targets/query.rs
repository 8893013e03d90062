//! The `query` target: any text as a query on the seeds (`article_explorer::checks::query`).
#![no_main]

use article_explorer::Corpus;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| Corpus::embedded().expect("the seeds are articles"))
}

fuzz_target!(|data: &[u8]| {
    if let Ok(q) = std::str::from_utf8(data) {
        article_explorer::checks::query(corpus(), q);
    }
});
