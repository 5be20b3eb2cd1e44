//! Renderers of `fangan leads`: text, JSON (shapes in
//! `fangan_wire::leads`) and CSV: one row per department (`rank,canonical,
//! full,kind,known,notes,lead,support,responsible,plans` with plans as
//! `ID:N` joined by spaces), per department of the cross table
//! (`canonical,<column>…,total`), per clause (`plan,path,line,heading,
//! note_type,role,name,note`), per pair (`a,b,notes,plans`) or per unknown
//! name (`canonical,kind,names,notes,plans`).

use std::io::{self, Write};

use fangan_notes::ranking::{CrossTable, DeptClause, PairRow, RankRow, RoleFilter, UnknownRow};
use fangan_wire::leads::{role_name, CrossJson, DeptJson, PairsJson, RankingJson, UnknownJson};

use crate::render::columns::{pad, width};
use crate::render::{csv_row, paint, Format, Style};

fn per_plan(r: &RankRow) -> String {
    r.per_plan
        .iter()
        .map(|(p, n)| format!("{p}:{n}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn json(out: &mut impl Write, v: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, v)?;
    writeln!(out)
}

/// The ranking of departments.
pub fn ranking(
    out: &mut impl Write,
    rows: &[RankRow],
    role: RoleFilter,
    mechanism: bool,
    plans: &[String],
    format: Format,
    color: bool,
) -> io::Result<()> {
    match format {
        Format::Json => json(
            out,
            &RankingJson {
                role: role_name(role),
                mechanism,
                plans,
                departments: rows,
            },
        ),
        Format::Csv => {
            csv_row(
                out,
                &[
                    "rank",
                    "canonical",
                    "full",
                    "kind",
                    "known",
                    "notes",
                    "lead",
                    "support",
                    "responsible",
                    "plans",
                ],
            )?;
            for (i, r) in rows.iter().enumerate() {
                csv_row(
                    out,
                    &[
                        &(i + 1).to_string(),
                        &r.canonical,
                        r.full.as_deref().unwrap_or(""),
                        r.kind.as_str(),
                        if r.known { "true" } else { "false" },
                        &r.notes.to_string(),
                        &r.lead.to_string(),
                        &r.support.to_string(),
                        &r.responsible.to_string(),
                        &per_plan(r),
                    ],
                )?;
            }
            Ok(())
        }
        Format::Table => {
            let w = rows
                .iter()
                .map(|r| width(&r.canonical) + usize::from(!r.known))
                .max()
                .unwrap_or(4)
                .max(width("department"));
            let head = format!(
                "{:>4}  {}  {:>5}  {:>4}  {:>7}  {:>4}  per plan ({} notes)",
                "rank",
                pad("department", w),
                "notes",
                "lead",
                "support",
                "resp",
                role_name(role)
            );
            writeln!(out, "{}", paint(&head, Style::Bold, color))?;
            for (i, r) in rows.iter().enumerate() {
                let name = if r.known {
                    r.canonical.clone()
                } else {
                    format!("{}?", r.canonical)
                };
                writeln!(
                    out,
                    "{:>4}  {}  {:>5}  {:>4}  {:>7}  {:>4}  {}",
                    i + 1,
                    pad(&name, w),
                    r.notes,
                    r.lead,
                    r.support,
                    r.responsible,
                    paint(&per_plan(r), Style::Dim, color)
                )?;
            }
            if rows.iter().any(|r| !r.known) {
                writeln!(
                    out,
                    "(? = not in the department table; see `fangan leads --unknown`)"
                )?;
            }
            Ok(())
        }
    }
}

/// The department × county (or plan) table.
pub fn cross(
    out: &mut impl Write,
    t: &CrossTable,
    role: RoleFilter,
    format: Format,
    color: bool,
) -> io::Result<()> {
    match format {
        Format::Json => json(
            out,
            &CrossJson {
                role: role_name(role),
                table: t,
            },
        ),
        Format::Csv => {
            let mut head = vec!["canonical"];
            head.extend(t.columns.iter().map(String::as_str));
            head.push("total");
            csv_row(out, &head)?;
            for r in &t.rows {
                let mut f: Vec<String> = vec![r.canonical.clone()];
                f.extend(r.counts.iter().map(usize::to_string));
                f.push(r.total.to_string());
                let f: Vec<&str> = f.iter().map(String::as_str).collect();
                csv_row(out, &f)?;
            }
            Ok(())
        }
        Format::Table => {
            let w = t
                .rows
                .iter()
                .map(|r| width(&r.canonical))
                .max()
                .unwrap_or(4)
                .max(width("department"));
            let cw: Vec<usize> = t.columns.iter().map(|c| width(c).max(3)).collect();
            let mut head = pad("department", w);
            for (c, cw) in t.columns.iter().zip(&cw) {
                head.push_str("  ");
                head.push_str(&" ".repeat(cw - width(c)));
                head.push_str(c);
            }
            head.push_str("  total");
            writeln!(out, "{}", paint(&head, Style::Bold, color))?;
            for r in &t.rows {
                let mut line = pad(&r.canonical, w);
                for (n, cw) in r.counts.iter().zip(&cw) {
                    let cell = if *n == 0 {
                        "·".to_string()
                    } else {
                        n.to_string()
                    };
                    line.push_str("  ");
                    line.push_str(&" ".repeat(cw.saturating_sub(width(&cell))));
                    line.push_str(&cell);
                }
                line.push_str(&format!("  {:>5}", r.total));
                writeln!(out, "{line}")?;
            }
            Ok(())
        }
    }
}

/// What `--dept` found.
pub struct DeptView<'a> {
    /// The name as asked.
    pub asked: &'a str,
    /// What it folds to.
    pub canonical: &'a str,
    /// The clauses shown.
    pub clauses: &'a [DeptClause],
    /// How many clauses there are in all.
    pub total: usize,
}

/// The clauses whose notes name one department.
pub fn dept(
    out: &mut impl Write,
    view: &DeptView,
    role: RoleFilter,
    format: Format,
    color: bool,
) -> io::Result<()> {
    let DeptView {
        asked,
        canonical,
        clauses,
        total,
    } = *view;
    match format {
        Format::Json => json(
            out,
            &DeptJson {
                dept: asked,
                canonical,
                role: role_name(role),
                clauses,
            },
        ),
        Format::Csv => {
            csv_row(
                out,
                &[
                    "plan",
                    "path",
                    "line",
                    "heading",
                    "note_type",
                    "role",
                    "name",
                    "note",
                ],
            )?;
            for c in clauses {
                csv_row(
                    out,
                    &[
                        &c.plan,
                        &c.path,
                        &c.line.to_string(),
                        &c.heading,
                        c.note_type.as_str(),
                        c.role.as_str(),
                        &c.name,
                        &c.note,
                    ],
                )?;
            }
            Ok(())
        }
        Format::Table => {
            let shown = if total > clauses.len() {
                format!(" ({} shown)", clauses.len())
            } else {
                String::new()
            };
            let head = format!("{canonical}: {total} notes as {}{shown}", role_name(role));
            writeln!(out, "{}", paint(&head, Style::Bold, color))?;
            for c in clauses {
                let at = format!("{}:{}", c.plan, c.path);
                writeln!(
                    out,
                    "{}  {}  {}",
                    paint(&at, Style::Path, color),
                    if c.heading.is_empty() {
                        "—"
                    } else {
                        &c.heading
                    },
                    paint(
                        &format!("[{} as {}]", c.role.as_str(), c.name),
                        Style::Dim,
                        color
                    )
                )?;
            }
            Ok(())
        }
    }
}

/// Departments that share notes.
pub fn pairs(
    out: &mut impl Write,
    rows: &[PairRow],
    role: RoleFilter,
    format: Format,
    color: bool,
) -> io::Result<()> {
    let plans = |r: &PairRow| r.plans.iter().cloned().collect::<Vec<_>>().join(" ");
    match format {
        Format::Json => json(
            out,
            &PairsJson {
                role: role_name(role),
                pairs: rows,
            },
        ),
        Format::Csv => {
            csv_row(out, &["a", "b", "notes", "plans"])?;
            for r in rows {
                csv_row(out, &[&r.a, &r.b, &r.notes.to_string(), &plans(r)])?;
            }
            Ok(())
        }
        Format::Table => {
            let wa = rows.iter().map(|r| width(&r.a)).max().unwrap_or(1).max(1);
            let wb = rows.iter().map(|r| width(&r.b)).max().unwrap_or(1).max(1);
            let head = format!("{}  {}  {:>5}  plans", pad("a", wa), pad("b", wb), "notes");
            writeln!(out, "{}", paint(&head, Style::Bold, color))?;
            for r in rows {
                writeln!(
                    out,
                    "{}  {}  {:>5}  {}",
                    pad(&r.a, wa),
                    pad(&r.b, wb),
                    r.notes,
                    paint(&plans(r), Style::Dim, color)
                )?;
            }
            Ok(())
        }
    }
}

/// Names the department table does not know.
pub fn unknown(
    out: &mut impl Write,
    rows: &[UnknownRow],
    format: Format,
    color: bool,
) -> io::Result<()> {
    let join = |v: &mut dyn Iterator<Item = &String>| v.cloned().collect::<Vec<_>>().join(" ");
    match format {
        Format::Json => json(out, &UnknownJson { unknown: rows }),
        Format::Csv => {
            csv_row(out, &["canonical", "kind", "names", "notes", "plans"])?;
            for r in rows {
                csv_row(
                    out,
                    &[
                        &r.canonical,
                        r.kind.as_str(),
                        &join(&mut r.names.iter()),
                        &r.notes.to_string(),
                        &join(&mut r.plans.iter()),
                    ],
                )?;
            }
            Ok(())
        }
        Format::Table => {
            let w = rows
                .iter()
                .map(|r| width(&r.canonical))
                .max()
                .unwrap_or(4)
                .max(width("name"));
            let head = format!(
                "{}  {:<11}  {:>5}  written as / plans",
                pad("name", w),
                "kind",
                "notes"
            );
            writeln!(out, "{}", paint(&head, Style::Bold, color))?;
            for r in rows {
                writeln!(
                    out,
                    "{}  {:<11}  {:>5}  {}  {}",
                    pad(&r.canonical, w),
                    r.kind.as_str(),
                    r.notes,
                    join(&mut r.names.iter()),
                    paint(&join(&mut r.plans.iter()), Style::Dim, color)
                )?;
            }
            if !rows.is_empty() {
                writeln!(
                    out,
                    "(fold them with an alias table: `fangan ingest --aliases FILE`; shape: crates/notes/data/departments.toml)"
                )?;
            }
            Ok(())
        }
    }
}
