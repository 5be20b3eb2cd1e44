//! Combining the signals into one score.
//!
//! - `words`: cosine of rarity-weighted words: the same topic words.
//! - `chars`: containment of masked character trigrams (the shorter text's
//!   trigrams found in the longer), damped for very short texts: shared
//!   sentences and near-copies, robust to segmentation.
//! - `heading`: the same task name: cosine of the headings' weighted
//!   bigrams, or, when higher, how much of each heading the other clause's
//!   text contains (a task title written out in the other plan's text).
//!
//! The score is a weighted blend, raised to the two-way trigram overlap
//! when that is higher (a near-copy is a match whatever its words).

use crate::profile::{shared_count, Profile};
use crate::report::Signals;

/// Trigram count under which containment is damped (short texts share
/// trigrams by chance).
const SHORT_GRAMS: f32 = 30.0;

/// Weights of the signals in the blend.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weights {
    /// Weight of the word cosine.
    pub words: f32,
    /// Weight of the bigram cosine.
    pub bigrams: f32,
    /// Weight of the trigram containment.
    pub chars: f32,
    /// Weight of the heading cosine.
    pub heading: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            words: 0.3,
            bigrams: 0.3,
            chars: 0.1,
            heading: 0.3,
        }
    }
}

/// The three signals of two profiles.
pub fn signals(a: &Profile, b: &Profile) -> Signals {
    Signals {
        words: a.words.dot(&b.words).clamp(0.0, 1.0),
        bigrams: a.bigrams.dot(&b.bigrams).clamp(0.0, 1.0),
        chars: containment(&a.grams, &b.grams),
        heading: a
            .heading
            .dot(&b.heading)
            .max(0.5 * (a.heading.covered_by(&b.bigrams) + b.heading.covered_by(&a.bigrams)))
            .clamp(0.0, 1.0),
    }
}

/// Shared trigrams over the shorter list, damped under `SHORT_GRAMS` (30).
pub fn containment(a: &[u64], b: &[u64]) -> f32 {
    let small = a.len().min(b.len());
    if small == 0 {
        return 0.0;
    }
    let shared = shared_count(a, b) as f32;
    let damp = (small as f32 / SHORT_GRAMS).min(1.0);
    shared / small as f32 * damp
}

/// Shared trigrams over the longer list: high only when both texts are
/// mostly the same.
pub fn overlap(a: &[u64], b: &[u64]) -> f32 {
    let large = a.len().max(b.len());
    if large == 0 {
        return 0.0;
    }
    shared_count(a, b) as f32 / large as f32
}

/// The blended score of two profiles with their signals.
pub fn score(a: &Profile, b: &Profile, s: &Signals, w: &Weights) -> f32 {
    let total = w.words + w.bigrams + w.chars + w.heading;
    let blend = if total > 0.0 {
        (w.words * s.words + w.bigrams * s.bigrams + w.chars * s.chars + w.heading * s.heading)
            / total
    } else {
        0.0
    };
    blend.max(overlap(&a.grams, &b.grams)).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containment_is_damped_for_short_texts() {
        let long: Vec<u64> = (0..60).collect();
        let short: Vec<u64> = (0..6).collect();
        assert!((containment(&long, &long) - 1.0).abs() < 1e-6);
        assert!((containment(&short, &long) - 0.2).abs() < 1e-6);
        assert!((overlap(&short, &long) - 0.1).abs() < 1e-6);
    }
}
