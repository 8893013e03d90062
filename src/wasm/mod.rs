//! The binding: the one part of the crate that knows JavaScript. `flat` lays results out
//! as the numbers JS reads (native too, for tests); `explorer` is the page's engine and
//! `builder` the builder edition (`--features builder`), each wasm32 only.

pub mod flat;

#[cfg(all(target_arch = "wasm32", not(feature = "builder")))]
mod explorer;
#[cfg(all(target_arch = "wasm32", not(feature = "builder")))]
pub use explorer::*;

#[cfg(all(target_arch = "wasm32", feature = "builder"))]
mod builder;
#[cfg(all(target_arch = "wasm32", feature = "builder"))]
pub use builder::*;
