//! Ingest: plan files → clause documents in the index, incrementally.
//!
//! [`Ingester`] reads files in batches, in parallel (rayon): hash, skip the
//! unchanged (same content hash, parsed by the same build), parse the rest
//! and turn every clause into a tantivy document; the writer's own threads
//! tokenize. A changed plan is deleted and re-added; `prune` drops plans
//! whose file is gone. Commits happen every `commit_bytes` of new text and
//! at the end, each carrying the [`IndexManifest`] as its payload, so an
//! interrupted ingest leaves the last commit readable and consistent.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fangan_model::{fold, Clause, Document};
use fangan_notes::{NoteReader, Role};
use rayon::prelude::*;
use tantivy::{IndexWriter, TantivyDocument, TantivyError, Term};

use super::error::{IndexError, Result};
use super::lock::WriterLock;
use super::manifest::{IndexManifest, PlanEntry};
use super::schema::Fields;
use super::search_index::SearchIndex;
use crate::manifest::Manifest;
use crate::parse::Parser;

/// Configures an [`Ingester`].
#[derive(Clone, Debug, Default)]
pub struct IngesterBuilder {
    config: Config,
}

#[derive(Clone, Debug)]
struct Config {
    prune: bool,
    generation: String,
    dictionaries: Option<Vec<PathBuf>>,
    threads: usize,
    memory: usize,
    commit_bytes: u64,
    batch_files: usize,
    /// Segments of more clauses are not merged; 0: no merges at all.
    merge_up_to: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            prune: false,
            generation: String::new(),
            dictionaries: None,
            threads: std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2)
                .clamp(1, 8),
            memory: 512 << 20,
            commit_bytes: 256 << 20,
            batch_files: 64,
            merge_up_to: MERGE_UP_TO_CLAUSES,
        }
    }
}

impl IngesterBuilder {
    /// Drop plans whose file no longer exists (default off).
    pub fn prune(&mut self, yes: bool) -> &mut Self {
        self.config.prune = yes;
        self
    }

    /// The build of the program (a plan parsed by another build is parsed
    /// again even when its file is unchanged).
    pub fn generation(&mut self, generation: impl Into<String>) -> &mut Self {
        self.config.generation = generation.into();
        self
    }

    /// The user dictionaries the index's segmenter was built with, recorded
    /// in the manifest so queries segment alike (default: keep the record).
    pub fn dictionaries(&mut self, paths: Vec<PathBuf>) -> &mut Self {
        self.config.dictionaries = Some(paths);
        self
    }

    /// Indexing threads of the tantivy writer.
    pub fn threads(&mut self, n: usize) -> &mut Self {
        self.config.threads = n.max(1);
        self
    }

    /// Memory budget of the tantivy writer, in bytes, all threads together.
    pub fn memory(&mut self, bytes: usize) -> &mut Self {
        self.config.memory = bytes;
        self
    }

    /// Commit after this many bytes of new plan text (and at the end).
    pub fn commit_bytes(&mut self, bytes: u64) -> &mut Self {
        self.config.commit_bytes = bytes.max(1);
        self
    }

    /// Whether segments are merged while ingesting (default on: small
    /// segments, left by small ingests, are merged until they reach
    /// [`MERGE_UP_TO_CLAUSES`]; off leaves every segment as written).
    pub fn merge(&mut self, yes: bool) -> &mut Self {
        self.config.merge_up_to = if yes { MERGE_UP_TO_CLAUSES } else { 0 };
        self
    }

    /// Segments of more clauses than this are not merged again (default
    /// [`MERGE_UP_TO_CLAUSES`]; 0 is `merge(false)`).
    pub fn merge_up_to(&mut self, clauses: usize) -> &mut Self {
        self.config.merge_up_to = clauses;
        self
    }

    /// Files read and parsed together.
    pub fn batch_files(&mut self, n: usize) -> &mut Self {
        self.config.batch_files = n.max(1);
        self
    }

    /// The ingester.
    pub fn build(&self) -> Ingester {
        let mut config = self.config.clone();
        // tantivy wants at least 15 MB per thread
        config.memory = config.memory.max(config.threads * (16 << 20));
        Ingester {
            config,
            parser: Parser::new(),
        }
    }
}

