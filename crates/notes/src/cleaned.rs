//! A note's text as it is read: markdown bold marks, white space (page
//! breaks, PDF spacing) and pinyin annotations left by mirror sites
//! (`發(fā)展`) dropped, traditional characters and full-width forms folded
//! (`牽頭單位：` reads as `牵头单位:`), every character still pointing at its
//! bytes in the text as given. Names are shown as written
//! ([`Cleaned::shown`]: `區發改委`, pinyin and spaces removed). Also the
//! splitting of that text into segments and lists at the top bracket level.

use fangan_model::fold::fold;
use fangan_model::{MappedText, MappedTextBuilder, Span};

use crate::shape::kind_by_suffix;

/// Stands for a cell boundary before folding (a line end, `|`, a tab, a
/// run of white space).
const CELL: char = '\u{1}';
/// Stands for one white space character before folding.
const SPACE: char = '\u{2}';

/// Opening brackets, paired by index with [`CLOSE`].
pub const OPEN: &[char] = &['（', '(', '[', '【', '〔', '［', '《'];
/// Closing brackets, paired by index with [`OPEN`].
pub const CLOSE: &[char] = &['）', ')', ']', '】', '〕', '］', '》'];

/// The cleaned, folded view of a text, for reading notes.
#[derive(Clone, Debug)]
pub struct Cleaned {
    mapped: MappedText,
    raw: String,
    /// Byte ranges of `raw` that are dropped (pinyin annotations).
    dropped: Vec<Span>,
}

impl Cleaned {
    /// Cleans `raw`: drops `*` (markdown bold, possibly cut by a page
    /// break), white space and pinyin annotations, and folds the rest.
    pub fn new(raw: &str) -> Cleaned {
        Cleaned::build(raw, false)
    }

    /// Like [`Cleaned::new`], but keeps line ends (`\n`), for reading the
    /// lines of a clause.
    pub fn with_lines(raw: &str) -> Cleaned {
        Cleaned::build(raw, true)
    }

    fn build(raw: &str, lines: bool) -> Cleaned {
        let dropped = pinyin_annotations(raw);
        let mut kept = MappedTextBuilder::with_capacity(raw.len());
        let mut skip = dropped.iter().peekable();
        let mut chars = raw.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            while skip.peek().is_some_and(|s| s.end <= i) {
                skip.next();
            }
            if skip.peek().is_some_and(|s| s.start <= i) || c == '*' {
                continue;
            }
            let span = Span::new(i, i + c.len_utf8());
            if !lines {
                if !c.is_whitespace() && c != '|' {
                    kept.push(c, span);
                }
                continue;
            }
            // lines: `\n`, `|` and tabs end a cell; other white space is
            // kept as a mark, decided on after folding
            if matches!(c, '\n' | '|' | '\t') {
                kept.push(CELL, span);
            } else if c.is_whitespace() {
                let mut end = span.end;
                let mut n = 1;
                while let Some(&(j, w)) = chars.peek() {
                    if !w.is_whitespace() || matches!(w, '\n' | '\t') {
                        break;
                    }
                    end = j + w.len_utf8();
                    n += 1;
                    chars.next();
                }
                kept.push(if n > 1 { CELL } else { SPACE }, Span::new(i, end));
            } else {
                kept.push(c, span);
            }
        }
        let kept = kept.build();
        let folded = fold(kept.text());
        let mut b = MappedTextBuilder::with_capacity(folded.text().len());
        for (i, c) in folded.text().chars().enumerate() {
            let p = folded.parent_of_char(i);
            let c = match c {
                CELL => '\n',
                // one space ends a cell after a body's name (`区发改局 区财政局`),
                // not inside one (`市 财政局`)
                SPACE => {
                    let line = b.text().rsplit('\n').next().unwrap_or("");
                    if kind_by_suffix(line).is_some() {
                        '\n'
                    } else {
                        continue;
                    }
                }
                c => c,
            };
            b.push(c, p);
        }
        let mut mapped = b.build();
        if lines {
            mapped = join_bracket_lines(&mapped);
        }
        let mapped = mapped.compose(&kept);
        Cleaned {
            mapped,
            raw: raw.to_string(),
            dropped,
        }
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

    /// The words of `span` (of the cleaned text) as written in the original:
    /// characters unfolded (`區發改委`), white space, `*` and pinyin
    /// annotations left out.
    pub fn shown(&self, span: Span) -> String {
        let src = self.source(span);
        self.raw[src.start..src.end]
            .char_indices()
            .filter(|&(i, c)| {
                let at = src.start + i;
                c != '*'
                    && !c.is_whitespace()
                    && !self.dropped.iter().any(|d| d.start <= at && at < d.end)
            })
            .map(|(_, c)| c)
            .collect()
    }
}

