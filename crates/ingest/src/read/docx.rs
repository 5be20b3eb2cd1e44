//! Word `.docx` → text: the paragraphs of the main document part.
//!
//! Owns the reading of WordprocessingML, reduced to lines:
//! - the main part is `word/document.xml` (or the part `_rels/.rels` names
//!   as the office document, for generators that call it otherwise);
//! - each `w:p` is one line (an empty paragraph is an empty line); the
//!   `w:t` texts of its runs are concatenated; `w:tab` (and `w:ptab`) is
//!   a tab, `w:br` and `w:cr` a line break, `w:noBreakHyphen` a hyphen;
//! - field codes, deleted text (`w:delText`) and the source side of moves
//!   (`w:moveFrom`) are not text; of a markup-compatibility choice only the
//!   `mc:Choice` is read (its `mc:Fallback` repeats the same text box);
//! - a paragraph nested in a text box starts its own line.
//!
//! Numbers produced by Word's automatic list numbering are not in the text
//! (they live in `numbering.xml`); plans type their numbering by hand.
//!
//! The title, creator and creation date of `docProps/core.xml` become the
//! [`Properties`].

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use super::error::DocxProblem;
use super::properties::Properties;

/// Largest decompressed main part read, in bytes (guards against zip bombs).
pub const MAX_PART: u64 = 256 * 1024 * 1024;

/// Most bytes reserved up front for a part, whatever its header claims.
const PREALLOCATE: u64 = 8 * 1024 * 1024;

/// The main part's usual name.
const MAIN_PART: &str = "word/document.xml";

/// WordprocessingML namespaces (transitional and strict).
const W_NS: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/// The markup-compatibility namespace (`mc:AlternateContent`).
const MC_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// The text and properties of a docx.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocxDocument {
    /// One paragraph per line, each line ending in `\n`.
    pub text: String,
    /// From `docProps/core.xml`, when it has them.
    pub properties: Properties,
}

/// The text of a docx held in `bytes`, one paragraph per line, each line
/// ending in `\n`.
pub fn document_text(bytes: &[u8]) -> Result<String, DocxProblem> {
    document(bytes).map(|d| d.text)
}

/// The text and properties of a docx held in `bytes`.
pub fn document(bytes: &[u8]) -> Result<DocxDocument, DocxProblem> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| DocxProblem::NotZip)?;
    let name = if archive.index_for_name(MAIN_PART).is_some() {
        MAIN_PART.to_string()
    } else {
        let rels = read_part(&mut archive, "_rels/.rels")?;
        main_part_from_rels(&rels).ok_or(DocxProblem::NoDocument)?
    };
    let xml = read_part(&mut archive, &name)?;
    let text = paragraphs(&xml)?;
    let properties = read_part(&mut archive, "docProps/core.xml")
        .map(|core| core_properties(&core))
        .unwrap_or_default();
    Ok(DocxDocument { text, properties })
}

/// `dc:title`, `dc:creator` and `dcterms:created` of `docProps/core.xml`.
fn core_properties(xml: &str) -> Properties {
    let mut props = Properties::default();
    let mut reader = NsReader::from_str(xml);
    let mut field = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                field = e.local_name().as_ref().to_string();
            }
            Ok(Event::Text(t)) => {
                let value = t.xml10_content();
                match field.as_str() {
                    "title" => props.set_title(&value),
                    "creator" => props.set_source(&value),
                    "created" => props.set_published(&value),
                    _ => {}
                }
            }
            Ok(Event::End(_)) => field.clear(),
            Ok(Event::Eof) | Err(_) => return props,
            _ => {}
        }
    }
}

/// Reads one part of the archive as text (UTF-8, or UTF-16 with a BOM).
fn read_part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<String, DocxProblem> {
    let file = archive.by_name(name).map_err(|e| match e {
        zip::result::ZipError::FileNotFound => DocxProblem::NoDocument,
        _ => DocxProblem::Unreadable,
    })?;
    // The declared size is only a hint: a hostile archive can lie.
    let mut raw = Vec::with_capacity(file.size().min(PREALLOCATE) as usize);
    file.take(MAX_PART + 1)
        .read_to_end(&mut raw)
        .map_err(|_| DocxProblem::Unreadable)?;
    if raw.len() as u64 > MAX_PART {
        return Err(DocxProblem::TooLarge { limit: MAX_PART });
    }
    let (text, _, malformed) = encoding_rs::UTF_8.decode(&raw);
    if malformed {
        return Err(DocxProblem::NotUtf8);
    }
    Ok(text.into_owned())
}

/// The target of the `officeDocument` relationship in `_rels/.rels`.
fn main_part_from_rels(rels: &str) -> Option<String> {
    let mut reader = NsReader::from_str(rels);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                let attr = |key: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == key)
                        .and_then(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .ok()
                                .map(|v| v.into_owned())
                        })
                };
                if attr("Type").is_some_and(|t| t.ends_with("/officeDocument")) {
                    return attr("Target").map(|t| t.trim_start_matches('/').to_string());
                }
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

