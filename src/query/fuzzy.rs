//! Typo tolerance: the index's terms within a few edits of a word — for `word~`, for an
//! unquoted word the corpus has in no form, and for "did you mean" ([`nearest`]).
//!
//! `word~` matches the terms within Levenshtein distance 1 of the word (words of 4–7
//! letters) or 2 (8 letters or more), the word itself included; shorter words match only
//! themselves (one edit from a three-letter word is most of the language). Distances
//! count chars (insertions, deletions, substitutions; a transposition is two edits)
//! between folded forms.
//!
//! The terms are sorted, so they are walked as the trie they spell: one row of the edit
//! distance table per char of a term, the rows of the prefix it shares with the term
//! before kept, and a whole run of terms skipped (galloping search) as soon as its common
//! prefix is too far from the word (no cell of its row within reach); below a prefix at
//! the limit, only the children whose char the word has next are visited (1.3–4× fewer
//! microseconds than skipping child by child, measured natively on 61,557 terms). The
//! walk visits the prefixes within reach of the word, not the dictionary; rows live in
//! one buffer.

use crate::index::one_edit::maybe_one_edit;
use crate::index::Index;

/// The edits `word~` allows for a word of `letters` chars.
pub fn max_distance(letters: usize) -> usize {
    match letters {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The terms (ids, ascending) within [`max_distance`] of `word` (folded).
pub fn terms_near(index: &Index, word: &str) -> Vec<usize> {
    let k = max_distance(word.chars().count());
    if k == 0 {
        return index.find(word).into_iter().collect();
    }
    if k == 1 && !maybe_one_edit(index.one_edit_keys(), word) {
        return Vec::new();
    }
    terms_within(index, word, k)
        .into_iter()
        .map(|(t, _)| t)
        .collect()
}

/// The term other than `word` nearest it, within one edit more than [`max_distance`]
/// (so `koera` finds `korea`: a swap is two edits): the fewest edits, then the term in the
/// most articles, then the first.
pub fn nearest(index: &Index, word: &str) -> Option<usize> {
    let k = max_distance(word.chars().count()) + 1;
    let mut best: Option<(usize, usize, u32)> = None;
    for (t, d) in terms_within(index, word, k) {
        if d == 0 {
            continue;
        }
        let df = index.df(t);
        if best.is_none_or(|(_, bd, bdf)| d < bd || (d == bd && df > bdf)) {
            best = Some((t, d, df));
        }
    }
    best.map(|(t, _, _)| t)
}

/// The terms within `k` edits of `word`, ascending, each with its distance.
///
/// Only the band of cells within `k` of the diagonal is computed (a cell off it is more
/// than `k` anyway: the distance between prefixes of lengths `d` and `j` is at least
/// `|d - j|`), so a char of the walk costs `2k + 1` cells, not the word's length: a
/// 1,000-letter `word~` walks as fast as a short one.
pub fn terms_within(index: &Index, word: &str, k: usize) -> Vec<(usize, usize)> {
    let band = Band::new(word, k);
    let width = band.width();
    let mut out = Vec::new();
    // Row d (cells d*width..(d+1)*width): distances from the path's first d chars to the
    // word's prefixes of d-k..=d+k chars. Row 0 is the empty path.
    let mut rows: Vec<usize> = band.first_row();
    // The path: the chars the rows after row 0 are for (a prefix of the current term).
    let mut path: Vec<char> = Vec::new();
    // Scratch: the key of the next sibling worth visiting.
    let mut seek = String::new();
    let mut t = 0;
    let count = index.term_count();
    'terms: while t < count {
        let term = index.term(t);
        let shared = path
            .iter()
            .zip(term.chars())
            .take_while(|(a, b)| *a == b)
            .count();
        path.truncate(shared);
        rows.truncate((shared + 1) * width);
        for (i, c) in term.char_indices().skip(shared) {
            let depth = path.len();
            let best = band.push_row(&mut rows, depth, c);
            path.push(c);
            if best > k {
                // Every term with this prefix is too far. When the parent's row is at the
                // limit, only a child continuing a cell of it diagonally (its char the
                // word's next) can do better: skip to the next such sibling, or past the
                // parent. Else skip this child's terms.
                let parent = term.get(..i).unwrap_or("");
                let prefix = term.get(..i + c.len_utf8()).unwrap_or(term);
                let row = rows.get(depth * width..(depth + 1) * width).unwrap_or(&[]);
                t = if row.iter().min() == Some(&k) {
                    let next = band
                        .next_chars(depth)
                        .zip(row)
                        .filter(|&(w, &d)| d == k && w.is_some_and(|w| w > c))
                        .filter_map(|(w, _)| w)
                        .min();
                    match next {
                        Some(a) => {
                            seek.clear();
                            seek.push_str(parent);
                            seek.push(a);
                            gallop(index, t, &|u| u < seek.as_str())
                        }
                        None => gallop(index, t, &|u| u.starts_with(parent)),
                    }
                } else {
                    gallop(index, t, &|u| u.starts_with(prefix))
                };
                continue 'terms;
            }
        }
        if let Some(d) = band.last(&rows, path.len()).filter(|&d| d <= k) {
            out.push((t, d));
        }
        t += 1;
    }
    out
}

/// The band of the edit distance table within `k` of its diagonal: row `d`'s cell `b`
/// is the distance from the path's first `d` chars to the word's first `d - k + b`
/// (cells off the word — a negative length, or past its end — hold `k + 1`, as does any
/// cell more than `k`: every value is at most `k + 1`).
struct Band {
    target: Vec<char>,
    k: usize,
}

impl Band {
    fn new(word: &str, k: usize) -> Band {
        Band {
            target: word.chars().collect(),
            k,
        }
    }

    fn width(&self) -> usize {
        2 * self.k + 1
    }

    /// The word's prefix length of row `d`'s cell `b`, if it is one.
    fn length(&self, d: usize, b: usize) -> Option<usize> {
        (d + b)
            .checked_sub(self.k)
            .filter(|&j| j <= self.target.len())
    }

    /// Row 0: the empty path is `j` edits from the word's first `j` chars.
    fn first_row(&self) -> Vec<usize> {
        (0..self.width())
            .map(|b| self.length(0, b).map_or(self.k + 1, |j| j.min(self.k + 1)))
            .collect()
    }

    /// Appends row `d + 1`, for one more char `c` of the path (row `d` is the last);
    /// returns its smallest cell.
    fn push_row(&self, rows: &mut Vec<usize>, d: usize, c: char) -> usize {
        let width = self.width();
        let prev = d * width;
        let far = self.k + 1;
        let mut best = far;
        let mut left = far;
        for b in 0..width {
            let cell = match self.length(d + 1, b) {
                None => far,
                Some(0) => (d + 1).min(far),
                Some(j) => {
                    // Cell (d+1, j) from (d, j-1): row d's cell b; (d, j): its cell b+1;
                    // (d+1, j-1): this row's cell b-1 (`left`).
                    let diagonal = rows.get(prev + b).copied().unwrap_or(far);
                    let up = if b + 1 < width {
                        rows.get(prev + b + 1).copied().unwrap_or(far)
                    } else {
                        far
                    };
                    let same = self.target.get(j - 1) == Some(&c);
                    (diagonal + usize::from(!same))
                        .min(up + 1)
                        .min(left + 1)
                        .min(far)
                }
            };
            rows.push(cell);
            best = best.min(cell);
            left = cell;
        }
        best
    }

    /// For each cell of row `d`, the word's char a diagonal step from it reads (none past
    /// the word's end or before its start).
    fn next_chars(&self, d: usize) -> impl Iterator<Item = Option<char>> + '_ {
        (0..self.width()).map(move |b| self.length(d, b).and_then(|j| self.target.get(j).copied()))
    }

    /// The distance from the path (`d` chars, its row the last) to the whole word, if it
    /// is within the band.
    fn last(&self, rows: &[usize], d: usize) -> Option<usize> {
        let b = (self.target.len() + self.k).checked_sub(d)?;
        if b >= self.width() {
            return None;
        }
        rows.get(d * self.width() + b).copied()
    }
}

