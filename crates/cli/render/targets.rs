//! Output of `fangan targets`: the target list (table, JSON, CSV) and the
//! headline pivot (`--table`: indicators × plans).
//!
//! JSON of the list, one object per target (stable shape, read by
//! `score.py targets`):
//! `[{"plan", "county", "path", "line", "headline", "section", "indicator",
//! "canonical", "value", "value_max", "unit", "kind", "qualifier",
//! "qualifiers", "placeholder", "text", "source": [start, end]}]` where
//! `value` is null for a placeholder (`x%`), `qualifier` is the folded
//! qualifiers joined by `+` (`none` when none), `text` is the source snippet,
//! `line` the 1-based line of the original file the snippet starts on, and
//! `source` its byte range in that file.
//!
//! JSON of the pivot: `{"plans": [ID], "rows": [{"canonical", "kind",
//! "cells": {ID: [{"value", "value_max", "unit", "qualifier", "display",
//! "text"}]}}]}`.

use std::io::Write;

use fangan_targets::{Pivot, Target};
use serde::Serialize;

use super::columns::{pad, width};
use super::{csv_row, paint, Style};

/// A target with the plan and clause it was found in.
#[derive(Clone, Debug)]
pub struct Row<'a> {
    /// Plan id.
    pub plan: &'a str,
    /// County of the plan, when known.
    pub county: Option<&'a str>,
    /// Clause path.
    pub path: &'a str,
    /// 1-based line of the snippet in the original file.
    pub line: usize,
    /// Found in an objectives section.
    pub headline: bool,
    /// The clause's section kind (`objectives`, `tasks` …).
    pub section: &'static str,
    /// Byte range of the snippet in the original file.
    pub source: (usize, usize),
    /// The target.
    pub target: &'a Target,
}

#[derive(Serialize)]
struct RowJson<'a> {
    plan: &'a str,
    county: Option<&'a str>,
    path: &'a str,
    line: usize,
    headline: bool,
    section: &'static str,
    indicator: &'a str,
    canonical: &'a str,
    value: Option<f64>,
    value_max: Option<f64>,
    unit: &'a str,
    kind: &'static str,
    qualifier: String,
    qualifiers: &'a [String],
    placeholder: bool,
    text: &'a str,
    source: [usize; 2],
}

fn value(t: &Target) -> Option<f64> {
    (!t.placeholder).then_some(t.value)
}

