//! Who issued a plan: the government named on the plan's own lines, checked
//! against the gazetteer of divisions (`fangan_places`).
//!
//! Evidence, strongest first: the issuer that heads or signs the notice
//! (`绛县人民政府办公室`, `中共某县委办公室`), the page's `来源:` line, the
//! place the title starts with (`鞍山市2024年…`). A name the gazetteer does
//! not know (a district made after 2016, `沙县区`) is taken from an issuer
//! line only, and only when it has the shape of a place name. Names of one
//! place in several provinces are told apart by the places around them.

use std::collections::HashMap;
use std::sync::OnceLock;

use fangan_places::{name, Division, Gazetteer, Level};
use regex::Regex;

use super::head::Line;

/// The issuing place and what is known of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issuer {
    /// The place (`绛县`), folded to simplified characters.
    pub name: String,
    /// Its level.
    pub level: Level,
    /// Its prefecture-level city, when known and it has one.
    pub city: Option<String>,
    /// Its province, short (`山西`), when known.
    pub province: Option<String>,
    /// Why.
    pub evidence: String,
}

/// Characters that start phrases, not place names (`按照区…`, `我代表县…`).
const NOT_A_START: &[char] = &[
    '我', '全', '本', '各', '该', '按', '已', '代', '由', '经', '向', '请', '为', '对', '在', '和',
    '及', '与', '并', '从', '市', '县', '区', '省', '报', '将', '以', '于', '会', '同',
];

fn issuer_line() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^(?:(?:来源|信息来源|发布机构|发文机关|发布单位)[:]?)?(?:中共)?(\p{Han}{2,16}?)(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府办公厅|政府办|委员会办公室|委办公室|委员会)(.*)$",
        )
        .expect("valid")
    })
}

/// A place named before its government or its congress anywhere in the
/// head: `近日,渝中区人民政府办公室发布…`, `在苍梧县第十七届人民代表大会…`.
fn mention() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(\p{Han}{2,20}?)(?:第[一二三四五六七八九十百]+届(?:人民代表大会|人大|$)|人民政府|人民代表大会|政府工作报告)",
        )
        .expect("valid")
    })
}

/// Mentions count in the first lines only (a page's lead, a report's
/// heading), not in the tasks that follow.
const MENTION_LINES: usize = 12;

/// `省人民政府关于…`: a government that does not name itself.
fn nameless() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(省|自治区|市|州|县|区|旗)(?:人民政府|政府)(?:办公厅|办公室)?(?:关于|$)")
            .expect("valid")
    })
}

/// The province's short name (`山西省` → `山西`, `内蒙古自治区` → `内蒙古`).
pub fn province_short(name: &str) -> String {
    let n = if name.starts_with("内蒙古") || name.starts_with("黑龙江") {
        3
    } else {
        2
    };
    name.chars().take(n).collect()
}

/// Divisions named `name`; else, for a name with a suffix, the divisions
/// of its key at its level (`琼中县` → `琼中黎族苗族自治县`).
fn known(name: &str) -> Vec<&'static Division> {
    let g = Gazetteer::global();
    let exact = g.lookup(name);
    if !exact.is_empty() {
        return exact;
    }
    let Some(level) = name::level_of(name) else {
        return Vec::new();
    };
    if name::stem(name).chars().count() < 2 {
        return Vec::new();
    }
    g.by_key(name)
        .into_iter()
        .filter(|d| d.level == level)
        .collect()
}

/// Whether an unknown name has the shape of a place (`沙县区`).
fn shaped(candidate: &str) -> Option<Level> {
    let first = candidate.chars().next()?;
    let n = candidate.chars().count();
    if NOT_A_START.contains(&first) || !(2..=10).contains(&n) {
        return None;
    }
    name::level_of(candidate)
        .or_else(|| (candidate.ends_with('市') && n >= 3).then_some(Level::City))
}

