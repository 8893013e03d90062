//! Every parsing rule with a small example, the seed, and its variants.

use crate::support::{outline, parse_outline, root};
use article_explorer::article::{self, ParseError};
use article_explorer::Block;

#[track_caller]
fn check(input: &str, expected: &str) {
    let got = parse_outline(input);
    assert_eq!(got, expected.trim(), "\ninput: {input:?}");
}

fn seed_text() -> String {
    let (_, text) = article_explorer::corpus::embedded_seeds()[0];
    text.to_owned()
}

#[test]
fn seed_structure() {
    let a = article::parse(&seed_text()).unwrap();
    assert_eq!(
        a.title,
        "Today's Prospects for Russian-South Korean Relations"
    );
    assert_eq!(
        a.lede.as_deref(),
        Some("The Republic of Korea will remain ready for dialogue and cooperation with Russia despite their differences")
    );
    let kinds: Vec<String> = a
        .blocks
        .iter()
        .map(|b| match b {
            Block::Card { author, .. } => format!("card ({author})"),
            other => other.kind().name().to_owned(),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "paragraph",
            "paragraph",
            "card (Georgy Toloraya)",
            "paragraph",
            "paragraph",
            "card (Lee Jae-Young)",
            "paragraph",
            "paragraph",
            "disclaimer"
        ]
    );
    let Block::Card { title, teaser, .. } = &a.blocks[2] else {
        panic!("block 2 is a card")
    };
    assert_eq!(
        title,
        "Russia - South Korea: Political Rapprochement and Economic Activation?"
    );
    assert!(teaser.starts_with("Moscow hopes that Seoul"));
    let Block::Disclaimer { text } = &a.blocks[8] else {
        panic!("block 8 is the disclaimer")
    };
    assert!(text.starts_with("Views expressed are of individual Members"));
}

#[test]
fn seed_variants_parse_the_same() {
    let seed = seed_text();
    let expected = outline(&article::parse(&seed).unwrap());
    let variants = [
        ("CRLF", seed.replace('\n', "\r\n")),
        ("lone CR", seed.replace('\n', "\r")),
        ("BOM", format!("\u{feff}{seed}")),
        (
            "BOM + CRLF",
            format!("\u{feff}{}", seed.replace('\n', "\r\n")),
        ),
        (
            "messy whitespace",
            seed.replace("\n\n", "\n  \t \n\n \u{a0}\n")
                .replace('\n', "   \n")
                .replace("Georgy Toloraya", "  Georgy Toloraya\t"),
        ),
        ("leading blank lines", format!("\n\n  \n{seed}\n\n\n")),
    ];
    for (name, text) in variants {
        let got = article::parse(&text).map(|a| outline(&a));
        assert_eq!(got.as_deref(), Ok(expected.as_str()), "variant {name}");
    }
    // Not only the outline: the texts are identical too.
    let crlf = article::parse(&seed.replace('\n', "\r\n")).unwrap();
    assert_eq!(crlf, article::parse(&seed).unwrap());
}

#[test]
fn title_and_lede() {
    check("Title", "title: Title");
    check("  Title  \n\nLede line\n", "title: Title\nlede: Lede line");
    check("T\n\nA question?", "title: T\nlede: A question?");
    // A lede never ends with '.' or '!': those are paragraphs.
    check("T\n\nA sentence.", "title: T\np: A sentence.");
    check("T\n\nAn exclamation!", "title: T\np: An exclamation!");
    // At most 40 words.
    let forty = ["word"; 40].join(" ");
    let forty_one = ["word"; 41].join(" ");
    assert!(parse_outline(&format!("T\n\n{forty}")).contains("lede: "));
    assert!(parse_outline(&format!("T\n\n{forty_one}")).contains("p: "));
    // A lede is a single-line block.
    check("T\n\nOne\nTwo", "title: T\np: One\np: Two");
    // Lines glued to the title are body text, and there is then no lede.
    check(
        "T\nGlued line\n\nShort",
        "title: T\np: Glued line\nh: Short",
    );
}

