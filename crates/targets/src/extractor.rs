//! The [`Extractor`]: text in, [`Target`]s out.
//!
//! The text is cut into lines, each line folded (width, white space,
//! traditional characters, pinyin annotations) with a map back to the input
//! and cut into sentences (`。`, `；`); [`crate::sentence`] reads each sentence's
//! quantities; the drafts become targets with byte spans of the input.

use fangan_model::{fold, MappedText, Span};

use crate::cell::cell_above;
use crate::indicators::{IndicatorTable, DEFAULT_TABLE};
use crate::pinyin;
use crate::quantity::{scan, Quantity};
use crate::sentence::{self, Draft};
use crate::{Kind, Result, Target};

/// Sentence ends (in folded text).
const SENTENCE_END: &[char] = &['。', ';', '!', '?', '\n'];
#[derive(Clone, Debug)]
struct Config {
    table: Option<(String, String)>,
    placeholders: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            table: None,
            placeholders: true,
        }
    }
}

/// Configures an [`Extractor`].
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    config: Config,
}

impl ExtractorBuilder {
    /// A builder with the embedded indicator table and placeholders kept.
    pub fn new() -> Self {
        Self::default()
    }

    /// Uses the indicator table `toml` (the shape of
    /// `data/indicators.toml`) instead of the embedded one; `origin` names
    /// it in errors.
    pub fn indicators(&mut self, toml: &str, origin: &str) -> &mut Self {
        self.config.table = Some((toml.to_string(), origin.to_string()));
        self
    }

    /// Whether targets written with a placeholder (`增长x%`) are returned
    /// (default: yes, with `value` NaN and `placeholder` set).
    pub fn placeholders(&mut self, yes: bool) -> &mut Self {
        self.config.placeholders = yes;
        self
    }

    /// Builds the extractor; fails when the indicator table is invalid.
    pub fn build(&self) -> Result<Extractor> {
        let table = match &self.config.table {
            Some((toml, origin)) => IndicatorTable::parse(toml, origin)?,
            None => IndicatorTable::parse(DEFAULT_TABLE, "data/indicators.toml")?,
        };
        Ok(Extractor {
            table,
            placeholders: self.config.placeholders,
        })
    }
}

/// Finds numeric targets in text. Build once, use for every clause.
#[derive(Clone, Debug)]
pub struct Extractor {
    table: IndicatorTable,
    placeholders: bool,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractor {
    /// An extractor with the embedded indicator table.
    pub fn new() -> Extractor {
        ExtractorBuilder::new()
            .build()
            .expect("the embedded indicator table is valid")
    }

    /// A builder, to change the indicator table or drop placeholders.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// The canonical name of `indicator` measured as `kind`
    /// (`全社会固定资产投资`, growth rate → `固定资产投资增速`).
    pub fn canonical(&self, indicator: &str, kind: Kind) -> String {
        self.table.canonical(indicator, kind)
    }

    /// All targets of `text`, in order of appearance; spans are byte ranges
    /// of `text`. Every target names its indicator: a value alone in a
    /// table cell (`力争 17家 |`) takes the cell above
    /// ([`crate::cell::cell_above`]); a number that names nothing (`2万`) is
    /// no target.
    pub fn extract(&self, text: &str) -> Vec<Target> {
        // a line break ends a sentence; folding would drop it, so fold by line
        let mut out = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            self.extract_line(text, offset, line.trim_end_matches(['\n', '\r']), &mut out);
            offset += line.len();
        }
        out.retain_mut(|t| {
            if t.indicator.is_empty() {
                let bare = matches!(t.unit.as_str(), "万" | "亿");
                if let Some(above) = cell_above(text, t.span.start, bare) {
                    t.canonical = self.table.canonical(&above, t.kind);
                    t.indicator = above;
                }
            }
            !t.indicator.is_empty()
        });
        out
    }

    /// The targets of `line`, which starts at byte `offset` of `text`.
    fn extract_line(&self, text: &str, offset: usize, line: &str, out: &mut Vec<Target>) {
        let folded = pinyin::strip_mapped(&fold::fold(line));
        let f = folded.text();
        let quantities = scan(f);
        if quantities.is_empty() {
            return;
        }
        let mut drafts = Vec::new();
        let mut start = 0;
        while start < f.len() {
            let end = f[start..].find(SENTENCE_END).map_or(f.len(), |i| start + i);
            let in_sentence: Vec<&Quantity> = quantities
                .iter()
                .filter(|q| q.start >= start && q.start < end)
                .collect();
            if !in_sentence.is_empty() {
                sentence::read(f, start, end, &in_sentence, &mut drafts);
            }
            start = end + f[end..].chars().next().map_or(1, char::len_utf8);
        }
        out.extend(
            drafts
                .into_iter()
                .filter(|d| self.placeholders || !d.placeholder)
                .map(|d| self.finish(text, offset, &folded, d)),
        );
    }

