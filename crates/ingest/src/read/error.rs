//! Why a file is refused: [`ReadError`] and the typed reasons inside it.
//!
//! Every message is one line that starts with the file's path, so a batch
//! can print it as is: `seeds/x.txt: empty file (0 bytes)`. The reasons are
//! small enums (not strings) so callers and tests can match on them; their
//! `Display` texts are part of the documented output and are kept stable.

use std::fmt;
use std::path::PathBuf;

/// Why a file was refused. Each variant names the file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        #[source]
        source: std::io::Error,
    },
    /// The file holds no text: 0 bytes, only a byte-order mark, only white
    /// space, or an HTML/docx container with nothing in it.
    #[error("{path}: empty file ({reason})")]
    Empty {
        /// The file.
        path: PathBuf,
        /// What kind of empty.
        reason: EmptyReason,
    },
    /// The file is not text at all (NUL bytes, control characters, a known
    /// binary signature).
    #[error("{path}: binary file ({reason}), not a plan")]
    Binary {
        /// The file.
        path: PathBuf,
        /// The evidence.
        reason: BinaryReason,
    },
    /// The bytes are neither UTF-8, UTF-16 nor a Chinese legacy encoding.
    #[error(
        "{path}: undecodable text (not UTF-8, UTF-16, GB18030 or Big5; \
         invalid byte 0x{byte:02X} at offset {offset})"
    )]
    Undecodable {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first byte that is not valid UTF-8.
        offset: usize,
        /// That byte.
        byte: u8,
    },
    /// A `.docx` (or a zip file given as a plan) whose text cannot be read.
    #[error("{path}: broken docx ({problem})")]
    Docx {
        /// The file.
        path: PathBuf,
        /// What is broken.
        problem: DocxProblem,
    },
    /// A program or data file the format needs is not installed.
    #[error("{path}: cannot read: {needed} is missing (install the Debian package {package})")]
    Missing {
        /// The file.
        path: PathBuf,
        /// What is missing (`pdftotext`, `the CJK CMap GBK-EUC-H`, …).
        needed: String,
        /// The Debian package that provides it.
        package: &'static str,
    },
    /// An external program ran longer than the limit and was stopped.
    #[error("{path}: gave up after {seconds} s ({tool} did not finish)")]
    TimedOut {
        /// The file.
        path: PathBuf,
        /// The program.
        tool: &'static str,
        /// The limit in seconds.
        seconds: u64,
    },
    /// The file is larger than the limit.
    #[error("{path}: file too large ({size} bytes, the limit is {limit})")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// A PDF whose pages draw no text (a scan), read without OCR.
    #[error("{path}: scanned PDF: no text layer (read it with OCR: --ocr)")]
    Scanned {
        /// The file.
        path: PathBuf,
        /// Its number of pages.
        pages: usize,
    },
    /// A PDF that cannot be read.
    #[error("{path}: broken PDF ({problem})")]
    Pdf {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        problem: super::pdf::PdfProblem,
    },
    /// A Word 97 `.doc` or WPS `.wps` that cannot be read.
    #[error("{path}: broken Word 97 document ({problem})")]
    Word97 {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        problem: super::word97::Word97Problem,
    },
    /// An OFD that cannot be read.
    #[error("{path}: broken OFD ({problem})")]
    Ofd {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        problem: super::ofd::OfdProblem,
    },
    /// A document of a kind that is not read (a Works `.wps`, an old Word
    /// 6 file, an encrypted document).
    #[error("{path}: not read ({reason})")]
    Unsupported {
        /// The file.
        path: PathBuf,
        /// What it is and why it is not read.
        reason: String,
    },
}

impl ReadError {
    /// The file the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            ReadError::Io { path, .. }
            | ReadError::Empty { path, .. }
            | ReadError::Binary { path, .. }
            | ReadError::Undecodable { path, .. }
            | ReadError::Docx { path, .. }
            | ReadError::Missing { path, .. }
            | ReadError::TimedOut { path, .. }
            | ReadError::TooLarge { path, .. }
            | ReadError::Scanned { path, .. }
            | ReadError::Pdf { path, .. }
            | ReadError::Word97 { path, .. }
            | ReadError::Ofd { path, .. }
            | ReadError::Unsupported { path, .. } => path,
        }
    }
}

