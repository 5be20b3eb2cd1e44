//! `fangan search`: phrase and word search over every plan.

use std::io::Write;
use std::process::ExitCode;

use fangan_index::{Filter, FilterField, GroupBy, SearchRequest};

use crate::context::Context;
use crate::render::search as render;
use crate::render::Format;

/// The query language, shown by `fangan search --help`.
const QUERY_HELP: &str = "\
Query language:
  专项债 发行             bare words: each must occur; ranked by BM25 on jieba words,
                          higher where they occur together as written
  '\"以旧换新\"'            a quoted phrase: exact match (full/half width, traditional
                          characters and white space folded)
  A AND B, A B            both;  A OR B  either;  NOT A, -A  without;  ( )  groups
  county:平江 city:岳阳 year:2023 year:2023..2025 level:县 plan:ID
  section:附件1 kind:tasks lead:发改局 support:财政局 dept:住建局   filters (also as --county, --year, ...)

A filter naming no plan, place, year or department of the corpus is an error that
lists the closest known values.

Exit status: 0 with hits, 1 without, 2 on errors (a malformed query says where).

Examples:
  fangan search '\"以旧换新\"'
  fangan search 专项债 --county 平江 --limit 5
  fangan search '\"专项债\"' --count --by year
  fangan search '招商 AND lead:商务粮食局' --format json";

/// Flags of `fangan search`.
#[derive(Debug, clap::Args)]
#[command(after_help = QUERY_HELP)]
pub struct SearchArgs {
    /// The query (several arguments are joined by spaces; put a query that
    /// starts with `-` after `--`).
    #[arg(value_name = "QUERY", required = true)]
    pub query: Vec<String>,
    /// Hits to show.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Hits to skip.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Print clause and occurrence counts instead of hits.
    #[arg(long)]
    pub count: bool,
    /// Count per plan, county or year (implies --count).
    #[arg(long, value_enum, value_name = "GROUP")]
    pub by: Option<By>,
    /// Only plans of this county or district (平江 or 平江县).
    #[arg(long)]
    pub county: Option<String>,
    /// Only plans of this prefecture-level city.
    #[arg(long)]
    pub city: Option<String>,
    /// Only plans of this year, or FROM..TO.
    #[arg(long)]
    pub year: Option<String>,
    /// Only plans of this level (县, 区, 市).
    #[arg(long)]
    pub level: Option<String>,
    /// Only this plan (id).
    #[arg(long)]
    pub plan: Option<String>,
    /// Only clauses under this path (附件1, 二, 附件1/二): the same as
    /// `section:` in the query.
    #[arg(long, value_name = "PATH")]
    pub section: Option<String>,
    /// Only clauses of this kind (objectives, tasks, mechanism, other).
    #[arg(long)]
    pub kind: Option<String>,
    /// Only clauses whose notes name this lead department.
    #[arg(long)]
    pub lead: Option<String>,
    /// Only clauses whose notes name this supporting department.
    #[arg(long)]
    pub support: Option<String>,
    /// Only clauses whose notes name this department, in any role.
    #[arg(long)]
    pub dept: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// Groups of `--by`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    /// Per plan.
    Plan,
    /// Per county.
    County,
    /// Per year.
    Year,
}

impl SearchArgs {
    /// The validated request.
    fn request(&self) -> anyhow::Result<SearchRequest> {
        let mut req = SearchRequest::parse(&self.query.join(" "))?;
        req.limit(self.limit).offset(self.offset);
        for (field, value) in [
            (FilterField::County, &self.county),
            (FilterField::City, &self.city),
            (FilterField::Year, &self.year),
            (FilterField::Level, &self.level),
            (FilterField::Plan, &self.plan),
            (FilterField::Section, &self.section),
            (FilterField::Kind, &self.kind),
            (FilterField::Lead, &self.lead),
            (FilterField::Support, &self.support),
            (FilterField::Dept, &self.dept),
        ] {
            if let Some(v) = value {
                req.filter(Filter::new(field, v)?);
            }
        }
        Ok(req)
    }
}

pub fn run(args: SearchArgs, ctx: &Context) -> anyhow::Result<ExitCode> {
    let req = args.request()?;
    let catalog = ctx.catalog()?;
    catalog.check_filters(&req)?;
    let index = catalog.search_index()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.count || args.by.is_some() {
        let by = args.by.map(|b| match b {
            By::Plan => GroupBy::Plan,
            By::County => GroupBy::County,
            By::Year => GroupBy::Year,
        });
        let counts = index.count(&req, by)?;
        render::counts(&mut out, &counts, args.format, ctx.color)?;
        out.flush()?;
        return Ok(ctx.exit());
    }
    let results = index.search(&req)?;
    render::results(&mut out, &results, &req, args.format, ctx.color)?;
    out.flush()?;
    Ok(if results.total == 0 {
        ExitCode::from(1)
    } else {
        ctx.exit()
    })
}
