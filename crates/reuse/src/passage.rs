//! Passages: the stretches of text two plans share, found by aligning the
//! plans around their seeds, with exact byte offsets into both original
//! texts, a score and an inline diff.
//!
//! The seeds of a pair are chained (nearby seeds on nearby diagonals form
//! one chain); each chain is aligned in a band around its diagonals
//! ([`crate::align`]), the region growing while the alignment reaches its
//! edge. A passage is kept when both sides have at least
//! `min_passage_chars` characters. It is *boilerplate* when most of its
//! fingerprints are held by a large share of the corpus.

use std::ops::Range;

use fangan_compare::EditTag;
use fangan_model::Span;
use serde::Serialize;

use crate::align::{align, Alignment, Band, Op, Scoring};
use crate::candidates::{FingerprintIndex, Seed};
use crate::mask::PLACE;
use crate::Plan;

/// One step of a passage's inline diff: byte ranges into the two original
/// texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// Equal, delete (only in A), insert (only in B) or replace.
    pub tag: EditTag,
    /// Range in A's text (empty for an insert).
    pub a: Span,
    /// Range in B's text (empty for a delete).
    pub b: Span,
    /// A changed number (a target that differs).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub number: bool,
    /// A place name replaced by another (`平江县` → `湘阴县`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub place: bool,
}

/// A passage shared by two plans.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Passage {
    /// Index of plan A (the lower index of the two).
    pub a: u32,
    /// Index of plan B.
    pub b: u32,
    /// Bytes of A's original text.
    pub a_span: Span,
    /// Bytes of B's original text.
    pub b_span: Span,
    /// Characters of A's compared text.
    pub a_chars: Range<u32>,
    /// Characters of B's compared text.
    pub b_chars: Range<u32>,
    /// Alignment score.
    pub score: i32,
    /// Share of the aligned columns whose characters are equal.
    pub identity: f32,
    /// Share of its fingerprints held by a large share of plans.
    pub common: f32,
    /// Shared by a large share of plans (官话).
    pub boilerplate: bool,
    /// The inline diff, A against B.
    pub edits: Vec<Edit>,
    /// The cluster it belongs to, once clustered.
    pub cluster: Option<u32>,
}

impl Passage {
    /// Length in characters (the shorter side).
    pub fn chars(&self) -> usize {
        (self.a_chars.len()).min(self.b_chars.len())
    }

    /// The side of plan `p`: (characters, bytes), when `p` is A or B.
    pub fn side(&self, p: u32) -> Option<(Range<u32>, Span)> {
        if p == self.a {
            Some((self.a_chars.clone(), self.a_span))
        } else if p == self.b {
            Some((self.b_chars.clone(), self.b_span))
        } else {
            None
        }
    }

    /// The other plan of the pair.
    pub fn other(&self, p: u32) -> u32 {
        if p == self.a {
            self.b
        } else {
            self.a
        }
    }
}

/// What the passage finder needs besides the two plans.
#[derive(Clone, Debug)]
pub struct FinderSettings {
    /// N-gram length of the fingerprints.
    pub ngram: usize,
    /// Shortest passage, in characters of each side.
    pub min_chars: usize,
    /// Largest distance between two seeds of one chain (characters of A).
    pub chain_gap: usize,
    /// Diagonals added on each side of a chain's band.
    pub band: usize,
    /// The alignment scores.
    pub scoring: Scoring,
    /// Document frequency from which a fingerprint is boilerplate.
    pub boilerplate_df: usize,
    /// Share of common fingerprints that makes a passage boilerplate.
    pub boilerplate_share: f32,
}

/// A chain of seeds on nearby diagonals.
#[derive(Debug)]
struct Chain {
    first_a: usize,
    last_a: usize,
    first_b: usize,
    last_b: usize,
    lo: isize,
    hi: isize,
    last_diag: isize,
    seeds: usize,
}

