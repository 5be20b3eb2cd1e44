//! `fangan reuse` on the seeds: the passages the Yueyang 2023 template left
//! in two counties' plans, with character spans that slice the plans' texts.

use serde_json::Value;

use crate::util::{fangan, root, stdout};

#[test]
fn shared_passages_of_the_seeds_with_spans_and_a_graph() {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("reuse.graphml");
    let o = fangan(&[
        "reuse",
        "--format",
        "json",
        "--graph",
        graph.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["plans"].as_array().unwrap().len(), 5);
    let pairs = v["pairs"].as_array().unwrap();
    let pair = pairs
        .iter()
        .find(|p| {
            let ends = [p["source"].as_str().unwrap(), p["target"].as_str().unwrap()];
            ends.contains(&"pingjiang-2023") && ends.contains(&"yueyanglou-2023")
        })
        .unwrap_or_else(|| panic!("{pairs:?}"));
    assert!(pair["shared_chars"].as_u64().unwrap() >= 100, "{pair}");
    // every passage's spans slice its text out of both plans (characters)
    for p in pair["passages"].as_array().unwrap() {
        for (side, span) in [("source", "source_span"), ("target", "target_span")] {
            let id = pair[side].as_str().unwrap();
            let text = std::fs::read_to_string(root().join(format!("seeds/{id}.txt"))).unwrap();
            let s = p[span][0].as_u64().unwrap() as usize;
            let e = p[span][1].as_u64().unwrap() as usize;
            let got: String = text.chars().skip(s).take(e - s).collect();
            assert!(!got.is_empty());
            if side == "source" {
                assert_eq!(got, p["text"].as_str().unwrap());
            }
        }
    }
    let g = std::fs::read_to_string(&graph).unwrap();
    assert!(
        g.contains("<graphml") && g.contains("pingjiang-2023"),
        "{g}"
    );
    // one plan is nothing to compare
    let o = fangan(&["reuse", "--plan", "pingjiang-2023"]);
    assert_eq!(o.status.code(), Some(2));
}
