//! The static site: the wasm build (cargo → wasm-bindgen → npm's wasm-opt), the page's
//! scripts and styles bundled by esbuild (src/corpus/bundle.rs), and the articles, written into
//! one directory ready for any static host.
//!
//! ```text
//! www/ ──copy──▶ target/site-src/ ◀── pkg/ (wasm-bindgen glue + wasm-opt'd wasm)
//!                       │ esbuild
//!                       ▼
//! dist/  index.html  page.js(.map)  article-explorer.js(.map)  style.css(.map)
//!        pkg/article_explorer_bg.wasm  sw.js  favicon.svg  demo.*
//!        index/head.bin  index/K.bin (shards)  articles/K.txt (chunks): the data (docs/format.md)
//!        pkg/article_explorer.js (the raw glue, for scripts of your own and the benches)
//!        pkg/builder.js, pkg/builder_bg.wasm (indexing in the browser, fetched only then)
//!        article-explorer.html (the single file)
//! ```

use std::path::{Path, PathBuf};

use super::{cargo, root};
use crate::bundle;
use crate::steps::{Ctx, Step, Tool};

/// The Cargo profile of the wasm build (Cargo.toml: release, optimised for size).
const PROFILE: &str = "wasm-release";
const TARGET: &str = "wasm32-unknown-unknown";
const CRATE: &str = "article_explorer";

/// What building the site uses: the wasm toolchain, and npm's wasm-opt and esbuild.
const NEEDS: &[Tool] = &[Tool::WasmTarget, Tool::WasmBindgen, Tool::NodePackages];

/// The step that builds the site into `out` with the articles of `seeds` (default seeds/).
pub fn step(out: PathBuf, seeds: Option<PathBuf>) -> Step {
    Step::task("dist", NEEDS, move |ctx| dist(ctx, &out, seeds.as_deref()))
}

/// The step that writes the glue's type declarations, `target/types/pkg/*.d.ts`, which
/// `tsc` checks the page's imports of the engine against (tsconfig.json's `rootDirs`).
pub fn types_step() -> Step {
    Step::task(
        "glue types",
        &[Tool::WasmTarget, Tool::WasmBindgen],
        |ctx| {
            let types = root().join("target/types/pkg");
            for edition in [Edition::Explorer, Edition::Builder] {
                let wasm = build_wasm(ctx, edition)?;
                bindgen(ctx, &wasm, &types, edition, true)?;
            }
            Ok(())
        },
    )
}

/// The two wasm modules built from the crate: the explorer, and the builder the page
/// fetches only to index articles whose index file is missing or unusable
/// (`--features builder`, src/wasm/builder.rs).
#[derive(Clone, Copy, PartialEq)]
enum Edition {
    Explorer,
    Builder,
}

impl Edition {
    /// The glue's name in `pkg/` (its wasm is `NAME_bg.wasm`).
    fn name(self) -> &'static str {
        match self {
            Edition::Explorer => CRATE,
            Edition::Builder => "builder",
        }
    }
}

/// Builds the site into `out` (replacing it) with the articles of `seeds` (default
/// `seeds/`) as its data files.
fn dist(ctx: &Ctx, out: &Path, seeds: Option<&Path>) -> Result<(), String> {
    // The staging copy esbuild reads: www/ and the glue beside it, as the modules import it.
    let src = root().join("target/site-src");
    clear(&src)?;
    copy_dir(&root().join("www"), &src)?;
    let pkg = src.join("pkg");
    let wasm_opt = ctx.node_bin("wasm-opt")?.display().to_string();
    for edition in [Edition::Explorer, Edition::Builder] {
        let wasm = build_wasm(ctx, edition)?;
        bindgen(ctx, &wasm, &pkg, edition, false)?;
        let bg = pkg.join(format!("{}_bg.wasm", edition.name()));
        let bg_arg = bg.display().to_string();
        // -Oz until nothing changes, and without the two custom sections no browser reads
        // (the toolchain and the feature list: ~250 bytes; stripped after the passes ran).
        // --low-memory-unused: the low 1 kB of memory is never accessed (rustc puts the 1 MB
        // stack first, growing down towards it), so constant offsets fold into loads and
        // stores: -480 bytes gzip.
        ctx.run(
            &wasm_opt,
            &[
                "-Oz",
                "--converge",
                "--low-memory-unused",
                "--strip-producers",
                "--strip-target-features",
                &bg_arg,
                "-o",
                &bg_arg,
            ],
        )?;
    }
    let bg = pkg.join(format!("{CRATE}_bg.wasm"));

    clear(out)?;
    for file in [
        "index.html",
        "favicon.svg",
        "demo.html",
        "demo.css",
        "demo.js",
    ] {
        copy(&src.join(file), &out.join(file))?;
    }
    let wasm_files = [
        format!("{CRATE}_bg.wasm"),
        format!("{CRATE}.js"),
        "builder_bg.wasm".to_owned(),
    ];
    for file in wasm_files {
        copy(&pkg.join(&file), &out.join("pkg").join(&file))?;
    }
    bundle::builder(ctx, &pkg.join("builder.js"), &out.join("pkg/builder.js"))?;
    write_articles(ctx, out, seeds)?;
    bundle::site(ctx, &src, out)?;
    preload_chunks(out)?;
    preload_small(out)?;
    let version = stamp(out, &src.join("sw.js"))?;
    bundle::worker(ctx, &src.join("sw.js"), &out.join("sw.js"))?;
    let single = bundle::single(ctx, &src, out, &version)?;
    report_sizes(&[
        out.join(bundle::PAGE),
        out.join(bundle::ELEMENT),
        out.join(bundle::STYLE),
        bg,
        out.join("index").join(bundle::HEAD_FILE),
        single,
    ]);
    eprintln!("xtask: build {version}");
    eprintln!("xtask: the site is in {}", out.display());
    Ok(())
}

