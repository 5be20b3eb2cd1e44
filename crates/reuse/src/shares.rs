//! Where each plan's text comes from: the share of its characters shared
//! with a higher-level plan, with a plan of its own level, only with
//! lower-level plans (its own text, reused below), boilerplate, or its
//! own; and its likely sources.
//!
//! Each character gets one class, the first that applies: in a
//! non-boilerplate passage with a higher-level plan; with a peer (same or
//! unknown level); with a lower-level plan; in a boilerplate passage or a
//! run of fingerprints held by a large share of plans; else its own.

use rayon::prelude::*;
use serde::Serialize;

use crate::candidates::FingerprintIndex;
use crate::direction::Evidence;
use crate::{Edge, Passage, Plan};

/// A plan's likely source: an edge pointing to it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    /// The source plan (index).
    pub plan: u32,
    /// The edge (index into the report's edges).
    pub edge: u32,
    /// Characters of this plan shared with it (non-boilerplate).
    pub chars: u64,
    /// The same as a share of this plan's text.
    pub share: f32,
    /// Why it is the source.
    pub evidence: Vec<Evidence>,
}

/// The composition of one plan's text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Shares {
    /// The plan (index).
    pub plan: u32,
    /// Characters of its compared text.
    pub chars: u64,
    /// Share in passages with higher-level plans.
    pub higher: f32,
    /// Share in passages with plans of the same (or an unknown) level.
    pub peer: f32,
    /// Share in passages with lower-level plans only.
    pub lower: f32,
    /// Share that is boilerplate.
    pub boilerplate: f32,
    /// Share found nowhere else.
    pub own: f32,
    /// Plans it likely copied from, most shared first.
    pub sources: Vec<Source>,
}

const OWN: u8 = 0;
const BOILER: u8 = 1;
const LOWER: u8 = 2;
const PEER: u8 = 3;
const HIGHER: u8 = 4;

/// The shares of every plan.
pub fn shares(
    plans: &[Plan],
    passages: &[Passage],
    edges: &[Edge],
    index: &FingerprintIndex,
    ngram: usize,
    window: usize,
    boilerplate_df: usize,
) -> Vec<Shares> {
    let mut of_plan: Vec<Vec<u32>> = vec![Vec::new(); plans.len()];
    for (k, p) in passages.iter().enumerate() {
        of_plan[p.a as usize].push(k as u32);
        of_plan[p.b as usize].push(k as u32);
    }
    let mut incoming: Vec<Vec<u32>> = vec![Vec::new(); plans.len()];
    for (k, e) in edges.iter().enumerate() {
        if e.directed {
            incoming[e.target as usize].push(k as u32);
        }
    }
    (0..plans.len())
        .into_par_iter()
        .map(|pi| {
            let plan = &plans[pi];
            let n = plan.chars();
            let mut class = vec![OWN; n];
            let mut paint = |r: std::ops::Range<usize>, c: u8| {
                for x in &mut class[r.start.min(n)..r.end.min(n)] {
                    *x = (*x).max(c);
                }
            };
            // runs of common fingerprints
            let dfs = index.dfs(pi);
            let mut run: Option<(usize, usize)> = None;
            for (k, &at) in plan.fp_pos.iter().enumerate() {
                let at = at as usize;
                let common = dfs[k] as usize >= boilerplate_df;
                run = match run {
                    Some((s, e)) if common && at + ngram <= e + window => Some((s, at + ngram)),
                    Some((s, e)) => {
                        paint(s..e, BOILER);
                        common.then_some((at, at + ngram))
                    }
                    None => common.then_some((at, at + ngram)),
                };
            }
            if let Some((s, e)) = run {
                paint(s..e, BOILER);
            }
            let mine = plan.info.level.map(|l| l.rank());
            for &k in &of_plan[pi] {
                let p = &passages[k as usize];
                let Some((r, _)) = p.side(pi as u32) else {
                    continue;
                };
                let c = if p.boilerplate {
                    BOILER
                } else {
                    let theirs = plans[p.other(pi as u32) as usize]
                        .info
                        .level
                        .map(|l| l.rank());
                    match (mine, theirs) {
                        (Some(m), Some(t)) if t > m => HIGHER,
                        (Some(m), Some(t)) if t < m => LOWER,
                        _ => PEER,
                    }
                };
                paint(r.start as usize..r.end as usize, c);
            }
            let count = |c: u8| class.iter().filter(|&&x| x == c).count() as f32 / n.max(1) as f32;
            let mut sources: Vec<Source> = incoming[pi]
                .iter()
                .map(|&k| {
                    let e = &edges[k as usize];
                    Source {
                        plan: e.source,
                        edge: k,
                        chars: e.target_chars,
                        share: e.target_chars as f32 / n.max(1) as f32,
                        evidence: e.evidence.clone(),
                    }
                })
                .filter(|s| s.chars > 0)
                .collect();
            sources.sort_by(|x, y| y.chars.cmp(&x.chars).then(x.plan.cmp(&y.plan)));
            Shares {
                plan: pi as u32,
                chars: n as u64,
                higher: count(HIGHER),
                peer: count(PEER),
                lower: count(LOWER),
                boilerplate: count(BOILER),
                own: count(OWN),
                sources,
            }
        })
        .collect()
}
