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
    /// A span from `start` to `end`.
    pub const fn new(start: u32, end: u32) -> Span {
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
/// After it: sorted by start, pairwise non-overlapping, none empty.
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

/// Converts sorted byte spans into `text` to UTF-16 code-unit spans, in one pass.
///
/// Precondition: `spans` sorted by start with ends on char boundaries (as [`merge`]
/// leaves them). An offset that is not a char boundary maps to the next boundary; one
/// past the end maps to the text's UTF-16 length.
pub fn to_utf16(text: &str, spans: &[Span]) -> Vec<Span> {
    // Every start and end, in order, mapped by one walk over the text.
    let mut offsets: Vec<u32> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    let mut order: Vec<u64> = offsets
        .iter()
        .enumerate()
        .map(|(i, &o)| (u64::from(o) << 32) | i as u64)
        .collect();
    // Sorted, non-overlapping spans give ascending offsets already (`sort_u64` only checks).
    crate::sort::sort_u64(&mut order);

    // One walk over the bytes: a char is a byte that is not a continuation byte, and a
    // 4-byte char (its first byte ≥ 0xF0) is two UTF-16 units. Byte counting is several
    // times faster than decoding chars.
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
            let chunk = bytes.get(at..target).unwrap_or(&[]);
            units += chunk
                .iter()
                .map(|&b| u32::from(b & 0xc0 != 0x80) + u32::from(b >= 0xf0))
                .sum::<u32>();
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

#[cfg(test)]
mod tests {
    use super::*;

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
        check_utf16("ab", &[(0, 9)], &[(0, 2)]); // past the end → the end
    }
}
