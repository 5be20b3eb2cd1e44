//! Ingest: the sources' files → parsed plans, their analysis, records in
//! the store and clause documents in the index, incrementally.
//!
//! A file whose size and modification time are those recorded is not read
//! again; a file read again whose content (and manifest entry) hash is
//! unchanged is not parsed again. A plan analysed by another version of
//! fangan, or under other configured tables, is analysed again from its
//! stored text: the original file is not needed. Files are read, parsed and
//! analysed on rayon's threads, in batches; the tantivy writer's own
//! threads tokenize. Commits happen every `commit_bytes` of new text and at
//! the end; each writes the catalog file first and names it in the commit's
//! payload, so an interrupted ingest leaves the last commit whole.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fangan_index::lock::WriterLock;
use fangan_index::{ClauseWriter, TantivyDocument, WriterOptions};
use fangan_ingest::manifest::Manifest;
use fangan_ingest::parse::Parser;
use fangan_ingest::read::{read_bytes_with, ReadOptions, SourceText};
use fangan_model::{Document, PlanMeta};
use rayon::prelude::*;

use crate::analysis::UnitsRecord;
use crate::analysis::{Analyzer, PlanAnalysis};
use crate::catalog::Catalog;
use crate::config;
use crate::error::{Error, Result};
use crate::ids::{assign, Claimed};
use crate::state::{generation, CatalogState, PlanEntry, Refused};
use crate::store::{encode, fresh_name, PackWriter, StoreReader};
use crate::walk::{walk, Found};

/// What to ingest and how.
#[derive(Clone, Debug)]
pub struct IngestRequest {
    /// Folders or files to add to the catalog's sources (made absolute);
    /// empty: update from the recorded sources.
    pub paths: Vec<PathBuf>,
    /// Drop plans whose file is gone or no longer under a source.
    pub prune: bool,
    /// Replace the configured jieba user dictionaries.
    pub dictionaries: Option<Vec<PathBuf>>,
    /// Replace the configured department alias tables.
    pub aliases: Option<Vec<PathBuf>>,
    /// The index writer's threads, memory and merges.
    pub writer: WriterOptions,
    /// Commit after this many bytes of new text.
    pub commit_bytes: u64,
    /// Files read and parsed together.
    pub batch_files: usize,
    /// How files are read (OCR of scanned PDFs, per-file limits).
    pub read: ReadOptions,
    /// How long to wait for another writer of the index to finish; zero:
    /// fail at once with [`fangan_index::IndexError::Locked`].
    pub wait_for_lock: std::time::Duration,
}

impl Default for IngestRequest {
    fn default() -> Self {
        IngestRequest {
            paths: Vec::new(),
            prune: false,
            dictionaries: None,
            aliases: None,
            writer: WriterOptions {
                holder: "fangan ingest".into(),
                ..WriterOptions::default()
            },
            commit_bytes: 256 << 20,
            batch_files: 64,
            wait_for_lock: std::time::Duration::ZERO,
            read: ReadOptions::default(),
        }
    }
}

/// What an ingest did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IngestReport {
    /// Plans new to the catalog.
    pub added: Vec<String>,
    /// Plans whose file changed.
    pub replaced: Vec<String>,
    /// Plans analysed again from their stored text (another version of
    /// fangan, or other configured tables).
    pub reanalysed: Vec<String>,
    /// Plans whose file is unchanged.
    pub unchanged: usize,
    /// Plans dropped because their file is gone.
    pub pruned: Vec<String>,
    /// Plans whose file is gone, kept (without `prune`).
    pub gone: Vec<String>,
    /// Files refused, with why.
    pub refused: Vec<(PathBuf, String)>,
    /// Files that are not plans (images, spreadsheets), with what they are.
    pub not_plans: Vec<(PathBuf, String)>,
    /// Plans read in this ingest, per format (`text`, `html`, `docx`…).
    pub formats: BTreeMap<String, usize>,
    /// Clauses written.
    pub clauses: usize,
    /// Bytes of text parsed.
    pub bytes: u64,
    /// Commits made.
    pub commits: usize,
    /// Wall time.
    pub elapsed: Duration,
    /// Plans in the catalog afterwards.
    pub plans_total: usize,
    /// Clauses in the catalog afterwards.
    pub clauses_total: usize,
}

