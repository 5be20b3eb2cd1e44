//! The title of a plan: the line that names it (`绛县促进专业镇高质量发展实施
//! 方案`), a title broken over two lines joined, else the plan a notice
//! issues (`关于印发《X》的通知` → X), else the page's own title; never the
//! navigation, a document number or a date.

use std::sync::OnceLock;

use regex::Regex;

use super::head::Line;

/// How plan titles end (before a bracketed `(试行)` or `(2023—2025年)`).
const GENRES: &[&str] = &[
    "方案",
    "计划",
    "要点",
    "清单",
    "措施",
    "意见",
    "规划",
    "报告",
    "分工",
    "分解",
    "安排",
    "细则",
    "办法",
    "纲要",
    "任务",
    "台账",
    "分解表",
    "责任表",
    "若干政策",
    "行动",
];

/// Words of page furniture: a line with one is no title.
const DEBRIS: &[&str] = &[
    "设为首页",
    "首页",
    "当前位置",
    "字体",
    "打印",
    "关闭",
    "全文",
    "导航",
    "分享",
    "收藏",
    "浏览次数",
    "来源",
    "发布日期",
    "附件下载",
    "相关链接",
    "上一篇",
    "下一篇",
    "政策解读",
    "扫一扫",
    "|",
    ">",
];

fn notice() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:关于)?(?:印发|转发|下达|公布|发布)《?(.+?)》?的(?:通知|函)").expect("valid")
    })
}

/// `s` without trailing bracketed groups: `方案(2023—2025年)(试行)` → `方案`.
fn without_brackets(mut s: &str) -> &str {
    loop {
        let t = s.trim_end();
        let Some(inner) = t.strip_suffix(')').or_else(|| t.strip_suffix('）')) else {
            return t;
        };
        match inner.rfind(['(', '（']) {
            Some(i) => s = &inner[..i],
            None => return t,
        }
    }
}

fn han_count(s: &str) -> usize {
    s.chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .count()
}

/// Whether a folded line reads as a plan's title.
pub fn is_title(folded: &str) -> bool {
    let n = folded.chars().count();
    (6..=80).contains(&n)
        && han_count(folded) >= 4
        && !folded.contains(['。', ',', ';', ':', '!', '?'])
        && !DEBRIS.iter().any(|d| folded.contains(d))
        && !folded.starts_with("关于")
        && !PAGE_LABELS
            .iter()
            .filter(|l| !matches!(**l, "标题" | "名称"))
            .any(|l| folded.starts_with(l))
        && GENRES.iter().any(|g| without_brackets(folded).ends_with(g))
}

/// A line that can be the first half of a title broken over two lines.
fn first_half(l: &Line) -> bool {
    let n = l.folded.chars().count();
    (4..=40).contains(&n)
        && han_count(&l.folded) * 10 >= n * 8
        && !l.folded.contains(['。', ',', ';', ':', '〔', '['])
        && !DEBRIS.iter().any(|d| l.folded.contains(d))
        && !l.folded.ends_with("人民政府")
        && !l.folded.ends_with("办公室")
}

