//! Repairing text extracted page by page (PDF, OFD) into a plan's
//! paragraphs, with every character mapped back to the extraction.
//!
//! Extraction gives lines as they were laid out on the page. A plan needs
//! paragraphs, so [`repair`]:
//! 1. drops page furniture ([`furniture`]): page numbers (`— 3 —`, `—3—`,
//!    `－3－`, `- 3 -`, `第3页 共9页`, `3/9`) and running headers and
//!    footers that repeat at the top or bottom of the pages;
//! 2. joins the hard line breaks of a paragraph wrapped every ~28
//!    characters ([`join`]), never across a clause label, after a
//!    sentence end (`。；：！？`), after a heading or short line, or before
//!    an indented line;
//! 3. cleans each line ([`chars`]): no indentation, no spaces between Han
//!    characters, full-width digits and Latin letters made half-width
//!    (`２０２６年` → `2026年`, `５Ｇ` → `5G`).
//!
//! The input is the extraction as text: pages separated by form feeds
//! (`\x0c`), lines by `\n`, indentation as leading spaces (what
//! `pdftotext -layout` writes). The output is a [`MappedText`] whose text is
//! one paragraph per line and whose every character maps to the byte range
//! of the extraction it came from.

pub mod chars;
pub mod furniture;
pub mod join;

use fangan_model::{MappedText, MappedTextBuilder, Span};

/// One line of the extraction.
#[derive(Clone, Debug)]
pub struct Line {
    /// 0-based page.
    pub page: usize,
    /// Byte range of the line's text without its indentation and trailing
    /// white space.
    pub body: Span,
    /// Indentation in columns (a space is one column, `U+3000` two).
    pub indent: usize,
    /// Width of the text in characters: a wide (Han) character counts 1,
    /// a narrow one (ASCII) ½. Layout columns are not used for widths:
    /// `pdftotext -layout` counts indentation in its own units.
    pub units: f32,
    /// Page furniture, not text.
    pub dropped: bool,
}

impl Line {
    /// The line's text without indentation.
    pub fn text<'a>(&self, raw: &'a str) -> &'a str {
        self.body.slice(raw)
    }

    /// True when the line has no text.
    pub fn is_blank(&self) -> bool {
        self.body.is_empty()
    }
}

/// Splits the extraction into lines, numbered by page (`\x0c` starts a
/// page).
pub fn lines(raw: &str) -> Vec<Line> {
    let mut out = Vec::with_capacity(raw.len() / 60 + 1);
    let mut start = 0;
    for (page, page_text) in raw.split('\x0c').enumerate() {
        for line in page_text.split('\n') {
            let line_start = start;
            start += line.len() + 1;
            let trimmed_start = line.trim_start_matches(is_space);
            let lead = &line[..line.len() - trimmed_start.len()];
            let indent = lead
                .chars()
                .map(|c| if c == '\u{3000}' { 2 } else { 1 })
                .sum();
            let body = trimmed_start.trim_end_matches(is_space);
            let body_start = line_start + lead.len();
            out.push(Line {
                page,
                body: Span::new(body_start, body_start + body.len()),
                indent,
                units: body
                    .chars()
                    .map(|c| if chars::is_wide(c) { 1.0 } else { 0.5 })
                    .sum(),
                dropped: false,
            });
        }
        // split('\n') counted a separator after the page's last line; the
        // form feed takes that byte instead.
    }
    out
}

/// White space of layout: spaces, tabs, `U+3000`, no-break spaces, `\r`.
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\u{3000}' | '\u{a0}')
}

/// Repairs an extraction (see the module doc): the plan's text, one
/// paragraph per line, mapped to `raw`.
pub fn repair(raw: &str) -> MappedText {
    let mut lines = lines(raw);
    furniture::drop_furniture(raw, &mut lines);
    let kept: Vec<&Line> = lines.iter().filter(|l| !l.dropped).collect();
    let joins = join::joins(raw, &kept);
    let mut b = MappedTextBuilder::with_capacity(raw.len());
    let mut open = false;
    for (i, line) in kept.iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        chars::push_clean(&mut b, raw, line.body);
        open = true;
        if !joins[i] {
            // The paragraph ends here: its `\n` stands for the line's end.
            let at = line.body.end;
            let end = raw[at..]
                .find(['\n', '\x0c'])
                .map_or(raw.len(), |n| at + n + 1);
            b.push('\n', Span::new(at, end));
            open = false;
        }
    }
    if open {
        let end = raw.len();
        b.push('\n', Span::new(end, end));
    }
    b.build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_know_their_page_indent_and_body() {
        let raw = "  一、目标\n正文\x0c  — 2 —\n";
        let ls = lines(raw);
        let shown: Vec<(usize, &str, usize)> =
            ls.iter().map(|l| (l.page, l.text(raw), l.indent)).collect();
        assert_eq!(
            shown,
            [
                (0, "一、目标", 2),
                (0, "正文", 0),
                (1, "— 2 —", 2),
                (1, "", 0)
            ]
        );
    }

    #[test]
    fn repaired_slices_map_back_to_the_extraction() {
        let raw = "    关于印发方案的通知\n\
                   \u{3000}\u{3000}一、工作目标\n\
                   经济总量保持全省前十，全年地区生产总值增长５％左右，力\n\
                   争更好结果。\n\
                   \x0c                 — 2 —\n";
        let m = repair(raw);
        assert_eq!(
            m.text(),
            "关于印发方案的通知\n一、工作目标\n经济总量保持全省前十，全年地区生产总值增长5％左右，力争更好结果。\n"
        );
        for phrase in ["一、工作目标", "增长5％", "力争更好", "力争"] {
            let at = m.text().find(phrase).unwrap();
            let span = m.source_span(Span::new(at, at + phrase.len()));
            let back: String = span.slice(raw).chars().filter(|c| *c != '\n').collect();
            let folded: String = back.chars().map(chars::half_width).collect();
            assert_eq!(folded, phrase, "{phrase}");
        }
    }
}
