//! Shared vocabulary of fangan: plans ([`Document`]), their numbered clauses
//! ([`Clause`]), byte [`Span`]s into the original text, offset-preserving text
//! views ([`MappedText`]), the search/compare [`fold`], and the jieba
//! [`Segmenter`] with fangan's policy dictionary.
//!
//! Every other crate speaks these types; this crate depends on neither tantivy,
//! similar nor clap.
//!
//! ```
//! use fangan_model::{fold, Span};
//! let folded = fold::fold("發展（一）：ＧＤＰ 增长");
//! assert_eq!(folded.text(), "发展(一):GDP增长");
//! // every folded character points back into the input
//! let span = folded.source_span(Span::new(0, "发展".len()));
//! assert_eq!(&"發展（一）：ＧＤＰ 增长"[span.start..span.end], "發展");
//! ```
#![deny(missing_docs)]

mod clause;
mod document;
mod error;
pub mod fold;
mod line_index;
mod mapped;
mod mapped_serde;
mod meta;
mod segmenter;
mod span;

pub use clause::{Clause, ClauseId, Level, RawNote, SectionKind};
pub use document::{line_of, Document, ParseWarning, SourceInfo};
pub use error::{Error, Result};
pub use line_index::LineIndex;
pub use mapped::{MappedText, MappedTextBuilder};
pub use meta::{Inference, PlanMeta};
pub use segmenter::{Segmenter, SegmenterBuilder, Word};
pub use span::Span;
