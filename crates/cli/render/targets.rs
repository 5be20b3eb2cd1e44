//! Output of `fangan targets`: the target list (text, JSON, CSV) and the
//! headline pivot (`--table`: indicators × plans). JSON shapes are in
//! `fangan_wire::targets`.

use std::io::Write;

use fangan_catalog::TargetAt;
use fangan_targets::{Pivot, Target};
use fangan_wire::targets::{value, TargetJson};

use super::columns::pad;
use super::{paint, Style, Table};

/// A target with the plan it was found in.
#[derive(Clone, Debug)]
pub struct Row<'a> {
    /// Plan id.
    pub plan: &'a str,
    /// County of the plan, when known.
    pub county: Option<&'a str>,
    /// The target and its clause.
    pub at: &'a TargetAt,
}

/// Writes the list as JSON.
pub fn json(out: &mut impl Write, rows: &[Row]) -> anyhow::Result<()> {
    let items: Vec<TargetJson> = rows
        .iter()
        .map(|r| TargetJson::new(r.plan, r.county, r.at))
        .collect();
    super::json(out, &items)
}

/// Writes the list as CSV with a header row.
pub fn csv(out: &mut impl Write, rows: &[Row]) -> std::io::Result<()> {
    let mut t = Table::new(&[
        "plan",
        "county",
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
    ]);
    for r in rows {
        let x = &r.at.found.target;
        t.row(vec![
            r.plan.to_string(),
            r.county.unwrap_or("").to_string(),
            r.at.path.clone(),
            r.at.found.line.to_string(),
            r.at.found.headline.to_string(),
            x.indicator.clone(),
            x.canonical.clone(),
            value(x).map(|v| v.to_string()).unwrap_or_default(),
            x.value_max.map(|v| v.to_string()).unwrap_or_default(),
            x.unit.clone(),
            x.kind.as_str().to_string(),
            x.qualifier(),
            x.snippet.clone(),
        ]);
    }
    t.write_csv(out)
}

/// Writes the list for a terminal, grouped by plan (`*` marks headline
/// targets).
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
        let mark = if r.at.found.headline { "*" } else { " " };
        let place = format!("{}:{}", r.at.path, r.at.found.line);
        writeln!(
            out,
            "{mark} {}  {}  {}",
            paint(&pad(&place, 22), Style::Path, color),
            pad(&r.at.found.target.canonical, 30),
            paint(&r.at.found.target.display(), Style::Match, color),
        )?;
    }
    if rows.is_empty() {
        writeln!(out, "no targets")?;
    }
    Ok(())
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

fn pivot_rows(pivot: &Pivot) -> Table {
    let mut head = vec!["indicator"];
    head.extend(pivot.plans.iter().map(String::as_str));
    let mut t = Table::new(&head);
    for r in &pivot.rows {
        let mut cells = vec![r.canonical.clone()];
        cells.extend((0..pivot.plans.len()).map(|i| cell(r.cell(i))));
        t.row(cells);
    }
    t
}

/// Writes the pivot for a terminal.
pub fn pivot_table(out: &mut impl Write, pivot: &Pivot, color: bool) -> std::io::Result<()> {
    pivot_rows(pivot).write(out, color)
}

/// Writes the pivot as CSV: `indicator,PLAN…`.
/// Writes the pivot as CSV, row by row (a pivot of 30,000 plans is never
/// all in memory as text).
pub fn pivot_csv(out: &mut impl Write, pivot: &Pivot) -> std::io::Result<()> {
    let mut head = vec!["indicator"];
    head.extend(pivot.plans.iter().map(String::as_str));
    crate::render::csv_row(out, &head)?;
    for r in &pivot.rows {
        let cells: Vec<String> = (0..pivot.plans.len()).map(|i| cell(r.cell(i))).collect();
        let mut row = vec![r.canonical.as_str()];
        row.extend(cells.iter().map(String::as_str));
        crate::render::csv_row(out, &row)?;
    }
    Ok(())
}
