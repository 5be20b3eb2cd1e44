//! Plan ids: unique in a catalog and stable across ingests.
//!
//! A file keeps the id it was first given. A new file takes the first free
//! of: the id its manifest gives; its path under its source without the
//! extension (`jiayu-2024`, `hubei/jiayu-2024`); the same under the source
//! folder's name (`plans-b/jiayu-2024`); its path with the extension
//! (`jiayu-2024.md`; before the folder's name when the id is taken by a
//! file beside it with another extension); then `~2`, `~3`… So `a.txt` and
//! `a.md` are `a` and `a.md`, and a second folder's `a.txt` is `q/a`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::state::CatalogState;

/// Ids taken in this ingest, by the file that took them.
pub type Claimed = HashMap<String, PathBuf>;

/// The id of `file` (found under a source folder named `source_name`, at
/// `rel`), or why it cannot have the one its manifest gives.
pub fn assign(
    state: &CatalogState,
    claimed: &Claimed,
    file: &Path,
    rel: &str,
    source_name: &str,
    manifest_id: Option<&str>,
) -> Result<String, String> {
    if let Some(entry) = state.by_file(file) {
        let id = &entry.meta.id;
        if manifest_id.is_none_or(|m| m == id) {
            return Ok(id.clone());
        }
    }
    let taken = |id: &str| -> Option<PathBuf> {
        if let Some(f) = claimed.get(id) {
            if f != file {
                return Some(f.clone());
            }
        }
        let e = state.plans.get(id)?;
        match &e.file {
            Some(f) if f != file && f.exists() => Some(f.clone()),
            Some(_) => None,
            // a built-in seed: only in the seed catalog
            None => Some(PathBuf::from(&e.rel)),
        }
    };
    if let Some(id) = manifest_id {
        return match taken(id) {
            Some(other) => Err(format!(
                "the manifest gives it the id {id:?}, already taken by {}",
                other.display()
            )),
            None => Ok(id.to_string()),
        };
    }
    let without_ext = match rel.rfind('.') {
        Some(i) if !rel[i..].contains('/') => &rel[..i],
        _ => rel,
    };
    // a file beside it with another extension (`a.txt`, `a.md`) is told
    // apart by the extension; one of another source by the source's name
    let beside =
        taken(without_ext).is_some_and(|other| other.with_extension("") == file.with_extension(""));
    let prefixed = format!("{source_name}/{without_ext}");
    let candidates = if beside {
        [without_ext.to_string(), rel.to_string(), prefixed]
    } else {
        [without_ext.to_string(), prefixed, rel.to_string()]
    };
    for c in candidates
        .iter()
        .filter(|c| !c.is_empty() && !c.starts_with('/'))
    {
        if taken(c).is_none() {
            return Ok(c.clone());
        }
    }
    let base = &candidates[0];
    (2..)
        .map(|n| format!("{base}~{n}"))
        .find(|c| taken(c).is_none())
        .ok_or_else(|| "no free id".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_files_with_one_stem_get_two_ids() {
        let state = CatalogState::default();
        let mut claimed = Claimed::new();
        let a = assign(&state, &claimed, Path::new("/p/a.txt"), "a.txt", "p", None).unwrap();
        claimed.insert(a.clone(), "/p/a.txt".into());
        let b = assign(&state, &claimed, Path::new("/p/a.md"), "a.md", "p", None).unwrap();
        claimed.insert(b.clone(), "/p/a.md".into());
        let c = assign(&state, &claimed, Path::new("/q/a.txt"), "a.txt", "q", None).unwrap();
        claimed.insert(c.clone(), "/q/a.txt".into());
        assert_eq!((a.as_str(), b.as_str(), c.as_str()), ("a", "a.md", "q/a"));
        let d = assign(
            &state,
            &claimed,
            Path::new("/p/sub/a.txt"),
            "sub/a.txt",
            "p",
            None,
        )
        .unwrap();
        assert_eq!(d, "sub/a");
        let e = assign(&state, &claimed, Path::new("/x/a.txt"), "a.txt", "x", None).unwrap();
        assert_eq!(e, "x/a");
    }

    #[test]
    fn a_manifest_id_that_is_taken_is_refused() {
        let state = CatalogState::default();
        let mut claimed = Claimed::new();
        claimed.insert("plan-1".into(), "/p/one.txt".into());
        let e = assign(
            &state,
            &claimed,
            Path::new("/p/two.txt"),
            "two.txt",
            "p",
            Some("plan-1"),
        )
        .unwrap_err();
        assert!(e.contains("already taken by /p/one.txt"), "{e}");
    }
}
