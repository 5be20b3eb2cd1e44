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
};
use crate::config;
use crate::error::{Error, Result};
use crate::state::{CatalogState, PlanEntry};
use crate::store::{decode, encode, StoreReader};

/// The payload line that names the commit's catalog file.
const CATALOG_KEY: &str = "catalog: ";

/// An open corpus.
pub struct Catalog {
    dir: PathBuf,
    state: CatalogState,
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
            .field("plans", &self.state.plans.len())
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
        let state = Self::read_state(dir)?;
        Ok(Catalog::with_state(dir, state, true))
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
        Catalog {
            dir: dir.to_path_buf(),
            store: StoreReader::new(dir),
            state,
            read_only,
            segmenter: OnceLock::new(),
            index: OnceLock::new(),
            notes: OnceLock::new(),
        }
    }

    /// The state of the last commit of the index in `dir`.
    pub(crate) fn read_state(dir: &Path) -> Result<CatalogState> {
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
            return Ok(CatalogState::default());
        };
        let bytes = StoreReader::read_file(dir, name.trim())?;
        decode(&bytes, &dir.join(crate::store::STORE_DIR).join(name.trim()))
    }

    /// The payload naming the catalog file `name`.
    pub(crate) fn payload_for(name: &str) -> String {
        format!("{CATALOG_KEY}{name}")
    }

    /// Encodes the state for a catalog file.
    pub(crate) fn encode_state(state: &CatalogState) -> Result<Vec<u8>> {
        encode(state)
    }

    /// The index folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The state of the commit this catalog was opened at.
    pub fn state(&self) -> &CatalogState {
        &self.state
    }

    pub(crate) fn set_state(&mut self, state: CatalogState) {
        self.state = state;
    }

    /// True when opened for reading only.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// True for the catalog of the built-in seed plans.
    pub fn is_seeds(&self) -> bool {
        self.state.seeds
    }

    /// The plans, by id.
    pub fn plans(&self) -> impl Iterator<Item = &PlanEntry> {
        self.state.plans.values()
    }

    /// The plan `id`.
    pub fn entry(&self, id: &str) -> Option<&PlanEntry> {
        self.state.plans.get(id)
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
                let part: NoteUnitsPart = self.store.get(&e.analysis)?;
                let notes = part.notes.into_iter().flat_map(|c| c.notes).collect();
                Ok(fold(acc, e, notes))
            })
            .try_reduce(&init, |a, b| Ok(merge(a, b)))
    }

    /// `f` of the targets of each of `entries`, read in parallel (their
    /// notes left unread), in the same order, as [`Catalog::map_notes`].
    pub fn map_targets<'e, T: Send>(
        &self,
        entries: &[&'e PlanEntry],
        f: impl Fn(&'e PlanEntry, Vec<TargetAt>) -> T + Sync,
    ) -> Result<Vec<T>> {
        entries
            .par_iter()
            .map(|e| {
                let part: TargetsPart = self.store.get(&e.analysis)?;
                Ok(f(e, part.targets))
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
        let s = config::segmenter(Some(&self.dir), &self.state.config)?;
        Ok(self.segmenter.get_or_init(|| s).clone())
    }

    /// The note reader, with the configured department tables.
    pub fn note_reader(&self) -> Result<&NoteReader> {
        if let Some(n) = self.notes.get() {
            return Ok(n);
        }
        let n = config::note_reader(Some(&self.dir), &self.state.config)?;
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
