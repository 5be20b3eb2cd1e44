//! Which element of a page holds the article.
//!
//! Government pages put the article in one container (`div.zoom`,
//! `#UCAP-CONTENT`, `div.TRS_Editor`, `div.article` …; names vary from
//! site to site, so none is trusted) among navigation menus, link lists,
//! breadcrumbs and footers. What they share is that the article holds
//! most of the page's visible Han characters that are not link text. So
//! each element is scored by the Han characters in its subtree outside
//! `<a>` (one pass, children before parents), and the article is the
//! deepest element that still holds [`SHARE`] of the body's score: from
//! the body, step into the child with the highest score as long as it
//! holds that share. A page with too little text keeps its whole body.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::{ElementRef, Node};

use super::visible;

/// Share of the page's non-link Han characters the article must hold.
const SHARE: f64 = 0.6;

/// Below this many non-link Han characters the whole body is kept.
const MIN_TEXT: usize = 80;

/// The element that holds the article (or `body` itself).
pub fn root(body: ElementRef<'_>) -> ElementRef<'_> {
    let scores = scores(body);
    let total = scores.get(&body.id()).copied().unwrap_or(0);
    if total < MIN_TEXT {
        return body;
    }
    let needed = (total as f64 * SHARE).ceil() as usize;
    let mut at = body;
    loop {
        let best = at
            .children()
            .filter_map(ElementRef::wrap)
            .map(|c| (scores.get(&c.id()).copied().unwrap_or(0), c))
            .max_by_key(|(score, _)| *score);
        match best {
            Some((score, child)) if score >= needed => at = child,
            _ => return at,
        }
    }
}

/// Non-link visible Han characters under each element of `body`.
fn scores(body: ElementRef<'_>) -> HashMap<NodeId, usize> {
    // Pre-order with the inherited "counts" flag (visible, not in a link).
    let mut order: Vec<(ego_tree::NodeRef<'_, Node>, bool)> = Vec::new();
    let mut counts: HashMap<NodeId, bool> = HashMap::new();
    for node in body.descendants() {
        let inherited = node
            .parent()
            .and_then(|p| counts.get(&p.id()).copied())
            .unwrap_or(true);
        let own = match ElementRef::wrap(node) {
            Some(el) => visible(el) && el.value().name() != "a",
            None => true,
        };
        let flag = inherited && own;
        counts.insert(node.id(), flag);
        order.push((node, flag));
    }
    let mut scores: HashMap<NodeId, usize> = HashMap::new();
    for (node, flag) in order.iter().rev() {
        let own = match node.value() {
            Node::Text(t) if *flag => t.chars().filter(|c| is_han(*c)).count(),
            _ => 0,
        };
        let mine = scores.get(&node.id()).copied().unwrap_or(0) + own;
        scores.insert(node.id(), mine);
        if node.id() != body.id() {
            if let Some(parent) = node.parent() {
                *scores.entry(parent.id()).or_default() += mine;
            }
        }
    }
    scores
}

/// CJK unified ideographs (the basic block and extension A).
fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

#[cfg(test)]
mod tests {
    use super::super::render;
    use super::*;
    use scraper::Html;

    #[test]
    fn the_container_with_most_non_link_text_wins() {
        let plan = "经济总量保持全省前十，全年地区生产总值增长百分之五左右。".repeat(4);
        let html = format!(
            r#"<body><div class="nav"><a>首页</a><a>政务公开</a><a>政策文件解读专栏目录</a></div>
<div class="wrap"><div class="side">{links}</div>
<div class="main"><h1>担当好稳增长挑大梁的责任实施方案</h1>
<div class="zoom"><p>一、工作目标</p><p>{plan}</p><p>{plan}</p></div></div></div>
<div class="footer">主办单位：平江县人民政府办公室　网站标识码：4306260001</div></body>"#,
            links = "<a>关于印发某某工作方案的通知</a>".repeat(30)
        );
        let doc = Html::parse_document(&html);
        let body = doc
            .root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
            .find(|e| e.value().name() == "body")
            .unwrap();
        let article = root(body);
        assert_eq!(article.value().attr("class"), Some("zoom"));
        assert!(render(article).starts_with("一、工作目标\n"));
    }
}
