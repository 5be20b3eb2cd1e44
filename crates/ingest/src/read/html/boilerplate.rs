//! Lines of a government page that are the site, not the article: the
//! breadcrumb (`当前位置：首页 > …`), the info bar (`发布日期：… 来源：…
//! 浏览次数：…`), the font-size bar (`字体：[大 中 小]`), share buttons
//! (`分享到：`), `打印本页 关闭窗口`, previous/next links, and the site
//! footer (`主办单位`, `网站标识码`, `ICP备`, `公网安备`, `版权所有`). The
//! info bar's date and source are read into [`Properties`] before it goes.
//!
//! Strong footer marks (ICP numbers, site codes, copyright) drop their
//! line anywhere; weak ones (`主办单位`, `联系电话`, `地址`) only among the
//! short lines that end the page, where a plan's own text cannot be.

use super::super::properties::Properties;

/// Keys of an info bar; a line made only of these is dropped.
const INFO_KEYS: &[&str] = &[
    "发布日期",
    "发布时间",
    "发文日期",
    "日期",
    "时间",
    "信息来源",
    "文章来源",
    "来源",
    "作者",
    "浏览次数",
    "浏览量",
    "点击数",
    "点击量",
    "点击率",
    "访问量",
    "阅读次数",
    "阅读量",
    "字号",
    "字体",
    "责任编辑",
    "编辑",
    "归档时间",
    "分享到",
    "分享",
    "打印",
    "关闭",
    "收藏",
];

/// Lines that start like this are the breadcrumb or a neighbour link.
const STARTS: &[&str] = &[
    "当前位置",
    "您当前的位置",
    "您的位置",
    "当前所在位置",
    "你的位置",
    "你当前的位置",
    "您现在的位置",
    "所在位置",
    "分享到",
    "上一篇",
    "下一篇",
    "相关链接",
    "相关文章",
];

/// Marks of a site footer, dropped wherever they are.
const FOOTER_STRONG: &[&str] = &[
    "ICP备",
    "ICP证",
    "网站标识码",
    "公网安备",
    "版权所有",
    "Copyright",
    "©",
];

/// Marks of a site footer, dropped among the page's closing short lines.
const FOOTER_WEAK: &[&str] = &[
    "主办单位",
    "承办单位",
    "主办：",
    "承办：",
    "技术支持",
    "联系电话",
    "联系我们",
    "网站地图",
    "地址：",
    "邮编",
    "建议使用",
    "分辨率",
    "网站声明",
    "纠错",
];

/// Characters of toolbars: `【打印本页】【关闭窗口】`, `字体：[大 中 小]`.
const TOOLBAR_WORDS: &[&str] = &[
    "打印本页",
    "打印此页",
    "打印文章",
    "打印",
    "关闭窗口",
    "关闭本页",
    "关闭",
    "返回顶部",
    "收藏本页",
    "收藏",
    "加入收藏",
    "字体",
    "字号",
    "默认",
    "大",
    "中",
    "小",
    "分享到",
    "分享",
    "扫一扫",
    "在手机上查看",
    "手机查看",
    "保存",
    "全文下载",
    "下载",
];

/// Lines this long or longer are text, never a site's furniture.
const LONG_LINE: usize = 80;

