//! The one-character abbreviations of the provinces (简称: 鄂 for 湖北省),
//! as they open provincial document numbers (`鄂政发〔2018〕26号`).

/// Abbreviation, province (both, where a province has two in use).
const ABBREVIATIONS: &[(char, &str)] = &[
    ('京', "北京市"),
    ('津', "天津市"),
    ('冀', "河北省"),
    ('晋', "山西省"),
    ('蒙', "内蒙古自治区"),
    ('内', "内蒙古自治区"),
    ('辽', "辽宁省"),
    ('吉', "吉林省"),
    ('黑', "黑龙江省"),
    ('沪', "上海市"),
    ('苏', "江苏省"),
    ('浙', "浙江省"),
    ('皖', "安徽省"),
    ('闽', "福建省"),
    ('赣', "江西省"),
    ('鲁', "山东省"),
    ('豫', "河南省"),
    ('鄂', "湖北省"),
    ('湘', "湖南省"),
    ('粤', "广东省"),
    ('桂', "广西壮族自治区"),
    ('琼', "海南省"),
    ('渝', "重庆市"),
    ('川', "四川省"),
    ('贵', "贵州省"),
    ('黔', "贵州省"),
    ('云', "云南省"),
    ('滇', "云南省"),
    ('藏', "西藏自治区"),
    ('陕', "陕西省"),
    ('甘', "甘肃省"),
    ('青', "青海省"),
    ('宁', "宁夏回族自治区"),
    ('新', "新疆维吾尔自治区"),
];

/// The province a one-character abbreviation names (`鄂` → `湖北省`;
/// traditional forms fold: `遼` → `辽宁省`).
///
/// ```
/// assert_eq!(fangan_places::province_by_abbreviation('鄂'), Some("湖北省"));
/// assert_eq!(fangan_places::province_by_abbreviation('绛'), None);
/// ```
pub fn province_by_abbreviation(c: char) -> Option<&'static str> {
    let folded = fangan_model::fold::fold_str(&c.to_string());
    let c = folded.chars().next()?;
    ABBREVIATIONS.iter().find(|(a, _)| *a == c).map(|(_, p)| *p)
}
