//! Spans: half-open ranges into a field's text, their merging, and their UTF-16 form.
//!
//! Inside Rust every offset is a byte offset; JavaScript indexes strings by UTF-16 code
//! units, so [`to_utf16`] converts once, here in the core, where native tests reach it.

use serde::Serialize;

/// A half-open range `[start, end)` into one text.
///
/// Invariant (of every span the engine produces): `start <= end <= text.len()` and both
/// ends lie on boundaries of that text's unit — char boundaries for byte spans, code-unit
/// boundaries that never split a surrogate pair for UTF-16 spans.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First unit inside the range.
    pub start: u32,
    /// First unit after the range.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` (`start <= end`).
    pub const fn new(start: u32, end: u32) -> Span {
        debug_assert!(start <= end, "a span ends before it starts");
        Span { start, end }
    }

    /// The span as a `usize` range, for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The text the span covers, or `None` when it is out of bounds or off a char boundary.
    pub fn slice(self, text: &str) -> Option<&str> {
        text.get(self.range())
    }
}

/// Sorts `spans` and merges those that overlap, in place. Touching spans (`a.end ==
/// b.start`) stay apart: each is a match of its own. Empty spans are dropped.
///
/// After it: sorted by start, pairwise non-overlapping, none empty. For the tests (the
/// naive oracle); the engine merges marks with their kinds ([`merge_kinds`]).
#[cfg(any(test, feature = "internals"))]
pub fn merge(spans: &mut Vec<Span>) {
    // Sorted as u64 keys, start then end (`crate::sort`).
    let mut keys: Vec<u64> = spans
        .iter()
        .filter(|s| s.start < s.end)
        .map(|s| (u64::from(s.start) << 32) | u64::from(s.end))
        .collect();
    // Spans mostly come sorted already: `sort_u64` then only checks.
    crate::sort::sort_u64(&mut keys);
    let mut out: Vec<Span> = Vec::with_capacity(keys.len());
    for key in keys {
        let span = Span::new((key >> 32) as u32, key as u32);
        match out.last_mut() {
            Some(last) if span.start < last.end => last.end = last.end.max(span.end),
            _ => out.push(span),
        }
    }
    *spans = out;
}

/// [`merge`] for spans that each carry a rank (how they matched, best lowest): a merged
/// span keeps the best rank of the spans it covers.
pub fn merge_kinds<K: Copy + Ord>(spans: &mut Vec<(Span, K)>) {
    // Sorted by start (then input order): all the merge needs, ends are maxed.
    let mut keys: Vec<u64> = spans
        .iter()
        .enumerate()
        .filter(|(_, (s, _))| s.start < s.end)
        .map(|(i, (s, _))| (u64::from(s.start) << 32) | i as u64)
        .collect();
    crate::sort::sort_u64(&mut keys);
    let mut out: Vec<(Span, K)> = Vec::with_capacity(keys.len());
    for key in keys {
        let Some(&(span, kind)) = spans.get(key as u32 as usize) else {
            continue;
        };
        match out.last_mut() {
            Some((last, best)) if span.start < last.end => {
                last.end = last.end.max(span.end);
                *best = (*best).min(kind);
            }
            _ => out.push((span, kind)),
        }
    }
    *spans = out;
}

/// Whether `spans` are marks of `text` as the engine hands them on (a field's highlights,
/// a snippet's): sorted, apart (touching allowed), none empty, each on char boundaries of
/// `text` — what the UTF-16 conversion and the page's slicing assume. For `debug_assert!`s.
pub fn are_marks(text: &str, spans: impl IntoIterator<Item = Span>) -> bool {
    let mut end = 0;
    spans.into_iter().all(|s| {
        let ok = end <= s.start && s.start < s.end && s.slice(text).is_some();
        end = s.end;
        ok
    })
}

/// Converts sorted byte spans into `text` to UTF-16 code-unit spans, in one pass.
///
/// Precondition: `spans` sorted by start with ends on char boundaries (as [`merge`]
/// leaves them). An offset that is not a char boundary maps to the next boundary; one
/// past the end maps to the text's UTF-16 length.
pub fn to_utf16(text: &str, spans: &[Span]) -> Vec<Span> {
    debug_assert!(
        spans.is_sorted_by_key(|s| s.start) && spans.iter().all(|s| s.slice(text).is_some()),
        "spans sorted and on char boundaries of their text: {spans:?}"
    );
    // Every start and end, in order, mapped by one walk over the text.
    let mut offsets: Vec<u32> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    let mut order: Vec<u64> = offsets
        .iter()
        .enumerate()
        .map(|(i, &o)| (u64::from(o) << 32) | i as u64)
        .collect();
    // Sorted, non-overlapping spans give ascending offsets already (`sort_u64` only checks).
    crate::sort::sort_u64(&mut order);

    // One walk over the bytes, counting UTF-16 units (`utf16_units`).
    let bytes = text.as_bytes();
    let mut at = 0usize;
    let mut units: u32 = 0;
    for key in order {
        let Some(offset) = offsets.get_mut(key as u32 as usize) else {
            continue;
        };
        // An offset inside a char maps to the next boundary.
        let mut target = (*offset as usize).min(bytes.len());
        while target < bytes.len() && bytes.get(target).is_some_and(|b| b & 0xc0 == 0x80) {
            target += 1;
        }
        if target > at {
            units += utf16_units(bytes.get(at..target).unwrap_or(&[]));
            at = target;
        }
        *offset = units;
    }
    offsets
        .chunks_exact(2)
        .map(|pair| match pair {
            [start, end] => Span::new(*start, *end),
            _ => Span::new(0, 0),
        })
        .collect()
}

