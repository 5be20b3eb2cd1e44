//! Line-ending normalization of decoded text.
//!
//! Owns the one rule every reader applies last: `\r\n` and a lone `\r`
//! become `\n`. A form feed (`\x0c`, the page break `pdftotext` writes)
//! also becomes `\n`, so a page break shows up as the blank line the parser
//! knows how to repair. The Unicode separators (`U+2028`, `U+2029`, NEL)
//! are left alone, as `str::lines` does: the scan stays a fast search for
//! two ASCII bytes.
//!
//! All offsets downstream (spans, lines) are into this decoded,
//! LF-normalized text, not into the file's raw bytes.

/// Normalizes line endings to `\n`. Returns the input unchanged (no
/// allocation) when it has nothing to normalize.
pub fn normalize_newlines(text: String) -> String {
    let Some(first) = first_special(text.as_bytes(), 0) else {
        return text;
    };
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut at = first;
    loop {
        out.push_str(&text[copied..at]);
        out.push('\n');
        let width = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
            2
        } else {
            1
        };
        copied = at + width;
        match first_special(bytes, copied) {
            Some(next) => at = next,
            None => break,
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// Byte offset of the next `\r` or form feed at or after `from`.
fn first_special(bytes: &[u8], from: usize) -> Option<usize> {
    super::scan::find_byte(bytes, from, |b| (b == b'\r') | (b == b'\x0c'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        normalize_newlines(s.to_string())
    }

    #[test]
    fn crlf_and_cr_become_lf() {
        assert_eq!(
            norm("一、总体要求\r\n（一）目标\r\n"),
            "一、总体要求\n（一）目标\n"
        );
        assert_eq!(norm("a\rb\r\rc"), "a\nb\n\nc");
        assert_eq!(norm("a\r\n\r\nb"), "a\n\nb");
        assert_eq!(norm("end\r"), "end\n");
    }

    #[test]
    fn form_feed_becomes_lf_and_unicode_separators_stay() {
        assert_eq!(norm("其他部门要密\n\x0c切配合"), "其他部门要密\n\n切配合");
        assert_eq!(norm("甲\u{2028}乙\u{85}丁"), "甲\u{2028}乙\u{85}丁");
    }

    #[test]
    fn text_without_line_endings_to_fix_is_returned_as_is() {
        let s = "——地区生产总值增长 5%左右。\n（县发改局牵头负责）\n".to_string();
        let ptr = s.as_ptr();
        let out = normalize_newlines(s);
        assert_eq!(out.as_ptr(), ptr, "no copy expected");
        assert!(out.starts_with("——"));
    }

    #[test]
    fn multibyte_text_around_endings_survives() {
        let s = "担当好稳增长挑大梁\r\n责任\r实施方案";
        let out = norm(s);
        assert_eq!(out, "担当好稳增长挑大梁\n责任\n实施方案");
        assert_eq!(out.lines().nth(1), Some("责任"));
    }
}
