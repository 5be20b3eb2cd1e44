//! Inferring a plan's county, level, year and title from its text.
//!
//! Used where no manifest describes the plan. Every inferred value is
//! recorded with its evidence; what cannot be read stays unknown.

use fangan_model::{Inference, PlanMeta};

/// Words ending in 县/区 that are not place names.
const NOT_PLACES: &[&str] = &[
    "全县",
    "我县",
    "本县",
    "各县",
    "该县",
    "全区",
    "我区",
    "本区",
    "各区",
    "该区",
    "城区",
    "园区",
    "社区",
    "景区",
    "片区",
    "新区",
    "高新区",
    "示范区",
    "开发区",
    "功能区",
    "保护区",
    "街区",
    "市区",
    "辖区",
    "山区",
    "湖区",
    "矿区",
    "老区",
    "试验区",
    "集聚区",
    "先行区",
    "度假区",
    "产业区",
    "工业区",
    "县区",
    "郊区",
    "商圈区",
    "校区",
    "港区",
    "库区",
    "灾区",
    "牧区",
    "林区",
    "边区",
    "地区",
    "省区",
    "分区",
    "自治区",
    "经济区",
    "特区",
    "城区",
    "小区",
    "营区",
    "警区",
    "坝区",
    "湾区",
    "合作区",
    "承接区",
    "联动区",
    "协同区",
];

/// Fills the unknown fields of `meta` from the plan's title, text and file stem.
pub fn infer(meta: &mut PlanMeta, title: Option<&str>, text: &str, stem: &str) {
    if meta.title.is_none() {
        if let Some(t) = title {
            meta.title = Some(t.to_string());
            note(meta, "title", t, "first line of the plan");
        }
    }
    if meta.county.is_none() {
        if let Some((county, evidence)) = county(title.unwrap_or(""), text) {
            meta.county = Some(county.clone());
            note(meta, "county", &county, &evidence);
        }
    }
    if meta.province.is_none() {
        if let Some((p, evidence)) = province(title.unwrap_or(""), text) {
            meta.province = Some(p.clone());
            note(meta, "province", &p, &evidence);
        }
    }
    let provincial_title = title.is_some_and(|t| {
        PROVINCES
            .iter()
            .any(|p| t.contains(&format!("{p}省")) || t.contains(&format!("{p}自治区")))
    });
    if meta.level.is_none() && meta.county.is_none() && provincial_title {
        meta.level = Some("省".into());
        note(meta, "level", "省", "the title names a province");
    }
    if meta.level.is_none() {
        let level = meta
            .county
            .as_deref()
            .and_then(|c| c.chars().last())
            .filter(|c| matches!(c, '县' | '区' | '市' | '旗'))
            .map(|c| {
                (
                    c.to_string(),
                    format!("county name {}", meta.county.as_deref().unwrap_or("")),
                )
            })
            .or_else(|| {
                // how the plan speaks of itself: 我县/全县, 我区/全区, 我市/全市
                let (level, n) = self_references(text);
                (n > 0).then(|| (level.to_string(), format!("我{level}/全{level} ×{n}")))
            });
        if let Some((level, evidence)) = level {
            meta.level = Some(level.clone());
            note(meta, "level", &level, &evidence);
        }
    }
    if meta.year.is_none() {
        if let Some((year, evidence)) = year(title.unwrap_or(""), stem, text) {
            meta.year = Some(year);
            note(meta, "year", &year.to_string(), &evidence);
        }
    }
}

/// The level a plan speaks of itself at (我县/全县, 我区/全区, 我市/全市),
/// by one pass over the text: the most frequent, with its count. (全省 is
/// left out: county plans measure themselves against the province all the
/// time; a provincial document says so in its title.)
fn self_references(text: &str) -> (&'static str, usize) {
    const LEVELS: [(char, &str); 3] = [('县', "县"), ('区', "区"), ('市', "市")];
    let mut counts = [0usize; 3];
    let mut prev = ' ';
    for c in text.chars() {
        if prev == '我' || prev == '全' {
            if let Some(k) = LEVELS.iter().position(|&(l, _)| l == c) {
                counts[k] += 1;
            }
        }
        prev = c;
    }
    let (k, &n) = counts
        .iter()
        .enumerate()
        .max_by_key(|&(_, n)| *n)
        .expect("four levels");
    (LEVELS[k].1, n)
}

