//! The targets of two compared plans side by side, in `fangan diff`'s JSON:
//! `"targets": [TargetRow]` at the top, the headline targets of both plans,
//! and in each pair, the targets the two paired clauses (with their `——`
//! bullets) set (empty when neither sets one; `a` or `b` null for a target
//! only one sets), where
//!
//! ```text
//! TargetRow = {"canonical": STR, "a": STR|null, "b": STR|null, "differs": BOOL}
//! ```
//!
//! (`a`/`b` as written briefly: `力争 8%以上`).

use fangan_compare::Comparison;
use fangan_model::Document;
use serde::Serialize;

/// One indicator of the two plans (or of two paired clauses) side by side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TargetRow {
    /// The canonical indicator (`地区生产总值增速`).
    pub canonical: String,
    /// A's target as written briefly (`8%以上`), if A sets one.
    pub a: Option<String>,
    /// B's target, if B sets one.
    pub b: Option<String>,
    /// False when both set the same value, unit and qualifiers.
    pub differs: bool,
}

/// The targets of a comparison: the plans' headline targets and each
/// pair's.
#[derive(Clone, Debug, Default)]
pub struct DiffTargets {
    /// The headline targets of both plans, paired by indicator.
    pub headline: Vec<TargetRow>,
    /// Per pair of the comparison (same order), its clauses' targets.
    pub pairs: Vec<Vec<TargetRow>>,
}

impl DiffTargets {
    /// The targets of `cmp`, a comparison of `a` with `b`.
    pub fn new(
        ex: &fangan_targets::Extractor,
        a: &Document,
        b: &Document,
        cmp: &Comparison,
    ) -> DiffTargets {
        DiffTargets {
            headline: headline_targets(ex, a, b),
            pairs: pair_targets(ex, a, b, cmp),
        }
    }

    /// The targets of pair `i`.
    pub fn pair(&self, i: usize) -> &[TargetRow] {
        self.pairs.get(i).map_or(&[], Vec::as_slice)
    }
}

/// Two lists of targets side by side, paired by indicator.
pub fn target_rows(ta: &[fangan_targets::Target], tb: &[fangan_targets::Target]) -> Vec<TargetRow> {
    fangan_targets::pair_targets(ta, tb)
        .into_iter()
        .map(|p| TargetRow {
            differs: p.differs(),
            a: p.a.map(|t| t.display()),
            b: p.b.map(|t| t.display()),
            canonical: p.canonical,
        })
        .collect()
}

/// The headline targets (objectives sections) of `a` and `b`, paired by
/// indicator.
fn headline_targets(ex: &fangan_targets::Extractor, a: &Document, b: &Document) -> Vec<TargetRow> {
    let ta: Vec<fangan_targets::Target> = ex.headline(a).into_iter().map(|t| t.target).collect();
    let tb: Vec<fangan_targets::Target> = ex.headline(b).into_iter().map(|t| t.target).collect();
    target_rows(&ta, &tb)
}

/// The rows whose indicator both sides set: what the views show under a
/// pair (a target only one clause names is no difference between them).
pub fn set_by_both(rows: &[TargetRow]) -> Vec<&TargetRow> {
    rows.iter()
        .filter(|r| r.a.is_some() && r.b.is_some())
        .collect()
}

/// A clause's text with the `——` bullets folded under it (an objectives
/// section lists its targets as bullets).
fn text_with_bullets(doc: &Document, id: usize) -> String {
    let c = &doc.clauses[id];
    let mut text = c.text.clone();
    for &k in &c.children {
        if doc.clauses[k].level == fangan_model::Level::Bullet {
            text.push('\n');
            text.push_str(&text_with_bullets(doc, k));
        }
    }
    text
}

/// For each pair of `cmp` (same order), the targets its two clauses (with
/// their bullets) set, side by side; empty when neither sets one.
fn pair_targets(
    ex: &fangan_targets::Extractor,
    a: &Document,
    b: &Document,
    cmp: &Comparison,
) -> Vec<Vec<TargetRow>> {
    cmp.pairs
        .iter()
        .map(|p| {
            let ta = ex.extract(&text_with_bullets(a, p.a));
            let tb = ex.extract(&text_with_bullets(b, p.b));
            target_rows(&ta, &tb)
        })
        .collect()
}
