//! The command-line interface: `article-explorer parse FILE` and
//! `article-explorer search QUERY [FILE...]`, printing JSON (see `docs/cli.md`).
//!
//! Output is written only once everything succeeded: on any failure stdout stays empty,
//! one line goes to stderr and the exit status is non-zero.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
