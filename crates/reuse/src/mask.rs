//! Place names masked in the compared text, so that a passage copied with
//! the county's name swapped (平江县 → 湘阴县) is still one passage.
//!
//! The names masked in a plan are its own county, city and province (from
//! its [`crate::PlanInfo`]) with their stems (`平江县` → `平江`), the names the
//! caller adds for the whole corpus, and the `XX县`/`XX区`/`XX市` words
//! the plan writes at least three times (as `fangan_compare` learns them,
//! with its [`looks_like_place`] shape rule). Each occurrence becomes one
//! [`PLACE`] code, which aligns with any other place.

use std::collections::HashMap;

use fangan_compare::places::looks_like_place;
use fangan_model::fold;

/// The code a masked place name becomes.
pub const PLACE: u16 = 0xFFFE;

/// Endings stripped to get a name's stem (`平江县` → `平江`).
const PLACE_ENDINGS: &[char] = &['县', '区', '市', '省', '镇', '乡', '州'];

/// Times an `XX县` word must occur to be learnt as a place of the plan.
const LEARN_MIN_COUNT: usize = 3;

/// The place names to mask in one plan, folded, longest first.
#[derive(Clone, Debug, Default)]
pub struct PlaceNames {
    names: Vec<(Vec<u16>, String)>,
}

impl PlaceNames {
    /// Adds `name` and its stem (when the stem has two characters or more).
    pub fn add(&mut self, name: &str) {
        let folded = fold::fold_str(name.trim());
        if folded.chars().count() < 2 {
            return;
        }
        if let Some(stem) = folded.strip_suffix(PLACE_ENDINGS) {
            if stem.chars().count() >= 2 {
                self.push(stem.to_string());
            }
        }
        self.push(folded);
    }

    fn push(&mut self, name: String) {
        if self.names.iter().any(|(_, n)| *n == name) {
            return;
        }
        let codes = name.chars().map(code_of).collect();
        self.names.push((codes, name));
        self.names
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
    }

    /// Learns the `XX县`/`XX区`/`XX市` words written at least three times in
    /// `chars` (the folded text of a plan).
    pub fn learn(&mut self, chars: &[char]) {
        let mut counts: HashMap<[char; 3], usize> = HashMap::new();
        for w in chars.windows(3) {
            if matches!(w[2], '县' | '区' | '市') {
                *counts.entry([w[0], w[1], w[2]]).or_insert(0) += 1;
            }
        }
        let mut learnt: Vec<String> = counts
            .into_iter()
            .filter(|(_, n)| *n >= LEARN_MIN_COUNT)
            .map(|(w, _)| w.iter().collect::<String>())
            .filter(|w| looks_like_place(w))
            .collect();
        learnt.sort();
        for w in learnt {
            self.add(&w);
        }
    }

    /// The names, folded.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(|(_, n)| n.as_str())
    }

    /// The masked occurrences in `codes`: (first character, length, index
    /// of the name), leftmost-longest, not overlapping.
    pub fn find(&self, codes: &[u16]) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        if self.names.is_empty() {
            return out;
        }
        let mut i = 0;
        'outer: while i < codes.len() {
            for (k, (name, _)) in self.names.iter().enumerate() {
                if codes[i..].starts_with(name) {
                    out.push((i, name.len(), k));
                    i += name.len();
                    continue 'outer;
                }
            }
            i += 1;
        }
        out
    }

    /// The folded name of index `k` (as returned by [`PlaceNames::find`]).
    pub fn name(&self, k: usize) -> &str {
        &self.names[k].1
    }
}

/// The 16-bit code of a folded character: itself in the Basic Multilingual
/// Plane; characters beyond it share codes in the surrogate range (which no
/// character uses), by their low bits.
pub fn code_of(c: char) -> u16 {
    let cp = c as u32;
    if cp < 0x10000 {
        cp as u16
    } else {
        0xD800 | (cp & 0x7FF) as u16
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(s: &str) -> Vec<u16> {
        s.chars().map(code_of).collect()
    }

    #[test]
    fn masks_names_and_stems_longest_first() {
        let mut p = PlaceNames::default();
        p.add("平江县");
        p.add("岳阳市");
        let text = codes("平江县和平江、岳阳市岳阳楼");
        let found = p.find(&text);
        let names: Vec<&str> = found.iter().map(|f| p.name(f.2)).collect();
        assert_eq!(names, ["平江县", "平江", "岳阳市", "岳阳"]);
        assert_eq!((found[0].0, found[0].1), (0, 3));
    }

    #[test]
    fn learns_names_written_often() {
        let mut p = PlaceNames::default();
        let text: Vec<char> = "湘阴县推进。湘阴县发展。湘阴县建设。全县推进全县全县"
            .chars()
            .collect();
        p.learn(&text);
        let names: Vec<&str> = p.names().collect();
        assert_eq!(names, ["湘阴县", "湘阴"]);
    }
}
