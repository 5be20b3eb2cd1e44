//! A plan made ready for comparison once: its units, their analyses and
//! the place names it uses. Preparing segments every clause; do it once
//! per plan and reuse it against as many other plans as needed.

use std::collections::HashMap;

use fangan_model::{Document, Segmenter};

use crate::places::{looks_like_place, Places};
use crate::profile::{analyze, Analysis, Profile, Rarity};
use crate::unit::{units, Unit};

/// Times a `…县`/`…区` name must occur to be learnt as the plan's place.
const PLACE_MIN_COUNT: usize = 3;

/// A plan segmented and split into units.
#[derive(Clone, Debug)]
pub struct Prepared<'d> {
    /// The plan.
    pub doc: &'d Document,
    /// Its leaves and groups.
    pub units: Vec<Unit>,
    /// The analysis of each unit.
    pub analyses: Vec<Analysis>,
    /// The place names it uses (masked when comparing).
    pub places: Places,
}

/// The places a plan names often: its county from the metadata, and the
/// two-character stems written before 县/区/市 at least
/// `PLACE_MIN_COUNT` (3) times (`平江县` → `平江`).
pub fn learn_places(doc: &Document) -> Places {
    let mut places = Places::new();
    if let Some(c) = &doc.meta.county {
        places.add(c);
    }
    let chars: Vec<char> = doc.text.chars().collect();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (i, &c) in chars.iter().enumerate() {
        if i < 2 || !matches!(c, '县' | '区' | '市') {
            continue;
        }
        let name: String = chars[i - 2..=i].iter().collect();
        if looks_like_place(&name) {
            *counts.entry(name).or_insert(0) += 1;
        }
    }
    for (name, n) in counts {
        if n >= PLACE_MIN_COUNT {
            places.add(&name);
        }
    }
    places
}

impl<'d> Prepared<'d> {
    /// Splits `doc` into units and segments them.
    pub fn new(seg: &Segmenter, doc: &'d Document) -> Prepared<'d> {
        let places = learn_places(doc);
        let units = units(doc);
        let analyses = units
            .iter()
            .map(|u| analyze(seg, &places, &u.text, &u.heading))
            .collect();
        Prepared {
            doc,
            units,
            analyses,
            places,
        }
    }

    /// Counts the plan's clause leaves into a rarity table (paragraphs of
    /// front matter are not counted: rarity is over clauses, so that a
    /// plan's front matter does not shift the weights of its tasks; a plan
    /// with no numbered clause at all is counted by its paragraphs).
    pub fn count_into(&self, rarity: &mut Rarity) {
        use crate::unit::UnitRole;
        let numbered = self
            .units
            .iter()
            .any(|u| u.role == UnitRole::Leaf && u.part.is_none());
        for (u, a) in self.units.iter().zip(&self.analyses) {
            if u.role == UnitRole::Leaf && (u.part.is_none() || !numbered) {
                rarity.add(a);
            }
        }
    }

    /// The weighted profiles of the units.
    pub fn profiles(&self, rarity: &Rarity) -> Vec<Profile> {
        self.analyses
            .iter()
            .map(|a| Profile::new(a, rarity))
            .collect()
    }

    /// Index of the unit of clause `id`, if it is one.
    pub fn unit_of(&self, id: usize) -> Option<usize> {
        self.units.iter().position(|u| u.clause == id)
    }
}

/// A rarity table over the leaves of `docs`.
pub fn rarity_of<'a>(seg: &Segmenter, docs: impl IntoIterator<Item = &'a Document>) -> Rarity {
    let mut rarity = Rarity::new();
    for d in docs {
        Prepared::new(seg, d).count_into(&mut rarity);
    }
    rarity
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::plan;
    use fangan_model::Level;

    #[test]
    fn a_plan_without_numbered_clauses_counts_its_paragraphs() {
        let seg = Segmenter::new();
        let front = plan(
            "p",
            &[(
                "前言",
                Level::Front,
                "为促进全省经济平稳增长，提升发展质量，制定本计划。\n按照省委经济工作会议部署，全年地区生产总值增长百分之六左右。",
            )],
        );
        let mut r = Rarity::new();
        Prepared::new(&seg, &front).count_into(&mut r);
        assert!(r.clauses() > 0);
        // with numbered clauses, the paragraphs of the front are not counted
        let both = plan(
            "q",
            &[
                (
                    "前言",
                    Level::Front,
                    "为促进全省经济平稳增长，提升发展质量，制定本计划。",
                ),
                (
                    "一/1",
                    Level::Task,
                    "1. 扩大有效投资。全年新开工重大项目五十个。",
                ),
            ],
        );
        let mut r = Rarity::new();
        Prepared::new(&seg, &both).count_into(&mut r);
        assert_eq!(r.clauses(), 1);
    }

    #[test]
    fn learns_the_county_written_often() {
        let doc = plan(
            "p",
            &[(
                "一",
                Level::Section,
                "一、平江县消费。平江县投资。平江县外贸。全县推进。",
            )],
        );
        let places = learn_places(&doc);
        assert!(places.is_place("平江"));
        assert!(!places.is_place("推进"));
    }
}
