//! The page's scripts and styles as shipped: bundled and minified by esbuild (npm, pinned),
//! with source maps beside them, and the single-file edition
//! (`dist/article-explorer.html`: CSS, JS and the wasm and articles inline, under its own
//! hash-based CSP).
//!
//! esbuild works on a staging copy of www/ with the wasm-bindgen glue in `pkg/`
//! (src/dist.rs). The one module that differs between editions, `js/sources.js` (where
//! the wasm, the articles and their index come from), is written into the staging copy
//! before each bundle: the site's fetches them beside the bundle, the single file's decodes them
//! from base64 strings that are put into the minified script after esbuild ran, so the
//! megabytes of data never go through the bundler.

use std::path::{Path, PathBuf};

use base64::Engine as _;
use sha2::Digest as _;

use crate::steps::Ctx;

/// The page's script: `js/main.js` and everything it imports, with the glue.
pub const PAGE: &str = "page.js";
/// The worker that indexes the reader's own articles (www/js/collection-worker.js), at
/// the site's root beside the page's script.
pub const WORKER: &str = "collection-worker.js";
/// The `<article-explorer>` element's script (README, "Embedding").
pub const ELEMENT: &str = "article-explorer.js";
/// The stylesheet of the page and the element.
pub const STYLE: &str = "style.css";
/// The single-file edition.
pub const SINGLE: &str = "article-explorer.html";
/// The module that says where the wasm and the articles come from.
const SOURCES: &str = "js/sources.js";

/// A 16-character stand-in for the build's version (`js/version.js`), replaced in the
/// bundles once the version is known (src/dist.rs): as long as the version, so the source
/// maps' columns stay right.
pub const VERSION_PLACEHOLDER: &str = "__build_hash16__";

/// The site's data files (docs/format.md), as `cargo xtask dist` wrote them into `out`:
/// the index's head, its shards and the articles' chunks, by name, in order.
pub struct Data {
    /// The files, the head first.
    pub names: Vec<String>,
    /// How many shards of posting lists.
    pub shards: usize,
    /// How many chunks of articles.
    pub chunks: usize,
    /// How many articles.
    pub articles: u32,
    /// The chunks' bytes.
    pub article_bytes: u64,
    /// All the files' bytes.
    pub bytes: u64,
    /// The head's checksum (its last eight bytes), in hex.
    pub head: String,
}

impl Data {
    /// The data files in `out`.
    pub fn of(out: &Path) -> Result<Data, String> {
        let count = |dir: &str, ext: &str| -> Result<usize, String> {
            let entries = std::fs::read_dir(out.join(dir))
                .map_err(|e| format!("cannot read {}: {e}", out.join(dir).display()))?;
            Ok(entries
                .filter_map(Result::ok)
                .filter(|e| {
                    e.file_name()
                        .to_str()
                        .is_some_and(|n| n.ends_with(ext) && n != HEAD_FILE)
                })
                .count())
        };
        let (shards, chunks) = (count("index", ".bin")?, count("articles", ".txt")?);
        let mut names = vec![format!("index/{HEAD_FILE}")];
        names.extend((0..shards).map(|k| format!("index/{k}.bin")));
        names.extend((0..chunks).map(|k| format!("articles/{k}.txt")));
        let size = |name: &String| std::fs::metadata(out.join(name)).map_or(0, |m| m.len());
        let article_bytes = names
            .iter()
            .filter(|n| n.starts_with("articles/"))
            .map(size)
            .sum();
        let bytes = names.iter().map(size).sum();
        let head = std::fs::read(out.join("index").join(HEAD_FILE))
            .map_err(|e| format!("cannot read the index's head: {e}"))?;
        let sum = head.get(head.len().saturating_sub(8)..).unwrap_or(&[]);
        // The number of articles: the head's first count (docs/format.md).
        let articles = head
            .get(16..20)
            .and_then(|w| w.try_into().ok())
            .map_or(0, u32::from_le_bytes);
        Ok(Data {
            names,
            shards,
            chunks,
            articles,
            article_bytes,
            bytes,
            head: sum.iter().map(|b| format!("{b:02x}")).collect(),
        })
    }

