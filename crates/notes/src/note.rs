//! A responsibility note read into units, people and deadlines, and the
//! grammar of task notes (`（县人社局牵头,县发改局等按职责分工负责）`).
//!
//! A task note is cleaned (bold marks and page breaks dropped), its outer
//! brackets removed, and cut into segments at `，`/`；`/`。` and before
//! every label (`牵头单位:`, `责任单位:`, `配合单位:`, `责任领导:`,
//! `完成时限:`). A segment says its role by its label or by its ending
//! (`…牵头`, `…配合`, `…等按职责分工负责`); a segment that says nothing
//! (`县高新区、各相关县直单位,各相关乡镇街道等按职责分工负责` has one) takes
//! the role of the next segment that does, else of the last label before
//! it. `负责` and `责任单位` mean support when the note names a lead, and
//! responsible when it does not. Dates (`6月底完成`) are deadlines, people
//! (`责任领导:张三`, `分管副县长`) leaders: neither is a unit.

use std::sync::LazyLock;

use fangan_model::Span;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::cleaned::{is_segment_sep, split_top, strip_outer_brackets, Cleaned};
use crate::list::{Found, ListReader, Strictness};
use crate::{Departments, Mention, Role, Unit};

/// Where a note comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteType {
    /// The responsibility note at the end of a task.
    Task,
    /// A 推进机制 / 组织实施 sentence (召集人, 成员单位, 专班办公室设在…).
    Mechanism,
}

impl NoteType {
    /// The lower-case name used in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            NoteType::Task => "task",
            NoteType::Mechanism => "mechanism",
        }
    }
}

/// A note read into units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Task note or mechanism sentence.
    #[serde(rename = "type")]
    pub note_type: NoteType,
    /// The note as given (for a mechanism note, the sentences as they stand
    /// in the input).
    pub text: String,
    /// Byte range of `text` in the input it was read from.
    pub span: Span,
    /// The units named, in order; spans are byte ranges in `text`.
    pub units: Vec<Unit>,
    /// People named (`张三`, `县政府常务副县长`): not units.
    pub leaders: Vec<Mention>,
    /// Deadlines named (`6月底完成`).
    pub deadlines: Vec<Mention>,
}

impl Note {
    /// The units with `role` that name a particular body (not generic).
    pub fn units_with(&self, role: Role) -> impl Iterator<Item = &Unit> {
        self.units
            .iter()
            .filter(move |u| u.role == role && !u.generic)
    }

    /// True when the note names a lead.
    pub fn has_lead(&self) -> bool {
        self.units.iter().any(|u| u.role == Role::Lead)
    }
}

/// What a segment's label or ending asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ask {
    Lead,
    Support,
    /// 负责 / 责任单位: support under a lead, responsible otherwise.
    Charge,
    Leaders,
    Deadline,
}

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "^[【\\[(（〔]?(?:(?P<lead>牵头单位|牵头部门|主责单位|主办单位|牵头)|(?P<charge>责任单位|责任部门|实施单位|落实单位|承办单位)|\
         (?P<support>配合单位|配合部门|协办单位|协同单位|参与单位|支持单位)|\
         (?P<people>责任领导|牵头领导|分管领导|联系领导|领衔领导|牵头县领导|责任人|联系人)|\
         (?P<date>完成时限|完成时间|时间节点|时限要求|时限))(?:[:：]|[】\\])）〕][:：]?)",
    )
    .expect("label")
});

static ANY_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "[【\\[(（〔]?(?:牵头单位|牵头部门|主责单位|责任单位|责任部门|配合单位|配合部门|协办单位|参与单位|\
         责任领导|牵头领导|分管领导|联系领导|责任人|完成时限|完成时间|时间节点|时限)(?:[:：]|[】\\])）〕])",
    )
    .expect("any label")
});

/// A role verb inside a segment, followed by what the unit does
/// (`县财政局负责资金保障`).
static MID_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("(?:分别|共同|具体)?(?:牵头|负责|配合|协助|参与)").expect("mid verb")
});

static LEAD_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("(?:分别|共同|联合|负责|为)?牵头(?:单位|部门)?(?:负责|抓总|落实|推进|实施|组织)?$")
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

static MID_LEAD: LazyLock<Regex> = LazyLock::new(|| Regex::new("牵头(?:负责)?").expect("mid lead"));

