//! Terminal columns of Chinese text: CJK characters (and, in a Chinese
//! context, ambiguous ones such as curly quotes) take two columns.

use unicode_width::UnicodeWidthStr;

/// Terminal columns of `s`.
pub fn width(s: &str) -> usize {
    s.width_cjk()
}

/// `s` padded with spaces to `w` terminal columns.
pub fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_and_quotes_take_two_columns() {
        assert_eq!(width("GDP增速"), 7);
        assert_eq!(width("“五好”"), 8);
        assert_eq!(pad("发改局", 8), "发改局  ");
        assert_eq!(pad("ab", 3), "ab ");
    }
}
