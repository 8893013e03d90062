//! Text analysis: from a field's text to the terms the index keeps — word boundaries
//! (UAX #29), tokens, folding, the article's language and stemming.

pub mod fold;
pub mod lang;
pub mod stem;
pub mod token;
pub mod word_break;
pub mod words;
