//! [`Catalog`]: one corpus of plans, as an index folder holds it: the
//! tantivy index of clauses, the plan store, the catalog state and the
//! configured tables. Every command reads the plans from here.
//!
//! Opening reads the last commit's catalog file only; the search index and
//! the segmenter (jieba's dictionary) are opened on first use, so `list`,
//! `show`, `leads` and `targets` never load them.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use fangan_index::SearchIndex;
use fangan_model::{Document, Segmenter};
use fangan_notes::NoteReader;
use rayon::prelude::*;

use crate::analysis::{
    ClauseNotes, NoteUnits, NoteUnitsPart, NotesPart, PlanAnalysis, TargetAt, TargetsPart,
    UnitsRecord,
};
use crate::catalog_file::CatalogFile;
use crate::config;
use crate::error::{Error, Result};
use crate::state::{CatalogState, PlanEntry};
use crate::store::{decode, StoreReader};

/// The payload line that names the commit's catalog file.
const CATALOG_KEY: &str = "catalog: ";

/// A catalog file as read.
enum Loaded {
    /// No commit names one (a fresh index).
    None,
    /// The whole state in one record (the layout before blocks).
    Whole(CatalogState),
    /// A catalog file in blocks.
    File(CatalogFile),
}

/// An open corpus.
pub struct Catalog {
    dir: PathBuf,
    /// The state without its plans.
    head: CatalogState,
    /// The committed catalog file: one plan's entry is read from it
    /// without decoding the others.
    file: Option<CatalogFile>,
    /// The whole state, decoded on first use.
    full: OnceLock<CatalogState>,
    /// Why the whole state could not be decoded (its plans are then left
    /// out): a catalog file this fangan cannot read.
    damage: OnceLock<Error>,
    store: StoreReader,
    read_only: bool,
    segmenter: OnceLock<Arc<Segmenter>>,
    index: OnceLock<SearchIndex>,
    notes: OnceLock<NoteReader>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("dir", &self.dir)
            .field("plans", &self.len())
            .finish()
    }
}

impl Catalog {
    /// True when `dir` holds an index.
    pub fn exists(dir: &Path) -> bool {
        SearchIndex::exists(dir)
    }

    /// Opens the corpus of the index folder `dir` for reading: no lock, no
    /// write, so a shared read-only folder can be read.
    pub fn open(dir: &Path) -> Result<Catalog> {
        if dir.exists() && !dir.is_dir() {
            return Err(fangan_index::IndexError::NotAFolder {
                path: dir.to_path_buf(),
            }
            .into());
        }
        if !Self::exists(dir) {
            return Err(fangan_index::IndexError::Missing {
                path: dir.to_path_buf(),
            }
            .into());
        }
        let file = Self::read_file(dir)?;
        Ok(Catalog::with_file(dir, file, true))
    }

    /// Opens (or creates) the index folder `dir` for writing.
    pub fn open_writable(dir: &Path) -> Result<Catalog> {
        if Self::exists(dir) {
            match Self::read_state(dir) {
                Ok(state) => {
                    let c = Catalog::with_state(dir, state, false);
                    c.search_index()?;
                    return Ok(c);
                }
                // another version, or an index another process is making
                // right now (tantivy's meta.json is written before the
                // first commit records fangan's state): decided under the lock
                Err(Error::Index(
                    fangan_index::IndexError::SchemaVersion { .. }
                    | fangan_index::IndexError::Missing { .. },
                )) => {}
                Err(e) => return Err(e),
            }
        }
        // under the writer lock: another process may be creating it now
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let lock = fangan_index::lock::WriterLock::acquire_waiting(
            dir,
            "fangan (creating the index)",
            std::time::Duration::from_secs(600),
        )?;
        if Self::exists(dir) {
            if let Ok(state) = Self::read_state(dir) {
                drop(lock);
                let c = Catalog::with_state(dir, state, false);
                c.search_index()?;
                return Ok(c);
            }
        }
        let c = Catalog::with_state(dir, CatalogState::default(), false);
        let seg = c.segmenter()?;
        let index = SearchIndex::create_locked(dir, seg, Some(lock))?;
        let _ = c.index.set(index);
        Ok(c)
    }

    fn with_state(dir: &Path, state: CatalogState, read_only: bool) -> Catalog {
        let c = Catalog::with_file(dir, Loaded::None, read_only);
        c.install(state)
    }

    fn with_file(dir: &Path, file: Loaded, read_only: bool) -> Catalog {
        let (head, file, full) = match file {
            Loaded::None => (CatalogState::default(), None, None),
            Loaded::Whole(state) => (state.clone_without_plans(), None, Some(state)),
            Loaded::File(f) => (f.head().clone_without_plans(), Some(f), None),
        };
        Catalog {
            dir: dir.to_path_buf(),
            store: StoreReader::new(dir),
            head,
            file,
            full: full.map(OnceLock::from).unwrap_or_default(),
            damage: OnceLock::new(),
            read_only,
            segmenter: OnceLock::new(),
            index: OnceLock::new(),
            notes: OnceLock::new(),
        }
    }

