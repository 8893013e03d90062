//! The single-file edition: `dist/article-explorer.html`, one self-contained HTML file
//! (CSS, JS modules, the wasm as base64) that works from `file://`, saved or mailed.
//!
//! The ES modules are bundled without a bundler: each module becomes an async function scope
//! that returns its exports, and each `import` a destructuring of the module it names,
//! in dependency order. `js/sources.js` is replaced by a module that hands the engine
//! the embedded wasm and articles bundle bytes. The file carries its own CSP in a `<meta>`, hash-based: its one
//! inline script and one inline style are allowed by their SHA-256 and nothing else is.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The module the build replaces: it tells the engine where the wasm and the articles
/// come from.
const SOURCES: &str = "js/sources.js";
/// The page's entry module.
const ENTRY: &str = "js/main.js";

/// Writes `site/article-explorer.html` from the built site; returns its path.
pub fn write(site: &Path) -> Result<PathBuf, String> {
    let read = |rel: &str| {
        std::fs::read_to_string(site.join(rel)).map_err(|e| format!("cannot read {rel}: {e}"))
    };
    let wasm = std::fs::read(site.join("pkg/article_explorer_bg.wasm"))
        .map_err(|e| format!("cannot read the wasm: {e}"))?;
    let articles = std::fs::read(site.join("articles.txt"))
        .map_err(|e| format!("cannot read the articles: {e}"))?;
    let mut sources: HashMap<String, String> = HashMap::new();
    sources.insert(
        SOURCES.to_owned(),
        format!(
            "const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));\n\
             export const WASM_SOURCE = bytes('{}');\n\
             export const ARTICLES_SOURCE = bytes('{}');\n",
            base64(&wasm),
            base64(&articles)
        ),
    );
    let script = bundle(ENTRY, &mut sources, &|rel| read(rel))?;
    let style = read("style.css")?;
    let index = read("index.html")?;

    let csp = format!(
        "default-src 'none'; script-src '{}' 'wasm-unsafe-eval'; style-src '{}'; img-src data:",
        sha256_b64(&script)?,
        sha256_b64(&style)?
    );
    let html = inline(&index, &csp, &style, &script)?;
    let out = site.join("article-explorer.html");
    std::fs::write(&out, html).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    eprintln!("xtask: wrote {} (CSP: {csp})", out.display());
    Ok(out)
}

/// The page's modules as one script, `site/js/page.js`, loaded by `site/index.html`
/// instead of `js/main.js` and its ten imports: the browser fetches one file instead of
/// eleven (the modules stay in the site for the `<article-explorer>` element). The wasm
/// and the articles are fetched as before, beside the page (`js/sources.js` replaced by
/// their URLs). `js/version.js` keeps its placeholder here; `dist`'s stamp fills it in.
pub fn write_page(site: &Path) -> Result<(), String> {
    let read = |rel: &str| {
        std::fs::read_to_string(site.join(rel)).map_err(|e| format!("cannot read {rel}: {e}"))
    };
    let mut sources: HashMap<String, String> = HashMap::new();
    sources.insert(
        SOURCES.to_owned(),
        "export const WASM_SOURCE = new URL('../pkg/article_explorer_bg.wasm', import.meta.url);\n\
         export const ARTICLES_SOURCE = undefined;\n"
            .to_owned(),
    );
    let script = bundle(ENTRY, &mut sources, &|rel| read(rel))?;
    std::fs::write(site.join(PAGE), script).map_err(|e| format!("cannot write {PAGE}: {e}"))?;

    let index = read("index.html")?;
    let entry = format!("<script type=\"module\" src=\"{ENTRY}\"></script>");
    if !index.contains(&entry) {
        return Err(format!(
            "index.html has no {entry}: cannot point it at {PAGE}"
        ));
    }
    let mut html = String::new();
    for line in index.lines() {
        let t = line.trim();
        if t.starts_with("<link rel=\"modulepreload\"") {
            continue; // one script now: no modules to preload (the wasm and articles stay)
        }
        html.push_str(&line.replace(
            &entry,
            &format!("<script type=\"module\" src=\"{PAGE}\"></script>"),
        ));
        html.push('\n');
    }
    std::fs::write(site.join("index.html"), html)
        .map_err(|e| format!("cannot write index.html: {e}"))
}

