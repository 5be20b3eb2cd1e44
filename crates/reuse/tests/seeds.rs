//! The reuse analysis on the real seed plans: the passages shared by the
//! two plans written from the Yueyang 2023 template (pingjiang-2023,
//! yueyanglou-2023) and by pingjiang-2025 and xiangyin-2025 are found with
//! exact offsets, clusters never join different subjects, and the default
//! candidates find what exhaustive seeding finds.

use std::path::Path;
use std::sync::LazyLock;

use fangan_compare::EditTag;
use fangan_ingest::corpus::Corpus;
use fangan_ingest::parse::Parser;
use fangan_model::{fold, Document};
use fangan_reuse::{cited_titles, CandidateMethod, Passage, PlanInfo, Report, Reuse};

struct Seeds {
    docs: Vec<Document>,
    infos: Vec<PlanInfo>,
}

static SEEDS: LazyLock<Seeds> = LazyLock::new(|| {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let corpus = Corpus::load_dir(&dir, &Parser::new()).expect("the seeds load");
    assert!(corpus.refused.is_empty());
    let docs = corpus.documents;
    let infos = docs
        .iter()
        .map(|d| {
            let mut i = PlanInfo::from_meta(&d.meta);
            i.implements = cited_titles(&d.text);
            i
        })
        .collect();
    Seeds { docs, infos }
});

static REPORT: LazyLock<Report> = LazyLock::new(|| run(&Reuse::builder().build().unwrap()));

fn run(reuse: &Reuse) -> Report {
    reuse
        .run(&SEEDS.docs, SEEDS.infos.clone())
        .expect("the seeds run")
}

fn idx(id: &str) -> usize {
    SEEDS
        .docs
        .iter()
        .position(|d| d.meta.id == id)
        .expect("a seed plan")
}

fn text(plan: usize) -> &'static str {
    &SEEDS.docs[plan].text
}

/// The byte range of `needle` in plan `plan`'s text.
fn find(plan: usize, needle: &str) -> std::ops::Range<usize> {
    let at = text(plan)
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is in {}", SEEDS.docs[plan].meta.id));
    at..at + needle.len()
}

/// The passage of `a`–`b` whose `a` side holds `in_a` and `b` side `in_b`.
fn passage_holding(r: &Report, a: usize, b: usize, in_a: &str, in_b: &str) -> Passage {
    let (ra, rb) = (find(a, in_a), find(b, in_b));
    r.passages_between(a, b)
        .find(|p| {
            let (sa, sb) = if p.a as usize == a {
                (p.a_span, p.b_span)
            } else {
                (p.b_span, p.a_span)
            };
            sa.start <= ra.start && ra.end <= sa.end && sb.start <= rb.start && rb.end <= sb.end
        })
        .cloned()
        .unwrap_or_else(|| panic!("no passage holds {in_a:?} / {in_b:?}"))
}

#[test]
fn offsets_are_exact_everywhere() {
    let r = &*REPORT;
    assert!(!r.passages.is_empty());
    for p in &r.passages {
        let (ta, tb) = (text(p.a as usize), text(p.b as usize));
        // spans slice on character boundaries
        let (sa, sb) = (p.a_span.slice(ta), p.b_span.slice(tb));
        assert!(sa.chars().count() >= 30 && sb.chars().count() >= 30);
        // the edits tile both spans, and equal parts are equal once folded
        let (mut at_a, mut at_b) = (p.a_span.start, p.b_span.start);
        for e in &p.edits {
            assert!(e.a.start >= at_a && e.b.start >= at_b);
            at_a = at_a.max(e.a.end);
            at_b = at_b.max(e.b.end);
            if e.tag == EditTag::Equal {
                // markdown marks (`###`, `**`) are dropped by the parser,
                // not by the fold
                let clean = |s: &str| fold::fold_str(s).replace(['#', '*'], "");
                let (x, y) = (clean(e.a.slice(ta)), clean(e.b.slice(tb)));
                assert_eq!(x, y, "equal edit of passage {:?}", p.a_span);
            }
        }
        assert_eq!((at_a, at_b), (p.a_span.end, p.b_span.end));
    }
}

#[test]
fn the_yueyang_2023_template_is_found_in_both_plans() {
    let r = &*REPORT;
    let (pj, yy) = (idx("pingjiang-2023"), idx("yueyanglou-2023"));
    // every run of 20 or more characters the two plans share (folded,
    // places masked; found by hand) lies in a passage
    let shared = [
        (
            "为抢抓国家、省市宏观政策和环境利好机遇",
            "为抢抓国家、省市宏观政策和环境利好机遇",
        ),
        (
            "确保开好局、起好步，特制定本工作方案。",
            "确保开好局、起好步,特制定本工作方案。",
        ),
        (
            "选择一批规模适度、经济可行的经营性项目向社会公开推介",
            "选择一批规模适度、经济可行的经营性项目向社会公开推介",
        ),
        (
            "以“存量”换“增量”，以“地下”换“地上”，以资金",
            "以“存量”换“增量”,以“地下”换“地上”,以资金",
        ),
        (
            "分层次开展领军人才、科技人才、产业人才、专技人才、乡土人才的提质和培育工程",
            "分层次开展领军人才、科技人才、产业人才、专技人才、乡土人才的提质和培育工程",
        ),
        (
            "成立打好经济增长主动仗工作专班",
            "成立打好经济增长主动仗工作专班",
        ),
    ];
    for (a, b) in shared {
        passage_holding(r, pj, yy, a, b);
    }
    // two passages checked by hand, with their exact offsets
    let talent = passage_holding(r, pj, yy, "强化人才服务保障", "强化人才服务保障");
    assert_eq!((talent.a_span.start, talent.a_span.end), (17164, 17594));
    assert_eq!((talent.b_span.start, talent.b_span.end), (13293, 13708));
    assert!(talent
        .a_span
        .slice(text(pj))
        .ends_with("为人才创新创业提供良好生态。"));
    assert!(talent
        .b_span
        .slice(text(yy))
        .starts_with(".强化人才服务保障。进一步完善人才政策机制,"));
    let social = passage_holding(r, pj, yy, "选择一批规模适度", "选择一批规模适度");
    assert_eq!((social.a_span.start, social.a_span.end), (7138, 7336));
    assert_eq!((social.b_span.start, social.b_span.end), (7013, 7209));
    assert!(social.identity > 0.99);
    // the pair is one undirected edge (same level, same year, no dates)
    let e = r.edge_between(pj, yy).expect("an edge");
    assert!(!e.directed && e.target_chars > 400);
}

