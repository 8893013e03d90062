//! Embeds every `seeds/*.txt` into the library, in file-name order, after parsing each
//! with the real parser (`src/article/`): a seed that is not an article fails the build,
//! naming the file and the reason. Also generates the diacritic-folding table
//! (`build/fold_table.rs`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[allow(dead_code, unused_imports, missing_docs)]
#[path = "src/article/mod.rs"]
mod article;

#[path = "build/fold_table.rs"]
mod fold_table;

fn main() {
    if let Err(message) = run() {
        // A build script reports failure by exiting non-zero; Cargo shows stderr.
        eprintln!("error: {message}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?);
    let seeds = root.join("seeds");
    println!("cargo:rerun-if-changed={}", seeds.display());
    println!("cargo:rerun-if-changed=src/article");

    let mut files: Vec<PathBuf> = std::fs::read_dir(&seeds)
        .map_err(|e| format!("cannot read {}: {e}", seeds.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();

    let mut out = String::from(
        "/// The embedded seeds: (file name, text), in file-name order.\n\
         pub static SEEDS: &[(&str, &str)] = &[\n",
    );
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = file_name(path)?;
        let bytes = std::fs::read(path).map_err(|e| format!("seeds/{name}: cannot read: {e}"))?;
        article::parse_bytes(&bytes).map_err(|e| format!("seeds/{name}: {e}"))?;
        let _ = writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    out.push_str("];\n");

    let out_dir = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| e.to_string())?);
    std::fs::write(out_dir.join("seeds.rs"), out)
        .map_err(|e| format!("cannot write seeds.rs: {e}"))?;

    println!("cargo:rerun-if-changed=build/fold_table.rs");
    std::fs::write(out_dir.join("fold_table.rs"), fold_table::source()?)
        .map_err(|e| format!("cannot write fold_table.rs: {e}"))
}

fn file_name(path: &Path) -> Result<String, String> {
    path.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_owned)
        .ok_or_else(|| format!("{}: file name is not UTF-8", path.display()))
}
