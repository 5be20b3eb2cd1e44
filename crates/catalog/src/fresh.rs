//! Is the catalog up to date with its sources? Files added, changed or
//! removed since the last ingest, found without reading any file.
//!
//! The check is quick whatever the corpus's size: the ingest recorded the
//! modification time of every folder it walked, and adding, removing or
//! renaming a file changes its folder's time. Only the folders whose time
//! changed are listed again (their files' sizes and times compared with
//! the catalog's; a new subfolder walked whole). A file rewritten in place
//! leaves its folder's time alone: [`Catalog::file_changed`] checks the
//! file of one plan (the plans a command shows), and `fangan ingest`
//! compares every file.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::catalog::Catalog;
use crate::state::{FileIndex, PlanEntry};
use crate::walk::{list_folder, mtime_ns, walk};

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

/// Size and modification time of `path`, when it is a file.
fn stamp(path: &Path) -> Option<(u64, u64)> {
    let m = std::fs::metadata(path).ok().filter(|m| m.is_file())?;
    Some((m.len(), mtime_ns(&m)))
}

/// Counts `path`, found with size and time `now`, as new or changed.
fn compare(index: &FileIndex<'_>, path: &Path, now: (u64, u64), s: &mut Staleness) {
    let known = index
        .plan(path)
        .map(|e| (e.size, e.mtime))
        .or_else(|| index.refused(path).map(|r| (r.size, r.mtime)));
    match known {
        Some(k) if k != now => s.changed.push(path.to_path_buf()),
        Some(_) => {}
        None => s.new.push(path.to_path_buf()),
    }
}

impl Catalog {
    /// What changed in the sources since the last ingest (empty for the
    /// built-in seeds).
    pub fn staleness(&self) -> Staleness {
        let head = self.head();
        let mut s = Staleness::default();
        let mut folders_changed: Vec<&Path> = Vec::new();
        let mut files: Vec<&Path> = Vec::new();
        for src in &head.sources {
            if !src.path.exists() {
                s.missing_sources.push(src.path.clone());
            } else if src.path.is_file() {
                files.push(&src.path);
            }
        }
        let walked_before = head.folders.iter().map(|f| f.path.as_path());
        let known_folders: HashSet<&Path> = walked_before.collect();
        for f in &head.folders {
            let now = std::fs::metadata(&f.path).ok().map(|m| mtime_ns(&m));
            if now != Some(f.mtime) {
                folders_changed.push(&f.path);
            }
        }
        // an index made before folders were recorded: every folder is
        // listed again
        let unrecorded = head.folders.is_empty();
        if unrecorded {
            return self.staleness_by_walking(s);
        }
        if folders_changed.is_empty() && files.is_empty() {
            return s;
        }
        // something changed: now the plans' entries are needed
        let state = self.state();
        let index = state.file_index();
        let compare = |path: &Path, size: u64, mtime: u64, s: &mut Staleness| {
            compare(&index, path, (size, mtime), s)
        };
        for file in files {
            if let Some((size, mtime)) = stamp(file) {
                compare(file, size, mtime, &mut s);
            }
        }
        for folder in folders_changed {
            let (found, subfolders) = list_folder(folder, Some(self.dir())).unwrap_or_default();
            let listed: HashSet<&Path> = found.iter().map(|f| f.path.as_path()).collect();
            for f in &found {
                compare(&f.path, f.size, f.mtime, &mut s);
            }
            for sub in subfolders
                .iter()
                .filter(|d| !known_folders.contains(d.as_path()))
            {
                if let Ok(w) = walk(std::slice::from_ref(sub), Some(self.dir())) {
                    for f in &w.found {
                        compare(&f.path, f.size, f.mtime, &mut s);
                    }
                }
            }
            for e in state.plans.values() {
                if let Some(file) = &e.file {
                    if file.parent() == Some(folder) && !listed.contains(file.as_path()) {
                        s.gone.push(file.clone());
                    }
                }
            }
        }
        s.new.sort();
        s.changed.sort();
        s.gone.sort();
        s
    }

    /// The staleness of an index whose folders were not recorded: every
    /// source walked again.
    fn staleness_by_walking(&self, mut s: Staleness) -> Staleness {
        let state = self.state();
        let sources: Vec<PathBuf> = state
            .sources
            .iter()
            .filter(|src| src.path.exists())
            .map(|src| src.path.clone())
            .collect();
        let Ok(walked) = walk(&sources, Some(self.dir())) else {
            return s;
        };
        let mut seen: HashSet<&Path> = HashSet::new();
        let index = state.file_index();
        for f in &walked.found {
            seen.insert(&f.path);
            compare(&index, &f.path, (f.size, f.mtime), &mut s);
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

    /// True when the file of `entry` changed (or went) since it was read:
    /// a file rewritten in place, which its folder's time does not show.
    pub fn file_changed(&self, entry: &PlanEntry) -> bool {
        entry
            .file
            .as_deref()
            .is_some_and(|f| stamp(f) != Some((entry.size, entry.mtime)))
    }
}
