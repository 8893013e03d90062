//! Folding: the form under which two spellings of a word are the same term.
//!
//! Case folding (lowercase, `ß` → `ss`, final `ς` → `σ`), diacritic folding for the
//! Latin, Greek and Cyrillic scripts (`café` → `cafe`, `ё` → `е`; but `й` stays, being a
//! letter of its own in Russian), curly apostrophes → `'` and Unicode hyphens → `-`.
//! Other scripts (Hangul, kana, Han, …) are only lowercased: stripping their marks would
//! change the word (が is not か; a Hangul syllable is not its jamo).

mod table {
    include!(concat!(env!("OUT_DIR"), "/fold_table.rs"));
}

/// Appends the folded form of `word` to `out`.
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
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            c if c.is_ascii() => out.push(c),
            '\u{2018}' | '\u{2019}' | '\u{02bc}' => out.push('\''),
            '\u{2010}' | '\u{2011}' => out.push('-'),
            'ß' | 'ẞ' => out.push_str("ss"),
            'ς' => out.push('σ'),
            'й' | 'Й' => out.push('й'),
            c if has_foldable_diacritics(c) => match folded(c) {
                Some(Some(f)) => out.push(f),
                Some(None) => {}
                None => out.extend(c.to_lowercase()),
            },
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The folded form of `word`.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// The folded form of a char of the folded ranges whose diacritics go (`Some(None)`: a
/// lone combining mark, dropped), or `None` when lowercasing is all it takes. The table is
/// generated at build time from the unicode-normalization crate's canonical
/// decompositions (`build/fold_table.rs`); the tests compare it with them.
fn folded(c: char) -> Option<Option<char>> {
    let code = u16::try_from(u32::from(c)).ok()?;
    let i = table::FOLD
        .binary_search_by_key(&code, |&(from, _)| from)
        .ok()?;
    let &(_, to) = table::FOLD.get(i)?;
    Some(char::from_u32(u32::from(to)).filter(|_| to != 0))
}

/// Latin (with its extensions), Greek, Cyrillic and the combining marks themselves.
fn has_foldable_diacritics(c: char) -> bool {
    matches!(c, '\u{00c0}'..='\u{058f}' | '\u{1e00}'..='\u{1fff}')
}

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
        ];
        for (input, expected) in cases {
            assert_eq!(fold(input), expected, "fold({input:?})");
        }
    }

    /// The generated table folds every char of the folded ranges as the
    /// unicode-normalization crate's decomposition does.
    #[test]
    fn table_equals_decomposition() {
        use unicode_normalization::char::{decompose_canonical, is_combining_mark};
        for code in (0x00c0..=0x058f).chain(0x1e00..=0x1fff) {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            if matches!(c, 'ß' | 'ẞ' | 'ς' | 'й' | 'Й' | '\u{02bc}') {
                continue; // special-cased in fold_into
            }
            let mut expected = String::new();
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    expected.extend(d.to_lowercase());
                }
            });
            assert_eq!(fold(&c.to_string()), expected, "U+{code:04X} {c}");
        }
    }
}