    /// Turns a draft into a target with spans of the input text.
    fn finish(&self, text: &str, offset: usize, folded: &MappedText, d: Draft) -> Target {
        let in_line = folded.source_span(Span::new(d.start, d.end));
        let span = Span::new(offset + in_line.start, offset + in_line.end);
        let mut canonical = self.table.canonical(&d.indicator, d.kind);
        if d.decline {
            // 能耗下降3%: a rate of decline, not of growth
            for (up, down) in [("增速", "降幅"), ("提高幅度", "下降幅度")] {
                if let Some(base) = canonical.strip_suffix(up) {
                    canonical = format!("{base}{down}");
                }
            }
        }
        Target {
            canonical,
            indicator: d.indicator,
            value: d.value,
            value_max: d.value_max,
            unit: d.unit,
            kind: d.kind,
            qualifiers: d.qualifiers,
            snippet: span.slice(text).to_string(),
            span,
            placeholder: d.placeholder,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(text: &str) -> Vec<Target> {
        let found = Extractor::new().extract(text);
        for t in &found {
            // every span slices the input to the snippet, Chinese included
            assert_eq!(t.span.slice(text), t.snippet, "{t:?}");
        }
        found
    }

    fn values(found: &[Target]) -> Vec<(f64, &str, String)> {
        found
            .iter()
            .map(|t| (t.value, t.unit.as_str(), t.qualifier()))
            .collect()
    }

    #[test]
    fn headline_targets_with_and_without_spaces() {
        let text = "经济总量稳步提升，地区生产总值增长 8%以上，总量达到 420 亿元；全社会固定资产投资增长10%以上。";
        let found = extract(text);
        assert_eq!(
            values(&found),
            [
                (8.0, "%", "以上".to_string()),
                (420.0, "亿元", "达到".to_string()),
                (10.0, "%", "以上".to_string())
            ]
        );
        assert_eq!(found[0].indicator, "地区生产总值");
        assert_eq!(found[0].kind, Kind::GrowthRate);
        assert_eq!(found[1].indicator, "地区生产总值总量");
        assert_eq!(found[1].kind, Kind::Level);
        assert_eq!(found[2].canonical, "固定资产投资增速");
        assert_eq!(found[0].snippet, "地区生产总值增长 8%以上");
    }

    #[test]
    fn a_line_break_ends_a_sentence() {
        let text = "一、工作目标\n经济总量保持全省前十，力争地区生产总值增长 5%左右。\n总量达到 420 亿元。";
        let found = extract(text);
        assert_eq!(found[0].indicator, "经济总量全省排名");
        assert_eq!(found[1].qualifiers, ["力争", "左右"]);
        assert_eq!(found[2].indicator, "总量", "no carry over a line break");
        assert!(found[2].qualifiers == ["达到"]);
    }

    #[test]
    fn declines_are_rates_of_decline() {
        let found = extract("单位地区生产总值能耗下降3%，城镇化率提高1个百分点。");
        assert_eq!(found[0].canonical, "单位地区生产总值能耗降幅");
        assert_eq!(found[0].kind, Kind::GrowthRate);
        assert_eq!(found[1].canonical, "城镇化率提高幅度");
    }

    #[test]
    fn a_shared_closing_qualifier_holds_for_every_value() {
        let found = extract("城乡居民收入增长 8%和 10%以上。");
        assert_eq!(
            values(&found),
            [
                (8.0, "%", "以上".to_string()),
                (10.0, "%", "以上".to_string())
            ]
        );
        assert_eq!(found[0].indicator, "城镇居民收入");
        assert_eq!(found[1].indicator, "农村居民收入");
        assert_ne!(found[0].canonical, found[1].canonical);
        assert_eq!(found[1].snippet, "城乡居民收入增长 8%和 10%以上");
    }

    #[test]
    fn a_shared_verb_holds_for_every_value() {
        let found = extract("城乡低保标准分别提高到不低于740元/月和485元/月。");
        assert_eq!(
            values(&found),
            [
                (740.0, "元/月", "不低于".to_string()),
                (485.0, "元/月", "不低于".to_string())
            ]
        );
    }

    #[test]
    fn shared_indicator_lists_yield_one_target_each() {
        let found = extract("进出口、进口、出口三项指标分别增长 10%。");
        let names: Vec<&str> = found.iter().map(|t| t.indicator.as_str()).collect();
        assert_eq!(names, ["进出口", "进口", "出口"]);
        assert!(found
            .iter()
            .all(|t| t.value == 10.0 && t.kind == Kind::GrowthRate));
        let found = extract("力争项目开工率、投资完成率、入库纳统率100%。");
        assert_eq!(found.len(), 3);
        assert!(found
            .iter()
            .all(|t| t.qualifiers == ["力争"] && t.kind == Kind::Share));
        let found = extract(
            "社会散居和集中供养孤儿基本生活最低保障标准分别提高到不低于1200元/月和1700元/月。",
        );
        assert_eq!(values(&found).len(), 2, "{found:?}");
        assert_eq!(found[0].indicator, "社会散居");
        assert_eq!(found[1].value, 1700.0);
    }

    #[test]
    fn a_compound_head_is_one_indicator() {
        let found = extract("新增限额以上批发、零售、住宿、餐饮企业 40 家。");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].canonical, "新增限额以上批零住餐企业");
        assert_eq!(found[0].kind, Kind::Count);
    }

