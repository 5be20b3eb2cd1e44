//! `fangan similar`: the clauses of other plans most like one clause.

use std::process::ExitCode;

use std::io::Write;

use fangan_index::SimilarRequest;

use crate::context::Context;
use crate::render::search as render;
use crate::render::Format;

/// Flags of `fangan similar`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  fangan similar 'pingjiang-2023:二/（二）/5'
  fangan similar --text '激发民间投资活力' --limit 5 --format json")]
pub struct SimilarArgs {
    /// The clause: PLAN:PATH (e.g. `pingjiang-2023:二/（一）/1`).
    #[arg(value_name = "PLAN:PATH", required_unless_present = "text")]
    pub clause: Option<String>,
    /// Find clauses like this text instead.
    #[arg(long, conflicts_with = "clause")]
    pub text: Option<String>,
    /// Hits to show.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Smallest similarity shown (0 to 1).
    #[arg(long, default_value_t = 0.0)]
    pub min: f32,
    /// Include clauses of the same plan.
    #[arg(long)]
    pub same_plan: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

pub fn run(args: SimilarArgs, ctx: &Context) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(
        (0.0..=1.0).contains(&args.min),
        "--min is a similarity between 0 and 1"
    );
    let catalog = ctx.catalog()?;
    let index = catalog.search_index()?;
    let mut req = match (&args.clause, &args.text) {
        (_, Some(text)) => SimilarRequest::new(text.clone()),
        (Some(key), None) => {
            let (plan, path) = key.split_once(':').ok_or_else(|| {
                anyhow::anyhow!("name a clause as PLAN:PATH (like pingjiang-2023:二/（一）/1)")
            })?;
            fangan_catalog::Resolver::new(&catalog).check_plan(plan)?;
            let source = index.clause(plan, path)?;
            let mut req = SimilarRequest::new(source.text);
            if !args.same_plan {
                req.exclude_plan = Some(plan.to_string());
            }
            req
        }
        (None, None) => anyhow::bail!("name a clause PLAN:PATH or give --text"),
    };
    req.limit = args.limit;
    req.min_similarity = args.min;
    let hits = index.similar(&req)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    render::similar(&mut out, &hits, args.format, ctx.color)?;
    out.flush()?;
    Ok(ctx.exit())
}
