//! [`Poppler`]: the PDF extractor that runs poppler's command-line tools
//! (Debian `poppler-utils`, with `poppler-data` for CJK CMaps).
//!
//! - `pdftotext -layout -enc UTF-8 -eol unix` gives the text, pages split
//!   by form feeds, indentation kept as spaces (the repair uses it);
//! - `pdfinfo -isodates -enc UTF-8` gives Title, Author, CreationDate;
//! - when the text is empty, or poppler complains about a CMap, `pdffonts`
//!   tells why: no fonts at all is a scan; fonts in a predefined CJK CMap
//!   (`GBK-EUC-H`, which WPS writes, `UniGB-UCS2-H`, …) mean
//!   `poppler-data` is missing (poppler then prints nothing and exits 0).

use std::path::Path;

use super::ocr;
use super::{clean_title, is_blank, PdfError, PdfExtractor, PdfInput, PdfProblem, PdfText};
use crate::read::options::Limits;
use crate::read::process::{first_line, run, Output, RunError};
use crate::read::properties::Properties;

/// The Debian package of the poppler tools.
pub const POPPLER_UTILS: &str = "poppler-utils";

/// The Debian package of poppler's CJK CMaps.
pub const POPPLER_DATA: &str = "poppler-data";

/// Font encodings that need no CMap file.
const BUILT_IN_ENCODINGS: &[&str] = &[
    "Identity-H",
    "Identity-V",
    "Custom",
    "Builtin",
    "Standard",
    "WinAnsi",
    "MacRoman",
    "MacExpert",
    "Symbol",
    "ZapfDingbats",
    "PDFDoc",
];

/// Runs poppler's `pdftotext`, `pdfinfo` and `pdffonts` (and `pdftoppm`
/// for OCR) as separate processes, found on `PATH` or in one folder.
#[derive(Clone, Debug, Default)]
pub struct Poppler {
    dir: Option<std::path::PathBuf>,
}

impl Poppler {
    /// Poppler's tools (and tesseract) from `dir` instead of `PATH`.
    pub fn in_dir(dir: impl Into<std::path::PathBuf>) -> Poppler {
        Poppler {
            dir: Some(dir.into()),
        }
    }
}

impl PdfExtractor for Poppler {
    fn name(&self) -> &'static str {
        "poppler"
    }

    fn extract(&self, pdf: PdfInput<'_>, limits: &Limits) -> Result<PdfText, PdfError> {
        let file = OnDisk::new(pdf)?;
        let path = file.path();
        let last_page = limits.max_pages.to_string();
        let out = tool(
            self.dir.as_deref(),
            "pdftotext",
            &[
                "-layout".as_ref(),
                "-enc".as_ref(),
                "UTF-8".as_ref(),
                "-eol".as_ref(),
                "unix".as_ref(),
                "-l".as_ref(),
                last_page.as_ref(),
                path.as_os_str(),
                "-".as_ref(),
            ],
            limits,
        )?;
        check_status("pdftotext", &out)?;
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        // Without poppler-data, poppler says "Missing language pack for
        // 'Adobe-GB1' mapping" (or cannot find a CMap) and drops the text.
        let cmap_complaint =
            out.stderr.contains("language pack") || out.stderr.contains("CMap file");
        if is_blank(&text) || cmap_complaint {
            if let Some(cmap) = undecodable_cmap(
                self.dir.as_deref(),
                path,
                limits,
                cmap_complaint,
                &out.stderr,
            )? {
                return Err(PdfError::Missing {
                    needed: format!("poppler's CJK data for {cmap}"),
                    package: POPPLER_DATA,
                });
            }
        }
        let (pages, properties) = info(self.dir.as_deref(), path, limits)?;
        Ok(PdfText {
            pages: pages.unwrap_or_else(|| text.matches('\x0c').count().max(1)),
            text,
            properties,
        })
    }

    fn ocr(&self, pdf: PdfInput<'_>, limits: &Limits) -> Result<PdfText, PdfError> {
        let file = OnDisk::new(pdf)?;
        let dir = self.dir.as_deref();
        let (pages, properties) = info(dir, file.path(), limits)?;
        let text = ocr::pages(dir, file.path(), limits)?;
        Ok(PdfText {
            pages: pages.unwrap_or(1),
            text,
            properties,
        })
    }
}

