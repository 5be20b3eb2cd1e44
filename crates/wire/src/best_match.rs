//! The JSON of one plan against several (`fangan diff A B C… --format
//! json`, or `--against-all`):
//!
//! ```text
//! {"plan": Plan, "others": [Plan],
//!  "rows": [{"a": ClauseRef,
//!            "matches": [{"plan": ID, "b": ClauseRef|null, "score": F, "label": STR|null}]}]}
//! ```
//!
//! `matches` has one entry per other plan, in the order of `others`; `b` is
//! null when nothing reaches the aligner's `min_score`. `Plan` and
//! `ClauseRef` are those of [`crate::diff`].

use fangan_compare::multi::ReuseRow;
use fangan_compare::report::Label;
use fangan_model::Document;
use serde::Serialize;

use crate::diff::{round3, ClauseRef, PlanJson};

/// One match in JSON.
#[derive(Clone, Debug, Serialize)]
pub struct MatchJson<'a> {
    /// Id of the other plan.
    pub plan: &'a str,
    /// Its best clause, or null.
    pub b: Option<ClauseRef<'a>>,
    /// Score, three decimals.
    pub score: f64,
    /// Label, or null.
    pub label: Option<Label>,
}

/// One row in JSON.
#[derive(Clone, Debug, Serialize)]
pub struct RowJson<'a> {
    /// Clause of A.
    pub a: ClauseRef<'a>,
    /// Best match per other plan.
    pub matches: Vec<MatchJson<'a>>,
}

/// The whole reuse table in JSON.
#[derive(Clone, Debug, Serialize)]
pub struct BestMatchJson<'a> {
    /// Plan A.
    pub plan: PlanJson<'a>,
    /// The other plans.
    pub others: Vec<PlanJson<'a>>,
    /// One row per clause of A.
    pub rows: Vec<RowJson<'a>>,
}

impl<'a> BestMatchJson<'a> {
    /// The JSON form of `rows`, computed for `a` against `others`.
    pub fn new(a: &'a Document, others: &[&'a Document], rows: &[ReuseRow]) -> BestMatchJson<'a> {
        BestMatchJson {
            plan: PlanJson::new(a),
            others: others.iter().map(|d| PlanJson::new(d)).collect(),
            rows: rows
                .iter()
                .map(|r| RowJson {
                    a: ClauseRef::new(a, &a.clauses[r.a]),
                    matches: r
                        .matches
                        .iter()
                        .zip(others)
                        .map(|(m, d)| MatchJson {
                            plan: &d.meta.id,
                            b: m.clause.map(|c| ClauseRef::new(d, &d.clauses[c])),
                            score: round3(m.score),
                            label: m.label,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}