/// Writes plans into a [`SearchIndex`].
#[derive(Debug)]
pub struct Ingester {
    config: Config,
    parser: Parser,
}

/// What an ingest did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IngestReport {
    /// Plans new to the index.
    pub added: Vec<String>,
    /// Plans whose file changed (or that an older build had parsed).
    pub replaced: Vec<String>,
    /// Plans unchanged.
    pub skipped: usize,
    /// Plans dropped because their file is gone.
    pub pruned: Vec<String>,
    /// Files refused, with why.
    pub refused: Vec<(PathBuf, String)>,
    /// Clauses written.
    pub clauses: usize,
    /// Bytes of the files parsed.
    pub bytes: u64,
    /// Commits made.
    pub commits: usize,
    /// Wall time.
    pub elapsed: Duration,
    /// Plans in the index afterwards.
    pub plans_total: usize,
    /// Clauses in the index afterwards.
    pub clauses_total: usize,
}

/// Progress events, for a progress bar.
#[derive(Clone, Copy, Debug)]
pub enum Progress<'a> {
    /// About to read `files` files of `bytes` bytes.
    Start {
        /// Number of files.
        files: usize,
        /// Their total size.
        bytes: u64,
    },
    /// One file done (parsed, skipped or refused).
    File {
        /// The file.
        path: &'a Path,
        /// Its size.
        bytes: u64,
    },
    /// Committing.
    Commit,
}

enum Outcome {
    Skipped,
    Refused(String),
    Parsed {
        id: String,
        entry: PlanEntry,
        docs: Vec<TantivyDocument>,
    },
}

impl Ingester {
    /// A builder.
    pub fn builder() -> IngesterBuilder {
        IngesterBuilder::default()
    }

    /// Takes the writer lock (for an index on disk) and opens tantivy's
    /// writer with this ingester's threads, memory and merge policy.
    fn writer(&self, index: &SearchIndex) -> Result<(Option<WriterLock>, IndexWriter)> {
        let lock = match index.dir() {
            Some(dir) => Some(WriterLock::acquire(dir, "fangan ingest")?),
            None => None,
        };
        let writer: IndexWriter = index
            .index()
            .writer_with_num_threads(self.config.threads, self.config.memory)
            .map_err(|e| locked(index, e))?;
        writer.set_merge_policy(self.config.merge_policy());
        Ok((lock, writer))
    }

