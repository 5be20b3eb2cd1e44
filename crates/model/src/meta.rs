//! What a plan is: its id, county, level, year and title.

use serde::{Deserialize, Serialize};

/// The descriptive fields of one plan.
///
/// Fields that are not known stay `None`; a value that was inferred from the
/// text rather than given by a manifest is listed in `inferred` with its
/// evidence, so it is never silently wrong.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanMeta {
    /// Stable id: the file stem (e.g. `pingjiang-2023`).
    pub id: String,
    /// County or district as written (`平江县`).
    pub county: Option<String>,
    /// Administrative level: `县`, `区` or `市`.
    pub level: Option<String>,
    /// Prefecture-level city (`岳阳市`).
    pub city: Option<String>,
    /// Province (`湖南`).
    pub province: Option<String>,
    /// Year the plan is for.
    pub year: Option<u16>,
    /// Title of the plan.
    pub title: Option<String>,
    /// The government that issued it, at any level (`绛县`, `鞍山市`,
    /// `山西省`); `county` repeats it when it is county-level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The date it was issued (`2023-09-01`), from the signature line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The date its page was published (`2023-09-01`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Its document number (`绛政办发〔2023〕14号`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_number: Option<String>,
    /// Where it was downloaded from (a manifest's `url`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The documents it implements (`根据《…》`, `贯彻落实《…》`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub implements: Vec<String>,
    /// Fields inferred from the text, with the evidence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<Inference>,
}

/// One inferred field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inference {
    /// Field name (`county`, `level`, `year`, `title`).
    pub field: String,
    /// The value chosen.
    pub value: String,
    /// Why: the text it was read from.
    pub evidence: String,
}
