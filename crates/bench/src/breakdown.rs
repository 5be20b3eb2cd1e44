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

use fangan_index::schema::{CHARS, WORDS};
use fangan_index::tokenizer::{register_tokenizers, word_spans, CHARS_TOKENIZER, WORDS_TOKENIZER};
use fangan_index::{ClauseDepartments, SearchIndex, WriterOptions};
use fangan_ingest::parse::Parser;
use fangan_model::{fold, Document, Segmenter};
use fangan_notes::NoteReader;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index, IndexWriter, TantivyDocument};

/// Memory budget of the one-thread writers (as one thread of the ingest's).
const WRITER_MEMORY: usize = 256 << 20;

/// The stages timed so far: name, CPU seconds, whether in the floor.
struct Stages {
    cpu_seconds: fn() -> f64,
    done: Vec<(&'static str, f64, bool)>,
}

impl Stages {
    /// Runs `f` as the stage `name` and returns what it returns.
    fn time<T>(&mut self, name: &'static str, floor: bool, f: impl FnOnce() -> T) -> T {
        let start = (self.cpu_seconds)();
        let out = f();
        self.done.push((name, (self.cpu_seconds)() - start, floor));
        out
    }
}

/// Indexes `texts` into a fresh in-RAM index of the one field `field`, on
/// one writer thread.
fn index_one_field(
    segmenter: &Arc<Segmenter>,
    field: &str,
    tokenizer: &str,
    record: IndexRecordOption,
    texts: &[String],
) -> tantivy::Result<()> {
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
    let mut w: IndexWriter = index.writer_with_num_threads(1, WRITER_MEMORY)?;
    for t in texts {
        let mut d = TantivyDocument::new();
        d.add_text(f, t);
        w.add_document(d)?;
    }
    w.commit()?;
    Ok(())
}

/// Times every stage over the first `mb` MB of `corpus` and prints them.
pub fn run(corpus: &Path, mb: u64, cpu_seconds: fn() -> f64) -> anyhow::Result<()> {
    let files = fangan_ingest::corpus::plan_files(corpus)?;
    let parser = Parser::new();
    let mut stages = Stages {
        cpu_seconds,
        done: Vec::new(),
    };

    let docs: Vec<Document> = stages.time("read + parse", true, || {
        let mut docs = Vec::new();
        let mut bytes = 0u64;
        for p in &files {
            if bytes >= mb << 20 {
                break;
            }
            if let Ok(d) = fangan_ingest::corpus::load_file_with(p, &parser, None) {
                bytes += d.text.len() as u64;
                docs.push(d);
            }
        }
        docs
    });
    let bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();
    let notes = NoteReader::new();
    let depts: Vec<Vec<ClauseDepartments>> = stages.time("responsibility notes", true, || {
        docs.iter()
            .map(|d| {
                d.clauses
                    .iter()
                    .map(|c| ClauseDepartments::from_notes(&notes.read_clause(c)))
                    .collect()
            })
            .collect()
    });
    let folded: Vec<String> = stages.time("fold", true, || {
        docs.iter()
            .flat_map(|d| d.clauses.iter().map(|c| fold::fold_str(&c.text)))
            .collect()
    });
    let segmenter = Arc::new(Segmenter::new());
    stages.time("jieba words (inside the word field)", false, || {
        let mut spans = Vec::new();
        for t in &folded {
            spans.clear();
            word_spans(&segmenter, t, &mut spans);
            std::hint::black_box(&spans);
        }
    });
    stages.time("tantivy: character field alone", true, || {
        index_one_field(
            &segmenter,
            CHARS,
            CHARS_TOKENIZER,
            IndexRecordOption::WithFreqsAndPositions,
            &folded,
        )
    })?;
    stages.time("tantivy: word field alone (with jieba)", true, || {
        index_one_field(
            &segmenter,
            WORDS,
            WORDS_TOKENIZER,
            IndexRecordOption::WithFreqs,
            &folded,
        )
    })?;
    let index = SearchIndex::in_ram(segmenter.clone());
    stages.time("tantivy: whole clause documents", false, || {
        let mut w = index.writer(&WriterOptions {
            threads: 1,
            memory: WRITER_MEMORY,
            ..WriterOptions::default()
        })?;
        for (d, dep) in docs.iter().zip(&depts) {
            w.add_plan(d, dep)?;
        }
        w.commit("")?;
        w.finish()
    })?;

    let mb = bytes as f64 / 1048576.0;
    println!("breakdown over {mb:.0} MB, one thread, CPU seconds per MB:");
    let mut floor = 0.0;
    for (name, secs, in_floor) in &stages.done {
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
