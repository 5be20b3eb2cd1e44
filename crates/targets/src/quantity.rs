//! Quantities: a number (or a range, or a placeholder) with a unit and the
//! qualifier words that close it (`以上`, `左右`), found in folded text.
//!
//! This is the low-level scan; it knows nothing of indicators. It rejects
//! what is a number but not a quantity: road codes (`G536`), decimals of
//! names (`PM2.5`), ordinals (`第三届`), dates and document numbers (no unit).

use std::sync::LazyLock;

use regex::Regex;

use crate::unit::{is_duration, unit_at, Unit, UnitClass};

/// A quantity found in folded text; offsets are bytes of that text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Quantity {
    /// First byte of the number (or of `前` for a rank).
    pub(crate) start: usize,
    /// One past the unit.
    pub(crate) unit_end: usize,
    /// One past the closing qualifiers (`以上`), = `unit_end` when none.
    pub(crate) end: usize,
    /// The number, `NaN` for a placeholder.
    pub(crate) value: f64,
    /// Upper end of a range.
    pub(crate) value_max: Option<f64>,
    /// The plan wrote `x` or `××`.
    pub(crate) placeholder: bool,
    /// The unit.
    pub(crate) unit: Unit,
    /// Written as `前13名`, `第3位`.
    pub(crate) rank: bool,
    /// Closing qualifiers, folded (`以上`, `左右`, `以内`).
    pub(crate) post: Vec<&'static str>,
    /// Written as `破零`: a threshold of zero.
    pub(crate) zero_break: bool,
}

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[xX×]+(?:\.[xX×]+)?)
        (?:(?:-|~|—|–|至|到)(?P<max>\d+(?:\.\d+)?))?",
    )
    .expect("number pattern")
});

/// The second end of a range written with its unit on both ends (`5%-6%`).
static RANGE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:-|~|—|–|至|到)(\d+(?:\.\d+)?)").expect("range pattern"));

/// Chinese numerals are read only in `新增一家`-like phrases: elsewhere
/// `一个`, `三项` are words (`一个中心`, `三项指标`), not targets.
static HAN_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:新增|新培育|新认定|培育|引进|新建|建成|创建)(?P<num>[一两二三四五六七八九十]{1,3})(?P<unit>家|所|座)")
        .expect("han count pattern")
});

/// An amount written in Chinese numerals after a verb of reaching
/// (`总量超过五千亿`, `突破一千万元`).
static HAN_AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:超过|突破|达到|超)(?P<num>[一二两三四五六七八九十百千]{1,5})(?P<unit>万亿元|亿元|万元|万亿|亿|万)")
        .expect("han amount pattern")
});

/// A rank written in Chinese numerals (`保持全省前十`, `进入全国前五十名`);
/// the words before it must name a ranking, so `前三季度` is no rank.
static HAN_RANK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:全省|全市|全国|全区|全州|排名|排位|进入|保持|位居|跻身|稳居|挺进)[^,;。、]{0,8}?前(?P<num>[一二两三四五六七八九十百]{1,3})(?P<unit>名|位|强)?",
    )
    .expect("han rank pattern")
});

/// Closing qualifiers right after the unit, longest first, with their fold.
const POST: &[(&str, &str)] = &[
    ("及以上", "以上"),
    ("以上", "以上"),
    ("之上", "以上"),
    ("左右", "左右"),
    ("上下", "左右"),
    ("以内", "以内"),
    ("之内", "以内"),
    ("及以下", "以内"),
    ("以下", "以内"),
];

