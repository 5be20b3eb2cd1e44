//! Who copied whom: one edge per pair of plans that share passages, with
//! its direction and the evidence for it.
//!
//! The signals, strongest first:
//! 1. a citation: one plan says it implements the other (`根据《title》`,
//!    the title of a plan in the corpus);
//! 2. the issue dates, when both are known and differ;
//! 3. the years, when they differ;
//! 4. the levels: province → city → county.
//!
//! The first signal present decides; every signal present is listed, and
//! an edge whose signals disagree is marked `conflict`. Two plans with no
//! signal get an undirected edge. Two counties of one city that share
//! text their city's plan (in the corpus) does not have are flagged as
//! peer copying.

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use crate::info::title_key;
use crate::{AdminLevel, Passage, Plan};

/// One signal about the direction of an edge, read `source → target`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Evidence {
    /// The target cites the source's title.
    Cites {
        /// The title as the target wrote it.
        title: String,
    },
    /// Issue dates; `agrees` is false when the source was issued later.
    Issued {
        /// The source's date.
        source: String,
        /// The target's date.
        target: String,
        /// True when the source is the earlier.
        agrees: bool,
    },
    /// Years; `agrees` is false when the source's year is later.
    Year {
        /// The source's year.
        source: u16,
        /// The target's year.
        target: u16,
        /// True when the source's year is the earlier.
        agrees: bool,
    },
    /// Levels; `agrees` is false when the source is the lower level.
    Level {
        /// The source's level.
        source: AdminLevel,
        /// The target's level.
        target: AdminLevel,
        /// True when the source is the higher level.
        agrees: bool,
    },
}

impl Evidence {
    fn agrees(&self) -> bool {
        match self {
            Evidence::Cites { .. } => true,
            Evidence::Issued { agrees, .. }
            | Evidence::Year { agrees, .. }
            | Evidence::Level { agrees, .. } => *agrees,
        }
    }
}

/// Two counties of one city sharing text that the city's plan lacks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeerCopy {
    /// The city's plans in the corpus (indices).
    pub parents: Vec<u32>,
    /// Characters (of the target) shared by the two counties and by no
    /// parent plan.
    pub chars: u64,
    /// Passages (indices) holding that text.
    pub passages: Vec<u32>,
}

/// Reuse between two plans.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Edge {
    /// The source plan (index), or the first of the two when undirected.
    pub source: u32,
    /// The target plan (index).
    pub target: u32,
    /// False when no signal says which plan came first.
    pub directed: bool,
    /// The signals, the deciding one first.
    pub evidence: Vec<Evidence>,
    /// True when some signal points the other way.
    pub conflict: bool,
    /// Passages shared (indices into the report's passages).
    pub passages: Vec<u32>,
    /// Characters of the target in non-boilerplate passages.
    pub target_chars: u64,
    /// Characters of the source in non-boilerplate passages.
    pub source_chars: u64,
    /// Characters of the target in boilerplate passages only.
    pub boilerplate_chars: u64,
    /// Share of the target's text in non-boilerplate passages: the weight.
    pub weight: f32,
    /// Set when two counties share text their city's plan lacks.
    pub peer_copy: Option<PeerCopy>,
}

/// Characters covered by the union of `ranges`.
pub fn covered(mut ranges: Vec<Range<u32>>) -> u64 {
    ranges.sort_by_key(|r| r.start);
    let (mut total, mut end) = (0u64, 0u32);
    for r in ranges {
        if r.end > end {
            total += u64::from(r.end - r.start.max(end));
            end = r.end;
        }
    }
    total
}