/// A candidate name from one line: the longest known name ending the words
/// before the body (`湖南省平江县` → `平江县`, context `湖南省`), or a shaped
/// unknown one.
fn place_in(words: &str, strong: bool) -> Option<(String, String)> {
    let chars: Vec<char> = words.chars().collect();
    for k in 0..chars.len().saturating_sub(1) {
        let tail: String = chars[k..].iter().collect();
        if !known(&tail).is_empty() {
            let context: String = chars[..k].iter().collect();
            return Some((tail, context));
        }
    }
    // `三明市沙县区`: a known place, then a shaped new one under it
    for st in 0..chars.len() {
        for e in (st + 2..chars.len()).rev() {
            let head: String = chars[st..e].iter().collect();
            let rest: String = chars[e..].iter().collect();
            if !known(&head).is_empty() && shaped(&rest).is_some() {
                return Some((rest, head));
            }
        }
    }
    if !strong {
        return None;
    }
    shaped(words)
        .is_some()
        .then(|| (words.to_string(), String::new()))
}

/// One piece of evidence for a place.
struct Vote {
    name: String,
    context: String,
    weight: u32,
    evidence: String,
}

/// The place a title starts with (after a year): `鞍山市立山区2023年…` →
/// 立山区 (context 鞍山市).
fn title_place(title: &str) -> Option<(String, String)> {
    let folded = fangan_model::fold::fold_str(title);
    // `[湖南]2024年湘潭县…`, `(河南省)延津县…`, `关于…`: brackets give context
    let mut t = folded.as_str();
    let mut lead = String::new();
    loop {
        let before = t;
        t = t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '年' || c == '度');
        t = t.strip_prefix("关于").unwrap_or(t);
        for (open, close) in [('[', ']'), ('(', ')'), ('【', '】')] {
            if let Some(rest) = t.strip_prefix(open) {
                if let Some(i) = rest.find(close) {
                    lead.push_str(&rest[..i]);
                    t = &rest[i + close.len_utf8()..];
                }
            }
        }
        if t == before {
            break;
        }
    }
    let chars: Vec<char> = t.chars().collect();
    let mut best: Option<(usize, usize)> = None; // (start, end) of the lowest name
    let mut start = 0;
    loop {
        let found = (start + 2..=(start + 12).min(chars.len()))
            .rev()
            .find(|&e| !known(&chars[start..e].iter().collect::<String>()).is_empty());
        match found {
            Some(e) => {
                best = Some((start, e));
                start = e;
            }
            None => break,
        }
    }
    let (s, e) = best?;
    let context: String = chars[..s].iter().collect();
    Some((chars[s..e].iter().collect(), format!("{lead}{context}")))
}

