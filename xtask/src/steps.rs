//! A command is a plan: a list of steps, each declaring the [`Tool`]s it uses. The runner
//! installs a tool just before the first step that needs it, and a step reaches its tools
//! only through its [`Ctx`], which refuses a tool the step did not declare. So no step can
//! use a tool that nothing installed, whatever order a user runs the commands in, on a
//! fresh machine or not.
//!
//! Two guards keep it true. A [`Step::cmd`] is a command line known before it runs: the
//! unit tests infer what each one uses ([`uses`]) and check it against its needs, for every
//! command's plan. A [`Step::task`] is Rust code: every program it starts goes through
//! [`Ctx::run`] / [`Ctx::command`], which check the same inference at run time.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{root, tools};

/// Something a step uses that a machine may lack, and that xtask installs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tool {
    /// rustup's `rustfmt` and `clippy` components (absent from rustup's minimal profile).
    RustLints,
    /// rustup's `wasm32-unknown-unknown` target.
    WasmTarget,
    /// `wasm-bindgen` and `wasm-bindgen-test-runner`, at the crate's pinned version.
    WasmBindgen,
    /// `node_modules` from `package-lock.json`: esbuild, tsc, wasm-opt, Playwright, ….
    NodePackages,
    /// Debian's `chromium` and `chromium-driver`.
    Chromium,
    /// Debian's `wamerican`: the benchmark corpus's vocabulary.
    WordList,
    /// Debian's `firefox-esr` (driven over WebDriver BiDi by npm's puppeteer-core).
    Firefox,
    /// Debian's WebKitGTK MiniBrowser with `webkit2gtk-driver`, and Xvfb to show it in.
    WebKit,
}

impl Tool {
    pub const ALL: [Tool; 8] = [
        Tool::RustLints,
        Tool::WasmTarget,
        Tool::WasmBindgen,
        Tool::NodePackages,
        Tool::Chromium,
        Tool::WordList,
        Tool::Firefox,
        Tool::WebKit,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Tool::RustLints => "rustfmt and clippy",
            Tool::WasmTarget => "the wasm32-unknown-unknown target",
            Tool::WasmBindgen => "wasm-bindgen",
            Tool::NodePackages => "the npm packages",
            Tool::Chromium => "Chromium",
            Tool::WordList => "the word list (wamerican)",
            Tool::Firefox => "Firefox ESR",
            Tool::WebKit => "WebKitGTK's MiniBrowser, its WebDriver and Xvfb",
        }
    }

    /// Installs the tool when missing; returns its program's path where it has one.
    fn install(self) -> Result<Option<PathBuf>, String> {
        match self {
            Tool::RustLints => tools::ensure_rust_lints().map(|()| None),
            Tool::WasmTarget => tools::ensure_wasm_target().map(|()| None),
            Tool::WasmBindgen => tools::ensure_wasm_bindgen().map(Some),
            Tool::NodePackages => tools::ensure_node_packages().map(|()| None),
            Tool::Chromium => tools::ensure_chromium().map(|()| None),
            Tool::WordList => tools::ensure_word_list().map(|()| None),
            Tool::Firefox => tools::ensure_firefox().map(|()| None),
            Tool::WebKit => tools::ensure_webkit().map(|()| None),
        }
    }
}

type Task = Box<dyn FnOnce(&mut Ctx) -> Result<(), String>>;

/// One step of a command: a name to report, what it uses, and what it does.
pub struct Step {
    pub name: &'static str,
    pub needs: &'static [Tool],
    pub action: Action,
}

pub enum Action {
    /// A program and its arguments, run from the repository root.
    Cmd(String, Vec<String>),
    /// Rust code; programs it starts go through its [`Ctx`].
    Task(Task),
}

impl Step {
    /// A step that runs `program args…`.
    pub fn cmd(name: &'static str, needs: &'static [Tool], program: &str, args: &[&str]) -> Self {
        let args = args.iter().map(|a| (*a).to_owned()).collect();
        Step {
            name,
            needs,
            action: Action::Cmd(program.to_owned(), args),
        }
    }

    /// A step that runs Rust code.
    pub fn task(
        name: &'static str,
        needs: &'static [Tool],
        task: impl FnOnce(&mut Ctx) -> Result<(), String> + 'static,
    ) -> Self {
        Step {
            name,
            needs,
            action: Action::Task(Box::new(task)),
        }
    }
}

/// What the running step may use: the tools installed so far, and its own needs.
#[derive(Default)]
pub struct Ctx {
    installed: BTreeMap<Tool, Option<PathBuf>>,
    step: &'static str,
    needs: &'static [Tool],
}