static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "^(?:(?:\\d{2,4}|[〇一二三四五六七八九零]{4})年)?(?:\\d{1,2}月(?:底|末|中旬|上旬|下旬|\\d{1,2}日)?|年底|年末|年内|年中|上半年|下半年|全年|第?[一二三四1-4]季度末?)?\
         (?:前|以前|之前|内)?(?:完成|到位|见效|启动|建成|实现|落实|取得成效)?$|^(?:长期坚持|持续推进|长期|持续|常态化推进)$",
    )
    .expect("deadline")
});

/// Reads a task note (`raw` as shown, brackets included).
pub(crate) fn read_task_note(deps: &Departments, raw: &str) -> Note {
    let c = Cleaned::new(raw);
    let text = c.text();
    let inner = strip_outer_brackets(text, Span::new(0, text.len()));
    let mut segments: Vec<Segment> = Vec::new();
    for seg in split_top(text, inner, is_segment_sep) {
        for piece in split_at_labels(text, seg) {
            segments.push(classify(text, piece));
        }
    }
    // resolve the segments that say nothing
    let n = segments.len();
    let mut asks: Vec<Option<Ask>> = segments.iter().map(|s| s.ask).collect();
    for i in 0..n {
        if asks[i].is_some() {
            continue;
        }
        let next = segments[i + 1..]
            .iter()
            .take_while(|s| !s.labelled)
            .find_map(|s| {
                s.ask
                    .filter(|a| matches!(a, Ask::Lead | Ask::Support | Ask::Charge))
            });
        let prev = segments[..i]
            .iter()
            .rev()
            .find_map(|s| s.ask.filter(|_| s.labelled));
        asks[i] = next.or(prev);
    }
    let has_lead = asks.contains(&Some(Ask::Lead));
    let mut found = Found::default();
    let mut deadlines = Vec::new();
    for (i, Segment { body, .. }) in segments.iter().enumerate() {
        let (role, people) = match asks[i] {
            Some(Ask::Lead) => (Role::Lead, false),
            Some(Ask::Support) => (Role::Support, false),
            Some(Ask::Charge) | None if has_lead => (Role::Support, false),
            Some(Ask::Charge) | None => (Role::Responsible, false),
            Some(Ask::Leaders) => (Role::Support, true),
            Some(Ask::Deadline) => {
                deadlines.push(Mention {
                    text: c.slice(*body).to_string(),
                    span: c.source(*body),
                });
                continue;
            }
        };
        ListReader {
            deps,
            c: &c,
            out: &mut found,
        }
        .read(*body, role, Strictness::Note, people);
    }
    // a lead marked inside a list (`责任单位:县发改局(牵头)、县财政局`) makes
    // the others support
    if found.units.iter().any(|u| u.role == Role::Lead) {
        for u in &mut found.units {
            if u.role == Role::Responsible {
                u.role = Role::Support;
            }
        }
    }
    Note {
        note_type: NoteType::Task,
        text: raw.to_string(),
        span: Span::new(0, raw.len()),
        units: found.units,
        leaders: found.leaders,
        deadlines,
    }
}

