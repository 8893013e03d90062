//! The inverted index: term → postings (field, position), with every token's source span.
//!
//! Built once per corpus; a query reads postings and spans only and never rescans text.
//!
//! Invariants: fields are numbered in corpus order (article by article, each article's
//! fields in reading order), so a field range per article is contiguous; each posting
//! list is sorted by (field, position) without duplicates; the terms are sorted, so a
//! prefix is a contiguous range of them.

use crate::article::{Article, FieldAddr, Kind, Part};
use crate::span::Span;
use crate::token::{for_each_token, possessive_stem};
use std::collections::HashMap;
use std::ops::Range;

/// One occurrence of a term: the field it is in and its token position there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Posting {
    /// Field number (index into [`Index::field`]).
    pub field: u32,
    /// Token position in that field.
    pub pos: u32,
}

/// What the index knows of one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldInfo {
    /// The article's number in the corpus.
    pub article: u32,
    /// Where the field is in its article.
    pub addr: FieldAddr,
    /// What the field is.
    pub kind: Kind,
    /// Its tokens, as a range of the index's token table.
    pub tokens: Range<u32>,
}

impl FieldInfo {
    /// The field's length in tokens.
    pub fn len(&self) -> u32 {
        self.tokens.end.saturating_sub(self.tokens.start)
    }

    /// Whether the field has no token.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The weighting class of the field (see [`Class`]).
    pub fn class(&self) -> Class {
        Class::of(self.kind, self.addr.part)
    }
}

/// Fields grouped for ranking: each class has its own weight and average length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// The article's title.
    Title,
    /// The lede.
    Lede,
    /// A heading.
    Heading,
    /// A paragraph.
    Paragraph,
    /// A card's title.
    CardTitle,
    /// A card's author.
    CardAuthor,
    /// A card's teaser.
    CardTeaser,
    /// The disclaimer.
    Disclaimer,
}

impl Class {
    /// The number of classes.
    pub const COUNT: usize = 8;

    /// The class of a field of this kind and part.
    pub fn of(kind: Kind, part: Part) -> Class {
        match (kind, part) {
            (Kind::Title, _) => Class::Title,
            (Kind::Lede, _) => Class::Lede,
            (Kind::Heading, _) => Class::Heading,
            (Kind::Paragraph, _) => Class::Paragraph,
            (Kind::Card, Part::Title) => Class::CardTitle,
            (Kind::Card, Part::Author) => Class::CardAuthor,
            (Kind::Card, _) => Class::CardTeaser,
            (Kind::Disclaimer, _) => Class::Disclaimer,
        }
    }

    /// A dense number for tables.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The index of a corpus.
#[derive(Clone, Debug, Default)]
pub struct Index {
    fields: Vec<FieldInfo>,
    /// Byte span of every token, all fields concatenated.
    spans: Vec<Span>,
    /// Whether each token is joined to the previous one by a hyphen.
    joined: Vec<bool>,
    /// Per article, its fields.
    articles: Vec<Range<u32>>,
    /// Sorted distinct terms, and the postings of each (same order).
    terms: Vec<String>,
    postings: Vec<Vec<Posting>>,
    /// Average field length in tokens per [`Class`].
    avg_len: [f32; Class::COUNT],
}

impl Index {
    /// Indexes `articles`; article numbers are their positions in the slice.
    pub fn build(articles: &[Article]) -> Index {
        let mut index = Index::default();
        let mut by_term: HashMap<String, Vec<Posting>> = HashMap::new();
        let mut len_sum = [0u64; Class::COUNT];
        let mut len_count = [0u64; Class::COUNT];
        for (a, article) in articles.iter().enumerate() {
            let first_field = to_u32(index.fields.len());
            for field in article.fields() {
                let field_no = to_u32(index.fields.len());
                let first_token = to_u32(index.spans.len());
                let mut pos = 0u32;
                for_each_token(field.text, |token| {
                    index.spans.push(token.span);
                    index.joined.push(token.joined);
                    let posting = Posting {
                        field: field_no,
                        pos,
                    };
                    if let Some(stem) = possessive_stem(&token.term) {
                        by_term.entry(stem.to_owned()).or_default().push(posting);
                    }
                    by_term.entry(token.term).or_default().push(posting);
                    pos += 1;
                });
                let info = FieldInfo {
                    article: to_u32(a),
                    addr: field.addr,
                    kind: field.kind,
                    tokens: first_token..to_u32(index.spans.len()),
                };
                let class = info.class().index();
                if let (Some(sum), Some(count)) = (len_sum.get_mut(class), len_count.get_mut(class))
                {
                    *sum += u64::from(info.len());
                    *count += 1;
                }
                index.fields.push(info);
            }
            index.articles.push(first_field..to_u32(index.fields.len()));
        }
        for ((avg, sum), count) in index.avg_len.iter_mut().zip(len_sum).zip(len_count) {
            *avg = if count == 0 {
                1.0
            } else {
                (sum as f32 / count as f32).max(1.0)
            };
        }
        let mut terms: Vec<(String, Vec<Posting>)> = by_term.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        (index.terms, index.postings) = terms.into_iter().unzip();
        index
    }