/// Progress events, for a progress bar.
#[derive(Clone, Copy, Debug)]
pub enum Progress<'a> {
    /// About to look at `files` files of `bytes` bytes.
    Start {
        /// Number of files.
        files: usize,
        /// Their total size.
        bytes: u64,
    },
    /// One file done (parsed, unchanged or refused).
    File {
        /// The file.
        path: &'a Path,
        /// Its size.
        bytes: u64,
    },
    /// Committing.
    Commit,
}

/// One plan to (re)write: where its text comes from.
enum Job {
    /// A file to read.
    File {
        found: Found,
        id: String,
        given: Option<Box<PlanMeta>>,
        manifest_hash: String,
    },
    /// A stored plan to analyse again (parsing it again from its text when
    /// `reparse`).
    Stored { id: String, reparse: bool },
}

/// A job done.
enum Done {
    Unchanged { id: String, size: u64, mtime: u64 },
    Refused { found: Found, reason: String },
    Written(Box<Written>),
}

struct Written {
    entry: PlanEntry,
    doc_frame: Vec<u8>,
    analysis_frame: Vec<u8>,
    units_frame: Vec<u8>,
    headline_frame: Vec<u8>,
    docs: Vec<TantivyDocument>,
    file: Option<Found>,
    reanalysed: bool,
}

