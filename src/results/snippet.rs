//! Snippets: an article's best excerpt for a result list — about [`WORDS`] words of one
//! field around its densest matches, with the matches marked.
//!
//! Of the article's fields other than the title (which the list shows anyway), the window
//! of [`WORDS`] consecutive words holding the most matches wins, each match counted by how
//! it matched ([`crate::rank::match_weight`]); ties go to the earlier window in reading
//! order. The window is then centred on the matches it holds: the words they leave over
//! go half before, half after, as far as the field allows. Words are whitespace-separated
//! (as BM25F counts them), so a window never cuts a word.
//!
//! Invariant: `range` lies within its field's text on char boundaries (the starts and ends
//! of whitespace-separated words), and `marks` are sorted, non-overlapping and inside
//! `range`, in field offsets.

use crate::article::{FieldAddr, Kind};
use crate::index::text::ArticleText;
use crate::index::Index;
use crate::query::MatchKind;
use crate::rank;
use crate::span::Span;
use crate::Article;
use serde::Serialize;

/// The words a snippet shows, about.
pub const WORDS: usize = 30;

/// An excerpt of one field.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Snippet {
    /// The field.
    pub addr: FieldAddr,
    /// Bytes of the field's text shown.
    pub range: Span,
    /// Whether the field goes on before and after the range (the list shows "…").
    pub cut: (bool, bool),
    /// The matches inside the range, in bytes of the field's text, and how each matched.
    pub marks: Vec<(Span, MatchKind)>,
}

/// The best snippet of article `a`, whose matches are `spans` (merged, in its offset
/// space, sorted; [`crate::query::Evaluation::article_spans`]); `None` without a match
/// outside the title.
pub fn best(
    index: &Index,
    articles: &[Article],
    a: u32,
    spans: &[(Span, MatchKind)],
) -> Option<Snippet> {
    // The best window so far, and its field.
    let mut best: Option<(Window, FieldAddr)> = None;
    ArticleText::new(index, articles, a).per_field(spans, |info, text, here| {
        if info.kind == Kind::Title {
            return;
        }
        if let Some(window) = densest(&word_bounds(text), &here) {
            if best.as_ref().is_none_or(|(w, _)| window.weight > w.weight) {
                best = Some((window, info.addr()));
            }
        }
    });
    let (Window { range, marks, .. }, addr) = best?;
    let text = articles.get(a as usize).and_then(|article| article.field(addr));
    debug_assert!(
        text.is_some_and(|text| range.slice(text).is_some()
            && crate::span::are_marks(text, marks.iter().map(|&(s, _)| s))
            && marks.iter().all(|(s, _)| range.start <= s.start && s.end <= range.end)),
        "a snippet's range and marks lie in its field, on char boundaries"
    );
    let field_len = text.map_or(0, str::len);
    Some(Snippet {
        addr,
        range,
        cut: (range.start > 0, (range.end as usize) < field_len),
        marks,
    })
}

/// The byte ranges of `text`'s whitespace-separated words.
fn word_bounds(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(Span::new(s as u32, i as u32));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s as u32, text.len() as u32));
    }
    out
}

/// A window of a field: the weight of the marks it holds, its bytes, the marks.
struct Window {
    weight: f32,
    range: Span,
    marks: Vec<(Span, MatchKind)>,
}