/// `政 府 工 作 报 告` → `政府工作报告`: spaces between Han characters go.
fn close_han_gaps(raw: &str) -> String {
    let chars: Vec<char> = raw.chars().collect();
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let mut out = String::with_capacity(raw.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            let prev = chars[..i].iter().rev().find(|c| !c.is_whitespace());
            let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
            if prev.is_some_and(|&p| han(p)) && next.is_some_and(|&n| han(n)) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// The first section of a plan's body: `一、`, `第一章`, `第一部分`.
fn starts_body(folded: &str) -> bool {
    folded.starts_with("一、") || folded.starts_with("第一章") || folded.starts_with("第一部分")
}

/// `附件1` / `附件:` before a title.
fn strip_attachment(raw: &str) -> &str {
    let t = raw.trim();
    match t.strip_prefix("附件") {
        Some(rest) => rest
            .trim_start_matches(|c: char| {
                c.is_ascii_digit() || "０１２３４５６７８９:：、. ".contains(c)
            })
            .trim(),
        None => t,
    }
}

/// The title and the line it came from (as evidence).
pub fn title(lines: &[Line], page_title: Option<&str>) -> Option<(String, String)> {
    // a plan's title stands before its body: the first section (`一、`)
    // ends the search (later titles are of attached plans)
    let head: Vec<&Line> = lines
        .iter()
        .filter(|l| !l.tail)
        .take_while(|l| !starts_body(&l.folded))
        .collect();
    for (i, l) in head.iter().enumerate() {
        let raw = strip_attachment(&l.raw);
        let folded = fangan_model::fold::fold_str(raw);
        if !is_title(&folded) {
            continue;
        }
        let raw = &*close_han_gaps(raw);
        // `绛县促进专业镇高质量发展` / `实施方案`
        if i > 0 && folded.chars().count() <= 16 && head[i - 1].no + 1 == l.no {
            let prev = head[i - 1];
            if first_half(prev) && !is_title(&prev.folded) {
                let joined = format!("{}{}", prev.raw.trim(), raw);
                return Some((joined, format!("lines {}-{}", prev.no, l.no)));
            }
        }
        return Some((raw.to_string(), format!("line {}", l.no)));
    }
    for l in &head {
        if let Some(inner) = inner_title(&l.folded) {
            return Some((inner, format!("line {}: the plan a notice issues", l.no)));
        }
    }
    let page = page_title?;
    // `标题_某县人民政府网`
    let first = page.split(['_', '|']).next().unwrap_or(page).trim();
    let folded = fangan_model::fold::fold_str(first);
    if let Some(inner) = inner_title(&folded) {
        return Some((inner, "the page's title: the plan a notice issues".into()));
    }
    is_title(&folded).then(|| (first.to_string(), "the page's title".into()))
}

/// `关于印发《X》的通知` → X, when X reads as a title and the notice is
/// the line's own (not one a sentence cites).
fn inner_title(folded: &str) -> Option<String> {
    let c = notice().captures(folded)?;
    let before = &folded[..c.get(0)?.start()];
    if before.contains(['。', ',', ';', '《']) {
        return None;
    }
    let inner = c[1].trim_matches(['《', '》']);
    let n = inner.chars().count();
    ((6..=80).contains(&n) && GENRES.iter().any(|g| without_brackets(inner).ends_with(g)))
        .then(|| inner.to_string())
}

/// Whether a title is page debris (for the parse's own first heading).
pub fn is_debris(title: &str) -> bool {
    let folded = fangan_model::fold::fold_str(title);
    han_count(&folded) < 4
        || DEBRIS.iter().any(|d| folded.contains(d))
        || super::dates::doc_number(&folded).is_some()
        || super::dates::signature_date(&folded).is_some()
        || super::dates::meeting_date(&folded).is_some()
        || PAGE_LABELS.iter().any(|l| folded.starts_with(l))
        || ISSUERS.iter().any(|b| folded.ends_with(b))
}

/// Labels of a page's information table (`主题分类 …`, `索引号 …`).
const PAGE_LABELS: &[&str] = &[
    "主题分类",
    "索引号",
    "发布机构",
    "文号",
    "标题",
    "名称",
    "成文日期",
];

/// How an issuer's name ends: a line that is only an issuer is no title.
const ISSUERS: &[&str] = &["人民政府", "办公厅", "办公室", "委员会"];

#[cfg(test)]
mod tests {
    use super::super::head::lines;
    use super::*;

    #[test]
    fn the_plans_own_title_line() {
        let text = "首页 > 政策文件\n某县人民政府办公室关于印发某县促进专业镇高质量发展实施方案的通知\n某政办发〔2023〕14号\n各乡镇:\n现印发给你们。\n2023年9月1日\n某县促进专业镇高质量发展实施方案\n为推动发展,制定本方案。\n";
        let (t, ev) = title(&lines(text), None).unwrap();
        assert_eq!(t, "某县促进专业镇高质量发展实施方案");
        assert_eq!(ev, "line 7");
    }

    #[test]
    fn a_title_broken_over_two_lines_is_joined() {
        let text = "某县促进专业镇高质量发展\n实施方案(2023—2025年)\n一、总体要求\n";
        let (t, _) = title(&lines(text), None).unwrap();
        assert_eq!(t, "某县促进专业镇高质量发展实施方案(2023—2025年)");
    }

    #[test]
    fn else_the_plan_a_notice_issues_else_the_page() {
        let text =
            "某市人民政府关于印发《某市稳经济若干措施》的通知\n各区县:\n现将措施印发给你们。\n";
        assert_eq!(title(&lines(text), None).unwrap().0, "某市稳经济若干措施");
        let (t, _) = title(
            &lines("正文。\n"),
            Some("某县2024年重点工作任务分解_某县人民政府网"),
        )
        .unwrap();
        assert_eq!(t, "某县2024年重点工作任务分解");
        assert!(title(&lines("政策法规\n2020年11月17日\n"), Some("政策法规")).is_none());
        // a notice a sentence cites is not the plan
        assert!(title(
            &lines("为贯彻落实《某市人民政府关于印发某市稳增长若干措施的通知》精神\n"),
            None
        )
        .is_none());
        assert_eq!(
            title(&lines("政 府 工 作 报 告\n"), None).unwrap().0,
            "政府工作报告"
        );
        assert!(is_debris("甘政发〔2022〕9号") && is_debris("2020年11月17日"));
        assert!(is_debris("——2024年1月9日在北京市东城区第十七届"));
        assert!(is_debris("北京市人民政府办公厅") && is_debris("主题分类国民经济发展规划、计划"));
        assert!(!is_debris("打好经济增长主动仗工作方案"));
        assert!(!is_title("主题分类国民经济发展规划、计划"));
        // the title of a plan attached after the body is not this plan's
        assert!(title(
            &lines("为落实部署,制定本方案。\n一、攻坚目标\n内需扩量提效攻坚实施方案\n"),
            None
        )
        .is_none());
    }
}
