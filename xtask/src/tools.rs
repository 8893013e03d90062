//! The tools the wasm build and the browser tests need, installed only when missing.
//!
//! Each `ensure_*` function checks first and installs only what is absent or at the
//! wrong version, saying on stderr (`xtask: …`) what it checked, installed or skipped.
//! Only the registries this project can reach are used: rustup, crates.io, npm, apt.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::root;

/// The wasm-bindgen version: the CLI must equal the `=0.2.130` pin of the crate.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";

/// The Rust target for the WebAssembly build.
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The oldest Node major version the page tooling is checked against.
const NODE_MIN_MAJOR: u32 = 20;

/// The npm dev dependencies, pinned exactly; `package.json` is written from these.
/// binaryen ships wasm-opt (Debian's wasm-opt 108 writes modules that fail to load);
/// playwright-core drives the system Chromium and downloads no browser; axe-core audits
/// the page's accessibility (contrast, names, roles) in the end-to-end tests.
/// esbuild bundles and minifies the page's scripts and styles; typescript's `tsc`
/// type-checks them.
const NODE_PINS: &[(&str, &str)] = &[
    ("axe-core", "4.14.1"),
    ("binaryen", "132.0.0"),
    ("esbuild", "0.28.2"),
    ("playwright-core", "1.65.1"),
    ("typescript", "7.0.2"),
];

/// The binaryen release that npm's `binaryen` package above ships.
const BINARYEN_RELEASE: &str = "132";

const CHROMIUM: &str = "/usr/bin/chromium";
const FIREFOX: &str = "/usr/bin/firefox-esr";
/// Where Debian's `libwebkit2gtk-4.1-0` puts the MiniBrowser (tests/engines/driver.mjs
/// asks `dpkg -L` for it).
const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";
const XVFB_RUN: &str = "/usr/bin/xvfb-run";
const XAUTH: &str = "/usr/bin/xauth";
/// Debian's wamerican: the benchmark corpus's vocabulary (xtask/src/corpus.rs).
pub const WORD_LIST: &str = "/usr/share/dict/american-english";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// rustup's rustfmt and clippy components, which `cargo xtask lint` runs (rustup's
/// default profile has them; its minimal profile does not).
pub fn ensure_rust_lints() -> Result<(), String> {
    eprintln!("xtask: checking rustup components rustfmt and clippy");
    let installed = output("rustup", &["component", "list", "--installed"])?;
    let missing: Vec<&str> = ["rustfmt", "clippy"]
        .into_iter()
        .filter(|c| {
            !installed
                .lines()
                .any(|line| line.starts_with(&format!("{c}-")))
        })
        .collect();
    if missing.is_empty() {
        eprintln!("xtask: skip: both are installed");
        return Ok(());
    }
    let mut args = vec!["component", "add"];
    args.extend(&missing);
    run("rustup", &args)
}

/// Adds the `wasm32-unknown-unknown` target unless rustup already has it.
pub fn ensure_wasm_target() -> Result<(), String> {
    eprintln!("xtask: checking rustup target {WASM_TARGET}");
    let installed = output("rustup", &["target", "list", "--installed"])?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        eprintln!("xtask: skip: {WASM_TARGET} is installed");
        return Ok(());
    }
    eprintln!("xtask: installing {WASM_TARGET}");
    run("rustup", &["target", "add", WASM_TARGET])
}

