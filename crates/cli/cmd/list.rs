//! `fangan list`: the plans of the corpus, one line each.

use std::io::Write;
use std::process::ExitCode;

use fangan_wire::plan::{ListRow, PlanJson};

use crate::context::Context;
use crate::render::{json, Format, Table};

/// Flags of `fangan list`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  fangan list
  fangan --index ~/plans-index list --format csv > plans.csv")]
pub struct ListArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

pub fn run(args: ListArgs, ctx: &Context) -> anyhow::Result<ExitCode> {
    let catalog = ctx.catalog()?;
    let entries: Vec<_> = catalog.plans().collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        Format::Json => {
            let rows: Vec<ListRow> = entries
                .iter()
                .map(|e| ListRow {
                    plan: PlanJson::of_entry(e),
                    rel: &e.rel,
                })
                .collect();
            json(&mut out, &rows)?;
        }
        Format::Csv | Format::Table => {
            let table_mark = args.format == Format::Table;
            let mut t = Table::new(&[
                "id", "county", "level", "year", "clauses", "title", "inferred",
            ])
            .right(&[4]);
            for e in &entries {
                let m = &e.meta;
                let inferred = |field: &str| m.inferred.iter().any(|i| i.field == field);
                // on a terminal, `?` marks a value inferred from the text
                let mark = |field: &str, v: Option<String>| -> String {
                    let v = v.unwrap_or_default();
                    if table_mark && inferred(field) && !v.is_empty() {
                        format!("{v}?")
                    } else {
                        v
                    }
                };
                t.row(vec![
                    m.id.clone(),
                    mark("county", m.county.clone()),
                    mark("level", m.level.clone()),
                    mark("year", m.year.map(|y| y.to_string())),
                    e.clauses.to_string(),
                    mark("title", m.title.clone()),
                    m.inferred
                        .iter()
                        .map(|i| i.field.as_str())
                        .collect::<Vec<_>>()
                        .join("+"),
                ]);
            }
            if table_mark {
                t.write(&mut out, ctx.color)?;
                if entries.iter().any(|e| !e.meta.inferred.is_empty()) {
                    writeln!(
                        out,
                        "(? = inferred from the text; `fangan show ID --format json` gives the evidence)"
                    )?;
                }
            } else {
                t.write_csv(&mut out)?;
            }
        }
    }
    out.flush()?;
    Ok(ctx.exit())
}
