//! Test helpers: in-RAM indexes of parsed plans, with their notes read.

use std::sync::Arc;

use fangan_model::{Document, PlanMeta, Segmenter};
use fangan_notes::NoteReader;

use crate::{ClauseDepartments, SearchIndex, WriterOptions};

/// The departments of every clause of `doc`, read with the built-in table.
pub fn departments_of(doc: &Document) -> Vec<ClauseDepartments> {
    let notes = NoteReader::new();
    doc.clauses
        .iter()
        .map(|c| ClauseDepartments::from_notes(&notes.read_clause(c)))
        .collect()
}

/// An in-RAM index of `docs`, committed and reloaded.
pub fn index_documents(docs: &[Document]) -> SearchIndex {
    let index = SearchIndex::in_ram(Arc::new(Segmenter::new()));
    let mut w = index.writer(&WriterOptions::default()).unwrap();
    for d in docs {
        w.add_plan(d, &departments_of(d)).unwrap();
    }
    w.commit("").unwrap();
    w.finish().unwrap();
    index
}

/// Plans parsed from `(id, text)` pairs.
pub fn parse_texts(texts: &[(&str, &str)]) -> Vec<Document> {
    texts
        .iter()
        .map(|(id, text)| {
            fangan_ingest::parse::Parser::new().parse(
                fangan_ingest::read::SourceText::plain(
                    text.to_string(),
                    "UTF-8",
                    "text",
                    String::new(),
                ),
                None,
                PlanMeta {
                    id: id.to_string(),
                    ..Default::default()
                },
            )
        })
        .collect()
}
