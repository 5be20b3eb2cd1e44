//! A parsed plan: its metadata, its original text and its clauses.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::{Clause, ClauseId, PlanMeta, Span};

/// Where a document's text came from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// The file read, when there was one.
    pub path: Option<PathBuf>,
    /// The encoding it was decoded from (`UTF-8`, `GBK`, `UTF-16LE`…).
    pub encoding: String,
    /// The format it was read as (`text`, `html`, `docx`).
    pub format: String,
    /// blake3 hash of the file's bytes, hex.
    pub hash: String,
}

/// Something the parser noticed and worked around.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParseWarning {
    /// 1-based line of the original text.
    pub line: usize,
    /// What happened.
    pub message: String,
}

/// One plan, parsed into clauses (serialisable whole: a catalog stores it
/// as parsed, so every command sees the same clauses).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Descriptive fields.
    pub meta: PlanMeta,
    /// Provenance of the text.
    pub source: SourceInfo,
    /// The decoded original text; every span points into it.
    pub text: String,
    /// All clauses, flat, in document order (front matter first).
    pub clauses: Vec<Clause>,
    /// Lines set aside as web-page residue (`归档时间`, `来源`, `浏览量`).
    pub residue: Vec<Span>,
    /// What the parser noticed.
    pub warnings: Vec<ParseWarning>,
}

impl Document {
    /// The clause at `path`, if any.
    pub fn clause(&self, path: &str) -> Option<&Clause> {
        self.clauses.iter().find(|c| c.path == path)
    }

    /// The ids of clauses without a parent, in order.
    pub fn roots(&self) -> impl Iterator<Item = ClauseId> + '_ {
        self.clauses
            .iter()
            .enumerate()
            .filter(|(_, c)| c.parent.is_none())
            .map(|(i, _)| i)
    }

    /// 1-based line of byte `offset` of the original text (a scan: for many
    /// look-ups build a [`crate::LineIndex`]).
    pub fn line_of(&self, offset: usize) -> usize {
        line_of(&self.text, offset)
    }
}

/// 1-based line of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
