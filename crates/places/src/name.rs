//! Place names as written: their level suffix, their stem and the one key
//! by which two names are the same place.
//!
//! `平江县`, `平江` and `平江縣` are one place (key `平江`); `恩施土家族苗族自治州`
//! and `恩施州` are one place (key `恩施`). Keys fold traditional characters
//! and full-width forms ([`fangan_model::fold`]). A stem keeps its suffix
//! when dropping it would leave one character (`城区`, `矿区` stay whole).

use fangan_model::fold::fold_str;

use crate::Level;

/// Suffixes of place names, longest first, with the level they give.
const SUFFIXES: &[(&str, Option<Level>)] = &[
    ("特别行政区", Some(Level::Province)),
    ("维吾尔自治区", Some(Level::Province)),
    ("壮族自治区", Some(Level::Province)),
    ("回族自治区", Some(Level::Province)),
    ("自治区", Some(Level::Province)),
    ("自治州", Some(Level::Prefecture)),
    ("自治县", Some(Level::County)),
    ("自治旗", Some(Level::Banner)),
    ("地区", Some(Level::Prefecture)),
    ("林区", Some(Level::County)),
    ("特区", Some(Level::County)),
    ("省", Some(Level::Province)),
    ("州", Some(Level::Prefecture)),
    ("盟", Some(Level::League)),
    ("县", Some(Level::County)),
    ("区", Some(Level::District)),
    ("旗", Some(Level::Banner)),
    ("市", None),
];

/// Peoples named in autonomous places (`…土家族苗族自治州`), dropped from
/// stems: `恩施土家族苗族自治州` → `恩施`.
const PEOPLES: &[&str] = &[
    "柯尔克孜",
    "维吾尔",
    "哈萨克",
    "达斡尔",
    "鄂伦春",
    "鄂温克",
    "塔吉克",
    "土家",
    "蒙古",
    "朝鲜",
    "布依",
    "哈尼",
    "傈僳",
    "拉祜",
    "纳西",
    "景颇",
    "仫佬",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "德昂",
    "保安",
    "裕固",
    "独龙",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
    "东乡",
    "撒拉",
    "苗",
    "回",
    "彝",
    "藏",
    "壮",
    "满",
    "侗",
    "瑶",
    "白",
    "傣",
    "黎",
    "佤",
    "畲",
    "水",
    "土",
    "羌",
    "布朗",
    "怒",
    "京",
    "各",
];

/// The name split into its stem and its suffix (`平江县` → (`平江`, `县`));
/// the suffix is empty when there is none to drop.
pub fn split(name: &str) -> (&str, &str) {
    let name = name.trim();
    for (suffix, _) in SUFFIXES {
        if let Some(stem) = name.strip_suffix(suffix) {
            let stem = strip_peoples(stem);
            if stem.chars().count() >= 2 {
                return (stem, &name[stem.len()..]);
            }
        }
    }
    (name, "")
}

/// `恩施土家族苗族` → `恩施`: trailing `…族` words of autonomous places.
fn strip_peoples(mut stem: &str) -> &str {
    loop {
        let Some(s) = stem.strip_suffix('族') else {
            return stem;
        };
        match PEOPLES.iter().find_map(|p| s.strip_suffix(p)) {
            Some(rest) if rest.chars().count() >= 2 => stem = rest,
            _ => return stem,
        }
    }
}

/// The stem of a place name: `平江县` → `平江`, `滕州市` → `滕州`,
/// `恩施土家族苗族自治州` → `恩施`, `城区` → `城区`.
pub fn stem(name: &str) -> &str {
    split(name).0
}

/// The key two names of one place share: the folded stem.
pub fn key(name: &str) -> String {
    let folded = fold_str(name);
    stem(&folded).to_string()
}

/// True when `a` and `b` name the same place as written (`平江`, `平江县`,
/// `平江縣`); different levels of one stem (`平江县`, `平江区`) match too, so
/// a resolver lists both.
pub fn same_place(a: &str, b: &str) -> bool {
    let (ka, kb) = (key(a), key(b));
    !ka.is_empty() && ka == kb
}

/// The level a name's suffix gives (`…县` county, `…区` district, `…旗`
/// banner, `…州` prefecture); `None` for `…市` (a city or a county-level
/// city: ask the [`crate::Gazetteer`]) and for names without a suffix.
pub fn level_of(name: &str) -> Option<Level> {
    let name = fold_str(name);
    let (stem, suffix) = split(&name);
    if suffix.is_empty() || stem.is_empty() {
        return None;
    }
    SUFFIXES
        .iter()
        .find(|(s, _)| suffix.ends_with(s))
        .and_then(|(_, l)| *l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drop_one_suffix_and_keep_two_characters() {
        for (name, want) in [
            ("平江县", "平江"),
            ("岳阳楼区", "岳阳楼"),
            ("滕州市", "滕州"),
            ("鄂托克旗", "鄂托克"),
            ("恩施土家族苗族自治州", "恩施"),
            ("恩施州", "恩施"),
            ("长阳土家族自治县", "长阳"),
            ("新疆维吾尔自治区", "新疆"),
            ("山西省", "山西"),
            ("城区", "城区"),
            ("湖南", "湖南"),
            ("阿里地区", "阿里"),
        ] {
            assert_eq!(stem(name), want, "{name}");
        }
        assert_eq!(split("平江县"), ("平江", "县"));
    }

    #[test]
    fn keys_fold_traditional_and_width() {
        assert_eq!(key("平江縣"), "平江");
        assert!(same_place("湘陰", "湘阴县"));
        assert!(!same_place("平江", "湘阴"));
        assert!(!same_place("", ""));
    }

    #[test]
    fn levels_from_suffixes() {
        assert_eq!(level_of("平江县"), Some(Level::County));
        assert_eq!(level_of("立山区"), Some(Level::District));
        assert_eq!(level_of("鄂托克前旗"), Some(Level::Banner));
        assert_eq!(level_of("滕州市"), None);
        assert_eq!(level_of("恩施土家族苗族自治州"), Some(Level::Prefecture));
        assert_eq!(level_of("湖南"), None);
    }
}
