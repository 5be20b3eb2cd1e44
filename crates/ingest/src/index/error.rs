//! Errors of the search index: opening, writing, locking and querying.

use std::path::PathBuf;

use super::query::QueryError;

/// What can go wrong with the search index.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IndexError {
    /// Tantivy failed.
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The index folder could not be created or read.
    #[error("{path}: {source}")]
    Io {
        /// The folder or file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// Another process holds the writer lock.
    #[error("index {path} is locked by {holder}; wait for it to finish or stop it")]
    Locked {
        /// The index folder.
        path: PathBuf,
        /// Who holds the lock, as it recorded itself (`pid 1234 (fangan ingest) since …`).
        holder: String,
    },
    /// There is no index in the folder.
    #[error("no search index in {path}: run `fangan ingest` first")]
    Missing {
        /// The index folder.
        path: PathBuf,
    },
    /// The index was written with another schema version.
    #[error("index {path} has schema version {found}, this build reads {expected}: rebuild it with `fangan ingest`")]
    SchemaVersion {
        /// The index folder.
        path: PathBuf,
        /// The version on disk.
        found: u32,
        /// The version this build writes.
        expected: u32,
    },
    /// The query is malformed.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// A plan or clause named in a request is not in the index.
    #[error("{0}")]
    NotFound(String),
}

/// Result alias of the index module.
pub type Result<T> = std::result::Result<T, IndexError>;
