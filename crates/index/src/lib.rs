//! fangan's search index: the clauses of plans in tantivy, and queries over
//! them.
//!
//! - [`schema`]: every field name and its options;
//! - [`tokenizer`]: the character tokenizer and the jieba adapter, registered
//!   by one function on every open;
//! - [`SearchIndex`]: an open index with its reader and segmenter;
//! - [`ClauseWriter`]: the one writer (a lock file names its holder): plans
//!   added, deleted, committed with the caller's payload;
//! - [`query`]: the query language; [`SearchIndex::search`] and
//!   [`SearchIndex::count`] run it ([`SearchIndex::count_per_plan`]
//!   counts each plan's matches, for facets); [`highlight`] finds the exact
//!   matched characters; [`SearchIndex::similar`] finds clauses like a given one.
//!
//! ```
//! use std::sync::Arc;
//! use fangan_ingest::corpus::Corpus;
//! use fangan_ingest::parse::Parser;
//! use fangan_index::{SearchIndex, SearchRequest, WriterOptions};
//! use fangan_model::Segmenter;
//!
//! let index = SearchIndex::in_ram(Arc::new(Segmenter::new()));
//! let mut writer = index.writer(&WriterOptions::default())?;
//! for doc in &Corpus::embedded(&Parser::new()).documents {
//!     writer.add_plan(doc, &[])?;
//! }
//! writer.commit("")?;
//! writer.finish()?;
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

mod clause_docs;
mod directory;
mod error;
pub mod highlight;
pub mod lock;
mod per_plan;
pub mod query;
pub mod schema;
mod search;
mod search_index;
mod similar;
pub mod tokenizer;
mod writer;

#[cfg(test)]
mod completeness_tests;
#[cfg(test)]
mod testutil;

pub use clause_docs::{clause_documents, ClauseDepartments};
pub use directory::SharedDirectory;
pub use error::{io_words, IndexError, Result};
pub use query::{Filter, FilterField, FilterValue, Node, QueryError};
pub use search::{char_phrase, Counts, GroupBy, GroupCount, Hit, SearchRequest, SearchResults};
pub use search_index::SearchIndex;
pub use similar::{SimilarHit, SimilarRequest};
/// A tantivy document (one clause), as [`ClauseWriter::documents`] builds it.
pub use tantivy::TantivyDocument;
pub use writer::{ClauseWriter, WriterOptions, MERGE_UP_TO_CLAUSES};
