//! The project's tasks: `cargo xtask <task>`. Each task says what it runs.
//!
//! - `test`: formatting, lints and every test: native cargo tests, the wasm tests in
//!   headless Chromium, the JS unit tests and the end-to-end tests in a real Chromium.
//! - `serve [--port N]`: builds the site into dist/ and serves it on 127.0.0.1:8000.
//! - `dist`: writes the complete static site into dist/.
//! - `setup`: installs what the wasm build and browser tests need, skipping what is there
//!   (wasm target, wasm-bindgen CLI, npm's wasm-opt and Playwright, Chromium + chromedriver).

use std::process::{Command, ExitCode};

mod dist;
mod serve;
mod tools;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") => test(),
        Some("lint") => lint(),
        Some("setup") => tools::setup(),
        Some("dist") => dist::dist(&root().join("dist"), None),
        Some("serve") => serve::port_arg(&args).and_then(|port| {
            let out = root().join("dist");
            dist::dist(&out, None)?;
            serve::serve(&out, port)
        }),
        _ => Err("usage: cargo xtask test | serve [--port N] | dist | lint | setup".to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Runs `program args…` from the workspace root, echoing it first; fails if it fails.
fn run(program: &str, args: &[&str]) -> Result<(), String> {
    eprintln!("xtask: $ {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .current_dir(root())
        .status()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

fn root() -> std::path::PathBuf {
    let manifest = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or(manifest)
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

/// Formatting and clippy, warnings denied.
fn lint() -> Result<(), String> {
    let cargo = cargo();
    run(&cargo, &["fmt", "--all", "--", "--check"])?;
    run(
        &cargo,
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    )
}

/// Every test.
fn test() -> Result<(), String> {
    lint()?;
    run(&cargo(), &["test", "--workspace"])
}
