//! Scale benchmark of fangan-reuse: loads a folder of plans (e.g. the
//! synthetic corpus of `fangan-bench`), prepares each plan as it is parsed
//! (the parsed document is dropped at once), runs the analysis, and prints
//! the time of each stage and the peak memory (VmHWM).
//!
//! ```sh
//! cargo run --release --bin fangan-bench -- --size-mb 100 --corpus /tmp/reuse/c100 --no-rg --rounds 1
//! cargo run --release -p fangan-reuse --example reuse_bench -- /tmp/reuse/c100
//! cargo run --release -p fangan-reuse --example reuse_bench -- /tmp/reuse/c100 --method minhash
//! cargo run --release -p fangan-reuse --example reuse_bench -- /tmp/reuse/c100 --both
//! ```

use std::path::{Path, PathBuf};
use std::time::Instant;

use fangan_ingest::corpus::{load_file_with, plan_files};
use fangan_ingest::manifest::Manifest;
use fangan_ingest::parse::Parser;
use fangan_reuse::{cited_titles, CandidateMethod, Plan, PlanInfo, Report, Reuse};
use rayon::prelude::*;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1;
            let f: Vec<&str> = rest.split_whitespace().collect();
            Some((f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?) / 100.0)
        })
        .unwrap_or(0.0)
}

fn load(dir: &Path, reuse: &Reuse) -> (Vec<Plan>, u64, usize) {
    let manifest = Manifest::load(dir).ok().flatten();
    let files: Vec<PathBuf> = plan_files(dir).expect("a folder of plans");
    let parser = Parser::new();
    let results: Vec<Result<(Plan, u64), String>> = files
        .par_iter()
        .map(|p| {
            let doc = load_file_with(p, &parser, manifest.as_ref()).map_err(|e| e.to_string())?;
            let mut info = PlanInfo::from_meta(&doc.meta);
            info.implements = cited_titles(&doc.text);
            let bytes = doc.text.len() as u64;
            let plan = reuse.prepare(&doc, info).map_err(|e| e.to_string())?;
            Ok((plan, bytes))
        })
        .collect();
    let mut plans = Vec::with_capacity(results.len());
    let (mut bytes, mut refused) = (0, 0);
    for r in results {
        match r {
            Ok((p, b)) => {
                bytes += b;
                plans.push(p);
            }
            Err(e) => {
                refused += 1;
                eprintln!("refused: {e}");
            }
        }
    }
    (plans, bytes, refused)
}

fn summary(r: &Report) {
    let s = &r.stats;
    println!(
        "  {} plans, {:.0} M chars, {:.1} M fingerprints, {:.1} M rare postings, boilerplate df {}",
        s.plans,
        s.chars as f64 / 1e6,
        s.fingerprints as f64 / 1e6,
        s.rare_postings as f64 / 1e6,
        s.boilerplate_df
    );
    println!(
        "  {} candidate pairs, {} pairs with passages, {} passages ({} boilerplate), {} clusters, {} edges ({} directed, {} peer-copy)",
        s.candidate_pairs,
        s.pairs_with_passages,
        s.passages,
        s.boilerplate_passages,
        r.clusters.len(),
        r.edges.len(),
        r.edges.iter().filter(|e| e.directed).count(),
        r.edges.iter().filter(|e| e.peer_copy.is_some()).count(),
    );
    for (name, ms) in &s.stages {
        println!("  stage {name:<28} {:>9.2} s", ms / 1000.0);
    }
}

/// Share of `of`'s passages that `by` has a passage overlapping on both
/// sides (same pair) for at least half their length.
fn found_in(of: &Report, by: &Report) -> f64 {
    use std::collections::HashMap;
    let mut idx: HashMap<(u32, u32), Vec<&fangan_reuse::Passage>> = HashMap::new();
    for p in &by.passages {
        idx.entry((p.a, p.b)).or_default().push(p);
    }
    let ov = |x: &std::ops::Range<u32>, y: &std::ops::Range<u32>| {
        x.end.min(y.end).saturating_sub(x.start.max(y.start)) as usize
    };
    let hit = of
        .passages
        .iter()
        .filter(|p| {
            idx.get(&(p.a, p.b)).is_some_and(|qs| {
                qs.iter().any(|q| {
                    2 * ov(&p.a_chars, &q.a_chars) >= p.a_chars.len()
                        && 2 * ov(&p.b_chars, &q.b_chars) >= p.b_chars.len()
                })
            })
        })
        .count();
    hit as f64 / of.passages.len().max(1) as f64
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .expect("usage: reuse_bench DIR [--method ngrams|minhash] [--both]"),
    );
    let mut method = CandidateMethod::Ngrams;
    let mut both = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--method" => {
                method = match args.next().as_deref() {
                    Some("minhash") => CandidateMethod::Minhash,
                    _ => CandidateMethod::Ngrams,
                }
            }
            "--both" => both = true,
            other => panic!("unknown argument {other}"),
        }
    }
    let started = Instant::now();
    let cpu0 = cpu_seconds();
    let reuse = Reuse::builder()
        .candidates(method)
        .build()
        .expect("valid options");
    let (plans, bytes, refused) = load(&dir, &reuse);
    let loaded = started.elapsed().as_secs_f64();
    let held: usize = plans.iter().map(Plan::heap_bytes).sum();
    println!(
        "corpus {}: {} plans, {:.0} MB, {} refused; read + parse + prepare {:.1} s; plans hold {:.0} MB; peak so far {:.0} MB",
        dir.display(),
        plans.len(),
        bytes as f64 / 1048576.0,
        refused,
        loaded,
        held as f64 / 1048576.0,
        peak_rss_mb()
    );
    let t = Instant::now();
    let report = reuse.find(&plans);
    println!("{:?}: {:.1} s", method, t.elapsed().as_secs_f64());
    summary(&report);
    if both {
        let other = match method {
            CandidateMethod::Ngrams => CandidateMethod::Minhash,
            CandidateMethod::Minhash => CandidateMethod::Ngrams,
        };
        let r2 = Reuse::builder()
            .candidates(other)
            .build()
            .expect("valid options");
        let t = Instant::now();
        let report2 = r2.find(&plans);
        println!("{:?}: {:.1} s", other, t.elapsed().as_secs_f64());
        summary(&report2);
        println!(
            "  passages of {:?} also found by {:?}: {:.3}; of {:?} found by {:?}: {:.3}",
            method,
            other,
            found_in(&report, &report2),
            other,
            method,
            found_in(&report2, &report)
        );
    }
    println!(
        "total {:.1} s wall, {:.1} CPU-s; peak memory (VmHWM) {:.0} MB",
        started.elapsed().as_secs_f64(),
        cpu_seconds() - cpu0,
        peak_rss_mb()
    );
}
