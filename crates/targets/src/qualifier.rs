//! Qualifiers: the words that say how binding a target is, folded to one
//! spelling each (`力促` → `力争`, `不少于` → `不低于`, `达` → `达到`).
//!
//! Three places hold them: the sentence (`力争`/`确保` before the indicator
//! carry over to the targets that follow), the verb right before the number
//! (`突破`, `达到`, `稳定在`), and the words after the unit (`以上`, read by
//! [`crate::quantity`]).

/// Sentence-level qualifiers and their fold: they apply to every target of
/// the sentence from where they stand.
pub(crate) const CARRIED: &[(&str, &str)] = &[
    ("力争", "力争"),
    ("力促", "力争"),
    ("争取达到", "力争"),
    ("确保", "确保"),
    ("保证", "确保"),
];

/// Verbs right before the number, longest first, with their fold (empty
/// fold: the verb is no qualifier but is still stripped from the indicator).
const VERBS: &[(&str, &str)] = &[
    ("不低于", "不低于"),
    ("不少于", "不低于"),
    ("不小于", "不低于"),
    ("至少", "不低于"),
    ("不超过", "以内"),
    ("不高于", "以内"),
    ("不多于", "以内"),
    ("压缩至", "以内"),
    ("压缩到", "以内"),
    ("压减至", "以内"),
    ("压减到", "以内"),
    ("缩短至", "以内"),
    ("缩短到", "以内"),
    ("控制在", ""),
    ("稳定在", "稳定"),
    ("稳定", "稳定"),
    ("保持在", ""),
    ("保持", "稳定"),
    ("稳在", "稳定"),
    ("守牢", "稳定"),
    ("守住", "稳定"),
    ("突破", "突破"),
    ("超过", "超过"),
    ("超", "超过"),
    ("达到", "达到"),
    ("达", "达到"),
];

/// The qualifier of the verb that `lead` (folded text before a number) ends
/// with, and the byte length of that verb; `("", 0)` when none.
pub(crate) fn verb_before(lead: &str) -> (&'static str, usize) {
    // `提高到不低于`, `提升至`: the trailing 到/至 belongs to the verb
    for (w, f) in VERBS {
        if lead.ends_with(w) {
            if *w == "达" && !reaches(lead) {
                return ("", 0);
            }
            return (f, w.len());
        }
    }
    ("", 0)
}

/// Words ending in `达` that are not the verb `达(到)`: `下达`, `传达` …
const NOT_REACH: &[&str] = &[
    "下达", "传达", "转达", "送达", "抵达", "到达", "表达", "发达", "通达", "直达", "雷达",
];

/// True when the `达` that `lead` ends with is the verb `达(到)`
/// (`履约率达`), not the end of another word (`专项资金下达`).
pub(crate) fn reaches(lead: &str) -> bool {
    !NOT_REACH.iter().any(|w| lead.ends_with(w))
}

/// Folds a qualifier as written to its one spelling; unknown words are kept.
pub fn fold_qualifier(written: &str) -> String {
    let found = CARRIED
        .iter()
        .chain(VERBS)
        .find(|(w, _)| *w == written)
        .map(|(_, f)| *f);
    match found {
        Some(f) if !f.is_empty() => f.to_string(),
        _ => match written {
            "及以上" | "之上" => "以上".into(),
            "上下" => "左右".into(),
            "以下" | "及以下" | "之内" => "以内".into(),
            "破零" => "突破".into(),
            w => w.to_string(),
        },
    }
}

/// Adds `q` to `list` unless it is already there.
pub(crate) fn push_unique(list: &mut Vec<String>, q: &str) {
    if !q.is_empty() && !list.iter().any(|x| x == q) {
        list.push(q.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_fold() {
        assert_eq!(fold_qualifier("力促"), "力争");
        assert_eq!(fold_qualifier("不少于"), "不低于");
        assert_eq!(fold_qualifier("达"), "达到");
        assert_eq!(fold_qualifier("及以上"), "以上");
        assert_eq!(fold_qualifier("稳定在"), "稳定");
        assert_eq!(fold_qualifier("破零"), "突破");
    }

    #[test]
    fn verb_right_before_the_number() {
        assert_eq!(verb_before("履约率达"), ("达到", "达".len()));
        assert_eq!(
            verb_before("标准分别提高到不低于"),
            ("不低于", "不低于".len())
        );
        assert_eq!(verb_before("办理时间压缩至"), ("以内", "压缩至".len()));
        assert_eq!(verb_before("地区生产总值增长"), ("", 0));
        // 下达 is no 达到; 保持在 is no qualifier
        assert_eq!(verb_before("专项资金于6月底前下达"), ("", 0));
        assert_eq!(verb_before("居民消费价格涨幅保持在").0, "");
        assert_eq!(verb_before("生活污水处理率保持").0, "稳定");
    }
}