fn chains(seeds: &[Seed], s: &FinderSettings) -> Vec<Chain> {
    let mut sorted: Vec<&Seed> = seeds.iter().collect();
    sorted.sort_by_key(|x| (x.a_at, x.b_at));
    let mut out: Vec<Chain> = Vec::new();
    let drift = s.band as isize;
    for x in sorted {
        let (a, b) = (x.a_at as usize, x.b_at as usize);
        let d = b as isize - a as isize;
        let best = out
            .iter_mut()
            .filter(|c| {
                a >= c.last_a && a - c.last_a <= s.chain_gap && (d - c.last_diag).abs() <= drift
            })
            .min_by_key(|c| (d - c.last_diag).abs());
        match best {
            Some(c) => {
                c.last_a = a;
                c.first_b = c.first_b.min(b);
                c.last_b = c.last_b.max(b);
                c.lo = c.lo.min(d);
                c.hi = c.hi.max(d);
                c.last_diag = d;
                c.seeds += 1;
            }
            None => out.push(Chain {
                first_a: a,
                last_a: a,
                first_b: b,
                last_b: b,
                lo: d,
                hi: d,
                last_diag: d,
                seeds: 1,
            }),
        }
    }
    out.sort_by(|x, y| y.seeds.cmp(&x.seeds).then(x.first_a.cmp(&y.first_a)));
    out
}

/// Aligns a chain, growing the region while the alignment touches an edge
/// that is not the end of a text.
fn align_chain(pa: &Plan, pb: &Plan, c: &Chain, s: &FinderSettings) -> Option<Alignment> {
    let (la, lb) = (pa.codes.len(), pb.codes.len());
    let mut margin = 2 * s.ngram + s.band;
    loop {
        let band = Band {
            a: c.first_a.saturating_sub(margin)..(c.last_a + s.ngram + margin).min(la),
            b: c.first_b.saturating_sub(margin)..(c.last_b + s.ngram + margin).min(lb),
            lo: c.lo - s.band as isize,
            hi: c.hi + s.band as isize,
        };
        let al = align(&pa.codes, &pb.codes, &band, &s.scoring)?;
        let touches = (al.a.start == band.a.start && band.a.start > 0)
            || (al.b.start == band.b.start && band.b.start > 0)
            || (al.a.end == band.a.end && band.a.end < la)
            || (al.b.end == band.b.end && band.b.end < lb);
        let whole = band.a == (0..la) && band.b == (0..lb);
        if !touches || whole {
            return Some(al);
        }
        margin *= 4;
    }
}

fn contains(r: &Range<u32>, at: usize) -> bool {
    (r.start as usize) <= at && at < r.end as usize
}

fn overlap(x: &Range<u32>, y: &Range<u32>) -> usize {
    (x.end.min(y.end)).saturating_sub(x.start.max(y.start)) as usize
}

/// The passages plan `a` shares with the partner plan of `seeds` (all
/// seeds name one partner), aligned around the seeds.
pub fn find_passages(
    plans: &[Plan],
    index: &FingerprintIndex,
    a: usize,
    seeds: &[Seed],
    s: &FinderSettings,
) -> Vec<Passage> {
    let Some(first) = seeds.first() else {
        return Vec::new();
    };
    let b = first.b as usize;
    let (pa, pb) = (&plans[a], &plans[b]);
    let mut found: Vec<Passage> = Vec::new();
    for c in chains(seeds, s) {
        let covered = found.iter().any(|p| {
            contains(&p.a_chars, c.first_a)
                && contains(&p.a_chars, c.last_a)
                && contains(&p.b_chars, c.first_b)
                && contains(&p.b_chars, c.last_b)
        });
        if covered {
            continue;
        }
        let Some(al) = align_chain(pa, pb, &c, s) else {
            continue;
        };
        if al.a.len().min(al.b.len()) < s.min_chars {
            continue;
        }
        let p = passage(plans, index, a, b, &al, s);
        let dup = found.iter().any(|q| {
            2 * overlap(&q.a_chars, &p.a_chars) >= p.a_chars.len()
                && 2 * overlap(&q.b_chars, &p.b_chars) >= p.b_chars.len()
        });
        if !dup {
            found.push(p);
        }
    }
    found.sort_by_key(|p| (p.a_chars.start, p.b_chars.start));
    found
}

/// Share of the fingerprints of `plan` inside `range` whose document
/// frequency is at least `df`; `None` when the range holds none.
fn common_share(plan: &Plan, dfs: &[u16], range: &Range<u32>, df: usize) -> Option<f32> {
    let from = plan.fp_pos.partition_point(|&p| p < range.start);
    let to = plan.fp_pos.partition_point(|&p| p < range.end);
    let n = to - from;
    (n > 0).then(|| dfs[from..to].iter().filter(|&&d| d as usize >= df).count() as f32 / n as f32)
}

