//! Text → a tree of numbered clauses. (Placeholder: one front clause.)

use fangan_model::{Clause, Document, Level, MappedText, PlanMeta, SectionKind, SourceInfo, Span};

use crate::read::SourceText;

/// Parses plan texts into [`Document`]s. Build once, reuse.
#[derive(Debug, Default, Clone)]
pub struct Parser {}

impl Parser {
    /// A parser with the default settings.
    pub fn new() -> Parser {
        Parser::default()
    }

    /// Parses one decoded text.
    pub fn parse(
        &self,
        source: SourceText,
        path: Option<std::path::PathBuf>,
        meta: PlanMeta,
    ) -> Document {
        let text = source.text;
        let clause = Clause {
            path: "前言".into(),
            label: String::new(),
            level: Level::Front,
            heading: String::new(),
            map: MappedText::identity(&text),
            text: text.clone(),
            kind: SectionKind::Other,
            line: 1,
            end_line: text.lines().count().max(1),
            span: Span::new(0, text.len()),
            parent: None,
            children: vec![],
            notes: vec![],
        };
        Document {
            meta,
            source: SourceInfo {
                path,
                encoding: source.encoding,
                format: source.format,
                hash: source.hash,
            },
            text,
            clauses: vec![clause],
            residue: vec![],
            warnings: vec![],
        }
    }
}
