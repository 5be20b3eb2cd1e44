//! Finding the plan files of a catalog's sources: folders read recursively,
//! every file accounted for: a document to read, or skipped with a reason
//! (an image, a spreadsheet, an archive…). Hidden files and folders, the
//! manifests, READMEs and the index folder itself are passed over.

use fangan_ingest::read::{classify, Kind};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::state::Folder;

/// A file to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Absolute path.
    pub path: PathBuf,
    /// Index of the source (in the list walked) it was found under.
    pub source: usize,
    /// Its path under the source, `/`-separated (`hubei/jiayu-2024.txt`);
    /// its name when the source is the file itself.
    pub rel: String,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, ns since 1970.
    pub mtime: u64,
}

/// What walking found.
#[derive(Clone, Debug, Default)]
pub struct Walk {
    /// Files to read, sorted by path.
    pub found: Vec<Found>,
    /// Files that are not plans, with why (`image (.jpg)`).
    pub skipped: Vec<(PathBuf, String)>,
    /// Every folder walked, with its modification time.
    pub folders: Vec<Folder>,
}

/// Modification time of a file in ns (0 when unknown).
pub fn mtime_ns(m: &std::fs::Metadata) -> u64 {
    m.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as u64)
}

/// Why a file is not read as a plan, or `None` when it is one (the
/// reader's [`classify`] owns the list of formats).
pub fn not_a_plan(path: &Path) -> Option<String> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    let kind = match classify(path) {
        Kind::Document(_) => return None,
        Kind::NotADocument("archive") => "an archive (unpack it first)".to_string(),
        Kind::NotADocument(kind) => format!("not a document: {kind}"),
        Kind::Unknown if ext.is_empty() => return Some("no extension".into()),
        Kind::Unknown => "not a format fangan reads".to_string(),
    };
    Some(format!("{kind} (.{ext})"))
}

/// Files passed over without a word: hidden ones, manifests, READMEs.
fn ignored(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    name.starts_with('.')
        || lower == "manifest.toml"
        || lower == "manifest.csv"
        || lower.starts_with("readme")
        || name.ends_with('~')
}

/// Walks `sources` (absolute paths of folders or files), leaving out the
/// folder `skip_dir` (the index itself, when it lies inside a source).
pub fn walk(sources: &[PathBuf], skip_dir: Option<&Path>) -> Result<Walk> {
    let mut w = Walk::default();
    for (i, root) in sources.iter().enumerate() {
        let meta = std::fs::metadata(root).map_err(|e| Error::io(root, e))?;
        if meta.is_file() {
            let name = root
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            match not_a_plan(root) {
                None => w.found.push(Found {
                    path: root.clone(),
                    source: i,
                    rel: name,
                    size: meta.len(),
                    mtime: mtime_ns(&meta),
                }),
                Some(why) => w.skipped.push((root.clone(), why)),
            }
            continue;
        }
        visit(root, root, i, skip_dir, &mut w, 0)?;
    }
    w.found.sort_by(|a, b| a.path.cmp(&b.path));
    w.skipped.sort();
    w.folders.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(w)
}

/// The plan files directly in `dir` (sorted; `source` 0, `rel` the name)
/// and its subfolders, not walked; the folder `skip_dir` is left out.
pub fn list_folder(dir: &Path, skip_dir: Option<&Path>) -> Result<(Vec<Found>, Vec<PathBuf>)> {
    let mut files = Vec::new();
    let mut folders = Vec::new();
    let rd = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in rd.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if ignored(&name) || skip_dir == Some(path.as_path()) {
            continue;
        }
        let Ok(ft) = entry.file_type() else { continue };
        if ft.is_dir() {
            folders.push(path);
            continue;
        }
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if meta.is_file() && not_a_plan(&path).is_none() {
            files.push(Found {
                path,
                source: 0,
                rel: name,
                size: meta.len(),
                mtime: mtime_ns(&meta),
            });
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    folders.sort();
    Ok((files, folders))
}

fn visit(
    root: &Path,
    dir: &Path,
    source: usize,
    skip_dir: Option<&Path>,
    w: &mut Walk,
    depth: usize,
) -> Result<()> {
    if depth > 32 || skip_dir == Some(dir) {
        return Ok(());
    }
    // the time before the listing: a file added while it runs makes the
    // folder newer than recorded, so the next command says so
    let mtime = std::fs::metadata(dir).map_or(0, |m| mtime_ns(&m));
    let rd = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    w.folders.push(Folder {
        path: dir.to_path_buf(),
        mtime,
    });
    for entry in rd.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if ignored(&name) {
            continue;
        }
        // no symbolic links to folders: no loops
        let Ok(ft) = entry.file_type() else { continue };
        if ft.is_dir() {
            visit(root, &path, source, skip_dir, w, depth + 1)?;
            continue;
        }
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        match not_a_plan(&path) {
            None => {
                let rel = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                w.found.push(Found {
                    path,
                    source,
                    rel,
                    size: meta.len(),
                    mtime: mtime_ns(&meta),
                });
            }
            Some(why) => w.skipped.push((path, why)),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_read_recursively_and_every_file_is_accounted_for() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("hubei/2024")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::create_dir_all(root.join("index")).unwrap();
        for f in [
            "a.txt",
            "hubei/2024/b.docx",
            "hubei/c.jpg",
            "README.md",
            "manifest.toml",
            ".git/x.txt",
            "index/y.txt",
            "d.xlsx",
        ] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let w = walk(&[root.to_path_buf()], Some(&root.join("index"))).unwrap();
        let rels: Vec<&str> = w.found.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(rels, ["a.txt", "hubei/2024/b.docx"]);
        let skipped: Vec<String> = w
            .skipped
            .iter()
            .map(|(p, why)| format!("{}: {why}", p.file_name().unwrap().to_string_lossy()))
            .collect();
        assert_eq!(
            skipped,
            [
                "d.xlsx: not a document: spreadsheet (.xlsx)",
                "c.jpg: not a document: image (.jpg)"
            ]
        );
    }
}
