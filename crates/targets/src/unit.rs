//! Units of measure: which words after a number make it a quantity, how they
//! are normalized, and what kind of target they suggest.
//!
//! The table is closed on purpose: a number followed by anything else (`年`,
//! `号`, `届`, `KV`, `G`) is a date, a document number, an ordinal or a
//! specification, never a target.

/// What a unit measures; decides a target's [`crate::Kind`] together with the
/// verb before the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitClass {
    /// `%`, `‰`.
    Percent,
    /// `个百分点`.
    Points,
    /// Money: `亿元`, `万美元`, `元/月`.
    Money,
    /// Things counted: `家`, `个`, `项`, `名`, `万人次`.
    Count,
    /// Physical measures and durations: `万亩`, `万吨`, `个工作日`.
    Measure,
    /// A bare `万` or `亿` whose unit comes from the indicator (`突破1000万`).
    Bare,
    /// Durations that mark deadlines (`3个月`), never targets.
    Skip,
}

/// A unit recognized after a number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Unit {
    /// Normalized spelling.
    pub(crate) name: String,
    /// What it measures.
    pub(crate) class: UnitClass,
    /// Bytes of folded text it covers.
    pub(crate) len: usize,
}

use UnitClass::*;

/// Units as written (after folding), with their normalized form. Matching
/// takes the longest entry, so `个工作日` wins over `个`, `万人次` over `万`.
const UNITS: &[(&str, &str, UnitClass)] = &[
    ("%", "%", Percent),
    ("‰", "‰", Percent),
    ("个百分点", "个百分点", Points),
    ("百分点", "个百分点", Points),
    ("万亿元", "万亿元", Money),
    ("亿元", "亿元", Money),
    ("千万元", "千万元", Money),
    ("百万元", "百万元", Money),
    ("万元", "万元", Money),
    ("元", "元", Money),
    ("亿美元", "亿美元", Money),
    ("万美元", "万美元", Money),
    ("美元", "美元", Money),
    ("家", "家", Count),
    ("个", "个", Count),
    ("项", "项", Count),
    ("名", "名", Count),
    ("件", "件", Count),
    ("期", "期", Count),
    ("宗", "宗", Count),
    ("座", "座", Count),
    ("条", "条", Count),
    ("所", "所", Count),
    ("户", "户", Count),
    ("万户", "万户", Count),
    ("人次", "人次", Count),
    ("万人次", "万人次", Count),
    ("亿人次", "亿人次", Count),
    ("人", "人", Count),
    ("万人", "万人", Count),
    ("场", "场", Count),
    ("处", "处", Count),
    ("台", "台", Count),
    ("万台", "万台", Count),
    ("套", "套", Count),
    ("辆", "辆", Count),
    ("万辆", "万辆", Count),
    ("艘", "艘", Count),
    ("位", "位", Count),
    ("支", "支", Count),
    ("栋", "栋", Count),
    ("幢", "幢", Count),
    ("间", "间", Count),
    ("张", "张", Count),
    ("张床", "张床", Count),
    ("次", "次", Count),
    ("架次", "架次", Count),
    ("批次", "批次", Count),
    ("列", "列", Count),
    ("辆次", "辆次", Count),
    ("头", "头", Count),
    ("只", "只", Count),
    ("株", "株", Count),
    ("对", "对", Count),
    ("个村", "个村", Count),
    ("个乡镇", "个乡镇", Count),
    ("万件", "万件", Count),
    ("万套", "万套", Count),
    ("亩", "亩", Measure),
    ("万亩", "万亩", Measure),
    ("公顷", "公顷", Measure),
    ("平方米", "平方米", Measure),
    ("万平方米", "万平方米", Measure),
    ("平方公里", "平方公里", Measure),
    ("公里", "公里", Measure),
    ("千米", "千米", Measure),
    ("吨", "吨", Measure),
    ("万吨", "万吨", Measure),
    ("亿吨", "亿吨", Measure),
    ("斤", "斤", Measure),
    ("公斤", "公斤", Measure),
    ("万斤", "万斤", Measure),
    ("亿斤", "亿斤", Measure),
    ("千瓦时", "千瓦时", Measure),
    ("万千瓦时", "万千瓦时", Measure),
    ("亿千瓦时", "亿千瓦时", Measure),
    ("千瓦", "千瓦", Measure),
    ("万千瓦", "万千瓦", Measure),
    ("立方米", "立方米", Measure),
    ("立方", "立方", Measure),
    ("万立方米", "万立方米", Measure),
    ("标箱", "标箱", Measure),
    ("万标箱", "万标箱", Measure),
    ("微克/立方米", "微克/立方米", Measure),
    ("个工作日", "个工作日", Measure),
    ("工作日", "个工作日", Measure),
    ("小时", "小时", Measure),
    ("分钟", "分钟", Measure),
    ("天", "天", Measure),
    ("倍", "倍", Measure),
    ("万", "万", Bare),
    ("亿", "亿", Bare),
    ("个月", "个月", Skip),
    ("年", "年", Skip),
];

