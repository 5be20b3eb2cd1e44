//! HTML page → the visible text of its body, one paragraph per line.
//!
//! Owns what a browser would show as text, reduced to lines:
//! - only `<body>`; `script`, `style`, `noscript`, `template`, form
//!   controls, embedded objects, `<nav>`, the page's own `<footer>` and
//!   elements marked `hidden` (or styled `display:none`) are dropped;
//! - block elements (`p`, `div`, `li`, `h1`–`h6`, `tr`, `table`, …) and
//!   `<br>` end the current line; table cells in a row are separated by a
//!   tab; no blank lines are produced, so a paragraph is exactly one line;
//! - white space collapses as in CSS: runs become one space, except that a
//!   source line break between two Chinese characters disappears (a
//!   paragraph wrapped in the HTML source is not split by a space); white
//!   space (including `U+3000` indentation) at line starts and ends goes;
//!   `<pre>` keeps its white space;
//! - entities are decoded (by the HTML parser); `&nbsp;` collapses like a
//!   space (pages indent and align with runs of it).
//!
//! [`body_text`] is the whole body. [`page`] is what a saved government
//! page means: the article ([`article`] picks the element that holds most
//! of the page's non-link text), without the breadcrumb, the font-size and
//! share bars, "打印本页 关闭窗口" and the site footer ([`boilerplate`]),
//! with the page's title, publication date and source as [`Properties`]
//! ([`meta`]).

pub mod article;
pub mod boilerplate;
pub mod meta;

use encoding_rs::Encoding;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

use super::properties::Properties;
use super::repair::chars::is_wide;

/// How many bytes at the start of a page are searched for a charset.
const CHARSET_PREFIX: usize = 4096;

/// Elements whose whole subtree is not visible text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed", "svg",
    "math", "canvas", "select", "button", "textarea", "input", "nav", "map", "audio", "video",
];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "legend",
    "li",
    "main",
    "menu",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// The encoding a page declares in its first bytes (`<meta charset=gbk>`,
/// `<meta http-equiv=… content="text/html; charset=gb2312">`), if
/// encoding_rs knows the label.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(CHARSET_PREFIX)];
    let mut from = 0;
    while let Some(at) = find_ignore_case(&head[from..], b"charset") {
        let mut i = from + at + b"charset".len();
        from = i;
        let skip_space = |i: &mut usize| {
            while head.get(*i).is_some_and(|b| b.is_ascii_whitespace()) {
                *i += 1;
            }
        };
        skip_space(&mut i);
        if head.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        skip_space(&mut i);
        while matches!(head.get(i), Some(b'"' | b'\'')) {
            i += 1;
        }
        let start = i;
        while head
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
        {
            i += 1;
        }
        if let Some(encoding) = Encoding::for_label(&head[start..i]) {
            return Some(encoding);
        }
    }
    None
}

fn find_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// The visible text of the page's body, one block per line, each line
/// ending in `\n`. Empty when the body shows no text.
pub fn body_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    render(body_of(&doc))
}

/// A saved web page read as a document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The article's text, one block per line (the title first).
    pub text: String,
    /// Title, publication date and source the page shows.
    pub properties: Properties,
}

/// The article of a saved page and its properties (see the module doc).
pub fn page(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let body = body_of(&doc);
    let mut properties = meta::from_tags(&doc);
    let root = article::root(body);
    let text = render(root);
    let whole = if root.id() == body.id() {
        None
    } else {
        Some(render(body))
    };
    // Dates and sources often sit outside the article, in the info bar.
    boilerplate::read_properties(whole.as_deref().unwrap_or(&text), &mut properties);
    // The article's own heading (or the page's ArticleTitle) leads the
    // text when the article container left it out; a `<title>` is only a
    // property (it often names the notice or the site instead).
    let heading = match &properties.title {
        Some(t) => Some(t.clone()),
        None => meta::heading_title(body),
    };
    if properties.title.is_none() {
        properties.title = heading.clone().or_else(|| meta::title_tag(&doc));
    }
    let mut text = boilerplate::strip(&text);
    if let Some(title) = heading {
        let fold = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let wanted = fold(&title);
        let present = text.lines().take(6).any(|l| fold(l).contains(&wanted));
        if !wanted.is_empty() && !present && !text.is_empty() {
            text.insert_str(0, &format!("{title}\n"));
        }
    }
    Page { text, properties }
}

fn body_of(doc: &Html) -> ElementRef<'_> {
    let root = doc.root_element();
    root.descendants()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "body")
        .unwrap_or(root)
}

