//! [`Gazetteer`]: the divisions of China by code and name, from the GB/T
//! 2260 tables (revisions 2002–2016, compiled in by the build script from
//! the `gb2260` crate). A division renamed between revisions keeps every
//! name it had; names made after 2016 are not known here, and the callers
//! fall back on the shape of a name ([`crate::name`]).

use std::collections::HashMap;
use std::sync::OnceLock;

use fangan_model::fold::fold_str;

use crate::{name, Level};

/// The table written by `build.rs`: `code<TAB>name` lines.
const TABLE: &str = include_str!(concat!(env!("OUT_DIR"), "/gb2260.tsv"));

/// Placeholder names of the code tables, which are no places.
const PLACEHOLDERS: &[&str] = &[
    "市辖区",
    "县",
    "省直辖县级行政区划",
    "自治区直辖县级行政区划",
    "省直辖行政单位",
];

/// One division under one of its names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Division {
    /// The six-digit code (`430626`).
    pub code: u32,
    /// The name (`平江县`).
    pub name: &'static str,
    /// Its level.
    pub level: Level,
}

/// Every division, looked up by name or by key.
#[derive(Debug)]
pub struct Gazetteer {
    divisions: Vec<Division>,
    by_name: HashMap<String, Vec<usize>>,
    by_key: HashMap<String, Vec<usize>>,
    by_code: HashMap<u32, usize>,
}

fn level_for(code: u32, name: &str) -> Level {
    if code.is_multiple_of(10_000) {
        return Level::Province;
    }
    if code.is_multiple_of(100) {
        return match name::level_of(name) {
            Some(Level::Prefecture) => Level::Prefecture,
            Some(Level::League) => Level::League,
            _ => Level::City,
        };
    }
    match name::level_of(name) {
        Some(Level::District) => Level::District,
        Some(Level::Banner) => Level::Banner,
        Some(_) => Level::County,
        None if name.ends_with('市') => Level::CountyCity,
        None => Level::County,
    }
}

impl Gazetteer {
    /// The gazetteer, built once per process.
    pub fn global() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Gazetteer::build)
    }

    fn build() -> Gazetteer {
        let mut g = Gazetteer {
            divisions: Vec::new(),
            by_name: HashMap::new(),
            by_key: HashMap::new(),
            by_code: HashMap::new(),
        };
        for line in TABLE.lines() {
            let Some((code, dname)) = line.split_once('\t') else {
                continue;
            };
            let Ok(code) = code.parse::<u32>() else {
                continue;
            };
            if PLACEHOLDERS.contains(&dname) {
                continue;
            }
            let i = g.divisions.len();
            g.divisions.push(Division {
                code,
                name: dname,
                level: level_for(code, dname),
            });
            // the first (newest) name of a code is the one returned by code
            g.by_code.entry(code).or_insert(i);
            g.by_name.entry(fold_str(dname)).or_default().push(i);
            g.by_key.entry(name::key(dname)).or_default().push(i);
        }
        g
    }

    /// Divisions with exactly this name (folded: `平江縣` finds `平江县`).
    pub fn lookup(&self, name: &str) -> Vec<&Division> {
        self.ids(self.by_name.get(&fold_str(name)))
    }

    /// Divisions whose name has this name's key (`平江` finds `平江县`;
    /// `恩施州` finds `恩施土家族苗族自治州` and the county-level 恩施市).
    pub fn by_key(&self, name: &str) -> Vec<&Division> {
        self.ids(self.by_key.get(&name::key(name)))
    }

    fn ids(&self, ids: Option<&Vec<usize>>) -> Vec<&Division> {
        let mut out: Vec<&Division> = Vec::new();
        for &i in ids.map(Vec::as_slice).unwrap_or_default() {
            let d = &self.divisions[i];
            if !out.iter().any(|o| o.code == d.code) {
                out.push(d);
            }
        }
        out
    }

    /// The division of a code, under its newest name.
    pub fn get(&self, code: u32) -> Option<&Division> {
        self.by_code.get(&code).map(|&i| &self.divisions[i])
    }

    /// The province a division lies in (itself for a province).
    pub fn province_of(&self, d: &Division) -> &Division {
        self.get(d.code / 10_000 * 10_000)
            .expect("every division code starts with its province's")
    }

    /// The prefecture-level division a county-level one lies in (none for
    /// provinces, prefectures and the counties of municipalities or those
    /// directly under a province).
    pub fn city_of(&self, d: &Division) -> Option<&Division> {
        if d.level.rank() < 2 {
            return None;
        }
        self.get(d.code / 100 * 100)
    }

    /// Every division (all names), in code order.
    pub fn divisions(&self) -> &[Division] {
        &self.divisions
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counties_cities_and_provinces_are_known_with_their_levels() {
        let g = Gazetteer::global();
        let pj = g.lookup("平江县");
        assert_eq!(pj.len(), 1);
        assert_eq!((pj[0].code, pj[0].level), (430626, Level::County));
        assert_eq!(g.city_of(pj[0]).unwrap().name, "岳阳市");
        assert_eq!(g.province_of(pj[0]).name, "湖南省");
        assert_eq!(g.lookup("立山区")[0].level, Level::District);
        assert_eq!(g.lookup("鄂托克旗")[0].level, Level::Banner);
        assert_eq!(g.lookup("运城市")[0].level, Level::City);
        assert_eq!(g.lookup("恩施土家族苗族自治州")[0].level, Level::Prefecture);
        assert_eq!(g.lookup("湖南省")[0].level, Level::Province);
        // a county of a municipality has no prefecture-level city
        let ck = g.lookup("城口县")[0];
        assert_eq!(g.city_of(ck), None);
        assert_eq!(g.province_of(ck).name, "重庆市");
    }

    #[test]
    fn keys_find_every_division_of_a_stem() {
        let g = Gazetteer::global();
        let names: Vec<&str> = g.by_key("平江").iter().map(|d| d.name).collect();
        assert!(names.contains(&"平江县"), "{names:?}");
        assert!(g.lookup("按照区").is_empty());
        assert!(g.lookup("市辖区").is_empty());
    }
}
