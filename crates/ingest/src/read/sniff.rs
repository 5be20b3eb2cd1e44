//! Telling what a file is before and after decoding: its [`Format`], known
//! binary signatures, NUL bytes, and text that is mostly control characters.
//!
//! The content decides, the extension only breaks ties ([`Format::detect`]):
//! a PDF, a compound file (Word 97 / WPS), RTF, or a zip holding
//! `OFD.xml` or `word/document.xml` is read as what it is whatever its
//! name (a `.doc` that is really RTF, HTML or docx is common on government
//! sites), and a text file that starts with an HTML document type or
//! `<html>` tag is read as HTML (pages saved under the wrong name).

use std::path::Path;

use super::error::BinaryReason;
use super::scan;

/// How a file's bytes are turned into text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text or markdown, decoded as is.
    Text,
    /// An HTML page: the visible text of its body.
    Html,
    /// A Word `.docx`: the paragraphs of `word/document.xml`.
    Docx,
    /// A PDF: the text `pdftotext` extracts, repaired.
    Pdf,
    /// A Word 97–2003 `.doc` or Kingsoft `.wps` compound file.
    Word97,
    /// Rich Text Format.
    Rtf,
    /// An OFD (GB/T 33190) package.
    Ofd,
}

impl Format {
    /// The name stored in [`super::SourceText::format`]: `text`, `html`,
    /// `docx`, `pdf`, `doc`, `rtf`, `ofd` (a Word 97 file named `.wps` is
    /// stored as `wps`).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Word97 => "doc",
            Format::Rtf => "rtf",
            Format::Ofd => "ofd",
        }
    }

    /// The format of `bytes`, by content first (see the module doc), then
    /// by `name`'s extension.
    pub fn detect(bytes: &[u8], name: &Path) -> Format {
        let by_name = Format::from_path(name);
        if is_pdf(bytes) || (by_name == Format::Pdf && find(head(bytes), b"%PDF-").is_some()) {
            return Format::Pdf;
        }
        if bytes.starts_with(CFB_MAGIC) {
            return Format::Word97;
        }
        if bytes.starts_with(b"{\\rtf") {
            return Format::Rtf;
        }
        if is_zip(bytes) {
            return zip_format(bytes).unwrap_or(match by_name {
                Format::Ofd => Format::Ofd,
                _ => Format::Docx,
            });
        }
        match by_name {
            Format::Html => Format::Html,
            _ if looks_like_html(bytes) => Format::Html,
            // A `.docx` that is not a zip is a broken docx, not a text.
            Format::Docx => Format::Docx,
            _ => Format::Text,
        }
    }

    /// The format the file's extension names (case-insensitive); anything
    /// unknown is read as text.
    pub fn from_path(path: &Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" | "xhtml" | "shtml" => Format::Html,
            "docx" => Format::Docx,
            "pdf" => Format::Pdf,
            "doc" | "wps" | "dot" | "wpt" => Format::Word97,
            "rtf" => Format::Rtf,
            "ofd" => Format::Ofd,
            _ => Format::Text,
        }
    }
}

/// The zip local-file-header signature (a docx is a zip archive).
pub const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// The compound file signature (Word 97 `.doc`, WPS `.wps`, `.xls`, …).
pub const CFB_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// How far into a file a PDF header may start (the PDF specification lets
/// junk precede it).
const PDF_HEADER_WINDOW: usize = 1024;

fn head(bytes: &[u8]) -> &[u8] {
    &bytes[..bytes.len().min(PDF_HEADER_WINDOW)]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// True for bytes that start with the PDF header.
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// The format a zip archive holds, judged by its entry names: `OFD.xml` at
/// the root is an OFD, `word/document.xml` (or a `word/` folder) a docx.
fn zip_format(bytes: &[u8]) -> Option<Format> {
    let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut word = false;
    for name in archive.file_names().filter_map(Result::ok) {
        if name.eq_ignore_ascii_case("OFD.xml") {
            return Some(Format::Ofd);
        }
        word |= name.starts_with("word/");
    }
    word.then_some(Format::Docx)
}

/// Signatures of binary formats that are not plans, with the name shown
/// in the refusal (PDF, compound files and RTF are read, see
/// [`Format::detect`]).
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1A\n", "PNG image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1F\x8B", "gzip archive"),
    (b"7z\xBC\xAF\x27\x1C", "7z archive"),
    (b"Rar!\x1A\x07", "RAR archive"),
    (b"\x7FELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (ZIP_MAGIC, "zip archive"),
];

/// The binary signature `bytes` start with, if any. `MZ` is only trusted
/// when a NUL byte follows soon, since a text file may start with "MZ".
pub fn signature(bytes: &[u8]) -> Option<&'static str> {
    SIGNATURES
        .iter()
        .find(|(magic, name)| {
            bytes.starts_with(magic)
                && (*name != "Windows executable" || bytes.iter().take(64).any(|&b| b == 0))
        })
        .map(|(_, name)| *name)
}

/// True for a zip archive (and so possibly a docx).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(ZIP_MAGIC)
}

/// True when text (decoded, or ASCII-compatible bytes) starts, after white
/// space and a UTF-8 BOM, with an HTML document type or an `<html` tag.
pub fn looks_like_html(text: &[u8]) -> bool {
    let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
    let start = text
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(text.len());
    let head = &text[start..];
    let starts = |p: &[u8]| head.len() >= p.len() && head[..p.len()].eq_ignore_ascii_case(p);
    starts(b"<!doctype html") || starts(b"<html")
}

