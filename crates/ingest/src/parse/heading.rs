//! Headings (the short lead sentence of a clause) and section kinds.

use fangan_model::SectionKind;

use super::paragraphs::MAX_HEADING_LEN;

/// The heading of a clause whose text after the label is `body`: the lead
/// sentence up to the first `。`/`！`/`？`/`；` when it is short, or the whole
/// first line when that line is a short title without final punctuation.
pub fn heading(body: &str) -> String {
    let first_line = body.split('\n').next().unwrap_or("");
    let lead_end = first_line
        .char_indices()
        .take(MAX_HEADING_LEN + 1)
        .find(|&(_, c)| matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';'))
        .map(|(i, _)| i);
    // a first line that is one sentence, with more text below, is all heading
    const TERMS: [char; 7] = ['。', '！', '？', '；', '!', '?', ';'];
    let whole = first_line.trim_end_matches(TERMS);
    let heading_line = body.contains('\n') && !whole.contains(TERMS) && whole.chars().count() <= 80;
    let h = match lead_end {
        _ if heading_line => whole,
        Some(end) => &first_line[..end],
        None if first_line.chars().count() <= MAX_HEADING_LEN => first_line,
        None => "",
    };
    h.trim()
        .trim_end_matches([':', '：', '，', ','])
        .trim()
        .to_string()
}

/// The kind of a section from its heading.
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
    const OBJECTIVES: &[&str] = &["目标"];
    const TASKS: &[&str] = &[
        "任务", "重点", "举措", "措施", "行动", "路径", "内容", "工作",
    ];
    if MECHANISM.iter().any(|w| heading.contains(w)) {
        SectionKind::Mechanism
    } else if OBJECTIVES.iter().any(|w| heading.contains(w)) {
        SectionKind::Objectives
    } else if TASKS.iter().any(|w| heading.contains(w)) {
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
