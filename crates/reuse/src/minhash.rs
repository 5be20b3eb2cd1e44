//! The alternative candidate generator: MinHash signatures of each
//! clause's character shingles, banded for locality-sensitive hashing
//! (LSH). Clauses of two plans whose signatures agree on one band become a
//! candidate pair, seeded along the clauses' diagonal for the alignment.
//!
//! Signatures use one-permutation hashing with rotation densification
//! (Li, Owen and Zhang 2012; Shrivastava and Li 2014): one hash per
//! shingle, `bands × rows` bins, an empty bin borrowing the next
//! non-empty one. A band bucket holding more than `max_bucket` plans is
//! boilerplate and pairs nothing, as in [`crate::candidates`].

use rayon::prelude::*;

use crate::candidates::Seed;
use crate::fingerprint::{mix, ngram_hashes};
use crate::Plan;

/// Settings of the LSH generator.
#[derive(Clone, Copy, Debug)]
pub struct LshSettings {
    /// Bands of the signature.
    pub bands: usize,
    /// Rows (bins) per band.
    pub rows: usize,
    /// Shingle length in characters.
    pub shingle: usize,
    /// Shortest clause signed, in characters.
    pub min_chars: usize,
    /// Largest bucket (in plans) that still pairs.
    pub max_bucket: usize,
    /// Distance between the seeds laid along a clause pair.
    pub step: usize,
}

/// The band keys of one text's shingles.
fn band_keys(codes: &[u16], s: &LshSettings) -> Vec<u64> {
    let k = s.bands * s.rows;
    let mut bins = vec![u64::MAX; k];
    for h in ngram_hashes(codes, s.shingle) {
        let bin = ((h >> 32) as usize * k) >> 32;
        bins[bin] = bins[bin].min(h & 0xFFFF_FFFF);
    }
    // rotation densification: an empty bin takes the next filled one
    if bins.iter().all(|&b| b == u64::MAX) {
        return Vec::new();
    }
    let filled = bins.clone();
    for (i, bin) in bins.iter_mut().enumerate() {
        let mut j = i;
        let mut hops = 0u64;
        while filled[j] == u64::MAX {
            j = (j + 1) % k;
            hops += 1;
        }
        *bin = mix(filled[j] ^ (hops << 40));
    }
    (0..s.bands)
        .map(|b| {
            let mut h = b as u64;
            for r in 0..s.rows {
                h = mix(h ^ bins[b * s.rows + r]);
            }
            h
        })
        .collect()
}

/// Seeds of every plan with the plans after it, from clause LSH.
pub fn lsh_seeds(plans: &[Plan], s: &LshSettings) -> Vec<Vec<Seed>> {
    // (key, plan, clause)
    let mut keys: Vec<(u64, u32, u32)> = plans
        .par_iter()
        .enumerate()
        .flat_map_iter(|(pi, p)| {
            let mut out = Vec::new();
            for (ci, c) in p.clauses.iter().enumerate() {
                if ((c.end - c.start) as usize) < s.min_chars {
                    continue;
                }
                for k in band_keys(&p.codes[c.start as usize..c.end as usize], s) {
                    out.push((k, pi as u32, ci as u32));
                }
            }
            out
        })
        .collect();
    keys.par_sort_unstable();
    let mut pairs: Vec<(u32, u32, u32, u32)> = Vec::new();
    let mut g = 0;
    while g < keys.len() {
        let e = g + keys[g..].iter().take_while(|x| x.0 == keys[g].0).count();
        let group = &keys[g..e];
        let distinct = 1 + group.windows(2).filter(|w| w[0].1 != w[1].1).count();
        if (2..=s.max_bucket).contains(&distinct) {
            for (i, x) in group.iter().enumerate() {
                for y in &group[i + 1..] {
                    if x.1 != y.1 {
                        pairs.push((x.1, y.1, x.2, y.2));
                    }
                }
            }
        }
        g = e;
    }
    drop(keys);
    pairs.par_sort_unstable();
    pairs.dedup();
    let mut out: Vec<Vec<Seed>> = vec![Vec::new(); plans.len()];
    for (a, b, ca, cb) in pairs {
        let (ca, cb) = (
            &plans[a as usize].clauses[ca as usize],
            &plans[b as usize].clauses[cb as usize],
        );
        let (la, lb) = ((ca.end - ca.start) as usize, (cb.end - cb.start) as usize);
        let mut t = 0;
        while t < la {
            out[a as usize].push(Seed {
                b,
                a_at: ca.start + t as u32,
                b_at: cb.start + (t * lb / la.max(1)) as u32,
            });
            t += s.step;
        }
    }
    out.par_iter_mut().for_each(|v| {
        v.sort_unstable();
        v.dedup();
    });
    out
}
