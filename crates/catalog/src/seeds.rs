//! The catalog of the built-in seed plans, for a machine with no index and
//! no corpus: built once into the user's cache folder
//! (`$XDG_CACHE_HOME/fangan` or `~/.cache/fangan`; a temporary folder when
//! there is none), and rebuilt when the seeds or fangan's analysis change.
//! It is never mixed into a user's index.

use std::path::{Path, PathBuf};

use fangan_ingest::corpus::Corpus;
use fangan_ingest::parse::Parser;

use crate::catalog::Catalog;
use crate::error::Result;
use crate::state::generation;

/// The folder of fangan's cache.
pub fn cache_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".cache"))
        })?;
    Some(base.join("fangan"))
}

/// A key of the seeds, the index schema, the analysis and this build of
/// fangan: a change of any of them means another seed catalog (it is a
/// cache, rebuilt in a second).
fn seeds_key() -> String {
    let mut h = blake3::Hasher::new();
    if let Some(m) = std::env::current_exe()
        .ok()
        .and_then(|p| std::fs::metadata(p).ok())
    {
        h.update(&m.len().to_le_bytes());
        h.update(&crate::walk::mtime_ns(&m).to_le_bytes());
    }
    h.update(generation().as_bytes());
    h.update(&fangan_index::schema::SCHEMA_VERSION.to_le_bytes());
    for (name, text) in fangan_ingest::embedded::SEEDS {
        h.update(name.as_bytes());
        h.update(text.as_bytes());
    }
    h.update(fangan_ingest::embedded::MANIFEST.as_bytes());
    h.finalize().to_hex()[..16].to_string()
}

/// Opens the seed catalog, building it first when needed.
pub fn seed_catalog() -> Result<Catalog> {
    let key = seeds_key();
    let name = format!("seeds-{key}");
    let mut tried = Vec::new();
    for base in [cache_dir(), Some(std::env::temp_dir().join("fangan"))]
        .into_iter()
        .flatten()
    {
        let dir = base.join(&name);
        if Catalog::exists(&dir) {
            if let Ok(c) = Catalog::open(&dir) {
                if c.is_seeds() && c.len() == fangan_ingest::embedded::SEEDS.len() {
                    return Ok(c);
                }
            }
        }
        match build(&base, &name) {
            Ok(c) => {
                remove_old(&base, &name);
                return Ok(c);
            }
            Err(e) => tried.push(e),
        }
    }
    Err(tried.pop().expect("at least one folder was tried"))
}

/// Builds the seed catalog in `base/name.tmp-PID`, then moves it into place.
fn build(base: &Path, name: &str) -> Result<Catalog> {
    std::fs::create_dir_all(base).map_err(|e| crate::Error::io(base, e))?;
    let tmp = base.join(format!("{name}.tmp-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    {
        let mut c = Catalog::open_writable(&tmp)?;
        c.ingest_documents(Corpus::embedded(&Parser::new()).documents)?;
    }
    let dir = base.join(name);
    if std::fs::rename(&tmp, &dir).is_err() {
        // another process made it meanwhile: use theirs
        let _ = std::fs::remove_dir_all(&tmp);
    }
    Catalog::open(&dir)
}

/// Removes seed catalogs of other keys (older builds).
fn remove_old(base: &Path, keep: &str) {
    let Ok(rd) = std::fs::read_dir(base) else {
        return;
    };
    for e in rd.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if n.starts_with("seeds-") && n != keep && !n.contains(".tmp-") {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}
