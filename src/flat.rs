//! A search result flattened into four number arrays, the shape that crosses into
//! JavaScript as typed arrays (one copy each, no per-object conversion).
//!
//! Layout (indices are into the next array down):
//! - `articles`: 4 numbers per matching article, best first:
//!   `[article, matches, first_field, field_count]`
//! - `scores`: 1 number per matching article
//! - `fields`: 4 numbers per matching field, in reading order within its article:
//!   `[block, part, first_span, span_count]` — `block` -1 title, -2 lede;
//!   `part` 0 text, 1 card title, 2 card author, 3 card teaser
//! - `spans`: 2 numbers per span, `[start, end)` in UTF-16 code units of the field's text

use crate::article::Part;
use crate::search::SearchResult;

/// Numbers per entry of each array.
pub const ARTICLE_STRIDE: usize = 4;
/// Numbers per field entry.
pub const FIELD_STRIDE: usize = 4;
/// Numbers per span entry.
pub const SPAN_STRIDE: usize = 2;

/// The flattened arrays of one result.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Flat {
    /// `[article, matches, first_field, field_count]` per article.
    pub articles: Vec<u32>,
    /// Score per article.
    pub scores: Vec<f64>,
    /// `[block, part, first_span, span_count]` per field.
    pub fields: Vec<i32>,
    /// `[start, end)` UTF-16 per span.
    pub spans: Vec<u32>,
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

fn n32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn i32_of(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// Flattens a result.
pub fn flatten(result: &SearchResult) -> Flat {
    let mut flat = Flat::default();
    for hit in &result.articles {
        flat.articles.extend([
            hit.article,
            hit.matches,
            n32(flat.fields.len() / FIELD_STRIDE),
            n32(hit.fields.len()),
        ]);
        flat.scores.push(hit.score);
        for field in &hit.fields {
            flat.fields.extend([
                field.addr.block,
                part_code(field.addr.part),
                i32_of(flat.spans.len() / SPAN_STRIDE),
                i32_of(field.utf16.len()),
            ]);
            flat.spans
                .extend(field.utf16.iter().flat_map(|s| [s.start, s.end]));
        }
    }
    flat
}