/// The UTF-16 length of the UTF-8 `bytes` (whole chars): a char is a byte that is not a
/// continuation byte (`0b10xx_xxxx`), and a 4-byte char (first byte ≥ 0xF0) is two units.
///
/// Counted eight bytes at a time in a `u64` (the wasm has no SIMD; a byte-by-byte count
/// was most of the time of a long paragraph's highlights): a byte's top bit and the bits
/// below it, shifted up into that place, mark the continuation bytes and 4-byte leads.
pub fn utf16_units(bytes: &[u8]) -> u32 {
    const TOP: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut units = 0u32;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        if w & TOP == 0 {
            units += 8; // ASCII
            continue;
        }
        let continuation = (w & !(w << 1) & TOP).count_ones();
        let four_byte_lead = (w & (w << 1) & (w << 2) & (w << 3) & TOP).count_ones();
        units += 8 - continuation + four_byte_lead;
    }
    units
        + chunks
            .remainder()
            .iter()
            .map(|&b| u32::from(b & 0xc0 != 0x80) + u32::from(b >= 0xf0))
            .sum::<u32>()
}

// proptest is a native dev-dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn utf16_units_counts_as_the_standard_library(text in "\\PC{0,40}", cut in 0usize..8) {
            let start = (0..=cut.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let tail = &text[start..];
            prop_assert_eq!(utf16_units(tail.as_bytes()) as usize, tail.encode_utf16().count());
        }
    }

    #[test]
    fn utf16_units_of_every_width() {
        for text in [
            "",
            "a",
            "abcdefgh",
            "abcdefghi",
            "é",
            "Сеул и Пусан, Сеул и Пусан",
            "😀😀😀",
            "서울 😀 x ab€cd",
        ] {
            assert_eq!(
                utf16_units(text.as_bytes()) as usize,
                text.encode_utf16().count(),
                "{text}"
            );
        }
    }

    fn check_merge(input: &[(u32, u32)], expected: &[(u32, u32)]) {
        let mut spans: Vec<Span> = input.iter().map(|&(s, e)| Span::new(s, e)).collect();
        merge(&mut spans);
        let got: Vec<(u32, u32)> = spans.iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(got, expected, "merge({input:?})");
    }

    #[test]
    fn merging() {
        check_merge(&[], &[]);
        check_merge(&[(0, 3)], &[(0, 3)]);
        check_merge(&[(4, 6), (0, 3)], &[(0, 3), (4, 6)]); // unsorted
        check_merge(&[(0, 3), (3, 5)], &[(0, 3), (3, 5)]); // touching stay apart
        check_merge(&[(0, 5), (2, 3)], &[(0, 5)]); // contained
        check_merge(&[(0, 3), (0, 3)], &[(0, 3)]); // duplicate
        check_merge(&[(0, 3), (2, 6), (5, 9)], &[(0, 9)]); // chained overlaps
        check_merge(&[(2, 2), (0, 1)], &[(0, 1)]); // empty dropped
    }

    fn check_utf16(text: &str, spans: &[(u32, u32)], expected: &[(u32, u32)]) {
        let spans: Vec<Span> = spans.iter().map(|&(s, e)| Span::new(s, e)).collect();
        let got: Vec<(u32, u32)> = to_utf16(text, &spans)
            .iter()
            .map(|s| (s.start, s.end))
            .collect();
        assert_eq!(got, expected, "to_utf16({text:?})");
    }

    #[test]
    fn utf16() {
        check_utf16("abc", &[(0, 1), (2, 3)], &[(0, 1), (2, 3)]);
        check_utf16("café au lait", &[(0, 5), (6, 8)], &[(0, 4), (5, 7)]);
        check_utf16("Сеул и Пусан", &[(0, 8), (12, 22)], &[(0, 4), (7, 12)]);
        check_utf16(
            "서울 😀 x",
            &[(0, 6), (7, 11), (12, 13)],
            &[(0, 2), (3, 5), (6, 7)],
        );
    }

    /// Out of its contract (a release build maps an offset past the end to the end), a
    /// span fails a debug build: a logic error upstream is caught, not papered over.
    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "on char boundaries of their text")]
    fn utf16_refuses_a_span_past_its_text() {
        to_utf16("ab", &[Span::new(0, 9)]);
    }

    #[test]
    fn marks_are_sorted_apart_non_empty_on_boundaries() {
        fn marks(spans: &[(u32, u32)]) -> Vec<Span> {
            spans.iter().map(|&(start, end)| Span { start, end }).collect()
        }
        assert!(are_marks("café au lait", marks(&[(0, 5), (6, 8), (8, 9)])));
        assert!(are_marks("", marks(&[])));
        assert!(!are_marks("café", marks(&[(0, 4)])), "inside é");
        assert!(!are_marks("abc", marks(&[(0, 2), (1, 3)])), "overlapping");
        assert!(!are_marks("abc", marks(&[(2, 3), (0, 1)])), "unsorted");
        assert!(!are_marks("abc", marks(&[(1, 1)])), "empty");
        assert!(!are_marks("abc", marks(&[(0, 4)])), "past the end");
    }
}
