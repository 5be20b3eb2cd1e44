//! `fangan-bench`: the search benchmark of BENCHMARKS.md.
//!
//! Generates a synthetic corpus from the seeds (plans rebuilt from shuffled,
//! mutated seed clauses, under many invented counties and years), ingests it
//! with the catalog's ingest (the code of `fangan ingest`), runs a fixed
//! query set (every phrase of
//! `tests/fixtures/eval/phrases.txt`, quoted, 10 hits with highlights),
//! and times `rg -F` over the same files as a baseline. Prints ingest MB/s,
//! index size, peak memory (VmHWM) and query p50/p99. Then times the
//! `fangan` binary beside it as a user runs it on that index: `show ID`,
//! `leads` and `targets --headline --table` (each a new process that opens
//! the catalog).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

mod breakdown;

use anyhow::Context as _;
use clap::Parser;
use fangan_catalog::{Catalog, IngestRequest};
use fangan_index::SearchRequest;

const PHRASES: &str = include_str!("../../../tests/fixtures/eval/phrases.txt");
/// Phrases timed with ripgrep (a spread of rare and common ones).
const RG_PHRASES: &[&str] = &[
    "专项债",
    "以旧换新",
    "迎老乡、回故乡、建家乡",
    "县域经济",
    "产业",
];
/// Place-name characters of the invented counties.
const PLACE_CHARS: &str = "安宁平和东西南北新城山河湖江云溪桃花石龙凤阳岭泉松竹梅兰金银洞口桂华容";

/// Benchmark: synthetic corpus → ingest → queries, with ripgrep as baseline.
#[derive(Debug, Parser)]
#[command(name = "fangan-bench", about)]
struct Args {
    /// Size of the synthetic corpus in MB.
    #[arg(long, default_value_t = 1024)]
    size_mb: u64,
    /// Folder of the seed plans.
    #[arg(long, default_value = "seeds")]
    seeds: PathBuf,
    /// Folder of the synthetic corpus (reused when it has the right size).
    #[arg(long, default_value = "target/bench/corpus")]
    corpus: PathBuf,
    /// Folder of the index (rebuilt every run).
    #[arg(long, default_value = "target/bench/index")]
    index: PathBuf,
    /// Rounds over the query set.
    #[arg(long, default_value_t = 5)]
    rounds: usize,
    /// Indexing threads.
    #[arg(long)]
    threads: Option<usize>,
    /// Skip the ripgrep baseline.
    #[arg(long)]
    no_rg: bool,
    /// Memory budget of the index writer in MB (all threads together).
    #[arg(long)]
    memory_mb: Option<usize>,
    /// Do not merge segments while ingesting.
    #[arg(long)]
    no_merge: bool,
    /// Time each ingest stage alone on the first MB of the corpus instead
    /// (see BENCHMARKS.md).
    #[arg(long, value_name = "MB")]
    breakdown: Option<u64>,
    /// Query the index left by a previous run instead of ingesting again.
    #[arg(long)]
    reuse_index: bool,
    /// Skip timing the `fangan` commands (show, leads, targets).
    #[arg(long)]
    no_commands: bool,
    /// Only generate the corpus (for `bench/peers/peers.py`), then stop.
    #[arg(long)]
    generate_only: bool,
}

