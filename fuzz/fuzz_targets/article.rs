//! The `article` target: `article_explorer::checks::article` on arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| article_explorer::checks::article(data));