/// The article text without the site's lines.
pub fn strip(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let tail_start = lines
        .iter()
        .rposition(|l| l.chars().count() >= 40 || l.ends_with('。'))
        .map_or(0, |i| i + 1);
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        let short = t.chars().count() < LONG_LINE;
        let drop = short
            && (STARTS.iter().any(|s| t.starts_with(s))
                || FOOTER_STRONG.iter().any(|m| t.contains(m))
                || (i >= tail_start && FOOTER_WEAK.iter().any(|m| t.contains(m)))
                || is_toolbar(t)
                || is_info_bar(t));
        if !drop {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Reads the date and source of an info bar anywhere in `text` into
/// `props` (what is already set stays).
pub fn read_properties(text: &str, props: &mut Properties) {
    for line in text.lines().filter(|l| l.chars().count() < LONG_LINE * 2) {
        for (key, value) in pairs(line) {
            match key {
                "发布日期" | "发布时间" | "发文日期" | "日期" | "时间" | "归档时间"
                    if props.published.is_none() =>
                {
                    let date = super::super::properties::iso_date(value);
                    if date.is_some() {
                        props.published = date;
                    }
                }
                "来源" | "信息来源" | "文章来源" if props.source.is_none() => {
                    let v = value.split_whitespace().next().unwrap_or("");
                    props.set_source(v);
                }
                _ => {}
            }
        }
    }
}

/// The `key：value` pairs of an info bar line, keys from [`INFO_KEYS`].
fn pairs(line: &str) -> Vec<(&'static str, &str)> {
    let mut found: Vec<(usize, usize, &'static str)> = Vec::new();
    for key in INFO_KEYS {
        let mut from = 0;
        while let Some(i) = line[from..].find(key) {
            let at = from + i;
            let after = &line[at + key.len()..];
            let rest = after.trim_start();
            if rest.starts_with(['：', ':']) {
                let overlaps = found.iter().any(|(s, e, _)| at < *e && at + key.len() > *s);
                if !overlaps {
                    let colon = at + key.len() + (after.len() - rest.len());
                    let value_at = colon + rest.chars().next().map_or(0, char::len_utf8);
                    found.push((at, value_at, key));
                }
            }
            from = at + key.len();
        }
    }
    found.sort_unstable();
    let mut out = Vec::new();
    for (k, (_, value_at, key)) in found.iter().enumerate() {
        let end = found.get(k + 1).map_or(line.len(), |n| n.0);
        let end = end.max(*value_at);
        out.push((*key, line[*value_at..end].trim()));
    }
    out
}

/// A line made only of key-value pairs of an info bar (and toolbar words).
fn is_info_bar(line: &str) -> bool {
    let pairs = pairs(line);
    let Some(first) = pairs.first() else {
        return false;
    };
    let starts_with_key = line.trim_start_matches(['【', '[']).starts_with(first.0);
    starts_with_key && pairs.iter().all(|(_, v)| v.chars().count() <= 40)
}

/// A line made only of toolbar words, brackets and separators.
fn is_toolbar(line: &str) -> bool {
    let mut rest: String = line
        .chars()
        .filter(|c| !c.is_whitespace() && !"【】[]（）()|｜:：/·•>»-".contains(*c))
        .collect();
    if rest.is_empty() {
        return !line.trim().is_empty() && line.chars().any(|c| "【】[]|｜".contains(c));
    }
    loop {
        let before = rest.len();
        for w in TOOLBAR_WORDS {
            if let Some(r) = rest.strip_prefix(w) {
                rest = r.to_string();
            }
        }
        if rest.is_empty() {
            return true;
        }
        if rest.len() == before {
            return false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_lines_go_text_stays() {
        let text = "\
当前位置：首页 > 政务公开 > 政策文件
担当好稳增长挑大梁的责任实施方案
发布日期：2025-03-01 10:00 来源：县发改局 浏览次数：1024 字体：[大 中 小]
【字体：大 中 小】
分享到：
一、工作目标
经济总量保持全省前十。
（县发改局牵头负责）
【打印本页】 【关闭窗口】
上一篇：关于开展某某活动的通知
主办单位：平江县人民政府办公室 承办单位：平江县政务服务中心
网站标识码：4306260001 湘ICP备05000000号
联系电话：0730-0000000
";
        assert_eq!(
            strip(text),
            "担当好稳增长挑大梁的责任实施方案\n一、工作目标\n经济总量保持全省前十。\n（县发改局牵头负责）\n"
        );
        let mut p = Properties::default();
        read_properties(text, &mut p);
        assert_eq!(p.published.as_deref(), Some("2025-03-01"));
        assert_eq!(p.source.as_deref(), Some("县发改局"));
    }

    #[test]
    fn plan_lines_that_mention_the_words_stay() {
        let text = "（二）主办单位：县文旅广体局负责活动的组织实施，时间：2025年全年。\n\
                    来源广泛的资金要统筹使用。\n打印机采购纳入预算\n";
        assert_eq!(strip(text), text);
    }

    #[test]
    fn toolbars_are_recognised() {
        for t in [
            "【打印本页】 【关闭窗口】",
            "字体：[大 中 小]",
            "[打印] [关闭]",
            "| |",
        ] {
            assert!(is_toolbar(t), "{t}");
        }
        for t in ["大力推进", "中小企业", "打印机采购"] {
            assert!(!is_toolbar(t), "{t}");
        }
    }
}
