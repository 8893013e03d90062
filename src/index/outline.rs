//! The outline: what a result list shows of every article — its file name, title, lede
//! and its cards' authors — kept apart from the articles' text, so that the page can list
//! and rank all of them before their text has arrived (`src/corpus/loading.rs`). Written into the
//! index file's head (docs/format.md), and made from the articles for a corpus built here.
//!
//! Layout, made for JavaScript to take as it is (`www/js/engine.js`): its *numbers*, per
//! article the length of its name, title and lede (`u32::MAX`: none) in UTF-16 code
//! units, the number of its cards' authors and each author's length; then its *text*,
//! every piece end to end in UTF-8. The page decodes the text once and cuts it by the
//! numbers; the engine reads it only when asked for the authors.
//!
//! Invariant: an [`Outline`] holds `len()` articles' pieces, and its numbers cut its text
//! exactly ([`Outline::read`] checks); so [`Outline::pieces`] walks it without failing.

use crate::article::{Article, Block};

/// No lede: the number written in its place.
const NO_LEDE: u32 = u32::MAX;

/// The outline of a collection.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outline {
    numbers: Vec<u32>,
    text: String,
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

/// The length of `s` in UTF-16 code units (JavaScript's).
fn utf16_len(s: &str) -> u32 {
    u32::try_from(s.encode_utf16().count()).unwrap_or(NO_LEDE - 1)
}

/// The piece of `text` from byte `at` that is `units` UTF-16 code units long, and where
/// it ends; `None` when the text ends first or the units end inside a character.
fn take_units(text: &str, at: usize, units: u32) -> Option<(&str, usize)> {
    let rest = text.get(at..)?;
    let mut counted = 0u32;
    let mut end = 0;
    for c in rest.chars() {
        if counted >= units {
            break;
        }
        counted += c.len_utf16() as u32;
        end += c.len_utf8();
    }
    (counted == units).then(|| (rest.get(..end).unwrap_or(""), at + end))
}

impl Outline {
    /// The outline of named articles.
    pub fn of<'a>(articles: impl IntoIterator<Item = (&'a str, &'a Article)>) -> Outline {
        let mut outline = Outline::default();
        for (name, article) in articles {
            outline.push(name);
            outline.push(&article.title);
            match &article.lede {
                Some(lede) => outline.push(lede),
                None => outline.numbers.push(NO_LEDE),
            }
            let authors = u32::try_from(card_authors(article).count()).unwrap_or(u32::MAX);
            outline.numbers.push(authors);
            card_authors(article)
                .take(authors as usize)
                .for_each(|a| outline.push(a));
            outline.articles += 1;
        }
        outline
    }

    fn push(&mut self, s: &str) {
        self.numbers.push(utf16_len(s));
        self.text.push_str(s);
    }

    /// The outline of `articles` articles from its numbers' and its text's bytes, if they
    /// are one: the text UTF-8, the numbers as many as its articles call for, and the
    /// texts' lengths adding up to the text's (a pass over the numbers and one over the
    /// text, eight bytes a step: the head of 10,000 articles is read in the page's time).
    pub fn read(numbers: &[u8], text: Vec<u8>, articles: usize) -> Option<Outline> {
        if numbers.len() % 4 != 0 {
            return None;
        }
        let numbers: Vec<u32> = numbers
            .chunks_exact(4)
            .map(|w| w.try_into().map_or(0, u32::from_le_bytes))
            .collect();
        // The text kept in the bytes given (a head's, cut to it): no copy.
        let text = String::from_utf8(text).ok()?;
        let mut it = numbers.iter().copied();
        let mut units = 0u64;
        let mut length = |n: Option<u32>| -> Option<()> {
            units += u64::from(n?);
            Some(())
        };
        for _ in 0..articles {
            length(it.next())?;
            length(it.next())?;
            match it.next()? {
                NO_LEDE => {}
                lede => length(Some(lede))?,
            }
            for _ in 0..it.next()? {
                length(it.next())?;
            }
        }
        let whole =
            it.next().is_none() && units == u64::from(crate::span::utf16_units(text.as_bytes()));
        whole.then_some(Outline {
            numbers,
            text,
            articles,
        })
    }

    /// The numbers, as the head holds them (little-endian `u32`s).
    pub fn number_bytes(&self) -> Vec<u8> {
        self.numbers.iter().flat_map(|n| n.to_le_bytes()).collect()
    }

    /// The numbers: per article its name's, title's and lede's lengths in UTF-16 code
    /// units (`u32::MAX`: no lede), the number of its cards' authors, each author's.
    pub fn numbers(&self) -> &[u32] {
        &self.numbers
    }

    /// The text: every piece end to end.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The number of numbers.
    pub fn numbers_len(&self) -> usize {
        self.numbers.len()
    }

    /// The text.
    pub fn text_bytes(&self) -> &[u8] {
        self.text.as_bytes()
    }

    /// The number of articles.
    pub fn len(&self) -> usize {
        self.articles
    }

    /// Whether it has no article.
    #[cfg(feature = "internals")]
    pub fn is_empty(&self) -> bool {
        self.articles == 0
    }

    /// Calls `f` with every piece, its article's number and whether it is the article's
    /// name (its first piece) or one of its card authors, in order; returns how many
    /// numbers and text bytes it read. `ok` is cleared where a number does not cut the text.
    fn walk<'s>(
        &'s self,
        f: &mut dyn FnMut(u32, Role, Piece<'s>),
        ok: &mut bool,
    ) -> (usize, usize) {
        let mut numbers = self.numbers.iter().copied();
        let mut at = 0;
        let text = |units: Option<u32>, at: &mut usize, ok: &mut bool| -> &'s str {
            match units.and_then(|u| take_units(&self.text, *at, u)) {
                Some((piece, end)) => {
                    *at = end;
                    piece
                }
                None => {
                    *ok = false;
                    ""
                }
            }
        };
        for a in 0..u32::try_from(self.articles).unwrap_or(u32::MAX) {
            f(
                a,
                Role::Name,
                Piece::Text(text(numbers.next(), &mut at, ok)),
            );
            f(
                a,
                Role::Other,
                Piece::Text(text(numbers.next(), &mut at, ok)),
            );
            match numbers.next() {
                Some(NO_LEDE) => f(a, Role::Other, Piece::NoLede),
                lede => f(a, Role::Other, Piece::Text(text(lede, &mut at, ok))),
            }
            let authors = numbers.next().unwrap_or_else(|| {
                *ok = false;
                0
            });
            f(a, Role::Other, Piece::Authors(authors));
            for _ in 0..authors {
                if !*ok {
                    break;
                }
                f(
                    a,
                    Role::Author,
                    Piece::Text(text(numbers.next(), &mut at, ok)),
                );
            }
        }
        (self.numbers.len() - numbers.len(), at)
    }

    /// Each article's name, in order.
    pub fn names(&self) -> Vec<String> {
        let mut names = Vec::with_capacity(self.articles);
        self.walk(
            &mut |_, role, piece| {
                if let (Role::Name, Piece::Text(name)) = (role, piece) {
                    names.push(name.to_owned());
                }
            },
            &mut true,
        );
        names
    }

    /// Every card's author with its article's number, in order.
    pub fn card_authors(&self) -> Vec<(u32, &str)> {
        let mut out = Vec::new();
        self.walk(
            &mut |a, role, piece| {
                if let (Role::Author, Piece::Text(author)) = (role, piece) {
                    out.push((a, author));
                }
            },
            &mut true,
        );
        out
    }
}

