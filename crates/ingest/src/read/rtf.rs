//! RTF → plain text: the body's characters, one paragraph per line.
//!
//! A small reader of the RTF syntax (groups, control words, control
//! symbols), enough for the text of a document:
//! - `\par`, `\line`, `\page`, `\sect`, `\row` end a line, `\tab` and
//!   `\cell` are tabs; `\emdash`, `\ldblquote`, … are their characters;
//! - `\uN` is a Unicode character (negative N counts from 65536) and the
//!   `\ucN` fallback characters after it are skipped;
//! - `\'hh` bytes are decoded in the code page of the current font
//!   (`\fcharset134` GB2312, `136` Big5) or of the document (`\ansicpg936`
//!   → GBK), consecutive bytes together (GBK characters are two bytes);
//! - destinations that are not text are skipped: `\fonttbl` (read only
//!   for the fonts' character sets), `\colortbl`, `\stylesheet`, `\info`,
//!   pictures, objects, headers and footers, footnotes, list tables,
//!   automatic list numbers, field instructions (the field result is
//!   kept), and every `{\* …}` group.

use encoding_rs::Encoding;

/// Destinations whose text is not the document's.
const SKIPPED: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "footnote",
    "listtable",
    "listoverridetable",
    "revtbl",
    "rsidtbl",
    "generator",
    "xmlnstbl",
    "themedata",
    "colorschememapping",
    "latentstyles",
    "datastore",
    "fldinst",
    "pntext",
    "listtext",
    "pntxta",
    "pntxtb",
    "shppict",
    "nonshppict",
    "bkmkstart",
    "bkmkend",
    "annotation",
    "atnid",
    "atnauthor",
    "filetbl",
    "mmathPr",
    "userprops",
    "docvar",
    "fchars",
    "lchars",
    "template",
    "pgdsctbl",
    "title",
    "author",
    "operator",
];

/// The state a group inherits and restores.
#[derive(Clone, Copy)]
struct Group {
    skip: bool,
    uc: usize,
    font_encoding: Option<&'static Encoding>,
    in_fonttbl: bool,
}

/// The text of an RTF document.
pub fn text(bytes: &[u8]) -> String {
    Reader::new(bytes).run()
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    out: String,
    pending: Vec<u8>,
    stack: Vec<Group>,
    group: Group,
    document_encoding: &'static Encoding,
    /// Font number → character set encoding, from `\fonttbl`.
    fonts: Vec<(i32, &'static Encoding)>,
    /// The font being defined inside `\fonttbl`.
    defining_font: Option<i32>,
    /// Fallback characters still to skip after `\uN`.
    skip_fallback: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader {
            bytes,
            at: 0,
            out: String::with_capacity(bytes.len() / 4),
            pending: Vec::new(),
            stack: Vec::new(),
            group: Group {
                skip: false,
                uc: 1,
                font_encoding: None,
                in_fonttbl: false,
            },
            document_encoding: encoding_rs::WINDOWS_1252,
            fonts: Vec::new(),
            defining_font: None,
            skip_fallback: 0,
        }
    }

    fn run(mut self) -> String {
        while self.at < self.bytes.len() {
            let b = self.bytes[self.at];
            match b {
                b'{' => {
                    self.flush();
                    self.at += 1;
                    // Groups nest at most this deep; deeper ones are text.
                    if self.stack.len() < 10_000 {
                        self.stack.push(self.group);
                    }
                    if self.bytes.get(self.at..self.at + 2) == Some(b"\\*") {
                        self.group.skip = true;
                    }
                }
                b'}' => {
                    self.flush();
                    self.at += 1;
                    if let Some(g) = self.stack.pop() {
                        if self.group.in_fonttbl && !g.in_fonttbl {
                            self.defining_font = None;
                        }
                        self.group = g;
                    }
                }
                b'\\' => self.control(),
                b'\r' | b'\n' => self.at += 1,
                _ => {
                    self.at += 1;
                    if self.skip_fallback > 0 {
                        self.skip_fallback -= 1;
                    } else if !self.group.skip {
                        self.pending.push(b);
                    }
                }
            }
        }
        self.flush();
        self.out
    }

    /// Decodes the pending bytes in the current code page.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let encoding = self.group.font_encoding.unwrap_or(self.document_encoding);
        let (s, _) = encoding.decode_without_bom_handling(&self.pending);
        self.out.push_str(&s);
        self.pending.clear();
    }

    fn emit(&mut self, s: &str) {
        self.flush();
        if self.skip_fallback > 0 {
            self.skip_fallback -= 1;
        } else if !self.group.skip {
            self.out.push_str(s);
        }
    }

    /// A control word or symbol at `self.at` (a backslash).
    fn control(&mut self) {
        let start = self.at + 1;
        let Some(&first) = self.bytes.get(start) else {
            self.at = start;
            return;
        };
        if !first.is_ascii_alphabetic() {
            self.at = start + 1;
            match first {
                b'\'' => {
                    let hex = self.bytes.get(start + 1..start + 3);
                    let byte = hex
                        .and_then(|h| std::str::from_utf8(h).ok())
                        .and_then(|h| u8::from_str_radix(h, 16).ok());
                    if let Some(byte) = byte {
                        self.at = start + 3;
                        if self.skip_fallback > 0 {
                            self.skip_fallback -= 1;
                        } else if !self.group.skip {
                            self.pending.push(byte);
                        }
                    }
                }
                b'\\' | b'{' | b'}' => {
                    let s = (first as char).to_string();
                    self.emit(&s);
                }
                b'~' => self.emit("\u{a0}"),
                b'_' => self.emit("-"),
                b'*' => self.group.skip = true,
                _ => {}
            }
            return;
        }
        let mut end = start;
        while self.bytes.get(end).is_some_and(u8::is_ascii_alphabetic) && end - start < 32 {
            end += 1;
        }
        let word = std::str::from_utf8(&self.bytes[start..end]).unwrap_or("");
        let num_start = end;
        if self.bytes.get(end) == Some(&b'-') {
            end += 1;
        }
        while self.bytes.get(end).is_some_and(u8::is_ascii_digit) && end - num_start < 11 {
            end += 1;
        }
        let param: Option<i32> = std::str::from_utf8(&self.bytes[num_start..end])
            .ok()
            .and_then(|n| n.parse().ok());
        if self.bytes.get(end) == Some(&b' ') {
            end += 1;
        }
        self.at = end;
        self.word(word, param);
    }

    fn word(&mut self, word: &str, param: Option<i32>) {
        if SKIPPED.contains(&word) {
            self.flush();
            self.group.skip = true;
            self.group.in_fonttbl = word == "fonttbl";
            return;
        }
        match word {
            "par" | "line" | "page" | "sect" | "row" => self.emit("\n"),
            "tab" | "cell" => self.emit("\t"),
            "emdash" => self.emit("—"),
            "endash" => self.emit("–"),
            "lquote" => self.emit("‘"),
            "rquote" => self.emit("’"),
            "ldblquote" => self.emit("“"),
            "rdblquote" => self.emit("”"),
            "bullet" => self.emit("•"),
            "emspace" | "enspace" | "qmspace" => self.emit(" "),
            "uc" => self.group.uc = param.unwrap_or(1).clamp(0, 16) as usize,
            "u" if param.is_some() => {
                let n = param.unwrap_or(0);
                let code = if n < 0 { n + 65536 } else { n } as u32;
                let c = char::from_u32(code).unwrap_or('\u{FFFD}');
                self.emit(&c.to_string());
                self.skip_fallback = self.group.uc;
            }
            "ansicpg" => {
                if let Some(e) = param.and_then(code_page) {
                    self.document_encoding = e;
                }
            }
            "f" => {
                let n = param.unwrap_or(0);
                if self.group.in_fonttbl {
                    self.defining_font = Some(n);
                } else {
                    self.flush();
                    self.group.font_encoding =
                        self.fonts.iter().find(|(f, _)| *f == n).map(|(_, e)| *e);
                }
            }
            "fcharset" => {
                if let (Some(font), Some(e)) = (self.defining_font, param.and_then(charset)) {
                    self.fonts.push((font, e));
                }
            }
            _ => {}
        }
    }
}

