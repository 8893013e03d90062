//! The relevance suite: queries with the articles they should rank first, and why. Each
//! case is data — a corpus, a query, the expected order of (some of) the results — so a
//! change of ranking shows as the cases it breaks.
//!
//! Small corpora are built from one template in which only the studied difference varies
//! (the field a word stands in, how close two words are, how a word matched), so lengths
//! and everything else BM25F weighs are equal.

use crate::support::fixture_corpus;
use article_explorer::{article, Corpus};

struct Case {
    query: &'static str,
    /// The names of the first results, in order.
    top: &'static [&'static str],
    why: &'static str,
}

/// A corpus of `(name, text)` articles.
fn small(articles: Vec<(String, String)>) -> Corpus {
    Corpus::new(
        articles
            .into_iter()
            .map(|(name, text)| (name, article::parse(&text).unwrap()))
            .collect(),
    )
}

/// An English article with the word `w` in field `slot` (and a neutral word in the other
/// slots): every article of a corpus made by it has the same field lengths.
fn templated(slot: &str, w: &str) -> String {
    let at = |s: &str| if s == slot { w } else { "harbour" };
    format!(
        "The {} of the northern ports\n\n\
         A report on the {} and the trade of the coast\n\n\
         The ministers of the region met in the capital to discuss the {} and the shipping of grain, coal and timber along the coast during the winter months.\n\n\
         Notes on the {} season\n\n\
         The {} of the eastern routes\n\
         Anna Petrova\n\
         A short account of the routes and the ports of the east.\n\n\
         The talks ended without an agreement on the tariffs, and the delegations will meet again in the spring to continue the discussion of the ports.\n\
         Views expressed are of individual members and not of the {} club.\n",
        at("title"),
        at("lede"),
        at("paragraph"),
        at("heading"),
        at("card"),
        at("disclaimer"),
    )
}

fn check(corpus: &Corpus, cases: &[Case]) {
    check_as(corpus, cases, false);
}

/// `check`, the queries asked as the reader types them (`Corpus::hits_typing`) or not.
fn check_as(corpus: &Corpus, cases: &[Case], typing: bool) {
    for case in cases {
        let mut hits = if typing {
            corpus.hits_typing(case.query)
        } else {
            corpus.hits(case.query)
        };
        let names: Vec<&str> = hits
            .rows(0, hits.len())
            .iter()
            .map(|h| corpus.name(h.article).unwrap())
            .collect();
        assert!(
            names.len() >= case.top.len() && names[..case.top.len()] == *case.top,
            "query {:?}: expected {:?} first, got {:?} — {}",
            case.query,
            case.top,
            names,
            case.why
        );
    }
}

#[test]
fn field_weights() {
    let slots = [
        "disclaimer",
        "paragraph",
        "heading",
        "lede",
        "card",
        "title",
    ];
    let corpus = small(
        slots
            .iter()
            .map(|s| ((*s).to_owned(), templated(s, "zanzibar")))
            .collect(),
    );
    // The template parses into the fields it means to.
    for (a, slot) in slots.iter().enumerate() {
        let hit = &corpus.search("zanzibar").articles;
        let found = hit.iter().find(|h| h.article == a as u32).unwrap();
        let kind = format!("{:?}", found.fields[0].kind).to_lowercase();
        assert_eq!(&kind, slot, "{slot}");
    }
    check(
        &corpus,
        &[Case {
            query: "zanzibar",
            top: &["title", "card", "lede", "heading", "paragraph", "disclaimer"],
            why: "an occurrence weighs by its field: title > card title > lede > heading > paragraph > disclaimer",
        }],
    );
}

#[test]
fn proximity() {
    // Paragraphs of 21 words each: only where the words stand differs.
    let paragraph = |text: &str| {
        format!("Shipping notes\n\nA short note on the coast\n\n{text}\n\nThe talks ended late without an agreement on the new tariffs for the ports and harbours of the whole eastern region.\n")
    };
    let corpus = small(vec![
        (
            "apart".into(),
            paragraph("Moscow sent a delegation to the talks on grain, coal, timber and the tariffs of the coast, and so did Seoul."),
        ),
        (
            "together".into(),
            paragraph("A delegation to the talks on grain, coal, timber and the tariffs of the coast came over from Moscow and Seoul."),
        ),
        (
            "fields".into(),
            paragraph("Moscow sent a delegation to the talks on grain, coal, timber and the tariffs of the coast, and so did Busan.")
                .replace("eastern region", "eastern Seoul"),
        ),
    ]);
    check(
        &corpus,
        &[
            Case {
                query: "moscow seoul",
                top: &["together", "apart", "fields"],
                why: "the words side by side beat the words a sentence apart, which beat the words in different fields",
            },
            Case {
                query: "seoul moscow",
                top: &["together", "apart", "fields"],
                why: "closeness does not depend on the order typed",
            },
        ],
    );
}

/// A short article in which only `word` varies.
fn note(word: &str) -> String {
    format!("Shipping notes\n\nA short note\n\nThe ministers discussed the {word} of the season and the ports of the region at length.\n")
}

#[test]
fn how_a_word_matched() {
    let corpus = small(vec![
        ("fuzzy".into(), note("sanctians")),
        ("stem".into(), note("sanctions")),
        ("exact".into(), note("sanction")),
    ]);
    check(
        &corpus,
        &[
            Case {
                query: "sanction~",
                top: &["exact", "stem", "fuzzy"],
                why: "the word as typed beats another form of it, which beats a word spelt like it",
            },
            Case {
                query: "sanctions",
                top: &["stem", "exact"],
                why: "the other way round: now sanctions is the word typed",
            },
        ],
    );
}

#[test]
fn the_word_being_typed() {
    let corpus = small(vec![
        ("prefix".into(), note("harbourmaster")),
        ("stem".into(), note("harbours")),
        ("exact".into(), note("harbour")),
    ]);
    check_as(
        &corpus,
        &[Case {
            query: "harbour",
            top: &["exact", "stem", "prefix"],
            why: "while typing, the words a word begins come below the word and its other forms",
        }],
        true,
    );
    assert_eq!(
        corpus.hits("harbour").len(),
        2,
        "finished, the longer word is not found"
    );
}

#[test]
fn seed_and_fixtures() {
    const SEED: &str = "000-todays-prospects-for-russian-south-korean-relations.txt";
    check(
        &fixture_corpus(),
        &[
            Case {
                query: "Korea",
                top: &[SEED],
                why: "the seed has Korea in its title and lede and in many paragraphs",
            },
            Case {
                query: "Toloraya",
                top: &[SEED],
                why: "the only article with a card by him",
            },
            Case {
                query: "Arctic shipping",
                top: &["en-arctic-shipping.txt"],
                why: "both words in its title",
            },
            Case {
                query: "Korea OR Arctic",
                top: &["en-arctic-shipping.txt"],
                why: "a title match (Arctic, a rare word) outranks many paragraph matches of a common one",
            },
            Case {
                query: "экономический форум",
                top: &["ru-economic-forum.txt"],
                why: "the Russian article is about the forum: in its title, side by side",
            },
            Case {
                query: "форума",
                top: &["ru-economic-forum.txt"],
                why: "another form of форум (Russian stemming)",
            },
            Case {
                query: "서울과",
                top: &["ko-seoul-dialogue.txt"],
                why: "the Korean article's title",
            },
        ],
    );
}
