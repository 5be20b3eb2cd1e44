//! The parser on the real seed plans and the provincial reports: clause
//! counts per level (hand counts), exact paths, headings and lines for each
//! quirk, every clause and note of the gold files, and complete coverage of
//! the text.

use std::collections::BTreeMap;
use std::path::PathBuf;

use fangan_ingest::corpus::{load_file, Corpus};
use fangan_ingest::parse::Parser;
use fangan_model::{fold, Document};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seeds() -> Corpus {
    let corpus = Corpus::load_dir(&root().join("seeds"), &Parser::new()).expect("seeds folder");
    assert!(corpus.refused.is_empty(), "{:?}", corpus.refused);
    assert_eq!(corpus.documents.len(), 5);
    corpus
}

fn plan<'a>(corpus: &'a Corpus, id: &str) -> &'a Document {
    corpus.documents.iter().find(|d| d.meta.id == id).expect(id)
}

fn levels(doc: &Document) -> BTreeMap<&'static str, usize> {
    let mut m = BTreeMap::new();
    for c in &doc.clauses {
        *m.entry(c.level.as_str()).or_default() += 1;
    }
    m
}

fn clause<'a>(doc: &'a Document, path: &str) -> &'a fangan_model::Clause {
    doc.clause(path)
        .unwrap_or_else(|| panic!("{}: no clause {path}", doc.meta.id))
}

#[test]
fn clause_counts_per_level_match_hand_counts() {
    let corpus = seeds();
    let want: &[(&str, &[(&str, usize)])] = &[
        (
            "pingjiang-2023",
            &[("front", 1), ("section", 3), ("group", 6), ("task", 30)],
        ),
        (
            "pingjiang-2025",
            &[("front", 1), ("section", 3), ("group", 3), ("task", 9)],
        ),
        (
            "suining-2024",
            &[("front", 1), ("section", 3), ("bullet", 8), ("group", 12)],
        ),
        (
            "yueyanglou-2023",
            &[("front", 1), ("section", 3), ("group", 5), ("task", 17)],
        ),
        (
            "xiangyin-2025",
            &[
                ("front", 1),
                ("section", 24),
                ("bullet", 7),
                ("group", 45),
                ("attachment-list", 1),
                ("attachment", 7),
                ("task", 136),
                ("subheading", 9),
                ("item", 23),
            ],
        ),
    ];
    for (id, counts) in want {
        let doc = plan(&corpus, id);
        let want: BTreeMap<&str, usize> = counts.iter().copied().collect();
        assert_eq!(levels(doc), want, "{id}");
        assert!(doc.warnings.is_empty(), "{id}: {:?}", doc.warnings);
    }
}

#[test]
fn xiangyin_attachments_each_have_a_title_and_their_own_numbering() {
    let corpus = seeds();
    let doc = plan(&corpus, "xiangyin-2025");
    let titles: Vec<(&str, &str, usize)> = doc
        .clauses
        .iter()
        .filter(|c| c.level == fangan_model::Level::Attachment)
        .map(|c| (c.path.as_str(), c.heading.as_str(), c.line))
        .collect();
    assert_eq!(titles.len(), 7);
    assert_eq!(titles[0], ("附件1", "内需扩量提效攻坚实施方案", 30));
    assert_eq!(titles[6], ("附件7", "民生补短提质攻坚实施方案", 225));
    let c = clause(doc, "附件1/二/（一）/4");
    assert_eq!((c.line, c.heading.as_str()), (40, "丰富消费活动"));
    let c = clause(doc, "附件7/二/（一）/3/（8）");
    assert_eq!((c.line, c.heading.as_str()), (242, "建设县域医疗次中心"));
    let c = clause(doc, "附件2/二/（一）/3/现代文旅");
    assert_eq!(c.line, 72);
    assert_eq!(clause(doc, "附件2/二/（一）/3").children.len(), 3);
    // the list of attachments in the main plan is not a run of tasks
    assert!(clause(doc, "附件列表")
        .text
        .contains("7. 民生补短提质攻坚实施方案"));
    assert_eq!(clause(doc, "三/（四）").children.len(), 0);
}

#[test]
fn pingjiang_2023_bold_cut_headings() {
    let corpus = seeds();
    let doc = plan(&corpus, "pingjiang-2023");
    for (path, line, heading) in [
        ("二/（二）", 33, "着力扩大有效投资"), // **(二) 着力扩大有效投资。**
        ("二/（一）/6", 29, "引进培育商贸企业"), // **6. 引进培育商贸企业。**
        ("二/（一）/2", 19, "支持刚性和改善性住房消费"), // 2. **支持…。**
        ("三", 105, "推进机制"),               // ### **三、推进机制**
        ("二/（四）/4", 65, "加快“五好”园区等产业平台建设"),
    ] {
        let c = clause(doc, path);
        assert_eq!((c.line, c.heading.as_str()), (line, heading), "{path}");
        assert!(!c.text.contains("**"), "{path}");
    }
    assert_eq!(doc.clauses[0].heading, "打好经济增长主动仗工作方案");
}

