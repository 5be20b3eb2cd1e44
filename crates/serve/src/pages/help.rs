//! `/help`: the query language of the search box (the same as `fangan
//! search`), in Chinese, with examples that run when clicked.

use std::fmt::Write as _;

use crate::answer::Answer;
use crate::html::{esc, page as frame};
use crate::url::Link;

/// The help page.
pub fn page() -> Answer {
    let mut body = String::from(
        "<h1>查询语法</h1>\n<p>搜索框使用与命令行 <code>fangan search</code> 相同的查询语言。\
         全角/半角、繁体/简体、空白都会统一后再匹配。</p>\n<table class=syntax><thead><tr><th>写法</th><th>含义</th></tr></thead><tbody>\n",
    );
    for (q, what) in [
        (
            "专项债 发行",
            "不加引号的词：每个词都要出现，按 BM25 排序，连在一起出现时排得更前",
        ),
        (
            "\"以旧换新\"",
            "引号中的短语：精确匹配，全文中出现的地方都能找到",
        ),
        ("招商 AND 引资", "两者都要（AND 可省略）"),
        ("夜间经济 OR 夜经济", "任一即可"),
        ("消费 -汽车", "排除：NOT 汽车 或 -汽车"),
        (
            "county:平江",
            "县区（平江 或 平江县）；也可用 city: province: level:",
        ),
        ("year:2023..2025", "年份或年份范围"),
        ("plan:pingjiang-2023", "某一个方案"),
        ("section:附件1", "某一章节或附件之下的条款"),
        (
            "kind:tasks",
            "条款类别：objectives（目标）tasks（任务）mechanism（保障）other",
        ),
        (
            "lead:发改局",
            "责任分工中牵头的部门（县发改局、发展和改革局都算）；support: 配合；dept: 任何角色",
        ),
    ] {
        let _ = writeln!(
            body,
            "<tr><td><a href=\"{}\"><code>{}</code></a></td><td>{}</td></tr>",
            Link::new("/search").set("q", Some(q)).href(),
            esc(q),
            what
        );
    }
    body.push_str(
        "</tbody></table>\n<p>“精确短语”模式把每个不加引号的词都当作引号中的短语。\
         查询写错时，页面会指出出错的位置。</p>\n",
    );
    Answer::html(frame("查询语法", "help", &body))
}