/// Cuts a segment before every label that is not at its start
/// (`牵头单位:区科技工信局责任单位:区发改局`), and after a `牵头` followed by
/// more names (`县发改局牵头县财政局配合`).
fn split_at_labels(text: &str, seg: Span) -> Vec<Span> {
    let s = seg.slice(text);
    let mut cuts: Vec<usize> = ANY_LABEL
        .find_iter(s)
        .map(|m| m.start())
        .filter(|&at| at > 0)
        .collect();
    if !LABEL.is_match(s) {
        if let Some(m) = MID_LEAD.find(s) {
            let rest = &s[m.end()..];
            let rest_body = SUPPORT_END
                .find(rest)
                .or_else(|| CHARGE_END.find(rest))
                .map_or(rest, |e| &rest[..e.start()]);
            if m.end() < s.len() && crate::shape::kind_by_suffix(rest_body).is_some() {
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

/// One segment of a task note.
#[derive(Clone, Copy, Debug)]
struct Segment {
    /// What its label or ending asks, if anything.
    ask: Option<Ask>,
    /// The span of its list (label and role words cut off).
    body: Span,
    /// True when it starts with a label (`责任单位:`).
    labelled: bool,
}

/// Reads a segment's label or ending.
fn classify(text: &str, seg: Span) -> Segment {
    let segment = |ask, body, labelled| Segment {
        ask,
        body,
        labelled,
    };
    let s = seg.slice(text);
    if let Some(c) = LABEL.captures(s) {
        let ask = if c.name("lead").is_some() {
            Ask::Lead
        } else if c.name("charge").is_some() {
            Ask::Charge
        } else if c.name("support").is_some() {
            Ask::Support
        } else if c.name("people").is_some() {
            Ask::Leaders
        } else {
            Ask::Deadline
        };
        let end = c.get(0).map_or(0, |m| m.end());
        let body = Span::new(seg.start + end, seg.end);
        // a label's list may end with its own verb (`责任单位:…等负责`)
        let body = match ask {
            Ask::Leaders | Ask::Deadline => body,
            _ => strip_end(text, body),
        };
        return segment(Some(ask), body, true);
    }
    if is_deadline(s) {
        return segment(Some(Ask::Deadline), seg, false);
    }
    for (re, ask) in [
        (&*LEAD_END, Ask::Lead),
        (&*SUPPORT_END, Ask::Support),
        (&*CHARGE_END, Ask::Charge),
    ] {
        if let Some(m) = re.find(s) {
            if m.start() > 0 {
                return segment(
                    Some(ask),
                    Span::new(seg.start, seg.start + m.start()),
                    false,
                );
            }
        }
    }
    // 县财政局负责资金保障: the verb after a body's name, then the task
    for m in MID_VERB.find_iter(s) {
        let before = s[..m.start()].trim_end_matches('等');
        if m.start() > 0 && crate::shape::kind_by_suffix(before).is_some() {
            let ask = match &s[m.start()..m.end()] {
                v if v.ends_with("牵头") => Ask::Lead,
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

fn strip_end(text: &str, body: Span) -> Span {
    let s = body.slice(text);
    for re in [&*LEAD_END, &*SUPPORT_END, &*CHARGE_END] {
        if let Some(m) = re.find(s) {
            if m.start() > 0 {
                return Span::new(body.start, body.start + m.start());
            }
        }
    }
    body
}

fn is_deadline(s: &str) -> bool {
    !s.is_empty()
        && DEADLINE.is_match(s)
        && (s.contains(['年', '月', '季'])
            || s.starts_with("长期")
            || s.starts_with("持续")
            || s.starts_with("常态"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::UnitKind;

    fn read(raw: &str) -> Note {
        read_task_note(&Departments::builtin(), raw)
    }

    /// (name, role, canonical) of every unit, generic ones marked `*`.
    fn units(n: &Note) -> Vec<(String, &'static str, String)> {
        n.units
            .iter()
            .map(|u| {
                let name = if u.generic {
                    format!("*{}", u.name)
                } else {
                    u.name.clone()
                };
                (name, u.role.as_str(), u.canonical.clone())
            })
            .collect()
    }

    fn t(name: &str, role: &'static str, canonical: &str) -> (String, &'static str, String) {
        (name.to_string(), role, canonical.to_string())
    }

    fn assert_spans(raw: &str, n: &Note) {
        for u in &n.units {
            let cut: String = u
                .span
                .slice(raw)
                .chars()
                .filter(|c| *c != '*' && !c.is_whitespace())
                .collect();
            assert_eq!(cut, u.name, "span of {} in {raw}", u.name);
        }
    }

    /// The JSON shape `fangan show` flattens into each clause's notes.
    #[test]
    fn json_shape_is_stable() {
        let n = read("（县发改局牵头，相关部门负责，6月底完成）");
        let v = serde_json::to_value(&n).unwrap();
        assert_eq!(v["type"], "task");
        let u = &v["units"][0];
        assert_eq!(u["name"], "县发改局");
        assert_eq!(u["canonical"], "发改局");
        assert_eq!(u["role"], "lead");
        assert_eq!(u["generic"], false);
        assert_eq!(u["known"], true);
        assert_eq!(u["kind"], "department");
        assert_eq!(u["level"], "县");
        assert_eq!(u["span"]["start"], "（".len());
        assert_eq!(v["units"][1]["generic"], true);
        assert_eq!(v["deadlines"][0]["text"], "6月底完成");
    }

    #[test]
    fn lead_alone_with_fuzeren() {
        let raw = "（县发改局牵头负责）";
        let n = read(raw);
        assert_eq!(units(&n), [t("县发改局", "lead", "发改局")]);
        assert_eq!(n.units[0].span.slice(raw), "县发改局");
        assert_eq!(n.units[0].level.as_deref(), Some("县"));
    }

    #[test]
    fn lead_then_support_by_duty() {
        let raw = "(县人社局牵头,县发改局、县医保局等按职责分工负责)";
        let n = read(raw);
        assert_eq!(
            units(&n),
            [
                t("县人社局", "lead", "人社局"),
                t("县发改局", "support", "发改局"),
                t("县医保局", "support", "医保局")
            ]
        );
        assert_spans(raw, &n);
    }

    #[test]
    fn responsible_without_lead() {
        let n = read("(发改局、交通局等负责)");
        assert_eq!(
            units(&n),
            [
                t("发改局", "responsible", "发改局"),
                t("交通局", "responsible", "交通运输局")
            ]
        );
        let n = read("（县文旅广体局、县科技局负责）");
        assert!(n.units.iter().all(|u| u.role == Role::Responsible));
    }

    #[test]
    fn lead_and_responsible_labels() {
        let raw = "(牵头单位:区科技工信局,责任单位:区发改局、区贸促会等)";
        let n = read(raw);
        assert_eq!(
            units(&n),
            [
                t("区科技工信局", "lead", "科工信局"),
                t("区发改局", "support", "发改局"),
                t("区贸促会", "support", "贸促会")
            ]
        );
        assert_spans(raw, &n);
        // the list may end with its own verb
        let n = read("(牵头单位:区金融办,责任单位:区财政局、区自然资源局等负责)");
        assert_eq!(n.units[2].name, "区自然资源局");
        assert_eq!(n.units[2].role, Role::Support);
    }

    #[test]
    fn peihe_is_support() {
        let n = read("（县住建局牵头，县城管局、县水利局配合）");
        assert_eq!(
            units(&n),
            [
                t("县住建局", "lead", "住建局"),
                t("县城管局", "support", "城管局"),
                t("县水利局", "support", "水利局")
            ]
        );
        let n = read("（牵头单位：县财政局；配合单位：县税务局）");
        assert_eq!(
            units(&n),
            [
                t("县财政局", "lead", "财政局"),
                t("县税务局", "support", "税务局")
            ]
        );
        // 负责 without 牵头 stays responsible; 配合 is support
        let n = read("(县教育局负责,县卫健局配合)");
        assert_eq!(
            units(&n),
            [
                t("县教育局", "responsible", "教育局"),
                t("县卫健局", "support", "卫健局")
            ]
        );
    }

    #[test]
    fn zeren_danwei_alone_and_square_brackets() {
        let n = read("(责任单位:县民政局、县残联)");
        assert_eq!(
            units(&n),
            [
                t("县民政局", "responsible", "民政局"),
                t("县残联", "responsible", "残联")
            ]
        );
        let raw = "[责任单位:县财政局、县审计局]";
        let n = read(raw);
        assert_eq!(n.units.len(), 2);
        assert_eq!(n.units[1].span.slice(raw), "县审计局");
        assert!(n.units.iter().all(|u| u.role == Role::Responsible));
    }

    #[test]
    fn label_lines_without_brackets() {
        let raw = "牵头单位：县财政局\n责任单位：县税务局、县地方金融服务中心";
        let n = read(raw);
        assert_eq!(
            units(&n),
            [
                t("县财政局", "lead", "财政局"),
                t("县税务局", "support", "税务局"),
                t("县地方金融服务中心", "support", "金融办")
            ]
        );
        assert_spans(raw, &n);
    }

    #[test]
    fn leaders_are_not_departments() {
        let n = read("(责任领导:张三;牵头单位:县发改局;责任单位:县财政局)");
        assert_eq!(
            units(&n),
            [
                t("县发改局", "lead", "发改局"),
                t("县财政局", "support", "财政局")
            ]
        );
        assert_eq!(n.leaders.len(), 1);
        assert_eq!(n.leaders[0].text, "张三");
        let n = read("(县政府分管副县长牵头,县发改局负责)");
        assert_eq!(units(&n), [t("县发改局", "support", "发改局")]);
        assert_eq!(n.leaders[0].text, "县政府分管副县长");
    }

    #[test]
    fn deadlines_are_kept_apart() {
        let raw = "（县发改局牵头，县财政局等负责，6月底完成）";
        let n = read(raw);
        assert_eq!(
            units(&n),
            [
                t("县发改局", "lead", "发改局"),
                t("县财政局", "support", "财政局")
            ]
        );
        assert_eq!(n.deadlines.len(), 1);
        assert_eq!(n.deadlines[0].span.slice(raw), "6月底完成");
        let n = read("(完成时限:2025年12月底前;责任单位:县水利局)");
        assert_eq!(n.deadlines[0].text, "2025年12月底前");
        assert_eq!(units(&n), [t("县水利局", "responsible", "水利局")]);
    }

    #[test]
    fn page_break_and_bold_cuts() {
        let raw = "(商务粮食局牵**\n\n头，发改局等负责)";
        let n = read(raw);
        assert_eq!(
            units(&n),
            [
                t("商务粮食局", "lead", "商务粮食局"),
                t("发改局", "support", "发改局")
            ]
        );
        assert_spans(raw, &n);
        let raw = "（**科工信局、市场监督\n\n管理局等负责**）";
        let n = read(raw);
        assert_eq!(
            units(&n),
            [
                t("科工信局", "responsible", "科工信局"),
                t("市场监督管理局", "responsible", "市场监管局")
            ]
        );
        assert_eq!(n.units[1].span.slice(raw), "市场监督\n\n管理局");
    }

    #[test]
    fn generic_phrases_are_marked_not_counted() {
        let n = read("(县商务粮食局牵头,县高新区、各相关县直单位,各相关乡镇街道等按职责分工负责)");
        assert_eq!(
            units(&n),
            [
                t("县商务粮食局", "lead", "商务粮食局"),
                t("县高新区", "support", "高新区"),
                t("*各相关县直单位", "support", "各相关县直单位"),
                t("*各相关乡镇街道", "support", "各相关乡镇街道")
            ]
        );
        let n = read("（相关部门按职责分工负责）");
        assert!(n.units[0].generic);
        assert_eq!(n.units_with(Role::Responsible).count(), 0);
    }

    #[test]
    fn companies_zones_and_townships_keep_their_kind() {
        let n = read("(樟树镇、虞公港建设投资有限公司、平江高新区牵头,县委组织部等按职责分工负责)");
        let kinds: Vec<(&str, UnitKind, Role)> = n
            .units
            .iter()
            .map(|u| (u.canonical.as_str(), u.kind, u.role))
            .collect();
        assert_eq!(
            kinds,
            [
                ("樟树镇", UnitKind::Township, Role::Lead),
                ("虞公港建投", UnitKind::Company, Role::Lead),
                ("高新区", UnitKind::Zone, Role::Lead),
                ("组织部", UnitKind::Party, Role::Support)
            ]
        );
        assert!(!n.units[0].known && n.units[2].known);
    }

    #[test]
    fn lead_marked_after_a_name() {
        let raw = "（责任单位：县发改局（牵头）、县财政局、各乡镇人民政府）";
        let n = read(raw);
        assert_eq!(
            units(&n),
            [
                t("县发改局", "lead", "发改局"),
                t("县财政局", "support", "财政局"),
                t("*各乡镇人民政府", "support", "各乡镇人民政府")
            ]
        );
        assert_eq!(n.units[0].span.slice(raw), "县发改局");
    }

    #[test]
    fn bracketed_labels_and_duties_after_names() {
        let raw = "【牵头单位】县发改局【责任单位】县财政局、县商务局";
        let n = read(raw);
        assert_eq!(
            units(&n),
            [
                t("县发改局", "lead", "发改局"),
                t("县财政局", "support", "财政局"),
                t("县商务局", "support", "商务局")
            ]
        );
        assert_spans(raw, &n);
        let n = read("（县财政局负责资金保障，县发改局负责项目申报）");
        assert_eq!(
            units(&n),
            [
                t("县财政局", "responsible", "财政局"),
                t("县发改局", "responsible", "发改局")
            ]
        );
        let n = read("（县委副书记、县长张三牵头，县发改局等负责）");
        assert_eq!(units(&n), [t("县发改局", "support", "发改局")]);
        assert_eq!(n.leaders.len(), 2);
    }

    #[test]
    fn odd_inputs_give_empty_notes() {
        for raw in [
            "",
            "（）",
            "(",
            "）",
            "（牵头）",
            "（负责）",
            "（**）",
            "：",
            "（，，、）",
            "(等)",
        ] {
            let n = read(raw);
            assert!(n.units.iter().all(|u| !u.name.is_empty()), "{raw}");
            assert!(n.units.is_empty(), "{raw}: {:?}", n.units);
        }
    }

    #[test]
    fn several_leads_fenbie_and_gongtong() {
        let n = read("(县应急管理局、县水利局分别牵头,县气象局等按职责分工负责)");
        assert_eq!(n.units_with(Role::Lead).count(), 2);
        let n = read("(县委宣传部网信办、县人民法院共同牵头)");
        assert_eq!(
            units(&n),
            [
                t("县委宣传部网信办", "lead", "网信办"),
                t("县人民法院", "lead", "人民法院")
            ]
        );
    }
}