/// Units of time: `3个工作日内` is a limit (`以内`).
pub(crate) fn is_duration(unit: &str) -> bool {
    matches!(unit, "个工作日" | "小时" | "分钟" | "天")
}

/// Denominators that may follow a unit: `元/月`, `元/月/人`.
const PER: &[&str] = &[
    "人",
    "月",
    "年",
    "户",
    "亩",
    "吨",
    "天",
    "日",
    "次",
    "件",
    "平方米",
];

/// The unit at the start of `rest` (folded text right after a number).
pub(crate) fn unit_at(rest: &str) -> Option<Unit> {
    // 30余家, 100多个, 7万余件: the approximation is read, the unit kept
    for approx in ["余", "多"] {
        if let Some(after) = rest.strip_prefix(approx) {
            if let Some(u) = unit_at(after).filter(|u| u.class != Skip) {
                return Some(Unit {
                    len: approx.len() + u.len,
                    ..u
                });
            }
        }
    }
    // 3.6万家, 168万名, 1.2万公里: a multiplier before any unit of the table
    for mult in ["万", "亿"] {
        if let Some(after) = rest.strip_prefix(mult) {
            if let Some(u) = unit_at(after).filter(|u| matches!(u.class, Count | Measure)) {
                if !u.name.starts_with(['万', '亿']) {
                    return Some(Unit {
                        name: format!("{mult}{}", u.name),
                        class: u.class,
                        len: mult.len() + u.len,
                    });
                }
            }
        }
    }
    let (written, name, class) = UNITS
        .iter()
        .filter(|(w, _, _)| rest.starts_with(w))
        .max_by_key(|(w, _, _)| w.len())?;
    let mut name = name.to_string();
    let mut len = written.len();
    if matches!(class, Money | Count) {
        // per-unit denominators: 元/月/人, 个/户
        while let Some(after) = rest[len..].strip_prefix('/') {
            match PER.iter().find(|p| after.starts_with(*p)) {
                Some(p) => {
                    name.push('/');
                    name.push_str(p);
                    len += 1 + p.len();
                }
                None => break,
            }
        }
    }
    Some(Unit {
        name,
        class: *class,
        len,
    })
}

/// The unit a bare `万`/`亿` stands for, read from the indicator.
pub(crate) fn complete_bare(bare: &str, indicator: &str) -> (String, UnitClass) {
    const BY_WORD: &[(&[&str], &str, UnitClass)] = &[
        (&["人次", "游客", "接待"], "人次", Count),
        (&["人口", "人才", "人数", "就业"], "人", Count),
        (&["吞吐量", "产量", "吨"], "吨", Measure),
        (&["面积", "亩"], "亩", Measure),
        (
            &[
                "元", "额", "收入", "资金", "投资", "税", "产值", "营收", "费",
            ],
            "元",
            Money,
        ),
    ];
    for (words, suffix, class) in BY_WORD {
        if words.iter().any(|w| indicator.contains(w)) {
            return (format!("{bare}{suffix}"), *class);
        }
    }
    (bare.to_string(), Bare)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_unit_wins() {
        assert_eq!(unit_at("万人次,").unwrap().name, "万人次");
        assert_eq!(unit_at("个工作日内").unwrap().name, "个工作日");
        assert_eq!(unit_at("百分点左右").unwrap().name, "个百分点");
        assert_eq!(unit_at("个月内").unwrap().class, UnitClass::Skip);
        assert_eq!(unit_at("万家,").unwrap().name, "万家");
        assert_eq!(unit_at("万公里").unwrap().name, "万公里");
        assert_eq!(unit_at("万元").unwrap().name, "万元");
        assert_eq!(unit_at("万,").unwrap().class, UnitClass::Bare);
        assert_eq!(unit_at("余家").unwrap().name, "家");
        assert_eq!(unit_at("万余件").unwrap().name, "万件");
        assert_eq!(unit_at("亿立方,").unwrap().name, "亿立方");
        assert_eq!(unit_at("立方米").unwrap().name, "立方米");
        assert_eq!(unit_at("幢").unwrap().class, UnitClass::Count);
    }

    #[test]
    fn denominators_join_the_unit() {
        let u = unit_at("元/月/人。").unwrap();
        assert_eq!(u.name, "元/月/人");
        assert_eq!(u.len, "元/月/人".len());
        assert_eq!(unit_at("元/月和").unwrap().name, "元/月");
    }

    #[test]
    fn non_units_are_not_units() {
        for rest in ["年", "号", "KV", "G", "届", "强"] {
            let u = unit_at(rest);
            assert!(u.is_none() || u.unwrap().class == UnitClass::Skip, "{rest}");
        }
    }

    #[test]
    fn bare_wan_takes_its_unit_from_the_indicator() {
        assert_eq!(complete_bare("万", "旅游接待总人次").0, "万人次");
        assert_eq!(complete_bare("万", "税收").0, "万元");
        assert_eq!(complete_bare("万", "其他").1, UnitClass::Bare);
    }
}