/// The PDF as a file on disk: its own path, or a temporary copy.
struct OnDisk<'a> {
    path: Option<&'a Path>,
    temp: Option<tempfile::NamedTempFile>,
}

impl<'a> OnDisk<'a> {
    fn new(pdf: PdfInput<'a>) -> Result<OnDisk<'a>, PdfError> {
        if let Some(path) = pdf.path {
            return Ok(OnDisk {
                path: Some(path),
                temp: None,
            });
        }
        let failed = |e: std::io::Error| PdfError::Problem(PdfProblem::Failed(e.to_string()));
        let mut temp = tempfile::Builder::new()
            .prefix("fangan-")
            .suffix(".pdf")
            .tempfile()
            .map_err(failed)?;
        std::io::Write::write_all(&mut temp, pdf.bytes).map_err(failed)?;
        Ok(OnDisk {
            path: None,
            temp: Some(temp),
        })
    }

    fn path(&self) -> &Path {
        match (&self.path, &self.temp) {
            (Some(p), _) => p,
            (None, Some(t)) => t.path(),
            (None, None) => Path::new(""),
        }
    }
}

/// Runs one tool (from `dir` when given) within the limits.
pub(super) fn tool(
    dir: Option<&Path>,
    program: &'static str,
    args: &[&std::ffi::OsStr],
    limits: &Limits,
) -> Result<Output, PdfError> {
    let path = dir.map(|d| d.join(program));
    let command = path.as_deref().and_then(Path::to_str).unwrap_or(program);
    run(command, args, limits.timeout, limits.max_output_bytes).map_err(|e| match e {
        RunError::NotFound => PdfError::Missing {
            needed: program.to_string(),
            package: if program == "tesseract" {
                "tesseract-ocr"
            } else {
                POPPLER_UTILS
            },
        },
        RunError::TimedOut => PdfError::TimedOut {
            tool: program,
            seconds: limits.timeout.as_secs().max(1),
        },
        RunError::TooMuchOutput => PdfError::Problem(PdfProblem::TooMuchText),
        RunError::Io(e) => PdfError::Problem(PdfProblem::Failed(format!("{program}: {e}"))),
    })
}

/// Maps poppler's exit codes (1: cannot open, 3: permissions) to problems.
fn check_status(program: &str, out: &Output) -> Result<(), PdfError> {
    if out.status.success() {
        return Ok(());
    }
    let line = out
        .stderr
        .lines()
        .find(|l| l.contains("Error"))
        .map(str::trim)
        .unwrap_or_else(|| first_line(&out.stderr));
    let problem = if line.contains("password") {
        PdfProblem::Encrypted
    } else if out.status.code() == Some(3) {
        PdfProblem::CopyForbidden
    } else if line.is_empty() {
        PdfProblem::Failed(format!("{program} exited with {}", out.status))
    } else {
        PdfProblem::Failed(line.to_string())
    };
    Err(PdfError::Problem(problem))
}

/// The page count and the document properties, from `pdfinfo`.
fn info(
    dir: Option<&Path>,
    path: &Path,
    limits: &Limits,
) -> Result<(Option<usize>, Properties), PdfError> {
    let out = tool(
        dir,
        "pdfinfo",
        &[
            "-isodates".as_ref(),
            "-enc".as_ref(),
            "UTF-8".as_ref(),
            path.as_os_str(),
        ],
        limits,
    )?;
    if !out.status.success() {
        return Ok((None, Properties::default()));
    }
    Ok(parse_info(&String::from_utf8_lossy(&out.stdout)))
}

/// Reads `pdfinfo`'s `Key: value` lines.
fn parse_info(info: &str) -> (Option<usize>, Properties) {
    let mut props = Properties::default();
    let mut pages = None;
    for line in info.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        match key.trim() {
            "Title" => props.set_title(clean_title(value)),
            "Author" => props.set_source(value),
            "CreationDate" => props.set_published(value),
            "Pages" => pages = value.trim().parse().ok(),
            _ => {}
        }
    }
    (pages, props)
}

