//! fst's Levenshtein search timed over the words of a text file (an `articles.txt`):
//! `cargo run --release --example time -- FILE`.
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: time FILE");
    let text = std::fs::read_to_string(path).expect("a readable UTF-8 file");
    let mut terms: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    terms.sort();
    terms.dedup();
    println!("{} words", terms.len());
    let joined = terms.join("\n");
    let t = Instant::now();
    let set = fst_check::build(joined.as_bytes()).expect("sorted words");
    println!(
        "set built in {:.1} ms, {} bytes",
        t.elapsed().as_secs_f64() * 1e3,
        set.as_fst().as_bytes().len()
    );
    for (w, k) in [
        ("exprassed", 2u32),
        ("contributrs", 2),
        ("vladivostk", 2),
        ("koera", 1),
        ("pyongyng", 1),
    ] {
        let reps = 20;
        let t = Instant::now();
        let mut n = 0;
        for _ in 0..reps {
            n = fst_check::count_near(&set, w, k);
        }
        println!(
            "{w} within {k}: {n} words, {:.0} µs a query",
            t.elapsed().as_secs_f64() * 1e6 / f64::from(reps)
        );
    }
}
