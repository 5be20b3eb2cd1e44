//! Which clauses take part in an alignment, and as what.
//!
//! - A **leaf** is a clause with no numbered children: a task, an item, a
//!   section written as one paragraph. `——` objective bullets are not
//!   clauses of their own here: they are folded into the clause above them
//!   (an objectives section is one unit, whatever its bullet layout).
//! - A **group** is a clause below the sections whose numbered children are
//!   all leaves (`（五）实施外贸保稳提质工程` with its tasks 1–4). A group is never
//!   paired one-to-one with its own few words; it can be paired as a whole
//!   with one clause of the other plan (one-to-many).
//! - A **paragraph** of the front matter (`前言`, the head of `附件N`) is a
//!   leaf of its own when it is running text of the plan (the purpose
//!   sentence, a review, a plan written without numbering; see
//!   [`crate::paragraph`]); the title, addressee, cover letter and date
//!   take no part.
//! - Higher containers (`二、工作任务`) and the list of attachments take no
//!   part: they are neither paired nor listed.

use fangan_model::{Clause, ClauseId, Document, Level, Span};

use crate::paragraph::{is_plan_text, paragraphs};

/// Whether a unit stands for one clause or a group of leaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitRole {
    /// A clause with no numbered children.
    Leaf,
    /// A clause whose numbered children are all leaves.
    Group,
}

/// One clause as the aligner sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// The clause in its document.
    pub clause: ClauseId,
    /// Leaf or group.
    pub role: UnitRole,
    /// For a group, the indexes (into the same unit list) of its leaves.
    pub members: Vec<usize>,
    /// Text compared: label and responsibility notes removed, folded
    /// bullets appended; for a group, its own text and all its leaves.
    pub text: String,
    /// The lead sentence (`丰富消费活动`), empty when there is none.
    pub heading: String,
    /// For a paragraph unit, its byte range in the clause's `text`; `None`
    /// when the unit is the whole clause.
    pub part: Option<Span>,
    /// 1-based line of the original file the unit starts on.
    pub line: usize,
}

impl Unit {
    /// The text shown for the unit: the clause's text, or the paragraph's.
    pub fn shown<'d>(&self, doc: &'d Document) -> &'d str {
        let text = &doc.clauses[self.clause].text;
        self.part.map_or(text.as_str(), |p| p.slice(text))
    }
}

/// Levels that are front matter, never aligned.
fn is_front(level: Level) -> bool {
    matches!(
        level,
        Level::Front | Level::Attachment | Level::AttachmentList
    )
}

/// The numbered children of `c` (bullets and front matter left out).
fn numbered_children<'d>(doc: &'d Document, c: &'d Clause) -> impl Iterator<Item = ClauseId> + 'd {
    c.children.iter().copied().filter(move |&k| {
        doc.clauses
            .get(k)
            .is_some_and(|k| k.level != Level::Bullet && !is_front(k.level))
    })
}

/// True when `id` is a bullet folded into a clause above it.
fn is_folded_bullet(doc: &Document, id: ClauseId) -> bool {
    let c = &doc.clauses[id];
    c.level == Level::Bullet && c.parent.is_some_and(|p| !is_front(doc.clauses[p].level))
}

/// The own text of `id` plus its bullet descendants, labels and notes removed.
fn leaf_text(doc: &Document, id: ClauseId) -> String {
    let c = &doc.clauses[id];
    let mut text = c.body_without_notes();
    for &k in &c.children {
        if doc.clauses[k].level == Level::Bullet {
            text.push('\n');
            text.push_str(&leaf_text(doc, k));
        }
    }
    text
}

/// The lead sentence of a clause: the parser's heading, else a short first
/// sentence of its body.
pub fn heading_of(c: &Clause) -> String {
    if !c.heading.trim().is_empty() {
        return c.heading.trim().to_string();
    }
    let body = c.body();
    match body.find(['。', '；', ';', '\n']) {
        Some(at) if body[..at].chars().count() <= 40 => body[..at].trim().to_string(),
        None if body.chars().count() <= 40 => body.trim().to_string(),
        _ => String::new(),
    }
}

