//! The shape of a written name: its level prefix, whether it is a generic
//! phrase, a person's title, a government as a whole, what sort of body its
//! ending says it is, and the core of a company name.
//!
//! Everything here reads names folded with [`fangan_model::fold::fold_str`]
//! (half-width brackets and colons, no white space) and knows nothing of
//! particular departments: that is the department table's job.

use std::sync::LazyLock;

use regex::Regex;

use crate::UnitKind;

/// Characters that open a name with its administrative level.
pub const LEVELS: &[char] = &['县', '区', '市', '旗', '州', '省'];

/// Words that start with a level character without being a level prefix.
const NOT_LEVEL: &[&str] = &[
    "市场", "市政", "市民", "区域", "县域", "区块", "省级", "市级", "县级",
];

/// Splits a level prefix (`县`, `区`, `市`…) off `key`: `(Some("县"), "发改局")`.
/// Only when something of two characters or more is left.
pub fn split_level(key: &str) -> (Option<&str>, &str) {
    let mut chars = key.char_indices();
    if let Some((_, c)) = chars.next() {
        if LEVELS.contains(&c) && !NOT_LEVEL.iter().any(|w| key.starts_with(w)) {
            let rest = &key[c.len_utf8()..];
            if rest.chars().count() >= 2 {
                return (Some(&key[..c.len_utf8()]), rest);
            }
        }
    }
    (None, key)
}

/// True for phrases that name no particular body: 相关部门, 各乡镇(街道),
/// 各相关县直单位, 县直各行政执法主管部门, 县…机制成员单位.
pub fn is_generic(key: &str) -> bool {
    let mut k = key;
    for p in [
        "县直", "区直", "市直", "旗直", "省直", "县属", "区属", "市属", "省属",
    ] {
        if let Some(rest) = k.strip_prefix(p) {
            k = rest;
        }
    }
    if k.is_empty() {
        return true;
    }
    const STARTS: &[&str] = &[
        "各", "相关", "有关", "其他", "其它", "所有", "全体", "涉及", "其余", "属地", "全县",
        "全区", "全市",
    ];
    const WHOLE: &[&str] = &[
        "部门",
        "单位",
        "乡镇",
        "街道",
        "乡镇(街道)",
        "乡镇街道",
        "村(社区)",
        "社区",
        "企业",
        "行业主管部门",
        "主管部门",
        "责任单位",
        "牵头单位",
        "成员单位",
        "街道办事处",
        "乡镇人民政府",
        "乡镇政府",
        "镇人民政府",
        "村委会",
        "村(居)委会",
    ];
    // 市政府各部门, 全市经济运行工作专班各部门, 区安委会各成员单位
    let each = k.find('各').is_some_and(|at| {
        [
            "部门",
            "单位",
            "机构",
            "专班",
            "管委会",
            "街道",
            "乡镇",
            "政府",
        ]
        .iter()
        .any(|e| k[at..].ends_with(e))
    });
    STARTS.iter().any(|s| k.starts_with(s))
        || each
        || k.contains("相关")
        || k.contains("有关")
        || k.ends_with("成员单位")
        || (k.chars().count() <= 8
            && ["企业", "机构", "主体", "组织"]
                .iter()
                .any(|e| k.ends_with(e)))
        || WHOLE.contains(&k)
}

static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?:分管|常务|主要|具体|执行|协管)?副?(?:省长|县长|区长|市长|旗长|州长|镇长|乡长|副书记|书记|主任|局长|\
         部长|主席|组长|负责人|负责同志|同志|领导|常委|秘书长|院长|检察长|行长|总经理|董事长|\
         经理|队长|所长|站长|指挥长|召集人)$",
    )
    .expect("title pattern")
});

/// If `key` ends with a person's title (`分管副县长`, `主要负责人`,
/// `局长`), the byte offset where the title starts: what comes before it is
/// the person's unit (possibly empty).
pub fn person_title(key: &str) -> Option<usize> {
    if let Some(m) = TITLE.find(key) {
        return Some(m.start());
    }
    // a title followed by a name: 县长张三, 局长李四
    let c = TITLED_NAME.captures(key)?;
    let name = c.get(2)?;
    if kind_by_suffix(name.as_str()).is_some() {
        return None;
    }
    c.get(1).map(|m| m.start())
}

static TITLED_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "((?:分管|常务)?副?(?:县长|区长|市长|书记|主任|局长|部长|主席|同志))(\\p{Han}{2,3})$",
    )
    .expect("titled name pattern")
});

static GOVERNMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("^(?:.{0,8}[县区市州旗省])?(?:委)?(?:人民)?政府$|^(?:.{0,8}[县区市州旗省])?委$|^.{0,8}[县区市]委.{0,8}政府$")
        .expect("government pattern")
});

/// True for a government or party committee as a whole (`县政府`,
/// `区委`, `县委县政府`): the body a leader belongs to, not a department.
pub fn is_government(key: &str) -> bool {
    key.is_empty() || GOVERNMENT.is_match(key)
}

