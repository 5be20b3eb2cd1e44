//! `fangan show` and `fangan list` on the real binary.

use crate::util::{fangan, root, stdout};

#[test]
fn list_shows_every_seed_from_the_manifest() {
    let o = fangan(&["list", "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 5);
    let xy = rows.iter().find(|r| r["id"] == "xiangyin-2025").unwrap();
    assert_eq!(xy["county"], "湘阴县");
    assert_eq!(xy["level"], "县");
    assert_eq!(xy["year"], 2025);
    assert_eq!(xy["clauses"], 253);
    assert!(xy.get("inferred").is_none(), "the manifest says it all");
    let table = stdout(&fangan(&["list"]));
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("yueyanglou-2023") && l.contains("岳阳楼区")),
        "{table}"
    );
}

#[test]
fn show_json_has_the_documented_shape() {
    let o = fangan(&["show", "pingjiang-2023", "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["plan"]["id"], "pingjiang-2023");
    assert_eq!(v["plan"]["county"], "平江县");
    let clauses = v["clauses"].as_array().unwrap();
    assert_eq!(clauses.len(), 40);
    let c = clauses.iter().find(|c| c["path"] == "二/（一）/2").unwrap();
    assert_eq!(c["plan"], "pingjiang-2023");
    assert_eq!(c["line"], 19);
    assert_eq!(c["heading"], "支持刚性和改善性住房消费");
    assert_eq!(c["kind"], "tasks");
    assert_eq!(c["level"], "task");
    assert_eq!(c["parent"], "二/（一）");
    assert!(c["text"].as_str().unwrap().starts_with("2. 支持刚性"));
    let note = &c["notes"][0];
    assert_eq!(note["type"], "task");
    assert_eq!(note["text"], "（住建局牵头）");
    assert_eq!(note["line"], 19);
    assert_eq!(note["units"][0]["name"], "住建局");
    assert_eq!(note["units"][0]["role"], "lead");
    assert_eq!(note["units"][0]["generic"], false);
    // the character span slices the original file
    let span = c["span"].as_array().unwrap();
    let file = std::fs::read_to_string(root().join("seeds/pingjiang-2023.txt")).unwrap();
    let orig: String = file
        .chars()
        .skip(span[0].as_u64().unwrap() as usize)
        .take((span[1].as_u64().unwrap() - span[0].as_u64().unwrap()) as usize)
        .collect();
    assert!(orig.starts_with("2. **支持刚性"), "{orig}");
}

#[test]
fn show_outline_and_text() {
    let out = stdout(&fangan(&["show", "湘阴"]));
    assert!(out.starts_with("xiangyin-2025"), "{out}");
    assert!(
        out.contains("      附件2/二/（一）/3/现代文旅  现代文旅"),
        "{out}"
    );
    assert!(!out.contains('\x1b'), "no colour in a pipe");
    let out = stdout(&fangan(&["show", "pingjiang-2025", "--text"]));
    assert!(out.contains("其他部门要密切配合"));
    let colored = stdout(&fangan(&["--color", "always", "show", "pingjiang-2025"]));
    assert!(colored.contains('\x1b'));
}

#[test]
fn show_reads_a_file_path_and_infers_what_it_can() {
    let o = fangan(&[
        "show",
        "tests/fixtures/reports/hunan.txt",
        "--format",
        "json",
    ]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["plan"]["id"], "hunan");
    assert_eq!(v["plan"]["province"], "湖南");
    assert!(v["plan"]["county"].is_null());
    let inferred = v["plan"]["inferred"].as_array().unwrap();
    assert_eq!(v["plan"]["place"], "湖南省");
    assert_eq!(v["plan"]["level"], "省");
    assert!(inferred
        .iter()
        .any(|i| i["field"] == "place" && i["evidence"].as_str().unwrap().contains("title")));
    assert!(inferred
        .iter()
        .any(|i| i["field"] == "province" && i["evidence"].as_str().unwrap().contains("湖南省")));
}

#[test]
fn unknown_and_ambiguous_plans_are_clear_errors() {
    let o = fangan(&["show", "nowhere"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("no plan \"nowhere\""), "{err}");
    let o = fangan(&["show", "平江"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("names 2 plans") && err.contains("pingjiang-2023"),
        "{err}"
    );
}

#[test]
fn refused_files_are_named_once_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("seeds/pingjiang-2025.txt"),
        dir.path().join("pingjiang-2025.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(
        dir.path().join("blob.txt"),
        b"\x7fELF\x02\x01\x01\x00\x00\x00binary",
    )
    .unwrap();
    let corpus = dir.path().to_str().unwrap();
    let o = fangan(&["--corpus", corpus, "list", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "refused files make exit code 1");
    let rows: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    let err = String::from_utf8_lossy(&o.stderr);
    let empty = dir.path().join("empty.txt");
    let line = format!("fangan: skipped {}: empty file (0 bytes)", empty.display());
    assert!(err.lines().any(|l| l == line), "{err}");
    assert!(err.contains("blob.txt: binary file"), "{err}");
    assert_eq!(err.matches("empty.txt").count(), 1, "{err}");
}
