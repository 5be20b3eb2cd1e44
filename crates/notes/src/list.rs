//! Reading one list of names (`县发改局、县财政局等`) into units and people.
//!
//! A list is split at `、` (and at `和`/`及`/`与` when the words before end
//! like a body or a title: `区政府办副主任和区发改局局长`, but not inside
//! `人力资源和社会保障局`); each item loses its `由` and trailing `等`, a
//! person's title is split off (the person is kept apart, the body before
//! the title kept as a unit unless it is a government as a whole), generic
//! phrases are marked, and a bracketed alternative name (`区住建局(区交通局)`)
//! is read as a unit of its own.

use std::sync::LazyLock;

use fangan_model::fold::fold_str;
use fangan_model::Span;
use regex::Regex;

use crate::cleaned::{is_list_sep, split_top, Cleaned, CLOSE, OPEN};
use crate::shape::{is_generic, is_government, is_place, kind_by_suffix, person_title};
use crate::{Departments, Mention, Role, Unit, UnitKind};

/// What a list holds.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub units: Vec<Unit>,
    pub leaders: Vec<Mention>,
}

/// How strictly items must look like bodies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Strictness {
    /// Task notes: a list names units, so an unknown word is kept as a unit
    /// (a short word without a body's ending is taken for a person).
    Note,
    /// Mechanism sentences: only names that are known or end like a body.
    Prose,
}

/// What may stand before the first name of a list: `由`, `以及`…, and the
/// subject of a running note (`此项工作由县发改局牵头`).
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("^(?:(?:此项|该项|这项|以上|上述|本项)(?:工作|任务|措施))?(?:由|以及|及|和|与|包括|包含|其中|如)*")
        .expect("lead-in")
});
static TRAIL: LazyLock<Regex> = LazyLock::new(|| {
    // `等州级有关部门`, `等市直相关单位`: the collective after the last name
    Regex::new(
        "(?:等(?:[省市县区州盟旗乡镇](?:级|直)|本级)?(?:相关|有关|其他)?(?:单位|部门)?|[:：])+$",
    )
    .expect("trail")
});
/// Words of prose, never of a unit's name (`不再做分工`, `下同`,
/// `以下政策措施均需…`).
static PROSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "分工|下同|不再|任务|涉及|均需|均要|以下|以上|政策|措施|要求|做好|开展|确保|完成|[的将要]",
    )
    .expect("prose")
});
static VERB_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("^(?:成立|建立|组建|设立|设|明确|实行|每个|每|负责|承担|统筹|加强)").expect("verbs")
});

/// Splits at `和`/`及`/`与` where the words before end like a body or title.
fn split_conjunctions(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    let s = &text[span.start..span.end];
    for (i, ch) in s.char_indices() {
        let at = span.start + i;
        if !matches!(ch, '和' | '及' | '与') || at == start {
            continue;
        }
        let left = &text[start..at];
        let right = &text[at + ch.len_utf8()..span.end];
        if right.is_empty() {
            continue;
        }
        if kind_by_suffix(left).is_some() || person_title(left).is_some() {
            out.push(Span::new(start, at));
            start = at + ch.len_utf8();
        }
    }
    out.push(Span::new(start, span.end));
    out
}

/// A park or its committee named by its kind only (`园区管委会`,
/// `开发园区`), no place or name of its own.
fn is_bare_park(key: &str) -> bool {
    const BARE: &[&str] = &[
        "园区",
        "开发园区",
        "工业园区",
        "产业园区",
        "开发区",
        "经开区",
        "高新区",
    ];
    let k = key.strip_suffix("管委会").unwrap_or(key);
    k.is_empty() || BARE.contains(&k)
}

fn trim_item(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = LEAD_IN.find(s).map_or(0, |m| m.end());
    let rest = &s[lead..];
    let trail = TRAIL.find(rest).map_or(rest.len(), |m| m.start());
    Span::new(span.start + lead, span.start + lead + trail)
}

/// Reads lists of one cleaned text into the units and people it collects.
pub(crate) struct ListReader<'a> {
    /// The department table names are resolved against.
    pub deps: &'a Departments,
    /// The text the lists are in.
    pub c: &'a Cleaned,
    /// What has been read so far.
    pub out: &'a mut Found,
}

