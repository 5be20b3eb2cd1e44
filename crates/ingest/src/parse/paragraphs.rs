//! Lines → paragraphs, repairing page breaks.
//!
//! PDF extraction cuts sentences, words and even responsibility notes across
//! a blank line (`其他部门要密` / blank / `切配合`, `商务粮食局牵` / blank /
//! `头`). A line continues the paragraph before it when that paragraph
//! stops mid-sentence (no sentence-final punctuation, not a heading, long
//! enough to be running text) and the line does not start a numbered clause.

use fangan_model::{MappedText, MappedTextBuilder, Span};

use super::lines::Line;
use super::note;
use super::numbering::{recognize, Marker, Style};

/// Paragraphs of running text shorter than this (in characters) are titles
/// or headings, never cut by a page break.
const MIN_BROKEN_LEN: usize = 20;

/// Headings after their label are at most this long (characters).
pub const MAX_HEADING_LEN: usize = 30;

/// A paragraph: one or more lines joined.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// Cleaned text mapped to the original bytes.
    pub text: MappedText,
    /// 1-based first line.
    pub line: usize,
    /// 1-based last line.
    pub end_line: usize,
    /// The numbering label it starts with, if any.
    pub marker: Option<Marker>,
    /// Lines at which a page break was repaired (the continuing line).
    pub repaired: Vec<usize>,
}

impl Paragraph {
    /// The cleaned text.
    pub fn text(&self) -> &str {
        self.text.text()
    }

    /// Text after the numbering label.
    pub fn body(&self) -> &str {
        let t = self.text();
        self.marker.as_ref().map_or(t, |m| &t[m.len.min(t.len())..])
    }

    /// Byte range in the original text.
    pub fn span(&self) -> Span {
        self.text.source_span(Span::new(0, self.text().len()))
    }
}

/// Result of [`paragraphs`].
#[derive(Debug, Default)]
pub struct Paragraphs {
    /// Paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// Residue lines set aside.
    pub residue: Vec<Span>,
}

/// Groups cleaned lines into paragraphs.
pub fn paragraphs(lines: &[Line]) -> Paragraphs {
    let mut out = Paragraphs::default();
    let mut cur: Option<(MappedTextBuilder, Paragraph)> = None;
    for line in lines {
        if line.residue {
            out.residue.push(line.span);
            continue;
        }
        if line.is_blank() {
            continue;
        }
        let marker = recognize(line.text());
        if let Some((b, p)) = cur.as_mut() {
            if marker.is_none() && !is_row_number(line.text()) && continues(b.text(), p) {
                append(b, &line.clean);
                p.end_line = line.no;
                p.repaired.push(line.no);
                continue;
            }
        }
        if let Some(done) = cur.take() {
            out.paragraphs.push(finish(done));
        }
        let mut b = MappedTextBuilder::with_capacity(line.clean.text().len());
        append(&mut b, &line.clean);
        cur = Some((
            b,
            Paragraph {
                text: MappedText::default(),
                line: line.no,
                end_line: line.no,
                marker,
                repaired: Vec::new(),
            },
        ));
    }
    if let Some(done) = cur.take() {
        out.paragraphs.push(finish(done));
    }
    out
}

fn finish((b, mut p): (MappedTextBuilder, Paragraph)) -> Paragraph {
    p.text = b.build();
    p
}

fn append(b: &mut MappedTextBuilder, line: &MappedText) {
    b.push_mapped(line);
}

