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
    // A load holds 10,000 articles' blocks: growing left a quarter of their room unused.
    article.blocks.shrink_to_fit();
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
        match line_break(current.as_bytes()) {
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

/// Where the first `\n` or `\r` of `bytes` is: eight bytes a step (a line is most of a
/// paragraph, its end one byte), by byte compares, not a decoding of chars (the bytes of
/// a multi-byte char are all 0x80 or above).
fn line_break(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Whether a byte of `w` is zero (exact: no false positives, since only the first zero
    // byte's borrow can reach the bytes above it, and those are then tested as well).
    let has_zero = |w: u64| w.wrapping_sub(ONES) & !w & HIGHS != 0;
    let mut at = 0;
    for word in bytes.chunks_exact(8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        let w = u64::from_le_bytes(w);
        if has_zero(w ^ (ONES * u64::from(b'\n'))) || has_zero(w ^ (ONES * u64::from(b'\r'))) {
            break;
        }
        at += 8;
    }
    let found = bytes
        .get(at..)?
        .iter()
        .position(|&b| b == b'\n' || b == b'\r');
    found.map(|i| at + i)
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

/// Whether `line` has at most `max` whitespace-separated words: it counts no more than
/// `max + 1` of them, not all of a paragraph's to compare with a heading's 12.
#[inline(never)]
fn at_most_words(line: &str, max: usize) -> bool {
    line.split_whitespace().nth(max).is_none()
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

// Each rule below looks at a line's last char first, then counts words only up to its limit.

fn is_lede(line: &str) -> bool {
    !is_disclaimer(line) && !ends_with_any(line, &['.', '!']) && at_most_words(line, LEDE_MAX_WORDS)
}

fn is_heading(line: &str) -> bool {
    !ends_with_any(line, &['.', '!', '?', ':', ';', ',']) && at_most_words(line, HEADING_MAX_WORDS)
}

fn is_card_title(line: &str) -> bool {
    !ends_with_any(line, &['.']) && at_most_words(line, CARD_TITLE_MAX_WORDS)
}

/// A personal name: 2–5 words, each opening with an uppercase letter (or a letter of a
/// script without case, such as Hangul), made of letters, combining marks, hyphens,
/// apostrophes and the full stops of initials; no digits; at most 60 characters; ending
/// with a letter (no terminal punctuation).
pub(crate) fn is_author(line: &str) -> bool {
    line.chars().next_back().is_some_and(char::is_alphabetic)
        && line.chars().nth(AUTHOR_MAX_CHARS).is_none()
        && AUTHOR_WORDS.contains(&line.split_whitespace().count())
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn line_break_finds_what_a_char_search_finds(text in "[a\\r\\né €\u{2028}]{0,40}") {
            prop_assert_eq!(line_break(text.as_bytes()), text.find(['\n', '\r']));
        }

        #[test]
        fn at_most_words_counts_as_far_as_it_must(line in "[a-z \\t\u{3000}]{0,60}", max in 0usize..8) {
            prop_assert_eq!(at_most_words(&line, max), line.split_whitespace().count() <= max);
        }
    }

    #[test]
    fn line_breaks_in_every_lane() {
        for at in 0..20 {
            for b in ["\n", "\r"] {
                let text = format!("{}{b}tail", "é".repeat(at / 2) + &"x".repeat(at % 2));
                assert_eq!(line_break(text.as_bytes()), text.find(b), "{text:?}");
            }
        }
        assert_eq!(line_break(b"no break at all, long enough for words"), None);
    }
}
