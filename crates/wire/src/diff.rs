//! The JSON shapes of `fangan diff`, stable and documented.
//!
//! Two plans (`fangan diff A B --format json`):
//!
//! ```text
//! {
//!   "a": Plan, "b": Plan,
//!   "pairs": [{
//!     "a": ClauseRef, "b": ClauseRef,
//!     "score": 0.734,                       // 0..1, three decimals
//!     "label": "near-copy" | "paraphrase" | "related",
//!     "kind": "single" | "group" | "member", // group: one clause ↔ a whole group
//!     "signals": {"words": F, "chars": F, "heading": F},
//!     "evidence": [{"text": STR, "a": [START, END], "b": [START, END]}],
//!     "diff": null | [{"op": "equal"|"delete"|"insert"|"replace",
//!                       "a": STR, "b": STR, "number": BOOL}]
//!   }],
//!   "only_a": [ClauseRef], "only_b": [ClauseRef],
//!   "targets": [TargetRow]                  // and in each pair
//! }
//! Plan      = {"id": STR, "county": STR|null, "year": N|null, "title": STR|null}
//! ClauseRef = {"plan": ID, "path": STR, "line": N, "text": STR, "heading": STR, "kind": STR}
//! ```
//!
//! `"targets"` at the top (headline targets of both plans) and in each pair
//! (the targets the two clauses set, side by side): see
//! [`crate::diff_targets`]; compare does not read targets itself.
//!
//! A paragraph aligned on its own (front matter, unnumbered text) is a
//! ClauseRef too: the path of its clause, its own line, its own text.
//!
//! Evidence ranges are character offsets (not bytes) into each clause's
//! `text`, end exclusive, as everywhere in fangan's JSON. `number` marks a
//! changed part that touches a number (a target that differs).
//!
//! Several plans (`fangan diff A B C…`, `--against-all`): see
//! [`crate::best_match`].

use fangan_model::{Clause, Document, Span};
use serde::Serialize;

use fangan_compare::report::{Comparison, Label, PairKind, Part, Signals};
use fangan_compare::{EditTag, InlineDiff};

use crate::diff_targets::{DiffTargets, TargetRow};

/// A plan's identity.
#[derive(Clone, Debug, Serialize)]
pub struct PlanJson<'a> {
    /// Plan id (file stem).
    pub id: &'a str,
    /// County or district.
    pub county: Option<&'a str>,
    /// Year.
    pub year: Option<u16>,
    /// Title.
    pub title: Option<&'a str>,
}

impl<'a> PlanJson<'a> {
    /// The identity of `doc`.
    pub fn new(doc: &'a Document) -> PlanJson<'a> {
        PlanJson {
            id: &doc.meta.id,
            county: doc.meta.county.as_deref(),
            year: doc.meta.year,
            title: doc.meta.title.as_deref(),
        }
    }
}

/// A clause as the scorer and users see it.
#[derive(Clone, Debug, Serialize)]
pub struct ClauseRef<'a> {
    /// Plan id.
    pub plan: &'a str,
    /// Path (`附件1/二/（一）/4`).
    pub path: &'a str,
    /// 1-based line of the original file.
    pub line: usize,
    /// Own text as shown.
    pub text: &'a str,
    /// Lead sentence, maybe empty.
    pub heading: String,
    /// `objectives`, `tasks`, `mechanism` or `other`.
    pub kind: &'static str,
}

impl<'a> ClauseRef<'a> {
    /// The reference of clause `c` of `doc`.
    pub fn new(doc: &'a Document, c: &'a Clause) -> ClauseRef<'a> {
        ClauseRef {
            plan: &doc.meta.id,
            path: &c.path,
            line: c.line,
            text: &c.text,
            heading: fangan_compare::unit::heading_of(c),
            kind: c.kind.as_str(),
        }
    }

    /// The reference of clause `c` of `doc`, or of its paragraph `part`.
    pub fn of(doc: &'a Document, c: &'a Clause, part: Option<Part>) -> ClauseRef<'a> {
        match part {
            None => ClauseRef::new(doc, c),
            Some(p) => ClauseRef {
                plan: &doc.meta.id,
                path: &c.path,
                line: p.line,
                text: p.range.slice(&c.text),
                heading: String::new(),
                kind: c.kind.as_str(),
            },
        }
    }
}

/// Character range of `span` (bytes of the clause's text) inside the part
/// shown, or the whole text.
fn chars_in(text: &str, part: Option<Part>, span: Span) -> (usize, usize) {
    match part {
        None => span.to_chars(text),
        Some(p) => {
            let at = p.range.start;
            Span::new(span.start.saturating_sub(at), span.end.saturating_sub(at))
                .to_chars(p.range.slice(text))
        }
    }
}

