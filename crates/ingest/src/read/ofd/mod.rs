//! OFD (GB/T 33190, the national format for electronic documents) → the
//! text of its pages, laid out as lines for [`super::repair`].
//!
//! An OFD is a zip of XML parts: `OFD.xml` names the document
//! (`DocBody/DocRoot`, usually `Doc_0/Document.xml`) and its `DocInfo`
//! (title, author, creation date); `Document.xml` lists the pages
//! (`Pages/Page@BaseLoc`, relative to the document's folder) and the
//! template pages; each page's `Content.xml` holds layers of
//! `TextObject`s (`Boundary` = x y w h in mm) whose `TextCode`s (`X`, `Y`,
//! `DeltaX`) place the characters. [`content`] reads the characters with
//! their positions, [`layout`] orders them into lines. Template pages
//! (running headers, page numbers) are never read. Elements are matched by
//! local name, so both namespaces (`http://www.ofdspec.org/2016` and the
//! one without the year) and none are read. The zip is read within the
//! entry and size limits of [`Limits`] (zip bombs).

pub mod content;
pub mod layout;

use std::fmt;

use quick_xml::events::Event;
use quick_xml::reader::Reader;

use super::options::Limits;
use super::properties::Properties;
use super::zipped::{Zip, ZipProblem};

/// What is wrong with an OFD.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum OfdProblem {
    /// The container cannot be read (not a zip, too large, an entry
    /// missing).
    Zip(ZipProblem),
    /// `OFD.xml` names no document (`DocBody/DocRoot`).
    NoDocRoot,
    /// A part is not well-formed XML.
    Xml {
        /// The part.
        part: String,
        /// Byte offset where parsing failed.
        offset: u64,
    },
}

impl fmt::Display for OfdProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OfdProblem::Zip(z) => z.fmt(f),
            OfdProblem::NoDocRoot => f.write_str("OFD.xml names no DocRoot"),
            OfdProblem::Xml { part, offset } => {
                write!(f, "{part} is not well-formed XML at byte {offset}")
            }
        }
    }
}

impl From<ZipProblem> for OfdProblem {
    fn from(z: ZipProblem) -> Self {
        OfdProblem::Zip(z)
    }
}

/// The laid-out text of an OFD and its `DocInfo`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfdDocument {
    /// The pages' lines, indentation as leading spaces, pages separated by
    /// form feeds (the input of [`super::repair::repair`]).
    pub raw: String,
    /// Title, author, creation date.
    pub properties: Properties,
}

/// Reads the OFD held in `bytes`.
pub fn document(bytes: &[u8], limits: &Limits) -> Result<OfdDocument, OfdProblem> {
    let mut zip = Zip::open(bytes, limits)?;
    let ofd = text_of(&mut zip, "OFD.xml")?;
    let (root, properties) = doc_body(&ofd)?;
    let root = root.ok_or(OfdProblem::NoDocRoot)?;
    let document = text_of(&mut zip, &root)?;
    let folder = parent(&root);
    let pages = page_locations(&document, &root)?;
    let mut all = Vec::new();
    for loc in pages.iter().take(limits.max_pages) {
        let part = resolve(folder, loc);
        // A page that is missing is skipped: the rest still reads.
        let xml = match text_of(&mut zip, &part) {
            Ok(xml) => xml,
            Err(OfdProblem::Zip(ZipProblem::Missing(_))) => continue,
            Err(e) => return Err(e),
        };
        all.push(content::glyphs(&xml).map_err(|offset| OfdProblem::Xml {
            part: part.clone(),
            offset,
        })?);
    }
    Ok(OfdDocument {
        raw: layout::pages(&all),
        properties,
    })
}

/// An entry as text (UTF-8; a malformed byte becomes `U+FFFD`).
fn text_of(zip: &mut Zip<'_>, name: &str) -> Result<String, OfdProblem> {
    let raw = zip.read(name)?;
    let raw = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&raw);
    Ok(String::from_utf8_lossy(raw).into_owned())
}

