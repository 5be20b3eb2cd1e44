//! When: the date a plan was issued (its signature line), the date its page
//! was published, its document number (`绛政办发〔2023〕14号`) and the year
//! it is for.

use std::sync::OnceLock;

use regex::Regex;

use super::head::Line;

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid pattern"))
}

/// Chinese numerals of dates (`二〇二三`, `十二`) as a number.
fn numeral(s: &str) -> Option<u32> {
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .find(c)
            .map(|i| (i / 3) as u32)
            .or(match c {
                '零' | '○' | 'О' | 'O' | '0' => Some(0),
                _ => None,
            })
    };
    if s.chars().all(|c| digit(c).is_some()) {
        return s.chars().try_fold(0u32, |n, c| Some(n * 10 + digit(c)?));
    }
    // 十, 十二, 二十, 二十一
    let (tens, units) = s.split_once('十')?;
    let t = if tens.is_empty() { 1 } else { numeral(tens)? };
    let u = if units.is_empty() { 0 } else { numeral(units)? };
    Some(t * 10 + u)
}

fn iso(y: u32, m: u32, d: u32) -> Option<String> {
    ((1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// A line that is only a date (`2023年9月1日`, `二〇二三年九月一日`,
/// `(2023年9月1日)`): a signature date.
pub fn signature_date(folded: &str) -> Option<String> {
    static DIGITS: OnceLock<Regex> = OnceLock::new();
    static HAN: OnceLock<Regex> = OnceLock::new();
    let s = folded.trim_matches(|c| matches!(c, '(' | ')' | '[' | ']'));
    if let Some(c) = re(&DIGITS, r"^(\d{4})年(\d{1,2})月(\d{1,2})日$").captures(s) {
        return iso(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    }
    let c = re(
        &HAN,
        r"^([〇零○О0一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$",
    )
    .captures(s)?;
    iso(numeral(&c[1])?, numeral(&c[2])?, numeral(&c[3])?)
}

/// `发布日期:2023-09-01`, `成文日期:2023年9月1日` on a page's info line.
pub fn labelled_date(folded: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let c = re(
        &RE,
        r"(?:发布日期|发文日期|成文日期|发布时间|印发日期)[:]?(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})",
    )
    .captures(folded)?;
    iso(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

/// `——2024年2月28日在苍梧县第十七届人民代表大会…`: the day a report was
/// delivered to a congress.
pub fn meeting_date(folded: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    if !folded.contains('届') && !folded.contains("会议") {
        return None;
    }
    let c = re(&RE, r"(?:^|—)[—\-–]*在?(\d{4})年(\d{1,2})月(\d{1,2})日").captures(folded)?;
    iso(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

/// A document number standing on its own line: `绛政办发〔2023〕14号`,
/// `鞍政发[2024]1号`; written back with `〔〕`.
pub fn doc_number(folded: &str) -> Option<(String, u16)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let c = re(
        &RE,
        r"(\p{Han}{1,12}?[发函字文令办规电报通告])[〔\[【(]((?:19|20)\d\d)[〕\]】)]第?(\d{1,5})号",
    )
    .captures(folded)?;
    let whole = c.get(0)?;
    // the line is the number (with a little around it), not a citation
    if folded.chars().count() > whole.as_str().chars().count() + 8 {
        return None;
    }
    Some((
        format!("{}〔{}〕{}号", &c[1], &c[2], &c[3]),
        c[2].parse().ok()?,
    ))
}

/// The year a title names: the first of a range (`(2023—2025年)`), else
/// the first `2024年` / `二〇二四年`.
pub fn title_year(title: &str) -> Option<u16> {
    static RANGE: OnceLock<Regex> = OnceLock::new();
    static YEAR: OnceLock<Regex> = OnceLock::new();
    static HAN: OnceLock<Regex> = OnceLock::new();
    let ok = |y: u32| (2000..=2100).contains(&y).then_some(y as u16);
    if let Some(c) =
        re(&RANGE, r"((?:19|20)\d\d)\s*[-—–~～至到]+\s*(?:19|20)\d\d年").captures(title)
    {
        return ok(c[1].parse().ok()?);
    }
    if let Some(c) = re(&YEAR, r"((?:19|20)\d\d)年").captures(title) {
        return ok(c[1].parse().ok()?);
    }
    let c = re(&HAN, r"([〇零○一二三四五六七八九]{4})年").captures(title)?;
    ok(numeral(&c[1])?)
}

/// What the head and tail say about when: (signature date, labelled date,
/// document number with its year), each with the line it came from.
#[derive(Debug, Default)]
pub struct When {
    /// The signature date and its line.
    pub signed: Option<(String, usize)>,
    /// A page's publication date and its line.
    pub labelled: Option<(String, usize)>,
    /// The document number, its year and its line.
    pub number: Option<(String, u16, usize)>,
    /// The day a report was delivered to a congress, and its line.
    pub meeting: Option<(String, usize)>,
}

/// Reads [`When`] from the lines: the first of each in the head, else in
/// the tail.
pub fn when(lines: &[Line]) -> When {
    let mut w = When::default();
    for tail in [false, true] {
        for l in lines.iter().filter(|l| l.tail == tail) {
            if w.signed.is_none() {
                w.signed = signature_date(&l.folded).map(|d| (d, l.no));
            }
            if w.labelled.is_none() {
                w.labelled = labelled_date(&l.folded).map(|d| (d, l.no));
            }
            if w.meeting.is_none() && !tail {
                w.meeting = meeting_date(&l.folded).map(|d| (d, l.no));
            }
            if w.number.is_none() && !tail {
                w.number = doc_number(&l.folded).map(|(n, y)| (n, y, l.no));
            }
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_figures_and_in_words() {
        assert_eq!(
            signature_date("2023年9月1日").as_deref(),
            Some("2023-09-01")
        );
        assert_eq!(
            signature_date("二〇二三年十二月二十一日").as_deref(),
            Some("2023-12-21")
        );
        assert_eq!(
            signature_date("(2024年1月5日)").as_deref(),
            Some("2024-01-05")
        );
        assert_eq!(signature_date("2023年9月1日前完成"), None);
        assert_eq!(
            labelled_date("发布日期:2023-09-0110:51来源:绛县人民政府").as_deref(),
            Some("2023-09-01")
        );
    }

    #[test]
    fn the_day_a_report_was_delivered() {
        assert_eq!(
            meeting_date("——2024年2月28日在苍梧县第十七届").as_deref(),
            Some("2024-02-28")
        );
        assert_eq!(meeting_date("2024年2月28日,全县"), None);
        assert_eq!(
            meeting_date("政府工作报告——在2025年12月29日三明市沙县区第十八届人民代表大会")
                .as_deref(),
            Some("2025-12-29")
        );
    }

    #[test]
    fn numbers_on_their_own_line_only() {
        assert_eq!(
            doc_number("绛政办发〔2023〕14号"),
            Some(("绛政办发〔2023〕14号".into(), 2023))
        );
        assert_eq!(
            doc_number("鞍政发[2024]1号"),
            Some(("鞍政发〔2024〕1号".into(), 2024))
        );
        assert_eq!(
            doc_number(
                "根据《山西省人民政府关于印发某方案的通知》(晋政发〔2022〕3号)精神,结合实际"
            ),
            None
        );
    }

    #[test]
    fn title_years() {
        assert_eq!(title_year("某县三年行动方案(2023—2025年)"), Some(2023));
        assert_eq!(title_year("2024年政府工作报告重点任务分解"), Some(2024));
        assert_eq!(title_year("二〇二四年工作要点"), Some(2024));
        assert_eq!(title_year("工作方案"), None);
    }
}
