//! Character-level diff of two clause texts, with byte ranges out.
//!
//! Characters are compared in their folded form (`（` = `(`, `８` = `8`),
//! so width and traditional/simplified variants are not differences. Edits
//! that touch a number (`8%` vs `10%`), and are short, are flagged so
//! renderers can emphasize them. Diffing is bounded by a deadline: past it, similar
//! returns a coarser but valid diff.

use std::time::{Duration, Instant};

use fangan_model::{fold, Span};
use serde::Serialize;
use similar::{capture_diff_slices_deadline, Algorithm, DiffTag};

use crate::report::SharedPassage;

/// What an edit does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EditTag {
    /// The same in both texts.
    Equal,
    /// Only in A.
    Delete,
    /// Only in B.
    Insert,
    /// A's part replaced by B's.
    Replace,
}

/// One step of a diff: byte ranges into the A and the B text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// Equal, delete, insert or replace.
    pub tag: EditTag,
    /// Range in A (empty for an insert).
    pub a: Span,
    /// Range in B (empty for a delete).
    pub b: Span,
    /// True when a changed part touches a number (a target that differs).
    pub number: bool,
}

/// The diff of two texts, as edits covering both in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct InlineDiff {
    /// The edits, covering A and B from start to end.
    pub edits: Vec<Edit>,
}

/// Longest changed part (characters, each side) still read as a changed
/// number rather than a rewritten passage.
const NUMBER_EDIT_CHARS: usize = 12;

/// Byte offsets of each character of `text`, plus `text.len()`.
fn char_starts(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    v.push(text.len());
    v
}

/// The folded key of each character.
fn keys(text: &str) -> Vec<String> {
    let mut buf = [0u8; 4];
    text.chars()
        .map(|c| {
            let k = fold::fold_str(c.encode_utf8(&mut buf));
            if k.is_empty() {
                c.to_string()
            } else {
                k
            }
        })
        .collect()
}

