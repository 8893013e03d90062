//! `cargo xtask fuzz [--seconds N] [--target NAME]`: runs each fuzz target of `fuzz/`
//! (article, bundle, query, articles, head: `article_explorer::checks`) for N seconds
//! (default 60) under libFuzzer, and reports its executions.
//!
//! The targets are a cargo-fuzz crate (`cargo fuzz run NAME` works where cargo-fuzz is
//! installed), but this task needs neither cargo-fuzz nor nightly: it builds them with the
//! stable compiler and the coverage instrumentation cargo-fuzz asks for (sanitizer
//! coverage: stable `-C` options; no sanitizer, which would need nightly), as a release
//! build with overflow checks and debug assertions. Each target reads the committed
//! corpus `fuzz/corpus/NAME` and writes what it finds new into `fuzz/target/corpus/NAME`
//! (not committed); a failing input goes to `fuzz/artifacts/NAME/`, which the stable test
//! `tests/it/fuzz.rs` replays from then on: commit it with its fix.

use std::path::Path;
use std::process::Command;

use super::{cargo, root};
use crate::steps::{Ctx, Step};

/// The targets, in `fuzz/fuzz_targets/`.
pub const TARGETS: [&str; 5] = ["article", "bundle", "query", "articles", "head"];

/// libFuzzer's coverage instrumentation, as cargo-fuzz passes it, on the stable compiler.
const RUSTFLAGS: &str = "-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
     -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
     -Cllvm-args=-sanitizer-coverage-pc-table -Cllvm-args=-sanitizer-coverage-trace-compares \
     --cfg fuzzing -Cdebug-assertions -Coverflow-checks";

pub fn command(args: &[String]) -> Result<Vec<Step>, String> {
    let mut seconds = 60u64;
    let mut targets: Vec<String> = TARGETS.iter().map(|t| (*t).to_owned()).collect();
    let mut it = args.iter().skip(1);
    while let Some(arg) = it.next() {
        let value = it.next().ok_or(format!("{arg} needs a value"))?;
        match arg.as_str() {
            "--seconds" => {
                seconds = value
                    .parse()
                    .map_err(|_| format!("--seconds takes a number, not {value:?}"))?;
            }
            "--target" if TARGETS.contains(&value.as_str()) => targets = vec![value.clone()],
            "--target" => return Err(format!("no fuzz target {value:?}: {}", TARGETS.join(", "))),
            other => return Err(format!("unknown fuzz option {other}")),
        }
    }
    Ok(vec![Step::task("fuzz", &[], move |ctx| {
        run(ctx, seconds, &targets)
    })])
}

fn run(ctx: &mut Ctx, seconds: u64, targets: &[String]) -> Result<(), String> {
    let cargo = cargo();
    // For the host, named: so that the instrumentation reaches the targets and not the
    // build scripts and proc macros, which libFuzzer's runtime is not linked into.
    let host = host()?;
    let args = [
        "build",
        "--release",
        "--manifest-path",
        "fuzz/Cargo.toml",
        "--bins",
        "--target",
        &host,
    ];
    let mut build = ctx.command(&cargo, &args)?;
    build.env("RUSTFLAGS", RUSTFLAGS);
    crate::steps::status(build, &cargo, &args)?;
    let fuzz = root().join("fuzz");
    let mut report = Vec::new();
    for target in targets {
        let work = fuzz.join("target/corpus").join(target);
        let seeds = fuzz.join("corpus").join(target);
        let artifacts = fuzz.join("artifacts").join(target);
        for dir in [&work, &seeds, &artifacts] {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;
        }
        let bin = fuzz.join("target").join(&host).join("release").join(target);
        // libFuzzer's log goes to a file as it runs: a long run can be watched
        // (`tail -f`), and what it did is there if it is stopped.
        let logs = fuzz.join("target/logs");
        std::fs::create_dir_all(&logs)
            .map_err(|e| format!("{}: cannot create: {e}", logs.display()))?;
        let log_path = logs.join(format!("{target}.log"));
        let log_file = std::fs::File::create(&log_path)
            .map_err(|e| format!("{}: cannot create: {e}", log_path.display()))?;
        eprintln!(
            "xtask: fuzzing {target} for {seconds} s (log: {})",
            rel(&log_path)
        );
        let status = Command::new(&bin)
            .arg(&work)
            .arg(&seeds)
            .arg(format!("-max_total_time={seconds}"))
            .arg("-print_final_stats=1")
            .arg("-timeout=10")
            .arg("-rss_limit_mb=4096")
            .arg(format!("-artifact_prefix={}/", artifacts.display()))
            .stderr(log_file)
            .status()
            .map_err(|e| format!("{}: cannot run: {e}", bin.display()))?;
        let log = std::fs::read(&log_path)
            .map_err(|e| format!("{}: cannot read: {e}", log_path.display()))?;
        let log = String::from_utf8_lossy(&log);
        let runs = stat(&log, "stat::number_of_executed_units:").unwrap_or(0);
        report.push(format!("{target}: {runs} executions in {seconds} s"));
        if log.contains("libFuzzer: run interrupted") {
            // Stopped by hand (Ctrl-C): not a failure; what it ran is in the report.
            report.push(format!("{target}: interrupted"));
            continue;
        }
        if !status.success() {
            let tail: Vec<&str> = log.lines().rev().take(30).collect();
            eprintln!("{}", tail.into_iter().rev().collect::<Vec<_>>().join("\n"));
            return Err(format!(
                "{target}: libFuzzer found a failing input; it is in {}/ (tests/it/fuzz.rs \
                 replays it: commit it with the fix)",
                rel(&artifacts)
            ));
        }
    }
    for line in report {
        eprintln!("xtask: {line}");
    }
    Ok(())
}

/// The compiler's host triple (`rustc -vV`).
fn host() -> Result<String, String> {
    let out = Command::new("rustc")
        .arg("-vV")
        .output()
        .map_err(|e| format!("rustc -vV: {e}"))?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: "))
        .map(str::to_owned)
        .ok_or_else(|| "rustc -vV names no host".to_owned())
}

/// The number after `key` in libFuzzer's final stats.
fn stat(log: &str, key: &str) -> Option<u64> {
    log.lines()
        .find_map(|l| l.trim().strip_prefix(key))
        .and_then(|v| v.trim().parse().ok())
}

fn rel(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::stat;

    #[test]
    fn reads_the_executions() {
        let log = "#2 INITED\nDone 1234 runs in 3 second(s)\nstat::number_of_executed_units: 1234\nstat::peak_rss_mb: 50\n";
        assert_eq!(stat(log, "stat::number_of_executed_units:"), Some(1234));
        assert_eq!(stat("nothing", "stat::number_of_executed_units:"), None);
    }
}
