//! The Snowball stemmers for English (Porter2) and Russian: a port of the rust-stemmers
//! crate (1.2.0) for article-explorer, kept as its own crate (as Pagefind keeps
//! `pagefind_stem`) so that the port and its equality tests stand apart from the engine.
//!
//! The generated code for the two algorithms (`english.rs`, `russian.rs`) is the crate's,
//! unchanged but for imports; the runtime (`env.rs`) indexes no string — the crate's
//! slicing linked core's panic messages for strings into the wasm — and never panics.
//! `tests/equal.rs` compares every stem with the crate's on a dictionary, Russian word
//! forms, edge cases and random strings.
//!
//! The algorithms are written for their language's words: English in lowercase a–z and
//! apostrophes, Russian in lowercase Cyrillic (ё folded to е by the caller if it wishes).
//! Other input is stemmed without a panic, as the crate would stem it.

use std::borrow::Cow;

mod env;
// Generated code, kept as the crate has it (not reformatted).
#[rustfmt::skip]
mod english;
#[rustfmt::skip]
mod russian;

use env::SnowballEnv;

/// A stemming algorithm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Algorithm {
    /// English (Porter2).
    English,
    /// Russian.
    Russian,
}

/// The stem of `word` by `algorithm` (the crate's `Stemmer::create(algorithm).stem(word)`).
pub fn stem(algorithm: Algorithm, word: &str) -> Cow<'_, str> {
    let run = match algorithm {
        Algorithm::English => english::stem,
        Algorithm::Russian => russian::stem,
    };
    let mut env = SnowballEnv::create(word);
    run(&mut env);
    env.get_current()
}
