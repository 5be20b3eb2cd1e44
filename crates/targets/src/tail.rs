//! The noun right after a number (`对接10家品牌商超`, `35KV变电站`,
//! `17个乡镇的基础设施`): whether it names what the plan commits to, making
//! the number a target, or makes the number a specification, a scope, a
//! rate of something else or a count of the document's own parts.

use crate::quantity::Quantity;
use crate::unit::UnitClass;

/// Nouns after a count that make it a count of documents or measures, not a
/// target (`27项工作要点`, `36条措施`).
const DOCUMENT_NOUNS: &[&str] = &[
    "要点", "措施", "举措", "政策", "意见", "方案", "文件", "通知", "办法", "细则", "条例", "清单",
    "指标",
];

/// Nouns after a count that make it a count of the plan's own parts or of
/// the bodies that carry it out (`明确133项具体任务`, `涉及34个牵头单位`,
/// `确定了11个方面`): the tail ends with them.
const PART_ENDS: &[&str] = &["工作", "任务", "事项", "方面"];

/// Bodies counted anywhere in the tail (`8个重点行业主管部门`).
const BODIES: &[&str] = &["单位", "部门"];

/// Nouns of money that a sum may stand before and still be a target
/// (`10.8亿元铁路专用线专项债`).
const MONEY_NOUNS: &[&str] = &["债", "资金", "贷款", "基金", "投资", "投入", "经费", "费"];

/// Verbs of doing that make an amount or a measure before its noun the
/// plan's work (`实施3万亩高标准农田示范区建设`, `完成60万平方米征拆任务`,
/// `投资3000万元建设养殖基地`), not a specification (`年产25万吨产业园`).
const DOING: &[&str] = &[
    "完成", "实施", "新建", "建设", "建成", "改造", "安排", "投资", "投入", "整治", "种植", "新增",
    "修建", "铺设", "治理", "打造",
];

/// Verbs before a share of something done (`完成75%以上的确权登记`).
const SHARE_DONE: &[&str] = &["完成", "实现", "达到", "达"];

/// Nouns after `的` that say the number is the goal itself
/// (`确保实现财政收入增长4%的目标`).
const GOAL_NOUNS: &[&str] = &["目标", "目标任务", "任务目标", "预期目标"];

/// Verbs right after a number that say what must be done within it
/// (`3个工作日内完成审批`): the number is the target, its lead the indicator.
const DONE_WITHIN: &[&str] = &["完成", "办结", "建成", "实现"];

/// The indicator of quantity `q` whose lead reads `indicator` (`raw` as
/// written, `verb` its qualifier verb) and whose noun after it is `tail`
/// (not empty), or `None` when the number is no target.
pub(crate) fn indicator(
    q: &Quantity,
    raw: &str,
    indicator: &str,
    tail: &str,
    verb: &str,
) -> Option<String> {
    let class = q.unit.class;
    if let Some(noun) = tail.strip_prefix('的') {
        return after_de(q, raw, indicator, noun);
    }
    if DONE_WITHIN.iter().any(|v| tail.starts_with(v)) {
        return Some(indicator.to_string());
    }
    if matches!(class, UnitClass::Money | UnitClass::Measure)
        && !MONEY_NOUNS.iter().any(|n| tail.contains(n))
        && verb.is_empty()
        && !DOING.iter().any(|d| raw.ends_with(d))
    {
        return None; // 35KV变电站, 年产25万吨辣条产业园
    }
    if matches!(class, UnitClass::Percent | UnitClass::Points) {
        return None; // 按投资额的1%给予奖励: a rate of something else
    }
    if DOCUMENT_NOUNS.iter().any(|n| tail.contains(n)) {
        return None; // 27项工作要点
    }
    if class == UnitClass::Count
        && (PART_ENDS.iter().any(|n| tail.ends_with(n)) || BODIES.iter().any(|n| tail.contains(n)))
    {
        return None; // 明确133项具体任务, 涉及34个牵头单位
    }
    Some(format!("{indicator}{tail}"))
}

/// A number followed by `的` and a noun: a share of work done
/// (`完成75%以上的确权登记`) or the size of a fund (`总规模100亿元的工业发展
/// 基金`) is a target; a scope (`17个乡镇的基础设施`) is not.
fn after_de(q: &Quantity, raw: &str, indicator: &str, noun: &str) -> Option<String> {
    if GOAL_NOUNS.contains(&noun) {
        return Some(indicator.to_string());
    }
    match q.unit.class {
        UnitClass::Percent if SHARE_DONE.iter().any(|v| raw.ends_with(v)) => Some(noun.to_string()),
        UnitClass::Money if MONEY_NOUNS.iter().any(|n| noun.contains(n)) => {
            Some(format!("{noun}{indicator}"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::scan;

    fn verdict(raw: &str, rest: &str) -> Option<String> {
        let text = format!("{raw}{rest}");
        let q = scan(&text).into_iter().next().expect("a quantity");
        let tail = &text[q.end..];
        let read = crate::lead::read(raw);
        let (verb, _) = crate::qualifier::verb_before(raw);
        indicator(&q, raw, &read.indicator, tail, verb)
    }

    #[test]
    fn nouns_that_name_the_work() {
        assert_eq!(verdict("对接", "10家品牌商超").unwrap(), "对接品牌商超");
        assert!(verdict("启动实施", "3万亩高标准农田示范区建设")
            .unwrap()
            .ends_with("高标准农田示范区建设"));
        assert!(verdict("完成", "60万平方米征拆任务").is_some());
        assert!(verdict("安排", "4000万元重大项目前期费").is_some());
        assert_eq!(verdict("完成", "75%以上的确权登记").unwrap(), "确权登记");
        assert_eq!(
            verdict("总规模", "100亿元的工业发展基金").unwrap(),
            "工业发展基金总规模"
        );
        assert_eq!(
            verdict("确保实现财政收入增长", "4%的目标").unwrap(),
            "财政收入"
        );
        assert_eq!(
            verdict("环评登记表", "3个工作日内完成审批").unwrap(),
            "环评登记表"
        );
    }

    #[test]
    fn nouns_that_make_no_target() {
        for (raw, rest) in [
            ("推进", "35千瓦变电站建设"),
            ("不断完善", "17个乡镇的基础设施"),
            ("按项目投资额的", "1%给予奖励"),
            ("协同推进", "27项工作要点"),
            ("明确", "133项具体任务"),
            ("涉及", "34个牵头单位"),
            ("确定了", "11个方面"),
            ("对各州市和", "8个重点行业主管部门实施考核"),
        ] {
            assert_eq!(verdict(raw, rest), None, "{raw}{rest}");
        }
    }
}
