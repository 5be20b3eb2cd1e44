//! Reading one sentence: its quantities, left to right, into drafts of
//! targets.
//!
//! - the words from the phrase start (`，`) or the previous quantity to the
//!   number are the lead: indicator, verb, qualifiers;
//! - a number right after a list connector (`8%和10%以上`) continues the
//!   previous target's list and shares its indicator, verb and closing
//!   qualifier;
//! - a number followed by a noun (`对接10家品牌商超`) takes that noun as its
//!   indicator, unless another number follows in the same phrase, which
//!   makes the first a modifier (`税收过2000万企业6家`), or the noun is a
//!   facility measured by the number (`35KV变电站`, `年产25万吨…产业园`);
//! - `力争`/`确保` before an indicator carry to the rest of the sentence.

use crate::lead;
use crate::marker;
use crate::qualifier::{push_unique, verb_before, CARRIED};
use crate::quantity::Quantity;
use crate::tail;
use crate::unit::{complete_bare, UnitClass};
use crate::Kind;

/// Phrase boundaries inside a sentence (`|`: a table cell's edge).
const PHRASE_END: &[char] = &[',', ':', '|'];
/// Where the noun after a number stops.
const TAIL_END: &[char] = &[',', ':', '|', '、', '(', '“', '”'];
/// Words that join the nouns of two counts (`2个集群和6个集群`).
const LIST_JOINS: &[char] = &['和', '及', '与', '或'];

/// Verbs that open a new action in a sentence: `力争`/`确保` before them do
/// not carry past them.
const NEW_ACTION: &[&str] = &["推动", "推进", "加快", "同时"];

/// Verbs that open an indicator and hold for the next items of a `、` list
/// (`新增科技创新平台2个、高新技术企业6家`).
const SHARED_VERBS: &[&str] = &["新增", "新认定", "新培育", "新引进", "新建"];

/// Units a lead ending in `每户`, `每人` … divides by (`每户安装1个` → `个/户`).
const PER_LEAD: &[&str] = &["户", "人", "村"];

/// The targets of one lead under construction: one or more indicators
/// (`项目开工率、投资完成率`) and one or more values (`8%和10%以上`).
/// Offsets are bytes of the folded text.
#[derive(Clone, Debug)]
struct Group<'q> {
    /// Snippet start and end.
    start: usize,
    end: usize,
    /// The indicators named.
    items: Vec<String>,
    /// The values, in order.
    values: Vec<&'q Quantity>,
    /// A verb of growth stood before the first value.
    growth: bool,
    /// That verb says decline.
    decline: bool,
    /// Qualifiers of the lead (carried, local, verb), without closing ones.
    qualifiers: Vec<String>,
    /// Unit divisor read from the lead (`每户` → `/户`).
    per: Option<&'static str>,
}

/// A target under construction; offsets are bytes of the folded text.
#[derive(Clone, Debug)]
pub(crate) struct Draft {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) indicator: String,
    pub(crate) value: f64,
    pub(crate) value_max: Option<f64>,
    pub(crate) placeholder: bool,
    pub(crate) unit: String,
    pub(crate) kind: Kind,
    pub(crate) qualifiers: Vec<String>,
    pub(crate) decline: bool,
}

