//! Generates the folding table (`src/text/fold_table.rs`, checked in; `cargo xtask
//! codegen` writes it, a test fails when it is stale): what `src/text/fold.rs` turns each
//! non-ASCII char into, for every char whose folded form is not the char itself, as runs.
//!
//! The folded form is `reference_fold`, from Unicode's data only: the unicode-normalization
//! crate's canonical decompositions and ICU4X's lowercase mapping (`icu_casemap`, pinned
//! with `icu_properties`) — not the toolchain's `char::to_lowercase`, so the table does
//! not change with the compiler. The wasm carries neither: not the decomposition and
//! composition tables (≈ 50 kB raw, 28 kB gzip, measured) nor a lowercase conversion
//! table (core's ≈ 11 kB raw), only these runs (369 runs, 2,972 bytes, ≈ 1.9 kB of the
//! gzipped wasm, measured). ASCII is not in the table: `src/text/fold.rs` lowercases it
//! first.
//!
//! A run covers `len` consecutive chars from `start` (`1 ≤ len ≤ 255`); runs are sorted
//! by start and never overlap; a char outside every run folds to itself. A run is
//! `STARTS[i] = start` and `FOLDS[i] = value << 11 | len << 3 | kind` (two columns: 92 bytes
//! less of gzipped wasm than pairs, measured), and folds the char `start + offset` by its kind:
//!
//! - `DELTA`: to the char `(code + value) mod 2²¹` (`value` is the difference mod 2²¹);
//!   case pairs such as `А..Я → а..я` (+32) or `Ѐ..Џ → ѐ..џ` (+80).
//! - `DELTA2`: the same at even offsets; odd offsets fold to themselves (alternating
//!   upper and lower case such as `Ѡ ѡ Ѣ ѣ …`).
//! - `CONSTANT`: to the char `value` (`À..Å → a`, `ἀ..Ἇ → α`).
//! - `EMPTY`: to nothing (the combining marks, dropped).
//! - `MULTI`: to `STRINGS[value + offset]`, several chars (`ß → ss`).
//!
//! The runs are chosen greedily, each as long as one kind allows.

use std::fmt::Write as _;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// `c` lowercased by Unicode's full lowercase mapping, from ICU4X's data (no language:
/// `İ` → `i̇`).
fn lowercase(c: char) -> String {
    let mut one = [0; 4];
    icu_casemap::CaseMapper::new()
        .lowercase_to_string(
            c.encode_utf8(&mut one),
            &icu_locale_core::LanguageIdentifier::UNKNOWN,
        )
        .into_owned()
}

/// The folded form of `c`, as `src/text/fold.rs` folds it (its tests restate this from the
/// same sources): ASCII lowercased; curly apostrophes → `'`; Unicode hyphens → `-`;
/// `ß`, `ẞ` → `ss`; final `ς` → `σ`; `й`, `Й` → `й` (a letter of its own in Russian); a
/// char of Latin (and its extensions), Greek, Cyrillic or the combining diacritics → its
/// canonical decomposition without combining marks, lowercased (`É` → `e`, `ё` → `е`, a
/// lone combining mark → nothing); any other char lowercased (`İ` → `i̇` is the one that
/// gives several chars). Other scripts keep their marks: が is not か, and a Hangul
/// syllable is not its jamo.
pub fn reference_fold(c: char) -> String {
    match c {
        // Format characters inside a word fold to nothing: scraped text carries soft
        // hyphens (`co\u{ad}operation` is `cooperation`), and zero-width (non-)joiners
        // and bidi controls hide in words the reader cannot see them in.
        '\u{00ad}'
        | '\u{200c}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}' => String::new(),
        '\u{2018}' | '\u{2019}' | '\u{02bc}' => "'".to_owned(),
        '\u{2010}' | '\u{2011}' => "-".to_owned(),
        'ß' | 'ẞ' => "ss".to_owned(),
        'ς' => "σ".to_owned(),
        'й' | 'Й' => "й".to_owned(),
        '\u{00c0}'..='\u{058f}' | '\u{1e00}'..='\u{1fff}' => {
            let mut out = String::new();
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    out.push_str(&lowercase(d));
                }
            });
            out
        }
        c => lowercase(c),
    }
}

/// How a run folds its chars; the discriminants are the kinds' codes in `FOLDS`.
#[derive(Clone, Copy)]
enum Kind {
    Delta = 0,
    Delta2 = 1,
    Constant = 2,
    Empty = 3,
    Multi = 4,
}

/// Where a run's length and value sit in its `FOLDS` entry (the kind is below the
/// length), and the largest length.
const LEN_SHIFT: u32 = 3;
const VALUE_SHIFT: u32 = 11;
const MAX_LEN: u32 = 0xff;
/// A value's bits: a char, or a difference of chars mod 2²¹.
const VALUE_MASK: u32 = 0x1f_ffff;

/// One run: `len` chars from `start`, folded by `kind` with `value`.
struct Run {
    start: u32,
    len: u32,
    kind: Kind,
    value: u32,
}

/// The folded form of a char that does not fold to itself.
enum Folded {
    Nothing,
    One(u32),
    Several(String),
}

/// The table: its runs, and the strings its `MULTI` runs index.
struct Table {
    runs: Vec<Run>,
    strings: Vec<String>,
}