impl Catalog {
    /// Ingests `req` (see [`IngestRequest`]), reporting progress.
    pub fn ingest(
        &mut self,
        req: &IngestRequest,
        progress: &mut dyn FnMut(Progress<'_>),
    ) -> Result<IngestReport> {
        let started = Instant::now();
        if self.is_read_only() {
            return Err(fangan_index::IndexError::ReadOnly {
                path: self.dir().to_path_buf(),
            }
            .into());
        }
        let dir = self.dir().to_path_buf();
        // the lock first, then the state as committed (another ingest may
        // have committed since this catalog was opened)
        let lock = WriterLock::acquire_waiting(&dir, &req.writer.holder, req.wait_for_lock)?;
        let mut state = Catalog::read_state(&dir)?;
        let mut report = IngestReport::default();
        let mut retable = false;
        if let Some(d) = &req.dictionaries {
            config::check(d, &[])?;
            let files = d
                .iter()
                .map(|p| config::store(&dir, p, "dict"))
                .collect::<Result<Vec<_>>>()?;
            if files != state.config.dictionaries {
                state.config.dictionaries = files;
                retable = true;
            }
        }
        if let Some(a) = &req.aliases {
            config::check(&[], a)?;
            let files = a
                .iter()
                .map(|p| config::store(&dir, p, "aliases"))
                .collect::<Result<Vec<_>>>()?;
            if files != state.config.aliases {
                state.config.aliases = files;
                retable = true;
            }
        }
        self.set_state(state.clone());
        if retable {
            self.reset_tables();
        }
        for p in &req.paths {
            let abs = std::fs::canonicalize(p).map_err(|e| Error::io(p, e))?;
            state.source_index(&abs);
        }
        let sources: Vec<PathBuf> = state.sources.iter().map(|s| s.path.clone()).collect();
        let walked = walk(&sources, Some(&dir))?;
        report.not_plans = walked.skipped.clone();
        state.folders = walked.folders.clone();
        let analyzer = Analyzer::new(self.note_reader()?.clone());
        let index = self.search_index()?;
        let mut writer = index.writer_with_lock(&req.writer, Some(lock))?;
        // files no commit names: left by an interrupted ingest
        let mut keep = state.files();
        keep.extend(current_catalog_file(&dir));
        StoreReader::collect_garbage(&dir, &keep);

        let jobs = plan_jobs(
            &state,
            &walked.found,
            &sources,
            retable,
            // OCR may read what was refused without it
            req.read.ocr,
            &mut report,
        )?;
        let total_bytes: u64 = walked.found.iter().map(|f| f.size).sum();
        progress(Progress::Start {
            files: walked.found.len(),
            bytes: total_bytes,
        });
        let mut session = Session {
            dir: &dir,
            docs: None,
            analyses: None,
        };
        let parser = Parser::new();
        let gen = generation();
        let mut since_commit = 0u64;
        let mut seen: HashSet<PathBuf> = HashSet::new();
        for batch in jobs.chunks(req.batch_files.max(1)) {
            let env = JobEnv {
                catalog: self,
                state: &state,
                parser: &parser,
                analyzer: &analyzer,
                writer: &writer,
                gen: &gen,
                read: &req.read,
            };
            let done: Vec<Done> = batch.par_iter().map(|job| run_job(&env, job)).collect();
            for d in done {
                match d {
                    Done::Unchanged { id, size, mtime } => {
                        report.unchanged += 1;
                        if let Some(e) = state.plans.get_mut(&id) {
                            e.size = size;
                            e.mtime = mtime;
                            if let Some(f) = &e.file {
                                seen.insert(f.clone());
                                progress(Progress::File {
                                    path: f,
                                    bytes: size,
                                });
                            }
                        }
                    }
                    Done::Refused { found, reason } => {
                        progress(Progress::File {
                            path: &found.path,
                            bytes: found.size,
                        });
                        seen.insert(found.path.clone());
                        state.refused.retain(|r| r.file != found.path);
                        state.refused.push(Refused {
                            file: found.path.clone(),
                            reason: reason.clone(),
                            size: found.size,
                            mtime: found.mtime,
                        });
                        report.refused.push((found.path, reason));
                    }
                    Done::Written(w) => {
                        let Written {
                            mut entry,
                            doc_frame,
                            analysis_frame,
                            units_frame,
                            headline_frame,
                            docs,
                            file,
                            reanalysed,
                        } = *w;
                        let id = entry.meta.id.clone();
                        entry.doc = session.docs(&dir)?.append_frame(&doc_frame)?;
                        let pack = session.analyses(&dir)?;
                        entry.analysis = pack.append_frame(&analysis_frame)?;
                        entry.units = Some(pack.append_frame(&units_frame)?);
                        entry.headline = Some(pack.append_frame(&headline_frame)?);
                        if state.plans.contains_key(&id) {
                            writer.delete_plan(&id);
                            if reanalysed {
                                report.reanalysed.push(id.clone());
                            } else {
                                report.replaced.push(id.clone());
                            }
                        } else {
                            report.added.push(id.clone());
                        }
                        if let Some(f) = &file {
                            seen.insert(f.path.clone());
                            state.refused.retain(|r| r.file != f.path);
                            progress(Progress::File {
                                path: &f.path,
                                bytes: f.size,
                            });
                            *report.formats.entry(entry.format.clone()).or_default() += 1;
                        }
                        report.clauses += docs.len();
                        report.bytes += entry.bytes;
                        since_commit += entry.bytes;
                        writer.add_documents(docs)?;
                        state.plans.insert(id, entry);
                    }
                }
            }
            if since_commit >= req.commit_bytes {
                progress(Progress::Commit);
                session.commit(&mut writer, &state)?;
                report.commits += 1;
                since_commit = 0;
            }
        }
        // refused files that are gone, and plans whose file is gone
        state
            .refused
            .retain(|r| r.file.exists() && under(&r.file, &sources));
        let gone: Vec<String> = state
            .plans
            .iter()
            .filter(|(_, e)| {
                e.file
                    .as_ref()
                    .is_some_and(|f| !f.exists() || !under(f, &sources))
            })
            .map(|(id, _)| id.clone())
            .collect();
        for id in gone {
            if req.prune {
                writer.delete_plan(&id);
                state.plans.remove(&id);
                report.pruned.push(id);
            } else {
                report.gone.push(id);
            }
        }
        progress(Progress::Commit);
        session.commit(&mut writer, &state)?;
        report.commits += 1;
        writer.finish()?;
        let _ = seen;
        report.plans_total = state.plans.len();
        report.clauses_total = state.clauses();
        report.elapsed = started.elapsed();
        self.set_state(state);
        Ok(report)
    }

    /// Ingests plans already parsed (the built-in seeds): a plan whose hash
    /// and analysis are unchanged is left as it is.
    pub fn ingest_documents(&mut self, docs: Vec<Document>) -> Result<IngestReport> {
        let started = Instant::now();
        let dir = self.dir().to_path_buf();
        let mut state = Catalog::read_state(&dir)?;
        state.seeds = true;
        let analyzer = Analyzer::new(self.note_reader()?.clone());
        let index = self.search_index()?;
        let mut writer = index.writer(&WriterOptions {
            holder: "fangan (seed index)".into(),
            ..WriterOptions::default()
        })?;
        let gen = generation();
        let mut report = IngestReport::default();
        let mut session = Session {
            dir: &dir,
            docs: None,
            analyses: None,
        };
        for doc in docs {
            let id = doc.meta.id.clone();
            if state
                .plans
                .get(&id)
                .is_some_and(|e| e.hash == doc.source.hash && e.generation == gen)
            {
                report.unchanged += 1;
                continue;
            }
            let rel = doc
                .source
                .path
                .as_ref()
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| id.clone());
            let w = write_plan(&writer, &analyzer, doc, None, rel, None, 0, 0, &gen)?;
            let Written {
                mut entry,
                doc_frame,
                analysis_frame,
                units_frame,
                headline_frame,
                docs,
                ..
            } = w;
            entry.doc = session.docs(&dir)?.append_frame(&doc_frame)?;
            let pack = session.analyses(&dir)?;
            entry.analysis = pack.append_frame(&analysis_frame)?;
            entry.units = Some(pack.append_frame(&units_frame)?);
            entry.headline = Some(pack.append_frame(&headline_frame)?);
            if state.plans.contains_key(&id) {
                writer.delete_plan(&id);
                report.replaced.push(id.clone());
            } else {
                report.added.push(id.clone());
            }
            report.clauses += docs.len();
            writer.add_documents(docs)?;
            state.plans.insert(id, entry);
        }
        session.commit(&mut writer, &state)?;
        writer.finish()?;
        report.commits = 1;
        report.plans_total = state.plans.len();
        report.clauses_total = state.clauses();
        report.elapsed = started.elapsed();
        self.set_state(state);
        Ok(report)
    }
}

