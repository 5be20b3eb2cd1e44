//! True highlights: the exact characters of a clause that a query matched.
//!
//! Not tantivy's snippet generator (which works on tokens and can point at
//! a word that merely contains the query): the folded clause text is
//! scanned for each folded query text, and every occurrence is mapped back
//! through the fold's offset map to a byte range of the clause text as
//! shown. A phrase that crosses a repaired page break or a width-folded
//! character is highlighted over exactly the characters it matched.

use fangan_model::{fold, MappedText, Span};

/// Byte ranges of `text` where any of `needles` (folded) occurs in the
/// folded `text`, sorted; ranges inside another range are dropped.
pub fn highlights(text: &str, needles: &[String]) -> Vec<Span> {
    let folded = fold::fold(text);
    highlights_in(&folded, needles)
}

/// [`highlights`] over a text already folded.
pub fn highlights_in(folded: &MappedText, needles: &[String]) -> Vec<Span> {
    let hay = folded.text();
    let mut spans: Vec<Span> = Vec::new();
    for needle in needles.iter().filter(|n| !n.is_empty()) {
        for (at, m) in hay.match_indices(needle.as_str()) {
            spans.push(folded.source_span(Span::new(at, at + m.len())));
        }
    }
    spans.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        if out
            .last()
            .is_some_and(|last| last.start <= s.start && s.end <= last.end)
        {
            continue;
        }
        out.push(s);
    }
    out
}

/// Number of (non-overlapping) occurrences of `needle` (folded) in the
/// folded text.
pub fn occurrences(folded: &str, needle: &str) -> usize {
    if needle.is_empty() {
        0
    } else {
        folded.matches(needle).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_slice_back_to_the_matched_characters() {
        let text = "（一）积极争取专项债，做好專項債项目储备。";
        let hl = highlights(text, &["专项债".to_string()]);
        let got: Vec<&str> = hl.iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, ["专项债", "專項債"]);
    }

    #[test]
    fn phrase_across_a_page_break_and_width_folding() {
        let text = "其他部门要密\n\n切配合，增长 ８％以上";
        let hl = highlights(text, &["要密切配合".to_string(), "增长8%".to_string()]);
        let got: Vec<&str> = hl.iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, ["要密\n\n切配合", "增长 ８％"]);
        // character offsets for JSON
        assert_eq!(hl[0].to_chars(text), (4, 11));
    }

    #[test]
    fn nested_matches_are_dropped_overlapping_kept() {
        let text = "专项债券专项";
        let hl = highlights(text, &["专项债券".into(), "专项".into(), "债券专".into()]);
        let got: Vec<&str> = hl.iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, ["专项债券", "债券专", "专项"]);
    }

    #[test]
    fn counts_occurrences() {
        assert_eq!(occurrences("专项债专项债", "专项债"), 2);
        assert_eq!(occurrences("哈哈哈", "哈哈"), 1);
        assert_eq!(occurrences("abc", ""), 0);
    }
}