#[test]
fn headings() {
    check(
        "T\n\nLede\n\nA heading\n\nText.",
        "title: T\nlede: Lede\nh: A heading\np: Text.",
    );
    // Only after the lede: the first short line after the title is the lede.
    check("T\n\nShort line", "title: T\nlede: Short line");
    // At most 12 words, no closing . ! ? : ; ,
    let twelve = ["w"; 12].join(" ");
    let thirteen = ["w"; 13].join(" ");
    assert!(parse_outline(&format!("T\n\nL\n\n{twelve}")).ends_with(&format!("h: {twelve}")));
    assert!(parse_outline(&format!("T\n\nL\n\n{thirteen}")).ends_with(&format!("p: {thirteen}")));
    for end in ['.', '!', '?', ':', ';', ','] {
        let got = parse_outline(&format!("T\n\nL\n\nNot a heading{end}"));
        assert!(got.ends_with(&format!("p: Not a heading{end}")), "{got}");
    }
    // A heading is a block of exactly one line.
    check(
        "T\n\nL\n\nShort one\nShort two",
        "title: T\nlede: L\np: Short one\np: Short two",
    );
}

#[test]
fn cards() {
    check(
        "T\n\nL\n\nRelated title\nJane Doe\nTeaser text.",
        "title: T\nlede: L\ncard: Related title | Jane Doe | Teaser text.",
    );
    // Back to back, in one block, then a paragraph.
    check(
        "T\n\nL\n\nFirst title\nAnn Lee\nFirst teaser.\nSecond title?\nBo Kim\nSecond teaser.\nAfter.",
        "title: T\nlede: L\ncard: First title | Ann Lee | First teaser.\ncard: Second title? | Bo Kim | Second teaser.\np: After.",
    );
    // After a paragraph line of the same block.
    check(
        "T\n\nL\n\nA paragraph.\nCard title\nAnn Lee\nTeaser",
        "title: T\nlede: L\np: A paragraph.\ncard: Card title | Ann Lee | Teaser",
    );
    // Only inside one block: lines split by a blank line are no card.
    check(
        "T\n\nL\n\nCard title\nAnn Lee\n\nTeaser.",
        "title: T\nlede: L\np: Card title\np: Ann Lee\np: Teaser.",
    );
    // Card titles: at most 20 words, not ending in '.'.
    let twenty = ["w"; 20].join(" ");
    let twenty_one = ["w"; 21].join(" ");
    assert!(parse_outline(&format!("T\n\nL\n\n{twenty}\nAnn Lee\nX")).contains("card: "));
    assert!(!parse_outline(&format!("T\n\nL\n\n{twenty_one}\nAnn Lee\nX")).contains("card: "));
    assert!(!parse_outline("T\n\nL\n\nA title.\nAnn Lee\nX").contains("card: "));
    // A card needs its three lines.
    check(
        "T\n\nL\n\nCard title\nAnn Lee",
        "title: T\nlede: L\np: Card title\np: Ann Lee",
    );
}

#[test]
fn authors() {
    let card = |author: &str| {
        parse_outline(&format!("T\n\nL\n\nCard title\n{author}\nTeaser."))
            .contains(&format!("| {author} |"))
    };
    for yes in [
        "Georgy Toloraya",
        "Lee Jae-Young",
        "J. R. R. Tolkien",
        "Anna-Maria O'Neill",
        "Dara O’Brien",
        "Ann Bo Cy Di Ed",
        "Георгий Толорая",
        "Ёсиф Фёдоров",
        "이 재영",
        "José Álvarez",
    ] {
        assert!(card(yes), "{yes:?} is an author");
    }
    for no in [
        "Toloraya",                                                      // one word
        "Ann Bo Cy Di Ed Fa",                                            // six words
        "Agent 007",                                                     // digit
        "Ann lee",                                                       // a word in lowercase
        "Ann Lee.",                                                      // terminal punctuation
        "Ann Lee,",                                                      // terminal punctuation
        "Russia - South", // a lone hyphen is no name word
        "Ann (Lee)",      // brackets
        "Annabelle-Christina Bartholomew-Featherstonehaugh Smith-Jones", // 61 characters
    ] {
        assert!(!card(no), "{no:?} is not an author");
    }
}

