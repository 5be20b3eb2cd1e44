//! Search benchmarks over the seed plans in an in-RAM index: quoted phrases
//! with highlights, bare words, one character, and per-plan counts. Each
//! benchmark first checks its result count against a brute-force scan, so
//! it measures the right work. Run: `cargo bench -p fangan-index --bench search`.

use std::path::PathBuf;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use fangan_index::{ClauseDepartments, GroupBy, SearchIndex, SearchRequest, WriterOptions};
use fangan_ingest::corpus::Corpus;
use fangan_ingest::parse::Parser;
use fangan_model::{fold, Segmenter};
use fangan_notes::NoteReader;

fn seeds() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// Clauses whose folded text contains `phrase`, by brute force.
fn brute(corpus: &Corpus, phrase: &str) -> usize {
    corpus
        .documents
        .iter()
        .flat_map(|d| &d.clauses)
        .filter(|c| fold::fold_str(&c.text).contains(phrase))
        .count()
}

fn bench(c: &mut Criterion) {
    let corpus = Corpus::load_dir(&seeds(), &Parser::new()).expect("seeds");
    let index = SearchIndex::in_ram(Arc::new(Segmenter::new()));
    let notes = NoteReader::new();
    let mut w = index.writer(&WriterOptions::default()).expect("writer");
    for d in &corpus.documents {
        let depts: Vec<ClauseDepartments> = d
            .clauses
            .iter()
            .map(|c| ClauseDepartments::from_notes(&notes.read_clause(c)))
            .collect();
        w.add_plan(d, &depts).expect("add");
    }
    w.commit("").expect("commit");
    w.finish().expect("finish");

    for (name, query, phrase) in [
        (
            "phrase_rare",
            "\"迎老乡、回故乡、建家乡\"",
            "迎老乡、回故乡、建家乡",
        ),
        ("phrase_common", "\"产业\"", "产业"),
        ("one_char", "\"债\"", "债"),
    ] {
        let mut req = SearchRequest::parse(query).expect("query");
        req.limit(10);
        let expected = brute(&corpus, phrase);
        assert!(expected > 0);
        assert_eq!(index.search(&req).expect("search").total, expected);
        c.bench_function(name, |b| {
            b.iter(|| index.search(&req).expect("search"));
        });
    }

    let mut words = SearchRequest::parse("专项债 项目").expect("query");
    words.limit(10);
    assert!(index.search(&words).expect("search").total > 0);
    c.bench_function("bare_words", |b| {
        b.iter(|| index.search(&words).expect("search"));
    });

    let count = SearchRequest::parse("\"专项债\"").expect("query");
    let counted = index.count(&count, Some(GroupBy::Plan)).expect("count");
    assert_eq!(counted.clauses, brute(&corpus, "专项债"));
    c.bench_function("count_by_plan", |b| {
        b.iter(|| index.count(&count, Some(GroupBy::Plan)).expect("count"));
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
