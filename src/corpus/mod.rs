//! A corpus: named articles and their index, built once; the entry point for searching.

pub mod bundle;
pub mod loading;

use crate::article::{self, Article};
use crate::error::Error;
use crate::index::outline::Outline;
use crate::index::Index;
use crate::results::keyphrase::Keyphrase;
use crate::results::search::{self, SearchResult};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/seeds.rs"));
}

/// The seeds compiled into the library (`seeds/*.txt`, in file-name order): (file name, text).
pub fn embedded_seeds() -> &'static [(&'static str, &'static str)] {
    embedded::SEEDS
}

/// Articles, the names of the files they came from, and their index.
#[derive(Clone, Debug)]
pub struct Corpus {
    /// The file names: given, or read from the outline when first asked.
    names: std::sync::OnceLock<Vec<String>>,
    articles: Vec<Article>,
    index: Index,
    /// The collection's keyphrases, when the index file gave them.
    keyphrases: Option<Vec<Keyphrase>>,
    outline: Outline,
}

impl Corpus {
    /// Indexes named articles; article numbers are their positions.
    pub fn new(documents: Vec<(String, Article)>) -> Corpus {
        let (names, articles): (Vec<String>, Vec<Article>) = documents.into_iter().unzip();
        let index = crate::index::build(&articles);
        Corpus::from_parts(Some(names), articles, index, None, None)
    }

