//! The extracted data: [`Target`] and its [`Kind`].

use fangan_model::Span;
use serde::{Deserialize, Deserializer, Serialize};

/// What a target's number measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A growth rate: `地区生产总值增长 8%`.
    GrowthRate,
    /// An amount or a level: `总量达到 420 亿元`, `稳定在 102 万亩`.
    Level,
    /// A number of things: `新增限额以上企业 40 家`.
    Count,
    /// A rate or a share: `履约率达 90%`, `占比达到 80%`.
    Share,
    /// A place in a ranking: `进入前 13 名`.
    Rank,
    /// A change in percentage points: `城镇化率提高 1 个百分点`.
    Change,
}

impl Kind {
    /// The kebab-case name used in JSON, CSV and filters.
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::GrowthRate => "growth-rate",
            Kind::Level => "level",
            Kind::Count => "count",
            Kind::Share => "share",
            Kind::Rank => "rank",
            Kind::Change => "change",
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One numeric target found in a text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// The indicator as written (`全社会固定资产投资`), cleaned of verbs and
    /// qualifiers; may be empty when the text names none.
    pub indicator: String,
    /// The canonical indicator (`固定资产投资增速`) from the indicator table,
    /// or the written indicator when the table does not know it.
    pub canonical: String,
    /// The number (lower end of a range). `NaN` when the plan writes a
    /// placeholder (`x%`, `××亿元`); see [`Target::placeholder`]. (JSON
    /// writes NaN as `null`, and reads `null` back as NaN.)
    #[serde(deserialize_with = "nan_if_null")]
    pub value: f64,
    /// Upper end of a range (`1-2 项`), if any.
    pub value_max: Option<f64>,
    /// The unit as normalized (`%`, `亿元`, `个百分点`, `万人次`, `元/月`),
    /// empty for a bare threshold such as `破零`.
    pub unit: String,
    /// What the number measures.
    pub kind: Kind,
    /// Folded qualifiers in reading order (`力争`, `达到`, `以上`).
    pub qualifiers: Vec<String>,
    /// Byte range in the input text of the snippet.
    pub span: Span,
    /// The source snippet, exactly as written (`span` sliced from the input).
    pub snippet: String,
    /// True when the value is a placeholder (`x`, `××`) rather than a number.
    pub placeholder: bool,
}

/// Reads a number, `null` as NaN (what JSON makes of a placeholder).
fn nan_if_null<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::NAN))
}

impl Target {
    /// The qualifiers joined by `+` (`力争+以上`), `none` when there are none.
    pub fn qualifier(&self) -> String {
        if self.qualifiers.is_empty() {
            "none".to_string()
        } else {
            self.qualifiers.join("+")
        }
    }

    /// Value, unit and qualifiers as one short phrase: `力争 8%以上`,
    /// `达到 90%以上`, `1-2项`.
    pub fn display(&self) -> String {
        const CLOSING: &[&str] = &["以上", "左右", "以内"];
        let before: Vec<&str> = self
            .qualifiers
            .iter()
            .map(String::as_str)
            .filter(|q| !CLOSING.contains(q))
            .collect();
        let after: String = self
            .qualifiers
            .iter()
            .map(String::as_str)
            .filter(|q| CLOSING.contains(q))
            .collect();
        let mut out = before.join("");
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&self.value_text());
        out.push_str(&self.unit);
        out.push_str(&after);
        out
    }

    /// The value as written for people: `8`, `8.5`, `1-2`, `x`.
    pub fn value_text(&self) -> String {
        if self.placeholder {
            return "x".to_string();
        }
        match self.value_max {
            Some(max) => format!("{}-{}", self.value, max),
            None => format!("{}", self.value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_text_and_qualifier() {
        let t = Target {
            indicator: "关键核心技术".into(),
            canonical: "关键核心技术".into(),
            value: 1.0,
            value_max: Some(2.0),
            unit: "项".into(),
            kind: Kind::Count,
            qualifiers: vec![],
            span: Span::new(0, 0),
            snippet: String::new(),
            placeholder: false,
        };
        assert_eq!(t.value_text(), "1-2");
        assert_eq!(t.qualifier(), "none");
        assert_eq!(t.display(), "1-2项");
        let t = Target {
            qualifiers: vec!["力争".into(), "达到".into(), "以上".into()],
            value: 90.0,
            value_max: None,
            unit: "%".into(),
            ..t
        };
        assert_eq!(t.display(), "力争达到 90%以上");
        assert_eq!(Kind::GrowthRate.to_string(), "growth-rate");
    }
}
