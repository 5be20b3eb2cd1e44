//! Candidate pairs of plans from rare shared fingerprints.
//!
//! Every fingerprint's document frequency (the number of plans holding it)
//! is counted over the corpus. A fingerprint held by one plan is private;
//! one held by more than `max_seed_plans` is boilerplate (官话) and seeds
//! nothing; the rest are *rare*, and each plan pair sharing at least
//! `min_seeds` rare fingerprints becomes a candidate, with the positions
//! of the shared fingerprints in both plans as seeds for the alignment.
//!
//! Counting runs in hash partitions (the top bits of the hash), so at most
//! one partition's postings are sorted at a time; only the rare postings
//! are kept. No plan is compared with every other: a plan meets only the
//! plans listed under its rare fingerprints.

use rayon::prelude::*;

use crate::Plan;

/// Partitions of the hash space counted one after another.
const PARTITIONS: u64 = 16;
/// Occurrences of one fingerprint in one plan that seed (repeated text
/// inside a plan would otherwise multiply the seeds).
const MAX_REPEATS: usize = 4;

/// One shared fingerprint of a candidate pair: its position in A and in B
/// (first character of the n-gram).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Seed {
    /// The other plan.
    pub b: u32,
    /// Character of A.
    pub a_at: u32,
    /// Character of B.
    pub b_at: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Posting {
    hash: u64,
    plan: u32,
    at: u32,
}

/// Document frequencies of all fingerprints, and the postings of the rare
/// ones.
#[derive(Debug, Default)]
pub struct FingerprintIndex {
    /// Plans holding each fingerprint (capped at `u16::MAX`), flat: the
    /// fingerprints of plan `p` start at `starts[p]`.
    df: Vec<u16>,
    starts: Vec<usize>,
    rare: Vec<Posting>,
    max_seed_plans: usize,
}

impl FingerprintIndex {
    /// Counts the fingerprints of `plans`.
    pub fn build(plans: &[Plan], max_seed_plans: usize) -> FingerprintIndex {
        let mut starts = Vec::with_capacity(plans.len() + 1);
        let mut total = 0;
        for p in plans {
            starts.push(total);
            total += p.fp_hash.len();
        }
        starts.push(total);
        let mut df = vec![1u16; total];
        let mut rare = Vec::new();
        let shift = 64 - PARTITIONS.trailing_zeros();
        for part in 0..PARTITIONS {
            let mut postings: Vec<(u64, u32, u32)> = plans
                .par_iter()
                .enumerate()
                .flat_map_iter(|(pi, p)| {
                    p.fp_hash
                        .iter()
                        .enumerate()
                        .filter(move |(_, &h)| h >> shift == part)
                        .map(move |(k, &h)| (h, pi as u32, k as u32))
                })
                .collect();
            postings.par_sort_unstable();
            let mut g = 0;
            while g < postings.len() {
                let h = postings[g].0;
                let mut e = g + 1;
                let mut plans_in = 1usize;
                while e < postings.len() && postings[e].0 == h {
                    if postings[e].1 != postings[e - 1].1 {
                        plans_in += 1;
                    }
                    e += 1;
                }
                let d = plans_in.min(u16::MAX as usize) as u16;
                let mut last_plan = u32::MAX;
                let mut repeats = 0;
                for &(_, plan, k) in &postings[g..e] {
                    df[starts[plan as usize] + k as usize] = d;
                    if (2..=max_seed_plans).contains(&plans_in) {
                        repeats = if plan == last_plan { repeats + 1 } else { 1 };
                        last_plan = plan;
                        if repeats <= MAX_REPEATS {
                            let at = plans[plan as usize].fp_pos[k as usize];
                            rare.push(Posting { hash: h, plan, at });
                        }
                    }
                }
                g = e;
            }
        }
        rare.shrink_to_fit();
        FingerprintIndex {
            df,
            starts,
            rare,
            max_seed_plans,
        }
    }

    /// Plans holding the `k`-th fingerprint of plan `plan`.
    pub fn df(&self, plan: usize, k: usize) -> usize {
        self.df[self.starts[plan] + k] as usize
    }

    /// The document frequencies of plan `plan`'s fingerprints, in order.
    pub fn dfs(&self, plan: usize) -> &[u16] {
        &self.df[self.starts[plan]..self.starts[plan + 1]]
    }

    /// Number of rare postings kept.
    pub fn rare_postings(&self) -> usize {
        self.rare.len()
    }

    /// The seeds plan `a` shares with every plan after it (`b > a`),
    /// sorted by plan then position.
    pub fn seeds(&self, plans: &[Plan], a: usize) -> Vec<Seed> {
        let p = &plans[a];
        let mut out = Vec::new();
        for (k, (&h, &at)) in p.fp_hash.iter().zip(&p.fp_pos).enumerate() {
            let d = self.df(a, k);
            if d < 2 || d > self.max_seed_plans {
                continue;
            }
            let from = self.rare.partition_point(|x| x.hash < h);
            for x in self.rare[from..].iter().take_while(|x| x.hash == h) {
                if x.plan as usize > a {
                    out.push(Seed {
                        b: x.plan,
                        a_at: at,
                        b_at: x.at,
                    });
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.df.capacity() * 2 + self.starts.capacity() * 8 + self.rare.capacity() * 16
    }
}

/// Splits sorted seeds into runs of one partner plan each, keeping the
/// partners with at least `min_seeds` seeds at distinct positions of A.
pub fn by_partner(seeds: &[Seed], min_seeds: usize) -> Vec<&[Seed]> {
    let mut out = Vec::new();
    let mut g = 0;
    while g < seeds.len() {
        let b = seeds[g].b;
        let e = g + seeds[g..].iter().take_while(|s| s.b == b).count();
        let run = &seeds[g..e];
        let distinct = 1 + run.windows(2).filter(|w| w[0].a_at != w[1].a_at).count();
        if distinct >= min_seeds {
            out.push(run);
        }
        g = e;
    }
    out
}
