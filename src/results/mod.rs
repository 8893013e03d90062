//! What a query gives the reader: `Hits` (counts, rows on demand, an article's marks),
//! the whole answer at once (`search`), snippets, suggestions and keyphrases.

pub mod fields;
pub mod hits;
pub mod keyphrase;
pub mod search;
pub mod snippet;
pub mod suggest;
