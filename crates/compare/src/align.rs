//! Clause pairing: candidates, one global assignment, groups, labels.
//!
//! 1. Every unit of A is scored against every unit of B on rarity-weighted
//!    words through an inverted index (cheap: only pairs sharing a word
//!    cost anything); the best [`AlignerBuilder::candidates`] of each row and
//!    column are kept.
//! 2. Candidates get the full score (words, trigrams, heading; halved when
//!    one is an objective and the other a task or a mechanism).
//! 3. One assignment maximizes the summed `score - min_score` over all
//!    pairs (Hungarian), so a clause never takes a partner another clause
//!    needed more, and weak pairs are not worth making.
//! 4. A group (a clause whose children are all leaves) can be assigned like
//!    a leaf, but only when it beats its best member by
//!    [`AlignerBuilder::group_margin`], or at least equals it while the
//!    clause's words cover the group as a whole: their body similarity
//!    (words and bigrams) reaches the paraphrase level and beats the best
//!    member's by [`AlignerBuilder::group_cover`]. Its members that got no
//!    partner of their own and reach [`AlignerBuilder::member_min`] are then
//!    paired with the clause too.
//! 5. A pair whose clause has template twins in other attachments of its
//!    plan (every attachment's near-identical `推进机制`) moves to the twin
//!    in the attachment where the other pairs of its part went
//!    ([`crate::context`], [`AlignerBuilder::twins`]).
//! 6. Each pair gets its label, its shared passages and its inline diff.

use std::time::Duration;

use fangan_model::{ClauseId, Document, SectionKind, Segmenter, Span};
use serde::Serialize;

use crate::assign::max_weight_assignment;
use crate::context::{are_twins, body, region, Ties, TWIN_SHARE};
use crate::copy::{Folded, Share};
use crate::diff::inline_diff;
use crate::prepared::Prepared;
use crate::profile::{Profile, Rarity};
use crate::report::{Comparison, Label, Pair, PairKind, Part, Signals};
use crate::resplit::{resplit, Resplit};
use crate::similarity::{overlap, score, signals, Weights};
use crate::unit::UnitRole;
use crate::{Error, Result};

/// Weight in the assignment of a copy found across re-cut paragraphs
/// (scores are at most 1: the assignment keeps it).
const COPY_WEIGHT: f32 = 10.0;

/// Score under which two clauses stay unpaired.
pub const MIN_SCORE: f32 = 0.1;

/// Score from which a pair is a paraphrase rather than related.
pub const PARAPHRASE: f32 = 0.13;

/// Two-way trigram overlap from which a pair is a near-copy.
pub const NEAR_COPY: f32 = 0.5;

/// Word cosine under which a `related` pair is weak: the clauses share a
/// heading pattern or a few phrases, not the topic words of their subject.
/// Weak related pairs are left out unless asked for.
pub const RELATED_MIN_WORDS: f32 = 0.1;

/// The thresholds and weights of an [`Aligner`].
#[derive(Clone, Debug)]
struct Config {
    weights: Weights,
    min_score: f32,
    paraphrase: f32,
    near_copy: f32,
    candidates: usize,
    group_margin: f32,
    group_cover: f32,
    group_min: f32,
    twins: bool,
    member_min: f32,
    kind_penalty: f32,
    related: bool,
    related_min_words: f32,
    diff_timeout: Duration,
    passage_chars: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            weights: Weights::default(),
            min_score: MIN_SCORE,
            paraphrase: PARAPHRASE,
            near_copy: NEAR_COPY,
            candidates: 8,
            group_margin: 1.25,
            group_cover: 1.3,
            twins: true,
            group_min: 0.16,
            member_min: 0.1,
            kind_penalty: 0.5,
            related: false,
            related_min_words: RELATED_MIN_WORDS,
            diff_timeout: Duration::from_millis(20),
            passage_chars: 6,
        }
    }
}

/// Configures an [`Aligner`].
#[derive(Clone, Debug, Default)]
pub struct AlignerBuilder {
    config: Config,
}

impl AlignerBuilder {
    /// Default thresholds.
    pub fn new() -> AlignerBuilder {
        AlignerBuilder::default()
    }

    /// Score under which clauses stay unpaired (default 0.1).
    pub fn min_score(&mut self, v: f32) -> &mut Self {
        self.config.min_score = v;
        self
    }

    /// Score from which a pair is a paraphrase rather than related (default
    /// 0.13).
    pub fn paraphrase(&mut self, v: f32) -> &mut Self {
        self.config.paraphrase = v;
        self
    }

    /// Two-way trigram overlap from which a pair is a near-copy (default 0.5).
    pub fn near_copy(&mut self, v: f32) -> &mut Self {
        self.config.near_copy = v;
        self
    }

    /// Candidates kept per clause before the assignment (default 8).
    pub fn candidates(&mut self, n: usize) -> &mut Self {
        self.config.candidates = n;
        self
    }

    /// How much a group must beat its best member to be matched as a whole
    /// (default 1.25).
    pub fn group_margin(&mut self, v: f32) -> &mut Self {
        self.config.group_margin = v;
        self
    }

    /// How much the body similarity (words and bigrams) of a clause with a
    /// whole group must beat its best member's for the clause to cover the
    /// group, and be matched with it without the score margin (default
    /// 1.3; the body must also reach [`Self::paraphrase`]).
    pub fn group_cover(&mut self, v: f32) -> &mut Self {
        self.config.group_cover = v;
        self
    }

