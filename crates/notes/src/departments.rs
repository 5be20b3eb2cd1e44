//! The department table: canonical bodies with their full names, short
//! names and aliases, and the folding of a written name to one of them.
//!
//! The builtin table is `data/departments.toml`, embedded in the crate; a
//! user file of the same shape adds bodies or aliases
//! ([`Departments::load_aliases`]). Folding ([`Departments::resolve`]) strips
//! the level prefix for the function and keeps it beside the result, folds a
//! city bureau's county branch (`市生态环境局平江分局`) to its function, a
//! sub-office named under its parent (`县委宣传部网信办`) to the sub-office,
//! company names to their core, and keeps unknown names as written (level
//! stripped), marked unknown.

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use fangan_model::fold::fold_str;
use regex::Regex;
use serde::Deserialize;

use crate::cleaned::is_han;
use crate::shape::{company_core, kind_by_suffix, split_level, LEVELS};
use crate::{Error, Result, UnitKind};

/// The builtin table, as shipped in the repository.
pub const BUILTIN_TABLE: &str = include_str!("../data/departments.toml");

/// One canonical body of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Department {
    /// The canonical short name (`发改局`).
    pub name: String,
    /// The full official name (`发展和改革局`).
    pub full: String,
    /// What sort of body it is.
    pub kind: UnitKind,
    /// Other ways plans write it.
    pub aliases: Vec<String>,
}

/// What a written name folds to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The canonical name (the table's name, or the written name with its
    /// level stripped when unknown).
    pub canonical: String,
    /// What sort of body it is.
    pub kind: UnitKind,
    /// The level prefix as written, when one was stripped.
    pub level: Option<String>,
    /// True when the table knows the body.
    pub known: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFile {
    #[serde(default)]
    unit: Vec<EntryFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryFile {
    name: String,
    #[serde(default)]
    full: Option<String>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

/// The alias table: every known body and the names that fold to it.
#[derive(Clone, Debug, Default)]
pub struct Departments {
    entries: Vec<Department>,
    /// Folded name → index in `entries`.
    index: HashMap<String, usize>,
}

static BUILTIN: LazyLock<Departments> = LazyLock::new(|| {
    let mut d = Departments::default();
    d.merge_toml(BUILTIN_TABLE, "<builtin departments.toml>")
        .expect("the builtin department table is valid");
    d
});

static BRANCH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("^(?P<parent>.+?(?:局|行))(?P<place>.{1,6}?)(?:分局|支局|分行|支行)$")
        .expect("branch pattern")
});

fn parse_kind(s: &str) -> Option<UnitKind> {
    Some(match s {
        "department" => UnitKind::Department,
        "party" => UnitKind::Party,
        "judicial" => UnitKind::Judicial,
        "association" => UnitKind::Association,
        "company" => UnitKind::Company,
        "zone" => UnitKind::Zone,
        "township" => UnitKind::Township,
        "committee" => UnitKind::Committee,
        "other" => UnitKind::Other,
        _ => return None,
    })
}

impl Departments {
    /// The builtin table (`data/departments.toml`), parsed once per process.
    pub fn builtin() -> Departments {
        BUILTIN.clone()
    }

