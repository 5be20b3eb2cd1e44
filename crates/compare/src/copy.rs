//! Copied text: the runs of identical characters two texts share once both
//! are folded (traditional to simplified, full width to half, pinyin
//! annotations and punctuation dropped).
//!
//! This is how a reader tells a copy: long identical passages, whatever
//! the script, the layout or the paragraph breaks. A pair is a
//! **near-copy** when runs of at least [`RUN_CHARS`] characters cover at
//! least [`COPY_COVER`] of the shorter text and total at least
//! [`COPY_MIN_CHARS`] characters ([`Share::is_copy`]).

use std::collections::HashMap;

use fangan_model::fold;

/// Shortest run of identical characters that counts as copied text.
pub const RUN_CHARS: usize = 10;

/// Share of the shorter text that copied runs must cover for a near-copy.
pub const COPY_COVER: f32 = 0.6;

/// Fewest copied characters for a near-copy (a short shared slogan is not
/// a copy of a clause).
pub const COPY_MIN_CHARS: usize = 30;

/// A k-gram found more often than this in a text is boilerplate repeated
/// all over it and anchors nothing.
const MAX_ANCHORS: usize = 8;

/// A text folded for copy detection, each character with the byte offset
/// in the original text it comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folded {
    /// The folded characters (letters, digits, CJK only).
    pub chars: Vec<char>,
    /// Byte offset in the original text of each character.
    pub at: Vec<usize>,
}

impl Folded {
    /// Folds `text`.
    pub fn new(text: &str) -> Folded {
        let m = fold::fold(text);
        let chars: Vec<char> = m.text().chars().collect();
        let mut out = Folded::default();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if let Some(skip) = pinyin_at(&chars, i) {
                i += skip;
                continue;
            }
            if c.is_alphanumeric() {
                out.chars.push(c);
                out.at.push(m.parent_of_char(i).start);
            }
            i += 1;
        }
        out
    }

    /// Number of characters.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// True when nothing is left after folding.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }
}

/// Length of the pinyin annotation `(fā)` starting at `i`, if there is one.
fn pinyin_at(chars: &[char], i: usize) -> Option<usize> {
    if chars[i] != '(' || i == 0 || !crate::profile::is_cjk(chars[i - 1]) {
        return None;
    }
    let len = chars[i + 1..]
        .iter()
        .take(crate::profile::MAX_SYLLABLE + 1)
        .take_while(|c| crate::profile::is_pinyin(**c))
        .count();
    ((1..=crate::profile::MAX_SYLLABLE).contains(&len) && chars.get(i + 1 + len) == Some(&')'))
        .then_some(len + 2)
}

/// A run of identical characters: `len` characters from `a` in one text
/// and from `b` in the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    /// Start in the first text.
    pub a: usize,
    /// Start in the second text.
    pub b: usize,
    /// Length in characters.
    pub len: usize,
}

fn key(w: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in w {
        h ^= u64::from(c);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Where each k-gram of a text occurs, to find runs against it.
#[derive(Clone, Debug, Default)]
pub struct Anchors {
    min: usize,
    index: HashMap<u64, Vec<usize>>,
}

impl Anchors {
    /// Indexes the `min`-grams of `b`.
    pub fn new(b: &[char], min: usize) -> Anchors {
        let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
        if min > 0 && b.len() >= min {
            for j in 0..=b.len() - min {
                index.entry(key(&b[j..j + min])).or_default().push(j);
            }
        }
        Anchors { min, index }
    }

    /// The maximal runs of at least `min` characters that `a` shares with
    /// the indexed `b`, in the order of `a`, not overlapping in `a`: each
    /// position of `a` is extended as far as it goes against every place of
    /// `b` its first `min` characters occur (boilerplate found more than
    /// [`MAX_ANCHORS`] times in `b` is skipped), and the longest is kept.
    pub fn runs(&self, a: &[char], b: &[char]) -> Vec<Run> {
        let min = self.min;
        let mut out = Vec::new();
        if min == 0 {
            return out;
        }
        let mut i = 0;
        while i + min <= a.len() {
            let mut best: Option<Run> = None;
            if let Some(places) = self.index.get(&key(&a[i..i + min])) {
                if places.len() <= MAX_ANCHORS {
                    for &j in places {
                        let len = a[i..]
                            .iter()
                            .zip(&b[j..])
                            .take_while(|(x, y)| x == y)
                            .count();
                        if len >= min && best.is_none_or(|r| len > r.len) {
                            best = Some(Run { a: i, b: j, len });
                        }
                    }
                }
            }
            match best {
                Some(r) => {
                    out.push(r);
                    i += r.len;
                }
                None => i += 1,
            }
        }
        out
    }
}

/// The runs of at least `min` characters `a` and `b` share (see
/// [`Anchors::runs`]).
pub fn runs(a: &[char], b: &[char], min: usize) -> Vec<Run> {
    Anchors::new(b, min).runs(a, b)
}

/// How much of two texts is copied text.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Share {
    /// Characters of the runs.
    pub copied: usize,
    /// Characters of the shorter text.
    pub shorter: usize,
}

impl Share {
    /// The copied runs of two folded texts.
    pub fn of(a: &Folded, b: &Folded) -> Share {
        Share {
            copied: runs(&a.chars, &b.chars, RUN_CHARS)
                .iter()
                .map(|r| r.len)
                .sum(),
            shorter: a.len().min(b.len()),
        }
    }

    /// Share of the shorter text the runs cover.
    pub fn cover(&self) -> f32 {
        if self.shorter == 0 {
            0.0
        } else {
            (self.copied as f32 / self.shorter as f32).min(1.0)
        }
    }

    /// True for a near-copy: runs cover [`COPY_COVER`] of the shorter text
    /// and total [`COPY_MIN_CHARS`].
    pub fn is_copy(&self) -> bool {
        self.cover() >= COPY_COVER && self.copied >= COPY_MIN_CHARS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_pinyin_and_punctuation_fold_away() {
        let a = Folded::new("為推進政府職能加快轉(zhuǎn)變,持續(xù)提升行政效能。");
        let b = Folded::new("为推进政府职能加快转变，持续提升行政效能");
        assert_eq!(a.chars, b.chars);
        // offsets point at the original characters
        let text = "為推進政府職能加快轉(zhuǎn)變,持續(xù)提升行政效能。";
        assert_eq!(&text[a.at[10]..a.at[10] + 3], "變");
    }

    #[test]
    fn runs_find_copied_passages_across_edits() {
        let a: Vec<char> = "全省上下始终坚持以新思想为指导认真执行二零二二年计划保持大局稳定"
            .chars()
            .collect();
        let b: Vec<char> = "全省上下始终坚持以新思想为指导认真执行二零二三年计划保持大局稳定"
            .chars()
            .collect();
        let r = runs(&a, &b, 10);
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!((r[0].a, r[0].b, r[0].len), (0, 0, 22));
        let share = Share {
            copied: r.iter().map(|r| r.len).sum(),
            shorter: a.len(),
        };
        assert!(share.cover() > 0.6);
    }

    #[test]
    fn a_shared_slogan_is_not_a_copy() {
        let a = Folded::new(
            "以习近平新时代中国特色社会主义思想为指导，全力推进设备更新和消费品以旧换新。",
        );
        let b =
            Folded::new("以习近平新时代中国特色社会主义思想为指导，统筹疫情防控和经济社会发展。");
        let s = Share::of(&a, &b);
        assert!(s.copied >= 20, "{s:?}");
        assert!(!s.is_copy(), "{s:?}");
    }
}