/// The units of `doc`, leaves and groups, in document order.
pub fn units(doc: &Document) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let mut unit_of: Vec<Option<usize>> = vec![None; doc.clauses.len()];
    // leaves first, so that groups can name them
    for (id, c) in doc.clauses.iter().enumerate() {
        if matches!(c.level, Level::Front | Level::Attachment) {
            for p in paragraphs(doc, id) {
                let text = p.range.slice(&c.text);
                if is_plan_text(text) {
                    out.push(Unit {
                        clause: id,
                        role: UnitRole::Leaf,
                        members: vec![],
                        text: text.to_string(),
                        heading: String::new(),
                        part: Some(p.range),
                        line: p.line,
                    });
                }
            }
            continue;
        }
        if is_front(c.level) || is_folded_bullet(doc, id) {
            continue;
        }
        if numbered_children(doc, c).next().is_none() {
            unit_of[id] = Some(out.len());
            out.push(Unit {
                clause: id,
                role: UnitRole::Leaf,
                members: vec![],
                text: leaf_text(doc, id),
                heading: heading_of(c),
                part: None,
                line: c.line,
            });
        }
    }
    for (id, c) in doc.clauses.iter().enumerate() {
        if is_front(c.level)
            || unit_of[id].is_some()
            || matches!(c.level, Level::Bullet | Level::Section)
        {
            continue;
        }
        let kids: Vec<ClauseId> = numbered_children(doc, c).collect();
        let members: Vec<usize> = kids.iter().filter_map(|&k| unit_of[k]).collect();
        if kids.len() < 2 || members.len() != kids.len() {
            continue;
        }
        let mut text = leaf_text(doc, id);
        for &m in &members {
            text.push('\n');
            text.push_str(&out[m].text);
        }
        out.push(Unit {
            clause: id,
            role: UnitRole::Group,
            members,
            text,
            heading: heading_of(c),
            part: None,
            line: c.line,
        });
    }
    // document order, keeping member indexes right
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| (out[i].clause, out[i].part.map_or(0, |p| p.start)));
    let mut new_index = vec![0; out.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut sorted: Vec<Unit> = order.iter().map(|&i| out[i].clone()).collect();
    for u in &mut sorted {
        for m in &mut u.members {
            *m = new_index[*m];
        }
    }
    sorted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::plan;

    fn sample() -> Document {
        plan(
            "p",
            &[
                ("前言", Level::Front, "为加快发展，制定本方案。"),
                ("一", Level::Section, "一、工作目标"),
                ("一/——1", Level::Bullet, "——消费增长7%。"),
                ("一/——2", Level::Bullet, "——投资增长8%。"),
                ("二", Level::Section, "二、工作任务"),
                ("二/（一）", Level::Group, "（一）扩大消费。"),
                ("二/（一）/1", Level::Task, "1. 丰富消费活动。举办美食节。"),
                ("二/（一）/2", Level::Task, "2. 优化消费环境。加强监管。"),
                ("二/（二）", Level::Group, "（二）扩大投资。推进项目。"),
            ],
        )
    }

    #[test]
    fn bullets_fold_into_their_section_and_containers_stay_out() {
        let doc = sample();
        let us = units(&doc);
        let paths: Vec<(&str, UnitRole)> = us
            .iter()
            .map(|u| (doc.clauses[u.clause].path.as_str(), u.role))
            .collect();
        assert_eq!(
            paths,
            vec![
                ("一", UnitRole::Leaf),
                ("二/（一）", UnitRole::Group),
                ("二/（一）/1", UnitRole::Leaf),
                ("二/（一）/2", UnitRole::Leaf),
                ("二/（二）", UnitRole::Leaf),
            ]
        );
        assert_eq!(us[0].text, "工作目标\n消费增长7%。\n投资增长8%。");
        assert_eq!(us[1].members, vec![2, 3]);
        assert!(us[1].text.contains("举办美食节") && us[1].text.contains("加强监管"));
        assert_eq!(us[2].heading, "丰富消费活动");
    }

    #[test]
    fn heading_falls_back_to_a_short_first_sentence() {
        let doc = plan("p", &[("二", Level::Section, "二、推进机制")]);
        assert_eq!(heading_of(&doc.clauses[0]), "推进机制");
    }
}
