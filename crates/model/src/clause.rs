//! Clauses: the numbered units of a plan (章 一、, 节 （一）, 条 1., 款 (1)…).

use serde::{Deserialize, Serialize};

use crate::{MappedText, Span};

/// Index of a clause in [`crate::Document::clauses`].
pub type ClauseId = usize;

/// Where a clause stands in the numbering hierarchy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Title and preamble of the plan or of an attachment (path `前言`, `附件N`).
    Front,
    /// An attachment plan inside the file (`附件1`).
    Attachment,
    /// `一、` sections (章).
    Section,
    /// `（一）` groups (节).
    Group,
    /// `1.` tasks (条).
    Task,
    /// `(1)`, `⑴`, `①` items (款).
    Item,
    /// An unnumbered paragraph led by a short heading (`装备制造产业。…`)
    /// that stands as a child of a heading-only task.
    Subheading,
    /// `——` objective bullets.
    Bullet,
    /// A list of attachments (`附件:1. …`).
    AttachmentList,
}

/// Which part of the plan a clause belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    /// 目标: targets and objectives.
    Objectives,
    /// 任务 / 重点 / 举措: the tasks.
    Tasks,
    /// 机制 / 保障 / 组织实施: how the plan is run.
    Mechanism,
    /// Front matter and anything else.
    Other,
}

impl SectionKind {
    /// The lower-case name used in JSON and in `kind:` filters.
    pub fn as_str(&self) -> &'static str {
        match self {
            SectionKind::Objectives => "objectives",
            SectionKind::Tasks => "tasks",
            SectionKind::Mechanism => "mechanism",
            SectionKind::Other => "other",
        }
    }
}

impl Level {
    /// The lower-case name used in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            Level::Front => "front",
            Level::Attachment => "attachment",
            Level::Section => "section",
            Level::Group => "group",
            Level::Task => "task",
            Level::Item => "item",
            Level::Subheading => "subheading",
            Level::Bullet => "bullet",
            Level::AttachmentList => "attachment-list",
        }
    }
}

/// A responsibility note as written at the end of a clause
/// (`（县发改局牵头负责）`), before it is read into departments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawNote {
    /// The note as shown (markdown removed, page break repaired), brackets included.
    pub text: String,
    /// Byte range of the note in the clause's `text`.
    pub range: Span,
    /// Byte range in the original file.
    pub span: Span,
    /// 1-based line of the original file the note starts on.
    pub line: usize,
}

/// One numbered clause of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clause {
    /// Path from the root: `附件1/二/（二）/3`; brackets always full-width.
    pub path: String,
    /// The numbering label as written (`(二)`, `3.`), empty when none.
    pub label: String,
    /// Level in the hierarchy.
    pub level: Level,
    /// Short lead sentence (`强化政策协同`), empty when the clause has none.
    pub heading: String,
    /// The clause's own text as shown to users: from its label to its first
    /// child, markdown removed, page breaks repaired, paragraphs joined by `\n`.
    pub text: String,
    /// Map from `text` back to byte ranges of the original file.
    pub map: MappedText,
    /// The part of the plan it belongs to.
    pub kind: SectionKind,
    /// 1-based line of the original file it starts on.
    pub line: usize,
    /// 1-based line of the original file it ends on.
    pub end_line: usize,
    /// Byte range of its own text in the original file.
    pub span: Span,
    /// Parent clause, if any.
    pub parent: Option<ClauseId>,
    /// Children, in document order.
    pub children: Vec<ClauseId>,
    /// Responsibility notes at its end (usually zero or one).
    pub notes: Vec<RawNote>,
}

impl Clause {
    /// The clause text without its numbering label.
    pub fn body(&self) -> &str {
        self.text
            .strip_prefix(self.label.as_str())
            .unwrap_or(&self.text)
            .trim_start()
    }

    /// The clause text without its label and without its notes.
    pub fn body_without_notes(&self) -> String {
        let mut out = String::with_capacity(self.text.len());
        let mut at = 0;
        for n in &self.notes {
            out.push_str(&self.text[at..n.range.start]);
            at = n.range.end;
        }
        out.push_str(&self.text[at..]);
        let trimmed = out.strip_prefix(self.label.as_str()).unwrap_or(&out);
        trimmed.trim().to_string()
    }
}
