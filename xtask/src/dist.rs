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

/// Builds the site into `out` (replacing it) with the articles of `seeds` (default
/// `seeds/`) in `articles.txt`. Installs the wasm target, wasm-bindgen and wasm-opt first
/// if missing.
pub fn dist(out: &Path, seeds: Option<&Path>) -> Result<(), String> {
    tools::ensure_wasm_target()?;
    let bindgen = tools::ensure_wasm_bindgen()?;
    tools::ensure_node_packages()?;
    let wasm_opt = tools::ensure_wasm_opt()?;

    eprintln!("xtask: building the wasm module");
    let target_dir = root().join("target");
    let mut build = Command::new(cargo());
    build
        .current_dir(root())
        .args(["build", "--lib", "--profile", PROFILE, "--target", TARGET])
        .env("CARGO_TARGET_DIR", &target_dir);
    check(build.status(), "cargo build (wasm)")?;

    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    copy_dir(&root().join("www"), out)?;
    write_articles(out, seeds)?;

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
    // The glue as shipped: without the doc comments wasm-bindgen copies from the Rust
    // side (they are read in src/wasm.rs; 0.8 kB of the engine's gzipped download).
    let glue = pkg.join(format!("{CRATE}.js"));
    let source = std::fs::read_to_string(&glue)
        .map_err(|e| format!("cannot read {}: {e}", glue.display()))?;
    std::fs::write(&glue, strip_doc_comments(&source))
        .map_err(|e| format!("cannot write {}: {e}", glue.display()))?;
    let bg = pkg.join(format!("{CRATE}_bg.wasm"));
    let bg_arg = bg.display().to_string();
    // -Oz until nothing changes, and without the two custom sections no browser reads
    // (the toolchain and the feature list: ~250 bytes; stripped after the passes ran).
    run(
        &wasm_opt.display().to_string(),
        &[
            "-Oz",
            "--converge",
            "--strip-producers",
            "--strip-target-features",
            &bg_arg,
            "-o",
            &bg_arg,
        ],
    )?;
    report_sizes(&[bg, glue, out.join("articles.txt")]);
    crate::single::write_page(out)?;
    let version = stamp(out)?;
    let single = crate::single::write(out)?;
    report_sizes(&[single]);
    eprintln!("xtask: build {version}");
    eprintln!("xtask: the site is in {}", out.display());
    Ok(())
}

/// Writes `out/articles.txt`, the bundle of the articles of `seeds` (default `seeds/`),
/// with the CLI (`article-explorer bundle`), which parses every file first: a file that is
/// not an article fails the build, naming it.
fn write_articles(out: &Path, seeds: Option<&Path>) -> Result<(), String> {
    let seeds = seeds.map_or_else(|| root().join("seeds"), Path::to_path_buf);
    let bundle = out.join("articles.txt");
    run(
        &cargo(),
        &[
            "run",
            "--quiet",
            "--bin",
            "article-explorer",
            "--",
            "bundle",
            &bundle.display().to_string(),
            &seeds.display().to_string(),
        ],
    )
}

/// The name of the single-file edition, which the service worker does not cache.
const SINGLE: &str = "article-explorer.html";

/// Names the build: a hash of every file of the site, written into `js/version.js` and
/// `sw.js` (with the list of files the worker caches). Returns the version.
fn stamp(out: &Path) -> Result<String, String> {
    let mut files = Vec::new();
    list_files(out, out, &mut files)?;
    files.retain(|f| f != "sw.js" && f != SINGLE && f != "js/version.js");
    files.sort();
    // FNV-1a, 64 bits: enough to tell builds apart (not a security boundary).
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in &files {
        let bytes =
            std::fs::read(out.join(file)).map_err(|e| format!("cannot read {file}: {e}"))?;
        for b in file
            .as_bytes()
            .iter()
            .chain([0u8].iter())
            .chain(bytes.iter())
        {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let version = format!("{hash:016x}");
    let mut cached = vec!["./".to_owned(), "js/version.js".to_owned()];
    cached.extend(files.iter().cloned());
    let list = cached
        .iter()
        .map(|f| format!("'{f}'"))
        .collect::<Vec<_>>()
        .join(", ");
    replace_in(
        &out.join("sw.js"),
        &[
            ("__BUILD__", &version),
            ("const FILES = ['./'];", &format!("const FILES = [{list}];")),
        ],
    )?;
    replace_in(&out.join("js/version.js"), &[("__BUILD__", &version)])?;
    replace_in(&out.join("js/page.js"), &[("__BUILD__", &version)])?;
    Ok(version)
}

/// Replaces each placeholder in a file; each must be there.
fn replace_in(path: &Path, pairs: &[(&str, &str)]) -> Result<(), String> {
    let mut text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    for (from, to) in pairs {
        if !text.contains(from) {
            return Err(format!("{}: no {from:?} to replace", path.display()));
        }
        text = text.replace(from, to);
    }
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Every file below `dir`, as paths relative to `base` with `/`.
fn list_files(base: &Path, dir: &Path, out: &mut Vec<String>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            list_files(base, &path, out)?;
        } else if let Ok(rel) = path.strip_prefix(base) {
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
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

/// The performance budget's engine download: the wasm and its JS glue, `gzip -9`. Issue 5
/// set 60 kB; issue 6's language features add the Snowball stemmers (English and Russian,
/// ported into src/stem/) and its own code: snippets, keyphrases, corrections; then the
/// phrase step (+0.25 kB for phrases 2.5x faster) (docs/performance.md).
pub const ENGINE_BUDGET_GZIP: usize = 88_200;

/// The engine download of the site in `out` (wasm + glue), in bytes after `gzip -9`.
pub fn engine_gzip(out: &Path) -> Result<usize, String> {
    let pkg = out.join("pkg");
    let wasm = gzip_len(&pkg.join(format!("{CRATE}_bg.wasm")))?;
    let glue = gzip_len(&pkg.join(format!("{CRATE}.js")))?;
    Ok(wasm + glue)
}

/// The size of `file` after `gzip -9`.
fn gzip_len(file: &Path) -> Result<usize, String> {
    let out = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(file)
        .output()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    if !out.status.success() {
        return Err(format!("gzip {} failed", file.display()));
    }
    Ok(out.stdout.len())
}

/// Prints each file's size raw and gzipped (`gzip -9`).
fn report_sizes(files: &[PathBuf]) {
    for file in files {
        let raw = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
        let gz = gzip_len(file).unwrap_or(0);
        eprintln!(
            "xtask: {}: {raw} bytes, {gz} gzipped",
            file.file_name().and_then(|n| n.to_str()).unwrap_or("?")
        );
    }
}

/// `js` without its doc comments: every `/** … */` block that starts a line (as
/// wasm-bindgen writes them before classes, methods and functions). Other comments and
/// all code are kept as they are.
fn strip_doc_comments(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    let mut in_doc = false;
    for line in js.split_inclusive('\n') {
        if !in_doc && line.trim_start().starts_with("/**") {
            in_doc = true;
        }
        if in_doc {
            if line.contains("*/") {
                in_doc = false;
            }
            continue;
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::strip_doc_comments;

    #[test]
    fn doc_comments_go_and_code_stays() {
        let js = "/**\n * The corpus.\n */\nexport class Explorer {\n    /** @returns {number} */\n    get buildMs() {\n        return wasm.f('/** not a comment */'); // kept\n    }\n}\n";
        assert_eq!(
            strip_doc_comments(js),
            "export class Explorer {\n    get buildMs() {\n        return wasm.f('/** not a comment */'); // kept\n    }\n}\n"
        );
    }
}
