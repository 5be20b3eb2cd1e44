//! Clusters: passages that are the same text in several plans.
//!
//! Two passages are connected when they have sides in the same plan that
//! overlap for at least `overlap` of each side's length (a reciprocal
//! overlap, so a short passage inside a long one does not join it).
//! Connected components alone can still drift: A–B overlaps B–C, B–C
//! overlaps C–D, and A's text and D's need not be about the same thing.
//! Each component is therefore cut into *stars*: the side most overlapped
//! by others is the star's centre, and a passage joins it only when one of
//! its sides is the centre's text (the same plan, reciprocally
//! overlapping) or holds at least `overlap` of the centre's fingerprints
//! while the centre holds `overlap` of its own. What is left forms the next
//! star. Every member of a cluster is thus close to one centre text.

use std::ops::Range;

use fangan_model::Span;
use serde::Serialize;

use crate::{Passage, Plan};

/// One occurrence of a cluster's text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Occurrence {
    /// The plan.
    pub plan: u32,
    /// Characters of its compared text.
    pub chars: Range<u32>,
    /// Bytes of its original text.
    pub span: Span,
}

/// Passages that are the same text in several plans.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cluster {
    /// Index in the report's clusters.
    pub id: u32,
    /// The occurrences, one per stretch of each plan (overlapping sides of
    /// one plan merged), ordered by plan.
    pub members: Vec<Occurrence>,
    /// The passages (indices into the report's passages).
    pub passages: Vec<u32>,
    /// Number of distinct plans.
    pub plans: u32,
    /// Most of its passages are boilerplate.
    pub boilerplate: bool,
    /// The occurrence the cluster was built around.
    pub centre: Occurrence,
}

fn overlap(x: &Range<u32>, y: &Range<u32>) -> u32 {
    x.end.min(y.end).saturating_sub(x.start.max(y.start))
}

/// True when `x` and `y` overlap for at least `share` of each.
fn reciprocal(x: &Range<u32>, y: &Range<u32>, share: f32) -> bool {
    let o = overlap(x, y) as f32;
    o > 0.0 && o >= share * x.len() as f32 && o >= share * y.len() as f32
}

struct UnionFind(Vec<u32>);

impl UnionFind {
    fn find(&mut self, mut x: u32) -> u32 {
        while self.0[x as usize] != x {
            let p = self.0[self.0[x as usize] as usize];
            self.0[x as usize] = p;
            x = p;
        }
        x
    }

    fn union(&mut self, x: u32, y: u32) {
        let (a, b) = (self.find(x), self.find(y));
        if a != b {
            self.0[a.max(b) as usize] = a.min(b);
        }
    }
}

/// A side of a passage: (plan, characters, passage index).
type Side = (u32, Range<u32>, u32);

fn sides(passages: &[Passage]) -> Vec<Side> {
    let mut out: Vec<Side> = Vec::with_capacity(passages.len() * 2);
    for (k, p) in passages.iter().enumerate() {
        out.push((p.a, p.a_chars.clone(), k as u32));
        out.push((p.b, p.b_chars.clone(), k as u32));
    }
    out.sort_by_key(|s| (s.0, s.1.start, s.1.end));
    out
}

/// Sorted, distinct fingerprint hashes of `plan` inside `range`.
fn content(plan: &Plan, range: &Range<u32>) -> Vec<u64> {
    let from = plan.fp_pos.partition_point(|&p| p < range.start);
    let to = plan.fp_pos.partition_point(|&p| p < range.end);
    let mut v = plan.fp_hash[from..to].to_vec();
    v.sort_unstable();
    v.dedup();
    v
}

