//! `fangan export`: every clause of the seeds as one JSON line, each
//! record holding exactly the fields the Quickwit and OpenSearch mappings
//! of `docs/export/` declare, with the types they declare; `--bulk
//! opensearch` puts an action line before each.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::util::{fangan, root, stdout};

fn mapping(name: &str) -> Value {
    let text = std::fs::read_to_string(root().join("docs/export").join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The seeds exported: one record per line.
fn records() -> Vec<Value> {
    let o = fangan(&["export"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect()
}

/// True when `v` fits a field of type `ty` (null: the field is absent).
fn fits(v: &Value, ty: &str) -> bool {
    match (ty, v) {
        (_, Value::Null) => true,
        ("text" | "keyword", Value::String(_)) => true,
        ("u64" | "integer", Value::Number(n)) => n.is_u64(),
        ("array<text>" | "keyword", Value::Array(a)) => a.iter().all(Value::is_string),
        ("array<json>" | "nested", Value::Array(a)) => a.iter().all(Value::is_object),
        _ => false,
    }
}

#[test]
fn every_clause_is_one_record_with_the_fields_of_both_mappings() {
    let recs = records();
    assert!(recs.len() > 300, "{} records", recs.len());
    let ids: BTreeSet<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), recs.len(), "ids are unique");

    let quickwit = mapping("quickwit-index.json");
    let qw: Vec<(String, String)> = quickwit["doc_mapping"]["field_mappings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["name"].as_str().unwrap().to_string(),
                f["type"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let opensearch = mapping("opensearch-index.json");
    let os: Vec<(String, String)> = opensearch["mappings"]["properties"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v["type"].as_str().unwrap().to_string()))
        .collect();
    for fields in [&qw, &os] {
        let names: BTreeSet<&str> = fields.iter().map(|(n, _)| n.as_str()).collect();
        for r in &recs {
            let keys: BTreeSet<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
            assert_eq!(keys, names, "the record's fields are the mapping's");
            for (name, ty) in fields {
                assert!(fits(&r[name], ty), "{name}: {} is no {ty}", r[name]);
            }
        }
    }
    let target_fields: BTreeSet<&str> = opensearch["mappings"]["properties"]["targets"]
        ["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let with_targets: Vec<&Value> = recs
        .iter()
        .flat_map(|r| r["targets"].as_array().unwrap())
        .collect();
    assert!(!with_targets.is_empty(), "the seeds set targets");
    for t in with_targets {
        let keys: BTreeSet<&str> = t.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, target_fields);
    }
    // what each field says, on one clause of pingjiang-2023
    let r = recs
        .iter()
        .find(|r| r["plan"] == "pingjiang-2023" && !r["lead"].as_array().unwrap().is_empty())
        .expect("a clause with a lead");
    assert_eq!(r["county"], "平江县");
    let text = r["text"].as_str().unwrap();
    let tokens = r["tokens"].as_str().unwrap();
    assert_eq!(
        tokens.replace(' ', ""),
        text.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>(),
        "the tokens are the text cut into words"
    );
}

#[test]
fn bulk_lines_name_the_index_and_the_record() {
    let o = fangan(&[
        "export",
        "--bulk",
        "opensearch",
        "--index-name",
        "plans",
        "--plan",
        "xiangyin-2025",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() > 20 && lines.len().is_multiple_of(2));
    for pair in lines.chunks(2) {
        assert_eq!(pair[0]["index"]["_index"], "plans");
        assert_eq!(pair[0]["index"]["_id"], pair[1]["id"]);
        assert_eq!(pair[1]["plan"], "xiangyin-2025");
    }
}