/// Drops the line ends before a line that is only a bracketed name
/// (`高新园\n(新桥镇)`: a cell's name cut before its bracket).
fn join_bracket_lines(m: &MappedText) -> MappedText {
    let text = m.text();
    let mut drop = vec![false; m.char_len()];
    let mut line_start = 0;
    let mut char_at = 0;
    for line in text.split('\n') {
        let n = line.chars().count();
        let inner = line
            .strip_prefix(['(', '（'])
            .and_then(|l| l.strip_suffix([')', '）']));
        let named = inner.is_some_and(|i| {
            i.chars().count() >= 2
                && !i.contains(['(', ')', '（', '）'])
                && i.chars()
                    .any(|c| is_han(c) && !"一二三四五六七八九十".contains(c))
        });
        if named && line_start > 0 {
            // the line ends (and blank lines) before this line
            let mut k = char_at;
            while k > 0 && text[..m.byte_of_char(k)].ends_with('\n') {
                drop[k - 1] = true;
                k -= 1;
            }
        }
        line_start += line.len() + 1;
        char_at += n + 1;
    }
    let mut b = MappedTextBuilder::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        if !drop[i] {
            b.push(c, m.parent_of_char(i));
        }
    }
    b.build()
}

/// True for the letters of a pinyin syllable (tone marks included).
fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ".contains(c)
}

/// Byte ranges of the pinyin annotations of `raw`: a bracketed syllable
/// right after a Han character (`發(fā)`, `牽（qiān）`). A syllable without a
/// tone mark needs two letters or more.
pub fn pinyin_annotations(raw: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut prev_han = false;
    let mut it = raw.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if prev_han && (c == '(' || c == '（') {
            let rest = &raw[i + c.len_utf8()..];
            let letters: String = rest.chars().take_while(|&l| is_pinyin_letter(l)).collect();
            let n = letters.chars().count();
            let toned = !letters.is_ascii();
            let close = rest[letters.len()..].chars().next();
            if (1..=6).contains(&n) && (toned || n >= 2) && matches!(close, Some(')') | Some('）'))
            {
                let end = i + c.len_utf8() + letters.len() + close.map_or(0, char::len_utf8);
                out.push(Span::new(i, end));
                while it.peek().is_some_and(|&(j, _)| j < end) {
                    it.next();
                }
                // the next annotation follows the next Han character
                prev_han = false;
                continue;
            }
        }
        prev_han = is_han(c);
    }
    out
}

/// True for CJK unified ideographs.
pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
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
        assert_eq!(c.text(), "(商务粮食局牵头,发改局等负责)");
        let at = c.text().find("牵头").unwrap();
        let span = c.source(Span::new(at, at + "牵头".len()));
        assert_eq!(span.slice(raw), "牵**\n\n头");
    }

    #[test]
    fn folds_traditional_and_drops_pinyin_keeping_names_as_written() {
        let raw = "（牽(qiān)頭(tóu)單位：區(qū)發(fā)改委）";
        let c = Cleaned::new(raw);
        assert_eq!(c.text(), "(牵头单位:区发改委)");
        let at = c.text().find("区发改委").unwrap();
        let span = Span::new(at, at + "区发改委".len());
        assert_eq!(c.shown(span), "區發改委");
        assert_eq!(c.source(span).slice(raw), "區(qū)發(fā)改委");
        // brackets that are not pinyin stay
        let c = Cleaned::new("县发改局(牵头)、高新园(新桥镇)、附件(a)");
        assert_eq!(c.text(), "县发改局(牵头)、高新园(新桥镇)、附件(a)");
        assert_eq!(pinyin_annotations("孫(sūn) 明 發（fā）").len(), 2);
    }

    #[test]
    fn keeps_lines_on_request() {
        let raw = "牽頭單位：縣財政局\n\n責任單位：縣稅務局";
        let c = Cleaned::with_lines(raw);
        assert_eq!(c.text(), "牵头单位:县财政局\n\n责任单位:县税务局");
        let at = c.text().find("县税务局").unwrap();
        assert_eq!(c.shown(Span::new(at, at + "县税务局".len())), "縣稅務局");
        let c = Cleaned::with_lines("市 财政局 | 区发改局 区税务局  县商务局");
        assert_eq!(c.text(), "市财政局\n\n区发改局\n区税务局\n县商务局");
        let c = Cleaned::with_lines("高新园\n\n(新桥镇)\n各街道\n(一)");
        assert_eq!(c.text(), "高新园(新桥镇)\n各街道\n(一)");
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
