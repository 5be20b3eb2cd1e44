//! What is read from a plan at ingest, stored beside it so that corpus-wide
//! commands (`leads`, `targets`) never parse or read notes again: the
//! responsibility notes of every clause, read into units with roles, and
//! the numeric targets.

use fangan_index::ClauseDepartments;
use fangan_model::Document;
use fangan_notes::{Note, NoteReader, NoteType, Role, Unit, UnitKind};
use fangan_targets::{ClauseTarget, Extractor};
use serde::{Deserialize, Serialize};

/// The notes of one clause.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClauseNotes {
    /// Index of the clause in the plan.
    pub clause: usize,
    /// Its path (`二/（一）/3`).
    pub path: String,
    /// Its heading.
    pub heading: String,
    /// 1-based line it starts on.
    pub line: usize,
    /// Its notes, read (task and mechanism notes).
    pub notes: Vec<Note>,
}

/// A target with where it stands: the clause's path and section kind, and
/// the snippet's place in the plan's text in characters (for JSON).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetAt {
    /// The target and its clause.
    pub found: ClauseTarget,
    /// The clause's path.
    pub path: String,
    /// The clause's section kind (`objectives`, `tasks`…).
    pub section: String,
    /// The snippet in the plan's text, as `[start, end]` characters.
    pub chars: [usize; 2],
}

/// Everything read from one plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PlanAnalysis {
    /// Clauses with notes, in document order.
    pub notes: Vec<ClauseNotes>,
    /// Numeric targets, in document order.
    pub targets: Vec<TargetAt>,
}

/// The notes of a plan's analysis record, its targets skipped unread
/// (`leads` over a corpus decodes half as much).
#[derive(Deserialize)]
pub(crate) struct NotesPart {
    pub(crate) notes: Vec<ClauseNotes>,
}

/// A note as corpus-wide counts read it: its type and its units (its text,
/// leaders and deadlines are skipped unread).
#[derive(Clone, Debug, Deserialize)]
pub struct NoteUnits {
    /// Task note or mechanism sentence.
    #[serde(rename = "type")]
    pub note_type: NoteType,
    /// The units named, in order.
    pub units: Vec<Unit>,
}

/// A unit as the compact record of a plan's notes keeps it: name,
/// canonical name, role, generic, known, kind (a JSON array: no keys).
#[derive(Clone, Debug, Serialize, Deserialize)]
struct CompactUnit(String, String, Role, bool, bool, UnitKind);

/// A note as the compact record keeps it: its type and units.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct CompactNote(NoteType, Vec<CompactUnit>);

/// The units of every note of a plan, stored beside its analysis at
/// ingest as a record of its own: what `leads` counts, a fifth of the
/// notes' size, so that a corpus of 30,000 plans is tallied in seconds.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct UnitsRecord(Vec<CompactNote>);

impl UnitsRecord {
    /// The record of `analysis`'s notes.
    pub fn new(analysis: &PlanAnalysis) -> UnitsRecord {
        UnitsRecord(
            analysis
                .notes
                .iter()
                .flat_map(|c| &c.notes)
                .map(|n| {
                    let units = n
                        .units
                        .iter()
                        .map(|u| {
                            CompactUnit(
                                u.name.clone(),
                                u.canonical.clone(),
                                u.role,
                                u.generic,
                                u.known,
                                u.kind,
                            )
                        })
                        .collect();
                    CompactNote(n.note_type, units)
                })
                .collect(),
        )
    }

    /// The notes, as [`NoteUnits`] (units without level or span).
    pub fn notes(self) -> Vec<NoteUnits> {
        self.0
            .into_iter()
            .map(|CompactNote(note_type, units)| NoteUnits {
                note_type,
                units: units
                    .into_iter()
                    .map(
                        |CompactUnit(name, canonical, role, generic, known, kind)| Unit {
                            name,
                            canonical,
                            role,
                            generic,
                            known,
                            kind,
                            level: None,
                            span: Default::default(),
                        },
                    )
                    .collect(),
            })
            .collect()
    }
}

/// The headline targets of a plan (those of its objectives sections),
/// stored beside its analysis at ingest: what `targets --headline` reads.
pub fn headline(analysis: &PlanAnalysis) -> Vec<TargetAt> {
    analysis
        .targets
        .iter()
        .filter(|t| t.found.headline)
        .cloned()
        .collect()
}

/// The notes of one clause, as [`NoteUnits`].
#[derive(Deserialize)]
pub(crate) struct ClauseNoteUnits {
    pub(crate) notes: Vec<NoteUnits>,
}

/// The notes of a plan's analysis record as [`NoteUnits`].
#[derive(Deserialize)]
pub(crate) struct NoteUnitsPart {
    pub(crate) notes: Vec<ClauseNoteUnits>,
}

/// The targets of a plan's analysis record, its notes skipped unread.
#[derive(Deserialize)]
pub(crate) struct TargetsPart {
    pub(crate) targets: Vec<TargetAt>,
}

/// Reads notes and targets: built once per ingest, with the catalog's
/// department tables.
#[derive(Debug, Clone)]
pub struct Analyzer {
    notes: NoteReader,
    targets: Extractor,
}

impl Analyzer {
    /// An analyzer reading notes with `notes`.
    pub fn new(notes: NoteReader) -> Analyzer {
        Analyzer {
            notes,
            targets: Extractor::new(),
        }
    }

    /// The note reader.
    pub fn notes(&self) -> &NoteReader {
        &self.notes
    }

    /// The analysis of `doc`, and the departments each clause's notes name
    /// (for the index's `lead:`/`dept:` filters).
    pub fn analyze(&self, doc: &Document) -> (PlanAnalysis, Vec<ClauseDepartments>) {
        let mut analysis = PlanAnalysis::default();
        let mut depts = Vec::with_capacity(doc.clauses.len());
        // notes are read under the conventions the plan states
        // (`列第一位的为牵头单位`, its table's columns)
        let all = self.notes.read_document(doc);
        for (i, (c, notes)) in doc.clauses.iter().zip(all).enumerate() {
            depts.push(ClauseDepartments::from_notes(&notes));
            if !notes.is_empty() {
                analysis.notes.push(ClauseNotes {
                    clause: i,
                    path: c.path.clone(),
                    heading: c.heading.clone(),
                    line: c.line,
                    notes,
                });
            }
        }
        let mut starts: Vec<usize> = doc.text.char_indices().map(|(i, _)| i).collect();
        starts.push(doc.text.len());
        let ch = |b: usize| starts.partition_point(|&s| s < b);
        analysis.targets = self
            .targets
            .extract_document(doc)
            .into_iter()
            .map(|t| {
                let c = &doc.clauses[t.clause];
                TargetAt {
                    path: c.path.clone(),
                    section: c.kind.as_str().to_string(),
                    chars: [ch(t.source.start), ch(t.source.end)],
                    found: t,
                }
            })
            .collect();
        (analysis, depts)
    }
}