/// The first term after `t` for which `before` is false (it is true of term `t`, and of
/// a run of terms from it): galloping from `t`, since most runs skipped are short. One
/// instance for every predicate (`dyn`): smaller wasm, and the call is not what costs.
fn gallop(index: &Index, t: usize, before: &dyn Fn(&str) -> bool) -> usize {
    let count = index.term_count();
    let within = |u: usize| u < count && before(index.term(u));
    // `lo` is within the run; `hi` is not (or is the end).
    let mut lo = t;
    let mut step = 1;
    while within(lo + step) {
        lo += step;
        step *= 2;
    }
    let mut hi = (lo + step).min(count);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if within(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    hi
}

// Tests: tests/it/fuzzy.rs (the walk against a scan with the oracle's edit distance).

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::one_edit::one_edit_keys;
    use crate::Corpus;

    #[test]
    fn the_one_edit_check_lets_near_words_through_and_stops_far_ones() {
        let corpus = Corpus::embedded().unwrap();
        let keys = one_edit_keys(corpus.index());
        // A word one edit from a term of the seed (inserted, dropped, replaced) passes...
        for word in ["rusia", "russiaa", "rassia", "seoull", "seol", "korae"] {
            assert!(maybe_one_edit(&keys, word), "{word}");
        }
        // ...a word far from every term does not (the walk is skipped).
        for word in ["zqxwvjk", "qqqq", "xyzzy", "бвгдж"] {
            assert!(!maybe_one_edit(&keys, word), "{word}");
        }
        assert!(terms_near(corpus.index(), "zqxwvjk").is_empty());
    }
}
