//! [`Level`]: the administrative level of a place.

use std::fmt;

/// The administrative level of a place, as researchers name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// A province, autonomous region or municipality (省).
    Province,
    /// A prefecture-level city (市).
    City,
    /// An autonomous prefecture or a prefecture (州, 地区).
    Prefecture,
    /// A league of Inner Mongolia (盟).
    League,
    /// A county or autonomous county (县).
    County,
    /// A district of a city (区).
    District,
    /// A county-level city (县级市).
    CountyCity,
    /// A banner or autonomous banner of Inner Mongolia (旗).
    Banner,
}

impl Level {
    /// Every level, from the top.
    pub const ALL: [Level; 8] = [
        Level::Province,
        Level::City,
        Level::Prefecture,
        Level::League,
        Level::County,
        Level::District,
        Level::CountyCity,
        Level::Banner,
    ];

    /// The label used in plan metadata and `level:` filters
    /// (`省 市 州 盟 县 区 县级市 旗`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Level::Province => "省",
            Level::City => "市",
            Level::Prefecture => "州",
            Level::League => "盟",
            Level::County => "县",
            Level::District => "区",
            Level::CountyCity => "县级市",
            Level::Banner => "旗",
        }
    }

    /// The level a label names (the labels of [`Level::as_str`], plus
    /// `地区`, `自治州`, `自治县`, `自治旗`, `县级`).
    pub fn parse(label: &str) -> Option<Level> {
        Level::ALL
            .into_iter()
            .find(|l| l.as_str() == label)
            .or(match label {
                "地区" | "自治州" => Some(Level::Prefecture),
                "自治县" => Some(Level::County),
                "自治旗" => Some(Level::Banner),
                "县级" => Some(Level::CountyCity),
                "自治区" | "直辖市" => Some(Level::Province),
                _ => None,
            })
    }

    /// Rank from the top: province 0, prefecture level 1, county level 2.
    pub fn rank(&self) -> u8 {
        match self {
            Level::Province => 0,
            Level::City | Level::Prefecture | Level::League => 1,
            _ => 2,
        }
    }

    /// True for the county level (县, 区, 县级市, 旗).
    pub fn is_county_level(&self) -> bool {
        self.rank() == 2
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip() {
        for l in Level::ALL {
            assert_eq!(Level::parse(l.as_str()), Some(l));
        }
        assert_eq!(Level::parse("自治州"), Some(Level::Prefecture));
        assert_eq!(Level::parse("乡"), None);
        assert!(Level::CountyCity.is_county_level());
        assert!(!Level::City.is_county_level());
    }
}
