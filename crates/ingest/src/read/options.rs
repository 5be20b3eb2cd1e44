//! How much a reader may do: [`ReadOptions`] and its per-file [`Limits`].
//!
//! One bad file must never stop or hang a batch, so every reader that runs
//! an external program, unzips an archive or walks a container is bounded:
//! by the size of the file, by wall-clock time for external programs, and
//! by entry counts and decompressed sizes for archives (zip bombs). The
//! defaults suit plans (a few MB at most); raise them for odd corpora.

use std::sync::Arc;
use std::time::Duration;

use super::pdf::{PdfExtractor, Poppler};

/// Per-file limits every reader respects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest file read, in bytes.
    pub max_file_bytes: u64,
    /// Longest an external program (pdftotext, tesseract, …) may run for
    /// one file.
    pub timeout: Duration,
    /// Largest text an external program may print, in bytes.
    pub max_output_bytes: usize,
    /// Most entries a zip container (docx, OFD) may have.
    pub max_zip_entries: usize,
    /// Largest decompressed size of one zip entry.
    pub max_entry_bytes: u64,
    /// Largest decompressed size of all entries read from one zip.
    pub max_unzipped_bytes: u64,
    /// Most pages read from a paged document (PDF, OFD); OCR reads fewer
    /// (see [`Limits::max_ocr_pages`]).
    pub max_pages: usize,
    /// Most pages of a scanned PDF that OCR reads.
    pub max_ocr_pages: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 200 * 1024 * 1024,
            timeout: Duration::from_secs(60),
            max_output_bytes: 64 * 1024 * 1024,
            max_zip_entries: 20_000,
            max_entry_bytes: 256 * 1024 * 1024,
            max_unzipped_bytes: 512 * 1024 * 1024,
            max_pages: 5_000,
            max_ocr_pages: 200,
        }
    }
}

/// What reading may do beyond decoding: OCR, limits, the PDF extractor.
#[derive(Clone)]
pub struct ReadOptions {
    /// Read scanned PDFs (pages without text) with OCR (`pdftoppm` +
    /// `tesseract -l chi_sim`) instead of refusing them.
    pub ocr: bool,
    /// Per-file limits.
    pub limits: Limits,
    /// Turns PDF bytes into text; poppler's `pdftotext` by default.
    pub pdf: Arc<dyn PdfExtractor>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            ocr: false,
            limits: Limits::default(),
            pdf: Arc::new(Poppler::default()),
        }
    }
}

impl std::fmt::Debug for ReadOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadOptions")
            .field("ocr", &self.ocr)
            .field("limits", &self.limits)
            .field("pdf", &self.pdf.name())
            .finish()
    }
}
