//! Targets of a whole plan: the extractor run over every clause of a
//! [`Document`], each target located in the original file, marked headline
//! when the plan announces it as an overall goal, and left out when it lies
//! in a review of the past ([`crate::review`]).

use std::collections::HashSet;

use fangan_model::{fold::fold_str, ClauseId, Document, Level, SectionKind, Span};
use serde::{Deserialize, Serialize};

use crate::headline::{goal_lines, goals_heading, goals_intro};
use crate::review::past_lines;
use crate::table::column_values;
use crate::unit::UnitClass;
use crate::{Extractor, Kind, Target};

/// A target found in one clause of a plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClauseTarget {
    /// The clause it was found in (index into `Document::clauses`).
    pub clause: ClauseId,
    /// A headline target of the plan: the clause is in an objectives section
    /// (`一、主要预期目标`) or under a goals heading (`（二）发展目标`), or the
    /// paragraph announces goals before it (`主要预期目标是:…`).
    pub headline: bool,
    /// 1-based line of the original file where the snippet starts.
    pub line: usize,
    /// Byte range of the snippet in the original file (`Document::text`).
    pub source: Span,
    /// The target; its `span` is a byte range of the clause's `text`.
    pub target: Target,
}

/// Indicators that say what is measured but not of what (`产值`): in a
/// subheading clause (`装备制造产业。…`), the heading completes them.
const GENERIC: &[&str] = &[
    "产值",
    "年产值",
    "总产值",
    "营业收入",
    "营收",
    "总收入",
    "年税收",
    "税收",
];

/// Drops the targets of the front matter that the body repeats word for
/// word: a news lead-in or summary (`地区生产总值增长5%左右` above the plan)
/// quotes the plan's own targets, which count once, where the plan sets
/// them.
fn drop_front_repeats(doc: &Document, found: &mut Vec<ClauseTarget>) {
    let front = |t: &ClauseTarget| doc.clauses[t.clause].level == Level::Front;
    let key = |t: &ClauseTarget| (fold_str(&t.target.snippet), t.target.value.to_bits());
    let body: HashSet<(String, u64)> = found.iter().filter(|t| !front(t)).map(key).collect();
    found.retain(|t| !front(t) || !body.contains(&key(t)));
}

/// The clause whose text holds `source` (a byte range of the file), and
/// the range of that text.
fn locate(doc: &Document, source: Span) -> Option<(ClauseId, Span)> {
    doc.clauses.iter().enumerate().find_map(|(id, c)| {
        if source.start < c.span.start || source.end > c.span.end {
            return None;
        }
        let chars: Vec<usize> = (0..c.map.char_len())
            .filter(|&i| {
                let p = c.map.parent_of_char(i);
                p.start >= source.start && p.end <= source.end
            })
            .collect();
        let (&first, &last) = (chars.first()?, chars.last()?);
        let span = Span::new(c.map.byte_of_char(first), c.map.byte_of_char(last + 1));
        Some((id, span))
    })
}

/// True when clause `id` or one of its parents has a goals heading.
fn under_goals(doc: &Document, id: ClauseId) -> bool {
    let mut at = Some(id);
    while let Some(i) = at {
        let c = &doc.clauses[i];
        if goals_heading(&c.heading) {
            return true;
        }
        at = c.parent;
    }
    false
}

