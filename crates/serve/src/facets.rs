//! Facets of a search: how many matching clauses each year, county, city,
//! province, level, plan, section kind and lead department holds. The
//! index counts matches per plan, kind and lead
//! ([`fangan_index::SearchIndex::count_per_term`]); the plans' metadata in
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
    /// `kind`: the section kind of the clause.
    Kind,
    /// `lead`: a lead department named in the clause's notes.
    Lead,
}

impl Facet {
    /// Every facet, in the order shown.
    pub const ALL: [Facet; 8] = [
        Facet::Year,
        Facet::Province,
        Facet::City,
        Facet::County,
        Facet::Level,
        Facet::Kind,
        Facet::Lead,
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
            Facet::Kind => "kind",
            Facet::Lead => "lead",
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
            Facet::Kind => "类别",
            Facet::Lead => "牵头部门",
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

/// The label of a section kind.
fn kind_label(kind: &str) -> &str {
    match kind {
        "objectives" => "目标",
        "tasks" => "任务",
        "mechanism" => "保障机制",
        "other" => "其他",
        k => k,
    }
}

/// Values most clauses first, then by value.
fn ranked(counts: impl IntoIterator<Item = (String, (String, usize))>) -> Vec<FacetValue> {
    let mut values: Vec<FacetValue> = counts
        .into_iter()
        .map(|(value, (label, clauses))| FacetValue {
            value,
            label,
            clauses,
        })
        .collect();
    values.sort_by(|a, b| b.clauses.cmp(&a.clauses).then(a.value.cmp(&b.value)));
    values
}

impl Facets {
    /// The facets of `per_plan`, `per_kind` and `per_lead` (matching
    /// clauses by plan id, section kind and lead department).
    pub fn new(
        catalog: &Catalog,
        per_plan: &BTreeMap<String, usize>,
        per_kind: &BTreeMap<String, usize>,
        per_lead: &BTreeMap<String, usize>,
    ) -> Facets {
        let mut groups = Vec::new();
        for facet in Facet::ALL {
            let direct = match facet {
                Facet::Kind => Some((per_kind, true)),
                Facet::Lead => Some((per_lead, false)),
                _ => None,
            };
            if let Some((counts, is_kind)) = direct {
                let values = ranked(counts.iter().map(|(v, &n)| {
                    let label = if is_kind {
                        kind_label(v).to_string()
                    } else {
                        v.clone()
                    };
                    (v.clone(), (label, n))
                }));
                groups.push((facet, values));
                continue;
            }
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
                    Facet::Plan | Facet::Kind | Facet::Lead => Some(id.clone()),
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
            let values = if facet == Facet::Year {
                // years in order, as a timeline
                counts
                    .into_iter()
                    .map(|(value, (label, clauses))| FacetValue {
                        value,
                        label,
                        clauses,
                    })
                    .collect()
            } else {
                ranked(counts)
            };
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
