//! `fangan ingest`: build or update the search index, and the glue every
//! query command uses to open it (building it first when there is none).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;
use fangan_ingest::index::{IndexError, IngestReport, Ingester, Progress, SearchIndex};
use fangan_model::Segmenter;
use indicatif::{ProgressBar, ProgressStyle};

use crate::options::Context;
use crate::render::search as render;
use crate::render::Format;

/// Flags of `fangan ingest`.
#[derive(Debug, clap::Args)]
pub struct IngestArgs {
    /// Plan files or folders of plans (default: the corpus folder, ./seeds).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Drop plans whose files no longer exist.
    #[arg(long)]
    pub prune: bool,
    /// A user dictionary for jieba (`word [freq] [tag]` a line); repeat for
    /// several. Recorded in the index, so later ingests and queries use it
    /// too; without it the recorded ones are kept.
    #[arg(long, value_name = "FILE")]
    pub dict: Vec<PathBuf>,
    /// Indexing threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Output format of the summary.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

pub fn run(args: IngestArgs, ctx: &Context) -> anyhow::Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        vec![ctx.corpus.clone().ok_or_else(|| {
            anyhow::anyhow!("nothing to ingest: name files or folders, or run where ./seeds exists")
        })?]
    } else {
        args.paths.clone()
    };
    let files = plan_files(&paths)?;
    let dicts = if args.dict.is_empty() {
        recorded_dictionaries(&ctx.index)
    } else {
        args.dict
            .iter()
            .map(|d| std::fs::canonicalize(d).with_context(|| format!("{}", d.display())))
            .collect::<anyhow::Result<Vec<_>>>()?
    };
    let index = SearchIndex::open_or_create(&ctx.index, segmenter_with(&dicts)?)
        .with_context(|| format!("opening the index in {}", ctx.index.display()))?;
    let mut builder = Ingester::builder();
    builder
        .prune(args.prune)
        .generation(generation_with(&dicts))
        .dictionaries(dicts);
    if let Some(n) = args.threads {
        builder.threads(n);
    }
    let report = ingest_with_progress(&builder.build(), &index, &files, ctx.progress)?;
    let mut out = std::io::stdout().lock();
    render::ingest_report(&mut out, &report, &ctx.index, args.format)?;
    Ok(if report.refused.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The segmenter with the user dictionaries `dicts` (loaded once per
/// process and shared).
pub fn segmenter_with(dicts: &[PathBuf]) -> anyhow::Result<Arc<Segmenter>> {
    let mut b = Segmenter::builder();
    for d in dicts {
        b.user_dict(d);
    }
    Ok(Arc::new(b.build()?))
}

/// The user dictionaries recorded in the index in `dir`.
fn recorded_dictionaries(dir: &Path) -> Vec<PathBuf> {
    SearchIndex::read_manifest(dir)
        .map(|m| m.dictionaries)
        .unwrap_or_default()
}

/// [`generation`] with the dictionaries' sizes and times: a changed
/// dictionary segments every plan again.
fn generation_with(dicts: &[PathBuf]) -> String {
    let mut g = generation();
    for d in dicts {
        g.push_str(&format!(
            " {}={}",
            d.display(),
            file_stamp(d).unwrap_or_default()
        ));
    }
    g
}

/// Identifies this build of fangan: a plan parsed by another build is
/// parsed again (the parser may have changed).
pub fn generation() -> String {
    let exe = std::env::current_exe()
        .ok()
        .and_then(|p| file_stamp(&p))
        .unwrap_or_default();
    format!("fangan {} {exe}", env!("CARGO_PKG_VERSION"))
}

/// `size:mtime-in-ns` of a file, to notice that it changed.
fn file_stamp(path: &Path) -> Option<String> {
    let m = std::fs::metadata(path).ok()?;
    let mtime = m
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    Some(format!("{}:{mtime}", m.len()))
}

/// Every plan file named by `paths` (folders read one level deep), sorted.
pub fn plan_files(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                .with_context(|| format!("reading {}", p.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| fangan_ingest::corpus::is_plan_file(f))
                .collect();
            found.sort();
            files.extend(found);
        } else if p.is_file() {
            files.push(p.clone());
        } else {
            anyhow::bail!("{}: no such file or folder", p.display());
        }
    }
    Ok(files)
}

/// Runs an ingest, with a progress bar on stderr when it is a terminal.
pub fn ingest_with_progress(
    ingester: &Ingester,
    index: &SearchIndex,
    files: &[PathBuf],
    show: bool,
) -> anyhow::Result<IngestReport> {
    let bar = if show {
        ProgressBar::new(0)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} ingest [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    let mut on_progress = |p: Progress<'_>| match p {
        Progress::Start { bytes, .. } => bar.set_length(bytes),
        Progress::File { path, bytes } => {
            bar.inc(bytes);
            bar.set_message(
                path.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            );
        }
        Progress::Commit => bar.set_message("committing"),
    };
    let report = ingester.run(index, files, &mut on_progress);
    bar.finish_and_clear();
    Ok(report?)
}

/// Opens the index of `ctx` for a query command. With no index, builds it
/// from the corpus first; when plans were parsed by another build of fangan,
/// parses their files again.
pub fn open_for_query(ctx: &Context) -> anyhow::Result<SearchIndex> {
    let dicts = recorded_dictionaries(&ctx.index);
    let generation = generation_with(&dicts);
    let seg = segmenter_with(&dicts).context("loading the index's user dictionaries")?;
    if SearchIndex::exists(&ctx.index) {
        let current = match SearchIndex::open(&ctx.index, seg.clone()) {
            Ok(index) => Some(index),
            Err(IndexError::SchemaVersion { .. }) => None,
            Err(e) => return Err(e.into()),
        };
        let manifest = match &current {
            Some(index) => index.manifest()?,
            None => SearchIndex::read_manifest(&ctx.index).unwrap_or_default(),
        };
        if let Some(index) = current.filter(|_| manifest.stale(&generation) == 0) {
            return Ok(index);
        }
        let mut files: Vec<PathBuf> = manifest
            .plans
            .values()
            .map(|p| p.file.clone())
            .filter(|f| f.is_file())
            .collect();
        if files.is_empty() {
            if let Some(corpus) = &ctx.corpus {
                files = plan_files(std::slice::from_ref(corpus))?;
            }
        }
        eprintln!(
            "fangan: the index in {} was built by another build of fangan; updating it",
            ctx.index.display()
        );
        let ingester = Ingester::builder()
            .generation(generation)
            .dictionaries(dicts)
            .prune(true)
            .build();
        let files = (!files.is_empty()).then_some(&files[..]);
        return build_for_query(ctx, seg, &ingester, files);
    }
    let ingester = Ingester::builder().generation(generation).build();
    let Some(corpus) = ctx.corpus.clone() else {
        // no ./seeds here: index the seeds built into the binary
        eprintln!(
            "fangan: no index in {}; building it from the built-in seed plans",
            ctx.index.display()
        );
        return build_for_query(ctx, seg, &ingester, None);
    };
    eprintln!(
        "fangan: no index in {}; building it from {}",
        ctx.index.display(),
        corpus.display()
    );
    let files = plan_files(&[corpus])?;
    build_for_query(ctx, seg, &ingester, Some(&files))
}

/// Opens (or creates) the index of `ctx` and ingests `files` into it, or
/// the seeds built into the binary when there are none to read.
fn build_for_query(
    ctx: &Context,
    seg: Arc<Segmenter>,
    ingester: &Ingester,
    files: Option<&[PathBuf]>,
) -> anyhow::Result<SearchIndex> {
    let index = SearchIndex::open_or_create(&ctx.index, seg)?;
    match files {
        Some(files) => report_refused(&ingest_with_progress(
            ingester,
            &index,
            files,
            ctx.progress,
        )?),
        None => {
            ingester.run_documents(&index, &embedded_seeds().documents)?;
        }
    }
    Ok(index)
}

/// The seed plans built into the binary.
fn embedded_seeds() -> fangan_ingest::corpus::Corpus {
    fangan_ingest::corpus::Corpus::embedded(&fangan_ingest::parse::Parser::new())
}

fn report_refused(report: &IngestReport) {
    for (path, why) in &report.refused {
        eprintln!("fangan: skipped {}", crate::render::refusal(path, why));
    }
}