/// Collects the paragraphs of a WordprocessingML document part.
pub fn paragraphs(xml: &str) -> Result<String, DocxProblem> {
    let mut reader = NsReader::from_str(xml);
    let mut out = String::with_capacity(xml.len() / 4);
    let mut in_text = false;
    let mut run_depth = 0usize;
    let mut skip_depth = 0usize;
    // One entry per open paragraph: has a nested paragraph interrupted it?
    let mut open_paragraphs: Vec<bool> = Vec::new();
    loop {
        // Classify the namespace at once: it borrows the reader.
        let step = reader
            .read_resolved_event()
            .map(|(ns, event)| (Space::of(&ns), event));
        let Ok((space, event)) = step else {
            return Err(DocxProblem::Xml {
                offset: reader.error_position(),
            });
        };
        let word = space == Space::Word;
        match event {
            Event::Eof => break,
            Event::Start(_) if skip_depth > 0 => skip_depth += 1,
            Event::End(_) if skip_depth > 0 => skip_depth -= 1,
            _ if skip_depth > 0 => {}
            Event::Start(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if (space == Space::Compat && name == "Fallback")
                    || (word && matches!(name, "moveFrom" | "delText" | "instrText"))
                {
                    skip_depth = 1;
                } else if word {
                    match name {
                        "p" => {
                            if let Some(outer) = open_paragraphs.last_mut() {
                                *outer = true;
                                if !at_line_start(&out) {
                                    out.push('\n');
                                }
                            }
                            open_paragraphs.push(false);
                        }
                        "r" => run_depth += 1,
                        "t" => in_text = true,
                        _ => {}
                    }
                }
            }
            Event::Empty(e) if word => match e.local_name().as_ref() {
                "p" => out.push('\n'),
                "tab" | "ptab" if run_depth > 0 => out.push('\t'),
                "br" | "cr" if run_depth > 0 => out.push('\n'),
                "noBreakHyphen" if run_depth > 0 => out.push('-'),
                _ => {}
            },
            Event::End(e) if word => match e.local_name().as_ref() {
                "p" => {
                    let interrupted = open_paragraphs.pop().unwrap_or(false);
                    if !(interrupted && at_line_start(&out)) {
                        out.push('\n');
                    }
                }
                "r" => run_depth = run_depth.saturating_sub(1),
                "t" => in_text = false,
                _ => {}
            },
            Event::Text(t) if in_text => out.push_str(&t.xml10_content()),
            Event::CData(t) if in_text => out.push_str(&t),
            Event::GeneralRef(r) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    out.push(c);
                } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&r) {
                    out.push_str(s);
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// The namespaces the reader cares about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Space {
    Word,
    Compat,
    Other,
}

impl Space {
    fn of(ns: &ResolveResult<'_>) -> Space {
        match ns {
            ResolveResult::Bound(n) if W_NS.contains(&n.0) => Space::Word,
            ResolveResult::Bound(n) if n.0 == MC_NS => Space::Compat,
            _ => Space::Other,
        }
    }
}

fn at_line_start(out: &str) -> bool {
    out.is_empty() || out.ends_with('\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}</w:body></w:document>"#
        )
    }

    #[test]
    fn runs_tabs_and_breaks() {
        let xml = doc(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>
<w:r><w:t>1.</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">强化</w:t></w:r><w:r><w:t>政策协同。</w:t></w:r></w:p>
<w:p/><w:p><w:r><w:t>甲</w:t><w:br/><w:t>乙&amp;丙&#x4E01;</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            paragraphs(&xml).unwrap(),
            "1.\t强化政策协同。\n\n甲\n乙&丙丁\n"
        );
    }

    #[test]
    fn deleted_moved_fields_and_fallbacks_are_not_text() {
        let xml = doc(
            r#"<w:p><w:del><w:r><w:delText>旧</w:delText></w:r></w:del><w:ins><w:r><w:t>新</w:t></w:r></w:ins>
<w:r><w:instrText> PAGE </w:instrText></w:r><w:moveFrom><w:r><w:t>移走</w:t></w:r></w:moveFrom></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></mc:Choice>
<mc:Fallback><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>后</w:t></w:r></w:p>"#,
        );
        assert_eq!(paragraphs(&xml).unwrap(), "新\n框\n后\n");
    }

    #[test]
    fn malformed_xml_is_a_problem_with_an_offset() {
        let err = paragraphs(&doc("<w:p><w:r><w:t>x</w:r></w:p>")).unwrap_err();
        assert!(matches!(err, DocxProblem::Xml { offset } if offset > 0));
    }

    #[test]
    fn rels_name_the_main_part() {
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>"#;
        assert_eq!(
            main_part_from_rels(rels).as_deref(),
            Some("word/document2.xml")
        );
        assert_eq!(main_part_from_rels("<x/>"), None);
    }

    #[test]
    fn core_properties_are_read() {
        let core = r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
<dc:title>担当好稳增长挑大梁的责任实施方案</dc:title><dc:creator>县发改局</dc:creator>
<dcterms:created>2025-03-01T08:00:00Z</dcterms:created></cp:coreProperties>"#;
        let p = core_properties(core);
        assert_eq!(p.title.as_deref(), Some("担当好稳增长挑大梁的责任实施方案"));
        assert_eq!(p.source.as_deref(), Some("县发改局"));
        assert_eq!(p.published.as_deref(), Some("2025-03-01"));
    }

    #[test]
    fn non_zip_bytes_are_refused() {
        assert_eq!(document_text(b"not a zip"), Err(DocxProblem::NotZip));
    }
}
