//! Tiny fixtures for unit tests: documents built by hand.

use fangan_model::{
    Clause, Document, Level, MappedText, PlanMeta, RawNote, SectionKind, SourceInfo, Span,
};

/// A clause of a fixture plan: path, heading, section kind, text; a note is
/// located as the text's trailing bracket, if any.
pub struct C<'a>(pub &'a str, pub &'a str, pub SectionKind, pub &'a str);

/// A plan with `clauses`, its notes located at each text's last `(`/`（`.
pub fn doc(id: &str, county: &str, year: u16, clauses: &[C]) -> Document {
    let mut text = String::new();
    let mut out = Vec::new();
    for (i, C(path, heading, kind, body)) in clauses.iter().enumerate() {
        let start = text.len();
        text.push_str(body);
        text.push('\n');
        let notes = [body.rfind('（'), body.rfind('(')]
            .into_iter()
            .flatten()
            .min()
            .filter(|_| *kind != SectionKind::Mechanism)
            .map(|at| RawNote {
                text: body[at..].to_string(),
                range: Span::new(at, body.len()),
                span: Span::new(start + at, start + body.len()),
                line: i + 1,
            })
            .into_iter()
            .collect();
        out.push(Clause {
            path: path.to_string(),
            label: String::new(),
            level: Level::Task,
            heading: heading.to_string(),
            text: body.to_string(),
            map: MappedText::identity(body),
            kind: *kind,
            line: i + 1,
            end_line: i + 1,
            span: Span::new(start, start + body.len()),
            parent: None,
            children: Vec::new(),
            notes,
        });
    }
    Document {
        meta: PlanMeta {
            id: id.to_string(),
            county: Some(county.to_string()),
            year: Some(year),
            ..PlanMeta::default()
        },
        source: SourceInfo::default(),
        text,
        clauses: out,
        residue: Vec::new(),
        warnings: Vec::new(),
    }
}
