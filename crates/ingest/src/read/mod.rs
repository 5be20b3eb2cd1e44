//! Reading plan files: bytes → decoded, LF-normalized text.
//!
//! One call does it all: [`read_path`] (or [`read_bytes`] for bytes already
//! in memory; [`read_path_with`] / [`read_bytes_with`] with
//! [`ReadOptions`]: OCR, limits) picks the [`Format`] by content, then by
//! extension, extracts and decodes the text, normalizes line endings and
//! refuses what is not a plan with a one-line [`ReadError`] that names the
//! file. [`classify`] tells a corpus walker, by name, what is a document.
//!
//! | format | what becomes the text |
//! |---|---|
//! | `.txt`, `.md`, other | the file, decoded: UTF-8 (BOM or not), UTF-16 (BOM, or recognisably without), GBK/GB18030 or Big5 detected ([`encoding`]) |
//! | `.html`, `.htm` | the article of a saved page, one block per line, without the site's navigation and footer ([`html`]) |
//! | `.docx` | the paragraphs of `word/document.xml`, one per line ([`docx`]) |
//! | `.pdf` | `pdftotext -layout` (poppler, a separate program), repaired into paragraphs ([`pdf`], [`repair`]); OCR on request |
//! | `.doc`, `.wps` | the piece table of a Word 97 compound file ([`word97`]) |
//! | `.rtf` | the text of the RTF body ([`rtf`]) |
//! | `.ofd` | the text objects of each page, ordered by position and repaired ([`ofd`]) |
//!
//! **Offsets.** The text is the decoded text with `\r\n`/`\r` (and form
//! feeds, see [`newline`]) turned into `\n`: every byte offset and line
//! number downstream is into this text, not into the raw file. For PDF and
//! OFD, whose text is repaired, [`SourceText::extraction`] keeps the raw
//! extraction and a map from every character of the text back to it. Only
//! the hash is of the raw bytes.
//!
//! ```
//! use std::path::Path;
//! use fangan_ingest::read::read_bytes;
//!
//! let src = read_bytes("一、总体要求\r\n（一）目标\r\n".as_bytes(), Path::new("plan.txt")).unwrap();
//! assert_eq!((src.text.as_str(), src.encoding.as_str()), ("一、总体要求\n（一）目标\n", "UTF-8"));
//!
//! let err = read_bytes(b"", Path::new("seeds/x.txt")).unwrap_err();
//! assert_eq!(err.to_string(), "seeds/x.txt: empty file (0 bytes)");
//! ```
//!
//! **Refusals** (exact messages, stable): `x.txt: empty file (0 bytes)`,
//! `… empty file (only a byte-order mark)`, `… empty file (only white
//! space)`, `a.bin: binary file (NUL byte at offset 12), not a plan`,
//! `… undecodable text (…; invalid byte 0xFF at offset 3)`,
//! `d.docx: broken docx (not a zip archive)`, `s.pdf: scanned PDF: no text
//! layer (read it with OCR: --ocr)`, `p.pdf: cannot read:
//! pdftotext is missing (install the Debian package poppler-utils)`,
//! `w.wps: not read (Microsoft Works document, not a Word file)`.
//!
//! Reading never panics and never hangs, whatever the bytes.

mod classify;
pub mod docx;
pub mod encoding;
mod error;
mod extract;
pub mod html;
pub mod newline;
pub mod ofd;
mod options;
pub mod pdf;
mod process;
mod properties;
pub mod repair;
pub mod rtf;
mod scan;
pub mod sniff;
pub mod word97;
mod zipped;

use std::path::Path;

use fangan_model::MappedText;

pub use classify::{classify, document_extensions, Kind};
pub use error::{BinaryReason, DocxProblem, EmptyReason, ReadError};
pub use options::{Limits, ReadOptions};
pub use properties::{iso_date, Properties};
pub use sniff::Format;

