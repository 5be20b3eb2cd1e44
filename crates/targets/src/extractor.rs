//! The [`Extractor`]: folded text in, [`Target`]s out.
//!
//! The text is folded (width, white space, traditional characters) with a
//! map back to the input, cut into sentences (`。`, `；`, line breaks), and
//! each sentence's quantities are read left to right:
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

use fangan_model::{fold, MappedText, Span};

use crate::indicators::{IndicatorTable, DEFAULT_TABLE};
use crate::lead;
use crate::qualifier::{push_unique, verb_before, CARRIED};
use crate::quantity::{scan, Quantity};
use crate::unit::{complete_bare, UnitClass};
use crate::{Kind, Result, Target};

/// Sentence ends (in folded text).
const SENTENCE_END: &[char] = &['。', ';', '!', '?', '\n'];
/// Phrase boundaries inside a sentence.
const PHRASE_END: &[char] = &[',', ':'];
/// Where the noun after a number stops.
const TAIL_END: &[char] = &[',', ':', '、', '(', '“', '”'];

/// Nouns after a count that make it a count of documents or measures, not a
/// target (`27项工作要点`, `36条措施`).
const DOCUMENT_NOUNS: &[&str] = &[
    "要点", "措施", "举措", "政策", "意见", "方案", "文件", "通知", "办法", "细则", "条例", "清单",
    "指标",
];

/// Verbs that open a new action in a sentence: `力争`/`确保` before them do
/// not carry past them.
const NEW_ACTION: &[&str] = &["推动", "推进", "加快", "同时"];

/// Nouns of money that a sum may stand before and still be a target
/// (`10.8亿元铁路专用线专项债`).
const MONEY_NOUNS: &[&str] = &["债", "资金", "贷款", "基金", "投资", "投入", "经费"];

/// Verbs that open an indicator and hold for the next items of a `、` list
/// (`新增科技创新平台2个、高新技术企业6家`).
const SHARED_VERBS: &[&str] = &["新增", "新认定", "新培育", "新引进", "新建"];

/// Units a lead ending in `每户`, `每人` … divides by (`每户安装1个` → `个/户`).
const PER_LEAD: &[&str] = &["户", "人", "村"];

#[derive(Clone, Debug)]
struct Config {
    table: Option<(String, String)>,
    placeholders: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            table: None,
            placeholders: true,
        }
    }
}

/// Configures an [`Extractor`].
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    config: Config,
}

impl ExtractorBuilder {
    /// A builder with the embedded indicator table and placeholders kept.
    pub fn new() -> Self {
        Self::default()
    }

    /// Uses the indicator table `toml` (the shape of
    /// `data/indicators.toml`) instead of the embedded one; `origin` names
    /// it in errors.
    pub fn indicators(&mut self, toml: &str, origin: &str) -> &mut Self {
        self.config.table = Some((toml.to_string(), origin.to_string()));
        self
    }

    /// Whether targets written with a placeholder (`增长x%`) are returned
    /// (default: yes, with `value` NaN and `placeholder` set).
    pub fn placeholders(&mut self, yes: bool) -> &mut Self {
        self.config.placeholders = yes;
        self
    }

    /// Builds the extractor; fails when the indicator table is invalid.
    pub fn build(&self) -> Result<Extractor> {
        let table = match &self.config.table {
            Some((toml, origin)) => IndicatorTable::parse(toml, origin)?,
            None => IndicatorTable::parse(DEFAULT_TABLE, "data/indicators.toml")?,
        };
        Ok(Extractor {
            table,
            placeholders: self.config.placeholders,
        })
    }
}

/// Finds numeric targets in text. Build once, use for every clause.
#[derive(Clone, Debug)]
pub struct Extractor {
    table: IndicatorTable,
    placeholders: bool,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

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
    /// Qualifiers of the lead (carried, local, verb), without closing ones.
    qualifiers: Vec<String>,
    /// Unit divisor read from the lead (`每户` → `/户`).
    per: Option<&'static str>,
}

/// A target under construction; offsets are bytes of the folded text.
#[derive(Clone, Debug)]
struct Draft {
    start: usize,
    end: usize,
    indicator: String,
    value: f64,
    value_max: Option<f64>,
    placeholder: bool,
    unit: String,
    kind: Kind,
    qualifiers: Vec<String>,
}