impl ListReader<'_> {
    /// Reads the list at `span` with `role`. With `people_only`, every
    /// item is a person (`责任领导:张三`).
    pub fn read(&mut self, span: Span, role: Role, strict: Strictness, people_only: bool) {
        let text = self.c.text();
        for piece in split_top(text, span, is_list_sep) {
            for item in split_conjunctions(text, piece) {
                let before = self.out.units.len();
                self.item(item, role, strict, people_only);
                let added = before + 1 == self.out.units.len();
                // 各州、市人民政府, 各县区人民政府、园区管委会: a government, or a
                // park named by its kind only, after a collective shares its 各
                if let [.., prev, last] = &mut self.out.units[..] {
                    let after_all = prev.generic && prev.name.starts_with('各');
                    let key = fold_str(&last.name);
                    if added && after_all && (is_government(&key) || is_bare_park(&key)) {
                        last.generic = true;
                        last.canonical = fold_str(&last.name);
                    }
                }
            }
        }
    }

    fn item(&mut self, span: Span, role: Role, strict: Strictness, people_only: bool) {
        let (deps, c) = (self.deps, self.c);
        let text = c.text();
        let mut span = trim_item(text, span);
        let mut role = role;
        // ★县发改局: a star marks the lead of a table cell
        if let Some(rest) = span.slice(text).strip_prefix(['★', '☆']) {
            span = trim_item(text, Span::new(span.end - rest.len(), span.end));
            role = Role::Lead;
        }
        let name = span.slice(text);
        // one character names nothing (`(牵头部` cut off leaves `部`)
        if name.chars().count() < 2 {
            return;
        }
        if people_only {
            self.out.leaders.push(mention(c, span));
            return;
        }
        // what the name is folded by: the name, or the part before a bracket
        let mut core = span;
        if let Some(last) = name.chars().next_back() {
            if let (Some(open_at), true) = (name.rfind(OPEN), CLOSE.contains(&last)) {
                let inner = Span::new(
                    span.start + open_at + name[open_at..].chars().next().map_or(0, char::len_utf8),
                    span.end - last.len_utf8(),
                );
                let outer = Span::new(span.start, span.start + open_at);
                let inner_s = inner.slice(text);
                let outer_s = outer.slice(text);
                // 县发改局(牵头): the role written after the name
                if let Some(r) = role_mark(inner_s).filter(|_| !outer_s.is_empty()) {
                    self.item(outer, r, strict, false);
                    return;
                }
                let body = |s: &str| kind_by_suffix(s).is_some() || deps.resolve(s).known;
                if !outer_s.is_empty() && !is_generic(&fold_str(name)) && body(outer_s) {
                    if body(inner_s) || is_place(inner_s) {
                        // 发改局(服务业发展局), 高新园(新桥镇): one body under
                        // two names, folded by the first
                        core = outer;
                    } else {
                        // 东湖街道(列第一位者为牵头单位,下同): a remark
                        self.item(outer, role, strict, false);
                        return;
                    }
                }
            }
        }
        if let Some(at) = person_title(name) {
            self.out.leaders.push(mention(c, span));
            let body = Span::new(span.start, span.start + at);
            let body_s = body.slice(text);
            let body_key = fold_str(body_s);
            if !body_s.is_empty() && !is_government(&body_key) && !is_generic(&body_key) {
                self.item(body, role, Strictness::Prose, false);
            }
            return;
        }
        let key = fold_str(name);
        if is_generic(&key) {
            self.out.units.push(Unit {
                name: c.shown(span),
                canonical: key,
                role,
                generic: true,
                known: false,
                kind: UnitKind::Other,
                level: None,
                span: c.source(span),
            });
            return;
        }
        let r = deps.resolve(core.slice(text));
        let shaped = r.known || kind_by_suffix(&key).is_some() || is_place(&key);
        let chars = name.chars().count();
        let accept = match strict {
            Strictness::Prose => shaped && !VERB_START.is_match(name) && chars <= 30,
            Strictness::Note => {
                shaped || (chars > 3 && chars <= 30 && !PROSE.is_match(name) && !is_person(name))
            }
        };
        if !accept {
            if !shaped && is_person(name) && strict == Strictness::Note {
                self.out.leaders.push(mention(c, span));
            }
            return;
        }
        self.out.units.push(Unit {
            name: c.shown(span),
            canonical: r.canonical,
            role,
            generic: false,
            known: r.known,
            kind: r.kind,
            level: r.level,
            span: c.source(span),
        });
    }
}