    /// `DATA` of `js/sources.js`.
    fn constant(&self) -> String {
        format!(
            "export const DATA = {{ articles: {}, shards: {}, chunks: {}, articleBytes: {}, bytes: {}, head: '{}' }};\n",
            self.articles, self.shards, self.chunks, self.article_bytes, self.bytes, self.head
        )
    }
}

/// The index's head, in `index/`.
pub const HEAD_FILE: &str = "head.bin";

/// The site edition's `js/sources.js`: the bundles sit at the site's root, so the wasm and
/// the data files are resolved against the bundle's own URL.
fn site_sources(data: &Data) -> String {
    format!(
        "export const WASM_SOURCE = new URL('pkg/article_explorer_bg.wasm', import.meta.url);\n\
         export const BUILDER_SOURCE = new URL('pkg/builder.js', import.meta.url);\n\
         export const WORKER_SOURCE = new URL('{WORKER}', import.meta.url);\n\
         export const BUILDER_WASM_SOURCE = () => new URL('pkg/builder_bg.wasm', import.meta.url);\n\
         {}\
         export const part = (name) => new URL(name, import.meta.url);\n",
        data.constant()
    )
}

const WASM_SLOT: &str = "__AE_WASM_BASE64__";
const BUILDER_SLOT: &str = "__AE_BUILDER_BASE64__";
const WORKER_SLOT: &str = "__AE_WORKER_BASE64__";
/// The stand-in for data file `k`'s base64 in the single file's script.
fn data_slot(k: usize) -> String {
    format!("__AE_DATA_{k}_BASE64__")
}

/// esbuild's target: syntax newer than this is lowered (the oldest engines the README
/// lists all support ES2022: class fields, top-level await).
const TARGET: &str = "--target=es2022";

/// Bundles the page, the element and the stylesheet of the staging copy `src` into
/// `out`, minified, each with its source map.
pub fn site(ctx: &Ctx, src: &Path, out: &Path) -> Result<(), String> {
    write(&src.join(SOURCES), &site_sources(&Data::of(out)?))?;
    let js = ["--bundle", "--format=esm", TARGET, "--sourcemap"];
    // The page's code for the reader's own articles (js/yours.js, imported after the
    // first view) in chunks of its own: the first visit does not wait for it.
    let entry = format!("--entry-names={}", PAGE.trim_end_matches(".js"));
    let outdir = format!("--outdir={}", out.display());
    let split = [&js[..], &["--splitting", &outdir, &entry, CHUNKS]].concat();
    esbuild_into(ctx, &src.join("js/main.js"), &split)?;
    esbuild(ctx, &src.join(ELEMENT), &out.join(ELEMENT), &js)?;
    // A classic worker's script: Chromium starts no module worker from a blob: URL in a
    // file:// page (the single file's case). The builder's glue reads `import.meta.url`
    // only when not given its wasm, which the worker always is.
    let classic = [
        "--bundle",
        "--format=iife",
        TARGET,
        "--sourcemap",
        "--log-override:empty-import-meta=silent",
    ];
    esbuild(
        ctx,
        &src.join("js").join(WORKER),
        &out.join(WORKER),
        &classic,
    )?;
    esbuild(ctx, &src.join(STYLE), &out.join(STYLE), &["--sourcemap"])?;
    let mut maps: Vec<PathBuf> = [PAGE, ELEMENT, WORKER, STYLE]
        .iter()
        .map(|file| out.join(format!("{file}.map")))
        .collect();
    if let Ok(entries) = std::fs::read_dir(out) {
        maps.extend(entries.flatten().map(|e| e.path()).filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(CHUNK_PREFIX) && n.ends_with(".js.map"))
        }));
    }
    for map in maps {
        write(&map, &site_relative_sources(&read(&map)?))?;
    }
    Ok(())
}

/// Where esbuild puts the chunks the page's code is split into (named by their content):
/// beside the page's script, so that what they resolve against their own URL (the wasm,
/// the data files: `js/sources.js`) is where it is for the page's script.
const CHUNKS: &str = "--chunk-names=chunk-[hash]";
/// How their names begin.
pub const CHUNK_PREFIX: &str = "chunk-";

