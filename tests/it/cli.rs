//! The CLI as a user runs it: JSON on stdout, or one line on stderr and a failure status.

use crate::support::root;
use expect_test::expect_file;
use std::path::PathBuf;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_article-explorer"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[track_caller]
fn check_failure(out: &Output, needle: &str) {
    assert!(!out.status.success());
    assert!(out.stdout.is_empty(), "nothing on stdout");
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    assert!(err.contains(needle), "stderr {err:?} mentions {needle:?}");
    assert!(
        err.lines().next().unwrap().contains(needle),
        "the first line says it: {err:?}"
    );
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const SEED: &str = "seeds/000-todays-prospects-for-russian-south-korean-relations.txt";

#[test]
fn parse_prints_the_article() {
    let out = run(&["parse", SEED]);
    let value = json(&out);
    let kinds: Vec<&str> = value["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "paragraph",
            "paragraph",
            "card",
            "paragraph",
            "paragraph",
            "card",
            "paragraph",
            "paragraph",
            "disclaimer"
        ]
    );
    assert_eq!(value["blocks"][2]["author"], "Georgy Toloraya");
    assert_eq!(value["blocks"][5]["author"], "Lee Jae-Young");
    expect_file!["../snapshots/seed.parse.json"].assert_eq(&String::from_utf8(out.stdout).unwrap());
}

#[test]
fn parse_without_lede_prints_null() {
    let path = temp_file("no-lede.txt", b"Title\n\nA paragraph.\n");
    let value = json(&run(&["parse", path.to_str().unwrap()]));
    assert_eq!(value["lede"], serde_json::Value::Null);
    assert_eq!(
        value["blocks"][0],
        serde_json::json!({"kind": "paragraph", "text": "A paragraph."})
    );
}

#[test]
fn search_seoul_gives_every_occurrence() {
    let value = json(&run(&["search", "Seoul"]));
    assert_eq!(value["query"], "Seoul");
    assert_eq!(value["notice"], serde_json::Value::Null);
    assert_eq!(value["total"], 8);
    let article = &value["articles"][0];
    assert_eq!(
        article["file"],
        "000-todays-prospects-for-russian-south-korean-relations.txt"
    );
    assert_eq!(
        article["title"],
        "Today's Prospects for Russian-South Korean Relations"
    );
    assert_eq!(article["matches"], 8);
    let parsed = json(&run(&["parse", SEED]));
    let mut seen = 0;
    for field in article["fields"].as_array().unwrap() {
        let block = field["block"].as_i64().unwrap();
        let text = match (block, field["field"].as_str().unwrap()) {
            (-1, _) => parsed["title"].as_str().unwrap(),
            (-2, _) => parsed["lede"].as_str().unwrap(),
            (b, part) => parsed["blocks"][b as usize][if part == "text" { "text" } else { part }]
                .as_str()
                .unwrap(),
        };
        let units: Vec<u16> = text.encode_utf16().collect();
        let spans = field["spans"].as_array().unwrap();
        let texts = field["texts"].as_array().unwrap();
        assert_eq!(spans.len(), texts.len());
        for (span, t) in spans.iter().zip(texts) {
            let (s, e) = (
                span[0].as_u64().unwrap() as usize,
                span[1].as_u64().unwrap() as usize,
            );
            assert_eq!(
                String::from_utf16(&units[s..e]).unwrap(),
                t.as_str().unwrap()
            );
            assert!(t.as_str().unwrap().starts_with("Seoul"));
            seen += 1;
        }
    }
    assert_eq!(seen, 8);
}

