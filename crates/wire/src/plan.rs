//! `fangan list` and `fangan show`.
//!
//! ```text
//! list: [Plan + {"file": STR|null, "rel": STR}]
//! show: {"plan": Plan, "clauses": [Clause], "warnings": [{"line", "message"}]}
//! Plan   = {"id", "county", "level", "city", "province", "year", "title",
//!           "place"?, "date"?, "published"?, "doc_number"?, "implements"?,
//!           "inferred": [{"field", "value", "evidence"}],
//!           "source": {"path", "encoding", "format", "hash"}, "clauses": N}
//! Clause = {"plan", "path", "line", "end_line", "level", "label", "heading",
//!           "kind", "text", "span": [S, E], "parent": PATH|null, "notes": [Note]}
//! Note   = {"type": "task"|"mechanism", "text", "span": [S, E], "line",
//!           "units": [Unit], "leaders": [Mention], "deadlines": [Mention]}
//! Unit   = {"name", "canonical", "role": "lead"|"support"|"responsible",
//!           "generic", "known", "kind", "level"?, "span": [S, E]}
//! Mention = {"text", "span": [S, E]}
//! ```
//! `place` is the issuing government at any level (`绛县`, `鞍山市`, `山西省`),
//! `county` the same when it is county-level; `level` is one of 省 市 州 盟
//! 县 区 县级市 旗; dates are `YYYY-MM-DD`; fields not known are left out
//! (`county`…`title` are `null`). A value of Plan that a manifest did not
//! give is listed in `inferred` with its evidence. Offsets: see the crate docs.

use fangan_catalog::PlanEntry;
use fangan_model::{Clause, Document, LineIndex, ParseWarning, PlanMeta};
use fangan_notes::{Mention, Note, NoteType, Role, Unit, UnitKind};
use serde::Serialize;

use crate::Chars;

/// Where a plan's text came from.
#[derive(Debug, Serialize)]
pub struct SourceJson<'a> {
    /// The file read, when there was one.
    pub path: Option<String>,
    /// The encoding it was decoded from.
    pub encoding: &'a str,
    /// The format it was read as.
    pub format: &'a str,
    /// blake3 of the file's bytes (and its manifest entry).
    pub hash: &'a str,
}

/// A plan's descriptive fields.
#[derive(Debug, Serialize)]
pub struct PlanJson<'a> {
    /// The metadata (flattened: `id`, `county`, `year`…, `inferred`).
    #[serde(flatten)]
    pub meta: &'a PlanMeta,
    /// Where its text came from.
    pub source: SourceJson<'a>,
    /// Number of clauses.
    pub clauses: usize,
}

impl<'a> PlanJson<'a> {
    /// The plan fields of a parsed plan.
    pub fn of_document(doc: &'a Document) -> PlanJson<'a> {
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

    /// The plan fields of a catalog entry.
    pub fn of_entry(e: &'a PlanEntry) -> PlanJson<'a> {
        PlanJson {
            meta: &e.meta,
            source: SourceJson {
                path: e.file.as_ref().map(|p| p.display().to_string()),
                encoding: &e.encoding,
                format: &e.format,
                hash: &e.hash,
            },
            clauses: e.clauses,
        }
    }
}

/// One row of `fangan list`.
#[derive(Debug, Serialize)]
pub struct ListRow<'a> {
    /// The plan.
    #[serde(flatten)]
    pub plan: PlanJson<'a>,
    /// Its path under the folder it was ingested from.
    pub rel: &'a str,
}

/// A person or a deadline named in a note.
#[derive(Debug, Serialize)]
pub struct MentionJson<'a> {
    /// As written.
    pub text: &'a str,
    /// Characters of the note's text.
    pub span: [usize; 2],
}

/// A unit named in a note.
#[derive(Debug, Serialize)]
pub struct UnitJson<'a> {
    /// As written (level prefix kept).
    pub name: &'a str,
    /// The department it folds to.
    pub canonical: &'a str,
    /// Its role.
    pub role: Role,
    /// True for phrases that name no particular body.
    pub generic: bool,
    /// True when the department table knows it.
    pub known: bool,
    /// What sort of body it is.
    pub kind: UnitKind,
    /// The level prefix as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<&'a str>,
    /// Characters of the note's text.
    pub span: [usize; 2],
}