/// Offset of the first NUL byte.
pub fn first_nul(bytes: &[u8]) -> Option<usize> {
    scan::find_byte(bytes, 0, |b| b == 0)
}

/// Share of control characters above which decoded text is called binary,
/// as "one in this many characters".
const CONTROL_ONE_IN: usize = 100;

/// Refuses decoded text in which control characters (other than tab, line
/// feed, carriage return and form feed) are more than one character in a
/// hundred: what a binary file decoded by a single-byte guess looks like. A
/// stray `\x1a` or `\x0b` in a long plan is tolerated.
pub fn check_controls(text: &str) -> Result<(), BinaryReason> {
    // C0 controls and DEL are single ASCII bytes: a byte scan finds them
    // without decoding characters. (C1 controls only come from UTF-8 that
    // spells them out; none of the accepted legacy encodings produces them.)
    let bytes = text.as_bytes();
    let control = |b: u8| (b < 0x20 && !is_line_space(b)) | (b == 0x7F);
    let mut count = 0;
    let mut first = None;
    let mut at = 0;
    while let Some(i) = scan::find_byte(bytes, at, control) {
        count += 1;
        first.get_or_insert(i);
        at = i + 1;
    }
    match first {
        Some(offset) if count * CONTROL_ONE_IN > text.chars().count() => {
            Err(BinaryReason::ControlChars { count, offset })
        }
        _ => Ok(()),
    }
}

/// Tab, line feed, form feed, carriage return: controls that text has.
fn is_line_space(b: u8) -> bool {
    (b == b'\t') | (b == b'\n') | (b == b'\x0c') | (b == b'\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_follows_the_extension() {
        assert_eq!(Format::from_path(Path::new("a/b.TXT")), Format::Text);
        assert_eq!(Format::from_path(Path::new("b.md")), Format::Text);
        assert_eq!(Format::from_path(Path::new("b.Htm")), Format::Html);
        assert_eq!(Format::from_path(Path::new("b.html")), Format::Html);
        assert_eq!(Format::from_path(Path::new("方案.docx")), Format::Docx);
        assert_eq!(Format::from_path(Path::new("noext")), Format::Text);
        assert_eq!(Format::Docx.as_str(), "docx");
        assert_eq!(Format::from_path(Path::new("a.WPS")), Format::Word97);
        assert_eq!(Format::from_path(Path::new("a.ofd")), Format::Ofd);
    }

    #[test]
    fn content_decides_over_the_extension() {
        let name = Path::new("plan.doc");
        assert_eq!(Format::detect(b"%PDF-1.4\n", name), Format::Pdf);
        assert_eq!(Format::detect(b"{\\rtf1\\ansi x}", name), Format::Rtf);
        assert_eq!(
            Format::detect(CFB_MAGIC, Path::new("a.txt")),
            Format::Word97
        );
        assert_eq!(
            Format::detect(b"<html><body>x</body></html>", name),
            Format::Html
        );
        assert_eq!(
            Format::detect("一、总体要求".as_bytes(), name),
            Format::Text
        );
        assert_eq!(
            Format::detect(b"junk\n%PDF-1.4", Path::new("a.pdf")),
            Format::Pdf
        );
        assert_eq!(
            Format::detect(b"junk\n%PDF-1.4", Path::new("a.txt")),
            Format::Text
        );
    }

    #[test]
    fn signatures_are_recognised() {
        assert_eq!(signature(b"%PDF-1.7\n%\xE2\xE3"), None);
        assert_eq!(signature(b"\xFF\xD8\xFF\xE0"), Some("JPEG image"));
        assert_eq!(signature(b"PK\x03\x04rest"), Some("zip archive"));
        assert_eq!(signature(b"MZ\x90\x00\x03\x00"), Some("Windows executable"));
        assert_eq!(signature("MZ是一个缩写".as_bytes()), None);
        assert_eq!(signature("一、总体要求".as_bytes()), None);
        assert!(is_zip(b"PK\x03\x04"));
        assert!(!is_zip(b"PK"));
    }

    #[test]
    fn html_is_sniffed_from_its_start_only() {
        assert!(looks_like_html(
            "\u{feff}  <!DOCTYPE html>\n<html>".as_bytes()
        ));
        assert!(looks_like_html(b"\r\n<HTML lang=zh>"));
        assert!(!looks_like_html("一、总体要求 <html>".as_bytes()));
        assert!(!looks_like_html(b"<p>fragment</p>"));
        assert!(!looks_like_html(b"<htm"));
        assert!(!looks_like_html(b""));
    }

    #[test]
    fn control_characters_in_bulk_are_binary() {
        assert_eq!(check_controls("一、总体要求\n\t（一）\x0c目标\r\n"), Ok(()));
        let mut long = "经济总量保持全省前十。".repeat(20);
        long.push('\x1a');
        assert_eq!(check_controls(&long), Ok(()));
        let junk = "ab\x01\x02cd\x7f";
        assert_eq!(
            check_controls(junk),
            Err(BinaryReason::ControlChars {
                count: 3,
                offset: 2
            })
        );
        assert_eq!(first_nul(b"abc\0d"), Some(3));
        assert_eq!(first_nul("无".as_bytes()), None);
    }
}
