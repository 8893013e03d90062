//! Word segmentation: the words of a text by Unicode's word boundaries (UAX #29), as the
//! unicode-segmentation crate finds them, only faster for the scripts the articles are in.
//!
//! A *word* is a segment holding a letter or a digit. Most text is ASCII, Latin, Cyrillic
//! and Hangul, whose word-boundary classes are few and known ([`class`]); there the
//! rules are applied directly (letters, digits and `_` join; `.` `'` `’` `:` `·` join two
//! letters, `.` `,` `;` `'` `’` two digits; anything else stands alone). A char outside
//! that set (a combining mark, an ideograph, an emoji…) sends its stretch of text — from
//! the start of the word it is in to the next space that follows a non-space — to
//! `src/text/word_break.rs`, all of the rules over every char's class. A boundary always falls
//! before such a space and the rules never look back across one, so both ways give the
//! same words. The tests check both against the unicode-segmentation crate (a
//! dev-dependency: the wasm does not carry it), every known char exhaustively and random
//! text by a property test (`tests::same_words_as_unicode_segmentation`).

use crate::text::word_break;

/// Word-boundary classes of the chars the fast path knows (UAX #29, table 3).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    /// ALetter (and Hangul syllables, which are ALetter).
    Letter,
    /// Numeric.
    Digit,
    /// ExtendNumLet (`_`).
    Connector,
    /// MidLetter (`:` `·`): joins two letters.
    MidLetter,
    /// MidNumLet and Single_Quote (`.` `'` `‘` `’`): joins two letters or two digits.
    MidBoth,
    /// MidNum (`,` `;`): joins two digits.
    MidNum,
    /// Another char that stands alone and is no word (space, most punctuation).
    Other,
}

/// The class of `c` if the fast path knows it.
fn class(c: char) -> Option<Class> {
    Some(match c {
        'a'..='z' | 'A'..='Z' => Class::Letter,
        '0'..='9' => Class::Digit,
        '_' => Class::Connector,
        ':' | '\u{b7}' => Class::MidLetter,
        '.' | '\'' | '\u{2018}' | '\u{2019}' => Class::MidBoth,
        ',' | ';' => Class::MidNum,
        // Space, tab, no-break space and the rest of ASCII punctuation stand alone (line
        // breaks and other controls take the slow path).
        ' ' | '\t' | '\u{a0}' | '!'..='/' | '<'..='@' | '['..='`' | '{'..='~' => Class::Other,
        // Latin-1 and Latin Extended-A/B letters, but × and ÷; ª º are letters too.
        '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{f6}' | '\u{f8}'..='\u{24f}' | '\u{aa}' | '\u{ba}' => {
            Class::Letter
        }
        '\u{a1}'..='\u{a9}'
        | '\u{ab}'
        | '\u{ac}'
        | '\u{ae}'..='\u{b1}'
        | '\u{b4}'
        | '\u{b6}'
        | '\u{bb}'
        | '\u{bf}'
        | '\u{d7}'
        | '\u{f7}' => Class::Other,
        // Cyrillic letters (U+0482 is a sign, U+0483–0489 combining marks: slow path).
        '\u{400}'..='\u{481}' | '\u{48a}'..='\u{52f}' => Class::Letter,
        // Hangul syllables.
        '\u{ac00}'..='\u{d7a3}' => Class::Letter,
        // Dashes, quotes, bullets, ellipsis: alone.
        '\u{2010}'..='\u{2017}' | '\u{201a}'..='\u{2023}' | '\u{2025}' | '\u{2026}' => Class::Other,
        _ => return None,
    })
}

/// Calls `each(start, end)` for every word of `text`, in order: byte ranges on char
/// boundaries, non-empty, ascending, non-overlapping.
pub fn for_each_word(text: &str, mut each: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let Some((c, len)) = char_at(text, at) else {
            return;
        };
        match class(c) {
            Some(Class::Letter | Class::Digit | Class::Connector) => match word_end(text, at) {
                Ok((end, alnum)) => {
                    if alnum {
                        each(at, end);
                    }
                    at = end;
                }
                Err(unknown) => at = slow(text, at, unknown, &mut each),
            },
            Some(_) => at += len,
            None => at = slow(text, at, at, &mut each),
        }
    }
}

/// The end of the fast-path word starting at `start`, or `Err(position)` of a char the
/// fast path does not know that the word's end depends on.
/// With the end comes whether the word holds a letter or a digit (a run of `_` does not).
fn word_end(text: &str, start: usize) -> Result<(usize, bool), usize> {
    let mut at = start;
    let mut alnum = false;
    // The class of the last char of the word so far.
    let mut last = Class::Other;
    let bytes = text.as_bytes();
    loop {
        // ASCII letters and digits, byte by byte (most of every text).
        while let Some(&b) = bytes.get(at) {
            if b.is_ascii_alphabetic() {
                last = Class::Letter;
            } else if b.is_ascii_digit() {
                last = Class::Digit;
            } else {
                break;
            }
            alnum = true;
            at += 1;
        }
        let Some((c, len)) = char_at(text, at) else {
            break;
        };
        let Some(this) = class(c) else {
            return Err(at);
        };
        match this {
            Class::Letter | Class::Digit | Class::Connector => {
                last = this;
                alnum |= this != Class::Connector;
                at += len;
            }
            Class::MidLetter | Class::MidBoth | Class::MidNum => {
                let Some((next, _)) = char_at(text, at + len) else {
                    return Ok((at, alnum));
                };
                let Some(next_class) = class(next) else {
                    return Err(at + len);
                };
                let joins = matches!(
                    (last, this, next_class),
                    (
                        Class::Letter,
                        Class::MidLetter | Class::MidBoth,
                        Class::Letter
                    ) | (Class::Digit, Class::MidNum | Class::MidBoth, Class::Digit)
                );
                if !joins {
                    return Ok((at, alnum));
                }
                at += len;
            }
            Class::Other => return Ok((at, alnum)),
        }
    }
    Ok((at, alnum))
}

