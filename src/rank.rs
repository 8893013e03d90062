//! Relevance: BM25F over an article's fields, with per-class weights and length norms.
//!
//! For each positive leaf (a word, phrase or prefix) with document frequency `df` among
//! `N` articles: `idf = ln(1 + (N − df + 0.5) / (df + 0.5))`; in an article, each
//! occurrence in a field of class `c` adds `w(c) / (1 − b + b·len/avglen(c))` to a
//! pseudo term frequency `tf`; the leaf scores `idf · tf·(k1 + 1) / (k1 + tf)`; an
//! article's score is the sum over leaves. Title and lede weigh most, the disclaimer least.

use crate::index::{Class, Index};
use crate::query::Occurrence;

/// BM25's term-frequency saturation.
const K1: f64 = 1.2;
/// BM25's length normalisation.
const B: f64 = 0.75;

/// The weight of an occurrence in a field of each class.
pub fn weight(class: Class) -> f64 {
    match class {
        Class::Title => 4.0,
        Class::Lede => 2.5,
        Class::CardTitle => 2.0,
        Class::Heading => 2.0,
        Class::CardAuthor => 1.5,
        Class::Paragraph => 1.0,
        Class::CardTeaser => 1.0,
        Class::Disclaimer => 0.2,
    }
}

/// Adds each leaf's BM25F contribution to `scores` (one entry per article).
///
/// `leaves`: each leaf's occurrences, sorted by field (so grouped by article).
pub fn score(index: &Index, leaves: &[Vec<Occurrence>], scores: &mut [f64]) {
    let n = index.article_count() as f64;
    // (article, pseudo tf) per article the leaf occurs in, in order.
    let mut per_article: Vec<(u32, f64)> = Vec::new();
    for occurrences in leaves {
        per_article.clear();
        for occ in occurrences {
            let Some(field) = index.field(occ.field) else {
                continue;
            };
            let class = field.class();
            let norm = 1.0 - B + B * f64::from(field.len()) / f64::from(index.avg_len(class));
            let add = weight(class) / norm;
            match per_article.last_mut() {
                Some((a, tf)) if *a == field.article => *tf += add,
                _ => per_article.push((field.article, add)),
            }
        }
        let df = per_article.len() as f64;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        for &(article, tf) in &per_article {
            if let Some(s) = scores.get_mut(article as usize) {
                *s += idf * tf * (K1 + 1.0) / (K1 + tf);
            }
        }
    }
}