/// Clauses and paragraphs left unpaired, in file order.
fn unpaired<'a>(doc: &'a Document, whole: &[usize], parts: &[(usize, Part)]) -> Vec<ClauseRef<'a>> {
    let mut all: Vec<(usize, usize, Option<Part>)> = whole
        .iter()
        .map(|&c| (doc.clauses[c].span.start, c, None))
        .chain(parts.iter().map(|&(c, p)| {
            let at = doc.clauses[c].map.source_span(p.range).start;
            (at, c, Some(p))
        }))
        .collect();
    all.sort_by_key(|&(at, c, _)| (at, c));
    all.into_iter()
        .map(|(_, c, p)| ClauseRef::of(doc, &doc.clauses[c], p))
        .collect()
}

/// A shared passage in JSON.
#[derive(Clone, Debug, Serialize)]
pub struct EvidenceJson<'a> {
    /// The passage as written in A.
    pub text: &'a str,
    /// Character range in A's text.
    pub a: (usize, usize),
    /// Character range in B's text.
    pub b: (usize, usize),
}

/// One diff step in JSON.
#[derive(Clone, Debug, Serialize)]
pub struct EditJson<'a> {
    /// equal, delete, insert or replace.
    pub op: EditTag,
    /// A's part.
    pub a: &'a str,
    /// B's part.
    pub b: &'a str,
    /// True when the change touches a number.
    pub number: bool,
}

/// One pair in JSON.
#[derive(Clone, Debug, Serialize)]
pub struct PairJson<'a> {
    /// Clause of A.
    pub a: ClauseRef<'a>,
    /// Clause of B.
    pub b: ClauseRef<'a>,
    /// Score, rounded to three decimals.
    pub score: f64,
    /// near-copy, paraphrase or related.
    pub label: Label,
    /// single, group or member.
    pub kind: PairKind,
    /// The signals, rounded.
    pub signals: Signals,
    /// Shared passages.
    pub evidence: Vec<EvidenceJson<'a>>,
    /// Inline diff for near-copies and paraphrases.
    pub diff: Option<Vec<EditJson<'a>>>,
    /// The targets the two clauses set, side by side.
    pub targets: &'a [TargetRow],
}

/// A two-plan comparison in JSON.
#[derive(Clone, Debug, Serialize)]
pub struct DiffJson<'a> {
    /// Plan A.
    pub a: PlanJson<'a>,
    /// Plan B.
    pub b: PlanJson<'a>,
    /// Aligned pairs.
    pub pairs: Vec<PairJson<'a>>,
    /// Clauses only in A.
    pub only_a: Vec<ClauseRef<'a>>,
    /// Clauses only in B.
    pub only_b: Vec<ClauseRef<'a>>,
    /// The headline targets of both plans, side by side.
    pub targets: &'a [TargetRow],
}

/// Rounds to three decimals for stable output.
pub fn round3(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

fn edits<'a>(d: &InlineDiff, ta: &'a str, tb: &'a str) -> Vec<EditJson<'a>> {
    d.edits
        .iter()
        .map(|e| EditJson {
            op: e.tag,
            a: e.a.slice(ta),
            b: e.b.slice(tb),
            number: e.number,
        })
        .collect()
}

impl<'a> DiffJson<'a> {
    /// The JSON form of `cmp`, a comparison of `a` with `b`, with its
    /// `targets` (empty ones leave every `targets` list empty).
    pub fn new(
        a: &'a Document,
        b: &'a Document,
        cmp: &'a Comparison,
        targets: &'a DiffTargets,
    ) -> DiffJson<'a> {
        let pairs = cmp
            .pairs
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let (ca, cb) = (&a.clauses[p.a], &b.clauses[p.b]);
                PairJson {
                    a: ClauseRef::of(a, ca, p.a_part),
                    b: ClauseRef::of(b, cb, p.b_part),
                    score: round3(p.score),
                    label: p.label,
                    kind: p.kind,
                    signals: Signals {
                        words: round3(p.signals.words) as f32,
                        bigrams: round3(p.signals.bigrams) as f32,
                        chars: round3(p.signals.chars) as f32,
                        heading: round3(p.signals.heading) as f32,
                    },
                    evidence: p
                        .evidence
                        .iter()
                        .map(|s| EvidenceJson {
                            text: s.a.slice(&ca.text),
                            a: chars_in(&ca.text, p.a_part, s.a),
                            b: chars_in(&cb.text, p.b_part, s.b),
                        })
                        .collect(),
                    diff: p.diff.as_ref().map(|d| edits(d, &ca.text, &cb.text)),
                    targets: targets.pair(i),
                }
            })
            .collect();
        DiffJson {
            a: PlanJson::new(a),
            b: PlanJson::new(b),
            pairs,
            only_a: unpaired(a, &cmp.only_a, &cmp.only_a_parts),
            only_b: unpaired(b, &cmp.only_b, &cmp.only_b_parts),
            targets: &targets.headline,
        }
    }
}