/// True when `file` lies under one of `sources` (or is one).
fn under(file: &Path, sources: &[PathBuf]) -> bool {
    sources.iter().any(|s| file.starts_with(s))
}

/// The catalog file the last commit names.
fn current_catalog_file(dir: &Path) -> Option<String> {
    let payload = fangan_index::SearchIndex::read_payload(dir)?;
    payload
        .lines()
        .find_map(|l| l.strip_prefix("catalog: "))
        .map(|s| s.trim().to_string())
}

/// The packs an ingest appends to, made on first use, and its commits.
struct Session<'d> {
    dir: &'d Path,
    docs: Option<PackWriter>,
    analyses: Option<PackWriter>,
}

impl Session<'_> {
    fn docs(&mut self, dir: &Path) -> Result<&mut PackWriter> {
        if self.docs.is_none() {
            self.docs = Some(PackWriter::create(dir, &fresh_name("docs"))?);
        }
        Ok(self.docs.as_mut().expect("just made"))
    }

    fn analyses(&mut self, dir: &Path) -> Result<&mut PackWriter> {
        if self.analyses.is_none() {
            self.analyses = Some(PackWriter::create(dir, &fresh_name("ana"))?);
        }
        Ok(self.analyses.as_mut().expect("just made"))
    }

    /// Makes the packs durable, writes the catalog file, then commits the
    /// index naming it.
    fn commit(&mut self, writer: &mut ClauseWriter<'_>, state: &CatalogState) -> Result<()> {
        for p in [&mut self.docs, &mut self.analyses].into_iter().flatten() {
            p.sync()?;
        }
        let name = fresh_name("cat");
        StoreReader::write_file(self.dir, &name, &Catalog::encode_state(state)?)?;
        writer.commit(&Catalog::payload_for(&name))?;
        Ok(())
    }
}

