//! [`Context`]: what every command needs to know about where it runs:
//! colour, progress bars, and which corpus it reads.

use std::cell::Cell;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use fangan_catalog::{Catalog, IngestReport, IngestRequest, Progress};
use indicatif::{ProgressBar, ProgressStyle};

use crate::args::{ColorChoice, GlobalArgs};

/// The default index folder, when it exists.
pub const DEFAULT_INDEX: &str = "index";

/// Validated global options.
#[derive(Debug)]
pub struct Context {
    /// Whether terminal output is coloured.
    pub color: bool,
    /// Whether stderr is a terminal (progress bars, notes).
    pub progress: bool,
    corpus: Option<PathBuf>,
    index: Option<PathBuf>,
    /// Set when files of `--corpus` were refused (exit status 1).
    refused: Cell<bool>,
}

impl Context {
    pub fn from_args(args: &GlobalArgs) -> Context {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => !no_color && std::io::stdout().is_terminal(),
        };
        Context {
            color,
            progress: std::io::stderr().is_terminal(),
            corpus: args.corpus.clone(),
            index: args.index.clone(),
            refused: Cell::new(false),
        }
    }

    /// `--corpus`, when given.
    pub fn corpus(&self) -> Option<&Path> {
        self.corpus.as_deref()
    }

    /// The index folder `ingest` writes: `--index`, else `./index`.
    pub fn ingest_dir(&self) -> PathBuf {
        self.index
            .clone()
            .unwrap_or_else(|| PathBuf::from(DEFAULT_INDEX))
    }

    /// The corpus commands read: `--corpus DIR` (its index brought up to
    /// date first), `--index DIR`, `./index`, or the built-in seeds.
    pub fn catalog(&self) -> anyhow::Result<Catalog> {
        if let Some(corpus) = &self.corpus {
            return self.corpus_catalog(corpus);
        }
        let dir = match &self.index {
            Some(d) => d.clone(),
            None if Path::new(DEFAULT_INDEX).join("meta.json").is_file() => {
                PathBuf::from(DEFAULT_INDEX)
            }
            None => return Ok(fangan_catalog::seed_catalog()?),
        };
        let catalog = Catalog::open(&dir)?;
        self.note_freshness(&catalog);
        Ok(catalog)
    }

    /// Says on stderr, in one line, when the sources changed since the
    /// last ingest or an older fangan analysed the plans.
    fn note_freshness(&self, catalog: &Catalog) {
        let stale = catalog.staleness();
        let index = catalog.dir().display();
        if !stale.is_fresh() {
            eprintln!(
                "fangan: note: the plans changed since the index {index} was built ({}): `fangan ingest --index {index}` updates it",
                stale.summary()
            );
        } else if catalog.analysed_by_another_version() {
            eprintln!(
                "fangan: note: an older fangan analysed the plans of {index}: `fangan ingest --index {index}` analyses them again"
            );
        }
    }

    /// The catalog of `--corpus DIR`, brought up to date with it.
    fn corpus_catalog(&self, corpus: &Path) -> anyhow::Result<Catalog> {
        anyhow::ensure!(
            corpus.exists(),
            "{}: no such folder of plans",
            corpus.display()
        );
        let abs = std::fs::canonicalize(corpus).with_context(|| format!("{}", corpus.display()))?;
        let dir = match &self.index {
            Some(d) => d.clone(),
            None => corpus_index_dir(&abs),
        };
        let mut catalog = open_for_writing(&dir)?;
        let sources: Vec<&Path> = catalog
            .head()
            .sources
            .iter()
            .map(|s| s.path.as_path())
            .collect();
        if !sources.is_empty() && sources != [abs.as_path()] {
            anyhow::bail!(
                "the index {} holds the plans of {}: --corpus {} would mix them in; name another --index, or add them with `fangan ingest {} --index {}`",
                dir.display(),
                sources
                    .iter()
                    .map(|s| s.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                corpus.display(),
                corpus.display(),
                dir.display()
            );
        }
        let req = IngestRequest {
            paths: vec![abs],
            prune: true,
            // another command updating the same corpus: wait for it
            wait_for_lock: std::time::Duration::from_secs(600),
            ..IngestRequest::default()
        };
        let report = ingest_with_progress(&mut catalog, &req, self.progress)?;
        for (path, why) in &report.refused {
            eprintln!("fangan: skipped {}", crate::render::refusal(path, why));
        }
        if !report.refused.is_empty() {
            self.refused.set(true);
        }
        Ok(catalog)
    }

    /// The exit status of a command that otherwise succeeded: 1 when
    /// files of `--corpus` were refused.
    pub fn exit(&self) -> ExitCode {
        if self.refused.get() {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// The index of a `--corpus` folder given without `--index`: in the cache
/// folder, one per corpus folder.
fn corpus_index_dir(abs: &Path) -> PathBuf {
    let name = abs
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "root".into());
    let hash = fangan_catalog::store::fresh_key(abs.to_string_lossy().as_bytes());
    fangan_catalog::cache_dir()
        .unwrap_or_else(|| std::env::temp_dir().join("fangan"))
        .join("corpora")
        .join(format!("{name}-{hash}"))
}

/// Opens (or creates) an index folder for writing; a folder that holds
/// other files is not made an index.
pub fn open_for_writing(dir: &Path) -> anyhow::Result<Catalog> {
    if dir.exists() && !dir.is_dir() {
        anyhow::bail!("{}: is a file, not an index folder", dir.display());
    }
    // a writer's lock file: an index another fangan is making right now
    // (opening it for writing waits for that one)
    if dir.is_dir()
        && !Catalog::exists(dir)
        && !dir.join(fangan_index::lock::LOCK_FILE).exists()
        && std::fs::read_dir(dir).is_ok_and(|mut rd| rd.next().is_some())
    {
        anyhow::bail!(
            "{}: is a folder of other files, not an index: name a new or empty folder with --index",
            dir.display()
        );
    }
    Ok(Catalog::open_writable(dir)?)
}

/// Runs an ingest, with a progress bar on stderr when it is a terminal.
pub fn ingest_with_progress(
    catalog: &mut Catalog,
    req: &IngestRequest,
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
    let report = catalog.ingest(req, &mut on_progress);
    bar.finish_and_clear();
    Ok(report?)
}

/// A plan a command was asked about: one of a catalog, or a file read on
/// its own.
pub enum PlanSource {
    /// A plan of the catalog.
    Indexed {
        /// The catalog.
        catalog: Box<Catalog>,
        /// The plan's id.
        id: String,
    },
    /// A file in no index.
    File(PathBuf),
}

impl PlanSource {
    /// The parsed plan.
    pub fn document(&self) -> anyhow::Result<fangan_model::Document> {
        match self {
            PlanSource::Indexed { catalog, id } => Ok(catalog.document(id)?),
            PlanSource::File(path) => Ok(fangan_ingest::corpus::load_file(
                path,
                &fangan_ingest::parse::Parser::new(),
            )?),
        }
    }

    /// The notes of every clause of `doc` (this plan), read.
    pub fn notes(
        &self,
        doc: &fangan_model::Document,
    ) -> anyhow::Result<Vec<Vec<fangan_notes::Note>>> {
        match self {
            PlanSource::Indexed { catalog, id } => {
                let mut notes = vec![Vec::new(); doc.clauses.len()];
                for c in catalog.analysis(id)?.notes {
                    if let Some(slot) = notes.get_mut(c.clause) {
                        *slot = c.notes;
                    }
                }
                Ok(notes)
            }
            PlanSource::File(_) => {
                let reader = fangan_notes::NoteReader::new();
                Ok(reader.read_document(doc))
            }
        }
    }
}

impl Context {
    /// True when no corpus was named and there is no `./index`: a file
    /// named on the command line is then read on its own, without building
    /// the seed index.
    fn no_corpus(&self) -> bool {
        self.corpus.is_none()
            && self.index.is_none()
            && !Path::new(DEFAULT_INDEX).join("meta.json").is_file()
    }

    /// The plan `key` names (an id, a place, `place@year`, a title or a
    /// file), of `year` when a place has several.
    pub fn plan(&self, key: &str, year: Option<u16>) -> anyhow::Result<PlanSource> {
        if self.no_corpus() && Path::new(key).is_file() {
            return Ok(PlanSource::File(PathBuf::from(key)));
        }
        let catalog = self.catalog()?;
        let resolved = fangan_catalog::Resolver::new(&catalog).plan(key, year)?;
        Ok(match resolved {
            fangan_catalog::Resolved::Plan(e) => {
                // a file rewritten in place leaves its folder's time alone
                if catalog.file_changed(e) {
                    let index = catalog.dir().display();
                    eprintln!(
                        "fangan: note: {} changed since the index {index} was built: `fangan ingest --index {index}` updates it",
                        e.file.as_deref().unwrap_or(Path::new(&e.rel)).display()
                    );
                }
                let id = e.meta.id.clone();
                PlanSource::Indexed {
                    catalog: Box::new(catalog),
                    id,
                }
            }
            fangan_catalog::Resolved::File(p) => PlanSource::File(p),
        })
    }
}