/// `DocBody/DocRoot` and `DocBody/DocInfo` of `OFD.xml` (the first
/// document of the package).
fn doc_body(xml: &str) -> Result<(Option<String>, Properties), OfdProblem> {
    let mut props = Properties::default();
    let mut root = None;
    let mut field = String::new();
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                field = e.local_name().as_ref().to_string();
            }
            Ok(Event::Text(t)) => {
                let value = t.xml10_content();
                let value = value.trim();
                match field.as_str() {
                    "DocRoot" if root.is_none() => root = Some(value.to_string()),
                    "Title" if props.title.is_none() => props.set_title(value),
                    "Author" if props.source.is_none() => props.set_source(value),
                    "CreationDate" if props.published.is_none() => props.set_published(value),
                    _ => {}
                }
            }
            Ok(Event::End(e)) => {
                if e.local_name().as_ref() == "DocBody" && root.is_some() {
                    break;
                }
                field.clear();
            }
            Ok(Event::Eof) => break,
            Err(_) => {
                return Err(OfdProblem::Xml {
                    part: "OFD.xml".into(),
                    offset: reader.error_position(),
                })
            }
            _ => {}
        }
    }
    Ok((root, props))
}

/// The `BaseLoc` of every `Pages/Page` of `Document.xml`, in order.
fn page_locations(xml: &str, part: &str) -> Result<Vec<String>, OfdProblem> {
    let mut out = Vec::new();
    let mut reader = Reader::from_str(xml);
    let mut in_pages = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "Pages" => in_pages += 1,
            Ok(Event::End(e)) if e.local_name().as_ref() == "Pages" => {
                in_pages = in_pages.saturating_sub(1)
            }
            Ok(Event::Start(e) | Event::Empty(e))
                if in_pages > 0 && e.local_name().as_ref() == "Page" =>
            {
                if let Some(loc) = content::attr(&e, "BaseLoc") {
                    out.push(loc);
                }
            }
            Ok(Event::Eof) => return Ok(out),
            Err(_) => {
                return Err(OfdProblem::Xml {
                    part: part.to_string(),
                    offset: reader.error_position(),
                })
            }
            _ => {}
        }
    }
}

/// The folder of a part (`Doc_0/Document.xml` → `Doc_0`).
fn parent(part: &str) -> &str {
    let part = part.trim_start_matches('/');
    part.rfind('/').map_or("", |i| &part[..i])
}

/// `loc` resolved against `folder`: absolute when it starts with `/`;
/// `.` and `..` segments are resolved.
fn resolve(folder: &str, loc: &str) -> String {
    let joined = if loc.starts_with('/') {
        loc.to_string()
    } else {
        format!("{folder}/{loc}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split(['/', '\\']) {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_against_the_document_folder() {
        assert_eq!(parent("Doc_0/Document.xml"), "Doc_0");
        assert_eq!(parent("/Document.xml"), "");
        assert_eq!(
            resolve("Doc_0", "Pages/Page_0/Content.xml"),
            "Doc_0/Pages/Page_0/Content.xml"
        );
        assert_eq!(resolve("Doc_0", "/Doc_0/Pages/P.xml"), "Doc_0/Pages/P.xml");
        assert_eq!(resolve("Doc_0", "./Pages/../Res/x.xml"), "Doc_0/Res/x.xml");
        assert_eq!(
            resolve("", "Pages\\Page_0\\Content.xml"),
            "Pages/Page_0/Content.xml"
        );
    }

    #[test]
    fn doc_body_gives_root_and_info_in_either_namespace() {
        for ns in ["http://www.ofdspec.org/2016", "http://www.ofdspec.org"] {
            let xml = format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{ns}" DocType="OFD" Version="1.1">
<ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID><ofd:Title>实施方案</ofd:Title>
<ofd:Author>县政府办</ofd:Author><ofd:CreationDate>2025-03-01</ofd:CreationDate></ofd:DocInfo>
<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"#
            );
            let (root, p) = doc_body(&xml).unwrap();
            assert_eq!(root.as_deref(), Some("Doc_0/Document.xml"));
            assert_eq!(p.title.as_deref(), Some("实施方案"));
            assert_eq!(p.published.as_deref(), Some("2025-03-01"));
        }
        assert!(matches!(
            doc_body("<a><b></a>"),
            Err(OfdProblem::Xml { .. })
        ));
    }

    #[test]
    fn pages_are_listed_in_order() {
        let xml = r#"<Document><CommonData><TemplatePage ID="9" BaseLoc="Tpls/Tpl_0/Content.xml"/></CommonData>
<Pages><Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/><Page ID="2" BaseLoc="Pages/Page_1/Content.xml"></Page></Pages></Document>"#;
        assert_eq!(
            page_locations(xml, "Document.xml").unwrap(),
            ["Pages/Page_0/Content.xml", "Pages/Page_1/Content.xml"]
        );
    }
}