/// What each found file needs, in file order, then the stored plans to
/// analyse again. Ids are given here, before the parallel work.
fn plan_jobs(
    state: &CatalogState,
    found: &[Found],
    sources: &[PathBuf],
    retable: bool,
    retry_refused: bool,
    report: &mut IngestReport,
) -> Result<Vec<Job>> {
    let gen = generation();
    let mut manifests: HashMap<PathBuf, std::result::Result<Option<Manifest>, String>> =
        HashMap::new();
    let mut claimed = Claimed::new();
    let mut jobs = Vec::new();
    let mut by_file: HashSet<String> = HashSet::new();
    let index = state.file_index();
    for f in found {
        let recorded = index.plan(&f.path);
        if let Some(e) = recorded {
            if e.size == f.size && e.mtime == f.mtime && e.generation == gen && !retable {
                claimed.insert(e.meta.id.clone(), f.path.clone());
                by_file.insert(e.meta.id.clone());
                report.unchanged += 1;
                continue;
            }
        } else if let Some(r) = index.refused(&f.path) {
            if r.size == f.size && r.mtime == f.mtime && !retry_refused {
                report.refused.push((f.path.clone(), r.reason.clone()));
                continue;
            }
        }
        let folder = f.path.parent().map(Path::to_path_buf).unwrap_or_default();
        let manifest = manifests
            .entry(folder.clone())
            .or_insert_with(|| Manifest::load(&folder).map_err(|e| e.to_string()));
        let name = f.path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let entry = match manifest {
            Ok(m) => m.as_ref().and_then(|m| m.entry_for(name)),
            Err(why) => {
                report
                    .refused
                    .push((f.path.clone(), format!("bad manifest: {why}")));
                continue;
            }
        };
        let given = entry.map(|e| e.meta());
        let manifest_hash = given
            .as_ref()
            .map(|m| serde_json::to_string(m).unwrap_or_default())
            .unwrap_or_default();
        let source_name = sources
            .get(f.source)
            .and_then(|s| s.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match assign(
            state,
            recorded,
            &claimed,
            &f.path,
            &f.rel,
            &source_name,
            entry.map(|e| e.id.as_str()),
        ) {
            Ok(id) => {
                claimed.insert(id.clone(), f.path.clone());
                by_file.insert(id.clone());
                jobs.push(Job::File {
                    found: f.clone(),
                    id,
                    given: given.map(Box::new),
                    manifest_hash,
                });
            }
            Err(why) => report.refused.push((f.path.clone(), why)),
        }
    }
    // plans not read from a file in this ingest whose analysis is stale
    for (id, e) in &state.plans {
        if by_file.contains(id) {
            continue;
        }
        if e.generation != gen || retable {
            jobs.push(Job::Stored {
                id: id.clone(),
                reparse: e.generation != gen,
            });
        }
    }
    Ok(jobs)
}

/// What every job of one ingest shares.
struct JobEnv<'a> {
    catalog: &'a Catalog,
    state: &'a CatalogState,
    parser: &'a Parser,
    analyzer: &'a Analyzer,
    writer: &'a ClauseWriter<'a>,
    gen: &'a str,
    read: &'a ReadOptions,
}