/// Reads the quantities of one sentence `f[start..end]` into drafts.
pub(crate) fn read(f: &str, start: usize, end: usize, qs: &[&Quantity], out: &mut Vec<Draft>) {
    let mut groups: Vec<Group> = Vec::new();
    let mut carry: Vec<String> = Vec::new();
    let mut prev_end = start;
    let mut pending: Option<usize> = None;
    // a sentence that says 力争 twice marks each target itself
    let carries = carry_words(&f[start..end]).len() <= 1;
    for (i, q) in qs.iter().enumerate() {
        if q.start < prev_end {
            continue; // overlapping reading (a 破零 inside a number's span)
        }
        let phrase = f[prev_end..q.start]
            .rfind(PHRASE_END)
            .map_or(prev_end, |p| prev_end + p + 1);
        let lead_start = pending.take().unwrap_or(phrase);
        let raw = &f[lead_start..q.start];
        // 完成超230个50户以上木质房屋…建设: the second number is part of
        // the first one's noun
        let adjacent = qs.get(i + 1).filter(|n| n.start == q.end && n.start < end);
        let noun_from = adjacent.map_or(q.end, |n| n.end);
        let next_at = if adjacent.is_some() { i + 2 } else { i + 1 };
        let next = qs
            .get(next_at)
            .map_or(end, |n| n.start.min(end))
            .max(noun_from);
        let mut tail_end = f[noun_from..next]
            .find(TAIL_END)
            .map_or(next, |p| noun_from + p);
        let followed = tail_end == next && qs.get(next_at).is_some_and(|n| n.start < end);
        // 2个千亿级产业集群和6个…: a list of nouns, not a modifier
        let listed = followed && f[..tail_end].ends_with(LIST_JOINS);
        if listed {
            tail_end = q.end + f[q.end..tail_end].trim_end_matches(LIST_JOINS).len();
        }
        let mut tail = &f[q.end..tail_end];
        if lead::is_connector(tail) {
            tail = "";
        }
        if q.unit.class == UnitClass::Count && inside_quotes(&f[start..q.start]) {
            continue; // names: “人才新政36条”, “三个基地”
        }
        if q.unit.class == UnitClass::Count && raw.ends_with(['(', '共']) {
            continue; // 方案(共118项), 牵头工作(8项): the items listed below
        }
        if !tail.is_empty() && followed && !listed {
            // a number inside the next target's indicator: 过5亿元以上企业10家;
            // with the values listed before it: 超30亿元或3亿美元项目2个
            let mut from = lead_start;
            if let Some(g) = groups.last() {
                if g.end == lead_start && lead::is_connector(raw.trim_start_matches(PHRASE_END)) {
                    from = g.start;
                    groups.pop();
                }
            }
            pending = Some(from);
            continue;
        }
        prev_end = q.end;
        let opening =
            marker::strip(raw.trim_start_matches(|c| PHRASE_END.contains(&c) || c == '、'));
        if NEW_ACTION.iter().any(|w| opening.starts_with(w)) {
            carry.clear();
        }
        let mut local = carried(raw, &mut carry);
        if !carries {
            local.append(&mut carry);
        }
        if let Some(g) = groups.last_mut() {
            let connector = raw.trim_start_matches(PHRASE_END);
            if g.end == lead_start && lead::is_connector(connector) && tail.is_empty() {
                // a value list: 增长8%和10%以上, 不低于740元/月和485元/月
                g.values.push(q);
                g.end = q.end;
                prev_end = q.end;
                continue;
            }
        }
        if lead::is_spec(raw) {
            continue;
        }
        let read = lead::read(raw);
        if lead::is_cap(&read.indicator, q.unit.class) {
            continue; // 最高不超过500万元: a cap on a payment
        }
        let (verb, _) = verb_before(raw);
        let mut qualifiers = carry.clone();
        for l in local {
            push_unique(&mut qualifiers, &l);
        }
        if q.zero_break {
            push_unique(&mut qualifiers, "突破");
        }
        push_unique(&mut qualifiers, verb);
        if q.rank && ["保持", "稳居", "稳定在"].iter().any(|w| raw.contains(w)) {
            push_unique(&mut qualifiers, "稳定");
        }
        let mut items = if q.rank {
            vec![rank_indicator(&read.indicator)]
        } else if tail.is_empty() {
            read.items()
        } else {
            match tail::indicator(q, raw, &read.indicator, tail, verb) {
                Some(indicator) => vec![indicator],
                None => continue,
            }
        };
        let end_at = if tail.is_empty() { q.end } else { tail_end };
        prev_end = end_at;
        if items.len() == 1 {
            items[0] = complete(&items[0], groups.last().and_then(|g| g.items.last()));
        }
        if let Some(g) = groups.last() {
            // 新增科技创新平台2个、高新技术企业6家: the verb holds for the list
            if g.end == lead_start && raw.starts_with('、') {
                let verb = g
                    .items
                    .first()
                    .and_then(|i| SHARED_VERBS.iter().find(|v| i.starts_with(*v)));
                if let Some(v) = verb {
                    for item in &mut items {
                        if !SHARED_VERBS.iter().any(|w| item.starts_with(w)) {
                            item.insert_str(0, v);
                        }
                    }
                }
            }
        }
        groups.push(Group {
            start: lead_start + (raw.len() - opening.len()),
            end: end_at,
            items,
            values: vec![q],
            growth: read.growth,
            decline: read.decline,
            qualifiers,
            per: PER_LEAD
                .iter()
                .find(|p| raw.contains(&format!("每{p}")))
                .copied(),
        });
    }
    for g in groups {
        expand(g, out);
    }
}

/// Fills in an indicator the lead leaves empty or generic (`增长10%` after
/// `规模工业总产值750亿元`; `总量达到420亿元`) from the previous one.
fn complete(indicator: &str, previous: Option<&String>) -> String {
    let Some(prev) = previous else {
        return indicator.to_string();
    };
    if indicator.is_empty() {
        return prev.clone();
    }
    if matches!(indicator, "总量" | "总额" | "规模" | "面积" | "总面积") {
        return format!("{prev}{indicator}");
    }
    if matches!(
        indicator,
        "总收入" | "收入" | "总产值" | "产值" | "营业收入" | "税收" | "产量"
    ) {
        // 旅游接待总人次突破1000万，总收入突破100亿元: 旅游总收入
        const MEASURES: &[&str] = &[
            "接待",
            "总人次",
            "人次",
            "人数",
            "收入",
            "产值",
            "增加值",
            "播种面积",
            "面积",
        ];
        let cut = MEASURES.iter().filter_map(|m| prev.find(m)).min();
        if let Some(at) = cut.filter(|&at| at > 0) {
            return format!("{}{indicator}", &prev[..at]);
        }
    }
    indicator.to_string()
}

