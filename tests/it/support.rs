//! Shared helpers: the fixture corpus and a compact outline of an article.

use article_explorer::{article, Article, Block, Corpus};
use std::path::PathBuf;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The seeds (embedded) followed by the test fixtures, in file-name order.
pub fn fixture_corpus() -> Corpus {
    let bundle = fixture_bundle();
    Corpus::from_bundle(&bundle).unwrap()
}

/// The files of [`fixture_corpus`] as one bundle (`article_explorer::corpus::bundle`).
pub fn fixture_bundle() -> Vec<u8> {
    let mut files: Vec<(String, Vec<u8>)> = article_explorer::corpus::embedded_seeds()
        .iter()
        .map(|(n, t)| ((*n).to_owned(), t.as_bytes().to_vec()))
        .collect();
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    fixtures.sort();
    for path in fixtures {
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        files.push((name, std::fs::read(&path).unwrap()));
    }
    article_explorer::corpus::bundle::write(files.iter().map(|(n, b)| (n.as_str(), b.as_slice())))
}

/// One line per field: `title: …`, `lede: …`, `p: …`, `h: …`, `card: t | a | x`,
/// `disclaimer: …`, texts cut to 40 characters.
pub fn outline(article: &Article) -> String {
    fn cut(s: &str) -> String {
        let mut out: String = s.chars().take(40).collect();
        if out.len() < s.len() {
            out.push('…');
        }
        out
    }
    let mut lines = vec![format!("title: {}", cut(&article.title))];
    if let Some(lede) = &article.lede {
        lines.push(format!("lede: {}", cut(lede)));
    }
    for block in &article.blocks {
        lines.push(match block {
            Block::Paragraph { text } => format!("p: {}", cut(text)),
            Block::Heading { text } => format!("h: {}", cut(text)),
            Block::Disclaimer { text } => format!("disclaimer: {}", cut(text)),
            Block::Card {
                title,
                author,
                teaser,
            } => format!("card: {} | {} | {}", cut(title), author, cut(teaser)),
        });
    }
    lines.join("\n")
}

/// Parses `text` and outlines it, or names the error.
pub fn parse_outline(text: &str) -> String {
    match article::parse(text) {
        Ok(a) => outline(&a),
        Err(e) => format!("error: {e}"),
    }
}
