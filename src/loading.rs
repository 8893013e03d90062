//! A corpus that arrives in pieces, as its files download: the articles bundle is parsed
//! file by file as soon as each file's last byte is there (and those bytes dropped), the
//! index file read as it comes ([`Incoming`]); both digested as they come. So the
//! work of a load is spread over the download in steps of a chunk each, and neither file
//! is held twice.
//!
//! Invariant: `pending` is the bundle's bytes not yet parsed (an unfinished file, or
//! the bundle's first line), and `digest` has seen every byte pushed; after [`Loading::finish`]
//! the corpus is exactly [`Corpus::with_index_file`] of the whole bundle and index.

use crate::article::{self, Article};
use crate::bundle;
use crate::corpus::Corpus;
use crate::error::Error;
use crate::hash::Digest;
use crate::index::file::{self, Incoming, LoadError};

/// Articles and their index, arriving.
#[derive(Default)]
pub struct Loading {
    pending: Vec<u8>,
    /// Bytes of the bundle parsed and dropped.
    consumed: usize,
    names: Vec<String>,
    articles: Vec<Article>,
    bundle: Digest,
    index: Incoming,
}

impl Loading {
    /// Articles will arrive; `index_len` bytes of index file are expected (0: unknown).
    pub fn new(index_len: usize) -> Loading {
        Loading {
            index: Incoming::new(index_len),
            ..Loading::default()
        }
    }

    /// Takes the next bytes of the articles bundle; parses the files they complete. A file
    /// that is not an article is the error (a bundle that is not one is told by
    /// [`Loading::finish`]).
    pub fn push(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.bundle.update(bytes);
        self.pending.extend_from_slice(bytes);
        let mut at = 0;
        if self.consumed == 0 {
            if self.pending.len() < bundle::MAGIC.len()
                || !self.pending.starts_with(bundle::MAGIC.as_bytes())
            {
                return Ok(()); // not yet, or not a bundle: finish says which
            }
            at = bundle::MAGIC.len();
        }
        while let Some((name, bytes, used)) = self.pending.get(at..).and_then(bundle::first_file) {
            let article = article::parse_bytes(bytes).map_err(|error| Error::Parse {
                file: name.to_owned(),
                error,
            })?;
            self.names.push(name.to_owned());
            self.articles.push(article);
            at += used;
        }
        self.consumed += at;
        self.pending.drain(..at);
        Ok(())
    }

    /// Takes the next bytes of the index file.
    pub fn push_index(&mut self, bytes: &[u8]) {
        self.index.push(bytes);
    }

    /// Every byte is in: the corpus, with the index read from the index file pushed; or
    /// why that file cannot be used (`Ok(Err(why))`); or why the bundle is not one.
    pub fn finish(self) -> Result<Result<Corpus, LoadError>, Error> {
        // What is left is no whole file: the strict reader says where and why.
        let unread = if self.consumed == 0 {
            Some(bundle::read(&self.pending).err().unwrap_or_default())
        } else if !self.pending.is_empty() {
            Some(
                bundle::files(&self.pending, self.consumed)
                    .err()
                    .unwrap_or_default(),
            )
        } else {
            None
        };
        if let Some(reason) = unread {
            return Err(Error::Bundle { reason });
        }
        let index = if self.index.is_empty() {
            Err(LoadError::Missing)
        } else {
            self.index.finish(self.bundle.finish())
        };
        let checked = index.and_then(|(index, keyphrases)| {
            file::matches(&index, &self.articles)?;
            Ok((index, keyphrases))
        });
        let mut articles = self.articles;
        // Grown by doubling as they came: the room left over given back (0.2 MB).
        articles.shrink_to_fit();
        Ok(checked.map(|(index, keyphrases)| {
            Corpus::from_parts(self.names, articles, index, Some(keyphrases))
        }))
    }
}
