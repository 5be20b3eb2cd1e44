//! Word's special characters in the document text → plain lines.
//!
//! Paragraph marks (`\r`), line breaks (0x0B) and page or section breaks
//! (0x0C) end a line; a cell mark (0x07) separates cells with a tab, and
//! the second of two in a row (the row's end) ends the line. Fields are
//! 0x13 code 0x14 result 0x15: the code (`PAGE`, `HYPERLINK "…"`) is
//! dropped and the result kept, nested fields included. Anchors of
//! pictures, drawings, footnotes and comments (0x01, 0x08, 0x02, 0x05,
//! …) and optional hyphens (0x1F) are dropped; a non-breaking hyphen
//! (0x1E) is a hyphen.

/// The text with Word's marks resolved, lines ending in `\n`.
pub fn resolve(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    // One entry per open field: true while in its code part.
    let mut fields: Vec<bool> = Vec::new();
    let mut prev = '\0';
    for c in raw.chars() {
        match c {
            '\x13' => fields.push(true),
            '\x14' => {
                if let Some(code) = fields.last_mut() {
                    *code = false;
                }
            }
            '\x15' => {
                fields.pop();
            }
            _ if fields.iter().any(|&code| code) => {}
            '\r' | '\x0b' | '\x0c' => out.push('\n'),
            '\x07' => {
                if prev == '\x07' {
                    while out.ends_with('\t') {
                        out.pop();
                    }
                    out.push('\n');
                } else {
                    out.push('\t');
                }
            }
            '\x1e' => out.push('-'),
            '\t' => out.push('\t'),
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
        prev = c;
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_fields_and_cells() {
        assert_eq!(
            resolve("一、目标\r见\x13 HYPERLINK \"http://x\" \x14附件\x15。\x0b第二行\x0c"),
            "一、目标\n见附件。\n第二行\n"
        );
        assert_eq!(
            resolve("页\x13 PAGE \x13 NESTED \x14x\x15\x14 3 \x15码\r"),
            "页 3 码\n"
        );
        assert_eq!(
            resolve("指标\x07目标\x07\x07GDP\x075%\x07\x07"),
            "指标\t目标\nGDP\t5%\n"
        );
        assert_eq!(resolve("图\x01\x08注\x02\x1e\x1f完"), "图注-完\n");
        assert_eq!(resolve("\x13 open field never closed"), "");
    }
}
