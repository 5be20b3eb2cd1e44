//! [`Corpus`]: the catalog the server answers from, kept open between
//! requests and opened again when the index's commit changes.
//!
//! The server never writes: it opens the index folder read-only, as every
//! command does. Another process may ingest into the same folder while it
//! serves; each request first reads the commit's payload (`meta.json`, a
//! few hundred bytes) and, when it names another catalog file, opens the
//! catalog of the new commit. Requests already running keep the catalog
//! they started with (an `Arc`), whose files stay readable.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use fangan_catalog::Catalog;
use fangan_compare::{Prepared, Rarity};
use fangan_index::SearchIndex;
use fangan_model::{Document, Segmenter};

use crate::error::Result;

/// Where the catalog comes from.
#[derive(Clone, Debug)]
pub enum CorpusSource {
    /// The index folder `DIR` (`--index DIR`, or `./index`).
    Index(PathBuf),
    /// The built-in seed plans (their index in the cache folder).
    Seeds,
}

/// One opened commit of the catalog, with what is computed once per
/// commit.
#[derive(Debug)]
pub struct Loaded {
    /// The catalog as of the commit.
    pub catalog: Catalog,
    payload: Option<String>,
    rarity: OnceLock<Arc<SampleRarity>>,
}

/// Word rarity over the corpus's sample, and the plans it counted.
#[derive(Debug)]
pub struct SampleRarity {
    rarity: Rarity,
    counted: HashSet<String>,
}

impl SampleRarity {
    /// The rarity to compare `a` with `b`: the sample's, with the two plans
    /// counted once each (as `fangan diff` counts them).
    pub fn for_pair(&self, seg: &Segmenter, a: &Document, b: &Document) -> Rarity {
        let mut r = self.rarity.clone();
        for d in [a, b] {
            if !self.counted.contains(&d.meta.id) {
                Prepared::new(seg, d).count_into(&mut r);
            }
        }
        r
    }
}

impl Loaded {
    fn new(catalog: Catalog) -> Loaded {
        Loaded {
            payload: SearchIndex::read_payload(catalog.dir()),
            catalog,
            rarity: OnceLock::new(),
        }
    }

    /// Word rarity over the corpus's sample (see
    /// [`Catalog::rarity_sample`]), computed on first use.
    pub fn rarity(&self) -> Result<Arc<SampleRarity>> {
        if let Some(r) = self.rarity.get() {
            return Ok(r.clone());
        }
        let seg = self.catalog.segmenter()?;
        let sample = self.catalog.rarity_sample(&[])?;
        let r = Arc::new(SampleRarity {
            rarity: fangan_compare::rarity_of(&seg, &sample),
            counted: sample.iter().map(|d| d.meta.id.clone()).collect(),
        });
        Ok(self.rarity.get_or_init(|| r).clone())
    }
}

/// The corpus a server answers from.
#[derive(Debug)]
pub struct Corpus {
    source: CorpusSource,
    current: Mutex<Option<Arc<Loaded>>>,
}

impl Corpus {
    /// The corpus of `source`; nothing is opened until [`Corpus::open`].
    pub fn new(source: CorpusSource) -> Corpus {
        Corpus {
            source,
            current: Mutex::new(None),
        }
    }

    /// Where the catalog comes from.
    pub fn source(&self) -> &CorpusSource {
        &self.source
    }

    /// The catalog of the index's last commit: the one already open when
    /// the commit is the same, else opened now.
    pub fn open(&self) -> Result<Arc<Loaded>> {
        let cached = self
            .current
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        if let Some(l) = &cached {
            if SearchIndex::read_payload(l.catalog.dir()) == l.payload {
                return Ok(l.clone());
            }
        }
        let catalog = match (&self.source, &cached) {
            (CorpusSource::Index(dir), _) => Catalog::open(dir)?,
            (CorpusSource::Seeds, Some(l)) => Catalog::open(l.catalog.dir())?,
            (CorpusSource::Seeds, None) => fangan_catalog::seed_catalog()?,
        };
        let loaded = Arc::new(Loaded::new(catalog));
        *self.current.lock().unwrap_or_else(|e| e.into_inner()) = Some(loaded.clone());
        Ok(loaded)
    }

    /// The index folder, once opened.
    pub fn dir(&self) -> Option<PathBuf> {
        match &self.source {
            CorpusSource::Index(d) => Some(d.clone()),
            CorpusSource::Seeds => self
                .current
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .as_ref()
                .map(|l| l.catalog.dir().to_path_buf()),
        }
    }
}