fn passage(
    plans: &[Plan],
    index: &FingerprintIndex,
    a: usize,
    b: usize,
    al: &Alignment,
    s: &FinderSettings,
) -> Passage {
    let (pa, pb) = (&plans[a], &plans[b]);
    let a_chars = al.a.start as u32..al.a.end as u32;
    let b_chars = al.b.start as u32..al.b.end as u32;
    let common = common_share(pa, index.dfs(a), &a_chars, s.boilerplate_df)
        .or_else(|| common_share(pb, index.dfs(b), &b_chars, s.boilerplate_df))
        .unwrap_or(0.0);
    let columns = al.columns().max(1);
    Passage {
        a: a as u32,
        b: b as u32,
        a_span: pa.span(al.a.start, al.a.end),
        b_span: pb.span(al.b.start, al.b.end),
        a_chars,
        b_chars,
        score: al.score,
        identity: al.matches() as f32 / columns as f32,
        common,
        boilerplate: common >= s.boilerplate_share,
        edits: edits(pa, pb, al),
        cluster: None,
    }
}

/// Bytes between two compared characters that white space and markup
/// dropped by folding or parsing explain; more ends an edit.
const MAX_GAP: usize = 12;

fn is_digit(c: u16) -> bool {
    (u16::from(b'0')..=u16::from(b'9')).contains(&c)
}

/// The inline diff of an alignment, in byte ranges of the two originals.
/// Equal runs are merged; a masked place aligned with a different place
/// is a replace marked `place`; changes touching digits are marked
/// `number`.
fn edits(pa: &Plan, pb: &Plan, al: &Alignment) -> Vec<Edit> {
    // per column: (tag, a chars, b chars, place)
    let mut runs: Vec<(EditTag, Range<usize>, Range<usize>, bool)> = Vec::new();
    let (mut i, mut j) = (al.a.start, al.b.start);
    for &(op, n) in &al.ops {
        for _ in 0..n {
            let (tag, da, db, place) = match op {
                Op::Match if pa.codes[i] == PLACE && pa.place_at(i) != pb.place_at(j) => {
                    (EditTag::Replace, 1, 1, true)
                }
                Op::Match => (EditTag::Equal, 1, 1, false),
                Op::Mismatch => (EditTag::Replace, 1, 1, false),
                Op::Delete => (EditTag::Delete, 1, 0, false),
                Op::Insert => (EditTag::Insert, 0, 1, false),
            };
            let (ra, rb) = (i..i + da, j..j + db);
            // text set aside between two characters (a web-page residue
            // line) ends a run, so that no edit spans it
            let jump = |p: &Plan, r: &Range<usize>| {
                r.start > 0
                    && !r.is_empty()
                    && p.offsets.span(r.start).start > p.offsets.span(r.start - 1).end + MAX_GAP
            };
            let gap = jump(pa, &ra) || jump(pb, &rb);
            match runs.last_mut() {
                Some(last)
                    if !gap
                        && !last.3
                        && !place
                        && (last.0 == tag
                            || (tag != EditTag::Equal && last.0 != EditTag::Equal)) =>
                {
                    last.1.end = ra.end;
                    last.2.end = rb.end;
                    if last.0 != tag {
                        last.0 = EditTag::Replace;
                    }
                }
                _ => runs.push((tag, ra, rb, place)),
            }
            i += da;
            j += db;
        }
    }
    runs.into_iter()
        .map(|(tag, ra, rb, place)| {
            let near = |codes: &[u16], r: &Range<usize>| {
                let lo = r.start.saturating_sub(1);
                let hi = (r.end + 1).min(codes.len());
                codes[lo..hi].iter().any(|&c| is_digit(c))
            };
            let number =
                tag != EditTag::Equal && !place && (near(&pa.codes, &ra) || near(&pb.codes, &rb));
            Edit {
                tag,
                a: pa.span(ra.start, ra.end),
                b: pb.span(rb.start, rb.end),
                number,
                place,
            }
        })
        .collect()
}