/// The bundled page script (see [`write_page`]).
const PAGE: &str = "js/page.js";

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
        } else if t.starts_with("<link rel=\"modulepreload\"")
            || t.starts_with("<link rel=\"preload\"")
            || t.starts_with("<!-- Everything the page loads")
        {
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
    Ok(html)
}

/// Bundles `entry` and its imports (paths relative to the site) into one script.
fn bundle(
    entry: &str,
    sources: &mut HashMap<String, String>,
    read: &dyn Fn(&str) -> Result<String, String>,
) -> Result<String, String> {
    let mut order: Vec<String> = Vec::new();
    visit(entry, sources, read, &mut order, &mut Vec::new())?;
    let mut out = String::from("\n");
    for module in &order {
        let source = sources.get(module).cloned().unwrap_or_default();
        // An async scope: a module may use top-level await.
        out.push_str(&format!(
            "// {module}\nconst {} = await (async () => {{\n",
            var(module)
        ));
        let (body, exports) = rewrite(module, &source)?;
        out.push_str(&body);
        out.push_str(&format!("return {{ {} }};\n}})();\n", exports.join(", ")));
    }
    Ok(out)
}

fn visit(
    module: &str,
    sources: &mut HashMap<String, String>,
    read: &dyn Fn(&str) -> Result<String, String>,
    order: &mut Vec<String>,
    stack: &mut Vec<String>,
) -> Result<(), String> {
    if order.iter().any(|m| m == module) {
        return Ok(());
    }
    if stack.iter().any(|m| m == module) {
        return Err(format!("import cycle through {module}"));
    }
    if !sources.contains_key(module) {
        let text = read(module)?;
        sources.insert(module.to_owned(), text);
    }
    let text = sources.get(module).cloned().unwrap_or_default();
    stack.push(module.to_owned());
    for statement in statements(&text) {
        if let Some((_, from)) = parse_import(&statement) {
            visit(&resolve(module, &from), sources, read, order, stack)?;
        }
    }
    stack.pop();
    order.push(module.to_owned());
    Ok(())
}

/// The module's variable in the bundle.
fn var(module: &str) -> String {
    let name: String = module
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("__module_{name}")
}

