//! The outline: what a result list shows of every article — its file name, title, lede
//! and its cards' authors — kept apart from the articles' text, so that the page can list
//! and rank all of them before their text has arrived (`src/loading.rs`). Written into the
//! index file's head (docs/format.md), and made from the articles for a corpus built here.
//!
//! Layout: per article, in order, its name, title, lede and the number of its cards'
//! authors, then each author; a text is its byte length (`u32`, little-endian) and its
//! UTF-8 bytes; no lede is the length `u32::MAX` and nothing after it.
//!
//! Invariant: an [`Outline`] holds exactly `len()` articles' pieces, all UTF-8 ([`Outline::read`]
//! checks); so [`Outline::pieces`] walks it without failing.

use crate::article::{Article, Block};

/// No lede: the length written in its place.
const NO_LEDE: u32 = u32::MAX;

/// The outline of a collection.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outline {
    bytes: Vec<u8>,
    articles: usize,
}

/// A piece of the outline, in order: per article a [`Piece::Text`] for its name and its
/// title, its lede or [`Piece::NoLede`], [`Piece::Authors`] with how many card authors
/// follow, then each author's [`Piece::Text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// A name, title, lede or author.
    Text(&'a str),
    /// The lede an article lacks.
    NoLede,
    /// How many card authors follow.
    Authors(u32),
}

/// The authors of an article's cards, in reading order.
pub fn card_authors(article: &Article) -> impl Iterator<Item = &str> {
    article.blocks.iter().filter_map(|b| match b {
        Block::Card { author, .. } => Some(author.as_str()),
        _ => None,
    })
}

impl Outline {
    /// The outline of named articles.
    pub fn of<'a>(articles: impl IntoIterator<Item = (&'a str, &'a Article)>) -> Outline {
        let mut bytes = Vec::new();
        let mut n = 0;
        let text = |bytes: &mut Vec<u8>, s: &str| {
            let len = u32::try_from(s.len())
                .unwrap_or(u32::MAX - 1)
                .min(NO_LEDE - 1);
            bytes.extend_from_slice(&len.to_le_bytes());
            bytes.extend_from_slice(s.as_bytes().get(..len as usize).unwrap_or(&[]));
        };
        for (name, article) in articles {
            text(&mut bytes, name);
            text(&mut bytes, &article.title);
            match &article.lede {
                Some(lede) => text(&mut bytes, lede),
                None => bytes.extend_from_slice(&NO_LEDE.to_le_bytes()),
            }
            let authors = u32::try_from(card_authors(article).count()).unwrap_or(u32::MAX);
            bytes.extend_from_slice(&authors.to_le_bytes());
            card_authors(article)
                .take(authors as usize)
                .for_each(|a| text(&mut bytes, a));
            n += 1;
        }
        Outline { bytes, articles: n }
    }

    /// The outline of `articles` articles in `bytes`, if it is one (every text UTF-8, and
    /// nothing left over).
    pub fn read(bytes: &[u8], articles: usize) -> Option<Outline> {
        let mut r = Cursor { bytes, at: 0 };
        for _ in 0..articles {
            r.text()?;
            r.text()?;
            if r.peek()? == NO_LEDE {
                r.word()?;
            } else {
                r.text()?;
            }
            for _ in 0..r.word()? {
                r.text()?;
            }
        }
        (r.at == bytes.len()).then(|| Outline {
            bytes: bytes.to_vec(),
            articles,
        })
    }

    /// The outline's bytes (its layout: the module's documentation).
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The number of articles.
    pub fn len(&self) -> usize {
        self.articles
    }

    /// Whether it has no article.
    pub fn is_empty(&self) -> bool {
        self.articles == 0
    }

    /// Calls `f` with every piece, in order.
    pub fn pieces(&self, f: &mut dyn FnMut(Piece<'_>)) {
        let mut r = Cursor {
            bytes: &self.bytes,
            at: 0,
        };
        for _ in 0..self.articles {
            f(Piece::Text(r.text().unwrap_or("")));
            f(Piece::Text(r.text().unwrap_or("")));
            if r.peek() == Some(NO_LEDE) {
                r.word();
                f(Piece::NoLede);
            } else {
                f(Piece::Text(r.text().unwrap_or("")));
            }
            let authors = r.word().unwrap_or(0);
            f(Piece::Authors(authors));
            for _ in 0..authors {
                f(Piece::Text(r.text().unwrap_or("")));
            }
        }
    }

    /// Each article's name, in order.
    pub fn names(&self) -> Vec<String> {
        let mut r = Cursor {
            bytes: &self.bytes,
            at: 0,
        };
        let mut names = Vec::with_capacity(self.articles);
        for _ in 0..self.articles {
            names.push(r.text().unwrap_or("").to_owned());
            r.text();
            if r.peek() == Some(NO_LEDE) {
                r.word();
            } else {
                r.text();
            }
            for _ in 0..r.word().unwrap_or(0) {
                r.text();
            }
        }
        names
    }

    /// Every card's author with its article's number, in order.
    pub fn card_authors(&self) -> Vec<(u32, &str)> {
        let mut r = Cursor {
            bytes: &self.bytes,
            at: 0,
        };
        let mut out = Vec::new();
        for a in 0..self.articles {
            r.text();
            r.text();
            if r.peek() == Some(NO_LEDE) {
                r.word();
            } else {
                r.text();
            }
            for _ in 0..r.word().unwrap_or(0) {
                out.push((u32::try_from(a).unwrap_or(u32::MAX), r.text().unwrap_or("")));
            }
        }
        out
    }
}

