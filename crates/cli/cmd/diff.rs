//! `fangan diff`: align the clauses of two plans and show what differs; with
//! more plans (or `--against-all`), the best match of each clause of the
//! first plan in every other plan.
//!
//! JSON: `fangan_wire::diff` (two plans) and `fangan_wire::best_match`
//! (several).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use fangan_compare::topic::{on_topic, under};
use fangan_compare::{Aligner, Baseline, Comparison, Prepared, Rarity};
use fangan_model::{Document, Segmenter};
use fangan_wire::best_match::BestMatchJson;
use fangan_wire::diff::{ClauseRef, DiffJson};
use fangan_wire::diff_targets::DiffTargets;

use crate::context::{Context, PlanSource};
use crate::render::{csv_row, diff_html, diff_term};

/// Flags of `fangan diff`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Each PLAN is an id, a place (平江, 平江县), a place and a year (平江@2023), a part
of a title, or a file. --year chooses among a place's plans where it has several.

Examples:
  fangan diff pingjiang-2023 xiangyin-2025
  fangan diff 平江@2023 湘阴 --topic 投资         # the investment tasks
  fangan diff pingjiang-2023 yueyanglou-2023 --format html > diff.html
  fangan diff pingjiang-2023 xiangyin-2025 --format json
  fangan diff pingjiang-2023 --against-all --format csv   # best match in every other plan"
)]
pub struct DiffArgs {
    /// Plans. Two plans: an alignment; more: the best match of each clause
    /// of the first in every other.
    #[arg(value_name = "PLAN", required = true, num_args = 1..)]
    pub plans: Vec<String>,
    /// Compare the first plan against every other plan of the corpus.
    #[arg(long)]
    pub against_all: bool,
    /// The year of a plan named by a place that has plans of several years.
    #[arg(long)]
    pub year: Option<u16>,
    /// Only clauses under this path (附件1, 二, 附件1/二), in either plan:
    /// the same as `search --section`.
    #[arg(long, value_name = "PATH")]
    pub section: Option<String>,
    /// Only clauses on this topic: text (or a heading above) containing it.
    #[arg(long, value_name = "TEXT")]
    pub topic: Option<String>,
    /// Pairs scoring less than this stay unpaired (0 to 1; default 0.1).
    #[arg(long, value_name = "SCORE")]
    pub min_score: Option<f32>,
    /// Also show the weak pairs labelled related (few topic words shared),
    /// left unpaired by default.
    #[arg(long)]
    pub related: bool,
    /// Alignment method.
    #[arg(long, value_enum, default_value = "aligned")]
    pub method: Method,
    /// Output format (html: one self-contained page; csv: one row per pair).
    #[arg(long, value_enum, default_value = "table")]
    pub format: DiffFormat,
    /// Instead of the alignment, list for each clause of A its N best
    /// candidates in B with their signals (JSON lines).
    #[arg(long, value_name = "N")]
    pub explain: Option<usize>,
    /// Write the output to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// How clauses are paired.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Method {
    /// Rarity-weighted words, trigrams and headings; one global assignment; groups.
    Aligned,
    /// TF-IDF cosine on jieba words, greedy best match (for comparison).
    Baseline,
}

/// Output formats of `fangan diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// Terminal text.
    Table,
    /// JSON (shapes in fangan_wire::diff and fangan_wire::best_match).
    Json,
    /// CSV, one row per pair (two plans) or per clause and plan (several).
    Csv,
    /// One self-contained HTML page, the plans side by side (two plans).
    Html,
}

/// The plans named on the command line, and the plans whose words give
/// the rarity of words.
struct Plans {
    chosen: Vec<Document>,
    corpus: Vec<Document>,
    /// jieba with the corpus's user dictionaries.
    segmenter: std::sync::Arc<Segmenter>,
}

