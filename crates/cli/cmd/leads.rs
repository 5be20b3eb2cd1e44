//! `fangan leads`: which departments the plans make responsible, ranked and
//! compared across counties. Glue over `fangan_notes::tally` (plans
//! folded as they are read) and `fangan_notes::ranking`.

use std::io::Write;
use std::process::ExitCode;

use fangan_notes::ranking::{self, By, RoleFilter};
use fangan_notes::tally::Count;

use crate::cmd::choice::PlanChoice;
use crate::context::Context;
use crate::render::leads as render;
use crate::render::Format;

/// Flags of `fangan leads`.
///
/// Counts notes: a department named twice in one note counts once; generic
/// phrases (相关部门) never count. Names are folded with the department
/// table (县发改局 = 发改局 = 发展和改革局) and the alias tables given to
/// `fangan ingest --aliases`; names it does not know are kept as written
/// (level stripped) and listed by --unknown.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  fangan leads                            # 发改局 first, then 商务粮食局 …
  fangan leads --role support --limit 20
  fangan leads --by county --format csv   # department × county table
  fangan leads --dept 发改局              # the clauses it leads
  fangan leads --pairs                    # departments that share notes
  fangan leads --unknown                  # names the department table does not know")]
#[command(group(clap::ArgGroup::new("mode").args(["by", "dept", "pairs", "unknown"])))]
pub struct LeadsArgs {
    /// Which role counts (default: lead; any for --pairs).
    #[arg(long, value_enum)]
    pub role: Option<RoleArg>,
    /// Department × county (or plan) table instead of the ranking.
    #[arg(long, value_enum, value_name = "COLUMNS")]
    pub by: Option<ByArg>,
    /// The clauses whose notes name this department (any written form).
    #[arg(long, value_name = "NAME")]
    pub dept: Option<String>,
    /// The departments that most often share a note (co-responsibility).
    #[arg(long)]
    pub pairs: bool,
    /// The names the department table does not know.
    #[arg(long)]
    pub unknown: bool,
    /// Also count the 推进机制 / 组织实施 sentences (召集人, office host as
    /// lead; 成员单位 as support).
    #[arg(long)]
    pub mechanism: bool,
    #[command(flatten)]
    pub choice: PlanChoice,
    /// At most this many rows.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// Roles of `--role`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum RoleArg {
    /// Named before 牵头 or after 牵头单位.
    Lead,
    /// Named after a lead (负责, 责任单位, 配合).
    Support,
    /// Named with 负责 where no lead is named.
    Responsible,
    /// Any role.
    Any,
}

/// Columns of `--by`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ByArg {
    /// One column per county or district.
    County,
    /// One column per plan.
    Plan,
}

impl LeadsArgs {
    fn role(&self) -> RoleFilter {
        match self.role {
            Some(RoleArg::Lead) => RoleFilter::Lead,
            Some(RoleArg::Support) => RoleFilter::Support,
            Some(RoleArg::Responsible) => RoleFilter::Responsible,
            Some(RoleArg::Any) => RoleFilter::Any,
            None if self.pairs => RoleFilter::Any,
            None => RoleFilter::Lead,
        }
    }
}

fn limited<T>(rows: &[T], limit: Option<usize>) -> &[T] {
    &rows[..limit.unwrap_or(rows.len()).min(rows.len())]
}

pub fn run(args: LeadsArgs, ctx: &Context) -> anyhow::Result<ExitCode> {
    let catalog = ctx.catalog()?;
    let entries = catalog.select(&args.choice.selection())?;
    let deps = catalog.note_reader()?.departments();
    let role = args.role();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let color = ctx.color;
    let count = |c: Count| catalog.tally(&entries, args.mechanism, c, role);
    if let Some(by) = args.by {
        let by = match by {
            ByArg::County => By::County,
            ByArg::Plan => By::Plan,
        };
        let mut t = count(Count::Cross(by))?.cross(deps);
        t.rows.truncate(args.limit.unwrap_or(usize::MAX));
        render::cross(&mut out, &t, role, args.format, color)?;
    } else if let Some(name) = &args.dept {
        let canonical = deps.resolve(name).canonical;
        let notes = catalog.notes_naming(&entries, args.mechanism, &canonical)?;
        let clauses = ranking::clauses_of(&notes, deps, name, role);
        let total = clauses.len();
        let clauses = limited(&clauses, args.limit);
        let view = render::DeptView {
            asked: name,
            canonical: &canonical,
            clauses,
            total,
        };
        render::dept(&mut out, &view, role, args.format, color)?;
    } else if args.pairs {
        let rows = count(Count::Pairs)?.pairs();
        render::pairs(
            &mut out,
            limited(&rows, args.limit),
            role,
            args.format,
            color,
        )?;
    } else if args.unknown {
        let rows = catalog
            .tally(&entries, args.mechanism, Count::Unknown, RoleFilter::Any)?
            .unknown();
        render::unknown(&mut out, limited(&rows, args.limit), args.format, color)?;
    } else {
        let rows = count(Count::Rank)?.rank(deps);
        let plans: Vec<String> = entries.iter().map(|e| e.meta.id.clone()).collect();
        render::ranking(
            &mut out,
            limited(&rows, args.limit),
            role,
            args.mechanism,
            &plans,
            args.format,
            color,
        )?;
    }
    out.flush()?;
    Ok(ctx.exit())
}
