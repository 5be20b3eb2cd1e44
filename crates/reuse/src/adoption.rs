//! What lower plans adopted from a higher one: per upper-level plan, a
//! matrix of its clauses × the plans that copied from it, with the lag in
//! days and what changed inside each adopted clause (targets, lead
//! departments, place names left from the source, deadlines).
//!
//! A clause is adopted by a plan when passages with that plan cover at
//! least `adopt_coverage` of the clause's characters. Changes are read
//! from the two clause texts, so this step needs the documents again
//! ([`DocumentSource`]); everything before it works on prepared plans.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::LazyLock;

use fangan_model::{fold, Clause, Document};
use fangan_notes::{NoteReader, Role};
use fangan_targets::{pair_targets, Extractor};
use regex::Regex;
use serde::Serialize;

use crate::direction::{covered, Evidence};
use crate::mask::PlaceNames;
use crate::{AdminLevel, Edge, Passage, Plan};

/// Gives the documents of plans by index, for the adoption step.
pub trait DocumentSource: Sync {
    /// The document of plan `plan`, `None` when it cannot be had (then its
    /// cells carry no changes).
    fn document(&self, plan: usize) -> Option<Cow<'_, Document>>;
}

impl DocumentSource for [Document] {
    fn document(&self, plan: usize) -> Option<Cow<'_, Document>> {
        self.get(plan).map(Cow::Borrowed)
    }
}

/// A [`DocumentSource`] that loads each document with a function (for a
/// corpus too large to keep parsed).
pub struct Loader<F>(pub F);

impl<F: Fn(usize) -> Option<Document> + Sync> DocumentSource for Loader<F> {
    fn document(&self, plan: usize) -> Option<Cow<'_, Document>> {
        (self.0)(plan).map(Cow::Owned)
    }
}

/// A target that differs between the source clause and the adopted one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TargetChange {
    /// The canonical indicator.
    pub indicator: String,
    /// The source's target (`8%以上`), absent when the adopter added it.
    pub source: Option<String>,
    /// The adopter's target, absent when it dropped it.
    pub adopted: Option<String>,
}

/// What changed inside one adopted clause.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    /// Targets that differ.
    pub targets: Vec<TargetChange>,
    /// Lead departments (canonical) of the source, when they differ from
    /// the adopter's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_leads: Option<Vec<String>>,
    /// Lead departments of the adopter, when they differ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adopted_leads: Option<Vec<String>>,
    /// Place names of the source left in the adopted text (`岳阳市`,
    /// `全省`) where the source wrote them too.
    pub places_left: Vec<String>,
    /// Deadlines of the source (`6月底前`), when they differ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_deadlines: Option<Vec<String>>,
    /// Deadlines of the adopter, when they differ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adopted_deadlines: Option<Vec<String>>,
}

/// One clause of the source adopted by one plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cell {
    /// The adopting plan (index).
    pub plan: u32,
    /// Share of the source clause covered by passages with it.
    pub coverage: f32,
    /// Paths of the adopter's clauses holding it.
    pub clauses: Vec<String>,
    /// The passages are boilerplate.
    pub boilerplate: bool,
    /// What changed (absent when a document could not be had).
    pub changes: Option<Changes>,
}

/// One clause of the source and who adopted it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// Path of the source clause.
    pub clause: String,
    /// Index of the clause in the source document.
    pub clause_id: usize,
    /// Its characters.
    pub chars: u32,
    /// One cell per adopting plan.
    pub cells: Vec<Cell>,
}

/// A plan that adopted clauses of the source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Adopter {
    /// The plan (index).
    pub plan: u32,
    /// The edge (index into the report's edges).
    pub edge: u32,
    /// Days from the source's issue to the adopter's, when both are known.
    pub lag_days: Option<i64>,
    /// Clauses of the source it adopted.
    pub clauses: u32,
    /// Share of the source's characters it adopted.
    pub share: f32,
}

/// The adoption matrix of one upper-level plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AdoptionMatrix {
    /// The source plan (index).
    pub source: u32,
    /// The plans that adopted from it.
    pub adopters: Vec<Adopter>,
    /// Its clauses adopted by at least one plan, in order.
    pub rows: Vec<Row>,
}

