//! `fangan diff` on the real binary: snapshots of the terminal and JSON
//! views of a small invented pair (tests/fixtures/diff), the HTML page in
//! headless Chromium (when /usr/bin/chromium exists), several plans, topics,
//! and the scorer's shape on the seeds.

use std::path::Path;
use std::process::Command;

use crate::util::fangan;

const A: &str = "case05.01.a_small-pair";
const B: &str = "case05.02.b_small-pair";

/// `fangan --corpus tests/fixtures/diff ARGS`, which must succeed.
fn on_fixtures(args: &[&str]) -> String {
    let mut all = vec!["--corpus", "tests/fixtures/diff"];
    all.extend_from_slice(args);
    let o = fangan(&all);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn terminal_view_of_a_small_pair() {
    let out = on_fixtures(&["diff", A, B, "--color", "never"]);
    insta::assert_snapshot!("diff_small_pair_terminal", out);
}

#[test]
fn json_view_of_a_small_pair() {
    let out = on_fixtures(&["diff", A, B, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    insta::assert_json_snapshot!("diff_small_pair_json", v);
    // the shape the scorer reads
    for p in v["pairs"].as_array().unwrap() {
        for side in ["a", "b"] {
            for key in ["plan", "path", "line", "text", "heading"] {
                assert!(p[side].get(key).is_some(), "{side}.{key} missing in {p}");
            }
        }
        assert!(p["score"].as_f64().unwrap() > 0.0);
    }
    assert_eq!(v["only_a"][0]["path"], "二/（一）/3");
    assert_eq!(v["only_b"][0]["path"], "二/（二）/3");
}

/// Issue 6: paired clauses whose targets differ show them side by side.
#[test]
fn paired_clauses_show_their_differing_targets() {
    let out = on_fixtures(&["diff", A, B, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let pairs = v["pairs"].as_array().unwrap();
    let project = pairs
        .iter()
        .find(|p| p["a"]["path"] == "二/（二）/1")
        .expect("the project clauses are paired");
    let rows = project["targets"].as_array().unwrap();
    assert!(
        rows.iter()
            .any(|r| r["a"] == "30个" && r["b"] == "40个" && r["differs"] == true),
        "{rows:?}"
    );
    // a pair without numbers has an empty list, not a missing key
    assert!(pairs.iter().all(|p| p["targets"].is_array()));
    let term = on_fixtures(&["diff", A, B, "--color", "never"]);
    assert!(
        term.contains("≠ 实施亿元以上重大项目: 30个 | 40个"),
        "{term}"
    );
}

#[test]
fn csv_has_one_row_per_pair_and_unpaired_clause() {
    let out = on_fixtures(&["diff", A, B, "--format", "csv"]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("a_plan,a_path,a_line"));
    // six clause pairs and the purpose paragraphs of the two fronts
    assert_eq!(lines.len(), 1 + 7 + 1 + 1, "{out}");
}

#[test]
fn section_restricts_to_a_topic() {
    let out = on_fixtures(&["diff", A, B, "--topic", "投资", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let pairs = v["pairs"].as_array().unwrap();
    let paths: Vec<&str> = pairs
        .iter()
        .map(|p| p["a"]["path"].as_str().unwrap())
        .collect();
    // the objectives name 固定资产投资; the two tasks sit under 扩大投资
    assert_eq!(paths, vec!["一", "二/（二）/1", "二/（二）/2"], "{out}");
    assert!(v["only_a"].as_array().unwrap().is_empty());
    assert_eq!(v["only_b"][0]["path"], "二/（二）/3", "under 提高投资效益");
}

#[test]
fn several_plans_give_each_clause_its_best_match() {
    let out = on_fixtures(&["diff", A, B, A, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(v["others"].as_array().unwrap().len(), 2);
    // against itself every clause finds itself
    for r in rows {
        let m = &r["matches"][1];
        assert_eq!(m["b"]["path"], r["a"]["path"], "{r}");
        assert_eq!(m["label"], "near-copy");
    }
    let night = rows
        .iter()
        .find(|r| r["a"]["path"] == "二/（一）/3")
        .unwrap();
    assert!(night["matches"][0]["b"].is_null(), "{night}");
    let all = on_fixtures(&["diff", A, "--against-all"]);
    assert!(all.contains(B), "{all}");
}

#[test]
fn unknown_plan_is_an_error() {
    let o = fangan(&["--corpus", "tests/fixtures/diff", "diff", A, "no-such-plan"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("no-such-plan"));
}

#[test]
fn seeds_pair_in_the_scorer_shape() {
    let o = fangan(&[
        "diff",
        "pingjiang-2023",
        "xiangyin-2025",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let pairs = v["pairs"].as_array().unwrap();
    assert!(pairs.len() >= 10, "{}", pairs.len());
    // housing, a paraphrase in other words, is found
    assert!(pairs
        .iter()
        .any(|p| p["a"]["path"] == "二/（一）/2" && p["b"]["path"] == "附件6/二/（三）/2"));
    // a task on the same topic as a whole group is paired with the group
    assert!(pairs.iter().any(|p| p["a"]["path"] == "二/（三）/1"
        && p["b"]["path"] == "附件4/二/（五）"
        && p["kind"] == "group"));
    // of seven near-identical mechanism sections, the one of the attachment
    // where the other tasks found their partners
    assert!(pairs
        .iter()
        .any(|p| p["a"]["path"] == "三" && p["b"]["path"] == "附件1/三"));
    // containers are neither paired one-to-one nor listed; of an
    // attachment's head only its running text (the purpose paragraph) is
    for c in v["only_b"].as_array().unwrap() {
        assert_ne!(c["path"], "二");
        if c["path"] == "附件1" {
            let text = c["text"].as_str().unwrap();
            assert!(text.starts_with("为") && text.contains("制定本方案"), "{c}");
        }
    }
}

/// The page in headless Chromium: it renders, every pair's two cells start
/// on one line, and no script error happens.
#[test]
fn html_page_renders_in_headless_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("diff.html");
    let page_s = page.to_str().unwrap();
    on_fixtures(&["diff", A, B, "--format", "html", "-o", page_s]);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("<tr class=\"pair near-copy\">"));
    assert!(html.contains("<tr class=pair-targets>"), "pair targets row");
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "self-contained"
    );
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        eprintln!("skipped: /usr/bin/chromium is not installed");
        return;
    }
    let profile = dir.path().join("profile");
    let o = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            &format!("--user-data-dir={}", profile.display()),
            "--virtual-time-budget=2000",
            "--dump-dom",
            &format!("file://{page_s}"),
        ])
        .output()
        .expect("run chromium");
    let dom = String::from_utf8_lossy(&o.stdout);
    assert!(
        dom.contains("data-layout=\"ok\""),
        "layout check failed: {dom:.400}"
    );
    assert!(dom.contains("data-pairs=\"7\""), "{dom:.400}");
    assert!(!dom.contains("data-errors"), "script errors: {dom:.400}");
}