/// The decoded text of one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceText {
    /// Decoded text: UTF-8, BOM removed, line endings normalized to `\n`.
    /// All offsets downstream are into this text.
    pub text: String,
    /// Encoding it was decoded from (`UTF-8`, `GBK`, `Big5`, `UTF-16LE`,
    /// `UTF-16BE`, a declared HTML charset; `UTF-8` for docx and PDF). A
    /// `(lossy)` suffix (`UTF-8 (lossy)`) says a few malformed sequences
    /// were replaced by `U+FFFD`.
    pub encoding: String,
    /// Format it was read as (`text`, `html`, `docx`, `pdf`, `doc`, `wps`,
    /// `rtf`, `ofd`).
    pub format: String,
    /// blake3 hash of the raw bytes, hex.
    pub hash: String,
    /// What the file says about itself (title, date, source).
    pub properties: Properties,
    /// For repaired formats (PDF, OFD): the raw extraction and the map
    /// back to it.
    pub extraction: Option<Extraction>,
}

impl SourceText {
    /// A text read from nowhere in particular (tests, `--text` inputs):
    /// no properties, no extraction.
    pub fn plain(text: String, encoding: &str, format: &str, hash: String) -> SourceText {
        SourceText {
            text,
            encoding: encoding.to_string(),
            format: format.to_string(),
            hash,
            properties: Properties::default(),
            extraction: None,
        }
    }
}

/// The text an extractor gave (pdftotext's output, an OFD's lines) and the
/// map from [`SourceText::text`] back to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extraction {
    /// The extraction as it came, pages separated by form feeds.
    pub raw: String,
    /// Derived text = [`SourceText::text`]; parent = [`Extraction::raw`].
    pub map: MappedText,
}

/// Reads and decodes one file, with the default [`ReadOptions`].
pub fn read_path(path: &Path) -> Result<SourceText, ReadError> {
    read_path_with(path, &ReadOptions::default())
}

/// Reads and decodes one file.
pub fn read_path_with(path: &Path, options: &ReadOptions) -> Result<SourceText, ReadError> {
    let io = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    check_size(size, path, options)?;
    let bytes = std::fs::read(path).map_err(io)?;
    read(&bytes, path, Some(path), options)
}

/// Decodes the bytes of a file named `name` (the name breaks ties between
/// formats and is the one errors show; nothing is read from disk), with
/// the default [`ReadOptions`].
pub fn read_bytes(bytes: &[u8], name: &Path) -> Result<SourceText, ReadError> {
    read_bytes_with(bytes, name, &ReadOptions::default())
}

/// Decodes the bytes of a file named `name`.
pub fn read_bytes_with(
    bytes: &[u8],
    name: &Path,
    options: &ReadOptions,
) -> Result<SourceText, ReadError> {
    read(bytes, name, None, options)
}

fn check_size(size: u64, name: &Path, options: &ReadOptions) -> Result<(), ReadError> {
    let limit = options.limits.max_file_bytes;
    if size > limit {
        return Err(ReadError::TooLarge {
            path: name.to_path_buf(),
            size,
            limit,
        });
    }
    Ok(())
}

