//! Choosing and running the reader for one file: the format is detected
//! ([`Format::detect`]), the matching reader extracts the text (PDF and OFD
//! through [`super::repair`]), and [`finish`] normalizes line endings and
//! refuses what is empty or binary.

use std::path::Path;

use super::error::{BinaryReason, DocxProblem, EmptyReason, ReadError};
use super::properties::Properties;
use super::sniff::{self, Format};
use super::{docx, encoding, html, newline, ofd, pdf, repair, rtf, word97};
use super::{Extraction, ReadOptions};

/// What a reader produced.
pub(super) struct Extracted {
    pub(super) text: String,
    pub(super) encoding: &'static str,
    pub(super) format: &'static str,
    pub(super) properties: Properties,
    pub(super) extraction: Option<Extraction>,
}

impl Extracted {
    fn utf8(text: String, format: Format) -> Extracted {
        Extracted {
            text,
            encoding: "UTF-8",
            format: format.as_str(),
            properties: Properties::default(),
            extraction: None,
        }
    }
}

/// The text, encoding, format and properties of `bytes`, or the refusal.
pub(super) fn extract(
    bytes: &[u8],
    name: &Path,
    disk: Option<&Path>,
    options: &ReadOptions,
) -> Result<Extracted, ReadError> {
    let path = || name.to_path_buf();
    if bytes.is_empty() {
        return Err(ReadError::Empty {
            path: path(),
            reason: EmptyReason::ZeroBytes,
        });
    }
    match Format::detect(bytes, name) {
        Format::Pdf => read_pdf(bytes, name, disk, options),
        Format::Docx => read_docx(bytes, name),
        Format::Word97 => {
            let doc = word97::document(bytes).map_err(|e| e.into_read_error(name))?;
            let text = finish(doc.text, name, EmptyReason::NoText)?;
            let format = if Format::from_path(name) == Format::Word97
                && name
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("wps"))
            {
                "wps"
            } else {
                "doc"
            };
            Ok(Extracted {
                format,
                properties: doc.properties,
                ..Extracted::utf8(text, Format::Word97)
            })
        }
        Format::Rtf => {
            let text = finish(rtf::text(bytes), name, EmptyReason::NoText)?;
            Ok(Extracted::utf8(text, Format::Rtf))
        }
        Format::Ofd => {
            let doc = ofd::document(bytes, &options.limits).map_err(|problem| ReadError::Ofd {
                path: path(),
                problem,
            })?;
            let map = repair::repair(&doc.raw);
            let text = finish(map.text().to_string(), name, EmptyReason::NoText)?;
            Ok(Extracted {
                properties: doc.properties,
                extraction: Some(Extraction { raw: doc.raw, map }),
                ..Extracted::utf8(text, Format::Ofd)
            })
        }
        format @ (Format::Html | Format::Text) => read_text(bytes, name, format),
    }
}

/// A PDF: the extractor's text (or OCR's), repaired.
fn read_pdf(
    bytes: &[u8],
    name: &Path,
    disk: Option<&Path>,
    options: &ReadOptions,
) -> Result<Extracted, ReadError> {
    let input = pdf::PdfInput { bytes, path: disk };
    let limits = &options.limits;
    let mut got = options
        .pdf
        .extract(input, limits)
        .map_err(|e| pdf_error(e, name))?;
    if pdf::is_blank(&got.text) {
        if !options.ocr {
            return Err(ReadError::Scanned {
                path: name.to_path_buf(),
                pages: got.pages,
            });
        }
        got = options
            .pdf
            .ocr(input, limits)
            .map_err(|e| pdf_error(e, name))?;
    }
    let map = repair::repair(&got.text);
    let text = finish(map.text().to_string(), name, EmptyReason::NoText).map_err(|e| match e {
        ReadError::Empty { .. } => ReadError::Scanned {
            path: name.to_path_buf(),
            pages: got.pages,
        },
        other => other,
    })?;
    Ok(Extracted {
        properties: got.properties,
        extraction: Some(Extraction { raw: got.text, map }),
        ..Extracted::utf8(text, Format::Pdf)
    })
}

fn pdf_error(e: pdf::PdfError, name: &Path) -> ReadError {
    let path = name.to_path_buf();
    match e {
        pdf::PdfError::Missing { needed, package } => ReadError::Missing {
            path,
            needed,
            package,
        },
        pdf::PdfError::TimedOut { tool, seconds } => ReadError::TimedOut {
            path,
            tool,
            seconds,
        },
        pdf::PdfError::Problem(problem) => ReadError::Pdf { path, problem },
    }
}

/// A docx (or a zip given as a plan).
fn read_docx(bytes: &[u8], name: &Path) -> Result<Extracted, ReadError> {
    let path = || name.to_path_buf();
    let doc = docx::document(bytes).map_err(|problem| {
        // Under another name, a zip that is not a docx is just binary.
        let not_docx = matches!(problem, DocxProblem::NoDocument | DocxProblem::NotZip);
        if Format::from_path(name) != Format::Docx && not_docx {
            ReadError::Binary {
                path: path(),
                reason: BinaryReason::Signature("zip archive"),
            }
        } else {
            ReadError::Docx {
                path: path(),
                problem,
            }
        }
    })?;
    let text = finish(doc.text, name, EmptyReason::NoDocxText)?;
    Ok(Extracted {
        properties: doc.properties,
        ..Extracted::utf8(text, Format::Docx)
    })
}

/// Plain text or an HTML page, decoded.
fn read_text(bytes: &[u8], name: &Path, mut format: Format) -> Result<Extracted, ReadError> {
    let path = || name.to_path_buf();
    if let Some(kind) = sniff::signature(bytes) {
        return Err(ReadError::Binary {
            path: path(),
            reason: BinaryReason::Signature(kind),
        });
    }
    let declared = (format == Format::Html)
        .then(|| html::declared_charset(bytes))
        .flatten();
    let decoded = encoding::decode(bytes, declared).map_err(|e| match e {
        encoding::DecodeError::Binary(reason) => ReadError::Binary {
            path: path(),
            reason,
        },
        encoding::DecodeError::Undecodable { offset, byte } => ReadError::Undecodable {
            path: path(),
            offset,
            byte,
        },
    })?;
    if decoded.text.is_empty() {
        return Err(ReadError::Empty {
            path: path(),
            reason: EmptyReason::OnlyBom,
        });
    }
    // UTF-16 pages are only recognisable once decoded.
    if format == Format::Text && sniff::looks_like_html(decoded.text.as_bytes()) {
        format = Format::Html;
    }
    let (text, properties) = match format {
        Format::Html => {
            let page = html::page(&decoded.text);
            (
                finish(page.text, name, EmptyReason::NoHtmlText)?,
                page.properties,
            )
        }
        _ => (
            finish(decoded.text, name, EmptyReason::OnlyWhitespace)?,
            Properties::default(),
        ),
    };
    Ok(Extracted {
        text,
        encoding: decoded.encoding,
        format: format.as_str(),
        properties,
        extraction: None,
    })
}

/// Normalizes line endings, then refuses text that is empty (`if_empty`) or
/// mostly control characters.
fn finish(text: String, name: &Path, if_empty: EmptyReason) -> Result<String, ReadError> {
    let text = newline::normalize_newlines(text);
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(ReadError::Empty {
            path: name.to_path_buf(),
            reason: if_empty,
        });
    }
    sniff::check_controls(&text).map_err(|reason| ReadError::Binary {
        path: name.to_path_buf(),
        reason,
    })?;
    Ok(text)
}
