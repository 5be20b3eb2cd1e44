//! Page furniture: page numbers and running headers and footers, marked
//! as dropped so they never enter the plan's text.
//!
//! A page number is a line that is only a number dressed as one (`— 3 —`,
//! `—3—`, `－3－`, `- 3 -`, `第3页`, `第3页 共9页`, `共9页 第3页`,
//! `Page 3 of 9`), or a bare number or `3/9` at the very top or bottom of
//! a page. A running header or footer is a line that stands among the
//! first or last two lines of at least three pages (or of every page of a
//! two-page document) with the same text once digits are ignored.

use std::collections::HashMap;

use super::chars::half_width;
use super::Line;

/// Lines at each end of a page searched for headers and footers.
const EDGE_LINES: usize = 2;

/// Marks the page furniture among `lines` (extracted from `raw`).
pub fn drop_furniture(raw: &str, lines: &mut [Line]) {
    let pages = lines.last().map_or(0, |l| l.page + 1);
    for line in lines.iter_mut() {
        if is_page_number(line.text(raw)) {
            line.dropped = true;
        }
    }
    // Bare numbers and `3/9` only at a page's edge.
    for edge in page_edges(lines, 1) {
        if is_bare_number(lines[edge].text(raw)) {
            lines[edge].dropped = true;
        }
    }
    if pages < 2 {
        return;
    }
    let mut seen: HashMap<String, Vec<usize>> = HashMap::new();
    for edge in page_edges(lines, EDGE_LINES) {
        let key = shape(lines[edge].text(raw));
        if key.chars().count() >= 2 {
            seen.entry(key).or_default().push(edge);
        }
    }
    for found in seen.values() {
        let mut on_pages: Vec<usize> = found.iter().map(|&i| lines[i].page).collect();
        on_pages.dedup();
        let n = on_pages.len();
        if n >= 3 || (n == pages && n >= 2) {
            for &i in found {
                lines[i].dropped = true;
            }
        }
    }
}

/// Indices of the first and last `n` kept, non-blank lines of each page.
fn page_edges(lines: &[Line], n: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < lines.len() {
        let page = lines[start].page;
        let end = lines[start..]
            .iter()
            .position(|l| l.page != page)
            .map_or(lines.len(), |k| start + k);
        let body: Vec<usize> = (start..end)
            .filter(|&i| !lines[i].dropped && !lines[i].is_blank())
            .collect();
        let head = &body[..n.min(body.len())];
        out.extend(head);
        out.extend(body.iter().rev().take(n).filter(|i| !head.contains(*i)));
        start = end;
    }
    out
}

/// The line with digits and white space taken out: what repeats from page
/// to page when only the page number changes.
fn shape(line: &str) -> String {
    line.chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// True for a line that is a dressed page number (see the module doc).
pub fn is_page_number(line: &str) -> bool {
    let t: String = line
        .chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace())
        .collect();
    if t.is_empty() || t.chars().count() > 16 {
        return false;
    }
    let dash = |c: char| "-—–－―─~～·•".contains(c);
    let core = t.trim_matches(dash);
    if core.len() < t.len() && t.starts_with(dash) && t.ends_with(dash) && is_number(core) {
        return true;
    }
    let pages = |s: &str| {
        s.strip_prefix('第')
            .and_then(|r| r.strip_suffix('页'))
            .is_some_and(is_number)
    };
    let total = |s: &str| {
        s.strip_prefix('共')
            .and_then(|r| r.strip_suffix('页'))
            .is_some_and(is_number)
    };
    if pages(&t) {
        return true;
    }
    if let Some((a, b)) = split_pages(t.trim_end_matches(['，', ','])) {
        let a = a.trim_end_matches(['，', ',', '/', '、']);
        if (pages(a) && total(b)) || (total(a) && pages(b)) {
            return true;
        }
    }
    let lower = t.to_ascii_lowercase();
    lower
        .strip_prefix("page")
        .map(|r| r.split("of").collect::<Vec<_>>())
        .is_some_and(|parts| parts.iter().all(|p| is_number(p)) && !parts.is_empty())
}

/// `第3页共9页` split before its second part.
fn split_pages(s: &str) -> Option<(&str, &str)> {
    let i = s
        .char_indices()
        .skip(1)
        .find(|(_, c)| *c == '共' || *c == '第')?
        .0;
    Some(s.split_at(i))
}

/// A bare page number at a page's edge: `3`, `3/9`, `- 3`.
fn is_bare_number(line: &str) -> bool {
    let t: String = line
        .chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace())
        .collect();
    let t = t.trim_matches(|c: char| "-—–－".contains(c));
    match t.split_once('/') {
        Some((a, b)) => is_number(a) && is_number(b),
        None => is_number(t),
    }
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::super::lines;
    use super::*;

    #[test]
    fn dressed_page_numbers() {
        for s in [
            "— 3 —",
            "—3—",
            "－3－",
            "- 3 -",
            "－ １２ －",
            "第3页",
            "第 3 页 共 9 页",
            "第3页，共9页",
            "共9页 第3页",
            "Page 3 of 9",
            "·3·",
        ] {
            assert!(is_page_number(s), "{s}");
        }
        for s in [
            "3",
            "一、工作目标",
            "——地区生产总值增长5%",
            "第三章",
            "第3条",
            "-",
            "",
        ] {
            assert!(!is_page_number(s), "{s}");
        }
        assert!(is_bare_number("12") && is_bare_number("3/9") && !is_bare_number("2025年"));
    }

    #[test]
    fn headers_footers_and_numbers_are_dropped() {
        let page = |n: usize, body: &str| {
            format!("平江县人民政府办公室文件\n{body}\n正文继续\n第{n}页 共3页\n")
        };
        let raw = [
            page(1, "一、目标"),
            page(2, "二、任务"),
            page(3, "三、保障"),
        ]
        .join("\x0c");
        let mut ls = lines(&raw);
        drop_furniture(&raw, &mut ls);
        let kept: Vec<&str> = ls
            .iter()
            .filter(|l| !l.dropped && !l.is_blank())
            .map(|l| l.text(&raw))
            .collect();
        // "正文继续" ends every page too: identical edge lines are furniture
        // by the rule, so a real document rarely has them.
        assert_eq!(kept, ["一、目标", "二、任务", "三、保障"]);
    }

    #[test]
    fn a_single_page_keeps_its_first_line() {
        let raw = "平江县人民政府办公室文件\n一、目标\n— 1 —\n";
        let mut ls = lines(raw);
        drop_furniture(raw, &mut ls);
        let kept: Vec<&str> = ls
            .iter()
            .filter(|l| !l.dropped && !l.is_blank())
            .map(|l| l.text(raw))
            .collect();
        assert_eq!(kept, ["平江县人民政府办公室文件", "一、目标"]);
    }
}
