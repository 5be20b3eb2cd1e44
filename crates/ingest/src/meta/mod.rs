//! What a plan is, read from its own text where no manifest says: who
//! issued it (place, level, city, province), the year it is for, the date
//! it was issued and published, its document number, its title and what it
//! implements. Every value inferred is recorded with its evidence
//! ([`fangan_model::Inference`]); what cannot be read stays unknown.
//!
//! One file per question: [`head`] (the lines read), [`title`], [`issuer`],
//! [`dates`], [`implements`].

mod dates;
mod head;
mod implements;
mod issuer;
mod title;

use fangan_model::{Inference, PlanMeta};

use crate::read::Properties;

pub use issuer::province_short;

/// What the inference reads.
#[derive(Clone, Copy, Debug)]
pub struct Clues<'a> {
    /// The decoded text.
    pub text: &'a str,
    /// The parse's first heading (the front matter's title).
    pub front: Option<&'a str>,
    /// The file's stem (`pingjiang-2023`).
    pub stem: &'a str,
    /// What the file says about itself (a page's title and date).
    pub properties: &'a Properties,
}

/// Fills the unknown fields of `meta` from `clues`.
pub fn infer(meta: &mut PlanMeta, clues: &Clues<'_>) {
    let lines = head::lines(clues.text);
    if meta.title.is_none() {
        let found = title::title(&lines, clues.properties.title.as_deref()).or_else(|| {
            clues
                .front
                .filter(|t| !title::is_debris(t))
                .map(|t| (t.to_string(), "first heading of the plan".to_string()))
        });
        if let Some((t, evidence)) = found {
            note(meta, "title", &t, &evidence);
            meta.title = Some(t);
        }
    }
    let title = meta.title.clone();
    let when = dates::when(&lines);
    if meta.place.is_none() && meta.county.is_none() {
        let number = when.number.as_ref().map(|n| n.0.as_str());
        if let Some(i) = issuer::issuer(&lines, title.as_deref(), number, clues.text) {
            note(meta, "place", &i.name, &i.evidence);
            if meta.level.is_none() {
                note(
                    meta,
                    "level",
                    i.level.as_str(),
                    &format!("{} is a {}", i.name, i.level.as_str()),
                );
                meta.level = Some(i.level.as_str().to_string());
            }
            if i.level.is_county_level() {
                meta.county = Some(i.name.clone());
            }
            if meta.city.is_none() {
                if let Some(c) = &i.city {
                    note(
                        meta,
                        "city",
                        c,
                        &format!("{} is in {c} (the gazetteer)", i.name),
                    );
                    meta.city = Some(c.clone());
                }
            }
            if meta.province.is_none() {
                if let Some(p) = &i.province {
                    note(
                        meta,
                        "province",
                        p,
                        &format!("{} is in {p} (the gazetteer)", i.name),
                    );
                    meta.province = Some(p.clone());
                }
            }
            meta.place = Some(i.name);
        }
    } else if meta.place.is_none() {
        meta.place = meta.county.clone();
    }
    if meta.level.is_none() {
        let (level, n) = self_references(clues.text);
        if n > 0 {
            note(meta, "level", level, &format!("我{level}/全{level} ×{n}"));
            meta.level = Some(level.to_string());
        }
    }
    if meta.date.is_none() {
        let date = when
            .signed
            .as_ref()
            .map(|(d, no)| (d, format!("line {no}: the signature date")))
            .or_else(|| {
                when.meeting
                    .as_ref()
                    .map(|(d, no)| (d, format!("line {no}: the day it was delivered")))
            });
        if let Some((d, evidence)) = date {
            note(meta, "date", d, &evidence);
            meta.date = Some(d.clone());
        }
    }
    if meta.published.is_none() {
        let published = clues
            .properties
            .published
            .clone()
            .map(|d| (d, "the page's publication date".to_string()))
            .or_else(|| {
                when.labelled
                    .clone()
                    .map(|(d, no)| (d, format!("line {no}")))
            });
        if let Some((d, evidence)) = published {
            note(meta, "published", &d, &evidence);
            meta.published = Some(d);
        }
    }
    if meta.doc_number.is_none() {
        if let Some((n, _, no)) = &when.number {
            note(meta, "doc_number", n, &format!("line {no}"));
            meta.doc_number = Some(n.clone());
        }
    }
    if meta.implements.is_empty() {
        meta.implements = implements::implements(clues.text);
    }
    if meta.year.is_none() {
        if let Some((year, evidence)) = year(title.as_deref(), clues.stem, &when, clues.text) {
            note(meta, "year", &year.to_string(), &evidence);
            meta.year = Some(year);
        }
    }
}