#[test]
fn yueyanglou_two_tasks_numbered_3() {
    let corpus = seeds();
    let doc = plan(&corpus, "yueyanglou-2023");
    let kids: Vec<(&str, usize, &str)> = clause(doc, "二/（五）")
        .children
        .iter()
        .map(|&i| {
            (
                doc.clauses[i].path.as_str(),
                doc.clauses[i].line,
                doc.clauses[i].heading.as_str(),
            )
        })
        .collect();
    assert_eq!(
        kids,
        [
            ("二/（五）/1", 52, "强化人才服务保障"),
            ("二/（五）/3", 54, "提升公共服务保障水平"),
            ("二/（五）/3#2", 56, "强化自然资源要素"),
        ]
    );
    assert_eq!(doc.residue.len(), 3);
    assert!(!doc.clauses[0].text.contains("浏览量"));
}

#[test]
fn page_breaks_are_repaired() {
    let corpus = seeds();
    let doc = plan(&corpus, "pingjiang-2025");
    assert!(clause(doc, "二/（一）/2")
        .text
        .contains("其他部门要密切配合"));
    assert_eq!(doc.clauses[0].heading, "担当好稳增长挑大梁的责任实施方案");
    let doc = plan(&corpus, "pingjiang-2023");
    let c = clause(doc, "二/（三）/1");
    assert_eq!(c.notes.len(), 1);
    assert_eq!(c.notes[0].text, "(商务粮食局牵头，发改局等负责)");
    assert_eq!(c.notes[0].line, 51); // the line the note starts on
    assert!(clause(doc, "二/（二）/1")
        .text
        .contains("华电平江电厂二期项目"));
    assert!(clause(doc, "二/（一）/1")
        .text
        .contains("中国（平江）休闲食品文化节"));
    assert!(clause(doc, "二/（一）/5")
        .text
        .contains("“电子商务强主体”工程"));
    // a paragraph after a finished sentence stays a paragraph of the same task
    let c = clause(doc, "二/（四）/6");
    assert!(c.text.contains("品质。\n抓好“一特二辅”"), "{}", c.text);
    assert_eq!(c.notes[0].line, 73);
}

fn jsonl(name: &str) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(root().join("tests/fixtures/eval").join(name)).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn squeeze(s: &str) -> String {
    fold::fold_str(&s.replace("**", ""))
}

#[test]
fn every_gold_clause_is_one_parsed_clause_on_its_line() {
    let corpus = seeds();
    let rows = jsonl("align.pingjiang-2023.xiangyin-2025.jsonl");
    assert!(rows.len() > 40);
    for row in rows {
        for side in ["a", "b"] {
            let Some(id) = row[side].as_str() else {
                continue;
            };
            let path = row[format!("path_{side}")].as_str().unwrap();
            let line = row[format!("line_{side}")].as_u64().unwrap() as usize;
            let start = squeeze(row[format!("start_{side}")].as_str().unwrap());
            let doc = plan(&corpus, id);
            let found: Vec<_> = doc.clauses.iter().filter(|c| c.line == line).collect();
            assert_eq!(found.len(), 1, "{id} line {line}");
            let c = found[0];
            assert_eq!(c.path, path, "{id} line {line}");
            let body = squeeze(c.text.strip_prefix(c.label.as_str()).unwrap_or(&c.text));
            let head: String = start.chars().take(12).collect();
            assert!(body.starts_with(&head), "{id} {path}: {body:.40} vs {head}");
        }
    }
}

#[test]
fn every_gold_note_ends_the_clause_that_carries_it() {
    let corpus = seeds();
    let rows = jsonl("units.jsonl");
    assert!(rows.len() > 150);
    for row in rows {
        let doc = plan(&corpus, row["plan"].as_str().unwrap());
        let path = row["path"].as_str().unwrap();
        let line = row["line"].as_u64().unwrap() as usize;
        let raw = squeeze(row["raw_note"].as_str().unwrap());
        let c = clause(doc, path);
        if row["note_type"] == "task" {
            let note = c.notes.last().unwrap_or_else(|| panic!("{path}: no note"));
            assert_eq!(squeeze(&note.text), raw, "{path}");
            assert_eq!(note.line, line, "{path}");
            assert_eq!(
                note.range.end,
                c.text.trim_end().trim_end_matches('。').len(),
                "{path}"
            );
            assert_eq!(squeeze(note.span.slice(&doc.text)), raw, "{path}");
        } else {
            assert!(
                squeeze(&c.text).contains(&raw),
                "{path}: mechanism sentence"
            );
        }
    }
}

