//! Note styles of plans from many provinces (fixtures made for these tests,
//! in the forms plans use): traditional characters, pinyin annotations,
//! people named beside units, 主办/协办, table cells, a declared
//! first-listed lead, notes in headings and running sentences.

use super::*;
use crate::Columns;

fn read_in(raw: &str, conv: &Conventions) -> Note {
    read_task_note(&Departments::builtin(), raw, conv)
}

fn read(raw: &str) -> Note {
    read_in(raw, &Conventions::default())
}

/// (name, role) of every unit that names a body.
fn named(n: &Note) -> Vec<(&str, &'static str)> {
    n.units
        .iter()
        .filter(|u| !u.generic)
        .map(|u| (u.name.as_str(), u.role.as_str()))
        .collect()
}

fn canon(n: &Note) -> Vec<&str> {
    n.units.iter().map(|u| u.canonical.as_str()).collect()
}

#[test]
fn traditional_labels_and_names_as_written() {
    let n = read("（牽頭單位：州行政審批服務局；責任單位：州發展改革委、州財政局）");
    assert_eq!(
        named(&n),
        [
            ("州行政審批服務局", "lead"),
            ("州發展改革委", "support"),
            ("州財政局", "support")
        ]
    );
    assert_eq!(canon(&n)[1..], ["发改局", "财政局"]);
    // 牽頭 after two offices: both lead, not units named "…辦公室牽頭"
    let n = read("(市政府辦公室、市審改辦牽頭,市級各有關部門及各縣區政府按職責分工負責)");
    assert_eq!(named(&n), [("市政府辦公室", "lead"), ("市審改辦", "lead")]);
    assert!(n.units[2..].iter().all(|u| u.generic));
}

#[test]
fn pinyin_annotations_are_left_out_of_names() {
    let raw = "(牽(qiān)頭(tóu)單位:區(qū)發(fā)改委;責任單位:統(tǒng)計(jì)局)";
    let n = read(raw);
    assert_eq!(named(&n), [("區發改委", "lead"), ("統計局", "support")]);
    assert_eq!(n.units[0].canonical, "发改局");
    assert_eq!(n.units[0].span.slice(raw), "區(qū)發(fā)改委");
}

#[test]
fn people_beside_units_are_leaders() {
    let n = read(
        "(责任领导:周立明;牵头单位:区交通运输局;责任单位:区发改局、区林业局,区农发集团,相关乡镇办)",
    );
    assert_eq!(
        named(&n),
        [
            ("区交通运输局", "lead"),
            ("区发改局", "support"),
            ("区林业局", "support"),
            ("区农发集团", "support")
        ]
    );
    assert_eq!(n.leaders[0].text, "周立明");
    let n = read("分管省领导:李文涛\n部门分工:省发展改革委牵头,各地、各部门配合。");
    assert_eq!(named(&n), [("省发展改革委", "lead")]);
    let n = read("牵头负责领导:王建华。\n牵头责任单位:市发改委。\n协同责任单位:市税务局、东城供电公司等。\n完成时限:2021年12月31日");
    assert_eq!(
        named(&n),
        [
            ("市发改委", "lead"),
            ("市税务局", "support"),
            ("东城供电公司", "support")
        ]
    );
    assert_eq!(n.deadlines.len(), 1);
}

#[test]
fn departments_then_others_then_one_verb() {
    let n = read("(区发改局牵头,区财政局、区水务局等部门,区交投公司、各街道办事处配合)");
    assert_eq!(
        named(&n),
        [
            ("区发改局", "lead"),
            ("区财政局", "support"),
            ("区水务局", "support"),
            ("区交投公司", "support")
        ]
    );
    let n = read("(区发改委、区商务局主办,区相关部门、各街道协办)");
    assert_eq!(named(&n), [("区发改委", "lead"), ("区商务局", "lead")]);
}

#[test]
fn places_named_in_a_list_are_units() {
    let n = read("(自治区交通运输厅牵头,银川市、石嘴山市、吴忠市人民政府配合)");
    assert_eq!(
        named(&n),
        [
            ("自治区交通运输厅", "lead"),
            ("银川市", "support"),
            ("石嘴山市", "support"),
            ("吴忠市人民政府", "support")
        ]
    );
}