/// The path of a `wasm-bindgen` at exactly [`WASM_BINDGEN_VERSION`], with its
/// `wasm-bindgen-test-runner` beside it; `cargo install`s the CLI when there is none.
pub fn ensure_wasm_bindgen() -> Result<PathBuf, String> {
    eprintln!("xtask: checking wasm-bindgen {WASM_BINDGEN_VERSION} (cargo bin dir, then PATH)");
    let path = match find_wasm_bindgen() {
        Some(path) => {
            eprintln!("xtask: skip: {} is {WASM_BINDGEN_VERSION}", path.display());
            path
        }
        None => {
            eprintln!("xtask: installing wasm-bindgen-cli {WASM_BINDGEN_VERSION} (a few minutes)");
            // No --locked: the CLI's lock file names a webpki-roots that the registry lacks.
            // --force: replaces a binary of another version, or a broken one, in place.
            run(
                &super::cargo(),
                &[
                    "install",
                    "wasm-bindgen-cli",
                    "--version",
                    WASM_BINDGEN_VERSION,
                    "--force",
                ],
            )?;
            find_wasm_bindgen().ok_or_else(|| {
                format!(
                    "wasm-bindgen-cli {WASM_BINDGEN_VERSION} was installed, yet no wasm-bindgen \
                     at that version is in {} or on PATH",
                    cargo_bin().display()
                )
            })?
        }
    };
    warn_if_path_runner_differs(&path);
    Ok(path)
}

/// The first `wasm-bindgen` at the pinned version whose `wasm-bindgen-test-runner`
/// beside it is at the same version.
fn find_wasm_bindgen() -> Option<PathBuf> {
    let mut dirs = vec![cargo_bin()];
    dirs.extend(path_dirs());
    let mut seen = Vec::new();
    for dir in dirs {
        if seen.contains(&dir) {
            continue;
        }
        seen.push(dir.clone());
        let bindgen = dir.join("wasm-bindgen");
        let runner = dir.join("wasm-bindgen-test-runner");
        match tool_version(&bindgen) {
            None => continue,
            Some(version) if version != WASM_BINDGEN_VERSION => {
                eprintln!(
                    "xtask: {} is {version}, not {WASM_BINDGEN_VERSION}",
                    bindgen.display()
                );
                continue;
            }
            Some(_) => {}
        }
        match tool_version(&runner) {
            Some(version) if version == WASM_BINDGEN_VERSION => return Some(bindgen),
            Some(version) => eprintln!(
                "xtask: {} is {version}, not {WASM_BINDGEN_VERSION}",
                runner.display()
            ),
            None => eprintln!("xtask: {} is missing", runner.display()),
        }
    }
    None
}

/// `cargo test --target wasm32-unknown-unknown` finds its runner on PATH: warn when that
/// one is not the pinned version found (or installed) in `bindgen`'s directory.
fn warn_if_path_runner_differs(bindgen: &Path) {
    let first_on_path = path_dirs()
        .into_iter()
        .map(|dir| dir.join("wasm-bindgen-test-runner"))
        .find(|candidate| candidate.is_file());
    let wanted = bindgen.with_file_name("wasm-bindgen-test-runner");
    match first_on_path {
        Some(found) if tool_version(&found).as_deref() == Some(WASM_BINDGEN_VERSION) => {}
        Some(found) => eprintln!(
            "xtask: warning: the wasm-bindgen-test-runner first on PATH, {}, is not \
             {WASM_BINDGEN_VERSION}; put {} first on PATH",
            found.display(),
            wanted.display()
        ),
        None => eprintln!(
            "xtask: warning: wasm-bindgen-test-runner is not on PATH; add {} to PATH",
            wanted.parent().unwrap_or(Path::new(".")).display()
        ),
    }
}

/// `$CARGO_HOME/bin`, where `cargo install` puts binaries by default.
fn cargo_bin() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    home.join("bin")
}

fn path_dirs() -> Vec<PathBuf> {
    std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect())
        .unwrap_or_default()
}

/// The version that `program --version` reports as its second word
/// (`wasm-bindgen 0.2.130`), or `None` when it is absent or fails.
fn tool_version(program: &Path) -> Option<String> {
    if !program.is_file() {
        return None;
    }
    let out = Command::new(program).arg("--version").output().ok()?;
    if !out.status.success() {
        return None;
    }
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .nth(1)
        .map(str::to_owned)
}

