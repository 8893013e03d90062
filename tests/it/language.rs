//! Search that understands language: each article's language detected, words found in
//! their other forms (English and Russian stems), misspelt words by edit distance, and
//! each highlight saying how it matched — on the seed, the fixtures and small articles.

use crate::support::fixture_corpus;
use article_explorer::text::lang::{detect, Lang};
use article_explorer::{article, Corpus, MatchKind};

/// A corpus of small articles, each `(name, text)`.
fn small(articles: &[(&str, &str)]) -> Corpus {
    Corpus::new(
        articles
            .iter()
            .map(|(name, text)| ((*name).to_owned(), article::parse(text).unwrap()))
            .collect(),
    )
}

const EN_A: &str = "Trade and sanctions\n\nHow the sanctions regime works\n\nThe sanctions imposed on the North were sanctioned by the council, and it is not clear that they will work.\n";
const EN_B: &str = "A new sanction\n\nOne more measure\n\nThe council agreed on a sanction that is aimed at the shipping of coal and oil by sea.\n";
const RU: &str = "Санкции и торговля\n\nКак работает режим санкций\n\nВведение санкций против КНДР было одобрено советом, и это не значит, что они будут работать. Санкции касаются угля и нефти.\n";
const DE: &str = "Handel und Sanktionen\n\nWie das Regime funktioniert\n\nDie sanctions gegen den Norden wurden vom Rat gebilligt, und es ist nicht klar, ob sie wirken werden.\n";
const KO: &str = "무역과 제재\n\n제재는 어떻게 작동하는가\n\n북한에 대한 제재는 이사회의 승인을 받았으며 효과가 있을지는 분명하지 않다. 제재는 석탄과 석유에 관한 것이다.\n";

/// `(article name, highlighted text, how it matched)` for every highlight, best article
/// first.
fn marks(corpus: &Corpus, query: &str) -> Vec<(String, String, MatchKind)> {
    let result = corpus.search(query);
    let mut out = Vec::new();
    for hit in &result.articles {
        let article = &corpus.articles()[hit.article as usize];
        for field in &hit.fields {
            let text = article.field(field.addr).unwrap();
            for (span, kind) in field.spans.iter().zip(&field.matched) {
                out.push((
                    corpus.name(hit.article).unwrap().to_owned(),
                    span.slice(text).unwrap().to_owned(),
                    *kind,
                ));
            }
        }
        assert_eq!(
            hit.fields.iter().map(|f| f.matched.len()).sum::<usize>(),
            hit.matches as usize,
            "one kind per span"
        );
    }
    out
}

fn texts(marks: &[(String, String, MatchKind)]) -> Vec<&str> {
    marks.iter().map(|(_, t, _)| t.as_str()).collect()
}

#[test]
fn language_is_detected_from_the_text() {
    assert_eq!(detect(EN_A), Lang::English);
    assert_eq!(detect(RU), Lang::Russian);
    assert_eq!(detect(DE), Lang::Other);
    assert_eq!(detect(KO), Lang::Other);
    // Names alone, or too few words, say nothing.
    assert_eq!(
        detect("Moon Jae-in, Vladimir Putin, Kim Jong-un, Xi Jinping"),
        Lang::Other
    );
    assert_eq!(detect("The sanctions"), Lang::Other);
    // The seed and the fixtures, as the index saw them.
    let corpus = fixture_corpus();
    let langs: Vec<(&str, Lang)> = (0..corpus.len() as u32)
        .map(|a| (corpus.name(a).unwrap(), corpus.index().lang(a)))
        .collect();
    for (name, lang) in langs {
        let expected = match name.get(..3) {
            Some("ru-") => Lang::Russian,
            Some("ko-") => Lang::Other,
            _ => Lang::English, // the seed and en-
        };
        assert_eq!(lang, expected, "{name}");
    }
}

#[test]
fn a_word_finds_its_other_forms() {
    let corpus = small(&[
        ("en-a", EN_A),
        ("en-b", EN_B),
        ("ru", RU),
        ("de", DE),
        ("ko", KO),
    ]);
    // English: the whole word is highlighted, marked as a stem match.
    let found = marks(&corpus, "sanction");
    assert!(found.contains(&("en-a".into(), "sanctions".into(), MatchKind::Stem)));
    assert!(found.contains(&("en-a".into(), "sanctioned".into(), MatchKind::Stem)));
    assert!(found.contains(&("en-b".into(), "sanction".into(), MatchKind::Exact)));
    // Not in the German article: English endings are not cut from its words.
    assert!(found.iter().all(|(name, _, _)| name != "de"), "{found:?}");
    // Russian.
    let found = marks(&corpus, "санкции");
    assert_eq!(
        texts(&found),
        ["Санкции", "санкций", "санкций", "Санкции"],
        "{found:?}"
    );
    assert_eq!(found[1].2, MatchKind::Stem);
    assert_eq!(found[0].2, MatchKind::Exact);
    // Quoted: as typed only.
    assert_eq!(
        texts(&marks(&corpus, "\"sanction\"")),
        ["sanction", "sanction"]
    );
    assert_eq!(
        texts(&marks(&corpus, "\"санкций\"")),
        ["санкций", "санкций"]
    );
    // Korean is not stemmed: a word is the word (particles included).
    assert_eq!(
        texts(&marks(&corpus, "제재는")),
        ["제재는", "제재는", "제재는"]
    );
    assert_eq!(texts(&marks(&corpus, "제재")), ["제재"]); // the title's, not 제재는
                                                          // Excluding a word excludes its forms.
    let none = corpus.search("council -sanction");
    assert!(none.articles.is_empty(), "{:?}", none.articles);
}