#[test]
fn prose_after_a_note_names_no_unit() {
    let n = read("〔责任单位:省发展改革委、省市场监管局按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕");
    assert_eq!(
        named(&n),
        [
            ("省发展改革委", "responsible"),
            ("省市场监管局", "responsible")
        ]
    );
    let n = read(
        "(县发改局、县财政局等有关部门,各县区人民政府按职责分工负责。以下政策措施均需各县区落实)",
    );
    assert_eq!(
        named(&n),
        [("县发改局", "responsible"), ("县财政局", "responsible")]
    );
}

#[test]
fn running_sentence_and_heading_notes() {
    let n = read("责任单位为区发改委、区财政局");
    assert_eq!(
        named(&n),
        [("区发改委", "responsible"), ("区财政局", "responsible")]
    );
    let n = read("县高新区管委会牵头工作(6项)");
    assert_eq!(named(&n), [("县高新区管委会", "lead")]);
}

#[test]
fn table_cells_take_their_roles_from_the_header() {
    let lead_cols = Conventions {
        columns: Columns::LeadThenOthers,
        ..Conventions::default()
    };
    let raw = "区农业农村局\n\n区发展改革局、滨江新城管委会\n\n陈国平";
    let n = read_in(raw, &lead_cols);
    assert_eq!(
        named(&n),
        [
            ("区农业农村局", "lead"),
            ("区发展改革局", "support"),
            ("滨江新城管委会", "support")
        ]
    );
    assert_eq!(n.leaders[0].text, "陈国平");
    assert_eq!(n.units[1].span.slice(raw), "区发展改革局");
    // a bracket on its own line continues the name above it
    let n = read_in("发改局\n经开区\n高新园\n(新桥镇)\n统计局", &lead_cols);
    assert_eq!(
        named(&n),
        [
            ("发改局", "lead"),
            ("经开区", "support"),
            ("高新园(新桥镇)", "support"),
            ("统计局", "support")
        ]
    );
    // one 责任单位 column, or no header: responsible
    for conv in [
        Conventions::default(),
        Conventions {
            columns: Columns::Responsible,
            ..Conventions::default()
        },
    ] {
        let n = read_in("教體局 |", &conv);
        assert_eq!(named(&n), [("教體局", "responsible")]);
    }
    // cells on one line, apart by `|` or spaces
    let n = read_in("区发改局 | 区财政局、区税务局", &lead_cols);
    assert_eq!(
        named(&n),
        [
            ("区发改局", "lead"),
            ("区财政局", "support"),
            ("区税务局", "support")
        ]
    );
}

#[test]
fn star_and_first_listed_mark_the_lead() {
    let n = read("★區(qū)財(cái)政局、稅務(wù)局");
    assert_eq!(named(&n), [("區財政局", "lead"), ("稅務局", "support")]);
    let first = Conventions {
        first_listed_leads: true,
        ..Conventions::default()
    };
    let n = read_in(
        "责任单位:区不动产登记中心、区发改局、青山镇、东湖街道(列第一位者为牵头或汇总单位,下同)",
        &first,
    );
    assert_eq!(
        named(&n),
        [
            ("区不动产登记中心", "lead"),
            ("区发改局", "support"),
            ("青山镇", "support"),
            ("东湖街道", "support")
        ]
    );
    let n = read_in("責任單位:省財政廳", &first);
    assert_eq!(named(&n), [("省財政廳", "lead")]);
    // an explicit 牵头 wins
    let n = read_in("責任單位:省政府辦公廳、省財政廳牽頭,省商務廳", &first);
    assert_eq!(
        named(&n),
        [
            ("省政府辦公廳", "lead"),
            ("省財政廳", "lead"),
            ("省商務廳", "support")
        ]
    );
}

