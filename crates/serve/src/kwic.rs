//! Keyword in context: a hit's clause text cut to the windows around its
//! highlights, each matched part marked exactly where the index says
//! (`fangan_index::highlight`: byte ranges of the text as shown).

use fangan_model::Span;

use crate::html::esc;

/// Characters of context kept on each side of a highlight.
const CONTEXT: usize = 36;
/// A text of at most this many characters is shown whole.
const WHOLE: usize = 180;

/// The HTML of `text` with `highlights` (byte ranges) marked, cut to the
/// windows around them when the text is long (`…` where text was left out).
pub fn kwic(text: &str, highlights: &[Span]) -> String {
    // character index of every byte offset that starts a character
    let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    let n = starts.len();
    let char_of = |b: usize| starts.partition_point(|&s| s < b);
    let mut marks: Vec<(usize, usize)> = highlights
        .iter()
        .filter(|s| s.start < s.end && s.end <= text.len())
        .map(|s| (char_of(s.start), char_of(s.end)))
        .collect();
    marks.sort_unstable();
    // windows of characters to show
    let mut windows: Vec<(usize, usize)> = Vec::new();
    if n <= WHOLE || marks.is_empty() {
        windows.push((0, n.min(if marks.is_empty() { WHOLE } else { n })));
    } else {
        for &(s, e) in &marks {
            let (ws, we) = (s.saturating_sub(CONTEXT), (e + CONTEXT).min(n));
            match windows.last_mut() {
                Some(last) if ws <= last.1 => last.1 = last.1.max(we),
                _ => windows.push((ws, we)),
            }
        }
    }
    let byte = |c: usize| if c >= n { text.len() } else { starts[c] };
    let mut out = String::new();
    for (i, &(ws, we)) in windows.iter().enumerate() {
        if i > 0 || ws > 0 {
            out.push_str("<span class=gap>…</span>");
        }
        let mut at = ws;
        for &(s, e) in &marks {
            let (s, e) = (s.max(at), e.min(we));
            if s >= e {
                continue;
            }
            out.push_str(&esc(&text[byte(at)..byte(s)]));
            out.push_str("<mark>");
            out.push_str(&esc(&text[byte(s)..byte(e)]));
            out.push_str("</mark>");
            at = e;
        }
        out.push_str(&esc(&text[byte(at)..byte(we)]));
    }
    if windows.last().is_some_and(|w| w.1 < n) {
        out.push_str("<span class=gap>…</span>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_of(text: &str, needle: &str) -> Span {
        let s = text.find(needle).unwrap();
        Span::new(s, s + needle.len())
    }

    #[test]
    fn a_short_text_is_shown_whole_with_exact_marks() {
        let text = "争取专项债券资金<b>10亿元";
        let h = kwic(text, &[span_of(text, "专项债")]);
        assert_eq!(h, "争取<mark>专项债</mark>券资金&lt;b&gt;10亿元");
    }

    #[test]
    fn a_long_text_is_cut_around_its_highlights() {
        let text = format!(
            "{}专项债{}以旧换新{}",
            "甲".repeat(100),
            "乙".repeat(200),
            "丙".repeat(100)
        );
        let h = kwic(
            &text,
            &[span_of(&text, "专项债"), span_of(&text, "以旧换新")],
        );
        assert!(h.starts_with("<span class=gap>…</span>"));
        assert!(h.ends_with("<span class=gap>…</span>"));
        assert_eq!(h.matches("<mark>").count(), 2);
        assert!(h.contains(&format!(
            "{}<mark>专项债</mark>{}",
            "甲".repeat(CONTEXT),
            "乙".repeat(CONTEXT)
        )));
        // two windows, one gap between them
        assert_eq!(h.matches("…").count(), 3);
    }

    #[test]
    fn overlapping_and_bad_spans_never_panic() {
        let text = "发展改革";
        let h = kwic(
            text,
            &[
                Span::new(0, 6),
                Span::new(3, 9),
                Span::new(1, 2),
                Span::new(9, 99),
            ],
        );
        assert!(h.contains("<mark>"));
        assert_eq!(kwic("", &[]), "");
    }
}