/// True when the characters of `span`, or the ones just around it, are digits.
fn touches_number(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let inside = span.slice(text).chars();
    inside
        .chain(before)
        .chain(after)
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// Diffs `a` against `b` character by character, giving up refinement
/// after `timeout`.
pub fn inline_diff(a: &str, b: &str, timeout: Duration) -> InlineDiff {
    let (ka, kb) = (keys(a), keys(b));
    let (sa, sb) = (char_starts(a), char_starts(b));
    let deadline = Instant::now() + timeout;
    let ops = capture_diff_slices_deadline(Algorithm::Myers, &ka, &kb, Some(deadline));
    let edits = ops
        .iter()
        .map(|op| {
            let (tag, ra, rb) = op.as_tag_tuple();
            let a_span = Span::new(sa[ra.start], sa[ra.end]);
            let b_span = Span::new(sb[rb.start], sb[rb.end]);
            let tag = match tag {
                DiffTag::Equal => EditTag::Equal,
                DiffTag::Delete => EditTag::Delete,
                DiffTag::Insert => EditTag::Insert,
                DiffTag::Replace => EditTag::Replace,
            };
            let short = a_span.slice(a).chars().count() <= NUMBER_EDIT_CHARS
                && b_span.slice(b).chars().count() <= NUMBER_EDIT_CHARS;
            let number = tag != EditTag::Equal
                && short
                && ((!a_span.is_empty() && touches_number(a, a_span))
                    || (!b_span.is_empty() && touches_number(b, b_span)));
            Edit {
                tag,
                a: a_span,
                b: b_span,
                number,
            }
        })
        .collect();
    InlineDiff {
        edits: widen_numbers(edits, a, b),
    }
}

/// True for characters that belong to a written number.
fn is_numeric(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || c == '.' || c == '．'
}

/// Moves the digits around a changed number out of the equal edits next
/// to it, so `30 → 40` reads as one change rather than `3 → 4` before an
/// equal `0`. Edits still cover both texts in order.
fn widen_numbers(mut edits: Vec<Edit>, a: &str, b: &str) -> Vec<Edit> {
    for k in 0..edits.len() {
        if !edits[k].number {
            continue;
        }
        // digits at the end of the equal edit before
        while k > 0 && edits[k - 1].tag == EditTag::Equal {
            let prev = edits[k - 1];
            let (Some(ca), Some(cb)) = (
                prev.a.slice(a).chars().next_back(),
                prev.b.slice(b).chars().next_back(),
            ) else {
                break;
            };
            if !is_numeric(ca) {
                break;
            }
            let (la, lb) = (ca.len_utf8(), cb.len_utf8());
            edits[k - 1].a.end -= la;
            edits[k - 1].b.end -= lb;
            edits[k].a.start -= la;
            edits[k].b.start -= lb;
        }
        // digits at the start of the equal edit after
        while k + 1 < edits.len() && edits[k + 1].tag == EditTag::Equal {
            let next = edits[k + 1];
            let (Some(ca), Some(cb)) = (
                next.a.slice(a).chars().next(),
                next.b.slice(b).chars().next(),
            ) else {
                break;
            };
            if !is_numeric(ca) {
                break;
            }
            let (la, lb) = (ca.len_utf8(), cb.len_utf8());
            edits[k + 1].a.start += la;
            edits[k + 1].b.start += lb;
            edits[k].a.end += la;
            edits[k].b.end += lb;
        }
        if edits[k].tag != EditTag::Equal && !edits[k].a.is_empty() && !edits[k].b.is_empty() {
            edits[k].tag = EditTag::Replace;
        }
    }
    edits.retain(|e| e.tag != EditTag::Equal || !e.a.is_empty());
    edits
}

impl InlineDiff {
    /// Share of the two texts' characters that are equal (`2·equal / (|a|+|b|)`).
    pub fn ratio(&self, a: &str, b: &str) -> f32 {
        let equal: usize = self
            .edits
            .iter()
            .filter(|e| e.tag == EditTag::Equal)
            .map(|e| e.a.slice(a).chars().count())
            .sum();
        let total = a.chars().count() + b.chars().count();
        if total == 0 {
            1.0
        } else {
            2.0 * equal as f32 / total as f32
        }
    }

    /// Equal runs of at least `min_chars` letters or digits, longest first:
    /// the passages the two texts share.
    pub fn shared_passages(&self, a: &str, min_chars: usize) -> Vec<SharedPassage> {
        let mut out: Vec<(usize, SharedPassage)> = self
            .edits
            .iter()
            .filter(|e| e.tag == EditTag::Equal)
            .map(|e| {
                let n = e.a.slice(a).chars().filter(|c| c.is_alphanumeric()).count();
                (n, SharedPassage { a: e.a, b: e.b })
            })
            .filter(|(n, _)| *n >= min_chars)
            .collect();
        out.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.a.start.cmp(&y.1.a.start)));
        out.into_iter().map(|(_, p)| p).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LONG: Duration = Duration::from_secs(1);

    #[test]
    fn spans_slice_back_to_the_changed_chinese_text() {
        let a = "力争社会消费品零售总额增长8%。";
        let b = "实现社会消费品零售总额增长10%。";
        let d = inline_diff(a, b, LONG);
        let changed: Vec<(&str, &str, bool)> = d
            .edits
            .iter()
            .filter(|e| e.tag != EditTag::Equal)
            .map(|e| (e.a.slice(a), e.b.slice(b), e.number))
            .collect();
        assert_eq!(changed, vec![("力争", "实现", false), ("8", "10", true)]);
        let covered: String = d.edits.iter().map(|e| e.a.slice(a)).collect();
        assert_eq!(covered, a);
        let d = inline_diff("项目30个，投资100亿元", "项目40个，投资120亿元", LONG);
        let changed: Vec<(&str, &str)> = d
            .edits
            .iter()
            .filter(|e| e.number)
            .map(|e| {
                (
                    e.a.slice("项目30个，投资100亿元"),
                    e.b.slice("项目40个，投资120亿元"),
                )
            })
            .collect();
        assert_eq!(changed, vec![("30", "40"), ("100", "120")]);
        let covered: String = d
            .edits
            .iter()
            .map(|e| e.b.slice("项目40个，投资120亿元"))
            .collect();
        assert_eq!(covered, "项目40个，投资120亿元");
    }

    #[test]
    fn width_variants_are_equal() {
        let d = inline_diff("（一）增长８%", "(一)增长8%", LONG);
        assert!(d.edits.iter().all(|e| e.tag == EditTag::Equal));
    }

    #[test]
    fn shared_passages_are_long_equal_runs() {
        let a = "推进国家县域商业体系建设示范县创建工作";
        let b = "加快推进国家县域商业体系建设行动";
        let d = inline_diff(a, b, LONG);
        let p = d.shared_passages(a, 6);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].a.slice(a), "推进国家县域商业体系建设");
        assert_eq!(p[0].b.slice(b), "推进国家县域商业体系建设");
        assert!(d.ratio(a, b) > 0.6);
    }

    #[test]
    fn diff_ops_snapshot() {
        let a = "1. 全年实施重大项目30个，完成投资100亿元（县发改局牵头）";
        let b = "1. 全年实施亿元以上重大项目40个，完成投资120亿元（县发改局牵头）";
        let d = inline_diff(a, b, LONG);
        let ops: Vec<(EditTag, &str, &str, bool)> = d
            .edits
            .iter()
            .map(|e| (e.tag, e.a.slice(a), e.b.slice(b), e.number))
            .collect();
        insta::assert_json_snapshot!(ops);
    }
}