#[test]
fn pingjiang_2025_and_xiangyin_2025_share_their_responsibility_lists() {
    let r = &*REPORT;
    let (pj, xy) = (idx("pingjiang-2025"), idx("xiangyin-2025"));
    // the note of 1. 推动园区提质增效's predecessor and the member list of
    // the 专班 (with 平江分局 / 湘阴分局 swapped), checked by hand
    let note = passage_holding(
        r,
        pj,
        xy,
        "县发改局、县自然资源局、县科工信局、县商务局等按职责分工负责",
        "县发改局、县自然资源局、县商务粮食局、县交通运输局等按职责分工负责",
    );
    assert_eq!((note.a_span.start, note.a_span.end), (2698, 2823));
    assert_eq!((note.b_span.start, note.b_span.end), (40586, 40723));
    let members = passage_holding(
        r,
        pj,
        xy,
        "市生态环境局平江分局、县农业农村局",
        "市生态环境局湘阴分局、县人社局、县农业农村局",
    );
    assert_eq!((members.a_span.start, members.a_span.end), (6076, 6223));
    assert_eq!((members.b_span.start, members.b_span.end), (55509, 55698));
    // the county's name is a place replaced, not a difference of text
    assert!(members
        .edits
        .iter()
        .any(|e| e.place && e.a.slice(text(pj)) == "平江" && e.b.slice(text(xy)) == "湘阴"));
    let e = r.edge_between(pj, xy).expect("an edge");
    assert_eq!(e.passages.len(), r.passages_between(pj, xy).count());
}

/// Character 3-grams of a text, folded.
fn grams(s: &str) -> std::collections::HashSet<[char; 3]> {
    let c: Vec<char> = fold::fold_str(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    c.windows(3).map(|w| [w[0], w[1], w[2]]).collect()
}

#[test]
fn no_cluster_joins_passages_on_different_subjects() {
    for reuse in [
        Reuse::builder().build().unwrap(),
        Reuse::builder()
            .min_seeds(1)
            .cluster_overlap(0.3)
            .build()
            .unwrap(),
    ] {
        let r = run(&reuse);
        for c in &r.clusters {
            let texts: Vec<String> = c
                .passages
                .iter()
                .map(|&k| {
                    let p = &r.passages[k as usize];
                    p.a_span.slice(text(p.a as usize)).to_string()
                })
                .collect();
            for x in &texts {
                for y in &texts {
                    let (gx, gy) = (grams(x), grams(y));
                    let shared = gx.intersection(&gy).count() as f32;
                    let share = shared / gx.len().min(gy.len()).max(1) as f32;
                    assert!(
                        share >= 0.3,
                        "cluster {} joins {x:?} and {y:?} ({share:.2})",
                        c.id
                    );
                }
            }
        }
    }
}

#[test]
fn default_candidates_find_what_exhaustive_seeding_finds() {
    let exhaustive = run(&Reuse::builder()
        .window(1)
        .min_seeds(1)
        .max_seed_plans(1000)
        .build()
        .unwrap());
    let ngrams = &*REPORT;
    let minhash = run(&Reuse::builder()
        .candidates(CandidateMethod::Minhash)
        .build()
        .unwrap());
    let recall = |r: &Report| {
        let hit = exhaustive
            .passages
            .iter()
            .filter(|p| {
                r.passages_between(p.a as usize, p.b as usize).any(|q| {
                    let o = q
                        .a_chars
                        .end
                        .min(p.a_chars.end)
                        .saturating_sub(q.a_chars.start.max(p.a_chars.start));
                    2 * o as usize >= p.a_chars.len()
                })
            })
            .count();
        hit as f32 / exhaustive.passages.len().max(1) as f32
    };
    let (rn, rm) = (recall(ngrams), recall(&minhash));
    eprintln!(
        "recall against exhaustive seeding ({} passages): ngrams {rn:.3} ({} passages), minhash {rm:.3} ({} passages)",
        exhaustive.passages.len(),
        ngrams.passages.len(),
        minhash.passages.len()
    );
    assert!(rn >= 0.8, "n-gram recall {rn}");
}

#[test]
fn graphs_are_written() {
    let r = &*REPORT;
    let mut g = Vec::new();
    fangan_reuse::write_graphml(r, &mut g).unwrap();
    let g = String::from_utf8(g).unwrap();
    assert_eq!(g.matches("<node ").count(), 5);
    assert_eq!(g.matches("<edge ").count(), r.edges.len());
    assert!(g.contains("<data key=\"county\">平江县</data>"));
    let mut x = Vec::new();
    fangan_reuse::write_gexf(r, &mut x).unwrap();
    let x = String::from_utf8(x).unwrap();
    assert_eq!(x.matches("<edge ").count(), r.edges.len());
    // the report is plain data
    let json = serde_json::to_string(r).unwrap();
    assert!(json.contains("\"passages\""));
}
