//! The grammar of a task note's segments: the labels (`牵头单位:`,
//! `责任单位为`, `协同责任单位:`, `责任领导:`, `完成时限:`, `部门分工:`), the
//! role words that end a list (`…牵头`, `…主办`, `…配合`, `…等按职责分工负责`)
//! and the cutting of a segment before every label.
//!
//! Segments are read from the folded text ([`crate::cleaned::Cleaned`]):
//! traditional characters and full-width forms are already folded, so
//! `牽頭單位：` matches `牵头单位:`.

use std::sync::LazyLock;

use fangan_model::Span;
use regex::Regex;

use crate::cleaned::{CLOSE, OPEN};
use crate::shape::kind_by_suffix;

/// What a segment's label or ending asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ask {
    Lead,
    Support,
    /// 负责 / 责任单位: support under a lead, responsible otherwise.
    Charge,
    Leaders,
    Deadline,
    /// A cell that names no unit (`任务来源:`).
    Skip,
}

/// `主要责任单位` is the lead of the `主要责任单位`/`配合单位` pair (the plans
/// say 各主要责任单位要…牵头抓总); `总牵头单位` heads a group of tasks.
const LEAD_LABELS: &str =
    "牵头责任单位|主要责任单位|总牵头单位|总牵头部门|牵头单位|牵头部门|主责单位|主办单位";
const CHARGE_LABELS: &str = "责任单位|责任部门|实施单位|落实单位|承办单位";
const SUPPORT_LABELS: &str =
    "协同责任单位|配合责任单位|配合单位|配合部门|协办单位|协同单位|参与单位|支持单位";
const PEOPLE_LABELS: &str =
    "牵头负责领导|牵头责任领导|责任领导|牵头领导|分管领导|联系领导|领衔领导|包抓领导|\
     分管[省市县区]领导|牵头[省市县区]领导|责任人|联系人";
/// Labels whose list says its roles itself (`部门分工:省发改委牵头,各部门配合`).
const NEUTRAL_LABELS: &str = "部门分工|单位分工|责任分工|分工";
const DATE_LABELS: &str = "完成时限|完成时间|时间节点|时限要求|时限";
const SKIP_LABELS: &str = "任务来源|工作标准|备注";

/// What follows a label: a colon, `为`, or the closing bracket of a
/// bracketed label (`【牵头单位】`).
const LABEL_END: &str = "(?:[:：]|为|[】\\])）〕][:：]?)";

pub(super) static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        "^[【\\[(（〔]?(?:(?P<lead>{LEAD_LABELS}|牵头)|(?P<charge>{CHARGE_LABELS})|\
         (?P<support>{SUPPORT_LABELS})|(?P<people>{PEOPLE_LABELS})|(?P<neutral>{NEUTRAL_LABELS})|\
         (?P<date>{DATE_LABELS})|(?P<skip>{SKIP_LABELS})){LABEL_END}"
    ))
    .expect("label")
});

static ANY_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        "[【\\[(（〔]?(?:{LEAD_LABELS}|{CHARGE_LABELS}|{SUPPORT_LABELS}|{PEOPLE_LABELS}|{NEUTRAL_LABELS}|\
         {DATE_LABELS}|{SKIP_LABELS}){LABEL_END}"
    ))
    .expect("any label")
});

/// A role verb inside a segment, followed by what the unit does
/// (`县财政局负责资金保障`).
static MID_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("(?:分别|共同|具体)?(?:牵头|主办|负责|配合|协办|协助|参与)").expect("mid verb")
});

pub(super) static LEAD_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?:分别|共同|联合|负责|为)?(?:牵头|主办)(?:单位|部门)?(?:负责|抓总|落实|推进|实施|组织)?\
         (?:的?(?:工作|任务|事项))?$",
    )
    .expect("lead end")
});

static SUPPORT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("(?:为)?(?:积极)?(?:配合|协助|协办|参与|协同|支持)(?:单位|部门)?(?:落实|推进|实施|负责|工作)?$")
        .expect("support end")
});

static CHARGE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?:为责任单位|(?:按照?|根据|依据?)?(?:各自)?(?:职责|职能)?(?:分工)?\
         (?:具体|共同|分别|抓好)?(?:负责|落实|实施|推进|抓落实|组织实施)(?:落实|推进|实施)?)$",
    )
    .expect("charge end")
});

static MID_LEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("(?:牵头|主办)(?:负责)?").expect("mid lead"));

/// A count after a heading that carries a note (`…牵头工作(8项)`).
static COUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("[(（](?:共)?\\d+(?:项|条|个|件)?[)）]$").expect("count"));

static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "^(?:(?:\\d{2,4}|[〇一二三四五六七八九零]{4})年)?(?:\\d{1,2}月(?:底|末|中旬|上旬|下旬|\\d{1,2}日)?|年底|年末|年内|年中|上半年|下半年|全年|第?[一二三四1-4]季度末?)?\
         (?:前|以前|之前|内)?(?:完成|到位|见效|启动|建成|实现|落实|取得成效)?$|^(?:长期坚持|持续推进|长期|持续|常态化推进)$",
    )
    .expect("deadline")
});

