//! Stemming: the Snowball stemmers for English (Porter2) and Russian, so `sanction` finds
//! `sanctions` and `санкции` finds `санкций`. The algorithms are the workspace crate
//! `article-explorer-stem` (stem/: a port of rust-stemmers, tested equal to it).
//!
//! A word is stemmed only in a language that writes it ([`Lang::writes`]): English words
//! are lowercase a–z (and apostrophes), Russian words Cyrillic letters — the input the
//! Snowball algorithms are written for, so nothing else ever reaches them.

use crate::text::lang::Lang;
use article_explorer_stem::Algorithm;
use std::borrow::Cow;

/// The stem of a folded word in `lang`; `None` when `lang` has no stemmer or does not
/// write the word.
pub fn stem(lang: Lang, term: &str) -> Option<Cow<'_, str>> {
    if !lang.writes(term) {
        return None;
    }
    let algorithm = match lang {
        Lang::English => Algorithm::English,
        Lang::Russian => Algorithm::Russian,
        Lang::Other => return None,
    };
    Some(article_explorer_stem::stem(algorithm, term))
}

#[cfg(test)]
mod tests {
    use super::stem;
    use crate::text::lang::Lang;

    #[track_caller]
    fn same(lang: Lang, words: &[&str]) {
        let stems: Vec<_> = words.iter().map(|w| stem(lang, w)).collect();
        assert!(stems[0].is_some(), "{words:?}");
        assert!(
            stems.iter().all(|s| *s == stems[0]),
            "{words:?} → {stems:?}"
        );
    }

    #[test]
    fn forms_share_a_stem() {
        same(
            Lang::English,
            &[
                "sanction",
                "sanctions",
                "sanctioned",
                "sanctioning",
                "sanction's",
            ],
        );
        same(Lang::English, &["cooperation", "cooperate", "cooperating"]);
        same(
            Lang::Russian,
            &["санкции", "санкций", "санкциями", "санкция"],
        );
        same(Lang::Russian, &["москва", "москвы", "москве"]);
    }

    #[test]
    fn only_the_language_s_own_words() {
        assert_eq!(stem(Lang::English, "санкции"), None);
        assert_eq!(stem(Lang::Russian, "sanctions"), None);
        assert_eq!(stem(Lang::Other, "sanctions"), None);
        assert_eq!(stem(Lang::English, "2020s"), None);
        assert_eq!(stem(Lang::English, "u.s"), None);
        assert_eq!(stem(Lang::English, "'"), None);
        assert_eq!(stem(Lang::Russian, ""), None);
        assert_eq!(stem(Lang::English, "서울"), None);
    }
}