/// The full rules (`word_break`) over `text[from..]` up to the next space after `unknown`
/// that follows a non-space (or the end); reports its words; returns where it stopped.
fn slow(text: &str, from: usize, unknown: usize, each: &mut impl FnMut(usize, usize)) -> usize {
    let bytes = text.as_bytes();
    let mut to = bytes.len();
    let mut i = unknown.max(from + 1);
    while i < bytes.len() {
        if bytes.get(i) == Some(&b' ')
            && !text.get(..i).unwrap_or("").ends_with(char::is_whitespace)
        {
            to = i;
            break;
        }
        i += 1;
    }
    let region = text.get(from..to).unwrap_or("");
    word_break::for_each_segment(region, |start, end| {
        if is_word(region.get(start..end).unwrap_or("")) {
            each(from + start, from + end);
        }
    });
    to.max(from + 1)
}

/// The end of the word that starts at byte `start` of `text`, found from the text alone:
/// `None` when no word starts there. Boundaries after a word's start depend only on what
/// follows it, so this is the end [`for_each_word`] reports for that word.
#[inline(never)]
pub fn word_end_at(text: &str, start: usize) -> Option<usize> {
    let rest = text.get(start..)?;
    let c = rest.chars().next()?;
    if matches!(
        class(c),
        Some(Class::Letter | Class::Digit | Class::Connector)
    ) {
        if let Ok((end, alnum)) = word_end(rest, 0) {
            return alnum.then_some(start + end);
        }
    }
    let len = word_break::first_segment_len(rest);
    is_word(rest.get(..len)?).then_some(start + len)
}

/// The char at byte `at` and its length.
fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    match text.as_bytes().get(at) {
        Some(&b) if b < 0x80 => Some((char::from(b), 1)),
        _ => {
            let c = text.get(at..)?.chars().next()?;
            Some((c, c.len_utf8()))
        }
    }
}

/// A segment is a word when it contains a letter or a digit.
pub fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

// proptest is a native dev-dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::for_each_word;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn ours(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for_each_word(text, |s, e| out.push((s, e)));
        out
    }

    fn reference(text: &str) -> Vec<(usize, usize)> {
        text.split_word_bound_indices()
            .filter(|(_, w)| super::is_word(w))
            .map(|(s, w)| (s, s + w.len()))
            .collect()
    }

    #[test]
    fn examples() {
        for text in [
            "",
            "Moscow and Seoul.",
            "Today's Club’s U.S. policy: $30,000.50 (1.5%) a:b a_b _x 3a a3 x.5 5.x",
            "Moon Jae-in, Russian-South Korean; «ёлка» — Сеул и Пусан",
            "서울과 평양 北京大学 がっこう カタカナ",
            "e\u{301}tude cafe\u{301} x\u{200d}y 🇰🇷🇷🇺 a\tb\r\nc  d\u{a0}e \u{2003}",
            "end.",
            "'quoted'",
            "a..b",
            "1,,2",
            "a'",
            "'a",
            "x·y",
            "٣٤",
            "ǅemal",
            "🏳️‍🌈 don’t 3.14 can't “quoted” Ж-Ы",
        ] {
            assert_eq!(ours(text), reference(text), "{text:?}");
            for (s, e) in ours(text) {
                assert_eq!(super::word_end_at(text, s), Some(e), "{text:?} at {s}");
            }
        }
        assert_eq!(super::word_end_at("a b", 1), None, "a space starts no word");
        assert_eq!(super::word_end_at("ab", 9), None, "out of range");
    }

    /// Every char the fast path knows, in the contexts where its class matters: the same
    /// words as unicode-segmentation.
    #[test]
    fn known_chars_have_their_uax29_class() {
        let templates = [
            "{}", "{}{}", "a{}a", "1{}1", "a{}", "{}a", "1{}", "{}1", "a.{}", "{}.a", "1.{}",
            "{}'s", "_{}", "{}_", "a{} b", "ё{}ё", "서{}울",
        ];
        for code in 0..0x1_0000u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            if super::class(c).is_none() {
                continue;
            }
            for t in templates {
                let text = t.replace("{}", &c.to_string());
                assert_eq!(ours(&text), reference(&text), "U+{code:04X} in {text:?}");
                for (s, e) in ours(&text) {
                    assert_eq!(super::word_end_at(&text, s), Some(e), "{text:?} at {s}");
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        /// Random text over a mix of known and unknown chars: the same words.
        #[test]
        fn same_words_as_unicode_segmentation(
            text in "[a-zA-Z0-9 _.,;:'’‘·\\-–—\"“”()é ÉöØßёЁжЖ서울가 \u{301}\u{308}\u{200d}\u{a0}\t\n北京がカ😀🇰🇷٣1-9]{0,40}"
        ) {
            prop_assert_eq!(ours(&text), reference(&text), "{:?}", text);
            for (s, e) in ours(&text) {
                prop_assert_eq!(super::word_end_at(&text, s), Some(e));
            }
        }
    }
}
