//! [`SearchIndex`]: an open index (on disk or in RAM) with its tokenizers
//! registered, its field handles, one reader, the shared segmenter and the
//! department table its `lead:`/`dept:` filters fold names with.
//!
//! Opening starts from tantivy's default tokenizers, so every constructor
//! goes through [`register_tokenizers`]: an index is always queried with the
//! tokenizers that built it. An index opened read-only (a colleague's, on a
//! share) takes no lock and writes nothing.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use fangan_model::Segmenter;
use fangan_notes::Departments;
use tantivy::{Index, IndexReader, ReloadPolicy};

use super::directory::SharedDirectory;
use super::error::{IndexError, Result};
use super::lock::LOCK_FILE;
use super::schema::{build_schema, Fields, SCHEMA_VERSION};
use super::tokenizer::register_tokenizers;

/// The first line of an index's payload names the schema version:
/// `fangan-index N`.
const PAYLOAD_HEADER: &str = "fangan-index ";

/// An open search index.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    segmenter: Arc<Segmenter>,
    departments: Arc<Departments>,
    dir: Option<PathBuf>,
    read_only: bool,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("dir", &self.dir)
            .finish()
    }
}

impl SearchIndex {
    /// True when `dir` holds an index.
    pub fn exists(dir: &Path) -> bool {
        dir.join("meta.json").is_file()
    }

    /// Opens the index in `dir` for searching only: no lock is taken and
    /// nothing is written, so an index on a read-only share can be searched.
    pub fn open(dir: &Path, segmenter: Arc<Segmenter>) -> Result<SearchIndex> {
        Self::open_with(dir, segmenter, true)
    }

    /// Opens the index in `dir` for searching and writing.
    pub fn open_writable(dir: &Path, segmenter: Arc<Segmenter>) -> Result<SearchIndex> {
        Self::open_with(dir, segmenter, false)
    }

    fn open_with(dir: &Path, segmenter: Arc<Segmenter>, read_only: bool) -> Result<SearchIndex> {
        if !Self::exists(dir) {
            return Err(IndexError::Missing {
                path: dir.to_path_buf(),
            });
        }
        let found = Self::read_schema_version(dir);
        if found != Some(SCHEMA_VERSION) {
            return Err(IndexError::SchemaVersion {
                path: dir.to_path_buf(),
                found: found.unwrap_or(0),
                expected: SCHEMA_VERSION,
            });
        }
        let lock = dir.join(LOCK_FILE);
        let directory = SharedDirectory::open(
            dir,
            Some(&lock).filter(|l| l.is_file()).map(|l| l.as_path()),
        )
        .map_err(|e| IndexError::open(dir, e))?;
        let index = Index::open(directory).map_err(|e| IndexError::open(dir, e))?;
        let mut this = Self::wrap(index, segmenter, Some(dir.to_path_buf()))?;
        this.read_only = read_only;
        Ok(this)
    }

    /// The schema version recorded in the payload of the index in `dir`,
    /// read from its `meta.json` without opening it.
    fn read_schema_version(dir: &Path) -> Option<u32> {
        let payload = Self::read_payload(dir)?;
        payload
            .lines()
            .next()?
            .strip_prefix(PAYLOAD_HEADER)?
            .trim()
            .parse()
            .ok()
    }

    /// The payload of the last commit of the index in `dir` (what the
    /// committer recorded with it), read without opening the index.
    pub fn read_payload(dir: &Path) -> Option<String> {
        let meta = std::fs::read_to_string(dir.join("meta.json")).ok()?;
        let value: serde_json::Value = serde_json::from_str(&meta).ok()?;
        Some(value.get("payload")?.as_str()?.to_string())
    }

    /// Creates an empty index in `dir` (the folder is made when missing).
    /// An index of another schema version there is deleted first (an index
    /// is rebuilt from what it was built from); any other index there is
    /// an error.
    pub fn create(dir: &Path, segmenter: Arc<Segmenter>) -> Result<SearchIndex> {
        Self::create_locked(dir, segmenter, None)
    }