fn note(meta: &mut PlanMeta, field: &str, value: &str, evidence: &str) {
    meta.inferred.push(Inference {
        field: field.to_string(),
        value: value.to_string(),
        evidence: evidence.to_string(),
    });
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Province-level regions (for `湖南省…`, `西藏自治区…`, `重庆市…`).
const PROVINCES: &[&str] = &[
    "北京",
    "天津",
    "河北",
    "山西",
    "内蒙古",
    "辽宁",
    "吉林",
    "黑龙江",
    "上海",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "海南",
    "重庆",
    "四川",
    "贵州",
    "云南",
    "西藏",
    "陕西",
    "甘肃",
    "青海",
    "宁夏",
    "新疆",
];

/// A place name `XX县` / `XXX区` found in the text.
struct Candidate {
    name: String,
    count: usize,
    /// Seen followed by 人民政府 / 政府 / 委 (the county's own bodies).
    strong: usize,
}

/// Place names ending in 县/区 that start at a boundary (text start, a
/// line break, punctuation): `来源:岳阳楼区政府` gives 岳阳楼区, while
/// `及时呈报县人民政府` gives nothing.
fn candidates(text: &str) -> Vec<Candidate> {
    let chars: Vec<char> = text.chars().collect();
    let mut found: Vec<Candidate> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if c != '县' && c != '区' {
            continue;
        }
        for len in [2usize, 3] {
            if i < len {
                continue;
            }
            let start = i - len;
            let bounded = start == 0 || !is_han(chars[start - 1]);
            if !bounded || !chars[start..i].iter().all(|&c| is_han(c)) {
                continue;
            }
            let name: String = chars[start..=i].iter().collect();
            if NOT_PLACES.iter().any(|w| name.ends_with(w))
                || PROVINCES.iter().any(|p| name.starts_with(p))
            {
                continue;
            }
            let after: String = chars[i + 1..(i + 5).min(chars.len())].iter().collect();
            let strong = ["人民政府", "政府", "委"]
                .iter()
                .any(|s| after.starts_with(s)) as usize;
            match found.iter_mut().find(|c| c.name == name) {
                Some(c) => {
                    c.count += 1;
                    c.strong += strong;
                }
                None => found.push(Candidate {
                    name,
                    count: 1,
                    strong,
                }),
            }
        }
    }
    found.sort_by(|a, b| {
        b.strong
            .cmp(&a.strong)
            .then(b.count.cmp(&a.count))
            .then(a.name.cmp(&b.name))
    });
    found
}

fn county(title: &str, text: &str) -> Option<(String, String)> {
    // 1. the title starts with the place: `绥宁县实施…`
    let t: Vec<char> = title.chars().collect();
    for len in [2usize, 3] {
        if t.len() > len && matches!(t[len], '县' | '区') && t[..len].iter().all(|&c| is_han(c)) {
            let name: String = t[..=len].iter().collect();
            if !NOT_PLACES.contains(&name.as_str()) {
                return Some((name, format!("title {title:?}")));
            }
        }
    }
    // 2. a name seen with its government (`湘阴县人民政府`), else one that recurs
    let best = candidates(text).into_iter().next()?;
    if best.strong > 0 {
        Some((
            best.name.clone(),
            format!(
                "\"{}人民政府/政府/委\" ×{} in the text",
                best.name, best.strong
            ),
        ))
    } else if best.count >= 3 {
        Some((
            best.name.clone(),
            format!("{:?} ×{} in the text", best.name, best.count),
        ))
    } else {
        None
    }
}

/// The province named in the title (`2026年湖南省政府工作报告`), else the
/// one the text names most (`湖南省…`).
fn province(title: &str, text: &str) -> Option<(String, String)> {
    let suffixes = [
        "省",
        "自治区",
        "壮族自治区",
        "回族自治区",
        "维吾尔自治区",
        "市",
    ];
    for p in PROVINCES {
        if suffixes.iter().any(|s| title.contains(&format!("{p}{s}"))) {
            return Some((p.to_string(), format!("title {title:?}")));
        }
    }
    // one pass over the 省 of the text
    let mut counts = [0usize; PROVINCES.len()];
    for (i, _) in text.match_indices('省') {
        if let Some(k) = PROVINCES.iter().position(|p| text[..i].ends_with(p)) {
            counts[k] += 1;
        }
    }
    let (k, &n) = counts.iter().enumerate().max_by_key(|&(_, n)| *n)?;
    let p = PROVINCES[k];
    (n > 0).then(|| (p.to_string(), format!("\"{p}省\" ×{n} in the text")))
}

fn year(title: &str, stem: &str, text: &str) -> Option<(u16, String)> {
    if let Some(y) = title
        .find('年')
        .and_then(|i| title.get(i.saturating_sub(4)..i))
        .and_then(|s| s.parse::<u16>().ok())
    {
        if (2000..=2100).contains(&y) {
            return Some((y, format!("title {title:?}")));
        }
    }
    let in_stem = stem
        .as_bytes()
        .windows(4)
        .filter_map(|w| std::str::from_utf8(w).ok()?.parse::<u16>().ok())
        .find(|y| (2000..=2100).contains(y));
    if let Some(y) = in_stem {
        return Some((y, format!("file name {stem:?}")));
    }
    let mut counts: std::collections::BTreeMap<u16, usize> = Default::default();
    let b = text.as_bytes();
    for (i, _) in text.match_indices('年') {
        if i >= 4 && (i < 5 || !b[i - 5].is_ascii_digit()) {
            if let Some(y) = std::str::from_utf8(&b[i - 4..i])
                .ok()
                .and_then(|s| s.parse::<u16>().ok())
            {
                if (2000..=2100).contains(&y) {
                    *counts.entry(y).or_default() += 1;
                }
            }
        }
    }
    let (&y, &n) = counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(a.0.cmp(b.0)))?;
    Some((y, format!("\"{y}年\" ×{n} in the text")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn county_from_title_and_text() {
        let mut m = PlanMeta::default();
        infer(
            &mut m,
            Some("绥宁县实施“八大行动”总体方案"),
            "全县产业保持稳步增长。2024年末",
            "x",
        );
        assert_eq!(m.county.as_deref(), Some("绥宁县"));
        assert_eq!(m.level.as_deref(), Some("县"));
        assert_eq!(m.year, Some(2024));
        assert!(m.inferred.iter().any(|i| i.field == "county"));
    }

    #[test]
    fn unknown_stays_unknown() {
        let mut m = PlanMeta::default();
        infer(&mut m, None, "加强组织领导。", "plan");
        assert_eq!(m.county, None);
        assert_eq!(m.year, None);
        assert_eq!(m.level, None);
    }
}
