//! The wasm module itself, in headless Chromium (wasm-bindgen-test): the binding's
//! results agree with the core's, both result shapes agree, and no input panics.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use article_explorer::corpus::loading::SiteFiles;
use article_explorer::wasm::Explorer;
use article_explorer::Corpus;
use js_sys::Array;
use wasm_bindgen_test::*;

/// The explorer over the seeds, handed over as the site's files, as the page does.
fn seeds_explorer() -> Explorer {
    let seeds = article_explorer::corpus::embedded_seeds();
    let bundle =
        article_explorer::corpus::bundle::write(seeds.iter().map(|(n, t)| (*n, t.as_bytes())));
    load(&bundle).unwrap()
}

/// The site's files of a bundle's articles, written here in the wasm as the builder module
/// does, and the explorer given every one of them: or why the bundle has none.
fn load(bundle: &[u8]) -> Result<Explorer, String> {
    let files = article_explorer::corpus::bundle::read(bundle)?;
    let site = SiteFiles::of(&files).map_err(|e| e.to_string())?;
    Ok(explorer_of(&site))
}

/// The explorer of a site's head with every shard and chunk added.
fn explorer_of(site: &SiteFiles) -> Explorer {
    let explorer = Explorer::from_head(site.head.clone(), 0.0).unwrap();
    for (k, shard) in site.shards.iter().enumerate() {
        explorer.add_shards(k as u32, shard).unwrap();
    }
    for (k, chunk) in site.chunks.iter().enumerate() {
        explorer.add_chunk(k as u32, chunk).unwrap();
    }
    explorer
}

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn seoul_in_the_browser() {
    let explorer = seeds_explorer();
    let mut hits = explorer.query("Seoul", None);
    assert_eq!(hits.total(), 8);
    assert!(hits.highlighting());
    assert_eq!(hits.length(), 1);
    let rows = hits.rows(0, 10).to_vec();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[..2], [0.0, 8.0]); // article 0, 8 matches
    let fields = hits.fields(0, None).to_vec();
    // The same numbers as the core computes natively.
    let core = Corpus::embedded().unwrap().search("Seoul");
    assert_eq!(rows[2], f64::from(core.articles[0].score as f32));
    assert_eq!(
        fields,
        article_explorer::wasm::flat::fields(&core.articles[0].fields, usize::MAX)
    );
    assert!(
        hits.fields(99, None).to_vec().is_empty(),
        "no such article: nothing"
    );
}

#[wasm_bindgen_test]
fn outline_crosses_once_with_every_article() {
    let explorer = seeds_explorer();
    let corpus = Corpus::embedded().unwrap();
    // One string, and per article the lengths of its name, title, lede (u32::MAX: none),
    // the number of its cards' authors and each author's: no block's text at start.
    let lengths = explorer.outline();
    let text = explorer.outline_text();
    let article = &corpus.articles()[0];
    let name = corpus.name(0).unwrap();
    let lede = article.lede.as_deref().unwrap();
    let utf16 = |s: &str| s.encode_utf16().count() as u32;
    assert_eq!(
        lengths[..4],
        [utf16(name), utf16(&article.title), utf16(lede), 2]
    );
    let start = name.len() + article.title.len() + lede.len();
    assert!(
        text[start..].starts_with("Georgy Toloraya"),
        "{}",
        &text[start..]
    );
    assert_eq!(lengths.len(), 4 + 2, "one article, two cards");
    assert_eq!(
        text.len(),
        start + lengths[4..].iter().sum::<u32>() as usize
    );
    // The blocks when the article is shown: each [kind, text or title, author, teaser].
    let blocks = Array::from(&explorer.blocks(0).unwrap());
    assert_eq!(blocks.length(), 9);
    let card = Array::from(&blocks.get(2));
    assert_eq!(card.get(0).as_f64(), Some(2.0), "kind 2: a card");
    assert_eq!(card.get(2).as_string().as_deref(), Some("Georgy Toloraya"));
    assert_eq!(Array::from(&explorer.blocks(99).unwrap()).length(), 0);
}

