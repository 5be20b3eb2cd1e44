//! Text reuse across a corpus of plans: which passages plans share, which
//! are the same text in several plans, who copied whom (with the evidence),
//! how much of each plan is copied and from where, and what each lower
//! plan adopted from an upper one and changed.
//!
//! The pipeline, one module per stage:
//! - [`Reuse::prepare`] folds each plan's clauses ([`fangan_model::fold`]),
//!   masks place names ([`mask`]), keeps a compact map back to the original
//!   bytes ([`offsets`]) and winnows character n-grams ([`fingerprint`]);
//! - [`candidates`]: plan pairs sharing rare fingerprints (boilerplate ones
//!   seed nothing), or [`minhash`] over clause shingles;
//! - [`align`]: banded affine-gap Smith–Waterman around the seeds, giving
//!   [`Passage`]s ([`passage`]) with byte offsets into both texts, a score
//!   and an inline diff;
//! - [`cluster`]: passages that are the same text in several plans;
//! - [`direction`]: one [`Edge`] per plan pair, directed by citation, date,
//!   year or level, with its evidence; county-to-county copying flagged;
//! - [`shares`]: each plan's text by origin, and its likely sources;
//! - [`adoption`]: per upper-level plan, which clauses each lower plan
//!   adopted, with what changed (targets, lead departments, places left,
//!   deadlines);
//! - [`graph`]: GraphML and GEXF writers.
//!
//! ```
//! use fangan_model::{Clause, Document, Level, MappedText, PlanMeta, SectionKind, Span};
//! use fangan_reuse::{AdminLevel, PlanInfo, Reuse};
//!
//! fn plan(id: &str, text: &str) -> Document {
//!     let clause = Clause {
//!         path: "一".into(), label: String::new(), level: Level::Section,
//!         heading: String::new(), text: text.into(), map: MappedText::identity(text),
//!         kind: SectionKind::Tasks, line: 1, end_line: 1, span: Span::new(0, text.len()),
//!         parent: None, children: vec![], notes: vec![],
//!     };
//!     Document {
//!         meta: PlanMeta { id: id.into(), ..Default::default() },
//!         source: Default::default(), text: text.into(), clauses: vec![clause],
//!         residue: vec![], warnings: vec![],
//!     }
//! }
//! let shared = "大力发展夜间经济，打造夜间消费集聚区，支持餐饮企业延长营业时间，举办夜间消费节活动。";
//! let city = plan("city", &format!("岳阳市实施方案{shared}加强安全生产监管。"));
//! let county = plan("county", &format!("推进乡村全面振兴{shared}其余各项工作。"));
//! let infos = vec![
//!     PlanInfo { id: "city".into(), level: Some(AdminLevel::City), ..Default::default() },
//!     PlanInfo { id: "county".into(), level: Some(AdminLevel::County), ..Default::default() },
//! ];
//! let reuse = Reuse::builder().min_seeds(1).build().unwrap();
//! let report = reuse.run(&[city.clone(), county.clone()], infos).unwrap();
//! let p = &report.passages[0];
//! assert_eq!(p.a_span.slice(&city.text), shared);
//! assert_eq!(p.b_span.slice(&county.text), shared);
//! let edge = &report.edges[0];
//! assert_eq!((edge.source, edge.target, edge.directed), (0, 1, true));
//! ```
#![deny(missing_docs)]

pub mod adoption;
pub mod align;
pub mod candidates;
pub mod cluster;
pub mod direction;
mod error;
pub mod fingerprint;
pub mod graph;
mod info;
pub mod mask;
pub mod minhash;
pub mod offsets;
pub mod passage;
mod plan;
mod report;
mod reuse;
pub mod shares;
#[cfg(test)]
mod testutil;

pub use adoption::{AdoptionMatrix, Changes, DocumentSource, Loader};
pub use cluster::{Cluster, Occurrence};
pub use direction::{Edge, Evidence, PeerCopy};
pub use error::{Error, Result};
pub use graph::{write_gexf, write_graphml};
pub use info::{cited_titles, days_of, title_key, AdminLevel, PlanInfo};
pub use passage::{Edit, Passage};
pub use plan::{ClauseRef, PlaceMark, Plan};
pub use report::{PlanSummary, Report, Stats};
pub use reuse::{CandidateMethod, Reuse, ReuseBuilder};
pub use shares::{Shares, Source};
