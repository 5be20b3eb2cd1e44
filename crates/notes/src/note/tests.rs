use super::*;
use crate::UnitKind;

fn read(raw: &str) -> Note {
    read_task_note(&Departments::builtin(), raw, &Conventions::default())
}

/// (name, role, canonical) of every unit, generic ones marked `*`.
fn units(n: &Note) -> Vec<(String, &'static str, String)> {
    n.units
        .iter()
        .map(|u| {
            let name = if u.generic {
                format!("*{}", u.name)
            } else {
                u.name.clone()
            };
            (name, u.role.as_str(), u.canonical.clone())
        })
        .collect()
}

fn t(name: &str, role: &'static str, canonical: &str) -> (String, &'static str, String) {
    (name.to_string(), role, canonical.to_string())
}

fn assert_spans(raw: &str, n: &Note) {
    for u in &n.units {
        let cut: String = u
            .span
            .slice(raw)
            .chars()
            .filter(|c| *c != '*' && !c.is_whitespace())
            .collect();
        assert_eq!(cut, u.name, "span of {} in {raw}", u.name);
    }
}

/// The JSON shape `fangan show` flattens into each clause's notes.
#[test]
fn json_shape_is_stable() {
    let n = read("（县发改局牵头，相关部门负责，6月底完成）");
    let v = serde_json::to_value(&n).unwrap();
    assert_eq!(v["type"], "task");
    let u = &v["units"][0];
    assert_eq!(u["name"], "县发改局");
    assert_eq!(u["canonical"], "发改局");
    assert_eq!(u["role"], "lead");
    assert_eq!(u["generic"], false);
    assert_eq!(u["known"], true);
    assert_eq!(u["kind"], "department");
    assert_eq!(u["level"], "县");
    assert_eq!(u["span"]["start"], "（".len());
    assert_eq!(v["units"][1]["generic"], true);
    assert_eq!(v["deadlines"][0]["text"], "6月底完成");
}

#[test]
fn lead_alone_with_fuzeren() {
    let raw = "（县发改局牵头负责）";
    let n = read(raw);
    assert_eq!(units(&n), [t("县发改局", "lead", "发改局")]);
    assert_eq!(n.units[0].span.slice(raw), "县发改局");
    assert_eq!(n.units[0].level.as_deref(), Some("县"));
}

#[test]
fn lead_then_support_by_duty() {
    let raw = "(县人社局牵头,县发改局、县医保局等按职责分工负责)";
    let n = read(raw);
    assert_eq!(
        units(&n),
        [
            t("县人社局", "lead", "人社局"),
            t("县发改局", "support", "发改局"),
            t("县医保局", "support", "医保局")
        ]
    );
    assert_spans(raw, &n);
}

#[test]
fn responsible_without_lead() {
    let n = read("(发改局、交通局等负责)");
    assert_eq!(
        units(&n),
        [
            t("发改局", "responsible", "发改局"),
            t("交通局", "responsible", "交通运输局")
        ]
    );
    let n = read("（县文旅广体局、县科技局负责）");
    assert!(n.units.iter().all(|u| u.role == Role::Responsible));
}

#[test]
fn lead_and_responsible_labels() {
    let raw = "(牵头单位:区科技工信局,责任单位:区发改局、区贸促会等)";
    let n = read(raw);
    assert_eq!(
        units(&n),
        [
            t("区科技工信局", "lead", "科工信局"),
            t("区发改局", "support", "发改局"),
            t("区贸促会", "support", "贸促会")
        ]
    );
    assert_spans(raw, &n);
    // the list may end with its own verb
    let n = read("(牵头单位:区金融办,责任单位:区财政局、区自然资源局等负责)");
    assert_eq!(n.units[2].name, "区自然资源局");
    assert_eq!(n.units[2].role, Role::Support);
}

#[test]
fn peihe_is_support() {
    let n = read("（县住建局牵头，县城管局、县水利局配合）");
    assert_eq!(
        units(&n),
        [
            t("县住建局", "lead", "住建局"),
            t("县城管局", "support", "城管局"),
            t("县水利局", "support", "水利局")
        ]
    );
    let n = read("（牵头单位：县财政局；配合单位：县税务局）");
    assert_eq!(
        units(&n),
        [
            t("县财政局", "lead", "财政局"),
            t("县税务局", "support", "税务局")
        ]
    );
    // 负责 without 牵头 stays responsible; 配合 is support
    let n = read("(县教育局负责,县卫健局配合)");
    assert_eq!(
        units(&n),
        [
            t("县教育局", "responsible", "教育局"),
            t("县卫健局", "support", "卫健局")
        ]
    );
}

#[test]
fn zeren_danwei_alone_and_square_brackets() {
    let n = read("(责任单位:县民政局、县残联)");
    assert_eq!(
        units(&n),
        [
            t("县民政局", "responsible", "民政局"),
            t("县残联", "responsible", "残联")
        ]
    );
    let raw = "[责任单位:县财政局、县审计局]";
    let n = read(raw);
    assert_eq!(n.units.len(), 2);
    assert_eq!(n.units[1].span.slice(raw), "县审计局");
    assert!(n.units.iter().all(|u| u.role == Role::Responsible));
}

#[test]
fn label_lines_without_brackets() {
    let raw = "牵头单位：县财政局\n责任单位：县税务局、县地方金融服务中心";
    let n = read(raw);
    assert_eq!(
        units(&n),
        [
            t("县财政局", "lead", "财政局"),
            t("县税务局", "support", "税务局"),
            t("县地方金融服务中心", "support", "金融办")
        ]
    );
    assert_spans(raw, &n);
}

