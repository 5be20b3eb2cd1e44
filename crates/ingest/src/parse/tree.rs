//! Paragraphs → the clause tree.
//!
//! A stack of open clauses, ordered by the rank of their numbering style:
//! a label pops the stack to its parent (the nearest open clause of lower
//! rank) and opens a clause. Plain paragraphs belong to the clause opened
//! last. Numbering is checked against the previous label of the same style,
//! so a numeral that merely starts a line is not taken for a label.

use fangan_model::{Level, ParseWarning, SectionKind};

use super::heading::{section_kind, subheading_lead};
use super::numbering::{Marker, Style};
use super::paragraphs::Paragraph;

/// A clause being built.
#[derive(Debug)]
pub struct Draft {
    pub path: String,
    pub label: String,
    pub level: Level,
    pub kind: SectionKind,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    pub paras: Vec<Paragraph>,
    /// Byte length of the label (with its spaces) in the first paragraph.
    pub label_len: usize,
    /// Path segment for a sub-heading (its lead).
    style: Option<Style>,
    number: u32,
}

/// Builds the drafts of one document.
#[derive(Debug, Default)]
pub struct TreeBuilder {
    pub drafts: Vec<Draft>,
    pub warnings: Vec<ParseWarning>,
    stack: Vec<usize>,
    body_started: bool,
    sections_seen: bool,
}

impl TreeBuilder {
    pub fn push(&mut self, p: Paragraph) {
        match p.marker.clone() {
            Some(m) if self.accepts(&m, &p) => self.open(m, p),
            _ => self.append(p),
        }
    }

    pub fn finish(mut self) -> (Vec<Draft>, Vec<ParseWarning>) {
        self.split_subheadings();
        (self.drafts, self.warnings)
    }

    fn accepts(&mut self, m: &Marker, p: &Paragraph) -> bool {
        match m.style {
            Style::Attachment => return self.sections_seen,
            Style::AttachmentList => return self.body_started,
            Style::Bullet => return self.body_started,
            _ => {}
        }
        if self.top_style() == Some(Style::AttachmentList) && m.style == Style::Task {
            return false; // `2. 产业育新培强攻坚实施方案` continues the list
        }
        // Chinese-numeral labels (`一、`, `（一）`) do not occur by accident;
        // digit labels are checked against the sequence.
        if m.number == 1 || matches!(m.style, Style::Section | Style::Group) {
            return true;
        }
        let last = self.last_number(m.style);
        let ok = match last {
            Some(l) => m.number == l || m.number == l + 1 || m.number == l + 2,
            None => m.number <= 3,
        };
        if !ok {
            self.warnings.push(ParseWarning {
                line: p.line,
                message: format!(
                    "label {:?} does not follow {} and is read as text",
                    m.label,
                    last.map_or("anything".to_string(), |l| format!("number {l}"))
                ),
            });
        }
        ok
    }

    /// Number of the latest clause of `style` within the current attachment
    /// (or the main plan), whatever its parent: item numbering may run on
    /// across tasks (`(3)` under `2.`).
    fn last_number(&self, style: Style) -> Option<u32> {
        for d in self.drafts.iter().rev() {
            match d.style {
                Some(s) if s == style => return Some(d.number),
                Some(Style::Attachment) => return None,
                // a clause two ranks up restarts the numbering
                Some(s) if s.rank() + 2 <= style.rank() => return None,
                _ => {}
            }
        }
        None
    }

    fn top_style(&self) -> Option<Style> {
        self.stack.last().and_then(|&i| self.drafts[i].style)
    }

