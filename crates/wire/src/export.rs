//! The records of `fangan export`: one JSON object per clause, one per
//! line (NDJSON), in the shape Quickwit's ingest and OpenSearch's `_bulk`
//! take, for a corpus that outgrows one machine. The index mappings that
//! read it are in `docs/export/` (the test `tests/export.rs` holds the two
//! to this shape):
//!
//! ```text
//! {"id": "pingjiang-2023#12",          // plan id # clause number: unique
//!  "plan": ID, "title": STR|null, "county": STR|null, "city": STR|null,
//!  "province": STR|null, "level": STR|null, "year": N|null, "file": STR,
//!  "path": "二/（一）/3", "heading": STR, "kind": "tasks", "line": N,
//!  "text": STR,                          // the clause's text, for a character-level field
//!  "tokens": "加快 推进 高标准 农田 建设", // fangan's jieba words, space-separated
//!  "lead": [DEPT], "support": [DEPT], "responsible": [DEPT],  // canonical names
//!  "targets": [{"indicator": STR, "canonical": STR, "value": F|null,
//!               "unit": STR, "qualifier": STR, "text": STR}]}
//! ```
//!
//! With `--bulk opensearch`, each record is preceded by its action line
//! `{"index": {"_index": NAME, "_id": ID}}`.

use fangan_catalog::{ClauseNotes, PlanEntry, TargetAt};
use fangan_model::{Clause, Document, Segmenter};
use fangan_notes::Role;
use serde::Serialize;

/// One clause as an external search engine ingests it.
#[derive(Clone, Debug, Serialize)]
pub struct ClauseRecord<'a> {
    /// `plan#n`, n the clause's number in the plan (from 0).
    pub id: String,
    /// Plan id.
    pub plan: &'a str,
    /// Title of the plan.
    pub title: Option<&'a str>,
    /// County or district.
    pub county: Option<&'a str>,
    /// City.
    pub city: Option<&'a str>,
    /// Province.
    pub province: Option<&'a str>,
    /// Administrative level (`县`, `市`…).
    pub level: Option<&'a str>,
    /// Year.
    pub year: Option<u16>,
    /// The file, under its source folder.
    pub file: &'a str,
    /// Path of the clause.
    pub path: &'a str,
    /// Its lead sentence.
    pub heading: &'a str,
    /// Its section kind.
    pub kind: &'static str,
    /// 1-based line of the plan's text it starts on.
    pub line: usize,
    /// Its text.
    pub text: &'a str,
    /// Its words as fangan's jieba cuts them, joined by spaces.
    pub tokens: String,
    /// Departments its notes name as lead (canonical).
    pub lead: Vec<&'a str>,
    /// Departments named in support.
    pub support: Vec<&'a str>,
    /// Departments named responsible where no lead is named.
    pub responsible: Vec<&'a str>,
    /// The numeric targets it sets.
    pub targets: Vec<TargetRecord<'a>>,
}

/// A target in an exported clause.
#[derive(Clone, Debug, Serialize)]
pub struct TargetRecord<'a> {
    /// The indicator as written.
    pub indicator: &'a str,
    /// Its canonical name.
    pub canonical: &'a str,
    /// The value (null for a target without one).
    pub value: Option<f64>,
    /// The unit.
    pub unit: &'a str,
    /// `力争`, `以上`… as one string.
    pub qualifier: String,
    /// The words that set it.
    pub text: &'a str,
}

/// The action line before a record in OpenSearch's `_bulk` body.
#[derive(Clone, Debug, Serialize)]
pub struct BulkAction<'a> {
    /// The action.
    pub index: BulkTarget<'a>,
}

/// Where a bulk action writes.
#[derive(Clone, Debug, Serialize)]
pub struct BulkTarget<'a> {
    /// Index name.
    #[serde(rename = "_index")]
    pub index: &'a str,
    /// Document id.
    #[serde(rename = "_id")]
    pub id: &'a str,
}

fn names(notes: Option<&ClauseNotes>, role: Role) -> Vec<&str> {
    let mut out: Vec<&str> = notes
        .into_iter()
        .flat_map(|c| &c.notes)
        .flat_map(|n| n.units_with(role))
        .map(|u| u.canonical.as_str())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The records of every clause of `doc`, with its entry, notes (by
/// clause) and targets.
pub fn records<'a>(
    entry: &'a PlanEntry,
    doc: &'a Document,
    notes: &'a [ClauseNotes],
    targets: &'a [TargetAt],
    segmenter: &Segmenter,
) -> Vec<ClauseRecord<'a>> {
    let meta = &entry.meta;
    doc.clauses
        .iter()
        .enumerate()
        .map(|(i, c): (usize, &'a Clause)| {
            let n = notes.iter().find(|cn| cn.clause == i);
            let tokens: Vec<&str> = segmenter
                .words(&c.text)
                .into_iter()
                .map(|w| w.text)
                .filter(|w| !w.trim().is_empty())
                .collect();
            ClauseRecord {
                id: format!("{}#{i}", meta.id),
                plan: &meta.id,
                title: meta.title.as_deref(),
                county: meta.county.as_deref(),
                city: meta.city.as_deref(),
                province: meta.province.as_deref(),
                level: meta.level.as_deref(),
                year: meta.year,
                file: &entry.rel,
                path: &c.path,
                heading: &c.heading,
                kind: c.kind.as_str(),
                line: c.line,
                text: &c.text,
                tokens: tokens.join(" "),
                lead: names(n, Role::Lead),
                support: names(n, Role::Support),
                responsible: names(n, Role::Responsible),
                targets: targets
                    .iter()
                    .filter(|t| t.found.clause == i)
                    .map(|t| {
                        let tg = &t.found.target;
                        TargetRecord {
                            indicator: &tg.indicator,
                            canonical: &tg.canonical,
                            value: tg.value.is_finite().then_some(tg.value),
                            unit: &tg.unit,
                            qualifier: tg.qualifier(),
                            text: &tg.snippet,
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}
