//! What must hold for any input: the checks the fuzz targets (`fuzz/`) run on arbitrary
//! bytes, and that `tests/it/fuzz.rs` replays on every input they keep (their corpus and
//! every crash ever found) on the stable toolchain. Each takes bytes, never fails on them,
//! and panics only when an invariant breaks — the product never calls these.
//!
//! The invariants of a result: every highlight span is non-empty, on char boundaries of
//! its field's text, the spans of a field sorted and apart; its UTF-16 twin slices the
//! same text; a row's matches are its fields' spans, and the total is the rows' sum.

use crate::article::{self, Article};
use crate::corpus::Corpus;
use crate::span::Span;

/// The article parser on any bytes: an article or an error, and an article's fields are
/// non-empty texts of the input (no line lost is the parser's own test).
pub fn article(bytes: &[u8]) {
    let Ok(parsed) = article::parse_bytes(bytes) else {
        return;
    };
    let text = String::from_utf8_lossy(bytes);
    for field in parsed.fields() {
        assert!(
            text.contains(field.text),
            "a field's text is the input's: {:?}",
            field.text
        );
    }
}

/// The bundle reader on any bytes: files or an error; what it reads, written again,
/// reads back the same.
pub fn bundle(bytes: &[u8]) {
    let Ok(files) = crate::corpus::bundle::read(bytes) else {
        return;
    };
    let again = crate::corpus::bundle::write(files.iter().copied());
    assert_eq!(
        crate::corpus::bundle::read(&again).ok(),
        Some(files),
        "a bundle written from what was read reads back the same"
    );
}

/// A query on `corpus`, finished and while typing: the result's invariants (above), its
/// list (snippets, titles), suggestions and correction.
pub fn query(corpus: &Corpus, q: &str) {
    for typing in [false, true] {
        let mut hits = corpus.hits_as(q, typing);
        let rows = hits.rows(0, hits.len());
        let mut total = 0u64;
        for (i, row) in rows.iter().enumerate() {
            total += u64::from(row.matches);
            if i >= 8 {
                continue;
            }
            let article = corpus.articles().get(row.article as usize);
            assert!(article.is_some(), "a row's article {} exists", row.article);
            let Some(article) = article else { continue };
            let fields = corpus.hit_fields(&hits, row.article);
            let spans: usize = fields.iter().map(|f| f.spans.len()).sum();
            assert_eq!(
                spans, row.matches as usize,
                "query {q:?}: matches are spans"
            );
            for f in &fields {
                let text = article.field(f.addr);
                assert!(text.is_some(), "query {q:?}: a highlighted field exists");
                let Some(text) = text else { continue };
                spans_hold(q, text, &f.spans, &f.utf16);
                assert_eq!(f.matched.len(), f.spans.len());
            }
            let (snippet, title) = hits.listing(corpus.index(), corpus.articles(), row.article);
            let titles: Vec<Span> = title.iter().map(|(s, _)| *s).collect();
            let utf16 = crate::span::to_utf16(&article.title, &titles);
            spans_hold(q, &article.title, &titles, &utf16);
            if let Some(s) = snippet {
                let text = article.field(s.addr).unwrap_or("");
                assert!(
                    s.range.slice(text).is_some(),
                    "query {q:?}: a snippet's range"
                );
            }
        }
        if !typing {
            assert_eq!(u64::from(hits.total), total, "query {q:?}: the total");
        }
        let _ = hits.suggestions(corpus.index(), corpus.articles());
        let _ = hits.correction(corpus.index(), corpus.articles());
    }
}

/// One to three articles made of `bytes` (cut at 0xFF), each parsed, and queries made
/// of their words: a word, its start as a prefix, it misspelt, two words as a phrase.
pub fn articles(bytes: &[u8]) {
    let parsed: Vec<(String, Article)> = bytes
        .split(|&b| b == 0xff)
        .take(3)
        .enumerate()
        .filter_map(|(i, b)| Some((format!("{i}.txt"), article::parse_bytes(b).ok()?)))
        .collect();
    if parsed.is_empty() {
        return;
    }
    let words: Vec<String> = parsed
        .iter()
        .flat_map(|(_, a)| a.fields().map(|f| f.text.to_owned()).collect::<Vec<_>>())
        .flat_map(|t| t.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
        .take(6)
        .collect();
    let corpus = Corpus::new(parsed);
    for pair in words.windows(2) {
        if let [a, b] = pair {
            let start: String = a.chars().take(3).collect();
            for q in [
                a.clone(),
                format!("{start}*"),
                format!("{a}~"),
                format!("\"{a} {b}\""),
                format!("{a} -{b}"),
            ] {
                query(&corpus, &q);
            }
        }
    }
}

/// An index's head on any bytes (docs/format.md): refused with an error, or read — and
/// then a query on it wants parts or answers, never panics.
pub fn head(bytes: &[u8]) {
    if let Ok(corpus) = Corpus::from_head(bytes) {
        let mut hits = corpus.hits("a");
        let _ = hits.rows(0, 10);
        let _ = corpus.take_wanted();
    }
}

/// Every span non-empty, on char boundaries of `text`, sorted and apart; its UTF-16 twin
/// slicing the same text.
fn spans_hold(q: &str, text: &str, spans: &[Span], utf16: &[Span]) {
    let units: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(
        spans.len(),
        utf16.len(),
        "query {q:?}: one UTF-16 span per span"
    );
    let mut end = 0;
    for (s, u) in spans.iter().zip(utf16) {
        assert!(s.start < s.end, "query {q:?}: a span is not empty");
        assert!(s.start >= end, "query {q:?}: spans are sorted and apart");
        end = s.end;
        let bytes = s.slice(text);
        assert!(
            bytes.is_some(),
            "query {q:?}: span {s:?} on char boundaries of {text:?}"
        );
        let twin = units.get(u.start as usize..u.end as usize);
        assert!(
            twin.is_some(),
            "query {q:?}: UTF-16 span {u:?} within the text"
        );
        assert_eq!(
            twin.map(String::from_utf16_lossy).as_deref(),
            bytes,
            "query {q:?}: the UTF-16 span slices the same text"
        );
    }
}