/// Reads the issuer from the lines, the title and the document number.
pub fn issuer(
    lines: &[Line],
    title: Option<&str>,
    doc_number: Option<&str>,
    text: &str,
) -> Option<Issuer> {
    let mut votes: Vec<Vote> = Vec::new();
    let mut nameless_level: Option<String> = None;
    for l in lines {
        // field by field: `标题 市人民政府办公室关于…` is no `标题市`
        let fields: Vec<String> = l
            .raw
            .split_whitespace()
            .map(fangan_model::fold::fold_str)
            .collect();
        let labelled = |f: &str| {
            ["来源", "信息来源", "发布机构", "发文机关", "发布单位"]
                .iter()
                .any(|p| f.starts_with(p))
        };
        for (k, field) in fields.iter().enumerate() {
            if let Some(c) = nameless().captures(field) {
                nameless_level.get_or_insert_with(|| c[1].to_string());
            }
            // `来源:` and the place in this field or the next
            let source = labelled(field)
                || (k > 0 && labelled(&fields[k - 1]) && fields[k - 1].ends_with(':'));
            let body = field
                .split_once(':')
                .filter(|_| labelled(field))
                .map_or(field.as_str(), |(_, rest)| rest);
            let from_body = issuer_line().captures(body).and_then(|c| {
                let rest = &c[2];
                // the body ends the field, or a notice title or a date follows it
                let standalone = rest.is_empty()
                    || rest.starts_with("关于")
                    || rest.starts_with("文件")
                    || rest.starts_with(|c: char| c.is_ascii_digit() || c == '(' || c == '[');
                if standalone || source {
                    place_in(&c[1], true)
                } else {
                    None
                }
            });
            let found = from_body.or_else(|| if source { known_prefix(body) } else { None });
            if let Some((name, context)) = found {
                votes.push(Vote {
                    name,
                    context,
                    weight: if l.tail { 2 } else { 3 },
                    evidence: format!("line {}: {}", l.no, short(&l.raw)),
                });
            }
        }
    }
    if let Some((name, context)) = title.and_then(title_place) {
        votes.push(Vote {
            name,
            context,
            weight: 3,
            evidence: format!("the title {:?}", title.unwrap_or("")),
        });
    }
    // names mentioned with their government or congress: weaker
    for l in lines.iter().filter(|l| !l.tail).take(MENTION_LINES) {
        let plain = without_titles(&l.folded);
        for c in mention().captures_iter(&plain) {
            if let Some((name, context)) = place_in(&c[1], false) {
                votes.push(Vote {
                    name,
                    context,
                    weight: 1,
                    evidence: format!("line {}: {}", l.no, short(&l.raw)),
                });
            }
        }
    }
    if votes.is_empty() {
        votes.extend(by_abbreviation(nameless_level.as_deref(), doc_number, text));
    }
    if votes.is_empty() {
        votes.extend(named_throughout(text));
    }
    let mut tally: HashMap<String, (u32, usize)> = HashMap::new();
    for (i, v) in votes.iter().enumerate() {
        let e = tally.entry(name::key(&v.name)).or_insert((0, i));
        e.0 += v.weight;
    }
    let (_, &(_, first)) = tally
        .iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))?;
    let chosen = &votes[first];
    // every context that voted for it helps tell places of one name apart
    let contexts: Vec<&str> = votes
        .iter()
        .filter(|v| name::key(&v.name) == name::key(&chosen.name))
        .map(|v| v.context.as_str())
        .collect();
    Some(describe(chosen, &contexts, text))
}

fn short(raw: &str) -> String {
    raw.chars().take(40).collect()
}

/// The text outside `《…》`: the documents a plan cites are not its issuer.
fn without_titles(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    let mut depth = 0usize;
    for c in folded.chars() {
        match c {
            '《' => depth += 1,
            '》' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// How often a place's stem must recur for [`named_throughout`].
const RECURS: usize = 5;

/// A plan that names itself nowhere in its head: the known place whose
/// government it names somewhere (`《中南大学—湘阴县人民政府…》`) and whose
/// name recurs through the text (`湘阴` ×60), as a reader would conclude; of
/// several, the most local (a county plan cites its province's documents).
fn named_throughout(text: &str) -> Option<Vote> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"(\p{Han}{2,12}?)(?:人民政府|政府)").expect("valid"));
    let plain = fangan_model::fold::fold_str(text);
    let mut best: Option<((u8, usize), String)> = None;
    for c in re.captures_iter(&plain) {
        let Some((name, _)) = place_in(&c[1], false) else {
            continue;
        };
        let n = plain.matches(name::stem(&name)).count();
        let rank = known(&name).first().map_or(2, |d| d.level.rank());
        if n >= RECURS && best.as_ref().is_none_or(|(m, _)| (rank, n) > *m) {
            best = Some(((rank, n), name));
        }
    }
    let ((_, n), name) = best?;
    Some(Vote {
        evidence: format!(
            "{name}人民政府 named, {} ×{n} in the text",
            name::stem(&name)
        ),
        name,
        context: String::new(),
        weight: 1,
    })
}

/// The longest known place a field starts with (`琼中县发展和改革委员会`).
fn known_prefix(field: &str) -> Option<(String, String)> {
    let chars: Vec<char> = field.chars().collect();
    (2..=chars.len().min(12))
        .rev()
        .map(|e| chars[..e].iter().collect::<String>())
        .find(|p| !known(p).is_empty())
        .map(|p| (p, String::new()))
}