#[test]
fn township_cells_name_places_not_units() {
    // under a table's 建设地点 column these cells say where, not who
    let n = read("東坡街道 |");
    assert!(names_places_only(&n));
    let n = read("相关镇(街道)\n青山镇");
    assert!(names_places_only(&n));
    for raw in ["县住建局 |", "(青山镇牵头)", "青山镇、县住建局"] {
        assert!(!names_places_only(&read(raw)), "{raw}");
    }
}

#[test]
fn main_and_overall_lead_labels() {
    // 主要责任单位 (beside 配合单位) and 总牵头单位 (on a heading) name the lead
    let n = read("牵头领导:常务副区长\n\n主要责任单位:区发展改革委");
    assert_eq!(named(&n), [("区发展改革委", "lead")]);
    assert_eq!(n.leaders.len(), 1);
    let n = read("主要责任单位:区商务局\n配合单位:区财政局");
    assert_eq!(named(&n), [("区商务局", "lead"), ("区财政局", "support")]);
    let n = read("(总牵头单位:县委依法治县委员会办公室)");
    assert_eq!(named(&n), [("县委依法治县委员会办公室", "lead")]);
}

#[test]
fn a_legend_in_brackets_stays_with_its_note() {
    // the 责任单位 inside the bracket is the legend's, not a new label
    let conv = Conventions {
        first_listed_leads: true,
        ..Conventions::default()
    };
    let n = read_in(
        "责任单位:市发改委、市财政局(第一责任单位为牵头单位,下同)",
        &conv,
    );
    assert_eq!(named(&n), [("市发改委", "lead"), ("市财政局", "support")]);
    let n = read_in("责任单位:市建设局", &conv);
    assert_eq!(named(&n), [("市建设局", "lead")]);
    // a bare list with the legend and an instruction after it
    let n = read_in(
        "(市税务局、市财政局、市科技局,各县市、区政府,列第一位的为牵头单位,下同。以下均需各县市、区政府落实,不再列出)",
        &conv,
    );
    assert_eq!(
        named(&n),
        [
            ("市税务局", "lead"),
            ("市财政局", "support"),
            ("市科技局", "support")
        ]
    );
}

#[test]
fn collectives_after_the_last_name_and_bare_parks() {
    // 等州级有关部门 ends the list of departments
    let n = read("(州发改委、州工信委、州交通运输局等州级有关部门,各县市人民政府负责)");
    assert_eq!(
        named(&n),
        [
            ("州发改委", "responsible"),
            ("州工信委", "responsible"),
            ("州交通运输局", "responsible")
        ]
    );
    // a park named by its kind after 各…: one more collective
    let n = read("(责任单位:市工信局、市财政局等有关部门,各县区人民政府、园区管委会。以下政策措施均需各县区人民政府、园区管委会落实,不再单独列出)");
    assert_eq!(
        named(&n),
        [("市工信局", "responsible"), ("市财政局", "responsible")]
    );
    let n = read("(市商務局,各縣區、開(kāi)發(fā)園區按職責分工負責)");
    assert_eq!(named(&n), [("市商務局", "responsible")]);
    // a park with a name of its own is a unit
    let n = read("责任单位:市双招双引办、市发改委,各县(市、区)政府、丽水开发区管委会");
    assert!(named(&n).contains(&("丽水开发区管委会", "responsible")));
}

#[test]
fn a_table_cell_label_and_its_value() {
    let n = read("牵头单位: | 市城市管理综合执法局");
    assert_eq!(named(&n), [("市城市管理综合执法局", "lead")]);
}

#[test]
fn running_sentences_read_like_notes() {
    let n = read("此项工作由县发改局牵头,县财政局、县自然资源局配合,各乡镇(街道)具体负责。");
    assert_eq!(
        named(&n),
        [
            ("县发改局", "lead"),
            ("县财政局", "support"),
            ("县自然资源局", "support")
        ]
    );
    let n = read("县政务服务中心负责,县直各有关部门参与。");
    assert_eq!(named(&n), [("县政务服务中心", "responsible")]);
    let n = read("市文旅局为牵头单位,市财政局为配合单位。");
    assert_eq!(named(&n), [("市文旅局", "lead"), ("市财政局", "support")]);
}
