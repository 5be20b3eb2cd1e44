//! Test fixtures: documents made of clauses given as text.

use fangan_model::{Clause, Document, Level, MappedText, PlanMeta, SectionKind, Span};

use crate::{AdminLevel, Plan, PlanInfo, Reuse};

/// A document whose clauses are `texts`, one per line.
pub fn doc(id: &str, texts: &[&str]) -> Document {
    let mut text = String::new();
    let mut clauses = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let start = text.len();
        text.push_str(t);
        let mut b = fangan_model::MappedTextBuilder::new();
        b.push_copied(t, start);
        clauses.push(Clause {
            path: format!("{}", i + 1),
            label: String::new(),
            level: Level::Task,
            heading: String::new(),
            text: t.to_string(),
            map: b.build(),
            kind: SectionKind::Tasks,
            line: i + 1,
            end_line: i + 1,
            span: Span::new(start, text.len()),
            parent: None,
            children: vec![],
            notes: vec![],
        });
        text.push('\n');
    }
    let _ = MappedText::identity;
    Document {
        meta: PlanMeta {
            id: id.into(),
            ..Default::default()
        },
        source: Default::default(),
        text,
        clauses,
        residue: vec![],
        warnings: vec![],
    }
}

/// Plan info with a level and a year.
pub fn info(id: &str, level: AdminLevel, year: u16) -> PlanInfo {
    PlanInfo {
        id: id.into(),
        level: Some(level),
        year: Some(year),
        ..Default::default()
    }
}

/// Prepares `docs` with `reuse`.
pub fn prepare(reuse: &Reuse, docs: &[Document], infos: &[PlanInfo]) -> Vec<Plan> {
    docs.iter()
        .zip(infos)
        .map(|(d, i)| reuse.prepare(d, i.clone()).expect("valid info"))
        .collect()
}
