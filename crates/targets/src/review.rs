//! Past results: the parts of a document that report what happened
//! (`一、2023年工作回顾`, `上年计划执行情况`) rather than what the plan
//! commits to. A 政府工作报告 or a 计划执行情况与计划草案 report opens with
//! such a review; its numbers (`地区生产总值增长6.5%`) are results, not
//! targets.
//!
//! A review runs from a heading that announces it to the next heading that
//! announces the plan (`工作安排`, `总体要求`, `主要预期目标`, `计划草案`).
//! Headings are short lines; long lines (paragraphs) neither open nor close
//! a review.

use fangan_model::fold::fold_str;

use crate::marker;
use crate::pinyin::strip_pinyin;

/// Longest heading line, in characters (after markers and annotations).
const MAX_HEADING: usize = 40;

/// Words of a heading that reports the past.
const REVIEW: &[&str] = &[
    "回顾",
    "计划执行情况",
    "预算执行情况",
    "总结全年",
    "总结过去",
    "工作总结",
    "过去一年",
    "过去五年",
];

/// Words of a heading that announces the plan.
const PLAN: &[&str] = &[
    "工作安排",
    "总体要求",
    "预期目标",
    "主要目标",
    "发展目标",
    "计划草案",
    "计划(草案)",
    "计划安排",
    "工作思路",
    "工作任务",
    "重点工作",
    "主要任务",
    "下一步",
    "今后",
];

/// True when `heading` reports the past (`2023年工作回顾`,
/// `国民经济和社会发展计划执行情况`) and announces nothing of the plan.
pub fn reports_past(heading: &str) -> bool {
    let h = fold_str(&strip_pinyin(heading));
    REVIEW.iter().any(|w| h.contains(w)) && !announces_plan(&h)
}

/// True when folded `h` announces the plan's part of a report.
fn announces_plan(h: &str) -> bool {
    PLAN.iter().any(|w| h.contains(w)) || (h.contains("今年") && !h.contains("今年以来"))
}

/// For each line of `text` (0-based), whether it lies in a review.
pub(crate) fn past_lines(text: &str) -> Vec<bool> {
    let mut inside = false;
    text.lines()
        .map(|line| {
            let folded = fold_str(&strip_pinyin(line));
            let h = marker::strip(&folded);
            if h.chars().count() <= MAX_HEADING {
                if reports_past(h) {
                    inside = true;
                } else if announces_plan(h) {
                    inside = false;
                }
            }
            inside
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_runs_to_the_plan() {
        let text = "各位代表:\n一、上年工作回顾\n地区生产总值增长6.5%。\n(一)重点任务扎实推进\n新增企业10家。\n二、今年工作安排\n地区生产总值增长6%。\n";
        let past = past_lines(text);
        assert_eq!(past, [false, true, true, true, true, false, false]);
    }

    #[test]
    fn a_report_of_execution_and_draft() {
        let text = "关于上年计划执行情况与今年计划草案的报告\n一、上年国民经济和社会发展计划执行情况\n预计全县地区生产总值增长6.2%。\n二、今年国民经济和社会发展计划草案\n";
        assert_eq!(past_lines(text), [false, true, true, false]);
    }

    #[test]
    fn paragraphs_neither_open_nor_close() {
        let long = "过去一年,我们坚持稳中求进工作总基调,统筹发展和安全,全县经济社会发展取得新成效,地区生产总值增长6%。";
        assert_eq!(past_lines(long), [false]);
        let text = format!(
            "一、过去一年工作回顾\n{}今年工作安排如下。\n",
            "经济平稳运行,".repeat(8)
        );
        assert_eq!(past_lines(&text), [true, true]);
    }

    #[test]
    fn headings() {
        assert!(reports_past("2025年和“十四五”工作回顾"));
        assert!(reports_past("一、客观总结全年工作,持续提振发展信心"));
        assert!(!reports_past("上年计划执行情况与今年计划草案"));
        assert!(!reports_past("重点任务"));
        assert!(!reports_past("定期通报执行情况"));
    }
}
