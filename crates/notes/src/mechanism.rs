//! Mechanism paragraphs (推进机制 / 组织实施): who convenes, who hosts the
//! office, who is a member.
//!
//! The text is cut into sentences at `。`, `；`, `;` and line ends; a
//! sentence counts when one of its comma-separated parts names a 召集人 /
//! 组长 (`由县政府办分管副主任担任召集人`), the host of the office
//! (`专班办公室设在县发改局`) or the members (`成员单位包括…`,
//! `…等为成员单位`); in such a sentence `由…牵头` also names a lead. A
//! sentence that only says who leads a task (`由县财政局牵头统筹资金`) is
//! not a mechanism note. Conveners' units and office hosts are
//! leads, members support; people (`县政府常务副县长`) are leaders, not
//! units. Adjacent counting sentences of one line make one note; a body
//! named twice (副召集人 and member) is kept once, as lead.

use std::sync::LazyLock;

use fangan_model::Span;
use regex::Regex;

use crate::cleaned::{split_top, Cleaned};
use crate::list::{Found, ListReader, Strictness};
use crate::note::{Note, NoteType};
use crate::{Departments, Role, Unit};

static CONVENER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?:^|由)(?P<who>[^由]+?)(?:担任|任|为|作为)(?:常务|执行)?副?总?(?:召集人|组长|指挥长)$",
    )
    .expect("convener")
});
static LEADS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("(?:^|由)(?P<who>[^由]+?)(?:总|共同|负责)?牵头(?:负责|抓总)?$").expect("leads")
});
static OFFICE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("办公室(?:设在|设于|设立在|设)(?P<who>.+)$").expect("office"));
static MEMBERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("成员单位(?:包括|包含|为|有|由)?[:：]?(?P<who>.+?)(?:组成)?$").expect("members")
});
static MEMBERS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("^(?P<who>.+?)(?:为|是|作为)(?:专班|领导小组|工作组)?成员(?:单位)?$")
        .expect("members after")
});

/// Reads the mechanism notes of `text` (a clause's text).
pub(crate) fn read_mechanism(deps: &Departments, text: &str) -> Vec<Note> {
    let mut notes: Vec<Note> = Vec::new();
    let mut last_end: Option<usize> = None;
    for sentence in sentences(text) {
        let Some(found) = read_sentence(deps, sentence.slice(text)) else {
            last_end = None;
            continue;
        };
        let joins = match (last_end, notes.last()) {
            (Some(end), Some(_)) => !text[end..sentence.start].contains('\n'),
            _ => false,
        };
        let shift =
            |u: &mut Unit, by: usize| u.span = Span::new(u.span.start + by, u.span.end + by);
        if joins {
            let note = notes.last_mut().expect("a note to join");
            let by = sentence.start - note.span.start;
            note.span = Span::new(note.span.start, sentence.end);
            note.text = note.span.slice(text).to_string();
            for mut u in found.units {
                shift(&mut u, by);
                note.units.push(u);
            }
            for mut m in found.leaders {
                m.span = Span::new(m.span.start + by, m.span.end + by);
                note.leaders.push(m);
            }
        } else {
            notes.push(Note {
                note_type: NoteType::Mechanism,
                text: sentence.slice(text).to_string(),
                span: sentence,
                units: found.units,
                leaders: found.leaders,
                deadlines: Vec::new(),
            });
        }
        last_end = Some(sentence.end);
    }
    notes.retain(|n| n.units.iter().any(|u| !u.generic));
    for n in &mut notes {
        dedupe(&mut n.units);
    }
    notes
}

/// Sentences of `text`, each with its closing punctuation.
fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let stop = matches!(c, '。' | '；' | ';' | '\n' | '！');
        if stop {
            let keep = if c == '\n' { i } else { end };
            if text[start..keep].trim().chars().count() > 0 {
                out.push(trim(text, Span::new(start, keep)));
            }
            start = end;
        }
    }
    if text[start..].trim().chars().count() > 0 {
        out.push(trim(text, Span::new(start, text.len())));
    }
    out
}

fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let tail = s.trim_end().len();
    Span::new(span.start + lead, span.start + tail.max(lead))
}

/// The units of one sentence, if it is a mechanism sentence.
fn read_sentence(deps: &Departments, sentence: &str) -> Option<Found> {
    let c = Cleaned::new(sentence);
    let text = c.text();
    let mut found = Found::default();
    let mut counts = false;
    let body = Span::new(0, text.trim_end_matches(['。', '；', ';', '！']).len());
    for part in split_top(text, body, |ch| matches!(ch, '，' | ',' | '：' | ':')) {
        let s = part.slice(text);
        let hit = |re: &Regex| {
            re.captures(s)
                .and_then(|c| c.name("who"))
                .map(|m| Span::new(part.start + m.start(), part.start + m.end()))
        };
        // (list, role, whether the part alone makes a mechanism sentence)
        let (who, role, core) = if let Some(w) = hit(&CONVENER) {
            (w, Role::Lead, true)
        } else if let Some(w) = hit(&OFFICE) {
            (w, Role::Lead, true)
        } else if let Some(w) = hit(&MEMBERS) {
            (w, Role::Support, true)
        } else if let Some(w) = hit(&MEMBERS_AFTER) {
            (w, Role::Support, true)
        } else if let Some(w) = hit(&LEADS) {
            (w, Role::Lead, false)
        } else {
            continue;
        };
        let before = found.units.len() + found.leaders.len();
        ListReader {
            deps,
            c: &c,
            out: &mut found,
        }
        .read(who, role, Strictness::Prose, false);
        // a part counts when it names someone (`各成员单位要…` does not)
        counts |= core && found.units.len() + found.leaders.len() > before;
    }
    counts.then_some(found)
}

