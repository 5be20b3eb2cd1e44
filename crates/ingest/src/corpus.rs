//! A corpus: the plans of a folder (with or without `manifest.toml`), or the
//! seed plans built into the binary. One bad file never stops the batch: it
//! is set aside in [`Corpus::refused`] with its reason.

use std::path::{Path, PathBuf};

use fangan_model::{Document, PlanMeta};
use rayon::prelude::*;

use crate::manifest::Manifest;
use crate::parse::Parser;
use crate::read::{read_bytes, read_path, SourceText};
use crate::{Error, Result};

/// Plans read from one place.
#[derive(Debug, Default)]
pub struct Corpus {
    /// The parsed plans, in file-name order.
    pub documents: Vec<Document>,
    /// Files that could not be read, with why.
    pub refused: Vec<(PathBuf, Error)>,
}

impl Corpus {
    /// Reads every plan file of `dir` (not recursive), in parallel, with the
    /// folder's `manifest.toml` if there is one.
    pub fn load_dir(dir: &Path, parser: &Parser) -> Result<Corpus> {
        let manifest = Manifest::load(dir)?;
        let files = plan_files(dir)?;
        let results: Vec<(PathBuf, Result<Document>)> = files
            .into_par_iter()
            .map(|p| {
                let r = load_file_with(&p, parser, manifest.as_ref());
                (p, r)
            })
            .collect();
        let mut corpus = Corpus::default();
        for (p, r) in results {
            match r {
                Ok(d) => corpus.documents.push(d),
                Err(e) => corpus.refused.push((p, e)),
            }
        }
        Ok(corpus)
    }

    /// The seed plans built into the binary.
    pub fn embedded(parser: &Parser) -> Corpus {
        let manifest =
            Manifest::parse(crate::embedded::MANIFEST).expect("the seed manifest is valid");
        let documents = crate::embedded::SEEDS
            .par_iter()
            .map(|(name, text)| {
                let path = PathBuf::from("seeds").join(name);
                load_bytes_with(text.as_bytes(), &path, parser, Some(&manifest))
                    .expect("the built-in seeds are plain UTF-8 text")
            })
            .collect();
        Corpus {
            documents,
            refused: Vec::new(),
        }
    }

    /// Plans matching `key`: an id, or a county name (`平江`, `平江县`).
    pub fn find(&self, key: &str) -> Vec<&Document> {
        let by_id: Vec<&Document> = self.documents.iter().filter(|d| d.meta.id == key).collect();
        if !by_id.is_empty() {
            return by_id;
        }
        self.documents
            .iter()
            .filter(|d| {
                d.meta
                    .county
                    .as_deref()
                    .is_some_and(|c| c == key || c.starts_with(key))
            })
            .collect()
    }
}

/// The plan files of `dir`, sorted.
pub fn plan_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| is_plan_file(p))
        .collect();
    files.sort();
    Ok(files)
}

/// True for files with a plan extension that are not a README.
pub fn is_plan_file(p: &Path) -> bool {
    let ext_ok = matches!(crate::read::classify(p), crate::read::Kind::Document(_));
    let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    ext_ok && p.is_file() && !stem.to_ascii_lowercase().starts_with("readme")
}

/// Reads and parses one file; what no manifest says is inferred.
pub fn load_file(path: &Path, parser: &Parser) -> Result<Document> {
    let manifest = path.parent().map(Manifest::load).transpose()?.flatten();
    load_file_with(path, parser, manifest.as_ref())
}

/// Reads and parses one file with its folder's manifest (already loaded).
pub fn load_file_with(
    path: &Path,
    parser: &Parser,
    manifest: Option<&Manifest>,
) -> Result<Document> {
    Ok(parse_source(read_path(path)?, path, parser, manifest))
}

/// Parses the bytes of the file at `path`, already read, with its folder's
/// manifest (nothing is read from disk).
pub fn load_bytes_with(
    bytes: &[u8],
    path: &Path,
    parser: &Parser,
    manifest: Option<&Manifest>,
) -> Result<Document> {
    Ok(parse_source(
        read_bytes(bytes, path)?,
        path,
        parser,
        manifest,
    ))
}

fn parse_source(
    source: SourceText,
    path: &Path,
    parser: &Parser,
    manifest: Option<&Manifest>,
) -> Document {
    let name = path.file_name().and_then(|s| s.to_str()).unwrap_or("plan");
    parser.parse(source, Some(path.to_path_buf()), meta_for(name, manifest))
}

fn meta_for(file_name: &str, manifest: Option<&Manifest>) -> PlanMeta {
    match manifest.and_then(|m| m.entry_for(file_name)) {
        Some(entry) => entry.meta(),
        None => PlanMeta {
            id: Path::new(file_name)
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("plan")
                .to_string(),
            ..PlanMeta::default()
        },
    }
}
