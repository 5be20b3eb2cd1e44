//! What a file says about itself: [`Properties`] (title, publication date,
//! source), kept beside the text.
//!
//! Each reader fills what its format carries: a government web page its
//! `ArticleTitle`/`PubDate`/`ContentSource` meta tags or its 发布日期/来源
//! line, a PDF its Info dictionary (Title, CreationDate), a docx its
//! `docProps/core.xml`, an OFD its `DocInfo`. Nothing is inferred from the
//! plan's text here; that is the parser's job. Dates are kept as
//! `YYYY-MM-DD` when they can be read that way, else as written.

/// Document properties found in the file (not in the plan's text).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Properties {
    /// The document's title as the file declares it.
    pub title: Option<String>,
    /// Publication or creation date (`YYYY-MM-DD` when readable).
    pub published: Option<String>,
    /// Who published it (来源, author).
    pub source: Option<String>,
}

impl Properties {
    /// True when nothing is known.
    pub fn is_empty(&self) -> bool {
        self.title.is_none() && self.published.is_none() && self.source.is_none()
    }

    /// Sets `title` from `value` when it is not blank, trimmed.
    pub fn set_title(&mut self, value: &str) {
        self.title = non_blank(value);
    }

    /// Sets `published` from `value`: `YYYY-MM-DD` when a date can be read
    /// at its start, else the trimmed value; nothing when blank.
    pub fn set_published(&mut self, value: &str) {
        self.published = non_blank(value).map(|v| iso_date(&v).unwrap_or(v));
    }

    /// Sets `source` from `value` when it is not blank, trimmed.
    pub fn set_source(&mut self, value: &str) {
        self.source = non_blank(value);
    }
}

fn non_blank(value: &str) -> Option<String> {
    let v = value.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    (!v.is_empty()).then(|| v.to_string())
}

/// `YYYY-MM-DD` from a date at the start of `s`: `2025-03-01`,
/// `2025/3/1`, `2025.03.01`, `2025年3月1日`, `20250301…` (PDF `D:` dates
/// included). `None` when no such date starts the text.
pub fn iso_date(s: &str) -> Option<String> {
    let s = s.trim().trim_start_matches("D:");
    let digits: Vec<(usize, &str)> = split_numbers(s);
    let (year, month, day): (u32, u32, u32) = match digits.as_slice() {
        [(0, y), (_, m), (_, d), ..] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
            (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
        }
        [(0, ymd), ..] if ymd.len() >= 8 => (
            ymd[..4].parse().ok()?,
            ymd[4..6].parse().ok()?,
            ymd[6..8].parse().ok()?,
        ),
        _ => return None,
    };
    let ok = (1900..=2200).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day);
    ok.then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// The runs of ASCII digits in `s` with their byte offsets, up to the first
/// character that is neither a digit nor a date separator.
fn split_numbers(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_ascii_digit() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(st) = start.take() {
            out.push((st, &s[st..i]));
        }
        if !matches!(c, '-' | '/' | '.' | '年' | '月' | '日' | ' ') {
            return out;
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_pages_and_pdfs_write() {
        for (s, want) in [
            ("2025-03-01 10:00", Some("2025-03-01")),
            ("2025/3/1", Some("2025-03-01")),
            ("2025年3月1日", Some("2025-03-01")),
            ("D:20250301101500+08'00'", Some("2025-03-01")),
            ("2025-03-01T10:15:00+08:00", Some("2025-03-01")),
            ("3/1/2025", None),
            ("2025-13-01", None),
            ("县政府办", None),
            ("", None),
        ] {
            assert_eq!(iso_date(s).as_deref(), want, "{s}");
        }
    }

    #[test]
    fn setters_trim_and_skip_blanks() {
        let mut p = Properties::default();
        assert!(p.is_empty());
        p.set_title("  担当好稳增长挑大梁的责任实施方案 ");
        p.set_published("2025年3月1日 09:30");
        p.set_source("\u{3000}");
        assert_eq!(p.title.as_deref(), Some("担当好稳增长挑大梁的责任实施方案"));
        assert_eq!(p.published.as_deref(), Some("2025-03-01"));
        assert_eq!(p.source, None);
        p.set_published("去年春天");
        assert_eq!(p.published.as_deref(), Some("去年春天"));
    }
}
