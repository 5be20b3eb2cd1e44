//! Lines of the original text, cleaned for parsing.
//!
//! Cleaning drops what is layout, not text: leading indentation (including
//! U+3000), markdown heading marks (`##`), bold marks (`**`) and trailing
//! white space. Each cleaned line keeps a [`MappedText`] back to the
//! original bytes. Web-page residue (`归档时间:`, `来源:`, `浏览量:`, the
//! one-word toolbar lines `下载`/`打印`/`【字号…】`) is recognised and set aside.

use fangan_model::{MappedText, MappedTextBuilder, Span};

/// One line of the original text.
#[derive(Debug, Clone)]
pub struct Line {
    /// 1-based line number.
    pub no: usize,
    /// Byte range of the raw line (without its `\n`).
    pub span: Span,
    /// The cleaned line, mapped to original bytes.
    pub clean: MappedText,
    /// True when the line is web-page residue.
    pub residue: bool,
}

impl Line {
    /// The cleaned text.
    pub fn text(&self) -> &str {
        self.clean.text()
    }

    /// True when nothing is left after cleaning.
    pub fn is_blank(&self) -> bool {
        self.clean.text().is_empty()
    }
}

/// Splits `text` into cleaned lines.
pub fn split(text: &str) -> Vec<Line> {
    let mut lines = Vec::with_capacity(text.len() / 40 + 1);
    let mut start = 0;
    for (no, raw) in text.split('\n').enumerate() {
        let span = Span::new(start, start + raw.len());
        start += raw.len() + 1;
        let clean = clean_line(raw, span.start);
        let residue = is_residue(clean.text());
        lines.push(Line {
            no: no + 1,
            span,
            clean,
            residue,
        });
    }
    lines
}

fn clean_line(raw: &str, offset: usize) -> MappedText {
    let mut b = MappedTextBuilder::with_capacity(raw.len());
    let bytes = raw.as_bytes();
    let mut i = 0;
    let mut leading = true;
    while i < raw.len() {
        let c = raw[i..].chars().next().expect("in bounds");
        let n = c.len_utf8();
        if c == '*' && bytes.get(i + 1) == Some(&b'*') {
            // markdown bold mark: drop both stars
            i += 2;
            continue;
        }
        if leading && (c.is_whitespace() || c == '#') {
            i += n;
            continue;
        }
        leading = false;
        b.push(c, Span::new(offset + i, offset + i + n));
        i += n;
    }
    b.trim_end_matches(char::is_whitespace);
    b.build()
}

/// Toolbar words of government web pages, each alone on a line.
const TOOLBAR: &[&str] = &[
    "下载",
    "打印",
    "全屏",
    "收藏",
    "加大",
    "还原",
    "减小",
    "】",
    "关闭",
    "分享",
    "关闭窗口",
    "打印本页",
    "【打印】",
    "【关闭】",
    "大",
    "中",
    "小",
    "【大",
    "中】",
    "小】",
];

/// Keys of web-page metadata lines (`来源:岳阳楼区政府`).
const META_KEYS: &[&str] = &[
    "归档时间",
    "来源",
    "浏览量",
    "浏览次数",
    "发布时间",
    "发布日期",
    "时间",
    "作者",
    "编辑",
    "责任编辑",
    "点击数",
    "信息来源",
    "文章来源",
    "当前位置",
    "您当前的位置",
    "您的位置",
    "当前所在位置",
];

/// True for a line that is web-page residue rather than plan text.
pub fn is_residue(line: &str) -> bool {
    if line.is_empty() {
        return false;
    }
    if TOOLBAR.contains(&line) || line.starts_with("【字号") {
        return true;
    }
    if line.chars().count() > 60 {
        return false;
    }
    META_KEYS.iter().any(|k| {
        line.strip_prefix(k)
            .map(|rest| rest.trim_start())
            .is_some_and(|rest| rest.starts_with(':') || rest.starts_with('：'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_indent_are_dropped_with_offsets_kept() {
        let src = "### **三、推进机制**\n　　1. **强化**协同。";
        let lines = split(src);
        assert_eq!(lines[0].text(), "三、推进机制");
        assert_eq!(lines[1].text(), "1. 强化协同。");
        let s = lines[1].clean.source_span(Span::new(3, 3 + "强化".len()));
        assert_eq!(s.slice(src), "强化");
        assert_eq!(lines[1].no, 2);
    }

    #[test]
    fn residue_lines_are_recognised() {
        assert!(is_residue("归档时间:2024-03-18"));
        assert!(is_residue("来源:岳阳楼区政府   2023-09-26 15:14"));
        assert!(is_residue("浏览量:1 | | | |"));
        assert!(is_residue("【字号："));
        assert!(is_residue("下载"));
        assert!(is_residue("当前位置：首页 > 政务公开 > 计划规划"));
        assert!(!is_residue("来源于群众的意见建议要及时回应。"));
        assert!(!is_residue("一、工作目标"));
    }
}
