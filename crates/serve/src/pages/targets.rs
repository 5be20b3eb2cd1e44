//! `/targets`: the headline indicators of every plan side by side, one row
//! per indicator and one column per plan (as `fangan targets --headline
//! --table`, `fangan_targets::Pivot`), read from what ingest stored.
//! `indicator=TEXT` keeps the indicators containing it; `format=json`
//! gives the JSON of `fangan_wire::targets`.

use std::fmt::Write as _;

use fangan_catalog::Selection;
use fangan_model::fold::fold_str;
use fangan_targets::{ClauseTarget, Pivot};
use fangan_wire::targets::PivotJson;

use crate::answer::Answer;
use crate::corpus::Loaded;
use crate::error::{Error, Result};
use crate::html::{esc, page as frame};
use crate::url::{encode, Params};

/// The targets page.
pub fn page(loaded: &Loaded, params: &Params) -> Result<Answer> {
    let catalog = &loaded.catalog;
    let entries = catalog.select(&Selection::default())?;
    let want = params.get("indicator").map(fold_str);
    let by_plan: Vec<(String, Vec<ClauseTarget>)> = catalog
        .map_targets(&entries, true, |e, ts| (e, ts))?
        .into_iter()
        .map(|(e, ts)| {
            let ts = ts
                .into_iter()
                .map(|t| t.found)
                .filter(|t| {
                    want.as_ref().is_none_or(|w| {
                        fold_str(&t.target.indicator).contains(w)
                            || fold_str(&t.target.canonical).contains(w)
                    })
                })
                .collect();
            (e.meta.id.clone(), ts)
        })
        .collect();
    let pivot = Pivot::new(&by_plan);
    match params.get("format") {
        None | Some("html") => {}
        Some("json") => return Answer::json(&PivotJson::new(&pivot)),
        Some(other) => {
            return Err(Error::BadRequest(format!(
                "参数 format={other:?} 无效：应为 html 或 json"
            )))
        }
    }
    let mut body = String::from("<h1>主要目标</h1>\n");
    let _ = writeln!(
        body,
        "<form class=filter-form action=\"/targets\" method=get><label>指标 <input name=indicator value=\"{}\" placeholder=增速></label> <button type=submit>筛选</button></form>",
        esc(params.get("indicator").unwrap_or(""))
    );
    let _ = writeln!(
        body,
        "<p class=summary>{} 个指标 × {} 个方案（目标章节中的数字目标）。</p>\n<div class=scroll><table class=pivot><thead><tr><th>指标</th>",
        pivot.rows.len(),
        pivot.plans.len()
    );
    for p in &pivot.plans {
        let _ = write!(
            body,
            "<th><a href=\"/plan/{}\">{}</a></th>",
            esc(&encode(p)),
            esc(p)
        );
    }
    body.push_str("</tr></thead><tbody>\n");
    for r in &pivot.rows {
        let _ = write!(body, "<tr><th scope=row>{}</th>", esc(&r.canonical));
        for c in (0..pivot.plans.len()).map(|i| r.cell(i)) {
            let mut shown: Vec<String> = Vec::new();
            for t in c {
                let d = t.display();
                if !shown.contains(&d) {
                    shown.push(d);
                }
            }
            let title: Vec<&str> = c.iter().map(|t| t.snippet.as_str()).collect();
            if shown.is_empty() {
                body.push_str("<td class=none>—</td>");
            } else {
                let _ = write!(
                    body,
                    "<td title=\"{}\">{}</td>",
                    esc(&title.join("\n")),
                    esc(&shown.join(" / "))
                );
            }
        }
        body.push_str("</tr>\n");
    }
    body.push_str("</tbody></table></div>\n");
    Ok(Answer::html(frame("主要目标", "targets", &body)))
}
