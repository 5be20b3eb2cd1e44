//! Place names, masked before comparing so that a copy with the county's
//! name swapped (平江 → 湘阴) is still a copy.
//!
//! A word is a place name when it is one of the names learnt from the
//! plans (their county, and the stems of `…县`/`…区` words they use), or
//! when it looks like one: three characters or more ending in 县, 区, 市,
//! 省, 镇 or 乡 that is not an office (`县发改局`) or a deictic (`全县`).

use std::collections::HashSet;

use fangan_model::Document;

/// Endings of administrative place names.
const PLACE_ENDINGS: &[char] = &['县', '区', '市', '省', '镇', '乡', '州'];

/// Characters that make a word an office or a body, not a place.
const OFFICE_CHARS: &[char] = &[
    '局', '委', '办', '部', '院', '会', '厅', '所', '站', '室', '队', '司', '校',
];

/// First characters of deictic words (`全县`, `我县`, `各乡镇`).
const DEICTIC_STARTS: &[char] = &['全', '我', '本', '各', '该', '每', '外', '城', '县'];

/// The set of place names of the plans being compared.
#[derive(Clone, Debug, Default)]
pub struct Places {
    names: HashSet<String>,
}

impl Places {
    /// No learnt names (the shape rule still applies).
    pub fn new() -> Places {
        Places::default()
    }

    /// Adds a name and, for `平江县`, its stem `平江`.
    pub fn add(&mut self, name: &str) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        self.names.insert(name.to_string());
        if let Some(stem) = name.strip_suffix(PLACE_ENDINGS) {
            if stem.chars().count() >= 2 {
                self.names.insert(stem.to_string());
            }
        }
    }

    /// Learns the county of `doc` (from its metadata) and the stems of the
    /// place-shaped words in `words` (the segmented text of `doc`).
    pub fn learn<'w>(&mut self, doc: &Document, words: impl IntoIterator<Item = &'w str>) {
        if let Some(county) = &doc.meta.county {
            self.add(county);
        }
        for w in words {
            if looks_like_place(w) {
                self.add(w);
            }
        }
    }

    /// True when `word` is a place name.
    pub fn is_place(&self, word: &str) -> bool {
        self.names.contains(word) || looks_like_place(word)
    }
}

/// True for words shaped like an administrative place name.
pub fn looks_like_place(word: &str) -> bool {
    let n = word.chars().count();
    let Some(last) = word.chars().last() else {
        return false;
    };
    let first = word.chars().next().unwrap_or(last);
    (3..=6).contains(&n)
        && PLACE_ENDINGS.contains(&last)
        && !DEICTIC_STARTS.contains(&first)
        && !word.contains(OFFICE_CHARS)
        && word.chars().all(|c| c.is_alphabetic() && !c.is_ascii())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_of_place_names() {
        assert!(looks_like_place("平江县"));
        assert!(looks_like_place("岳阳楼区"));
        assert!(!looks_like_place("全县"));
        assert!(!looks_like_place("县发改局"));
        assert!(!looks_like_place("高质量"));
        assert!(!looks_like_place("各乡镇"));
    }

    #[test]
    fn learnt_stems_are_places() {
        let mut p = Places::new();
        p.add("湘阴县");
        assert!(p.is_place("湘阴"));
        assert!(p.is_place("湘阴县"));
        assert!(!p.is_place("湘江"));
    }
}
