//! Pinyin annotations left by mirror sites: `地區(qū)生產(chǎn)總值` is
//! `地區生產總值` with the reading of some characters in brackets.
//!
//! An annotation is a bracketed run of latin letters right after a Chinese
//! character, with a tone mark (`(qū)`, `（zhǎng）`); in a text that has
//! such annotations, toneless syllables (`(de)`) are annotations too. They
//! are read over, never into an indicator; the map back to the input keeps
//! snippets and spans exact.

use fangan_model::{MappedText, MappedTextBuilder};

/// Longest syllable annotated (`chuàng`, `zhuāng`).
const MAX_SYLLABLE: usize = 6;

/// `text` without its pinyin annotations, as a map back to `text`.
pub(crate) fn strip_mapped(text: &MappedText) -> MappedText {
    let s = text.text();
    let found = annotations(s);
    let mut b = MappedTextBuilder::with_capacity(s.len());
    let mut next = found.iter().peekable();
    for (i, (at, c)) in s.char_indices().enumerate() {
        while next.peek().is_some_and(|&&(_, end)| end <= at) {
            next.next();
        }
        if next.peek().is_some_and(|&&(start, _)| start <= at) {
            continue;
        }
        b.push(c, text.parent_of_char(i));
    }
    b.build()
}

/// `text` without its pinyin annotations (`發(fā)展` → `發展`).
pub fn strip_pinyin(text: &str) -> String {
    let found = annotations(text);
    if found.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end) in found {
        out.push_str(&text[at..start]);
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

/// Byte ranges of the annotations of `text`, brackets included, in order.
fn annotations(text: &str) -> Vec<(usize, usize)> {
    let mut toned = Vec::new();
    let mut plain = Vec::new();
    let mut prev: Option<char> = None;
    for (at, c) in text.char_indices() {
        if matches!(c, '(' | '（') && prev.is_some_and(is_han) {
            if let Some((end, tone)) = syllable(&text[at..]) {
                if tone { &mut toned } else { &mut plain }.push((at, at + end));
            }
        }
        prev = Some(c);
    }
    if toned.is_empty() {
        return toned;
    }
    toned.extend(plain);
    toned.sort_unstable();
    toned
}

/// At an opening bracket: the byte length of `(syllable)` and whether it
/// carries a tone mark, or `None` when no syllable is annotated there.
fn syllable(at_open: &str) -> Option<(usize, bool)> {
    let mut chars = at_open.char_indices().skip(1);
    let mut n = 0;
    let mut tone = false;
    for (i, c) in chars.by_ref() {
        if matches!(c, ')' | '）') {
            return (n > 0).then_some((i + c.len_utf8(), tone));
        }
        if c.is_ascii_lowercase() {
            n += 1;
        } else if is_toned(c) {
            n += 1;
            tone = true;
        } else {
            return None;
        }
        if n > MAX_SYLLABLE {
            return None;
        }
    }
    None
}

fn is_toned(c: char) -> bool {
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ".contains(c)
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

#[cfg(test)]
mod tests {
    use fangan_model::Span;

    use super::*;

    #[test]
    fn annotations_are_read_over() {
        assert_eq!(strip_pinyin("發(fā)展地區(qū)生產(chǎn)"), "發展地區生產");
        assert_eq!(strip_pinyin("實（shí）現（xiàn）"), "實現");
        // toneless syllables only in a text that has toned ones
        assert_eq!(strip_pinyin("我們(men)發(fā)展"), "我們發展");
        assert_eq!(strip_pinyin("我們(men)"), "我們(men)");
    }

    #[test]
    fn other_brackets_stay() {
        for text in [
            "吳江高新區(盛澤鎮)",
            "GDP(nominal)",
            "黎里鎮(zhèn)(含汾湖)",
            "(一)地區",
            "單位(qūqūqūqū)",
        ] {
            let kept = strip_pinyin(text);
            assert!(kept.contains('('), "{text} → {kept}");
        }
    }

    #[test]
    fn the_map_points_into_the_input() {
        let text = "比重達(dá)54%";
        let stripped = strip_mapped(&MappedText::identity(text));
        assert_eq!(stripped.text(), "比重達54%");
        let at = stripped.text().find("54").unwrap();
        let span = stripped.source_span(Span::new(at, at + 3));
        assert_eq!(span.slice(text), "54%");
        let whole = stripped.source_span(Span::new(0, stripped.text().len()));
        assert_eq!(whole.slice(text), text);
    }
}
