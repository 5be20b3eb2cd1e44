//! Reading the five seed plans as UTF-8, CRLF and GBK bytes: the decoding
//! every ingested file goes through (hash, detection, LF normalization).
//!
//! `cargo bench -p fangan-ingest --bench read`

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use fangan_ingest::embedded::SEEDS;
use fangan_ingest::read::read_bytes;

fn read_seeds(c: &mut Criterion) {
    let utf8: Vec<Vec<u8>> = SEEDS.iter().map(|(_, t)| t.as_bytes().to_vec()).collect();
    let crlf: Vec<Vec<u8>> = SEEDS
        .iter()
        .map(|(_, t)| t.replace('\n', "\r\n").into_bytes())
        .collect();
    let gbk: Vec<Vec<u8>> = SEEDS
        .iter()
        .map(|(_, t)| encoding_rs::GBK.encode(t).0.into_owned())
        .collect();
    let text_len: usize = SEEDS.iter().map(|(_, t)| t.len()).sum();
    // GBK cannot encode U+00A0 (in one seed): the encoder writes `&#160;`.
    let gbk_len: usize = gbk.iter().map(|f| encoding_rs::GBK.decode(f).0.len()).sum();
    let mut group = c.benchmark_group("read");
    for (name, files, encoding, expected) in [
        ("utf-8", &utf8, "UTF-8", text_len),
        ("utf-8 crlf", &crlf, "UTF-8", text_len),
        ("gbk", &gbk, "GBK", gbk_len),
    ] {
        let bytes: usize = files.iter().map(Vec::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut total = 0;
                for file in files {
                    let src = read_bytes(file, Path::new("plan.txt")).unwrap();
                    assert_eq!(src.encoding, encoding);
                    total += src.text.len();
                }
                assert_eq!(total, expected);
                total
            })
        });
    }
    group.finish();
}

criterion_group!(benches, read_seeds);
criterion_main!(benches);
