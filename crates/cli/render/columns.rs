//! Terminal columns of Chinese text: CJK and full-width characters take two
//! columns; characters of ambiguous width (`·`, `“`) one, as most terminals
//! show them.

use unicode_width::UnicodeWidthStr;

/// Terminal columns of `s`.
pub fn width(s: &str) -> usize {
    s.width()
}

/// `s` padded with spaces to `w` terminal columns.
pub fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_takes_two_columns() {
        assert_eq!(width("GDP增速"), 7);
        assert_eq!(width("“五好”·"), 7);
        assert_eq!(pad("发改局", 8), "发改局  ");
        assert_eq!(pad("ab", 3), "ab ");
    }
}
