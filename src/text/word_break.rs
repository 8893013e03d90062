//! Unicode word boundaries (UAX #29) for any text: the rules over each char's word-break
//! class, read from a table generated from the unicode-segmentation crate
//! (`build/word_break_table.rs`), which the tests check this against.
//!
//! `src/text/words.rs` applies the rules directly for the common scripts and comes here only
//! for the rest (marks, ideographs, emoji, Hebrew, kana…), so this side favours size over
//! speed: the table is 2,206 varint-coded runs, decoded linearly after a binary search in
//! an index of every 32nd run.
//!
//! Invariant: [`for_each_segment`] reports exactly the segments of unicode-segmentation's
//! `split_word_bound_indices`, and [`first_segment_len`] the length of the first.

/// The generated runs and class codes (`build/word_break_table.rs` documents the layout).
#[rustfmt::skip]
#[path = "word_break_table.rs"]
mod table;

use table::{
    ALETTER, ANY, CLASS_MASK, CR, DOUBLE_QUOTE, EXTEND, EXTEND_NUM_LET, EXT_PICT, HEBREW_LETTER,
    KATAKANA, LF, MID_LETTER, MID_NUM, MID_NUM_LET, NEWLINE, NUMERIC, REGIONAL_INDICATOR,
    SINGLE_QUOTE, W_SEG_SPACE, ZWJ,
};

/// The class byte of `c`: its class (`CLASS_MASK` bits) and the `EXT_PICT` bit. ASCII,
/// most of the text, is one load from [`ASCII`].
fn class_byte(c: char) -> u8 {
    let code = u32::from(c);
    if let Some(&byte) = ASCII.get(code as usize) {
        return byte;
    }
    let block = table::INDEX_START
        .partition_point(|&start| start <= code)
        .saturating_sub(1);
    let mut start = table::INDEX_START.get(block).copied().unwrap_or(0);
    let mut at = usize::from(table::INDEX_AT.get(block).copied().unwrap_or(0));
    while let Some(&class) = table::RUNS.get(at) {
        at += 1;
        let mut len = 0u32;
        let mut shift = 0;
        while let Some(&b) = table::RUNS.get(at) {
            at += 1;
            len |= u32::from(b & 0x7f) << shift;
            shift += 7;
            if b < 0x80 {
                break;
            }
        }
        start += len;
        if code < start {
            return class;
        }
    }
    table::ANY
}

/// The class bytes of the ASCII chars, read from the table's runs when compiling (the
/// table's test checks every char against its class). Indexing here runs in the
/// compiler: out of bounds would fail the build, never a reader.
#[allow(clippy::indexing_slicing)]
static ASCII: [u8; 128] = {
    let mut bytes = [table::ANY; 128];
    let mut runs: &[u8] = &table::RUNS;
    let mut start = 0u32;
    'runs: while let Some((&class, rest)) = runs.split_first() {
        runs = rest;
        let mut len = 0u32;
        let mut shift = 0;
        while let Some((&b, rest)) = runs.split_first() {
            runs = rest;
            len |= ((b & 0x7f) as u32) << shift;
            shift += 7;
            if b < 0x80 {
                break;
            }
        }
        let mut code = start;
        while code < start + len {
            if code >= 128 {
                break 'runs;
            }
            bytes[code as usize] = class;
            code += 1;
        }
        start += len;
    }
    bytes
};

/// Where the forward scan of a segment is (unicode-segmentation's `UWordBoundsState`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Start,
    Letter,
    HebrewLetter,
    Numeric,
    Katakana,
    ExtendNumLet,
    RegionalHalf,
    RegionalFull,
    /// After a mid char (or a mark at the start): what may follow.
    Pending(Pending),
    Zwj,
    Emoji,
    Space,
}

/// What a [`State::Pending`] waits for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pending {
    /// Marks at the start: they end the segment with the next other char.
    AcceptNone,
    /// A letter after `letter mid` (WB6, WB7), else the segment ends before the mid char.
    RequireLetter,
    /// A Hebrew letter after `Hebrew "` (WB7b, WB7c), else the segment ends before `"`.
    RequireHebrewLetter,
    /// After `Hebrew '` (WB7a): a letter continues, anything else ends after the `'`.
    AcceptQuoteLetter,
    /// A digit after `digit mid` (WB11, WB12), else the segment ends before the mid char.
    RequireNumeric,
}

