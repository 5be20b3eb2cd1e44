//! The fold: one normalized form for searching and comparing text.
//!
//! Applied the same way to clause text and to queries, so a phrase matches
//! wherever the folded text contains it:
//! - width and compatibility forms folded per character (NFKC: `（` → `(`,
//!   `：` → `:`, `ＧＤＰ` → `GDP`, `①` → `1`);
//! - traditional characters folded to simplified (`發展` → `发展`, fast2s,
//!   one character for one character);
//! - white space removed (PDF extraction scatters spaces and line breaks
//!   inside words: `增长 8%` and `增长8%` are one phrase).
//!
//! Case is kept: a phrase search is as exact as grep.

use unicode_normalization::UnicodeNormalization;

use crate::{MappedText, MappedTextBuilder, Span};

/// Folds `text`; the result maps each folded character back to its bytes in
/// `text`.
pub fn fold(text: &str) -> MappedText {
    let mut b = MappedTextBuilder::with_capacity(text.len());
    for_each_folded(text, |c, span| {
        b.push(c, span);
    });
    b.build()
}

/// Folds `text` to a plain string (for queries and keys).
pub fn fold_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for_each_folded(text, |c, _| out.push(c));
    out
}

/// Calls `emit` with each folded character and the byte range of `text` it
/// comes from. Traditional → simplified runs once over the whole text
/// (fast2s maps one character to one); NFKC runs only on characters that
/// are neither ASCII nor CJK unified ideographs (which it leaves alone).
fn for_each_folded(text: &str, mut emit: impl FnMut(char, Span)) {
    let simplified = fast2s::convert(text);
    let mut simple = simplified.chars();
    for (i, c) in text.char_indices() {
        let s = simple.next().unwrap_or(c);
        let span = Span::new(i, i + c.len_utf8());
        if s.is_ascii() || ('\u{4e00}'..='\u{9fff}').contains(&s) {
            if !s.is_whitespace() {
                emit(s, span);
            }
            continue;
        }
        for f in std::iter::once(s).nfkc() {
            if !f.is_whitespace() {
                emit(f, span);
            }
        }
    }
}

/// True for characters that fold to nothing (white space).
pub fn is_dropped(c: char) -> bool {
    c.is_whitespace()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_width_punctuation_and_traditional() {
        assert_eq!(
            fold_str("（一）發展：ＧＤＰ，增长 8%"),
            "(一)发展:GDP,增长8%"
        );
        assert_eq!(fold_str("⑴①"), "(1)1");
    }

    #[test]
    fn keeps_case_and_cjk_punctuation() {
        assert_eq!(fold_str("G536、“五好”。"), "G536、“五好”。");
    }

    #[test]
    /// (Per character: combining sequences are not composed.)
    fn fast_path_agrees_with_plain_nfkc() {
        let text = "發展 ＧＤＰ\u{3000}增长８％以上，（一）①⑴ａ\u{b}㎡“五好”、G536。";
        let reference: String = text
            .chars()
            .map(|c| fast2s::convert(&c.to_string()))
            .collect::<String>()
            .nfkc()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert_eq!(fold_str(text), reference);
        assert_eq!(fold(text).text(), reference);
    }

    #[test]
    fn map_points_at_original_bytes() {
        let src = "增长 ８％以上";
        let f = fold(src);
        assert_eq!(f.text(), "增长8%以上");
        let at = f.text().find("8%").unwrap();
        let span = f.source_span(Span::new(at, at + 2));
        assert_eq!(span.slice(src), "８％");
    }
}
