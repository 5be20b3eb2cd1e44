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
//!   "only_a": [ClauseRef], "only_b": [ClauseRef]
//! }
//! Plan      = {"id": STR, "county": STR|null, "year": N|null, "title": STR|null}
//! ClauseRef = {"plan": ID, "path": STR, "line": N, "text": STR, "heading": STR, "kind": STR}
//! ```
//!
//! `fangan diff` adds `"targets"` at the top (headline targets of both
//! plans) and in each pair (the targets the two clauses set, side by side):
//! see the CLI's `cmd/diff.rs`. Compare does not read targets itself.
//!
//! Evidence ranges are character offsets (not bytes) into each clause's
//! `text`, end exclusive, as everywhere in fangan's JSON. `number` marks a
//! changed part that touches a number (a target that differs).
//!
//! Several plans (`fangan diff A B C…`, `--against-all`): see
//! [`crate::multi`].

use fangan_model::{Clause, Document, Span};
use serde::Serialize;

use crate::diff::{EditTag, InlineDiff};
use crate::report::{Comparison, Label, PairKind, Signals};

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
            heading: crate::unit::heading_of(c),
            kind: c.kind.as_str(),
        }
    }
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
}

/// Rounds to three decimals for stable output.
pub fn round3(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

fn chars(text: &str, span: Span) -> (usize, usize) {
    span.to_chars(text)
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
    /// The JSON form of `cmp`, a comparison of `a` with `b`.
    pub fn new(a: &'a Document, b: &'a Document, cmp: &'a Comparison) -> DiffJson<'a> {
        let pairs = cmp
            .pairs
            .iter()
            .map(|p| {
                let (ca, cb) = (&a.clauses[p.a], &b.clauses[p.b]);
                PairJson {
                    a: ClauseRef::new(a, ca),
                    b: ClauseRef::new(b, cb),
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
                            a: chars(&ca.text, s.a),
                            b: chars(&cb.text, s.b),
                        })
                        .collect(),
                    diff: p.diff.as_ref().map(|d| edits(d, &ca.text, &cb.text)),
                }
            })
            .collect();
        DiffJson {
            a: PlanJson::new(a),
            b: PlanJson::new(b),
            pairs,
            only_a: cmp
                .only_a
                .iter()
                .map(|&c| ClauseRef::new(a, &a.clauses[c]))
                .collect(),
            only_b: cmp
                .only_b
                .iter()
                .map(|&c| ClauseRef::new(b, &b.clauses[c]))
                .collect(),
        }
    }
}
