//! Folding: the form under which two spellings of a word are the same term.
//!
//! Case folding (lowercase, `ß` → `ss`, final `ς` → `σ`), diacritic folding for the
//! Latin, Greek and Cyrillic scripts (`café` → `cafe`, `ё` → `е`; but `й` stays, being a
//! letter of its own in Russian), curly apostrophes → `'` and Unicode hyphens → `-`;
//! format characters (soft hyphens, zero-width joiners and non-joiners, bidi controls,
//! the BOM) fold to nothing, so a word written with them is the word.
//! Other scripts (Hangul, kana, Han, …) are only lowercased: stripping their marks would
//! change the word (が is not か; a Hangul syllable is not its jamo).
//!
//! Each char folds on its own, to nothing, one char or a few. ASCII is lowercased here;
//! every other char is looked up in one generated table (`fold_table.rs`, checked in,
//! written by `build/fold_table.rs` from Unicode's data: unicode-normalization's
//! decompositions and ICU4X's lowercasing; `cargo xtask codegen`), so the wasm links
//! neither those crates' tables nor core's case conversion tables.

/// The generated runs: `STARTS`, `FOLDS`, `STRINGS` and the layout's constants.
#[rustfmt::skip]
mod table {
    include!("fold_table.rs");
}

/// Appends the folded form of `word` to `out`: the folded forms of its chars, in order
/// (what is already in `out` is kept).
pub fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        // Most words: lowercasing is all there is to it.
        let start = out.len();
        out.push_str(word);
        if let Some(tail) = out.get_mut(start..) {
            tail.make_ascii_lowercase();
        }
        return;
    }
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            fold_char(c, out);
        }
    }
}

/// The folded form of `word`.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// Appends the folded form of the non-ASCII char `c` to `out`: nothing, one char or a few
/// (`ß` → `ss`). The table is generated at build time by `build/fold_table.rs`, which
/// defines the folded form (`reference_fold`) and documents the runs' layout; the tests
/// compare the result with the same sources for every char.
fn fold_char(c: char, out: &mut String) {
    use table::{CONSTANT, DELTA, DELTA2, EMPTY, KIND_MASK, LEN_MASK, LEN_SHIFT, MULTI};
    use table::{VALUE_MASK, VALUE_SHIFT};
    // No arithmetic below overflows: chars and values are below 2²¹, offsets below 2⁸.
    let code = u32::from(c);
    // The last run starting at or before `c`: does it cover `c`?
    let i = table::STARTS.partition_point(|&start| start <= code);
    let run = i
        .checked_sub(1)
        .and_then(|i| table::STARTS.get(i).zip(table::FOLDS.get(i)));
    let Some((&start, &fold)) = run else {
        out.push(c);
        return;
    };
    let offset = code - start;
    if offset >= (fold >> LEN_SHIFT) & LEN_MASK {
        out.push(c);
        return;
    }
    let value = fold >> VALUE_SHIFT;
    let one = match fold & KIND_MASK {
        DELTA => (code + value) & VALUE_MASK,
        DELTA2 if offset % 2 == 0 => (code + value) & VALUE_MASK,
        CONSTANT => value,
        EMPTY => return,
        MULTI => {
            if let Some(s) = table::STRINGS.get((value + offset) as usize) {
                out.push_str(s);
                return;
            }
            code
        }
        _ => code, // DELTA2 at an odd offset
    };
    // A run's targets are chars and its strings exist (the tests check every char).
    out.push(char::from_u32(one).unwrap_or(c));
}

/// The table's generator itself, for the tests: its `reference_fold` states every char's
/// fold with unicode-normalization's decompositions and ICU4X's lowercasing, no table.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(dead_code)]
#[path = "../../build/fold_table.rs"]
mod generator;

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folding() {
        let cases = [
            ("Seoul", "seoul"),
            ("café", "cafe"),
            ("cafe\u{301}", "cafe"), // decomposed input
            ("CAFÉ", "cafe"),
            ("Ёлка", "елка"),
            ("ёлка", "елка"),
            ("Йошкар", "йошкар"),
            ("Straße", "strasse"),
            ("ΟΔΟΣ", "οδοσ"),
            ("οδός", "οδοσ"),
            ("Club’s", "club's"),
            ("Jae\u{2010}Young", "jae-young"),
            ("서울", "서울"),
            ("がっこう", "がっこう"),
            ("Nguyễn", "nguyen"),
            ("İstanbul", "istanbul"),
            ("Øresund", "øresund"), // ø has no decomposition: lowercased only
            ("co\u{ad}operation", "cooperation"), // a soft hyphen
            ("word\u{200c}joiner", "wordjoiner"),
            ("hello\u{202e}world\u{202c}", "helloworld"),
            ("\u{feff}Seoul", "seoul"),
        ];
        for (input, expected) in cases {
            assert_eq!(fold(input), expected, "fold({input:?})");
        }
    }

    /// The checked-in table is what the generator makes of Unicode's data now (`cargo
    /// xtask codegen` writes it).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn table_is_generated_from_unicode_data() {
        let source = super::generator::source().unwrap();
        expect_test::expect_file!["fold_table.rs"].assert_eq(&source);
    }

    /// The generated table folds every char as the unicode-normalization crate's
    /// decompositions and core's lowercasing do, alone and inside a word.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn table_equals_reference() {
        // The table is what `generator::source` wrote at build time; decoding it must give back the
        // generator's reference for every char.
        for code in 0..=u32::from(char::MAX) {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let expected = super::generator::reference_fold(c);
            assert_eq!(fold(&c.to_string()), expected, "U+{code:04X} {c}");
            assert_eq!(
                fold(&format!("é{c}Z")),
                format!("e{expected}z"),
                "U+{code:04X} {c} in a word"
            );
        }
    }
}