/// True for the name of a place whose government is meant (`东湖区`,
/// `银川市`, `嘉鱼县`): a short name ending with a level.
pub fn is_place(key: &str) -> bool {
    let n = key.chars().count();
    (3..=6).contains(&n)
        && ["县", "区", "市", "旗", "盟", "州"]
            .iter()
            .any(|e| key.ends_with(e))
        && !NOT_LEVEL.iter().any(|w| key.ends_with(w))
        && !key.chars().all(|c| LEVELS.contains(&c))
        && !is_generic(key)
}

static NOT_A_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "[0-9%。:;!?]|^[一二三四五六七八九十]+是|^(?:首先|其次|再次|最后|同时|此外|以下简称|简称|含|包括|包含|不含|即|如|指|建设|新建|改造|推进|加快|打造|实施|完成|开展|建成|提升|支持|推动|培育|创建|争创|落实)",
    )
    .expect("not a name")
});

/// True when `key` (folded) names a body by its ending, as a place, or in
/// the builtin department table, and reads like a name (no digits, no
/// leading verb: `建设3个产业园` is a task, not a zone).
pub fn names_a_body(key: &str) -> bool {
    let n = key.chars().count();
    (2..=30).contains(&n)
        && !NOT_A_NAME.is_match(key)
        && (kind_by_suffix(key).is_some()
            || is_place(key)
            || crate::Departments::builtin_ref().resolve(key).known)
}

/// Endings that say what sort of body a name is, tried in order.
const SUFFIXES: &[(&str, UnitKind)] = &[
    ("管委会", UnitKind::Committee),
    ("管理委员会", UnitKind::Committee),
    ("指挥部", UnitKind::Committee),
    ("领导小组", UnitKind::Committee),
    ("专班", UnitKind::Committee),
    ("协调组", UnitKind::Committee),
    ("工作组", UnitKind::Committee),
    ("管理处", UnitKind::Committee),
    ("公司", UnitKind::Company),
    ("集团", UnitKind::Company),
    ("建投", UnitKind::Company),
    ("产投", UnitKind::Company),
    ("城投", UnitKind::Company),
    ("交投", UnitKind::Company),
    ("旅投", UnitKind::Company),
    ("银行", UnitKind::Company),
    ("分行", UnitKind::Company),
    ("支行", UnitKind::Company),
    ("农商行", UnitKind::Company),
    ("村镇银行", UnitKind::Company),
    ("高新区", UnitKind::Zone),
    ("开发区", UnitKind::Zone),
    ("经开区", UnitKind::Zone),
    ("产业园", UnitKind::Zone),
    ("工业园", UnitKind::Zone),
    ("园区", UnitKind::Zone),
    ("示范区", UnitKind::Zone),
    ("新区", UnitKind::Zone),
    ("片区", UnitKind::Zone),
    ("工业区", UnitKind::Zone),
    ("试验区", UnitKind::Zone),
    ("合作区", UnitKind::Zone),
    ("保护区", UnitKind::Zone),
    ("景区", UnitKind::Zone),
    ("集中区", UnitKind::Zone),
    ("镇人民政府", UnitKind::Township),
    ("乡人民政府", UnitKind::Township),
    ("镇政府", UnitKind::Township),
    ("乡政府", UnitKind::Township),
    ("街道办事处", UnitKind::Township),
    ("街道办", UnitKind::Township),
    ("街道", UnitKind::Township),
    ("镇", UnitKind::Township),
    ("乡", UnitKind::Township),
    ("法院", UnitKind::Judicial),
    ("检察院", UnitKind::Judicial),
    ("联合会", UnitKind::Association),
    ("工商联", UnitKind::Association),
    ("妇联", UnitKind::Association),
    ("残联", UnitKind::Association),
    ("侨联", UnitKind::Association),
    ("文联", UnitKind::Association),
    ("工会", UnitKind::Association),
    ("科协", UnitKind::Association),
    ("协会", UnitKind::Association),
    ("商会", UnitKind::Association),
    ("贸促会", UnitKind::Association),
    ("红十字会", UnitKind::Association),
    ("团委", UnitKind::Association),
    ("局", UnitKind::Department),
    ("办", UnitKind::Department),
    ("委", UnitKind::Department),
    ("部", UnitKind::Department),
    ("中心", UnitKind::Department),
    ("处", UnitKind::Department),
    ("室", UnitKind::Department),
    ("所", UnitKind::Department),
    ("站", UnitKind::Department),
    ("队", UnitKind::Department),
    ("院", UnitKind::Department),
    ("馆", UnitKind::Department),
    ("台", UnitKind::Department),
    ("社", UnitKind::Department),
    ("署", UnitKind::Department),
    ("厅", UnitKind::Department),
    ("会", UnitKind::Department),
];

/// What sort of body the ending of `key` says it is; `None` when the name
/// does not end like a body at all.
pub fn kind_by_suffix(key: &str) -> Option<UnitKind> {
    let (_, body) = split_level(key);
    if body.starts_with('委') && (body.ends_with('部') || body.ends_with('办')) {
        return Some(UnitKind::Party);
    }
    SUFFIXES
        .iter()
        .find(|(s, _)| key.ends_with(s))
        .map(|&(_, k)| k)
}

