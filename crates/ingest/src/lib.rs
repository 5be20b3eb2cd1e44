//! Plans in, documents and a search index out.
//!
//! - [`read`]: bytes of a `.txt`/`.md`/`.html`/`.docx` file → decoded text
//!   (encoding detection, HTML body text, docx paragraphs); bad files are
//!   refused with a one-line reason.
//! - [`parse`]: text → [`fangan_model::Document`], a tree of numbered clauses
//!   with offsets back to the original file.
//! - [`corpus`]: a folder of plans (with or without `manifest.toml`) →
//!   documents, one bad file never stopping the batch.
//! - [`index`]: documents → a tantivy index on disk, and search over it.
#![deny(missing_docs)]

pub mod corpus;
pub mod embedded;
mod error;
pub mod index;
pub mod manifest;
pub mod parse;
pub mod read;

pub use error::{Error, Result};
