//! What a path in a plan folder is, before reading it: a document to read
//! (with its [`Format`]), or a file that is not a document (an image, a
//! spreadsheet, an archive …) and why, so a corpus walker can account for
//! every file instead of skipping some silently.
//!
//! This looks at the name only; [`super::read_path`] then decides the
//! format by content (a `.doc` that is really RTF is read as RTF).

use std::path::Path;

use super::sniff::Format;

/// What a file is, judged by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A document that [`super::read_path`] reads.
    Document(Format),
    /// Not a document; the reason is shown in the ingest summary
    /// (`image`, `spreadsheet`, …).
    NotADocument(&'static str),
    /// An extension fangan does not know (or none).
    Unknown,
}

/// Extensions of documents read, with their format.
const DOCUMENTS: &[(&str, Format)] = &[
    ("txt", Format::Text),
    ("md", Format::Text),
    ("text", Format::Text),
    ("html", Format::Html),
    ("htm", Format::Html),
    ("xhtml", Format::Html),
    ("shtml", Format::Html),
    ("docx", Format::Docx),
    ("pdf", Format::Pdf),
    ("doc", Format::Word97),
    ("wps", Format::Word97),
    ("rtf", Format::Rtf),
    ("ofd", Format::Ofd),
];

/// Extensions of files that are not documents, by kind.
const NOT_DOCUMENTS: &[(&str, &[&str])] = &[
    (
        "image",
        &[
            "jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp", "svg", "ico", "heic",
        ],
    ),
    (
        "spreadsheet",
        &["xls", "xlsx", "xlsm", "et", "ett", "ods", "csv", "tsv"],
    ),
    ("presentation", &["ppt", "pptx", "dps", "dpt", "odp"]),
    (
        "archive",
        &["zip", "rar", "7z", "gz", "tgz", "tar", "bz2", "xz", "zst"],
    ),
    (
        "audio or video",
        &[
            "mp3", "mp4", "wav", "avi", "mov", "wmv", "flv", "mkv", "m4a",
        ],
    ),
    ("program", &["exe", "dll", "msi", "apk", "sh", "bat"]),
    ("web page resource", &["css", "js", "json", "xml"]),
];

/// What `path` is, by its extension (case-insensitive).
///
/// ```
/// use std::path::Path;
/// use fangan_ingest::read::{classify, Format, Kind};
///
/// assert_eq!(classify(Path::new("方案.PDF")), Kind::Document(Format::Pdf));
/// assert_eq!(classify(Path::new("附表.xlsx")), Kind::NotADocument("spreadsheet"));
/// assert_eq!(classify(Path::new("LICENSE")), Kind::Unknown);
/// ```
pub fn classify(path: &Path) -> Kind {
    let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
        return Kind::Unknown;
    };
    let ext = ext.to_ascii_lowercase();
    if let Some((_, format)) = DOCUMENTS.iter().find(|(e, _)| *e == ext) {
        return Kind::Document(*format);
    }
    NOT_DOCUMENTS
        .iter()
        .find(|(_, exts)| exts.contains(&ext.as_str()))
        .map_or(Kind::Unknown, |(kind, _)| Kind::NotADocument(kind))
}

/// The extensions [`classify`] calls documents (lower case).
pub fn document_extensions() -> impl Iterator<Item = &'static str> {
    DOCUMENTS.iter().map(|(e, _)| *e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_and_others() {
        assert_eq!(
            classify(Path::new("a/b.wps")),
            Kind::Document(Format::Word97)
        );
        assert_eq!(classify(Path::new("b.Htm")), Kind::Document(Format::Html));
        assert_eq!(classify(Path::new("b.ofd")), Kind::Document(Format::Ofd));
        assert_eq!(classify(Path::new("scan.JPG")), Kind::NotADocument("image"));
        assert_eq!(classify(Path::new("a.rar")), Kind::NotADocument("archive"));
        assert_eq!(
            classify(Path::new("a.et")),
            Kind::NotADocument("spreadsheet")
        );
        assert_eq!(classify(Path::new("noext")), Kind::Unknown);
        assert_eq!(classify(Path::new("a.xyz")), Kind::Unknown);
        assert!(document_extensions().any(|e| e == "doc"));
    }
}
