//! List markers at the start of a phrase: `——`, `•`, `1.`, `(2)`, `(三)`,
//! `四、`, `一是`, a table cell's `|`. A plan's list puts them in front of
//! its items (`——地区生产总值增长5%`, `2.规模以上工业增加值增长6%`); they
//! number or decorate the item and are no part of its indicator.

/// Chinese numerals that number list items.
const HAN_DIGITS: &str = "一二三四五六七八九十";

/// Bullets and decorations, one character each (repeated: `——`).
const BULLETS: &str = "—―-–•·●○■□◆◇★☆▲△▶►※*#>?|√✓◎";

/// Byte length of the list markers at the start of `s` (folded text):
/// several may follow each other (`|1.`, `——(一)`).
pub(crate) fn marker_len(s: &str) -> usize {
    let mut at = 0;
    while let Some(n) = one_marker(&s[at..]) {
        at += n;
    }
    at
}

/// `s` without its leading list markers.
pub(crate) fn strip(s: &str) -> &str {
    &s[marker_len(s)..]
}

/// Byte length of one marker at the start of `s`.
fn one_marker(s: &str) -> Option<usize> {
    let first = s.chars().next()?;
    if BULLETS.contains(first) {
        return Some(first.len_utf8());
    }
    if first.is_ascii_digit() {
        // 1. 2、 3) but not 2.5
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        let rest = &s[digits..];
        let close = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '.' | '、' | ')'));
        let after = close.map(|c| &rest[c.len_utf8()..]);
        let decimal = after.is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()));
        return match close {
            Some(c) if digits <= 3 && !decimal => Some(digits + c.len_utf8()),
            _ => None,
        };
    }
    if first == '(' {
        // (1) (一)
        let inner = s[1..].find(')')?;
        let label = &s[1..1 + inner];
        let numbered = (1..=3).contains(&label.chars().count())
            && (label.chars().all(|c| c.is_ascii_digit())
                || label.chars().all(|c| HAN_DIGITS.contains(c)));
        return numbered.then_some(1 + inner + 1);
    }
    // 四、 一是 (not 一、二、三产业: a list of numerals is a name)
    let numerals: usize = s
        .chars()
        .take_while(|c| HAN_DIGITS.contains(*c))
        .map(char::len_utf8)
        .sum();
    if numerals == 0 || numerals > 3 * '十'.len_utf8() {
        return None;
    }
    let rest = &s[numerals..];
    if let Some(after) = rest.strip_prefix('、') {
        let listed = after.starts_with(|c: char| HAN_DIGITS.contains(c));
        return (!listed).then_some(numerals + '、'.len_utf8());
    }
    rest.starts_with('是').then_some(numerals + '是'.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_stripped() {
        for (text, rest) in [
            ("——地区生产总值增长", "地区生产总值增长"),
            ("2.规模上工业增加值增速", "规模上工业增加值增速"),
            ("(3)固定资产投资", "固定资产投资"),
            ("(十二)进出口总额", "进出口总额"),
            ("四、社会消费品零售总额", "社会消费品零售总额"),
            ("一是主要指标", "主要指标"),
            ("|12、|新增企业", "新增企业"),
            ("★•城镇新增就业", "城镇新增就业"),
        ] {
            assert_eq!(strip(text), rest, "{text}");
        }
    }

    #[test]
    fn numbers_and_names_stay() {
        for text in [
            "2.5万亩",
            "一、二、三产业增加值",
            "十四五期间",
            "(含汾湖)",
            "统一是",
            "5G基站",
            "1000米",
        ] {
            assert_eq!(strip(text), text);
        }
    }
}
