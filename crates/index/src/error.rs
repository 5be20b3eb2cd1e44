//! Errors of the search index: opening, writing, locking and querying.
//! Each says in one line what went wrong and where, in words.

use std::path::{Path, PathBuf};

use super::query::QueryError;

/// What can go wrong with the search index.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IndexError {
    /// Tantivy failed while searching or writing.
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The index could not be opened or created.
    #[error("{}: cannot open the index: {why}", path.display())]
    Open {
        /// The index folder.
        path: PathBuf,
        /// Why, in words.
        why: String,
    },
    /// A file or folder of the index could not be read or written.
    #[error("{}: {}", path.display(), crate::error::io_words(source))]
    Io {
        /// The folder or file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// Another process holds the writer lock.
    #[error("index {} is locked by {holder}; wait for it to finish or stop it", path.display())]
    Locked {
        /// The index folder.
        path: PathBuf,
        /// Who holds the lock, as it recorded itself (`pid 1234 (fangan ingest) since …`).
        holder: String,
    },
    /// The index was opened for searching only.
    #[error("index {} is open read-only: it cannot be written", path.display())]
    ReadOnly {
        /// The index folder.
        path: PathBuf,
    },
    /// There is no index in the folder.
    #[error("no index in {}: build one with `fangan ingest FOLDER --index {}`", path.display(), path.display())]
    Missing {
        /// The index folder.
        path: PathBuf,
    },
    /// The path of the index is a file.
    #[error("{}: is a file, not an index folder", path.display())]
    NotAFolder {
        /// The path.
        path: PathBuf,
    },
    /// An index of this version is already there (creating it again would
    /// lose it).
    #[error("{}: an index is already there", path.display())]
    Exists {
        /// The index folder.
        path: PathBuf,
    },
    /// The index was written with another schema version.
    #[error("index {} was built by another version of fangan (schema {found}, this one reads {expected}): build it again with `fangan ingest`", path.display())]
    SchemaVersion {
        /// The index folder.
        path: PathBuf,
        /// The version on disk (0 when unknown).
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

impl IndexError {
    /// An error opening the index in `dir`, in words.
    pub(crate) fn open(dir: &Path, e: impl Into<tantivy::TantivyError>) -> IndexError {
        let why = match e.into() {
            tantivy::TantivyError::OpenDirectoryError(e) => e.to_string(),
            tantivy::TantivyError::OpenReadError(e) => e.to_string(),
            tantivy::TantivyError::IoError(e) => io_words(&e),
            tantivy::TantivyError::LockFailure(_, _) => "it is being written".to_string(),
            tantivy::TantivyError::DataCorruption(c) => format!("damaged files ({c:?})"),
            other => other.to_string(),
        };
        IndexError::Open {
            path: dir.to_path_buf(),
            why,
        }
    }
}

/// An I/O error in words, without the `(os error N)` tail.
pub fn io_words(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "no such file or folder".into(),
        K::PermissionDenied => "permission denied".into(),
        K::AlreadyExists => "already exists".into(),
        K::ReadOnlyFilesystem => "read-only file system".into(),
        K::StorageFull => "no space left on the device".into(),
        K::NotADirectory => "not a folder".into(),
        K::IsADirectory => "is a folder".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// Result alias of the index crate.
pub type Result<T> = std::result::Result<T, IndexError>;
