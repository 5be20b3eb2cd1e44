//! Numbering labels: `附件1`, `一、`, `（一）`, `1.`, `(1)`/`⑴`, `①`, `——`.

/// The numbering styles, outermost first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// `附件1` alone on a line: an attachment plan starts.
    Attachment,
    /// `附件:1. …`: a list of attachments.
    AttachmentList,
    /// `一、`
    Section,
    /// `（一）` / `(一)`
    Group,
    /// `1.` / `1、` / `1 .`
    Task,
    /// `(1)` / `（1）` / `⑴`
    Item,
    /// `①`
    Circled,
    /// `——`
    Bullet,
}

impl Style {
    /// Nesting rank: a style nests inside any style of lower rank.
    pub fn rank(self) -> u8 {
        match self {
            Style::Attachment | Style::AttachmentList => 0,
            Style::Section => 1,
            Style::Group => 2,
            Style::Task => 3,
            Style::Item => 4,
            Style::Circled => 5,
            Style::Bullet => 6,
        }
    }
}

/// A numbering label found at the start of a cleaned line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    /// Its style.
    pub style: Style,
    /// Its number (bullets count 0).
    pub number: u32,
    /// The label as written, trimmed (`(二)`, `1.`).
    pub label: String,
    /// Byte length of the label plus the spaces after it.
    pub len: usize,
}

impl Marker {
    /// The path segment: numerals as written, brackets full-width.
    pub fn segment(&self) -> String {
        match self.style {
            Style::Attachment if self.number == 0 => self.label.clone(),
            Style::Attachment => format!("附件{}", self.number),
            Style::AttachmentList => "附件列表".to_string(),
            Style::Section => chinese_numeral(self.number),
            Style::Group => format!("（{}）", chinese_numeral(self.number)),
            Style::Task => self.number.to_string(),
            Style::Item => format!("（{}）", self.number),
            Style::Circled => circled(self.number),
            Style::Bullet => format!("——{}", self.number),
        }
    }
}

/// Lines that open an end block of their own, like an attachment
/// (`名词解释` after a report, numbered `1.` … inside).
const END_BLOCKS: &[&str] = &["名词解释", "注释", "附注", "附录", "名词注释"];

/// Recognises the label at the start of `line` (already cleaned).
pub fn recognize(line: &str) -> Option<Marker> {
    let bare = line.trim().trim_end_matches([':', '：']);
    if END_BLOCKS.contains(&bare) {
        return Some(Marker {
            style: Style::Attachment,
            number: 0,
            label: bare.to_string(),
            len: line.len(),
        });
    }
    let chars: Vec<(usize, char)> = line.char_indices().take(12).collect();
    let first = chars.first()?.1;
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let byte = |i: usize| chars.get(i).map_or(line.len(), |&(b, _)| b);
    let skip_spaces = |mut i: usize| {
        while at(i).is_some_and(|c| c == ' ' || c == '\u{3000}') {
            i += 1;
        }
        i
    };
    let make = |style, number, end: usize| {
        let len = byte(skip_spaces(end));
        Some(Marker {
            style,
            number,
            label: line[..byte(end)].trim_end().to_string(),
            len,
        })
    };
    if let Some(rest) = line.strip_prefix("附件") {
        let rest_t = rest.trim_start();
        if rest_t.starts_with(':') || rest_t.starts_with('：') {
            return make(Style::AttachmentList, 0, 2);
        }
        let digits: String = rest_t.chars().take_while(|c| c.is_ascii_digit()).collect();
        let after = rest_t[digits.len()..].trim();
        if !digits.is_empty() && (after.is_empty() || after == ":" || after == "：") {
            return Some(Marker {
                style: Style::Attachment,
                number: digits.parse().ok()?,
                label: line.trim().to_string(),
                len: line.len(),
            });
        }
        return None;
    }
    if line.starts_with("——") {
        return make(Style::Bullet, 0, 2);
    }
    if let Some(n) = circled_value(first) {
        return make(Style::Circled, n, 1);
    }
    if let Some(n) = parenthesized_digit_value(first) {
        return make(Style::Item, n, 1);
    }
    if first == '(' || first == '（' {
        let mut i = skip_spaces(1);
        let start = i;
        while at(i).is_some_and(|c| chinese_digit(c).is_some()) {
            i += 1;
        }
        let is_chinese = i > start;
        if !is_chinese {
            while at(i).is_some_and(|c| c.is_ascii_digit()) {
                i += 1;
            }
        }
        if i == start || i - start > 3 {
            return None;
        }
        let numeral: String = chars[start..i].iter().map(|&(_, c)| c).collect();
        let close = skip_spaces(i);
        if !matches!(at(close), Some(')') | Some('）')) {
            return None;
        }
        let mut end = close + 1;
        if at(end) == Some('、') {
            end += 1;
        }
        return if is_chinese {
            make(Style::Group, parse_chinese(&numeral)?, end)
        } else {
            make(Style::Item, numeral.parse().ok()?, end)
        };
    }
    if chinese_digit(first).is_some() {
        let mut i = 0;
        while at(i).is_some_and(|c| chinese_digit(c).is_some()) {
            i += 1;
        }
        if i <= 3 && at(i) == Some('、') {
            let numeral: String = chars[..i].iter().map(|&(_, c)| c).collect();
            return make(Style::Section, parse_chinese(&numeral)?, i + 1);
        }
        return None;
    }
    if first.is_ascii_digit() {
        let mut i = 0;
        while at(i).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
        }
        if i > 2 {
            return None;
        }
        let dot = skip_spaces(i);
        if !matches!(at(dot), Some('.') | Some('．') | Some('、')) {
            return None;
        }
        // `8.5%` is a number, not a label
        if at(dot + 1).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let numeral: String = chars[..i].iter().map(|&(_, c)| c).collect();
        return make(Style::Task, numeral.parse().ok()?, dot + 1);
    }
    None
}

fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        _ => return None,
    })
}

/// `一` → 1, `十` → 10, `十二` → 12, `二十` → 20, `二十三` → 23.
pub fn parse_chinese(s: &str) -> Option<u32> {
    let digits: Vec<u32> = s.chars().map(chinese_digit).collect::<Option<_>>()?;
    match digits.as_slice() {
        [d] => Some(*d),
        [10, d] if *d < 10 => Some(10 + d),
        [d, 10] if *d < 10 => Some(d * 10),
        [d, 10, e] if *d < 10 && *e < 10 => Some(d * 10 + e),
        _ => None,
    }
}

/// 1 → `一`, 12 → `十二`, 23 → `二十三`.
pub fn chinese_numeral(n: u32) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0 => "〇".to_string(),
        1..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", D[(n - 10) as usize]),
        20..=99 => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
        _ => n.to_string(),
    }
}

fn circled_value(c: char) -> Option<u32> {
    let c = c as u32;
    (0x2460..=0x2473).contains(&c).then(|| c - 0x2460 + 1)
}

fn parenthesized_digit_value(c: char) -> Option<u32> {
    let c = c as u32;
    (0x2474..=0x2487).contains(&c).then(|| c - 0x2474 + 1)
}

fn circled(n: u32) -> String {
    char::from_u32(0x2460 + n.saturating_sub(1))
        .filter(|_| (1..=20).contains(&n))
        .map_or_else(|| format!("({n})"), String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(line: &str) -> Option<(Style, String, String)> {
        recognize(line).map(|m| (m.style, m.segment(), m.label))
    }

    #[test]
    fn recognises_every_style() {
        assert_eq!(
            seg("一、工作目标"),
            Some((Style::Section, "一".into(), "一、".into()))
        );
        assert_eq!(
            seg("十二、其他"),
            Some((Style::Section, "十二".into(), "十二、".into()))
        );
        assert_eq!(
            seg("(二) 着力扩大有效投资。"),
            Some((Style::Group, "（二）".into(), "(二)".into()))
        );
        assert_eq!(
            seg("（一）加强部门协同"),
            Some((Style::Group, "（一）".into(), "（一）".into()))
        );
        assert_eq!(
            seg("1. 强化政策协同。"),
            Some((Style::Task, "1".into(), "1.".into()))
        );
        assert_eq!(
            seg("3、加快"),
            Some((Style::Task, "3".into(), "3、".into()))
        );
        assert_eq!(
            seg("1 .进一步"),
            Some((Style::Task, "1".into(), "1 .".into()))
        );
        assert_eq!(
            seg("(13)开展"),
            Some((Style::Item, "（13）".into(), "(13)".into()))
        );
        assert_eq!(
            seg("⑵推进"),
            Some((Style::Item, "（2）".into(), "⑵".into()))
        );
        assert_eq!(seg("③推进"), Some((Style::Circled, "③".into(), "③".into())));
        assert_eq!(
            seg("附件1"),
            Some((Style::Attachment, "附件1".into(), "附件1".into()))
        );
        assert_eq!(
            seg("附件 1"),
            Some((Style::Attachment, "附件1".into(), "附件 1".into()))
        );
        assert_eq!(
            seg("名词解释"),
            Some((Style::Attachment, "名词解释".into(), "名词解释".into()))
        );
        assert_eq!(
            seg("附件:1. 内需扩量提效攻坚实施方案").map(|s| s.0),
            Some(Style::AttachmentList)
        );
        assert_eq!(
            seg("——产业培育加力提速。").map(|s| s.0),
            Some(Style::Bullet)
        );
    }

    #[test]
    fn numerals_inside_sentences_are_not_labels() {
        assert_eq!(seg("二期项目拿到煤电指标"), None);
        assert_eq!(seg("8.5%以上"), None);
        assert_eq!(seg("2023年内"), None);
        assert_eq!(seg("100个以上"), None);
        assert_eq!(seg("（含华电平江电厂）"), None);
        assert_eq!(seg("附件内容"), None);
        assert_eq!(seg("三是加强"), None);
    }

    #[test]
    fn label_length_covers_trailing_spaces() {
        let m = recognize("1.  强化").unwrap();
        assert_eq!(&"1.  强化"[m.len..], "强化");
    }

    #[test]
    fn chinese_numerals_round_trip() {
        for n in 1..=99 {
            assert_eq!(parse_chinese(&chinese_numeral(n)), Some(n), "{n}");
        }
    }
}
