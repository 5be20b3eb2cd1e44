//! Reading the words before a number: which part names the indicator, which
//! part is the verb (`增长`, `提高到`), which is scaffolding (`其中`, `全年`,
//! `2025年`), and whether the indicator is a list of several
//! (`项目开工率、投资完成率、入库纳统率`).

use std::sync::LazyLock;

use regex::Regex;

use crate::unit::UnitClass;

/// Words in front of an indicator that are not part of it.
static LEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[、,:和及与或并]|其中|全年|年内|今年|当年|每年|同时|到\d{4}年(?:底|末)?|\d{4}[-—–~至到]\d{4}年(?:累计|间|期间)?|\d{4}年(?:底|末|内)?|力争|力促|确保|保证|争取达到|努力|实现|完成|推动|推进|计划|预计|持续)",
    )
    .expect("leading pattern")
});

/// Verbs and qualifiers between an indicator and its number, longest first;
/// `true` marks a verb of growth (`增长 8%` is a growth rate).
const TRAILING: &[(&str, bool)] = &[
    ("同比增长", true),
    ("年均增长", true),
    ("增长", true),
    ("增速", true),
    ("增幅", true),
    ("提高到", false),
    ("提高至", false),
    ("提升到", false),
    ("提升至", false),
    ("增加到", false),
    ("增加至", false),
    ("下降到", false),
    ("下降至", false),
    ("降低到", false),
    ("降低至", false),
    ("降至", false),
    ("提高", true),
    ("提升", true),
    ("增加", true),
    ("上升", true),
    ("回升", true),
    ("下降", true),
    ("降低", true),
    ("减少", true),
    ("不低于", false),
    ("不少于", false),
    ("不小于", false),
    ("至少", false),
    ("不超过", false),
    ("不高于", false),
    ("不多于", false),
    ("控制在", false),
    ("压缩至", false),
    ("压缩到", false),
    ("压减至", false),
    ("压减到", false),
    ("缩短至", false),
    ("缩短到", false),
    ("稳定在", false),
    ("稳定", false),
    ("保持在", false),
    ("保持", false),
    ("稳在", false),
    ("守牢", false),
    ("守住", false),
    ("达到", false),
    ("达", false),
    ("突破", false),
    ("超过", false),
    ("超", false),
    ("实现", false),
    ("完成", false),
    ("分别", false),
    ("力争", false),
    ("确保", false),
    ("均", false),
    ("为", false),
    ("在", false),
    ("至", false),
    ("到", false),
    (",", false),
];

/// `三项指标`, `5项指标`: a count of the indicators listed before it.
static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[一二两三四五六七八九十\d]+(?:项|个)指标$").expect("counted pattern")
});

/// Endings of a word that names a measured quantity by itself; a list whose
/// items all end so is a list of indicators, not one indicator with a
/// compound head (`批发、零售、住宿、餐饮企业`).
const MEASURES: &[&str] = &[
    "率",
    "额",
    "收入",
    "数量",
    "总量",
    "增加值",
    "产值",
    "投资",
    "比重",
    "占比",
    "人次",
    "税收",
    "产量",
    "面积",
    "规模",
    "价格",
    "指数",
    "支出",
    "利润",
    "营收",
];

/// What the words before a number say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Lead {
    /// The indicator (possibly several, see [`Lead::items`]), as written.
    pub(crate) indicator: String,
    /// A verb of growth stood before the number.
    pub(crate) growth: bool,
    /// That verb says decline (`下降 3%`, `降低 0.5 个百分点`).
    pub(crate) decline: bool,
    /// The text said `分别` (respectively) or counted its indicators.
    pub(crate) respectively: bool,
}

/// Reads `lead` (folded text from the phrase start to the number).
pub(crate) fn read(lead: &str) -> Lead {
    let mut s = lead;
    loop {
        let marker = crate::marker::marker_len(s);
        let words = LEADING.find(s).map_or(0, |m| m.end());
        if marker + words == 0 {
            break;
        }
        s = &s[marker.max(words)..];
    }
    let mut growth = false;
    let mut decline = false;
    let mut respectively = false;
    'strip: loop {
        for (w, g) in TRAILING {
            if *w == "达" && !crate::qualifier::reaches(s) {
                continue; // 下达
            }
            if let Some(rest) = s.strip_suffix(w) {
                growth |= g;
                decline |= *g && matches!(*w, "下降" | "降低" | "减少");
                respectively |= *w == "分别";
                s = rest;
                continue 'strip;
            }
        }
        break;
    }
    // an opening quote whose text goes on past the number: 锚定“到位资金26亿元、…”
    if let Some(at) = s.rfind('“') {
        if !s[at..].contains('”') {
            s = &s[at + '“'.len_utf8()..];
        }
    }
    let mut indicator = s.to_string();
    // 从11.37万亿元提高到: the starting point is no part of the indicator
    for from in ["从", "由"] {
        if let Some(at) = indicator.find(from) {
            if indicator[at + from.len()..].starts_with(|c: char| c.is_ascii_digit()) {
                indicator.truncate(at);
            }
        }
    }
    if let Some(m) = COUNTED.find(&indicator) {
        indicator.truncate(m.start());
        respectively = true;
    }
    Lead {
        indicator,
        growth,
        decline,
        respectively,
    }
}

