//! Integration tests, one binary: parsing, searching, the CLI, typo tolerance, properties
//! and the oracle.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

mod cli;
mod fuzz;
mod fuzzy;
mod index_file;
mod language;
mod loading;
mod naive;
mod oracle;
mod parse;
mod props;
mod relevance;
mod search;
mod support;
