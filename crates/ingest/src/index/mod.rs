//! The search index: documents → tantivy, and queries over it.
//!
//! - [`schema`]: every field name and its options;
//! - [`tokenizer`]: the character tokenizer and the jieba adapter, registered
//!   by one function on every open;
//! - [`SearchIndex`]: an open index with its reader and segmenter;
//! - [`Ingester`]: incremental ingest with a writer lock and a manifest of
//!   ingested files in each commit;
//! - [`query`]: the query language; [`SearchIndex::search`] and
//!   [`SearchIndex::count`] run it; [`highlight`] finds the exact matched
//!   characters; [`SearchIndex::similar`] finds clauses like a given one.
//!
//! ```
//! use std::sync::Arc;
//! use fangan_ingest::corpus::Corpus;
//! use fangan_ingest::index::{Ingester, SearchIndex, SearchRequest};
//! use fangan_ingest::parse::Parser;
//! use fangan_model::Segmenter;
//!
//! let index = SearchIndex::in_ram(Arc::new(Segmenter::new()));
//! let seeds = Corpus::embedded(&Parser::new());
//! Ingester::builder().build().run_documents(&index, &seeds.documents)?;
//!
//! let mut req = SearchRequest::parse("\"專項債\" year:2025")?; // traditional folds
//! req.limit(5);
//! let results = index.search(&req)?;
//! assert!(results.total >= 2);
//! let hit = &results.hits[0];
//! // highlights are byte ranges of the clause text as shown
//! assert_eq!(hit.highlights[0].slice(&hit.text), "专项债");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod error;
pub mod highlight;
pub mod lock;
pub mod manifest;
pub mod query;
pub mod schema;
mod search;
mod search_index;
mod similar;
pub mod tokenizer;
mod writer;

#[cfg(test)]
mod completeness_tests;

pub use error::{IndexError, Result};
pub use manifest::{IndexManifest, PlanEntry};
pub use query::{Filter, FilterField, FilterValue, Node, QueryError};
pub use search::{char_phrase, Counts, GroupBy, GroupCount, Hit, SearchRequest, SearchResults};
pub use search_index::SearchIndex;
pub use similar::{SimilarHit, SimilarRequest};
pub use writer::{
    document_entries, plan_id, ClauseDepartments, IngestReport, Ingester, IngesterBuilder,
    Progress, MERGE_UP_TO_CLAUSES,
};
