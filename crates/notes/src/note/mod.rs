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
//!
//! A note that is not bracketed may be the unit cells of a table row turned
//! to text (`区农业农村局\n区发展改革局、…`): its lines are segments, and
//! when nothing in it says a role the plan's [`Conventions`] do (a
//! `牵头单位` column makes the first cell lead). A plan that declares
//! `列第一位的为牵头单位` has the first unit of every note without a lead
//! lead; a `★` before a name marks the lead of its cell.

mod segment;

use std::sync::LazyLock;

use fangan_model::Span;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::cleaned::{is_segment_sep, split_top, strip_outer_brackets, Cleaned, OPEN};
use crate::context::{Columns, Conventions};
use crate::list::{Found, ListReader, Strictness};
use crate::{Departments, Mention, Role, Unit, UnitKind};
use segment::{classify, split_at_labels, Ask, Segment};

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

/// Reads a task note (`raw` as shown, brackets included) under the
/// conventions of its plan.
pub(crate) fn read_task_note(deps: &Departments, raw: &str, conv: &Conventions) -> Note {
    // a note that is not bracketed may be table cells, one per line
    let cells = !raw.trim_start().starts_with(|ch: char| OPEN.contains(&ch));
    let c = if cells {
        Cleaned::with_lines(raw)
    } else {
        Cleaned::new(raw)
    };
    let text = c.text();
    let inner = strip_outer_brackets(text, Span::new(0, text.len()));
    let mut segments: Vec<Segment> = Vec::new();
    for seg in split_top(text, inner, |ch| is_segment_sep(ch) || ch == '\n') {
        for piece in split_at_labels(text, seg) {
            let mut segment = classify(text, piece);
            // the plan's legend (`列第一位的为牵头单位`, `下同`) and its
            // instructions (`以下政策措施均需…落实`) name no unit and lend
            // no role to the list before them
            if !segment.labelled && is_legend(piece.slice(text)) {
                segment.ask = Some(Ask::Skip);
            }
            segments.push(segment);
        }
    }
    let asks = resolve_asks(&segments);
    let has_lead = asks.contains(&Some(Ask::Lead));
    // bare cells: nothing in the note says a role, the table header does
    let bare = asks.iter().all(Option::is_none);
    let by_columns = bare && cells && conv.columns == Columns::LeadThenOthers;
    let mut found = Found::default();
    let mut deadlines = Vec::new();
    for (i, Segment { body, .. }) in segments.iter().enumerate() {
        let (role, people) = match asks[i] {
            _ if by_columns && found.units.iter().all(|u| u.generic) => (Role::Lead, false),
            _ if by_columns => (Role::Support, false),
            Some(Ask::Lead) => (Role::Lead, false),
            Some(Ask::Support) => (Role::Support, false),
            Some(Ask::Charge) | None if has_lead => (Role::Support, false),
            Some(Ask::Charge) | None => (Role::Responsible, false),
            Some(Ask::Leaders) => (Role::Support, true),
            Some(Ask::Skip) => continue,
            Some(Ask::Deadline) => {
                deadlines.push(Mention {
                    text: c.shown(*body),
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
    let units = &mut found.units;
    // the plan says the unit listed first leads (列第一位的为牵头单位)
    if conv.first_listed_leads && !units.iter().any(|u| u.role == Role::Lead) {
        if let Some(first) = units.iter_mut().find(|u| !u.generic) {
            first.role = Role::Lead;
        }
    }
    // a lead marked inside a list (`责任单位:县发改局(牵头)、县财政局`,
    // `★区发改委、统计局`) makes the others support
    if units.iter().any(|u| u.role == Role::Lead) {
        for u in units.iter_mut() {
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

/// A legend on who leads, or an instruction about the notes that follow.
static LEGEND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "列第一位|排第一位|第一位的|第一位者|第一(?:责任|主责)?(?:单位|部门)为|下同|不再(?:单独)?列出|不再做?分工|\
         ^以下|^以上|^上述|均需|均要",
    )
    .expect("legend")
});

/// True when the segment `s`, outside its brackets, is a legend or an
/// instruction rather than a list of units.
fn is_legend(s: &str) -> bool {
    let mut top = String::with_capacity(s.len());
    let mut depth = 0usize;
    for ch in s.chars() {
        if OPEN.contains(&ch) {
            depth += 1;
        } else if crate::cleaned::CLOSE.contains(&ch) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 {
            top.push(ch);
        }
    }
    LEGEND.is_match(&top)
}

/// True when `n` is bare table cells that only name townships
/// (`紙坊街道`, `相关镇(街道)`): no bracket, no role word, every unit a
/// township or a collective, one of them a particular township.
pub(crate) fn names_places_only(n: &Note) -> bool {
    let t = n.text.trim_start();
    let worded = [
        "牵头", "牽頭", "负责", "負責", "配合", "责任", "責任", "主办", "主辦",
    ]
    .iter()
    .any(|w| t.contains(w));
    !t.starts_with(|ch: char| OPEN.contains(&ch))
        && !worded
        && n.units
            .iter()
            .any(|u| !u.generic && u.kind == UnitKind::Township)
        && n.units
            .iter()
            .all(|u| u.generic || u.kind == UnitKind::Township)
}

/// What each segment asks, those that say nothing resolved: a segment
/// takes the role of the next segment that says one (up to the next
/// label), else of the last label before it.
fn resolve_asks(segments: &[Segment]) -> Vec<Option<Ask>> {
    let mut asks: Vec<Option<Ask>> = segments.iter().map(|s| s.ask).collect();
    for i in 0..segments.len() {
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
        let prev = segments[..i].iter().rev().find_map(|s| s.label);
        asks[i] = next.or(prev);
    }
    asks
}

#[cfg(test)]
mod styles;
#[cfg(test)]
mod tests;
