//! `fangan reuse`: which plans share text, who copied whom, and how much of
//! each plan came from elsewhere.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use fangan_catalog::Selection;
use fangan_reuse::{PlanInfo, Reuse};
use fangan_wire::reuse::ReuseJson;

use crate::context::Context;
use crate::render::Table;
use crate::render::{json, Format};

/// Flags of `fangan reuse`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "A pair goes from the plan that came first to the one that reused its
text, when a citation, the dates, the years or the levels say which came first.
Wording many plans share (boilerplate) is left out unless --boilerplate.

Examples:
  fangan reuse
  fangan reuse --plan pingjiang-2023 --plan yueyanglou-2023 --format json
  fangan reuse --graph reuse.graphml        # for Gephi or Cytoscape"
)]
pub struct ReuseArgs {
    /// Only these plans (ids); repeat for several.
    #[arg(long, value_name = "ID")]
    pub plan: Vec<String>,
    /// Only plans of this county or district.
    #[arg(long)]
    pub county: Option<String>,
    /// Only plans of this province.
    #[arg(long)]
    pub province: Option<String>,
    /// Only plans of this year.
    #[arg(long)]
    pub year: Option<u16>,
    /// Smallest passage, in characters.
    #[arg(long, value_name = "N", default_value_t = 30)]
    pub min_chars: usize,
    /// Show pairs that share boilerplate only, and boilerplate passages.
    #[arg(long)]
    pub boilerplate: bool,
    /// Also write the graph of plans (GraphML, or GEXF for a `.gexf` name).
    #[arg(long, value_name = "FILE")]
    pub graph: Option<PathBuf>,
    /// At most this many pairs in the table.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

pub fn run(args: ReuseArgs, ctx: &Context) -> anyhow::Result<ExitCode> {
    let catalog = ctx.catalog()?;
    let entries = catalog.select(&Selection {
        county: args.county.clone(),
        province: args.province.clone(),
        years: args.year.map(|y| (y, y)),
        plans: args.plan.clone(),
        ..Selection::default()
    })?;
    anyhow::ensure!(
        entries.len() >= 2,
        "reuse compares plans: {} selected, name at least two",
        entries.len()
    );
    let docs = catalog.documents(&entries)?;
    let infos: Vec<PlanInfo> = docs.iter().map(|d| PlanInfo::from_meta(&d.meta)).collect();
    let reuse = Reuse::builder().min_passage_chars(args.min_chars).build()?;
    let report = reuse.run(&docs, infos)?;
    if let Some(path) = &args.graph {
        let file = std::fs::File::create(path).with_context(|| format!("{}", path.display()))?;
        let mut w = std::io::BufWriter::new(file);
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("gexf"))
        {
            fangan_reuse::graph::write_gexf(&report, &mut w)?;
        } else {
            fangan_reuse::graph::write_graphml(&report, &mut w)?;
        }
        w.flush()?;
    }
    let answer = ReuseJson::new(&report, &docs, args.boilerplate);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        Format::Json => json(&mut out, &answer)?,
        Format::Table | Format::Csv => {
            let mut t = Table::new(&["source", "target", "shared", "share", "passages", "why"]);
            for p in answer.pairs.iter().take(if args.format == Format::Csv {
                usize::MAX
            } else {
                args.limit
            }) {
                t.row(vec![
                    p.source.to_string(),
                    format!("{}{}", if p.directed { "→ " } else { "— " }, p.target),
                    p.shared_chars.to_string(),
                    format!("{:.0}%", p.share * 100.0),
                    p.passages.len().to_string(),
                    p.evidence.first().cloned().unwrap_or_default(),
                ]);
            }
            if args.format == Format::Csv {
                t.write_csv(&mut out)?;
            } else {
                t.write(&mut out, ctx.color)?;
                if answer.pairs.is_empty() {
                    writeln!(
                        out,
                        "no shared text between the {} plans",
                        answer.plans.len()
                    )?;
                }
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
