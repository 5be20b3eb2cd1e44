//! A page's own description of its article: the `<meta>` tags Chinese
//! government sites carry (`ArticleTitle`, `PubDate`, `ContentSource`,
//! the national site-standard names), then the article's heading, then
//! the `<title>` without the site's name after `_`, `-` or `|`.

use scraper::{ElementRef, Html, Selector};

use super::super::properties::Properties;
use super::visible;

/// Meta names of the title, the date and the source, in order of trust.
const TITLE_NAMES: &[&str] = &["ArticleTitle", "title", "og:title", "dc.title"];
const DATE_NAMES: &[&str] = &[
    "PubDate",
    "pubdate",
    "publishdate",
    "firstpublishedtime",
    "dc.date",
];
const SOURCE_NAMES: &[&str] = &["ContentSource", "source", "author", "dc.publisher"];

/// Properties from the page's `<meta name|property=… content=…>` tags.
pub fn from_tags(doc: &Html) -> Properties {
    let mut props = Properties::default();
    let Ok(selector) = Selector::parse("meta[content]") else {
        return props;
    };
    let metas: Vec<(String, &str)> = doc
        .select(&selector)
        .filter_map(|m| {
            let e = m.value();
            let name = e.attr("name").or_else(|| e.attr("property"))?;
            Some((name.to_ascii_lowercase(), e.attr("content")?))
        })
        .collect();
    let find = |names: &[&str]| {
        names.iter().find_map(|n| {
            let n = n.to_ascii_lowercase();
            metas
                .iter()
                .find(|(name, v)| *name == n && !v.trim().is_empty())
                .map(|(_, v)| *v)
        })
    };
    if let Some(t) = find(TITLE_NAMES) {
        props.set_title(t);
    }
    if let Some(d) = find(DATE_NAMES) {
        props.set_published(d);
    }
    if let Some(s) = find(SOURCE_NAMES) {
        props.set_source(s);
    }
    props
}

/// The text of the first visible `<h1>` (else `<h2>`) of the body.
pub fn heading_title(body: ElementRef<'_>) -> Option<String> {
    ["h1", "h2"].iter().find_map(|tag| {
        let selector = Selector::parse(tag).ok()?;
        body.select(&selector)
            .filter(|h| visible(*h))
            .map(|h| h.text().collect::<String>())
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .find(|t| t.chars().count() >= 4 && t.chars().count() <= 100)
    })
}

/// The `<title>`, without the site's name after the last `_`, ` - ` or `|`.
pub fn title_tag(doc: &Html) -> Option<String> {
    let selector = Selector::parse("title").ok()?;
    let title: String = doc.select(&selector).next()?.text().collect();
    let mut t = title.trim();
    for sep in ["_", " - ", "|", "－", "——"] {
        if let Some((head, _)) = t.rsplit_once(sep) {
            if head.trim().chars().count() >= 4 {
                t = head.trim();
            }
        }
    }
    (!t.is_empty()).then(|| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_tags_then_heading_then_title() {
        let doc = Html::parse_document(
            r#"<html><head><title>实施方案_平江县人民政府</title>
<meta name="ArticleTitle" content="担当好稳增长挑大梁的责任实施方案">
<meta name="PubDate" content="2025-03-01 10:00">
<meta name="ContentSource" content="县发改局"></head><body><h1>标题一</h1></body></html>"#,
        );
        let p = from_tags(&doc);
        assert_eq!(p.title.as_deref(), Some("担当好稳增长挑大梁的责任实施方案"));
        assert_eq!(p.published.as_deref(), Some("2025-03-01"));
        assert_eq!(p.source.as_deref(), Some("县发改局"));
        assert_eq!(title_tag(&doc).as_deref(), Some("实施方案"));
        let doc =
            Html::parse_document("<body><h1 hidden>隐</h1><h1> 关于印发\n方案的通知 </h1></body>");
        let body = doc
            .root_element()
            .select(&Selector::parse("body").unwrap())
            .next()
            .unwrap();
        assert_eq!(heading_title(body).as_deref(), Some("关于印发 方案的通知"));
    }
}
