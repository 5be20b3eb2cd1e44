//! Headings (the short lead sentence of a clause) and section kinds.
//!
//! Lengths are counted without the pinyin annotations of mirror sites
//! (`地區(qū)`), and kinds are read from the folded heading, so a
//! traditional or annotated heading reads like its simplified original.

use fangan_model::{fold::fold_str, SectionKind};
use fangan_targets::{announces_goals, reports_past, strip_pinyin};

use super::paragraphs::MAX_HEADING_LEN;

/// Sentence ends that close a heading.
const TERMS: [char; 7] = ['。', '！', '？', '；', '!', '?', ';'];

/// The heading of a clause whose text after the label is `body`: the lead
/// sentence up to the first `。`/`！`/`？`/`；` when it is short, or the whole
/// first line when that line is a short title without final punctuation.
pub fn heading(body: &str) -> String {
    // a table cell's edge ends the line: `主要预期目标|||1|`
    let first_line = body.split(['\n', '|']).next().unwrap_or("");
    let lead_end = first_line
        .char_indices()
        .find(|&(_, c)| TERMS.contains(&c))
        .map(|(i, _)| i)
        .filter(|&i| visible_len(&first_line[..i]) <= MAX_HEADING_LEN);
    // a first line that is one sentence, with more text below, is all heading
    let whole = first_line.trim_end_matches(TERMS);
    let more_below = body.len() > first_line.len();
    let heading_line = more_below && !whole.contains(TERMS) && visible_len(whole) <= 80;
    let h = match lead_end {
        _ if heading_line => whole,
        Some(end) => &first_line[..end],
        None if visible_len(first_line) <= MAX_HEADING_LEN => first_line,
        None => "",
    };
    h.trim()
        .trim_end_matches([':', '：', '，', ','])
        .trim()
        .to_string()
}

/// Characters of `s` as a reader sees them: pinyin annotations left out.
fn visible_len(s: &str) -> usize {
    strip_pinyin(s).chars().count()
}

/// The kind of a section from its heading.
///
/// A heading that reports the past ([`fangan_targets::reports_past`]:
/// `2023年工作回顾`, `计划执行情况`) is no part of the plan's tasks; one that
/// announces the plan's goals ([`fangan_targets::announces_goals`]:
/// `主要预期目标`, `主要指标`, `总体要求`) is objectives even when it also
/// names requirements (`总体要求和主要预期目标`); then mechanism words, then
/// goals, then tasks.
pub fn section_kind(heading: &str) -> SectionKind {
    const MECHANISM: &[&str] = &[
        "机制",
        "组织",
        "保障措施",
        "工作要求",
        "实施保障",
        "保障",
        "要求",
    ];
    const OBJECTIVES: &[&str] = &["目标", "指标"];
    const TASKS: &[&str] = &[
        "任务", "重点", "举措", "措施", "行动", "路径", "内容", "工作",
    ];
    let h = fold_str(&strip_pinyin(heading));
    let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
    if reports_past(&h) {
        SectionKind::Other
    } else if announces_goals(&h) {
        SectionKind::Objectives
    } else if has(MECHANISM) {
        SectionKind::Mechanism
    } else if has(OBJECTIVES) {
        SectionKind::Objectives
    } else if has(TASKS) {
        SectionKind::Tasks
    } else {
        SectionKind::Other
    }
}

/// A lead (`装备制造产业。`) that makes an unnumbered paragraph a sub-heading:
/// at most this many characters, no comma inside.
pub fn subheading_lead(paragraph: &str) -> Option<&str> {
    const MAX_LEAD: usize = 14;
    let (end, _) = paragraph
        .char_indices()
        .take(MAX_LEAD + 1)
        .find(|&(_, c)| c == '。')?;
    let lead = &paragraph[..end];
    let plain = !lead.contains(['，', ',', '、', '：', ':', '；', '（', '(']);
    let has_body = paragraph.len() > end + '。'.len_utf8();
    (plain && has_body && lead.chars().count() >= 2).then_some(lead)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert_eq!(
            heading("强化政策协同。建立政策梳理对接调度机制"),
            "强化政策协同"
        );
        assert_eq!(heading("工作目标"), "工作目标");
        assert_eq!(
            heading("强化产业发展,增强发展后劲。"),
            "强化产业发展,增强发展后劲"
        );
        assert_eq!(
            heading(
                "统筹抓好高校毕业生、农民工、退役军人、脱贫人口等重点群体就业，落实就业优先政策。"
            ),
            ""
        );
    }

    #[test]
    fn kinds() {
        assert_eq!(section_kind("工作目标"), SectionKind::Objectives);
        assert_eq!(section_kind("攻坚目标"), SectionKind::Objectives);
        assert_eq!(section_kind("重点任务"), SectionKind::Tasks);
        assert_eq!(section_kind("攻坚重点"), SectionKind::Tasks);
        assert_eq!(section_kind("推进机制"), SectionKind::Mechanism);
        assert_eq!(section_kind("组织实施"), SectionKind::Mechanism);
        assert_eq!(section_kind("保障措施"), SectionKind::Mechanism);
    }

    #[test]
    fn goals_headings_whatever_their_wording() {
        for h in [
            "主要预期目标",
            "经济社会发展主要预期指标",
            "落实年度经济社会发展总体要求和主要预期目标",
            "总体要求",
            "落實年度經濟社會發展主要預期目標",
            "年度全區(qū)經(jīng)濟(jì)社會(huì)發(fā)展主要預(yù)期目標(biāo)",
        ] {
            assert_eq!(section_kind(h), SectionKind::Objectives, "{h}");
        }
        assert_eq!(section_kind("强化组织保障"), SectionKind::Mechanism);
    }

    #[test]
    fn reviews_of_the_past_are_no_tasks() {
        for h in [
            "上年工作回顾",
            "上年国民经济和社会发展计划执行情况",
            "客观总结全年工作,持续提振发展信心",
        ] {
            assert_eq!(section_kind(h), SectionKind::Other, "{h}");
        }
    }

    #[test]
    fn a_table_cell_edge_ends_a_heading() {
        assert_eq!(
            heading("全区经济社会发展主要预期目标以及各项重点指标|||||1|主要预期目标|"),
            "全区经济社会发展主要预期目标以及各项重点指标"
        );
    }

    #[test]
    fn pinyin_does_not_count_in_a_heading_length() {
        let annotated = "經(jīng)濟(jì)發(fā)展".repeat(6);
        assert!(annotated.chars().count() > 80);
        assert_eq!(heading(&format!("{annotated}\n|")), annotated);
    }

    #[test]
    fn subheading_leads() {
        assert_eq!(
            subheading_lead("装备制造产业。依托湖南省先进装备制造"),
            Some("装备制造产业")
        );
        assert_eq!(
            subheading_lead("落实《岳阳市医疗救助实施细则》工作要求,全面落实"),
            None
        );
        assert_eq!(subheading_lead("全县医疗救助全覆盖。"), None);
    }
}
