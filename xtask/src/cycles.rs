//! `cargo xtask lint`'s check that the modules of `src/` depend on one another without a
//! cycle: the folders show the pipeline (text → article → index → query → results →
//! binding), and a cycle would make two of its stages one.
//!
//! A module is a file (`src/a/b.rs` is `a::b`, `src/a/mod.rs` is `a`). It depends on
//! every module it names by a `crate::` or `super::` path outside comments and its
//! `#[cfg(test)] mod tests` (the longest prefix of the path that is a module). A module
//! and its ancestors are one unit: a child uses what its parent defines, and a parent
//! declares and re-exports its children; those edges are not counted.

use std::collections::BTreeMap;
use std::path::Path;

/// One module's dependencies: the module it names, and the line of the first mention.
type Edges = BTreeMap<String, BTreeMap<String, usize>>;

/// Fails with every cycle among the modules of `src`, each with the lines that close it.
pub fn check(src: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    collect(src, src, &mut files)?;
    let modules: Vec<String> = files.iter().map(|(m, _, _)| m.clone()).collect();
    let mut edges = Edges::new();
    for (module, _, text) in &files {
        edges.insert(module.clone(), dependencies(module, text, &modules));
    }
    let file_of = |module: &str| {
        files
            .iter()
            .find(|(m, _, _)| m == module)
            .map_or_else(String::new, |(_, path, _)| path.clone())
    };
    let cycles = cycles(&edges);
    if cycles.is_empty() {
        eprintln!("xtask: {} modules of src/, no cycle", modules.len());
        return Ok(());
    }
    let mut out = String::from("modules of src/ that depend on each other in a cycle:");
    for cycle in cycles {
        out.push_str(&format!("\n  {}", cycle.join(", ")));
        for from in &cycle {
            for (to, line) in edges.get(from).into_iter().flatten() {
                if cycle.contains(to) {
                    out.push_str(&format!("\n    {} line {line} names {to}", file_of(from)));
                }
            }
        }
    }
    Err(out)
}

/// Every `.rs` file under `dir` as (module path, file, text).
fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, String, String)>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect(root, &path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).map_err(|e| e.to_string())?;
            let mut parts: Vec<String> = rel
                .iter()
                .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
                .collect();
            if parts
                .last()
                .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
            {
                parts.pop();
            }
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let file = format!("src/{}", rel.display());
            out.push((parts.join("::"), file, text));
        }
    }
    Ok(())
}

/// The modules `text` (module `module`) names, each with the line of its first mention.
fn dependencies(module: &str, text: &str, modules: &[String]) -> BTreeMap<String, usize> {
    let body = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    let own: Vec<&str> = if module.is_empty() {
        Vec::new()
    } else {
        module.split("::").collect()
    };
    let mut out = BTreeMap::new();
    for (n, line) in body.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        for (at, _) in code
            .match_indices("crate::")
            .chain(code.match_indices("super::"))
        {
            let rest = code.get(at..).unwrap_or("");
            let (base, rest): (Vec<&str>, &str) = if let Some(r) = rest.strip_prefix("crate::") {
                (Vec::new(), r)
            } else {
                // `super::` in `a::b` (a file) or in `a/b/mod.rs` (module `a::b`) is `a`.
                let mut base = own.clone();
                base.pop();
                let mut r = rest;
                while let Some(more) = r.strip_prefix("super::") {
                    base.pop();
                    r = more;
                }
                (base, r)
            };
            if at > 0 && code.get(at - 2..at) == Some("::") {
                continue; // `crate::` inside `super::…` is not a path of its own
            }
            for path in paths_after(rest) {
                let mut full = base.clone();
                full.extend(path.iter().copied());
                if let Some(target) = longest_module(&full, modules) {
                    let related = target == module
                        || module.starts_with(&format!("{target}::"))
                        || target.starts_with(&format!("{module}::"))
                        || target.is_empty();
                    if !related {
                        out.entry(target).or_insert(n + 1);
                    }
                }
            }
        }
    }
    out
}

/// The paths after `crate::`: one (`a::b::C`), or each of a group (`{a::B, c}`).
fn paths_after(rest: &str) -> Vec<Vec<&str>> {
    let ident = |s: &str| -> usize {
        s.find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(s.len())
    };
    let mut prefix = Vec::new();
    let mut r = rest;
    loop {
        if let Some(group) = r.strip_prefix('{') {
            let inner = group.split('}').next().unwrap_or("");
            return inner
                .split(',')
                .map(|item| {
                    let item = item.trim();
                    let mut path = prefix.clone();
                    path.extend(item.split("::").map(|s| s.get(..ident(s)).unwrap_or("")));
                    path
                })
                .collect();
        }
        let n = ident(r);
        let Some(name) = r.get(..n).filter(|s| !s.is_empty()) else {
            return vec![prefix];
        };
        prefix.push(name);
        match r.get(n..).and_then(|s| s.strip_prefix("::")) {
            Some(more) => r = more,
            None => return vec![prefix],
        }
    }
}

/// The longest prefix of `path` that is a module.
fn longest_module(path: &[&str], modules: &[String]) -> Option<String> {
    (1..=path.len())
        .rev()
        .map(|k| path.get(..k).unwrap_or(&[]).join("::"))
        .find(|m| modules.contains(m))
}

/// The strongly connected components of more than one module (Tarjan), each sorted.
fn cycles(edges: &Edges) -> Vec<Vec<String>> {
    struct State<'a> {
        edges: &'a Edges,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        for w in s.edges.get(v).into_iter().flat_map(|m| m.keys()) {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low[v];
                s.low.insert(v, lv.min(lw));
            } else if s.stack.contains(&w) {
                let iw = s.index[w];
                let lv = s.low[v];
                s.low.insert(v, lv.min(iw));
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                component.push(w.to_owned());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.out.push(component);
            }
        }
    }
    let mut s = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        out: Vec::new(),
    };
    for v in edges.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[(&str, &str)]) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "xtask-cycles-{}-{}",
            std::process::id(),
            files.len()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        for (name, text) in files {
            let path = dir.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    #[test]
    fn paths_and_groups() {
        assert_eq!(paths_after("a::b::C;"), [vec!["a", "b", "C"]]);
        assert_eq!(
            paths_after("a::{b::C, d};"),
            [vec!["a", "b", "C"], vec!["a", "d"]]
        );
    }

    #[test]
    fn a_cycle_is_found_and_parents_are_not_one() {
        let dir = tree(&[
            ("lib.rs", "pub mod index;\npub mod query;\n"),
            (
                "index/mod.rs",
                "pub mod build;\nuse crate::query::fuzzy::Keys;\n",
            ),
            (
                "index/build.rs",
                "use super::Index; // crate::query in a comment\n",
            ),
            ("query/mod.rs", "pub mod fuzzy;\npub use fuzzy::Keys;\n"),
            (
                "query/fuzzy.rs",
                "use crate::{index::Index, query::Query};\n",
            ),
        ]);
        let err = check(&dir).unwrap_err();
        assert!(err.contains("index, query::fuzzy"), "{err}");
        assert!(err.contains("line 2 names query::fuzzy"), "{err}");
        // Broken: the keys move to the index; a parent and its child are no cycle.
        std::fs::write(
            dir.join("index/mod.rs"),
            "pub mod build;\npub struct Keys;\n",
        )
        .unwrap();
        assert_eq!(check(&dir), Ok(()));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_crate_has_none() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../src");
        assert_eq!(check(&src), Ok(()));
    }
}
