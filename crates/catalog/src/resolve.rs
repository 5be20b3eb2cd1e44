//! [`Resolver`]: the one way every command and filter names plans and
//! places. A key is a plan id, a county or other place (`平江`, `平江县`,
//! `平江縣`, matched by [`fangan_places::name`]), a place with a year
//! (`平江@2023`), a title (or a part of it) or a file path. A key that names
//! nothing is an error that lists the closest known values; a key that
//! names several plans is an error that lists them.

use std::path::{Path, PathBuf};

use fangan_model::fold::fold_str;
use fangan_places::name;

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::state::PlanEntry;

/// What a key names.
#[derive(Debug)]
pub enum Resolved<'c> {
    /// A plan of the catalog.
    Plan(&'c PlanEntry),
    /// A file that is not in the catalog (read it on its own).
    File(PathBuf),
}

/// Resolves keys against one catalog.
#[derive(Clone, Copy, Debug)]
pub struct Resolver<'c> {
    catalog: &'c Catalog,
}

/// How a plan names itself in a list of candidates: `id (平江县, 2023)`.
pub fn describe(e: &PlanEntry) -> String {
    let m = &e.meta;
    let place = m
        .county
        .as_deref()
        .or(m.city.as_deref())
        .or(m.province.as_deref())
        .unwrap_or("?");
    match m.year {
        Some(y) => format!("{} ({place}, {y})", m.id),
        None => format!("{} ({place})", m.id),
    }
}

/// The values of `known` closest to `key` (at most three), for "did you
/// mean" lists.
pub fn closest<'k>(key: &str, known: impl IntoIterator<Item = &'k str>) -> Vec<String> {
    let key_f = fold_str(key);
    let mut scored: Vec<(f64, &str)> = known
        .into_iter()
        .map(|k| {
            let kf = fold_str(k);
            let mut s = strsim::normalized_levenshtein(&key_f, &kf);
            if !key_f.is_empty() && (kf.contains(&key_f) || key_f.contains(&kf)) {
                s = s.max(0.6);
            }
            (s, k)
        })
        .filter(|(s, _)| *s >= 0.5)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    // only those about as close as the closest
    let best = scored.first().map_or(0.0, |s| s.0);
    scored.retain(|(s, _)| *s >= best - 0.15);
    let mut out: Vec<String> = Vec::new();
    for (_, k) in scored {
        if !out.iter().any(|o| o == k) {
            out.push(k.to_string());
        }
        if out.len() == 3 {
            break;
        }
    }
    out
}

/// ` (closest: a, b, c)` or nothing.
fn closest_note(list: &[String]) -> String {
    if list.is_empty() {
        String::new()
    } else {
        format!("; closest: {}", list.join(", "))
    }
}

/// True when the place `value` of a plan is the place `key` names.
fn place_is(value: Option<&str>, key: &str) -> bool {
    value.is_some_and(|v| name::same_place(v, key))
}

impl<'c> Resolver<'c> {
    /// A resolver over `catalog`.
    pub fn new(catalog: &'c Catalog) -> Resolver<'c> {
        Resolver { catalog }
    }

    /// The plan `key` names; `year` chooses among a place's plans when it
    /// has several (a key `平江@2023` carries its own year, and insists on
    /// it).
    pub fn plan(&self, key: &str, year: Option<u16>) -> Result<Resolved<'c>> {
        let key = key.trim();
        if let Some(e) = self.catalog.entry(key) {
            return Ok(Resolved::Plan(e));
        }
        let path = Path::new(key);
        if path.is_file() {
            let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            return Ok(match self.catalog.state().by_file(&abs) {
                Some(e) => Resolved::Plan(e),
                None => Resolved::File(abs),
            });
        }
        // `平江@2023` insists on its year; `--year` only chooses among a
        // place's plans (so `diff 平江 湘阴 --year 2023` takes 湘阴's one plan)
        let (key, year, strict) = match key.rsplit_once('@') {
            Some((k, y)) if y.len() == 4 && y.parse::<u16>().is_ok() => (k, y.parse().ok(), true),
            _ => (key, year, false),
        };
        let plans: Vec<&PlanEntry> = self.catalog.plans().collect();
        let mut found: Vec<&PlanEntry> = Vec::new();
        for field in [Field::County, Field::City, Field::Province] {
            found = plans
                .iter()
                .copied()
                .filter(|e| place_is(field.of(e), key))
                .collect();
            if !found.is_empty() {
                break;
            }
        }
        if found.is_empty() {
            let k = fold_str(key);
            if k.chars().count() >= 2 {
                found = plans
                    .iter()
                    .copied()
                    .filter(|e| {
                        e.meta
                            .title
                            .as_deref()
                            .is_some_and(|t| fold_str(t).contains(&k))
                    })
                    .collect();
            }
        }
        let all = found.len();
        if let Some(y) = year.filter(|_| strict || all > 1) {
            found.retain(|e| e.meta.year == Some(y));
        }
        match found.as_slice() {
            [one] => Ok(Resolved::Plan(one)),
            [] if all > 0 => Err(Error::NotFound(format!(
                "{key:?} has no plan of {}: it has {}",
                year.unwrap_or_default(),
                self.describe_matching(key)
            ))),
            [] => {
                let names: Vec<&str> = plans
                    .iter()
                    .flat_map(|e| {
                        [Some(e.meta.id.as_str()), e.meta.county.as_deref()]
                            .into_iter()
                            .flatten()
                    })
                    .collect();
                Err(Error::NotFound(format!(
                    "no plan {key:?} in {}: not an id, a place, a title or a file{}",
                    self.where_(),
                    closest_note(&closest(key, names))
                )))
            }
            many => Err(Error::Ambiguous(format!(
                "{key:?} names {} plans: {}; give the id{}",
                many.len(),
                many.iter()
                    .map(|e| describe(e))
                    .collect::<Vec<_>>()
                    .join(", "),
                if year.is_none() && many.iter().any(|e| e.meta.year.is_some()) {
                    format!(
                        ", or the year ({key}@{})",
                        many[0].meta.year.unwrap_or(2024)
                    )
                } else {
                    String::new()
                }
            ))),
        }
    }

