//! The article parser: plain text of a scraped page → [`Article`].
//!
//! The rules are documented in `docs/format.md`, with the seed as their example. Parsing
//! never fails on valid text: the only errors are invalid UTF-8 and a file with no
//! non-blank line. Every non-blank line of the input ends up, trimmed, in exactly one
//! field, and the parser makes one pass over the input (linear time).

use super::{Article, Block};

/// Why a file is not an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// The bytes are not UTF-8; `offset` is the byte offset of the first invalid sequence.
    InvalidUtf8 {
        /// Byte offset into the file.
        offset: usize,
    },
    /// The file is empty or holds only whitespace, so it has no title.
    NoTitle,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParseError::InvalidUtf8 { offset } => write!(f, "invalid UTF-8 at byte {offset}"),
            ParseError::NoTitle => f.write_str("no title: the file is empty or blank"),
        }
    }
}

/// The boilerplate that opens the site's disclaimer.
const DISCLAIMER_PREFIX: &str = "Views expressed are";
/// At most this many words in a lede.
const LEDE_MAX_WORDS: usize = 40;
/// At most this many words in a card's title.
const CARD_TITLE_MAX_WORDS: usize = 20;
/// At most this many words in a heading.
const HEADING_MAX_WORDS: usize = 12;
/// An author's name has this many words…
const AUTHOR_WORDS: std::ops::RangeInclusive<usize> = 2..=5;
/// …and at most this many characters.
const AUTHOR_MAX_CHARS: usize = 60;

/// Parses a file's bytes: UTF-8 is checked first (a leading BOM is skipped).
pub fn parse_bytes(bytes: &[u8]) -> Result<Article, ParseError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text),
        Err(e) => Err(ParseError::InvalidUtf8 {
            offset: e.valid_up_to(),
        }),
    }
}

/// Parses an article's text. Fails only when there is no non-blank line.
pub fn parse(text: &str) -> Result<Article, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut blocks = split_blocks(text).into_iter().peekable();
    let first = blocks.next().ok_or(ParseError::NoTitle)?;
    let (title, rest_of_first) = first.split_first().ok_or(ParseError::NoTitle)?;

    let mut article = Article {
        title: (*title).to_owned(),
        lede: None,
        blocks: Vec::new(),
    };
    if rest_of_first.is_empty() {
        // The lede must be the block right after a title that stands alone.
        if let Some([line]) = blocks.peek().map(Vec::as_slice) {
            if is_lede(line) {
                article.lede = Some((*line).to_owned());
                blocks.next();
            }
        }
    } else {
        // Lines glued to the title are body text; no heading can be among them.
        classify_block(rest_of_first, false, &mut article.blocks);
    }
    for block in blocks {
        classify_block(&block, true, &mut article.blocks);
    }
    Ok(article)
}

/// Splits text into blocks of trimmed non-blank lines. LF, CRLF and lone CR end lines.
fn split_blocks(text: &str) -> Vec<Vec<&str>> {
    let mut blocks: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in lines(text) {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

/// The lines of `text`, without their terminators (`\n`, `\r\n` or a lone `\r`).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.find(['\n', '\r']) {
            None => {
                rest = None;
                Some(current)
            }
            Some(i) => {
                // `i` is the byte of a line break, so a char boundary.
                let (line, tail) = current.split_at_checked(i).unwrap_or((current, ""));
                let tail = tail
                    .strip_prefix("\r\n")
                    .or_else(|| tail.get(1..))
                    .unwrap_or("");
                rest = Some(tail);
                Some(line)
            }
        }
    })
}

/// Turns one block's lines into blocks of the article.
fn classify_block(lines: &[&str], heading_allowed: bool, out: &mut Vec<Block>) {
    if let [line] = lines {
        if heading_allowed && !is_disclaimer(line) && is_heading(line) {
            out.push(Block::Heading {
                text: (*line).to_owned(),
            });
            return;
        }
    }
    let mut rest = lines;
    while let Some((line, tail)) = rest.split_first() {
        if is_disclaimer(line) {
            out.push(Block::Disclaimer {
                text: (*line).to_owned(),
            });
            rest = tail;
        } else if let Some((card, tail)) = card_at(rest) {
            out.push(card);
            rest = tail;
        } else {
            out.push(Block::Paragraph {
                text: (*line).to_owned(),
            });
            rest = tail;
        }
    }
}

/// A card made of the first three lines, if they are one, and the lines after it.
fn card_at<'a, 'b>(lines: &'a [&'b str]) -> Option<(Block, &'a [&'b str])> {
    match lines {
        [title, author, teaser, tail @ ..]
            if is_card_title(title)
                && is_author(author)
                && !is_disclaimer(author)
                && !is_disclaimer(teaser) =>
        {
            Some((
                Block::Card {
                    title: (*title).to_owned(),
                    author: (*author).to_owned(),
                    teaser: (*teaser).to_owned(),
                },
                tail,
            ))
        }
        _ => None,
    }
}

fn words(line: &str) -> usize {
    line.split_whitespace().count()
}

fn ends_with_any(line: &str, endings: &[char]) -> bool {
    line.chars()
        .next_back()
        .is_some_and(|c| endings.contains(&c))
}

/// The site's boilerplate disclaimer, wherever it stands.
pub(crate) fn is_disclaimer(line: &str) -> bool {
    line.starts_with(DISCLAIMER_PREFIX)
}

fn is_lede(line: &str) -> bool {
    !is_disclaimer(line) && words(line) <= LEDE_MAX_WORDS && !ends_with_any(line, &['.', '!'])
}

fn is_heading(line: &str) -> bool {
    words(line) <= HEADING_MAX_WORDS && !ends_with_any(line, &['.', '!', '?', ':', ';', ','])
}

fn is_card_title(line: &str) -> bool {
    words(line) <= CARD_TITLE_MAX_WORDS && !ends_with_any(line, &['.'])
}

/// A personal name: 2–5 words, each opening with an uppercase letter (or a letter of a
/// script without case, such as Hangul), made of letters, combining marks, hyphens,
/// apostrophes and the full stops of initials; no digits; at most 60 characters; ending
/// with a letter (no terminal punctuation).
pub(crate) fn is_author(line: &str) -> bool {
    let n = words(line);
    AUTHOR_WORDS.contains(&n)
        && line.chars().nth(AUTHOR_MAX_CHARS).is_none()
        && line.chars().next_back().is_some_and(char::is_alphabetic)
        && line.split_whitespace().all(is_name_word)
}

fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    let starts_ok = chars
        .next()
        .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase());
    starts_ok
        && chars.all(|c| {
            (c.is_alphabetic() && !c.is_numeric())
                || matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\'' | '\u{2019}' | '.')
                || ('\u{0300}'..='\u{036f}').contains(&c)
        })
}