/// The year a plan is for: its title's, else a report's congress date's,
/// else its document number's or issue date's, else its file name's, else
/// the year its text names most. (A bare number in a file name is no
/// evidence.)
fn year(title: Option<&str>, stem: &str, when: &dates::When, text: &str) -> Option<(u16, String)> {
    if let Some(y) = title.and_then(dates::title_year) {
        return Some((y, format!("the title {:?}", title.unwrap_or(""))));
    }
    // a report to a congress is for the year it opens: one delivered in
    // the autumn or winter is for the next
    if let Some((d, no)) = &when.meeting {
        let (y, m): (u16, u8) = (d[..4].parse().ok()?, d[5..7].parse().ok()?);
        let y = if m >= 10 { y + 1 } else { y };
        return Some((y, format!("line {no}: delivered {d}")));
    }
    if let Some((n, y, no)) = &when.number {
        return Some((*y, format!("line {no}: document number {n}")));
    }
    if let Some((d, no)) = &when.signed {
        if let Ok(y) = d[..4].parse::<u16>() {
            return Some((y, format!("line {no}: signed {d}")));
        }
    }
    // a file named like a title (`2023年平江县工作方案.docx`); a bare
    // number in a name (`plan-2023`, `20230901`) may be anything
    if let Some(y) = dates::title_year(stem).filter(|_| stem.contains('年')) {
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

/// The level a plan speaks of itself at (我县/全县, 我区/全区, 我市/全市),
/// by one pass over the text: the most frequent, with its count.
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
        .expect("three levels");
    (LEVELS[k].1, n)
}

fn note(meta: &mut PlanMeta, field: &str, value: &str, evidence: &str) {
    meta.inferred.push(Inference {
        field: field.to_string(),
        value: value.to_string(),
        evidence: evidence.to_string(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn infer_text(text: &str, stem: &str) -> PlanMeta {
        let mut m = PlanMeta::default();
        let props = Properties::default();
        infer(
            &mut m,
            &Clues {
                text,
                front: None,
                stem,
                properties: &props,
            },
        );
        m
    }

    #[test]
    fn a_county_notice_read_whole() {
        let text = "絳縣人民政府辦公室 關于印發(fā)絳縣促進專業(yè)鎮(zhèn)高質量發展 實施方案的通知\n絳政辦發〔2023〕14號\n發布日期:2023-09-01 10:51 來源: 絳縣人民政府\n各鄉(xiāng)(鎮(zhèn))人民政府:\n根據《山西省促進專業鎮高質量發展實施方案》,現印發給你們。\n絳縣人民政府辦公室\n2023年9月1日\n絳縣促進專業鎮高質量發展實施方案\n一、總體要求\n";
        let m = infer_text(text, "x");
        assert_eq!(m.place.as_deref(), Some("绛县"));
        assert_eq!(m.county.as_deref(), Some("绛县"));
        assert_eq!(m.level.as_deref(), Some("县"));
        assert_eq!(m.city.as_deref(), Some("运城市"));
        assert_eq!(m.province.as_deref(), Some("山西"));
        assert_eq!(m.year, Some(2023));
        assert_eq!(m.date.as_deref(), Some("2023-09-01"));
        assert_eq!(m.published.as_deref(), Some("2023-09-01"));
        assert_eq!(m.doc_number.as_deref(), Some("绛政办发〔2023〕14号"));
        assert_eq!(m.title.as_deref(), Some("絳縣促進專業鎮高質量發展實施方案"));
        assert_eq!(m.implements, ["山西省促進專業鎮高質量發展實施方案"]);
        assert!(m
            .inferred
            .iter()
            .any(|i| i.field == "place" && i.evidence.starts_with("line 1")));
    }

    #[test]
    fn unknown_stays_unknown() {
        let m = infer_text("加强组织领导。", "plan");
        assert_eq!(m.county, None);
        assert_eq!(m.place, None);
        assert_eq!(m.year, None);
        assert_eq!(m.level, None);
        assert_eq!(m.title, None);
    }
}