    #[test]
    fn leading_qualifiers_carry_through_the_sentence() {
        let found = extract("力争年度旅游接待总人次突破1000万，总收入突破100亿元。");
        assert_eq!(
            values(&found),
            [
                (1000.0, "万人次", "力争+突破".to_string()),
                (100.0, "亿元", "力争+突破".to_string())
            ]
        );
        // a qualifier after the indicator is its own
        let found = extract("常住人口城镇化率力争提高1个百分点，第一产业增加值增长3.6%。");
        assert_eq!(found[0].qualifiers, ["力争"]);
        assert_eq!(found[0].kind, Kind::Change);
        assert!(found[1].qualifiers.is_empty());
    }

    #[test]
    fn qualifier_synonyms_fold() {
        let found = extract("力促20个以上产业项目落地开工。接入不少于1项高频服务。");
        assert_eq!(found[0].qualifiers, ["力争", "以上"]);
        assert_eq!(found[1].qualifiers, ["不低于"]);
        let found = extract("将出口退(免)税平均办理时间压缩至1个工作日。");
        assert_eq!(found[0].qualifiers, ["以内"]);
        assert_eq!(found[0].unit, "个工作日");
    }

    #[test]
    fn ranges_keep_both_ends() {
        let found = extract("主攻方向突破关键核心技术攻关1-2项，培育3～5家龙头企业。");
        assert_eq!((found[0].value, found[0].value_max), (1.0, Some(2.0)));
        assert_eq!(found[0].qualifiers, Vec::<String>::new());
        assert_eq!((found[1].value, found[1].value_max), (3.0, Some(5.0)));
        assert_eq!(found[1].value_text(), "3-5");
    }