/// The length in bytes of the first segment of `text` between two word boundaries (0 for
/// an empty text).
///
/// A port of unicode-segmentation 1.13.3's forward `UWordBounds::next` (MIT or
/// Apache-2.0), over this file's table, so that the two find the same boundaries, UAX #29
/// and the crate's own reading of it alike (a pictograph joined to a ZWJ ends the word
/// even when it is a letter, as `ℹ` is). The tests compare the two on every class.
pub fn first_segment_len(text: &str) -> usize {
    let mut state = State::Start;
    let mut chars = text.char_indices().peekable();
    // The byte offset of the current char, and whether the segment takes it.
    let mut at = 0;
    let mut take = true;
    // Where the pending mid char is (the segment ends there if nothing fits after it).
    let mut mid_at = 0;
    let mut prev = ANY;
    let mut skipped_marks = false;
    while let Some((i, c)) = chars.next() {
        at = i;
        let byte = class_byte(c);
        let class = byte & CLASS_MASK;
        let prev_zwj = prev == ZWJ;
        prev = class;
        // WB4: marks, format chars and joiners belong to what is before them.
        if state != State::Start && (class == EXTEND || class == ZWJ) {
            skipped_marks = true;
            continue;
        }
        // WB3c.
        if prev_zwj && byte & EXT_PICT != 0 {
            state = State::Emoji;
            continue;
        }
        let next_class = |chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>| {
            chars.peek().map(|&(_, n)| class_byte(n) & CLASS_MASK)
        };
        state = match (state, class) {
            (State::Start, CR) => {
                if next_class(&mut chars) == Some(LF) {
                    at += 1; // WB3
                }
                break; // WB3a
            }
            (State::Start, ALETTER) => State::Letter,
            (State::Start, HEBREW_LETTER) => State::HebrewLetter,
            (State::Start, NUMERIC) => State::Numeric,
            (State::Start, KATAKANA) => State::Katakana,
            (State::Start, EXTEND_NUM_LET) => State::ExtendNumLet,
            (State::Start, REGIONAL_INDICATOR) => State::RegionalHalf,
            (State::Start, LF | NEWLINE) => break, // WB3a
            (State::Start, ZWJ) => State::Zwj,
            (State::Start, W_SEG_SPACE) => State::Space,
            (State::Start, _) => {
                if matches!(next_class(&mut chars), Some(EXTEND | ZWJ)) {
                    State::Pending(Pending::AcceptNone) // WB4
                } else {
                    break; // WB999
                }
            }
            (State::Space, W_SEG_SPACE) if !skipped_marks => State::Space, // WB3d
            (State::Letter | State::HebrewLetter, ALETTER) => State::Letter, // WB5
            (State::Letter | State::HebrewLetter, HEBREW_LETTER) => State::HebrewLetter,
            (State::Letter | State::HebrewLetter, NUMERIC) => State::Numeric, // WB9
            (State::Letter | State::HebrewLetter, EXTEND_NUM_LET) => State::ExtendNumLet, // WB13a
            (State::HebrewLetter, DOUBLE_QUOTE) => {
                mid_at = at;
                State::Pending(Pending::RequireHebrewLetter) // WB7b
            }
            (State::HebrewLetter, SINGLE_QUOTE) => State::Pending(Pending::AcceptQuoteLetter), // WB7a
            (State::Letter | State::HebrewLetter, MID_LETTER | MID_NUM_LET | SINGLE_QUOTE) => {
                mid_at = at;
                State::Pending(Pending::RequireLetter) // WB6
            }
            (State::Numeric, NUMERIC) => State::Numeric, // WB8
            (State::Numeric, ALETTER) => State::Letter,  // WB10
            (State::Numeric, HEBREW_LETTER) => State::HebrewLetter,
            (State::Numeric, EXTEND_NUM_LET) => State::ExtendNumLet, // WB13a
            (State::Numeric, MID_NUM | MID_NUM_LET | SINGLE_QUOTE) => {
                mid_at = at;
                State::Pending(Pending::RequireNumeric) // WB12
            }
            (State::Katakana, KATAKANA) => State::Katakana, // WB13
            (State::Katakana, EXTEND_NUM_LET) => State::ExtendNumLet,
            (State::ExtendNumLet, EXTEND_NUM_LET) => State::ExtendNumLet, // WB13a
            (State::ExtendNumLet, ALETTER) => State::Letter,              // WB13b
            (State::ExtendNumLet, HEBREW_LETTER) => State::HebrewLetter,
            (State::ExtendNumLet, NUMERIC) => State::Numeric,
            (State::ExtendNumLet, KATAKANA) => State::Katakana,
            (State::RegionalHalf, REGIONAL_INDICATOR) => State::RegionalFull, // WB15, WB16
            (State::Pending(Pending::RequireNumeric), NUMERIC) => State::Numeric, // WB11
            (State::Pending(Pending::RequireLetter | Pending::AcceptQuoteLetter), ALETTER) => {
                State::Letter
            } // WB7
            (
                State::Pending(Pending::RequireLetter | Pending::AcceptQuoteLetter),
                HEBREW_LETTER,
            ) => State::HebrewLetter,
            (State::Pending(Pending::RequireHebrewLetter), HEBREW_LETTER) => {
                State::HebrewLetter // WB7c
            }
            (State::Pending(Pending::AcceptNone | Pending::AcceptQuoteLetter), _) => {
                take = false;
                break;
            }
            // A mid char with nothing to join: back to it (below).
            (State::Pending(_), _) => break,
            // WB999: the segment ends before this char.
            _ => {
                take = false;
                break;
            }
        };
    }
    if let State::Pending(
        Pending::RequireLetter | Pending::RequireHebrewLetter | Pending::RequireNumeric,
    ) = state
    {
        at = mid_at;
        take = false;
    }
    if take {
        at + text
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .map_or(0, char::len_utf8)
    } else {
        at
    }
}