/// A line that is only the number of a table row (`7`, `12 |`): a row of a
/// table turned into one cell per line starts there, no sentence goes on.
fn is_row_number(line: &str) -> bool {
    let t = line.trim_end_matches(['|', ' ']);
    (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

/// Does the paragraph `text` (with its first-line marker) run on into the
/// next line?
fn continues(text: &str, p: &Paragraph) -> bool {
    if ends_sentence(text) {
        return false;
    }
    if let Some(m) = &p.marker {
        match m.style {
            Style::Attachment | Style::AttachmentList => return false,
            _ => {}
        }
        let body = &text[m.len.min(text.len())..];
        let one_sentence = !body.trim_end_matches('。').contains('。');
        if p.repaired.is_empty() && one_sentence && body.chars().count() <= MAX_HEADING_LEN {
            return false; // a heading line
        }
    }
    // a cell that lists bodies (`自然资源分局、生态环境分局、区发展改革局`) is
    // a table row's unit cell, complete on its line
    if note::lists_bodies(text) {
        return false;
    }
    let last_line_len = text.chars().count();
    last_line_len >= MIN_BROKEN_LEN
}

/// True when `text` ends a sentence: final punctuation, a closing quote
/// after it, or a responsibility note in brackets.
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end();
    let mut rev = t.chars().rev();
    let Some(last) = rev.next() else {
        return true;
    };
    match last {
        '。' | '！' | '？' | '；' | '：' | '!' | '?' | ';' | ':' | '…' => true,
        '”' | '’' | '"' | '」' | '』' => rev
            .next()
            .is_some_and(|c| matches!(c, '。' | '！' | '？' | '；' | '!' | '?')),
        '）' | ')' | '】' | ']' => {
            rev.next().is_some_and(|c| c == '。')
                || note::trailing_bracket(t).is_some_and(|r| note::is_note(&t[r.start..r.end]))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines::split;
    use super::*;

    fn paras(src: &str) -> Vec<String> {
        paragraphs(&split(src))
            .paragraphs
            .iter()
            .map(|p| p.text().to_string())
            .collect()
    }

    #[test]
    fn page_break_inside_a_word_is_repaired() {
        let src = "2. 强化工作协同。对重大政策实施等涉及跨领域、多部门参与的重大工作，其他部门要密\n\n切配合、共同推动。（相关部门按职责分工负责）\n\n3. 强化资源协同。";
        let p = paras(src);
        assert_eq!(p.len(), 2);
        assert!(p[0].contains("其他部门要密切配合"), "{p:?}");
    }

    #[test]
    fn note_cut_by_bold_and_page_break_is_one_paragraph() {
        let src = "1. **推动外贸扩规提质。**推进跨境电商发展，实现跨境电商交易额800万美元。**(商务粮食局牵**\n\n头，发改局等负责)\n\n2. 实现利用外资新突破。";
        let p = paras(src);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].ends_with("(商务粮食局牵头，发改局等负责)"), "{p:?}");
    }

    #[test]
    fn headings_titles_and_finished_sentences_are_not_joined() {
        let src = "担当好稳增长挑大梁的责任实施方案\n\n为切实扛起责任，制定本实施方案。\n\n一、工作目标\n\n经济总量保持全省前十。\n\n（一）加强部门协同\n\n1. 强化政策协同。建立机制。（县发改局牵头负责）";
        assert_eq!(paras(src).len(), 6);
    }

    #[test]
    fn table_cells_one_per_line_are_not_a_broken_sentence() {
        // a table title, its header and rows, each cell on its own line
        let src = "2022年区政府工作报告经济社会发展预期目标任务分解表\n\n序号\n\n2022年预期目标\n\n责任单位\n\n1\n\n地区生产总值增长5.5%左右\n\n区发展改革委\n\n2\n\n固定资产投资增长6%左右\n\n区发展改革委";
        let p = paras(src);
        assert!(p.iter().any(|t| t == "1"), "{p:?}");
        assert!(p.iter().any(|t| t == "区发展改革委"), "{p:?}");
        // a number inside a broken sentence is not a row number
        let src = "推进跨境电商发展,力争全年实现跨境电商交易额达到\n\n800万美元以上。";
        assert_eq!(paras(src).len(), 1);
    }

    #[test]
    fn a_cell_of_bodies_does_not_run_on() {
        let src = "2\n\n推进项目建设。\n\n沈阳近海经济区管委会\n\n自然资源分局、生态环境分局、区发展改革局\n\n冯冬昌\n\n3";
        let p = paras(src);
        assert!(
            p.iter()
                .any(|t| t == "自然资源分局、生态环境分局、区发展改革局"),
            "{p:?}"
        );
        assert!(p.iter().any(|t| t == "冯冬昌"), "{p:?}");
    }

    #[test]
    fn closing_bracket_that_is_not_a_note_does_not_end_the_sentence() {
        assert!(!ends_sentence("争取举办第三届中国（平江）"));
        assert!(ends_sentence("办好平江车展。（住建局牵头）"));
        assert!(ends_sentence("大力发展直播电商。(商务粮食局牵头)"));
        assert!(!ends_sentence("落实“电子商务强主体”"));
        assert!(ends_sentence("打造消费热点。”"));
    }
}
