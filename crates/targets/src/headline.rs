//! Headline targets: the numbers a plan sets as its overall goals, in a
//! section or paragraph that announces them (`主要预期目标`, `发展目标`,
//! `主要指标`, `总体要求`; `今年的主要预期目标是:…`), whatever the heading's
//! wording, script or pinyin annotations.

use fangan_model::fold::fold_str;

use crate::pinyin::strip_pinyin;

/// Phrases that name a plan's overall goals wherever they stand in a
/// heading (`落实总体要求和主要预期目标`).
const GOALS: &[&str] = &[
    "预期目标",
    "主要目标",
    "发展目标",
    "总体目标",
    "年度目标",
    "工作目标",
    "总体要求",
    "主要指标",
    "预期指标",
    "发展指标",
    "经济指标",
];

/// Words that close a heading naming goals (`攻坚目标`, `主要经济社会指标`).
const GOAL_ENDS: &[&str] = &["目标", "指标"];

/// What follows a goals phrase that opens a list of targets in running text
/// (`主要预期目标是:`, `发展目标为`).
const INTRO_AFTER: &[&str] = &["是", "为", ":"];

/// True when `heading` announces the plan's goals (`主要预期目标`,
/// `經濟社會發展主要預期指標`, `总体要求和主要预期目标`).
pub fn announces_goals(heading: &str) -> bool {
    let h = clean(heading);
    GOALS.iter().any(|w| h.contains(w))
}

/// Longest heading, in characters, that a final `目标`/`指标` makes a goals
/// heading (`攻坚目标`); a longer one is a task (`确保完成全年各项目标`).
const SHORT_TITLE: usize = 10;

/// True when `heading` is a goals heading: it ends by naming goals, and
/// announces them (`落实总体要求和主要预期目标`) or is a short title
/// (`攻坚目标`); not a task (`完成省定节能减排目标任务`) nor a sentence that
/// mentions them (`围绕主要目标,新增企业5家`).
pub(crate) fn goals_heading(heading: &str) -> bool {
    let h = clean(heading);
    let h = h.trim_end_matches(['。', ':', ',', ';']);
    let ends = GOAL_ENDS.iter().any(|w| h.ends_with(w));
    (ends && (announces_goals(h) || h.chars().count() <= SHORT_TITLE)) || h.ends_with("总体要求")
}

/// True when the text of a paragraph before a target (`before`) opens a
/// list of goals: `今年全区经济社会发展的主要预期目标是:地区生产总值增长…`.
pub(crate) fn goals_intro(before: &str) -> bool {
    let t = clean(before);
    GOALS.iter().any(|w| {
        t.match_indices(w)
            .any(|(at, _)| INTRO_AFTER.iter().any(|a| t[at + w.len()..].starts_with(a)))
    })
}

/// Longest line, in characters, read as a heading (or a table's group
/// cell) by [`goal_lines`].
const HEADING_LINE: usize = 40;

/// Words of a heading that opens another part of the plan: its tasks, how
/// it is run, a review (`二、重点任务`, `聚焦产业强区,以更实举措…`).
const OTHER_PARTS: &[&str] = &[
    "任务",
    "重点工作",
    "举措",
    "措施",
    "行动",
    "保障",
    "机制",
    "组织",
    "回顾",
    "执行情况",
];

/// For each line of `text` (0-based), whether it lies under a goals line:
/// a short line that ends by naming the goals (`全市经济社会发展主要预期目标`,
/// a table's group cell as often as a heading) opens them; a short line
/// that opens another part (`二、…`, `(二)重点任务`, `…举措…`) ends them.
/// Numbered items (`(1)`, `2.`) never end them: they are the goals.
pub(crate) fn goal_lines(text: &str) -> Vec<bool> {
    let mut inside = false;
    text.lines()
        .map(|line| {
            let folded = clean(line);
            let h = folded.trim_matches(|c: char| c == '|' || c.is_whitespace());
            if h.chars().count() > HEADING_LINE {
                return inside;
            }
            let body = crate::marker::strip(h);
            if announces_goals(body) && GOAL_ENDS.iter().any(|w| body.ends_with(w)) {
                inside = true;
            } else if inside && !numbered_item(h) {
                let digits = h.chars().any(|c| c.is_ascii_digit());
                let other = !digits && OTHER_PARTS.iter().any(|w| h.contains(w));
                inside = !(section_label(h) || other);
            }
            inside
        })
        .collect()
}

/// True when `h` opens with an Arabic item number (`1.`, `(2)`).
fn numbered_item(h: &str) -> bool {
    let h = h.strip_prefix('(').unwrap_or(h);
    h.starts_with(|c: char| c.is_ascii_digit())
}

/// True when `h` opens with a section or group label (`二、`, `(三)`).
fn section_label(h: &str) -> bool {
    const HAN_DIGITS: &str = "一二三四五六七八九十";
    let labelled = crate::marker::strip(h).len() < h.len();
    let h = h.strip_prefix('(').unwrap_or(h);
    labelled && h.starts_with(|c: char| HAN_DIGITS.contains(c))
}

/// Folded, without pinyin annotations.
fn clean(s: &str) -> String {
    fold_str(&strip_pinyin(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_headings() {
        for h in [
            "主要预期目标",
            "主要目标",
            "经济社会发展的主要预期指标",
            "落实经济社会发展总体要求和主要预期目标",
            "攻坚目标",
            "發展目標",
            "全區(qū)發(fā)展主要預(yù)期目標(biāo)",
        ] {
            assert!(goals_heading(h), "{h}");
        }
        for h in [
            "完成省定节能减排目标任务",
            "确保完成全年经济社会发展各项目标",
            "围绕主要目标,新增企业5家",
            "工作要求",
            "重点任务",
            "强化组织保障",
        ] {
            assert!(!goals_heading(h), "{h}");
        }
    }

    #[test]
    fn goal_lines_run_from_a_goals_line_to_another_part() {
        let text = "主要目标任务责任分解表\n全市经济社会发展主要预期目标 |\n地区生产总值增长8% |\n常务副市长 |\n(2)一般公共预算收入增长3%以上。\n聚焦产业强区,以更实举措推动产城融合\n(3)新增企业5家。";
        assert_eq!(
            goal_lines(text),
            [false, true, true, true, true, false, false]
        );
        let text = "一、主要目标\n1.地区生产总值增长6%。\n二、强化产业发展\n1.新增企业5家。";
        assert_eq!(goal_lines(text), [true, true, false, false]);
    }

    #[test]
    fn goals_announced_in_running_text() {
        assert!(goals_intro("今年全市经济社会发展的主要预期目标是:"));
        assert!(goals_intro("主要預期目標:經濟增長7%,"));
        assert!(!goals_intro("围绕主要目标、重点任务进展情况,"));
        assert!(!goals_intro("确保经济增速达到预期目标、高于全省平均水平,"));
        assert!(!goals_intro("确保完成年度目标,"));
    }
}
