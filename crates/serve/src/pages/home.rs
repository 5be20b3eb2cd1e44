//! `/`: the corpus: where its plans come from, each plan with its metadata
//! (inferred values marked), and the files refused with their reasons.

use std::fmt::Write as _;

use crate::answer::Answer;
use crate::corpus::Loaded;
use crate::error::Result;
use crate::html::{esc, page as frame};
use crate::url::{encode, Link};

/// The corpus page.
pub fn page(loaded: &Loaded) -> Result<Answer> {
    let catalog = &loaded.catalog;
    let state = catalog.state();
    let mut body = String::from("<h1>语料库</h1>\n");
    let _ = writeln!(
        body,
        "<form class=search-form action=\"/search\" method=get role=search>\
         <input type=search name=q placeholder=\"搜索全部方案：&quot;以旧换新&quot;  专项债\" aria-label=查询>\
         <button type=submit>搜索</button></form>"
    );
    let origin = if catalog.is_seeds() {
        "内置的示例方案".to_string()
    } else {
        format!("索引 {}", catalog.dir().display())
    };
    let _ = writeln!(
        body,
        "<p class=summary>{}：<b id=plan-count>{}</b> 个方案，{} 条条款。</p>",
        esc(&origin),
        state.plans.len(),
        state.clauses()
    );
    if !state.sources.is_empty() {
        body.push_str("<p class=sources>来源：");
        for s in &state.sources {
            let _ = write!(body, "<code>{}</code> ", esc(&s.path.display().to_string()));
        }
        body.push_str("</p>\n");
    }
    let stale = catalog.staleness();
    if !stale.is_fresh() {
        let _ = writeln!(
            body,
            "<p class=warning>建立索引之后来源文件有变化（{}）：运行 <code>fangan ingest --index {}</code> 更新。</p>",
            esc(&stale.summary()),
            esc(&catalog.dir().display().to_string())
        );
    }
    body.push_str(
        "<div class=scroll><table class=plans><thead><tr><th>编号</th><th>县区</th><th>层级</th><th>地市</th>\
         <th>省份</th><th>年份</th><th>条款</th><th>标题</th><th></th></tr></thead><tbody>\n",
    );
    for e in catalog.plans() {
        let m = &e.meta;
        let cell = |field: &str, v: Option<String>| -> String {
            let v = v.unwrap_or_default();
            match m.inferred.iter().find(|i| i.field == field) {
                Some(i) if !v.is_empty() => format!(
                    "<td class=inferred title=\"推断自：{}\">{}<sup>?</sup></td>",
                    esc(&i.evidence),
                    esc(&v)
                ),
                _ => format!("<td>{}</td>", esc(&v)),
            }
        };
        let _ = writeln!(
            body,
            "<tr><td><a href=\"/plan/{}\">{}</a></td>{}{}{}{}{}<td>{}</td>{}<td><a href=\"{}\">对比</a></td></tr>",
            esc(&encode(&m.id)),
            esc(&m.id),
            cell("county", m.county.clone()),
            cell("level", m.level.clone()),
            cell("city", m.city.clone()),
            cell("province", m.province.clone()),
            cell("year", m.year.map(|y| y.to_string())),
            e.clauses,
            cell("title", m.title.clone()),
            Link::new("/compare").set("a", Some(&m.id)).href(),
        );
    }
    body.push_str("</tbody></table></div>\n<p class=hint><sup>?</sup> 表示从正文推断的值（悬停查看依据）。</p>\n");
    if !state.refused.is_empty() {
        let _ = writeln!(
            body,
            "<h2>未收录的文件（{}）</h2>\n<table class=refused><thead><tr><th>文件</th><th>原因</th></tr></thead><tbody>",
            state.refused.len()
        );
        for r in &state.refused {
            let _ = writeln!(
                body,
                "<tr><td><code>{}</code></td><td>{}</td></tr>",
                esc(&r.file.display().to_string()),
                esc(&r.reason)
            );
        }
        body.push_str("</tbody></table>\n");
    }
    Ok(Answer::html(frame("语料库", "corpus", &body)))
}