impl Extractor {
    /// An extractor with the embedded indicator table.
    pub fn new() -> Extractor {
        ExtractorBuilder::new()
            .build()
            .expect("the embedded indicator table is valid")
    }

    /// A builder, to change the indicator table or drop placeholders.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// The canonical name of `indicator` measured as `kind`
    /// (`全社会固定资产投资`, growth rate → `固定资产投资增速`).
    pub fn canonical(&self, indicator: &str, kind: Kind) -> String {
        self.table.canonical(indicator, kind)
    }

    /// All targets of `text`, in order of appearance; spans are byte ranges
    /// of `text`.
    pub fn extract(&self, text: &str) -> Vec<Target> {
        // a line break ends a sentence; folding would drop it, so fold by line
        let mut out = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            self.extract_line(text, offset, line.trim_end_matches(['\n', '\r']), &mut out);
            offset += line.len();
        }
        out
    }

    /// The targets of `line`, which starts at byte `offset` of `text`.
    fn extract_line(&self, text: &str, offset: usize, line: &str, out: &mut Vec<Target>) {
        let folded = fold::fold(line);
        let f = folded.text();
        let quantities = scan(f);
        if quantities.is_empty() {
            return;
        }
        let mut drafts = Vec::new();
        let mut start = 0;
        while start < f.len() {
            let end = f[start..].find(SENTENCE_END).map_or(f.len(), |i| start + i);
            let in_sentence: Vec<&Quantity> = quantities
                .iter()
                .filter(|q| q.start >= start && q.start < end)
                .collect();
            if !in_sentence.is_empty() {
                self.sentence(f, start, end, &in_sentence, &mut drafts);
            }
            start = end + f[end..].chars().next().map_or(1, char::len_utf8);
        }
        out.extend(
            drafts
                .into_iter()
                .filter(|d| self.placeholders || !d.placeholder)
                .map(|d| self.finish(text, offset, &folded, d)),
        );
    }

    /// Reads the quantities of one sentence `f[start..end]` into drafts.
    fn sentence(&self, f: &str, start: usize, end: usize, qs: &[&Quantity], out: &mut Vec<Draft>) {
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
            let next = qs.get(i + 1).map_or(end, |n| n.start.min(end)).max(q.end);
            let tail_end = f[q.end..next].find(TAIL_END).map_or(next, |p| q.end + p);
            let mut tail = &f[q.end..tail_end];
            if lead::is_connector(tail) {
                tail = "";
            }
            if q.unit.class == UnitClass::Count && inside_quotes(&f[start..q.start]) {
                continue; // names: “人才新政36条”, “三个基地”
            }
            let followed = i + 1 < qs.len() && tail_end == next && qs[i + 1].start < end;
            if !tail.is_empty() && followed {
                // a number inside the next target's indicator: 过5亿元以上企业10家
                pending = Some(lead_start);
                continue;
            }
            prev_end = q.end;
            let opening = raw.trim_start_matches(|c| PHRASE_END.contains(&c) || c == '、');
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
                if matches!(q.unit.class, UnitClass::Money | UnitClass::Measure)
                    && !MONEY_NOUNS.iter().any(|n| tail.contains(n))
                    && verb.is_empty()
                {
                    continue; // 35KV变电站, 年产25万吨辣条产业园
                }
                if tail.starts_with('的') {
                    continue; // 17个乡镇的基础设施: the number says where, not how much
                }
                if DOCUMENT_NOUNS.iter().any(|n| tail.contains(n)) {
                    continue; // 27项工作要点
                }
                vec![format!("{}{}", read.indicator, tail)]
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

    /// Turns a draft into a target with spans of the input text.
    fn finish(&self, text: &str, offset: usize, folded: &MappedText, d: Draft) -> Target {
        let in_line = folded.source_span(Span::new(d.start, d.end));
        let span = Span::new(offset + in_line.start, offset + in_line.end);
        Target {
            canonical: self.table.canonical(&d.indicator, d.kind),
            indicator: d.indicator,
            value: d.value,
            value_max: d.value_max,
            unit: d.unit,
            kind: d.kind,
            qualifiers: d.qualifiers,
            snippet: span.slice(text).to_string(),
            span,
            placeholder: d.placeholder,
        }
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
        "总收入" | "收入" | "总产值" | "产值" | "营业收入" | "税收"
    ) {
        // 旅游接待总人次突破1000万，总收入突破100亿元: 旅游总收入
        const MEASURES: &[&str] = &["接待", "总人次", "人次", "人数", "收入", "产值", "增加值"];
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

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(text: &str) -> Vec<Target> {
        let found = Extractor::new().extract(text);
        for t in &found {
            // every span slices the input to the snippet, Chinese included
            assert_eq!(t.span.slice(text), t.snippet, "{t:?}");
        }
        found
    }

    fn values(found: &[Target]) -> Vec<(f64, &str, String)> {
        found
            .iter()
            .map(|t| (t.value, t.unit.as_str(), t.qualifier()))
            .collect()
    }

    #[test]
    fn headline_targets_with_and_without_spaces() {
        let text = "经济总量稳步提升，地区生产总值增长 8%以上，总量达到 420 亿元；全社会固定资产投资增长10%以上。";
        let found = extract(text);
        assert_eq!(
            values(&found),
            [
                (8.0, "%", "以上".to_string()),
                (420.0, "亿元", "达到".to_string()),
                (10.0, "%", "以上".to_string())
            ]
        );
        assert_eq!(found[0].indicator, "地区生产总值");
        assert_eq!(found[0].kind, Kind::GrowthRate);
        assert_eq!(found[1].indicator, "地区生产总值总量");
        assert_eq!(found[1].kind, Kind::Level);
        assert_eq!(found[2].canonical, "固定资产投资增速");
        assert_eq!(found[0].snippet, "地区生产总值增长 8%以上");
    }

    #[test]
    fn a_line_break_ends_a_sentence() {
        let text = "一、工作目标\n经济总量保持全省前十，力争地区生产总值增长 5%左右。\n总量达到 420 亿元。";
        let found = extract(text);
        assert_eq!(found[0].indicator, "经济总量全省排名");
        assert_eq!(found[1].qualifiers, ["力争", "左右"]);
        assert_eq!(found[2].indicator, "总量", "no carry over a line break");
        assert!(found[2].qualifiers == ["达到"]);
    }

    #[test]
    fn a_shared_closing_qualifier_holds_for_every_value() {
        let found = extract("城乡居民收入增长 8%和 10%以上。");
        assert_eq!(
            values(&found),
            [
                (8.0, "%", "以上".to_string()),
                (10.0, "%", "以上".to_string())
            ]
        );
        assert_eq!(found[0].indicator, "城镇居民收入");
        assert_eq!(found[1].indicator, "农村居民收入");
        assert_ne!(found[0].canonical, found[1].canonical);
        assert_eq!(found[1].snippet, "城乡居民收入增长 8%和 10%以上");
    }

    #[test]
    fn a_shared_verb_holds_for_every_value() {
        let found = extract("城乡低保标准分别提高到不低于740元/月和485元/月。");
        assert_eq!(
            values(&found),
            [
                (740.0, "元/月", "不低于".to_string()),
                (485.0, "元/月", "不低于".to_string())
            ]
        );
    }

    #[test]
    fn shared_indicator_lists_yield_one_target_each() {
        let found = extract("进出口、进口、出口三项指标分别增长 10%。");
        let names: Vec<&str> = found.iter().map(|t| t.indicator.as_str()).collect();
        assert_eq!(names, ["进出口", "进口", "出口"]);
        assert!(found
            .iter()
            .all(|t| t.value == 10.0 && t.kind == Kind::GrowthRate));
        let found = extract("力争项目开工率、投资完成率、入库纳统率100%。");
        assert_eq!(found.len(), 3);
        assert!(found
            .iter()
            .all(|t| t.qualifiers == ["力争"] && t.kind == Kind::Share));
        let found = extract(
            "社会散居和集中供养孤儿基本生活最低保障标准分别提高到不低于1200元/月和1700元/月。",
        );
        assert_eq!(values(&found).len(), 2, "{found:?}");
        assert_eq!(found[0].indicator, "社会散居");
        assert_eq!(found[1].value, 1700.0);
    }

    #[test]
    fn a_compound_head_is_one_indicator() {
        let found = extract("新增限额以上批发、零售、住宿、餐饮企业 40 家。");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].canonical, "新增限额以上批零住餐企业");
        assert_eq!(found[0].kind, Kind::Count);
    }

    #[test]
    fn leading_qualifiers_carry_through_the_sentence() {
        let found = extract("力争年度旅游接待总人次突破1000万，总收入突破100亿元。");
        assert_eq!(
            values(&found),
            [
                (1000.0, "万人次", "力争+突破".to_string()),
                (100.0, "亿元", "力争+突破".to_string())
            ]
        );
        // a qualifier after the indicator is its own
        let found = extract("常住人口城镇化率力争提高1个百分点，第一产业增加值增长3.6%。");
        assert_eq!(found[0].qualifiers, ["力争"]);
        assert_eq!(found[0].kind, Kind::Change);
        assert!(found[1].qualifiers.is_empty());
    }

    #[test]
    fn qualifier_synonyms_fold() {
        let found = extract("力促20个以上产业项目落地开工。接入不少于1项高频服务。");
        assert_eq!(found[0].qualifiers, ["力争", "以上"]);
        assert_eq!(found[1].qualifiers, ["不低于"]);
        let found = extract("将出口退(免)税平均办理时间压缩至1个工作日。");
        assert_eq!(found[0].qualifiers, ["以内"]);
        assert_eq!(found[0].unit, "个工作日");
    }

    #[test]
    fn ranges_keep_both_ends() {
        let found = extract("主攻方向突破关键核心技术攻关1-2项，培育3～5家龙头企业。");
        assert_eq!((found[0].value, found[0].value_max), (1.0, Some(2.0)));
        assert_eq!(found[0].qualifiers, Vec::<String>::new());
        assert_eq!((found[1].value, found[1].value_max), (3.0, Some(5.0)));
        assert_eq!(found[1].value_text(), "3-5");
    }

    #[test]
    fn placeholders_are_targets_without_a_value() {
        let found = extract("地区生产总值增长x%以上，固定资产投资达到××亿元，新增企业X家。");
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found.iter().all(|t| t.placeholder && t.value.is_nan()));
        assert_eq!(found[0].canonical, "地区生产总值增速");
        assert_eq!(found[1].unit, "亿元");
        let dropped = Extractor::builder().placeholders(false).build().unwrap();
        assert!(dropped.extract("地区生产总值增长x%以上。").is_empty());
    }

    #[test]
    fn non_targets() {
        for text in [
            "加快G536丁家垅至天岳公路（平益高速城关连接线）、S316四期（城关至三阳）工程建设。",
            "推进35KV变电站建设。",
            "加快推动年产25万吨正宗辣条产业园、年产5万吨鹌鹑蛋深加工等项目建设。",
            "根据《岳阳市人民政府办公室关于印发〈方案〉的通知》（岳政办发〔2023〕5号）精神。",
            "办好2023正月系列文体活动、第三届中国（平江）休闲食品文化节。",
            "2025年3月31日前完成。",
            "对新认定的规模工业企业一次性奖励5万元。",
            "落实“人才新政36条”，制定“1个总体方案+7个实施方案”。",
            "协同推进2022-2023年度27项工作要点。",
            "全县PM2.5平均浓度及地表水水质优良比例达到市定目标。",
            "加快5G基站建设，构建“3×3”现代化产业体系。",
            "3个月内办结。",
            "不断完善17个乡镇的基础设施建设和产业配套功能。",
        ] {
            let found = extract(text);
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }

    /// The seed plans, read line by line as the scan example does.
    const SEEDS: &[(&str, &str)] = &[
        (
            "pingjiang-2023",
            include_str!("../../../seeds/pingjiang-2023.txt"),
        ),
        (
            "pingjiang-2025",
            include_str!("../../../seeds/pingjiang-2025.txt"),
        ),
        (
            "suining-2024",
            include_str!("../../../seeds/suining-2024.txt"),
        ),
        (
            "xiangyin-2025",
            include_str!("../../../seeds/xiangyin-2025.txt"),
        ),
        (
            "yueyanglou-2023",
            include_str!("../../../seeds/yueyanglou-2023.txt"),
        ),
    ];

    #[test]
    fn seeds_give_sensible_targets() {
        let extractor = Extractor::new();
        for (plan, text) in SEEDS {
            let mut n = 0;
            for line in text.lines() {
                for t in extractor.extract(line) {
                    n += 1;
                    assert_eq!(t.span.slice(line), t.snippet);
                    let year_like = (1990.0..2100.0).contains(&t.value) && t.value.fract() == 0.0;
                    assert!(!(year_like && t.unit.is_empty()), "{plan}: {t:?}");
                    assert!(!t.snippet.contains("G536"), "{plan}: {t:?}");
                    assert!(!t.unit.contains('年'), "{plan}: {t:?}");
                }
            }
            assert!(n >= 5, "{plan}: only {n} targets");
        }
    }

    #[test]
    fn the_five_seed_plans_share_headline_indicators() {
        let extractor = Extractor::new();
        let investment: Vec<Vec<f64>> = SEEDS
            .iter()
            .map(|(_, text)| {
                extractor
                    .extract(text)
                    .into_iter()
                    .filter(|t| t.canonical == "固定资产投资增速")
                    .map(|t| t.value)
                    .collect()
            })
            .collect();
        // every plan sets a fixed-asset investment growth target
        assert!(investment.iter().all(|v| !v.is_empty()), "{investment:?}");
        assert_eq!(investment[0], [10.0]);
    }

    #[test]
    fn a_generic_indicator_takes_the_topic_of_the_previous() {
        let found = extract("力争年度旅游接待总人次突破1000万，总收入突破100亿元。");
        assert_eq!(found[1].indicator, "年度旅游总收入");
        assert_eq!(found[1].canonical, "旅游总收入");
    }

    #[test]
    fn a_leading_verb_holds_for_a_list() {
        let found = extract("新增科技创新平台2个、高新技术企业6家，实施项目30个。");
        let names: Vec<&str> = found.iter().map(|t| t.indicator.as_str()).collect();
        assert_eq!(names, ["新增科技创新平台", "新增高新技术企业", "实施项目"]);
    }

    #[test]
    fn numbers_inside_an_indicator_are_not_targets() {
        let found = extract("力争全年税收过2000万企业6家以上，其中引进10亿元项目2个以上。");
        assert_eq!(
            values(&found),
            [
                (6.0, "家", "力争+以上".to_string()),
                (2.0, "个", "力争+以上".to_string())
            ]
        );
        assert_eq!(found[0].indicator, "税收过2000万企业");
    }

    #[test]
    fn counts_before_their_noun_and_zero_breaks() {
        let found = extract("对接10家品牌商超、30家知名餐饮酒店、50个大型社区。");
        let names: Vec<&str> = found.iter().map(|t| t.indicator.as_str()).collect();
        assert_eq!(names, ["对接品牌商超", "知名餐饮酒店", "大型社区"]);
        let found = extract("力争新培育一家省级消费品“三品”标杆企业。");
        assert_eq!((found[0].value, found[0].unit.as_str()), (1.0, "家"));
        let found = extract("对非贸易额实现破零。");
        assert_eq!((found[0].value, found[0].unit.as_str()), (0.0, ""));
        assert_eq!(found[0].qualifiers, ["突破"]);
        let found = extract("力争在全省县域经济考核评价中进入前13名。");
        assert_eq!((found[0].kind, found[0].value), (Kind::Rank, 13.0));
        assert_eq!(found[0].indicator, "全省县域经济考核评价排名");
        assert_eq!(found[0].qualifiers, ["力争"]);
        let found = extract("经济总量保持全省前十，全年地区生产总值增长 5%左右。");
        assert_eq!(found[0].indicator, "经济总量全省排名");
        assert_eq!((found[0].value, found[0].unit.as_str()), (10.0, "名"));
        assert_eq!(found[0].qualifiers, ["稳定"]);
        assert_eq!(found[0].snippet, "经济总量保持全省前十");
        assert_eq!(found[1].value, 5.0);
    }
}