/// A source map whose `sources` name the files as the site lays them out (`js/app.js`,
/// `pkg/article_explorer.js`), not by the path from the output to the staging copy
/// (`../target/site-src/js/app.js`). Their text is in the map (`sourcesContent`).
fn site_relative_sources(map: &str) -> String {
    const STAGING: &str = "site-src/";
    let Some(start) = map.find("\"sources\": [") else {
        return map.to_owned();
    };
    let end = map
        .get(start..)
        .and_then(|rest| rest.find(']'))
        .map_or(map.len(), |i| start + i);
    let (head, rest) = map.split_at(start);
    let (sources, tail) = rest.split_at(end - start);
    let mut out = String::from(head);
    for (i, piece) in sources.split('"').enumerate() {
        if i > 0 {
            out.push('"');
        }
        match piece.rfind(STAGING) {
            Some(at) if i % 2 == 1 => {
                out.push_str(piece.get(at + STAGING.len()..).unwrap_or(piece))
            }
            _ => out.push_str(piece),
        }
    }
    out.push_str(tail);
    out
}

/// The builder's glue (src/dist.rs), minified: an ES module the page imports by URL only
/// when it has to index the articles itself, so it stays out of the bundles.
pub fn builder(ctx: &Ctx, from: &Path, to: &Path) -> Result<(), String> {
    esbuild(ctx, from, to, &["--format=esm", TARGET])
}

/// The service worker (stamped by src/dist.rs), minified: it is not a module and imports
/// nothing, so it is not bundled, and it gets no source map.
pub fn worker(ctx: &Ctx, from: &Path, to: &Path) -> Result<(), String> {
    esbuild(ctx, from, to, &[TARGET])
}

/// Writes `out/article-explorer.html` from the staging copy `src` (after [`site`]) and the
/// built site `out`; returns its path and its CSP.
pub fn single(ctx: &Ctx, src: &Path, out: &Path, version: &str) -> Result<PathBuf, String> {
    let data = Data::of(out)?;
    let files: Vec<String> = data
        .names
        .iter()
        .enumerate()
        .map(|(k, name)| format!("  '{name}': '{}',\n", data_slot(k)))
        .collect();
    let sources = format!(
        "// Base64 to bytes: the built-in where there is one (Chrome 140, Firefox 133, Safari 18.2).\n\
         const bytes = (b64) => {{\n\
           if (Uint8Array.fromBase64) return Uint8Array.fromBase64(b64);\n\
           const text = atob(b64);\n\
           const out = new Uint8Array(text.length);\n\
           for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);\n\
           return out;\n\
         }};\n\
         // Each data file's base64, decoded when the engine asks for it.\n\
         const FILES = {{\n{}}};\n\
         export const WASM_SOURCE = bytes('{WASM_SLOT}');\n\
         export const BUILDER_SOURCE = undefined;\n\
         // The worker of the reader's articles, from its code (a blob: URL: the file has\n\
         // no other), and the builder's wasm, decoded when first asked.\n\
         export const WORKER_SOURCE = new URL(URL.createObjectURL(new Blob([new TextDecoder().decode(bytes('{WORKER_SLOT}'))], {{ type: 'text/javascript' }})));\n\
         export const BUILDER_WASM_SOURCE = () => new Response(new Blob([bytes('{BUILDER_SLOT}')]).stream()\n\
           .pipeThrough(new DecompressionStream('gzip'))).arrayBuffer().then((b) => new Uint8Array(b));\n\
         {}\
         export const part = (name) => bytes(FILES[name] ?? '');\n",
        files.concat(),
        data.constant()
    );
    write(&src.join(SOURCES), &sources)?;
    let script_path = src.join("single.js");
    // No source map: it could not sit beside a file that is mailed on its own.
    let js = ["--bundle", "--format=esm", TARGET];
    esbuild(ctx, &src.join("js/main.js"), &script_path, &js)?;
    let b64 = |rel: &str| -> Result<String, String> {
        let bytes = std::fs::read(out.join(rel)).map_err(|e| format!("cannot read {rel}: {e}"))?;
        Ok(base64::engine::general_purpose::STANDARD.encode(bytes))
    };
    let script = read(&script_path)?;
    // The worker's code as built for the site, without its source-map comment.
    let worker = read(&out.join(WORKER))?;
    let worker = worker
        .rsplit_once("//# sourceMappingURL=")
        .map_or(worker.as_str(), |(code, _)| code);
    let mut values = vec![
        (WASM_SLOT.to_owned(), b64("pkg/article_explorer_bg.wasm")?),
        (
            BUILDER_SLOT.to_owned(),
            gzip64(&out.join("pkg/builder_bg.wasm"))?,
        ),
        (
            WORKER_SLOT.to_owned(),
            base64::engine::general_purpose::STANDARD.encode(worker),
        ),
    ];
    for (k, name) in data.names.iter().enumerate() {
        values.push((data_slot(k), b64(name)?));
    }
    let script = fill_all(&script, &values)?;
    let script = fill(&script, VERSION_PLACEHOLDER, version)?;
    let script = script.trim_end();
    let style = read(&out.join(STYLE))?;
    // The stylesheet without its source-map comment: the map is not beside this file.
    let style = strip_source_map_comment(&style);
    let csp = single_csp(script, style);
    let html = inline(&read(&src.join("index.html"))?, &csp, style, script)?;
    let path = out.join(SINGLE);
    write(&path, &html)?;
    eprintln!("xtask: wrote {} (CSP: {csp})", path.display());
    Ok(path)
}

