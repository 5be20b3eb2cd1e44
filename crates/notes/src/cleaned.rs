//! A note's text as it is read: markdown bold marks and white space (page
//! breaks, PDF spacing) dropped, every character still pointing at its bytes
//! in the text as given. Also the splitting of that text into segments and
//! lists at the top bracket level.

use fangan_model::{MappedText, MappedTextBuilder, Span};

/// Opening brackets, paired by index with [`CLOSE`].
pub const OPEN: &[char] = &['（', '(', '[', '【', '〔', '［', '《'];
/// Closing brackets, paired by index with [`OPEN`].
pub const CLOSE: &[char] = &['）', ')', ']', '】', '〕', '］', '》'];

/// The cleaned view of a text.
#[derive(Clone, Debug)]
pub struct Cleaned {
    mapped: MappedText,
}

impl Cleaned {
    /// Cleans `raw`: drops `*` (markdown bold, possibly cut by a page break)
    /// and white space.
    pub fn new(raw: &str) -> Cleaned {
        let mut b = MappedTextBuilder::new();
        for (i, c) in raw.char_indices() {
            if c == '*' || c.is_whitespace() {
                continue;
            }
            b.push(c, Span::new(i, i + c.len_utf8()));
        }
        Cleaned { mapped: b.build() }
    }

    /// The cleaned text.
    pub fn text(&self) -> &str {
        self.mapped.text()
    }

    /// The bytes of the original text that `span` (of the cleaned text)
    /// stands for.
    pub fn source(&self, span: Span) -> Span {
        self.mapped.source_span(span)
    }

    /// The cleaned slice of `span`.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(self.mapped.text())
    }
}

/// Splits `span` of `text` at the separator characters that stand outside
/// brackets; pieces are returned without their separators, empty pieces
/// dropped.
pub fn split_top(text: &str, span: Span, is_sep: impl Fn(char) -> bool) -> Vec<Span> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = span.start;
    for (i, c) in text[span.start..span.end].char_indices() {
        let at = span.start + i;
        if OPEN.contains(&c) {
            depth += 1;
        } else if CLOSE.contains(&c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && is_sep(c) {
            if at > start {
                out.push(Span::new(start, at));
            }
            start = at + c.len_utf8();
        }
    }
    if span.end > start {
        out.push(Span::new(start, span.end));
    }
    out
}

/// The span inside one pair of outer brackets, if `span` is bracketed; a
/// missing closing bracket (a note cut off) is tolerated.
pub fn strip_outer_brackets(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let Some(first) = s.chars().next() else {
        return span;
    };
    if !OPEN.contains(&first) {
        return span;
    }
    let start = span.start + first.len_utf8();
    let end = match s.chars().next_back() {
        Some(last) if CLOSE.contains(&last) && s.len() > first.len_utf8() => {
            span.end - last.len_utf8()
        }
        _ => span.end,
    };
    Span::new(start, end.max(start))
}

/// True for the characters that end a segment of a note (`，`, `；`, `。`).
pub fn is_segment_sep(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '。' | '．')
}

/// True for the characters that separate the names of a list.
pub fn is_list_sep(c: char) -> bool {
    matches!(c, '、' | '，' | ',' | '/' | '／')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_bold_and_page_breaks_keeping_offsets() {
        let raw = "(商务粮食局牵**\n\n头，发改局等负责)";
        let c = Cleaned::new(raw);
        assert_eq!(c.text(), "(商务粮食局牵头，发改局等负责)");
        let at = c.text().find("牵头").unwrap();
        let span = c.source(Span::new(at, at + "牵头".len()));
        assert_eq!(span.slice(raw), "牵**\n\n头");
    }

    #[test]
    fn splits_outside_brackets_only() {
        let t = "县高新区、各乡镇（街道）、区住建局(区交通局)";
        let parts: Vec<&str> = split_top(t, Span::new(0, t.len()), is_list_sep)
            .into_iter()
            .map(|s| s.slice(t))
            .collect();
        assert_eq!(parts, ["县高新区", "各乡镇（街道）", "区住建局(区交通局)"]);
    }

    #[test]
    fn strips_one_pair_of_outer_brackets() {
        let t = "（县发改局牵头负责）";
        assert_eq!(
            strip_outer_brackets(t, Span::new(0, t.len())).slice(t),
            "县发改局牵头负责"
        );
        let t = "[责任单位:县财政局";
        assert_eq!(
            strip_outer_brackets(t, Span::new(0, t.len())).slice(t),
            "责任单位:县财政局"
        );
    }
}
