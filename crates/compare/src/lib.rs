//! Clause-level comparison of two plans: which clauses of one plan are the
//! same task as clauses of the other (copied, reworded or on the same
//! topic), what differs inside each pair, and what each plan has alone.
//!
//! - [`align`]: the [`Aligner`] (candidates, one global assignment, groups,
//!   thresholds, labels).
//! - [`diff`]: character-level diff of two clause texts, byte ranges out.
//! - [`report`]: the [`Comparison`] data type that renderers consume.
//! - [`baseline`]: a plain TF-IDF cosine, greedy aligner, to measure the
//!   design against.
//! - [`multi`]: each clause of one plan against every other plan.
//! - [`rows`]: a comparison as rows side by side, unpaired clauses in place.
//! - lower level: [`mod@unit`] (which clauses take part), [`paragraph`]
//!   (front matter and unnumbered text as paragraphs), [`copy`] (copied
//!   runs), [`resplit`] (copies across re-cut paragraphs), [`profile`] (words,
//!   trigrams, rarity), [`similarity`], [`assign`], [`places`], [`context`]
//!   (template twins told apart by the part of the plan they sit in).
//!
//! ```
//! use fangan_compare::{Aligner, Rarity};
//! use fangan_model::Segmenter;
//! # use fangan_model::{Clause, Document, Level, MappedText, SectionKind, Span};
//! # fn plan(id: &str, texts: &[&str]) -> Document {
//! #     let clauses = texts.iter().enumerate().map(|(i, t)| Clause {
//! #         path: format!("{}", i + 1), label: String::new(), level: Level::Task,
//! #         heading: String::new(), text: t.to_string(), map: MappedText::identity(t),
//! #         kind: SectionKind::Tasks, line: i + 1, end_line: i + 1, span: Span::default(),
//! #         parent: None, children: vec![], notes: vec![],
//! #     }).collect();
//! #     Document { meta: fangan_model::PlanMeta { id: id.into(), ..Default::default() },
//! #         source: Default::default(), text: texts.join("\n"), clauses,
//! #         residue: vec![], warnings: vec![] }
//! # }
//! let seg = Segmenter::new();
//! let a = plan("a", &["大力发展夜间经济，打造夜间消费集聚区。", "推动外贸扩规提质，扩大出口。"]);
//! let b = plan("b", &["推动外贸扩规提质，扩大出口规模。", "加强安全生产监管。"]);
//! let aligner = Aligner::builder().build(&seg, Rarity::new()).unwrap();
//! let cmp = aligner.align(&a, &b);
//! assert_eq!(cmp.pairs.len(), 1);
//! assert_eq!((cmp.pairs[0].a, cmp.pairs[0].b), (1, 0));
//! assert_eq!(cmp.only_a, vec![0]);
//! assert_eq!(cmp.only_b, vec![1]);
//! ```
#![deny(missing_docs)]

pub mod align;
pub mod assign;
pub mod baseline;
pub mod context;
pub mod copy;
pub mod diff;
mod error;
pub mod multi;
pub mod paragraph;
pub mod places;
pub mod prepared;
pub mod profile;
pub mod report;
pub mod resplit;
pub mod rows;
pub mod similarity;
#[cfg(test)]
mod testutil;
pub mod topic;
pub mod unit;

pub use align::{Aligner, AlignerBuilder};
pub use baseline::Baseline;
pub use diff::{inline_diff, Edit, EditTag, InlineDiff};
pub use error::{Error, Result};
pub use prepared::{rarity_of, Prepared};
pub use profile::Rarity;
pub use report::{Comparison, Label, Pair, PairKind, Part, SharedPassage, Signals};