#[wasm_bindgen_test]
fn typed_arrays_agree_with_the_core() {
    let explorer = seeds_explorer();
    let corpus = Corpus::embedded().unwrap();
    for q in ["Seoul", "\"Moon Jae-in\"", "cooperat*", "", "-Japan"] {
        let core = corpus.search(q);
        let mut hits = explorer.query(q, None);
        assert_eq!(hits.total(), core.total, "{q}");
        assert_eq!(hits.length() as usize, core.articles.len(), "{q}");
        let rows = hits.rows(0, u32::MAX).to_vec();
        for (row, hit) in rows.chunks(3).zip(&core.articles) {
            assert_eq!(
                row[..2],
                [f64::from(hit.article), f64::from(hit.matches)],
                "{q}"
            );
            let fields = hits.fields(hit.article, None).to_vec();
            assert_eq!(
                fields,
                article_explorer::wasm::flat::fields(&hit.fields, usize::MAX),
                "{q}"
            );
        }
    }
}

#[wasm_bindgen_test]
fn no_input_panics() {
    let explorer = seeds_explorer();
    let long = "ё\"*-".repeat(800);
    for q in [
        "",
        "\"",
        "-",
        "*",
        "OR",
        "in:",
        "title:",
        "\u{0}",
        "😀",
        "<script>",
        long.as_str(),
    ] {
        let mut hits = explorer.query(q, None);
        let rows = hits.rows(0, 5).to_vec();
        assert_eq!(rows.len(), 3 * (hits.length() as usize).min(5), "{q:?}");
        let _ = hits.fields(0, None);
        assert!(hits.suggestions().is_ok(), "{q:?}");
        assert!(hits.did_you_mean().is_ok(), "{q:?}");
    }
}

#[wasm_bindgen_test]
fn bad_texts_are_clear_errors() {
    let bundle = |files: &[(&str, &str)]| {
        article_explorer::corpus::bundle::write(files.iter().map(|(n, t)| (*n, t.as_bytes())))
    };
    let message = load(&bundle(&[("blank.txt", "  \n")])).err().unwrap();
    assert_eq!(message, "blank.txt: no title: the file is empty or blank");
    let mut cut = bundle(&[("a.txt", "Title\n\nText.")]);
    cut.pop();
    let message = load(&cut).err().unwrap();
    assert!(
        message.contains("a.txt: no line break after its 12 bytes"),
        "{message}"
    );
    let message = load(b"<!doctype html>").err().unwrap();
    assert!(message.starts_with("not an articles bundle"), "{message}");
    let ok = load(&bundle(&[("t.txt", "Title\n\nSeoul.")])).unwrap();
    assert_eq!(ok.query("seoul", None).total(), 1);
}