    /// Parses and indexes named files' contents, in the order given.
    pub fn from_files<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    ) -> Result<Corpus, Error> {
        Ok(Corpus::new(parse_all(files)?))
    }

    /// Parses and indexes the articles of a bundle ([`crate::corpus::bundle`]).
    pub fn from_bundle(bundle: &[u8]) -> Result<Corpus, Error> {
        let files =
            crate::corpus::bundle::read(bundle).map_err(|reason| Error::Bundle { reason })?;
        Corpus::from_files(files)
    }

    /// A corpus of parsed articles, their names and their index (of these articles), the
    /// collection's keyphrases if known, and the outline if known (else made).
    pub(crate) fn from_parts(
        names: Option<Vec<String>>,
        articles: Vec<Article>,
        index: Index,
        keyphrases: Option<Vec<Keyphrase>>,
        outline: Option<Outline>,
    ) -> Corpus {
        let outline = outline.unwrap_or_else(|| {
            crate::index::outline::outline_of(names.as_deref().unwrap_or(&[]), &articles)
        });
        let known = std::sync::OnceLock::new();
        if let Some(names) = names {
            let _ = known.set(names);
        }
        Corpus {
            names: known,
            articles,
            index,
            keyphrases,
            outline,
        }
    }

    /// What the list shows of every article (`src/index/outline.rs`), here before their texts.
    #[cfg_attr(feature = "internals", visibility::make(pub))]
    pub(crate) fn outline(&self) -> &Outline {
        &self.outline
    }

    pub(crate) fn index_mut(&mut self) -> &mut Index {
        &mut self.index
    }

    /// Puts article `a`'s text in place (it has arrived: `src/corpus/loading.rs`).
    pub(crate) fn set_article(&mut self, a: u32, article: Article) {
        if let Some(slot) = self.articles.get_mut(a as usize) {
            *slot = article;
        }
    }

    /// The collection's keyphrases as the index file gave them (empty for an index built
    /// here). The explorer's wasm takes these only, so it carries no code to compute them.
    #[cfg_attr(feature = "internals", visibility::make(pub))]
    pub(crate) fn stored_keyphrases(&self) -> &[Keyphrase] {
        self.keyphrases.as_deref().unwrap_or(&[])
    }

    /// The collection's keyphrases, best first (`crate::results::keyphrase::of_collection`): as the
    /// index file gave them, else computed now (tens of milliseconds at 1,000 articles;
    /// the page asks once).
    pub fn keyphrases(&self) -> std::borrow::Cow<'_, [Keyphrase]> {
        match &self.keyphrases {
            Some(known) => std::borrow::Cow::Borrowed(known),
            None => std::borrow::Cow::Owned(crate::results::keyphrase::of_collection(
                &self.index,
                &self.articles,
            )),
        }
    }

    /// Says whose articles these are (the site's by default): `in:site` and `in:mine`
    /// keep to them or leave them out.
    pub fn set_collection(&mut self, collection: crate::article::Collection) {
        self.index.set_collection(collection);
    }

    /// Article `a`'s keyphrases, best first (empty for an article not here).
    pub fn article_keyphrases(&self, a: u32) -> Vec<Keyphrase> {
        crate::results::keyphrase::of_article(&self.index, &self.articles, a)
    }

    /// The cards' authors, most articles first, then by name.
    pub fn authors(&self) -> Vec<crate::results::keyphrase::Author> {
        crate::results::keyphrase::authors(&self.outline.card_authors())
    }

    /// The corpus of the embedded seeds. (The build has parsed each already, so this
    /// fails only if that check and this parse disagree.)
    pub fn embedded() -> Result<Corpus, Error> {
        Corpus::from_files(embedded_seeds().iter().map(|(n, t)| (*n, t.as_bytes())))
    }

    /// The number of articles.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// Whether the corpus has no article.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The file name of article `a`.
    pub fn name(&self, a: u32) -> Option<&str> {
        self.names
            .get_or_init(|| self.outline.names())
            .get(a as usize)
            .map(String::as_str)
    }

    /// The articles, in corpus order.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The index.
    #[cfg_attr(feature = "internals", visibility::make(pub))]
    pub(crate) fn index(&self) -> &Index {
        &self.index
    }

    /// Runs a query. Never fails: any text is a query.
    pub fn search(&self, query: &str) -> SearchResult {
        search::search(&self.index, &self.articles, query)
    }

    /// Runs a query, with the highlights of the `detail` best articles only (see
    /// `results::search::search_top`).
    pub fn search_top(&self, query: &str, detail: usize) -> SearchResult {
        search::search_top(&self.index, &self.articles, query, detail)
    }

    /// The answer to `query`, kept for display ([`crate::results::hits`]).
    #[cfg(feature = "internals")]
    pub fn hits(&self, query: &str) -> crate::results::hits::Hits {
        self.hits_as(query, false)
    }

    /// The answer to `query` while the reader is still typing it
    /// ([`crate::query::parse_typing`]).
    #[cfg(feature = "internals")]
    pub fn hits_typing(&self, query: &str) -> crate::results::hits::Hits {
        self.hits_as(query, true)
    }

    /// [`Corpus::hits`] or, `typing`, [`Corpus::hits_typing`].
    #[cfg_attr(feature = "internals", visibility::make(pub))]
    pub(crate) fn hits_as(&self, query: &str, typing: bool) -> crate::results::hits::Hits {
        crate::results::hits::Hits::of(
            &self.index,
            &self.articles,
            crate::query::parse_as(query, typing),
        )
    }

    /// The highlighted fields of article `a` in `hits`.
    #[cfg_attr(feature = "internals", visibility::make(pub))]
    pub(crate) fn hit_fields(&self, hits: &crate::results::hits::Hits, a: u32) -> Vec<crate::FieldHit> {
        hits.fields(&self.index, &self.articles, a)
    }

    /// The highlighted fields of article `a` for `query`.
    pub fn article_fields(&self, query: &str, a: u32) -> Vec<crate::FieldHit> {
        search::article_fields(&self.index, &self.articles, query, a)
    }
}

/// Parses named files' contents, in the order given; the first that is not an article is
/// the error.
fn parse_all<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> Result<Vec<(String, Article)>, Error> {
    files
        .into_iter()
        .map(|(name, bytes)| {
            article::parse_bytes(bytes)
                .map(|article| (name.to_owned(), article))
                .map_err(|error| Error::Parse {
                    file: name.to_owned(),
                    error,
                })
        })
        .collect()
}
