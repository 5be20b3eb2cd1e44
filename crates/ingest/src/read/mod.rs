//! Reading plan files: bytes → decoded text.
//!
//! Owned by the reading component (encodings, HTML, docx). Placeholder API;
//! see `read_path`.

use std::path::{Path, PathBuf};

/// The decoded text of one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceText {
    /// Decoded text (UTF-8, BOM removed).
    pub text: String,
    /// Encoding it was decoded from (`UTF-8`, `GBK`, `UTF-16LE`, …).
    pub encoding: String,
    /// Format it was read as (`text`, `html`, `docx`).
    pub format: String,
    /// blake3 hash of the raw bytes, hex.
    pub hash: String,
}

/// Why a file was refused.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        #[source]
        source: std::io::Error,
    },
}

/// Reads and decodes one file.
pub fn read_path(path: &Path) -> Result<SourceText, ReadError> {
    let bytes = std::fs::read(path).map_err(|source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let hash = blake3::hash(&bytes).to_hex().to_string();
    let text = String::from_utf8_lossy(&bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    Ok(SourceText {
        text,
        encoding: "UTF-8".into(),
        format: "text".into(),
        hash,
    })
}
