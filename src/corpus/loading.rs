//! A corpus in parts: the site's data files, written by `article-explorer index`
//! ([`SiteFiles::of`]), and a corpus loaded from them in any order ([`Corpus::from_head`],
//! [`Corpus::add_shards`], [`Corpus::add_chunk`]). The head comes first: with it, the
//! explorer lists every article (the outline) and can answer; a query that needs a shard
//! or a chunk not yet here marks it wanted ([`Corpus::take_wanted`]) and is asked again
//! when it has come. So the page answers after the head and a few parts, not the whole
//! archive (docs/format.md).
//!
//! Invariant: once every part is here, the corpus is the one the files were written
//! from: the same articles, names and index, every part checked against its digest in
//! the head, every article's fields against the index's.

use crate::article::{self, Article};
use crate::corpus::bundle;
use crate::corpus::Corpus;
use crate::error::Error;
use crate::hash::digest;
use crate::index::file::{self, Chunks, LoadError};

/// About how many bytes of articles a chunk holds (an article is never cut): small
/// enough that the article a reader opens comes in tens of milliseconds, few enough files
/// that fetching all of them costs little more than one.
pub const CHUNK_BYTES: usize = 512 << 10;
/// About how many bytes of posting lists a shard holds (a list is never cut).
pub const SHARD_BYTES: usize = 256 << 10;

/// The data files of a site: the index's head, its shards, and the articles in chunks
/// (each a bundle, `src/corpus/bundle.rs`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteFiles {
    /// The index's head (`index/head.bin`).
    pub head: Vec<u8>,
    /// The posting lists, shard by shard (`index/K.bin`).
    pub shards: Vec<Vec<u8>>,
    /// The articles, chunk by chunk (`articles/K.txt`).
    pub chunks: Vec<Vec<u8>>,
}

impl SiteFiles {
    /// The files' format version, sizes and digests on one line: what a test pins, so that
    /// a change to the files cannot land without a new `index::file::VERSION`.
    pub fn fingerprint(&self) -> String {
        let each = |files: &[Vec<u8>]| -> Vec<String> {
            let sum = |f: &Vec<u8>| format!("{} bytes {:016x}", f.len(), digest(f));
            files.iter().map(sum).collect()
        };
        format!(
            "version {}: head {} bytes, digest {:016x}; shards {:?}; chunks {:?}",
            file::VERSION,
            self.head.len(),
            digest(&self.head),
            each(&self.shards),
            each(&self.chunks),
        )
    }

    /// The files of named article files (`(name, bytes)`, in order), each parsed first:
    /// one that is not an article is the error.
    pub fn of<'a>(files: &[(&'a str, &'a [u8])]) -> Result<SiteFiles, Error> {
        SiteFiles::with_sizes(files, CHUNK_BYTES, SHARD_BYTES)
    }

    /// [`SiteFiles::of`] with chunks of about `chunk_bytes` of articles and shards of
    /// about `shard_bytes` of posting lists (at least one article, one list each).
    pub fn with_sizes<'a>(
        files: &[(&'a str, &'a [u8])],
        chunk_bytes: usize,
        shard_bytes: usize,
    ) -> Result<SiteFiles, Error> {
        let mut chunks = Vec::new();
        let mut start = 0;
        while start < files.len() {
            let mut end = start;
            let mut bytes = 0;
            while let Some((_, file)) = files.get(end) {
                if end > start && bytes + file.len() > chunk_bytes {
                    break;
                }
                bytes += file.len();
                end += 1;
            }
            chunks.push(bundle::write(
                files.get(start..end).unwrap_or(&[]).iter().copied(),
            ));
            start = end;
        }
        let (head, shards) = index_of_chunks(&chunks, shard_bytes)?;
        Ok(SiteFiles {
            head,
            shards,
            chunks,
        })
    }
}

/// The index's head and shards for articles cut into `chunks` (bundles): what
/// [`SiteFiles::of`] writes, and what the builder module writes in the browser for a site
/// whose head is missing or unusable; shards of about `shard_bytes` ([`SHARD_BYTES`]).
pub fn index_of_chunks(
    chunks: &[Vec<u8>],
    shard_bytes: usize,
) -> Result<(Vec<u8>, Vec<Vec<u8>>), Error> {
    let mut table = Chunks {
        starts: vec![0],
        digests: Vec::new(),
    };
    let mut files = Vec::new();
    for chunk in chunks {
        let more = bundle::read(chunk).map_err(|reason| Error::Bundle { reason })?;
        files.extend(more);
        table.digests.push(digest(chunk));
        table
            .starts
            .push(u32::try_from(files.len()).unwrap_or(u32::MAX));
    }
    let corpus = Corpus::from_files(files)?;
    Ok(file::write(
        corpus.index(),
        &corpus.keyphrases(),
        corpus.outline(),
        &table,
        shard_bytes,
    ))
}

