//! The static site: the wasm build (cargo → wasm-bindgen → npm's wasm-opt) and www/,
//! written into one directory ready for any static host.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{cargo, root, run};
use crate::tools;

/// The Cargo profile of the wasm build (Cargo.toml: release, optimised for size).
const PROFILE: &str = "wasm-release";
const TARGET: &str = "wasm32-unknown-unknown";
const CRATE: &str = "article_explorer";

/// Builds the site into `out` (replacing it) from the articles in `seeds` (default
/// `seeds/`). Installs the wasm target, wasm-bindgen and wasm-opt first if missing.
pub fn dist(out: &Path, seeds: Option<&Path>) -> Result<(), String> {
    tools::ensure_wasm_target()?;
    let bindgen = tools::ensure_wasm_bindgen()?;
    tools::ensure_node_packages()?;
    let wasm_opt = tools::ensure_wasm_opt()?;

    let seeds_note = seeds.map_or("seeds/".to_owned(), |s| s.display().to_string());
    eprintln!("xtask: building the wasm module with the articles of {seeds_note}");
    let mut build = Command::new(cargo());
    build
        .current_dir(root())
        .args(["build", "--lib", "--profile", PROFILE, "--target", TARGET]);
    // Another corpus builds in a target folder of its own, so that switching between
    // them does not rebuild the crate each time.
    let target_dir = match seeds {
        Some(dir) => {
            build.env("ARTICLE_EXPLORER_SEEDS", dir);
            root().join("target/other-seeds")
        }
        None => {
            build.env_remove("ARTICLE_EXPLORER_SEEDS");
            root().join("target")
        }
    };
    build.env("CARGO_TARGET_DIR", &target_dir);
    check(build.status(), "cargo build (wasm)")?;

    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    copy_dir(&root().join("www"), out)?;

    let wasm = target_dir
        .join(TARGET)
        .join(PROFILE)
        .join(format!("{CRATE}.wasm"));
    let pkg = out.join("pkg");
    let pkg_arg = pkg.display().to_string();
    let wasm_arg = wasm.display().to_string();
    run(
        &bindgen.display().to_string(),
        &[
            "--target",
            "web",
            "--no-typescript",
            "--out-dir",
            &pkg_arg,
            &wasm_arg,
        ],
    )?;
    let bg = pkg.join(format!("{CRATE}_bg.wasm"));
    let bg_arg = bg.display().to_string();
    run(
        &wasm_opt.display().to_string(),
        &["-Oz", &bg_arg, "-o", &bg_arg],
    )?;
    report_sizes(&[bg, pkg.join(format!("{CRATE}.js"))]);
    eprintln!("xtask: the site is in {}", out.display());
    Ok(())
}

fn check(status: std::io::Result<std::process::ExitStatus>, what: &str) -> Result<(), String> {
    match status {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(format!("{what} failed ({s})")),
        Err(e) => Err(format!("cannot start {what}: {e}")),
    }
}

/// Copies `from` into `to`, recursively.
fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries =
        std::fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            std::fs::copy(&path, &target)
                .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// Prints each file's size raw and gzipped (`gzip -9`).
fn report_sizes(files: &[PathBuf]) {
    for file in files {
        let raw = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
        let gz = Command::new("gzip")
            .args(["-9", "-c"])
            .arg(file)
            .output()
            .map(|o| o.stdout.len())
            .unwrap_or(0);
        eprintln!(
            "xtask: {}: {raw} bytes, {gz} gzipped",
            file.file_name().and_then(|n| n.to_str()).unwrap_or("?")
        );
    }
}
