//! The CLI's commands and their JSON.

use article_explorer::{
    article, bundle, Article, Author, Corpus, Correction, Error, Keyphrase, MatchKind, Part,
    SearchResult, SiteFiles,
};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage: article-explorer parse FILE | article-explorer search QUERY [FILE...] \
                     | article-explorer keyphrases [FILE...] | article-explorer bundle OUT DIR \
                     | article-explorer index OUTDIR BUNDLE";

pub fn main() -> ExitCode {
    let args = match utf8_args(std::env::args_os().skip(1)) {
        Ok(args) => args,
        Err(message) => return fail(&message),
    };
    match run(&args) {
        Ok(json) => {
            let mut out = std::io::stdout().lock();
            match writeln!(out, "{json}").and_then(|()| out.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(&format!("cannot write the output: {e}")),
            }
        }
        Err(message) => fail(&message),
    }
}

/// The arguments as text, or one line naming the first that is not UTF-8 (a file name
/// or a query: the CLI reads and writes UTF-8 only).
fn utf8_args(args: impl Iterator<Item = std::ffi::OsString>) -> Result<Vec<String>, String> {
    args.map(|a| {
        a.into_string().map_err(|a| {
            format!(
                "{}: not UTF-8 (file names and queries must be UTF-8)",
                a.to_string_lossy()
            )
        })
    })
    .collect()
}

fn fail(message: &str) -> ExitCode {
    eprintln!("article-explorer: {message}");
    ExitCode::FAILURE
}

/// Runs a command to its complete output, or one line saying why not.
fn run(args: &[String]) -> Result<String, String> {
    match args {
        [cmd, file] if cmd == "parse" => {
            let article = read_article(file)?;
            to_json(&article)
        }
        [cmd, query, files @ ..] if cmd == "search" => {
            let corpus = corpus(files)?;
            let result = corpus.search(query);
            to_json(&SearchJson::new(&corpus, &result))
        }
        [cmd, files @ ..] if cmd == "keyphrases" => {
            let corpus = corpus(files)?;
            to_json(&KeyphrasesJson::new(&corpus))
        }
        [cmd, out, dir] if cmd == "bundle" => bundle(out, dir),
        [cmd, ..] if cmd == "bundle" => Err(format!("bundle needs OUT and DIR\n{USAGE}")),
        [cmd, out, bundle] if cmd == "index" => index(out, bundle),
        [cmd, ..] if cmd == "index" => Err(format!("index needs OUT and BUNDLE\n{USAGE}")),
        [cmd, ..] if cmd == "parse" => Err(format!("parse needs exactly one FILE\n{USAGE}")),
        [cmd] if cmd == "search" => Err(format!("search needs a QUERY\n{USAGE}")),
        [cmd, ..] if cmd == "-h" || cmd == "--help" => Err(USAGE.to_owned()),
        [cmd, ..] => Err(format!("unknown command {cmd:?}\n{USAGE}")),
        [] => Err(format!("missing command\n{USAGE}")),
    }
}

/// The articles of `files` (a bundle's, such as a collection exported from the page:
/// each of its articles), or without any the seeds embedded at build time.
fn corpus(files: &[String]) -> Result<Corpus, String> {
    if files.is_empty() {
        return Corpus::embedded().map_err(|e| e.to_string());
    }
    let contents = files
        .iter()
        .map(|f| read(f).map(|bytes| (f.as_str(), bytes)))
        .collect::<Result<Vec<_>, _>>()?;
    let mut named: Vec<(&str, &[u8])> = Vec::new();
    for (file, bytes) in &contents {
        if bytes.starts_with(bundle::MAGIC.as_bytes()) {
            named.extend(bundle::read(bytes).map_err(|e| format!("{file}: {e}"))?);
        } else {
            named.push((file, bytes));
        }
    }
    Corpus::from_files(named).map_err(|e| e.to_string())
}

/// `keyphrases`' output (`docs/cli.md`): the collection's keyphrases and authors, then
/// each article's keyphrases.
#[derive(Serialize)]
struct KeyphrasesJson<'a> {
    keyphrases: Vec<Keyphrase>,
    authors: Vec<Author>,
    articles: Vec<ArticleKeyphrasesJson<'a>>,
}

