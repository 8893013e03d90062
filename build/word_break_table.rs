//! Generates the word-break table (`src/text/word_break_table.rs`): every char's UAX #29
//! word-break class, and whether it is Extended_Pictographic, as runs.
//!
//! The classes come from Unicode's data: the Word_Break property and the
//! Extended_Pictographic set as ICU4X's `icu_properties` compiles them ([`from_data`]).
//! Two classes the rules never tell apart are one here: Format is Extend. The
//! unicode-segmentation crate, the reference the explorer's words are checked against,
//! has private tables; [`probe`] reads each char's class off its behaviour (a few short
//! texts whose segmentation tells the class apart from every other), and a test checks
//! that data and behaviour agree on every char — so the two dev-dependencies must be of
//! one Unicode version. Neither is in the wasm (unicode-segmentation's tables and state
//! machine were ≈ 8 kB of the gzipped wasm, measured); the wasm carries these runs and
//! `src/text/word_break.rs`.
//!
//! The table is checked in: the test `table_is_generated_from_unicode_data` regenerates
//! it and fails when it differs; `cargo xtask codegen` writes the new one.
//!
//! Layout: `RUNS` is the sequence of runs from U+0000 to U+10FFFF, each a class byte
//! (`CLASS_MASK` bits, `EXT_PICT` bit) then its length in chars as an unsigned LEB128
//! varint; consecutive runs differ. `INDEX_START[i]` / `INDEX_AT[i]` are the first char
//! and the byte offset in `RUNS` of run `i * INDEX_EVERY`, for a binary search before the
//! linear decoding.

use std::fmt::Write as _;

/// A char that is none of the others (UAX #29 `Any`, and unassigned chars).
pub const ANY: u8 = 0;
/// Carriage return.
pub const CR: u8 = 1;
/// Line feed.
pub const LF: u8 = 2;
/// Newline: vertical tab, form feed, NEL, line and paragraph separators.
pub const NEWLINE: u8 = 3;
/// Extend and Format (the rules treat them alike).
pub const EXTEND: u8 = 4;
/// Zero-width joiner.
pub const ZWJ: u8 = 5;
/// Regional indicators (flag letters).
pub const REGIONAL_INDICATOR: u8 = 6;
/// Katakana.
pub const KATAKANA: u8 = 7;
/// Hebrew letters.
pub const HEBREW_LETTER: u8 = 8;
/// ALetter: letters of most alphabets, Hangul syllables.
pub const ALETTER: u8 = 9;
/// The apostrophe.
pub const SINGLE_QUOTE: u8 = 10;
/// The quotation mark.
pub const DOUBLE_QUOTE: u8 = 11;
/// MidNumLet: `.`, `‘`, `’`, …
pub const MID_NUM_LET: u8 = 12;
/// MidLetter: `:`, `·`, …
pub const MID_LETTER: u8 = 13;
/// MidNum: `,`, `;`, …
pub const MID_NUM: u8 = 14;
/// Numeric: digits of every script.
pub const NUMERIC: u8 = 15;
/// ExtendNumLet: `_` and other connectors.
pub const EXTEND_NUM_LET: u8 = 16;
/// WSegSpace: the space and other spaces that are not line breaks.
pub const W_SEG_SPACE: u8 = 17;
/// The class bits of a class byte.
pub const CLASS_MASK: u8 = 0x1f;
/// Set in a class byte when the char is Extended_Pictographic.
pub const EXT_PICT: u8 = 0x20;
/// Runs between two index entries.
pub const INDEX_EVERY: usize = 32;

/// The class byte of `c` as unicode-segmentation segments it.
pub fn probe(c: char) -> u8 {
    use unicode_segmentation::UnicodeSegmentation;
    let mut text = String::new();
    // Whether `before c after` is one segment.
    let mut joined = |before: &str, after: &str| {
        text.clear();
        text.push_str(before);
        text.push(c);
        text.push_str(after);
        text.split_word_bound_indices().nth(1).is_none()
    };
    // CR × LF (WB3).
    if c != '\n' && joined("", "\n") {
        return CR;
    }
    if c != '\r' && joined("\r", "") {
        return LF;
    }
    // Any other char keeps a following combining mark (WB4); a line break does not (WB3a).
    if !joined("", "\u{301}") {
        return NEWLINE;
    }
    // ZWJ × Extended_Pictographic (WB3c).
    let pictographic = joined("\u{200d}", "");
    let class = if joined("a", "") {
        // After a letter: letters, digits, connectors (WB5, WB9, WB13a) and the marks,
        // which alone at the start stand alone.
        if !joined("", "a") {
            if joined("", "\u{a9}") {
                ZWJ
            } else {
                EXTEND
            }
        } else if joined("a.", "") {
            // Letter . letter (WB6, WB7); Hebrew × ' (WB7a).
            if joined("", "'") {
                HEBREW_LETTER
            } else {
                ALETTER
            }
        } else if joined("1.", "") {
            NUMERIC
        } else {
            EXTEND_NUM_LET
        }
    } else if joined("", "\u{30a2}") {
        KATAKANA
    } else if joined("", "\u{1f1e6}") {
        REGIONAL_INDICATOR
    } else if joined("", "\u{2003}") {
        W_SEG_SPACE
    } else {
        match (joined("a", "a"), joined("1", "1")) {
            (true, true) => {
                if joined("\u{5d0}", "") {
                    SINGLE_QUOTE
                } else {
                    MID_NUM_LET
                }
            }
            (true, false) => MID_LETTER,
            (false, true) => MID_NUM,
            (false, false) => {
                if joined("\u{5d0}", "\u{5d0}") {
                    DOUBLE_QUOTE
                } else {
                    ANY
                }
            }
        }
    };
    // After a ZWJ the marks join anyway (WB4): the bit would say nothing.
    if pictographic && class != EXTEND && class != ZWJ {
        class | EXT_PICT
    } else {
        class
    }
}

