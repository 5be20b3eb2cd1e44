//! Errors of the catalog: one line each, saying what went wrong and where.

use std::path::{Path, PathBuf};

/// What can go wrong with a catalog.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The search index failed.
    #[error(transparent)]
    Index(#[from] fangan_index::IndexError),
    /// A plan file could not be read or parsed.
    #[error(transparent)]
    Ingest(#[from] fangan_ingest::Error),
    /// A file or folder could not be read or written.
    #[error("{}: {}", path.display(), fangan_index::io_words(source))]
    Io {
        /// The path.
        path: PathBuf,
        /// The error.
        #[source]
        source: std::io::Error,
    },
    /// A file of the store is damaged.
    #[error("{}: damaged: {why}; build the index again with `fangan ingest`", path.display())]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        why: String,
    },
    /// A value could not be encoded for the store.
    #[error("cannot store a record: {0}")]
    Encode(String),
    /// A key names no plan (the message lists the closest ones).
    #[error("{0}")]
    NotFound(String),
    /// A key names several plans (the message lists them).
    #[error("{0}")]
    Ambiguous(String),
    /// A configured table (dictionary, alias table) is unusable.
    #[error("{}: {why}", path.display())]
    Config {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        why: String,
    },
    /// A request cannot be carried out as asked.
    #[error("{0}")]
    Invalid(String),
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: &Path, source: std::io::Error) -> Error {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Result alias of the catalog crate.
pub type Result<T> = std::result::Result<T, Error>;