/// Settings of the adoption step.
#[derive(Clone, Copy, Debug)]
pub struct AdoptionSettings {
    /// Share of a clause that passages must cover.
    pub coverage: f32,
    /// Shortest clause considered, in characters.
    pub min_clause_chars: usize,
}

/// True for an edge from a higher-level plan, or decided by a citation.
fn downward(plans: &[Plan], e: &Edge) -> bool {
    if !e.directed {
        return false;
    }
    let rank = |p: u32| plans[p as usize].info.level.map(|l| l.rank());
    let cites = matches!(e.evidence.first(), Some(Evidence::Cites { .. }));
    cites || matches!((rank(e.source), rank(e.target)), (Some(s), Some(t)) if s > t)
}

/// The adoption matrices of every upper-level plan that has adopters.
pub fn adoption<D: DocumentSource + ?Sized>(
    plans: &[Plan],
    passages: &[Passage],
    edges: &[Edge],
    docs: &D,
    s: AdoptionSettings,
) -> Vec<AdoptionMatrix> {
    use rayon::prelude::*;
    let mut by_source: std::collections::BTreeMap<u32, Vec<u32>> = Default::default();
    for (k, e) in edges.iter().enumerate() {
        if downward(plans, e) {
            by_source.entry(e.source).or_default().push(k as u32);
        }
    }
    let extractor = Extractor::new();
    let reader = NoteReader::new();
    let by_source: Vec<_> = by_source.into_iter().collect();
    by_source
        .into_par_iter()
        .map(|(source, ks)| {
            matrix(
                plans, passages, edges, docs, s, source, &ks, &extractor, &reader,
            )
        })
        .filter(|m| !m.rows.is_empty())
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn matrix<D: DocumentSource + ?Sized>(
    plans: &[Plan],
    passages: &[Passage],
    edges: &[Edge],
    docs: &D,
    s: AdoptionSettings,
    source: u32,
    ks: &[u32],
    extractor: &Extractor,
    reader: &NoteReader,
) -> AdoptionMatrix {
    let up = &plans[source as usize];
    let up_doc = docs.document(source as usize);
    let mut rows: Vec<Row> = up
        .clauses
        .iter()
        .filter(|c| (c.end - c.start) as usize >= s.min_clause_chars)
        .map(|c| Row {
            clause: c.path.to_string(),
            clause_id: c.id,
            chars: c.end - c.start,
            cells: Vec::new(),
        })
        .collect();
    let mut adopters = Vec::new();
    for &k in ks {
        let e = &edges[k as usize];
        let low = &plans[e.target as usize];
        let low_doc = docs.document(e.target as usize);
        let mut adopted = 0;
        let mut adopted_chars = Vec::new();
        for row in rows.iter_mut() {
            let c = up
                .clauses
                .iter()
                .find(|c| c.id == row.clause_id)
                .expect("row of a clause");
            let range = c.start..c.end;
            let mut parts = Vec::new();
            let mut boiler = true;
            let mut low_ranges = Vec::new();
            for &pk in &e.passages {
                let p = &passages[pk as usize];
                let (Some((ur, _)), Some((lr, _))) = (p.side(source), p.side(e.target)) else {
                    continue;
                };
                let (a, b) = (ur.start.max(range.start), ur.end.min(range.end));
                if a >= b {
                    continue;
                }
                parts.push(a..b);
                boiler &= p.boilerplate;
                // the adopter's characters, by proportion within the passage
                let scale = lr.len() as f64 / ur.len().max(1) as f64;
                let ls = lr.start + ((a - ur.start) as f64 * scale) as u32;
                let le = lr.start + ((b - ur.start) as f64 * scale).ceil() as u32;
                low_ranges.push(ls..le.min(lr.end).max(ls));
            }
            let cov = covered(parts.clone()) as f32 / range.len().max(1) as f32;
            if cov < s.coverage {
                continue;
            }
            adopted += 1;
            adopted_chars.extend(parts);
            let mut ids: Vec<usize> = Vec::new();
            for r in &low_ranges {
                for (ci, lc) in low.clauses.iter().enumerate() {
                    let o = lc.end.min(r.end).saturating_sub(lc.start.max(r.start));
                    if o > 0
                        && (3 * o as usize >= r.len() || 2 * o >= lc.end - lc.start)
                        && !ids.contains(&ci)
                    {
                        ids.push(ci);
                    }
                }
            }
            ids.sort_unstable();
            let changes = match (&up_doc, &low_doc) {
                (Some(ud), Some(ld)) => Some(changes(
                    &ud.clauses[c.id],
                    ids.iter()
                        .map(|&i| &ld.clauses[low.clauses[i].id])
                        .collect(),
                    up,
                    low,
                    extractor,
                    reader,
                )),
                _ => None,
            };
            row.cells.push(Cell {
                plan: e.target,
                coverage: cov,
                clauses: ids
                    .iter()
                    .map(|&i| low.clauses[i].path.to_string())
                    .collect(),
                boilerplate: boiler,
                changes,
            });
        }
        if adopted > 0 {
            adopters.push(Adopter {
                plan: e.target,
                edge: k,
                lag_days: up
                    .info
                    .issued_day()
                    .zip(low.info.issued_day())
                    .map(|(u, l)| l - u),
                clauses: adopted,
                share: covered(adopted_chars) as f32 / up.chars().max(1) as f32,
            });
        }
    }
    rows.retain(|r| !r.cells.is_empty());
    AdoptionMatrix {
        source,
        adopters,
        rows,
    }
}

/// `6月底前`, `2023年6月30日前`, `年底前`, `2024年底前`.
static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:20\d{2}年)?(?:\d{1,2}月(?:\d{1,2}日|底|末|中旬|上旬|下旬)?|年底|年末|底)(?:前|之前|以前)")
        .expect("valid regex")
});

