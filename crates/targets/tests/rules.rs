//! The reading rules of real plans from many provinces, one small text of
//! our own each: list markers, pinyin annotations, traditional characters,
//! nouns after numbers, counts of the document's own parts, policy caps.

use fangan_targets::{extract, Kind, Target};

fn found(text: &str) -> Vec<Target> {
    let found = extract(text);
    for t in &found {
        assert_eq!(&text[t.span.start..t.span.end], t.snippet, "{t:?}");
        assert!(!t.indicator.is_empty(), "empty indicator: {t:?}");
    }
    found
}

fn indicators(text: &str) -> Vec<String> {
    found(text).into_iter().map(|t| t.indicator).collect()
}

#[test]
fn list_markers_are_no_part_of_an_indicator() {
    let text = "——地区生产总值增长5%左右;\n2.规模上工业增加值增长6%;\n(三)固定资产投资增长10%;\n四、社会消费品零售总额增长7%;\n一是主要指标总量600亿元。";
    assert_eq!(
        indicators(text),
        [
            "地区生产总值",
            "规模上工业增加值",
            "固定资产投资",
            "社会消费品零售总额",
            "主要指标总量"
        ]
    );
    let t = &found("1.努力实现地区生产总值增长6%左右。")[0];
    assert_eq!(t.indicator, "地区生产总值");
    assert_eq!(t.snippet, "努力实现地区生产总值增长6%左右");
}

#[test]
fn pinyin_annotations_are_read_over() {
    let text = "1.地區(qū)生產(chǎn)總值增長(zhǎng)5%以上。7.實(shí)現(xiàn)高新技術(shù)產(chǎn)業(yè)產(chǎn)值占比達(dá)54%。";
    let ts = found(text);
    assert_eq!(ts.len(), 2);
    assert_eq!(ts[0].indicator, "地区生产总值");
    assert_eq!(ts[0].kind, Kind::GrowthRate);
    assert_eq!(ts[0].canonical, "地区生产总值增速");
    assert_eq!(ts[0].snippet, "地區(qū)生產(chǎn)總值增長(zhǎng)5%以上");
    assert_eq!(ts[1].qualifiers, ["达到"]);
    assert!(!ts[1].indicator.contains('('), "{:?}", ts[1]);
}

#[test]
fn table_cells_are_phrases() {
    let ts = found("|3|人居环境整治|城关镇|2024|在城关镇实施道路硬化12公里|");
    assert_eq!(ts.len(), 1);
    assert_eq!(ts[0].indicator, "在城关镇实施道路硬化");
}

#[test]
fn a_number_before_a_number_takes_its_noun() {
    let ts = found("完成超230个50户以上木质房屋连片村寨给水管网建设。");
    assert_eq!(ts.len(), 1, "{ts:?}");
    assert_eq!((ts[0].value, ts[0].unit.as_str()), (230.0, "个"));
    assert_eq!(ts[0].indicator, "50户以上木质房屋连片村寨给水管网建设");
    assert_eq!(ts[0].qualifiers, ["超过"]);
}

#[test]
fn two_counts_joined_are_two_targets() {
    let ts = found("培育形成2个千亿级产业集群和6个百亿级产业集群。");
    let read: Vec<(f64, &str)> = ts.iter().map(|t| (t.value, t.indicator.as_str())).collect();
    assert_eq!(read.len(), 2, "{ts:?}");
    assert_eq!(read[0].0, 2.0);
    assert!(read[0].1.ends_with("千亿级产业集群"), "{read:?}");
    assert_eq!(read[1], (6.0, "百亿级产业集群"));
}

#[test]
fn counts_of_the_documents_own_parts_are_no_targets() {
    for text in [
        "方案共细分出171项目标任务。",
        "市政府研究确定了11个方面共173项重点工作。",
        "明确133项具体任务,涉及34个牵头单位。",
        "区政府重点工作目标任务分解落实方案(共118项)",
        "一、县示范区管委会牵头工作(8项)",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn caps_of_a_policy_are_no_targets() {
    for text in [
        "对新认定的企业给予奖励,最高不超过500万元。",
        "每辆新能源乘用车免税额不超过3万元。",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn amounts_and_measures_of_work_done() {
    let ts = found("投资3000万元建设对虾循环水养殖基地,启动实施3万亩高标准农田示范区建设,完成75%以上的确权登记。");
    let read: Vec<(f64, &str)> = ts.iter().map(|t| (t.value, t.unit.as_str())).collect();
    assert_eq!(read, [(3000.0, "万元"), (3.0, "万亩"), (75.0, "%")]);
    assert_eq!(ts[2].qualifiers, ["以上"]);
    assert_eq!(ts[2].indicator, "确权登记");
}

#[test]
fn qualifiers_as_plans_write_them() {
    let ts = found(
        "居民消费价格涨幅保持在3%左右,专项资金6月底前下达60%以上,环评报告书14个工作日内完成审批。",
    );
    let q: Vec<String> = ts.iter().map(Target::qualifier).collect();
    assert_eq!(q, ["左右", "以上", "以内"]);
}

#[test]
fn traditional_characters_fold() {
    let ts = found("全年億元樓數量達到92幢,天然氣產量420億立方。");
    assert_eq!(ts.len(), 2);
    assert_eq!(ts[0].indicator, "亿元楼数量");
    assert_eq!((ts[0].value, ts[0].unit.as_str()), (92.0, "幢"));
    assert_eq!((ts[1].value, ts[1].unit.as_str()), (420.0, "亿立方"));
    assert_eq!(ts[1].indicator, "天然气产量");
}

#[test]
fn values_listed_before_a_count_qualify_it() {
    let ts = found("全年引进总投资超20亿元或2亿美元产业项目3个。");
    assert_eq!(ts.len(), 1, "{ts:?}");
    assert_eq!((ts[0].value, ts[0].unit.as_str()), (3.0, "个"));
    assert_eq!(ts[0].snippet, "全年引进总投资超20亿元或2亿美元产业项目3个");
}

#[test]
fn a_value_said_to_be_the_goal() {
    let ts = found("确保实现税收收入增长5%的目标。审批事项2个工作日内办结。");
    let read: Vec<(&str, f64, String)> = ts
        .iter()
        .map(|t| (t.indicator.as_str(), t.value, t.qualifier()))
        .collect();
    assert_eq!(
        read,
        [
            ("税收收入", 5.0, "确保".to_string()),
            ("审批事项", 2.0, "以内".to_string())
        ]
    );
}

#[test]
fn amounts_in_chinese_numerals() {
    let ts = found("力争全市产业集群总量超过三千亿规模。");
    assert_eq!((ts[0].value, ts[0].unit.as_str()), (3000.0, "亿"));
    assert_eq!(ts[0].qualifiers, ["力争", "超过"]);
}

#[test]
fn every_target_names_its_indicator() {
    assert!(found("签到天数: 866 天\n2万\n主题\n").is_empty());
    let ts = found("新增规模以上工业企业 |\n力争 17家 |\n");
    assert_eq!(ts.len(), 1);
    assert_eq!(ts[0].indicator, "新增规模以上工业企业");
    assert_eq!(ts[0].qualifiers, ["力争"]);
}

#[test]
fn a_value_on_its_own_line_under_its_indicator() {
    let ts = found("2024年主要预期指标\n地区生产总值\n增长6%左右\n");
    assert_eq!(ts.len(), 1);
    assert_eq!(ts[0].indicator, "地区生产总值");
    assert_eq!(ts[0].kind, Kind::GrowthRate);
    assert_eq!(ts[0].qualifiers, ["左右"]);
}