/// Cuts a segment before every label that is not at its start
/// (`牵头单位:区科技工信局责任单位:区发改局`), and after a `牵头` followed by
/// more names (`县发改局牵头县财政局配合`).
pub(super) fn split_at_labels(text: &str, seg: Span) -> Vec<Span> {
    let s = seg.slice(text);
    // a label inside brackets belongs to a remark on the name before it
    // (`市财政局(第一责任单位为牵头单位,下同)`): no cut there
    let mut cuts: Vec<usize> = ANY_LABEL
        .find_iter(s)
        .map(|m| m.start())
        .filter(|&at| at > 0 && bracket_depth(&s[..at]) == 0)
        .collect();
    if !LABEL.is_match(s) {
        if let Some(m) = MID_LEAD.find(s) {
            let rest = &s[m.end()..];
            let rest_body = SUPPORT_END
                .find(rest)
                .or_else(|| CHARGE_END.find(rest))
                .map_or(rest, |e| &rest[..e.start()]);
            if m.end() < s.len() && kind_by_suffix(rest_body).is_some() {
                cuts.push(m.end());
            }
        }
    }
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut start = 0;
    for at in cuts {
        if at > start {
            out.push(Span::new(seg.start + start, seg.start + at));
            start = at;
        }
    }
    out.push(Span::new(seg.start + start, seg.end));
    out
}

/// How many brackets are open at the end of `s`.
fn bracket_depth(s: &str) -> usize {
    s.chars().fold(0usize, |d, ch| {
        if OPEN.contains(&ch) {
            d + 1
        } else if CLOSE.contains(&ch) {
            d.saturating_sub(1)
        } else {
            d
        }
    })
}

/// One segment of a task note.
#[derive(Clone, Copy, Debug)]
pub(super) struct Segment {
    /// What its label or ending asks, if anything.
    pub ask: Option<Ask>,
    /// The span of its list (label and role words cut off).
    pub body: Span,
    /// True when it starts with a label (`责任单位:`).
    pub labelled: bool,
    /// What its label asks, for the segments after it that say nothing
    /// (`责任单位:甲、乙牵头,丙` makes 丙 a 责任单位, not a lead).
    pub label: Option<Ask>,
}

/// Reads a segment's label or ending.
pub(super) fn classify(text: &str, seg: Span) -> Segment {
    let segment = |ask: Option<Ask>, body, labelled| Segment {
        ask,
        body,
        labelled,
        label: ask.filter(|_| labelled),
    };
    let s = seg.slice(text);
    if let Some(c) = LABEL.captures(s) {
        let end = c.get(0).map_or(0, |m| m.end());
        let body = Span::new(seg.start + end, seg.end);
        if c.name("neutral").is_some() {
            return classify(text, body);
        }
        let ask = if c.name("lead").is_some() {
            Ask::Lead
        } else if c.name("charge").is_some() {
            Ask::Charge
        } else if c.name("support").is_some() {
            Ask::Support
        } else if c.name("people").is_some() {
            Ask::Leaders
        } else if c.name("date").is_some() {
            Ask::Deadline
        } else {
            Ask::Skip
        };
        if matches!(ask, Ask::Leaders | Ask::Deadline | Ask::Skip) {
            return segment(Some(ask), body, true);
        }
        // a label's list may end with its own verb (`责任单位:…等负责`), and
        // that verb may name leads (`责任单位:省政府办公厅、省财政厅牵头`)
        let (body, end_ask) = strip_end(text, body);
        let mut seg = segment(Some(ask), body, true);
        if end_ask == Some(Ask::Lead) {
            seg.ask = end_ask;
        }
        return seg;
    }
    if is_deadline(s) {
        return segment(Some(Ask::Deadline), seg, false);
    }
    let (body, ask) = strip_end(text, seg);
    if ask.is_some() {
        return segment(ask, body, false);
    }
    // 县财政局负责资金保障: the verb after a body's name, then the task
    for m in MID_VERB.find_iter(s) {
        let before = s[..m.start()].trim_end_matches('等');
        if m.start() > 0 && kind_by_suffix(before).is_some() {
            let ask = match &s[m.start()..m.end()] {
                v if v.ends_with("牵头") || v.ends_with("主办") => Ask::Lead,
                v if v.ends_with("负责") => Ask::Charge,
                _ => Ask::Support,
            };
            return segment(
                Some(ask),
                Span::new(seg.start, seg.start + m.start()),
                false,
            );
        }
    }
    segment(None, seg, false)
}

/// Cuts the role words off the end of `body` (a count like `(8项)` first),
/// with what they ask.
fn strip_end(text: &str, body: Span) -> (Span, Option<Ask>) {
    let mut s = body.slice(text);
    if let Some(m) = COUNT.find(s) {
        s = &s[..m.start()];
    }
    for (re, ask) in [
        (&*LEAD_END, Ask::Lead),
        (&*SUPPORT_END, Ask::Support),
        (&*CHARGE_END, Ask::Charge),
    ] {
        if let Some(m) = re.find(s) {
            if m.start() > 0 {
                return (Span::new(body.start, body.start + m.start()), Some(ask));
            }
        }
    }
    (body, None)
}

fn is_deadline(s: &str) -> bool {
    !s.is_empty()
        && DEADLINE.is_match(s)
        && (s.contains(['年', '月', '季'])
            || s.starts_with("长期")
            || s.starts_with("持续")
            || s.starts_with("常态"))
}
