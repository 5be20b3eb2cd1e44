//! What the analysis needs to know about each plan besides its text: its
//! administrative level, its dates, its title, the titles it says it
//! implements and its places. The command line fills a [`PlanInfo`] from
//! the plan's metadata; [`PlanInfo::from_meta`] and [`cited_titles`] do
//! the obvious part.

use std::sync::LazyLock;

use fangan_model::{fold, PlanMeta};
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Administrative level of the government that issued a plan, highest
/// first (the order of `Ord` is province > city > county).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AdminLevel {
    /// 省, 自治区, 直辖市.
    Province,
    /// 地级市, 州, 盟.
    City,
    /// 县, 县级市, 区, 旗.
    County,
}

impl AdminLevel {
    /// Rank: 3 for a province, 2 for a city, 1 for a county.
    pub fn rank(self) -> u8 {
        match self {
            AdminLevel::Province => 3,
            AdminLevel::City => 2,
            AdminLevel::County => 1,
        }
    }

    /// The lower-case name used in JSON and graphs.
    pub fn as_str(self) -> &'static str {
        match self {
            AdminLevel::Province => "province",
            AdminLevel::City => "city",
            AdminLevel::County => "county",
        }
    }

    /// Reads a level as written in a manifest (`省`, `市`, `县`, `区`,
    /// `province`…); `None` when it names none.
    pub fn parse(s: &str) -> Option<AdminLevel> {
        match s.trim() {
            "省" | "自治区" | "直辖市" | "province" => Some(AdminLevel::Province),
            "市" | "地级市" | "州" | "盟" | "city" => Some(AdminLevel::City),
            "县" | "区" | "县级市" | "旗" | "county" | "district" => Some(AdminLevel::County),
            _ => None,
        }
    }
}

/// What the analysis knows of one plan besides its text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanInfo {
    /// Stable id (`pingjiang-2023`).
    pub id: String,
    /// Title of the plan.
    pub title: Option<String>,
    /// Administrative level of the issuing government.
    pub level: Option<AdminLevel>,
    /// Year the plan is for.
    pub year: Option<u16>,
    /// Date of issue, `YYYY-MM-DD`.
    pub issued: Option<String>,
    /// County or district (`平江县`), for county-level plans.
    pub county: Option<String>,
    /// Prefecture-level city (`岳阳市`).
    pub city: Option<String>,
    /// Province (`湖南省`).
    pub province: Option<String>,
    /// Titles of the documents the plan says it implements
    /// (`根据《…》`, `贯彻落实《…》`), as written.
    pub implements: Vec<String>,
}

impl PlanInfo {
    /// The fields a [`PlanMeta`] gives (no issue date, no citations).
    pub fn from_meta(meta: &PlanMeta) -> PlanInfo {
        PlanInfo {
            id: meta.id.clone(),
            title: meta.title.clone(),
            level: meta.level.as_deref().and_then(AdminLevel::parse),
            year: meta.year,
            issued: meta.date.clone(),
            county: meta.county.clone(),
            city: meta.city.clone(),
            province: meta.province.clone(),
            implements: meta.implements.clone(),
        }
    }

    /// Checks the fields that have a format (the issue date).
    pub fn validate(&self) -> Result<()> {
        if let Some(d) = &self.issued {
            if days_of(d).is_none() {
                return Err(Error::Plan {
                    plan: self.id.clone(),
                    message: format!("issue date {d:?} is not a date YYYY-MM-DD"),
                });
            }
        }
        Ok(())
    }

    /// The issue date as days since 1970-01-01, when known.
    pub fn issued_day(&self) -> Option<i64> {
        self.issued.as_deref().and_then(days_of)
    }

    /// Names of the plan's own places: county, city and province.
    pub fn own_places(&self) -> impl Iterator<Item = &str> {
        [&self.county, &self.city, &self.province]
            .into_iter()
            .flatten()
            .map(String::as_str)
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian);
/// `None` when it is not a valid date.
pub fn days_of(date: &str) -> Option<i64> {
    let mut it = date.trim().split('-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let d: u32 = it.next()?.parse().ok()?;
    if it.next().is_some() || !(1..=12).contains(&m) || d == 0 {
        return None;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if d > month_days[m as usize - 1] {
        return None;
    }
    // days from civil (Howard Hinnant's algorithm)
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146097 + doe - 719468)
}

/// `根据《…》`, `贯彻落实《…》`, `按照《…》`, `落实《…》`: a title cited as
/// the basis of the plan. Several titles joined by `、` or `和` after one
/// verb are all taken.
static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:根据|依据|按照|贯彻落实|贯彻|落实|对照)((?:《[^《》\n]{2,80}》[、和及与,，]?)+)",
    )
    .expect("valid regex")
});

static TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"《([^《》\n]{2,80})》").expect("valid regex"));

/// The titles `text` says it implements (`根据《岳阳市打好经济增长主动仗
/// 工作方案》`), in order, without duplicates, as written.
pub fn cited_titles(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in CITATION.captures_iter(text) {
        for t in TITLE.captures_iter(&m[1]) {
            let t = t[1].to_string();
            if !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}

/// The key titles are compared by: folded, without brackets, quotes and
/// punctuation.
pub fn title_key(title: &str) -> String {
    fold::fold_str(title)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_rank_province_first() {
        assert!(AdminLevel::Province.rank() > AdminLevel::City.rank());
        assert_eq!(AdminLevel::parse("区"), Some(AdminLevel::County));
        assert_eq!(AdminLevel::parse("市"), Some(AdminLevel::City));
        assert_eq!(AdminLevel::parse("乡"), None);
    }

    #[test]
    fn dates_count_days() {
        assert_eq!(days_of("1970-01-01"), Some(0));
        assert_eq!(
            days_of("2024-03-01").unwrap() - days_of("2024-02-28").unwrap(),
            2
        );
        assert_eq!(
            days_of("2023-03-01").unwrap() - days_of("2023-02-28").unwrap(),
            1
        );
        assert_eq!(days_of("2023-02-29"), None);
        assert_eq!(days_of("2023-13-01"), None);
        let bad = PlanInfo {
            id: "x".into(),
            issued: Some("2023/3/1".into()),
            ..Default::default()
        };
        assert!(bad
            .validate()
            .unwrap_err()
            .to_string()
            .starts_with("plan x:"));
    }

    #[test]
    fn citations_are_read() {
        let text = "为贯彻落实《岳阳市打好经济增长主动仗工作方案》和《湖南省稳增长若干措施》，\
                    根据《中华人民共和国预算法》，制定本方案。参见《某某报》。";
        assert_eq!(
            cited_titles(text),
            [
                "岳阳市打好经济增长主动仗工作方案",
                "湖南省稳增长若干措施",
                "中华人民共和国预算法"
            ]
        );
        assert_eq!(title_key("《打好 经济增长“主动仗”》"), "打好经济增长主动仗");
    }
}
