//! `/search`: one box with the query language of `fangan search`, hits as
//! keyword-in-context lines with exact highlights, facets that narrow the
//! search when clicked, matches per year, pages, and the current query
//! exported as JSON (`fangan_wire::search`) or CSV.

use std::fmt::Write as _;

use fangan_index::{QueryError, SearchResults};
use fangan_wire::search::ResultsJson;

use crate::answer::Answer;
use crate::corpus::Loaded;
use crate::error::{Error, Result};
use crate::facets::{Facet, Facets};
use crate::html::{esc, page as frame};
use crate::kwic::kwic;
use crate::search::{Mode, SearchState, EXPORT_LIMIT, FILTER_PARAMS, PAGE_SIZE};
use crate::url::{clause_link, Params};

/// Facet values shown before "more".
const FACET_SHOWN: usize = 12;

/// The search page, or the export of its query (`format=json|csv`).
pub fn page(loaded: &Loaded, params: &Params) -> Result<Answer> {
    let state = SearchState::from_params(params)?;
    match params.get("format") {
        None | Some("html") => html(loaded, &state),
        Some(f @ ("json" | "csv")) => export(loaded, &state, f),
        Some(other) => Err(Error::BadRequest(format!(
            "参数 format={other:?} 无效：应为 html、json 或 csv"
        ))),
    }
}

fn export(loaded: &Loaded, state: &SearchState, format: &str) -> Result<Answer> {
    if state.q.is_empty() {
        return Err(Error::BadRequest("导出需要查询词 q".into()));
    }
    let catalog = &loaded.catalog;
    let req = state.request(catalog, EXPORT_LIMIT, 0)?;
    let results = catalog.search_index()?.search(&req)?;
    if format == "json" {
        return Answer::json(&ResultsJson::new(&results));
    }
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let csv_err = |e: csv::Error| Error::Internal(e.to_string());
    w.write_record([
        "plan", "county", "year", "path", "line", "heading", "score", "text",
    ])
    .map_err(csv_err)?;
    for h in &results.hits {
        w.write_record([
            h.plan.as_str(),
            h.county.as_deref().unwrap_or(""),
            &h.year.map(|y| y.to_string()).unwrap_or_default(),
            &h.path,
            &h.line.to_string(),
            &h.heading,
            &format!("{:.3}", h.score),
            &h.text,
        ])
        .map_err(csv_err)?;
    }
    let bytes = w.into_inner().map_err(|e| Error::Internal(e.to_string()))?;
    Ok(Answer::csv(
        &String::from_utf8_lossy(&bytes),
        "fangan-search.csv",
    ))
}

fn html(loaded: &Loaded, state: &SearchState) -> Result<Answer> {
    let catalog = &loaded.catalog;
    let mut body = String::from("<h1>搜索</h1>\n");
    body.push_str(&form(state));
    if state.q.is_empty() {
        body.push_str(&examples());
        return Ok(Answer::html(frame("搜索", "search", &body)));
    }
    let offset = (state.page - 1).saturating_mul(PAGE_SIZE);
    let req = match state.request(catalog, PAGE_SIZE, offset) {
        Ok(r) => r,
        Err(Error::Query(e)) => {
            body.push_str(&query_error(&e));
            return Ok(Answer::html(frame("查询有误", "search", &body)).with_status(400));
        }
        Err(Error::BadRequest(m)) => {
            let _ = write!(body, "<p class=error role=alert>{}</p>", esc(&m));
            return Ok(Answer::html(frame("请求有误", "search", &body)).with_status(400));
        }
        Err(e) => return Err(e),
    };
    let index = catalog.search_index()?;
    let results = index.search(&req)?;
    let facets = Facets::new(
        catalog,
        &index.count_per_plan(&req)?,
        &index.count_per_term(&req, "kind")?,
        &index.count_per_term(&req, "lead")?,
    );
    body.push_str(&chips(state));
    body.push_str(&summary(state, &results, &facets));
    body.push_str("<div class=results-layout>\n<aside class=facets>\n");
    body.push_str(&timeline(state, &facets));
    for (facet, values) in &facets.groups {
        body.push_str(&facet_group(state, *facet, values));
    }
    body.push_str("</aside>\n<section class=hits>\n");
    body.push_str(&hits(&results, offset));
    body.push_str(&pagination(state, results.total));
    body.push_str("</section>\n</div>\n");
    Ok(Answer::html(frame(
        &format!("{} - 搜索", state.q),
        "search",
        &body,
    )))
}

