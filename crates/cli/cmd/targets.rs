//! `fangan targets`: the numeric targets of every plan, filtered, or the
//! headline indicators pivoted against plans (`--table`).

use std::io::Write;
use std::process::ExitCode;

use fangan_model::{fold::fold_str, Document};
use fangan_targets::{ClauseTarget, Extractor, Pivot};

use crate::options::Context;
use crate::render::targets::{self as render, Row};
use crate::render::Format;

/// Flags of `fangan targets`.
#[derive(Debug, clap::Args)]
pub struct TargetsArgs {
    /// Only this plan (an id such as `pingjiang-2023`); repeat for several.
    #[arg(long = "plan", value_name = "ID")]
    pub plans: Vec<String>,
    /// Only plans of this county (`平江`, `平江县`).
    #[arg(long, value_name = "NAME")]
    pub county: Option<String>,
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

/// Validated filters.
struct Filter {
    plans: Vec<String>,
    county: Option<String>,
    indicator: Option<String>,
    headline: bool,
}

impl Filter {
    fn new(args: &TargetsArgs) -> Filter {
        Filter {
            plans: args.plans.clone(),
            county: args.county.as_deref().map(county_key),
            indicator: args.indicator.as_deref().map(fold_str),
            headline: args.headline || args.table,
        }
    }

    fn plan(&self, doc: &Document) -> bool {
        let id_ok = self.plans.is_empty() || self.plans.contains(&doc.meta.id);
        let county_ok = match &self.county {
            None => true,
            Some(c) => doc
                .meta
                .county
                .as_deref()
                .map(county_key)
                .is_some_and(|k| k == *c),
        };
        id_ok && county_ok
    }

    fn target(&self, t: &ClauseTarget) -> bool {
        let headline_ok = !self.headline || t.headline;
        let indicator_ok = match &self.indicator {
            None => true,
            Some(q) => {
                fold_str(&t.target.indicator).contains(q.as_str())
                    || fold_str(&t.target.canonical).contains(q.as_str())
            }
        };
        headline_ok && indicator_ok
    }
}

/// A county name without its level suffix: `平江县` and `平江` match.
fn county_key(name: &str) -> String {
    let n = fold_str(name);
    n.strip_suffix(['县', '区', '市'])
        .filter(|s| !s.is_empty())
        .unwrap_or(&n)
        .to_string()
}

pub fn run(args: TargetsArgs, ctx: &Context) -> anyhow::Result<ExitCode> {
    let filter = Filter::new(&args);
    let corpus = ctx.load_corpus()?;
    let docs: Vec<&Document> = corpus.documents.iter().filter(|d| filter.plan(d)).collect();
    for p in &args.plans {
        anyhow::ensure!(
            corpus.documents.iter().any(|d| d.meta.id == *p),
            "no plan {p:?}: name an id from `fangan list`"
        );
    }
    let extractor = Extractor::new();
    let found: Vec<(&Document, Vec<ClauseTarget>)> = docs
        .iter()
        .map(|d| {
            let mut ts = extractor.extract_document(d);
            ts.retain(|t| filter.target(t));
            (*d, ts)
        })
        .collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.table {
        let by_plan: Vec<(String, Vec<ClauseTarget>)> = found
            .into_iter()
            .map(|(d, ts)| (d.meta.id.clone(), ts))
            .collect();
        let pivot = Pivot::new(&by_plan);
        match args.format {
            Format::Table => render::pivot_table(&mut out, &pivot, ctx.color)?,
            Format::Json => render::pivot_json(&mut out, &pivot)?,
            Format::Csv => render::pivot_csv(&mut out, &pivot)?,
        }
    } else {
        let rows: Vec<Row> = found
            .iter()
            .flat_map(|(d, ts)| {
                ts.iter().map(move |t| {
                    let clause = &d.clauses[t.clause];
                    Row {
                        plan: &d.meta.id,
                        county: d.meta.county.as_deref(),
                        path: &clause.path,
                        line: t.line,
                        headline: t.headline,
                        section: clause.kind.as_str(),
                        source: (t.source.start, t.source.end),
                        target: &t.target,
                    }
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
    Ok(ExitCode::SUCCESS)
}