    /// The number of articles indexed.
    pub fn article_count(&self) -> usize {
        self.articles.len()
    }

    /// The fields of article `a`, as a range of field numbers (empty when out of range).
    pub fn article_fields(&self, a: u32) -> Range<u32> {
        self.articles.get(a as usize).cloned().unwrap_or(0..0)
    }

    /// Field `f`.
    pub fn field(&self, f: u32) -> Option<&FieldInfo> {
        self.fields.get(f as usize)
    }

    /// The average length of fields of a class, in tokens (at least 1).
    pub fn avg_len(&self, class: Class) -> f32 {
        self.avg_len.get(class.index()).copied().unwrap_or(1.0)
    }

    /// The postings of exactly `term` (already folded).
    pub fn postings(&self, term: &str) -> &[Posting] {
        match self.terms.binary_search_by(|t| t.as_str().cmp(term)) {
            Ok(i) => self.postings.get(i).map_or(&[], Vec::as_slice),
            Err(_) => &[],
        }
    }

    /// The postings of every term that starts with `prefix`, merged and sorted.
    pub fn prefix_postings(&self, prefix: &str) -> Vec<Posting> {
        let range = self.prefix_range(prefix);
        let lists = self.postings.get(range).unwrap_or(&[]);
        match lists {
            [] => Vec::new(),
            [one] => one.clone(),
            many => {
                let mut all: Vec<Posting> = many.iter().flatten().copied().collect();
                all.sort_unstable();
                // `seoul` and `seoul's` share their positions.
                all.dedup();
                all
            }
        }
    }

    fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let start = self.terms.partition_point(|t| t.as_str() < prefix);
        let len = self
            .terms
            .get(start..)
            .unwrap_or(&[])
            .partition_point(|t| t.starts_with(prefix));
        start..start + len
    }

    /// The byte span of the token at `pos` of field `field`.
    pub fn token_span(&self, field: u32, pos: u32) -> Option<Span> {
        self.spans.get(self.token_slot(field, pos)?).copied()
    }

    /// Whether the token at `pos` of `field` continues a hyphenated word.
    pub fn token_joined(&self, field: u32, pos: u32) -> bool {
        self.token_slot(field, pos)
            .and_then(|i| self.joined.get(i).copied())
            .unwrap_or(false)
    }

    fn token_slot(&self, field: u32, pos: u32) -> Option<usize> {
        let tokens = &self.field(field)?.tokens;
        let slot = tokens.start.checked_add(pos)?;
        (slot < tokens.end).then_some(slot as usize)
    }
}

/// Corpus sizes are far below 4 Gi fields or tokens; saturate rather than wrap.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