/// `package.json` (written from [`NODE_PINS`] when missing) and `node_modules` by
/// `npm ci` from the committed `package-lock.json`, run only when stale.
pub fn ensure_node_packages() -> Result<(), String> {
    eprintln!("xtask: checking node >= {NODE_MIN_MAJOR} and npm");
    let node = output("node", &["--version"]).map_err(|e| {
        format!(
            "{e}; install Node.js {NODE_MIN_MAJOR} or later (Debian: apt-get install nodejs npm)"
        )
    })?;
    let major = node
        .trim()
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|major| major.parse::<u32>().ok())
        .ok_or_else(|| format!("cannot read the version of node from {:?}", node.trim()))?;
    if major < NODE_MIN_MAJOR {
        return Err(format!(
            "node {} is too old: {NODE_MIN_MAJOR} or later is needed",
            node.trim()
        ));
    }
    output("npm", &["--version"]).map_err(|e| {
        format!(
            "{e}; install npm (Debian: apt-get install npm) next to node {}",
            node.trim()
        )
    })?;

    let root = root();
    let manifest = root.join("package.json");
    if manifest.is_file() {
        let text = std::fs::read_to_string(&manifest)
            .map_err(|e| format!("cannot read {}: {e}", manifest.display()))?;
        for (name, version) in NODE_PINS {
            if !text.contains(&format!("\"{name}\": \"{version}\"")) {
                return Err(format!(
                    "{} does not pin \"{name}\": \"{version}\" as xtask/src/tools.rs does; \
                     make the two agree",
                    manifest.display()
                ));
            }
        }
    } else {
        eprintln!("xtask: writing {}", manifest.display());
        std::fs::write(&manifest, package_json())
            .map_err(|e| format!("cannot write {}: {e}", manifest.display()))?;
    }

    let lock = root.join("package-lock.json");
    if !lock.is_file() {
        eprintln!("xtask: no package-lock.json: npm install writes it (commit it)");
        run("npm", &["install", "--no-audit", "--no-fund"])?;
    } else if let Some(reason) = node_modules_stale(&root, &lock) {
        eprintln!("xtask: installing node packages: {reason}");
        run("npm", &["ci", "--no-audit", "--no-fund"])?;
    } else {
        eprintln!("xtask: skip: node_modules matches package-lock.json");
    }
    check_wasm_opt()
}

/// `node_modules/.bin/NAME`.
pub fn node_bin(name: &str) -> PathBuf {
    root().join("node_modules").join(".bin").join(name)
}

/// The contents of `package.json`, from [`NODE_PINS`].
fn package_json() -> String {
    let deps: Vec<String> = NODE_PINS
        .iter()
        .map(|(name, version)| format!("    \"{name}\": \"{version}\""))
        .collect();
    format!(
        "{{\n  \"name\": \"article-explorer-dev\",\n  \"private\": true,\n  \"type\": \"module\",\n  \
         \"description\": \"Build and test tools only (esbuild, tsc, wasm-opt, Playwright, axe-core); installed by cargo xtask setup.\",\n  \
         \"devDependencies\": {{\n{}\n  }}\n}}\n",
        deps.join(",\n")
    )
}

/// Why `node_modules` must be reinstalled, or `None` when it is up to date.
fn node_modules_stale(root: &Path, lock: &Path) -> Option<String> {
    let hidden = root.join("node_modules").join(".package-lock.json");
    let (Ok(hidden_time), Ok(lock_time)) = (modified(&hidden), modified(lock)) else {
        return Some(format!("{} is missing", hidden.display()));
    };
    if hidden_time < lock_time {
        return Some("package-lock.json is newer than node_modules".to_owned());
    }
    for (name, version) in NODE_PINS {
        match package_version(root, name) {
            Some(found) if found == *version => {}
            Some(found) => return Some(format!("{name} is {found}, not {version}")),
            None => return Some(format!("{name} is not in node_modules")),
        }
    }
    None
}

fn modified(path: &Path) -> std::io::Result<std::time::SystemTime> {
    std::fs::metadata(path)?.modified()
}

