//! What a text looks like to the aligner: its words, its character
//! trigrams and its heading words, with numbers and place names masked.
//!
//! [`analyze`] segments a text once (jieba, on the folded text) into an
//! [`Analysis`]; [`Rarity`] counts in how many clauses of a corpus each word
//! occurs; [`Profile::new`] weighs an analysis by rarity into unit vectors,
//! so boilerplate (`高质量发展`) weighs little and a topic word (`外贸`)
//! much.

use std::collections::HashMap;

use fangan_model::{fold, Segmenter};

use crate::places::Places;

/// Placeholder of a masked place name in the character stream.
const PLACE: char = '□';
/// Placeholder of a masked number in the character stream.
const NUMBER: char = '#';

/// Letters of pinyin syllables, tone marks included.
const PINYIN: &str = "abcdefghijklmnopqrstuvwxyzāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ";

/// Longest pinyin syllable annotated after a character (`zhuàng`).
pub(crate) const MAX_SYLLABLE: usize = 6;

/// True for a CJK unified ideograph.
pub(crate) fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// True for a letter of a pinyin syllable.
pub(crate) fn is_pinyin(c: char) -> bool {
    PINYIN.contains(c)
}

/// `text` (folded: brackets half-width) without the pinyin annotations
/// that mirror sites leave after characters (`發(fā)展` → `發展`): a bracket
/// of one syllable right after a CJK character.
pub fn strip_pinyin(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '(' && i > 0 && is_cjk(chars[i - 1]) {
            let len = chars[i + 1..]
                .iter()
                .take(MAX_SYLLABLE + 1)
                .take_while(|c| is_pinyin(**c))
                .count();
            if (1..=MAX_SYLLABLE).contains(&len) && chars.get(i + 1 + len) == Some(&')') {
                i += len + 2;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// A stable 64-bit key for a word (FNV-1a).
pub fn word_key(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A segmented text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    /// Keys of the content words (punctuation, numbers and places dropped),
    /// in text order, repeated as often as they occur.
    pub words: Vec<u64>,
    /// Keys of the character bigrams of the masked text, repeated as often
    /// as they occur (robust to segmentation).
    pub bigrams: Vec<u64>,
    /// Keys of the character bigrams of the masked heading.
    pub heading: Vec<u64>,
    /// Sorted, distinct character trigrams of the masked text (punctuation
    /// removed, numbers → `#`, places → `□`).
    pub grams: Vec<u64>,
}

/// True for a word that carries content (not punctuation or spaces).
fn is_content(word: &str) -> bool {
    word.chars().any(|c| c.is_alphanumeric())
}

/// True for a number token (`8`, `8.5`, `25.53`, `5G`).
fn is_number(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
}

/// The content words of `text`, masked, and its masked character stream.
fn words_and_stream(seg: &Segmenter, places: &Places, text: &str) -> (Vec<u64>, Vec<char>) {
    let folded = strip_pinyin(&fold::fold_str(text));
    let mut keys = Vec::new();
    let mut stream = Vec::with_capacity(folded.len() / 3);
    for w in seg.words(&folded) {
        if !is_content(w.text) {
            continue;
        }
        if is_number(w.text) {
            if stream.last() != Some(&NUMBER) {
                stream.push(NUMBER);
            }
        } else if places.is_place(w.text) {
            stream.push(PLACE);
        } else {
            keys.push(word_key(w.text));
            stream.extend(w.text.chars().filter(|c| c.is_alphanumeric()));
        }
    }
    (keys, stream)
}

/// Key of a character bigram (its own key space, apart from words).
fn bigram_key(a: char, b: char) -> u64 {
    (1 << 63) | (u64::from(a) << 21) | u64::from(b)
}

/// Bigram keys of a masked stream (masks themselves left out).
fn bigrams(stream: &[char]) -> Vec<u64> {
    stream
        .windows(2)
        .filter(|w| !w.contains(&PLACE) && !w.contains(&NUMBER))
        .map(|w| bigram_key(w[0], w[1]))
        .collect()
}

/// Segments `text` (and its `heading`) into an [`Analysis`].
pub fn analyze(seg: &Segmenter, places: &Places, text: &str, heading: &str) -> Analysis {
    let (words, stream) = words_and_stream(seg, places, text);
    let (_, heading_stream) = words_and_stream(seg, places, heading);
    let mut grams: Vec<u64> = stream
        .windows(3)
        .map(|w| (u64::from(w[0]) << 42) | (u64::from(w[1]) << 21) | u64::from(w[2]))
        .collect();
    grams.sort_unstable();
    grams.dedup();
    Analysis {
        words,
        bigrams: bigrams(&stream),
        heading: bigrams(&heading_stream),
        grams,
    }
}

/// How rare each word is: in how many clauses of a corpus it occurs.
#[derive(Clone, Debug, Default)]
pub struct Rarity {
    df: HashMap<u64, u32>,
    clauses: u32,
}

impl Rarity {
    /// An empty table (every word equally rare).
    pub fn new() -> Rarity {
        Rarity::default()
    }

    /// Counts one clause's words and bigrams.
    pub fn add(&mut self, analysis: &Analysis) {
        self.clauses += 1;
        let mut seen: Vec<u64> = analysis.words.clone();
        seen.extend_from_slice(&analysis.bigrams);
        seen.sort_unstable();
        seen.dedup();
        for k in seen {
            *self.df.entry(k).or_insert(0) += 1;
        }
    }

    /// Number of clauses counted.
    pub fn clauses(&self) -> u32 {
        self.clauses
    }

    /// Inverse document frequency of a word: `ln((N+1)/(df+1))`, so a
    /// word in every clause weighs about 0 and an unseen word the most.
    pub fn idf(&self, key: u64) -> f32 {
        let df = self.df.get(&key).copied().unwrap_or(0);
        ((self.clauses as f32 + 1.0) / (df as f32 + 1.0))
            .ln()
            .max(0.0)
    }
}

/// A sparse vector of word weights, sorted by key, of unit length.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SparseVec(pub Vec<(u64, f32)>);

impl SparseVec {
    /// Weighs `keys` by `(1 + ln tf) · idf` and normalizes.
    pub fn weigh(keys: &[u64], rarity: &Rarity) -> SparseVec {
        let mut sorted = keys.to_vec();
        sorted.sort_unstable();
        let mut v: Vec<(u64, f32)> = Vec::new();
        for k in sorted {
            match v.last_mut() {
                Some((last, tf)) if *last == k => *tf += 1.0,
                _ => v.push((k, 1.0)),
            }
        }
        for (k, w) in &mut v {
            *w = (1.0 + w.ln()) * rarity.idf(*k);
        }
        v.retain(|&(_, w)| w > 0.0);
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut v {
                *w /= norm;
            }
        }
        SparseVec(v)
    }

    /// Cosine with another unit vector.
    pub fn dot(&self, other: &SparseVec) -> f32 {
        let mut s = 0.0;
        self.for_shared(other, |wa, wb| s += wa * wb);
        s
    }

    /// Share of this vector's weight on keys that `other` also has
    /// (how much of a heading another text contains).
    pub fn covered_by(&self, other: &SparseVec) -> f32 {
        let total: f32 = self.0.iter().map(|(_, w)| w).sum();
        if total <= 0.0 {
            return 0.0;
        }
        let mut s = 0.0;
        self.for_shared(other, |wa, _| s += wa);
        s / total
    }

    /// Calls `f` with both weights of every key the two (sorted) vectors
    /// share.
    fn for_shared(&self, other: &SparseVec, mut f: impl FnMut(f32, f32)) {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    f(a[i].1, b[j].1);
                    i += 1;
                    j += 1;
                }
            }
        }
    }

    /// True when no word has weight.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A unit ready to compare: weighted words, weighted heading, trigrams.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Profile {
    /// Rarity-weighted words, unit length.
    pub words: SparseVec,
    /// Rarity-weighted character bigrams, unit length.
    pub bigrams: SparseVec,
    /// Rarity-weighted heading bigrams, unit length.
    pub heading: SparseVec,
    /// Sorted distinct trigrams of the masked text.
    pub grams: Vec<u64>,
}

