//! CLI tests of `fangan ingest`, `fangan search` and `fangan similar`: the
//! real binary on copies of the seeds, in temporary folders, with a clean
//! environment.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_fangan");

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// A temporary corpus (a copy of the seeds) and index folder.
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap();
        for e in std::fs::read_dir(seeds()).unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, corpus.join(p.file_name().unwrap())).unwrap();
        }
        Sandbox { dir }
    }

    fn corpus(&self) -> PathBuf {
        self.dir.path().join("corpus")
    }

    fn index(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(BIN);
        c.env_clear()
            .env("NO_COLOR", "1")
            .current_dir(self.dir.path())
            .arg("--corpus")
            .arg(self.corpus())
            .arg("--index")
            .arg(self.index())
            .args(args);
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.run(args);
        assert!(
            out.status.code().is_some_and(|c| c <= 1),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", String::from_utf8_lossy(&out.stdout)))
    }
}

/// The characters `[start, end)` of `text`.
fn chars(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn search_builds_the_index_and_highlights_exact_characters() {
    let sb = Sandbox::new();
    let v = sb.json(&[
        "search",
        "\"专项债\"",
        "--format",
        "json",
        "--limit",
        "1000",
    ]);
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(v["total"].as_u64().unwrap() as usize, hits.len());
    assert!(hits.len() >= 3);
    for h in hits {
        let text = h["text"].as_str().unwrap();
        assert!(h["plan"].is_string() && h["path"].is_string() && h["line"].is_u64());
        let hl = h["highlights"].as_array().unwrap();
        assert!(!hl.is_empty());
        for r in hl {
            let (s, e) = (r[0].as_u64().unwrap(), r[1].as_u64().unwrap());
            assert_eq!(chars(text, s, e), "专项债");
        }
    }
    assert!(sb.index().join("meta.json").is_file());
}

#[test]
fn traditional_characters_find_simplified_text() {
    let sb = Sandbox::new();
    let v = sb.json(&["search", "\"專項債\"", "--format", "json"]);
    assert!(v["total"].as_u64().unwrap() >= 3);
    let h = &v["hits"][0];
    let r = &h["highlights"][0];
    let text = h["text"].as_str().unwrap();
    assert_eq!(
        chars(text, r[0].as_u64().unwrap(), r[1].as_u64().unwrap()),
        "专项债"
    );
}

#[test]
fn malformed_queries_get_a_clear_message() {
    let sb = Sandbox::new();
    for (q, needle) in [
        ("\"专项债", "never closed"),
        ("专项债 AND", "AND needs a term"),
        ("(专项债", "never closed"),
        ("foo:bar", "unknown field"),
        ("year:abc", "year"),
    ] {
        let out = sb.run(&["search", q]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{q}: {err}");
        assert!(err.contains("malformed query"), "{q}: {err}");
        assert!(err.contains(needle), "{q}: {err}");
        assert!(!err.contains("panicked"), "{q}: {err}");
    }
}

#[test]
fn filters_flags_and_counts() {
    let sb = Sandbox::new();
    let all = sb.json(&["search", "\"产业\"", "--format", "json", "--limit", "0"]);
    let one = sb.json(&[
        "search",
        "\"产业\"",
        "--county",
        "平江",
        "--year",
        "2023",
        "--format",
        "json",
        "--limit",
        "1000",
    ]);
    assert!(one["total"].as_u64() < all["total"].as_u64());
    for h in one["hits"].as_array().unwrap() {
        assert_eq!(h["plan"], "pingjiang-2023");
    }
    let counts = sb.json(&["search", "\"专项债\"", "--by", "plan", "--format", "json"]);
    let groups = counts["groups"].as_array().unwrap();
    let sum: u64 = groups
        .iter()
        .map(|g| g["occurrences"].as_u64().unwrap())
        .sum();
    assert_eq!(sum, counts["occurrences"].as_u64().unwrap());
    assert!(groups.iter().any(|g| g["key"] == "xiangyin-2025"));
    let csv = sb.run(&["search", "\"专项债\"", "--by", "year", "--format", "csv"]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    // CSV rows end in CRLF (RFC 4180)
    assert!(csv.starts_with("group,clauses,occurrences\r\n"), "{csv}");
    assert!(csv.contains("\n2025,"), "{csv}");
}

fn ingest(sb: &Sandbox, extra: &[&str]) -> Value {
    let mut args = vec!["ingest", "--format", "json"];
    args.extend_from_slice(extra);
    sb.json(&args)
}

#[test]
fn reingest_skips_unchanged_replaces_changed_and_prunes_removed() {
    let sb = Sandbox::new();
    let first = ingest(&sb, &[]);
    assert_eq!(first["added"].as_array().unwrap().len(), 5);
    let again = ingest(&sb, &[]);
    assert_eq!(again["unchanged"], 5);
    assert_eq!(again["added"].as_array().unwrap().len(), 0);

    let changed = sb.corpus().join("suining-2024.txt");
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("\n全力推进蓝莓深加工产业园建设。\n");
    std::fs::write(&changed, text).unwrap();
    let third = ingest(&sb, &[]);
    assert_eq!(third["replaced"], serde_json::json!(["suining-2024"]));
    assert_eq!(third["unchanged"], 4);
    let v = sb.json(&["search", "\"蓝莓深加工产业园\"", "--format", "json"]);
    assert_eq!(v["total"], 1);

    std::fs::remove_file(sb.corpus().join("pingjiang-2025.txt")).unwrap();
    let fourth = ingest(&sb, &["--prune"]);
    assert_eq!(fourth["pruned"], serde_json::json!(["pingjiang-2025"]));
    assert_eq!(fourth["plans_total"], 4);
    // a filter naming a plan no longer there is an error, not an empty list
    let o = sb.run(&["search", "plan:pingjiang-2025", "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("no plan \"pingjiang-2025\""), "{err}");
}

#[test]
fn gbk_file_is_searchable() {
    let sb = Sandbox::new();
    // "某县稳增长工作方案\n一、工作目标\n全力争取专项债券资金，推进以旧换新。\n" in GBK
    let hex = "c4b3cfd8cec8d4f6b3a4b9a4d7f7b7bdb0b80ad2bba1a2b9a4d7f7c4bfb1ea0ac8abc1a6d5f9c8a1d7a8cfeed5aec8afd7cabdf0a3accdc6bdf8d2d4bec9bbbbd0c2a1a30a";
    let bytes: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect();
    std::fs::write(sb.corpus().join("gbk-plan.txt"), bytes).unwrap();
    let v = sb.json(&["search", "\"争取专项债券资金\"", "--format", "json"]);
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 1, "{v}");
    assert_eq!(hits[0]["plan"], "gbk-plan");
    assert!(hits[0]["text"].as_str().unwrap().contains("推进以旧换新"));
}

/// A folder of many plan files, for an ingest that takes a while.
fn big_corpus(dir: &Path, copies: usize) -> PathBuf {
    let big = dir.join("big");
    std::fs::create_dir_all(&big).unwrap();
    let text = std::fs::read_to_string(seeds().join("xiangyin-2025.txt")).unwrap();
    for i in 0..copies {
        std::fs::write(big.join(format!("copy-{i:04}.txt")), &text).unwrap();
    }
    big
}

#[test]
fn killed_ingest_leaves_the_last_commit_and_a_second_writer_is_refused() {
    let sb = Sandbox::new();
    ingest(&sb, &[]);
    let big = big_corpus(sb.dir.path(), 600);
    let mut child = sb
        .cmd(&["ingest", "--threads", "1"])
        .arg(&big)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // wait until the ingest holds the lock (it writes who it is)
    let lock = sb.index().join("fangan.lock");
    let started = Instant::now();
    while std::fs::read_to_string(&lock).map_or(true, |s| s.is_empty()) {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "ingest never locked"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let second = sb.run(&["ingest"]);
    let err = String::from_utf8_lossy(&second.stderr);
    assert_eq!(second.status.code(), Some(2), "{err}");
    assert!(err.contains("is locked by pid"), "{err}");

    std::thread::sleep(Duration::from_millis(300));
    assert!(
        child.try_wait().unwrap().is_none(),
        "ingest ended too soon to be killed"
    );
    child.kill().unwrap();
    child.wait().unwrap();

    // the previous commit is intact: the seeds are there, nothing of the big folder
    let v = sb.json(&[
        "search",
        "\"专项债\"",
        "--format",
        "json",
        "--limit",
        "1000",
    ]);
    let plans: Vec<&str> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["plan"].as_str().unwrap())
        .collect();
    assert!(plans.contains(&"xiangyin-2025"), "{plans:?}");
    assert!(!plans.iter().any(|p| p.starts_with("copy-")), "{plans:?}");
    // and a new ingest can take the lock again
    let after = ingest(&sb, &[]);
    assert_eq!(after["unchanged"], 5);
}

#[test]
fn similar_finds_the_shared_paragraphs_of_another_county() {
    let sb = Sandbox::new();
    // a clause of pingjiang-2023 that yueyanglou-2023 shares almost word for word
    let v = sb.json(&[
        "search",
        "\"项目\"",
        "plan:pingjiang-2023",
        "kind:tasks",
        "--format",
        "json",
        "--limit",
        "1",
    ]);
    let h = &v["hits"][0];
    let key = format!(
        "{}:{}",
        h["plan"].as_str().unwrap(),
        h["path"].as_str().unwrap()
    );
    let s = sb.json(&["similar", &key, "--format", "json", "--limit", "5"]);
    let hits = s["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|x| x["plan"] != "pingjiang-2023"));
    let sims: Vec<f64> = hits
        .iter()
        .map(|x| x["similarity"].as_f64().unwrap())
        .collect();
    assert!(sims.windows(2).all(|w| w[0] >= w[1]), "{sims:?}");
    let text = sb.json(&[
        "similar",
        "--text",
        "全力争取专项债券资金",
        "--format",
        "json",
    ]);
    assert!(!text["hits"].as_array().unwrap().is_empty());
}

#[test]
fn search_works_on_a_fresh_machine_with_the_built_in_seeds() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .env_clear()
        .current_dir(dir.path())
        .args(["search", "\"专项债\"", "--format", "json"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["total"].as_u64().unwrap() >= 3, "{v}");
    // the seeds' index lives in the cache, not in the user's folder
    assert!(!dir.path().join("index").exists());
}

#[test]
fn a_user_dictionary_is_recorded_and_used_by_queries() {
    let sb = Sandbox::new();
    std::fs::write(
        sb.corpus().join("dict-plan.txt"),
        "某县工作方案\n一、工作目标\n发展蓝莓产业，建设蓝莓深加工基地。\n",
    )
    .unwrap();
    let dict = sb.dir.path().join("user.dict.txt");
    std::fs::write(&dict, "蓝莓深加工 50000 n\n").unwrap();
    let report = ingest(&sb, &["--dict", dict.to_str().unwrap()]);
    assert_eq!(report["refused"].as_array().unwrap().len(), 0, "{report}");
    // bare words highlight the query's words: with the dictionary the word
    // is whole, so the lone 蓝莓 of 蓝莓产业 is not highlighted
    let v = sb.json(&["search", "蓝莓深加工", "--format", "json"]);
    let h = &v["hits"][0];
    let text = h["text"].as_str().unwrap();
    let got: Vec<String> = h["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| chars(text, r[0].as_u64().unwrap(), r[1].as_u64().unwrap()))
        .collect();
    assert_eq!(got, ["蓝莓深加工"], "{v}");
}