/// All quantities of `text` (folded), in order.
pub(crate) fn scan(text: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut consumed = 0;
    for caps in NUMBER.captures_iter(text) {
        let m = caps.get(0).expect("whole match");
        if m.start() < consumed {
            continue; // the second end of a range already read
        }
        let num = &caps["num"];
        let before = text[..m.start()].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == '×' || c == '/') {
            continue; // G536, PM2.5, 3×3, 元/2
        }
        let rest = &text[m.end()..];
        if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue; // 5G, 35KV, 4A级
        }
        if num.len() > 1 && num.starts_with('0') && num.as_bytes()[1].is_ascii_digit() {
            continue; // 01名: a serial number, not a count
        }
        let placeholder = !num.starts_with(|c: char| c.is_ascii_digit());
        let before_text = &text[..m.start()];
        let rank = (before_text.ends_with('前') || before_text.ends_with('第'))
            && (rest.starts_with('名') || rest.starts_with('位'));
        if before_text.ends_with('第') && !rank {
            continue; // 第3届, 第二批
        }
        let Some(unit) = unit_at(rest) else { continue };
        if unit.class == UnitClass::Skip {
            continue;
        }
        let value = if placeholder {
            f64::NAN
        } else {
            num.replace(',', "").parse().unwrap_or(f64::NAN)
        };
        let mut value_max = caps.name("max").and_then(|x| x.as_str().parse().ok());
        let mut unit_end = m.end() + unit.len;
        if value_max.is_none() {
            if let Some(r) = RANGE_END.captures(&text[unit_end..]) {
                let after = unit_end + r.get(0).expect("whole").end();
                if let Some(u) = unit_at(&text[after..]).filter(|u| u.name == unit.name) {
                    value_max = r[1].parse().ok();
                    unit_end = after + u.len;
                }
            }
        }
        consumed = unit_end;
        let start = if rank {
            m.start() - '前'.len_utf8()
        } else {
            m.start()
        };
        out.push(close(
            text,
            Quantity {
                value_max,
                placeholder,
                rank,
                ..Quantity::new(start, unit_end, value, unit)
            },
        ));
    }
    for caps in HAN_COUNT.captures_iter(text) {
        let num = caps.name("num").expect("numeral");
        let unit = caps.name("unit").expect("unit");
        let Some(value) = han_number(num.as_str()) else {
            continue;
        };
        let unit = Unit {
            name: unit.as_str().to_string(),
            class: UnitClass::Count,
            len: unit.len(),
        };
        let unit_end = num.end() + unit.len;
        out.push(close(
            text,
            Quantity::new(num.start(), unit_end, value, unit),
        ));
    }
    for caps in HAN_AMOUNT.captures_iter(text) {
        let (num, unit) = (&caps["num"], caps.name("unit").expect("unit"));
        let (Some(value), Some(unit)) = (han_number(num), unit_at(unit.as_str())) else {
            continue;
        };
        let start = caps.name("num").expect("numeral").start();
        let unit_end = caps.get(0).expect("whole").end();
        out.push(close(text, Quantity::new(start, unit_end, value, unit)));
    }
    for caps in HAN_RANK.captures_iter(text) {
        let num = caps.name("num").expect("numeral");
        let after = caps.get(0).expect("whole").end();
        if text[after..].starts_with([
            '季', '年', '月', '个', '天', '批', '日', '周', '期', '次', '届', '项',
        ]) {
            continue;
        }
        let Some(value) = han_number(num.as_str()) else {
            continue;
        };
        let unit = Unit {
            name: "名".to_string(),
            class: UnitClass::Count,
            len: caps.name("unit").map_or(0, |u| u.len()),
        };
        let (start, unit_end) = (num.start() - '前'.len_utf8(), num.end() + unit.len);
        out.push(close(
            text,
            Quantity {
                rank: true,
                ..Quantity::new(start, unit_end, value, unit)
            },
        ));
    }
    for (at, _) in text.match_indices("破零") {
        let unit = Unit {
            name: String::new(),
            class: UnitClass::Measure,
            len: 0,
        };
        out.push(Quantity {
            zero_break: true,
            ..Quantity::new(at, at + "破零".len(), 0.0, unit)
        });
    }
    out.sort_by_key(|q| q.start);
    out
}

impl Quantity {
    /// A plain quantity from `start` to `unit_end`: no range, no qualifier.
    fn new(start: usize, unit_end: usize, value: f64, unit: Unit) -> Quantity {
        Quantity {
            start,
            unit_end,
            end: unit_end,
            value,
            value_max: None,
            placeholder: false,
            unit,
            rank: false,
            post: Vec::new(),
            zero_break: false,
        }
    }
}

/// `q` with the closing qualifiers of `text` after its unit; a time
/// followed by `内` is a limit (`3个工作日内`).
fn close(text: &str, mut q: Quantity) -> Quantity {
    while let Some((w, f)) = POST.iter().find(|(w, _)| text[q.end..].starts_with(w)) {
        q.end += w.len();
        if !q.post.contains(f) {
            q.post.push(*f);
        }
    }
    if q.post.is_empty() && is_duration(&q.unit.name) && text[q.end..].starts_with('内') {
        q.end += '内'.len_utf8();
        q.post.push("以内");
    }
    q
}

