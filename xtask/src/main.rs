//! The project's tasks: `cargo xtask <task>`. Each task says what it runs.
//!
//! - `test`: formatting, lints and every test: native cargo tests, the wasm tests in
//!   headless Chromium, the JS unit tests and the end-to-end tests in a real Chromium,
//!   and the benchmark's smoke run.
//! - `serve [--port N]`: builds the site into dist/ and serves it on 127.0.0.1:8000.
//! - `dist`: writes the complete static site into dist/, with the single-file edition
//!   dist/article-explorer.html.
//! - `corpus --articles N [--out DIR]`: writes the benchmark corpus of N articles
//!   (deterministic; default target/corpus/N).
//! - `bench [--articles N,…] [--smoke]`: the Node benchmark against the other engines on
//!   corpora of 100 and 1,000 articles (or those given), then the core's criterion
//!   benchmark; `--smoke`: the quick check `test` runs (100 articles).
//! - `setup`: installs what the wasm build and browser tests need, skipping what is there
//!   (wasm target, wasm-bindgen CLI, npm's wasm-opt and Playwright, Chromium + chromedriver)
//!   and the benchmark corpus's word list (Debian's wamerican).

use std::path::PathBuf;
use std::process::{Command, ExitCode};

mod bench;
mod corpus;
mod dist;
mod serve;
mod single;
mod tools;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") => test(),
        Some("lint") => lint(),
        Some("setup") => tools::setup(),
        Some("dist") => {
            dist_args(&args).and_then(|(out, seeds)| dist::dist(&out, seeds.as_deref()))
        }
        Some("corpus") => corpus::command(&args),
        Some("bench") => bench::command(&args),
        Some("serve") => serve::port_arg(&args).and_then(|port| {
            let out = root().join("dist");
            dist::dist(&out, None)?;
            serve::serve(&out, port)
        }),
        _ => Err(
            "usage: cargo xtask test | serve [--port N] | dist [--out DIR] [--seeds DIR] | \
             corpus --articles N [--out DIR] | bench [--articles N,…] [--smoke] | lint | setup"
                .to_owned(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `dist [--out DIR] [--seeds DIR]`: where to write the site (default dist/) and which
/// folder of articles to embed (default seeds/).
fn dist_args(args: &[String]) -> Result<(PathBuf, Option<PathBuf>), String> {
    let mut out = root().join("dist");
    let mut seeds = None;
    let mut it = args.iter().skip(1);
    while let Some(arg) = it.next() {
        let value = it.next().ok_or(format!("{arg} needs a value"))?;
        match arg.as_str() {
            "--out" => out = root().join(value),
            "--seeds" => seeds = Some(root().join(value)),
            other => return Err(format!("unknown dist option {other}")),
        }
    }
    Ok((out, seeds))
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
    )?;
    run(
        &cargo,
        &[
            "clippy",
            "--lib",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ],
    )
}

/// Every test: native, wasm in headless Chromium, JS units, end-to-end in Chromium.
fn test() -> Result<(), String> {
    lint()?;
    run(&cargo(), &["test", "--workspace"])?;

    // The wasm build and the browsers; each installs only what is missing.
    tools::ensure_wasm_target()?;
    let bindgen = tools::ensure_wasm_bindgen()?;
    tools::ensure_node_packages()?;
    tools::ensure_chromium()?;
    // The wasm tests' runner (.cargo/config.toml) is found on PATH: put the checked
    // wasm-bindgen-test-runner first.
    let mut path =
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()).collect::<Vec<_>>();
    if let Some(dir) = bindgen.parent() {
        path.insert(0, dir.to_path_buf());
    }
    let path = std::env::join_paths(path).map_err(|e| e.to_string())?;
    eprintln!("xtask: $ cargo test --target wasm32-unknown-unknown --test wasm");
    let status = Command::new(cargo())
        .current_dir(root())
        .args([
            "test",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "wasm",
        ])
        .env("PATH", path)
        .status();
    match status {
        Ok(s) if s.success() => {}
        Ok(s) => return Err(format!("the wasm tests failed ({s})")),
        Err(e) => return Err(format!("cannot start cargo: {e}")),
    }

    // The site as shipped, and one over the hostile fixture corpus, each on its server.
    let site = root().join("dist");
    dist::dist(&site, None)?;
    // The size budget (docs/performance.md): a size is exact, so it is checked here; the
    // timings are measured by `cargo xtask bench`, never asserted.
    let engine = dist::engine_gzip(&site)?;
    if engine > dist::ENGINE_BUDGET_GZIP {
        return Err(format!(
            "the engine download (wasm + JS glue) is {engine} bytes gzip, over the budget of {} \
             (docs/performance.md)",
            dist::ENGINE_BUDGET_GZIP
        ));
    }
    eprintln!(
        "xtask: engine download {engine} bytes gzip (budget {})",
        dist::ENGINE_BUDGET_GZIP
    );
    let xss = root().join("target/e2e/xss-dist");
    dist::dist(&xss, Some(&root().join("tests/fixtures/xss")))?;
    let artifacts = root().join("target/e2e");
    std::fs::create_dir_all(&artifacts).map_err(|e| e.to_string())?;
    let url = serve::spawn(&site)?;
    let xss_url = serve::spawn(&xss)?;

    let mut files = test_files(&root().join("tests/js"))?;
    files.extend(test_files(&root().join("tests/e2e"))?);
    let mut node = Command::new("node");
    node.current_dir(root())
        .arg("--test")
        .args(&files)
        .env("E2E_URL", &url)
        .env("E2E_XSS_URL", &xss_url)
        .env("E2E_DIST", &site)
        .env("E2E_XSS_DIST", &xss)
        .env("E2E_ARTIFACTS", &artifacts);
    eprintln!("xtask: $ node --test {} (E2E_URL={url})", files.len());
    match node.status() {
        Ok(s) if s.success() => {}
        Ok(s) => return Err(format!("node --test failed ({s})")),
        Err(e) => return Err(format!("cannot start node: {e}")),
    }

    // The benchmark's smoke run: every engine on 100 generated articles, counts checked.
    bench::smoke(&site, false)
}

/// The `*.test.mjs` files of a folder, sorted.
fn test_files(dir: &std::path::Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_str().is_some_and(|s| s.ends_with(".test.mjs")))
        .collect();
    files.sort();
    Ok(files)
}