/// The deadlines written in `text` (folded), in order, without duplicates.
pub fn deadlines(text: &str) -> Vec<String> {
    let folded = fold::fold_str(text);
    let mut out: Vec<String> = Vec::new();
    for m in DEADLINE.find_iter(&folded) {
        if !out.iter().any(|d| d == m.as_str()) {
            out.push(m.as_str().to_string());
        }
    }
    out
}

/// Words that name the source's own level (`全省` in a county's plan).
fn deictics(level: AdminLevel) -> &'static [&'static str] {
    match level {
        AdminLevel::Province => &["全省", "我省", "本省", "省委省政府"],
        AdminLevel::City => &["全市", "我市", "本市", "市委市政府"],
        AdminLevel::County => &[],
    }
}

fn leads(reader: &NoteReader, clauses: &[&Clause]) -> Vec<String> {
    let set: BTreeSet<String> = clauses
        .iter()
        .flat_map(|c| reader.read_clause(c))
        .flat_map(|n| {
            n.units_with(Role::Lead)
                .map(|u| u.canonical.clone())
                .collect::<Vec<_>>()
        })
        .collect();
    set.into_iter().collect()
}

fn changes(
    up: &Clause,
    low: Vec<&Clause>,
    up_plan: &Plan,
    low_plan: &Plan,
    extractor: &Extractor,
    reader: &NoteReader,
) -> Changes {
    let low_text: String = low
        .iter()
        .map(|c| c.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let (ta, tb) = (extractor.extract(&up.text), extractor.extract(&low_text));
    let targets = pair_targets(&ta, &tb)
        .into_iter()
        .filter(|p| p.differs())
        .map(|p| TargetChange {
            indicator: p.canonical.clone(),
            source: p.a.map(|t| t.display()),
            adopted: p.b.map(|t| t.display()),
        })
        .collect();
    let (la, lb) = (leads(reader, &[up]), leads(reader, &low));
    let (da, db) = (deadlines(&up.text), deadlines(&low_text));
    // place names of the source, not of the adopter, still written by both
    let (fu, fl) = (fold::fold_str(&up.text), fold::fold_str(&low_text));
    let mut theirs = PlaceNames::default();
    for n in up_plan.info.own_places() {
        theirs.add(n);
    }
    let mut mine = PlaceNames::default();
    for n in low_plan.info.own_places() {
        mine.add(n);
    }
    let mut places_left: Vec<String> = theirs
        .names()
        .filter(|n| !mine.names().any(|m| m == *n || m.contains(*n)))
        .filter(|n| fu.contains(*n) && fl.contains(*n))
        .map(str::to_string)
        .collect();
    if let (Some(lu), Some(ll)) = (up_plan.info.level, low_plan.info.level) {
        if lu.rank() > ll.rank() {
            for w in deictics(lu) {
                if fu.contains(w) && fl.contains(w) {
                    places_left.push(w.to_string());
                }
            }
        }
    }
    // a stem inside a full name found too (岳阳 in 岳阳市) is said once
    let all = places_left.clone();
    places_left.retain(|n| !all.iter().any(|m| m != n && m.contains(n.as_str())));
    let differ = la != lb;
    let ddiffer = da != db;
    Changes {
        targets,
        source_leads: differ.then(|| la.clone()),
        adopted_leads: differ.then_some(lb),
        places_left,
        source_deadlines: ddiffer.then(|| da.clone()),
        adopted_deadlines: ddiffer.then_some(db),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testutil::{doc, info};
    use crate::Reuse;

    #[test]
    fn a_county_adopts_a_city_clause_with_changes() {
        let city = doc(
            "city",
            &[
                "岳阳市稳增长工作方案",
                "扎实推进项目建设，2023年6月底前完成全市重点项目年度投资计划编制，力争固定资产投资增长10%以上，\
                 持续开展项目建设攻坚行动，强化要素保障，推动项目早开工、早投产、早见效。",
                "加强安全生产监管，开展重点行业领域隐患排查整治。",
            ],
        );
        let county = doc(
            "county",
            &[
                "平江县稳增长工作方案",
                "扎实推进项目建设，2023年9月底前完成全市重点项目年度投资计划编制，力争固定资产投资增长8%以上，\
                 持续开展项目建设攻坚行动，强化要素保障，推动项目早开工、早投产、早见效。",
                "发展特色种养业，培育壮大新型农业经营主体。",
            ],
        );
        let mut ci = info("city", AdminLevel::City, 2023);
        ci.city = Some("岳阳市".into());
        ci.issued = Some("2023-03-01".into());
        let mut ki = info("county", AdminLevel::County, 2023);
        ki.county = Some("平江县".into());
        ki.city = Some("岳阳市".into());
        ki.issued = Some("2023-03-20".into());
        let reuse = Reuse::builder().min_seeds(1).build().unwrap();
        let report = reuse.run(&[city, county], vec![ci, ki]).unwrap();
        assert_eq!(report.adoption.len(), 1);
        let m = &report.adoption[0];
        assert_eq!(m.source, 0);
        assert_eq!(m.adopters.len(), 1);
        assert_eq!(m.adopters[0].lag_days, Some(19));
        let row = m
            .rows
            .iter()
            .find(|r| r.clause == "2")
            .expect("clause 2 adopted");
        assert!(m.rows.iter().all(|r| r.clause != "3"));
        let cell = &row.cells[0];
        assert_eq!(cell.clauses, ["2"]);
        assert!(cell.coverage > 0.9);
        let ch = cell.changes.as_ref().unwrap();
        assert_eq!(ch.targets.len(), 1, "{:?}", ch.targets);
        assert_eq!(ch.targets[0].source.as_deref(), Some("力争 10%以上"));
        assert_eq!(ch.targets[0].adopted.as_deref(), Some("力争 8%以上"));
        assert_eq!(ch.places_left, ["全市"]);
        assert_eq!(
            ch.source_deadlines.as_deref(),
            Some(&["2023年6月底前".to_string()][..])
        );
        assert_eq!(
            ch.adopted_deadlines.as_deref(),
            Some(&["2023年9月底前".to_string()][..])
        );
    }

    #[test]
    fn reads_deadlines() {
        assert_eq!(
            deadlines("2023年6月底前完成，年底前见效；9月30日前上报，２０２４年底前建成。"),
            ["2023年6月底前", "年底前", "9月30日前", "2024年底前"]
        );
        assert!(deadlines("力争地区生产总值增长8%以上").is_empty());
    }
}