/// mimalloc: indexing allocates many small, short-lived buffers (tokens,
/// documents, clause maps), which glibc's allocator serves markedly slower.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let bytes = generate(&args.seeds, &args.corpus, args.size_mb << 20)?;
    println!(
        "corpus: {} ({:.0} MB)",
        args.corpus.display(),
        bytes as f64 / 1048576.0
    );
    if args.generate_only {
        return Ok(());
    }
    if let Some(mb) = args.breakdown {
        return breakdown::run(&args.corpus, mb, cpu_seconds);
    }

    let catalog = if args.reuse_index {
        Catalog::open(&args.index)?
    } else {
        if args.index.exists() {
            std::fs::remove_dir_all(&args.index)
                .with_context(|| format!("removing {}", args.index.display()))?;
        }
        let mut catalog = Catalog::open_writable(&args.index)?;
        let mut req = IngestRequest {
            paths: vec![args.corpus.clone()],
            ..IngestRequest::default()
        };
        if args.no_merge {
            req.writer.merge_up_to = 0;
        }
        if let Some(mb) = args.memory_mb {
            req.writer.memory = mb << 20;
        }
        if let Some(n) = args.threads {
            req.writer.threads = n.max(1);
        }
        let started = Instant::now();
        let cpu = cpu_seconds();
        let report = catalog.ingest(&req, &mut |_| {})?;
        let ingest = started.elapsed();
        let mb = report.bytes as f64 / 1048576.0;
        println!(
            "ingest: {} plans, {} clauses, {:.0} MB in {:.1}s = {:.1} MB/s wall; {:.2} CPU-s per MB ({} refused)",
            report.added.len(),
            report.clauses,
            mb,
            ingest.as_secs_f64(),
            mb / ingest.as_secs_f64(),
            (cpu_seconds() - cpu) / mb.max(0.001),
            report.refused.len()
        );
        println!("peak memory after ingest (VmHWM): {:.0} MB", peak_rss_mb());
        catalog
    };
    let index = catalog.search_index()?;
    println!(
        "index size: {:.0} MB (plan store included)",
        dir_size(&args.index) as f64 / 1048576.0
    );

    let queries: Vec<String> = PHRASES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| format!("\"{}\"", l.replace('\\', "\\\\").replace('"', "\\\"")))
        .collect();
    let mut times: Vec<Duration> = Vec::new();
    let mut slowest: Vec<(Duration, &str, usize)> = Vec::new();
    let mut hits = 0usize;
    for _ in 0..args.rounds {
        for q in &queries {
            let req = SearchRequest::parse(q)?;
            let t = Instant::now();
            let res = index.search(&req)?;
            let took = t.elapsed();
            times.push(took);
            slowest.push((took, q, res.total));
            hits += res.hits.iter().map(|h| h.highlights.len()).sum::<usize>();
        }
    }
    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    for (took, q, total) in slowest.iter().take(5) {
        println!("  slow: {q} {:.1} ms ({total} clauses)", ms(*took));
    }
    times.sort();
    let pct = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    let (p50, p99) = (pct(0.50), pct(0.99));
    println!(
        "phrase queries with snippets: {} runs, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms ({} highlights)",
        times.len(),
        ms(p50),
        ms(p99),
        ms(*times.last().unwrap_or(&Duration::ZERO)),
        hits
    );
    let mut rg_times = Vec::new();
    if !args.no_rg {
        for phrase in RG_PHRASES {
            let t = Instant::now();
            let out = Command::new("rg")
                .args(["-F", "-c", "--no-messages", phrase])
                .arg(&args.corpus)
                .output();
            match out {
                Ok(_) => rg_times.push(t.elapsed()),
                Err(e) => {
                    println!("rg: not run ({e}); apt-get install ripgrep");
                    break;
                }
            }
        }
        let mut fangan_times = Vec::new();
        for phrase in RG_PHRASES {
            let req = SearchRequest::parse(&format!("\"{phrase}\""))?;
            let t = Instant::now();
            index.search(&req)?;
            fangan_times.push(t.elapsed());
        }
        if !rg_times.is_empty() {
            rg_times.sort();
            fangan_times.sort();
            let rg_med = rg_times[rg_times.len() / 2];
            let fa_med = fangan_times[fangan_times.len() / 2];
            println!(
                "rg -F over the same files: median {:.1} ms over {} phrases; fangan on them: median {:.2} ms; fangan p50 is {:.0}x faster",
                ms(rg_med),
                rg_times.len(),
                ms(fa_med),
                ms(rg_med) / ms(p50).max(0.001)
            );
        }
    }
    println!("peak memory (VmHWM): {:.0} MB", peak_rss_mb());
    if !args.no_commands {
        commands(&catalog, &args.index, &rg_times)?;
    }
    std::io::stdout().flush()?;
    Ok(())
}

