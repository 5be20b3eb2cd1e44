//! Errors of the ingest crate.
//!
//! Each component owns its error type ([`crate::read::ReadError`], …); this
//! enum gathers them for callers that drive the whole pipeline.

use std::path::PathBuf;

/// What can go wrong while reading or parsing plans.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read as a plan.
    #[error(transparent)]
    Read(#[from] crate::read::ReadError),
    /// A manifest is malformed.
    #[error("{path}: {message}")]
    Manifest {
        /// The manifest file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// An I/O error on a path.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The error.
        #[source]
        source: std::io::Error,
    },
}

/// Result alias of the ingest crate.
pub type Result<T> = std::result::Result<T, Error>;
