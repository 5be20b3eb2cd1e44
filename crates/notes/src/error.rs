//! Errors of the notes crate: reading and checking department tables.

use std::path::PathBuf;

/// What can go wrong while loading a department table.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An alias file could not be read.
    #[error("cannot read alias file {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A table is not valid TOML of the expected shape.
    #[error("{origin}: not a department table: {source}")]
    Toml {
        /// Where the table came from (a path, or `<builtin>`).
        origin: String,
        /// The parse error.
        #[source]
        source: Box<toml::de::Error>,
    },
    /// A table entry is unusable.
    #[error("{origin}: entry {name:?}: {reason}")]
    Entry {
        /// Where the table came from.
        origin: String,
        /// The entry's name as written.
        name: String,
        /// What is wrong with it.
        reason: String,
    },
}

/// Result alias of the notes crate.
pub type Result<T> = std::result::Result<T, Error>;