#[derive(Serialize)]
struct ArticleKeyphrasesJson<'a> {
    file: &'a str,
    keyphrases: Vec<Keyphrase>,
}

impl<'a> KeyphrasesJson<'a> {
    fn new(corpus: &'a Corpus) -> KeyphrasesJson<'a> {
        KeyphrasesJson {
            keyphrases: corpus.keyphrases().to_vec(),
            authors: corpus.authors(),
            articles: (0..corpus.len() as u32)
                .map(|a| ArticleKeyphrasesJson {
                    file: corpus.name(a).unwrap_or(""),
                    keyphrases: corpus.article_keyphrases(a),
                })
                .collect(),
        }
    }
}

/// Writes the bundle of every `*.txt` of `dir`, in file-name order, each parsed first (a
/// file that is not an article fails the command); reports what it wrote, and each
/// `*.txt` it left out and why (a name that is not UTF-8: a bundle's names are text).
fn bundle(out: &str, dir: &str) -> Result<String, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{dir}: cannot read: {e}"))?;
    let mut names: Vec<String> = Vec::new();
    let mut left_out: Vec<LeftOut> = Vec::new();
    for entry in entries {
        let name = entry
            .map_err(|e| format!("{dir}: cannot read: {e}"))?
            .file_name();
        if !name.as_encoded_bytes().ends_with(b".txt") {
            continue;
        }
        match name.into_string() {
            Ok(name) => names.push(name),
            Err(name) => left_out.push(LeftOut {
                file: name.to_string_lossy().into_owned(),
                reason: "its name is not UTF-8",
            }),
        }
    }
    names.sort();
    left_out.sort_by(|a, b| a.file.cmp(&b.file));
    let mut files = Vec::with_capacity(names.len());
    for name in names {
        let path = format!("{dir}/{name}");
        read_article(&path)?;
        let bytes = read(&path)?;
        files.push((name, bytes));
    }
    let bytes = bundle::write(files.iter().map(|(n, b)| (n.as_str(), b.as_slice())));
    std::fs::write(out, &bytes).map_err(|e| format!("{out}: cannot write: {e}"))?;
    to_json(&BundleJson {
        file: out,
        articles: files.len(),
        bytes: bytes.len(),
        left_out,
    })
}

/// `index OUT BUNDLE`: a bundle's articles as the site's data files (docs/format.md):
/// `OUT/index/head.bin`, the shards `OUT/index/K.bin` and the articles in chunks
/// `OUT/articles/K.txt`, which the page loads instead of indexing in the browser.
fn index(out: &str, bundle: &str) -> Result<String, String> {
    let bytes = read(bundle)?;
    let started = std::time::Instant::now();
    let files = bundle::read(&bytes).map_err(|e| format!("{bundle}: {e}"))?;
    let site = SiteFiles::of(&files).map_err(|e| format!("{bundle}: {e}"))?;
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let write = |path: String, bytes: &[u8]| {
        std::fs::write(&path, bytes).map_err(|e| format!("{path}: cannot write: {e}"))
    };
    for dir in ["index", "articles"] {
        let path = format!("{out}/{dir}");
        // A new build's parts replace the old ones whole: none of another build is left.
        if std::path::Path::new(&path).exists() {
            std::fs::remove_dir_all(&path).map_err(|e| format!("{path}: cannot remove: {e}"))?;
        }
        std::fs::create_dir_all(&path).map_err(|e| format!("{path}: cannot create: {e}"))?;
    }
    write(format!("{out}/index/head.bin"), &site.head)?;
    for (k, shard) in site.shards.iter().enumerate() {
        write(format!("{out}/index/{k}.bin"), shard)?;
    }
    for (k, chunk) in site.chunks.iter().enumerate() {
        write(format!("{out}/articles/{k}.txt"), chunk)?;
    }
    to_json(&IndexJson {
        dir: out,
        articles: files.len(),
        head: site.head.len(),
        shards: site.shards.iter().map(Vec::len).collect(),
        chunks: site.chunks.iter().map(Vec::len).collect(),
        ms: ms.round(),
    })
}