    #[test]
    fn placeholders_are_targets_without_a_value() {
        let found = extract("地区生产总值增长x%以上，固定资产投资达到××亿元，新增企业X家。");
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found.iter().all(|t| t.placeholder && t.value.is_nan()));
        assert_eq!(found[0].canonical, "地区生产总值增速");
        assert_eq!(found[1].unit, "亿元");
        let dropped = Extractor::builder().placeholders(false).build().unwrap();
        assert!(dropped.extract("地区生产总值增长x%以上。").is_empty());
    }

    #[test]
    fn non_targets() {
        for text in [
            "加快G536丁家垅至天岳公路（平益高速城关连接线）、S316四期（城关至三阳）工程建设。",
            "推进35KV变电站建设。",
            "加快推动年产25万吨正宗辣条产业园、年产5万吨鹌鹑蛋深加工等项目建设。",
            "根据《岳阳市人民政府办公室关于印发〈方案〉的通知》（岳政办发〔2023〕5号）精神。",
            "办好2023正月系列文体活动、第三届中国（平江）休闲食品文化节。",
            "2025年3月31日前完成。",
            "对新认定的规模工业企业一次性奖励5万元。",
            "落实“人才新政36条”，制定“1个总体方案+7个实施方案”。",
            "协同推进2022-2023年度27项工作要点。",
            "全县PM2.5平均浓度及地表水水质优良比例达到市定目标。",
            "加快5G基站建设，构建“3×3”现代化产业体系。",
            "3个月内办结。",
            "不断完善17个乡镇的基础设施建设和产业配套功能。",
            "按照项目实际投资额的1%给予奖励，最高奖励100万元。",
            "对符合条件的企业给予不超过50万元的补助。",
        ] {
            let found = extract(text);
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }

    /// The seed plans, read line by line as the scan example does.
    const SEEDS: &[(&str, &str)] = &[
        (
            "pingjiang-2023",
            include_str!("../../../seeds/pingjiang-2023.txt"),
        ),
        (
            "pingjiang-2025",
            include_str!("../../../seeds/pingjiang-2025.txt"),
        ),
        (
            "suining-2024",
            include_str!("../../../seeds/suining-2024.txt"),
        ),
        (
            "xiangyin-2025",
            include_str!("../../../seeds/xiangyin-2025.txt"),
        ),
        (
            "yueyanglou-2023",
            include_str!("../../../seeds/yueyanglou-2023.txt"),
        ),
    ];

    #[test]
    fn seeds_give_sensible_targets() {
        let extractor = Extractor::new();
        for (plan, text) in SEEDS {
            let mut n = 0;
            for line in text.lines() {
                for t in extractor.extract(line) {
                    n += 1;
                    assert_eq!(t.span.slice(line), t.snippet);
                    let year_like = (1990.0..2100.0).contains(&t.value) && t.value.fract() == 0.0;
                    assert!(!(year_like && t.unit.is_empty()), "{plan}: {t:?}");
                    assert!(!t.snippet.contains("G536"), "{plan}: {t:?}");
                    assert!(!t.unit.contains('年'), "{plan}: {t:?}");
                }
            }
            assert!(n >= 5, "{plan}: only {n} targets");
        }
    }

    #[test]
    fn the_five_seed_plans_share_headline_indicators() {
        let extractor = Extractor::new();
        let investment: Vec<Vec<f64>> = SEEDS
            .iter()
            .map(|(_, text)| {
                extractor
                    .extract(text)
                    .into_iter()
                    .filter(|t| t.canonical == "固定资产投资增速")
                    .map(|t| t.value)
                    .collect()
            })
            .collect();
        // every plan sets a fixed-asset investment growth target
        assert!(investment.iter().all(|v| !v.is_empty()), "{investment:?}");
        assert_eq!(investment[0], [10.0]);
    }

    #[test]
    fn a_generic_indicator_takes_the_topic_of_the_previous() {
        let found = extract("力争年度旅游接待总人次突破1000万，总收入突破100亿元。");
        assert_eq!(found[1].indicator, "年度旅游总收入");
        assert_eq!(found[1].canonical, "旅游总收入");
    }

    #[test]
    fn a_leading_verb_holds_for_a_list() {
        let found = extract("新增科技创新平台2个、高新技术企业6家，实施项目30个。");
        let names: Vec<&str> = found.iter().map(|t| t.indicator.as_str()).collect();
        assert_eq!(names, ["新增科技创新平台", "新增高新技术企业", "实施项目"]);
    }

    #[test]
    fn numbers_inside_an_indicator_are_not_targets() {
        let found = extract("力争全年税收过2000万企业6家以上，其中引进10亿元项目2个以上。");
        assert_eq!(
            values(&found),
            [
                (6.0, "家", "力争+以上".to_string()),
                (2.0, "个", "力争+以上".to_string())
            ]
        );
        assert_eq!(found[0].indicator, "税收过2000万企业");
    }

    #[test]
    fn counts_before_their_noun_and_zero_breaks() {
        let found = extract("对接10家品牌商超、30家知名餐饮酒店、50个大型社区。");
        let names: Vec<&str> = found.iter().map(|t| t.indicator.as_str()).collect();
        assert_eq!(names, ["对接品牌商超", "知名餐饮酒店", "大型社区"]);
        let found = extract("力争新培育一家省级消费品“三品”标杆企业。");
        assert_eq!((found[0].value, found[0].unit.as_str()), (1.0, "家"));
        let found = extract("对非贸易额实现破零。");
        assert_eq!((found[0].value, found[0].unit.as_str()), (0.0, ""));
        assert_eq!(found[0].qualifiers, ["突破"]);
        let found = extract("力争在全省县域经济考核评价中进入前13名。");
        assert_eq!((found[0].kind, found[0].value), (Kind::Rank, 13.0));
        assert_eq!(found[0].indicator, "全省县域经济考核评价排名");
        assert_eq!(found[0].qualifiers, ["力争"]);
        let found = extract("经济总量保持全省前十，全年地区生产总值增长 5%左右。");
        assert_eq!(found[0].indicator, "经济总量全省排名");
        assert_eq!((found[0].value, found[0].unit.as_str()), (10.0, "名"));
        assert_eq!(found[0].qualifiers, ["稳定"]);
        assert_eq!(found[0].snippet, "经济总量保持全省前十");
        assert_eq!(found[1].value, 5.0);
    }
}