/// The visible text under `top`, one block per line.
pub fn render(top: ElementRef<'_>) -> String {
    let mut sink = Sink::default();
    let mut pre_depth = 0usize;
    // Iterative pre-order walk (no recursion: deeply nested pages are fine).
    let mut node = *top;
    'walk: loop {
        let descend = match node.value() {
            Node::Text(text) => {
                sink.text(text, pre_depth > 0);
                false
            }
            Node::Element(_) => {
                ElementRef::wrap(node).is_some_and(|el| open(el, &mut sink, &mut pre_depth))
            }
            Node::Document | Node::Fragment => true,
            _ => false,
        };
        if descend {
            if let Some(child) = node.first_child() {
                node = child;
                continue;
            }
        }
        loop {
            if let Some(el) = ElementRef::wrap(node) {
                let name = el.value().name();
                if visible(el) && BLOCKS.contains(&name) {
                    sink.line_break();
                    pre_depth -= usize::from(name == "pre" && pre_depth > 0);
                }
            }
            if node.id() == top.id() {
                break 'walk;
            }
            if let Some(next) = node.next_sibling() {
                node = next;
                break;
            }
            match node.parent() {
                Some(parent) => node = parent,
                None => break 'walk,
            }
        }
    }
    sink.finish()
}

/// Handles an element's start; returns whether its children are visited.
fn open(el: ElementRef<'_>, sink: &mut Sink, pre_depth: &mut usize) -> bool {
    if !visible(el) {
        return false;
    }
    let name = el.value().name();
    if name == "br" {
        sink.forced_break();
    } else if name == "td" || name == "th" {
        sink.cell();
    } else if BLOCKS.contains(&name) {
        sink.line_break();
        *pre_depth += usize::from(name == "pre");
    }
    true
}

/// False for elements whose subtree is not visible text, and for the
/// page's own `<footer>` (site credits, ICP numbers; a footer inside an
/// `<article>` or `<main>` belongs to the text and is kept).
pub fn visible(el: ElementRef<'_>) -> bool {
    let e = el.value();
    if SKIPPED.contains(&e.name()) || is_hidden(e) {
        return false;
    }
    e.name() != "footer"
        || el.ancestors().any(|a| {
            matches!(a.value(), Node::Element(p) if p.name() == "article" || p.name() == "main")
        })
}

/// `hidden`, `aria-hidden="true"` or an inline `display:none` /
/// `visibility:hidden` style.
fn is_hidden(e: &Element) -> bool {
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    e.attr("style").is_some_and(style_hides)
}

/// True for an inline style with `display: none` or `visibility: hidden`
/// (any case, any spacing).
fn style_hides(style: &str) -> bool {
    style.split(';').any(|declaration| {
        let Some((property, value)) = declaration.split_once(':') else {
            return false;
        };
        let (property, value) = (property.trim(), value.trim());
        let value = value.trim_end_matches("!important").trim_end();
        (property.eq_ignore_ascii_case("display") && value.eq_ignore_ascii_case("none"))
            || (property.eq_ignore_ascii_case("visibility") && value.eq_ignore_ascii_case("hidden"))
    })
}

/// Pending collapsible white space between two pieces of text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Gap {
    #[default]
    None,
    Space,
    /// White space that contains a source line break.
    Break,
}

/// Accumulates lines with CSS-like white-space collapsing.
#[derive(Default)]
struct Sink {
    out: String,
    gap: Gap,
}

impl Sink {
    fn at_line_start(&self) -> bool {
        self.out.is_empty() || self.out.ends_with('\n') || self.out.ends_with('\t')
    }

    fn text(&mut self, text: &str, pre: bool) {
        for c in text.chars() {
            if pre {
                self.out.push(if c == '\u{a0}' { ' ' } else { c });
                continue;
            }
            match c {
                '\n' | '\r' => self.gap = Gap::Break,
                ' ' | '\t' | '\x0c' | '\u{a0}' => {
                    if self.gap == Gap::None {
                        self.gap = Gap::Space;
                    }
                }
                '\u{3000}' if self.at_line_start() => {}
                _ => {
                    let gap = std::mem::take(&mut self.gap);
                    let joined_cjk = gap == Gap::Break
                        && self.out.chars().next_back().is_some_and(is_wide)
                        && is_wide(c);
                    if gap != Gap::None && !self.at_line_start() && !joined_cjk {
                        self.out.push(' ');
                    }
                    self.out.push(c);
                }
            }
        }
    }

