//! `cargo xtask bench`: the Node benchmark (benches/node/run.mjs: article-explorer's wasm
//! against FlexSearch, MiniSearch, Fuse.js, Lunr, Orama and Pagefind, one process) on the
//! generated corpora, the browser benchmark (benches/browser/run.mjs: the page in headless
//! Chromium, on the seed site and a site per corpus), then the core's criterion benchmark
//! (benches/core.rs). Figures go to target/bench/. `--smoke` is the quick check `cargo
//! xtask test` runs.

use std::path::Path;
use std::process::Command;

use super::{cargo, corpus, dist, root, run, tools};

/// `bench [--articles N,…] [--smoke]`.
pub fn command(args: &[String]) -> Result<(), String> {
    let mut sizes = vec![100, 1000];
    let mut smoke = false;
    let mut it = args.iter().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--smoke" => smoke = true,
            "--articles" => {
                let value = it.next().ok_or("--articles needs a value")?;
                sizes = value
                    .split(',')
                    .map(|n| {
                        n.trim()
                            .parse()
                            .map_err(|_| format!("--articles {value}: not numbers"))
                    })
                    .collect::<Result<_, _>>()?;
            }
            other => return Err(format!("unknown bench option {other}")),
        }
    }
    if smoke {
        return self::smoke(&root().join("dist"), true);
    }
    let site = root().join("dist");
    dist::dist(&site, None)?;
    for &n in &sizes {
        node(n, false)?;
    }
    browser(&site, &sizes)?;
    // The core, native, on the largest corpus of at most 1,000 articles, with the queries
    // the Node benchmark chose there.
    if let Some(&n) = sizes.iter().filter(|&&n| n <= 1000).max() {
        let json = root().join(format!("target/bench/node-{n}.json"));
        eprintln!("xtask: $ cargo bench --bench core (corpus of {n} articles)");
        let status = Command::new(cargo())
            .current_dir(root())
            .args(["bench", "--bench", "core"])
            .env("AE_BENCH_CORPUS", corpus::default_dir(n))
            .env("AE_BENCH_QUERIES", json)
            .status()
            .map_err(|e| format!("cannot start cargo: {e}"))?;
        if !status.success() {
            return Err(format!("the core benchmark failed ({status})"));
        }
    }
    Ok(())
}

/// The smoke run: 100 articles, every engine, few iterations; fails when an engine
/// throws or article-explorer miscounts. Builds the site into `dist_dir` first when
/// `build` (else it must hold the wasm build: the Node benchmark reads `dist/pkg`).
pub fn smoke(dist_dir: &Path, build: bool) -> Result<(), String> {
    if build {
        dist::dist(dist_dir, None)?;
    }
    node(100, true)
}

/// The browser benchmark (benches/browser/run.mjs, headless Chromium): the seed site, and
/// a site over each generated corpus of at most 1,000 articles (larger ones only measure
/// their load, which the Node benchmark covers better).
fn browser(seed_site: &Path, sizes: &[usize]) -> Result<(), String> {
    tools::ensure_chromium()?;
    let mut args: Vec<String> = vec![
        "benches/browser/run.mjs".into(),
        "--site".into(),
        seed_site.display().to_string(),
    ];
    for &n in sizes.iter().filter(|&&n| n <= 1000) {
        let corpus_dir = corpus::default_dir(n);
        corpus::ensure(n, &corpus_dir)?;
        let site = root().join(format!("target/bench/site-{n}"));
        dist::dist(&site, Some(&corpus_dir))?;
        args.extend(["--site".into(), site.display().to_string()]);
    }
    args.extend([
        "--json".into(),
        root()
            .join("target/bench/browser.json")
            .display()
            .to_string(),
    ]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run("node", &args)
}

/// The Node benchmark on the corpus of `n` articles.
fn node(n: usize, smoke: bool) -> Result<(), String> {
    tools::ensure_node_packages()?;
    let dir = corpus::default_dir(n);
    corpus::ensure(n, &dir)?;
    let out = root().join("target/bench");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let json = out.join(format!(
        "node-{n}{}.json",
        if smoke { "-smoke" } else { "" }
    ));
    let dir_arg = dir.display().to_string();
    let json_arg = json.display().to_string();
    let mut args = vec![
        "--expose-gc",
        "benches/node/run.mjs",
        "--corpus",
        &dir_arg,
        "--json",
        &json_arg,
    ];
    if smoke {
        args.push("--smoke");
    }
    run("node", &args)
}
