//! Errors of the model crate (dictionary loading).

use std::path::PathBuf;

/// What can go wrong while building the shared model objects.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A user dictionary could not be read.
    #[error("cannot read dictionary {path}: {source}")]
    Dictionary {
        /// The dictionary file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A dictionary line is malformed.
    #[error("{path}:{line}: malformed dictionary entry {entry:?} (want `word [freq] [tag]`)")]
    DictionaryEntry {
        /// The dictionary file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// The line as written.
        entry: String,
    },
}

/// Result alias of the model crate.
pub type Result<T> = std::result::Result<T, Error>;