/// Calls `each(start, end)` for every segment of `text` between two word boundaries, in
/// order: non-empty byte ranges on char boundaries that cover the text, words or not.
pub fn for_each_segment(text: &str, mut each: impl FnMut(usize, usize)) {
    let mut start = 0;
    while let Some(rest) = text.get(start..).filter(|r| !r.is_empty()) {
        // Never less than one char, so the loop always advances.
        let len = first_segment_len(rest).max(rest.chars().next().map_or(1, char::len_utf8));
        each(start, start + len);
        start += len;
    }
}

/// The table's generator, for the tests.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../../build/word_break_table.rs"]
#[allow(dead_code)]
mod generator;

// unicode-segmentation is a native dev-dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::generator;
    use super::{class_byte, first_segment_len, for_each_segment};
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn ours(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for_each_segment(text, |s, e| out.push((s, e)));
        out
    }

    fn reference(text: &str) -> Vec<(usize, usize)> {
        text.split_word_bound_indices()
            .map(|(s, w)| (s, s + w.len()))
            .collect()
    }

    /// The checked-in table is what the generator makes of Unicode's data (`cargo xtask
    /// codegen` writes it), and reads back as the data's class of every char.
    #[test]
    fn table_is_generated_from_unicode_data() {
        let runs = generator::runs(generator::from_data);
        let source = generator::source(&runs, unicode_segmentation::UNICODE_VERSION);
        expect_test::expect_file!["word_break_table.rs"].assert_eq(&source);
        for (i, &(start, class)) in runs.iter().enumerate() {
            let end = runs.get(i + 1).map_or(0x11_0000, |r| r.0);
            for code in start..end {
                if let Some(c) = char::from_u32(code) {
                    assert_eq!(class_byte(c), class, "U+{code:04X}");
                }
            }
        }
    }

    /// The data's class of every char is the one unicode-segmentation segments it by
    /// (probed): the two references are of one Unicode version (icu_properties is pinned
    /// to match; update them together).
    #[test]
    fn the_data_is_unicode_segmentation_s() {
        let mut differ = Vec::new();
        for code in 0..=0x10_ffff_u32 {
            if let Some(c) = char::from_u32(code) {
                let (data, probed) = (generator::from_data(c), generator::probe(c));
                if data != probed {
                    differ.push(format!("U+{code:04X}: data {data}, probed {probed}"));
                }
            }
        }
        assert!(
            differ.is_empty(),
            "{} chars differ: {:?}",
            differ.len(),
            differ.get(..differ.len().min(20))
        );
    }

    /// Chars of every run (its first and last) in the contexts where the rules look at a
    /// char's class: the same segments as unicode-segmentation. The chars of a run have
    /// the same class, so they segment alike (and the probe found no context telling them
    /// apart).
    #[test]
    fn every_class_segments_as_unicode_segmentation() {
        let templates = [
            "{}",
            "{}{}",
            "{}{}{}",
            "a{}a",
            "1{}1",
            "a{}",
            "{}a",
            "1{}",
            "{}1",
            "a.{}",
            "{}.a",
            "1.{}",
            "{}.1",
            "1,{}",
            "{}'s",
            "_{}",
            "{}_",
            "{}\u{301}",
            "a{}\u{301}b",
            "\u{5d0}{}",
            "\u{5d0}{}\u{5d0}",
            "\u{5d0}\"{}",
            "{}\"\u{5d0}",
            "\u{200d}{}",
            "{}\u{200d}\u{a9}",
            "\u{30a2}{}",
            "{}\u{30a2}",
            "\u{1f1e6}{}",
            "{}\u{1f1e6}",
            "\r{}",
            "{}\n",
            "\n{}\u{301}",
            " {} ",
            "{}  ",
            "a\u{301}{}\u{308}a",
        ];
        let runs = generator::runs(class_byte);
        let chars = runs.iter().enumerate().flat_map(|(i, &(start, _))| {
            let end = runs.get(i + 1).map_or(0x11_0000, |r| r.0);
            [start, end - 1].into_iter().filter_map(char::from_u32)
        });
        for c in chars {
            for t in templates {
                let text = t.replace("{}", c.encode_utf8(&mut [0; 4]));
                let code = u32::from(c);
                assert_eq!(ours(&text), reference(&text), "U+{code:04X} in {text:?}");
                assert_eq!(
                    first_segment_len(&text),
                    reference(&text).first().map_or(0, |s| s.1),
                    "U+{code:04X} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn examples() {
        for text in [
            "",
            "Moscow and Seoul.",
            "e\u{301}tude x\u{200d}y 🇰🇷🇷🇺🇺 a\tb\r\nc  d\u{a0}e \u{2003}\u{2003}",
            "北京大学 がっこう カタカナ_ア 🏳️‍🌈 👩‍👩‍👧 ℹ\u{200d}ℹ",
            "\u{5e9}\u{5dc}\u{5d5}\u{5dd}'s \u{5d0}\"\u{5d1} ٣٤,٥ ‌\u{ad}x",
            "\u{301}\u{301}a \n\u{301}\u{301} \r\n\u{301}",
        ] {
            assert_eq!(ours(text), reference(text), "{text:?}");
            assert_eq!(
                first_segment_len(text),
                reference(text).first().map_or(0, |s| s.1)
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 5000, ..ProptestConfig::default() })]

        /// Random text over chars of every class: the same segments, and the same first
        /// segment from every char boundary.
        #[test]
        fn same_segments_as_unicode_segmentation(
            text in "[a-zA-Z0-9 _.,;:'’‘·\\-\"\u{5d0}\u{5d1}\u{30a2}\u{30a4}\u{ff70}\u{203f}\u{66c}\u{5f4}\u{2003}\u{3000}\u{a9}\u{2139}\u{1f600}\u{1f1e6}\u{1f1f7}\u{200d}\u{301}\u{ad}\u{200b}\u{85}\u{2028}\r\n\t北京がéёж서٣]{0,24}"
        ) {
            prop_assert_eq!(ours(&text), reference(&text), "{:?}", text);
            for (i, _) in text.char_indices() {
                let rest = &text[i..];
                prop_assert_eq!(
                    first_segment_len(rest),
                    reference(rest).first().map_or(0, |s| s.1),
                    "{:?}",
                    rest
                );
            }
        }
    }
}