/// `cargo build` of one edition of the wasm module; returns its path. The builder has a
/// target folder of its own, so switching editions never rebuilds the other's.
fn build_wasm(ctx: &Ctx, edition: Edition) -> Result<PathBuf, String> {
    let target_dir = match edition {
        Edition::Explorer => root().join("target"),
        Edition::Builder => root().join("target/builder"),
    };
    let mut args = vec!["build", "--lib", "--profile", PROFILE, "--target", TARGET];
    if edition == Edition::Builder {
        args.extend(["--features", "builder"]);
    }
    let mut build = ctx.command(&cargo(), &args)?;
    build.env("CARGO_TARGET_DIR", &target_dir);
    crate::steps::status(build, "cargo", &args)?;
    Ok(target_dir
        .join(TARGET)
        .join(PROFILE)
        .join(format!("{CRATE}.wasm")))
}

/// wasm-bindgen's glue for the web into `out_dir`, with TypeScript declarations or not.
fn bindgen(
    ctx: &Ctx,
    wasm: &Path,
    out_dir: &Path,
    edition: Edition,
    types: bool,
) -> Result<(), String> {
    let bindgen = ctx.wasm_bindgen()?.display().to_string();
    let (out_arg, wasm_arg) = (out_dir.display().to_string(), wasm.display().to_string());
    let mut args = vec!["--target", "web", "--out-dir", &out_arg, &wasm_arg];
    args.extend(["--out-name", edition.name()]);
    if !types {
        args.push("--no-typescript");
    }
    ctx.run(&bindgen, &args)
}

/// Writes the site's data files (docs/format.md) for the articles of `seeds` (default
/// `seeds/`): `out/index/head.bin`, the shards `out/index/K.bin` and the articles in
/// chunks `out/articles/K.txt`, with the CLI (`article-explorer bundle`, which parses
/// every file first: a file that is not an article fails the build, naming it; then
/// `article-explorer index`). The CLI is built optimised: it indexes 10,000 articles in
/// seconds, where a debug build takes a minute.
fn write_articles(ctx: &Ctx, out: &Path, seeds: Option<&Path>) -> Result<(), String> {
    let seeds = seeds.map_or_else(|| root().join("seeds"), Path::to_path_buf);
    // The bundle is the index's input only: the site ships the chunks.
    let bundle_path = out.join("articles.bundle");
    let bundle = bundle_path.display().to_string();
    let dir = out.display().to_string();
    let cli = [
        "run",
        "--quiet",
        "--release",
        "--bin",
        "article-explorer",
        "--",
    ];
    let seeds = seeds.display().to_string();
    ctx.run(&cargo(), &[&cli[..], &["bundle", &bundle, &seeds]].concat())?;
    ctx.run(&cargo(), &[&cli[..], &["index", &dir, &bundle]].concat())?;
    std::fs::remove_file(&bundle_path).map_err(|e| format!("cannot remove {bundle}: {e}"))
}

/// A site's data under this many bytes is fetched whole with the head (www/js/engine.js,
/// `SMALL`): its parts are preloaded beside the head, as early as the HTML names them.
const SMALL: u64 = 1 << 20;

