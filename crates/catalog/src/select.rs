//! [`Selection`]: which plans a corpus-wide command (`leads`, `targets`)
//! reads, by place, year and id, each value checked against the corpus.

use fangan_places::name::same_place;

use crate::catalog::Catalog;
use crate::error::Result;
use crate::resolve::Resolver;
use crate::state::PlanEntry;

/// Filters on plans; unset filters let every plan through.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// County or district (`平江`, `平江县`).
    pub county: Option<String>,
    /// Prefecture-level city.
    pub city: Option<String>,
    /// Province.
    pub province: Option<String>,
    /// Years, inclusive.
    pub years: Option<(u16, u16)>,
    /// Plan ids (any of them); empty for all.
    pub plans: Vec<String>,
}

impl Selection {
    /// True when `e` passes every filter set.
    pub fn accepts(&self, e: &PlanEntry) -> bool {
        let m = &e.meta;
        let place = |want: &Option<String>, have: &Option<String>| {
            want.as_deref()
                .is_none_or(|w| have.as_deref().is_some_and(|h| same_place(h, w)))
        };
        place(&self.county, &m.county)
            && place(&self.city, &m.city)
            && place(&self.province, &m.province)
            && self
                .years
                .is_none_or(|(a, b)| m.year.is_some_and(|y| (a..=b).contains(&y)))
            && (self.plans.is_empty() || self.plans.contains(&m.id))
    }
}

impl Catalog {
    /// The plans `sel` lets through, in id order; a filter value that names
    /// nothing in the corpus is an error listing the closest values.
    pub fn select(&self, sel: &Selection) -> Result<Vec<&PlanEntry>> {
        let r = Resolver::new(self);
        for p in &sel.plans {
            r.check_plan(p)?;
        }
        for (field, v) in [
            ("county", &sel.county),
            ("city", &sel.city),
            ("province", &sel.province),
        ] {
            if let Some(v) = v {
                r.check_place(field, v)?;
            }
        }
        if let Some((a, b)) = sel.years {
            r.check_years(a, b)?;
        }
        Ok(self.plans().filter(|e| sel.accepts(e)).collect())
    }
}
