//! The errors of the library: a file that cannot be read or is not an article.
//! (User input — article text, queries — is never an error.)

use crate::article::ParseError;

/// A real failure, naming the file it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The file could not be read.
    Read {
        /// The path as given.
        path: String,
        /// What the operating system said.
        reason: String,
    },
    /// An articles bundle that is not one ([`crate::corpus::bundle`]).
    Bundle {
        /// Where and why.
        reason: String,
    },
    /// The file is not an article: invalid UTF-8, or no title.
    Parse {
        /// The file's name or path.
        file: String,
        /// Why.
        error: ParseError,
    },
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Read { path, reason } => write!(f, "{path}: cannot read: {reason}"),
            Error::Bundle { reason } => f.write_str(reason),
            Error::Parse { file, error } => write!(f, "{file}: {error}"),
        }
    }
}

impl std::error::Error for Error {}
