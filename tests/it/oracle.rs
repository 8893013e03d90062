//! For random queries over the seeds and fixtures, the index's answer equals the naive
//! scan's: the same articles, the same fields, the same spans.

use crate::naive;
use crate::support::fixture_corpus;
use article_explorer::corpus::loading::SiteFiles;
use article_explorer::index::parts::CHUNK;
use article_explorer::Corpus;
use proptest::prelude::*;
use std::sync::OnceLock;

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(fixture_corpus)
}

/// The site's files of the same articles, cut small: an article a chunk, shards of about
/// 300 bytes of posting lists (src/corpus/loading.rs).
fn site() -> &'static SiteFiles {
    static SITE: OnceLock<SiteFiles> = OnceLock::new();
    SITE.get_or_init(|| {
        let bundle = crate::support::fixture_bundle();
        let files = article_explorer::corpus::bundle::read(&bundle).unwrap();
        SiteFiles::with_sizes(&files, 1, 300).unwrap()
    })
}

/// The same articles loaded from their site's files, every part added.
fn loaded() -> &'static Corpus {
    static LOADED: OnceLock<Corpus> = OnceLock::new();
    LOADED.get_or_init(|| Corpus::from_site_files(site()).expect("the files are used"))
}

/// The corpus of the site's head with only some parts added: part `i` (the shards, then
/// the chunks) when bit `i % 64` of `mask`, flipped every 64 parts, is set.
fn partial(mask: u64) -> Corpus {
    let site = site();
    let here = |i: usize| ((mask >> (i % 64)) & 1 == 1) != ((i / 64) % 2 == 1);
    let mut corpus = Corpus::from_head(&site.head).unwrap();
    for (k, shard) in site.shards.iter().enumerate() {
        if here(k) {
            corpus.add_shards(k, shard).unwrap();
        }
    }
    for (k, chunk) in site.chunks.iter().enumerate() {
        if here(site.shards.len() + k) {
            corpus.add_chunk(k, chunk).unwrap();
        }
    }
    corpus
}

/// Adds the parts `wanted` names (`Corpus::take_wanted`).
fn add_wanted(corpus: &mut Corpus, wanted: &[u32]) {
    let site = site();
    for &w in wanted {
        let k = (w & !CHUNK) as usize;
        if w & CHUNK == 0 {
            corpus.add_shards(k, &site.shards[k]).unwrap();
        } else {
            corpus.add_chunk(k, &site.chunks[k]).unwrap();
        }
    }
}

/// Every field's words as written (whitespace-separated), to draw queries from.
fn fields() -> &'static Vec<Vec<String>> {
    static FIELDS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    FIELDS.get_or_init(|| {
        corpus()
            .articles()
            .iter()
            .flat_map(|a| {
                a.fields()
                    .map(|f| f.text.split_whitespace().map(str::to_owned).collect())
            })
            .filter(|w: &Vec<String>| !w.is_empty())
            .collect()
    })
}

/// Picks a run of `len` words of some field, by three random numbers.
fn words(field: usize, at: usize, len: usize) -> String {
    let fields = fields();
    let f = &fields[field % fields.len()];
    let start = at % f.len();
    f[start..(start + len).min(f.len())].join(" ")
}