    /// Ingests `files` (plan files, not folders) into `index`.
    pub fn run(
        &self,
        index: &SearchIndex,
        files: &[PathBuf],
        progress: &mut dyn FnMut(Progress<'_>),
    ) -> Result<IngestReport> {
        let started = Instant::now();
        let (_lock, mut writer) = self.writer(index)?;
        let mut manifest = index.manifest()?;
        let fields = *index.fields();
        let notes = index.notes();
        let mut report = IngestReport::default();
        let files: Vec<(PathBuf, u64)> = files
            .iter()
            .map(|p| {
                let abs = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
                let len = std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
                (abs, len)
            })
            .collect();
        progress(Progress::Start {
            files: files.len(),
            bytes: files.iter().map(|f| f.1).sum(),
        });
        let mut folders: HashMap<PathBuf, std::result::Result<Option<Manifest>, String>> =
            HashMap::new();
        for (path, _) in &files {
            let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
            folders
                .entry(dir.clone())
                .or_insert_with(|| Manifest::load(&dir).map_err(|e| e.to_string()));
        }
        let mut claimed: HashMap<String, PathBuf> = HashMap::new();
        let mut dirty = false;
        if let Some(d) = &self.config.dictionaries {
            if &manifest.dictionaries != d {
                manifest.dictionaries = d.clone();
                dirty = true;
            }
        }
        let mut since_commit = 0u64;
        for batch in files.chunks(self.config.batch_files) {
            let outcomes: Vec<Outcome> = batch
                .par_iter()
                .map(|(path, _)| {
                    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
                    match folders.get(&dir) {
                        Some(Err(why)) => Outcome::Refused(format!("bad manifest: {why}")),
                        Some(Ok(m)) => self.process(path, m.as_ref(), &manifest, &fields, notes),
                        None => self.process(path, None, &manifest, &fields, notes),
                    }
                })
                .collect();
            for ((path, len), outcome) in batch.iter().zip(outcomes) {
                match outcome {
                    Outcome::Skipped => report.skipped += 1,
                    Outcome::Refused(why) => report.refused.push((path.clone(), why)),
                    Outcome::Parsed { id, entry, docs } => {
                        if let Some(other) = claimed.get(&id) {
                            report.refused.push((
                                path.clone(),
                                format!("plan id {id:?} is already taken by {}", other.display()),
                            ));
                            continue;
                        }
                        if let Some(old) = manifest.plans.get(&id) {
                            if old.file != entry.file && old.file.exists() {
                                report.refused.push((
                                    path.clone(),
                                    format!(
                                        "plan id {id:?} is already taken by {}",
                                        old.file.display()
                                    ),
                                ));
                                continue;
                            }
                            writer.delete_term(Term::from_field_text(fields.plan, &id));
                            report.replaced.push(id.clone());
                        } else {
                            report.added.push(id.clone());
                        }
                        claimed.insert(id.clone(), path.clone());
                        report.clauses += docs.len();
                        report.bytes += entry.bytes;
                        for doc in docs {
                            writer.add_document(doc)?;
                        }
                        manifest.plans.insert(id, entry);
                        dirty = true;
                        since_commit += len;
                    }
                }
                progress(Progress::File { path, bytes: *len });
            }
            if since_commit >= self.config.commit_bytes {
                progress(Progress::Commit);
                commit(&mut writer, &manifest)?;
                report.commits += 1;
                since_commit = 0;
                dirty = false;
            }
        }
        if self.config.prune {
            let gone: Vec<String> = manifest
                .plans
                .iter()
                .filter(|(_, e)| !e.file.exists())
                .map(|(id, _)| id.clone())
                .collect();
            for id in gone {
                writer.delete_term(Term::from_field_text(fields.plan, &id));
                manifest.plans.remove(&id);
                report.pruned.push(id);
                dirty = true;
            }
        }
        if manifest.generation != self.config.generation {
            manifest.generation = self.config.generation.clone();
            dirty = true;
        }

        if dirty {
            progress(Progress::Commit);
            commit(&mut writer, &manifest)?;
            report.commits += 1;
        }
        writer.wait_merging_threads()?;
        index.reload()?;
        report.plans_total = manifest.plans.len();
        report.clauses_total = manifest.clauses();
        report.elapsed = started.elapsed();
        Ok(report)
    }

    /// Ingests documents already parsed (the seeds built into the binary):
    /// a plan whose `source.hash` is unchanged is skipped.
    pub fn run_documents(&self, index: &SearchIndex, docs: &[Document]) -> Result<IngestReport> {
        let started = Instant::now();
        let (_lock, mut writer) = self.writer(index)?;
        let mut manifest = index.manifest()?;
        let fields = *index.fields();
        let mut report = IngestReport::default();
        for doc in docs {
            let id = doc.meta.id.clone();
            let file = doc
                .source
                .path
                .clone()
                .unwrap_or_else(|| PathBuf::from(&id));
            let old = manifest.plans.get(&id);
            if old.is_some_and(|e| {
                e.hash == doc.source.hash && e.generation == self.config.generation
            }) {
                report.skipped += 1;
                continue;
            }
            if old.is_some() {
                writer.delete_term(Term::from_field_text(fields.plan, &id));
                report.replaced.push(id.clone());
            } else {
                report.added.push(id.clone());
            }
            let entries = document_entries(&fields, doc, index.notes());
            report.clauses += entries.len();
            report.bytes += doc.text.len() as u64;
            manifest.plans.insert(
                id,
                PlanEntry {
                    file,
                    hash: doc.source.hash.clone(),
                    bytes: doc.text.len() as u64,
                    clauses: entries.len(),
                    generation: self.config.generation.clone(),
                },
            );
            for e in entries {
                writer.add_document(e)?;
            }
        }
        manifest.generation = self.config.generation.clone();
        if let Some(d) = &self.config.dictionaries {
            manifest.dictionaries = d.clone();
        }
        commit(&mut writer, &manifest)?;
        report.commits = 1;
        writer.wait_merging_threads()?;
        index.reload()?;
        report.plans_total = manifest.plans.len();
        report.clauses_total = manifest.clauses();
        report.elapsed = started.elapsed();
        Ok(report)
    }

    fn process(
        &self,
        path: &Path,
        folder: Option<&Manifest>,
        manifest: &IndexManifest,
        fields: &Fields,
        notes: &NoteReader,
    ) -> Outcome {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return Outcome::Refused(format!("cannot read: {e}")),
        };
        let name = path.file_name().and_then(|s| s.to_str()).unwrap_or("");
        let entry = folder.and_then(|m| m.entry_for(name));
        // the hash covers the file and what the folder manifest says of it
        let mut hasher = blake3::Hasher::new();
        hasher.update(&bytes);
        if let Some(e) = entry {
            hasher.update(
                serde_json::to_string(&e.meta())
                    .unwrap_or_default()
                    .as_bytes(),
            );
        }
        let hash = hasher.finalize().to_hex().to_string();
        let len = bytes.len() as u64;
        let id = entry.map_or_else(|| plan_id(path), |e| e.id.clone());
        if manifest.plans.get(&id).is_some_and(|e| {
            e.hash == hash && e.file == path && e.generation == self.config.generation
        }) {
            return Outcome::Skipped;
        }
        // the bytes already read are parsed: the file is read once
        let doc = match crate::corpus::load_bytes_with(&bytes, path, &self.parser, folder) {
            Ok(d) => d,
            Err(e) => return Outcome::Refused(e.to_string()),
        };
        let docs = document_entries(fields, &doc, notes);
        Outcome::Parsed {
            id: doc.meta.id.clone(),
            entry: PlanEntry {
                file: path.to_path_buf(),
                hash,
                bytes: len,
                clauses: docs.len(),
                generation: self.config.generation.clone(),
            },
            docs,
        }
    }
}

