//! The binding: the one part of the crate that knows JavaScript. `flat` lays results out
//! as the numbers JS reads (native too, for tests); `explorer` is the page's engine and
//! `builder` the builder edition (`--features builder`), each wasm32 only.

// The explorer's layout; natively, for the tests only.
#[cfg(any(all(target_arch = "wasm32", not(feature = "builder")), feature = "internals"))]
pub mod flat;

// The handles' public face is JavaScript's (wasm-bindgen exports them): Rust names them
// only in the tests, through `internals`.
#[cfg(all(target_arch = "wasm32", not(feature = "builder")))]
#[allow(unnameable_types)]
mod explorer;
#[cfg(all(target_arch = "wasm32", not(feature = "builder"), feature = "internals"))]
pub use explorer::Explorer;

#[cfg(all(target_arch = "wasm32", feature = "builder"))]
#[allow(unnameable_types)]
mod builder;
