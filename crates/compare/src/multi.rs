//! One plan against several: for each clause of A, its best match in every
//! other plan (the basis of a text-reuse study). No assignment here: each
//! clause of A gets its own best partner, whatever other clauses take.
//!
//! Its JSON shape is `fangan_wire::best_match`.

use fangan_model::ClauseId;

use crate::align::Aligner;
use crate::prepared::Prepared;
use crate::report::Label;
use crate::similarity::overlap;
use crate::unit::UnitRole;

/// Candidates scored fully per clause.
const CANDIDATES: usize = 8;

/// The best match of one clause in one other plan.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BestMatch {
    /// The clause of the other plan, if any reaches the threshold.
    pub clause: Option<ClauseId>,
    /// Its score (0 when none).
    pub score: f32,
    /// Its label.
    pub label: Option<Label>,
}

/// One clause of A and its best match in each other plan.
#[derive(Clone, Debug, PartialEq)]
pub struct ReuseRow {
    /// Clause of A.
    pub a: ClauseId,
    /// One entry per other plan, in order.
    pub matches: Vec<BestMatch>,
}

impl Aligner<'_> {
    /// For each leaf of `a`, its best leaf in each of `others`.
    pub fn best_matches(&self, a: &Prepared<'_>, others: &[Prepared<'_>]) -> Vec<ReuseRow> {
        let mut sides: Vec<&Prepared<'_>> = vec![a];
        sides.extend(others.iter());
        let rarity = self.rarity_for(&sides);
        let pa = a.profiles(&rarity);
        let leaves_a: Vec<usize> = (0..a.units.len())
            .filter(|&i| whole_leaf(&a.units[i]))
            .collect();
        let mut rows: Vec<ReuseRow> = leaves_a
            .iter()
            .map(|&i| ReuseRow {
                a: a.units[i].clause,
                matches: Vec::with_capacity(others.len()),
            })
            .collect();
        for b in others {
            let pb = b.profiles(&rarity);
            let nb = pb.len();
            let cos = Aligner::word_cosines(&pa, &pb);
            for (row, &i) in rows.iter_mut().zip(&leaves_a) {
                let mut idx: Vec<usize> = (0..nb)
                    .filter(|&j| whole_leaf(&b.units[j]) && cos[i * nb + j] > 0.0)
                    .collect();
                idx.sort_by(|&x, &y| cos[i * nb + y].total_cmp(&cos[i * nb + x]));
                let best = idx
                    .iter()
                    .take(CANDIDATES)
                    .map(|&j| (j, self.scored(a, &pa, i, b, &pb, j)))
                    .max_by(|x, y| x.1.score.total_cmp(&y.1.score));
                row.matches.push(match best {
                    Some((j, s)) if s.score >= self.min_score() => BestMatch {
                        clause: Some(b.units[j].clause),
                        score: s.score,
                        label: Some(self.label(overlap(&pa[i].grams, &pb[j].grams), s.score)),
                    },
                    _ => BestMatch {
                        clause: None,
                        score: 0.0,
                        label: None,
                    },
                });
            }
        }
        rows
    }
}

/// A leaf that is a whole clause (the reuse table lists clauses, not the
/// paragraphs of front matter).
fn whole_leaf(u: &crate::unit::Unit) -> bool {
    u.role == UnitRole::Leaf && u.part.is_none()
}