fn form(state: &SearchState) -> String {
    let mut f =
        String::from("<form class=search-form action=\"/search\" method=get role=search>\n");
    let _ = writeln!(
        f,
        "<input type=search name=q value=\"{}\" placeholder=\"&quot;以旧换新&quot;  专项债 county:平江\" aria-label=查询 autofocus>",
        esc(&state.q)
    );
    let sel = |m: Mode| if state.mode == m { " selected" } else { "" };
    let _ = writeln!(
        f,
        "<select name=mode aria-label=匹配方式><option value=words{}>按词排序</option><option value=exact{}>精确短语</option></select>",
        sel(Mode::Words),
        sel(Mode::Exact)
    );
    for (k, _, v) in &state.filters {
        let _ = write!(f, "<input type=hidden name={k} value=\"{}\">", esc(v));
    }
    f.push_str("<button type=submit>搜索</button>\n</form>\n");
    f
}

fn examples() -> String {
    let mut s = String::from("<section class=examples><h2>示例</h2><ul>\n");
    for (q, what) in [
        ("\"以旧换新\"", "精确短语：全文中出现的地方都能找到"),
        ("专项债 发行", "按词排序：每个词都要出现"),
        ("招商 AND lead:商务粮食局", "只看商务粮食局牵头的条款"),
        ("\"专项债\" year:2023..2025", "限定年份范围"),
        ("消费 -汽车", "排除某个词"),
    ] {
        let link = crate::url::Link::new("/search").set("q", Some(q));
        let _ = writeln!(
            s,
            "<li><a href=\"{}\"><code>{}</code></a> — {}</li>",
            link.href(),
            esc(q),
            what
        );
    }
    s.push_str("</ul><p><a href=\"/help\">查询语法说明</a></p></section>\n");
    s
}

/// The query with the place of the error marked.
fn query_error(e: &QueryError) -> String {
    let chars: Vec<char> = e.query.chars().collect();
    let at = e.at.min(chars.len());
    let before: String = chars[..at].iter().collect();
    let (here, after): (String, String) = if at < chars.len() {
        (chars[at].to_string(), chars[at + 1..].iter().collect())
    } else {
        ("\u{2003}".to_string(), String::new())
    };
    format!(
        "<div class=error role=alert><p>查询有误：{}（第 {} 个字符）</p>\
         <pre class=query-error>{}<mark class=err>{}</mark>{}</pre></div>\n",
        esc(&e.message),
        e.at + 1,
        esc(&before),
        esc(&here),
        esc(&after)
    )
}

/// The filters set, each with a link that removes it.
fn chips(state: &SearchState) -> String {
    if state.filters.is_empty() {
        return String::new();
    }
    let mut s = String::from("<p class=chips>筛选：");
    for (k, _, v) in &state.filters {
        let label = FILTER_PARAMS
            .iter()
            .find(|(n, _, _)| n == k)
            .map_or(*k, |(_, _, l)| *l);
        let _ = write!(
            s,
            "<a class=chip href=\"{}\" title=取消>{}：{} ×</a> ",
            state.link().set(k, None).href(),
            label,
            esc(v)
        );
    }
    s.push_str("</p>\n");
    s
}

fn summary(state: &SearchState, r: &SearchResults, facets: &Facets) -> String {
    let pages = r.total.div_ceil(PAGE_SIZE).max(1);
    let link = state.link();
    format!(
        "<p class=summary>找到 <b id=total>{}</b> 条条款，分布在 <b>{}</b> 个方案中 · 第 {} / {} 页 · 导出 \
         <a href=\"{}\" download>CSV</a> <a href=\"{}\">JSON</a></p>\n",
        r.total,
        facets.plans,
        state.page.min(pages),
        pages,
        link.clone().set("format", Some("csv")).href(),
        link.set("format", Some("json")).href(),
    )
}