    /// Whether a pair whose clause has template twins in other attachments
    /// of its plan moves to the twin its context favours (default true; see
    /// [`crate::context`]).
    pub fn twins(&mut self, yes: bool) -> &mut Self {
        self.config.twins = yes;
        self
    }

    /// Score from which a clause can be matched with a whole group
    /// (default 0.16): one clause standing for a group needs strong evidence.
    pub fn group_min(&mut self, v: f32) -> &mut Self {
        self.config.group_min = v;
        self
    }

    /// Score from which a member of a matched group is paired too (default 0.1).
    pub fn member_min(&mut self, v: f32) -> &mut Self {
        self.config.member_min = v;
        self
    }

    /// Factor on the score of an objective paired with a task or a mechanism
    /// (default 0.5).
    pub fn kind_penalty(&mut self, v: f32) -> &mut Self {
        self.config.kind_penalty = v;
        self
    }

    /// Whether every pair labelled `related` (same topic, partial overlap)
    /// is kept (default false: the weak ones, whose topic words hardly
    /// meet, see [`AlignerBuilder::related_min_words`], are left unpaired;
    /// on plans the thresholds were not tuned on they are most of the
    /// wrong pairs).
    pub fn related(&mut self, yes: bool) -> &mut Self {
        self.config.related = yes;
        self
    }

    /// Word cosine under which a `related` pair is weak and left out
    /// unless [`AlignerBuilder::related`] asks for every related pair
    /// (0 to 1; default [`RELATED_MIN_WORDS`]).
    pub fn related_min_words(&mut self, w: f32) -> &mut Self {
        self.config.related_min_words = w;
        self
    }

    /// Weights of the signals.
    pub fn weights(&mut self, w: Weights) -> &mut Self {
        self.config.weights = w;
        self
    }

    /// Time limit of each inline diff (default 20 ms).
    pub fn diff_timeout(&mut self, t: Duration) -> &mut Self {
        self.config.diff_timeout = t;
        self
    }

    /// Builds the aligner over a segmenter and a rarity table (see
    /// [`crate::rarity_of`]; an empty table is filled from the two plans).
    pub fn build<'s>(&self, seg: &'s Segmenter, rarity: Rarity) -> Result<Aligner<'s>> {
        let c = &self.config;
        for (name, v) in [
            ("min_score", c.min_score),
            ("paraphrase", c.paraphrase),
            ("near_copy", c.near_copy),
            ("member_min", c.member_min),
            ("group_min", c.group_min),
            ("kind_penalty", c.kind_penalty),
            ("related_min_words", c.related_min_words),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err(Error::OutOfRange {
                    name,
                    value: v,
                    expected: "0 to 1",
                });
            }
        }
        if !(c.group_cover >= 1.0 && c.group_cover.is_finite()) {
            return Err(Error::OutOfRange {
                name: "group_cover",
                value: c.group_cover,
                expected: "1 or more",
            });
        }
        if !(c.group_margin >= 1.0 && c.group_margin.is_finite()) {
            return Err(Error::OutOfRange {
                name: "group_margin",
                value: c.group_margin,
                expected: "1 or more",
            });
        }
        let w = c.weights;
        if [w.words, w.bigrams, w.chars, w.heading]
            .iter()
            .any(|&x| x < 0.0)
            || w.words + w.bigrams + w.chars + w.heading <= 0.0
        {
            return Err(Error::Inconsistent(
                "signal weights must be non-negative and not all zero".into(),
            ));
        }
        if c.candidates == 0 {
            return Err(Error::OutOfRange {
                name: "candidates",
                value: 0.0,
                expected: "1 or more",
            });
        }
        Ok(Aligner {
            seg,
            rarity,
            config: c.clone(),
        })
    }
}

/// Aligns the clauses of two plans. Build once, reuse.
#[derive(Debug)]
pub struct Aligner<'s> {
    seg: &'s Segmenter,
    rarity: Rarity,
    config: Config,
}

/// A scored candidate pair of units.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Scored {
    pub(crate) score: f32,
    pub(crate) signals: Signals,
}

impl<'s> Aligner<'s> {
    /// An aligner with default thresholds.
    pub fn builder() -> AlignerBuilder {
        AlignerBuilder::new()
    }