#[test]
fn disclaimers() {
    let d = "Views expressed are the authors' own.";
    // Glued to the last paragraph, as in the seed.
    check(
        &format!("T\n\nL\n\nText.\n{d}"),
        &format!("title: T\nlede: L\np: Text.\ndisclaimer: {d}"),
    );
    // Alone, even where the lede or a heading would stand.
    check(&format!("T\n\n{d}"), &format!("title: T\ndisclaimer: {d}"));
    check(
        "T\n\nViews expressed are short",
        "title: T\ndisclaimer: Views expressed are short",
    );
    // A disclaimer line cannot be a card's teaser or author.
    check(
        &format!("T\n\nL\n\nCard title\nAnn Lee\n{d}"),
        &format!("title: T\nlede: L\np: Card title\np: Ann Lee\ndisclaimer: {d}"),
    );
    // Only at the start of a line.
    check(
        "T\n\nL\n\nHe said Views expressed are fine.",
        "title: T\nlede: L\np: He said Views expressed are fine.",
    );
}

#[test]
fn texts_are_kept_exactly() {
    let a = article::parse("  Ti  tle \t\n\n Lede   with  spaces \n\n  Para «x»  —  y.  ").unwrap();
    assert_eq!(a.title, "Ti  tle");
    assert_eq!(a.lede.as_deref(), Some("Lede   with  spaces"));
    assert_eq!(
        a.blocks,
        [Block::Paragraph {
            text: "Para «x»  —  y.".into()
        }]
    );
}

#[test]
fn other_scripts() {
    check(
        "Сеул и Москва\n\nДиалог продолжается\n\nСотрудничество растёт.\nНовый этап\nГеоргий Толорая\nТизер статьи.",
        "title: Сеул и Москва\nlede: Диалог продолжается\np: Сотрудничество растёт.\ncard: Новый этап | Георгий Толорая | Тизер статьи.",
    );
    check(
        "서울과 모스크바\n\n대화는 계속된다\n\n협력의 전망\n\n본문이다.",
        "title: 서울과 모스크바\nlede: 대화는 계속된다\nh: 협력의 전망\np: 본문이다.",
    );
}

#[test]
fn fixtures_parse() {
    let dir = root().join("tests/fixtures");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let expected_kinds = [
        (
            "en-arctic-shipping.txt",
            "title lede p h p card card p disclaimer",
        ),
        ("ko-seoul-dialogue.txt", "title lede p card card p"),
        ("ru-economic-forum.txt", "title lede p h p card disclaimer"),
    ];
    for (name, kinds) in expected_kinds {
        let got: Vec<String> = parse_outline(&read(name))
            .lines()
            .map(|l| l.split(':').next().unwrap().to_owned())
            .collect();
        assert_eq!(got.join(" "), kinds, "{name}");
    }
}

#[test]
fn errors() {
    assert_eq!(article::parse(""), Err(ParseError::NoTitle));
    assert_eq!(
        article::parse(" \n\t\r\n \u{a0}\u{3000}"),
        Err(ParseError::NoTitle)
    );
    assert_eq!(article::parse("\u{feff}"), Err(ParseError::NoTitle));
    assert_eq!(
        article::parse_bytes(b"Title\n\nok \xff\xfe then"),
        Err(ParseError::InvalidUtf8 { offset: 10 })
    );
    assert_eq!(
        article::parse_bytes(b"\xef\xbb\xbfTitle\n\xc3"),
        Err(ParseError::InvalidUtf8 { offset: 9 })
    );
    assert_eq!(
        ParseError::InvalidUtf8 { offset: 10 }.to_string(),
        "invalid UTF-8 at byte 10"
    );
}