    /// The catalog file of the last commit of the index in `dir`.
    fn read_file(dir: &Path) -> Result<Loaded> {
        let payload = SearchIndex::read_payload(dir).ok_or_else(|| {
            Error::Index(fangan_index::IndexError::Missing {
                path: dir.to_path_buf(),
            })
        })?;
        if !payload.starts_with("fangan-index ") {
            return Err(fangan_index::IndexError::SchemaVersion {
                path: dir.to_path_buf(),
                found: 0,
                expected: fangan_index::schema::SCHEMA_VERSION,
            }
            .into());
        }
        let version: Option<u32> = payload
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("fangan-index "))
            .and_then(|v| v.trim().parse().ok());
        if version != Some(fangan_index::schema::SCHEMA_VERSION) {
            return Err(fangan_index::IndexError::SchemaVersion {
                path: dir.to_path_buf(),
                found: version.unwrap_or(0),
                expected: fangan_index::schema::SCHEMA_VERSION,
            }
            .into());
        }
        let Some(name) = payload.lines().find_map(|l| l.strip_prefix(CATALOG_KEY)) else {
            // a fresh index: nothing committed yet
            return Ok(Loaded::None);
        };
        let bytes = StoreReader::read_file(dir, name.trim())?;
        let path = dir.join(crate::store::STORE_DIR).join(name.trim());
        if crate::catalog_file::is_catalog_file(&bytes) {
            return Ok(Loaded::File(CatalogFile::open(&path, bytes)?));
        }
        // the whole state in one record: the catalog file of fangan before
        // the layout in blocks
        Ok(Loaded::Whole(decode(&bytes, &path)?))
    }

    /// The state of the last commit of the index in `dir`, whole.
    pub(crate) fn read_state(dir: &Path) -> Result<CatalogState> {
        match Self::read_file(dir)? {
            Loaded::None => Ok(CatalogState::default()),
            Loaded::Whole(state) => Ok(state),
            Loaded::File(f) => f.state(),
        }
    }

    /// The payload naming the catalog file `name`.
    pub(crate) fn payload_for(name: &str) -> String {
        format!("{CATALOG_KEY}{name}")
    }

    /// Encodes the state for a catalog file.
    pub(crate) fn encode_state(state: &CatalogState) -> Result<Vec<u8>> {
        crate::catalog_file::encode_file(state)
    }

    /// The index folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The state of the commit this catalog was opened at, every plan's
    /// entry decoded (on first use: [`Catalog::entry`] and
    /// [`Catalog::head`] need not decode them all).
    pub fn state(&self) -> &CatalogState {
        self.full.get_or_init(|| match &self.file {
            None => self.head.clone(),
            Some(f) => f.state().unwrap_or_else(|e| {
                let _ = self.damage.set(e);
                self.head.clone()
            }),
        })
    }

    /// The state without its plans (sources, refusals, tables, folders).
    pub fn head(&self) -> &CatalogState {
        &self.head
    }

    /// Why the plans of the catalog file could not be decoded, when they
    /// could not (they are then left out of [`Catalog::plans`]).
    pub fn damage(&self) -> Option<&Error> {
        self.damage.get()
    }

    /// Number of plans.
    pub fn len(&self) -> usize {
        match (self.full.get(), &self.file) {
            (Some(s), _) => s.plans.len(),
            (None, Some(f)) => f.plan_count(),
            (None, None) => 0,
        }
    }

    /// True when the catalog holds no plan.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True when some plans were analysed by another version of fangan
    /// than this one.
    pub fn analysed_by_another_version(&self) -> bool {
        let g = crate::state::generation();
        match (self.full.get(), &self.file) {
            (Some(s), _) => s.stale() > 0,
            (None, Some(f)) => f.generations().iter().any(|x| *x != g),
            (None, None) => false,
        }
    }

    /// Makes `state` the catalog's (after an ingest committed it).
    fn install(mut self, state: CatalogState) -> Catalog {
        self.set_state(state);
        self
    }

    pub(crate) fn set_state(&mut self, state: CatalogState) {
        self.head = state.clone_without_plans();
        self.file = None;
        self.full = OnceLock::from(state);
        self.damage = OnceLock::new();
    }

    /// True when opened for reading only.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// True for the catalog of the built-in seed plans.
    pub fn is_seeds(&self) -> bool {
        self.head.seeds
    }

    /// The plans, by id.
    pub fn plans(&self) -> impl Iterator<Item = &PlanEntry> {
        self.state().plans.values()
    }

    /// The plan `id` (only its block of the catalog file is decoded when
    /// the whole state is not).
    pub fn entry(&self, id: &str) -> Option<&PlanEntry> {
        if let Some(s) = self.full.get() {
            return s.plans.get(id);
        }
        match &self.file {
            Some(f) => match f.entry(id) {
                Ok(e) => e,
                Err(_) => self.state().plans.get(id),
            },
            None => None,
        }
    }

    /// The parsed plan `id`, as it was indexed.
    pub fn document(&self, id: &str) -> Result<Document> {
        let e = self
            .entry(id)
            .ok_or_else(|| Error::NotFound(format!("no plan {id:?} in {}", self.dir.display())))?;
        self.store.get(&e.doc)
    }

    /// What was read from plan `id` (notes, targets).
    pub fn analysis(&self, id: &str) -> Result<PlanAnalysis> {
        let e = self
            .entry(id)
            .ok_or_else(|| Error::NotFound(format!("no plan {id:?} in {}", self.dir.display())))?;
        self.store.get(&e.analysis)
    }

    /// `f` of the notes of each of `entries`, read in parallel (their
    /// targets left unread), in the same order. Each plan's notes are
    /// dropped once `f` has made what it keeps of them, so a corpus is
    /// never all in memory.
    pub fn map_notes<'e, T: Send>(
        &self,
        entries: &[&'e PlanEntry],
        f: impl Fn(&'e PlanEntry, Vec<ClauseNotes>) -> T + Sync,
    ) -> Result<Vec<T>> {
        entries
            .par_iter()
            .map(|e| {
                let part: NotesPart = self.store.get(&e.analysis)?;
                Ok(f(e, part.notes))
            })
            .collect()
    }

    /// The notes of `entries` (their units only) folded into one value:
    /// `fold` takes each plan's notes into an accumulator made by `init`
    /// (one per thread), and `merge` joins two accumulators, the earlier
    /// plans' first. No plan's notes outlive its fold.
    pub fn fold_note_units<'e, A: Send>(
        &self,
        entries: &[&'e PlanEntry],
        init: impl Fn() -> A + Sync + Send,
        fold: impl Fn(A, &'e PlanEntry, Vec<NoteUnits>) -> A + Sync + Send,
        merge: impl Fn(A, A) -> A + Sync + Send,
    ) -> Result<A> {
        entries
            .par_iter()
            .try_fold(&init, |acc, e| {
                let notes = match &e.units {
                    Some(r) => self.store.get::<UnitsRecord>(r)?.notes(),
                    // analysed before the compact record was stored
                    None => {
                        let part: NoteUnitsPart = self.store.get(&e.analysis)?;
                        part.notes.into_iter().flat_map(|c| c.notes).collect()
                    }
                };
                Ok(fold(acc, e, notes))
            })
            .try_reduce(&init, |a, b| Ok(merge(a, b)))
    }

    /// `f` of the targets of each of `entries` (with `headline`, only the
    /// headline ones), read in parallel (their notes left unread), in the
    /// same order, as [`Catalog::map_notes`].
    pub fn map_targets<'e, T: Send>(
        &self,
        entries: &[&'e PlanEntry],
        headline: bool,
        f: impl Fn(&'e PlanEntry, Vec<TargetAt>) -> T + Sync,
    ) -> Result<Vec<T>> {
        entries
            .par_iter()
            .map(|e| {
                let targets = match (&e.headline, headline) {
                    (Some(r), true) => self.store.get(r)?,
                    _ => {
                        let part: TargetsPart = self.store.get(&e.analysis)?;
                        let mut ts = part.targets;
                        if headline {
                            ts.retain(|t| t.found.headline);
                        }
                        ts
                    }
                };
                Ok(f(e, targets))
            })
            .collect()
    }

    /// The parsed plans of `entries`, read in parallel, in the same order.
    pub fn documents(&self, entries: &[&PlanEntry]) -> Result<Vec<Document>> {
        entries.par_iter().map(|e| self.store.get(&e.doc)).collect()
    }

    /// The segmenter, with the configured user dictionaries (loaded once).
    pub fn segmenter(&self) -> Result<Arc<Segmenter>> {
        if let Some(s) = self.segmenter.get() {
            return Ok(s.clone());
        }
        let s = config::segmenter(Some(&self.dir), &self.head.config)?;
        Ok(self.segmenter.get_or_init(|| s).clone())
    }

    /// The note reader, with the configured department tables.
    pub fn note_reader(&self) -> Result<&NoteReader> {
        if let Some(n) = self.notes.get() {
            return Ok(n);
        }
        let n = config::note_reader(Some(&self.dir), &self.head.config)?;
        Ok(self.notes.get_or_init(|| n))
    }

    /// The search index (opened on first use).
    pub fn search_index(&self) -> Result<&SearchIndex> {
        if let Some(i) = self.index.get() {
            return Ok(i);
        }
        let seg = self.segmenter()?;
        let mut index = if self.read_only {
            SearchIndex::open(&self.dir, seg)?
        } else {
            SearchIndex::open_writable(&self.dir, seg)?
        };
        index.set_departments(Arc::new(self.note_reader()?.departments().clone()));
        Ok(self.index.get_or_init(|| index))
    }

    /// Forgets the opened search index and tables (after their
    /// configuration changed).
    pub(crate) fn reset_tables(&mut self) {
        self.segmenter = OnceLock::new();
        self.index = OnceLock::new();
        self.notes = OnceLock::new();
    }

    /// The store reader.
    pub(crate) fn store(&self) -> &StoreReader {
        &self.store
    }
}
