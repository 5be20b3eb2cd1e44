//! Text → a tree of numbered clauses.
//!
//! The pipeline, one file per step:
//! [`lines`] (clean each line, set residue aside) → [`paragraphs`] (join
//! lines, repairing page breaks) → `tree` (labels from [`numbering`] open
//! clauses on a stack) → clauses with [`heading`]s, section kinds and the
//! raw responsibility [`note`] at their end; [`crate::meta`] infers what
//! no manifest said. Every clause keeps a map back to the original bytes.

pub mod heading;
pub mod lines;
pub mod note;
pub mod numbering;
pub mod paragraphs;
mod tree;

use std::path::PathBuf;

use fangan_model::{
    Clause, Document, Level, LineIndex, MappedText, MappedTextBuilder, PlanMeta, RawNote,
    SourceInfo, Span,
};

use crate::read::SourceText;
use paragraphs::Paragraph;
use tree::{Draft, TreeBuilder};

/// Parses plan texts into [`Document`]s. Build once, reuse (it holds no
/// state between documents).
#[derive(Debug, Default, Clone)]
pub struct Parser {}

impl Parser {
    /// A parser with the default settings.
    pub fn new() -> Parser {
        Parser::default()
    }

    /// Parses one decoded text. `meta` carries what a manifest knows; the
    /// rest is inferred from the text and recorded in `meta.inferred`.
    pub fn parse(&self, source: SourceText, path: Option<PathBuf>, mut meta: PlanMeta) -> Document {
        let text = source.text;
        let lines = lines::split(&text);
        let paras = paragraphs::paragraphs(&lines);
        let mut builder = TreeBuilder::default();
        for p in paras.paragraphs {
            builder.push(p);
        }
        let (drafts, warnings) = builder.finish();
        let index = LineIndex::new(&text);
        let clauses: Vec<Clause> = drafts.into_iter().map(|d| to_clause(d, &index)).collect();
        let title = clauses
            .iter()
            .find(|c| c.level == Level::Front)
            .map(|c| c.heading.clone())
            .filter(|h| !h.is_empty());
        let stem = path
            .as_ref()
            .and_then(|p| p.file_stem())
            .and_then(|s| s.to_str())
            .unwrap_or(&meta.id)
            .to_string();
        crate::meta::infer(
            &mut meta,
            &crate::meta::Clues {
                text: &text,
                front: title.as_deref(),
                stem: &stem,
                properties: &source.properties,
            },
        );
        Document {
            meta,
            source: SourceInfo {
                path,
                encoding: source.encoding,
                format: source.format,
                hash: source.hash,
            },
            text,
            clauses,
            residue: paras.residue,
            warnings,
        }
    }

    /// Parses a text given as a string (for tests and `--text` inputs).
    pub fn parse_str(&self, id: &str, text: &str) -> Document {
        let source = SourceText::plain(
            text.to_string(),
            "UTF-8",
            "text",
            blake3::hash(text.as_bytes()).to_hex().to_string(),
        );
        let meta = PlanMeta {
            id: id.to_string(),
            ..PlanMeta::default()
        };
        self.parse(source, None, meta)
    }
}

fn to_clause(d: Draft, lines: &LineIndex) -> Clause {
    let map = join(&d.paras);
    let text = map.text().to_string();
    let span = map.source_span(Span::new(0, text.len()));
    let heading = match d.level {
        Level::Front => title(&d.paras),
        Level::Attachment => Some(title(&d.paras))
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| d.label.clone()),
        Level::Subheading => heading::subheading_lead(&text)
            .unwrap_or_default()
            .to_string(),
        Level::AttachmentList => "附件".to_string(),
        _ => heading::heading(text.get(d.label_len..).unwrap_or("")),
    };
    let notes = if d.level == Level::Front {
        Vec::new()
    } else {
        note::locate(&text)
            .into_iter()
            .map(|range| {
                let span = map.source_span(range);
                RawNote {
                    text: range.slice(&text).to_string(),
                    range,
                    span,
                    line: lines.line(span.start),
                }
            })
            .collect()
    };
    Clause {
        path: d.path,
        label: d.label,
        level: d.level,
        heading,
        kind: d.kind,
        line: d.paras.first().map_or(1, |p| p.line),
        end_line: d.paras.last().map_or(1, |p| p.end_line),
        span,
        parent: d.parent,
        children: d.children,
        notes,
        text,
        map,
    }
}

/// The paragraphs of a clause as one text, joined by `\n` (each `\n` maps
/// to the gap between the paragraphs in the original).
fn join(paras: &[Paragraph]) -> MappedText {
    let bytes = paras.iter().map(|p| p.text().len() + 1).sum();
    let mut b = MappedTextBuilder::with_capacity(bytes);
    let mut prev_end = None;
    for p in paras {
        let span = p.span();
        if let Some(end) = prev_end {
            b.push('\n', Span::new(end, span.start.max(end)));
        }
        b.push_mapped(&p.text);
        prev_end = Some(span.end);
    }
    b.build()
}

/// The title among the first paragraphs of a plan or attachment: a short
/// line without final punctuation that is not the `附件N` marker.
fn title(paras: &[Paragraph]) -> String {
    paras
        .iter()
        .take(3)
        .map(|p| p.text())
        .filter(|t| numbering::recognize(t).is_none_or(|m| m.style != numbering::Style::Attachment))
        .find(|t| t.chars().count() <= 60 && !paragraphs::ends_sentence(t) && !t.ends_with('，'))
        .map(|t| t.trim_end_matches(['。', ' ']).to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