/// Clusters `passages` (and sets each passage's `cluster`).
pub fn cluster(plans: &[Plan], passages: &mut [Passage], share: f32) -> Vec<Cluster> {
    let sides = sides(passages);
    // sides of the same plan overlapping reciprocally: links, and a degree
    let mut uf = UnionFind((0..passages.len() as u32).collect());
    let mut degree = vec![0u32; sides.len()];
    for i in 0..sides.len() {
        for j in i + 1..sides.len() {
            if sides[j].0 != sides[i].0 || sides[j].1.start >= sides[i].1.end {
                break;
            }
            if reciprocal(&sides[i].1, &sides[j].1, share) {
                uf.union(sides[i].2, sides[j].2);
                degree[i] += 1;
                degree[j] += 1;
            }
        }
    }
    // components, as lists of side indices
    let mut comp_of: Vec<Vec<usize>> = vec![Vec::new(); passages.len()];
    for (k, s) in sides.iter().enumerate() {
        let root = uf.find(s.2) as usize;
        comp_of[root].push(k);
    }
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut assigned = vec![false; passages.len()];
    for comp in comp_of.into_iter().filter(|c| !c.is_empty()) {
        // the fingerprints of each side, computed once per component
        let contents: std::collections::HashMap<usize, Vec<u64>> = comp
            .iter()
            .map(|&k| (k, content(&plans[sides[k].0 as usize], &sides[k].1)))
            .collect();
        let mut open: Vec<usize> = comp;
        while !open.is_empty() {
            // the centre: the open side most overlapped, then the longest
            let &centre = open
                .iter()
                .max_by_key(|&&k| (degree[k], sides[k].1.len(), std::cmp::Reverse(k)))
                .expect("open is not empty");
            let (cp, cr) = (sides[centre].0, sides[centre].1.clone());
            let centre_content = &contents[&centre];
            let close = |k: usize| -> bool {
                let (p, r) = (sides[k].0, &sides[k].1);
                if p == cp {
                    return k == centre || reciprocal(r, &cr, share);
                }
                let c = &contents[&k];
                let n = fangan_compare::profile::shared_count(c, centre_content) as f32;
                !c.is_empty()
                    && !centre_content.is_empty()
                    && n >= share * c.len() as f32
                    && n >= share * centre_content.len() as f32
            };
            let mut members: Vec<u32> = Vec::new();
            for &k in &open {
                let pi = sides[k].2;
                if !assigned[pi as usize] && close(k) {
                    assigned[pi as usize] = true;
                    members.push(pi);
                }
            }
            open.retain(|&k| !assigned[sides[k].2 as usize]);
            members.sort_unstable();
            clusters.push(make(
                plans,
                passages,
                members,
                clusters.len() as u32,
                (cp, cr),
            ));
        }
    }
    clusters
}

