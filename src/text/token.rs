//! Tokens: the words of a text, each with its folded term and exact source range.
//!
//! Words are found by Unicode word segmentation (UAX #29, [`crate::text::words`]): Latin, Cyrillic and Hangul
//! words come whole, each Han ideograph and each kana is its own token, and apostrophes
//! (`Today's`, `Club’s`) do not split a word. A segment is a word when it holds a letter
//! or a digit.
//!
//! A possessive (`Seoul's`, `Club’s`) is indexed both whole and as its stem (`seoul`),
//! at the same position, so `Seoul` finds `Seoul's` while `Seoul's` finds only itself.
//!
//! A hyphenated word (`Jae-Young`, `South-Korean`) is its parts, each a token, with the
//! later parts marked [`Token::joined`]: a query for the whole word asks for the parts
//! joined by hyphens, a query for one part finds it alone.

use crate::span::Span;
use crate::text::fold::fold_into;
use crate::text::words::for_each_word;

/// One word of a text.
///
/// Invariant: `span` is a non-empty byte range of the text on char boundaries; tokens
/// come in text order, the i-th token of a text being at position i.
#[cfg(any(test, feature = "internals"))]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The word's bytes in the text.
    pub span: Span,
    /// The folded word ([`crate::text::fold`]).
    pub term: String,
    /// The word follows the previous token across a single hyphen, with nothing else
    /// between them: it continues a hyphenated word.
    pub joined: bool,
}

/// `seoul` for `seoul's` (after folding, every apostrophe is `'`).
pub fn possessive_stem(term: &str) -> Option<&str> {
    term.strip_suffix("'s").filter(|stem| !stem.is_empty())
}

/// A token lent to [`for_each_token`]'s callback: its term borrows a reused buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenRef<'a> {
    /// The word's bytes in the text.
    pub span: Span,
    /// The folded word.
    pub term: &'a str,
    /// See [`Token::joined`].
    pub joined: bool,
}

/// Calls `each` with every token of `text`, in order, folding each into one reused
/// buffer (no allocation per token).
pub fn for_each_token(text: &str, mut each: impl FnMut(TokenRef<'_>)) {
    let mut last_end: Option<usize> = None;
    let mut term = String::new();
    for_each_word(text, |start, end| {
        // Joined: a single hyphen, and nothing else, since the last word.
        let joined = last_end
            .and_then(|last| text.get(last..start))
            .is_some_and(is_hyphen);
        term.clear();
        fold_into(text.get(start..end).unwrap_or(""), &mut term);
        each(TokenRef {
            span: Span::new(offset(start), offset(end)),
            term: &term,
            joined,
        });
        last_end = Some(end);
    });
}

/// Every token of `text`, in order: for the tests (the naive oracle); the engine streams
/// them with [`for_each_token`].
#[cfg(any(test, feature = "internals"))]
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    for_each_token(text, |t| {
        tokens.push(Token {
            span: t.span,
            term: t.term.to_owned(),
            joined: t.joined,
        });
    });
    tokens
}

/// Whether `between`, the text between two tokens, makes the second continue the first
/// as a hyphenated word: exactly one hyphen.
pub fn is_hyphen(between: &str) -> bool {
    matches!(between, "-" | "\u{2010}" | "\u{2011}")
}

/// Whether `between`, the text between the end of one token and the start of another in
/// the same field, holds no token: the second is the next token after the first.
pub fn is_gap(between: &str) -> bool {
    !between.chars().any(char::is_alphanumeric)
}

/// Offsets are stored as `u32`: a field longer than 4 GiB saturates rather than wraps.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::tokenize;

    /// Each token as `term` (or `+term` when joined) and the text it covers.
    fn check(text: &str, expected: &[&str]) {
        let got: Vec<String> = tokenize(text)
            .iter()
            .map(|t| {
                let source = t.span.slice(text).unwrap_or("<bad span>");
                let joined = if t.joined { "+" } else { "" };
                if source == t.term {
                    format!("{joined}{}", t.term)
                } else {
                    format!("{joined}{}={source}", t.term)
                }
            })
            .collect();
        assert_eq!(got, expected, "tokenize({text:?})");
    }

    #[test]
    fn tokens() {
        check("", &[]);
        check("  ,;  ", &[]);
        check(
            "Moscow and Seoul.",
            &["moscow=Moscow", "and", "seoul=Seoul"],
        );
        check("Today's Club’s", &["today's=Today's", "club's=Club’s"]);
        check("Moon Jae-in", &["moon=Moon", "jae=Jae", "+in"]);
        check(
            "Russian-South Korean",
            &["russian=Russian", "+south=South", "korean=Korean"],
        );
        check(
            "Russia - South Korea",
            &["russia=Russia", "south=South", "korea=Korea"],
        );
        check("a-b-c", &["a", "+b", "+c"]);
        check("a--b a-", &["a", "b", "a"]);
        check("well-\u{2010}x", &["well", "x"]);
        check("café CAFÉ", &["cafe=café", "cafe=CAFÉ"]);
        check("Сеул и Пусан", &["сеул=Сеул", "и", "пусан=Пусан"]);
        check("서울과 평양", &["서울과", "평양"]);
        check("北京大学", &["北", "京", "大", "学"]);
        check("$30 billion in 2020", &["30", "billion", "in", "2020"]);
        check("U.S. policy", &["u.s=U.S", "policy"]);
        check("“containment”", &["containment"]);
    }
}
