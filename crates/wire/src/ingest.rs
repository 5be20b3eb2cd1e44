//! `fangan ingest`.
//!
//! ```text
//! {"index": DIR, "added": [ID], "replaced": [ID], "reanalysed": [ID], "unchanged": N,
//!  "pruned": [ID], "gone": [ID], "formats": {"text": N, "pdf": N, …},
//!  "refused": [{"file", "reason"}], "not_plans": [{"file", "reason"}],
//!  "clauses": N, "bytes": N, "seconds": F, "plans_total": N, "clauses_total": N}
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use fangan_catalog::IngestReport;
use serde::Serialize;

/// A file not taken, and why.
#[derive(Debug, Serialize)]
pub struct FileReason {
    /// The file.
    pub file: String,
    /// Why, in one line.
    pub reason: String,
}

fn reasons(list: &[(PathBuf, String)]) -> Vec<FileReason> {
    list.iter()
        .map(|(p, r)| FileReason {
            file: p.display().to_string(),
            reason: r.clone(),
        })
        .collect()
}

/// The summary of an ingest.
#[derive(Debug, Serialize)]
pub struct IngestJson<'a> {
    /// The index folder.
    pub index: String,
    /// Plans added.
    pub added: &'a [String],
    /// Plans whose file changed.
    pub replaced: &'a [String],
    /// Plans analysed again from their stored text.
    pub reanalysed: &'a [String],
    /// Plans unchanged.
    pub unchanged: usize,
    /// Plans dropped.
    pub pruned: &'a [String],
    /// Plans whose file is gone, kept.
    pub gone: &'a [String],
    /// Plans read, per format.
    pub formats: &'a BTreeMap<String, usize>,
    /// Files refused.
    pub refused: Vec<FileReason>,
    /// Files that are not plans.
    pub not_plans: Vec<FileReason>,
    /// Clauses written.
    pub clauses: usize,
    /// Bytes of text parsed.
    pub bytes: u64,
    /// Wall time.
    pub seconds: f64,
    /// Plans in the index afterwards.
    pub plans_total: usize,
    /// Clauses in the index afterwards.
    pub clauses_total: usize,
}

impl<'a> IngestJson<'a> {
    /// The JSON of `r` for the index in `dir`.
    pub fn new(r: &'a IngestReport, dir: &Path) -> IngestJson<'a> {
        IngestJson {
            index: dir.display().to_string(),
            added: &r.added,
            replaced: &r.replaced,
            reanalysed: &r.reanalysed,
            unchanged: r.unchanged,
            pruned: &r.pruned,
            gone: &r.gone,
            formats: &r.formats,
            refused: reasons(&r.refused),
            not_plans: reasons(&r.not_plans),
            clauses: r.clauses,
            bytes: r.bytes,
            seconds: r.elapsed.as_secs_f64(),
            plans_total: r.plans_total,
            clauses_total: r.clauses_total,
        }
    }
}