/// The signals for `s → t`, in order of strength.
fn signals(s: &Plan, t: &Plan) -> Vec<Evidence> {
    let mut out = Vec::new();
    if let Some(title) = s
        .info
        .title
        .as_deref()
        .map(title_key)
        .filter(|k| k.chars().count() >= 4)
    {
        for cited in &t.info.implements {
            if title_key(cited) == title {
                out.push(Evidence::Cites {
                    title: cited.clone(),
                });
                break;
            }
        }
    }
    if let (Some(ds), Some(dt)) = (s.info.issued_day(), t.info.issued_day()) {
        if ds != dt {
            out.push(Evidence::Issued {
                source: s.info.issued.clone().unwrap_or_default(),
                target: t.info.issued.clone().unwrap_or_default(),
                agrees: ds < dt,
            });
        }
    }
    if let (Some(ys), Some(yt)) = (s.info.year, t.info.year) {
        if ys != yt {
            out.push(Evidence::Year {
                source: ys,
                target: yt,
                agrees: ys < yt,
            });
        }
    }
    if let (Some(ls), Some(lt)) = (s.info.level, t.info.level) {
        if ls != lt {
            out.push(Evidence::Level {
                source: ls,
                target: lt,
                agrees: ls.rank() > lt.rank(),
            });
        }
    }
    out
}

/// Orients the pair `(a, b)`: `(source, target, directed, evidence)`.
pub fn orient(plans: &[Plan], a: u32, b: u32) -> (u32, u32, bool, Vec<Evidence>) {
    let ab = signals(&plans[a as usize], &plans[b as usize]);
    let ba = signals(&plans[b as usize], &plans[a as usize]);
    let cites_ab = ab.iter().any(|e| matches!(e, Evidence::Cites { .. }));
    let cites_ba = ba.iter().any(|e| matches!(e, Evidence::Cites { .. }));
    let forward = if cites_ab != cites_ba {
        Some(cites_ab)
    } else {
        ab.iter()
            .find(|e| !matches!(e, Evidence::Cites { .. }))
            .map(Evidence::agrees)
    };
    match forward {
        Some(true) | None => (a, b, forward.is_some(), ab),
        Some(false) => (b, a, true, ba),
    }
}

/// One edge per pair of plans with passages.
pub fn edges(plans: &[Plan], passages: &[Passage]) -> Vec<Edge> {
    let mut by_pair: HashMap<(u32, u32), Vec<u32>> = HashMap::new();
    for (k, p) in passages.iter().enumerate() {
        by_pair.entry((p.a, p.b)).or_default().push(k as u32);
    }
    // passages of each plan, for the peer-copy check
    let mut of_plan: Vec<Vec<u32>> = vec![Vec::new(); plans.len()];
    for (k, p) in passages.iter().enumerate() {
        if !p.boilerplate {
            of_plan[p.a as usize].push(k as u32);
            of_plan[p.b as usize].push(k as u32);
        }
    }
    let mut cities: HashMap<&str, Vec<u32>> = HashMap::new();
    for (k, p) in plans.iter().enumerate() {
        if let (Some(AdminLevel::City), Some(c)) = (p.info.level, p.info.city.as_deref()) {
            cities.entry(c).or_default().push(k as u32);
        }
    }
    let mut pairs: Vec<_> = by_pair.into_iter().collect();
    pairs.sort_unstable_by_key(|(k, _)| *k);
    pairs
        .into_iter()
        .map(|((a, b), ks)| {
            let (source, target, directed, evidence) = orient(plans, a, b);
            let conflict = evidence.iter().any(|e| !e.agrees());
            let side = |plan: u32, boiler: bool| -> u64 {
                covered(
                    ks.iter()
                        .map(|&k| &passages[k as usize])
                        .filter(|p| p.boilerplate == boiler)
                        .filter_map(|p| p.side(plan).map(|s| s.0))
                        .collect(),
                )
            };
            let target_chars = side(target, false);
            let source_chars = side(source, false);
            let boilerplate_chars = side(target, true);
            let weight = target_chars as f32 / plans[target as usize].chars().max(1) as f32;
            let peer_copy = peer_copy(plans, passages, &of_plan, &cities, target, &ks);
            Edge {
                source,
                target,
                directed,
                evidence,
                conflict,
                passages: ks,
                target_chars,
                source_chars,
                boilerplate_chars,
                weight,
                peer_copy,
            }
        })
        .collect()
}

/// Share of `range` of plan `plan` covered by passages of `plan` with any
/// of `others`.
fn covered_by(
    passages: &[Passage],
    of_plan: &[Vec<u32>],
    plan: u32,
    range: &Range<u32>,
    others: &[u32],
) -> f32 {
    let ranges: Vec<Range<u32>> = of_plan[plan as usize]
        .iter()
        .map(|&k| &passages[k as usize])
        .filter(|p| others.contains(&p.other(plan)))
        .filter_map(|p| p.side(plan).map(|s| s.0))
        .filter_map(|r| {
            let (s, e) = (r.start.max(range.start), r.end.min(range.end));
            (s < e).then_some(s..e)
        })
        .collect();
    covered(ranges) as f32 / range.len().max(1) as f32
}