/// What kind of empty a refused file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum EmptyReason {
    /// The file has no bytes.
    ZeroBytes,
    /// The file is a byte-order mark and nothing else.
    OnlyBom,
    /// The decoded text is only white space (including `U+3000`).
    OnlyWhitespace,
    /// An HTML page whose body has no visible text.
    NoHtmlText,
    /// A docx whose document has no text.
    NoDocxText,
    /// A document (PDF, Word 97, RTF, OFD) whose text is only white space.
    NoText,
}

impl fmt::Display for EmptyReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EmptyReason::ZeroBytes => "0 bytes",
            EmptyReason::OnlyBom => "only a byte-order mark",
            EmptyReason::OnlyWhitespace => "only white space",
            EmptyReason::NoHtmlText => "no text in the HTML body",
            EmptyReason::NoDocxText | EmptyReason::NoText => "no text in the document",
        })
    }
}

/// The evidence that a file is binary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BinaryReason {
    /// A NUL byte, which no text encoding we accept produces (UTF-16 is
    /// recognised before this check).
    NulByte {
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// Too many control characters for text.
    ControlChars {
        /// How many control characters the decoded text has.
        count: usize,
        /// Byte offset (in the decoded text) of the first one.
        offset: usize,
    },
    /// A known binary signature at the start of the file.
    Signature(&'static str),
}

impl fmt::Display for BinaryReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BinaryReason::NulByte { offset } => write!(f, "NUL byte at offset {offset}"),
            BinaryReason::ControlChars { count, offset } => {
                write!(
                    f,
                    "{count} control characters, the first at offset {offset}"
                )
            }
            BinaryReason::Signature(kind) => f.write_str(kind),
        }
    }
}

/// What is wrong with a docx.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DocxProblem {
    /// The bytes are not a zip archive.
    NotZip,
    /// The archive has no `word/document.xml`.
    NoDocument,
    /// `word/document.xml` could not be decompressed.
    Unreadable,
    /// `word/document.xml` is larger than the limit when decompressed.
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// `word/document.xml` is not UTF-8 (or UTF-16 with a BOM).
    NotUtf8,
    /// `word/document.xml` is not well-formed XML.
    Xml {
        /// Byte offset in `word/document.xml` where parsing failed.
        offset: u64,
    },
}

impl fmt::Display for DocxProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxProblem::NotZip => f.write_str("not a zip archive"),
            DocxProblem::NoDocument => f.write_str("no word/document.xml in the archive"),
            DocxProblem::Unreadable => f.write_str("word/document.xml cannot be decompressed"),
            DocxProblem::TooLarge { limit } => {
                write!(f, "word/document.xml is larger than {limit} bytes")
            }
            DocxProblem::NotUtf8 => f.write_str("word/document.xml is not UTF-8"),
            DocxProblem::Xml { offset } => {
                write!(
                    f,
                    "word/document.xml is not well-formed XML at byte {offset}"
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_one_line_and_name_the_file() {
        let errors = [
            ReadError::Empty {
                path: "seeds/x.txt".into(),
                reason: EmptyReason::ZeroBytes,
            },
            ReadError::Binary {
                path: "a.bin".into(),
                reason: BinaryReason::NulByte { offset: 12 },
            },
            ReadError::Undecodable {
                path: "u.txt".into(),
                offset: 3,
                byte: 0xFF,
            },
            ReadError::Docx {
                path: "d.docx".into(),
                problem: DocxProblem::NotZip,
            },
            ReadError::Missing {
                path: "p.pdf".into(),
                needed: "pdftotext".into(),
                package: "poppler-utils",
            },
            ReadError::Scanned {
                path: "s.pdf".into(),
                pages: 3,
            },
        ];
        let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(shown[0], "seeds/x.txt: empty file (0 bytes)");
        assert_eq!(
            shown[1],
            "a.bin: binary file (NUL byte at offset 12), not a plan"
        );
        assert_eq!(
            shown[2],
            "u.txt: undecodable text (not UTF-8, UTF-16, GB18030 or Big5; \
             invalid byte 0xFF at offset 3)"
        );
        assert_eq!(shown[3], "d.docx: broken docx (not a zip archive)");
        assert_eq!(
            shown[4],
            "p.pdf: cannot read: pdftotext is missing (install the Debian package poppler-utils)"
        );
        assert_eq!(
            shown[5],
            "s.pdf: scanned PDF: no text layer (read it with OCR: --ocr)"
        );
        for (s, e) in shown.iter().zip(&errors) {
            assert!(!s.contains('\n'));
            assert!(s.starts_with(&e.path().display().to_string()));
        }
    }
}