/// The core of a company name, for folding its variants together:
/// `虞公港建设投资有限公司` and `虞公港建投公司` both give `虞公港建投`.
pub fn company_core(key: &str) -> String {
    const ENDINGS: &[&str] = &[
        "有限责任公司",
        "股份有限公司",
        "集团有限公司",
        "有限公司",
        "集团公司",
        "分公司",
        "集团",
        "公司",
    ];
    const SHORT: &[(&str, &str)] = &[
        ("城市建设投资", "城投"),
        ("交通建设投资", "交投"),
        ("建设投资", "建投"),
        ("产业投资", "产投"),
        ("旅游投资", "旅投"),
        ("交通投资", "交投"),
        ("城市发展", "城发"),
    ];
    let mut core = key;
    while let Some(rest) = ENDINGS.iter().find_map(|e| core.strip_suffix(e)) {
        if rest.chars().count() < 2 {
            break;
        }
        core = rest;
    }
    let mut out = core.to_string();
    for (long, short) in SHORT {
        out = out.replace(long, short);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_prefix_is_split_only_when_it_is_one() {
        assert_eq!(split_level("县发改局"), (Some("县"), "发改局"));
        assert_eq!(split_level("区科技工信局"), (Some("区"), "科技工信局"));
        assert_eq!(split_level("市场监管局"), (None, "市场监管局"));
        assert_eq!(split_level("县委"), (None, "县委"));
        assert_eq!(split_level("发改局"), (None, "发改局"));
    }

    #[test]
    fn generic_phrases() {
        for g in [
            "相关部门",
            "各乡镇(街道)",
            "各相关县直单位",
            "县直各行政执法主管部门",
            "各负有监管职责行业部门",
            "相关建设单位",
            "县经济运行监测调度机制成员单位",
            "各相关乡镇街道",
            "区属各重点国企",
            "市政府各部门",
            "全市经济运行工作专班各部门",
            "龙头企业",
            "银行业金融机构",
        ] {
            assert!(is_generic(g), "{g}");
        }
        for d in ["县发改局", "高新区", "樟树镇", "县委组织部", "各"] {
            assert_eq!(is_generic(d), d == "各", "{d}");
        }
    }

    #[test]
    fn titles_and_governments() {
        let k = "县政府办分管副主任";
        let at = person_title(k).unwrap();
        assert_eq!(&k[..at], "县政府办");
        let k = "县政府常务副县长";
        let at = person_title(k).unwrap();
        assert!(is_government(&k[..at]));
        assert_eq!(
            person_title("区发改局局长").map(|i| &"区发改局局长"[..i]),
            Some("区发改局")
        );
        assert_eq!(person_title("县发改局"), None);
        assert_eq!(person_title("县长张三"), Some(0));
        assert_eq!(person_title("主任委员会"), None);
        assert!(is_government("区委"));
        assert!(is_government("县委县政府"));
        assert!(!is_government("县政府办"));
    }

    #[test]
    fn kinds_by_ending() {
        assert_eq!(kind_by_suffix("天岳投资集团"), Some(UnitKind::Company));
        assert_eq!(kind_by_suffix("虞公港建投"), Some(UnitKind::Company));
        assert_eq!(kind_by_suffix("城投服务中心"), Some(UnitKind::Department));
        assert_eq!(kind_by_suffix("长沙临港产业开发区"), Some(UnitKind::Zone));
        assert_eq!(kind_by_suffix("樟树镇"), Some(UnitKind::Township));
        assert_eq!(
            kind_by_suffix("横岭湖自然保护区管委会"),
            Some(UnitKind::Committee)
        );
        assert_eq!(kind_by_suffix("县委统战部"), Some(UnitKind::Party));
        assert_eq!(kind_by_suffix("张三"), None);
    }

    #[test]
    fn names_of_bodies_and_words_of_tasks() {
        for k in ["县发改局", "发改委", "东湖区", "区农发集团", "统计局"] {
            assert!(names_a_body(k), "{k}");
        }
        for k in [
            "建设3个产业园",
            "以下简称市场监管局",
            "张三",
            "局",
            "一是联合邻省承办全国运动会",
        ] {
            assert!(!names_a_body(k), "{k}");
        }
    }

    #[test]
    fn places_are_named_by_their_level() {
        for p in ["东湖区", "银川市", "嘉鱼县", "石嘴山市", "锡林郭勒盟"] {
            assert!(is_place(p), "{p}");
        }
        for p in ["全区", "各县区", "县市区", "周立明", "市"] {
            assert!(!is_place(p), "{p}");
        }
    }

    #[test]
    fn company_cores_fold_variants() {
        assert_eq!(company_core("虞公港建设投资有限公司"), "虞公港建投");
        assert_eq!(company_core("虞公港建投公司"), "虞公港建投");
        assert_eq!(company_core("虞公港建投"), "虞公港建投");
        assert_eq!(
            company_core("洞庭新实业公司"),
            company_core("洞庭新实业集团")
        );
    }
}