/// Value of a small Chinese numeral (`一`, `两`, `十二`, `三十`).
fn han_number(s: &str) -> Option<f64> {
    let digit = |c: char| {
        "零一二三四五六七八九"
            .find(c)
            .map(|i| (i / 3) as f64)
            .or((c == '两').then_some(2.0))
    };
    let mut total = 0.0;
    let mut current = 0.0;
    for c in s.chars() {
        match c {
            '十' => {
                total += if current == 0.0 { 10.0 } else { current * 10.0 };
                current = 0.0;
            }
            '百' => {
                total += current * 100.0;
                current = 0.0;
            }
            '千' => {
                total += current * 1000.0;
                current = 0.0;
            }
            _ => current = digit(c)?,
        }
    }
    Some(total + current)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Quantity {
        let qs = scan(text);
        assert_eq!(qs.len(), 1, "{text}: {qs:?}");
        qs.into_iter().next().unwrap()
    }

    #[test]
    fn number_unit_and_closing_qualifier() {
        let q = one("地区生产总值增长8%以上,");
        assert_eq!((q.value, q.unit.name.as_str()), (8.0, "%"));
        assert_eq!(q.post, vec!["以上"]);
        assert_eq!(&"地区生产总值增长8%以上,"[q.start..q.end], "8%以上");
    }

    #[test]
    fn a_time_followed_by_nei_is_a_limit() {
        let q = one("环评报告书14个工作日内完成审批");
        assert_eq!(q.post, vec!["以内"]);
        assert_eq!(q.unit.name, "个工作日");
        assert!(one("3小时内").post == vec!["以内"]);
        assert!(one("建设100公里内河航道").post.is_empty());
    }

    #[test]
    fn ranges_keep_both_ends() {
        let q = one("突破关键核心技术攻关1-2项");
        assert_eq!((q.value, q.value_max), (1.0, Some(2.0)));
        let q = one("培育3至5家");
        assert_eq!((q.value, q.value_max), (3.0, Some(5.0)));
        let text = "增长5%-6%,";
        let q = one(text);
        assert_eq!((q.value, q.value_max), (5.0, Some(6.0)));
        assert_eq!(&text[q.start..q.end], "5%-6%");
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(one("达到1,200家").value, 1200.0);
        assert_eq!(scan("增长8%,10%").len(), 2);
    }

    #[test]
    fn placeholders_are_quantities_without_value() {
        for text in ["增长x%以上", "达到××亿元", "增长X.X%"] {
            let q = one(text);
            assert!(q.placeholder && q.value.is_nan(), "{text}");
        }
    }

    #[test]
    fn non_quantities() {
        for text in [
            "加快G536丁家垅至天岳公路",
            "35KV变电站",
            "2023年",
            "岳政发〔2023〕5号",
            "第三届",
            "第8届",
            "PM2.5平均浓度",
            "5G基站",
            "“3×3”现代化产业体系",
            "3个月内",
            "01名称",
            "编号007号",
        ] {
            assert!(scan(text).is_empty(), "{text}: {:?}", scan(text));
        }
    }

    #[test]
    fn han_numerals_only_after_a_target_verb() {
        assert_eq!(one("力争新培育一家省级").value, 1.0);
        assert!(scan("打造一个中心、三项指标").is_empty());
        assert_eq!(han_number("十二"), Some(12.0));
        assert_eq!(han_number("三十"), Some(30.0));
        assert_eq!(han_number("两"), Some(2.0));
        assert_eq!(han_number("五千"), Some(5000.0));
        let q = one("集群总量超过五千亿规模");
        assert_eq!((q.value, q.unit.name.as_str()), (5000.0, "亿"));
        assert!(scan("五千亿规模").is_empty(), "no verb, no amount");
    }

    #[test]
    fn ranks_and_zero_breaks() {
        let q = one("进入前13名");
        assert!(q.rank);
        assert_eq!(q.value, 13.0);
        let q = one("经济总量保持全省前十,");
        assert!(q.rank);
        assert_eq!((q.value, q.unit.name.as_str()), (10.0, "名"));
        assert!(scan("前三季度").is_empty());
        assert!(scan("全市前三季度").is_empty());
        let q = one("对非贸易额实现破零");
        assert!(q.zero_break && q.value == 0.0);
    }
}