/// One query item: a word, a phrase, a prefix, or junk; maybe negated or filtered.
fn item() -> impl Strategy<Value = String> {
    let core = prop_oneof![
        4 => (any::<usize>(), any::<usize>()).prop_map(|(f, a)| words(f, a, 1)),
        2 => (any::<usize>(), any::<usize>(), 2..4usize).prop_map(|(f, a, n)| format!("\"{}\"", words(f, a, n))),
        2 => (any::<usize>(), any::<usize>(), 1..5usize).prop_map(|(f, a, n)| {
            let w: String = words(f, a, 1).chars().take(n).collect();
            format!("{w}*")
        }),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(f, a)| words(f, a, 1).to_uppercase()),
        // A word after a typo or two (a char replaced, dropped or doubled), bare — found by
        // edit distance when the corpus has it in no form — or with `~`.
        3 => (any::<usize>(), any::<usize>(), prop::collection::vec((0u8..3, any::<usize>()), 0..3), any::<bool>()).prop_map(|(f, a, edits, tilde)| {
            let mut w: Vec<char> = words(f, a, 1).chars().collect();
            for (kind, at) in edits {
                if w.is_empty() {
                    break;
                }
                let at = at % w.len();
                match kind {
                    0 => w[at] = 'e',
                    1 => { w.remove(at); }
                    _ => w.insert(at, w[at]),
                }
            }
            format!("{}{}", w.into_iter().collect::<String>(), if tilde { "~" } else { "" })
        }),
        // A phrase with a fuzzy word in it.
        1 => (any::<usize>(), any::<usize>(), 2..4usize).prop_map(|(f, a, n)| format!("\"{}~\"", words(f, a, n))),
        1 => prop_oneof![Just("\""), Just("-"), Just("*"), Just("OR"), Just("NOT"), Just("in:")].prop_map(str::to_owned),
        1 => "\\PC{0,6}",
    ];
    let modifier = prop_oneof![
        6 => Just(""),
        2 => Just("-"),
        1 => Just("title:"),
        1 => Just("author:"),
        1 => Just("in:card "),
        1 => Just("in:paragraph "),
        1 => Just("-in:lede "),
    ];
    (modifier, core).prop_map(|(m, c)| format!("{m}{c}"))
}

