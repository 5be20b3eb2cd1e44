//! fangan's corpus: one owner of "the plans".
//!
//! A [`Catalog`] is the corpus of one index folder: the tantivy index of
//! clauses ([`fangan_index`]), the parsed plans and what was read from
//! them (notes, targets) in a store beside it, the folders and files they
//! came from, the files refused, and the tables the user configured (jieba
//! dictionaries, department aliases). Every command reads plans from here,
//! so a corpus is parsed once, at ingest, not on every command.
//!
//! - [`Catalog::ingest`] brings it up to date with its sources
//!   (incrementally: unchanged files are not read again);
//! - [`Resolver`] names plans by id, place, year, title or file, with
//!   errors that list the candidates or the closest names;
//! - [`Catalog::staleness`] says what changed in the sources since;
//! - [`seed_catalog`] is the catalog of the built-in seed plans, for a
//!   machine with no corpus yet.
//!
//! ```no_run
//! use fangan_catalog::{Catalog, IngestRequest, Resolver, Resolved};
//!
//! let mut catalog = Catalog::open_writable("my-index".as_ref())?;
//! let req = IngestRequest { paths: vec!["plans".into()], ..IngestRequest::default() };
//! let report = catalog.ingest(&req, &mut |_| {})?;
//! println!("{} plans", report.plans_total);
//! if let Resolved::Plan(entry) = Resolver::new(&catalog).plan("平江", Some(2023))? {
//!     let doc = catalog.document(&entry.meta.id)?;
//!     println!("{} clauses", doc.clauses.len());
//! }
//! # Ok::<(), fangan_catalog::Error>(())
//! ```
#![deny(missing_docs)]

mod analysis;
mod catalog;
mod catalog_file;
mod config;
mod error;
mod filters;
mod fresh;
mod ids;
mod ingest;
mod plan_notes;
mod resolve;
mod sample;
mod seeds;
mod select;
mod state;
pub mod store;
mod walk;

pub use analysis::{Analyzer, ClauseNotes, NoteUnits, PlanAnalysis, TargetAt};
pub use catalog::Catalog;
pub use error::{Error, Result};
pub use fresh::Staleness;
pub use ingest::{IngestReport, IngestRequest, Progress};
pub use resolve::{closest, describe, Resolved, Resolver};
pub use sample::RARITY_SAMPLE;
pub use seeds::{cache_dir, seed_catalog};
pub use select::Selection;
pub use state::{
    generation, CatalogState, ConfigFile, Configured, PlanEntry, Refused, Source, ANALYSIS_VERSION,
};
pub use walk::not_a_plan;