fn resolve(args: &DiffArgs, ctx: &Context) -> anyhow::Result<Plans> {
    let mut chosen = Vec::new();
    let mut catalog = None;
    for key in &args.plans {
        match ctx.plan(key, args.year)? {
            PlanSource::Indexed { catalog: c, id } => {
                chosen.push(c.document(&id)?);
                catalog.get_or_insert(c);
            }
            file => chosen.push(file.document()?),
        }
    }
    let catalog = match catalog {
        Some(c) => Some(c),
        None if args.against_all => Some(Box::new(ctx.catalog()?)),
        // two files: the corpus at hand (./index, --index or the seeds)
        // still weighs their words, as two plans alone cannot say which
        // words are rare
        None => ctx.catalog().ok().map(Box::new),
    };
    let mut corpus = Vec::new();
    let segmenter = match &catalog {
        Some(c) => c.segmenter()?,
        None => std::sync::Arc::new(Segmenter::new()),
    };
    if let Some(catalog) = &catalog {
        let entries: Vec<_> = catalog.plans().collect();
        if args.against_all {
            let first = chosen[0].meta.id.clone();
            let others: Vec<_> = entries
                .iter()
                .copied()
                .filter(|e| e.meta.id != first && !chosen.iter().any(|c| c.meta.id == e.meta.id))
                .collect();
            chosen.extend(catalog.documents(&others)?);
        }
        let except: Vec<&str> = chosen.iter().map(|c| c.meta.id.as_str()).collect();
        corpus = catalog.rarity_sample(&except)?;
    }
    anyhow::ensure!(
        chosen.len() >= 2,
        "name two plans (or one with --against-all)"
    );
    Ok(Plans {
        chosen,
        corpus,
        segmenter,
    })
}

