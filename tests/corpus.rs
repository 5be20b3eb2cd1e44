//! One corpus for every command (issue 10): the seeds on a fresh machine,
//! exactly a researcher's plans after an ingest, `--corpus` kept up to date,
//! one resolver, filters that name nothing, pipes, shared indexes.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use crate::util::root;

const BIN: &str = env!("CARGO_BIN_EXE_fangan");

/// A temporary folder with a researcher's plans in subfolders, and the
/// fangan command run there with a clean environment (the cache in the
/// folder too).
struct Desk {
    dir: tempfile::TempDir,
}

/// Real plans of other provinces, from the real-world set.
const PLANS: &[(&str, &str)] = &[
    (
        "shanxi/jiangxian-2023.txt",
        "tests/fixtures/realworld/batch-a/docs/shanxi-jiangxian-2023-zhuanyezhen.txt",
    ),
    (
        "henan/kaifeng-2020.txt",
        "tests/fixtures/realworld/batch-a/docs/henan-kaifeng-2020-zhizaoye.txt",
    ),
    ("hunan/pingjiang-2023.md", "seeds/pingjiang-2023.txt"),
    ("hunan/xiangyin-2025.txt", "seeds/xiangyin-2025.txt"),
];

impl Desk {
    fn new() -> Desk {
        let dir = tempfile::tempdir().unwrap();
        Desk { dir }
    }

    fn path(&self, p: &str) -> PathBuf {
        self.dir.path().join(p)
    }

    /// `plans/` with the [`PLANS`] (their ids: their paths without the
    /// extension).
    fn with_plans(self) -> Desk {
        for (to, from) in PLANS {
            let to = self.path("plans").join(to);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(root().join(from), to).unwrap();
        }
        self
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(BIN);
        c.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("XDG_CACHE_HOME", self.path("cache"))
            .current_dir(self.dir.path())
            .args(args);
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().unwrap()
    }

    /// Runs a command that must succeed; its standard output.
    fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert!(
            o.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.ok(args);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"))
    }

    /// Runs a command that must fail with exit status 2; its one-line error.
    fn fails(&self, args: &[&str]) -> String {
        let o = self.run(args);
        let err = String::from_utf8_lossy(&o.stderr).trim().to_string();
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: one line: {err}");
        err
    }
}