#[test]
fn search_named_files_and_utf16_spans() {
    let out = run(&[
        "search",
        "Сеул OR 서울은 OR café",
        "tests/fixtures/ru-economic-forum.txt",
        "tests/fixtures/ko-seoul-dialogue.txt",
    ]);
    let value = json(&out);
    let files: Vec<&str> = value["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["file"].as_str().unwrap())
        .collect();
    assert_eq!(files.len(), 2);
    assert!(files.contains(&"tests/fixtures/ru-economic-forum.txt"));
    // A span in a Hangul field is counted in UTF-16 units (one per syllable).
    let ko = value["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["file"] == "tests/fixtures/ko-seoul-dialogue.txt")
        .unwrap();
    let first = &ko["fields"][0];
    assert_eq!(first["texts"][0], "서울은");
    assert_eq!(first["spans"][0], serde_json::json!([0, 3]));
}

/// A bundle among the files (a collection exported from the page) is its articles, each
/// under its own name; a broken one fails naming the file.
#[test]
fn search_reads_a_bundle_as_its_articles() {
    let ru = std::fs::read("tests/fixtures/ru-economic-forum.txt").unwrap();
    let ko = std::fs::read("tests/fixtures/ko-seoul-dialogue.txt").unwrap();
    let bundle = article_explorer::bundle::write([
        ("mine/ru.txt", ru.as_slice()),
        ("mine/ko.txt", ko.as_slice()),
    ]);
    let path = temp_file("collection.txt", &bundle);
    let out = run(&["search", "Сеул OR 서울은", path.to_str().unwrap()]);
    let value = json(&out);
    let mut files: Vec<&str> = value["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["file"].as_str().unwrap())
        .collect();
    files.sort_unstable();
    assert_eq!(files, ["mine/ko.txt", "mine/ru.txt"]);
    let cut = temp_file("cut-collection.txt", &bundle[..bundle.len() - 10]);
    check_failure(
        &run(&["search", "Seoul", cut.to_str().unwrap()]),
        "cut-collection.txt: articles bundle",
    );
}

/// Each span says how it matched: the word as typed, another form of it, or a word a few
/// edits away.
#[test]
fn search_says_how_each_span_matched() {
    let ru = "tests/fixtures/ru-economic-forum.txt";
    let pairs = |query: &str| -> Vec<(String, String)> {
        let value = json(&run(&["search", query, ru]));
        let mut out = Vec::new();
        for field in value["articles"][0]["fields"].as_array().unwrap() {
            let texts = field["texts"].as_array().unwrap();
            let matched = field["matched"].as_array().unwrap();
            assert_eq!(texts.len(), matched.len());
            for (t, m) in texts.iter().zip(matched) {
                out.push((
                    t.as_str().unwrap().to_owned(),
                    m.as_str().unwrap().to_owned(),
                ));
            }
        }
        out
    };
    let seoul = pairs("Сеул");
    assert!(
        seoul.contains(&("Сеул".into(), "exact".into())),
        "{seoul:?}"
    );
    assert!(
        seoul.contains(&("Сеула".into(), "stem".into())),
        "{seoul:?}"
    );
    let typo = pairs("Владивостк");
    assert!(!typo.is_empty());
    assert!(typo.iter().all(|(_, m)| m == "fuzzy"), "{typo:?}");
}

/// A query that finds nothing carries its correction, when that finds something.
#[test]
fn search_offers_a_correction() {
    let value = json(&run(&[
        "search",
        "\"Сеулл\"",
        "tests/fixtures/ru-economic-forum.txt",
    ]));
    assert_eq!(value["total"], 0);
    assert_eq!(value["did_you_mean"]["query"], "\"Сеул\"");
    assert!(value["did_you_mean"]["articles"].as_u64().unwrap() >= 1);
    assert!(json(&run(&["search", "Seoul"]))["did_you_mean"].is_null());
}

#[test]
fn long_query_notice() {
    let long = format!("Seoul{}", " x".repeat(600));
    let value = json(&run(&["search", &long]));
    assert!(value["notice"].as_str().unwrap().contains("1000"));
}

#[test]
fn failures_are_one_clear_line() {
    check_failure(
        &run(&["parse", "no/such/file.txt"]),
        "no/such/file.txt: cannot read",
    );
    let bad = temp_file("bad-utf8.txt", b"Title\n\nok \xff here");
    check_failure(
        &run(&["parse", bad.to_str().unwrap()]),
        "invalid UTF-8 at byte 10",
    );
    check_failure(
        &run(&["search", "x", SEED, bad.to_str().unwrap()]),
        "bad-utf8.txt: invalid UTF-8 at byte 10",
    );
    let empty = temp_file("empty.txt", b"  \n\n");
    check_failure(
        &run(&["parse", empty.to_str().unwrap()]),
        "empty.txt: no title",
    );
    check_failure(
        &run(&["search", "x", "no/such/file.txt"]),
        "no/such/file.txt: cannot read",
    );
    check_failure(&run(&["parse"]), "parse needs exactly one FILE");
    check_failure(&run(&["search"]), "search needs a QUERY");
    check_failure(&run(&[]), "missing command");
    check_failure(&run(&["frobnicate"]), "unknown command");
}

/// An argument that is not UTF-8 (a file name, a query) is one line and exit 1, never a
/// panic; `bundle` names the `*.txt` it leaves out for the same reason.
#[cfg(unix)]
#[test]
fn arguments_that_are_not_utf8() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let raw = |args: &[&[u8]]| {
        Command::new(env!("CARGO_BIN_EXE_article-explorer"))
            .args(args.iter().map(|a| OsStr::from_bytes(a)))
            .current_dir(root())
            .output()
            .unwrap()
    };
    for args in [
        &[&b"parse"[..], b"bad\xffname.txt"][..],
        &[b"search", b"caf\xe9"],
    ] {
        let out = raw(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err:?}");
        assert!(
            err.contains("not UTF-8") && err.contains('\u{fffd}'),
            "{err:?}"
        );
    }
    // bundle: the file with a bad name is left out, and said.
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bundle-bad-name");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(root().join(SEED), dir.join("good.txt")).unwrap();
    std::fs::copy(
        root().join(SEED),
        dir.join(OsStr::from_bytes(b"bad\xffname.txt")),
    )
    .unwrap();
    let out_file = dir.join("out.bundle");
    let value = json(&run(&[
        "bundle",
        out_file.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]));
    assert_eq!(value["articles"], 1);
    assert_eq!(
        value["left_out"],
        serde_json::json!([{"file": "bad\u{fffd}name.txt", "reason": "its name is not UTF-8"}])
    );
}

/// `keyphrases`: the collection's keyphrases and authors, and each article's keyphrases.
#[test]
fn keyphrases_of_the_collection_and_each_article() {
    let value = json(&run(&[
        "keyphrases",
        SEED,
        "tests/fixtures/ru-economic-forum.txt",
    ]));
    let texts = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|k| k["text"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(texts(&value["keyphrases"]).contains(&"Republic of Korea".to_owned()));
    let articles = value["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2);
    assert!(texts(&articles[0]["keyphrases"]).contains(&"Moon Jae-in".to_owned()));
    assert!(texts(&articles[1]["keyphrases"]).contains(&"Республика Корея".to_owned()));
    let authors: Vec<(String, u64)> = value["authors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["name"].as_str().unwrap().to_owned(),
                a["articles"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(
        authors.contains(&("Georgy Toloraya".to_owned(), 1)),
        "{authors:?}"
    );
    assert!(
        authors.contains(&("Георгий Толорая".to_owned(), 1)),
        "{authors:?}"
    );
}
