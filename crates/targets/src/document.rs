//! Targets of a whole plan: the extractor run over every clause of a
//! [`Document`], each target located in the original file.

use fangan_model::{ClauseId, Document, Level, SectionKind, Span};
use serde::{Deserialize, Serialize};

use crate::{Extractor, Target};

/// A target found in one clause of a plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClauseTarget {
    /// The clause it was found in (index into `Document::clauses`).
    pub clause: ClauseId,
    /// The clause is in an objectives section (`一、工作目标`): a headline
    /// target of the plan.
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

impl Extractor {
    /// All targets of `doc`, clause by clause in document order.
    pub fn extract_document(&self, doc: &Document) -> Vec<ClauseTarget> {
        let mut out = Vec::new();
        let lines = fangan_model::LineIndex::new(&doc.text);
        for (id, clause) in doc.clauses.iter().enumerate() {
            for mut target in self.extract(&clause.text) {
                if GENERIC.contains(&target.indicator.as_str())
                    && clause.level == Level::Subheading
                    && !clause.heading.is_empty()
                {
                    // 全年产值达280亿元 under 装备制造产业: the heading says whose
                    target.indicator = format!("{}{}", clause.heading, target.indicator);
                    target.canonical = self.canonical(&target.indicator, target.kind);
                }
                let source = clause.map.source_span(target.span);
                out.push(ClauseTarget {
                    clause: id,
                    headline: clause.kind == SectionKind::Objectives,
                    line: lines.line(source.start),
                    source,
                    target,
                });
            }
        }
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
