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
    let mut b = MappedTextBuilder::new();
    let mut buf = [0u8; 4];
    for (i, c) in text.char_indices() {
        let span = Span::new(i, i + c.len_utf8());
        for f in fold_char(c, &mut buf) {
            if !f.is_whitespace() {
                b.push(f, span);
            }
        }
    }
    b.build()
}

/// Folds `text` to a plain string (for queries and keys).
pub fn fold_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut buf = [0u8; 4];
    for c in text.chars() {
        out.extend(fold_char(c, &mut buf).filter(|f| !f.is_whitespace()));
    }
    out
}

/// The folded form of one character (usually one character, sometimes
/// several: `⑴` → `(1)`).
fn fold_char(c: char, buf: &mut [u8; 4]) -> impl Iterator<Item = char> + '_ {
    let simple = if c.len_utf8() == 3 {
        let s = fast2s::convert(c.encode_utf8(buf));
        s.chars().next().unwrap_or(c)
    } else {
        c
    };
    std::iter::once(simple).nfkc()
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
    fn map_points_at_original_bytes() {
        let src = "增长 ８％以上";
        let f = fold(src);
        assert_eq!(f.text(), "增长8%以上");
        let at = f.text().find("8%").unwrap();
        let span = f.source_span(Span::new(at, at + 2));
        assert_eq!(span.slice(src), "８％");
    }
}