    /// The builtin table, shared (no copy).
    pub fn builtin_ref() -> &'static Departments {
        &BUILTIN
    }

    /// A table read from TOML text only (no builtin entries).
    pub fn from_toml(text: &str, origin: &str) -> Result<Departments> {
        let mut d = Departments::default();
        d.merge_toml(text, origin)?;
        Ok(d)
    }

    /// Adds the bodies and aliases of a user file (same shape as the builtin
    /// table): an entry whose name exists adds its aliases to that body.
    pub fn load_aliases(&mut self, path: &Path) -> Result<&mut Self> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        self.merge_toml(&text, &path.display().to_string())?;
        Ok(self)
    }

    /// Adds the entries of TOML text; `origin` names it in errors.
    pub fn merge_toml(&mut self, text: &str, origin: &str) -> Result<&mut Self> {
        let file: TableFile = toml::from_str(text).map_err(|source| Error::Toml {
            origin: origin.to_string(),
            source: Box::new(source),
        })?;
        for e in file.unit {
            let entry_err = |reason: &str| Error::Entry {
                origin: origin.to_string(),
                name: e.name.clone(),
                reason: reason.to_string(),
            };
            let name = fold_str(&e.name);
            if name.chars().count() < 2 {
                return Err(entry_err("a name needs two characters or more"));
            }
            let kind = match e.kind.as_deref() {
                None => None,
                Some(k) => Some(parse_kind(k).ok_or_else(|| {
                    entry_err("unknown kind (want department, party, judicial, association, company, zone, township, committee or other)")
                })?),
            };
            let at = match self.index.get(&name) {
                Some(&i) if self.entries[i].name == name => i,
                _ => {
                    self.entries.push(Department {
                        name: name.clone(),
                        full: e.full.clone().unwrap_or_else(|| name.clone()),
                        kind: kind
                            .or_else(|| kind_by_suffix(&name))
                            .unwrap_or(UnitKind::Other),
                        aliases: Vec::new(),
                    });
                    self.entries.len() - 1
                }
            };
            if let Some(k) = kind {
                self.entries[at].kind = k;
            }
            if let Some(full) = &e.full {
                self.entries[at].full = full.clone();
            }
            let mut names = vec![name.clone(), fold_str(&self.entries[at].full)];
            names.extend(e.aliases.iter().map(|a| fold_str(a)));
            for n in names {
                if n.is_empty() {
                    continue;
                }
                if !self.entries[at].aliases.contains(&n) && n != self.entries[at].name {
                    self.entries[at].aliases.push(n.clone());
                }
                self.index.insert(n, at);
            }
        }
        Ok(self)
    }

    /// Every body of the table.
    pub fn entries(&self) -> &[Department] {
        &self.entries
    }

    /// The body with this canonical name.
    pub fn get(&self, canonical: &str) -> Option<&Department> {
        self.lookup(&fold_str(canonical))
    }

    fn lookup(&self, key: &str) -> Option<&Department> {
        self.index.get(key).map(|&i| &self.entries[i])
    }

    /// Folds a written name to its canonical body.
    pub fn resolve(&self, written: &str) -> Resolved {
        let key = fold_str(written);
        let key = key.strip_suffix('等').unwrap_or(&key);
        let (level, body) = split_level(key);
        let level_s = level.map(str::to_string);
        let known = |d: &Department, level: Option<String>| Resolved {
            canonical: d.name.clone(),
            kind: d.kind,
            level,
            known: true,
        };
        if let Some(d) = self.lookup(key) {
            return known(d, None);
        }
        if let Some(d) = self.lookup(body) {
            return known(d, level_s);
        }
        // 县委组织部 → 委组织部 → 组织部 (party organs only)
        if let Some(rest) = body.strip_prefix('委') {
            if let Some(d) = self.lookup(rest).filter(|d| d.kind == UnitKind::Party) {
                return known(d, level_s);
            }
        }
        // a city bureau's county branch: 市生态环境局平江分局 → 生态环境局
        if let Some(c) = BRANCH.captures(key) {
            let parent = self.resolve(&c["parent"]);
            if parent.known {
                return Resolved {
                    level: parent.level.or(level_s),
                    ..parent
                };
            }
        }
        if let Some(d) = self.lookup_stem(body) {
            return known(d, level_s);
        }
        if let Some(r) = self.resolve_suffix(body, level_s.clone()) {
            return r;
        }
        let kind = kind_by_suffix(key).unwrap_or(UnitKind::Other);
        let canonical = if kind == UnitKind::Company {
            let core = company_core(body);
            if let Some(d) = self.lookup(&core) {
                return known(d, level_s);
            }
            // a core that does not say it is a company gets 公司 back
            if kind_by_suffix(&core) == Some(UnitKind::Company) {
                core
            } else {
                format!("{core}公司")
            }
        } else if kind == UnitKind::Township {
            // 樟树镇人民政府 = 樟树镇
            let town = body
                .strip_suffix("人民政府")
                .or_else(|| body.strip_suffix("政府"));
            town.unwrap_or(body).to_string()
        } else {
            body.to_string()
        };
        Resolved {
            canonical,
            kind,
            level: level_s,
            known: false,
        }
    }

    /// A known name at the end of `body`, after a place or a parent body
    /// (`平江高新区`, `县委宣传部网信办`, `国网平江县供电公司`) or a stray
    /// character.
    fn resolve_suffix(&self, body: &str, level: Option<String>) -> Option<Resolved> {
        for (i, _) in body.char_indices().skip(1) {
            let (prefix, suffix) = body.split_at(i);
            if suffix.chars().count() < 2 {
                break;
            }
            let Some(d) = self.lookup(suffix).or_else(|| self.lookup_stem(suffix)) else {
                continue;
            };
            // a place before a department: 九江海关, 江西银保监局
            let place = (2..=3).contains(&prefix.chars().count())
                && prefix.chars().all(is_han)
                && matches!(d.kind, UnitKind::Department | UnitKind::Judicial);
            let ok = prefix.chars().count() == 1
                || prefix.ends_with(LEVELS)
                || place
                || matches!(d.kind, UnitKind::Zone | UnitKind::Company)
                || self.resolve_plain(prefix);
            if ok {
                return Some(Resolved {
                    canonical: d.name.clone(),
                    kind: d.kind,
                    level,
                    known: true,
                });
            }
        }
        None
    }

    /// A body named by its function and another ending: 生态环境分局,
    /// 统计部门, 财政厅 (a province's 局), 交通委 → the table's `…局`.
    fn lookup_stem(&self, body: &str) -> Option<&Department> {
        ["分局", "主管部门", "部门", "厅", "委"]
            .iter()
            .filter_map(|e| body.strip_suffix(e))
            .filter(|stem| stem.chars().count() >= 2)
            .find_map(|stem| self.lookup(&format!("{stem}局")))
    }

    /// True when `prefix` alone names a known body (`委宣传部`).
    fn resolve_plain(&self, prefix: &str) -> bool {
        let (_, body) = split_level(prefix);
        self.lookup(prefix).is_some()
            || self.lookup(body).is_some()
            || body
                .strip_prefix('委')
                .is_some_and(|r| self.lookup(r).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(d: &Departments, name: &str) -> String {
        d.resolve(name).canonical
    }

    #[test]
    fn builtin_table_loads_and_names_are_unique() {
        let d = Departments::builtin();
        assert!(d.entries().len() > 50);
        let mut seen = std::collections::HashSet::new();
        for e in d.entries() {
            assert!(seen.insert(e.name.clone()), "duplicate {}", e.name);
        }
    }

    #[test]
    fn folds_names_of_one_department() {
        let d = Departments::builtin();
        for n in [
            "县发改局",
            "发改局",
            "区发改局",
            "发展和改革局",
            "发改委",
            "县发展和改革局",
        ] {
            assert_eq!(canon(&d, n), "发改局", "{n}");
        }
        for n in [
            "市场监督管理局",
            "市场监管局",
            "县市监局",
            "区市场监管局",
            "事市场监管局",
        ] {
            assert_eq!(canon(&d, n), "市场监管局", "{n}");
        }
        assert_eq!(canon(&d, "交通局"), canon(&d, "县交通运输局"));
        assert_eq!(canon(&d, "人力资源和社会保障局"), canon(&d, "县人社局"));
        assert_eq!(canon(&d, "科工信局"), canon(&d, "区科技工信局"));
    }

    #[test]
    fn folds_renamed_and_older_names() {
        let d = Departments::builtin();
        // a city's 建设局 is its housing and construction bureau
        assert_eq!(canon(&d, "市建设局"), canon(&d, "县住建局"));
        // 卫计委 before the 2018 reform, 经济信息委 for 经济和信息化委员会
        assert_eq!(canon(&d, "州卫计委"), canon(&d, "市卫生健康委"));
        assert_eq!(canon(&d, "区经济信息委"), canon(&d, "市工信局"));
        // a bureau that also holds sports stays apart, like 教体局
        assert_ne!(canon(&d, "市文广旅体局"), canon(&d, "市文旅局"));
    }

    #[test]
    fn keeps_different_bodies_apart() {
        let d = Departments::builtin();
        let [a, b, c] = ["县科技局", "县工信局", "科工信局"].map(|n| canon(&d, n));
        assert!(a != b && b != c && a != c);
        assert_ne!(canon(&d, "商务局"), canon(&d, "商务粮食局"));
    }

    #[test]
    fn level_is_kept_beside_the_function() {
        let d = Departments::builtin();
        let r = d.resolve("县发改局");
        assert_eq!((r.level.as_deref(), r.known), (Some("县"), true));
        let r = d.resolve("市生态环境局平江分局");
        assert_eq!(r.canonical, "生态环境局");
        assert_eq!(r.level.as_deref(), Some("市"));
        assert_eq!(canon(&d, "区生态环境分局"), "生态环境局");
        assert_eq!(canon(&d, "统计部门"), "统计局");
        // a province's 厅 is a county's 局; a place before a department
        assert_eq!(canon(&d, "省住房城乡建设厅"), canon(&d, "县住建局"));
        assert_eq!(canon(&d, "自治區交通運輸廳"), "交通运输局");
        assert_eq!(canon(&d, "国土资源厅"), "自然资源局");
        assert_eq!(canon(&d, "江西银保监局"), "金融监管局");
        assert_eq!(canon(&d, "九江海关"), "海关");
        assert_eq!(canon(&d, "江北自然资源规划分局"), "自然资源局");
        assert_eq!(canon(&d, "区科经局"), canon(&d, "科技工信局"));
        assert_eq!(canon(&d, "县住建部门"), "住建局");
        assert_eq!(canon(&d, "国家金融监管总局湘阴监管支局"), "金融监管局");
        assert_eq!(canon(&d, "人行县支行"), "人民银行");
        assert_eq!(canon(&d, "中国人民银行平江县支行"), "人民银行");
    }

    #[test]
    fn sub_offices_places_and_party_organs() {
        let d = Departments::builtin();
        assert_eq!(canon(&d, "县委组织部"), "组织部");
        assert_eq!(canon(&d, "县委办"), "党委办");
        assert_ne!(canon(&d, "县委办"), canon(&d, "县政府办"));
        assert_eq!(d.resolve("县委组织部").kind, UnitKind::Party);
        assert_eq!(canon(&d, "县委宣传部网信办"), canon(&d, "县委网信办"));
        assert_eq!(canon(&d, "平江高新区"), "高新区");
        assert_eq!(canon(&d, "县地方金融服务中心"), canon(&d, "金融办"));
        assert_eq!(canon(&d, "国网公司"), canon(&d, "县供电公司"));
        // a merged bureau is not its last part
        assert_ne!(canon(&d, "教育体育局"), canon(&d, "体育局"));
    }

    #[test]
    fn unknown_names_are_kept_level_stripped() {
        let d = Departments::builtin();
        let r = d.resolve("县长沙临港产业开发区");
        assert_eq!(r.canonical, "长沙临港产业开发区");
        assert!(!r.known);
        assert_eq!(r.kind, UnitKind::Zone);
        assert_eq!(r.level.as_deref(), Some("县"));
        assert_eq!(canon(&d, "虞公港建设投资有限公司"), canon(&d, "虞公港建投"));
        assert_eq!(d.resolve("樟树镇").kind, UnitKind::Township);
        assert_eq!(canon(&d, "樟树镇人民政府"), "樟树镇");
        assert_eq!(canon(&d, "洋沙湖集团"), "洋沙湖公司");
    }

    #[test]
    fn user_aliases_extend_the_table() {
        let mut d = Departments::builtin();
        d.merge_toml(
            "[[unit]]\nname = \"发改局\"\naliases = [\"发展局\"]\n\n[[unit]]\nname = \"临港产投公司\"\nkind = \"company\"\naliases = [\"湘江集团临港产投\", \"长沙临港产投公司\"]\n",
            "test",
        )
        .unwrap();
        assert_eq!(canon(&d, "县发展局"), "发改局");
        assert_eq!(canon(&d, "湘江集团临港产投"), canon(&d, "长沙临港产投公司"));
        assert!(d.merge_toml("[[unit]]\nname = \"x\"\n", "bad").is_err());
        assert!(d.merge_toml("units = []\n", "typo").is_err());
        assert!(d
            .merge_toml("[[unit]]\nname = \"某某局\"\nkind = \"bureau\"\n", "bad")
            .is_err());
    }
}
