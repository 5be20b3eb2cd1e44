//! The manifest of ingested files: which plans the index holds, from which
//! file, with which content hash.
//!
//! It is saved as the payload of every tantivy commit, so it is always the
//! manifest of exactly the committed documents: an ingest killed between
//! commits leaves the previous commit and its manifest together.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::schema::SCHEMA_VERSION;

/// What the index holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexManifest {
    /// Schema version the documents were written with.
    pub schema_version: u32,
    /// Build of the program that parsed them (a change re-parses every file).
    pub generation: String,
    /// User dictionaries the words were segmented with (queries load the
    /// same ones).
    #[serde(default)]
    pub dictionaries: Vec<PathBuf>,
    /// Plans by id.
    pub plans: BTreeMap<String, PlanEntry>,
}

/// One ingested plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanEntry {
    /// The file it was read from.
    pub file: PathBuf,
    /// blake3 hash of the file's bytes, hex.
    pub hash: String,
    /// Size of the file in bytes.
    pub bytes: u64,
    /// Number of clauses indexed.
    pub clauses: usize,
    /// Build of the program that parsed it.
    #[serde(default)]
    pub generation: String,
}

impl Default for IndexManifest {
    fn default() -> Self {
        IndexManifest {
            schema_version: SCHEMA_VERSION,
            generation: String::new(),
            dictionaries: Vec::new(),
            plans: BTreeMap::new(),
        }
    }
}

impl IndexManifest {
    /// Reads a commit payload; an index without one is empty.
    pub fn from_payload(payload: Option<&str>) -> IndexManifest {
        payload
            .and_then(|p| serde_json::from_str(p).ok())
            .unwrap_or_default()
    }

    /// The commit payload.
    pub fn to_payload(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Plans parsed by another build than `generation` (their index
    /// entries may differ from what this build would write).
    pub fn stale(&self, generation: &str) -> usize {
        self.plans
            .values()
            .filter(|p| p.generation != generation)
            .count()
    }

    /// Total size of the ingested files.
    pub fn bytes(&self) -> u64 {
        self.plans.values().map(|p| p.bytes).sum()
    }

    /// Total number of clauses.
    pub fn clauses(&self) -> usize {
        self.plans.values().map(|p| p.clauses).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_round_trips() {
        let mut m = IndexManifest {
            generation: "g1".into(),
            ..IndexManifest::default()
        };
        m.plans.insert(
            "pingjiang-2023".into(),
            PlanEntry {
                file: "seeds/pingjiang-2023.txt".into(),
                hash: "ab".into(),
                bytes: 10,
                clauses: 3,
                generation: "g1".into(),
            },
        );
        let back = IndexManifest::from_payload(Some(&m.to_payload()));
        assert_eq!(back, m);
        assert_eq!(back.clauses(), 3);
        assert_eq!(IndexManifest::from_payload(None), IndexManifest::default());
        assert_eq!(
            IndexManifest::from_payload(Some("not json")),
            IndexManifest::default()
        );
    }
}