impl Extractor {
    /// All targets of `doc`, clause by clause in document order; numbers
    /// of a review of the past are no targets.
    pub fn extract_document(&self, doc: &Document) -> Vec<ClauseTarget> {
        let mut out = Vec::new();
        let lines = fangan_model::LineIndex::new(&doc.text);
        let past = past_lines(&doc.text);
        let goals = goal_lines(&doc.text);
        for (id, clause) in doc.clauses.iter().enumerate() {
            let goals_clause = clause.kind == SectionKind::Objectives || under_goals(doc, id);
            for mut target in self.extract(&clause.text) {
                let source = clause.map.source_span(target.span);
                let line = lines.line(source.start);
                if past.get(line - 1).copied().unwrap_or(false) {
                    continue;
                }
                if GENERIC.contains(&target.indicator.as_str())
                    && clause.level == Level::Subheading
                    && !clause.heading.is_empty()
                {
                    // 全年产值达280亿元 under 装备制造产业: the heading says whose
                    target.indicator = format!("{}{}", clause.heading, target.indicator);
                    target.canonical = self.canonical(&target.indicator, target.kind);
                }
                let paragraph = clause.text[..target.span.start]
                    .rsplit('\n')
                    .next()
                    .unwrap_or("");
                let under_goal_line = goals.get(line - 1).copied().unwrap_or(false);
                out.push(ClauseTarget {
                    clause: id,
                    headline: goals_clause || under_goal_line || goals_intro(paragraph),
                    line,
                    source,
                    target,
                });
            }
        }
        for v in column_values(&doc.text) {
            let line = lines.line(v.span.start);
            if past.get(line - 1).copied().unwrap_or(false) {
                continue;
            }
            let Some((id, span)) = locate(doc, v.span) else {
                continue;
            };
            let kind = match v.unit.class {
                UnitClass::Count => Kind::Count,
                UnitClass::Percent => Kind::Share,
                UnitClass::Points => Kind::Change,
                _ => Kind::Level,
            };
            let clause = &doc.clauses[id];
            let under_goal_line = goals.get(line - 1).copied().unwrap_or(false);
            out.push(ClauseTarget {
                clause: id,
                headline: clause.kind == SectionKind::Objectives
                    || under_goals(doc, id)
                    || under_goal_line,
                line,
                source: v.span,
                target: Target {
                    canonical: self.canonical(&v.indicator, kind),
                    indicator: v.indicator,
                    value: v.value,
                    value_max: None,
                    unit: v.unit.name,
                    kind,
                    qualifiers: Vec::new(),
                    snippet: span.slice(&clause.text).to_string(),
                    span,
                    placeholder: false,
                },
            });
        }
        out.sort_by_key(|t| (t.clause, t.source.start));
        drop_front_repeats(doc, &mut out);
        out
    }

    /// The headline targets of `doc` (those of its objectives sections).
    pub fn headline(&self, doc: &Document) -> Vec<ClauseTarget> {
        let mut all = self.extract_document(doc);
        all.retain(|t| t.headline);
        all
    }
}

#[cfg(test)]
mod tests {
    use fangan_model::{Clause, MappedTextBuilder, PlanMeta, SourceInfo};

    use super::*;

    /// A document of one objectives clause whose text is `line2` of a
    /// two-line file, with `**` markup removed as the parser does.
    fn doc() -> Document {
        let original = "一、目标\n**地区生产总值**增长 8%以上，力争突破 420 亿元。\n";
        let start = original.find("**").unwrap();
        let mut b = MappedTextBuilder::new();
        let mut at = start;
        for part in original[start..].trim_end().split("**") {
            b.push_copied(part, at);
            at += part.len() + 2;
        }
        let map = b.build();
        let clause = Clause {
            path: "一".into(),
            label: String::new(),
            level: Level::Section,
            heading: String::new(),
            text: map.text().to_string(),
            map,
            kind: SectionKind::Objectives,
            line: 2,
            end_line: 2,
            span: Span::new(start, original.len() - 1),
            parent: None,
            children: vec![],
            notes: vec![],
        };
        Document {
            meta: PlanMeta::default(),
            source: SourceInfo::default(),
            text: original.to_string(),
            clauses: vec![clause],
            residue: vec![],
            warnings: vec![],
        }
    }

    /// One clause per line of `text`: `(level, kind, parent)` each; the
    /// heading is the line up to its first `。`.
    fn doc_of(text: &str, shape: &[(Level, SectionKind, Option<usize>)]) -> Document {
        let mut clauses = Vec::new();
        let mut at = 0;
        for (i, (line, &(level, kind, parent))) in text.lines().zip(shape).enumerate() {
            let mut b = MappedTextBuilder::new();
            b.push_copied(line, at);
            clauses.push(Clause {
                path: i.to_string(),
                label: String::new(),
                level,
                heading: line.split('。').next().unwrap_or("").to_string(),
                text: line.to_string(),
                map: b.build(),
                kind,
                line: i + 1,
                end_line: i + 1,
                span: Span::new(at, at + line.len()),
                parent,
                children: vec![],
                notes: vec![],
            });
            at += line.len() + 1;
        }
        Document {
            meta: PlanMeta::default(),
            source: SourceInfo::default(),
            text: text.to_string(),
            clauses,
            residue: vec![],
            warnings: vec![],
        }
    }

