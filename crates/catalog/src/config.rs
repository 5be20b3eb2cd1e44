//! The tables a user configures, carried by the index: jieba user
//! dictionaries and department alias tables are copied into `config/` of
//! the index folder at ingest, so every later command (and a colleague
//! given the folder) reads the index with the same tables.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use fangan_model::Segmenter;
use fangan_notes::NoteReader;

use crate::error::{Error, Result};
use crate::state::{ConfigFile, Configured};

/// Folder of the copies inside an index folder.
pub const CONFIG_DIR: &str = "config";

/// Copies the user's file `origin` into `dir/config/` as `KIND-HASH.EXT`.
pub fn store(dir: &Path, origin: &Path, kind: &str) -> Result<ConfigFile> {
    let bytes = std::fs::read(origin).map_err(|e| Error::io(origin, e))?;
    let ext = origin.extension().and_then(|e| e.to_str()).unwrap_or("txt");
    let hash = blake3::hash(&bytes).to_hex();
    let name = format!("{kind}-{}.{ext}", &hash[..16]);
    let folder = dir.join(CONFIG_DIR);
    std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e))?;
    let path = folder.join(&name);
    if !path.exists() {
        std::fs::write(&path, &bytes).map_err(|e| Error::io(&path, e))?;
    }
    Ok(ConfigFile {
        origin: std::fs::canonicalize(origin).unwrap_or_else(|_| origin.to_path_buf()),
        name,
    })
}

/// Paths of the stored copies of `files`.
fn paths(dir: &Path, files: &[ConfigFile]) -> Vec<PathBuf> {
    files
        .iter()
        .map(|f| dir.join(CONFIG_DIR).join(&f.name))
        .collect()
}

/// The segmenter with the configured user dictionaries.
pub fn segmenter(dir: Option<&Path>, config: &Configured) -> Result<Arc<Segmenter>> {
    let mut b = Segmenter::builder();
    if let Some(dir) = dir {
        for p in paths(dir, &config.dictionaries) {
            b.user_dict(p);
        }
    }
    b.build().map(Arc::new).map_err(|e| Error::Config {
        path: dir.map(|d| d.join(CONFIG_DIR)).unwrap_or_default(),
        why: e.to_string(),
    })
}

/// The note reader with the configured department alias tables.
pub fn note_reader(dir: Option<&Path>, config: &Configured) -> Result<NoteReader> {
    let mut b = NoteReader::builder();
    if let Some(dir) = dir {
        for p in paths(dir, &config.aliases) {
            b.aliases(p);
        }
    }
    b.build().map_err(|e| Error::Config {
        path: dir.map(|d| d.join(CONFIG_DIR)).unwrap_or_default(),
        why: e.to_string(),
    })
}

/// Checks user files before they are recorded: a dictionary must load in
/// jieba, an alias table must parse.
pub fn check(dictionaries: &[PathBuf], aliases: &[PathBuf]) -> Result<()> {
    for d in dictionaries {
        let mut b = Segmenter::builder();
        b.user_dict(d);
        b.build().map_err(|e| Error::Config {
            path: d.clone(),
            why: e.to_string(),
        })?;
    }
    for a in aliases {
        let mut b = NoteReader::builder();
        b.aliases(a);
        b.build().map_err(|e| Error::Config {
            path: a.clone(),
            why: e.to_string(),
        })?;
    }
    Ok(())
}
