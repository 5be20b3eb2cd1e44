//! `fangan targets`.
//!
//! ```text
//! list:  [{"plan", "county", "path", "line", "headline", "section", "indicator",
//!          "canonical", "value", "value_max", "unit", "kind", "qualifier",
//!          "qualifiers", "placeholder", "text", "source": [S, E]}]
//! table: {"plans": [ID], "rows": [{"canonical", "kind",
//!          "cells": {ID: [{"value", "value_max", "unit", "qualifier", "display", "text"}]}}]}
//! ```
//! `value` is null for a placeholder (`x%`); `qualifier` is the qualifiers
//! joined by `+` (`none` when none); `text` is the source snippet, `line`
//! the line it starts on, `source` its characters in the plan's text.

use std::collections::BTreeMap;

use fangan_catalog::TargetAt;
use fangan_targets::{Pivot, Target};
use serde::Serialize;

/// One target of the list.
#[derive(Debug, Serialize)]
pub struct TargetJson<'a> {
    /// Plan id.
    pub plan: &'a str,
    /// County of the plan.
    pub county: Option<&'a str>,
    /// Clause path.
    pub path: &'a str,
    /// 1-based line the snippet starts on.
    pub line: usize,
    /// In the plan's objectives part.
    pub headline: bool,
    /// The clause's section kind.
    pub section: &'a str,
    /// The indicator as written.
    pub indicator: &'a str,
    /// The canonical indicator.
    pub canonical: &'a str,
    /// The number (null for a placeholder).
    pub value: Option<f64>,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// The unit.
    pub unit: &'a str,
    /// What the number measures.
    pub kind: &'static str,
    /// Qualifiers joined by `+`, `none` when none.
    pub qualifier: String,
    /// Qualifiers in reading order.
    pub qualifiers: &'a [String],
    /// True for a placeholder (`x%`).
    pub placeholder: bool,
    /// The source snippet.
    pub text: &'a str,
    /// The snippet's characters in the plan's text.
    pub source: [usize; 2],
}

/// A target's value, none for a placeholder.
pub fn value(t: &Target) -> Option<f64> {
    (!t.placeholder).then_some(t.value)
}

impl<'a> TargetJson<'a> {
    /// A target of plan `plan` (of county `county`).
    pub fn new(plan: &'a str, county: Option<&'a str>, t: &'a TargetAt) -> TargetJson<'a> {
        let target = &t.found.target;
        TargetJson {
            plan,
            county,
            path: &t.path,
            line: t.found.line,
            headline: t.found.headline,
            section: &t.section,
            indicator: &target.indicator,
            canonical: &target.canonical,
            value: value(target),
            value_max: target.value_max,
            unit: &target.unit,
            kind: target.kind.as_str(),
            qualifier: target.qualifier(),
            qualifiers: &target.qualifiers,
            placeholder: target.placeholder,
            text: &target.snippet,
            source: t.chars,
        }
    }
}

/// The headline pivot.
#[derive(Debug, Serialize)]
pub struct PivotJson<'a> {
    /// Plan ids, the columns.
    pub plans: &'a [String],
    /// One row per indicator.
    pub rows: Vec<PivotRowJson<'a>>,
}

/// One indicator of the pivot.
#[derive(Debug, Serialize)]
pub struct PivotRowJson<'a> {
    /// The canonical indicator.
    pub canonical: &'a str,
    /// What it measures.
    pub kind: &'static str,
    /// The targets of each plan that sets one.
    pub cells: BTreeMap<&'a str, Vec<CellJson<'a>>>,
}

/// One plan's target for one indicator.
#[derive(Debug, Serialize)]
pub struct CellJson<'a> {
    /// The number.
    pub value: Option<f64>,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// The unit.
    pub unit: &'a str,
    /// Qualifiers joined by `+`.
    pub qualifier: String,
    /// As written briefly (`力争 8%以上`).
    pub display: String,
    /// The source snippet.
    pub text: &'a str,
}

impl<'a> PivotJson<'a> {
    /// The JSON of `pivot`.
    pub fn new(pivot: &'a Pivot) -> PivotJson<'a> {
        let rows = pivot
            .rows
            .iter()
            .map(|r| PivotRowJson {
                canonical: &r.canonical,
                kind: r.kind.as_str(),
                cells: r
                    .set
                    .iter()
                    .map(|(i, c)| {
                        let p = &pivot.plans[*i];
                        let list = c
                            .iter()
                            .map(|t| CellJson {
                                value: value(t),
                                value_max: t.value_max,
                                unit: &t.unit,
                                qualifier: t.qualifier(),
                                display: t.display(),
                                text: &t.snippet,
                            })
                            .collect();
                        (p.as_str(), list)
                    })
                    .collect(),
            })
            .collect();
        PivotJson {
            plans: &pivot.plans,
            rows,
        }
    }
}
