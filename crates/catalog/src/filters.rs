//! Checking a search's filters against the corpus: a filter value that
//! names no plan, place, year or department of the corpus is an error that
//! lists the closest known values, not a silent empty result.

use fangan_index::{Filter, FilterField, FilterValue, Node, SearchRequest};
use fangan_model::fold::fold_str;

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::resolve::{closest, Resolver};

fn collect<'n>(node: &'n Node, out: &mut Vec<&'n Filter>) {
    match node {
        Node::Filter(f) => out.push(f),
        Node::And(v) | Node::Or(v) => v.iter().for_each(|n| collect(n, out)),
        Node::Not(n) => collect(n, out),
        Node::Words(_) | Node::Phrase(_) => {}
    }
}

impl Catalog {
    /// Checks every filter of `req` (in the query and given as flags).
    pub fn check_filters(&self, req: &SearchRequest) -> Result<()> {
        let mut filters: Vec<&Filter> = req.filters.iter().collect();
        collect(&req.query, &mut filters);
        let resolver = Resolver::new(self);
        for f in filters {
            match (&f.field, &f.value) {
                (FilterField::Plan, FilterValue::Term(id)) => resolver.check_plan(id)?,
                (FilterField::County, FilterValue::Term(v)) => resolver.check_place("county", v)?,
                (FilterField::City, FilterValue::Term(v)) => resolver.check_place("city", v)?,
                (FilterField::Province, FilterValue::Term(v)) => {
                    resolver.check_place("province", v)?
                }
                (FilterField::Year, FilterValue::Years(a, b)) => {
                    resolver.check_years(*a as u16, (*b).min(u16::MAX as u64) as u16)?
                }
                (FilterField::Level, FilterValue::Term(v)) => {
                    let mut levels: Vec<String> = self
                        .plans()
                        .filter_map(|e| e.meta.level.as_deref().map(fold_str))
                        .collect();
                    levels.sort();
                    levels.dedup();
                    if !levels.contains(v) {
                        return Err(Error::NotFound(format!(
                            "no plan of level {v:?}; the levels known: {}",
                            levels.join(", ")
                        )));
                    }
                }
                (
                    FilterField::Lead | FilterField::Support | FilterField::Dept,
                    FilterValue::Term(v),
                ) => self.check_department(f.field, v)?,
                _ => {}
            }
        }
        Ok(())
    }

    /// Checks that a department is named in the corpus's notes in the
    /// filter's role.
    fn check_department(&self, field: FilterField, value: &str) -> Result<()> {
        let index = self.search_index()?;
        let canonical = fold_str(&index.departments().resolve(value).canonical);
        let name = match field {
            FilterField::Lead => "lead",
            FilterField::Support => "support",
            _ => "dept",
        };
        let terms = index.terms(name)?;
        if terms.iter().any(|t| *t == canonical || t == value) {
            return Ok(());
        }
        let role = match field {
            FilterField::Lead => " as a lead",
            FilterField::Support => " as a supporting unit",
            _ => "",
        };
        let near = closest(value, terms.iter().map(String::as_str));
        Err(Error::NotFound(format!(
            "no note of the corpus names {value:?}{role}{}",
            if near.is_empty() {
                String::new()
            } else {
                format!("; closest: {}", near.join(", "))
            }
        )))
    }
}