impl Profile {
    /// Weighs an analysis.
    pub fn new(analysis: &Analysis, rarity: &Rarity) -> Profile {
        Profile {
            words: SparseVec::weigh(&analysis.words, rarity),
            bigrams: SparseVec::weigh(&analysis.bigrams, rarity),
            heading: SparseVec::weigh(&analysis.heading, rarity),
            grams: analysis.grams.clone(),
        }
    }
}

/// Number of elements two sorted, distinct lists share.
pub fn shared_count(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers_are_masked() {
        let seg = Segmenter::new();
        let mut places = Places::new();
        places.add("平江县");
        places.add("湘阴县");
        let a = analyze(&seg, &places, "平江县力争社会消费品零售总额增长8%。", "");
        let b = analyze(&seg, &places, "湘阴县力争社会消费品零售总额增长10%。", "");
        assert_eq!(a.grams, b.grams);
        assert_eq!(a.words, b.words);
    }

    #[test]
    fn rare_words_weigh_more() {
        let seg = Segmenter::new();
        let places = Places::new();
        let mut rarity = Rarity::new();
        for t in ["推动高质量发展", "推动高质量发展外贸", "推动高质量发展消费"]
        {
            rarity.add(&analyze(&seg, &places, t, ""));
        }
        let common = rarity.idf(word_key("高质量发展"));
        let rare = rarity.idf(word_key("外贸"));
        assert!(rare > common, "{rare} vs {common}");
        let v = SparseVec::weigh(&[word_key("外贸"), word_key("外贸")], &rarity);
        assert!((v.dot(&v) - 1.0).abs() < 1e-5);
    }

    #[test]
    fn pinyin_annotations_are_dropped() {
        let folded = fold::fold_str("機構(gòu):深化改革(gǎi gé),增長(CPI)");
        assert_eq!(strip_pinyin(&folded), "机构:深化改革,增长(CPI)");
        assert_eq!(strip_pinyin(&fold::fold_str("發(fā)展")), "发展");
        let seg = Segmenter::new();
        let places = Places::new();
        let a = analyze(&seg, &places, "持續(xù)提升行政效能", "");
        let b = analyze(&seg, &places, "持续提升行政效能", "");
        assert_eq!(a, b);
    }

    #[test]
    fn shared_count_of_sorted_lists() {
        assert_eq!(shared_count(&[1, 3, 5, 7], &[3, 4, 5]), 2);
        assert_eq!(shared_count(&[], &[3]), 0);
    }
}