/// What a piece is to its article, as far as [`Outline::names`] and
/// [`Outline::card_authors`] need to know.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Name,
    Author,
    Other,
}

/// The outline of a corpus built here.
pub(crate) fn outline_of(names: &[String], articles: &[Article]) -> Outline {
    Outline::of(names.iter().map(String::as_str).zip(articles))
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
            article("Seoul 😀", Some("A lede"), &["Ann", "Bo"]),
            article("Kyiv — ё", None, &[]),
            article("", Some(""), &["Ann"]),
        ];
        let names = ["a.txt", "b.txt", "c.txt"];
        let outline = Outline::of(names.iter().copied().zip(articles.iter()));
        let read =
            Outline::read(&outline.number_bytes(), outline.text_bytes().to_vec(), 3).unwrap();
        assert_eq!(read, outline);
        // UTF-16 lengths: the emoji is two units.
        assert_eq!(read.numbers[..3], [5, 8, 6]);
        let mut pieces = Vec::new();
        read.walk(&mut |_, _, p| pieces.push(format!("{p:?}")), &mut true);
        assert_eq!(pieces.len(), 6 + 4 + 5);
        assert_eq!(pieces[1], "Text(\"Seoul 😀\")");
        assert_eq!(pieces[4], "Text(\"Ann\")");
        assert_eq!(pieces[8], "NoLede");
        assert_eq!(read.names(), names);
        assert_eq!(read.card_authors(), [(0, "Ann"), (0, "Bo"), (2, "Ann")]);
        // Too few articles, too many, a cut, bad UTF-8, a number cutting a character: refused.
        let (numbers, text) = (outline.number_bytes(), outline.text_bytes().to_vec());
        assert!(Outline::read(&numbers, text.clone(), 2).is_none());
        assert!(Outline::read(&numbers, text.clone(), 4).is_none());
        for cut in 0..text.len() {
            assert!(
                Outline::read(&numbers, text[..cut].to_vec(), 3).is_none(),
                "text cut at {cut}"
            );
        }
        for cut in 0..numbers.len() {
            assert!(
                Outline::read(&numbers[..cut], text.clone(), 3).is_none(),
                "numbers cut at {cut}"
            );
        }
        let mut bad = text.clone();
        bad[0] = 0xff;
        assert!(Outline::read(&numbers, bad, 3).is_none());
        let mut longer = numbers.clone();
        longer[4] = 9; // the title one unit longer than the text has
        assert!(Outline::read(&longer, text, 3).is_none());
    }
}