/// The plan id of a file: its stem.
pub fn plan_id(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("plan")
        .to_string()
}

/// Segments of more clauses than this are not merged again: a segment the
/// writer flushes from a full memory budget is about this size or larger,
/// merging such segments rewrites the whole index for little gain (queries
/// search segments in parallel), and it is what made bulk ingests slow.
/// Segments with many deleted clauses are still compacted.
pub const MERGE_UP_TO_CLAUSES: usize = 50_000;

impl Config {
    fn merge_policy(&self) -> Box<dyn tantivy::indexer::MergePolicy> {
        if self.merge_up_to == 0 {
            return Box::new(tantivy::indexer::NoMergePolicy);
        }
        let mut policy = tantivy::indexer::LogMergePolicy::default();
        policy.set_max_docs_before_merge(self.merge_up_to);
        policy.set_del_docs_ratio_before_merge(0.3);
        Box::new(policy)
    }
}

fn commit(writer: &mut IndexWriter, manifest: &IndexManifest) -> Result<()> {
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&manifest.to_payload());
    prepared.commit()?;
    Ok(())
}

fn locked(index: &SearchIndex, e: TantivyError) -> IndexError {
    match e {
        TantivyError::LockFailure(..) => IndexError::Locked {
            path: index.dir().map(Path::to_path_buf).unwrap_or_default(),
            holder: "another index writer".into(),
        },
        e => IndexError::Tantivy(e),
    }
}

/// The departments a clause's notes name, by role (canonical names, folded).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClauseDepartments {
    /// Leads (牵头).
    pub lead: Vec<String>,
    /// Supporting units (named after a lead).
    pub support: Vec<String>,
    /// Every unit named, whatever its role (responsible ones included).
    pub any: Vec<String>,
}

impl ClauseDepartments {
    /// Reads the notes of `clause`; generic phrases are left out.
    pub fn of(clause: &Clause, notes: &NoteReader) -> ClauseDepartments {
        let mut d = ClauseDepartments::default();
        for note in notes.read_clause(clause) {
            for u in note.units.iter().filter(|u| !u.generic) {
                let name = fold::fold_str(&u.canonical);
                match u.role {
                    Role::Lead => d.lead.push(name.clone()),
                    Role::Support => d.support.push(name.clone()),
                    _ => {}
                }
                d.any.push(name);
            }
        }
        for v in [&mut d.lead, &mut d.support, &mut d.any] {
            v.sort();
            v.dedup();
        }
        d
    }
}

