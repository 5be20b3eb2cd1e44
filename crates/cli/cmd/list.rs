//! `fangan list`: the plans known, one line each.

use std::io::Write;
use std::process::ExitCode;

use fangan_model::PlanMeta;
use serde::Serialize;

use crate::options::Context;
use crate::render::{csv_row, Format};

/// Flags of `fangan list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    meta: &'a PlanMeta,
    clauses: usize,
    path: Option<String>,
}

pub fn run(args: ListArgs, ctx: &Context) -> anyhow::Result<ExitCode> {
    let corpus = ctx.load_corpus()?;
    let rows: Vec<Row> = corpus
        .documents
        .iter()
        .map(|d| Row {
            meta: &d.meta,
            clauses: d.clauses.len(),
            path: d.source.path.as_ref().map(|p| p.display().to_string()),
        })
        .collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &rows)?;
            writeln!(out)?;
        }
        Format::Csv => {
            csv_row(
                &mut out,
                &[
                    "id", "county", "level", "year", "title", "clauses", "inferred",
                ],
            )?;
            for r in &rows {
                let m = r.meta;
                let inferred: Vec<&str> = m.inferred.iter().map(|i| i.field.as_str()).collect();
                csv_row(
                    &mut out,
                    &[
                        &m.id,
                        m.county.as_deref().unwrap_or(""),
                        m.level.as_deref().unwrap_or(""),
                        &m.year.map(|y| y.to_string()).unwrap_or_default(),
                        m.title.as_deref().unwrap_or(""),
                        &r.clauses.to_string(),
                        &inferred.join("+"),
                    ],
                )?;
            }
        }
        Format::Table => {
            for r in &rows {
                let m = r.meta;
                let mark = |field: &str, v: String| {
                    if m.inferred.iter().any(|i| i.field == field) {
                        format!("{v}?")
                    } else {
                        v
                    }
                };
                writeln!(
                    out,
                    "{:<20} {:<8} {:<3} {:<5} {:>4}  {}",
                    m.id,
                    mark("county", m.county.clone().unwrap_or_else(|| "?".into())),
                    mark("level", m.level.clone().unwrap_or_else(|| "?".into())),
                    mark("year", m.year.map_or("?".into(), |y| y.to_string())),
                    r.clauses,
                    mark("title", m.title.clone().unwrap_or_else(|| "?".into())),
                )?;
            }
            if rows.iter().any(|r| !r.meta.inferred.is_empty()) {
                writeln!(out, "(? = inferred from the text; `fangan show ID --format json` gives the evidence)")?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::from(if corpus.refused.is_empty() {
        0
    } else {
        1
    }))
}
