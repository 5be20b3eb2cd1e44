//! Extracting targets from the five seed plans, line by line (the work of
//! `fangan targets` minus parsing), and building the extractor.
//!
//! `cargo bench -p fangan-targets --bench extract`

use criterion::{criterion_group, criterion_main, Criterion};
use fangan_targets::Extractor;

const SEEDS: &[&str] = &[
    include_str!("../../../seeds/pingjiang-2023.txt"),
    include_str!("../../../seeds/pingjiang-2025.txt"),
    include_str!("../../../seeds/suining-2024.txt"),
    include_str!("../../../seeds/xiangyin-2025.txt"),
    include_str!("../../../seeds/yueyanglou-2023.txt"),
];

fn extract(c: &mut Criterion) {
    let extractor = Extractor::new();
    let count = |e: &Extractor| SEEDS.iter().map(|s| e.extract(s).len()).sum::<usize>();
    // measure the right work: the seeds hold a few hundred targets
    let n = count(&extractor);
    assert!((200..400).contains(&n), "{n} targets");
    c.bench_function("extract five seed plans", |b| b.iter(|| count(&extractor)));
    c.bench_function("build extractor", |b| b.iter(Extractor::new));
}

criterion_group!(benches, extract);
criterion_main!(benches);