fn query() -> impl Strategy<Value = String> {
    prop::collection::vec((item(), prop::bool::weighted(0.2)), 1..5).prop_map(|items| {
        let mut q = String::new();
        for (i, (item, or)) in items.into_iter().enumerate() {
            if i > 0 {
                q.push_str(if or { " OR " } else { " " });
            }
            q.push_str(&item);
        }
        q
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn index_equals_naive_scan(q in query()) {
        let naive = naive::search(corpus(), &q);
        prop_assert_eq!(&naive::indexed(corpus(), &q), &naive, "query {:?}", q);
        // Counts are the spans: no occurrence counted twice (a word and its other forms,
        // a possessive and its stem, two words finding the same token).
        let result = corpus().search(&q);
        for hit in &result.articles {
            let spans: usize = hit.fields.iter().map(|f| f.spans.len()).sum();
            prop_assert_eq!(hit.matches as usize, spans, "query {:?}", q);
            // The snippet: one field's matches (not the title's), within about 30 words.
            if let Some(s) = &hit.snippet {
                let field = hit.fields.iter().find(|f| f.addr == s.addr);
                prop_assert!(field.is_some() && s.addr.block != -1, "query {:?}", q);
                let text = corpus().articles()[hit.article as usize].field(s.addr).unwrap();
                let shown = s.range.slice(text).unwrap();
                let long_mark = s.marks.iter().any(|(m, _)| m.slice(text).unwrap().split_whitespace().count() > 30);
                prop_assert!(long_mark || shown.split_whitespace().count() <= 30, "query {:?}", q);
                prop_assert!(!s.marks.is_empty());
                for (m, k) in &s.marks {
                    let f = field.unwrap();
                    let i = f.spans.iter().position(|x| x == m);
                    prop_assert!(i.is_some_and(|i| f.matched[i] == *k), "query {:?}: {:?}", q, m);
                    prop_assert!(s.range.start <= m.start && m.end <= s.range.end);
                }
            } else if result.highlighting {
                prop_assert!(hit.fields.iter().all(|f| f.addr.block == -1), "query {:?}", q);
            }
        }
    }

    /// A query being typed: its last word also finds the words it begins, as the scan
    /// says; and the counts are the spans.
    #[test]
    fn typing_equals_naive_scan(q in query()) {
        let naive = naive::search_typing(corpus(), &q);
        prop_assert_eq!(&naive::indexed_typing(corpus(), &q), &naive, "query {:?}", q);
        let mut hits = corpus().hits_typing(&q);
        for row in hits.rows(0, hits.len()) {
            let spans: usize = corpus().hit_fields(&hits, row.article).iter().map(|f| f.spans.len()).sum();
            prop_assert_eq!(row.matches as usize, spans, "query {:?}", q);
        }
    }

    /// "Drop one clause" counted in one pass equals dropping each clause in turn and
    /// running what is left.
    #[test]
    fn suggestions_equal_dropping_each_clause(q in query()) {
        let parsed = article_explorer::query::parse(&q);
        let result = corpus().search(&q);
        let expected: Vec<(String, u32)> = if !result.articles.is_empty() || !(2..=article_explorer::results::suggest::MAX_SUGGESTED_CLAUSES).contains(&parsed.clauses.len()) {
            Vec::new()
        } else {
            let mut out: Vec<(usize, String, u32)> = (0..parsed.clauses.len())
                .filter_map(|i| {
                    let mut without = parsed.clone();
                    let clause = without.clauses.remove(i);
                    let n = article_explorer::query::evaluate(corpus().index(), corpus().articles(), &without).articles.len() as u32;
                    (n > 0).then(|| (i, parsed.text[clause.source].to_owned(), n))
                })
                .collect();
            out.sort_by_key(|(i, _, n)| (u32::MAX - n, *i));
            out.into_iter().map(|(_, d, n)| (d, n)).collect()
        };
        let got: Vec<(String, u32)> = result.suggestions.iter().map(|s| (s.drop.clone(), s.articles)).collect();
        prop_assert_eq!(got, expected, "query {:?}", q);
    }

    /// The index read from its file answers as the one built from the articles: the same
    /// result, ranking, highlights, rows and suggestions.
    #[test]
    fn a_loaded_index_answers_as_the_built_one(q in query()) {
        prop_assert_eq!(loaded().search(&q), corpus().search(&q), "query {:?}", q);
        let (mut a, mut b) = (loaded().hits(&q), corpus().hits(&q));
        prop_assert_eq!(a.rows(0, 100), b.rows(0, 100), "query {:?}", q);
        prop_assert_eq!(
            a.suggestions(loaded().index(), loaded().articles()),
            b.suggestions(corpus().index(), corpus().articles()),
            "query {:?}", q
        );
    }

    /// With only some of its parts here, a corpus either answers as the whole one or
    /// says which parts it wants; given those, it answers whole within a few rounds. So
    /// the page, which shows only answers that wanted nothing, never shows a partial one.
    #[test]
    fn a_partial_corpus_answers_whole_or_wants_parts(q in query(), mask in any::<u64>()) {
        let mut part = partial(mask);
        let whole = corpus().search(&q);
        for round in 0..6 {
            let result = part.search(&q);
            let rows = part.hits(&q).rows(0, 100);
            let wanted = part.take_wanted();
            if wanted.is_empty() {
                prop_assert_eq!(&result, &whole, "query {:?}, round {}", q, round);
                prop_assert_eq!(rows, corpus().hits(&q).rows(0, 100), "query {:?}", q);
                return Ok(());
            }
            add_wanted(&mut part, &wanted);
        }
        prop_assert!(false, "query {:?} still wants parts after 6 rounds", q);
    }

    /// The top-k search is the full search with the fields of the others left out (and
    /// asked for one by one, the same fields): same ranking, same counts.
    #[test]
    fn top_k_equals_full(q in query(), k in 0..3usize) {
        let full = corpus().search(&q);
        let top = corpus().search_top(&q, k);
        prop_assert_eq!(top.total, full.total, "query {:?}", q);
        prop_assert_eq!(top.articles.len(), full.articles.len());
        for (i, (t, f)) in top.articles.iter().zip(&full.articles).enumerate() {
            prop_assert_eq!((t.article, t.score, t.matches), (f.article, f.score, f.matches));
            if i < k {
                prop_assert_eq!(&t.fields, &f.fields);
            } else {
                prop_assert!(t.fields.is_empty());
            }
            prop_assert_eq!(&corpus().article_fields(&q, f.article), &f.fields);
        }
    }

    /// Ranking page by page, in pages of any size, gives the full ranking.
    #[test]
    fn pages_make_the_ranking(q in query(), page in 1..4usize) {
        let full = corpus().search(&q);
        let mut hits = corpus().hits(&q);
        let mut rows = Vec::new();
        while rows.len() < hits.len() {
            let got = hits.rows(rows.len(), page);
            prop_assert!(!got.is_empty() && got.len() <= page);
            rows.extend(got);
        }
        let expected: Vec<(u32, u32)> = full.articles.iter().map(|a| (a.article, a.matches)).collect();
        let got: Vec<(u32, u32)> = rows.iter().map(|r| (r.article, r.matches)).collect();
        prop_assert_eq!(got, expected, "query {:?}", q);
        prop_assert_eq!(hits.total, full.total);
    }
}

/// Text of a few words, repeated: what a phrase repeating a word is matched in.
const REPEATED: [&str; 5] = ["sea", "seas", "sea's", "tide", "tides"];

/// A paragraph of the repeated words, joined by spaces, hyphens or commas.
fn repeated_text() -> impl Strategy<Value = String> {
    prop::collection::vec((0..REPEATED.len(), 0usize..6), 1..60).prop_map(|words| {
        let mut text = String::new();
        for (i, (w, gap)) in words.into_iter().enumerate() {
            if i > 0 {
                text.push_str([" ", " ", " ", "-", ", ", ". "][gap]);
            }
            text.push_str(REPEATED[w]);
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Phrases that repeat a word (`"sea sea sea"`, `"sea-sea tide sea sea"`) over text
    /// that repeats it: the index's answer is the scan's (its runs of a word are chained
    /// once an article, `Chain` in src/query/eval.rs).
    #[test]
    fn phrases_of_repeated_words_equal_naive_scan(
        paragraphs in prop::collection::vec(prop::collection::vec(repeated_text(), 1..4), 1..4),
        phrase in prop::collection::vec((0..REPEATED.len(), prop::bool::weighted(0.2)), 2..9),
    ) {
        let articles: Vec<(String, article_explorer::article::Article)> = paragraphs
            .iter()
            .enumerate()
            .filter_map(|(i, ps)| {
                let text = format!("Waters {i}\n\n{}\n", ps.join("\n\n"));
                Some((format!("{i}.txt"), article_explorer::article::parse(&text).ok()?))
            })
            .collect();
        let corpus = Corpus::new(articles);
        let mut q = String::from("\"");
        for (i, (w, hyphen)) in phrase.iter().enumerate() {
            if i > 0 {
                q.push(if *hyphen { '-' } else { ' ' });
            }
            q.push_str(REPEATED[*w]);
        }
        q.push('"');
        prop_assert_eq!(naive::indexed(&corpus, &q), naive::search(&corpus, &q), "query {:?}", q);
        // A phrase is found as typed when each of its words is (a possessive included),
        // else as another form: the highest kind of its words. (Overlapping occurrences
        // are one span: those of one occurrence are checked.)
        let words: Vec<&str> = phrase.iter().map(|(w, _)| REPEATED[*w]).collect();
        for hit in corpus.search(&q).articles {
            let article = &corpus.articles()[hit.article as usize];
            for f in &hit.fields {
                let text = article.field(f.addr).unwrap();
                for (span, kind) in f.spans.iter().zip(&f.matched) {
                    let tokens: Vec<&str> = span
                        .slice(text)
                        .unwrap()
                        .split([' ', ',', '.', '-'])
                        .filter(|t| !t.is_empty())
                        .collect();
                    if tokens.len() != words.len() {
                        continue;
                    }
                    let as_typed = tokens
                            .iter()
                            .zip(&words)
                            .all(|(t, w)| t == w || *t == format!("{w}'s"));
                    prop_assert_eq!(
                        *kind == article_explorer::query::MatchKind::Exact,
                        as_typed,
                        "query {:?}: {:?} is {:?}", q, tokens, kind
                    );
                }
            }
        }
    }
}

/// The oracle agrees on the feature examples too (and they match something).
#[test]
fn oracle_on_the_examples() {
    for q in [
        "Seoul",
        "\"Moon Jae-in\"",
        "-Japan",
        "Toloraya OR Lee",
        "author:Toloraya",
        "in:card",
        "cooperat*",
        "Jae-Young",
        "\"jae young\"",
        "Club’s",
        "Сеул",
        "北京",
        "title:Korean",
        "in:card Seoul",
        "-in:paragraph Seoul",
        "Moon \"Jae-in",
        "today",
        "today's",
        "\"Сеул\"",
        "Сеула",
        "Vladivostk",
        "Vladivostk Moscow",
        "relation",
        "\"relation\" OR economics",
    ] {
        let naive = naive::search(corpus(), q);
        assert!(!naive.is_empty(), "{q} matches something");
        assert_eq!(naive::indexed(corpus(), q), naive, "query {q:?}");
    }
}
