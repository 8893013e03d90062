//! The article model: what a scraped page is once its implicit structure is recovered.
//!
//! An [`Article`] is a title, an optional lede (standfirst) and a sequence of [`Block`]s.
//! Its searchable texts are its *fields* ([`Article::fields`]): the title, the lede, each
//! paragraph, heading and disclaimer, and each card's title, author and teaser.
//!
//! Invariant: every text is a trimmed line of the source file, byte for byte (no other
//! normalisation), so offsets into it are offsets into what the reader sees.
//!
//! This module depends on nothing but `std` and `serde`: `build.rs` compiles it too, to
//! validate every seed with the real parser.

mod parse;

pub use parse::{parse, parse_bytes, ParseError};

use serde::Serialize;

/// A parsed article. See `docs/format.md` for the rules that produce it. (The default,
/// empty, stands in for an article whose text has not arrived: `src/corpus/loading.rs`.)
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Article {
    /// The first non-blank line.
    pub title: String,
    /// The standfirst: the block after the title when it is one short line without a full stop.
    pub lede: Option<String>,
    /// Everything else, in file order.
    pub blocks: Vec<Block>,
}

/// One unit of an article's body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    /// A line of running text.
    Paragraph {
        /// The paragraph's text.
        text: String,
    },
    /// A short single-line block without closing punctuation.
    Heading {
        /// The heading's text.
        text: String,
    },
    /// An embedded related-article teaser: three consecutive lines of one block.
    Card {
        /// The related article's title.
        title: String,
        /// Its author, a personal name.
        author: String,
        /// Its teaser text.
        teaser: String,
    },
    /// The site's boilerplate ("Views expressed are …").
    Disclaimer {
        /// The disclaimer's text.
        text: String,
    },
}

/// Which text of a block a field is. Blocks other than cards have one text, `Text`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// The only text of a title, lede, paragraph, heading or disclaimer.
    Text,
    /// A card's title.
    Title,
    /// A card's author.
    Author,
    /// A card's teaser.
    Teaser,
}

/// Whose articles a corpus holds, as the `in:` query filter names them: the site's
/// (`in:site`) or the reader's own, added in the page (`in:mine`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Collection {
    /// The articles the site ships.
    #[default]
    Site,
    /// The reader's own articles.
    Mine,
}

impl Collection {
    /// Both, in the order the `in:` filter documents them.
    pub const ALL: [Collection; 2] = [Collection::Site, Collection::Mine];

    /// The collection's name in queries (`in:NAME`).
    pub fn name(self) -> &'static str {
        match self {
            Collection::Site => "site",
            Collection::Mine => "mine",
        }
    }
}

/// What a field is, as the `in:` query filter names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The article's title.
    Title,
    /// The article's lede.
    Lede,
    /// A paragraph.
    Paragraph,
    /// A heading.
    Heading,
    /// Any text of a card (its title, author or teaser).
    Card,
    /// The disclaimer.
    Disclaimer,
}

impl Kind {
    /// Every kind, in the order the `in:` filter documents them.
    pub const ALL: [Kind; 6] = [
        Kind::Title,
        Kind::Lede,
        Kind::Paragraph,
        Kind::Heading,
        Kind::Card,
        Kind::Disclaimer,
    ];

    /// The kind's name in queries (`in:NAME`) and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Title => "title",
            Kind::Lede => "lede",
            Kind::Paragraph => "paragraph",
            Kind::Heading => "heading",
            Kind::Card => "card",
            Kind::Disclaimer => "disclaimer",
        }
    }
}

/// Where a field sits in its article: `block` is the index into [`Article::blocks`],
/// or [`TITLE_BLOCK`] (-1) for the title and [`LEDE_BLOCK`] (-2) for the lede.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct FieldAddr {
    /// Block index, or -1 (title) / -2 (lede).
    pub block: i32,
    /// Which text of the block.
    pub part: Part,
}

/// The block number of an article's title in a [`FieldAddr`].
pub const TITLE_BLOCK: i32 = -1;
/// The block number of an article's lede in a [`FieldAddr`].
pub const LEDE_BLOCK: i32 = -2;

/// One searchable text of an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field<'a> {
    /// Where it is.
    pub addr: FieldAddr,
    /// What it is.
    pub kind: Kind,
    /// Its exact text.
    pub text: &'a str,
}

impl Article {
    /// Every field of the article, in reading order: title, lede, then the blocks'.
    pub fn fields(&self) -> impl Iterator<Item = Field<'_>> + '_ {
        let head = std::iter::once(Field {
            addr: FieldAddr {
                block: TITLE_BLOCK,
                part: Part::Text,
            },
            kind: Kind::Title,
            text: self.title.as_str(),
        })
        .chain(self.lede.as_deref().map(|text| Field {
            addr: FieldAddr {
                block: LEDE_BLOCK,
                part: Part::Text,
            },
            kind: Kind::Lede,
            text,
        }));
        let body = self.blocks.iter().enumerate().flat_map(|(i, block)| {
            let block_no = i32::try_from(i).unwrap_or(i32::MAX);
            block
                .texts()
                .into_iter()
                .flatten()
                .map(move |(part, text)| Field {
                    addr: FieldAddr {
                        block: block_no,
                        part,
                    },
                    kind: block.kind(),
                    text,
                })
        });
        head.chain(body)
    }

    /// The text of one field, if the address names one.
    pub fn field(&self, addr: FieldAddr) -> Option<&str> {
        match addr.block {
            TITLE_BLOCK if addr.part == Part::Text => Some(&self.title),
            LEDE_BLOCK if addr.part == Part::Text => self.lede.as_deref(),
            b => {
                let block = self.blocks.get(usize::try_from(b).ok()?)?;
                block
                    .texts()
                    .into_iter()
                    .flatten()
                    .find(|(part, _)| *part == addr.part)
                    .map(|(_, text)| text)
            }
        }
    }
}

impl Block {
    /// The block's kind for `in:` filtering.
    pub fn kind(&self) -> Kind {
        match self {
            Block::Paragraph { .. } => Kind::Paragraph,
            Block::Heading { .. } => Kind::Heading,
            Block::Card { .. } => Kind::Card,
            Block::Disclaimer { .. } => Kind::Disclaimer,
        }
    }

    /// The block's texts with their parts: one for most blocks, three for a card.
    pub fn texts(&self) -> [Option<(Part, &str)>; 3] {
        match self {
            Block::Paragraph { text } | Block::Heading { text } | Block::Disclaimer { text } => {
                [Some((Part::Text, text.as_str())), None, None]
            }
            Block::Card {
                title,
                author,
                teaser,
            } => [
                Some((Part::Title, title.as_str())),
                Some((Part::Author, author.as_str())),
                Some((Part::Teaser, teaser.as_str())),
            ],
        }
    }
}