/// The `"version"` of `node_modules/NAME/package.json`: the first `"version"` key,
/// which npm's package files put at the top level.
fn package_version(root: &Path, name: &str) -> Option<String> {
    let path = root.join("node_modules").join(name).join("package.json");
    let text = std::fs::read_to_string(path).ok()?;
    let after_key = text.split_once("\"version\"")?.1;
    let after_colon = after_key.trim_start().strip_prefix(':')?;
    let value = after_colon.trim_start().strip_prefix('"')?;
    value.split_once('"').map(|(version, _)| version.to_owned())
}

/// Checks that `node_modules/.bin/wasm-opt` is npm's binaryen at the pinned release, never
/// a wasm-opt from PATH: Debian's exits 0 yet writes modules that fail to load.
fn check_wasm_opt() -> Result<(), String> {
    let path = node_bin("wasm-opt");
    eprintln!("xtask: checking {} is npm's binaryen", path.display());
    let package = root().join("node_modules").join("binaryen");
    let pinned = NODE_PINS
        .iter()
        .find(|(name, _)| *name == "binaryen")
        .map_or("", |(_, version)| version);
    let refuse = |why: String| {
        Err(format!(
            "refusing {}: {why}; run `rm -rf node_modules && cargo xtask setup`",
            path.display()
        ))
    };
    let (Ok(real), Ok(package_dir)) = (path.canonicalize(), package.canonicalize()) else {
        return refuse("it or node_modules/binaryen is missing".to_owned());
    };
    if !real.starts_with(&package_dir) {
        return refuse(format!(
            "it resolves to {}, outside binaryen",
            real.display()
        ));
    }
    match package_version(&root(), "binaryen") {
        Some(version) if version == pinned => {}
        other => return refuse(format!("binaryen is {other:?}, not {pinned}")),
    }
    let version = output(&path.to_string_lossy(), &["--version"])?;
    if !version.contains(&format!("version {BINARYEN_RELEASE}")) {
        return refuse(format!(
            "it reports {:?}, not binaryen {BINARYEN_RELEASE}",
            version.trim()
        ));
    }
    eprintln!("xtask: ok: {}", version.trim());
    Ok(())
}

/// Debian's Chromium and its chromedriver at `/usr/bin`, at the same major version.
pub fn ensure_chromium() -> Result<(), String> {
    eprintln!("xtask: checking {CHROMIUM} and {CHROMEDRIVER}");
    if Path::new(CHROMIUM).is_file() && Path::new(CHROMEDRIVER).is_file() {
        eprintln!("xtask: skip: both are installed");
    } else {
        let install = "apt-get update && apt-get install -y chromium chromium-driver";
        let uid = output("id", &["-u"]).unwrap_or_default();
        if uid.trim() != "0" {
            return Err(format!(
                "chromium or chromedriver is missing and this is not root; run: sudo sh -c '{install}'"
            ));
        }
        eprintln!("xtask: installing chromium and chromium-driver from Debian");
        apt(&["update"])?;
        apt(&["install", "-y", "chromium", "chromium-driver"])?;
    }
    let chromium = major_version(CHROMIUM)?;
    let driver = major_version(CHROMEDRIVER)?;
    if chromium != driver {
        return Err(format!(
            "chromium is {chromium} but chromedriver is {driver}; \
             run: apt-get install -y --only-upgrade chromium chromium-driver"
        ));
    }
    eprintln!("xtask: ok: chromium and chromedriver are both {chromium}");
    Ok(())
}

/// Debian's Firefox ESR, installed unless it is there.
pub fn ensure_firefox() -> Result<(), String> {
    ensure_debian("Firefox ESR", &[FIREFOX], &["firefox-esr"])
}

/// WebKitGTK's MiniBrowser (Safari's engine), its WebDriver and Xvfb (the MiniBrowser
/// needs a display: `--headless` makes a WebDriver session hang), installed unless there.
pub fn ensure_webkit() -> Result<(), String> {
    ensure_debian(
        "WebKitGTK's MiniBrowser, WebKitWebDriver and Xvfb",
        &[MINIBROWSER, WEBKIT_DRIVER, XVFB_RUN, XAUTH],
        &["libwebkit2gtk-4.1-0", "webkit2gtk-driver", "xvfb", "xauth"],
    )
}

