//! Parser tests on small fixtures, one per quirk.

use super::*;
use fangan_model::SectionKind;

fn parse(text: &str) -> Document {
    Parser::new().parse_str("t", text)
}

fn paths(doc: &Document) -> Vec<&str> {
    doc.clauses.iter().map(|c| c.path.as_str()).collect()
}

#[test]
fn numbering_levels_make_a_tree() {
    let doc = parse(
        "某县工作方案\n为推动发展，制定本方案。\n一、工作目标\n地区生产总值增长5%。\n二、重点任务\n（一）加强部门协同\n1. 强化政策协同。建立机制。（县发改局牵头负责）\n2. 强化工作协同。建立机制。\n(1)细化措施。落实。\n(二) 强化重点支撑\n1、推动园区提质增效。加快。\n三、推进机制\n成立工作专班。",
    );
    assert_eq!(
        paths(&doc),
        [
            "前言",
            "一",
            "二",
            "二/（一）",
            "二/（一）/1",
            "二/（一）/2",
            "二/（一）/2/（1）",
            "二/（二）",
            "二/（二）/1",
            "三"
        ]
    );
    let c = doc.clause("二/（一）/1").unwrap();
    assert_eq!(c.heading, "强化政策协同");
    assert_eq!(c.line, 7);
    assert_eq!(c.kind, SectionKind::Tasks);
    assert_eq!(c.notes[0].text, "（县发改局牵头负责）");
    assert_eq!(c.notes[0].span.slice(&doc.text), "（县发改局牵头负责）");
    assert_eq!(doc.clause("一").unwrap().kind, SectionKind::Objectives);
    assert_eq!(doc.clause("三").unwrap().kind, SectionKind::Mechanism);
    assert_eq!(doc.clauses[0].heading, "某县工作方案");
    assert_eq!(doc.clause("二/（一）").unwrap().children.len(), 2);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn clause_spans_slice_the_original() {
    let src = "一、目标\n\n**（一）激发消费。**把扩大消费摆在优先位置。\n\n1. **开展活动。**举办节会。(商务局牵头)";
    let doc = parse(src);
    for c in &doc.clauses {
        let original = c.span.slice(&doc.text).replace("**", "");
        let flat: String = original.split_whitespace().collect();
        let text: String = c.text.split_whitespace().collect();
        assert_eq!(flat, text, "{}", c.path);
    }
    assert_eq!(doc.clause("一/（一）").unwrap().heading, "激发消费");
}

#[test]
fn duplicated_and_skipped_labels_are_kept() {
    let doc =
        parse("二、任务\n(五)保障\n1.强化人才。甲。\n3.提升公共服务。乙。\n3.强化自然资源。丙。");
    assert_eq!(
        paths(&doc),
        [
            "二",
            "二/（五）",
            "二/（五）/1",
            "二/（五）/3",
            "二/（五）/3#2"
        ]
    );
    assert!(doc.warnings.is_empty());
}

#[test]
fn numeral_at_line_start_inside_a_sentence_is_text() {
    let doc = parse("一、任务\n（一）项目\n1. 推进项目。加快抽水蓄能电站建设、华电平江电厂\n\n二期项目建设，争取指标。\n2. 强化保障。做好。\n\n5. 这是文中的列举而不是标签");
    assert_eq!(
        paths(&doc),
        ["一", "一/（一）", "一/（一）/1", "一/（一）/2"]
    );
    assert!(doc
        .clause("一/（一）/1")
        .unwrap()
        .text
        .contains("电厂二期项目"));
    assert_eq!(doc.warnings.len(), 1);
}

#[test]
fn attachments_split_the_file_and_restart_numbering() {
    let doc = parse(
        "为落实部署，制定本方案。\n一、目标\n目标。\n三、组织实施\n(一)加强组织领导。建立机制。\n附件:1. 内需扩量提效攻坚实施方案\n2. 产业育新培强攻坚实施方案\n附件1\n内需扩量提效攻坚实施方案\n为加快落实扩内需政策，制定本方案。\n一、攻坚目标\n目标。\n二、攻坚任务\n(一)大力提振消费\n1. 推动增收减负。落实。\n附件2\n产业育新培强攻坚实施方案\n为加快推进，制定本方案。\n一、攻坚目标\n目标。",
    );
    assert_eq!(
        paths(&doc),
        [
            "前言",
            "一",
            "三",
            "三/（一）",
            "附件列表",
            "附件1",
            "附件1/一",
            "附件1/二",
            "附件1/二/（一）",
            "附件1/二/（一）/1",
            "附件2",
            "附件2/一"
        ]
    );
    assert_eq!(
        doc.clause("附件1").unwrap().heading,
        "内需扩量提效攻坚实施方案"
    );
    assert!(doc
        .clause("附件列表")
        .unwrap()
        .text
        .contains("2. 产业育新培强攻坚实施方案"));
}

#[test]
fn leading_attachment_marker_is_front_matter() {
    let doc = parse("附件 1\n\n担当好稳增长挑大梁的责任实施方案\n\n为切实扛起责任，制定本实施方案。\n\n一、工作目标\n\n增长5%左右。");
    assert_eq!(paths(&doc), ["前言", "一"]);
    assert_eq!(doc.clauses[0].heading, "担当好稳增长挑大梁的责任实施方案");
}

#[test]
fn heading_paragraphs_under_a_heading_only_task_become_children() {
    let doc = parse("二、任务\n(一)产业\n1. 突出做大主导产业。\n装备制造产业。依托特色产业园。(县工信局牵头)\n工程机械制造。依托开发区。(县高新区牵头)\n2. 全县医疗救助全覆盖。\n落实《实施细则》工作要求,全面落实。(县医保局牵头)");
    assert_eq!(
        paths(&doc),
        [
            "二",
            "二/（一）",
            "二/（一）/1",
            "二/（一）/1/装备制造产业",
            "二/（一）/1/工程机械制造",
            "二/（一）/2"
        ]
    );
    assert_eq!(
        doc.clause("二/（一）/1/装备制造产业").unwrap().notes[0].text,
        "(县工信局牵头)"
    );
    assert_eq!(doc.clause("二/（一）/2").unwrap().notes[0].line, 7);
}

#[test]
fn residue_is_set_aside() {
    let doc = parse("归档时间:2024-03-18\n打好经济增长主动仗工作方案\n来源:岳阳楼区政府   2023-09-26 15:14\n浏览量:1 | | | |\n\n  为抢抓机遇,特制定本工作方案。\n\n  一、工作目标");
    assert_eq!(doc.residue.len(), 3);
    assert_eq!(doc.clauses[0].heading, "打好经济增长主动仗工作方案");
    assert!(!doc.clauses[0].text.contains("浏览量"));
}

/// Random texts made of the pieces plans are made of: labels, brackets,
/// markdown, page breaks, residue. The parser never panics, every span slices
/// the original on character boundaries, and every note lies in its clause.
#[test]
fn random_plan_like_texts_never_break_the_parser() {
    const PIECES: &[&str] = &[
        "一、",
        "二、",
        "十一、",
        "（一）",
        "(二)",
        "( 三 )",
        "1.",
        "2、",
        "3 .",
        "12.",
        "(1)",
        "（2）",
        "⑴",
        "①",
        "——",
        "附件1",
        "附件 2",
        "附件:",
        "名词解释",
        "**",
        "##",
        "#",
        "\n",
        "\n\n",
        "\r\n",
        "　",
        " ",
        "。",
        "，",
        "；",
        "：",
        "（",
        "）",
        "(",
        ")",
        "【",
        "】",
        "[",
        "]",
        "“",
        "”",
        "牵头",
        "负责",
        "责任单位:",
        "牵头单位：",
        "县发改局",
        "推进",
        "项目建设",
        "8.5%",
        "2023年",
        "发展",
        "归档时间:2024",
        "来源:",
        "浏览量:1",
        "下载",
        "x",
        "é",
        "🙂",
        "\u{feff}",
        "\t",
    ];
    let mut seed: u64 = 0x9e3779b97f4a7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let parser = Parser::new();
    for _ in 0..400 {
        let n = (next() % 120) as usize;
        let text: String = (0..n)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        let doc = parser.parse_str("fuzz", &text);
        for c in &doc.clauses {
            assert!(
                doc.text.is_char_boundary(c.span.start) && doc.text.is_char_boundary(c.span.end)
            );
            assert!(c.span.start <= c.span.end && c.span.end <= doc.text.len());
            assert!(c.line >= 1 && c.line <= c.end_line, "{text:?}");
            for n in &c.notes {
                assert_eq!(n.range.slice(&c.text), n.text);
                assert!(
                    doc.text.is_char_boundary(n.span.start)
                        && doc.text.is_char_boundary(n.span.end)
                );
            }
            if !c.heading.is_empty() {
                assert!(
                    c.text.contains(c.heading.as_str()) || c.level == Level::Attachment,
                    "{text:?}"
                );
            }
        }
    }
}