fn peer_copy(
    plans: &[Plan],
    passages: &[Passage],
    of_plan: &[Vec<u32>],
    cities: &HashMap<&str, Vec<u32>>,
    target: u32,
    ks: &[u32],
) -> Option<PeerCopy> {
    let first = &passages[*ks.first()? as usize];
    let (a, b) = (&plans[first.a as usize].info, &plans[first.b as usize].info);
    if a.level != Some(AdminLevel::County)
        || b.level != Some(AdminLevel::County)
        || a.city.is_none()
        || a.city != b.city
    {
        return None;
    }
    let parents = cities.get(a.city.as_deref()?)?.clone();
    let mut chars = Vec::new();
    let mut held = Vec::new();
    for &k in ks {
        let p = &passages[k as usize];
        if p.boilerplate {
            continue;
        }
        let in_parent = covered_by(passages, of_plan, p.a, &p.a_chars, &parents) >= 0.5
            || covered_by(passages, of_plan, p.b, &p.b_chars, &parents) >= 0.5;
        if !in_parent {
            held.push(k);
            chars.push(p.side(target).map(|s| s.0).unwrap_or(0..0));
        }
    }
    (!held.is_empty()).then(|| PeerCopy {
        parents,
        chars: covered(chars),
        passages: held,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testutil::{doc, info, prepare};
    use crate::{PlanInfo, Reuse};

    fn plans(infos: &[PlanInfo]) -> Vec<Plan> {
        let reuse = Reuse::builder().build().unwrap();
        let docs: Vec<_> = infos
            .iter()
            .map(|i| doc(&i.id, &["推进乡村全面振兴"]))
            .collect();
        prepare(&reuse, &docs, infos)
    }

    #[test]
    fn citation_beats_dates_and_levels() {
        let mut city = info("city", AdminLevel::City, 2023);
        city.title = Some("岳阳市打好经济增长主动仗工作方案".into());
        city.issued = Some("2023-03-10".into());
        let mut county = info("county", AdminLevel::County, 2023);
        county.issued = Some("2023-03-01".into());
        county.implements = vec!["岳阳市打好经济增长“主动仗”工作方案".into()];
        let p = plans(&[county.clone(), city.clone()]);
        let (s, t, directed, ev) = orient(&p, 0, 1);
        assert_eq!((s, t, directed), (1, 0, true));
        assert!(matches!(ev[0], Evidence::Cites { .. }));
        // the county was issued first: a signal that disagrees
        assert!(ev.iter().any(|e| !e.agrees()));
        // without the citation, the earlier date decides
        county.implements.clear();
        let p = plans(&[county, city]);
        let (s, t, _, ev) = orient(&p, 0, 1);
        assert_eq!((s, t), (0, 1));
        assert!(matches!(ev[0], Evidence::Issued { agrees: true, .. }));
    }

    #[test]
    fn level_decides_within_a_year_and_peers_stay_undirected() {
        let p = plans(&[
            info("county", AdminLevel::County, 2023),
            info("province", AdminLevel::Province, 2023),
            info("peer", AdminLevel::County, 2023),
        ]);
        let (s, t, directed, ev) = orient(&p, 0, 1);
        assert_eq!((s, t, directed), (1, 0, true));
        assert!(matches!(ev[0], Evidence::Level { agrees: true, .. }));
        let (_, _, directed, ev) = orient(&p, 0, 2);
        assert!(!directed && ev.is_empty());
        // a later year points from the earlier plan
        let p = plans(&[
            info("new", AdminLevel::County, 2025),
            info("old", AdminLevel::County, 2023),
        ]);
        assert_eq!(orient(&p, 0, 1).0, 1);
    }

    #[test]
    fn union_of_ranges() {
        assert_eq!(covered(vec![0..10, 5..15, 20..25]), 20);
        assert_eq!(covered(vec![]), 0);
    }
}
