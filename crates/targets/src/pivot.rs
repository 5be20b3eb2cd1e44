//! The cross-plan comparison: headline indicators × plans.
//!
//! Rows are canonical indicators (so `全社会固定资产投资` in one plan and
//! `固定资产投资` in another share a row), columns are plans, and a cell holds
//! every headline target of that plan for that indicator (a plan may repeat
//! one in an attachment, sometimes with another value).

use std::collections::HashMap;

use serde::Serialize;

use crate::{ClauseTarget, Kind, Target};

/// Headline indicators × plans.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Pivot {
    /// Plan ids, in the order given.
    pub plans: Vec<String>,
    /// One row per canonical indicator, most widely shared first, then in
    /// order of first appearance.
    pub rows: Vec<PivotRow>,
}

/// One canonical indicator across plans.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PivotRow {
    /// The canonical indicator.
    pub canonical: String,
    /// Its kind of measure (of its first target).
    pub kind: Kind,
    /// The plans that set it, as (index in [`Pivot::plans`], that plan's
    /// targets), in plan order: a pivot of 30,000 plans is mostly empty.
    pub set: Vec<(usize, Vec<Target>)>,
}

impl PivotRow {
    /// The targets plan `plan` (an index in [`Pivot::plans`]) sets.
    pub fn cell(&self, plan: usize) -> &[Target] {
        match self.set.binary_search_by_key(&plan, |(p, _)| *p) {
            Ok(i) => &self.set[i].1,
            Err(_) => &[],
        }
    }
}

impl Pivot {
    /// Pivots the headline targets of each `(plan id, targets)`; targets
    /// that are not headline are left out.
    pub fn new(plans: &[(String, Vec<ClauseTarget>)]) -> Pivot {
        let mut rows: Vec<PivotRow> = Vec::new();
        let mut at: HashMap<&str, usize> = HashMap::new();
        for (col, (_, targets)) in plans.iter().enumerate() {
            for t in targets.iter().filter(|t| t.headline) {
                let key = if t.target.canonical.is_empty() {
                    &t.target.indicator
                } else {
                    &t.target.canonical
                };
                let row = *at.entry(key).or_insert_with(|| {
                    rows.push(PivotRow {
                        canonical: key.clone(),
                        kind: t.target.kind,
                        set: Vec::new(),
                    });
                    rows.len() - 1
                });
                // plans come in order: this plan's cell is the last, if any
                let set = &mut rows[row].set;
                match set.last_mut() {
                    Some((p, cell)) if *p == col => cell.push(t.target.clone()),
                    _ => set.push((col, vec![t.target.clone()])),
                }
            }
        }
        // stable: ties keep the order of first appearance
        rows.sort_by_key(|r| std::cmp::Reverse(r.set.len()));
        Pivot {
            plans: plans.iter().map(|(id, _)| id.clone()).collect(),
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use fangan_model::Span;

    use super::*;
    use crate::Extractor;

    fn targets(text: &str, headline: bool) -> Vec<ClauseTarget> {
        Extractor::new()
            .extract(text)
            .into_iter()
            .map(|target| ClauseTarget {
                clause: 0,
                headline,
                line: 1,
                source: Span::new(0, 0),
                target,
            })
            .collect()
    }

    #[test]
    fn shared_indicators_share_a_row() {
        let plans = vec![
            (
                "a".to_string(),
                targets(
                    "一般公共预算收入增长2%以上，全社会固定资产投资增长10%以上。",
                    true,
                ),
            ),
            (
                "b".to_string(),
                targets("固定资产投资增长6.5%。新增企业3家。", true),
            ),
            ("c".to_string(), targets("固定资产投资增长9%。", false)),
        ];
        let p = Pivot::new(&plans);
        assert_eq!(p.plans, ["a", "b", "c"]);
        assert_eq!(p.rows[0].canonical, "固定资产投资增速");
        assert_eq!(p.rows[0].cell(0)[0].value, 10.0);
        assert_eq!(p.rows[0].cell(1)[0].value, 6.5);
        assert!(p.rows[0].cell(2).is_empty(), "not headline");
        assert_eq!(p.rows.len(), 3);
    }
}
