//! What a catalog holds, as of one commit: its sources, its plans (with
//! their metadata, where each came from and where its records are), the
//! files refused, and the tables it was configured with.
//!
//! It is saved as a catalog file of the store at every commit, and the
//! commit's payload names that file (see [`crate::store`]).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use fangan_model::PlanMeta;
use serde::{Deserialize, Serialize};

use crate::store::RecordRef;

/// Version of the analysis (parser, notes, targets) that wrote the records:
/// a plan analysed by another version is analysed again at the next ingest,
/// from its stored text. Bump it when what the parser, the note reader or
/// the target extractor produce changes.
pub const ANALYSIS_VERSION: u32 = 4;

/// The analysis this build of fangan writes.
pub fn generation() -> String {
    format!(
        "fangan {} analysis {ANALYSIS_VERSION}",
        env!("CARGO_PKG_VERSION")
    )
}

/// A folder or file the catalog was built from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Absolute path.
    pub path: PathBuf,
}

/// One plan of the catalog.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanEntry {
    /// The plan's metadata (as parsed: given by a manifest or inferred).
    pub meta: PlanMeta,
    /// What a manifest gave (re-parsing starts from it).
    #[serde(default)]
    pub given: Option<PlanMeta>,
    /// The file read (absolute); none for the built-in seeds.
    pub file: Option<PathBuf>,
    /// Index of the source it was found in.
    pub source: Option<usize>,
    /// Its path under that source (`hubei/jiayu-2024.txt`), or its name.
    pub rel: String,
    /// Format it was read as (`text`, `html`, `docx`, `pdf`…).
    pub format: String,
    /// Encoding it was decoded from.
    pub encoding: String,
    /// blake3 of the file's bytes and its manifest entry.
    pub hash: String,
    /// Size of the file.
    pub size: u64,
    /// Modification time of the file, ns since 1970.
    pub mtime: u64,
    /// Bytes of its decoded text.
    pub bytes: u64,
    /// Number of clauses.
    pub clauses: usize,
    /// The analysis that wrote its records ([`generation`]).
    pub generation: String,
    /// The parsed plan.
    pub doc: RecordRef,
    /// Its notes and targets.
    pub analysis: RecordRef,
    /// The units of its notes, compact (`analysis::UnitsRecord`); none for
    /// a plan analysed before they were stored.
    #[serde(default)]
    pub units: Option<RecordRef>,
    /// Its headline targets; none for a plan analysed before they were
    /// stored.
    #[serde(default)]
    pub headline: Option<RecordRef>,
}

/// A file that was not taken, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refused {
    /// The file (absolute).
    pub file: PathBuf,
    /// Why, in one line.
    pub reason: String,
    /// Size of the file when refused.
    pub size: u64,
    /// Modification time when refused (ns).
    pub mtime: u64,
}

/// Plans and refusals of a state by their file.
#[derive(Debug)]
pub struct FileIndex<'a> {
    plans: HashMap<&'a Path, &'a PlanEntry>,
    refused: HashMap<&'a Path, &'a Refused>,
}

impl<'a> FileIndex<'a> {
    /// The plan read from `file`.
    pub fn plan(&self, file: &Path) -> Option<&'a PlanEntry> {
        self.plans.get(file).copied()
    }

    /// The refusal of `file`.
    pub fn refused(&self, file: &Path) -> Option<&'a Refused> {
        self.refused.get(file).copied()
    }
}

/// A table the user configured, copied into the index folder so the index
/// carries it (`config/NAME`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfigFile {
    /// Where the user's file was.
    pub origin: PathBuf,
    /// The copy's name under `config/`.
    pub name: String,
}

/// What the catalog was configured with.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Configured {
    /// User dictionaries of jieba.
    #[serde(default)]
    pub dictionaries: Vec<ConfigFile>,
    /// Department alias tables.
    #[serde(default)]
    pub aliases: Vec<ConfigFile>,
}

/// The catalog as of one commit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CatalogState {
    /// The folders and files it was built from.
    pub sources: Vec<Source>,
    /// Plans by id.
    pub plans: BTreeMap<String, PlanEntry>,
    /// Files refused at the last ingest that saw them.
    #[serde(default)]
    pub refused: Vec<Refused>,
    /// The configured tables.
    #[serde(default)]
    pub config: Configured,
    /// True for the catalog of the built-in seeds.
    #[serde(default)]
    pub seeds: bool,
    /// Every folder walked at the last ingest, with its modification time:
    /// a folder whose time changed has had files added, removed or renamed
    /// (see [`crate::fresh`]).
    #[serde(default)]
    pub folders: Vec<Folder>,
}

/// A folder of the sources and its modification time when last walked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Folder {
    /// Absolute path.
    pub path: PathBuf,
    /// Modification time, ns since 1970.
    pub mtime: u64,
}

impl CatalogState {
    /// A copy of everything but the plans.
    pub fn clone_without_plans(&self) -> CatalogState {
        CatalogState {
            sources: self.sources.clone(),
            plans: BTreeMap::new(),
            refused: self.refused.clone(),
            config: self.config.clone(),
            seeds: self.seeds,
            folders: self.folders.clone(),
        }
    }

    /// Every store file this state refers to.
    pub fn files(&self) -> HashSet<String> {
        self.plans
            .values()
            .flat_map(|p| [p.doc.pack.clone(), p.analysis.pack.clone()])
            .collect()
    }

    /// Total clauses.
    pub fn clauses(&self) -> usize {
        self.plans.values().map(|p| p.clauses).sum()
    }

    /// Total bytes of text.
    pub fn bytes(&self) -> u64 {
        self.plans.values().map(|p| p.bytes).sum()
    }

    /// Plans and refusals by file, for looking files up in a loop
    /// ([`CatalogState::by_file`] scans every plan).
    pub fn file_index(&self) -> FileIndex<'_> {
        FileIndex {
            plans: self
                .plans
                .values()
                .filter_map(|p| Some((p.file.as_deref()?, p)))
                .collect(),
            refused: self.refused.iter().map(|r| (r.file.as_path(), r)).collect(),
        }
    }

    /// The plan read from `file` (a scan: see [`CatalogState::file_index`]).
    pub fn by_file(&self, file: &Path) -> Option<&PlanEntry> {
        self.plans
            .values()
            .find(|p| p.file.as_deref() == Some(file))
    }

    /// Plans analysed by another version than this build's.
    pub fn stale(&self) -> usize {
        let g = generation();
        self.plans.values().filter(|p| p.generation != g).count()
    }

    /// The index of `path` among the sources, added when new.
    pub fn source_index(&mut self, path: &Path) -> usize {
        match self.sources.iter().position(|s| s.path == path) {
            Some(i) => i,
            None => {
                self.sources.push(Source {
                    path: path.to_path_buf(),
                });
                self.sources.len() - 1
            }
        }
    }
}
