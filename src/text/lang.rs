//! An article's language, detected from its own words: their script, then the share of
//! that language's commonest words (stop words). Nothing is configured.
//!
//! Only the languages the engine stems are told apart (`crate::text::stem`): English, Russian,
//! and everything else. An article is English when most of its words (of any script) are
//! Latin-script and at least 1 in [`MIN_STOP_SHARE`] of those are English stop words; Russian likewise with
//! Cyrillic words and Russian stop words. A German or Ukrainian article is neither:
//! English or Russian endings would be cut from words they do not belong to.
//!
//! The first [`SAMPLE`] words decide (title, lede and the first paragraphs): enough to
//! be sure, and a fixed cost per article however long it is.

/// A language the engine knows how to stem, or none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Lang {
    /// Neither English nor Russian (Korean, German, too short to tell…): not stemmed.
    #[default]
    Other,
    /// English: Latin-script words, English stop words.
    English,
    /// Russian: Cyrillic words, Russian stop words.
    Russian,
}

impl Lang {
    /// The languages that are stemmed.
    pub const STEMMED: [Lang; 2] = [Lang::English, Lang::Russian];

    /// A bit of its own, for sets of languages.
    pub fn bit(self) -> u8 {
        match self {
            Lang::Other => 0,
            Lang::English => 1,
            Lang::Russian => 2,
        }
    }

    /// Whether a folded word is written in this language's script (only letters of its
    /// alphabet, and for English apostrophes): the words its stemmer is given.
    pub fn writes(self, term: &str) -> bool {
        match self {
            Lang::Other => false,
            Lang::English => {
                term.bytes().any(|b| b.is_ascii_lowercase())
                    && term.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'')
            }
            Lang::Russian => !term.is_empty() && term.chars().all(is_russian_letter),
        }
    }
}

/// Words read to decide.
pub const SAMPLE: u32 = 400;
/// The share of stop words (of the script's words) that makes a language: 1 in 8. English
/// prose runs at 40–50 % stop words and Russian at 25–35 % by these lists; lists of names or
/// another language written in the same script stay far below.
pub const MIN_STOP_SHARE: u32 = 8;
/// Fewer words of a script than this decide nothing.
const MIN_WORDS: u32 = 8;

/// Counts an article's words, one folded word at a time, then tells its language.
#[derive(Clone, Debug, Default)]
pub struct Detector {
    seen: u32,
    /// Words that start with a letter, of any script.
    words: u32,
    latin: u32,
    cyrillic: u32,
    english_stop: u32,
    russian_stop: u32,
}

impl Detector {
    /// Whether more words would change nothing.
    pub fn done(&self) -> bool {
        self.seen >= SAMPLE
    }

    /// Counts one folded word (ignored once [`Self::done`]).
    pub fn add(&mut self, term: &str) {
        if self.done() {
            return;
        }
        self.seen += 1;
        let Some(first) = term.chars().next() else {
            return;
        };
        self.words += u32::from(first.is_alphabetic());
        if first.is_ascii_lowercase() {
            self.latin += 1;
            self.english_stop += u32::from(is_english_stop(term));
        } else if ('\u{400}'..='\u{4ff}').contains(&first) {
            self.cyrillic += 1;
            self.russian_stop += u32::from(is_russian_stop(term));
        }
    }

    /// The language of the words counted.
    pub fn lang(&self) -> Lang {
        // The script of most words, and enough of its language's stop words.
        let is = |stop: u32, words: u32| {
            words >= MIN_WORDS && words * 2 > self.words && stop * MIN_STOP_SHARE >= words
        };
        if is(self.english_stop, self.latin) {
            Lang::English
        } else if is(self.russian_stop, self.cyrillic) {
            Lang::Russian
        } else {
            Lang::Other
        }
    }
}

/// The language of a text (its words folded as the index folds them). The engine feeds a
/// [`Detector`] as it indexes; this is for the tests.
#[cfg(any(test, feature = "internals"))]
pub fn detect(text: &str) -> Lang {
    let mut detector = Detector::default();
    crate::text::token::for_each_token(text, |t| detector.add(t.term));
    detector.lang()
}

/// Whether a folded word is one of the commonest English or Russian words (the stop
/// words detection counts).
pub fn is_stop(term: &str) -> bool {
    is_english_stop(term) || is_russian_stop(term)
}

fn is_russian_letter(c: char) -> bool {
    ('а'..='я').contains(&c) || c == 'ё'
}

/// The commonest English words (folded).
fn is_english_stop(term: &str) -> bool {
    matches!(
        term,
        "the"
            | "of"
            | "and"
            | "to"
            | "in"
            | "a"
            | "is"
            | "that"
            | "for"
            | "it"
            | "as"
            | "with"
            | "was"
            | "on"
            | "be"
            | "by"
            | "at"
            | "this"
            | "are"
            | "from"
            | "or"
            | "an"
            | "which"
            | "have"
            | "has"
            | "not"
            | "but"
            | "its"
            | "their"
            | "will"
    )
}

/// The commonest Russian words (folded: `ё` is `е`).
fn is_russian_stop(term: &str) -> bool {
    matches!(
        term,
        "и" | "в"
            | "не"
            | "на"
            | "что"
            | "с"
            | "по"
            | "как"
            | "к"
            | "о"
            | "из"
            | "это"
            | "а"
            | "для"
            | "от"
            | "за"
            | "то"
            | "но"
            | "у"
            | "же"
            | "так"
            | "его"
            | "при"
            | "также"
            | "или"
            | "бы"
            | "до"
            | "их"
            | "во"
            | "со"
            | "об"
    )
}