    /// [`SearchIndex::create`] by the holder of the writer lock of `dir`
    /// (taken before looking whether an index is there, so that two
    /// processes never create one index at once).
    pub fn create_locked(
        dir: &Path,
        segmenter: Arc<Segmenter>,
        lock: Option<crate::lock::WriterLock>,
    ) -> Result<SearchIndex> {
        if dir.exists() && !dir.is_dir() {
            return Err(IndexError::NotAFolder {
                path: dir.to_path_buf(),
            });
        }
        if Self::exists(dir) {
            if Self::read_schema_version(dir) == Some(SCHEMA_VERSION) {
                return Err(IndexError::Exists {
                    path: dir.to_path_buf(),
                });
            }
            Self::remove_files(dir)?;
        }
        let io = |source| IndexError::Io {
            path: dir.to_path_buf(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        // the lock file, made with the user's umask, gives the mode of the
        // files tantivy writes atomically
        let lock_file = dir.join(LOCK_FILE);
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&lock_file)
            .map_err(io)?;
        let directory =
            SharedDirectory::open(dir, Some(&lock_file)).map_err(|e| IndexError::open(dir, e))?;
        let index = Index::create(directory, build_schema(), tantivy::IndexSettings::default())
            .map_err(|e| IndexError::open(dir, e))?;
        let this = Self::wrap(index, segmenter, Some(dir.to_path_buf()))?;
        // an empty first commit records the schema version
        let options = crate::WriterOptions {
            threads: 1,
            ..crate::WriterOptions::default()
        };
        let mut w = this.writer_with_lock(&options, lock)?;
        w.commit("")?;
        w.finish()?;
        Ok(this)
    }

    /// Deletes the index files of `dir` (tantivy's segment files, named by a
    /// 32-digit hex id, and its meta files); other files stay.
    fn remove_files(dir: &Path) -> Result<()> {
        let io = |source| IndexError::Io {
            path: dir.to_path_buf(),
            source,
        };
        for entry in std::fs::read_dir(dir).map_err(io)? {
            let path = entry.map_err(io)?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let stem = name.split('.').next().unwrap_or("");
            let segment = stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit());
            if segment || name == "meta.json" || name == ".managed.json" {
                std::fs::remove_file(&path).map_err(io)?;
            }
        }
        Ok(())
    }

    /// A fresh index in memory (tests, benches).
    pub fn in_ram(segmenter: Arc<Segmenter>) -> SearchIndex {
        let index = Index::create_in_ram(build_schema());
        Self::wrap(index, segmenter, None).expect("a fresh in-RAM index opens")
    }

    /// Uses `departments` (the built-in table with the user's alias tables)
    /// to fold the names of `lead:`, `support:` and `dept:` filters; it must
    /// be the table the clauses were indexed with.
    pub fn set_departments(&mut self, departments: Arc<Departments>) {
        self.departments = departments;
    }

    /// The department table of the `lead:`/`dept:` filters.
    pub fn departments(&self) -> &Departments {
        &self.departments
    }

    /// Every distinct term of the field `name` (`dept`, `lead`, `county`…),
    /// sorted: the values a filter on it can match.
    pub fn terms(&self, name: &str) -> Result<Vec<String>> {
        let field = self
            .index
            .schema()
            .get_field(name)
            .map_err(IndexError::Tantivy)?;
        let searcher = self.reader.searcher();
        let mut out = std::collections::BTreeSet::new();
        for seg in searcher.segment_readers() {
            let inverted = seg.inverted_index(field)?;
            let mut stream = inverted.terms().stream().map_err(|source| IndexError::Io {
                path: self.dir.clone().unwrap_or_default(),
                source,
            })?;
            while stream.advance() {
                if let Ok(t) = std::str::from_utf8(stream.key()) {
                    out.insert(t.to_string());
                }
            }
        }
        Ok(out.into_iter().collect())
    }

    /// True when opened for searching only.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Called by the writer after each commit: tantivy wrote `meta.json`.
    pub(crate) fn after_commit(&self) {}

    fn wrap(
        mut index: Index,
        segmenter: Arc<Segmenter>,
        dir: Option<PathBuf>,
    ) -> Result<SearchIndex> {
        register_tokenizers(&index, segmenter.clone());
        // segments are searched in parallel (one thread per core)
        index.set_default_multithread_executor()?;
        let fields =
            Fields::from_schema(&index.schema()).ok_or_else(|| IndexError::SchemaVersion {
                path: dir.clone().unwrap_or_default(),
                found: 0,
                expected: SCHEMA_VERSION,
            })?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
            segmenter,
            departments: Arc::new(Departments::builtin()),
            dir,
            read_only: false,
        })
    }

    /// The tantivy index.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The reader (reload it after a commit with [`SearchIndex::reload`]).
    pub fn reader(&self) -> &IndexReader {
        &self.reader
    }

    /// Makes the last commit visible to searches.
    pub fn reload(&self) -> Result<()> {
        Ok(self.reader.reload()?)
    }

    /// Field handles.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// The shared segmenter.
    pub fn segmenter(&self) -> &Arc<Segmenter> {
        &self.segmenter
    }

    /// The folder, for an index on disk.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The payload of the last commit, without its schema header (the
    /// committer's record of what the commit holds); `None` before any.
    pub fn payload(&self) -> Result<Option<String>> {
        let metas = self.index.load_metas()?;
        Ok(metas.payload.map(|p| match p.split_once('\n') {
            Some((head, rest)) if head.starts_with(PAYLOAD_HEADER) => rest.to_string(),
            _ if p.starts_with(PAYLOAD_HEADER) => String::new(),
            _ => p,
        }))
    }

    /// `payload` with the schema header in front, as it is committed.
    pub(crate) fn with_header(payload: &str) -> String {
        format!("{PAYLOAD_HEADER}{SCHEMA_VERSION}\n{payload}")
    }

    /// Size of the index files in bytes (0 in RAM).
    pub fn disk_size(&self) -> u64 {
        let Some(dir) = &self.dir else { return 0 };
        std::fs::read_dir(dir)
            .map(|rd| {
                rd.filter_map(|e| e.ok()?.metadata().ok())
                    .filter(|m| m.is_file())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0)
    }
}