    use Level::{Front, Group, Section, Task};
    use SectionKind::{Other, Tasks};

    #[test]
    fn a_review_of_the_past_has_no_targets() {
        let d = doc_of(
            "一、上年工作回顾\n全县地区生产总值增长6.5%,新增企业12家。\n二、今年工作安排\n地区生产总值增长6%左右。",
            &[
                (Section, Other, None),
                (Task, Other, Some(0)),
                (Section, Tasks, None),
                (Task, Tasks, Some(2)),
            ],
        );
        let found = Extractor::new().extract_document(&d);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].target.value, found[0].line), (6.0, 4));
    }

    #[test]
    fn goals_under_a_goals_heading_or_announced_are_headline() {
        let d = doc_of(
            "一、总体思路\n(二)发展目标。工业增加值增长8%。\n今年的主要预期目标是:地区生产总值增长6%左右。\n围绕主要目标,新增企业5家。",
            &[
                (Section, Other, None),
                (Group, Other, Some(0)),
                (Front, Other, None),
                (Front, Other, None),
            ],
        );
        let found = Extractor::new().extract_document(&d);
        let headline: Vec<(f64, bool)> =
            found.iter().map(|t| (t.target.value, t.headline)).collect();
        assert_eq!(headline, [(8.0, true), (6.0, true), (5.0, false)]);
    }

    #[test]
    fn front_matter_quoting_the_body_counts_once() {
        let d = doc_of(
            "地区生产总值增长5%左右\n近日,区政府印发方案,明确新增企业3家。\n一、主要预期指标\n1.地区生产总值增长5%左右。",
            &[
                (Front, Other, None),
                (Front, Other, None),
                (Section, SectionKind::Objectives, None),
                (Task, SectionKind::Objectives, Some(2)),
            ],
        );
        let found = Extractor::new().extract_document(&d);
        let lines: Vec<usize> = found.iter().map(|t| t.line).collect();
        assert_eq!(lines, [2, 4]);
        assert_eq!(found[1].target.indicator, "地区生产总值");
        assert!(found[1].headline);
    }

    #[test]
    fn a_unit_column_of_a_table_gives_targets() {
        let text = "|\n项目名称 |\n建设内容 |\n年度投资金额(万元) |\n|\n城北道路项目 |\n建成道路1.2公里。 |\n3000 |\n|";
        let shape = vec![(Front, Other, None); text.lines().count()];
        let d = doc_of(text, &shape);
        let found = Extractor::new().extract_document(&d);
        let read: Vec<(usize, f64, &str)> = found
            .iter()
            .map(|t| (t.line, t.target.value, t.target.unit.as_str()))
            .collect();
        assert_eq!(read, [(7, 1.2, "公里"), (8, 3000.0, "万元")]);
        assert_eq!(found[1].target.indicator, "城北道路项目年度投资金额");
        assert_eq!(found[1].source.slice(&d.text), "3000");
        assert_eq!(found[1].target.snippet, "3000");
    }

    #[test]
    fn targets_point_into_the_original_file() {
        let d = doc();
        let found = Extractor::new().extract_document(&d);
        assert_eq!(found.len(), 2);
        let gdp = &found[0];
        assert!(gdp.headline);
        assert_eq!(gdp.line, 2);
        assert_eq!(gdp.target.snippet, "地区生产总值增长 8%以上");
        assert_eq!(gdp.source.slice(&d.text), "地区生产总值**增长 8%以上");
        assert_eq!(found[1].source.slice(&d.text), "力争突破 420 亿元");
        assert_eq!(Extractor::new().headline(&d).len(), 2);
    }
}