#[wasm_bindgen_test]
fn suggestions_cross_with_the_query_to_use() {
    let explorer = seeds_explorer();
    let hits = explorer.query("Seoul Absentword", None);
    assert_eq!(hits.length(), 0);
    let suggestions = Array::from(&hits.suggestions().unwrap());
    assert_eq!(suggestions.length(), 1);
    // [drop, without, articles]
    let first = Array::from(&suggestions.get(0));
    assert_eq!(first.get(0).as_string().as_deref(), Some("Absentword"));
    assert_eq!(first.get(1).as_string().as_deref(), Some("Seoul"));
    assert_eq!(first.get(2).as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
fn did_you_mean_crosses_as_query_and_count() {
    let explorer = seeds_explorer();
    let hits = explorer.query("Soeul", None);
    assert_eq!(hits.length(), 0);
    // [[query, "", articles]]
    let fix = Array::from(&Array::from(&hits.did_you_mean().unwrap()).get(0));
    assert_eq!(fix.get(0).as_string().as_deref(), Some("Seoul"));
    assert_eq!(fix.get(2).as_f64(), Some(1.0));
    let none = Array::from(&explorer.query("Seoul", None).did_you_mean().unwrap());
    assert_eq!(none.length(), 0);
}

/// The site's files in the wasm: written here they are byte for byte the ones written
/// natively (the seed's are pinned in tests/it/index_file.rs to the same digests); an
/// explorer of the head alone lists every article, wants the parts a query needs, and
/// answers as the core once they are added; a head or part that is not the site's is
/// refused with its reason, as a string.
#[wasm_bindgen_test]
fn the_site_files_are_the_native_ones_and_arrive_in_any_order() {
    let seeds = article_explorer::corpus::embedded_seeds();
    let files: Vec<(&str, &[u8])> = seeds.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    let site = SiteFiles::of(&files).unwrap();
    let pinned = site.fingerprint();
    assert_eq!(pinned, include_str!("snapshots/seed.index.txt"));

    let corpus = Corpus::embedded().unwrap();
    let explorer = Explorer::from_head(site.head.clone(), 0.0).unwrap();
    assert_eq!(
        explorer.outline().len(),
        4 + 2,
        "listed from the head alone"
    );
    assert!(
        explorer.blocks(0).unwrap().is_null(),
        "its text is not here"
    );
    assert_eq!(explorer.wanted(), [1 << 31], "so its chunk is wanted");
    assert_eq!(explorer.query("Seoul", None).length(), 0);
    assert_eq!(explorer.wanted(), [0], "the shard of seoul");
    explorer.add_shards(0, &site.shards[0]).unwrap();
    let mut hits = explorer.query("Seoul", None);
    assert_eq!((hits.total(), hits.length()), (8, 1));
    assert_eq!(hits.rows(0, 1).to_vec()[..2], [0.0, 8.0]);
    assert!(hits.fields(0, None).to_vec().is_empty());
    assert_eq!(explorer.wanted(), [1 << 31]);
    explorer.add_chunk(0, &site.chunks[0]).unwrap();
    assert!(explorer.complete());
    let core = corpus.search("Seoul");
    assert_eq!(
        hits.fields(0, None).to_vec(),
        article_explorer::wasm::flat::fields(&core.articles[0].fields, usize::MAX)
    );
    assert!(explorer.wanted().is_empty());

    let mut cut = site.head.clone();
    cut.truncate(site.head.len() / 2);
    let why = Explorer::from_head(cut.clone(), 0.0).err().unwrap();
    assert_eq!(
        why.as_string().as_deref(),
        Some("the index file is truncated")
    );
    let why = Explorer::from_head(Vec::new(), 0.0).err().unwrap();
    assert_eq!(why.as_string().as_deref(), Some("there is no index file"));
    let explorer = Explorer::from_head(site.head.clone(), 0.0).unwrap();
    let mut other = site.chunks[0].clone();
    other.push(b' ');
    let why = explorer.add_chunk(0, &other).err().unwrap();
    assert_eq!(
        why.as_string().as_deref(),
        Some("chunk 0 of the index: it is not the head's (its digest differs)")
    );
}

#[wasm_bindgen_test]
fn typing_and_the_list_in_the_browser() {
    let explorer = seeds_explorer();
    // Typed, "Kore" finds the words it begins, each span marked 3 (a prefix); finished,
    // it is a word no article has.
    let typed = explorer.query("Kore", Some(true));
    assert!(typed.total() > 10);
    // A limit gives the first marks in reading order, the same numbers cut short.
    let all = typed.fields(0, None).to_vec();
    let first = typed.fields(0, Some(2)).to_vec();
    let mut expected = Vec::new();
    let (mut i, mut left) = (0, 2);
    while i + 2 < all.len() && left > 0 {
        let n = all[i + 2] as usize;
        let take = n.min(left);
        expected.extend([all[i], all[i + 1], take as i32]);
        expected.extend_from_slice(&all[i + 3..i + 3 + 3 * take]);
        left -= take;
        i += 3 + 3 * n;
    }
    assert_eq!(first, expected);
    assert!(typed.fields(0, Some(0)).to_vec().is_empty());
    let f = all;
    let mut hows = Vec::new();
    let mut i = 0;
    while i + 2 < f.len() {
        let n = f[i + 2] as usize;
        hows.extend((0..n).map(|k| f[i + 3 + 3 * k + 2]));
        i += 3 + 3 * n;
    }
    assert_eq!(hows.len(), typed.total() as usize);
    assert!(hows.iter().all(|&h| h == 3), "{hows:?}");
    assert_ne!(explorer.query("Kore", None).total(), typed.total());
    // What the list shows: the title's marks (UTF-16), then the snippet.
    let title = Corpus::embedded().unwrap().articles()[0].title.clone();
    let at = title.find("Relations").unwrap() as i32;
    let listing = explorer.query("title:Relations", None).snippet(0).to_vec();
    assert_eq!(
        listing,
        [1, at, at + 9, 0],
        "one mark in the title, no snippet"
    );
    let seoul = explorer.query("Seoul", None).snippet(0).to_vec();
    assert_eq!(seoul[0], 0, "no mark in the title");
    assert!(seoul.len() > 8, "then the snippet: {seoul:?}");
}