/// Times the `fangan` binary beside this one on the index, as a user runs
/// it: a new process each time, reading the catalog from disk.
fn commands(catalog: &Catalog, index: &Path, rg_times: &[Duration]) -> anyhow::Result<()> {
    let exe = std::env::current_exe()?.with_file_name("fangan");
    if !exe.is_file() {
        println!(
            "commands: not timed ({} is missing: cargo build --release --workspace)",
            exe.display()
        );
        return Ok(());
    }
    let ids: Vec<String> = catalog.state().plans.keys().cloned().collect();
    if ids.is_empty() {
        return Ok(());
    }
    let run = |args: &[&str]| -> anyhow::Result<Duration> {
        let t = Instant::now();
        let out = Command::new(&exe)
            .arg("--index")
            .arg(index)
            .args(args)
            .output()
            .with_context(|| format!("running {}", exe.display()))?;
        let took = t.elapsed();
        anyhow::ensure!(
            out.status.success(),
            "fangan {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        );
        Ok(took)
    };
    let median = |mut v: Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let mut rng = Rng(7);
    let mut show = Vec::new();
    for _ in 0..21 {
        let id = &ids[rng.below(ids.len())];
        show.push(run(&["show", id, "--format", "json"])?);
    }
    // the process alone, for scale
    let version = median(
        (0..5)
            .map(|_| {
                let t = Instant::now();
                let _ = Command::new(&exe).arg("--version").output();
                t.elapsed()
            })
            .collect(),
    );
    let leads = median(
        (0..3)
            .map(|_| run(&["leads", "--format", "json"]))
            .collect::<anyhow::Result<_>>()?,
    );
    let targets = median(
        (0..3)
            .map(|_| run(&["targets", "--headline", "--table", "--format", "csv"]))
            .collect::<anyhow::Result<_>>()?,
    );
    let show = median(show);
    let rg = if rg_times.is_empty() {
        String::new()
    } else {
        let mut r = rg_times.to_vec();
        r.sort();
        format!("; rg -F median {:.0} ms", ms(r[r.len() / 2]))
    };
    println!(
        "commands on {} plans (new process each, medians): show ID {:.0} ms, leads {:.0} ms, targets --headline --table {:.0} ms; `fangan --version` {:.0} ms{rg}",
        ids.len(),
        ms(show),
        ms(leads),
        ms(targets),
        ms(version)
    );
    Ok(())
}

/// Bytes of the files under `dir`.
fn dir_size(dir: &Path) -> u64 {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return 0;
    };
    rd.flatten()
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => dir_size(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// CPU time (user + system) of this process so far, in seconds.
fn cpu_seconds() -> f64 {
    // /proc/self/stat fields 14 and 15: utime and stime in clock ticks
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1;
            let f: Vec<&str> = rest.split_whitespace().collect();
            let ticks = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
            Some(ticks / 100.0)
        })
        .unwrap_or(0.0)
}

/// Peak resident memory of this process, from /proc (0 where unknown).
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

/// A small deterministic generator (xorshift64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Writes synthetic plans into `dir` until `target` bytes; reuses a corpus
/// of the same size. Returns its size.
fn generate(seeds: &Path, dir: &Path, target: u64) -> anyhow::Result<u64> {
    let marker = dir.join(".complete");
    if std::fs::read_to_string(&marker).ok().as_deref() == Some(&target.to_string()) {
        return Ok(fangan_ingest::corpus::plan_files(dir)?
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum());
    }
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    let mut templates: Vec<Vec<String>> = Vec::new();
    for p in fangan_ingest::corpus::plan_files(seeds)? {
        let text = std::fs::read_to_string(&p)?;
        templates.push(text.lines().map(str::to_string).collect());
    }
    anyhow::ensure!(
        !templates.is_empty(),
        "no seed plans in {}",
        seeds.display()
    );
    // body lines (not numbered headings) of every seed: the clause pool
    let pool: Vec<&str> = templates
        .iter()
        .flatten()
        .map(String::as_str)
        .filter(|l| l.chars().count() > 30)
        .collect();
    let places: Vec<char> = PLACE_CHARS.chars().collect();
    let old_names = [
        "平江县",
        "湘阴县",
        "绥宁县",
        "岳阳楼区",
        "平江",
        "湘阴",
        "绥宁",
        "岳阳楼",
    ];
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut written = 0u64;
    let mut n = 0usize;
    while written < target {
        let template = &templates[rng.below(templates.len())];
        let county = format!(
            "{}{}{}",
            places[rng.below(places.len())],
            places[rng.below(places.len())],
            if rng.chance(25) { '区' } else { '县' }
        );
        let year = 2018 + rng.below(9);
        let mut out = String::with_capacity(64 << 10);
        out.push_str(&format!("{county}{year}年稳增长工作方案\n"));
        for line in template {
            let mut line = if line.chars().count() > 30 && rng.chance(40) {
                pool[rng.below(pool.len())].to_string()
            } else {
                line.clone()
            };
            for old in old_names {
                if line.contains(old) {
                    line = line.replace(old, &county);
                }
            }
            out.push_str(&mutate_numbers(&line, &mut rng));
            out.push('\n');
        }
        let path = dir.join(format!("plan{n:06}-{year}.txt"));
        std::fs::write(&path, &out)?;
        written += out.len() as u64;
        n += 1;
    }
    std::fs::write(&marker, target.to_string())?;
    Ok(written)
}

/// Replaces some digits with others (targets differ between plans).
fn mutate_numbers(line: &str, rng: &mut Rng) -> String {
    line.chars()
        .map(|c| {
            if c.is_ascii_digit() && rng.chance(30) {
                char::from(b'0' + rng.below(10) as u8)
            } else {
                c
            }
        })
        .collect()
}
