//! The indicator table: canonical indicators and their written variants,
//! read from `data/indicators.toml` (embedded) or from a caller's TOML.
//!
//! A canonical name stands for one measured thing (`固定资产投资`); the
//! target's [`Kind`] adds the measure: growth rates read `固定资产投资增速`,
//! changes in percentage points `城镇化率提高幅度`. Indicators the table does
//! not know are kept as written, minus scope words (`全县`, `全社会`) and
//! quotation marks, so the same wording in two plans still folds together.

use std::collections::HashMap;

use fangan_model::fold::fold_str;
use serde::Deserialize;

use crate::{Error, Kind, Result};

/// The embedded default table.
pub(crate) const DEFAULT_TABLE: &str = include_str!("../data/indicators.toml");

/// Scope words dropped from the front of an indicator before it is looked up.
const SCOPE: &[&str] = &[
    "全社会",
    "全县",
    "全区",
    "全市",
    "全镇",
    "全省",
    "全年",
    "年度",
    "当年",
    "本年",
    "年",
];

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    indicator: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    name: String,
    #[serde(default)]
    variants: Vec<String>,
}

/// Written variant (lookup key) → canonical name.
#[derive(Clone, Debug, Default)]
pub(crate) struct IndicatorTable {
    by_variant: HashMap<String, String>,
}

impl IndicatorTable {
    /// Reads a table; `origin` names it in errors.
    pub(crate) fn parse(toml_text: &str, origin: &str) -> Result<IndicatorTable> {
        let file: File = toml::from_str(toml_text).map_err(|source| Error::Indicators {
            origin: origin.to_string(),
            source,
        })?;
        let mut by_variant: HashMap<String, String> = HashMap::new();
        for e in &file.indicator {
            for v in std::iter::once(&e.name).chain(&e.variants) {
                let k = key(v);
                match by_variant.get(&k) {
                    Some(first) if *first != e.name => {
                        return Err(Error::DuplicateVariant {
                            origin: origin.to_string(),
                            variant: v.clone(),
                            first: first.clone(),
                            second: e.name.clone(),
                        })
                    }
                    _ => {
                        by_variant.insert(k, e.name.clone());
                    }
                }
            }
        }
        Ok(IndicatorTable { by_variant })
    }

    /// The canonical base name of a written indicator (without the kind's
    /// suffix): the table's name, or the indicator as written without scope
    /// words and quotes.
    pub(crate) fn base(&self, written: &str) -> String {
        let mut k = key(written);
        loop {
            if let Some(name) = self.by_variant.get(&k) {
                return name.clone();
            }
            match SCOPE.iter().find_map(|s| k.strip_prefix(s)) {
                Some(rest) if !rest.is_empty() => k = rest.to_string(),
                _ => break,
            }
        }
        self.by_suffix(&k).unwrap_or(k)
    }

    /// The canonical name of the longest variant (of four characters or
    /// more) that `k` ends with, when what stands before it only narrows the
    /// place (`货物进出口总额`, `…主攻方向突破关键核心技术攻关`), not when it
    /// makes a new measure (`新增科技型中小企业` is not `科技型中小企业数`).
    fn by_suffix(&self, k: &str) -> Option<String> {
        const NEW_MEASURE: &[&str] = &[
            "新增", "新", "培育", "认定", "引进", "引育", "入库", "建成", "新建", "开工", "申报",
        ];
        self.by_variant
            .iter()
            .filter(|(v, _)| v.chars().count() >= 4 && k.len() > v.len() && k.ends_with(v.as_str()))
            .filter(|(v, _)| {
                let before = &k[..k.len() - v.len()];
                !NEW_MEASURE.iter().any(|w| before.ends_with(w))
            })
            .max_by_key(|(v, _)| v.len())
            .map(|(_, name)| name.clone())
    }

    /// The canonical indicator of a target: base name plus the kind's suffix.
    pub(crate) fn canonical(&self, written: &str, kind: Kind) -> String {
        let base = self.base(written);
        let suffix = match kind {
            Kind::GrowthRate => "增速",
            Kind::Change => "提高幅度",
            _ => "",
        };
        if base.is_empty() || base.ends_with(suffix) {
            base
        } else {
            base + suffix
        }
    }
}

/// Lookup key: folded, without quotation marks, book-title marks, spaces
/// and `的` (`民间投资占全部投资的比重` = `民间投资占全部投资比重`).
fn key(s: &str) -> String {
    fold_str(s)
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '“' | '”' | '"' | '‘' | '’' | '\'' | '《' | '》' | '「' | '」' | '的'
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> IndicatorTable {
        IndicatorTable::parse(DEFAULT_TABLE, "data/indicators.toml").unwrap()
    }

    #[test]
    fn embedded_table_parses() {
        assert!(table().by_variant.len() > 50);
    }

    #[test]
    fn variants_fold_to_one_name() {
        let t = table();
        assert_eq!(
            t.canonical("全社会固定资产投资", Kind::GrowthRate),
            "固定资产投资增速"
        );
        assert_eq!(
            t.canonical("固定资产投资", Kind::GrowthRate),
            "固定资产投资增速"
        );
        assert_eq!(
            t.canonical("社消零", Kind::GrowthRate),
            "社会消费品零售总额增速"
        );
        assert_eq!(
            t.canonical("一产业增加值", Kind::GrowthRate),
            t.canonical("第一产业增加值", Kind::GrowthRate)
        );
        assert_eq!(
            t.canonical("常住人口城镇化率", Kind::Change),
            "城镇化率提高幅度"
        );
    }

    #[test]
    fn a_narrowing_prefix_keeps_the_indicator() {
        let t = table();
        assert_eq!(
            t.canonical("货物进出口总额", Kind::GrowthRate),
            "进出口总额增速"
        );
        assert_eq!(
            t.canonical("新增科技型中小企业", Kind::Count),
            "新增科技型中小企业"
        );
        assert_eq!(t.canonical("跨境电商出口", Kind::Level), "跨境电商出口");
    }

    #[test]
    fn unknown_indicators_are_kept_as_written() {
        let t = table();
        assert_eq!(
            t.canonical("全县“湘易办”旗舰店", Kind::Count),
            "湘易办旗舰店"
        );
        assert_eq!(t.canonical("", Kind::GrowthRate), "");
    }

    #[test]
    fn a_variant_claimed_twice_is_an_error() {
        let bad = "[[indicator]]\nname = \"a\"\nvariants = [\"x\"]\n[[indicator]]\nname = \"b\"\nvariants = [\"x\"]\n";
        let err = IndicatorTable::parse(bad, "test").unwrap_err();
        assert!(err.to_string().contains("`x`"), "{err}");
        assert!(IndicatorTable::parse("[[indicator]]\nnme = 1", "test").is_err());
    }
}