/// Writes the list as JSON.
pub fn json(out: &mut impl Write, rows: &[Row]) -> std::io::Result<()> {
    let items: Vec<RowJson> = rows
        .iter()
        .map(|r| RowJson {
            plan: r.plan,
            county: r.county,
            path: r.path,
            line: r.line,
            headline: r.headline,
            section: r.section,
            indicator: &r.target.indicator,
            canonical: &r.target.canonical,
            value: value(r.target),
            value_max: r.target.value_max,
            unit: &r.target.unit,
            kind: r.target.kind.as_str(),
            qualifier: r.target.qualifier(),
            qualifiers: &r.target.qualifiers,
            placeholder: r.target.placeholder,
            text: &r.target.snippet,
            source: [r.source.0, r.source.1],
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &items)?;
    writeln!(out)
}

/// Writes the list as CSV with a header row.
pub fn csv(out: &mut impl Write, rows: &[Row]) -> std::io::Result<()> {
    csv_row(
        out,
        &[
            "plan",
            "path",
            "line",
            "headline",
            "indicator",
            "canonical",
            "value",
            "value_max",
            "unit",
            "kind",
            "qualifier",
            "text",
        ],
    )?;
    for r in rows {
        let t = r.target;
        csv_row(
            out,
            &[
                r.plan,
                r.path,
                &r.line.to_string(),
                if r.headline { "true" } else { "false" },
                &t.indicator,
                &t.canonical,
                &value(t).map(|v| v.to_string()).unwrap_or_default(),
                &t.value_max.map(|v| v.to_string()).unwrap_or_default(),
                &t.unit,
                t.kind.as_str(),
                &t.qualifier(),
                &t.snippet,
            ],
        )?;
    }
    Ok(())
}

/// Writes the list as an aligned terminal table, grouped by plan.
pub fn table(out: &mut impl Write, rows: &[Row], color: bool) -> std::io::Result<()> {
    let mut plan = None;
    for r in rows {
        if plan != Some(r.plan) {
            if plan.is_some() {
                writeln!(out)?;
            }
            writeln!(out, "{}", paint(r.plan, Style::Bold, color))?;
            plan = Some(r.plan);
        }
        let mark = if r.headline { "*" } else { " " };
        let place = format!("{}:{}", r.path, r.line);
        writeln!(
            out,
            "{mark} {}  {}  {}",
            paint(&pad(&place, 22), Style::Path, color),
            pad(&r.target.canonical, 30),
            paint(&r.target.display(), Style::Match, color),
        )?;
    }
    if rows.is_empty() {
        writeln!(out, "no targets")?;
    }
    Ok(())
}

/// Writes the pivot as an aligned terminal table.
pub fn pivot_table(out: &mut impl Write, pivot: &Pivot, color: bool) -> std::io::Result<()> {
    let cells: Vec<Vec<String>> = pivot
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| cell(c)).collect())
        .collect();
    let first = pivot
        .rows
        .iter()
        .map(|r| width(&r.canonical))
        .max()
        .unwrap_or(0)
        .max(width("indicator"));
    let widths: Vec<usize> = pivot
        .plans
        .iter()
        .enumerate()
        .map(|(i, p)| {
            cells
                .iter()
                .map(|r| width(&r[i]))
                .max()
                .unwrap_or(0)
                .max(width(p))
        })
        .collect();
    let mut head = pad("indicator", first);
    for (p, w) in pivot.plans.iter().zip(&widths) {
        head.push_str("  ");
        head.push_str(&pad(p, *w));
    }
    writeln!(out, "{}", paint(head.trim_end(), Style::Bold, color))?;
    for (row, texts) in pivot.rows.iter().zip(&cells) {
        let mut line = pad(&row.canonical, first);
        for (t, w) in texts.iter().zip(&widths) {
            line.push_str("  ");
            line.push_str(&pad(t, *w));
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// Writes the pivot as CSV: `indicator,kind,PLAN…`.
pub fn pivot_csv(out: &mut impl Write, pivot: &Pivot) -> std::io::Result<()> {
    let mut head = vec!["indicator", "kind"];
    head.extend(pivot.plans.iter().map(String::as_str));
    csv_row(out, &head)?;
    for r in &pivot.rows {
        let texts: Vec<String> = r.cells.iter().map(|c| cell(c)).collect();
        let mut fields = vec![r.canonical.as_str(), r.kind.as_str()];
        fields.extend(texts.iter().map(String::as_str));
        csv_row(out, &fields)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct PivotJson<'a> {
    plans: &'a [String],
    rows: Vec<PivotRowJson<'a>>,
}

#[derive(Serialize)]
struct PivotRowJson<'a> {
    canonical: &'a str,
    kind: &'static str,
    cells: std::collections::BTreeMap<&'a str, Vec<CellJson<'a>>>,
}

#[derive(Serialize)]
struct CellJson<'a> {
    value: Option<f64>,
    value_max: Option<f64>,
    unit: &'a str,
    qualifier: String,
    display: String,
    text: &'a str,
}

/// Writes the pivot as JSON.
pub fn pivot_json(out: &mut impl Write, pivot: &Pivot) -> std::io::Result<()> {
    let rows = pivot
        .rows
        .iter()
        .map(|r| PivotRowJson {
            canonical: &r.canonical,
            kind: r.kind.as_str(),
            cells: pivot
                .plans
                .iter()
                .zip(&r.cells)
                .filter(|(_, c)| !c.is_empty())
                .map(|(p, c)| {
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
    serde_json::to_writer_pretty(
        &mut *out,
        &PivotJson {
            plans: &pivot.plans,
            rows,
        },
    )?;
    writeln!(out)
}

/// A pivot cell: the plan's targets for one indicator, `-` when none.
fn cell(targets: &[Target]) -> String {
    if targets.is_empty() {
        return "-".to_string();
    }
    let mut shown: Vec<String> = Vec::new();
    for t in targets {
        let d = t.display();
        if !shown.contains(&d) {
            shown.push(d);
        }
    }
    shown.join(" / ")
}