    fn describe_matching(&self, key: &str) -> String {
        self.catalog
            .plans()
            .filter(|e| {
                [Field::County, Field::City, Field::Province]
                    .iter()
                    .any(|f| place_is(f.of(e), key))
            })
            .map(describe)
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn where_(&self) -> String {
        if self.catalog.is_seeds() {
            "the built-in seed plans".to_string()
        } else {
            format!("the index {}", self.catalog.dir().display())
        }
    }

    /// Checks a filter value naming a plan id.
    pub fn check_plan(&self, id: &str) -> Result<()> {
        if self.catalog.entry(id).is_some() {
            return Ok(());
        }
        let ids = self.catalog.plans().map(|e| e.meta.id.as_str());
        Err(Error::NotFound(format!(
            "no plan {id:?} in {}{}",
            self.where_(),
            closest_note(&closest(id, ids))
        )))
    }

    /// Checks a filter value naming a place of the given kind
    /// (`county`, `city`, `province`).
    pub fn check_place(&self, field: &str, value: &str) -> Result<()> {
        let f = match field {
            "city" => Field::City,
            "province" => Field::Province,
            _ => Field::County,
        };
        if self.catalog.plans().any(|e| place_is(f.of(e), value)) {
            return Ok(());
        }
        let mut known: Vec<&str> = self.catalog.plans().filter_map(|e| f.of(e)).collect();
        known.sort_unstable();
        known.dedup();
        Err(Error::NotFound(format!(
            "no plan of {field} {value:?} in {}{}",
            self.where_(),
            closest_note(&closest(value, known))
        )))
    }

    /// Checks a filter value naming a year (or a range of years).
    pub fn check_years(&self, from: u16, to: u16) -> Result<()> {
        if self
            .catalog
            .plans()
            .any(|e| e.meta.year.is_some_and(|y| (from..=to).contains(&y)))
        {
            return Ok(());
        }
        let mut years: Vec<u16> = self.catalog.plans().filter_map(|e| e.meta.year).collect();
        years.sort_unstable();
        years.dedup();
        let span = if from == to {
            from.to_string()
        } else {
            format!("{from}..{to}")
        };
        Err(Error::NotFound(format!(
            "no plan of year {span} in {}; the years known: {}",
            self.where_(),
            years
                .iter()
                .map(u16::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )))
    }
}

#[derive(Clone, Copy)]
enum Field {
    County,
    City,
    Province,
}

impl Field {
    fn of(self, e: &PlanEntry) -> Option<&str> {
        match self {
            Field::County => e.meta.county.as_deref(),
            Field::City => e.meta.city.as_deref(),
            Field::Province => e.meta.province.as_deref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_prefers_near_spellings() {
        let known = [
            "pingjiang-2023",
            "pingjiang-2025",
            "xiangyin-2025",
            "平江县",
        ];
        assert_eq!(
            closest("pingjiang-2024", known),
            ["pingjiang-2023", "pingjiang-2025"]
        );
        assert_eq!(closest("平江", known), ["平江县"]);
        assert!(closest("zzz", known).is_empty());
    }
}
