//! `fangan ingest`: build or update an index from folders of plans.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use fangan_catalog::{Catalog, IngestReport, IngestRequest};
use fangan_wire::ingest::IngestJson;

use crate::context::{ingest_with_progress, open_for_writing, Context};
use crate::render::{json, refusal, TextFormat};

/// Flags of `fangan ingest`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "The index (--index, default ./index) records the folders it was built from:
`fangan ingest` with no PATH updates it from them. Folders are read recursively; every
file is accounted for in the summary (read, refused with its reason, or not a plan).

Examples:
  fangan ingest ~/plans --index ~/plans-index
  fangan ingest --index ~/plans-index --prune          # update; drop plans whose files are gone
  fangan ingest ~/plans --dict my-terms.txt --aliases my-departments.toml
  fangan ingest ~/scans --ocr                          # scanned PDFs through tesseract"
)]
pub struct IngestArgs {
    /// Folders or files of plans to add to the index's sources.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Drop plans whose files are gone.
    #[arg(long)]
    pub prune: bool,
    /// A user dictionary for jieba (`word [freq] [tag]` a line); repeat for
    /// several. Copied into the index and used by every later command;
    /// without it the recorded ones stay.
    #[arg(long, value_name = "FILE")]
    pub dict: Vec<PathBuf>,
    /// A department alias table (the shape of
    /// crates/notes/data/departments.toml); repeat for several. Copied into
    /// the index: `leads`, `lead:` and `dept:` use it.
    #[arg(long, value_name = "FILE")]
    pub aliases: Vec<PathBuf>,
    /// Forget the recorded dictionaries and alias tables.
    #[arg(long)]
    pub no_tables: bool,
    /// Read scanned PDFs (pages with no text) with OCR: `pdftoppm` and
    /// `tesseract -l chi_sim` (Debian: poppler-utils, tesseract-ocr,
    /// tesseract-ocr-chi-sim). Without it they are refused, with the reason.
    #[arg(long)]
    pub ocr: bool,
    /// Indexing threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Output format of the summary.
    #[arg(long, value_enum, default_value = "text")]
    pub format: TextFormat,
}

pub fn run(args: IngestArgs, ctx: &Context) -> anyhow::Result<ExitCode> {
    let dir = ctx.ingest_dir();
    let mut paths = args.paths.clone();
    if let Some(c) = ctx.corpus() {
        paths.push(c.to_path_buf());
    }
    for p in &paths {
        anyhow::ensure!(p.exists(), "{}: no such file or folder", p.display());
    }
    if paths.is_empty() && !Catalog::exists(&dir) {
        anyhow::bail!(
            "nothing to ingest: name the folders or files of plans (`fangan ingest ~/plans`); {} holds no index to update",
            dir.display()
        );
    }
    let mut catalog = open_for_writing(&dir)?;
    let mut req = IngestRequest {
        paths,
        prune: args.prune,
        ..IngestRequest::default()
    };
    req.read.ocr = args.ocr;
    if args.no_tables {
        req.dictionaries = Some(Vec::new());
        req.aliases = Some(Vec::new());
    }
    if !args.dict.is_empty() {
        req.dictionaries = Some(args.dict.clone());
    }
    if !args.aliases.is_empty() {
        req.aliases = Some(args.aliases.clone());
    }
    if let Some(n) = args.threads {
        req.writer.threads = n.max(1);
    }
    let report = ingest_with_progress(&mut catalog, &req, ctx.progress)?;
    if report.plans_total == 0 && report.refused.is_empty() {
        anyhow::bail!(
            "no plan found in {}: fangan reads .{} files{}",
            req.paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            fangan_ingest::read::document_extensions()
                .collect::<Vec<_>>()
                .join(", ."),
            if report.not_plans.is_empty() {
                String::new()
            } else {
                format!(
                    " ({} other files there are not plans)",
                    report.not_plans.len()
                )
            }
        );
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        TextFormat::Json => json(&mut out, &IngestJson::new(&report, &dir))?,
        TextFormat::Text => summary(&mut out, &report, &dir)?,
    }
    out.flush()?;
    Ok(if report.refused.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn summary(out: &mut impl Write, r: &IngestReport, dir: &std::path::Path) -> std::io::Result<()> {
    let formats: Vec<String> = r.formats.iter().map(|(f, n)| format!("{n} {f}")).collect();
    writeln!(
        out,
        "read {} new and {} changed plans ({}{} clauses, {:.1} MB) in {:.2}s; {} unchanged",
        r.added.len(),
        r.replaced.len(),
        if formats.is_empty() {
            String::new()
        } else {
            format!("{}; ", formats.join(", "))
        },
        r.clauses,
        r.bytes as f64 / 1e6,
        r.elapsed.as_secs_f64(),
        r.unchanged,
    )?;
    if !r.reanalysed.is_empty() {
        writeln!(
            out,
            "analysed again: {} plans (another version of fangan, or other tables)",
            r.reanalysed.len()
        )?;
    }
    if !r.pruned.is_empty() {
        writeln!(
            out,
            "dropped {} plans whose files are gone: {}",
            r.pruned.len(),
            r.pruned.join(", ")
        )?;
    }
    if !r.gone.is_empty() {
        writeln!(
            out,
            "kept {} plans whose files are gone (--prune drops them): {}",
            r.gone.len(),
            r.gone.join(", ")
        )?;
    }
    for (p, why) in &r.refused {
        writeln!(out, "refused {}", refusal(p, why))?;
    }
    for (p, why) in &r.not_plans {
        writeln!(out, "not a plan: {}: {why}", p.display())?;
    }
    writeln!(
        out,
        "index {}: {} plans, {} clauses",
        dir.display(),
        r.plans_total,
        r.clauses_total
    )
}