    /// The segmenter it uses.
    pub fn segmenter(&self) -> &'s Segmenter {
        self.seg
    }

    /// Threshold under which clauses stay unpaired.
    pub fn min_score(&self) -> f32 {
        self.config.min_score
    }

    /// Segments and splits a plan, to align it against several others.
    pub fn prepare<'d>(&self, doc: &'d Document) -> Prepared<'d> {
        Prepared::new(self.seg, doc)
    }

    /// Aligns two plans.
    pub fn align(&self, a: &Document, b: &Document) -> Comparison {
        let (pa, pb) = (self.prepare(a), self.prepare(b));
        self.align_prepared(&pa, &pb)
    }

    /// The rarity table to use for `a` and `b`: the aligner's, or one
    /// counted from the two plans when the aligner has none.
    pub(crate) fn rarity_for(&self, sides: &[&Prepared<'_>]) -> std::borrow::Cow<'_, Rarity> {
        if self.rarity.clauses() > 0 {
            return std::borrow::Cow::Borrowed(&self.rarity);
        }
        let mut r = Rarity::new();
        for s in sides {
            s.count_into(&mut r);
        }
        std::borrow::Cow::Owned(r)
    }

    /// The full score of unit `i` of A against unit `j` of B.
    pub(crate) fn scored(
        &self,
        a: &Prepared<'_>,
        pa: &[Profile],
        i: usize,
        b: &Prepared<'_>,
        pb: &[Profile],
        j: usize,
    ) -> Scored {
        let s = signals(&pa[i], &pb[j]);
        let mut sc = score(&pa[i], &pb[j], &s, &self.config.weights);
        let (ka, kb) = (
            a.doc.clauses[a.units[i].clause].kind,
            b.doc.clauses[b.units[j].clause].kind,
        );
        if kinds_clash(ka, kb) {
            sc *= self.config.kind_penalty;
        }
        Scored {
            score: sc,
            signals: s,
        }
    }

    /// Word cosines of every unit of A with every unit of B (row-major),
    /// through an inverted index on B's words.
    pub(crate) fn word_cosines(pa: &[Profile], pb: &[Profile]) -> Vec<f32> {
        let mut index: std::collections::HashMap<u64, Vec<(usize, f32)>> =
            std::collections::HashMap::new();
        for (j, p) in pb.iter().enumerate() {
            for &(k, w) in &p.words.0 {
                index.entry(k).or_default().push((j, w));
            }
        }
        let nb = pb.len();
        let mut out = vec![0.0f32; pa.len() * nb];
        for (i, p) in pa.iter().enumerate() {
            let row = &mut out[i * nb..(i + 1) * nb];
            for &(k, wa) in &p.words.0 {
                if let Some(list) = index.get(&k) {
                    for &(j, wb) in list {
                        row[j] += wa * wb;
                    }
                }
            }
        }
        out
    }

    /// Candidate pairs: the best `candidates` of each row and each column.
    fn candidates(&self, cos: &[f32], na: usize, nb: usize) -> Vec<(usize, usize)> {
        let k = self.config.candidates;
        let mut keep = vec![false; na * nb];
        let mut take = |idx: &mut Vec<usize>| {
            idx.sort_by(|&x, &y| cos[y].total_cmp(&cos[x]));
            for &at in idx.iter().take(k) {
                if cos[at] > 0.0 {
                    keep[at] = true;
                }
            }
        };
        for i in 0..na {
            let mut idx: Vec<usize> = (0..nb).map(|j| i * nb + j).collect();
            take(&mut idx);
        }
        for j in 0..nb {
            let mut idx: Vec<usize> = (0..na).map(|i| i * nb + j).collect();
            take(&mut idx);
        }
        keep.iter()
            .enumerate()
            .filter(|(_, &k)| k)
            .map(|(at, _)| (at / nb, at % nb))
            .collect()
    }

    /// Aligns two prepared plans.
    pub fn align_prepared(&self, a: &Prepared<'_>, b: &Prepared<'_>) -> Comparison {
        match resplit(self.seg, a, b) {
            Some(r) => self.align_units(&r.a, &r.b, Some(&r)),
            None => self.align_units(a, b, None),
        }
    }

    /// Aligns the units of two plans; `split` holds the copies found
    /// across re-cut paragraphs, and the units they took out.
    fn align_units(
        &self,
        a: &Prepared<'_>,
        b: &Prepared<'_>,
        split: Option<&Resplit<'_>>,
    ) -> Comparison {
        let rarity = self.rarity_for(&[a, b]);
        let (pa, pb) = (a.profiles(&rarity), b.profiles(&rarity));
        let (na, nb) = (pa.len(), pb.len());
        let cos = Self::word_cosines(&pa, &pb);
        let cfg = &self.config;
        let mut scores: Vec<Option<Scored>> = vec![None; na * nb];
        let mut weights = vec![0.0f32; na * nb];
        let get = |i: usize, j: usize, scores: &mut Vec<Option<Scored>>| -> Scored {
            *scores[i * nb + j].get_or_insert_with(|| self.scored(a, &pa, i, b, &pb, j))
        };
        let (gone_a, gone_b) = match split {
            Some(r) => (r.gone_a.clone(), r.gone_b.clone()),
            None => (vec![false; na], vec![false; nb]),
        };
        for (i, j) in self.candidates(&cos, na, nb) {
            let (ra, rb) = (a.units[i].role, b.units[j].role);
            if (ra == UnitRole::Group && rb == UnitRole::Group) || gone_a[i] || gone_b[j] {
                continue;
            }
            let s = get(i, j, &mut scores);
            if s.score < cfg.min_score {
                continue;
            }
            // a group must beat its best member to stand for the whole, by
            // a margin unless the clause's words cover the group as a whole
            // well (at the paraphrase level) and clearly better than any
            // one member
            let members: Vec<(usize, usize)> = if rb == UnitRole::Group {
                b.units[j].members.iter().map(|&m| (i, m)).collect()
            } else if ra == UnitRole::Group {
                a.units[i].members.iter().map(|&m| (m, j)).collect()
            } else {
                Vec::new()
            };
            if !members.is_empty() {
                let (mut best, mut best_body) = (0.0f32, 0.0f32);
                for &(x, y) in &members {
                    let sm = get(x, y, &mut scores);
                    best = best.max(sm.score);
                    best_body = best_body.max(body(&sm.signals));
                }
                let covers = body(&s.signals) >= cfg.paraphrase
                    && body(&s.signals) >= best_body * cfg.group_cover;
                let margin = if covers { 1.0 } else { cfg.group_margin };
                if s.score < cfg.group_min || s.score < best * margin {
                    continue;
                }
            }
            weights[i * nb + j] = s.score - cfg.min_score + f32::EPSILON;
        }
        // copies across re-cut paragraphs are pairs whatever else scores
        for &(i, j) in split.map_or(&[][..], |r| &r.copies[..]) {
            weights[i * nb + j] = COPY_WEIGHT;
        }
        let mut assigned = max_weight_assignment(&weights, na, nb);
        if cfg.twins {
            self.settle_twins(a, &pa, b, &pb, &cos, &mut assigned);
            // and twins of A, seen from B (the score is symmetric)
            let mut cos_t = vec![0.0f32; na * nb];
            for i in 0..na {
                for j in 0..nb {
                    cos_t[j * na + i] = cos[i * nb + j];
                }
            }
            let mut flipped: Vec<(usize, usize)> = assigned.iter().map(|&(i, j)| (j, i)).collect();
            self.settle_twins(b, &pb, a, &pa, &cos_t, &mut flipped);
            assigned = flipped.into_iter().map(|(j, i)| (i, j)).collect();
        }
        let (mut taken_a, mut taken_b) = (gone_a.clone(), gone_b.clone());
        for &(i, j) in &assigned {
            taken_a[i] = true;
            taken_b[j] = true;
        }
        let mut pairs: Vec<(usize, usize, PairKind, Scored)> = Vec::new();
        for (i, j) in assigned {
            let s = get(i, j, &mut scores);
            let (ra, rb) = (a.units[i].role, b.units[j].role);
            if ra == UnitRole::Leaf && rb == UnitRole::Leaf {
                pairs.push((i, j, PairKind::Single, s));
                continue;
            }
            pairs.push((i, j, PairKind::Group, s));
            // members left without a partner of their own join the pair
            if rb == UnitRole::Group {
                for &m in &b.units[j].members {
                    let sm = get(i, m, &mut scores);
                    if !taken_b[m] && sm.score >= cfg.member_min {
                        pairs.push((i, m, PairKind::Member, sm));
                    }
                }
            } else {
                for &m in &a.units[i].members {
                    let sm = get(m, j, &mut scores);
                    if !taken_a[m] && sm.score >= cfg.member_min {
                        pairs.push((m, j, PairKind::Member, sm));
                    }
                }
            }
        }
        for &(i, j) in split.map_or(&[][..], |r| &r.joined[..]) {
            pairs.push((i, j, PairKind::Member, get(i, j, &mut scores)));
        }
        self.finish(a, &pa, b, &pb, pairs, (&gone_a, &gone_b))
    }

    /// Moves each pair of leaves whose B clause has template twins in other
    /// parts of B (see [`crate::context`]) to the twin in the part of B
    /// most tied to the A clause's part by the other pairs. `cos` holds the
    /// word cosines of A (rows) with B; the score being symmetric, calling
    /// it with the plans swapped settles the twins of A.
    fn settle_twins(
        &self,
        a: &Prepared<'_>,
        pa: &[Profile],
        b: &Prepared<'_>,
        pb: &[Profile],
        cos: &[f32],
        assigned: &mut [(usize, usize)],
    ) {
        let nb = pb.len();
        let part_a: Vec<Option<ClauseId>> =
            a.units.iter().map(|u| region(a.doc, u.clause)).collect();
        let part_b: Vec<Option<ClauseId>> =
            b.units.iter().map(|u| region(b.doc, u.clause)).collect();
        if part_b.iter().all(|r| *r == part_b[0]) {
            return;
        }
        let scored: Vec<f32> = assigned
            .iter()
            .map(|&(i, j)| self.scored(a, pa, i, b, pb, j).score)
            .collect();
        let mut taken_b = vec![false; nb];
        for &(_, j) in assigned.iter() {
            taken_b[j] = true;
        }
        let ties = Ties::new(
            assigned
                .iter()
                .zip(&scored)
                .map(|(&(i, j), &s)| (part_a[i], part_b[j], s)),
        );
        for (at, &s) in scored.iter().enumerate() {
            let (i, j) = assigned[at];
            if a.units[i].role != UnitRole::Leaf || b.units[j].role != UnitRole::Leaf {
                continue;
            }
            let body_j = body(&signals(&pa[i], &pb[j]));
            let tie_of = |k: usize| ties.between(part_a[i], part_b[k]);
            let mut best = (tie_of(j) - s, j);
            for k in 0..nb {
                if taken_b[k]
                    || part_b[k] == part_b[j]
                    || b.units[k].role != UnitRole::Leaf
                    || cos[i * nb + k] < TWIN_SHARE * cos[i * nb + j]
                {
                    continue;
                }
                let body_k = body(&signals(&pa[i], &pb[k]));
                let twin_body = body(&signals(&pb[j], &pb[k]));
                if are_twins(twin_body, body_j, body_k)
                    && tie_of(k) > best.0
                    && self.scored(a, pa, i, b, pb, k).score >= self.config.min_score
                {
                    best = (tie_of(k), k);
                }
            }
            if best.1 != j {
                taken_b[j] = false;
                taken_b[best.1] = true;
                assigned[at].1 = best.1;
            }
        }
    }

    /// Labels, evidence and diffs; the unpaired leaves.
    fn finish(
        &self,
        a: &Prepared<'_>,
        pa: &[Profile],
        b: &Prepared<'_>,
        pb: &[Profile],
        mut raw: Vec<(usize, usize, PairKind, Scored)>,
        (gone_a, gone_b): (&[bool], &[bool]),
    ) -> Comparison {
        let cfg = &self.config;
        let order = |p: &Prepared<'_>, i: usize| {
            let u = &p.units[i];
            (u.clause, u.part.map_or(0, |r| r.start))
        };
        raw.sort_by_key(|&(i, j, _, _)| (order(a, i), order(b, j)));
        raw.dedup_by_key(|&mut (i, j, _, _)| (i, j));
        let mut out = Comparison::default();
        let mut shown = Vec::with_capacity(raw.len());
        for &(i, j, kind, s) in &raw {
            let (ua, ub) = (&a.units[i], &b.units[j]);
            let (ca, cb) = (ua.clause, ub.clause);
            let (ta, tb) = (ua.shown(a.doc), ub.shown(b.doc));
            let copied = Share::of(&Folded::new(ta), &Folded::new(tb)).is_copy();
            let mut label = if copied {
                Label::NearCopy
            } else {
                self.label(overlap(&pa[i].grams, &pb[j].grams), s.score)
            };
            // a task is never a paraphrase of a whole summary paragraph
            if label == Label::Paraphrase && summary_against_task(a, ua, b, ub) {
                label = Label::Related;
            }
            if label == Label::Related && !cfg.related && s.signals.words < cfg.related_min_words {
                continue;
            }
            let mut diff = inline_diff(ta, tb, cfg.diff_timeout);
            // a renumbered label (`1.` → `2.`) is not a changed target
            let label_len = |u: &crate::unit::Unit, d: &Document| {
                if u.part.is_some() {
                    0
                } else {
                    d.clauses[u.clause].label.len()
                }
            };
            let (la, lb) = (label_len(ua, a.doc), label_len(ub, b.doc));
            for e in &mut diff.edits {
                if e.a.end <= la && e.b.end <= lb {
                    e.number = false;
                }
            }
            let mut evidence = diff.shared_passages(ta, cfg.passage_chars);
            let show = show_diff(label, kind, diff.ratio(ta, tb));
            // ranges into the clauses' texts, parts shifted to where they lie
            let (oa, ob) = (
                ua.part.map_or(0, |p| p.start),
                ub.part.map_or(0, |p| p.start),
            );
            for e in &mut evidence {
                e.a = shift(e.a, oa);
                e.b = shift(e.b, ob);
            }
            for e in &mut diff.edits {
                e.a = shift(e.a, oa);
                e.b = shift(e.b, ob);
            }
            shown.push((i, j));
            out.pairs.push(Pair {
                a: ca,
                b: cb,
                a_part: part_of(ua),
                b_part: part_of(ub),
                score: s.score,
                label,
                signals: s.signals,
                kind,
                evidence,
                diff: show.then_some(diff),
            });
        }
        let paired_a: std::collections::HashSet<usize> = shown.iter().map(|r| r.0).collect();
        let paired_b: std::collections::HashSet<usize> = shown.iter().map(|r| r.1).collect();
        (out.only_a, out.only_a_parts) = unpaired(a, &paired_a, gone_a);
        (out.only_b, out.only_b_parts) = unpaired(b, &paired_b, gone_b);
        out
    }
}