impl Lead {
    /// The indicators this lead names: several when it lists measured
    /// quantities (`项目开工率、投资完成率`) or says `分别`, else one.
    pub(crate) fn items(&self) -> Vec<String> {
        let mut parts: Vec<&str> = Vec::new();
        for piece in self.indicator.split('、').filter(|p| !p.is_empty()) {
            // 和/及/与 join list items, but also sit inside words (普及率)
            let sub: Vec<&str> = piece.split(['和', '及', '与']).collect();
            if sub.len() > 1 && sub.iter().all(|p| p.chars().count() >= 2) {
                parts.extend(sub);
            } else {
                parts.push(piece);
            }
        }
        let listed = parts.len() > 1
            && parts.iter().all(|p| p.chars().count() >= 2)
            && (self.respectively
                || parts
                    .iter()
                    .all(|p| MEASURES.iter().any(|m| p.ends_with(m))));
        if listed {
            parts.into_iter().map(str::to_string).collect()
        } else {
            vec![self.indicator.clone()]
        }
    }
}

/// True when `s` is only a list connector (`和`, `、`): the number after it
/// continues a list of values.
pub(crate) fn is_connector(s: &str) -> bool {
    matches!(
        s,
        "" | "和" | "及" | "与" | "或" | "、" | "至" | "到" | "、和"
    )
}

/// True when `indicator` (as read from a lead) makes a sum of `class` a
/// policy's cap or unit amount, not a target: `最高不超过500万元`,
/// `每辆车免税额不超过3万元`.
pub(crate) fn is_cap(indicator: &str, class: UnitClass) -> bool {
    let capped = ["最高", "最多"].iter().any(|w| indicator.ends_with(w));
    let per_item =
        class == UnitClass::Money && indicator.contains('每') && !indicator.contains("每年");
    capped || per_item
}

/// True when `lead` ends in words that make the number a specification of a
/// facility or a payment, not a target (`年产25万吨`, `奖励5万元`).
pub(crate) fn is_spec(lead: &str) -> bool {
    const SPEC: &[&str] = &[
        "年产",
        "日产",
        "年处理",
        "年加工",
        "年生产",
        "装机",
        "总投资",
        "占地",
        "占地面积",
        "建筑面积",
        "全长",
        "总长",
        "长约",
        "时速",
        "奖励",
        "补贴",
        "补助",
        "奖补",
        "资助",
        "贴息",
        "给予",
        "一次性",
    ];
    SPEC.iter().any(|w| lead.ends_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_scaffolding_and_verbs() {
        let l = read("力争全社会固定资产投资增长");
        assert_eq!(l.indicator, "全社会固定资产投资");
        assert!(l.growth);
        assert_eq!(
            read("常住人口城镇化率力争提高").indicator,
            "常住人口城镇化率"
        );
        assert_eq!(read("2025年引进产业项目").indicator, "引进产业项目");
        assert_eq!(
            read("2018—2021年累计安排工业发展专项资金").indicator,
            "安排工业发展专项资金"
        );
        assert_eq!(
            read("地区生产总值从11.37万亿元提高到").indicator,
            "地区生产总值"
        );
        let l = read("民间投资占全部投资的比重稳定在");
        assert_eq!(l.indicator, "民间投资占全部投资的比重");
        assert!(!l.growth);
    }

    #[test]
    fn lists_of_indicators_split() {
        let l = read("力争项目开工率、投资完成率、入库纳统率");
        assert_eq!(l.items(), ["项目开工率", "投资完成率", "入库纳统率"]);
        let l = read("进出口、进口、出口三项指标分别增长");
        assert_eq!(l.items(), ["进出口", "进口", "出口"]);
        let l = read("力争全年接待游客数量和旅游收入增长");
        assert_eq!(l.items(), ["接待游客数量", "旅游收入"]);
        let l = read("农村供电可靠率、自来水普及率分别达");
        assert_eq!(l.items(), ["农村供电可靠率", "自来水普及率"]);
    }

    #[test]
    fn compound_heads_do_not_split() {
        let l = read("新增限额以上批发、零售、住宿、餐饮企业");
        assert_eq!(l.items().len(), 1);
        let l = read("争取中央和省各类指标资金增长");
        assert_eq!(l.items(), ["争取中央和省各类指标资金"]);
    }

    #[test]
    fn caps_and_unit_amounts_of_a_policy() {
        assert!(is_cap("最高", UnitClass::Money));
        assert!(is_cap("每辆新能源乘用车免税额", UnitClass::Money));
        assert!(!is_cap("每户安装", UnitClass::Count));
        assert!(!is_cap("城乡低保标准", UnitClass::Money));
        assert_eq!(read("对产值由3亿元以下增加到").indicator, "对产值");
    }

    #[test]
    fn specifications() {
        assert!(is_spec("年产"));
        assert!(is_spec("对新入规企业奖励"));
        assert!(!is_spec("残疾人两项补贴标准达到"));
    }
}
