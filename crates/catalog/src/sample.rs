//! The plans that weigh words by rarity when two plans are compared
//! (`fangan diff`, the web interface's compare page): all of a small
//! corpus, a fixed sample of a large one (word rarity is estimated well
//! from a few hundred plans, and reading them all would cost seconds).

use fangan_model::Document;

use crate::catalog::Catalog;
use crate::error::Result;

/// At most this many plans are read to weigh words by rarity.
pub const RARITY_SAMPLE: usize = 300;

impl Catalog {
    /// Every plan of the corpus, or every n-th of a larger one (at most
    /// [`RARITY_SAMPLE`]), less the plans `except` names (the ones being
    /// compared, counted by the caller).
    pub fn rarity_sample(&self, except: &[&str]) -> Result<Vec<Document>> {
        let entries: Vec<_> = self.plans().collect();
        let step = entries.len().div_ceil(RARITY_SAMPLE).max(1);
        let sample: Vec<_> = entries
            .iter()
            .copied()
            .step_by(step)
            .filter(|e| !except.contains(&e.meta.id.as_str()))
            .collect();
        self.documents(&sample)
    }
}