/// Keeps one unit per canonical body: its first lead mention if it has one,
/// else its first mention.
fn dedupe(units: &mut Vec<Unit>) {
    let mut keep = vec![false; units.len()];
    for (i, u) in units.iter().enumerate() {
        if u.generic {
            keep[i] = true;
            continue;
        }
        let same = |v: &Unit| v.canonical == u.canonical && !v.generic;
        let first_lead = units.iter().position(|v| same(v) && v.role == Role::Lead);
        let first = units.iter().position(same);
        keep[i] = Some(i) == first_lead.or(first);
    }
    let mut k = keep.into_iter();
    units.retain(|_| k.next().unwrap_or(false));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<Note> {
        read_mechanism(&Departments::builtin(), text)
    }

    fn leads(n: &Note) -> Vec<&str> {
        n.units_with(Role::Lead).map(|u| u.name.as_str()).collect()
    }

    #[test]
    fn convener_office_and_members() {
        let text = "三、推进机制\n成立稳增长工作专班，由县政府常务副县长任召集人，县发改局主要负责人任副召集人，\
                    成员单位包括县财政局、县发改局、县住建局(县交通局)等，专班办公室设在县发改局，负责日常调度。";
        let notes = read(text);
        assert_eq!(notes.len(), 1);
        let n = &notes[0];
        assert!(n.text.starts_with("成立稳增长"));
        assert_eq!(n.span.slice(text), n.text);
        assert_eq!(leads(n), ["县发改局"]);
        let members: Vec<&str> = n
            .units_with(Role::Support)
            .map(|u| u.name.as_str())
            .collect();
        assert_eq!(members, ["县财政局", "县住建局(县交通局)"]);
        assert_eq!(n.leaders[0].text, "县政府常务副县长");
        for u in &n.units {
            assert_eq!(u.span.slice(&n.text), u.name);
        }
    }

    #[test]
    fn sentences_of_one_paragraph_join() {
        let text = "组建工作专班,由县政府办分管副主任担任召集人,县商务粮食局主要负责人担任副召集人,成员单位包括县发改局、县高新区等。\
                    工作专班办公室设县发改局,承担日常协调与调度任务。\n（二）强化督查。定期通报。";
        let notes = read(text);
        assert_eq!(notes.len(), 1);
        assert!(notes[0].text.ends_with("调度任务。"));
        assert_eq!(leads(&notes[0]), ["县政府办", "县商务粮食局", "县发改局"]);
    }

    #[test]
    fn only_adjacent_sentences_join() {
        let notes = read("由县发改局主要负责人任召集人。各部门要加强配合。办公室设在县财政局。");
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[1].text, "办公室设在县财政局。");
        assert_eq!(leads(&notes[1]), ["县财政局"]);
    }

    #[test]
    fn people_are_not_units_and_members_after() {
        let notes = read("由区委常委、常务副区长任召集人,区政府办副主任和区发改局局长任副召集人,县统计局、国调队等为成员单位。");
        assert_eq!(leads(&notes[0]), ["区政府办", "区发改局"]);
        assert_eq!(notes[0].units_with(Role::Support).count(), 2);
        assert_eq!(notes[0].leaders.len(), 4);
        // a sentence naming only people and generic members makes no note
        assert!(read("由县长任组长,各分管副县长任副组长,相关单位负责人为成员。").is_empty());
        assert!(read("各牵头单位要定期调度。").is_empty());
    }

    #[test]
    fn a_lead_alone_is_not_a_mechanism_sentence() {
        assert!(read("（三）强化要素保障。由县财政局牵头，统筹各类资金。").is_empty());
        assert!(read("由县发改局牵头，各成员单位按职责分工负责。").is_empty());
        let notes = read("由县发改局牵头，成员单位包括县财政局、县商务局。");
        assert_eq!(leads(&notes[0]), ["县发改局"]);
    }

    #[test]
    fn office_host_in_a_run_on_sentence() {
        let notes = read("成立领导小组、由县长任组长,领导小组办公室设县政府办、每个行动都建立工作专班并安排专人,进一步明确分工。");
        assert_eq!(notes.len(), 1);
        assert_eq!(leads(&notes[0]), ["县政府办"]);
        assert_eq!(notes[0].units.len(), 1);
    }
}
