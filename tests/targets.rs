//! `fangan targets` on the seed corpus: the headline pivot (snapshot), the
//! JSON shape the scorer reads, and the filters.

use crate::util::{command, succeed};

/// `fangan` run in the repository root on the seeds, colour off, no user
/// environment.
fn fangan(args: &[&str]) -> String {
    succeed(command(&["--corpus", "seeds", "--color", "never"]).args(args))
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&fangan(args)).expect("JSON output")
}

#[test]
fn headline_pivot_of_the_seeds() {
    insta::assert_snapshot!(fangan(&["targets", "--table"]));
}

#[test]
fn every_plan_has_headline_targets_in_the_pivot() {
    let pivot = json(&["targets", "--table", "--format", "json"]);
    let plans = pivot["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 5);
    for p in plans {
        let p = p.as_str().unwrap();
        let n = pivot["rows"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["cells"].get(p).is_some())
            .count();
        assert!(n >= 3, "{p}: only {n} headline indicators");
    }
}

#[test]
fn json_rows_have_the_documented_shape() {
    let rows = json(&["targets", "--format", "json"]);
    let rows = rows.as_array().unwrap();
    assert!(rows.len() > 100);
    for r in rows {
        for key in [
            "plan",
            "path",
            "line",
            "indicator",
            "canonical",
            "value",
            "unit",
            "qualifier",
            "text",
            "headline",
            "kind",
            "source",
        ] {
            assert!(r.get(key).is_some(), "missing {key} in {r}");
        }
        // the snippet is where `line` and `source` say, in the original file
        let plan = r["plan"].as_str().unwrap();
        let file = std::fs::read_to_string(format!("seeds/{plan}.txt")).unwrap();
        let (s, e) = (
            r["source"][0].as_u64().unwrap() as usize,
            r["source"][1].as_u64().unwrap() as usize,
        );
        // character offsets, as Python indexes a str
        let chars: Vec<char> = file.chars().collect();
        let line = chars[..s].iter().filter(|&&c| c == '\n').count() + 1;
        assert_eq!(line as u64, r["line"].as_u64().unwrap(), "{r}");
        let strip = |x: &str| x.replace("**", "").split_whitespace().collect::<String>();
        let slice: String = chars[s..e].iter().collect();
        assert_eq!(strip(&slice), strip(r["text"].as_str().unwrap()), "{r}");
    }
}

#[test]
fn filters_narrow_the_list() {
    let all = json(&["targets", "--format", "json"])
        .as_array()
        .unwrap()
        .len();
    let one = json(&["targets", "--plan", "pingjiang-2023", "--format", "json"]);
    let one = one.as_array().unwrap();
    assert!(!one.is_empty() && one.len() < all);
    assert!(one.iter().all(|r| r["plan"] == "pingjiang-2023"));
    let head = json(&["targets", "--headline", "--format", "json"]);
    assert!(head
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["headline"] == true));
    let gdp = json(&[
        "targets",
        "--indicator",
        "地区生产总值增速",
        "--format",
        "json",
    ]);
    let gdp = gdp.as_array().unwrap();
    assert!(gdp.len() >= 3);
    assert!(gdp.iter().all(|r| r["canonical"] == "地区生产总值增速"));
    let csv = fangan(&["targets", "--plan", "suining-2024", "--format", "csv"]);
    assert!(csv.starts_with("plan,county,path,line,headline,indicator,canonical,value"));
    assert_eq!(
        csv.lines().count(),
        1 + json(&["targets", "--plan", "suining-2024", "--format", "json"])
            .as_array()
            .unwrap()
            .len()
    );
}