#[test]
fn leaders_are_not_departments() {
    let n = read("(责任领导:张三;牵头单位:县发改局;责任单位:县财政局)");
    assert_eq!(
        units(&n),
        [
            t("县发改局", "lead", "发改局"),
            t("县财政局", "support", "财政局")
        ]
    );
    assert_eq!(n.leaders.len(), 1);
    assert_eq!(n.leaders[0].text, "张三");
    let n = read("(县政府分管副县长牵头,县发改局负责)");
    assert_eq!(units(&n), [t("县发改局", "support", "发改局")]);
    assert_eq!(n.leaders[0].text, "县政府分管副县长");
}

#[test]
fn deadlines_are_kept_apart() {
    let raw = "（县发改局牵头，县财政局等负责，6月底完成）";
    let n = read(raw);
    assert_eq!(
        units(&n),
        [
            t("县发改局", "lead", "发改局"),
            t("县财政局", "support", "财政局")
        ]
    );
    assert_eq!(n.deadlines.len(), 1);
    assert_eq!(n.deadlines[0].span.slice(raw), "6月底完成");
    let n = read("(完成时限:2025年12月底前;责任单位:县水利局)");
    assert_eq!(n.deadlines[0].text, "2025年12月底前");
    assert_eq!(units(&n), [t("县水利局", "responsible", "水利局")]);
}

#[test]
fn page_break_and_bold_cuts() {
    let raw = "(商务粮食局牵**\n\n头，发改局等负责)";
    let n = read(raw);
    assert_eq!(
        units(&n),
        [
            t("商务粮食局", "lead", "商务粮食局"),
            t("发改局", "support", "发改局")
        ]
    );
    assert_spans(raw, &n);
    let raw = "（**科工信局、市场监督\n\n管理局等负责**）";
    let n = read(raw);
    assert_eq!(
        units(&n),
        [
            t("科工信局", "responsible", "科工信局"),
            t("市场监督管理局", "responsible", "市场监管局")
        ]
    );
    assert_eq!(n.units[1].span.slice(raw), "市场监督\n\n管理局");
}

#[test]
fn generic_phrases_are_marked_not_counted() {
    let n = read("(县商务粮食局牵头,县高新区、各相关县直单位,各相关乡镇街道等按职责分工负责)");
    assert_eq!(
        units(&n),
        [
            t("县商务粮食局", "lead", "商务粮食局"),
            t("县高新区", "support", "高新区"),
            t("*各相关县直单位", "support", "各相关县直单位"),
            t("*各相关乡镇街道", "support", "各相关乡镇街道")
        ]
    );
    let n = read("（相关部门按职责分工负责）");
    assert!(n.units[0].generic);
    assert_eq!(n.units_with(Role::Responsible).count(), 0);
}

#[test]
fn companies_zones_and_townships_keep_their_kind() {
    let n = read("(樟树镇、虞公港建设投资有限公司、平江高新区牵头,县委组织部等按职责分工负责)");
    let kinds: Vec<(&str, UnitKind, Role)> = n
        .units
        .iter()
        .map(|u| (u.canonical.as_str(), u.kind, u.role))
        .collect();
    assert_eq!(
        kinds,
        [
            ("樟树镇", UnitKind::Township, Role::Lead),
            ("虞公港建投", UnitKind::Company, Role::Lead),
            ("高新区", UnitKind::Zone, Role::Lead),
            ("组织部", UnitKind::Party, Role::Support)
        ]
    );
    assert!(!n.units[0].known && n.units[2].known);
}

#[test]
fn lead_marked_after_a_name() {
    let raw = "（责任单位：县发改局（牵头）、县财政局、各乡镇人民政府）";
    let n = read(raw);
    assert_eq!(
        units(&n),
        [
            t("县发改局", "lead", "发改局"),
            t("县财政局", "support", "财政局"),
            t("*各乡镇人民政府", "support", "各乡镇人民政府")
        ]
    );
    assert_eq!(n.units[0].span.slice(raw), "县发改局");
}

#[test]
fn bracketed_labels_and_duties_after_names() {
    let raw = "【牵头单位】县发改局【责任单位】县财政局、县商务局";
    let n = read(raw);
    assert_eq!(
        units(&n),
        [
            t("县发改局", "lead", "发改局"),
            t("县财政局", "support", "财政局"),
            t("县商务局", "support", "商务局")
        ]
    );
    assert_spans(raw, &n);
    let n = read("（县财政局负责资金保障，县发改局负责项目申报）");
    assert_eq!(
        units(&n),
        [
            t("县财政局", "responsible", "财政局"),
            t("县发改局", "responsible", "发改局")
        ]
    );
    let n = read("（县委副书记、县长张三牵头，县发改局等负责）");
    assert_eq!(units(&n), [t("县发改局", "support", "发改局")]);
    assert_eq!(n.leaders.len(), 2);
}

#[test]
fn odd_inputs_give_empty_notes() {
    for raw in [
        "",
        "（）",
        "(",
        "）",
        "（牵头）",
        "（负责）",
        "（**）",
        "：",
        "（，，、）",
        "(等)",
    ] {
        let n = read(raw);
        assert!(n.units.iter().all(|u| !u.name.is_empty()), "{raw}");
        assert!(n.units.is_empty(), "{raw}: {:?}", n.units);
    }
}

#[test]
fn several_leads_fenbie_and_gongtong() {
    let n = read("(县应急管理局、县水利局分别牵头,县气象局等按职责分工负责)");
    assert_eq!(n.units_with(Role::Lead).count(), 2);
    let n = read("(县委宣传部网信办、县人民法院共同牵头)");
    assert_eq!(
        units(&n),
        [
            t("县委宣传部网信办", "lead", "网信办"),
            t("县人民法院", "lead", "人民法院")
        ]
    );
}
