//! Completeness of phrase search on the real seeds: for every phrase of
//! the evaluation list (`tests/fixtures/eval/phrases.txt`) and for random
//! substrings of the clause texts, the clauses found and the highlights
//! given equal a brute-force scan of the folded clause texts.

use std::collections::BTreeMap;
use std::path::PathBuf;

use fangan_model::{fold, Document};

use fangan_ingest::corpus::Corpus;
use fangan_ingest::parse::Parser;

use crate::testutil::index_documents;
use crate::{SearchIndex, SearchRequest};

const PHRASES: &str = include_str!("../../../tests/fixtures/eval/phrases.txt");

fn seeds() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn setup() -> (SearchIndex, Vec<Document>) {
    let dir = seeds();
    let corpus = Corpus::load_dir(&dir, &Parser::new()).unwrap();
    assert!(corpus.documents.len() >= 5);
    let index = index_documents(&corpus.documents);
    (index, corpus.documents)
}

type Found = BTreeMap<(String, String), usize>;

/// (plan, path) → occurrences, by brute force over folded clause texts.
fn brute(docs: &[Document], phrase: &str) -> Found {
    let mut out = Found::new();
    for d in docs {
        for c in &d.clauses {
            let n = fold::fold_str(&c.text).matches(phrase).count();
            if n > 0 {
                *out.entry((d.meta.id.clone(), c.path.clone())).or_default() += n;
            }
        }
    }
    out
}

/// (plan, path) → highlights, by the index; checks each highlight.
fn searched(index: &SearchIndex, phrase: &str) -> Found {
    let quoted = format!("\"{}\"", phrase.replace('\\', "\\\\").replace('"', "\\\""));
    let mut req = SearchRequest::parse(&quoted).unwrap_or_else(|e| panic!("{e}"));
    req.limit(1_000_000);
    let res = index.search(&req).unwrap();
    assert_eq!(res.total, res.hits.len());
    let mut out = Found::new();
    for h in res.hits {
        for s in &h.highlights {
            assert_eq!(
                fold::fold_str(s.slice(&h.text)),
                phrase,
                "highlight in {}",
                h.path
            );
        }
        *out.entry((h.plan.clone(), h.path.clone())).or_default() += h.highlights.len();
    }
    out
}

#[test]
fn every_listed_phrase_is_found_everywhere_grep_finds_it() {
    let (index, docs) = setup();
    let mut checked = 0;
    for line in PHRASES.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let phrase = fold::fold_str(line);
        let truth = brute(&docs, &phrase);
        assert_eq!(searched(&index, &phrase), truth, "phrase {line:?}");
        checked += 1;
    }
    assert!(checked > 100);
}

#[test]
fn random_substrings_are_found_everywhere_grep_finds_them() {
    let (index, docs) = setup();
    let clauses: Vec<String> = docs
        .iter()
        .flat_map(|d| d.clauses.iter().map(|c| fold::fold_str(&c.text)))
        .filter(|t| !t.is_empty())
        .collect();
    let mut rng = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    for _ in 0..400 {
        let text = &clauses[next() as usize % clauses.len()];
        let chars: Vec<char> = text.chars().collect();
        let len = 1 + next() as usize % 12.min(chars.len());
        let start = next() as usize % (chars.len() - len + 1);
        let phrase: String = chars[start..start + len].iter().collect();
        let truth = brute(&docs, &phrase);
        assert!(!truth.is_empty());
        assert_eq!(searched(&index, &phrase), truth, "substring {phrase:?}");
    }
}

#[test]
fn bare_words_find_at_least_what_the_phrase_finds() {
    let (index, _) = setup();
    for q in ["专项债", "以旧换新", "迎老乡、回故乡、建家乡", "县域经济"] {
        let mut phrase = SearchRequest::parse(&format!("\"{q}\"")).unwrap();
        phrase.limit(100_000);
        let mut words = SearchRequest::parse(q).unwrap();
        words.limit(100_000);
        let p = index.search(&phrase).unwrap();
        let w = index.search(&words).unwrap();
        assert!(p.total > 0, "{q}");
        for h in &p.hits {
            assert!(
                w.hits.iter().any(|x| x.plan == h.plan && x.path == h.path),
                "{q}: {} {}",
                h.plan,
                h.path
            );
        }
        // the clauses holding the words as written rank first
        let top = &w.hits[0];
        assert!(
            fold::fold_str(&top.text).contains(&fold::fold_str(q)),
            "{q}"
        );
    }
}

#[test]
fn traditional_characters_find_simplified_text() {
    let (index, _) = setup();
    let mut req = SearchRequest::parse("\"專項債\"").unwrap();
    req.limit(100);
    let res = index.search(&req).unwrap();
    assert!(res.total > 0);
    for h in &res.hits {
        for s in &h.highlights {
            assert_eq!(s.slice(&h.text), "专项债");
        }
    }
}

#[test]
fn filters_narrow_hits() {
    let (index, _) = setup();
    let all = |q: &str| {
        let mut req = SearchRequest::parse(q).unwrap();
        req.limit(100_000);
        index.search(&req).unwrap()
    };
    let every = all("\"产业\"");
    let pingjiang = all("\"产业\" county:平江");
    assert!(pingjiang.total > 0 && pingjiang.total < every.total);
    assert!(pingjiang
        .hits
        .iter()
        .all(|h| h.plan.starts_with("pingjiang")));
    let y = all("\"产业\" year:2024..2025 -plan:xiangyin-2025");
    assert!(y
        .hits
        .iter()
        .all(|h| h.plan == "pingjiang-2025" || h.plan == "suining-2024"));
    let attach = all("\"产业\" section:附件1");
    assert!(attach.total > 0);
    assert!(attach.hits.iter().all(|h| h.path.starts_with("附件1")));
    let tasks = all("\"产业\" kind:tasks");
    assert!(tasks.hits.iter().all(|h| h.kind == "tasks"));
    // the title and preamble are searchable
    let front = all("\"打好经济增长主动仗\"");
    assert!(front.hits.iter().any(|h| h.path == "前言"));
}

#[test]
fn section_filters_match_the_section_and_all_below_it() {
    let (index, docs) = setup();
    // every section path of the seeds, with the clauses at it or below it
    let mut expected: BTreeMap<String, usize> = BTreeMap::new();
    for d in &docs {
        for c in &d.clauses {
            let mut prefix = String::new();
            for part in c.path.split('/') {
                if !prefix.is_empty() {
                    prefix.push('/');
                }
                prefix.push_str(part);
                *expected.entry(prefix.clone()).or_default() += 1;
            }
        }
    }
    assert!(expected.contains_key("附件1") && expected.contains_key("附件1/二"));
    for (section, clauses) in &expected {
        let mut req = SearchRequest::parse(&format!("section:\"{section}\"")).unwrap();
        req.limit(100_000);
        let res = index.search(&req).unwrap();
        assert_eq!(res.total, *clauses, "section:{section}");
        assert!(res
            .hits
            .iter()
            .all(|h| h.path == *section || h.path.starts_with(&format!("{section}/"))));
    }
}