fn make(
    plans: &[Plan],
    passages: &mut [Passage],
    members: Vec<u32>,
    id: u32,
    centre: (u32, Range<u32>),
) -> Cluster {
    let mut occ: Vec<(u32, Range<u32>)> = Vec::with_capacity(members.len() * 2);
    let mut boiler = 0;
    for &m in &members {
        let p = &mut passages[m as usize];
        p.cluster = Some(id);
        boiler += usize::from(p.boilerplate);
        occ.push((p.a, p.a_chars.clone()));
        occ.push((p.b, p.b_chars.clone()));
    }
    occ.sort_by_key(|o| (o.0, o.1.start));
    let mut merged: Vec<(u32, Range<u32>)> = Vec::new();
    for (p, r) in occ {
        match merged.last_mut() {
            Some((lp, lr)) if *lp == p && r.start < lr.end => lr.end = lr.end.max(r.end),
            _ => merged.push((p, r)),
        }
    }
    let plans_n = 1 + merged.windows(2).filter(|w| w[0].0 != w[1].0).count() as u32;
    let occurrence = |(p, r): (u32, Range<u32>)| Occurrence {
        plan: p,
        span: plans[p as usize].span(r.start as usize, r.end as usize),
        chars: r,
    };
    Cluster {
        id,
        plans: plans_n,
        boilerplate: 2 * boiler > members.len(),
        passages: members,
        members: merged.into_iter().map(occurrence).collect(),
        centre: occurrence(centre),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{doc, info, prepare};
    use crate::{AdminLevel, Reuse};

    // four distinct sentences, each long enough to be a passage
    const S1: &str = "大力发展夜间经济，打造夜间消费集聚区，支持餐饮企业延长营业时间。";
    const S2: &str = "推动外贸扩规提质，鼓励企业参加境内外展会，扩大机电产品出口规模。";
    const S3: &str = "加强安全生产监管，开展重点行业领域隐患排查整治，坚决遏制重特大事故。";
    const S4: &str = "推进乡村全面振兴，发展特色种养业，培育壮大新型农业经营主体和龙头企业。";

    #[test]
    fn drifting_chains_are_cut_into_subjects() {
        // A shares S1+S2 with B, B shares S2+S3 with C, C shares S3+S4 with
        // D: connected components would join S1's and S4's passages
        let docs = [
            doc(
                "a",
                &[
                    "甲甲甲甲甲甲甲甲甲甲",
                    &format!("{S1}{S2}"),
                    "乙乙乙乙乙乙乙乙乙乙乙",
                ],
            ),
            doc(
                "b",
                &[
                    "丙丙丙丙丙丙丙丙丙丙",
                    &format!("{S1}{S2}{S3}"),
                    "丁丁丁丁丁丁丁丁丁丁丁",
                ],
            ),
            doc(
                "c",
                &[
                    "戊戊戊戊戊戊戊戊戊戊",
                    &format!("{S2}{S3}{S4}"),
                    "己己己己己己己己己己己",
                ],
            ),
            doc(
                "d",
                &[
                    "庚庚庚庚庚庚庚庚庚庚",
                    &format!("{S3}{S4}"),
                    "辛辛辛辛辛辛辛辛辛辛辛",
                ],
            ),
        ];
        let infos: Vec<_> = ["a", "b", "c", "d"]
            .iter()
            .map(|id| info(id, AdminLevel::County, 2023))
            .collect();
        let reuse = Reuse::builder().min_seeds(1).build().unwrap();
        let plans = prepare(&reuse, &docs, &infos);
        let report = reuse.find(&plans);
        assert!(report.passages.len() >= 4, "{:?}", report.passages);
        // the sentences each passage holds (by its first 20 characters)
        let holds = |p: &Passage| -> Vec<usize> {
            let t = p.a_span.slice(&docs[p.a as usize].text);
            [S1, S2, S3, S4]
                .iter()
                .enumerate()
                .filter(|(_, s)| t.contains(&s[..60]))
                .map(|(k, _)| k)
                .collect()
        };
        for c in &report.clusters {
            let sets: Vec<Vec<usize>> = c
                .passages
                .iter()
                .map(|&k| holds(&report.passages[k as usize]))
                .collect();
            for x in &sets {
                for y in &sets {
                    assert!(
                        x.iter().any(|s| y.contains(s)),
                        "cluster {} joins passages on different subjects: {sets:?}",
                        c.id
                    );
                }
            }
        }
        // every passage is in a cluster
        assert!(report.passages.iter().all(|p| p.cluster.is_some()));
    }

    #[test]
    fn the_same_text_in_three_plans_is_one_cluster() {
        let docs = [
            doc(
                "a",
                &["一一一一一一一一一一一", S1, "二二二二二二二二二二二"],
            ),
            doc(
                "b",
                &["三三三三三三三三三三三", S1, "四四四四四四四四四四四"],
            ),
            doc(
                "c",
                &["五五五五五五五五五五五", S1, "六六六六六六六六六六六"],
            ),
        ];
        let infos: Vec<_> = ["a", "b", "c"]
            .iter()
            .map(|id| info(id, AdminLevel::County, 2023))
            .collect();
        let reuse = Reuse::builder().min_seeds(1).build().unwrap();
        let plans = prepare(&reuse, &docs, &infos);
        let report = reuse.find(&plans);
        assert_eq!(report.passages.len(), 3);
        assert_eq!(report.clusters.len(), 1);
        assert_eq!(report.clusters[0].plans, 3);
        for m in &report.clusters[0].members {
            assert_eq!(m.span.slice(&docs[m.plan as usize].text), S1);
        }
    }
}