fn run_job(env: &JobEnv<'_>, job: &Job) -> Done {
    let JobEnv {
        catalog,
        state,
        parser,
        analyzer,
        writer,
        gen,
        read,
    } = *env;
    match job {
        Job::File {
            found,
            id,
            given,
            manifest_hash,
        } => {
            let refuse = |reason: String| Done::Refused {
                found: found.clone(),
                reason,
            };
            if found.size > read.limits.max_file_bytes {
                return refuse(format!(
                    "file too large ({} bytes, the limit is {})",
                    found.size, read.limits.max_file_bytes
                ));
            }
            let bytes = match std::fs::read(&found.path) {
                Ok(b) => b,
                Err(e) => return refuse(format!("cannot read: {}", fangan_index::io_words(&e))),
            };
            let mut hasher = blake3::Hasher::new();
            hasher.update(&bytes);
            hasher.update(manifest_hash.as_bytes());
            let hash = hasher.finalize().to_hex().to_string();
            if let Some(e) = state.plans.get(id) {
                if e.hash == hash && e.generation == gen && e.file.as_deref() == Some(&found.path) {
                    return Done::Unchanged {
                        id: id.clone(),
                        size: found.size,
                        mtime: found.mtime,
                    };
                }
            }
            let source = match read_bytes_with(&bytes, &found.path, read) {
                Ok(s) => s,
                Err(e) => return refuse(strip_path(&e.to_string(), &found.path)),
            };
            // the same bytes, analysed by another version: analysed again,
            // not changed
            let same_bytes = state.plans.get(id).is_some_and(|e| e.hash == hash);
            let mut meta = given.as_deref().cloned().unwrap_or_default();
            meta.id = id.clone();
            let mut doc = parser.parse(source, Some(found.path.clone()), meta);
            doc.source.hash = hash;
            match write_plan(
                writer,
                analyzer,
                doc,
                given.as_deref().cloned(),
                found.rel.clone(),
                Some(found),
                found.size,
                found.mtime,
                gen,
            ) {
                Ok(mut w) => {
                    w.reanalysed = same_bytes;
                    Done::Written(Box::new(w))
                }
                Err(e) => refuse(e.to_string()),
            }
        }
        Job::Stored { id, reparse } => {
            let e = &state.plans[id];
            // the plan's file as the catalog knows it, for a refusal
            let refuse = |reason: String| Done::Refused {
                found: Found {
                    path: e.file.clone().unwrap_or_else(|| PathBuf::from(&e.rel)),
                    source: e.source.unwrap_or(0),
                    rel: e.rel.clone(),
                    size: e.size,
                    mtime: e.mtime,
                },
                reason,
            };
            let old: Document = match catalog.store().get(&e.doc) {
                Ok(d) => d,
                Err(err) => return refuse(err.to_string()),
            };
            let doc = if *reparse {
                let hash = old.source.hash.clone();
                let mut meta = e.given.clone().unwrap_or_default();
                meta.id = id.clone();
                let mut d = parser.parse(
                    SourceText::plain(
                        old.text,
                        &old.source.encoding,
                        &old.source.format,
                        hash.clone(),
                    ),
                    old.source.path,
                    meta,
                );
                d.source.hash = hash;
                d
            } else {
                old
            };
            match write_plan(
                writer,
                analyzer,
                doc,
                e.given.clone(),
                e.rel.clone(),
                None,
                e.size,
                e.mtime,
                gen,
            ) {
                Ok(mut w) => {
                    w.entry.file = e.file.clone();
                    w.entry.source = e.source;
                    w.reanalysed = true;
                    Done::Written(Box::new(w))
                }
                Err(err) => refuse(err.to_string()),
            }
        }
    }
}

/// `path: why` → `why` (the report names the file itself).
fn strip_path(message: &str, path: &Path) -> String {
    let p = format!("{}: ", path.display());
    message.strip_prefix(&p).unwrap_or(message).to_string()
}

/// Analyses a parsed plan and encodes everything to write for it.
#[allow(clippy::too_many_arguments)]
fn write_plan(
    writer: &ClauseWriter<'_>,
    analyzer: &Analyzer,
    doc: Document,
    given: Option<PlanMeta>,
    rel: String,
    file: Option<&Found>,
    size: u64,
    mtime: u64,
    gen: &str,
) -> Result<Written> {
    let (analysis, depts): (PlanAnalysis, _) = analyzer.analyze(&doc);
    let docs = writer.documents(&doc, &depts);
    let entry = PlanEntry {
        meta: doc.meta.clone(),
        given,
        file: file.map(|f| f.path.clone()),
        source: file.map(|f| f.source),
        rel,
        format: doc.source.format.clone(),
        encoding: doc.source.encoding.clone(),
        hash: doc.source.hash.clone(),
        size,
        mtime,
        bytes: doc.text.len() as u64,
        clauses: doc.clauses.len(),
        generation: gen.to_string(),
        doc: crate::store::RecordRef {
            pack: String::new(),
            offset: 0,
            len: 0,
        },
        analysis: crate::store::RecordRef {
            pack: String::new(),
            offset: 0,
            len: 0,
        },
        units: None,
        headline: None,
    };
    Ok(Written {
        entry,
        doc_frame: encode(&doc)?,
        analysis_frame: encode(&analysis)?,
        units_frame: encode(&UnitsRecord::new(&analysis))?,
        headline_frame: encode(&crate::analysis::headline(&analysis))?,
        docs,
        file: file.cloned(),
        reanalysed: false,
    })
}
