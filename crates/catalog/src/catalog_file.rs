//! The catalog file of a commit, laid out so that one plan is found
//! without decoding the others: `show ID` on 30,000 plans reads the
//! head and one block, not the whole catalog.
//!
//! ```text
//! [block 0] [block 1] … [head] [head offset: u64 LE] [head length: u32 LE] "FGCAT2\0\0"
//! ```
//!
//! Each block and the head are records of the store (zstd JSON with a
//! checksum, [`crate::store::encode`]). A block holds up to
//! [`BLOCK`] plan entries in id order; the head holds the state without
//! its plans (sources, refusals, tables, folders), the first id, place and
//! length of every block, and the analysis generations present. The whole
//! file is read and every checksum verified when it is opened, so damage
//! is found there and not when a block is decoded later.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::state::{CatalogState, PlanEntry};
use crate::store::{decode, encode, verify};

/// Plan entries per block.
pub const BLOCK: usize = 256;

/// The last bytes of a catalog file.
const MAGIC: &[u8; 8] = b"FGCAT2\0\0";

/// Where a block is, and the first id in it.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct BlockRef {
    first: String,
    offset: u64,
    len: u32,
    count: usize,
}

/// The head of a catalog file.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Head {
    /// The state without its plans.
    state: CatalogState,
    blocks: Vec<BlockRef>,
    /// The distinct analysis generations of the plans.
    generations: Vec<String>,
}

/// An opened catalog file: its head decoded, its blocks on demand.
#[derive(Debug)]
pub struct CatalogFile {
    path: PathBuf,
    bytes: Vec<u8>,
    head: Head,
    blocks: Vec<OnceLock<Vec<PlanEntry>>>,
}

/// Encodes `state` as a catalog file.
pub fn encode_file(state: &CatalogState) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut blocks = Vec::new();
    let entries: Vec<&PlanEntry> = state.plans.values().collect();
    for chunk in entries.chunks(BLOCK) {
        let frame = encode(&chunk)?;
        blocks.push(BlockRef {
            first: chunk[0].meta.id.clone(),
            offset: out.len() as u64,
            len: frame.len() as u32,
            count: chunk.len(),
        });
        out.extend_from_slice(&frame);
    }
    let mut generations: Vec<String> = state.plans.values().map(|e| e.generation.clone()).collect();
    generations.sort();
    generations.dedup();
    let head = Head {
        state: state.clone_without_plans(),
        blocks,
        generations,
    };
    let frame = encode(&head)?;
    let at = out.len() as u64;
    out.extend_from_slice(&frame);
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&(frame.len() as u32).to_le_bytes());
    out.extend_from_slice(MAGIC);
    Ok(out)
}

/// True when `bytes` end as a catalog file in blocks does.
pub fn is_catalog_file(bytes: &[u8]) -> bool {
    bytes.ends_with(MAGIC)
}

impl CatalogFile {
    /// Opens the catalog file `bytes`, read from `path`: the head decoded,
    /// every block's checksum verified.
    pub fn open(path: &Path, bytes: Vec<u8>) -> Result<CatalogFile> {
        let damaged = |why: &str| Error::Damaged {
            path: path.to_path_buf(),
            why: why.to_string(),
        };
        let n = bytes.len();
        if n < 20 || &bytes[n - 8..] != MAGIC {
            return Err(damaged("not a catalog file of this fangan"));
        }
        let at = u64::from_le_bytes(bytes[n - 20..n - 12].try_into().expect("8 bytes")) as usize;
        let len = u32::from_le_bytes(bytes[n - 12..n - 8].try_into().expect("4 bytes")) as usize;
        let frame = bytes
            .get(at..at.saturating_add(len))
            .filter(|_| at + len <= n - 20)
            .ok_or_else(|| damaged("the head is cut short"))?;
        let head: Head = decode(frame, path)?;
        for b in &head.blocks {
            let frame = bytes
                .get(b.offset as usize..b.offset as usize + b.len as usize)
                .ok_or_else(|| damaged("a block is cut short"))?;
            verify(frame, path)?;
        }
        let blocks = head.blocks.iter().map(|_| OnceLock::new()).collect();
        Ok(CatalogFile {
            path: path.to_path_buf(),
            bytes,
            head,
            blocks,
        })
    }

