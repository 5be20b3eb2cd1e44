//! Choosing among template twins by context.
//!
//! Plans made of several attachment plans repeat their boilerplate: every
//! attachment ends with a `推进机制` section written from one template. A
//! clause of the other plan resembles all of them about equally, and which
//! one scores best is decided by noise (one department name, `推进` vs
//! `推动` in a heading). Content cannot choose; context can: the twin to
//! keep is the one in the part of the plan (the attachment) where the
//! clause's neighbours found their partners.
//!
//! Two clauses of B are **twins** for a clause of A when they sit in
//! different parts of B, are near-identical (words and bigrams), and
//! resemble each other more than the A clause resembles either of them.

use std::collections::HashMap;

use fangan_model::{ClauseId, Document, Level};

use crate::report::Signals;

/// Body similarity from which two clauses are near-identical: at least
/// half of their weighted words and bigrams in common.
pub const TWIN_MIN: f32 = 0.5;

/// Share of the kept partner's body similarity a twin must reach to be
/// worth considering (below it, the content does choose).
pub const TWIN_SHARE: f32 = 0.7;

/// The attachment a clause sits in, or `None` for the main text.
pub fn region(doc: &Document, id: ClauseId) -> Option<ClauseId> {
    let mut at = Some(id);
    while let Some(c) = at {
        if doc.clauses[c].level == Level::Attachment {
            return Some(c);
        }
        at = doc.clauses[c].parent;
    }
    None
}

/// The body similarity of two clauses: the mean of their word and bigram
/// cosines, headings left out.
pub fn body(s: &Signals) -> f32 {
    0.5 * (s.words + s.bigrams)
}

/// True when `j` and `k` (clauses of one plan in different parts) are
/// twins for a clause that resembles them by `body_j` and `body_k`:
/// they are near-identical ([`TWIN_MIN`]), resemble each other more than
/// it resembles either, and `k` is nearly as close to it as `j` is.
pub fn are_twins(twin_body: f32, body_j: f32, body_k: f32) -> bool {
    body_k >= TWIN_SHARE * body_j && twin_body >= TWIN_MIN && twin_body > body_j.max(body_k)
}

/// How strongly each part of A is tied to each part of B: the summed
/// scores of the pairs between them.
#[derive(Clone, Debug, Default)]
pub struct Ties {
    weight: HashMap<(Option<ClauseId>, Option<ClauseId>), f32>,
}

impl Ties {
    /// Ties from `pairs` of (part of A, part of B, score).
    pub fn new(pairs: impl IntoIterator<Item = (Option<ClauseId>, Option<ClauseId>, f32)>) -> Ties {
        let mut weight = HashMap::new();
        for (ra, rb, s) in pairs {
            *weight.entry((ra, rb)).or_insert(0.0) += s;
        }
        Ties { weight }
    }

    /// The tie between part `ra` of A and part `rb` of B.
    pub fn between(&self, ra: Option<ClauseId>, rb: Option<ClauseId>) -> f32 {
        self.weight.get(&(ra, rb)).copied().unwrap_or(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::plan;

    #[test]
    fn a_clause_lies_in_its_attachment() {
        let doc = plan(
            "p",
            &[
                ("三", Level::Section, "三、推进机制"),
                ("附件1", Level::Attachment, "附件1"),
                ("附件1/三", Level::Section, "三、推进机制"),
            ],
        );
        assert_eq!(region(&doc, 0), None);
        assert_eq!(region(&doc, 2), Some(1));
    }

    #[test]
    fn twins_resemble_each_other_more_than_the_clause() {
        assert!(are_twins(0.55, 0.39, 0.30));
        // the other clause is much further: content chooses
        assert!(!are_twins(0.55, 0.39, 0.20));
        // the two do not resemble each other: not twins
        assert!(!are_twins(0.35, 0.39, 0.30));
        // alike more than the clause, but far from identical
        assert!(!are_twins(0.3, 0.2, 0.18));
    }

    #[test]
    fn ties_sum_the_pairs_between_parts() {
        let t = Ties::new([
            (None, Some(1), 0.5),
            (None, Some(1), 0.25),
            (None, None, 0.1),
        ]);
        assert!((t.between(None, Some(1)) - 0.75).abs() < 1e-6);
        assert_eq!(t.between(Some(3), Some(1)), 0.0);
    }
}
