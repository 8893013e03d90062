//! The number arrays that cross into JavaScript (as typed arrays: one copy each, no
//! per-object conversion), for the rows of a ranking and the highlights of one article.
//!
//! - rows, 3 numbers a row, best first: `[article, matches, score]` (a `Float64Array`:
//!   every u32 and f32 is exact in an f64);
//! - fields of one article, in reading order, each `[block, part, n]` then `n` spans as
//!   `start, end, how` — `[start, end)` in UTF-16 code units of the field's text, `how` it
//!   matched ([`crate::MatchKind::code`]: 0 exact, 1 stem, 2 fuzzy, 3 prefix) — (an `Int32Array`):
//!   `block` −1 title, −2 lede; `part` 0 text, 1 card title, 2 card author, 3 card teaser.

use crate::article::Part;
use crate::query::MatchKind;
use crate::results::fields::FieldHit;
use crate::results::hits::Row;
use crate::results::snippet::Snippet;
use crate::span::Span;

/// A snippet as `[block, part, start, end, cut before, cut after, n, start, end, how, …]`:
/// the range shown and then `n` marks, in UTF-16 code units of the field's text (`how` as in
/// [`fields`]); empty without a snippet.
pub fn snippet(snippet: Option<&Snippet>, field_text: &str) -> Vec<i32> {
    let Some(s) = snippet else {
        return Vec::new();
    };
    let (range, marks) = to_utf16(s, field_text);
    let mut out = vec![
        s.addr.block,
        part_code(s.addr.part),
        to_i32(range.start),
        to_i32(range.end),
        i32::from(s.cut.0),
        i32::from(s.cut.1),
        i32::try_from(marks.len()).unwrap_or(i32::MAX),
    ];
    for (span, (_, how)) in marks.iter().zip(&s.marks) {
        out.extend([to_i32(span.start), to_i32(span.end), i32::from(how.code())]);
    }
    out
}

/// A snippet in UTF-16 code units of its field's text, for JavaScript: `range`, then the
/// marks — the numbers [`snippet`] lays out.
fn to_utf16(snippet: &Snippet, field_text: &str) -> (Span, Vec<Span>) {
    let range = crate::span::to_utf16(field_text, &[snippet.range]);
    let marks: Vec<Span> = snippet.marks.iter().map(|(s, _)| *s).collect();
    (
        range.first().copied().unwrap_or_default(),
        crate::span::to_utf16(field_text, &marks),
    )
}

/// Marks of one field as `[n, start, end, how, …]`, in UTF-16 units of `text` (their
/// byte spans are of `text`).
pub fn marks(text: &str, marks: &[(Span, MatchKind)]) -> Vec<i32> {
    let spans: Vec<Span> = marks.iter().map(|(s, _)| *s).collect();
    let mut out = vec![i32::try_from(marks.len()).unwrap_or(i32::MAX)];
    for (span, (_, how)) in crate::span::to_utf16(text, &spans).iter().zip(marks) {
        out.extend([to_i32(span.start), to_i32(span.end), i32::from(how.code())]);
    }
    out
}

/// The number JavaScript sees for a part.
pub fn part_code(part: Part) -> i32 {
    match part {
        Part::Text => 0,
        Part::Title => 1,
        Part::Author => 2,
        Part::Teaser => 3,
    }
}

/// Rows as `[article, matches, score]…`.
pub fn rows(rows: &[Row]) -> Vec<f64> {
    rows.iter()
        .flat_map(|r| {
            [
                f64::from(r.article),
                f64::from(r.matches),
                f64::from(r.score),
            ]
        })
        .collect()
}

/// Fields as `[block, part, n, start, end, how, …]…` (UTF-16 spans): the first `limit`
/// spans in the fields' order (a field cut short says how many it gives; the fields after
/// the limit are not listed).
pub fn fields(fields: &[FieldHit], limit: usize) -> Vec<i32> {
    let mut out = Vec::new();
    let mut left = limit;
    for field in fields {
        if left == 0 {
            break;
        }
        let n = field.utf16.len().min(left);
        left -= n;
        out.extend([
            field.addr.block,
            part_code(field.addr.part),
            i32::try_from(n).unwrap_or(i32::MAX),
        ]);
        for (i, span) in field.utf16.iter().enumerate().take(n) {
            let how = field.matched.get(i).copied().unwrap_or_default();
            out.extend([to_i32(span.start), to_i32(span.end), i32::from(how.code())]);
        }
    }
    out
}

fn to_i32(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{FieldAddr, Kind};
    use crate::span::Span;
    use crate::MatchKind;

    #[test]
    fn layout() {
        let rows_in = [
            Row {
                article: 7,
                score: 1.5,
                matches: 3,
            },
            Row {
                article: 2,
                score: 0.25,
                matches: 1,
            },
        ];
        assert_eq!(rows(&rows_in), [7.0, 3.0, 1.5, 2.0, 1.0, 0.25]);
        let field = |block, part, spans: &[(u32, u32, MatchKind)]| FieldHit {
            addr: FieldAddr { block, part },
            kind: Kind::Card,
            spans: Vec::new(),
            utf16: spans.iter().map(|&(s, e, _)| Span::new(s, e)).collect(),
            matched: spans.iter().map(|&(_, _, k)| k).collect(),
        };
        let f = [
            field(-1, Part::Text, &[(0, 5, MatchKind::Exact)]),
            field(
                3,
                Part::Author,
                &[(1, 2, MatchKind::Stem), (4, 9, MatchKind::Fuzzy)],
            ),
        ];
        assert_eq!(
            fields(&f, usize::MAX),
            [-1, 0, 1, 0, 5, 0, 3, 2, 2, 1, 2, 1, 4, 9, 2]
        );
        // The first marks in the fields' order: the second field cut to one, or left out.
        assert_eq!(fields(&f, 2), [-1, 0, 1, 0, 5, 0, 3, 2, 1, 1, 2, 1]);
        assert_eq!(fields(&f, 1), [-1, 0, 1, 0, 5, 0]);
        assert_eq!(fields(&f, 0), [0; 0]);
        // A title's marks, bytes to UTF-16: "Сеул" is 8 bytes, 4 units; 🇰🇷 8 bytes, 4 units.
        let title = "Сеул 🇰🇷 Seoul";
        let spans = [
            (Span::new(0, 8), MatchKind::Stem),
            (Span::new(18, 23), MatchKind::Prefix),
        ];
        assert_eq!(marks(title, &spans), [2, 0, 4, 1, 10, 15, 3]);
        assert_eq!(marks(title, &[]), [0]);
    }
}