/// True when one unit is a summary (a paragraph of front matter, or a
/// section `一、` with its own text) and the other a task or item: the task
/// may take up part of the summary, it does not restate it.
fn summary_against_task(
    a: &Prepared<'_>,
    ua: &crate::unit::Unit,
    b: &Prepared<'_>,
    ub: &crate::unit::Unit,
) -> bool {
    use fangan_model::Level;
    let summary = |p: &Prepared<'_>, u: &crate::unit::Unit| {
        u.part.is_some()
            || matches!(
                p.doc.clauses[u.clause].level,
                Level::Front | Level::Section | Level::Attachment
            )
    };
    let task = |p: &Prepared<'_>, u: &crate::unit::Unit| {
        u.part.is_none()
            && matches!(
                p.doc.clauses[u.clause].level,
                Level::Task | Level::Item | Level::Subheading | Level::Bullet
            )
    };
    (summary(a, ua) && task(b, ub)) || (task(a, ua) && summary(b, ub))
}

/// `span` moved `by` bytes.
fn shift(span: Span, by: usize) -> Span {
    Span::new(span.start + by, span.end + by)
}

/// The part a unit stands for, when it is not a whole clause.
fn part_of(u: &crate::unit::Unit) -> Option<Part> {
    u.part.map(|range| Part {
        range,
        line: u.line,
    })
}