/// The role a bracketed mark after a name gives it (`(牵头)`, `（配合）`).
fn role_mark(inner: &str) -> Option<Role> {
    match inner {
        "牵头" | "牵头单位" | "牵头部门" | "牵头负责" | "总牵头" => {
            Some(Role::Lead)
        }
        "配合" | "配合单位" | "协助" | "参与" => Some(Role::Support),
        _ => None,
    }
}

fn mention(c: &Cleaned, span: Span) -> Mention {
    Mention {
        text: c.shown(span),
        span: c.source(span),
    }
}

/// True for a word that reads as a person's name: two to four Han
/// characters (`周立明`, `杜新国`) with no body's ending.
fn is_person(name: &str) -> bool {
    let n = name.chars().count();
    (2..=4).contains(&n) && name.chars().all(crate::cleaned::is_han) && !is_place(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, strict: Strictness) -> Found {
        let c = Cleaned::new(text);
        let mut out = Found::default();
        let d = Departments::builtin();
        let span = Span::new(0, c.text().len());
        ListReader {
            deps: &d,
            c: &c,
            out: &mut out,
        }
        .read(span, Role::Support, strict, false);
        out
    }

    #[test]
    fn splits_lists_and_conjunctions_but_not_names() {
        let f = read("区政府办副主任和区发改局局长", Strictness::Prose);
        let names: Vec<&str> = f.units.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, ["区政府办", "区发改局"]);
        assert_eq!(f.leaders.len(), 2);
        let f = read("县人力资源和社会保障局、县发改局等", Strictness::Note);
        let names: Vec<&str> = f.units.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, ["县人力资源和社会保障局", "县发改局"]);
    }

    #[test]
    fn spans_slice_the_names_out_of_the_raw_text() {
        let raw = "县发改局、县商务\n\n粮食局等";
        let f = read(raw, Strictness::Note);
        assert_eq!(f.units[1].name, "县商务粮食局");
        assert_eq!(f.units[1].span.slice(raw), "县商务\n\n粮食局");
        assert_eq!(f.units[0].span.slice(raw), "县发改局");
    }

    #[test]
    fn people_governments_and_alternatives() {
        let f = read("区委常委、常务副区长", Strictness::Prose);
        assert!(f.units.is_empty());
        assert_eq!(f.leaders.len(), 2);
        let f = read("区住建局(区交通局)、各乡镇（街道）", Strictness::Prose);
        let names: Vec<(&str, bool)> = f
            .units
            .iter()
            .map(|u| (u.name.as_str(), u.generic))
            .collect();
        assert_eq!(
            names,
            [("区住建局(区交通局)", false), ("各乡镇（街道）", true)]
        );
        assert_eq!(f.units[0].canonical, "住建局");
        // a remark in brackets is not part of the name
        let f = read(
            "青山镇、东湖街道(列第一位者为牵头单位,下同)",
            Strictness::Note,
        );
        let names: Vec<&str> = f.units.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, ["青山镇", "东湖街道"]);
        // names sharing a suffix: 各州、市人民政府 are the governments of all
        let f = read(
            "林业厅,各州、市人民政府,东湖区、西山县人民政府",
            Strictness::Note,
        );
        let names: Vec<(&str, bool)> = f
            .units
            .iter()
            .map(|u| (u.name.as_str(), u.generic))
            .collect();
        assert_eq!(
            names,
            [
                ("林业厅", false),
                ("各州", true),
                ("市人民政府", true),
                ("东湖区", false),
                ("西山县人民政府", false)
            ]
        );
        let f = read(
            "县政府办、每个行动都建立工作专班并安排专人",
            Strictness::Prose,
        );
        assert_eq!(f.units.len(), 1, "{:?}", f.units);
    }
}
