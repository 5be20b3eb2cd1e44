//! Is the catalog up to date with its sources? Files added, changed or
//! removed since the last ingest, found by walking the sources and
//! comparing sizes and modification times (nothing is read).

use std::collections::HashSet;
use std::path::PathBuf;

use crate::catalog::Catalog;
use crate::walk::walk;

/// What changed in the sources since the last ingest.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Staleness {
    /// Plan files not in the catalog.
    pub new: Vec<PathBuf>,
    /// Files whose size or modification time changed.
    pub changed: Vec<PathBuf>,
    /// Files of the catalog that are gone.
    pub gone: Vec<PathBuf>,
    /// Sources that cannot be read any more.
    pub missing_sources: Vec<PathBuf>,
}

impl Staleness {
    /// True when nothing changed.
    pub fn is_fresh(&self) -> bool {
        self.new.is_empty()
            && self.changed.is_empty()
            && self.gone.is_empty()
            && self.missing_sources.is_empty()
    }

    /// `2 new, 1 changed, 3 gone` (what is not zero).
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        for (n, what) in [
            (self.new.len(), "new"),
            (self.changed.len(), "changed"),
            (self.gone.len(), "gone"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {what}"));
            }
        }
        if !self.missing_sources.is_empty() {
            parts.push(format!(
                "{} missing",
                self.missing_sources
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        parts.join(", ")
    }
}

impl Catalog {
    /// What changed in the sources since the last ingest (empty for the
    /// built-in seeds).
    pub fn staleness(&self) -> Staleness {
        let mut s = Staleness::default();
        let state = self.state();
        let mut sources = Vec::new();
        for src in &state.sources {
            if src.path.exists() {
                sources.push(src.path.clone());
            } else {
                s.missing_sources.push(src.path.clone());
            }
        }
        let Ok(walked) = walk(&sources, Some(self.dir())) else {
            return s;
        };
        let mut seen: HashSet<&std::path::Path> = HashSet::new();
        for f in &walked.found {
            seen.insert(&f.path);
            if let Some(e) = state.by_file(&f.path) {
                if e.size != f.size || e.mtime != f.mtime {
                    s.changed.push(f.path.clone());
                }
            } else if let Some(r) = state.refused.iter().find(|r| r.file == f.path) {
                if r.size != f.size || r.mtime != f.mtime {
                    s.changed.push(f.path.clone());
                }
            } else {
                s.new.push(f.path.clone());
            }
        }
        for e in state.plans.values() {
            if let Some(f) = &e.file {
                if !seen.contains(f.as_path()) {
                    s.gone.push(f.clone());
                }
            }
        }
        s
    }
}