/// Every clause of `doc` as a tantivy document; `notes` reads the
/// departments of each clause's notes.
pub fn document_entries(
    fields: &Fields,
    doc: &Document,
    notes: &NoteReader,
) -> Vec<TantivyDocument> {
    let plan = PlanValues::of(doc);
    doc.clauses
        .iter()
        .enumerate()
        .map(|(ord, clause)| {
            let depts = ClauseDepartments::of(clause, notes);
            clause_entry(fields, &plan, ord, clause, &depts)
        })
        .collect()
}

/// The plan's values every clause document repeats, folded once.
struct PlanValues<'a> {
    /// County as written (folded), then its short form.
    county: Vec<String>,
    /// City, the same way.
    city: Vec<String>,
    /// Level, folded.
    level: Option<String>,
    /// Province, then without `省`.
    province: Vec<String>,
    doc: &'a Document,
}

impl<'a> PlanValues<'a> {
    fn of(doc: &'a Document) -> PlanValues<'a> {
        let meta = &doc.meta;
        let with_short = |v: &Option<String>, short: fn(&str) -> Option<&str>| {
            let Some(v) = v else { return Vec::new() };
            let mut out = vec![fold::fold_str(v)];
            if let Some(s) = short(&out[0]).map(str::to_string) {
                out.push(s);
            }
            out
        };
        PlanValues {
            county: with_short(&meta.county, short_name),
            city: with_short(&meta.city, short_name),
            level: meta.level.as_deref().map(fold::fold_str),
            province: with_short(&meta.province, |p| {
                p.strip_suffix('省').filter(|s| !s.is_empty())
            }),
            doc,
        }
    }
}

/// One clause as a tantivy document, with the canonical names of the
/// departments its notes name.
fn clause_entry(
    f: &Fields,
    plan: &PlanValues<'_>,
    ord: usize,
    clause: &Clause,
    depts: &ClauseDepartments,
) -> TantivyDocument {
    let doc = plan.doc;
    let meta = &doc.meta;
    let mut d = TantivyDocument::new();
    d.add_text(f.plan, &meta.id);
    for (field, values) in [
        (f.county, &plan.county),
        (f.city, &plan.city),
        (f.province, &plan.province),
    ] {
        for v in values {
            d.add_text(field, v);
        }
    }
    if let Some(v) = &plan.level {
        d.add_text(f.level, v);
    }
    if let Some(y) = meta.year {
        d.add_u64(f.year, u64::from(y));
    }
    if let Some(t) = &meta.title {
        d.add_text(f.title, t);
    }
    d.add_text(f.path, &clause.path);
    // one term; `section:` filters match it and the paths below it
    d.add_text(f.section, fold::fold_str(&clause.path));
    d.add_text(f.heading, &clause.heading);
    d.add_text(f.kind, clause.kind.as_str());
    d.add_text(f.clause_level, clause.level.as_str());
    d.add_text(f.text, &clause.text);
    d.add_u64(f.line, clause.line as u64);
    d.add_u64(f.ord, ord as u64);
    // both fields tokenize in the writer's threads (pre-tokenized text
    // would be serialized through JSON inside the document: slower)
    let folded = fold::fold_str(&clause.text);
    d.add_text(f.words, &folded);
    d.add_text(f.chars, folded);
    for (field, names) in [
        (f.lead, &depts.lead),
        (f.support, &depts.support),
        (f.dept, &depts.any),
    ] {
        for name in names {
            d.add_text(field, name);
        }
    }
    if let Some(p) = &doc.source.path {
        d.add_text(f.file, p.to_string_lossy());
    }
    d
}

/// `平江县` → `平江`, `岳阳市` → `岳阳` (names of two characters or more stay).
fn short_name(name: &str) -> Option<&str> {
    let short = name
        .strip_suffix('县')
        .or_else(|| name.strip_suffix('区'))
        .or_else(|| name.strip_suffix('市'))?;
    (short.chars().count() >= 2).then_some(short)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use fangan_model::Segmenter;

    use super::*;
    use crate::corpus::Corpus;

    #[test]
    fn short_names_drop_the_level_of_long_names_only() {
        assert_eq!(short_name("平江县"), Some("平江"));
        assert_eq!(short_name("岳阳楼区"), Some("岳阳楼"));
        assert_eq!(short_name("城区"), None);
        assert_eq!(short_name("湖南"), None);
        assert_eq!(
            plan_id(Path::new("seeds/pingjiang-2023.txt")),
            "pingjiang-2023"
        );
    }

    #[test]
    fn documents_are_skipped_when_unchanged_and_replaced_when_not() {
        let index = SearchIndex::in_ram(Arc::new(Segmenter::new()));
        let mut seeds = Corpus::embedded(&Parser::new()).documents;
        let ingester = Ingester::builder().generation("g1").build();
        let first = ingester.run_documents(&index, &seeds).unwrap();
        assert_eq!(first.added.len(), seeds.len());
        assert_eq!(
            first.clauses_total,
            index.reader().searcher().num_docs() as usize
        );
        let again = ingester.run_documents(&index, &seeds).unwrap();
        assert_eq!(again.skipped, seeds.len());
        seeds[0].source.hash.push('x');
        let changed = ingester.run_documents(&index, &seeds).unwrap();
        assert_eq!(changed.replaced, [seeds[0].meta.id.clone()]);
        // no clause of the replaced plan is left twice
        assert_eq!(
            changed.clauses_total,
            index.reader().searcher().num_docs() as usize
        );
        // another build parses everything again
        let rebuilt = Ingester::builder()
            .generation("g2")
            .build()
            .run_documents(&index, &seeds)
            .unwrap();
        assert_eq!(rebuilt.replaced.len(), seeds.len());
    }

    /// Eight commits of one plan each; the segments left once merges end.
    fn segments_after_eight_commits(ingester: &Ingester) -> usize {
        let index = SearchIndex::in_ram(Arc::new(Segmenter::new()));
        let seed = Corpus::embedded(&Parser::new()).documents.remove(0);
        for i in 0..8 {
            let mut doc = seed.clone();
            doc.meta.id = format!("copy-{i}");
            ingester.run_documents(&index, &[doc]).unwrap();
        }
        let segments = index.index().searchable_segment_ids().unwrap().len();
        assert_eq!(
            index.reader().searcher().num_docs() as usize,
            8 * seed.clauses.len()
        );
        segments
    }

    #[test]
    fn small_segments_merge_and_full_ones_stay() {
        // one writer thread: one segment per commit
        let merging = Ingester::builder().threads(1).build();
        assert!(segments_after_eight_commits(&merging) < 8);
        // every one-plan segment counts as full when the bound is lower
        let full = Ingester::builder().threads(1).merge_up_to(10).build();
        assert_eq!(segments_after_eight_commits(&full), 8);
    }

    #[test]
    fn clause_entries_carry_sections_and_leads() {
        let index = SearchIndex::in_ram(Arc::new(Segmenter::new()));
        let seeds = Corpus::embedded(&Parser::new()).documents;
        let doc = seeds
            .iter()
            .find(|d| d.clauses.iter().any(|c| c.path.contains('/')))
            .unwrap();
        let entries = document_entries(index.fields(), doc, index.notes());
        assert_eq!(entries.len(), doc.clauses.len());
        let f = index.fields();
        let (i, clause) = doc
            .clauses
            .iter()
            .enumerate()
            .find(|(_, c)| c.path.contains('/'))
            .unwrap();
        use tantivy::schema::Value;
        let sections: Vec<&str> = entries[i]
            .get_all(f.section)
            .filter_map(|v| v.as_str())
            .collect();
        assert_eq!(sections, [fold::fold_str(&clause.path)]);
        // a clause whose note names a lead (牵头) is filed under it
        let all: Vec<_> = seeds
            .iter()
            .flat_map(|d| d.clauses.iter().map(move |c| (d, c)))
            .collect();
        let (d, _) = all
            .iter()
            .find(|(_, c)| c.notes.iter().any(|n| n.text.contains("发改局牵头")))
            .expect("a note led by 发改局");
        let entries = document_entries(index.fields(), d, index.notes());
        let leads: Vec<String> = entries
            .iter()
            .flat_map(|e| {
                e.get_all(f.lead)
                    .filter_map(|v| v.as_str().map(str::to_string))
            })
            .collect();
        assert!(leads.iter().any(|l| l == "发改局"), "{leads:?}");
    }
}
