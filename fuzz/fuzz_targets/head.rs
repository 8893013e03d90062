//! The `head` target: `article_explorer::checks::head` on arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| article_explorer::checks::head(data));