/// The encoding of a Windows code page number.
fn code_page(cp: i32) -> Option<&'static Encoding> {
    let label = match cp {
        936 => "gbk",
        950 => "big5",
        54936 => "gb18030",
        65001 => "utf-8",
        1252 => "windows-1252",
        n => return Encoding::for_label(format!("windows-{n}").as_bytes()),
    };
    Encoding::for_label(label.as_bytes())
}

/// The encoding of an RTF `\fcharset` (only the ones that differ from the
/// document's code page in Chinese documents).
fn charset(n: i32) -> Option<&'static Encoding> {
    match n {
        134 => Some(encoding_rs::GBK),
        136 => Some(encoding_rs::BIG5),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_and_gbk_bytes_and_skipped_destinations() {
        let rtf = br"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 \'cb\'ce\'cc\'e5;}}
{\colortbl;\red0\green0\blue0;}{\*\generator Writer}{\info{\title x}}
\pard\plain \f0 \'d2\'bb\'a1\'a2\'b9\'a4\'d7\'f7\'c4\'bf\'b1\'ea\par
\uc1\u20013?\u25991?\tab 5%\line {\field{\*\fldinst PAGE}{\fldrslt 3}}\par
{\header \'d2\'b3\'c3\'bc}\'a3\'a8\'d2\'bb\'a3\'a9\{x\}\\\par}";
        assert_eq!(text(rtf), "一、工作目标\n中文\t5%\n3\n（一）{x}\\\n");
    }

    #[test]
    fn font_charsets_decide_the_bytes_code_page() {
        let rtf = br"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}{\f1\fcharset134 SimSun;}}\f0 caf\'e9 \f1 \'d6\'d0\par}";
        assert_eq!(text(rtf), "café 中\n");
    }

    #[test]
    fn negative_unicode_and_broken_input() {
        assert_eq!(text(br"{\rtf1\u-3913?}"), "\u{F0B7}");
        assert_eq!(text(br"{\rtf1 \'zz\u"), "zz");
        let deep = "{".repeat(20_000);
        assert_eq!(text(deep.as_bytes()), "");
    }
}