impl Aligner<'_> {
    /// The label of a pair from its two-way trigram overlap and its score.
    pub fn label(&self, overlap: f32, score: f32) -> Label {
        if overlap >= self.config.near_copy {
            Label::NearCopy
        } else if score >= self.config.paraphrase {
            Label::Paraphrase
        } else {
            Label::Related
        }
    }
}

/// Share of equal characters from which a paraphrase's inline diff is
/// worth reading (below it, the diff is a soup of one-character matches).
const DIFF_MIN_RATIO: f32 = 0.4;

/// True when a pair's inline diff is kept: near-copies, and paraphrases
/// that share enough text, paired one-to-one.
fn show_diff(label: Label, kind: PairKind, ratio: f32) -> bool {
    kind == PairKind::Single
        && (label == Label::NearCopy || (label == Label::Paraphrase && ratio >= DIFF_MIN_RATIO))
}

/// Leaves of `side` not in `paired`: whole clauses as clause ids, and
/// paragraphs with their parts, in order.
fn unpaired(
    side: &Prepared<'_>,
    paired: &std::collections::HashSet<usize>,
    gone: &[bool],
) -> (Vec<ClauseId>, Vec<(ClauseId, Part)>) {
    let (mut whole, mut parts) = (Vec::new(), Vec::new());
    for (i, u) in side.units.iter().enumerate() {
        if u.role != UnitRole::Leaf || paired.contains(&i) || gone[i] {
            continue;
        }
        match part_of(u) {
            Some(p) => parts.push((u.clause, p)),
            None => whole.push(u.clause),
        }
    }
    (whole, parts)
}