fn ids(list: &Value) -> Vec<String> {
    let mut v: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn every_command_works_on_the_built_in_seeds_in_an_empty_folder() {
    let desk = Desk::new();
    let list = desk.json(&["list", "--format", "json"]);
    assert_eq!(
        ids(&list),
        [
            "pingjiang-2023",
            "pingjiang-2025",
            "suining-2024",
            "xiangyin-2025",
            "yueyanglou-2023"
        ]
    );
    assert!(desk.ok(&["show", "xiangyin-2025"]).contains("附件1"));
    assert!(desk
        .ok(&["show", "平江", "--year", "2023"])
        .starts_with("pingjiang-2023"));
    assert!(desk
        .ok(&["show", "平江@2025", "--text"])
        .starts_with("pingjiang-2025"));
    let hits = desk.json(&["search", "\"专项债\"", "--format", "json"]);
    assert!(hits["total"].as_u64().unwrap() >= 3);
    desk.ok(&["similar", "pingjiang-2023:二/（二）/5"]);
    let diff = desk.json(&[
        "diff",
        "pingjiang-2023",
        "xiangyin-2025",
        "--format",
        "json",
    ]);
    assert!(!diff["pairs"].as_array().unwrap().is_empty());
    // each plan with its own year: 湘阴 has one plan, of 2025
    desk.ok(&["diff", "平江", "湘阴", "--year", "2023"]);
    assert!(desk.ok(&["leads"]).contains("发改局"));
    assert!(desk
        .ok(&["targets", "--headline", "--table"])
        .contains("地区生产总值"));
    // nothing was written in the folder: the seed index lives in the cache
    assert!(!desk.path("index").exists());
    assert!(desk.path("cache/fangan").is_dir());
}

#[test]
fn an_ingested_folder_is_exactly_what_every_command_reads() {
    let desk = Desk::new().with_plans();
    let report = desk.json(&["ingest", "plans", "--index", "idx", "--format", "json"]);
    assert_eq!(report["plans_total"], 4, "{report}");
    let list = desk.json(&["--index", "idx", "list", "--format", "json"]);
    let want = [
        "henan/kaifeng-2020",
        "hunan/pingjiang-2023",
        "hunan/xiangyin-2025",
        "shanxi/jiangxian-2023",
    ];
    assert_eq!(ids(&list), want);
    for id in want {
        let show = desk.json(&["--index", "idx", "show", id, "--format", "json"]);
        assert_eq!(show["plan"]["id"], id);
    }
    let hits = desk.json(&[
        "--index",
        "idx",
        "search",
        "\"发展\"",
        "--format",
        "json",
        "--limit",
        "1000",
    ]);
    for h in hits["hits"].as_array().unwrap() {
        assert!(want.contains(&h["plan"].as_str().unwrap()), "{h}");
    }
    let seeds_only = desk.run(&["--index", "idx", "search", "\"绥宁\"", "--format", "json"]);
    assert_eq!(seeds_only.status.code(), Some(1), "no seed in the index");
    desk.ok(&["--index", "idx", "similar", "--text", "专业镇高质量发展"]);
    desk.ok(&[
        "--index",
        "idx",
        "diff",
        "hunan/pingjiang-2023",
        "hunan/xiangyin-2025",
    ]);
    let leads = desk.json(&["--index", "idx", "leads", "--format", "json"]);
    let plans = leads["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 4, "{leads}");
    let targets = desk.json(&["--index", "idx", "targets", "--format", "json"]);
    for t in targets.as_array().unwrap() {
        assert!(want.contains(&t["plan"].as_str().unwrap()), "{t}");
    }
}

#[test]
fn a_corpus_folder_is_brought_up_to_date_before_it_is_read() {
    let desk = Desk::new().with_plans();
    let hits = desk.json(&[
        "--corpus",
        "plans",
        "search",
        "\"开封市制造业\"",
        "--format",
        "json",
    ]);
    assert!(hits["total"].as_u64().unwrap() >= 1);
    // a file added to the corpus is found at once
    std::fs::write(
        desk.path("plans/new.txt"),
        "某县蓝莓产业工作方案\n一、工作任务\n建设蓝莓深加工产业园。\n",
    )
    .unwrap();
    let hits = desk.json(&[
        "--corpus",
        "plans",
        "search",
        "\"蓝莓深加工\"",
        "--format",
        "json",
    ]);
    assert_eq!(hits["total"], 1, "{hits}");
    // the corpus's index is its own: ./index is neither read nor made
    assert!(!desk.path("index").exists());
    // an index of other plans is not mixed with them
    desk.ok(&["ingest", "plans/shanxi", "--index", "other"]);
    let err = desk.fails(&["--corpus", "plans", "--index", "other", "list"]);
    assert!(err.contains("would mix them in"), "{err}");
}

#[test]
fn a_stale_index_says_so_and_a_missing_one_is_not_made() {
    let desk = Desk::new().with_plans();
    desk.ok(&["ingest", "plans", "--index", "idx"]);
    let o = desk.run(&["--index", "idx", "list"]);
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    std::fs::write(
        desk.path("plans/shanxi/extra.txt"),
        "某县工作方案\n一、目标\n发展。\n",
    )
    .unwrap();
    let o = desk.run(&["--index", "idx", "list"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success());
    assert!(
        err.contains("1 new") && err.contains("fangan ingest --index idx"),
        "{err}"
    );
    // a query on an index that is not there: an error, nothing built
    let err = desk.fails(&["--index", "nowhere", "search", "发展"]);
    assert!(err.contains("no index in nowhere"), "{err}");
    assert!(!desk.path("nowhere").exists());
    // an index path that is a file
    std::fs::write(desk.path("afile"), "x").unwrap();
    let err = desk.fails(&["--index", "afile", "list"]);
    assert!(err.contains("is a file, not an index folder"), "{err}");
    // ingest refuses to turn a folder of other files into an index
    let err = desk.fails(&["ingest", "plans/hunan", "--index", "plans/shanxi"]);
    assert!(err.contains("not an index"), "{err}");
}

#[test]
fn two_files_with_one_stem_are_two_plans_with_names() {
    let desk = Desk::new();
    std::fs::create_dir_all(desk.path("p")).unwrap();
    std::fs::copy(root().join("seeds/suining-2024.txt"), desk.path("p/a.txt")).unwrap();
    std::fs::copy(root().join("seeds/pingjiang-2025.txt"), desk.path("p/a.md")).unwrap();
    desk.ok(&["ingest", "p", "--index", "idx"]);
    let list = desk.json(&["--index", "idx", "list", "--format", "json"]);
    // files are taken in name order: a.md first
    assert_eq!(ids(&list), ["a", "a.txt"]);
    let a = desk.json(&["--index", "idx", "show", "a", "--format", "json"]);
    let b = desk.json(&["--index", "idx", "show", "a.txt", "--format", "json"]);
    assert_ne!(a["plan"]["source"]["path"], b["plan"]["source"]["path"]);
}

#[test]
fn names_and_filters_that_name_nothing_are_errors_with_the_closest() {
    let desk = Desk::new();
    let err = desk.fails(&["search", "发展", "--plan", "pingjiang-2024"]);
    assert!(
        err.contains("no plan \"pingjiang-2024\"") && err.contains("pingjiang-2023"),
        "{err}"
    );
    let err = desk.fails(&["leads", "--plan", "nosuch"]);
    assert!(err.contains("no plan \"nosuch\""), "{err}");
    let err = desk.fails(&["search", "发展 county:平山"]);
    assert!(err.contains("county"), "{err}");
    let err = desk.fails(&["search", "发展", "--year", "2019"]);
    assert!(err.contains("the years known: 2023, 2024, 2025"), "{err}");
    let err = desk.fails(&["search", "发展 lead:不存在局"]);
    assert!(err.contains("no note of the corpus names"), "{err}");
    let err = desk.fails(&["show", "平江"]);
    assert!(
        err.contains("names 2 plans") && err.contains("平江@"),
        "{err}"
    );
    let err = desk.fails(&["show", "xiangyin"]);
    assert!(err.contains("closest: xiangyin-2025"), "{err}");
    // an empty folder is not an index of nothing
    std::fs::create_dir_all(desk.path("empty")).unwrap();
    let err = desk.fails(&["ingest", "empty", "--index", "idx"]);
    assert!(err.contains("no plan found in empty"), "{err}");
}

#[test]
fn aliases_and_dictionaries_given_to_ingest_reach_every_command() {
    let desk = Desk::new();
    std::fs::create_dir_all(desk.path("p")).unwrap();
    std::fs::write(
        desk.path("p/a.txt"),
        "某县工作方案\n一、重点任务\n1. 发展蓝莓产业。建设基地。（县蓝莓办牵头，县财政局配合）\n2. 蓝莓深加工。建设产业园。（蓝莓产业发展办公室牵头）\n",
    )
    .unwrap();
    std::fs::write(
        desk.path("aliases.toml"),
        "[[unit]]\nname = \"蓝莓办\"\nfull = \"蓝莓产业发展办公室\"\nkind = \"department\"\naliases = [\"蓝莓产业发展办公室\"]\n",
    )
    .unwrap();
    desk.ok(&["ingest", "p", "--index", "idx", "--aliases", "aliases.toml"]);
    let leads = desk.json(&["--index", "idx", "leads", "--format", "json"]);
    let top = &leads["departments"][0];
    assert_eq!(top["canonical"], "蓝莓办", "{leads}");
    assert_eq!(top["notes"], 2, "{leads}");
    let hits = desk.json(&[
        "--index",
        "idx",
        "search",
        "蓝莓 lead:蓝莓产业发展办公室",
        "--format",
        "json",
    ]);
    assert_eq!(hits["total"], 2, "{hits}");
    // the table travels with the index: a copy of the folder still has it
    assert!(desk.path("idx/config").read_dir().unwrap().next().is_some());
}

/// Reads a few bytes of a command's output, then closes the pipe: the
/// command must end quietly with status 0.
fn closed_early(desk: &Desk, args: &[&str]) {
    let mut child = desk
        .cmd(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
    assert!(!err.contains("Broken pipe"), "{args:?}: {err}");
}

#[test]
fn every_output_stops_quietly_when_the_reader_goes() {
    let desk = Desk::new();
    desk.ok(&["list"]); // the seed index, once
    closed_early(&desk, &["show", "xiangyin-2025", "--format", "json"]);
    closed_early(
        &desk,
        &[
            "diff",
            "pingjiang-2023",
            "xiangyin-2025",
            "--format",
            "json",
        ],
    );
    closed_early(
        &desk,
        &[
            "diff",
            "pingjiang-2023",
            "--against-all",
            "--format",
            "json",
        ],
    );
    closed_early(
        &desk,
        &["search", "发展", "--limit", "1000", "--format", "json"],
    );
    closed_early(&desk, &["targets", "--format", "json"]);
}

#[test]
fn a_shared_index_is_read_without_writing_to_it() {
    let desk = Desk::new().with_plans();
    desk.ok(&["ingest", "plans", "--index", "idx"]);
    let files = |dir: &Path| -> Vec<(String, u64)> {
        let mut v: Vec<(String, u64)> = walk(dir)
            .into_iter()
            .map(|p| {
                let m = std::fs::metadata(&p).unwrap();
                (p.display().to_string(), m.len())
            })
            .collect();
        v.sort();
        v
    };
    let before = files(&desk.path("idx"));
    desk.ok(&["--index", "idx", "search", "发展"]);
    desk.ok(&[
        "--index",
        "idx",
        "show",
        "hunan/xiangyin-2025",
        "--format",
        "json",
    ]);
    desk.ok(&["--index", "idx", "leads"]);
    assert_eq!(files(&desk.path("idx")), before, "readers write nothing");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let lock = std::fs::metadata(desk.path("idx/fangan.lock")).unwrap();
        let meta = std::fs::metadata(desk.path("idx/meta.json")).unwrap();
        assert_eq!(
            meta.permissions().mode() & 0o777,
            lock.permissions().mode() & 0o777,
            "meta.json takes the umask's mode"
        );
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn formats_are_only_what_a_command_writes_and_every_command_has_examples() {
    let desk = Desk::new();
    let o = desk.run(&["show", "xiangyin-2025", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(2));
    for cmd in [
        "list", "show", "ingest", "search", "similar", "diff", "leads", "targets",
    ] {
        let help = desk.ok(&[cmd, "--help"]);
        assert!(help.contains("Examples:"), "{cmd} --help has no examples");
    }
    // CSV: a header row and CRLF line ends, everywhere
    for args in [
        vec!["list", "--format", "csv"],
        vec!["search", "发展", "--format", "csv"],
        vec![
            "search", "发展", "--count", "--by", "plan", "--format", "csv",
        ],
        vec!["leads", "--format", "csv"],
        vec!["targets", "--format", "csv"],
        vec!["diff", "pingjiang-2023", "xiangyin-2025", "--format", "csv"],
    ] {
        let csv = desk.ok(&args);
        let first = csv.split("\r\n").next().unwrap();
        assert!(first.is_ascii(), "{args:?}: header {first}");
        assert!(
            csv.ends_with("\r\n") && !csv.replace("\r\n", "").contains('\n') || csv.contains('"'),
            "{args:?}"
        );
    }
}

#[test]
fn tables_line_up_chinese_columns() {
    let desk = Desk::new();
    let table = desk.ok(&["search", "专项债", "--count", "--by", "county"]);
    // counts are right-aligned: every line ends at the same terminal column
    let widths: Vec<usize> = table
        .lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .collect();
    assert!(widths.len() > 2, "{table}");
    assert!(widths.windows(2).all(|w| w[0] == w[1]), "{table}");
}

#[test]
fn colour_follows_no_color_and_the_flag() {
    let desk = Desk::new();
    let plain = desk
        .cmd(&["search", "专项债", "--limit", "1"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&plain.stdout).contains('\x1b'));
    let always = desk.ok(&["--color", "always", "search", "专项债", "--limit", "1"]);
    assert!(always.contains('\x1b'));
}

/// True when a program is on the PATH; tests that need it say they were
/// skipped otherwise.
fn have(program: &str) -> bool {
    std::process::Command::new(program)
        .arg("-v")
        .output()
        .is_ok()
}

#[test]
fn a_folder_of_every_format_is_read_and_a_scan_waits_for_ocr() {
    if !have("pdftotext") {
        eprintln!("skipped: pdftotext (Debian: poppler-utils) is not installed");
        return;
    }
    let desk = Desk::new();
    let from = root().join("crates/ingest/tests/fixtures/formats");
    std::fs::create_dir_all(desk.path("plans")).unwrap();
    for e in std::fs::read_dir(&from).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, desk.path("plans").join(p.file_name().unwrap())).unwrap();
    }
    let o = desk.run(&["ingest", "plans", "--index", "idx", "--format", "json"]);
    // the scan is refused: exit 1, everything else read
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    for format in ["pdf", "doc", "wps", "rtf", "ofd", "html", "text"] {
        assert!(
            v["formats"][format].as_u64().unwrap_or(0) >= 1,
            "{format}: {v}"
        );
    }
    let refused = v["refused"].as_array().unwrap();
    assert_eq!(refused.len(), 1, "{v}");
    assert!(refused[0]["file"].as_str().unwrap().ends_with("scan.pdf"));
    assert!(
        refused[0]["reason"].as_str().unwrap().contains("--ocr"),
        "{v}"
    );
    // a .wps plan is searched like any other
    let hits = desk.json(&[
        "--index",
        "idx",
        "search",
        "\"八大行动\"",
        "plan:libreoffice.wps",
        "--format",
        "json",
    ]);
    assert!(hits["total"].as_u64().unwrap() >= 1, "{hits}");
    if !have("tesseract") {
        eprintln!("skipped the OCR half: tesseract (Debian: tesseract-ocr tesseract-ocr-chi-sim) is not installed");
        return;
    }
    // with --ocr the scan refused before is read, the rest left alone
    let v = desk.json(&["ingest", "--index", "idx", "--ocr", "--format", "json"]);
    assert_eq!(v["added"].as_array().unwrap().len(), 1, "{v}");
    assert!(v["refused"].as_array().unwrap().is_empty(), "{v}");
}

#[test]
fn a_manifest_csv_describes_the_plans_of_its_folder() {
    let desk = Desk::new().with_plans();
    std::fs::write(
        desk.path("plans/shanxi/manifest.csv"),
        "file,county,level,year,url,notes\njiangxian-2023.txt,绛县,县,2023,http://www.jiangxian.gov.cn/x,downloaded in May\n",
    )
    .unwrap();
    desk.ok(&["ingest", "plans", "--index", "idx"]);
    let list = desk.json(&["--index", "idx", "list", "--format", "json"]);
    let p = list
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["rel"] == "shanxi/jiangxian-2023.txt")
        .unwrap_or_else(|| panic!("{list}"));
    // the manifest's id is the file's stem
    assert_eq!(p["id"], "jiangxian-2023");
    assert_eq!(p["county"], "绛县");
    assert_eq!(p["url"], "http://www.jiangxian.gov.cn/x");
    // given, not inferred
    let inferred = p["inferred"].as_array().cloned().unwrap_or_default();
    assert!(!inferred.iter().any(|i| i["field"] == "county"), "{p}");
}