#[derive(Serialize)]
struct IndexJson<'a> {
    dir: &'a str,
    articles: usize,
    /// Bytes of the head.
    head: usize,
    /// Bytes of each shard.
    shards: Vec<usize>,
    /// Bytes of each chunk of articles.
    chunks: Vec<usize>,
    /// Milliseconds to parse the articles, index them and make the files in memory.
    ms: f64,
}

#[derive(Serialize)]
struct BundleJson<'a> {
    file: &'a str,
    articles: usize,
    bytes: usize,
    left_out: Vec<LeftOut>,
}

/// A `*.txt` file `bundle` did not take, and why.
#[derive(Serialize)]
struct LeftOut {
    file: String,
    reason: &'static str,
}

fn read(path: &str) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| {
        Error::Read {
            path: path.to_owned(),
            reason: e.to_string(),
        }
        .to_string()
    })
}

fn read_article(path: &str) -> Result<Article, String> {
    let bytes = read(path)?;
    article::parse_bytes(&bytes).map_err(|error| {
        Error::Parse {
            file: path.to_owned(),
            error,
        }
        .to_string()
    })
}

fn to_json<T: Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string_pretty(value).map_err(|e| format!("cannot write JSON: {e}"))
}

/// `search`'s output, in the shape documented in `docs/cli.md`.
#[derive(Serialize)]
struct SearchJson<'a> {
    query: &'a str,
    notice: Option<&'a str>,
    total: u32,
    articles: Vec<ArticleJson<'a>>,
    /// When nothing matches: the query with its misspelt words corrected, and what it
    /// finds.
    did_you_mean: Option<&'a Correction>,
}

#[derive(Serialize)]
struct ArticleJson<'a> {
    file: &'a str,
    title: &'a str,
    score: f64,
    matches: u32,
    fields: Vec<FieldJson<'a>>,
    /// The best excerpt, "…" where the field goes on, and the texts marked in it.
    snippet: Option<SnippetJson<'a>>,
}

#[derive(Serialize)]
struct SnippetJson<'a> {
    block: i32,
    field: Part,
    text: String,
    marks: Vec<&'a str>,
}

#[derive(Serialize)]
struct FieldJson<'a> {
    block: i32,
    field: Part,
    /// UTF-16 code units of the field's text, half-open.
    spans: Vec<[u32; 2]>,
    texts: Vec<&'a str>,
    /// How each span matched: `exact`, `stem` or `fuzzy`.
    matched: &'a [MatchKind],
}

impl<'a> SearchJson<'a> {
    fn new(corpus: &'a Corpus, result: &'a SearchResult) -> SearchJson<'a> {
        let articles = result
            .articles
            .iter()
            .filter_map(|hit| {
                let article = corpus.articles().get(hit.article as usize)?;
                let fields = hit
                    .fields
                    .iter()
                    .map(|f| {
                        let text = article.field(f.addr).unwrap_or("");
                        FieldJson {
                            block: f.addr.block,
                            field: f.addr.part,
                            spans: f.utf16.iter().map(|s| [s.start, s.end]).collect(),
                            texts: f.spans.iter().filter_map(|s| s.slice(text)).collect(),
                            matched: &f.matched,
                        }
                    })
                    .collect();
                let snippet = hit.snippet.as_ref().map(|s| {
                    let text = article.field(s.addr).unwrap_or("");
                    SnippetJson {
                        block: s.addr.block,
                        field: s.addr.part,
                        text: format!(
                            "{}{}{}",
                            if s.cut.0 { "… " } else { "" },
                            s.range.slice(text).unwrap_or(""),
                            if s.cut.1 { " …" } else { "" }
                        ),
                        marks: s.marks.iter().filter_map(|(m, _)| m.slice(text)).collect(),
                    }
                });
                Some(ArticleJson {
                    file: corpus.name(hit.article).unwrap_or(""),
                    title: &article.title,
                    score: (hit.score * 1e4).round() / 1e4,
                    matches: hit.matches,
                    fields,
                    snippet,
                })
            })
            .collect();
        SearchJson {
            query: &result.query,
            notice: result.notice.as_deref(),
            total: result.total,
            articles,
            did_you_mean: result.did_you_mean.as_ref(),
        }
    }
}