    fn open(&mut self, m: Marker, p: Paragraph) {
        self.split_subheadings();
        match m.style {
            Style::Attachment | Style::AttachmentList => self.stack.clear(),
            _ => {
                while let Some(&top) = self.stack.last() {
                    let s = self.drafts[top]
                        .style
                        .expect("stacked clauses have a style");
                    if s.rank() >= m.style.rank() {
                        self.stack.pop();
                    } else {
                        break;
                    }
                }
            }
        }
        let parent = self.stack.last().copied();
        let number = if m.style == Style::Bullet {
            parent.map_or(0, |pi| {
                self.drafts[pi]
                    .children
                    .iter()
                    .filter(|&&c| self.drafts[c].style == Some(Style::Bullet))
                    .count()
            }) as u32
                + 1
        } else {
            m.number
        };
        let mut marker = m.clone();
        marker.number = number;
        let mut segment = marker.segment();
        let siblings: Vec<usize> = match parent {
            Some(pi) => self.drafts[pi].children.clone(),
            None => (0..self.drafts.len())
                .filter(|&i| self.drafts[i].parent.is_none())
                .collect(),
        };
        let base = segment.clone();
        let same = siblings
            .iter()
            .filter(|&&s| last_segment(&self.drafts[s].path) == base)
            .count()
            + siblings
                .iter()
                .filter(|&&s| last_segment(&self.drafts[s].path).starts_with(&format!("{base}#")))
                .count();
        if same > 0 {
            segment = format!("{base}#{}", same + 1); // a duplicated label (`3.` twice)
        }
        let path = match parent {
            Some(pi) => format!("{}/{}", self.drafts[pi].path, segment),
            None => segment,
        };
        let level = match m.style {
            Style::Attachment => Level::Attachment,
            Style::AttachmentList => Level::AttachmentList,
            Style::Section => Level::Section,
            Style::Group => Level::Group,
            Style::Task => Level::Task,
            Style::Item | Style::Circled => Level::Item,
            Style::Bullet => Level::Bullet,
        };
        let kind = match (m.style, parent) {
            (Style::Section, _) => section_kind(&super::heading::heading(p.body())),
            (_, Some(pi)) => self.drafts[pi].kind,
            _ => SectionKind::Other,
        };
        if m.style == Style::Section {
            self.sections_seen = true;
        }
        if m.style == Style::Attachment {
            self.sections_seen = false;
        }
        self.body_started = true;
        let id = self.drafts.len();
        self.drafts.push(Draft {
            path,
            label: m.label.clone(),
            level,
            kind,
            parent,
            children: Vec::new(),
            label_len: m.len,
            paras: vec![p],
            style: Some(m.style),
            number,
        });
        if let Some(pi) = parent {
            self.drafts[pi].children.push(id);
        }
        self.stack.push(id);
    }

    fn append(&mut self, mut p: Paragraph) {
        p.marker = None;
        match self.drafts.last_mut() {
            Some(d) => d.paras.push(p),
            None => self.drafts.push(Draft {
                path: "前言".to_string(),
                label: String::new(),
                level: Level::Front,
                kind: SectionKind::Other,
                parent: None,
                children: Vec::new(),
                paras: vec![p],
                label_len: 0,
                style: None,
                number: 0,
            }),
        }
    }

    /// Splits the last clause when it is a heading-only task followed by
    /// two or more paragraphs that each open with a short lead
    /// (`装备制造产业。…`): those paragraphs become its children.
    fn split_subheadings(&mut self) {
        let Some(id) = self.drafts.len().checked_sub(1) else {
            return;
        };
        let d = &self.drafts[id];
        if !matches!(d.level, Level::Task | Level::Group | Level::Item)
            || d.paras.len() < 3
            || !d.children.is_empty()
        {
            return;
        }
        let first = &d.paras[0];
        let body = &first.text()[d.label_len.min(first.text().len())..];
        let heading_only = body.chars().count() <= super::paragraphs::MAX_HEADING_LEN
            && body.trim_end_matches('。').chars().all(|c| c != '。');
        // Run-in headings make clauses of their own only where the plan
        // treats them as units: under a numbered task, or each with its own
        // responsibility note. (A report's `（一）` with run-in paragraphs
        // stays one clause.)
        let numbered_task = matches!(d.level, Level::Task | Level::Item);
        let own_notes = d.paras[1..]
            .iter()
            .all(|p| !super::note::locate(p.text()).is_empty());
        if !heading_only
            || !(numbered_task || own_notes)
            || !d.paras[1..]
                .iter()
                .all(|p| subheading_lead(p.text()).is_some())
        {
            return;
        }
        let rest: Vec<Paragraph> = self.drafts[id].paras.drain(1..).collect();
        let (path, kind) = (self.drafts[id].path.clone(), self.drafts[id].kind);
        for p in rest {
            let lead = subheading_lead(p.text())
                .expect("checked above")
                .to_string();
            let child = self.drafts.len();
            self.drafts.push(Draft {
                path: format!("{path}/{lead}"),
                label: String::new(),
                level: Level::Subheading,
                kind,
                parent: Some(id),
                children: Vec::new(),
                paras: vec![p],
                label_len: 0,
                style: None,
                number: 0,
            });
            self.drafts[id].children.push(child);
        }
    }
}

fn last_segment(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}
