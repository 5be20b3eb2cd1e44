//! PDF → text: an extractor turns the pages into laid-out text, then
//! [`super::repair`] turns that into paragraphs.
//!
//! The extractor sits behind [`PdfExtractor`] so that an in-process crate
//! can replace poppler once it reads the same fixtures as well. Today the
//! one implementation is [`Poppler`]: `pdftotext -layout` run as a separate
//! program (GPL is fine that way; poppler is never linked), `pdfinfo` for
//! the document properties, `pdffonts` to tell a scan from text in a CJK
//! CMap that poppler cannot decode without `poppler-data`, and `pdftoppm`
//! + `tesseract` for OCR when it is asked for.
//!
//! A PDF whose pages draw no text (a scan) is refused with `scanned PDF:
//! no text layer` unless [`super::ReadOptions::ocr`] is set.

mod ocr;
mod poppler;

use std::fmt;
use std::path::Path;

use super::options::Limits;
use super::properties::Properties;

pub use poppler::Poppler;

/// The PDF as the extractor sees it: its bytes, and its path when it is a
/// file on disk (so a program can read it without a copy).
#[derive(Clone, Copy, Debug)]
pub struct PdfInput<'a> {
    /// The whole file.
    pub bytes: &'a [u8],
    /// Where it is on disk, if it is.
    pub path: Option<&'a Path>,
}

/// What an extractor gives back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PdfText {
    /// The pages' text as laid out (indentation as leading spaces), pages
    /// separated by form feeds (`\x0c`).
    pub text: String,
    /// Number of pages.
    pub pages: usize,
    /// Title, creation date and author from the document information.
    pub properties: Properties,
}

/// Why an extractor gave no text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PdfError {
    /// A program or data package is not installed.
    Missing {
        /// What (`pdftotext`, `the CJK CMap GBK-EUC-H`).
        needed: String,
        /// The Debian package that provides it.
        package: &'static str,
    },
    /// A program ran longer than the limit.
    TimedOut {
        /// The program.
        tool: &'static str,
        /// The limit in seconds.
        seconds: u64,
    },
    /// The PDF cannot be read.
    Problem(PdfProblem),
}

/// What is wrong with a PDF.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PdfProblem {
    /// It needs a password to open.
    Encrypted,
    /// Its permissions forbid copying its text, and the extractor honours
    /// them.
    CopyForbidden,
    /// Its fonts draw text that has no Unicode mapping.
    NoUnicode,
    /// The extractor failed; the first line it printed.
    Failed(String),
    /// The extractor printed more text than the limit.
    TooMuchText,
}

impl fmt::Display for PdfProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfProblem::Encrypted => f.write_str("encrypted, needs a password"),
            PdfProblem::CopyForbidden => f.write_str("its permissions forbid copying text"),
            PdfProblem::NoUnicode => f.write_str("its fonts draw text without a Unicode mapping"),
            PdfProblem::Failed(line) if line.is_empty() => f.write_str("cannot be parsed"),
            PdfProblem::Failed(line) => write!(f, "cannot be parsed: {line}"),
            PdfProblem::TooMuchText => f.write_str("more text than the limit"),
        }
    }
}

/// Turns a PDF into laid-out text. Implementations must respect the limits
/// (time, output) and never panic.
pub trait PdfExtractor: Send + Sync {
    /// A short name for logs (`poppler`).
    fn name(&self) -> &'static str;

    /// The text layer of every page.
    fn extract(&self, pdf: PdfInput<'_>, limits: &Limits) -> Result<PdfText, PdfError>;

    /// The pages read by OCR (for scans). The default has none.
    fn ocr(&self, pdf: PdfInput<'_>, limits: &Limits) -> Result<PdfText, PdfError> {
        let _ = (pdf, limits);
        Err(PdfError::Missing {
            needed: format!("OCR in the {} PDF reader", self.name()),
            package: "tesseract-ocr",
        })
    }
}

/// True when an extraction has no text at all (only white space and page
/// breaks): the pages draw no text.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || c == '\x0c')
}

/// A title worth keeping: not a file name a converter left behind
/// (`p.html`, `Microsoft Word - 方案.doc`).
pub fn clean_title(title: &str) -> &str {
    let t = title.trim();
    let t = t.strip_prefix("Microsoft Word - ").unwrap_or(t);
    let lower = t.to_ascii_lowercase();
    let file_like = [
        ".htm", ".html", ".doc", ".docx", ".wps", ".pdf", ".txt", ".ofd", ".rtf",
    ]
    .iter()
    .any(|ext| lower.ends_with(ext));
    if file_like || t.starts_with("file:") || t.eq_ignore_ascii_case("untitled") {
        ""
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converter_titles_are_not_titles() {
        assert_eq!(clean_title("p.html"), "");
        assert_eq!(clean_title("Microsoft Word - 方案.doc"), "");
        assert_eq!(
            clean_title(" 担当好稳增长挑大梁的责任实施方案 "),
            "担当好稳增长挑大梁的责任实施方案"
        );
        assert!(is_blank("\x0c \n\x0c"));
        assert!(!is_blank("\x0c一"));
    }

    #[test]
    fn problems_read_as_one_line() {
        assert_eq!(
            PdfProblem::Failed("Syntax Error: bad xref".into()).to_string(),
            "cannot be parsed: Syntax Error: bad xref"
        );
        assert_eq!(
            PdfProblem::Encrypted.to_string(),
            "encrypted, needs a password"
        );
    }
}
