//! Chinese place names, with one owner: the administrative level of a name
//! ([`Level`]), its stem and matching key ([`name`]), and the gazetteer of
//! divisions ([`Gazetteer`], from the GB/T 2260 code tables).
//!
//! Every part of fangan that compares place names goes through here: the
//! plan resolver (`平江` names `平江县`), the `county:` filters of the index,
//! the masking of place names in comparisons and the inference of who
//! issued a plan.
//!
//! ```
//! use fangan_places::{name, Gazetteer, Level};
//!
//! assert_eq!(name::stem("平江县"), "平江");
//! assert!(name::same_place("平江", "平江縣"));
//! assert_eq!(name::level_of("鄂托克旗"), Some(Level::Banner));
//!
//! let g = Gazetteer::global();
//! let d = g.lookup("滕州市")[0];
//! assert_eq!(d.level, Level::CountyCity);
//! assert_eq!(g.province_of(d).name, "山东省");
//! assert_eq!(g.city_of(d).unwrap().name, "枣庄市");
//! ```
#![deny(missing_docs)]

mod abbreviation;
mod gazetteer;
mod level;
pub mod name;

pub use abbreviation::province_by_abbreviation;
pub use gazetteer::{Division, Gazetteer};
pub use level::Level;