/// The class byte of `c` from Unicode's data (ICU4X's compiled Word_Break map and
/// Extended_Pictographic set): the class of its Word_Break value (Format as Extend; the
/// values UAX #29 no longer uses, and Other, as Any), and `EXT_PICT` for a pictograph
/// that is not Extend or ZWJ.
pub fn from_data(c: char) -> u8 {
    use icu_properties::props::{ExtendedPictographic, WordBreak};
    use icu_properties::{CodePointMapData, CodePointSetData};
    let class = match CodePointMapData::<WordBreak>::new().get(c) {
        WordBreak::CR => CR,
        WordBreak::LF => LF,
        WordBreak::Newline => NEWLINE,
        WordBreak::Extend | WordBreak::Format => EXTEND,
        WordBreak::ZWJ => ZWJ,
        WordBreak::RegionalIndicator => REGIONAL_INDICATOR,
        WordBreak::Katakana => KATAKANA,
        WordBreak::HebrewLetter => HEBREW_LETTER,
        WordBreak::ALetter => ALETTER,
        WordBreak::SingleQuote => SINGLE_QUOTE,
        WordBreak::DoubleQuote => DOUBLE_QUOTE,
        WordBreak::MidNumLet => MID_NUM_LET,
        WordBreak::MidLetter => MID_LETTER,
        WordBreak::MidNum => MID_NUM,
        WordBreak::Numeric => NUMERIC,
        WordBreak::ExtendNumLet => EXTEND_NUM_LET,
        WordBreak::WSegSpace => W_SEG_SPACE,
        _ => ANY,
    };
    let pictographic = CodePointSetData::new::<ExtendedPictographic>().contains(c);
    if pictographic && class != EXTEND && class != ZWJ {
        class | EXT_PICT
    } else {
        class
    }
}

/// The runs of `class_of` over every code point: (first char, class byte).
pub fn runs(class_of: impl Fn(char) -> u8) -> Vec<(u32, u8)> {
    let mut runs: Vec<(u32, u8)> = Vec::new();
    for code in 0..=0x10_ffff_u32 {
        // Surrogates are no chars; they take the class of their neighbours' run.
        let class = match char::from_u32(code) {
            Some(c) => class_of(c),
            None => runs.last().map_or(ANY, |r| r.1),
        };
        if runs.last().is_none_or(|r| r.1 != class) {
            runs.push((code, class));
        }
    }
    runs
}

/// The Rust source of `src/text/word_break_table.rs`.
pub fn source(runs: &[(u32, u8)], unicode_version: (u64, u64, u64)) -> String {
    let mut bytes = Vec::new();
    let mut index = Vec::new();
    for (i, &(start, class)) in runs.iter().enumerate() {
        if i % INDEX_EVERY == 0 {
            index.push((start, bytes.len()));
        }
        let end = runs.get(i + 1).map_or(0x11_0000, |r| r.0);
        bytes.push(class);
        let mut len = end - start;
        loop {
            let low = (len & 0x7f) as u8;
            len >>= 7;
            if len == 0 {
                bytes.push(low);
                break;
            }
            bytes.push(low | 0x80);
        }
    }
    let mut out = String::new();
    let (major, minor, update) = unicode_version;
    let _ = writeln!(
        out,
        "// Generated by build/word_break_table.rs from Unicode's data (icu_properties; \
         Unicode {major}.{minor}.{update}): {} runs.\n// Do not edit; regenerate with \
         `cargo xtask codegen`.\n",
        runs.len()
    );
    for (name, value) in [
        ("ANY", ANY),
        ("CR", CR),
        ("LF", LF),
        ("NEWLINE", NEWLINE),
        ("EXTEND", EXTEND),
        ("ZWJ", ZWJ),
        ("REGIONAL_INDICATOR", REGIONAL_INDICATOR),
        ("KATAKANA", KATAKANA),
        ("HEBREW_LETTER", HEBREW_LETTER),
        ("ALETTER", ALETTER),
        ("SINGLE_QUOTE", SINGLE_QUOTE),
        ("DOUBLE_QUOTE", DOUBLE_QUOTE),
        ("MID_NUM_LET", MID_NUM_LET),
        ("MID_LETTER", MID_LETTER),
        ("MID_NUM", MID_NUM),
        ("NUMERIC", NUMERIC),
        ("EXTEND_NUM_LET", EXTEND_NUM_LET),
        ("W_SEG_SPACE", W_SEG_SPACE),
        ("CLASS_MASK", CLASS_MASK),
        ("EXT_PICT", EXT_PICT),
    ] {
        let _ = writeln!(out, "pub const {name}: u8 = {value};");
    }
    let _ = write!(out, "pub static INDEX_START: [u32; {}] = [", index.len());
    for (i, (start, _)) in index.iter().enumerate() {
        let _ = write!(out, "{}{start}", if i % 12 == 0 { "\n    " } else { " " });
        out.push(',');
    }
    let _ = write!(out, "\n];\npub static INDEX_AT: [u16; {}] = [", index.len());
    for (i, (_, at)) in index.iter().enumerate() {
        let _ = write!(out, "{}{at}", if i % 16 == 0 { "\n    " } else { " " });
        out.push(',');
    }
    let _ = write!(out, "\n];\npub static RUNS: [u8; {}] = [", bytes.len());
    for (i, b) in bytes.iter().enumerate() {
        let _ = write!(out, "{}{b}", if i % 24 == 0 { "\n    " } else { " " });
        out.push(',');
    }
    out.push_str("\n];\n");
    out
}