impl Ctx {
    /// Checks that the running step declared `tool` (and that it was installed).
    pub fn need(&self, tool: Tool) -> Result<(), String> {
        if !self.needs.contains(&tool) {
            return Err(format!(
                "step `{}` uses {} but does not declare it: add Tool::{tool:?} to its needs",
                self.step,
                tool.name()
            ));
        }
        if !self.installed.contains_key(&tool) {
            return Err(format!(
                "step `{}` uses {}, which no earlier step installed",
                self.step,
                tool.name()
            ));
        }
        Ok(())
    }

    /// The `wasm-bindgen` program at the pinned version.
    pub fn wasm_bindgen(&self) -> Result<PathBuf, String> {
        self.need(Tool::WasmBindgen)?;
        self.installed
            .get(&Tool::WasmBindgen)
            .cloned()
            .flatten()
            .ok_or_else(|| "wasm-bindgen was installed without a path".to_owned())
    }

    /// `node_modules/.bin/NAME`, from the pinned npm packages.
    pub fn node_bin(&self, name: &str) -> Result<PathBuf, String> {
        self.need(Tool::NodePackages)?;
        let path = tools::node_bin(name);
        if path.is_file() {
            Ok(path)
        } else {
            Err(format!(
                "{} is missing: is {name} in package.json?",
                path.display()
            ))
        }
    }

    /// `program args…` as a [`Command`] from the repository root, after checking that the
    /// running step declared every tool it uses ([`uses`]).
    pub fn command(&self, program: &str, args: &[&str]) -> Result<Command, String> {
        for tool in uses(program, args) {
            self.need(tool)?;
        }
        eprintln!("xtask: $ {program} {}", args.join(" "));
        let mut command = Command::new(program);
        command.args(args).current_dir(root());
        Ok(command)
    }

    /// Runs `program args…` ([`Ctx::command`]); fails if it fails.
    pub fn run(&self, program: &str, args: &[&str]) -> Result<(), String> {
        status(self.command(program, args)?, program, args)
    }
}

/// Runs a prepared command; fails if it cannot start or fails.
pub fn status(mut command: Command, program: &str, args: &[&str]) -> Result<(), String> {
    match command.status() {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(format!("`{program} {}` failed ({s})", args.join(" "))),
        Err(e) => Err(format!("cannot start {program}: {e}")),
    }
}

/// The tools a command line uses, as far as it shows: a cargo run for the wasm target
/// (and its test runner, which drives Chromium), cargo's fmt and clippy, wasm-bindgen,
/// npm's programs, and Node running the tests or benchmarks (Playwright and Chromium).
pub fn uses(program: &str, args: &[&str]) -> Vec<Tool> {
    let name = Path::new(program)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(program);
    let has = |word: &str| args.contains(&word);
    let mut tools = Vec::new();
    match name {
        "cargo" => {
            if has("fmt") || has("clippy") {
                tools.push(Tool::RustLints);
            }
            if args.iter().any(|a| a.contains("wasm32-unknown-unknown")) {
                tools.push(Tool::WasmTarget);
                if has("test") {
                    tools.extend([Tool::WasmBindgen, Tool::Chromium]);
                }
            }
        }
        "wasm-bindgen" | "wasm-bindgen-test-runner" => tools.push(Tool::WasmBindgen),
        "node" => {
            let under = |dir: &str| args.iter().any(|a| a.contains(dir));
            if under("tests/") || under("benches/") {
                tools.push(Tool::NodePackages);
            }
            if under("tests/e2e") || under("benches/browser") || under("tests/engines") {
                tools.push(Tool::Chromium);
            }
            if under("tests/engines") {
                tools.extend([Tool::Firefox, Tool::WebKit]);
            }
        }
        // A display for WebKit's MiniBrowser, around the command it runs.
        "xvfb-run" => {
            tools.push(Tool::WebKit);
            if let Some((inner, rest)) = args
                .iter()
                .position(|a| !a.starts_with('-'))
                .and_then(|i| args.get(i).zip(args.get(i + 1..)))
            {
                tools.extend(uses(inner, rest));
            }
        }
        _ if program.contains("node_modules") => tools.push(Tool::NodePackages),
        _ => {}
    }
    tools
}

/// For each step (given by its needs), the tools to install just before it: each tool
/// once, before the first step that needs it, in [`Tool`] order.
pub fn schedule(needs: &[&[Tool]]) -> Vec<Vec<Tool>> {
    let mut installed: Vec<Tool> = Vec::new();
    needs
        .iter()
        .map(|step| {
            let mut fresh: Vec<Tool> = step
                .iter()
                .copied()
                .filter(|t| !installed.contains(t))
                .collect();
            fresh.sort();
            fresh.dedup();
            installed.extend(&fresh);
            fresh
        })
        .collect()
}

