//! The result of a comparison as plain data: aligned clause pairs with their
//! scores, labels, evidence and inline diff, and the clauses left unpaired.
//! No colours and no I/O; renderers (terminal, JSON, HTML) consume it.

use fangan_model::{ClauseId, Span};
use serde::Serialize;

use crate::diff::InlineDiff;

/// How close two paired clauses are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Label {
    /// Long identical passages (names and numbers aside).
    NearCopy,
    /// The same task in other words.
    Paraphrase,
    /// The same topic, partial overlap.
    Related,
}

impl Label {
    /// The name used in JSON and on the terminal.
    pub fn as_str(&self) -> &'static str {
        match self {
            Label::NearCopy => "near-copy",
            Label::Paraphrase => "paraphrase",
            Label::Related => "related",
        }
    }
}

/// The separate similarity signals behind a score, each in `0..=1`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Signals {
    /// Rarity-weighted cosine of the jieba words.
    pub words: f32,
    /// Rarity-weighted cosine of the character bigrams.
    pub bigrams: f32,
    /// Containment of character trigrams (of the shorter text in the longer).
    pub chars: f32,
    /// Rarity-weighted cosine of the headings.
    pub heading: f32,
}

/// A passage the two clauses share, as byte ranges into each clause's `text`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SharedPassage {
    /// Range in the A clause's text.
    pub a: Span,
    /// Range in the B clause's text.
    pub b: Span,
}

/// A paragraph of a clause aligned on its own (front matter, unnumbered
/// text): where it lies in the clause and in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Part {
    /// Byte range in the clause's `text`.
    pub range: Span,
    /// 1-based line of the original file it starts on.
    pub line: usize,
}

/// How a pair came about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PairKind {
    /// One clause ↔ one clause, from the global assignment.
    Single,
    /// One clause ↔ a whole group of the other plan (the group's own clause).
    Group,
    /// One clause ↔ a member of the group it was matched to.
    Member,
}

/// Two clauses found equivalent.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Pair {
    /// Clause of plan A.
    pub a: ClauseId,
    /// Clause of plan B.
    pub b: ClauseId,
    /// The paragraph of clause `a` paired, when not the whole clause.
    pub a_part: Option<Part>,
    /// The paragraph of clause `b` paired, when not the whole clause.
    pub b_part: Option<Part>,
    /// Combined similarity in `0..=1`.
    pub score: f32,
    /// Near-copy, paraphrase or related.
    pub label: Label,
    /// The signals behind the score.
    pub signals: Signals,
    /// Single, group or group member.
    pub kind: PairKind,
    /// Shared passages (longest first), the evidence of the pairing, as
    /// byte ranges into the clauses' texts (inside the parts, for parts).
    pub evidence: Vec<SharedPassage>,
    /// Character-level diff of the two texts (near-copies and paraphrases),
    /// ranges into the clauses' texts (covering the parts, for parts).
    pub diff: Option<InlineDiff>,
}

/// Two plans aligned clause by clause.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Comparison {
    /// Pairs in the document order of plan A (then of B).
    pub pairs: Vec<Pair>,
    /// Clauses of A with no partner (section containers excluded).
    pub only_a: Vec<ClauseId>,
    /// Clauses of B with no partner (section containers excluded).
    pub only_b: Vec<ClauseId>,
    /// Paragraphs of A (front matter, unnumbered text) with no partner.
    pub only_a_parts: Vec<(ClauseId, Part)>,
    /// Paragraphs of B with no partner.
    pub only_b_parts: Vec<(ClauseId, Part)>,
}

impl Comparison {
    /// Keeps the pairs and unpaired clauses for which `keep_a` / `keep_b`
    /// hold: a pair stays when either side is kept.
    pub fn retain(&mut self, keep_a: impl Fn(ClauseId) -> bool, keep_b: impl Fn(ClauseId) -> bool) {
        self.pairs.retain(|p| keep_a(p.a) || keep_b(p.b));
        self.only_a.retain(|&c| keep_a(c));
        self.only_b.retain(|&c| keep_b(c));
        self.only_a_parts.retain(|&(c, _)| keep_a(c));
        self.only_b_parts.retain(|&(c, _)| keep_b(c));
    }
}
