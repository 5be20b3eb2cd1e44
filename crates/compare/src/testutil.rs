//! Small invented plans for unit tests: clauses given as
//! `(path, level, text)`, label and heading read off the text, parents
//! found from the paths.

use fangan_model::{Clause, Document, Level, MappedText, PlanMeta, SectionKind, Span};

/// A plan `id` whose clauses are `(path, level, text)` in document order;
/// the original text is the clause texts joined by newlines.
pub fn plan(id: &str, clauses: &[(&str, Level, &str)]) -> Document {
    let mut text = String::new();
    let mut out: Vec<Clause> = Vec::new();
    for (i, (path, level, own)) in clauses.iter().enumerate() {
        let start = text.len();
        text.push_str(own);
        let span = Span::new(start, text.len());
        text.push('\n');
        let label = label_of(own);
        let body = own[label.len()..].trim_start();
        let heading = body
            .find('。')
            .map(|at| body[..at].to_string())
            .unwrap_or_default();
        let parent = path
            .rfind('/')
            .and_then(|cut| out.iter().position(|c| c.path == path[..cut]));
        if let Some(p) = parent {
            out[p].children.push(i);
        }
        let kind = if path.starts_with('三') {
            SectionKind::Mechanism
        } else if path.starts_with('一') {
            SectionKind::Objectives
        } else {
            SectionKind::Tasks
        };
        out.push(Clause {
            path: path.to_string(),
            label: label.to_string(),
            level: *level,
            heading,
            text: own.to_string(),
            map: MappedText::identity(own),
            kind,
            line: i + 1,
            end_line: i + 1,
            span,
            parent,
            children: vec![],
            notes: vec![],
        });
    }
    Document {
        meta: PlanMeta {
            id: id.to_string(),
            ..PlanMeta::default()
        },
        source: Default::default(),
        text,
        clauses: out,
        residue: vec![],
        warnings: vec![],
    }
}

/// The numbering label at the start of `text` (`一、`, `（二）`, `3.`, `——`).
fn label_of(text: &str) -> &str {
    if text.starts_with("——") {
        return "——";
    }
    for close in ['、', '）', ')', '.'] {
        if let Some(at) = text.find(close) {
            let end = at + close.len_utf8();
            if text[..at].chars().count() <= 3 {
                return &text[..end];
            }
        }
    }
    ""
}