/// The base64 of the file at `path`, gzipped (the page inflates it: DecompressionStream).
fn gzip64(path: &Path) -> Result<String, String> {
    use std::io::Write;
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(&bytes)
        .and_then(|()| encoder.finish())
        .map(|gz| base64::engine::general_purpose::STANDARD.encode(gz))
        .map_err(|e| format!("cannot gzip {}: {e}", path.display()))
}

/// The single file's Content-Security-Policy: nothing but its one inline script and one
/// inline style, by hash, the wasm compiled from bytes, and the worker of the reader's
/// own articles from a blob: URL of the script's own code.
pub fn single_csp(script: &str, style: &str) -> String {
    format!(
        "default-src 'none'; script-src '{}' 'wasm-unsafe-eval'; style-src '{}'; img-src data:; worker-src blob:",
        sha256_source(script),
        sha256_source(style)
    )
}

/// `esbuild FROM --outfile=TO --minify ARGS…`.
fn esbuild(ctx: &Ctx, from: &Path, to: &Path, args: &[&str]) -> Result<(), String> {
    let outfile = format!("--outfile={}", to.display());
    esbuild_into(ctx, from, &[&[outfile.as_str()][..], args].concat())
}

/// `esbuild FROM --minify ARGS…` (ARGS say where the output goes).
fn esbuild_into(ctx: &Ctx, from: &Path, args: &[&str]) -> Result<(), String> {
    let esbuild = ctx.node_bin("esbuild")?.display().to_string();
    let from = from.display().to_string();
    let mut all = vec![
        from.as_str(),
        "--minify",
        "--charset=utf8",
        "--log-level=warning",
    ];
    all.extend(args);
    ctx.run(&esbuild, &all)
}

/// `text` with its one `slot` replaced by `value`.
fn fill(text: &str, slot: &str, value: &str) -> Result<String, String> {
    match text.matches(slot).count() {
        1 => Ok(text.replacen(slot, value, 1)),
        n => Err(format!(
            "the single file's script has {n} × {slot}, not one"
        )),
    }
}

