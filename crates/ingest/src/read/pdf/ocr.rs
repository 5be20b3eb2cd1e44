//! OCR of a scanned PDF: `pdftoppm` renders each page to a grey PNG at
//! 300 dpi, `tesseract -l chi_sim` reads it. Both run as separate programs
//! (Debian `poppler-utils`, `tesseract-ocr` and `tesseract-ocr-chi-sim`),
//! within the file's time limit, at most [`Limits::max_ocr_pages`] pages.

use std::path::Path;
use std::time::Instant;

use super::poppler::tool;
use super::{PdfError, PdfProblem};
use crate::read::options::Limits;
use crate::read::process::first_line;

/// The Debian package of tesseract's Simplified Chinese model.
pub const CHI_SIM: &str = "tesseract-ocr-chi-sim";

/// The text of every page of the PDF at `pdf`, read by OCR, pages separated
/// by form feeds.
pub fn pages(tools: Option<&Path>, pdf: &Path, limits: &Limits) -> Result<String, PdfError> {
    check_language(tools, limits)?;
    let started = Instant::now();
    let dir = tempfile::Builder::new()
        .prefix("fangan-ocr-")
        .tempdir()
        .map_err(|e| PdfError::Problem(PdfProblem::Failed(e.to_string())))?;
    let prefix = dir.path().join("page");
    let last = limits.max_ocr_pages.to_string();
    let out = tool(
        tools,
        "pdftoppm",
        &[
            "-r".as_ref(),
            "300".as_ref(),
            "-gray".as_ref(),
            "-png".as_ref(),
            "-l".as_ref(),
            last.as_ref(),
            pdf.as_os_str(),
            prefix.as_os_str(),
        ],
        limits,
    )?;
    if !out.status.success() {
        return Err(PdfError::Problem(PdfProblem::Failed(
            first_line(&out.stderr).to_string(),
        )));
    }
    let mut images: Vec<_> = std::fs::read_dir(dir.path())
        .map_err(|e| PdfError::Problem(PdfProblem::Failed(e.to_string())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    images.sort();
    let mut text = String::new();
    for (i, image) in images.iter().enumerate() {
        let mut left = limits.clone();
        left.timeout = limits.timeout.saturating_sub(started.elapsed());
        if left.timeout.is_zero() {
            return Err(PdfError::TimedOut {
                tool: "tesseract",
                seconds: limits.timeout.as_secs().max(1),
            });
        }
        let out = tool(
            tools,
            "tesseract",
            &[
                image.as_os_str(),
                "-".as_ref(),
                "-l".as_ref(),
                "chi_sim".as_ref(),
            ],
            &left,
        )?;
        if !out.status.success() {
            return Err(PdfError::Problem(PdfProblem::Failed(format!(
                "tesseract: {}",
                first_line(&out.stderr)
            ))));
        }
        if i > 0 {
            text.push('\x0c');
        }
        text.push_str(&String::from_utf8_lossy(&out.stdout));
    }
    Ok(text)
}

/// Fails with the package to install when tesseract or its Chinese model
/// is missing.
pub fn check_language(dir: Option<&Path>, limits: &Limits) -> Result<(), PdfError> {
    let out = tool(dir, "tesseract", &["--list-langs".as_ref()], limits)?;
    let listed = String::from_utf8_lossy(&out.stdout);
    if listed.lines().any(|l| l.trim() == "chi_sim") {
        Ok(())
    } else {
        Err(PdfError::Missing {
            needed: "tesseract's Simplified Chinese model (chi_sim)".to_string(),
            package: CHI_SIM,
        })
    }
}
