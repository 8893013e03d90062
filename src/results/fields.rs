//! One article's matches as the reader sees them: merged spans, field by field, in bytes
//! and in UTF-16.

use crate::article::{Article, FieldAddr, Kind};
use crate::index::text::ArticleText;
use crate::index::Index;
use crate::rank::MatchKind;
use crate::span::{self, Span};
use serde::Serialize;

/// One field with matches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldHit {
    /// Where the field is in its article.
    pub addr: FieldAddr,
    /// What it is.
    pub kind: Kind,
    /// Highlights as byte spans of the field's text: sorted, non-overlapping, non-empty,
    /// on char boundaries; a phrase match is one span. Their number is the field's matches.
    pub spans: Vec<Span>,
    /// The same highlights in UTF-16 code units, for JavaScript's string indexing.
    pub utf16: Vec<Span>,
    /// How each highlight matched what was typed: `exact`, `stem` (another form of the
    /// word) or `fuzzy` (a word a few edits away); one per span.
    pub matched: Vec<MatchKind>,
}

/// Article `a`'s merged spans (in its offset space), field by field.
pub(crate) fn field_hits(
    index: &Index,
    articles: &[Article],
    a: u32,
    spans: &[(Span, MatchKind)],
) -> Vec<FieldHit> {
    let mut out: Vec<FieldHit> = Vec::new();
    ArticleText::new(index, articles, a).per_field(spans, |info, text, here| {
        let local: Vec<Span> = here.iter().map(|&(s, _)| s).collect();
        debug_assert!(
            span::are_marks(text, local.iter().copied()),
            "field {:?}: highlights sorted, apart, non-empty, on char boundaries: {local:?}",
            info.addr()
        );
        out.push(FieldHit {
            addr: info.addr(),
            kind: info.kind,
            utf16: span::to_utf16(text, &local),
            spans: local,
            matched: here.iter().map(|&(_, k)| k).collect(),
        });
    });
    out
}