/// Every character of the plan (residue and layout aside) is in exactly one
/// clause, so whatever is in the text can be found in some clause.
#[test]
fn clauses_cover_the_text_exactly_once() {
    let corpus = seeds();
    for doc in &corpus.documents {
        let joined: String = doc.clauses.iter().map(|c| squeeze(&c.text)).collect();
        let kept: String = doc
            .text
            .split('\n')
            .filter(|l| {
                !fangan_ingest::parse::lines::is_residue(l.trim().trim_start_matches('#').trim())
            })
            .map(|l| squeeze(l.trim_start().trim_start_matches('#')))
            .collect();
        assert_eq!(joined, kept, "{}", doc.meta.id);
        for c in &doc.clauses {
            // the span slices the original: same text once layout is dropped
            let orig: String = c
                .span
                .slice(&doc.text)
                .split('\n')
                .filter(|l| !fangan_ingest::parse::lines::is_residue(l.trim()))
                .map(|l| squeeze(l.trim_start().trim_start_matches('#')))
                .collect();
            assert_eq!(orig, squeeze(&c.text), "{} {}", doc.meta.id, c.path);
        }
    }
}

#[test]
fn provincial_reports_parse_without_invented_clauses() {
    // (file, clauses): the front matter, the real numbered headings and the
    // 名词解释 block with its numbered entries; nothing else
    let want = [
        ("guangdong", 43),
        ("hebei", 15),
        ("hunan", 15),
        ("sichuan", 35),
        ("xizang", 12),
    ];
    for (name, clauses) in want {
        let path = root()
            .join("tests/fixtures/reports")
            .join(format!("{name}.txt"));
        let doc = load_file(&path, &Parser::new()).unwrap();
        assert_eq!(
            doc.clauses.len(),
            clauses,
            "{name}: {:#?}",
            doc.clauses.iter().map(|c| &c.path).collect::<Vec<_>>()
        );
        assert!(doc.warnings.is_empty(), "{name}: {:?}", doc.warnings);
        assert!(
            doc.clauses.iter().all(|c| c.notes.is_empty()),
            "{name}: no responsibility notes in reports: {:?}",
            doc.clauses
                .iter()
                .flat_map(|c| c.notes.iter().map(|n| n.text.as_str()))
                .collect::<Vec<_>>()
        );
        assert!(
            doc.clauses
                .iter()
                .all(|c| c.level != fangan_model::Level::Subheading),
            "{name}"
        );
        let title = doc.clauses[0].heading.as_str();
        assert!(title.contains("政府工作报告"), "{name}: {title}");
    }
}

#[test]
fn without_a_manifest_metadata_is_inferred_and_shown_as_inferred() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "pingjiang-2023.txt",
        "pingjiang-2025.txt",
        "xiangyin-2025.txt",
        "yueyanglou-2023.txt",
    ] {
        std::fs::copy(root().join("seeds").join(name), dir.path().join(name)).unwrap();
    }
    std::fs::copy(
        root().join("tests/fixtures/reports/hunan.txt"),
        dir.path().join("hunan.txt"),
    )
    .unwrap();
    let corpus = Corpus::load_dir(dir.path(), &Parser::new()).unwrap();
    let meta = |id: &str| plan(&corpus, id).meta.clone();
    let inferred = |id: &str, field: &str| {
        meta(id)
            .inferred
            .iter()
            .any(|i| i.field == field && !i.evidence.is_empty())
    };
    let m = meta("pingjiang-2023");
    assert_eq!(
        (m.county.as_deref(), m.level.as_deref(), m.year),
        (Some("平江县"), Some("县"), Some(2023))
    );
    assert!(inferred("pingjiang-2023", "county") && inferred("pingjiang-2023", "year"));
    assert_eq!(meta("xiangyin-2025").county.as_deref(), Some("湘阴县"));
    assert_eq!(
        meta("xiangyin-2025").title,
        None,
        "the file has no title line"
    );
    assert_eq!(meta("yueyanglou-2023").county.as_deref(), Some("岳阳楼区"));
    assert_eq!(meta("yueyanglou-2023").level.as_deref(), Some("区"));
    // the county is never named on its own in pingjiang-2025: unknown stays unknown;
    // its many 全省 (comparisons with the province) do not make it provincial
    assert_eq!(meta("pingjiang-2025").county, None);
    assert_ne!(meta("pingjiang-2025").level.as_deref(), Some("省"));
    let m = meta("hunan");
    assert_eq!(
        (m.county, m.province.as_deref(), m.level.as_deref(), m.year),
        (None, Some("湖南"), Some("省"), Some(2026))
    );
}
