//! Plan files in, parsed documents out: reading any format a researcher
//! downloads, and parsing it into a tree of numbered clauses.
//!
//! - [`read`]: bytes of a `.txt`/`.md`/`.html`/`.docx` file → decoded text
//!   (encoding detection, HTML body text, docx paragraphs); bad files are
//!   refused with a one-line reason.
//! - [`parse`]: text → [`fangan_model::Document`], a tree of numbered clauses
//!   with offsets back to the original file.
//! - [`meta`]: who issued a plan, when, under what title, inferred from
//!   its text where no manifest says.
//! - [`corpus`]: a folder of plans (with or without `manifest.toml`) →
//!   documents, one bad file never stopping the batch.
#![deny(missing_docs)]

pub mod corpus;
pub mod embedded;
mod error;
pub mod manifest;
pub mod meta;
pub mod parse;
pub mod read;

pub use error::{Error, Result};
