//! The few ways kst can fail, each with the context a user needs to act on it.
//!
//! Per-file problems (a PDF without text, a file that is not text) are [`Error`]s that the
//! batch commands print as one line, `kst: <path>: <reason>`, before going on with the rest.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    /// A file was read but holds nothing kst can index (empty, binary, no text layer, too big).
    #[error("{}: {reason}", path.display())]
    Unusable { path: PathBuf, reason: String },

    /// A data file (manifest, registry, lexicon) is malformed.
    #[error("{}:{line}: {reason}", path.display())]
    Data {
        path: PathBuf,
        line: usize,
        reason: String,
    },

    /// The index could not be opened, written or read.
    #[error("index {}: {reason}", path.display())]
    Index { path: PathBuf, reason: String },

    /// A query the user typed is not valid.
    #[error("query {query:?}: {reason}")]
    Query { query: String, reason: String },

    /// Something the user asked for does not exist (a document id, a topic).
    #[error("{0}")]
    NotFound(String),

    /// Writing output failed (a closed pipe is not reported as an error).
    #[error("writing output: {0}")]
    Output(#[from] std::io::Error),
}

impl Error {
    pub fn unusable(path: impl Into<PathBuf>, reason: impl Into<String>) -> Error {
        Error::Unusable {
            path: path.into(),
            reason: reason.into(),
        }
    }

    pub fn index(path: impl Into<PathBuf>, reason: impl std::fmt::Display) -> Error {
        Error::Index {
            path: path.into(),
            reason: reason.to_string(),
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