impl Corpus {
    /// The corpus of an index file's head: every article listed (its outline), none of
    /// their texts nor posting lists here yet; or why the head cannot be used.
    #[cfg(feature = "internals")]
    pub fn from_head(head: &[u8]) -> Result<Corpus, LoadError> {
        file::read_head(head).map(Corpus::of_head)
    }

    /// The corpus of a head read ([`file::HeadReading`]).
    #[cfg_attr(feature = "internals", visibility::make(pub))]
    pub(crate) fn of_head(head: file::Head) -> Corpus {
        let articles = vec![Article::default(); head.outline.len()];
        Corpus::from_parts(
            None,
            articles,
            head.index,
            Some(head.keyphrases),
            Some(head.outline),
        )
    }

    /// Takes shards `first..` of the posting lists (one shard's file, or several end to
    /// end), each checked against the head.
    #[cfg_attr(feature = "internals", visibility::make(pub))]
    pub(crate) fn add_shards(&mut self, first: usize, bytes: &[u8]) -> Result<(), LoadError> {
        self.index_mut().add_shards(first, bytes)
    }

    /// Takes chunk `k` of the articles: checked against the head, each article parsed and
    /// its fields checked against the index's.
    #[cfg_attr(feature = "internals", visibility::make(pub))]
    pub(crate) fn add_chunk(&mut self, k: usize, bytes: &[u8]) -> Result<(), LoadError> {
        let bad = |why| LoadError::Part {
            part: "chunk",
            k,
            why,
        };
        let parts = self.index().parts();
        let (first, end) = parts
            .chunk_articles(k)
            .ok_or(bad("there is no such chunk"))?;
        if parts.chunk_is_here(k) {
            return Ok(());
        }
        if parts.chunk_digest(k) != Some(digest(bytes)) {
            return Err(bad("it is not the head's (its digest differs)"));
        }
        // File by file (`bundle::first_file`: the strict reader's messages are not needed
        // here, and their formatting would grow the wasm).
        let mut rest = bytes
            .strip_prefix(bundle::MAGIC.as_bytes())
            .ok_or(bad("it is not an articles bundle"))?;
        let mut parsed = Vec::with_capacity(end.saturating_sub(first) as usize);
        while let Some((_, text, used)) = bundle::first_file(rest) {
            parsed.push(article::parse_bytes(text).map_err(|_| bad("a file is not an article"))?);
            rest = rest.get(used..).unwrap_or(&[]);
        }
        if !rest.is_empty() || parsed.len() != end.saturating_sub(first) as usize {
            return Err(bad("it holds another number of articles"));
        }
        file::matches(self.index(), first, &parsed)?;
        for (a, article) in (first..).zip(parsed) {
            self.set_article(a, article);
        }
        self.index_mut().chunk_arrived(k);
        Ok(())
    }

    /// The parts queries wanted since the last call that are not here: shard `k` as `k`,
    /// chunk `k` as `CHUNK | k` ([`crate::index::parts::CHUNK`]).
    #[cfg_attr(feature = "internals", visibility::make(pub))]
    pub(crate) fn take_wanted(&self) -> Vec<u32> {
        self.index().parts().take_wanted()
    }

    /// Whether every shard and chunk is here.
    #[cfg_attr(feature = "internals", visibility::make(pub))]
    pub(crate) fn complete(&self) -> bool {
        self.index().parts().complete()
    }

    /// The corpus of a site's files, all given: every part added in order.
    #[cfg(feature = "internals")]
    pub fn from_site_files(files: &SiteFiles) -> Result<Corpus, LoadError> {
        let mut corpus = Corpus::from_head(&files.head)?;
        for (k, shard) in files.shards.iter().enumerate() {
            corpus.add_shards(k, shard)?;
        }
        for (k, chunk) in files.chunks.iter().enumerate() {
            corpus.add_chunk(k, chunk)?;
        }
        Ok(corpus)
    }
}
