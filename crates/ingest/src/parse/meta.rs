//! Inferring a plan's county, level, year and title from its text.
//!
//! Used where no manifest describes the plan. Every inferred value is
//! recorded with its evidence; what cannot be read stays unknown.

use fangan_model::{Inference, PlanMeta};

/// Words ending in 县/区 that are not place names.
const NOT_PLACES: &[&str] = &[
    "全县", "我县", "本县", "各县", "该县", "全区", "我区", "本区", "各区", "该区", "城区", "园区",
    "社区", "景区", "片区", "新区", "高新区", "示范区", "开发区", "功能区", "保护区", "街区", "市区",
    "辖区", "山区", "湖区", "矿区", "老区", "试验区", "集聚区", "先行区", "度假区", "产业区",
    "工业区", "县区", "郊区", "商圈区", "校区", "港区", "库区", "灾区", "牧区", "林区", "边区", "地区",
    "省区", "分区", "小区", "营区", "警区", "坝区", "湾区", "合作区", "承接区", "联动区", "协同区",
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
    if meta.level.is_none() {
        let level = meta
            .county
            .as_deref()
            .and_then(|c| c.chars().last())
            .filter(|c| matches!(c, '县' | '区' | '市' | '旗'))
            .map(|c| (c.to_string(), format!("county name {}", meta.county.as_deref().unwrap_or(""))))
            .or_else(|| {
                let county = text.matches("我县").count() + text.matches("全县").count();
                let district = text.matches("我区").count() + text.matches("全区").count();
                match county.cmp(&district) {
                    std::cmp::Ordering::Greater => Some(("县".into(), format!("我县/全县 ×{county}"))),
                    std::cmp::Ordering::Less => Some(("区".into(), format!("我区/全区 ×{district}"))),
                    std::cmp::Ordering::Equal => None,
                }
            });
        if let Some((level, evidence)) = level {
            meta.level = Some(level.clone());
            note(meta, "level", &level, &evidence);
        }
    }
    if meta.year.is_none() {
        if let Some((year, evidence)) = year(stem, text) {
            meta.year = Some(year);
            note(meta, "year", &year.to_string(), &evidence);
        }
    }
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

/// Candidate place names `XX县` / `XX区` / `XXX区` in `text`, counted.
fn candidates(text: &str) -> Vec<(String, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    for (i, &c) in chars.iter().enumerate() {
        if c != '县' && c != '区' {
            continue;
        }
        for len in [2usize, 3] {
            if i < len {
                continue;
            }
            let name: String = chars[i - len..=i].iter().collect();
            if !chars[i - len..i].iter().all(|&c| is_han(c)) || NOT_PLACES.iter().any(|w| name.ends_with(w)) {
                continue;
            }
            *counts.entry(name).or_default() += 1;
        }
    }
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.len().cmp(&b.0.len())).then(a.0.cmp(&b.0)));
    v
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
    // 2. `XX县人民政府`, `中共XX县委`, `XX县委` among the most frequent names
    let cands = candidates(text);
    for suffix in ["人民政府", "委", "政府"] {
        for cand in cands.iter().take(12) {
            let needle = format!("{}{}", cand.0, suffix);
            if text.contains(&needle) && !cand.0.starts_with('市') {
                return Some((cand.0.clone(), format!("{needle:?} in the text")));
            }
        }
    }
    // 3. the most frequent place name, when it recurs
    let best = cands.into_iter().next()?;
    (best.1 >= 3).then(|| (best.0.clone(), format!("{:?} ×{} in the text", best.0, best.1)))
}

fn year(stem: &str, text: &str) -> Option<(u16, String)> {
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
            if let Some(y) = std::str::from_utf8(&b[i - 4..i]).ok().and_then(|s| s.parse::<u16>().ok()) {
                if (2000..=2100).contains(&y) {
                    *counts.entry(y).or_default() += 1;
                }
            }
        }
    }
    let (&y, &n) = counts.iter().max_by(|a, b| a.1.cmp(b.1).then(a.0.cmp(b.0)))?;
    Some((y, format!("\"{y}年\" ×{n} in the text")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn county_from_title_and_text() {
        let mut m = PlanMeta::default();
        infer(&mut m, Some("绥宁县实施“八大行动”总体方案"), "全县产业保持稳步增长。2024年末", "x");
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
