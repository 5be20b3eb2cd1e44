//! Placed characters → lines of text, laid out like `pdftotext -layout`
//! so that [`crate::read::repair`] can treat OFD and PDF alike.
//!
//! Characters whose baselines lie within half a character of each other
//! form a line; a line's characters are ordered left to right, a gap of
//! more than a character and a half becomes a space. Lines are ordered top
//! to bottom, and each starts with one space per character width it is
//! indented from the document's left margin (the leftmost line start of
//! all pages), so a paragraph's indented first line shows as such.

use super::content::Glyph;

/// The pages' lines, pages separated by form feeds, each line ending in
/// `\n`.
pub fn pages(pages: &[Vec<Glyph>]) -> String {
    let lined: Vec<Vec<Vec<Glyph>>> = pages.iter().map(|p| lines(p)).collect();
    let margin = lined
        .iter()
        .flatten()
        .filter_map(|l| l.first().map(|g| g.x))
        .fold(f64::INFINITY, f64::min);
    let mut out = String::new();
    for (i, page) in lined.iter().enumerate() {
        if i > 0 {
            out.push('\x0c');
        }
        for line in page {
            push_line(&mut out, line, margin);
        }
    }
    out
}

/// The characters of one page grouped into lines, top to bottom.
fn lines(glyphs: &[Glyph]) -> Vec<Vec<Glyph>> {
    let mut sorted: Vec<Glyph> = glyphs
        .iter()
        .copied()
        .filter(|g| g.x.is_finite() && g.y.is_finite() && !g.c.is_control())
        .collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut out: Vec<Vec<Glyph>> = Vec::new();
    for g in sorted {
        match out.last_mut() {
            Some(line) if (g.y - line[0].y).abs() <= line[0].size.max(g.size) * 0.5 => line.push(g),
            _ => out.push(vec![g]),
        }
    }
    for line in &mut out {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    out
}

/// Appends one line: indentation, characters, spaces for wide gaps.
fn push_line(out: &mut String, line: &[Glyph], margin: f64) {
    let Some(first) = line.first() else {
        return;
    };
    let unit = first.size.max(0.1);
    let indent = ((first.x - margin) / unit).round();
    if indent.is_finite() && indent > 0.0 {
        out.extend(std::iter::repeat_n(' ', (indent as usize).min(200)));
    }
    let mut prev: Option<&Glyph> = None;
    for g in line {
        if let Some(p) = prev {
            let width = if p.c.is_ascii() { p.size * 0.5 } else { p.size };
            if g.x - (p.x + width) > p.size * 1.5 {
                out.push(' ');
            }
        }
        out.push(g.c);
        prev = Some(g);
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(x: f64, y: f64, c: char) -> Glyph {
        Glyph { x, y, size: 5.0, c }
    }

    #[test]
    fn glyphs_in_any_order_become_indented_lines() {
        // One object per character, written out of order, as some
        // converters do; a page number at the bottom.
        let page = vec![
            g(35.0, 40.2, '标'),
            g(20.0, 40.0, '目'),
            g(30.0, 40.0, '、'),
            g(30.0, 30.0, '一'),
            g(25.0, 30.0, '①'),
            g(25.0, 40.0, '好'),
            g(100.0, 40.0, '甲'),
        ];
        let text = pages(&[page, vec![g(50.0, 280.0, '2')]]);
        assert_eq!(text, " ①一\n目好、标 甲\n\x0c      2\n");
    }
}