/// True when the clauses belong to different parts of their plans
/// (objectives, tasks, mechanism); `other` never clashes.
fn kinds_clash(a: SectionKind, b: SectionKind) -> bool {
    a != b && a != SectionKind::Other && b != SectionKind::Other
}

/// The best-scored partners of one clause, to explain an alignment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explained {
    /// Clause of A.
    pub a: ClauseId,
    /// Clauses of B with score and signals, best first.
    pub top: Vec<(ClauseId, f32, Signals)>,
}

impl Aligner<'_> {
    /// For each unit of `a`, its `n` best-scored units of `b` among the
    /// candidates, whether or not the assignment paired them.
    pub fn explain(&self, a: &Prepared<'_>, b: &Prepared<'_>, n: usize) -> Vec<Explained> {
        let rarity = self.rarity_for(&[a, b]);
        let (pa, pb) = (a.profiles(&rarity), b.profiles(&rarity));
        let (na, nb) = (pa.len(), pb.len());
        let cos = Self::word_cosines(&pa, &pb);
        let mut per_a: Vec<Vec<(ClauseId, f32, Signals)>> = vec![Vec::new(); na];
        for (i, j) in self.candidates(&cos, na, nb) {
            let s = self.scored(a, &pa, i, b, &pb, j);
            per_a[i].push((b.units[j].clause, s.score, s.signals));
        }
        per_a
            .into_iter()
            .enumerate()
            .map(|(i, mut top)| {
                top.sort_by(|x, y| y.1.total_cmp(&x.1));
                top.truncate(n);
                Explained {
                    a: a.units[i].clause,
                    top,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::plan;
    use fangan_model::Level;

    fn aligner(seg: &Segmenter) -> Aligner<'_> {
        Aligner::builder().build(seg, Rarity::new()).unwrap()
    }

    fn paths(
        a: &Document,
        b: &Document,
        cmp: &Comparison,
    ) -> Vec<(String, String, Label, PairKind)> {
        cmp.pairs
            .iter()
            .map(|p| {
                (
                    a.clauses[p.a].path.clone(),
                    b.clauses[p.b].path.clone(),
                    p.label,
                    p.kind,
                )
            })
            .collect()
    }

    #[test]
    fn a_copy_with_names_and_numbers_swapped_is_a_near_copy() {
        let seg = Segmenter::new();
        let a = plan(
            "a",
            &[
                ("二", Level::Section, "二、工作任务"),
                ("二/1", Level::Task, "1. 开展系列消费促进活动。举办桃源县美食节、金秋购物节、网上年货节等特色消费促进活动，全年新增限额以上商贸企业40家。"),
                ("二/2", Level::Task, "2. 大力发展夜间经济。打造夜宵一条街和夜间消费集聚区，鼓励商户夜间延时经营。"),
            ],
        );
        let b = plan(
            "b",
            &[
                ("二", Level::Section, "二、工作任务"),
                ("二/1", Level::Task, "1. 强化安全生产监管。深入开展矿山、消防、危化品等重点行业领域专项整治，坚决遏制重特大事故。"),
                ("二/2", Level::Task, "2. 开展系列消费促进活动。举办石门县美食节、金秋购物节、网上年货节等特色消费促进活动，全年新增限额以上商贸企业50家。"),
            ],
        );
        let cmp = aligner(&seg).align(&a, &b);
        assert_eq!(
            paths(&a, &b, &cmp),
            vec![(
                "二/1".into(),
                "二/2".into(),
                Label::NearCopy,
                PairKind::Single
            )]
        );
        assert_eq!(cmp.only_a, vec![2]);
        assert_eq!(cmp.only_b, vec![1]);
        let p = &cmp.pairs[0];
        let (ta, tb) = (&a.clauses[p.a].text, &b.clauses[p.b].text);
        // evidence spans are byte ranges that slice both texts to the same passage
        assert!(!p.evidence.is_empty());
        for e in &p.evidence {
            assert_eq!(e.a.slice(ta), e.b.slice(tb));
        }
        assert!(p.evidence[0].a.slice(ta).contains("金秋购物节、网上年货节"));
        let diff = p.diff.as_ref().expect("near-copies carry their diff");
        let numbers: Vec<(&str, &str)> = diff
            .edits
            .iter()
            .filter(|e| e.number)
            .map(|e| (e.a.slice(ta), e.b.slice(tb)))
            .collect();
        assert_eq!(numbers, vec![("40", "50")]);
    }

    #[test]
    fn a_task_is_at_most_related_to_a_summary_section() {
        let seg = Segmenter::new();
        let a = plan(
            "a",
            &[
                ("一", Level::Section, "一、工作目标。全年地区生产总值增长6%，社会消费品零售总额增长7%，固定资产投资增长8%，外贸进出口增长5%。"),
                ("二/1", Level::Task, "1. 扩大消费。社会消费品零售总额增长7%，举办美食节和购物节。"),
            ],
        );
        let b = plan(
            "b",
            &[
                (
                    "一",
                    Level::Section,
                    "一、攻坚目标。全年地区生产总值增长5%，固定资产投资增长6%。",
                ),
                (
                    "二/1",
                    Level::Task,
                    "1. 促进消费。社会消费品零售总额增长6%，举办年货节。",
                ),
            ],
        );
        let (pa, pb) = (Prepared::new(&seg, &a), Prepared::new(&seg, &b));
        let (sec, task) = (&pa.units[0], &pb.units[1]);
        assert!(summary_against_task(&pa, sec, &pb, task));
        assert!(summary_against_task(&pb, task, &pa, sec));
        assert!(!summary_against_task(&pa, sec, &pb, &pb.units[0]));
        assert!(!summary_against_task(&pa, &pa.units[1], &pb, task));
        let cmp = aligner(&seg).align(&a, &b);
        for p in &cmp.pairs {
            let levels = (a.clauses[p.a].level, b.clauses[p.b].level);
            if levels.0 != levels.1 {
                assert_ne!(p.label, Label::Paraphrase, "{:?}", paths(&a, &b, &cmp));
            }
        }
    }

    #[test]
    fn weak_related_pairs_are_shown_only_when_asked() {
        let seg = Segmenter::new();
        let a = plan(
            "a",
            &[
                (
                    "二/1",
                    Level::Task,
                    "1. 促进旅游消费。办好文体活动，力争旅游接待人次突破1000万。",
                ),
                (
                    "二/2",
                    Level::Task,
                    "2. 强化安全生产监管。深入开展矿山专项整治。",
                ),
            ],
        );
        let b = plan(
            "b",
            &[
                (
                    "二/1",
                    Level::Task,
                    "1. 促进旅游消费。开展营销推介，力争旅游接待人次突破800万。",
                ),
                ("二/2", Level::Task, "2. 加强耕地保护。落实田长制。"),
            ],
        );
        // every pair related (paraphrase out of reach), every one weak
        let run = |all: bool| {
            Aligner::builder()
                .min_score(0.01)
                .paraphrase(1.0)
                .near_copy(1.0)
                .related_min_words(1.0)
                .related(all)
                .build(&seg, Rarity::new())
                .unwrap()
                .align(&a, &b)
        };
        assert!(run(false).pairs.is_empty());
        assert!(run(false).only_a.contains(&0));
        let shown = run(true);
        let p = shown
            .pairs
            .iter()
            .find(|p| p.a == 0)
            .expect("the related pair");
        assert_eq!((p.b, p.label), (0, Label::Related));
    }

    #[test]
    fn a_shared_slogan_is_not_a_match() {
        let seg = Segmenter::new();
        let a = plan(
            "a",
            &[("二/1", Level::Task, "1. 纵深推进财源建设工程。健全常态化协税护税机制，突出以旬保月、以月保季、以季保年，确保完成年度财政收入目标。")],
        );
        let b = plan(
            "b",
            &[("二/1", Level::Task, "1. 加快重点项目建设进度。推行项目建设挂图作战，突出以旬保月、以月保季、以季保年，推动重点项目早开工、早竣工、早投产。")],
        );
        let cmp = aligner(&seg).align(&a, &b);
        assert!(cmp.pairs.is_empty(), "{:?}", paths(&a, &b, &cmp));
        assert_eq!((cmp.only_a.len(), cmp.only_b.len()), (1, 1));
    }

    #[test]
    fn one_task_matches_a_whole_group() {
        let seg = Segmenter::new();
        let a = plan(
            "a",
            &[
                ("二", Level::Section, "二、工作任务"),
                ("二/1", Level::Task, "1. 推动外贸扩规提质。培育外贸主体，扩大云母等特色产品出口，发展跨境电商和海外仓，支持企业内外贸同线同标同质。"),
                ("二/2", Level::Task, "2. 强化安全生产监管。深入开展矿山、消防、危化品专项整治。"),
            ],
        );
        let b = plan(
            "b",
            &[
                ("二", Level::Section, "二、攻坚任务"),
                ("二/（五）", Level::Group, "（五）实施外贸保稳提质工程"),
                (
                    "二/（五）/1",
                    Level::Task,
                    "1. 深化产贸融合。培育外贸主体，扩大调味品等特色产品出口。",
                ),
                (
                    "二/（五）/2",
                    Level::Task,
                    "2. 发展外贸新业态。加快发展跨境电商，支持企业建设海外仓。",
                ),
                (
                    "二/（五）/3",
                    Level::Task,
                    "3. 推动内外贸一体化发展。支持企业开展内外贸同线同标同质。",
                ),
                ("二/（六）", Level::Group, "（六）办好民生实事"),
                (
                    "二/（六）/1",
                    Level::Task,
                    "1. 提高城乡低保标准，发放残疾人两项补贴。",
                ),
                (
                    "二/（六）/2",
                    Level::Task,
                    "2. 建设县域医疗次中心，推进检查检验结果互认。",
                ),
            ],
        );
        let cmp = aligner(&seg).align(&a, &b);
        let got = paths(&a, &b, &cmp);
        insta::assert_json_snapshot!(got);
        assert!(
            got.contains(&(
                "二/1".into(),
                "二/（五）".into(),
                Label::Paraphrase,
                PairKind::Group
            )),
            "{got:?}"
        );
        let members = got.iter().filter(|p| p.3 == PairKind::Member).count();
        assert!(members >= 2, "{got:?}");
        assert!(got.iter().all(|p| !p.1.starts_with("二/（六）")), "{got:?}");
        // containers are never listed as unpaired
        assert!(cmp
            .only_b
            .iter()
            .all(|&c| b.clauses[c].level == Level::Task));
    }

    /// Two attachments end with near-identical mechanism sections; the one
    /// whose heading matches word for word is in the attachment that shares
    /// nothing else with plan A.
    fn template_twins() -> (Document, Document) {
        let a = plan(
            "a",
            &[
                ("二", Level::Section, "二、工作任务"),
                ("二/1", Level::Task, "1. 丰富消费活动。举办美食节、购物节等特色消费促进活动，发放消费券，激发居民消费潜力。"),
                ("二/2", Level::Task, "2. 加力推进重大项目建设。科学铺排年度项目建设计划，明确项目开工时间，推动项目早开工早投产。"),
                ("二/3", Level::Task, "3. 推进机制。成立稳增长工作专班，由县政府分管副县长担任召集人，专班办公室设在县发改局，每月调度一次工作进展，每季度通报一次。"),
            ],
        );
        let b = plan(
            "b",
            &[
                ("附件1", Level::Attachment, "附件1"),
                ("附件1/二", Level::Section, "二、重点任务"),
                ("附件1/二/1", Level::Task, "1. 丰富消费活动。持续举办美食节、购物节等特色消费促进活动，发放消费券。"),
                ("附件1/二/2", Level::Task, "2. 加力推进重大项目建设。科学铺排年度项目建设计划，推动项目早开工早投产。"),
                ("附件1/二/3", Level::Task, "3. 推动机制。成立内需扩量攻坚工作专班，由县政府办分管副主任担任召集人，专班办公室设在县商务局，每月调度一次工作进展，每季度通报一次。"),
                ("附件2", Level::Attachment, "附件2"),
                ("附件2/二", Level::Section, "二、重点任务"),
                ("附件2/二/1", Level::Task, "1. 强化安全生产监管。深入开展矿山、消防、危化品等重点行业领域专项整治。"),
                ("附件2/二/2", Level::Task, "2. 推进机制。成立安全强基攻坚工作专班，由县政府办分管副主任担任召集人，专班办公室设在县应急局，每月调度一次工作进展，每季度通报一次。"),
            ],
        );
        (a, b)
    }

    #[test]
    fn template_twins_are_told_apart_by_their_attachment() {
        let seg = Segmenter::new();
        let (a, b) = template_twins();
        let partner = |twins: bool, flip: bool| -> Option<String> {
            let al = Aligner::builder()
                .twins(twins)
                .build(&seg, Rarity::new())
                .unwrap();
            if flip {
                let cmp = al.align(&b, &a);
                let p = cmp.pairs.iter().find(|p| a.clauses[p.b].path == "二/3")?;
                Some(b.clauses[p.a].path.clone())
            } else {
                let cmp = al.align(&a, &b);
                let p = cmp.pairs.iter().find(|p| a.clauses[p.a].path == "二/3")?;
                Some(b.clauses[p.b].path.clone())
            }
        };
        // on content alone, the heading picks the wrong attachment
        assert_eq!(partner(false, false).as_deref(), Some("附件2/二/2"));
        // the neighbours' partners sit in 附件1
        assert_eq!(partner(true, false).as_deref(), Some("附件1/二/3"));
        // the same with the plans swapped
        assert_eq!(partner(true, true).as_deref(), Some("附件1/二/3"));
    }

    #[test]
    fn a_task_covering_a_group_matches_it_without_the_margin() {
        let seg = Segmenter::new();
        let a = plan(
            "a",
            &[
                ("二", Level::Section, "二、工作任务"),
                ("二/1", Level::Task, "1. 推动外贸扩规提质。深化产贸融合，培育外贸主体，扩大特色产品出口；发展跨境电商，支持企业建设海外仓；推动内外贸一体化，开展同线同标同质认证。"),
            ],
        );
        let b = plan(
            "b",
            &[
                ("二", Level::Section, "二、攻坚任务"),
                ("二/（五）", Level::Group, "（五）实施外贸保稳提质工程"),
                (
                    "二/（五）/1",
                    Level::Task,
                    "1. 深化产贸融合。培育外贸主体，扩大调味品等特色产品出口，提升产业外向度。",
                ),
                (
                    "二/（五）/2",
                    Level::Task,
                    "2. 大力发展外贸新业态。加快发展跨境电商，支持企业建设运营海外仓。",
                ),
                (
                    "二/（五）/3",
                    Level::Task,
                    "3. 推动内外贸一体化发展。鼓励企业开展同线同标同质产品认证，拓展内销渠道。",
                ),
            ],
        );
        let got = |cover: f32| {
            let al = Aligner::builder()
                .group_cover(cover)
                .build(&seg, Rarity::new())
                .unwrap();
            let cmp = al.align(&a, &b);
            paths(&a, &b, &cmp)
        };
        let with = got(1.3);
        assert!(
            with.iter()
                .any(|p| p.1 == "二/（五）" && p.3 == PairKind::Group),
            "{with:?}"
        );
        // demanding an impossible gain falls back to the margin
        let without = got(1000.0);
        assert!(
            without.iter().all(|p| p.3 != PairKind::Group),
            "{without:?}"
        );
    }

    #[test]
    fn bad_thresholds_are_config_errors() {
        let seg = Segmenter::new();
        let err = Aligner::builder()
            .min_score(1.5)
            .build(&seg, Rarity::new())
            .unwrap_err();
        assert!(matches!(
            err,
            Error::OutOfRange {
                name: "min_score",
                ..
            }
        ));
        let err = Aligner::builder()
            .group_margin(0.5)
            .build(&seg, Rarity::new())
            .unwrap_err();
        assert!(matches!(
            err,
            Error::OutOfRange {
                name: "group_margin",
                ..
            }
        ));
    }
}
