//! Facets of a search: how many matching clauses each year, county, city,
//! province, level and plan holds. The index counts matches per plan
//! ([`fangan_index::SearchIndex::count_per_plan`]); the plans' metadata in
//! the catalog gives the rest.

use std::collections::BTreeMap;

use fangan_catalog::Catalog;

/// A field a search can be narrowed by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    /// `year`.
    Year,
    /// `province`.
    Province,
    /// `city`.
    City,
    /// `county`.
    County,
    /// `level`.
    Level,
    /// `plan`.
    Plan,
}

impl Facet {
    /// Every facet, in the order shown.
    pub const ALL: [Facet; 6] = [
        Facet::Year,
        Facet::Province,
        Facet::City,
        Facet::County,
        Facet::Level,
        Facet::Plan,
    ];

    /// The URL parameter (and query field) it sets.
    pub fn param(self) -> &'static str {
        match self {
            Facet::Year => "year",
            Facet::Province => "province",
            Facet::City => "city",
            Facet::County => "county",
            Facet::Level => "level",
            Facet::Plan => "plan",
        }
    }

    /// Its label.
    pub fn label(self) -> &'static str {
        match self {
            Facet::Year => "年份",
            Facet::Province => "省份",
            Facet::City => "地市",
            Facet::County => "县区",
            Facet::Level => "层级",
            Facet::Plan => "方案",
        }
    }
}

/// One value of a facet and its count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    /// The value as the filter takes it (a county as written, a year, an id).
    pub value: String,
    /// What is shown (a plan's title beside its id).
    pub label: String,
    /// Matching clauses.
    pub clauses: usize,
}

/// The counts of every facet.
#[derive(Clone, Debug, Default)]
pub struct Facets {
    /// Per facet, values most clauses first (years in order).
    pub groups: Vec<(Facet, Vec<FacetValue>)>,
    /// Plans with at least one match.
    pub plans: usize,
}

impl Facets {
    /// The facets of `per_plan` (matching clauses by plan id).
    pub fn new(catalog: &Catalog, per_plan: &BTreeMap<String, usize>) -> Facets {
        let mut groups = Vec::new();
        for facet in Facet::ALL {
            let mut counts: BTreeMap<String, (String, usize)> = BTreeMap::new();
            for (id, &n) in per_plan {
                let Some(e) = catalog.entry(id) else { continue };
                let m = &e.meta;
                let value = match facet {
                    Facet::Year => m.year.map(|y| y.to_string()),
                    Facet::Province => m.province.clone(),
                    Facet::City => m.city.clone(),
                    Facet::County => m.county.clone(),
                    Facet::Level => m.level.clone(),
                    Facet::Plan => Some(id.clone()),
                };
                let Some(value) = value else { continue };
                let label = match facet {
                    Facet::Plan => match &m.title {
                        Some(t) => format!("{id} {t}"),
                        None => id.clone(),
                    },
                    _ => value.clone(),
                };
                counts.entry(value).or_insert((label, 0)).1 += n;
            }
            let mut values: Vec<FacetValue> = counts
                .into_iter()
                .map(|(value, (label, clauses))| FacetValue {
                    value,
                    label,
                    clauses,
                })
                .collect();
            if facet != Facet::Year {
                values.sort_by(|a, b| b.clauses.cmp(&a.clauses).then(a.value.cmp(&b.value)));
            }
            groups.push((facet, values));
        }
        Facets {
            groups,
            plans: per_plan.len(),
        }
    }

    /// The values of `facet`.
    pub fn values(&self, facet: Facet) -> &[FacetValue] {
        self.groups
            .iter()
            .find(|(f, _)| *f == facet)
            .map_or(&[], |(_, v)| v.as_slice())
    }
}
