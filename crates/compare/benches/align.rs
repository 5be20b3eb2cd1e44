//! The alignment of the largest seed pair, xiangyin-2025 (~400 clauses
//! with its attachments) against pingjiang-2023, after the dictionary is
//! loaded and the corpus rarity counted: segmentation of both plans,
//! candidates, scoring, the global assignment, labels, evidence and diffs.
//! Target: ≤ 100 ms in a release build.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use fangan_compare::{rarity_of, Aligner};
use fangan_ingest::{corpus::Corpus, parse::Parser};
use fangan_model::Segmenter;

fn seeds() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn bench_align(c: &mut Criterion) {
    let corpus = Corpus::load_dir(&seeds(), &Parser::new()).expect("seeds");
    let doc = |id: &str| {
        corpus
            .documents
            .iter()
            .find(|d| d.meta.id == id)
            .unwrap_or_else(|| panic!("seed {id}"))
    };
    let (xy, pj) = (doc("xiangyin-2025"), doc("pingjiang-2023"));
    let seg = Segmenter::new();
    let aligner = Aligner::builder()
        .build(&seg, rarity_of(&seg, &corpus.documents))
        .unwrap();
    let pairs = aligner.align(xy, pj).pairs.len();
    assert!(pairs >= 10, "only {pairs} pairs");
    c.bench_function("align xiangyin-2025 vs pingjiang-2023", |b| {
        b.iter(|| {
            let cmp = aligner.align(xy, pj);
            assert_eq!(cmp.pairs.len(), pairs);
            cmp
        })
    });
    let prepared = (aligner.prepare(xy), aligner.prepare(pj));
    c.bench_function("align prepared xiangyin-2025 vs pingjiang-2023", |b| {
        b.iter(|| aligner.align_prepared(&prepared.0, &prepared.1))
    });
}

criterion_group!(benches, bench_align);
criterion_main!(benches);
