//! One article's fields and texts, for turning positions (offsets in the article's offset
//! space, [`crate::index`]) into token spans. Built once per article a query looks into;
//! positions asked in ascending order are found by a moving cursor, others by binary
//! search.

use crate::article::Article;
use crate::index::{FieldInfo, Index};
use crate::query::MatchKind;
use crate::span::Span;
use crate::text::token::{is_gap, is_hyphen};
use crate::text::words::word_end_at;

/// An article's fields with their texts (each text looked up when first needed).
pub struct ArticleText<'i, 't> {
    infos: &'i [FieldInfo],
    article: Option<&'t Article>,
    cursor: usize,
    /// The text of field `cursor`, once looked up.
    text: Option<&'t str>,
}

impl<'i, 't> ArticleText<'i, 't> {
    /// Article `a` of `articles`, as `index` laid it out; no text while it has not
    /// arrived (which marks its chunk wanted: `src/index/parts.rs`).
    pub fn new(index: &'i Index, articles: &'t [Article], a: u32) -> ArticleText<'i, 't> {
        ArticleText {
            infos: index.fields_of(a),
            article: articles.get(a as usize).filter(|_| index.article_here(a)),
            cursor: 0,
            text: None,
        }
    }

    /// The field holding `at`, with its text.
    pub fn field(&mut self, at: u32) -> Option<(&'i FieldInfo, &'t str)> {
        let holds = |f: &FieldInfo| f.base <= at && at < f.base.saturating_add(f.len);
        if !self.infos.get(self.cursor).is_some_and(holds) {
            // Usually the next field or one soon after: step, else search.
            let next = self.cursor + 1;
            if self.infos.get(next).is_some_and(holds) {
                self.cursor = next;
            } else {
                let i = self.infos.partition_point(|f| f.base <= at).checked_sub(1);
                let i = i.filter(|&i| self.infos.get(i).is_some_and(holds));
                // Positions come from this article's posting entries or tokens.
                debug_assert!(
                    i.is_some() || self.infos.is_empty(),
                    "position {at} lies in none of the article's fields"
                );
                let i = i?;
                self.cursor = i;
            }
            self.text = None;
        }
        let info = self.infos.get(self.cursor)?;
        let text = match self.text {
            Some(text) => text,
            None => {
                let text = self.article?.field(info.addr())?;
                self.text = Some(text);
                text
            }
        };
        Some((info, text))
    }

    /// Calls `each` with every field holding some of `spans` (sorted, in the article's
    /// offset space), its text, and those spans in the field's own offsets (cut at its
    /// end), in reading order.
    pub fn per_field(
        &mut self,
        spans: &[(Span, MatchKind)],
        mut each: impl FnMut(&'i FieldInfo, &'t str, Vec<(Span, MatchKind)>),
    ) {
        debug_assert!(
            spans.is_sorted_by_key(|(s, _)| s.start),
            "an article's spans come sorted"
        );
        let mut i = 0;
        while let Some((first, _)) = spans.get(i) {
            let Some((info, text)) = self.field(first.start) else {
                i += 1;
                continue;
            };
            let end = info.base.saturating_add(info.len);
            let n = spans
                .get(i..)
                .unwrap_or(&[])
                .iter()
                .take_while(|(s, _)| s.start < end)
                .count()
                .max(1);
            let local = spans
                .get(i..i + n)
                .unwrap_or(&[])
                .iter()
                .map(|&(s, k)| {
                    (
                        Span::new(s.start - info.base, s.end.min(end) - info.base),
                        k,
                    )
                })
                .collect();
            i += n;
            each(info, text, local);
        }
    }

    /// The span of the token that starts at `at`.
    pub fn token(&mut self, at: u32) -> Option<Span> {
        let (info, text) = self.field(at)?;
        let end = word_end_at(text, (at - info.base) as usize);
        debug_assert!(end.is_some(), "position {at} is not a word's first byte");
        let end = end?;
        Some(Span::new(at, info.base + end as u32))
    }

    /// Whether the token starting at `next` is the one right after `span` in its field
    /// (a single hyphen between them when `joined`); if so, `span` grows to cover it.
    pub fn extend(&mut self, span: &mut Span, next: u32, joined: bool) -> bool {
        let Some((info, text)) = self.field(span.start) else {
            return false;
        };
        if next < span.end || next >= info.base.saturating_add(info.len) {
            return false;
        }
        let local = |at: u32| (at - info.base) as usize;
        let between = text.get(local(span.end)..local(next));
        debug_assert!(
            between.is_some(),
            "a word ends and the next begins on char boundaries"
        );
        let between = between.unwrap_or("x");
        if !is_gap(between) || (joined && !is_hyphen(between)) {
            return false;
        }
        match word_end_at(text, local(next)) {
            Some(end) => {
                span.end = info.base + end as u32;
                true
            }
            None => false,
        }
    }
}