/// The indicator of a rank: the ranking named, verbs dropped
/// (`在全省县域经济考核评价中进入` → `全省县域经济考核评价排名`).
fn rank_indicator(lead: &str) -> String {
    let mut s = lead.to_string();
    for verb in [
        "保持",
        "稳居",
        "稳定在",
        "位居",
        "进入",
        "跻身",
        "挺进",
        "位列",
        "跃升至",
        "升至",
        "均居",
        "居",
    ] {
        s = s.replace(verb, "");
    }
    let s = s.strip_prefix('在').unwrap_or(&s);
    let s = s.strip_suffix('中').unwrap_or(s);
    format!("{s}排名")
}

/// True when `before` (the sentence up to a number) leaves a quotation open.
fn inside_quotes(before: &str) -> bool {
    before.matches('“').count() > before.matches('”').count()
}

/// The sentence-level qualifiers of `text` (`力争`, `确保`): byte offset and
/// fold, in order. `力争` inside `全力争资`, `努力争取` is no qualifier.
fn carry_words(text: &str) -> Vec<(usize, &'static str)> {
    let mut hits: Vec<(usize, &'static str)> = CARRIED
        .iter()
        .flat_map(|(w, f)| text.match_indices(w).map(move |(at, _)| (at, *f)))
        .filter(|(at, _)| !text[..*at].ends_with(['全', '努', '大', '尽', '竭']))
        .collect();
    hits.sort();
    hits
}

/// The sentence-level qualifiers in `raw`: those standing before the
/// indicator join `carry` (they hold for the rest of the sentence); those
/// after it are returned, for this target only.
fn carried(raw: &str, carry: &mut Vec<String>) -> Vec<String> {
    let mut local = Vec::new();
    for (at, fold) in carry_words(raw) {
        let before = lead::read(&raw[..at]);
        if before.indicator.is_empty() {
            push_unique(carry, fold);
        } else {
            push_unique(&mut local, fold);
        }
    }
    local
}

/// The drafts of a group: one per indicator and value, paired
/// respectively when the counts agree (`散居和集中供养孤儿…分别…1200元/月和
/// 1700元/月`); the closing qualifier of the last value holds for the values
/// before it (`8%和10%以上`), the snippet spans the whole list, and `城乡…`
/// with two values reads as 城镇 and 农村.
fn expand(g: Group, out: &mut Vec<Draft>) {
    let (n, m) = (g.items.len(), g.values.len());
    let last_post = g.values.last().map(|q| q.post.clone()).unwrap_or_default();
    for (vi, q) in g.values.iter().enumerate() {
        let indicators: Vec<String> = if m == 1 {
            g.items.clone()
        } else if n == m {
            vec![g.items[vi].clone()]
        } else if n == 1 {
            match (m, g.items[0].strip_prefix("城乡")) {
                (2, Some(rest)) => vec![format!("{}{rest}", ["城镇", "农村"][vi])],
                _ => vec![g.items[0].clone()],
            }
        } else {
            vec![g.items.join("、")]
        };
        let post = if q.post.is_empty() {
            &last_post
        } else {
            &q.post
        };
        let mut qualifiers = g.qualifiers.clone();
        for p in post {
            push_unique(&mut qualifiers, p);
        }
        // 1409万、1305万人次: a bare 万 takes the unit written after the list
        let written_later = g.values[vi..].iter().find(|v| {
            v.unit.class != UnitClass::Bare && v.unit.name.starts_with(q.unit.name.as_str())
        });
        for indicator in indicators {
            let (mut unit, class) = match (q.unit.class, written_later) {
                (UnitClass::Bare, Some(v)) => (v.unit.name.clone(), v.unit.class),
                (UnitClass::Bare, None) => complete_bare(&q.unit.name, &indicator),
                (c, _) => (q.unit.name.clone(), c),
            };
            if let Some(per) = g.per {
                if class == UnitClass::Count && !unit.contains('/') {
                    unit = format!("{unit}/{per}");
                }
            }
            out.push(Draft {
                start: g.start,
                end: g.end,
                kind: kind_of(q, class, g.growth, &indicator),
                decline: g.decline,
                indicator,
                value: q.value,
                value_max: q.value_max,
                placeholder: q.placeholder,
                unit,
                qualifiers: qualifiers.clone(),
            });
        }
    }
}

/// The kind of measure of quantity `q` for `indicator`.
fn kind_of(q: &Quantity, class: UnitClass, growth: bool, indicator: &str) -> Kind {
    const RATES: &[&str] = &["率", "比重", "占比", "比例", "份额"];
    if q.rank {
        return Kind::Rank;
    }
    match class {
        UnitClass::Points => Kind::Change,
        UnitClass::Percent => {
            let rate = RATES.iter().any(|r| indicator.ends_with(r));
            if growth && !rate {
                Kind::GrowthRate
            } else {
                Kind::Share
            }
        }
        UnitClass::Count => Kind::Count,
        _ => Kind::Level,
    }
}