/// Runs a command's steps in order, installing each step's tools first ([`schedule`]).
pub fn execute(steps: Vec<Step>) -> Result<(), String> {
    let needs: Vec<&'static [Tool]> = steps.iter().map(|s| s.needs).collect();
    let installs = schedule(&needs);
    let mut ctx = Ctx::default();
    for (step, install) in steps.into_iter().zip(installs) {
        for tool in install {
            let path = tool.install()?;
            ctx.installed.insert(tool, path);
        }
        ctx.step = step.name;
        ctx.needs = step.needs;
        eprintln!("xtask: step {}", step.name);
        match step.action {
            Action::Cmd(program, args) => {
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                ctx.run(&program, &args)?;
            }
            Action::Task(task) => task(&mut ctx)?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_tool_is_installed_once_before_its_first_use() {
        use Tool::*;
        let plan: [&[Tool]; 5] = [
            &[],
            &[RustLints],
            &[WasmTarget, RustLints],
            &[Chromium, WasmTarget, NodePackages],
            &[NodePackages],
        ];
        assert_eq!(
            schedule(&plan),
            vec![
                vec![],
                vec![RustLints],
                vec![WasmTarget],
                vec![NodePackages, Chromium],
                vec![],
            ]
        );
    }

    #[test]
    fn what_a_command_line_uses() {
        use Tool::*;
        let cases: &[(&str, &[&str], &[Tool])] = &[
            ("cargo", &["fmt", "--all", "--", "--check"], &[RustLints]),
            ("cargo", &["test", "--workspace"], &[]),
            (
                "cargo",
                &["clippy", "--lib", "--target", "wasm32-unknown-unknown"],
                &[RustLints, WasmTarget],
            ),
            (
                "cargo",
                &[
                    "test",
                    "--target",
                    "wasm32-unknown-unknown",
                    "--test",
                    "wasm",
                ],
                &[WasmTarget, WasmBindgen, Chromium],
            ),
            (
                "/root/.cargo/bin/wasm-bindgen",
                &["--version"],
                &[WasmBindgen],
            ),
            ("/w/node_modules/.bin/esbuild", &["x.js"], &[NodePackages]),
            ("node", &["--test", "tests/js/a.test.mjs"], &[NodePackages]),
            (
                "node",
                &["--test", "tests/e2e/csp.test.mjs"],
                &[NodePackages, Chromium],
            ),
            (
                "xvfb-run",
                &["-a", "node", "--test", "tests/engines/flows.test.mjs"],
                &[WebKit, NodePackages, Chromium, Firefox, WebKit],
            ),
        ];
        for (program, args, want) in cases {
            assert_eq!(uses(program, args), *want, "{program} {args:?}");
        }
    }

    #[test]
    fn a_step_cannot_use_a_tool_it_did_not_declare() {
        let steps = vec![Step::task("sneaky", &[], |ctx| {
            ctx.run("cargo", &["clippy", "--target", "wasm32-unknown-unknown"])
        })];
        let err = execute(steps).expect_err("an undeclared tool is refused");
        assert!(err.contains("step `sneaky` uses rustfmt and clippy but does not declare it"));
        let steps = vec![Step::cmd("lint", &[], "cargo", &["fmt", "--check"])];
        assert!(execute(steps).is_err_and(|e| e.contains("does not declare")));
    }

    /// Every command's plan: each command-line step declares what it uses, and each
    /// step's tools are installed before it or by it, never after.
    #[test]
    fn every_command_installs_what_it_uses_first() {
        for line in crate::COMMAND_LINES {
            let args: Vec<String> = line.split(' ').map(str::to_owned).collect();
            let steps = crate::plan(&args).unwrap_or_else(|e| panic!("{line}: {e}"));
            assert!(!steps.is_empty(), "{line}: no steps");
            let needs: Vec<&[Tool]> = steps.iter().map(|s| s.needs).collect();
            let installs = schedule(&needs);
            let mut installed = Vec::new();
            for (step, install) in steps.iter().zip(installs) {
                installed.extend(install);
                for tool in step.needs {
                    assert!(
                        installed.contains(tool),
                        "{line}: step {} runs before {} is installed",
                        step.name,
                        tool.name()
                    );
                }
                if let Action::Cmd(program, args) = &step.action {
                    let args: Vec<&str> = args.iter().map(String::as_str).collect();
                    for tool in uses(program, &args) {
                        assert!(
                            step.needs.contains(&tool),
                            "{line}: step {} (`{program} {}`) uses {} without declaring it",
                            step.name,
                            args.join(" "),
                            tool.name()
                        );
                    }
                }
            }
        }
    }
}