pub fn run(args: DiffArgs, ctx: &Context) -> anyhow::Result<ExitCode> {
    let plans = resolve(&args, ctx)?;
    let seg: &Segmenter = &plans.segmenter;
    // rarity over the corpus, plus any plan read from a file outside it
    let mut rarity = Rarity::new();
    let mut counted: Vec<&str> = Vec::new();
    for d in plans.corpus.iter().chain(&plans.chosen) {
        if !counted.contains(&d.meta.id.as_str()) {
            counted.push(&d.meta.id);
            Prepared::new(seg, d).count_into(&mut rarity);
        }
    }
    let mut builder = Aligner::builder();
    if let Some(m) = args.min_score {
        builder.min_score(m);
    }
    builder.related(args.related);
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    if plans.chosen.len() == 2 && !args.against_all {
        let (a, b) = (&plans.chosen[0], &plans.chosen[1]);
        if let Some(n) = args.explain {
            let aligner = builder.build(seg, rarity)?;
            let (pa, pb) = (Prepared::new(seg, a), Prepared::new(seg, b));
            for e in aligner.explain(&pa, &pb, n) {
                let row = serde_json::json!({
                    "a": ClauseRef::new(a, &a.clauses[e.a]),
                    "top": e.top.iter().map(|(c, s, sig)| serde_json::json!({
                        "b": ClauseRef::new(b, &b.clauses[*c]),
                        "score": s, "signals": sig,
                    })).collect::<Vec<_>>(),
                });
                writeln!(out, "{row}")?;
            }
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
        let mut cmp: Comparison = match args.method {
            Method::Aligned => {
                let aligner = builder.build(seg, rarity)?;
                aligner.align_prepared(&Prepared::new(seg, a), &Prepared::new(seg, b))
            }
            Method::Baseline => Baseline::new(
                seg,
                args.min_score
                    .unwrap_or(fangan_compare::baseline::DEFAULT_THRESHOLD),
                &plans.corpus,
            )
            .align(a, b),
        };
        if let Some(topic) = &args.topic {
            cmp.retain(|c| on_topic(a, c, topic), |c| on_topic(b, c, topic));
        }
        if let Some(section) = &args.section {
            cmp.retain(|c| under(a, c, section), |c| under(b, c, section));
        }
        let targets = DiffTargets::new(&fangan_targets::Extractor::new(), a, b, &cmp);
        let color = ctx.color && args.output.is_none();
        match args.format {
            DiffFormat::Table => {
                diff_term::write_headline_targets(&mut out, a, b, &targets.headline, color)?;
                diff_term::write_comparison(&mut out, a, b, &cmp, &targets, color)?
            }
            DiffFormat::Json => {
                let json = DiffJson::new(a, b, &cmp, &targets);
                serde_json::to_writer_pretty(&mut out, &json)?;
                writeln!(out)?;
            }
            DiffFormat::Csv => write_pairs_csv(&mut out, a, b, &cmp)?,
            DiffFormat::Html => diff_html::write_page(&mut out, a, b, &cmp, &targets)?,
        }
    } else {
        anyhow::ensure!(
            args.method == Method::Aligned,
            "--method baseline compares two plans only"
        );
        anyhow::ensure!(
            args.format != DiffFormat::Html,
            "--format html shows two plans only"
        );
        let aligner = builder.build(seg, rarity)?;
        let a = &plans.chosen[0];
        let others: Vec<&Document> = plans.chosen[1..].iter().collect();
        let pa = Prepared::new(seg, a);
        let prepared: Vec<Prepared<'_>> = others.iter().map(|d| Prepared::new(seg, d)).collect();
        let mut rows = aligner.best_matches(&pa, &prepared);
        if let Some(topic) = &args.topic {
            rows.retain(|r| on_topic(a, r.a, topic));
        }
        if let Some(section) = &args.section {
            rows.retain(|r| under(a, r.a, section));
        }
        match args.format {
            DiffFormat::Json => {
                serde_json::to_writer_pretty(&mut out, &BestMatchJson::new(a, &others, &rows))?;
                writeln!(out)?;
            }
            DiffFormat::Csv => write_reuse_csv(&mut out, a, &others, &rows)?,
            _ => diff_term::write_reuse(
                &mut out,
                a,
                &others,
                &rows,
                ctx.color && args.output.is_none(),
            )?,
        }
    }
    out.flush()?;
    Ok(ctx.exit())
}

/// The cells of one side of a CSV row: plan, path, line, heading (empty
/// for no clause).
fn side(d: &Document, c: Option<usize>) -> [String; 4] {
    match c {
        Some(c) => {
            let cl = &d.clauses[c];
            [
                d.meta.id.clone(),
                cl.path.clone(),
                cl.line.to_string(),
                fangan_compare::unit::heading_of(cl),
            ]
        }
        None => Default::default(),
    }
}

/// `a_plan,a_path,a_line,a_heading,b_plan,b_path,b_line,b_heading,score,label,kind`;
/// unpaired clauses as rows with the other side empty.
fn write_pairs_csv(
    out: &mut impl Write,
    a: &Document,
    b: &Document,
    cmp: &Comparison,
) -> anyhow::Result<()> {
    csv_row(
        out,
        &[
            "a_plan",
            "a_path",
            "a_line",
            "a_heading",
            "b_plan",
            "b_path",
            "b_line",
            "b_heading",
            "score",
            "label",
            "kind",
        ],
    )?;
    let row = |out: &mut dyn Write, l: [String; 4], r: [String; 4], tail: [String; 3]| {
        let cells: Vec<&str> = l
            .iter()
            .chain(&r)
            .chain(&tail)
            .map(String::as_str)
            .collect();
        csv_row(&mut &mut *out, &cells)
    };
    for p in &cmp.pairs {
        let kind = serde_json::to_value(p.kind)?;
        row(
            out,
            side(a, Some(p.a)),
            side(b, Some(p.b)),
            [
                format!("{:.3}", p.score),
                p.label.as_str().to_string(),
                kind.as_str().unwrap_or_default().to_string(),
            ],
        )?;
    }
    for &c in &cmp.only_a {
        row(out, side(a, Some(c)), side(b, None), Default::default())?;
    }
    for &c in &cmp.only_b {
        row(out, side(a, None), side(b, Some(c)), Default::default())?;
    }
    Ok(())
}

/// `a_plan,a_path,a_line,a_heading,plan,b_path,b_line,b_heading,score,label`.
fn write_reuse_csv(
    out: &mut impl Write,
    a: &Document,
    others: &[&Document],
    rows: &[fangan_compare::multi::ReuseRow],
) -> anyhow::Result<()> {
    csv_row(
        out,
        &[
            "a_plan",
            "a_path",
            "a_line",
            "a_heading",
            "plan",
            "b_path",
            "b_line",
            "b_heading",
            "score",
            "label",
        ],
    )?;
    for r in rows {
        let left = side(a, Some(r.a));
        for (m, d) in r.matches.iter().zip(others) {
            let mut right = side(d, m.clause);
            right[0] = d.meta.id.clone();
            let tail = [
                format!("{:.3}", m.score),
                m.label.map_or("", |l| l.as_str()).to_string(),
            ];
            let cells: Vec<&str> = left
                .iter()
                .chain(&right)
                .chain(&tail)
                .map(String::as_str)
                .collect();
            csv_row(out, &cells)?;
        }
    }
    Ok(())
}
