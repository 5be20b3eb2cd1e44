//! Parsing the five seed plans (issue target: well under 50 ms in all).
//!
//! `cargo bench -p fangan-ingest --bench parse`

use criterion::{criterion_group, criterion_main, Criterion};
use fangan_ingest::embedded::SEEDS;
use fangan_ingest::parse::Parser;

fn parse_seeds(c: &mut Criterion) {
    let parser = Parser::new();
    let total_bytes: usize = SEEDS.iter().map(|(_, t)| t.len()).sum();
    let mut group = c.benchmark_group("parse");
    group.throughput(criterion::Throughput::Bytes(total_bytes as u64));
    group.bench_function("all five seeds", |b| {
        b.iter(|| {
            let clauses: usize = SEEDS
                .iter()
                .map(|(name, text)| parser.parse_str(name, text).clauses.len())
                .sum();
            assert_eq!(clauses, 40 + 16 + 24 + 253 + 26);
            clauses
        })
    });
    group.finish();
}

criterion_group!(benches, parse_seeds);
criterion_main!(benches);