/// A responsibility note, read.
#[derive(Debug, Serialize)]
pub struct NoteJson<'a> {
    /// Task note or mechanism sentence.
    #[serde(rename = "type")]
    pub note_type: NoteType,
    /// The note as written.
    pub text: &'a str,
    /// Characters of the clause's text.
    pub span: [usize; 2],
    /// 1-based line of the plan's text the note starts on.
    pub line: usize,
    /// Units named.
    pub units: Vec<UnitJson<'a>>,
    /// People named.
    pub leaders: Vec<MentionJson<'a>>,
    /// Deadlines named.
    pub deadlines: Vec<MentionJson<'a>>,
}

fn mentions<'a>(ms: &'a [Mention], c: &Chars) -> Vec<MentionJson<'a>> {
    ms.iter()
        .map(|m| MentionJson {
            text: &m.text,
            span: c.span(m.span),
        })
        .collect()
}

fn unit<'a>(u: &'a Unit, c: &Chars) -> UnitJson<'a> {
    UnitJson {
        name: &u.name,
        canonical: &u.canonical,
        role: u.role,
        generic: u.generic,
        known: u.known,
        kind: u.kind,
        level: u.level.as_deref(),
        span: c.span(u.span),
    }
}

impl<'a> NoteJson<'a> {
    /// A note of `clause` (its span is a byte range of the clause's text).
    pub fn new(
        note: &'a Note,
        clause: &Clause,
        clause_chars: &Chars,
        lines: &LineIndex,
    ) -> NoteJson<'a> {
        let in_note = Chars::new(&note.text);
        NoteJson {
            note_type: note.note_type,
            text: &note.text,
            span: clause_chars.span(note.span),
            line: lines.line(clause.map.source_span(note.span).start),
            units: note.units.iter().map(|u| unit(u, &in_note)).collect(),
            leaders: mentions(&note.leaders, &in_note),
            deadlines: mentions(&note.deadlines, &in_note),
        }
    }
}

/// One clause of `show`.
#[derive(Debug, Serialize)]
pub struct ClauseJson<'a> {
    /// Plan id.
    pub plan: &'a str,
    /// Path (`附件1/二/（二）/3`).
    pub path: &'a str,
    /// 1-based first line.
    pub line: usize,
    /// 1-based last line.
    pub end_line: usize,
    /// Level (`section`, `task`…).
    pub level: &'static str,
    /// The numbering label as written.
    pub label: &'a str,
    /// The lead sentence.
    pub heading: &'a str,
    /// Section kind (`objectives`, `tasks`, `mechanism`, `other`).
    pub kind: &'static str,
    /// The clause's own text as shown.
    pub text: &'a str,
    /// Characters of the plan's text.
    pub span: [usize; 2],
    /// The parent's path.
    pub parent: Option<&'a str>,
    /// Its notes, read.
    pub notes: Vec<NoteJson<'a>>,
}

/// The whole of `show --format json`.
#[derive(Debug, Serialize)]
pub struct ShowJson<'a> {
    /// The plan.
    pub plan: PlanJson<'a>,
    /// Every clause, flat, in document order.
    pub clauses: Vec<ClauseJson<'a>>,
    /// What the parser noticed.
    pub warnings: &'a [ParseWarning],
}

impl<'a> ShowJson<'a> {
    /// `doc` with `notes[i]`, the notes of clause `i`, read.
    pub fn new(doc: &'a Document, notes: &'a [Vec<Note>]) -> ShowJson<'a> {
        let lines = LineIndex::new(&doc.text);
        let plan_chars = Chars::new(&doc.text);
        let clauses = doc
            .clauses
            .iter()
            .zip(notes)
            .map(|(c, ns)| {
                let cc = Chars::new(&c.text);
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
                    span: plan_chars.span(c.span),
                    parent: c.parent.map(|p| doc.clauses[p].path.as_str()),
                    notes: ns
                        .iter()
                        .map(|n| NoteJson::new(n, c, &cc, &lines))
                        .collect(),
                }
            })
            .collect();
        ShowJson {
            plan: PlanJson::of_document(doc),
            clauses,
            warnings: &doc.warnings,
        }
    }
}
