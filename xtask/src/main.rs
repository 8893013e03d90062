//! The project's tasks: `cargo xtask <task>`. Each task is a plan of steps
//! (src/steps.rs) that installs what a step uses just before it, and says what it runs.
//!
//! - `test`: formatting, lints and the type check of the page's JS, then every test:
//!   native cargo tests, the wasm tests in headless Chromium, the JS unit tests and the
//!   end-to-end tests in a real Chromium, and the benchmark's smoke run.
//! - `lint`: rustfmt, no cycle between the modules of src/, clippy (native and wasm),
//!   `tsc` over www/.
//! - `serve [--port N] [--dir DIR] [--encodings br,gzip]`: builds the site into dist/ and
//!   serves it on 127.0.0.1:8000; `--dir`: serves a built site as it is (src/serve.rs).
//! - `dist [--out DIR] [--seeds DIR]`: writes the complete static site into dist/, with
//!   the single-file edition dist/article-explorer.html.
//! - `corpus --articles N [--out DIR]`: writes the benchmark corpus of N articles
//!   (deterministic; default target/corpus/N).
//! - `bench [--articles N,…] [--smoke]`: the Node benchmark against the other engines on
//!   corpora of 100 and 1,000 articles (or those given), then the core's criterion
//!   benchmark; `--smoke`: the quick check `test` runs (100 articles).
//! - `codegen`: regenerates every generated table from Unicode's data and writes it into
//!   src/ (the folding and word-break tables; their tests fail when one is stale).
//! - `fuzz [--seconds N] [--target NAME]`: runs the fuzz targets of fuzz/ under libFuzzer
//!   on the stable toolchain, N seconds each (src/fuzz.rs).
//! - `setup`: installs everything any command uses, skipping what is there.

use std::path::PathBuf;
use std::process::ExitCode;

use steps::{Step, Tool};

mod bench;
mod bundle;
mod corpus;
mod cycles;
mod dist;
mod fuzz;
mod serve;
mod steps;
mod tools;

/// One command line of each shape, for the plan's tests (src/steps.rs).
#[cfg(test)]
const COMMAND_LINES: &[&str] = &[
    "test",
    "lint",
    "setup",
    "dist",
    "dist --out x --seeds y",
    "serve --port 0",
    "serve --dir dist --encodings gzip",
    "corpus --articles 10",
    "bench",
    "bench --articles 100,10000",
    "bench --smoke",
    "fuzz",
    "fuzz --seconds 5 --target query",
    "codegen",
];

const USAGE: &str =
    "usage: cargo xtask test | lint | serve [--port N] | dist [--out DIR] [--seeds DIR] | \
     corpus --articles N [--out DIR] | bench [--articles N,…] [--smoke] | \
     fuzz [--seconds N] [--target NAME] | codegen | setup";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match plan(&args).and_then(steps::execute) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The steps of the command `args` names.