/// The first predefined CJK CMap among the PDF's fonts, when poppler could
/// not decode text in it (`complained`: it said so; otherwise the text was
/// empty and such a font is there).
fn undecodable_cmap(
    dir: Option<&Path>,
    path: &Path,
    limits: &Limits,
    complained: bool,
    stderr: &str,
) -> Result<Option<String>, PdfError> {
    let out = tool(dir, "pdffonts", &[path.as_os_str()], limits)?;
    let listing = String::from_utf8_lossy(&out.stdout);
    let cmap = font_encodings(&listing).into_iter().find(|e| {
        !BUILT_IN_ENCODINGS.contains(&e.as_str()) && (e.ends_with("-H") || e.ends_with("-V"))
    });
    let named = || complained.then(|| cmap_named_in(stderr)).flatten();
    Ok(named().or(cmap))
}

/// The `encoding` column of a `pdffonts` listing (columns are as wide as
/// the dashes under the header).
fn font_encodings(listing: &str) -> Vec<String> {
    let mut lines = listing.lines();
    let _header = lines.next();
    let Some(rule) = lines.next() else {
        return Vec::new();
    };
    let widths: Vec<usize> = rule.split(' ').map(str::len).collect();
    if widths.len() < 3 {
        return Vec::new();
    }
    let start = widths[0] + 1 + widths[1] + 1;
    let end = start + widths[2];
    lines
        .filter_map(|l| l.get(start..end.min(l.len())))
        .map(|e| e.trim().to_string())
        .filter(|e| !e.is_empty())
        .collect()
}

/// A CMap or collection named in poppler's complaint (`Couldn't find
/// 'GBK-EUC-H' CMap file`, `Missing language pack for 'Adobe-GB1' mapping`).
fn cmap_named_in(stderr: &str) -> Option<String> {
    let line = stderr
        .lines()
        .find(|l| l.contains("language pack") || l.contains("CMap"))?;
    // The first quoted word: "Couldn't" has an apostrophe, not a quote.
    line.split('\'')
        .skip(1)
        .find(|w| !w.is_empty() && !w.contains(char::is_whitespace))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdffonts_columns_are_read_by_the_rule() {
        let listing = "\
name                                 type              encoding         emb sub uni object ID
------------------------------------ ----------------- ---------------- --- --- --- ---------
STSong-Light                         CID Type 0        GBK-EUC-H        no  no  no       5  0
AAAAAA+WenQuanYi Micro Hei           CID TrueType      Identity-H       yes yes yes      4  0
";
        assert_eq!(font_encodings(listing), ["GBK-EUC-H", "Identity-H"]);
        assert!(font_encodings("").is_empty());
        assert_eq!(
            cmap_named_in(
                "Syntax Error: Couldn't find 'GBK-EUC-H' CMap file for 'Adobe-GB1' collection"
            )
            .as_deref(),
            Some("GBK-EUC-H")
        );
        assert_eq!(
            cmap_named_in("Syntax Error: Missing language pack for 'Adobe-GB1' mapping\nSyntax Error: Unknown font tag 'F1'")
                .as_deref(),
            Some("Adobe-GB1")
        );
    }

    #[test]
    fn pdfinfo_gives_title_date_and_pages() {
        let (pages, p) = parse_info(
            "Title:           担当好稳增长挑大梁的责任实施方案\nAuthor:          平江县发改局\n\
             CreationDate:    2025-03-01T10:15:00+08\nPages:           5\n",
        );
        assert_eq!(pages, Some(5));
        assert_eq!(p.title.as_deref(), Some("担当好稳增长挑大梁的责任实施方案"));
        assert_eq!(p.published.as_deref(), Some("2025-03-01"));
        assert_eq!(p.source.as_deref(), Some("平江县发改局"));
        let (_, p) = parse_info("Title:           p.html\n");
        assert_eq!(p.title, None);
    }
}