/// `../pkg/x.js` from `js/engine.js` → `pkg/x.js`.
fn resolve(from: &str, spec: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for piece in spec.split('/') {
        match piece {
            "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// Splits source into top-level statements only as far as imports need: an import may
/// span lines until its `from '…';`. Other lines pass through one by one.
fn statements(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut pending: Option<String> = None;
    for line in text.lines() {
        if let Some(acc) = pending.as_mut() {
            acc.push('\n');
            acc.push_str(line);
            if line.contains(" from ") || line.trim_start().starts_with("from ") {
                out.extend(pending.take());
            }
        } else if line.starts_with("import ") && !line.contains(" from ") && line.contains('{') {
            pending = Some(line.to_owned());
        } else {
            out.push(line.to_owned());
        }
    }
    out.extend(pending);
    out
}

/// `import a, { b, c as d } from 'x'` → (`default: a, b, c: d`, `x`).
fn parse_import(statement: &str) -> Option<(String, String)> {
    let s = statement.trim();
    let rest = s.strip_prefix("import ")?;
    let (names, from) = rest.rsplit_once(" from ")?;
    let from = from
        .trim()
        .trim_end_matches(';')
        .trim_matches(['\'', '"'])
        .to_owned();
    let mut bindings = Vec::new();
    let names = names.trim();
    let (default, braces) = match names.find('{') {
        Some(i) => (
            names.get(..i)?.trim().trim_end_matches(','),
            names.get(i..)?,
        ),
        None => (names, ""),
    };
    if !default.is_empty() {
        bindings.push(format!("default: {}", default.trim()));
    }
    for item in braces.trim_matches(['{', '}']).split(',') {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        match item.split_once(" as ") {
            Some((name, alias)) => bindings.push(format!("{}: {}", name.trim(), alias.trim())),
            None => bindings.push(item.to_owned()),
        }
    }
    Some((bindings.join(", "), from))
}

/// A module's body with imports turned into destructurings and `export`s dropped, and
/// the names it exports (as `name` or `exported: local`).
fn rewrite(module: &str, source: &str) -> Result<(String, Vec<String>), String> {
    let mut body = String::new();
    let mut exports = Vec::new();
    for statement in statements(source) {
        if let Some((bindings, from)) = parse_import(&statement) {
            body.push_str(&format!(
                "const {{ {bindings} }} = {};\n",
                var(&resolve(module, &from))
            ));
            continue;
        }
        let line = statement.as_str();
        if let Some(list) = line.strip_prefix("export {") {
            for item in list.trim_end_matches(';').trim_end_matches('}').split(',') {
                let item = item.trim();
                if item.is_empty() {
                    continue;
                }
                match item.split_once(" as ") {
                    Some((local, name)) => {
                        exports.push(format!("{}: {}", name.trim(), local.trim()))
                    }
                    None => exports.push(item.to_owned()),
                }
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix("export ") {
            let name = rest
                .trim_start_matches("async ")
                .split_whitespace()
                .nth(1)
                .map(|n| {
                    n.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                })
                .ok_or_else(|| format!("{module}: cannot read the export in {line:?}"))?;
            let name = name.split(['(', '=', '{']).next().unwrap_or(name).trim();
            exports.push(name.to_owned());
            body.push_str(rest);
            body.push('\n');
            continue;
        }
        if line.contains("import.meta") && module != SOURCES {
            // Only the glue's default wasm URL uses it, unused when bytes are given.
            body.push_str(&line.replace("import.meta.url", "document.baseURI"));
            body.push('\n');
            continue;
        }
        body.push_str(line);
        body.push('\n');
    }
    Ok((body, exports))
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `sha256-<base64>` of `text`, as a CSP source expression (via coreutils' sha256sum).
fn sha256_b64(text: &str) -> Result<String, String> {
    use std::io::Write;
    let mut child = Command::new("sha256sum")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run sha256sum: {e}"))?;
    child
        .stdin
        .take()
        .ok_or("no stdin")?
        .write_all(text.as_bytes())
        .map_err(|e| e.to_string())?;
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let hex = String::from_utf8_lossy(&out.stdout);
    let hex = hex
        .split_whitespace()
        .next()
        .ok_or("sha256sum printed nothing")?;
    let bytes: Vec<u8> = (0..hex.len() / 2)
        .filter_map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok())
        .collect();
    Ok(format!("sha256-{}", base64(&bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn sha256_of_abc() {
        assert_eq!(
            sha256_b64("abc").unwrap(),
            "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
    }

    #[test]
    fn imports_and_exports() {
        assert_eq!(
            parse_import("import init, { Explorer, a as b } from '../pkg/x.js';"),
            Some(("default: init, Explorer, a: b".into(), "../pkg/x.js".into()))
        );
        assert_eq!(resolve("js/engine.js", "../pkg/x.js"), "pkg/x.js");
        assert_eq!(resolve("js/main.js", "./render.js"), "js/render.js");
        let (body, exports) = rewrite(
            "js/a.js",
            "import { x } from './b.js';\nexport function f() {}\nexport const C = 1;\nexport class K {}\nexport { g, h as default };\nlet y = 2;",
        )
        .unwrap();
        assert_eq!(exports, ["f", "C", "K", "g", "default: h"]);
        assert!(body.starts_with("const { x } = __module_js_b_js;\nfunction f() {}\nconst C = 1;"));
    }
}
