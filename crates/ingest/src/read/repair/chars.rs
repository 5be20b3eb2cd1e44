//! Cleaning the characters of one extracted line: spaces between Han
//! characters go, runs of other spaces become one, full-width digits and
//! Latin letters become half-width. Each output character keeps the byte
//! range of the extraction it stands for.

use fangan_model::{MappedTextBuilder, Span};

use super::is_space;

/// Appends the cleaned text of `raw[span]` (a line without indentation or
/// trailing space) to `b`.
pub fn push_clean(b: &mut MappedTextBuilder, raw: &str, span: Span) {
    let text = span.slice(raw);
    let mut gap: Option<Span> = None;
    for (i, c) in text.char_indices() {
        let at = span.start + i;
        let here = Span::new(at, at + c.len_utf8());
        if is_space(c) {
            gap = Some(gap.map_or(here, |g| Span::new(g.start, here.end)));
            continue;
        }
        if let Some(g) = gap.take() {
            let at_start = b.is_empty() || b.text().ends_with('\n');
            let between_wide = is_wide(c) && b.text().chars().next_back().is_some_and(is_wide);
            if !(at_start || between_wide) {
                b.push(' ', g);
            }
        }
        b.push(half_width(c), here);
    }
}

/// Full-width digits and Latin letters as ASCII; anything else unchanged.
pub fn half_width(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// East Asian wide characters (CJK ideographs and punctuation, kana,
/// hangul, full-width forms): a space between two of them is layout.
pub fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> (String, fangan_model::MappedText) {
        let mut b = MappedTextBuilder::new();
        push_clean(&mut b, s, Span::new(0, s.len()));
        let m = b.build();
        (m.text().to_string(), m)
    }

    #[test]
    fn han_spaces_go_other_runs_become_one() {
        assert_eq!(clean("关 于 印 发").0, "关于印发");
        assert_eq!(clean("增长   5%左右，（ 一 ）").0, "增长 5%左右，（一）");
        assert_eq!(clean("指标\u{3000}\u{3000}目标").0, "指标目标");
        assert_eq!(clean("GDP   growth").0, "GDP growth");
    }

    #[test]
    fn full_width_digits_and_letters_are_folded_and_mapped() {
        let s = "２０２６年建成５Ｇ基站";
        let (text, m) = clean(s);
        assert_eq!(text, "2026年建成5G基站");
        let at = text.find("5G").unwrap();
        assert_eq!(m.source_span(Span::new(at, at + 2)).slice(s), "５Ｇ");
        assert_eq!(half_width('％'), '％');
    }
}