/// `text` with each `(slot, value)`'s one slot replaced by its value, in one pass (a
/// large site's single file has hundreds of slots and hundreds of megabytes of values).
fn fill_all(text: &str, values: &[(String, String)]) -> Result<String, String> {
    let mut at: Vec<(usize, &str, &str)> = Vec::with_capacity(values.len());
    for (slot, value) in values {
        let mut found = text.match_indices(slot.as_str());
        match (found.next(), found.next()) {
            (Some((i, _)), None) => at.push((i, slot, value)),
            (None, _) => return Err(format!("the single file's script has no {slot}")),
            (Some(_), Some(_)) => return Err(format!("the single file's script has {slot} twice")),
        }
    }
    at.sort_unstable_by_key(|&(i, _, _)| i);
    let mut out =
        String::with_capacity(text.len() + values.iter().map(|(_, v)| v.len()).sum::<usize>());
    let mut from = 0;
    for (i, slot, value) in at {
        out.push_str(text.get(from..i).unwrap_or(""));
        out.push_str(value);
        from = i + slot.len();
    }
    out.push_str(text.get(from..).unwrap_or(""));
    Ok(out)
}

fn strip_source_map_comment(css: &str) -> &str {
    let css = css.trim_end();
    match css.rfind("/*# sourceMappingURL=") {
        Some(i) if css.ends_with("*/") => css.get(..i).unwrap_or(css).trim_end(),
        _ => css,
    }
}

/// index.html with its stylesheet, module script and icon inlined, and the CSP meta.
fn inline(index: &str, csp: &str, style: &str, script: &str) -> Result<String, String> {
    let icon = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%231d4ed8'/%3E%3C/svg%3E";
    let mut html = String::new();
    for line in index.lines() {
        let t = line.trim();
        if t.starts_with("<link rel=\"stylesheet\"") {
            html.push_str(&format!("  <style>{style}</style>\n"));
        } else if t.starts_with("<script type=\"module\"") {
            continue; // the bundle goes at the end of the body
        } else if t.starts_with("<link rel=\"preload\"") || t.starts_with("<!--") {
            continue; // everything is inline: nothing to fetch
        } else if t.starts_with("<link rel=\"icon\"") {
            html.push_str(&format!("  <link rel=\"icon\" href=\"{icon}\">\n"));
        } else if t.starts_with("<meta charset") {
            html.push_str(line);
            html.push('\n');
            html.push_str(&format!(
                "  <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n"
            ));
        } else if t == "</body>" {
            html.push_str(&format!("<script type=\"module\">{script}</script>\n"));
            html.push_str(line);
            html.push('\n');
        } else {
            html.push_str(line);
            html.push('\n');
        }
    }
    if !html.contains("<style>") || !html.contains("<script type=\"module\">") {
        return Err("index.html lost its stylesheet link or module script: cannot inline".into());
    }
    if script.contains("</script") {
        return Err("the single file's script contains </script: cannot inline it".into());
    }
    Ok(html)
}

/// `sha256-<base64>` of `text`, as a CSP source expression.
fn sha256_source(text: &str) -> String {
    let digest = sha2::Sha256::digest(text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_abc() {
        assert_eq!(
            sha256_source("abc"),
            "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
    }

    #[test]
    fn a_slot_is_filled_once_or_refused() {
        assert_eq!(
            fill("a(\"SLOT\")", "SLOT", "xyz").as_deref(),
            Ok("a(\"xyz\")")
        );
        assert!(fill("a", "SLOT", "x").is_err());
        assert!(fill("SLOT SLOT", "SLOT", "x").is_err());
    }

    #[test]
    fn source_maps_name_the_site_files() {
        let map = "{\n  \"version\": 3,\n  \"sources\": [\"../target/site-src/js/a.js\", \"../../w/target/site-src/pkg/g.js\"],\n  \"sourcesContent\": [\"site-src/\"]\n}";
        assert_eq!(
            site_relative_sources(map),
            "{\n  \"version\": 3,\n  \"sources\": [\"js/a.js\", \"pkg/g.js\"],\n  \"sourcesContent\": [\"site-src/\"]\n}"
        );
    }

    #[test]
    fn the_source_map_comment_goes() {
        let css = "a{b:c}\n/*# sourceMappingURL=style.css.map */\n";
        assert_eq!(strip_source_map_comment(css), "a{b:c}");
        assert_eq!(strip_source_map_comment("a{b:c}"), "a{b:c}");
    }
}