/// Matching clauses per year, as bars.
fn timeline(state: &SearchState, facets: &Facets) -> String {
    let years = facets.values(Facet::Year);
    if years.is_empty() {
        return String::new();
    }
    let max = years.iter().map(|v| v.clauses).max().unwrap_or(1).max(1);
    let mut s = String::from("<section class=timeline><h2>各年份条款数</h2>\n<ol class=bars>\n");
    for v in years {
        let pct = v.clauses * 100 / max;
        let _ = writeln!(
            s,
            "<li><a href=\"{}\"><span class=bar-label>{}</span><span class=bar style=\"width:{pct}%\"></span><span class=bar-n>{}</span></a></li>",
            state.link().set("year", Some(&v.value)).href(),
            esc(&v.label),
            v.clauses
        );
    }
    s.push_str("</ol></section>\n");
    s
}

fn facet_group(state: &SearchState, facet: Facet, values: &[crate::facets::FacetValue]) -> String {
    let active = state.filter(facet.param());
    // a facet with one value says nothing, unless it is the filter set
    if values.is_empty() || (values.len() == 1 && active.is_none()) {
        return String::new();
    }
    let mut s = format!(
        "<section class=facet data-facet={}><h2>{}</h2>\n<ul>\n",
        facet.param(),
        facet.label()
    );
    for (i, v) in values.iter().enumerate() {
        let on = active == Some(v.value.as_str());
        let href = if on {
            state.link().set(facet.param(), None)
        } else {
            state.link().set(facet.param(), Some(&v.value))
        };
        let _ = writeln!(
            s,
            "<li{}{}><a href=\"{}\">{}</a> <span class=n>{}</span></li>",
            if i >= FACET_SHOWN { " class=more" } else { "" },
            if on { " aria-current=true" } else { "" },
            href.href(),
            esc(&v.label),
            v.clauses
        );
    }
    s.push_str("</ul></section>\n");
    s
}

fn hits(r: &SearchResults, offset: usize) -> String {
    if r.hits.is_empty() {
        return "<p class=empty>没有找到匹配的条款。</p>\n".to_string();
    }
    let mut s = format!("<ol class=hit-list start={}>\n", offset + 1);
    for h in &r.hits {
        let place = [
            h.county.clone().unwrap_or_default(),
            h.year.map(|y| format!("{y}年")).unwrap_or_default(),
        ]
        .join(" ");
        let _ = writeln!(
            s,
            "<li class=hit><div class=hit-head><a class=hit-link href=\"{}\">{} · {}</a> \
             <span class=meta>{} · 第 {} 行</span></div>{}<p class=kwic>{}</p></li>",
            esc(&clause_link(&h.plan, &h.path)),
            esc(&h.plan),
            esc(&h.path),
            esc(place.trim()),
            h.line,
            if h.heading.is_empty() {
                String::new()
            } else {
                format!("<div class=hit-heading>{}</div>", esc(&h.heading))
            },
            kwic(&h.text, &h.highlights)
        );
    }
    s.push_str("</ol>\n");
    s
}

fn pagination(state: &SearchState, total: usize) -> String {
    let pages = total.div_ceil(PAGE_SIZE);
    if pages <= 1 {
        return String::new();
    }
    let link = |p: usize| state.link().set("page", Some(&p.to_string())).href();
    let mut s = String::from("<nav class=pages aria-label=分页>");
    if state.page > 1 {
        let _ = write!(
            s,
            "<a rel=prev href=\"{}\">上一页</a>",
            link(state.page - 1)
        );
    }
    let lo = state.page.saturating_sub(4).max(1);
    let hi = (lo + 8).min(pages);
    for p in lo..=hi {
        if p == state.page {
            let _ = write!(s, "<span aria-current=page>{p}</span>");
        } else {
            let _ = write!(s, "<a href=\"{}\">{p}</a>", link(p));
        }
    }
    if state.page < pages {
        let _ = write!(
            s,
            "<a rel=next href=\"{}\">下一页</a>",
            link(state.page + 1)
        );
    }
    s.push_str("</nav>\n");
    s
}