/// Installs Debian's `packages` unless every one of `files` is there (root only; else
/// says what to run).
fn ensure_debian(what: &str, files: &[&str], packages: &[&str]) -> Result<(), String> {
    eprintln!("xtask: checking {what}");
    if files.iter().all(|f| Path::new(f).is_file()) {
        eprintln!("xtask: skip: {what} installed");
        return Ok(());
    }
    let install = format!(
        "apt-get update && apt-get install -y {}",
        packages.join(" ")
    );
    let uid = output("id", &["-u"]).unwrap_or_default();
    if uid.trim() != "0" {
        return Err(format!(
            "{what} missing and this is not root; run: sudo sh -c '{install}'"
        ));
    }
    eprintln!("xtask: installing {} from Debian", packages.join(", "));
    let args = [&["install", "-y"][..], packages].concat();
    if apt(&args).is_err() {
        apt(&["update"])?;
        apt(&args)?;
    }
    match files.iter().find(|f| !Path::new(f).is_file()) {
        Some(missing) => Err(format!(
            "{} installed, but {missing} is missing",
            packages.join(", ")
        )),
        None => Ok(()),
    }
}

/// Installs Debian's wamerican word list unless it is there.
pub fn ensure_word_list() -> Result<(), String> {
    if Path::new(WORD_LIST).is_file() {
        eprintln!("xtask: ok: {WORD_LIST} (wamerican)");
        return Ok(());
    }
    let uid = output("id", &["-u"]).unwrap_or_default();
    if uid.trim() != "0" {
        return Err(format!(
            "{WORD_LIST} is missing and this is not root; run: sudo apt-get install -y wamerican"
        ));
    }
    eprintln!("xtask: installing wamerican (the benchmark corpus's word list) from Debian");
    if apt(&["install", "-y", "wamerican"]).is_err() {
        apt(&["update"])?;
        apt(&["install", "-y", "wamerican"])?;
    }
    if Path::new(WORD_LIST).is_file() {
        Ok(())
    } else {
        Err(format!("wamerican is installed but {WORD_LIST} is missing"))
    }
}

/// `apt-get args…`, non-interactive, echoed like [`run`].
fn apt(args: &[&str]) -> Result<(), String> {
    eprintln!(
        "xtask: $ DEBIAN_FRONTEND=noninteractive apt-get {}",
        args.join(" ")
    );
    let mut apt = Command::new("apt-get");
    apt.args(args).env("DEBIAN_FRONTEND", "noninteractive");
    crate::steps::status(apt, "apt-get", args)
}

/// The major version in `program --version` (`Chromium 156.0.…`, `ChromeDriver 156.0.…`).
fn major_version(program: &str) -> Result<u32, String> {
    let text = output(program, &["--version"])?;
    text.split_whitespace()
        .find(|word| word.starts_with(|c: char| c.is_ascii_digit()))
        .and_then(|word| word.split('.').next())
        .and_then(|major| major.parse().ok())
        .ok_or_else(|| format!("cannot read a version from `{program} --version`: {text:?}"))
}

/// The stdout of `program args…` run from the workspace root; fails if it fails.
fn output(program: &str, args: &[&str]) -> Result<String, String> {
    let out = Command::new(program)
        .args(args)
        .current_dir(root())
        .output()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!(
            "`{program} {}` failed ({}): {}",
            args.join(" "),
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// Runs `program args…` from the repository root, echoing it first; fails if it fails.
/// (The tools' own installs: a step's programs go through its `Ctx`.)
fn run(program: &str, args: &[&str]) -> Result<(), String> {
    eprintln!("xtask: $ {program} {}", args.join(" "));
    let mut command = Command::new(program);
    command.args(args).current_dir(root());
    crate::steps::status(command, program, args)
}