fn read(
    bytes: &[u8],
    name: &Path,
    disk: Option<&Path>,
    options: &ReadOptions,
) -> Result<SourceText, ReadError> {
    check_size(bytes.len() as u64, name, options)?;
    let hash = blake3::hash(bytes).to_hex().to_string();
    let got = extract::extract(bytes, name, disk, options)?;
    Ok(SourceText {
        text: got.text,
        encoding: got.encoding.to_string(),
        format: got.format.to_string(),
        hash,
        properties: got.properties,
        extraction: got.extraction,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8], name: &str) -> Result<SourceText, String> {
        read_bytes(bytes, Path::new(name)).map_err(|e| e.to_string())
    }

    #[test]
    fn every_seed_reads_as_utf8_text_with_lf_endings() {
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        let mut n = 0;
        for entry in std::fs::read_dir(&seeds).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let raw = std::fs::read(&path).unwrap();
                let src = read_path(&path).unwrap();
                assert_eq!(
                    (src.encoding.as_str(), src.format.as_str()),
                    ("UTF-8", "text")
                );
                assert!(!src.text.contains('\r'));
                assert_eq!(src.hash, blake3::hash(&raw).to_hex().to_string());
                // Seeds have no CRs, so the text is the file, byte for byte.
                assert_eq!(
                    src.text.as_bytes(),
                    raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&raw)
                );
                n += 1;
            }
        }
        assert_eq!(n, 5);
    }

    #[test]
    fn crlf_text_is_normalized_and_offsets_slice_chinese() {
        let src = read("一、总体要求\r\n（一）目标\r\n".as_bytes(), "a.txt").unwrap();
        assert_eq!(src.text, "一、总体要求\n（一）目标\n");
        let start = src.text.find('（').unwrap();
        assert_eq!(&src.text[start..start + "（一）".len()], "（一）");
    }

    #[test]
    fn empties_are_refused_with_their_kind() {
        assert_eq!(
            read(b"", "seeds/x.txt").unwrap_err(),
            "seeds/x.txt: empty file (0 bytes)"
        );
        assert_eq!(
            read(b"\xEF\xBB\xBF", "b.txt").unwrap_err(),
            "b.txt: empty file (only a byte-order mark)"
        );
        assert_eq!(
            read(b"\xFF\xFE", "b16.txt").unwrap_err(),
            "b16.txt: empty file (only a byte-order mark)"
        );
        assert_eq!(
            read(" \r\n\t\u{3000}\n".as_bytes(), "w.md").unwrap_err(),
            "w.md: empty file (only white space)"
        );
        assert_eq!(
            read(b"<html><body><script>x</script></body></html>", "p.html").unwrap_err(),
            "p.html: empty file (no text in the HTML body)"
        );
    }

    #[test]
    fn binaries_are_refused_by_signature_or_nul() {
        assert_eq!(
            read(b"\x89PNG\r\n\x1A\n\0\0", "plan.txt").unwrap_err(),
            "plan.txt: binary file (PNG image), not a plan"
        );
        assert_eq!(
            read(b"PK\x03\x04\x14\x00\x00\x00", "a.txt").unwrap_err(),
            "a.txt: binary file (zip archive), not a plan"
        );
        assert_eq!(
            read(b"PK\x03\x04\x14\x00\x00\x00", "a.docx").unwrap_err(),
            "a.docx: broken docx (not a zip archive)"
        );
        assert_eq!(
            read(b"abc\x00\x01\x02\x00\xFF", "a.bin").unwrap_err(),
            "a.bin: binary file (NUL byte at offset 3), not a plan"
        );
    }

    #[test]
    fn gbk_html_in_a_txt_uses_its_declared_charset() {
        let page = "<!DOCTYPE html><meta charset=gbk><p>推进机制</p>";
        let (bytes, _, _) = encoding_rs::GBK.encode(page);
        let src = read(&bytes, "p.txt").unwrap();
        assert_eq!(
            (src.text.as_str(), src.format.as_str()),
            ("推进机制\n", "html")
        );
    }

    #[test]
    fn html_in_a_txt_is_read_as_html() {
        let src = read(
            b"<!DOCTYPE html><html><body><p>a</p><p>b</p></body></html>",
            "p.txt",
        )
        .unwrap();
        assert_eq!((src.text.as_str(), src.format.as_str()), ("a\nb\n", "html"));
    }

    #[test]
    fn gbk_html_uses_its_declared_charset() {
        let page =
            "<html><head><meta charset=\"gb2312\"></head><body><p>推进机制</p></body></html>";
        let (bytes, _, _) = encoding_rs::GBK.encode(page);
        let src = read(&bytes, "p.htm").unwrap();
        assert_eq!(
            (src.text.as_str(), src.encoding.as_str()),
            ("推进机制\n", "GBK")
        );
    }

    #[test]
    fn random_bytes_never_panic() {
        // xorshift: deterministic, no dependency.
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let names = [
            "r.txt", "r.html", "r.docx", "r.md", "r.doc", "r.rtf", "r.ofd",
        ];
        let seed = "（一）加强部门协同\r\n1. 强化政策协同。".as_bytes();
        for round in 0..2000 {
            let len = (next() % 300) as usize;
            let mut bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            if round % 3 == 0 {
                // Mostly text with a few flipped bytes: the harder cases.
                bytes = seed.to_vec();
                for _ in 0..(next() % 4) {
                    let i = (next() as usize) % bytes.len();
                    bytes[i] = next() as u8;
                }
            }
            let name = names[round % names.len()];
            if let Ok(src) = read_bytes(&bytes, Path::new(name)) {
                assert!(!src.text.contains('\r'));
                assert!(!src.text.trim().is_empty());
            }
        }
    }
}