#[test]
fn exact_ranks_above_stemmed_above_fuzzy() {
    let same = |word: &str| {
        format!("Shipping notes\n\nA short note\n\nThe ministers discussed the {word} of the season and the ports of the region at length.\n")
    };
    let corpus = small(&[
        ("fuzzy", &same("sanctians")),
        ("stem", &same("sanctions")),
        ("exact", &same("sanction")),
    ]);
    let order: Vec<String> = corpus
        .search("sanction~")
        .articles
        .iter()
        .map(|h| corpus.name(h.article).unwrap().to_owned())
        .collect();
    assert_eq!(order, ["exact", "stem", "fuzzy"]);
    let kinds: Vec<MatchKind> = marks(&corpus, "sanction~").iter().map(|m| m.2).collect();
    assert_eq!(kinds, [MatchKind::Exact, MatchKind::Stem, MatchKind::Fuzzy]);
    // Unquoted, without `~`: the word and its forms, not the misspelling (the corpus has
    // the word, so nothing is corrected).
    assert_eq!(
        texts(&marks(&corpus, "sanction")),
        ["sanction", "sanctions"]
    );
}

#[test]
fn a_word_the_corpus_lacks_is_found_by_edit_distance() {
    let corpus = fixture_corpus();
    let found = marks(&corpus, "Vladivostk");
    assert!(!found.is_empty());
    assert!(found
        .iter()
        .all(|(_, t, k)| t == "Vladivostok" && *k == MatchKind::Fuzzy));
    // Cyrillic and Hangul too.
    let found = marks(&corpus, "Владивостк");
    assert!(
        found.iter().any(|(_, t, _)| t == "Владивостоке"),
        "{found:?}"
    );
    let found = marks(&corpus, "서울과의");
    assert!(!found.is_empty(), "{found:?}");
    // Quoted: as typed, so nothing.
    assert!(corpus.search("\"Vladivostk\"").articles.is_empty());
    // A word of three letters is never corrected.
    assert!(corpus.search("xqz").articles.is_empty());
}

#[test]
fn did_you_mean() {
    let corpus = fixture_corpus();
    let fix = |q: &str| corpus.search(q).did_you_mean.map(|c| (c.query, c.articles));
    // A swap is two edits: beyond typo tolerance for five letters, within the correction's.
    assert!(corpus.search("Koera").articles.is_empty());
    let korea = corpus.search("Korea").articles.len() as u32;
    assert_eq!(fix("Koera"), Some(("Korea".to_owned(), korea)));
    // Where it was typed, case kept, the rest of the query as typed.
    let both = corpus.search("korea Moscow").articles.len() as u32;
    assert_eq!(
        fix("koera  Moscow"),
        Some(("korea  Moscow".to_owned(), both))
    );
    // Quoted words are as typed, so they are corrected too.
    assert_eq!(
        fix("\"Vladivostk\""),
        Some((
            "\"Vladivostok\"".to_owned(),
            corpus.search("Vladivostok").articles.len() as u32
        ))
    );
    assert_eq!(
        fix("Владивостк~ OR \"Сеулл\""),
        None,
        "found something: nothing to correct"
    );
    // Nothing offered when nothing is misspelt, or the correction finds nothing either.
    assert_eq!(fix("Korea Arctic"), None);
    assert_eq!(fix("xqzvwj"), None);
    assert_eq!(fix("Koera -Korea"), None);
    // A word of one letter is not corrected: every term of one or two letters is one
    // edit from it ("c" was offered "cc", "q" "a").
    for q in ["q", "c", "Korea q", "ж"] {
        assert_eq!(fix(q), None, "{q}");
    }
    // The CLI's JSON carries it.
    let result = corpus.search("Koera");
    let json = serde_json::to_value(&result).unwrap();
    assert_eq!(json["did_you_mean"]["query"], "Korea");
}

/// A word no article has is searched as the words a few edits away, and the answer says
/// which it took it for (the page's "Showing results for …"); a word asked for with `~`,
/// quoted, or found as typed or as another form, is not respelled.
#[test]
fn a_respelled_word_says_what_it_was_taken_for() {
    let corpus = article_explorer::Corpus::embedded().unwrap();
    let respelled = |q: &str| -> Vec<(String, String)> {
        corpus
            .hits(q)
            .respelled(corpus.index())
            .into_iter()
            .map(|(w, t)| (w.to_owned(), t.to_owned()))
            .collect()
    };
    let pair = |w: &str, t: &str| (w.to_owned(), t.to_owned());
    assert_eq!(respelled("Vladivostk"), [pair("vladivostk", "vladivostok")]);
    assert_eq!(respelled("Seol Moon"), [pair("seol", "seoul")]);
    // Quoted: as typed, never respelled.
    for q in [
        "Seoul",
        "sanction",
        "Vladivostk~",
        "Vlad*",
        "\"Seol Moon\"",
        "zzzqxw",
        "",
    ] {
        assert_eq!(respelled(q), [], "{q}");
    }
}