    /// The state without its plans.
    pub fn head(&self) -> &CatalogState {
        &self.head.state
    }

    /// Number of plans.
    pub fn plan_count(&self) -> usize {
        self.head.blocks.iter().map(|b| b.count).sum()
    }

    /// The distinct analysis generations of the plans.
    pub fn generations(&self) -> &[String] {
        &self.head.generations
    }

    fn block(&self, i: usize) -> Result<&[PlanEntry]> {
        if let Some(b) = self.blocks[i].get() {
            return Ok(b);
        }
        let r = &self.head.blocks[i];
        let frame = &self.bytes[r.offset as usize..r.offset as usize + r.len as usize];
        let entries: Vec<PlanEntry> = decode(frame, &self.path)?;
        Ok(self.blocks[i].get_or_init(|| entries))
    }

    /// The entry of plan `id`, decoding only its block.
    pub fn entry(&self, id: &str) -> Result<Option<&PlanEntry>> {
        let i = self.head.blocks.partition_point(|b| b.first.as_str() <= id);
        if i == 0 {
            return Ok(None);
        }
        Ok(self.block(i - 1)?.iter().find(|e| e.meta.id == id))
    }

    /// The whole state, every block decoded.
    pub fn state(&self) -> Result<CatalogState> {
        let mut state = self.head.state.clone_without_plans();
        for i in 0..self.blocks.len() {
            for e in self.block(i)? {
                state.plans.insert(e.meta.id.clone(), e.clone());
            }
        }
        Ok(state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::RecordRef;

    fn entry(id: &str) -> PlanEntry {
        let r = RecordRef {
            pack: "p".into(),
            offset: 0,
            len: 1,
        };
        PlanEntry {
            meta: fangan_model::PlanMeta {
                id: id.into(),
                title: Some(format!("{id}县工作方案")),
                ..Default::default()
            },
            given: None,
            file: None,
            source: None,
            rel: format!("{id}.txt"),
            format: "text".into(),
            encoding: "UTF-8".into(),
            hash: String::new(),
            size: 1,
            mtime: 1,
            bytes: 1,
            clauses: 1,
            generation: "g".into(),
            doc: r.clone(),
            analysis: r,
            units: None,
            headline: None,
        }
    }

    #[test]
    fn one_plan_is_found_in_its_block_and_the_whole_state_round_trips() {
        let mut state = CatalogState::default();
        for i in 0..(BLOCK * 2 + 7) {
            let id = format!("plan{i:05}");
            state.plans.insert(id.clone(), entry(&id));
        }
        let bytes = encode_file(&state).unwrap();
        let f = CatalogFile::open(Path::new("x.cat"), bytes.clone()).unwrap();
        assert_eq!(f.plan_count(), BLOCK * 2 + 7);
        assert_eq!(f.blocks.len(), 3);
        let e = f.entry("plan00300").unwrap().unwrap();
        assert_eq!(e.meta.id, "plan00300");
        assert!(f.blocks[1].get().is_some() && f.blocks[0].get().is_none());
        assert!(f.entry("plan99999").unwrap().is_none());
        assert!(f.entry("a").unwrap().is_none());
        assert_eq!(f.state().unwrap(), state);
        // a damaged block is found when the file is opened
        let mut bad = bytes.clone();
        bad[100] ^= 0xff;
        assert!(CatalogFile::open(Path::new("x.cat"), bad).is_err());
        assert!(CatalogFile::open(Path::new("x.cat"), bytes[..bytes.len() - 3].to_vec()).is_err());
    }
}
