//! `fangan-bench --breakdown`: where the ingest's CPU time goes.
//!
//! Runs each stage of the ingest alone, on one thread, over the first
//! `mb` MB of the corpus, and prints its CPU seconds per MB of plan text:
//! reading and parsing, reading the responsibility notes, folding, jieba,
//! then tantivy indexing the character field alone, the word field alone
//! (jieba included) and whole clause documents. The stages every complete
//! index must run (parse, notes, fold, the two fields) add up to the floor
//! of the ingest's CPU cost on this machine, whatever the pipeline around
//! them.

use std::path::Path;
use std::sync::Arc;

use fangan_ingest::index::schema::{CHARS, WORDS};
use fangan_ingest::index::tokenizer::{register_tokenizers, word_spans};
use fangan_ingest::index::{document_entries, ClauseDepartments, SearchIndex};
use fangan_ingest::parse::Parser;
use fangan_model::{fold, Document, Segmenter};
use fangan_notes::NoteReader;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index, IndexWriter, TantivyDocument};

/// Memory budget of the one-thread writers (as one thread of the ingest's).
const WRITER_MEMORY: usize = 256 << 20;

/// Times every stage over the first `mb` MB of `corpus` and prints them.
pub fn run(corpus: &Path, mb: u64, cpu_seconds: fn() -> f64) -> anyhow::Result<()> {
    let files = fangan_ingest::corpus::plan_files(corpus)?;
    let parser = Parser::new();
    let mut stages: Vec<(&str, f64, bool)> = Vec::new();
    let mut time = |name: &'static str, floor: bool, f: &mut dyn FnMut()| {
        let start = cpu_seconds();
        f();
        stages.push((name, cpu_seconds() - start, floor));
    };

    let mut docs: Vec<Document> = Vec::new();
    let mut bytes = 0u64;
    time("read + parse", true, &mut || {
        for p in &files {
            if bytes >= mb << 20 {
                break;
            }
            if let Ok(d) = fangan_ingest::corpus::load_file_with(p, &parser, None) {
                bytes += d.text.len() as u64;
                docs.push(d);
            }
        }
    });
    let notes = NoteReader::new();
    time("responsibility notes", true, &mut || {
        for d in &docs {
            for c in &d.clauses {
                std::hint::black_box(ClauseDepartments::of(c, &notes));
            }
        }
    });
    let mut folded: Vec<String> = Vec::new();
    time("fold", true, &mut || {
        folded = docs
            .iter()
            .flat_map(|d| d.clauses.iter().map(|c| fold::fold_str(&c.text)))
            .collect();
    });
    let segmenter = Arc::new(Segmenter::new());
    time("jieba words (inside the word field)", false, &mut || {
        let mut spans = Vec::new();
        for t in &folded {
            spans.clear();
            word_spans(&segmenter, t, &mut spans);
            std::hint::black_box(&spans);
        }
    });
    for (name, field, record) in [
        (
            "tantivy: character field alone",
            CHARS,
            IndexRecordOption::WithFreqsAndPositions,
        ),
        (
            "tantivy: word field alone (with jieba)",
            WORDS,
            IndexRecordOption::WithFreqs,
        ),
    ] {
        let tokenizer = if field == CHARS {
            fangan_ingest::index::tokenizer::CHARS_TOKENIZER
        } else {
            fangan_ingest::index::tokenizer::WORDS_TOKENIZER
        };
        let mut schema = Schema::builder();
        let f = schema.add_text_field(
            field,
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(tokenizer)
                    .set_index_option(record),
            ),
        );
        let index = Index::create_in_ram(schema.build());
        register_tokenizers(&index, segmenter.clone());
        let mut result = Ok(());
        time(name, true, &mut || {
            result = (|| {
                let mut w: IndexWriter = index.writer_with_num_threads(1, WRITER_MEMORY)?;
                for t in &folded {
                    let mut d = TantivyDocument::new();
                    d.add_text(f, t);
                    w.add_document(d)?;
                }
                w.commit()?;
                Ok::<_, tantivy::TantivyError>(())
            })();
        });
        result?;
    }
    let index = SearchIndex::in_ram(segmenter.clone());
    let mut result = Ok(());
    time("tantivy: whole clause documents", false, &mut || {
        result = (|| {
            let mut w: IndexWriter = index.index().writer_with_num_threads(1, WRITER_MEMORY)?;
            for d in &docs {
                for e in document_entries(index.fields(), d, index.notes()) {
                    w.add_document(e)?;
                }
            }
            w.commit()?;
            Ok::<_, tantivy::TantivyError>(())
        })();
    });
    result?;

    let mb = bytes as f64 / 1048576.0;
    println!("breakdown over {mb:.0} MB, one thread, CPU seconds per MB:");
    let mut floor = 0.0;
    for (name, secs, in_floor) in &stages {
        let per = secs / mb.max(0.001);
        println!(
            "  {name:<42} {per:.3}{}",
            if *in_floor { "  (floor)" } else { "" }
        );
        if *in_floor {
            floor += per;
        }
    }
    println!(
        "  floor (the stages marked): {floor:.3} CPU-s/MB = at most {:.1} MB/s on 2 cores",
        2.0 / floor.max(0.001)
    );
    Ok(())
}
