//! [`SearchIndex`]: an open index (on disk or in RAM) with its tokenizers
//! registered, its field handles, one reader and the shared segmenter.
//!
//! Opening starts from tantivy's default tokenizers, so both constructors go
//! through [`register_tokenizers`]: an index is always queried with the
//! tokenizers that built it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use fangan_model::Segmenter;
use fangan_notes::NoteReader;
use tantivy::directory::MmapDirectory;
use tantivy::{Index, IndexReader, ReloadPolicy};

use super::error::{IndexError, Result};
use super::manifest::IndexManifest;
use super::schema::{build_schema, Fields, SCHEMA_VERSION};
use super::tokenizer::register_tokenizers;

/// An open search index.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    segmenter: Arc<Segmenter>,
    notes: NoteReader,
    dir: Option<PathBuf>,
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

    /// Opens the index in `dir` for searching.
    pub fn open(dir: &Path, segmenter: Arc<Segmenter>) -> Result<SearchIndex> {
        if !Self::exists(dir) {
            return Err(IndexError::Missing {
                path: dir.to_path_buf(),
            });
        }
        let index = Index::open_in_dir(dir)?;
        let this = Self::wrap(index, segmenter, Some(dir.to_path_buf()))?;
        let found = this.manifest()?.schema_version;
        if found != SCHEMA_VERSION {
            return Err(IndexError::SchemaVersion {
                path: dir.to_path_buf(),
                found,
                expected: SCHEMA_VERSION,
            });
        }
        Ok(this)
    }

    /// The manifest of the index in `dir`, read from its `meta.json` without
    /// opening it (works for an index of another schema version).
    pub fn read_manifest(dir: &Path) -> Option<IndexManifest> {
        let meta = std::fs::read_to_string(dir.join("meta.json")).ok()?;
        let value: serde_json::Value = serde_json::from_str(&meta).ok()?;
        Some(IndexManifest::from_payload(value.get("payload")?.as_str()))
    }

    /// Opens the index in `dir`, creating the folder and an empty index when
    /// there is none. An index of another schema version is deleted and
    /// created anew (it is a cache of the plan files).
    pub fn open_or_create(dir: &Path, segmenter: Arc<Segmenter>) -> Result<SearchIndex> {
        if Self::exists(dir) {
            match Self::open(dir, segmenter.clone()) {
                Err(IndexError::SchemaVersion { .. }) => Self::remove_files(dir)?,
                other => return other,
            }
        }
        std::fs::create_dir_all(dir).map_err(|source| IndexError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let directory = MmapDirectory::open(dir).map_err(|e| IndexError::Io {
            path: dir.to_path_buf(),
            source: std::io::Error::other(e.to_string()),
        })?;
        let index = Index::open_or_create(directory, build_schema())?;
        Self::wrap(index, segmenter, Some(dir.to_path_buf()))
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
            notes: NoteReader::new(),
            dir,
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

    /// The reader of responsibility notes (lead departments).
    pub fn notes(&self) -> &NoteReader {
        &self.notes
    }

    /// Uses `notes` (with user alias files) to read lead departments.
    pub fn set_notes(&mut self, notes: NoteReader) {
        self.notes = notes;
    }

    /// The folder, for an index on disk.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The manifest of the last commit.
    pub fn manifest(&self) -> Result<IndexManifest> {
        let metas = self.index.load_metas()?;
        Ok(IndexManifest::from_payload(metas.payload.as_deref()))
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
