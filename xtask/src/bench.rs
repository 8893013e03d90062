//! `cargo xtask bench`: the Node benchmark (benches/node/run.mjs: article-explorer's wasm
//! against FlexSearch, MiniSearch, Fuse.js, Lunr, Orama and Pagefind, one process) on the
//! generated corpora, the browser benchmark (benches/browser/run.mjs: the page in headless
//! Chromium, on the seed site and a site per corpus), then the core's criterion benchmark
//! (benches/core.rs). Figures go to target/bench/. `--smoke` is the quick check `cargo
//! xtask test` runs.

use std::path::PathBuf;

use super::{cargo, corpus, dist, root};
use crate::steps::{Ctx, Step, Tool};

/// `bench [--articles N,…] [--smoke]`.
pub fn command(args: &[String]) -> Result<Vec<Step>, String> {
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
    let site = root().join("dist");
    let mut steps = vec![dist::step(site.clone(), None)];
    if smoke {
        steps.push(self::smoke());
        return Ok(steps);
    }
    // The other engines take minutes to index 10,000 articles: the Node benchmark runs on
    // the corpora of at most 1,000 (benches/node/load.mjs measures this engine's load on
    // any site); the browser benchmark on every size.
    let small: Vec<usize> = sizes.iter().copied().filter(|&n| n <= 1000).collect();
    for &n in &small {
        steps.push(Step::task(
            "node benchmark",
            &[Tool::NodePackages, Tool::WordList],
            move |ctx| node(ctx, n, false),
        ));
    }
    for &n in &sizes {
        steps.push(Step::task("corpus", &[Tool::WordList], move |ctx| {
            corpus::ensure(ctx, n, &corpus::default_dir(n))
        }));
        steps.push(dist::step(site_dir(n), Some(corpus::default_dir(n))));
    }
    let browser_sizes = sizes.clone();
    steps.push(Step::task(
        "browser benchmark",
        &[Tool::NodePackages, Tool::Chromium],
        move |ctx| browser(ctx, &site, &browser_sizes),
    ));
    // The core, native, on the largest corpus of at most 1,000 articles, with the queries
    // the Node benchmark chose there.
    if let Some(&n) = small.iter().max() {
        steps.push(Step::task("core benchmark", &[], move |ctx| {
            let json = root().join(format!("target/bench/node-{n}.json"));
            let mut bench = ctx.command(&cargo(), &["bench", "--bench", "core"])?;
            bench
                .env("AE_BENCH_CORPUS", corpus::default_dir(n))
                .env("AE_BENCH_QUERIES", json);
            crate::steps::status(bench, "cargo", &["bench", "--bench", "core"])
        }));
    }
    Ok(steps)
}

/// The site over the generated corpus of `n` articles.
fn site_dir(n: usize) -> PathBuf {
    root().join(format!("target/bench/site-{n}"))
}

/// The smoke run: 100 articles, every engine, few iterations; fails when an engine
/// throws or article-explorer miscounts. Runs after a step that built dist/ (the Node
/// benchmark reads the engine from `dist/pkg`).
pub fn smoke() -> Step {
    Step::task(
        "benchmark smoke run",
        &[Tool::NodePackages, Tool::WordList],
        |ctx| node(ctx, 100, true),
    )
}

/// The browser benchmark (benches/browser/run.mjs, headless Chromium): the seed site, and
/// a site over each generated corpus.
fn browser(ctx: &Ctx, seed_site: &std::path::Path, sizes: &[usize]) -> Result<(), String> {
    let mut args: Vec<String> = vec![
        "benches/browser/run.mjs".into(),
        "--site".into(),
        seed_site.display().to_string(),
    ];
    for &n in sizes {
        args.extend(["--site".into(), site_dir(n).display().to_string()]);
    }
    args.extend([
        "--json".into(),
        root()
            .join("target/bench/browser.json")
            .display()
            .to_string(),
    ]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    ctx.run("node", &args)
}

/// The Node benchmark on the corpus of `n` articles.
fn node(ctx: &Ctx, n: usize, smoke: bool) -> Result<(), String> {
    let dir = corpus::default_dir(n);
    corpus::ensure(ctx, n, &dir)?;
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
    ctx.run("node", &args)
}