/// Adds a preload of every data file to `out/index.html` when the site is small (the
/// head's preload is always there): the page would otherwise ask for them only once its
/// script runs: three round trips one after another cost the seed 20–25 ms
/// (docs/performance.md, Load).
/// Adds to `out/index.html` a `<link rel="modulepreload">` for each chunk the page's
/// script imports statically (esbuild's `import … from"./chunk-…"`): fetched beside it,
/// not a round trip after it. The chunks it imports dynamically (`import("./chunk-…")`,
/// after the first view) are left to then.
fn preload_chunks(out: &Path) -> Result<(), String> {
    let page = std::fs::read_to_string(out.join(bundle::PAGE))
        .map_err(|e| format!("cannot read {}: {e}", bundle::PAGE))?;
    let mut links = String::new();
    for piece in page.split("from\"./").skip(1) {
        let Some(chunk) = piece
            .split('"')
            .next()
            .filter(|c| c.starts_with(bundle::CHUNK_PREFIX))
        else {
            continue;
        };
        if !out.join(chunk).is_file() {
            return Err(format!(
                "{} imports {chunk}, which esbuild did not write",
                bundle::PAGE
            ));
        }
        links.push_str(&format!(
            "\n  <link rel=\"modulepreload\" href=\"{chunk}\">"
        ));
    }
    let anchor = format!("<script type=\"module\" src=\"{}\"></script>", bundle::PAGE);
    insert_after(&out.join("index.html"), &anchor, &links)
}

/// Puts `links` right after `anchor` in the HTML file at `path`; fails when it has none.
fn insert_after(path: &Path, anchor: &str, links: &str) -> Result<(), String> {
    let html = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if !html.contains(anchor) {
        return Err(format!(
            "{}: no {anchor} to put {links:?} beside",
            path.display()
        ));
    }
    let html = html.replacen(anchor, &format!("{anchor}{links}"), 1);
    std::fs::write(path, html).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn preload_small(out: &Path) -> Result<(), String> {
    let data = bundle::Data::of(out)?;
    if data.bytes >= SMALL {
        return Ok(());
    }
    let head = format!("index/{}", bundle::HEAD_FILE);
    let links: String = data
        .names
        .iter()
        .filter(|name| **name != head)
        .map(|name| format!("\n  <link rel=\"preload\" href=\"{name}\" as=\"fetch\" crossorigin>"))
        .collect();
    let anchor = format!("<link rel=\"preload\" href=\"{head}\" as=\"fetch\" crossorigin>");
    insert_after(&out.join("index.html"), &anchor, &links)
}

/// Whether the service worker keeps `file` for offline use: everything the page and the
/// element load; not the source maps (fetched only by developer tools), the raw glue (the
/// bundles carry it) or the single file.
fn cached(file: &str) -> bool {
    !(file.ends_with(".map")
        || file == bundle::SINGLE
        || file == "sw.js"
        || file == format!("pkg/{CRATE}.js"))
}

/// Names the build: a hash of every file the service worker caches, written into the
/// page's bundle (in place of [`bundle::VERSION_PLACEHOLDER`]) and into the worker's
/// source `worker` (with the list of files it caches). Returns the version.
fn stamp(out: &Path, worker: &Path) -> Result<String, String> {
    let mut files = Vec::new();
    list_files(out, out, &mut files)?;
    files.retain(|f| cached(f));
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
    let mut list = vec!["'./'".to_owned()];
    list.extend(files.iter().map(|f| format!("'{f}'")));
    replace_in(
        worker,
        &[
            ("__BUILD__", &version),
            (
                "const FILES = ['./'];",
                &format!("const FILES = [{}];", list.join(", ")),
            ),
        ],
    )?;
    replace_in(
        &out.join(bundle::PAGE),
        &[(bundle::VERSION_PLACEHOLDER, &version)],
    )?;
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

/// Removes `dir` if it exists, and creates it empty.
fn clear(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))
}

/// Copies one file, creating its folder.
fn copy(from: &Path, to: &Path) -> Result<(), String> {
    if let Some(dir) = to.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("cannot copy {}: {e}", from.display()))
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
            copy(&path, &target)?;
        }
    }
    Ok(())
}

/// Prints each file's size. The compressed sizes and their budget are measured in one
/// place, with Node's zlib: benches/sizes.mjs (tests/e2e/size.test.mjs checks the budget).
fn report_sizes(files: &[PathBuf]) {
    for file in files {
        let raw = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
        eprintln!(
            "xtask: {}: {raw} bytes",
            file.file_name().and_then(|n| n.to_str()).unwrap_or("?")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::cached;

    #[test]
    fn the_worker_keeps_what_the_page_loads() {
        for file in [
            "index.html",
            "page.js",
            "pkg/article_explorer_bg.wasm",
            "index/head.bin",
            "index/0.bin",
            "articles/0.txt",
        ] {
            assert!(cached(file), "{file}");
        }
        for file in [
            "page.js.map",
            "sw.js",
            "article-explorer.html",
            "pkg/article_explorer.js",
        ] {
            assert!(!cached(file), "{file}");
        }
    }
}
