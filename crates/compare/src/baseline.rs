//! A plain baseline to measure the design against: TF-IDF cosine on jieba
//! words (no masking, no trigrams, no headings), greedy best-first pairing
//! above a threshold, leaves only (no groups).

use fangan_model::{fold, Document, Segmenter};

use crate::diff::inline_diff;
use crate::profile::{word_key, Analysis, Rarity, SparseVec};
use crate::report::{Comparison, Label, Pair, PairKind, Signals};
use crate::unit::{units, Unit, UnitRole};

/// Cosine under which the baseline leaves clauses unpaired.
pub const DEFAULT_THRESHOLD: f32 = 0.15;

/// TF-IDF cosine, greedy pairing.
#[derive(Debug)]
pub struct Baseline<'s> {
    seg: &'s Segmenter,
    threshold: f32,
    rarity: Rarity,
}

/// The plain words of `text`: every jieba word with a letter or digit.
fn plain_words(seg: &Segmenter, text: &str) -> Analysis {
    let folded = fold::fold_str(text);
    Analysis {
        words: seg
            .words(&folded)
            .iter()
            .filter(|w| w.text.chars().any(char::is_alphanumeric))
            .map(|w| word_key(w.text))
            .collect(),
        ..Analysis::default()
    }
}

/// The leaves of `doc` and their plain words.
fn leaves(seg: &Segmenter, doc: &Document) -> (Vec<Unit>, Vec<Analysis>) {
    let us: Vec<Unit> = units(doc)
        .into_iter()
        .filter(|u| u.role == UnitRole::Leaf && u.part.is_none())
        .collect();
    let an = us.iter().map(|u| plain_words(seg, &u.text)).collect();
    (us, an)
}

impl<'s> Baseline<'s> {
    /// A baseline with document frequencies from `corpus` (the two plans
    /// themselves when empty).
    pub fn new<'d>(
        seg: &'s Segmenter,
        threshold: f32,
        corpus: impl IntoIterator<Item = &'d Document>,
    ) -> Baseline<'s> {
        let mut rarity = Rarity::new();
        for d in corpus {
            for a in leaves(seg, d).1 {
                rarity.add(&a);
            }
        }
        Baseline {
            seg,
            threshold,
            rarity,
        }
    }

    /// Aligns two plans greedily.
    pub fn align(&self, a: &Document, b: &Document) -> Comparison {
        let (ua, aa) = leaves(self.seg, a);
        let (ub, ab) = leaves(self.seg, b);
        let own;
        let rarity = if self.rarity.clauses() > 0 {
            &self.rarity
        } else {
            let mut r = Rarity::new();
            aa.iter().chain(&ab).for_each(|x| r.add(x));
            own = r;
            &own
        };
        let va: Vec<SparseVec> = aa
            .iter()
            .map(|x| SparseVec::weigh(&x.words, rarity))
            .collect();
        let vb: Vec<SparseVec> = ab
            .iter()
            .map(|x| SparseVec::weigh(&x.words, rarity))
            .collect();
        let mut all: Vec<(f32, usize, usize)> = Vec::new();
        for (i, x) in va.iter().enumerate() {
            for (j, y) in vb.iter().enumerate() {
                let c = x.dot(y);
                if c >= self.threshold {
                    all.push((c, i, j));
                }
            }
        }
        all.sort_by(|x, y| y.0.total_cmp(&x.0));
        let (mut used_a, mut used_b) = (vec![false; ua.len()], vec![false; ub.len()]);
        let mut out = Comparison::default();
        for (c, i, j) in all {
            if used_a[i] || used_b[j] {
                continue;
            }
            used_a[i] = true;
            used_b[j] = true;
            let (ta, tb) = (&a.clauses[ua[i].clause].text, &b.clauses[ub[j].clause].text);
            let diff = inline_diff(ta, tb, std::time::Duration::from_millis(20));
            out.pairs.push(Pair {
                a: ua[i].clause,
                b: ub[j].clause,
                a_part: None,
                b_part: None,
                score: c,
                label: if c >= 0.6 {
                    Label::NearCopy
                } else if c >= 0.45 {
                    Label::Paraphrase
                } else {
                    Label::Related
                },
                signals: Signals {
                    words: c,
                    ..Signals::default()
                },
                kind: PairKind::Single,
                evidence: diff.shared_passages(ta, 6),
                diff: None,
            });
        }
        out.pairs.sort_by_key(|p| (p.a, p.b));
        out.only_a = ua
            .iter()
            .zip(&used_a)
            .filter(|(_, &u)| !u)
            .map(|(u, _)| u.clause)
            .collect();
        out.only_b = ub
            .iter()
            .zip(&used_b)
            .filter(|(_, &u)| !u)
            .map(|(u, _)| u.clause)
            .collect();
        out
    }
}