impl Table {
    /// Every non-ASCII char whose `reference_fold` is not itself, as runs.
    fn generate() -> Table {
        let mut changed: Vec<(u32, Folded)> = Vec::new();
        for code in 0x80..=u32::from(char::MAX) {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let folded = reference_fold(c);
            let mut chars = folded.chars();
            let entry = match (chars.next(), chars.next()) {
                (None, _) => Folded::Nothing,
                (Some(f), None) if f == c => continue,
                (Some(f), None) => Folded::One(u32::from(f)),
                _ => Folded::Several(folded),
            };
            changed.push((code, entry));
        }
        let mut table = Table {
            runs: Vec::new(),
            strings: Vec::new(),
        };
        let mut rest = changed.as_slice();
        while let Some(run) = table.longest_run(rest) {
            let covered = rest.partition_point(|&(code, _)| code < run.start + run.len);
            rest = rest.get(covered..).unwrap_or_default();
            table.runs.push(run);
        }
        table
    }

    /// The longest run starting at `changed[0]` (`None` when `changed` is empty); the
    /// strings of a `MULTI` run are pushed.
    fn longest_run(&mut self, changed: &[(u32, Folded)]) -> Option<Run> {
        let &(start, ref first) = changed.first()?;
        // How many leading entries are consecutive chars, the i-th with `same(i, folded)`.
        let consecutive = |same: &dyn Fn(u32, &Folded) -> bool| {
            changed
                .iter()
                .zip(0..MAX_LEN)
                .take_while(|&(&(code, ref folded), i)| code == start + i && same(i, folded))
                .count() as u32
        };
        let run = |len, kind, value| Run {
            start,
            len,
            kind,
            value: value & VALUE_MASK,
        };
        Some(match *first {
            Folded::Nothing => run(
                consecutive(&|_, f| matches!(f, Folded::Nothing)),
                Kind::Empty,
                0,
            ),
            Folded::Several(_) => {
                let len = consecutive(&|_, f| matches!(f, Folded::Several(_)));
                let index = self.strings.len() as u32;
                for (_, folded) in changed.iter().take(len as usize) {
                    if let Folded::Several(s) = folded {
                        self.strings.push(s.clone());
                    }
                }
                run(len, Kind::Multi, index)
            }
            Folded::One(to) => {
                let delta = consecutive(&|i, f| matches!(f, Folded::One(t) if *t == to + i));
                let constant = consecutive(&|_, f| matches!(f, Folded::One(t) if *t == to));
                // Every other char, and nothing between: (start + 2i, to + 2i).
                let pairs = changed
                    .iter()
                    .zip(0..=MAX_LEN / 2)
                    .take_while(|&(&(code, ref folded), i)| {
                        code == start + 2 * i
                            && matches!(folded, Folded::One(t) if *t == to + 2 * i)
                    })
                    .count() as u32;
                let difference = to.wrapping_sub(start);
                if delta >= constant && delta >= pairs {
                    run(delta, Kind::Delta, difference)
                } else if pairs > constant {
                    run(2 * pairs - 1, Kind::Delta2, difference)
                } else {
                    run(constant, Kind::Constant, to)
                }
            }
        })
    }

    /// The table's Rust source.
    fn source(&self) -> String {
        // 8 bytes a run; a string's bytes and its (pointer, length) on wasm32.
        let bytes = 8 * self.runs.len() + self.strings.iter().map(|s| s.len() + 8).sum::<usize>();
        let mut out = format!(
            "// Generated by build/fold_table.rs from Unicode's data, which documents the \
             layout: {} runs, {bytes} bytes.\n// Do not edit; regenerate with `cargo xtask \
             codegen`.\n\n",
            self.runs.len()
        );
        let constants = [
            ("LEN_SHIFT", LEN_SHIFT),
            ("LEN_MASK", MAX_LEN),
            ("KIND_MASK", (1 << LEN_SHIFT) - 1),
            ("VALUE_SHIFT", VALUE_SHIFT),
            ("VALUE_MASK", VALUE_MASK),
            ("DELTA", Kind::Delta as u32),
            ("DELTA2", Kind::Delta2 as u32),
            ("CONSTANT", Kind::Constant as u32),
            ("EMPTY", Kind::Empty as u32),
            ("MULTI", Kind::Multi as u32),
        ];
        for (name, value) in constants {
            let _ = writeln!(out, "pub const {name}: u32 = 0x{value:x};");
        }
        out.push_str("\n/// Each run's first char, ascending.\npub static STARTS: &[u32] = &[\n");
        for run in &self.runs {
            let _ = writeln!(out, "    0x{:x},", run.start);
        }
        out.push_str(
            "];\n\n/// Each run's value, length and kind.\npub static FOLDS: &[u32] = &[\n",
        );
        for run in &self.runs {
            let fold = run.value << VALUE_SHIFT | run.len << LEN_SHIFT | run.kind as u32;
            let _ = writeln!(out, "    0x{fold:08x},");
        }
        out.push_str("];\n\n/// The folded forms of several chars that `MULTI` runs index.\n");
        out.push_str("pub static STRINGS: &[&str] = &[\n");
        for s in &self.strings {
            let _ = writeln!(out, "    {s:?},");
        }
        out.push_str("];\n");
        out
    }
}

/// The table's Rust source. Fails if a run does not fit the layout (a string index
/// beyond 2²¹), which would take a new Unicode with thousands of multi-char folds.
pub fn source() -> Result<String, String> {
    let table = Table::generate();
    if table.strings.len() > VALUE_MASK as usize {
        return Err(format!("fold table: {} strings", table.strings.len()));
    }
    Ok(table.source())
}
