//! `fangan targets`: the numeric targets of every plan, filtered, or the
//! headline indicators pivoted against plans (`--table`). Read from what
//! ingest stored: nothing is parsed again.

use std::io::Write;
use std::process::ExitCode;

use fangan_catalog::{PlanEntry, TargetAt};
use fangan_model::fold::fold_str;
use fangan_targets::{ClauseTarget, Pivot};

use crate::cmd::choice::PlanChoice;
use crate::context::Context;
use crate::render::targets as render;
use crate::render::Format;

/// Flags of `fangan targets`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  fangan targets --plan pingjiang-2023
  fangan targets --headline --table           # headline indicators × plans
  fangan targets --indicator 固定资产投资 --format csv")]
pub struct TargetsArgs {
    #[command(flatten)]
    pub choice: PlanChoice,
    /// Only targets whose indicator or canonical name contains TEXT
    /// (`固定资产投资`, `增速`).
    #[arg(long, value_name = "TEXT")]
    pub indicator: Option<String>,
    /// Only headline targets (those of objectives sections).
    #[arg(long)]
    pub headline: bool,
    /// Pivot the headline indicators against the plans (one column per plan).
    #[arg(long)]
    pub table: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

impl TargetsArgs {
    fn keeps(&self, t: &TargetAt) -> bool {
        let headline_ok = !(self.headline || self.table) || t.found.headline;
        let indicator_ok = match &self.indicator {
            None => true,
            Some(q) => {
                let q = fold_str(q);
                fold_str(&t.found.target.indicator).contains(&q)
                    || fold_str(&t.found.target.canonical).contains(&q)
            }
        };
        headline_ok && indicator_ok
    }
}

pub fn run(args: TargetsArgs, ctx: &Context) -> anyhow::Result<ExitCode> {
    let catalog = ctx.catalog()?;
    let entries = catalog.select(&args.choice.selection())?;
    let headline = args.headline || args.table;
    let found: Vec<(&PlanEntry, Vec<TargetAt>)> =
        catalog.map_targets(&entries, headline, |e, ts| {
            (e, ts.into_iter().filter(|t| args.keeps(t)).collect())
        })?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.table {
        let by_plan: Vec<(String, Vec<ClauseTarget>)> = found
            .into_iter()
            .map(|(e, ts)| (e.meta.id.clone(), ts.into_iter().map(|t| t.found).collect()))
            .collect();
        let pivot = Pivot::new(&by_plan);
        match args.format {
            Format::Table => render::pivot_table(&mut out, &pivot, ctx.color)?,
            Format::Json => {
                crate::render::json(&mut out, &fangan_wire::targets::PivotJson::new(&pivot))?
            }
            Format::Csv => render::pivot_csv(&mut out, &pivot)?,
        }
    } else {
        let rows: Vec<render::Row> = found
            .iter()
            .flat_map(|(e, ts)| {
                ts.iter().map(move |t| render::Row {
                    plan: &e.meta.id,
                    county: e.meta.county.as_deref(),
                    at: t,
                })
            })
            .collect();
        match args.format {
            Format::Table => render::table(&mut out, &rows, ctx.color)?,
            Format::Json => render::json(&mut out, &rows)?,
            Format::Csv => render::csv(&mut out, &rows)?,
        }
    }
    out.flush()?;
    Ok(ctx.exit())
}