/// A provincial document that does not name its province (`省人民政府关于…`,
/// or one that speaks of 全省): the province its document number's
/// abbreviation names (`鄂政发〔2018〕26号`).
fn by_abbreviation(nameless: Option<&str>, doc_number: Option<&str>, text: &str) -> Option<Vote> {
    let first = doc_number?.chars().next()?;
    let province = fangan_places::province_by_abbreviation(first)?;
    let count = |w: &[&str]| w.iter().map(|w| text.matches(w).count()).sum::<usize>();
    let provincial = count(&["全省", "我省", "省政府"]);
    let regional = count(&["全区", "我区", "自治区"]);
    let lower = count(&["全市", "我市", "全县", "我县"]);
    let autonomous = province.ends_with("自治区");
    let speaks = match nameless {
        Some("省") => !autonomous,
        Some("自治区") => autonomous,
        Some(_) => false,
        None if autonomous => regional > lower,
        None => provincial > lower,
    };
    speaks.then(|| Vote {
        name: province.to_string(),
        context: String::new(),
        weight: 1,
        evidence: format!(
            "document number {} of a provincial government",
            doc_number.unwrap_or("")
        ),
    })
}

/// The level, city and province of the chosen name.
fn describe(v: &Vote, contexts: &[&str], text: &str) -> Issuer {
    let g = Gazetteer::global();
    let mut cands: Vec<&Division> = known(&v.name);
    // a narrower level of one name wins when the name is written in full
    if cands.len() > 1 {
        let mentioned = |d: &Division| -> bool {
            let p = g.province_of(d);
            let c = g.city_of(d);
            let named = |n: &str| {
                contexts
                    .iter()
                    .any(|x| x.contains(n) || x.contains(name::stem(n)))
            };
            named(p.name) || c.is_some_and(|c| named(c.name))
        };
        let by_context: Vec<&Division> = cands.iter().copied().filter(|d| mentioned(d)).collect();
        if !by_context.is_empty() {
            cands = by_context;
        } else {
            // the province the text names most
            let counts = |d: &Division| text.matches(name::stem(g.province_of(d).name)).count();
            let best = cands.iter().map(|d| counts(d)).max().unwrap_or(0);
            if best > 0 {
                cands.retain(|d| counts(d) == best);
            }
        }
    }
    let level = cands
        .first()
        .map(|d| d.level)
        .or_else(|| shaped(&v.name))
        .unwrap_or(Level::City);
    let one = |f: &dyn Fn(&Division) -> Option<String>| -> Option<String> {
        let vals: Vec<Option<String>> = cands.iter().map(|d| f(d)).collect();
        match vals.first() {
            Some(first) if vals.iter().all(|v| v == first) => first.clone(),
            _ => None,
        }
    };
    let city = one(&|d| {
        g.city_of(d)
            .filter(|c| c.code != d.code)
            .map(|c| c.name.to_string())
    });
    let province = one(&|d| Some(province_short(g.province_of(d).name)));
    // the gazetteer's full name (`琼中县` → `琼中黎族苗族自治县`)
    let name = match cands.first() {
        Some(d) if cands.iter().all(|c| c.name == d.name) => d.name.to_string(),
        _ => fangan_model::fold::fold_str(&v.name),
    };
    Issuer {
        name,
        level,
        city: if level.is_county_level() { city } else { None },
        province,
        evidence: v.evidence.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::head::lines;
    use super::*;

    #[test]
    fn mentions_brackets_and_abbreviations() {
        let i = of(
            "近日,渝中区人民政府办公室发布《2023年重点工作》方案。\n",
            None,
        )
        .unwrap();
        assert_eq!(i.name, "渝中区");
        let i = of(
            "政府工作报告\n——2024年2月28日在苍梧县第十七届\n人民代表大会第四次会议上\n",
            None,
        )
        .unwrap();
        assert_eq!(i.name, "苍梧县");
        // other congresses are events, not the issuer
        assert!(of("办好岳阳市第十届旅游发展大会。\n", None).is_none());
        // a cited document's issuer is not the plan's
        assert!(of(
            "根据《昆明市人民政府关于印发稳增长措施的通知》,全区要\n",
            None
        )
        .is_none());
        let i = of("正文\n", Some("[湖南] 2024年湘潭县政府工作报告")).unwrap();
        assert_eq!(
            (i.name.as_str(), i.province.as_deref()),
            ("湘潭县", Some("湖南"))
        );
        let i = of(
            "发文机关: 琼中县发展和改革委员会 发文日期: 2024年02月06日\n",
            None,
        )
        .unwrap();
        assert_eq!(i.name, "琼中黎族苗族自治县");
        let text = "省人民政府关于\n进一步优化营商环境的若干意见\n";
        let i = issuer(&lines(text), None, Some("鄂政发〔2018〕26号"), text).unwrap();
        assert_eq!((i.name.as_str(), i.level), ("湖北省", Level::Province));
        // a county's number does not make it a province
        let text = "全县上下要\n全县\n";
        assert!(issuer(&lines(text), None, Some("湘政办发〔2023〕1号"), text).is_none());
    }

    fn of(text: &str, title: Option<&str>) -> Option<Issuer> {
        issuer(&lines(text), title, None, text)
    }

    #[test]
    fn the_issuer_heading_the_notice() {
        let i = of(
            "絳縣人民政府辦公室 關于印發某方案的通知\n各乡(镇)人民政府:\n",
            None,
        )
        .unwrap();
        assert_eq!(i.name, "绛县");
        assert_eq!(i.level, Level::County);
        assert_eq!(i.province.as_deref(), Some("山西"));
        assert_eq!(i.city.as_deref(), Some("运城市"));
    }

    #[test]
    fn a_place_named_throughout_the_text() {
        let mut text = String::from("为落实县委部署,制定本方案。\n");
        for _ in 0..5 {
            text.push_str("擦亮湘阴品牌。\n");
        }
        text.push_str("用好《中南大学—湘阴县人民政府产学研协议》。\n");
        text.push_str(&"落实《湖南省人民政府关于…的通知》。\n".repeat(6));
        let i = of(&text, None).unwrap();
        assert_eq!(i.name, "湘阴县");
        // named once, past the head's first lines, is not enough
        let text = format!(
            "{}(通山县人民政府牵头)\n",
            "推进项目建设。\n".repeat(MENTION_LINES)
        );
        assert!(of(&text, None).is_none());
    }

    #[test]
    fn provinces_and_cities_and_their_levels() {
        let i = of("辽宁省人民政府\n2024年1月5日\n", None).unwrap();
        assert_eq!((i.name.as_str(), i.level), ("辽宁省", Level::Province));
        let i = of("正文\n", Some("鞍山市2024年政府工作报告重点工作任务分工")).unwrap();
        assert_eq!((i.name.as_str(), i.level), ("鞍山市", Level::City));
        let i = of("正文\n", Some("鞍山市立山区2023年重点任务分工")).unwrap();
        assert_eq!((i.name.as_str(), i.level), ("立山区", Level::District));
        assert_eq!(i.city.as_deref(), Some("鞍山市"));
    }

    #[test]
    fn phrases_are_not_places_and_new_districts_need_an_issuer_line() {
        assert!(of(
            "我代表县人民政府,向大会报告工作。\n按照区人民政府部署\n",
            None
        )
        .is_none());
        // a page label glued to a nameless issuer is no place
        assert!(of("标题 市人民政府办公室关于印发《某规划》的通知\n", None).is_none());
        let i = of("三明市沙县区人民政府\n", None).unwrap();
        assert_eq!(i.name, "沙县区");
        assert_eq!(i.level, Level::District);
    }
}
