//! What a plan implements: the documents it says it follows (`根据《…》`,
//! `贯彻落实《…》`, `按照《…》`), near its start.

use std::sync::OnceLock;

use regex::Regex;

/// How far into the text to look, in bytes.
const LOOK: usize = 6000;
/// At most this many.
const MOST: usize = 8;

/// The documents named after `根据` / `按照` / `贯彻落实` / `落实` / `依据`.
pub fn implements(text: &str) -> Vec<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?:根据|按照|贯彻落实|认真落实|落实|依据|貫徹落實|根據|按照|依據)((?:《[^》\n]{4,80}》[、和及与,，]?)+)")
            .expect("valid")
    });
    let end = (0..=LOOK.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let mut out: Vec<String> = Vec::new();
    for c in re.captures_iter(&text[..end]) {
        for t in c[1]
            .split('《')
            .filter_map(|p| p.split_once('》'))
            .map(|(t, _)| t.trim())
        {
            if !t.is_empty() && !out.iter().any(|o| o == t) && out.len() < MOST {
                out.push(super::head::clean(t));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cited_documents_in_order() {
        let t = "为贯彻落实《山西省促进专业镇高质量发展实施方案》和《运城市三年行动计划》精神,根据《某某条例》规定,制定本方案。";
        assert_eq!(
            implements(t),
            [
                "山西省促进专业镇高质量发展实施方案",
                "运城市三年行动计划",
                "某某条例"
            ]
        );
        assert!(implements("制定本方案。").is_empty());
    }
}
