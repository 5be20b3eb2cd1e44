//! HTML: the one escaping function every page writes document text
//! through, and the page frame (navigation, the embedded stylesheet and
//! script). Pages are server-rendered strings; nothing a plan contains is
//! ever written unescaped.

use std::fmt::Write as _;

/// Escapes `text` for HTML text and attribute values (quoted or not).
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes `text`, line breaks as `<br>`.
pub fn esc_lines(text: &str) -> String {
    esc(text).replace('\n', "<br>")
}

/// The pages of the navigation bar: (path, name, label).
const NAV: [(&str, &str, &str); 6] = [
    ("/", "corpus", "语料库"),
    ("/search", "search", "搜索"),
    ("/compare", "compare", "对比"),
    ("/leads", "leads", "牵头部门"),
    ("/targets", "targets", "目标"),
    ("/help", "help", "查询语法"),
];

/// A whole page: `body` inside the frame, `page` naming the navigation
/// entry that is current (and set as `data-page` on `<body>`).
pub fn page(title: &str, page: &str, body: &str) -> String {
    let mut nav = String::new();
    for (href, name, label) in NAV {
        let current = if name == page {
            " aria-current=page"
        } else {
            ""
        };
        let _ = write!(nav, "<a href=\"{href}\"{current}>{label}</a>");
    }
    format!(
        "<!DOCTYPE html>\n<html lang=zh-CN>\n<head>\n<meta charset=utf-8>\n\
         <meta name=viewport content=\"width=device-width, initial-scale=1\">\n\
         <title>{} · 方案 fangan</title>\n\
         <link rel=icon href=\"/assets/icon.svg\" type=\"image/svg+xml\">\n\
         <link rel=stylesheet href=\"/assets/style.css\">\n\
         <script src=\"/assets/app.js\" defer></script>\n</head>\n\
         <body data-page=\"{}\">\n<header class=top><a class=brand href=\"/\">方案 <small>fangan</small></a>\
         <nav>{nav}</nav></header>\n<main>\n{body}\n</main>\n\
         <footer>fangan {} · 本地运行，不连接外网</footer>\n</body>\n</html>\n",
        esc(title),
        esc(page),
        env!("CARGO_PKG_VERSION"),
    )
}

/// A page saying what went wrong.
pub fn error_page(status: u16, message: &str) -> String {
    let title = match status {
        400 => "请求有误",
        403 => "拒绝访问",
        404 => "未找到",
        _ => "出错了",
    };
    page(
        title,
        "error",
        &format!(
            "<h1>{title}</h1>\n<p class=error role=alert>{}</p>\n<p><a href=\"/\">返回语料库</a></p>",
            esc_lines(message)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            esc("\"><img src=x onerror=alert(1)>"),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(
            esc("<script>alert('1')</script>&"),
            "&lt;script&gt;alert(&#39;1&#39;)&lt;/script&gt;&amp;"
        );
        assert_eq!(esc_lines("一\n二"), "一<br>二");
    }

    #[test]
    fn the_frame_marks_the_current_page() {
        let p = page("<x>", "search", "<p>body</p>");
        assert!(p.contains("<title>&lt;x&gt; · 方案 fangan</title>"));
        assert!(p.contains("<a href=\"/search\" aria-current=page>搜索</a>"));
        assert!(p.contains("<body data-page=\"search\">"));
    }
}