/// Reads the outline's layout front to back.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u32> {
        let mut w = [0u8; 4];
        w.copy_from_slice(self.bytes.get(self.at..self.at.checked_add(4)?)?);
        Some(u32::from_le_bytes(w))
    }

    fn word(&mut self) -> Option<u32> {
        let w = self.peek()?;
        self.at += 4;
        Some(w)
    }

    fn text(&mut self) -> Option<&'a str> {
        let len = self.word()? as usize;
        let end = self.at.checked_add(len)?;
        let text = std::str::from_utf8(self.bytes.get(self.at..end)?).ok()?;
        self.at = end;
        Some(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, lede: Option<&str>, authors: &[&str]) -> Article {
        Article {
            title: title.to_owned(),
            lede: lede.map(str::to_owned),
            blocks: authors
                .iter()
                .map(|a| Block::Card {
                    title: "t".to_owned(),
                    author: (*a).to_owned(),
                    teaser: String::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn round_trips_and_walks_every_piece() {
        let articles = [
            article("Seoul", Some("A lede"), &["Ann", "Bo"]),
            article("Kyiv — ё", None, &[]),
            article("", Some(""), &["Ann"]),
        ];
        let names = ["a.txt", "b.txt", "c.txt"];
        let outline = Outline::of(names.iter().copied().zip(articles.iter()));
        let read = Outline::read(outline.bytes(), 3).unwrap();
        assert_eq!(read, outline);
        let mut pieces = Vec::new();
        read.pieces(&mut |p| pieces.push(format!("{p:?}")));
        assert_eq!(pieces.len(), 6 + 4 + 5);
        assert_eq!(pieces[4], "Text(\"Ann\")");
        assert_eq!(pieces[8], "NoLede");
        assert_eq!(read.names(), names);
        assert_eq!(read.card_authors(), [(0, "Ann"), (0, "Bo"), (2, "Ann")]);
        // Too few articles, too many, a cut, bad UTF-8: refused.
        assert!(Outline::read(outline.bytes(), 2).is_none());
        assert!(Outline::read(outline.bytes(), 4).is_none());
        for cut in 0..outline.bytes().len() {
            assert!(
                Outline::read(&outline.bytes()[..cut], 3).is_none(),
                "cut at {cut}"
            );
        }
        let mut bad = outline.bytes().to_vec();
        bad[4] = 0xff;
        assert!(Outline::read(&bad, 3).is_none());
    }
}
