//! Runs the extractor over plain-text plans, one line at a time, and prints
//! the targets as the JSON `fangan targets --format json` writes (without
//! clause paths). Useful to try the extractor on files the parser does not
//! read yet: `cargo run -p fangan-targets --example scan -- seeds/*.txt`.

use fangan_targets::Extractor;

fn main() {
    let extractor = Extractor::new();
    let mut rows = Vec::new();
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("{path}: cannot read");
            continue;
        };
        let plan = std::path::Path::new(&path)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        for (i, line) in text.lines().enumerate() {
            let line_text = line.replace("**", "");
            for t in extractor.extract(&line_text) {
                rows.push(serde_json::json!({
                    "plan": plan,
                    "path": "",
                    "line": i + 1,
                    "indicator": t.indicator,
                    "canonical": t.canonical,
                    "value": if t.placeholder { None } else { Some(t.value) },
                    "value_max": t.value_max,
                    "unit": t.unit,
                    "kind": t.kind,
                    "qualifier": t.qualifier(),
                    "text": t.snippet,
                }));
            }
        }
    }
    println!("{}", serde_json::to_string_pretty(&rows).expect("json"));
}
