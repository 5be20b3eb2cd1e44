//! `fangan-bench` on a tiny corpus: the benchmark and its breakdown keep
//! running and print every figure BENCHMARKS.md quotes (the timings are not
//! checked here: speed is measured outside the test suite).

use std::path::PathBuf;
use std::process::Command;

/// Runs `fangan-bench ARGS` in the repository (where `seeds/` is); it must
/// succeed.
fn bench(args: &[&str]) -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::new(env!("CARGO_BIN_EXE_fangan-bench"))
        .args(args)
        .current_dir(root)
        .output()
        .expect("run fangan-bench");
    assert!(
        out.status.success(),
        "fangan-bench {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

#[test]
fn bench_ingests_queries_and_breaks_down_a_small_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let index = dir.path().join("index");
    let (corpus, index) = (corpus.to_str().unwrap(), index.to_str().unwrap());
    let common = ["--size-mb", "1", "--corpus", corpus];
    let run = bench(&[&common[..], &["--index", index, "--rounds", "1", "--no-rg"]].concat());
    for line in [
        "ingest: ",
        "peak memory after ingest",
        "index size: ",
        "phrase queries with snippets: ",
    ] {
        assert!(run.contains(line), "{line:?} missing:\n{run}");
    }
    // every plan generated was ingested, none refused
    let plans = std::fs::read_dir(corpus)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "txt")
        })
        .count();
    assert!(run.contains(&format!("ingest: {plans} plans,")), "{run}");
    assert!(run.contains("(0 refused)"), "{run}");

    let breakdown = bench(&[&common[..], &["--breakdown", "1"]].concat());
    for stage in [
        "read + parse",
        "responsibility notes",
        "fold",
        "jieba words",
        "tantivy: character field alone",
        "tantivy: word field alone",
        "tantivy: whole clause documents",
        "floor (the stages marked)",
    ] {
        assert!(breakdown.contains(stage), "{stage:?} missing:\n{breakdown}");
    }
}
