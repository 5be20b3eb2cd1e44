//! Numeric targets of local-government plans: `地区生产总值增长 5%左右`,
//! `社会消费品零售总额突破 180 亿元`, `新增限额以上企业 40 家`.
//!
//! An [`Extractor`] reads a clause's text and returns one [`Target`] per
//! number a plan commits to: the indicator as written and folded to a
//! canonical name, the value (ranges keep both ends, `x`/`××` placeholders
//! are kept as such), the unit, the [`Kind`] of measure, the folded
//! qualifiers (`力争`, `以上`, `不低于` …) and the exact source snippet as a
//! byte [`fangan_model::Span`] of the input. Lists that share one verb or
//! qualifier (`城乡居民收入增长 8%和 10%以上`) yield one target each; dates,
//! document numbers, road codes (`G536`), specifications (`35KV`,
//! `年产 25 万吨`), policy caps (`最高不超过500万元`) and counts of the
//! document's own parts (`明确133项具体任务`) are not targets. Text is read
//! folded (traditional characters, full width) and without the pinyin
//! annotations of mirror sites (`地區(qū)`); list markers (`——`, `2.`, `(三)`)
//! are no part of an indicator, and every target names one.
//!
//! Layers, top down: [`extract`] for one text; an [`Extractor`] built once
//! (with [`ExtractorBuilder`] for another indicator table) for every clause,
//! or a whole [`fangan_model::Document`] with
//! [`Extractor::extract_document`] (targets located by file line, headline
//! when the plan announces them as its goals, none in a review of the past,
//! table columns with a unit in their header read too); then [`Pivot`]
//! (headline indicators × plans) and [`pair_targets`] (two lists side by
//! side, for `fangan diff`). The indicator table is `data/indicators.toml`,
//! embedded.
//!
//! ```
//! use fangan_targets::{Extractor, Kind};
//!
//! let extractor = Extractor::new();
//! let text = "力争地区生产总值增长 8%以上，总量达到 420 亿元。";
//! let targets = extractor.extract(text);
//! assert_eq!(targets.len(), 2);
//! let gdp = &targets[0];
//! assert_eq!((gdp.value, gdp.unit.as_str(), gdp.kind), (8.0, "%", Kind::GrowthRate));
//! assert_eq!(gdp.canonical, "地区生产总值增速");
//! assert_eq!(gdp.qualifiers, ["力争", "以上"]);
//! assert_eq!(&text[gdp.span.start..gdp.span.end], gdp.snippet);
//! ```
#![deny(missing_docs)]

mod cell;
mod document;
mod error;
mod extractor;
mod headline;
mod indicators;
mod lead;
mod marker;
mod pairing;
mod pinyin;
mod pivot;
mod qualifier;
mod quantity;
mod review;
mod sentence;
mod table;
mod tail;
mod target;
mod unit;

pub use document::ClauseTarget;
pub use error::{Error, Result};
pub use extractor::{Extractor, ExtractorBuilder};
pub use headline::announces_goals;
pub use pairing::{pair_targets, TargetPair};
pub use pinyin::strip_pinyin;
pub use pivot::{Pivot, PivotRow};
pub use qualifier::fold_qualifier;
pub use review::reports_past;
pub use target::{Kind, Target};

/// Extracts the targets of `text` with the default indicator table.
///
/// Builds an [`Extractor`] on every call; build one yourself to read many
/// texts.
pub fn extract(text: &str) -> Vec<Target> {
    Extractor::new().extract(text)
}