    fn trim_line_end(&mut self) {
        let kept = self
            .out
            .trim_end_matches(|c: char| c != '\n' && c.is_whitespace())
            .len();
        self.out.truncate(kept);
    }

    /// Ends the current line if it has text.
    fn line_break(&mut self) {
        self.trim_line_end();
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
        self.gap = Gap::None;
    }

    /// `<br>`: like a block boundary; a second one in a row adds nothing,
    /// so the output has no blank lines.
    fn forced_break(&mut self) {
        self.line_break();
    }

    /// A table cell: separated from the previous cell of the row by a tab.
    fn cell(&mut self) {
        self.trim_line_end();
        if !self.at_line_start() {
            self.out.push('\t');
        }
        self.gap = Gap::None;
    }

    fn finish(mut self) -> String {
        self.line_break();
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_become_lines_without_scripts_or_styles() {
        let html = r#"<!DOCTYPE html><html><head><title>标题栏</title>
            <style>p { color: red }</style><script>var x = "<p>脚本</p>";</script></head>
            <body><div class="nav">首页 &gt; 政策文件</div>
            <h1>担当好稳增长挑大梁的责任实施方案</h1>
            <p>　　一、工作目标</p>
            <p>经济总量保持全省前十，
               全年地区生产总值增长 5%左右。</p>
            <p>A&amp;B&nbsp;C</p>
            <noscript>请启用脚本</noscript>
            </body></html>"#;
        assert_eq!(
            body_text(html),
            "首页 > 政策文件\n担当好稳增长挑大梁的责任实施方案\n一、工作目标\n\
             经济总量保持全省前十，全年地区生产总值增长 5%左右。\nA&B C\n"
        );
    }

    #[test]
    fn br_li_and_table_rows_split_lines_without_blank_lines() {
        let html = "<body><p>（一）加强部门协同<br><br>1. 强化政策协同。</p>\
                    <ul><li>甲</li><li>乙 <b>丙</b></li></ul>\
                    <table><tr><td>指标</td><td> 目标 </td></tr><tr><th>GDP</th><td>5%</td></tr></table>\
                    </body>";
        assert_eq!(
            body_text(html),
            "（一）加强部门协同\n1. 强化政策协同。\n甲\n乙 丙\n指标\t目标\nGDP\t5%\n"
        );
    }

    #[test]
    fn hidden_nav_and_pre_are_handled() {
        let html = "<body><nav>首页 | 机构</nav><div hidden>隐藏</div>\
                    <span style=\"DISPLAY: none\">也隐藏</span>\
                    <pre>一  二\n三</pre><p>正文</p></body>";
        assert_eq!(body_text(html), "一  二\n三\n正文\n");
    }

    #[test]
    fn empty_bodies_give_empty_text() {
        assert_eq!(body_text(""), "");
        assert_eq!(
            body_text("<html><body> <p>&nbsp;</p><script>x</script></body>"),
            ""
        );
        assert_eq!(body_text("<<<>>>"), "<<<>>>\n");
    }

    #[test]
    fn page_footer_goes_article_footer_stays() {
        let html =
            "<body><article><p>正文</p><footer>县人民政府办公室 2025年3月1日</footer></article>\
                    <footer><p>主办：县政府办 备案号：湘ICP备0000号</p></footer></body>";
        assert_eq!(body_text(html), "正文\n县人民政府办公室 2025年3月1日\n");
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let depth = 5_000; // html5ever itself is quadratic in depth
        let html = format!(
            "{}正文{}",
            "<div><span>".repeat(depth),
            "</span></div>".repeat(depth)
        );
        assert_eq!(body_text(&html), "正文\n");
    }

    #[test]
    fn inline_styles_that_hide() {
        assert!(style_hides("DISPLAY : None"));
        assert!(style_hides("color:red; visibility:hidden !important"));
        assert!(!style_hides("display:block; color:none"));
        assert!(!style_hides("display"));
    }

    #[test]
    fn charset_is_found_in_meta_tags() {
        let gbk = Encoding::for_label(b"gbk");
        assert_eq!(declared_charset(b"<meta charset=\"gb2312\">"), gbk);
        assert_eq!(
            declared_charset(
                b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; Charset = GBK\">"
            ),
            gbk
        );
        assert_eq!(
            declared_charset(b"<p>charset is a word</p><meta charset=utf-8>"),
            Encoding::for_label(b"utf-8")
        );
        assert_eq!(declared_charset(b"<p>no declaration</p>"), None);
        assert_eq!(declared_charset(b"charset="), None);
    }
}
