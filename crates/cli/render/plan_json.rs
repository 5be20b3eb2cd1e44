//! JSON wire types of `fangan show` and `fangan list` (documented in
//! README.md, "Output formats"; keep them stable).
//!
//! `show`: `{"plan": PlanJson, "clauses": [ClauseJson], "warnings": [...]}`,
//! every clause flat, in document order. A clause is the scorer's
//! ClauseRef (`plan`, `path`, `line`, `text`) plus its details.

use fangan_model::{Clause, Document, LineIndex, ParseWarning, PlanMeta};
use fangan_notes::Note;
use serde::Serialize;

/// A plan's descriptive fields.
#[derive(Serialize)]
pub struct PlanJson<'a> {
    #[serde(flatten)]
    pub meta: &'a PlanMeta,
    /// The file read, its encoding and format.
    pub source: SourceJson<'a>,
    /// Number of clauses.
    pub clauses: usize,
}

#[derive(Serialize)]
pub struct SourceJson<'a> {
    pub path: Option<String>,
    pub encoding: &'a str,
    pub format: &'a str,
    pub hash: &'a str,
}

impl<'a> PlanJson<'a> {
    pub fn new(doc: &'a Document) -> Self {
        PlanJson {
            meta: &doc.meta,
            source: SourceJson {
                path: doc.source.path.as_ref().map(|p| p.display().to_string()),
                encoding: &doc.source.encoding,
                format: &doc.source.format,
                hash: &doc.source.hash,
            },
            clauses: doc.clauses.len(),
        }
    }
}

/// One clause.
#[derive(Serialize)]
pub struct ClauseJson<'a> {
    pub plan: &'a str,
    pub path: &'a str,
    pub line: usize,
    pub end_line: usize,
    pub level: &'static str,
    pub label: &'a str,
    pub heading: &'a str,
    pub kind: &'static str,
    pub text: &'a str,
    /// Byte range of the clause's own text in the original file.
    pub span: [usize; 2],
    pub parent: Option<&'a str>,
    pub notes: Vec<NoteJson>,
}

/// One responsibility note with its units.
#[derive(Serialize)]
pub struct NoteJson {
    #[serde(flatten)]
    pub note: Note,
    /// 1-based line of the original file the note starts on.
    pub line: usize,
}

/// The whole of `show --format json`.
#[derive(Serialize)]
pub struct ShowJson<'a> {
    pub plan: PlanJson<'a>,
    pub clauses: Vec<ClauseJson<'a>>,
    pub warnings: &'a [ParseWarning],
}

impl<'a> ShowJson<'a> {
    pub fn new(doc: &'a Document, notes: &[Vec<Note>]) -> Self {
        let lines = LineIndex::new(&doc.text);
        let clauses = doc
            .clauses
            .iter()
            .zip(notes)
            .map(|(c, n)| clause_json(doc, &lines, c, n))
            .collect();
        ShowJson {
            plan: PlanJson::new(doc),
            clauses,
            warnings: &doc.warnings,
        }
    }
}

fn clause_json<'a>(
    doc: &'a Document,
    lines: &LineIndex,
    c: &'a Clause,
    notes: &[Note],
) -> ClauseJson<'a> {
    ClauseJson {
        plan: &doc.meta.id,
        path: &c.path,
        line: c.line,
        end_line: c.end_line,
        level: c.level.as_str(),
        label: &c.label,
        heading: &c.heading,
        kind: c.kind.as_str(),
        text: &c.text,
        span: [c.span.start, c.span.end],
        parent: c.parent.map(|p| doc.clauses[p].path.as_str()),
        notes: notes
            .iter()
            .map(|n| NoteJson {
                line: lines.line(c.map.source_span(n.span).start),
                note: n.clone(),
            })
            .collect(),
    }
}