/// The window of [`WORDS`] words holding the most weight of `marks` (sorted, in the
/// field's bytes), its range centred on its marks.
fn densest(words: &[Span], marks: &[(Span, MatchKind)]) -> Option<Window> {
    // Each mark's first and last word.
    let word_of = |at: u32| {
        words
            .partition_point(|w| w.end <= at)
            .min(words.len().saturating_sub(1))
    };
    let at: Vec<(usize, usize, f32)> = marks
        .iter()
        .map(|(s, k)| {
            (
                word_of(s.start),
                word_of(s.end.saturating_sub(1)),
                rank::match_weight(*k),
            )
        })
        .collect();
    // Two pointers: marks first..last fit in WORDS words from the first's word.
    let mut top: Option<(f32, usize, usize)> = None;
    let mut last = 0;
    let mut weight = 0.0f32;
    for (first, &(from, _, _)) in at.iter().enumerate() {
        if last < first {
            last = first;
            weight = 0.0;
        }
        while let Some(&(_, to, w)) = at.get(last) {
            if to >= from + WORDS {
                break;
            }
            weight += w;
            last += 1;
        }
        if last > first && top.is_none_or(|(w, ..)| weight > w) {
            top = Some((weight, first, last));
        }
        weight -= at.get(first).map_or(0.0, |m| m.2);
    }
    let (weight, first, last) = top?;
    let (from, to) = (at.get(first)?.0, at.get(last - 1)?.1);
    // Centre: the words left over, half before and half after, within the field.
    let spare = (WORDS - 1).saturating_sub(to - from);
    let mut start = from.saturating_sub(spare / 2);
    let end = (start + WORDS).min(words.len()).max(to + 1);
    start = end.saturating_sub(WORDS).min(start);
    let range = Span::new(words.get(start)?.start, words.get(end - 1)?.end);
    let inside = marks
        .iter()
        .filter(|(s, _)| s.start >= range.start && s.end <= range.end)
        .copied()
        .collect();
    Some(Window {
        weight,
        range,
        marks: inside,
    })
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::{article, Corpus};

    fn corpus(texts: &[&str]) -> Corpus {
        Corpus::new(
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| (format!("{i}.txt"), article::parse(t).unwrap()))
                .collect(),
        )
    }

    /// The snippet of the first article for `query`: its text with the marks in brackets.
    fn shown(corpus: &Corpus, query: &str) -> Option<String> {
        let hits = corpus.hits(query);
        let s = hits.snippet(corpus.index(), corpus.articles(), 0)?;
        let text = corpus.articles()[0].field(s.addr).unwrap();
        let mut out = String::new();
        let mut at = s.range.start as usize;
        for (m, _) in &s.marks {
            out.push_str(&text[at..m.start as usize]);
            out.push_str(&format!("[{}]", m.slice(text).unwrap()));
            at = m.end as usize;
        }
        out.push_str(&text[at..s.range.end as usize]);
        Some(format!(
            "{}{out}{}",
            if s.cut.0 { "… " } else { "" },
            if s.cut.1 { " …" } else { "" }
        ))
    }

    #[test]
    fn words_are_whitespace_separated() {
        let w: Vec<(u32, u32)> = word_bounds("  ab c,d\u{a0}é  ")
            .iter()
            .map(|s| (s.start, s.end))
            .collect();
        assert_eq!(w, [(2, 4), (5, 8), (10, 12)]);
        assert!(word_bounds("   ").is_empty());
    }

    #[test]
    fn the_densest_window_centred() {
        let words: Vec<String> = (0..100).map(|i| format!("w{i}")).collect();
        let mut text = words.join(" ");
        for i in [3, 60, 62, 65] {
            text = text.replace(&format!(" w{i} "), &format!(" seoul{i} "));
        }
        let text = text
            .replace("seoul3 ", "seoul ")
            .replace("seoul60 ", "seoul ");
        let text = text
            .replace("seoul62 ", "seoul ")
            .replace("seoul65 ", "seoul ");
        let c = corpus(&[&format!("Title\n\n{text}\n")]);
        let got = shown(&c, "seoul").unwrap();
        // The three close matches (words 60, 62, 65), not the lone one; 30 words, the 24
        // left over split before and after.
        assert_eq!(got.matches("[seoul]").count(), 3, "{got}");
        assert!(got.starts_with("… w48 "), "{got}");
        assert!(got.ends_with(" w77 …"), "{got}");
        assert_eq!(got.split_whitespace().filter(|w| *w != "…").count(), WORDS);
    }

    #[test]
    fn near_the_ends_of_a_field_and_short_fields() {
        let c = corpus(&[
            "Seoul talks\n\nA lede about nothing much\n\nShort paragraph on Seoul.\n",
            "Seoul talks\n\nA lede\n\nNothing here.\n",
        ]);
        assert_eq!(
            shown(&c, "seoul").as_deref(),
            Some("Short paragraph on [Seoul].")
        );
        // Only in the title: no snippet (the list shows the title).
        let only_title = corpus(&["Seoul talks\n\nA lede\n\nNothing here.\n"]);
        assert_eq!(shown(&only_title, "seoul"), None);
        // Nothing asked: no snippet.
        assert_eq!(shown(&c, ""), None);
        let long: Vec<String> = (0..50).map(|i| format!("w{i}")).collect();
        let c = corpus(&[&format!("T\n\n{} Seoul\n", long.join(" "))]);
        let got = shown(&c, "seoul").unwrap();
        assert!(
            got.starts_with("… w21 ") && got.ends_with(" [Seoul]"),
            "{got}"
        );
    }

    #[test]
    fn a_stemmed_match_counts_for_less() {
        // Two paragraphs with two matches each: the exact ones win.
        let c = corpus(&[
            "Notes\n\nA lede of the notes for the day\n\nThe sanctions and more sanctions were discussed at length by the council.\n\nOne sanction and another sanction were discussed at length by the council.\n",
        ]);
        let got = shown(&c, "sanction").unwrap();
        assert!(got.starts_with("One [sanction]"), "{got}");
    }
}
