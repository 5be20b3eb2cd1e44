//! Joining the hard line breaks of wrapped paragraphs.
//!
//! A line runs on into the next one only when all of these hold:
//! - it is *full*: as wide as the document's usual full line (in
//!   characters, ASCII counting ½), less [`SLACK`], and less the usual two
//!   characters of indentation when it is indented (lines are cut at the
//!   right margin; a paragraph's last line, a heading or a title stops
//!   short);
//! - it does not end a sentence (`。；：！？`, a closing quote after one,
//!   a responsibility note in brackets; the parser's own rule);
//! - the next line is not indented (an indented line starts a paragraph)
//!   and does not start with a clause label (`一、`, `（一）`, `1.`, `(1)`,
//!   `⑴`, `①`, `——`, `附件1`).
//!
//! Blank lines inside a page end a paragraph; those at a page's edges (and
//! dropped furniture) do not, so a paragraph runs on across a page break.

use super::Line;
use crate::parse::numbering::recognize;
use crate::parse::paragraphs::ends_sentence;

/// Characters a full line may fall short of the usual full width.
const SLACK: f32 = 1.5;

/// Extra columns of indentation that start a paragraph.
const INDENT: usize = 2;

/// Characters of a paragraph's first-line indentation.
const FIRST_LINE_INDENT: f32 = 2.0;

/// For each of `lines` (the kept ones, in order), whether it runs on into
/// the next non-blank line.
pub fn joins(raw: &str, lines: &[&Line]) -> Vec<bool> {
    let margin = lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| l.indent)
        .min()
        .unwrap_or(0);
    let indented = |l: &Line| l.indent >= margin + INDENT;
    let full = full_width(lines.iter().filter(|l| !indented(l)).copied());
    let mut out = vec![false; lines.len()];
    for (i, line) in lines.iter().enumerate() {
        let shortfall = if indented(line) {
            FIRST_LINE_INDENT
        } else {
            0.0
        };
        if line.is_blank() || line.units + SLACK + shortfall < full {
            continue;
        }
        let Some(next) = next_text_line(lines, i) else {
            continue;
        };
        let text = line.text(raw);
        let next_line = lines[next];
        let next_text = next_line.text(raw);
        out[i] = !ends_sentence(text) && !indented(next_line) && recognize(next_text).is_none();
    }
    out
}

/// The next non-blank line after `i`, unless a blank line inside a page
/// separates them.
fn next_text_line(lines: &[&Line], i: usize) -> Option<usize> {
    let page = lines[i].page;
    let mut blank_inside = false;
    for (k, l) in lines.iter().enumerate().skip(i + 1) {
        if !l.is_blank() {
            let same_page = l.page == page;
            return (!(blank_inside && same_page)).then_some(k);
        }
        if l.page == page && !at_page_end(lines, k) {
            blank_inside = true;
        }
    }
    None
}

/// True when only blank lines follow `k` on its page.
fn at_page_end(lines: &[&Line], k: usize) -> bool {
    let page = lines[k].page;
    lines[k..]
        .iter()
        .take_while(|l| l.page == page)
        .all(|l| l.is_blank())
}

/// The usual width of a full line: the width that 15% of the lines at the
/// margin reach (wrapped paragraphs make most of them full; headings and
/// last lines are shorter).
fn full_width<'a>(lines: impl Iterator<Item = &'a Line>) -> f32 {
    let mut widths: Vec<f32> = lines.filter(|l| !l.is_blank()).map(|l| l.units).collect();
    if widths.is_empty() {
        return f32::MAX;
    }
    widths.sort_unstable_by(f32::total_cmp);
    widths[(widths.len() * 85 / 100).min(widths.len() - 1)]
}

#[cfg(test)]
mod tests {
    use super::super::{lines, repair};

    fn joined(raw: &str) -> String {
        repair(raw).text().to_string()
    }

    #[test]
    fn wrapped_paragraphs_join_labels_and_sentence_ends_do_not() {
        let raw = "\
  一、工作目标
  经济总量保持全省前十，全年地区生产总值增
长5%左右，在实际工作中努力争取更好结果。发
展质效进一步提升，居民收入增速高于经济增速。
  （一）加强部门协同
  1. 强化政策协同。建立政策梳理对接调度机制，
结合国省最新政策动向。（县发改局牵头负责）
  2. 强化工作协同。聚焦稳增长面临的难点、堵
点、热点问题，提出意见建议和具体落实措施；
（1）建立机制。
";
        assert_eq!(
            joined(raw),
            "一、工作目标\n\
             经济总量保持全省前十，全年地区生产总值增长5%左右，在实际工作中努力争取更好结果。发展质效进一步提升，居民收入增速高于经济增速。\n\
             （一）加强部门协同\n\
             1. 强化政策协同。建立政策梳理对接调度机制，结合国省最新政策动向。（县发改局牵头负责）\n\
             2. 强化工作协同。聚焦稳增长面临的难点、堵点、热点问题，提出意见建议和具体落实措施；\n\
             （1）建立机制。\n"
        );
    }

    #[test]
    fn a_paragraph_runs_on_across_a_page_break() {
        let raw = "\
  经济总量保持全省前十，全年地区生产总值增
长5%左右，在实际工作中努力争取更好结果，发

                    — 1 —
\x0c
展质效进一步提升。
";
        assert_eq!(
            joined(raw),
            "经济总量保持全省前十，全年地区生产总值增长5%左右，在实际工作中努力争取更好结果，发展质效进一步提升。\n"
        );
        let ls = lines(raw);
        assert_eq!(ls.iter().filter(|l| l.page == 1).count(), 3);
    }

    #[test]
    fn a_blank_line_inside_a_page_ends_the_paragraph() {
        let raw = "经济总量保持全省前十，全年地区生产总值增\n\n长5%左右，在实际工作中努力争取更好结果，发\n";
        assert_eq!(
            joined(raw),
            "经济总量保持全省前十，全年地区生产总值增\n长5%左右，在实际工作中努力争取更好结果，发\n"
        );
    }
}
