//! The pairs a calibration scores: the seed pair with the project's gold
//! (pingjiang-2023 × xiangyin-2025), the invented pair of
//! `tests/fixtures/diff` (gold beside this file, from its README), and the
//! `dev` pairs of `tests/fixtures/realworld/pairs`. The `holdout` pairs are
//! never read: their rows are skipped before any file is opened.
//!
//! Each pair is parsed once, with the rarity table the CLI would use (the
//! corpus where the plans sit, or the seeds for files read from elsewhere,
//! plus the two plans).

use std::path::{Path, PathBuf};

use fangan_compare::rarity_of;
use fangan_ingest::corpus::{load_file, Corpus};
use fangan_ingest::parse::Parser;
use fangan_model::{Document, Segmenter};

use crate::score::{read_gold, GoldRow};

/// One pair with its answers.
pub struct Case {
    /// `a × b (kind)`.
    pub name: String,
    /// Plan A.
    pub a: Document,
    /// Plan B.
    pub b: Document,
    /// The other plans of the corpus the CLI would count rarity over.
    pub corpus: Vec<Document>,
    /// The answers.
    pub gold: Vec<GoldRow>,
}

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn corpus(dir: &Path, parser: &Parser) -> Result<Corpus, String> {
    Corpus::load_dir(dir, parser).map_err(|e| format!("{}: {e}", dir.display()))
}

fn pick(c: &Corpus, id: &str) -> Result<Document, String> {
    c.documents
        .iter()
        .find(|d| d.meta.id == id)
        .cloned()
        .ok_or_else(|| format!("no plan {id}"))
}

/// Loads every calibration pair.
pub fn load() -> Result<Vec<Case>, String> {
    let parser = Parser::new();
    let root = root();
    let mut out = Vec::new();
    let seeds = corpus(&root.join("seeds"), &parser)?;
    out.push(Case {
        name: "pingjiang-2023 × xiangyin-2025 (seed)".into(),
        a: pick(&seeds, "pingjiang-2023")?,
        b: pick(&seeds, "xiangyin-2025")?,
        corpus: seeds.documents.clone(),
        gold: read_gold(
            &root.join("tests/fixtures/eval/align.pingjiang-2023.xiangyin-2025.jsonl"),
        )?,
    });
    let fixtures = corpus(&root.join("tests/fixtures/diff"), &parser)?;
    let (ia, ib) = ("case05.01.a_small-pair", "case05.02.b_small-pair");
    out.push(Case {
        name: format!("{ia} × {ib} (invented)"),
        a: pick(&fixtures, ia)?,
        b: pick(&fixtures, ib)?,
        corpus: fixtures.documents.clone(),
        gold: read_gold(
            &PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join(format!("examples/calibrate/gold/align.{ia}.{ib}.jsonl")),
        )?,
    });
    let dir = root.join("tests/fixtures/realworld/pairs");
    let files = csv_rows(&dir.join("manifest.csv"))?;
    let file_of = |id: &str| -> Result<PathBuf, String> {
        files
            .iter()
            .find(|r| r.first().map(String::as_str) == Some(id))
            .and_then(|r| r.get(1))
            .map(|f| dir.join(f))
            .ok_or_else(|| format!("{id} is not in the manifest"))
    };
    for row in csv_rows(&dir.join("pairs.csv"))? {
        let [a, b, kind, split, ..] = row.as_slice() else {
            return Err(format!("bad row in pairs.csv: {row:?}"));
        };
        if split != "dev" {
            continue;
        }
        let load = |id: &str| -> Result<Document, String> {
            let path = file_of(id)?;
            load_file(&path, &parser).map_err(|e| format!("{}: {e}", path.display()))
        };
        out.push(Case {
            name: format!("{a} × {b} ({kind})"),
            a: load(a)?,
            b: load(b)?,
            corpus: seeds.documents.clone(),
            gold: read_gold(&dir.join(format!("gold/align.{a}.{b}.jsonl")))?,
        });
    }
    Ok(out)
}

impl Case {
    /// The rarity table of the pair, as the CLI counts it: the corpus and
    /// the two plans, each once.
    pub fn rarity(&self, seg: &Segmenter) -> fangan_compare::Rarity {
        let mut docs: Vec<&Document> = self.corpus.iter().collect();
        for d in [&self.a, &self.b] {
            if !docs.iter().any(|c| c.meta.id == d.meta.id) {
                docs.push(d);
            }
        }
        rarity_of(seg, docs)
    }
}

/// Rows of a small CSV file (quoted fields with commas and doubled quotes),
/// header skipped.
fn csv_rows(path: &Path) -> Result<Vec<Vec<String>>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut rows = Vec::new();
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let mut fields = vec![String::new()];
        let mut quoted = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    chars.next();
                    fields.last_mut().unwrap().push('"');
                }
                '"' => quoted = !quoted,
                ',' if !quoted => fields.push(String::new()),
                _ => fields.last_mut().unwrap().push(c),
            }
        }
        rows.push(fields);
    }
    Ok(rows)
}
