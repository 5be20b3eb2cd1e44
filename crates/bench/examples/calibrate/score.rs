//! The alignment score of `/work/shared/eval/score.py align`, ported line
//! for line so that a calibration can score thousands of alignments
//! without starting Python: gold rows, the scorer's clause matching
//! (plan, line within 3, the gold start among the first 120 characters)
//! and its counts (must pairs found, judged pairs correct, `none` clauses
//! left alone).

use std::path::Path;

use serde::Deserialize;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// One gold row: a pair of equivalent clauses, or a clause with no partner.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldRow {
    pub a: Option<String>,
    pub line_a: Option<i64>,
    pub start_a: Option<String>,
    pub b: Option<String>,
    pub line_b: Option<i64>,
    pub start_b: Option<String>,
    pub label: String,
}

/// Reads a gold file, one JSON object a line.
pub fn read_gold(path: &Path) -> Result<Vec<GoldRow>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))
        })
        .collect()
}

/// The scorer's comparison form: no `**`, NFKC, no white space.
pub fn norm(s: &str) -> String {
    s.replace("**", "")
        .nfkc()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Plan ids agree (a path or a file stem names the same plan).
fn same_plan(a: &str, b: &str) -> bool {
    let stem = |s: &str| {
        Path::new(s)
            .file_stem()
            .map(|x| x.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    a == b || stem(a) == b || a == stem(b)
}

/// True when the tool's clause reference stands for the gold clause.
fn matches(r: &Value, plan: &str, line: i64, start: &str) -> bool {
    let Some(p) = r.get("plan").and_then(Value::as_str) else {
        return false;
    };
    if !same_plan(p, plan) {
        return false;
    }
    let got = r.get("line").and_then(Value::as_i64).unwrap_or(-1_000_000);
    if (got - line).abs() > 3 {
        return false;
    }
    let t: String = norm(r.get("text").and_then(Value::as_str).unwrap_or(""))
        .chars()
        .take(120)
        .collect();
    if t.is_empty() {
        return got == line;
    }
    let s: String = norm(start).chars().take(12).collect();
    t.contains(&s)
}

/// What the scorer counts on one alignment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// near-copy and paraphrase gold pairs found.
    pub must_found: usize,
    /// near-copy and paraphrase gold pairs.
    pub must: usize,
    /// tool pairs that are gold pairs (any label).
    pub correct: usize,
    /// tool pairs touching a judged clause that are not gold pairs.
    pub wrong: usize,
    /// gold `none` clauses the tool left unpaired.
    pub alone_ok: usize,
    /// gold `none` clauses.
    pub lonely: usize,
}

impl Counts {
    /// Sum of two counts (pooling).
    pub fn add(&mut self, o: &Counts) {
        self.must_found += o.must_found;
        self.must += o.must;
        self.correct += o.correct;
        self.wrong += o.wrong;
        self.alone_ok += o.alone_ok;
        self.lonely += o.lonely;
    }

    /// Recall of the near-copy and paraphrase pairs (0 when there are none,
    /// as the scorer prints it).
    pub fn recall(&self) -> f64 {
        ratio(self.must_found, self.must)
    }

    /// Share of judged tool pairs that are right.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.correct + self.wrong)
    }

    /// Share of gold `none` clauses left unpaired.
    pub fn unpaired_ok(&self) -> f64 {
        ratio(self.alone_ok, self.lonely)
    }

    /// F1 of recall and precision, where a side with nothing to measure
    /// counts as perfect (an unrelated pair with no judged tool pair).
    pub fn f1(&self) -> f64 {
        let r = if self.must == 0 { 1.0 } else { self.recall() };
        let p = if self.correct + self.wrong == 0 {
            1.0
        } else {
            self.precision()
        };
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// `found/must,correct/judged,alone/none`, the scorer's `counts=`.
    pub fn show(&self) -> String {
        format!(
            "{}/{},{}/{},{}/{}",
            self.must_found,
            self.must,
            self.correct,
            self.correct + self.wrong,
            self.alone_ok,
            self.lonely
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores a `diff --format json` value against gold rows.
pub fn score(gold: &[GoldRow], diff: &Value) -> Counts {
    let empty = Vec::new();
    let pairs = diff
        .get("pairs")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let side_a = |g: &GoldRow, r: &Value| match (&g.a, g.line_a, &g.start_a) {
        (Some(p), Some(l), Some(s)) => matches(r, p, l, s),
        _ => false,
    };
    let side_b = |g: &GoldRow, r: &Value| match (&g.b, g.line_b, &g.start_b) {
        (Some(p), Some(l), Some(s)) => matches(r, p, l, s),
        _ => false,
    };
    let hit = |g: &GoldRow, p: &Value| side_a(g, &p["a"]) && side_b(g, &p["b"]);
    let must: Vec<&GoldRow> = gold
        .iter()
        .filter(|g| g.label == "near-copy" || g.label == "paraphrase")
        .collect();
    let aligned: Vec<&GoldRow> = gold.iter().filter(|g| g.label != "none").collect();
    let mut c = Counts {
        must: must.len(),
        must_found: must
            .iter()
            .filter(|g| pairs.iter().any(|p| hit(g, p)))
            .count(),
        ..Counts::default()
    };
    for p in pairs {
        if aligned.iter().any(|g| hit(g, p)) {
            c.correct += 1;
        } else if gold.iter().any(|g| g.a.is_some() && side_a(g, &p["a"]))
            || gold
                .iter()
                .any(|g| g.b.is_some() && g.label == "none" && side_b(g, &p["b"]))
        {
            c.wrong += 1;
        }
    }
    for g in gold.iter().filter(|g| g.label == "none") {
        c.lonely += 1;
        let paired = if g.a.is_some() {
            pairs.iter().any(|p| side_a(g, &p["a"]))
        } else {
            pairs.iter().any(|p| side_b(g, &p["b"]))
        };
        if !paired {
            c.alone_ok += 1;
        }
    }
    c
}
