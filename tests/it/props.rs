//! Properties on arbitrary input: parsing never panics and keeps every non-blank line;
//! searching never panics; every span is in bounds, on char boundaries, sorted and
//! non-overlapping, and its UTF-16 form selects the same text.

use crate::support::fixture_corpus;
use article_explorer::{article, Corpus, SearchResult};
use proptest::prelude::*;
use std::sync::OnceLock;

/// Lines that exercise every rule: blanks, names, titles, disclaimers, long text, scripts.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("   \t ".to_owned()),
        Just("Views expressed are ours.".to_owned()),
        Just("Georgy Toloraya".to_owned()),
        Just("Lee Jae-Young  ".to_owned()),
        Just("이 재영".to_owned()),
        Just("A Short Title".to_owned()),
        Just("Ends with a stop.".to_owned()),
        Just("  Сеул и Москва: ёлка, café, 北京 ".to_owned()),
        "[A-Za-z ,.!?'-]{0,80}",
        "\\PC{0,40}",
    ]
}

fn document() -> impl Strategy<Value = String> {
    let ending = prop_oneof![Just("\n"), Just("\r\n"), Just("\r")];
    (
        prop::bool::ANY,
        prop::collection::vec((line(), ending), 0..30),
    )
        .prop_map(|(bom, lines)| {
            let mut text = if bom {
                "\u{feff}".to_owned()
            } else {
                String::new()
            };
            for (line, end) in lines {
                text.push_str(&line);
                text.push_str(end);
            }
            text
        })
}

/// The trimmed non-blank lines, split independently of the parser.
fn non_blank_lines(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(fixture_corpus)
}

/// Checks every span invariant of a result against the corpus texts.
fn check_spans(corpus: &Corpus, result: &SearchResult) -> Result<(), TestCaseError> {
    let mut total = 0;
    for hit in &result.articles {
        let article = &corpus.articles()[hit.article as usize];
        let mut matches = 0;
        for field in &hit.fields {
            let text = article.field(field.addr).expect("field exists");
            prop_assert!(!field.spans.is_empty());
            prop_assert_eq!(field.spans.len(), field.utf16.len());
            let units: Vec<u16> = text.encode_utf16().collect();
            for w in field.spans.windows(2) {
                prop_assert!(w[0].end <= w[1].start, "sorted, non-overlapping: {:?}", w);
            }
            for (b, u) in field.spans.iter().zip(&field.utf16) {
                prop_assert!(b.start < b.end && b.end as usize <= text.len());
                let slice = b.slice(text);
                prop_assert!(slice.is_some(), "char boundaries");
                let from16 = units
                    .get(u.range())
                    .map(String::from_utf16)
                    .and_then(Result::ok);
                prop_assert_eq!(from16.as_deref(), slice);
            }
            matches += field.spans.len();
        }
        prop_assert_eq!(matches, hit.matches as usize);
        total += matches;
    }
    prop_assert_eq!(total, result.total as usize);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn parsing_keeps_every_non_blank_line(text in document()) {
        let expected = non_blank_lines(&text);
        match article::parse(&text) {
            Ok(a) => {
                let got: Vec<&str> = a.fields().map(|f| f.text).collect();
                prop_assert_eq!(got, expected);
            }
            Err(e) => {
                prop_assert_eq!(e, article::ParseError::NoTitle);
                prop_assert!(expected.is_empty());
            }
        }
    }

    #[test]
    fn parsing_arbitrary_text_never_panics(text in any::<String>()) {
        let expected = non_blank_lines(&text);
        let parsed = article::parse(&text);
        prop_assert_eq!(parsed.is_ok(), !expected.is_empty());
        if let Ok(a) = parsed {
            prop_assert_eq!(a.fields().count(), expected.len());
        }
    }

    #[test]
    fn parsing_bytes_reports_the_invalid_offset(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        match (std::str::from_utf8(&bytes), article::parse_bytes(&bytes)) {
            (Err(e), Err(article::ParseError::InvalidUtf8 { offset })) => prop_assert_eq!(offset, e.valid_up_to()),
            (Err(_), other) => prop_assert!(false, "invalid UTF-8 parsed as {:?}", other),
            (Ok(_), Err(article::ParseError::InvalidUtf8 { .. })) => prop_assert!(false, "valid UTF-8 rejected"),
            (Ok(_), _) => {}
        }
    }

    #[test]
    fn searching_anything_keeps_the_span_invariants(q in "\\PC{0,30}|[-\"*: a-zA-Z]{0,30}") {
        let result = corpus().search(&q);
        check_spans(corpus(), &result)?;
    }

    #[test]
    fn searching_random_articles_keeps_the_span_invariants(
        text in document(),
        q in "[a-zA-Zа-яё가-힣\"* -]{1,12}",
    ) {
        if let Ok(a) = article::parse(&text) {
            let corpus = Corpus::new(vec![("random.txt".to_owned(), a)]);
            check_spans(&corpus, &corpus.search(&q))?;
            // Each word of the article finds itself.
            let title = corpus.articles()[0].title.clone();
            if let Some(word) = title.split_whitespace().find(|w| w.chars().any(char::is_alphanumeric)) {
                let word: String = word.chars().filter(|c| !matches!(c, '"' | '*' | '-')).collect();
                let r = corpus.search(&format!("\"{word}\""));
                check_spans(&corpus, &r)?;
            }
        }
    }
}