fn plan(args: &[String]) -> Result<Vec<Step>, String> {
    match args.first().map(String::as_str) {
        Some("test") => Ok(test()),
        Some("lint") => Ok(lint()),
        Some("setup") => Ok(vec![Step::task("setup", &Tool::ALL, |_| {
            eprintln!("xtask: everything is installed");
            Ok(())
        })]),
        Some("dist") => dist_args(args).map(|(out, seeds)| vec![dist::step(out, seeds)]),
        Some("corpus") => corpus::command(args),
        Some("bench") => bench::command(args),
        Some("fuzz") => fuzz::command(args),
        Some("codegen") => Ok(vec![codegen()]),
        Some("serve") => {
            let serve::Options {
                port,
                dir,
                encodings,
            } = serve::options(args)?;
            let mut steps = Vec::new();
            let site = dir.unwrap_or_else(|| {
                let out = root().join("dist");
                steps.push(dist::step(out.clone(), None));
                out
            });
            steps.push(Step::task("serve", &[], move |_| {
                serve::serve(&site, port, encodings)
            }));
            Ok(steps)
        }
        _ => Err(USAGE.to_owned()),
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

fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or(manifest)
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

/// `codegen`: each generated table's test, told to write what it generates (expect-test's
/// `UPDATE_EXPECT`): the folding table and the word-break table, from Unicode's data
/// (build/fold_table.rs, build/word_break_table.rs). Run without it, the same tests fail
/// when a checked-in table is stale.
fn codegen() -> Step {
    Step::task("codegen", &[], |ctx| {
        let cargo = cargo();
        let args = [
            "test",
            "--lib",
            "--",
            "table_is_generated_from_unicode_data",
        ];
        let mut command = ctx.command(&cargo, &args)?;
        command.env("UPDATE_EXPECT", "1");
        steps::status(command, &cargo, &args)?;
        eprintln!("xtask: the generated tables are written (git diff shows what changed)");
        Ok(())
    })
}

/// Formatting, no module cycle (src/cycles.rs), clippy (native and wasm, warnings denied)
/// the public API's docs (no broken link) and the JS type check. The tests see the crate with its `internals` public; the CLI
/// and the wasm are linted without, so the CLI uses the public API only, no public item
/// carries an internal type and the explorer's wasm has no dead code.
fn lint() -> Vec<Step> {
    let cargo = cargo();
    let clippy = ["--", "-D", "warnings"];
    let native = [&["clippy", "--workspace", "--all-targets"][..], &clippy].concat();
    let public = [&["clippy", "--lib", "--bins"][..], &clippy].concat();
    let wasm = [
        &["clippy", "--lib", "--target", "wasm32-unknown-unknown"][..],
        &clippy,
    ]
    .concat();
    vec![
        Step::cmd(
            "rustfmt",
            &[Tool::RustLints],
            &cargo,
            &["fmt", "--all", "--", "--check"],
        ),
        Step::task("module cycles", &[], |_| cycles::check(&root().join("src"))),
        Step::cmd("clippy", &[Tool::RustLints], &cargo, &native),
        Step::cmd("clippy (public API)", &[Tool::RustLints], &cargo, &public),
        Step::cmd(
            "rustdoc (public API)",
            &[],
            &cargo,
            &[
                "doc",
                "--no-deps",
                "--lib",
                "--package",
                "article-explorer",
                "--config",
                r#"build.rustdocflags=["-D", "warnings"]"#,
            ],
        ),
        Step::cmd(
            "clippy (wasm)",
            &[Tool::RustLints, Tool::WasmTarget],
            &cargo,
            &wasm,
        ),
        Step::cmd(
            "clippy (wasm builder)",
            &[Tool::RustLints, Tool::WasmTarget],
            &cargo,
            &[&wasm[..4], &["--features", "builder"], &wasm[4..]].concat(),
        ),
        dist::types_step(),
        Step::task("tsc", &[Tool::NodePackages], |ctx| {
            let tsc = ctx.node_bin("tsc")?.display().to_string();
            ctx.run(&tsc, &["-p", "tsconfig.json"])?;
            ctx.run(&tsc, &["-p", "tsconfig.sw.json"])
        }),
    ]
}

/// Every test: the lints, then native, wasm in headless Chromium, JS units, end-to-end
/// in Chromium, and the benchmark's smoke run.
fn test() -> Vec<Step> {
    let mut steps = lint();
    steps.push(Step::cmd(
        "native tests",
        &[],
        &cargo(),
        &["test", "--workspace"],
    ));
    steps.push(Step::task(
        "wasm tests",
        &[Tool::WasmTarget, Tool::WasmBindgen, Tool::Chromium],
        |ctx| {
            // The runner (.cargo/config.toml) is found on PATH: put the pinned one first.
            let bindgen = ctx.wasm_bindgen()?;
            let mut path = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
                .collect::<Vec<_>>();
            if let Some(dir) = bindgen.parent() {
                path.insert(0, dir.to_path_buf());
            }
            let path = std::env::join_paths(path).map_err(|e| e.to_string())?;
            let args = [
                "test",
                "--target",
                "wasm32-unknown-unknown",
                "--test",
                "wasm",
            ];
            let mut command = ctx.command(&cargo(), &args)?;
            command.env("PATH", path);
            steps::status(command, "cargo", &args)
        },
    ));
    // The site as shipped, and one over the hostile fixture corpus, each on its server.
    let site = root().join("dist");
    let xss = root().join("target/e2e/xss-dist");
    steps.push(dist::step(site.clone(), None));
    steps.push(dist::step(
        xss.clone(),
        Some(root().join("tests/fixtures/xss")),
    ));
    // And an archive of generated articles, in several chunks and shards: what loads in
    // parts (docs/format.md).
    let big = root().join("target/e2e/big-dist");
    let big_corpus = corpus::default_dir(E2E_ARCHIVE);
    let corpus_dir = big_corpus.clone();
    steps.push(Step::task("corpus (e2e)", &[Tool::WordList], move |ctx| {
        corpus::ensure(ctx, E2E_ARCHIVE, &corpus_dir)
    }));
    steps.push(dist::step(big.clone(), Some(big_corpus)));
    // And one long article of a word repeated: more matches than a page marks.
    let long = root().join("target/e2e/long-dist");
    let long_seeds = root().join("target/e2e/long-seeds");
    let seeds_dir = long_seeds.clone();
    steps.push(Step::task("long article (e2e)", &[], move |_| {
        write_long_article(&seeds_dir)
    }));
    steps.push(dist::step(long.clone(), Some(long_seeds)));
    steps.push(Step::task(
        "JS and end-to-end tests",
        &[Tool::NodePackages, Tool::Chromium],
        move |ctx| e2e(ctx, &site, &xss, &big, &long),
    ));
    let page = root().join("dist");
    let archive = root().join("target/e2e/big-dist");
    steps.push(Step::task(
        "end-to-end tests in Chromium, Firefox and WebKit",
        &[
            Tool::NodePackages,
            Tool::Chromium,
            Tool::Firefox,
            Tool::WebKit,
        ],
        move |ctx| engines(ctx, &page, &archive),
    ));
    // The benchmark's smoke run: every engine on 100 generated articles, counts checked.
    steps.push(bench::smoke());
    steps
}

/// The core flows in each browser engine (tests/engines/), under Xvfb (WebKit's
/// MiniBrowser needs a display): over the seed's site and the generated archive's.
fn engines(ctx: &steps::Ctx, site: &std::path::Path, big: &std::path::Path) -> Result<(), String> {
    let url = serve::spawn(site)?;
    let big_url = serve::spawn(big)?;
    let files = test_files(&root().join("tests/engines"))?;
    let files: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let mut args = vec!["-a", "node", "--test"];
    args.extend(files.iter().map(String::as_str));
    let mut run = ctx.command("xvfb-run", &args)?;
    run.env("E2E_URL", &url)
        .env("E2E_DIST", site)
        .env("E2E_BIG_URL", &big_url);
    steps::status(run, "xvfb-run", &["-a", "node", "--test", "…"])
}

/// The number of articles of the end-to-end tests' generated archive.
const E2E_ARCHIVE: usize = 300;

/// The end-to-end tests' long article, `DIR/000.txt`: 300 paragraphs of 100 words, each
/// `sea`, `tide` or `sea-tide` (about 25,700 matches of `sea`, more than twice what a page
/// marks).
fn write_long_article(dir: &std::path::Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut text = String::from("The Long Sea\n\nA standfirst about the sea and its tides.\n\n");
    for p in 0..300 {
        let words: Vec<&str> = (0..100)
            .map(|w| match (p * 100 + w) % 7 {
                0 => "tide",
                3 => "sea-tide",
                _ => "sea",
            })
            .collect();
        text.push_str(&words.join(" "));
        text.push_str(".\n\n");
    }
    let file = dir.join("000.txt");
    std::fs::write(&file, text).map_err(|e| format!("{}: {e}", file.display()))
}

/// `node --test` over tests/js and tests/e2e, against the sites on their servers.
fn e2e(
    ctx: &steps::Ctx,
    site: &std::path::Path,
    xss: &std::path::Path,
    big: &std::path::Path,
    long: &std::path::Path,
) -> Result<(), String> {
    let artifacts = root().join("target/e2e");
    std::fs::create_dir_all(&artifacts).map_err(|e| e.to_string())?;
    let url = serve::spawn(site)?;
    let xss_url = serve::spawn(xss)?;
    let big_url = serve::spawn(big)?;
    let long_url = serve::spawn(long)?;
    let mut files = test_files(&root().join("tests/js"))?;
    files.extend(test_files(&root().join("tests/e2e"))?);
    let files: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let mut args = vec!["--test"];
    args.extend(files.iter().map(String::as_str));
    let mut node = ctx.command("node", &args)?;
    node.env("E2E_URL", &url)
        .env("E2E_XSS_URL", &xss_url)
        .env("E2E_DIST", site)
        .env("E2E_XSS_DIST", xss)
        .env("E2E_BIG_URL", &big_url)
        .env("E2E_BIG_DIST", big)
        .env("E2E_LONG_URL", &long_url)
        .env("E2E_CSP", serve::CSP)
        // The server the tests start for sites of their own (benches/browser/serve.mjs).
        .env("XTASK", std::env::current_exe().map_err(|e| e.to_string())?)
        .env("E2E_ARTIFACTS", &artifacts);
    steps::status(node, "node", &["--test", "…"])
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
