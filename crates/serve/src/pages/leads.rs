//! `/leads?role=lead|support|responsible|any`: the departments the
//! responsibility notes name, ranked as `fangan leads` ranks them
//! (`fangan_notes::ranking`), one bar per department; `dept=NAME` lists
//! the clauses that name it (as `fangan leads --dept`), each linked to its
//! plan. `format=json` gives the JSON of `fangan_wire::leads`.

use std::fmt::Write as _;

use fangan_catalog::Selection;
use fangan_notes::ranking::{self, RoleFilter};
use fangan_notes::tally::Count;
use fangan_notes::Role;
use fangan_wire::leads::{role_name, DeptJson, RankingJson};

use crate::answer::Answer;
use crate::corpus::Loaded;
use crate::error::{Error, Result};
use crate::html::{esc, page as frame};
use crate::url::{clause_link, Link, Params};

/// Rows of the ranking shown.
const SHOWN: usize = 200;

const ROLES: [(&str, RoleFilter, &str); 4] = [
    ("lead", RoleFilter::Lead, "牵头"),
    ("support", RoleFilter::Support, "配合"),
    ("responsible", RoleFilter::Responsible, "负责"),
    ("any", RoleFilter::Any, "任何角色"),
];

/// The leads page.
pub fn page(loaded: &Loaded, params: &Params) -> Result<Answer> {
    let (role_param, role, role_label) = match params.get("role") {
        None => ROLES[0],
        Some(r) => *ROLES.iter().find(|(n, _, _)| *n == r).ok_or_else(|| {
            Error::BadRequest(format!(
                "参数 role={r:?} 无效：应为 lead、support、responsible 或 any"
            ))
        })?,
    };
    let json = match params.get("format") {
        None | Some("html") => false,
        Some("json") => true,
        Some(other) => {
            return Err(Error::BadRequest(format!(
                "参数 format={other:?} 无效：应为 html 或 json"
            )))
        }
    };
    let catalog = &loaded.catalog;
    let entries = catalog.select(&Selection::default())?;
    let deps = catalog.note_reader()?.departments();
    let mut body = String::from("<h1>牵头部门</h1>\n<nav class=tabs aria-label=角色>");
    for (name, _, label) in ROLES {
        let link = Link::new("/leads")
            .set("role", Some(name))
            .set("dept", params.get("dept"));
        let current = if name == role_param {
            " aria-current=page"
        } else {
            ""
        };
        let _ = write!(body, "<a href=\"{}\"{current}>{label}</a>", link.href());
    }
    body.push_str("</nav>\n");
    if let Some(name) = params.get("dept") {
        let canonical = deps.resolve(name).canonical;
        let notes = catalog.notes_naming(&entries, false, &canonical)?;
        let clauses = ranking::clauses_of(&notes, deps, name, role);
        if json {
            return Answer::json(&DeptJson {
                dept: name,
                canonical: &canonical,
                role: role_name(role),
                clauses: &clauses,
            });
        }
        let _ = writeln!(
            body,
            "<h2 id=dept-title>{}（{}）：{} 条</h2>\n<p><a href=\"{}\">返回排名</a></p>\n<ol class=dept-clauses>",
            esc(&canonical),
            role_label,
            clauses.len(),
            Link::new("/leads").set("role", Some(role_param)).href()
        );
        for c in &clauses {
            let role = match c.role {
                Role::Lead => "牵头",
                Role::Support => "配合",
                Role::Responsible => "负责",
            };
            let _ = writeln!(
                body,
                "<li><a href=\"{}\">{} · {}</a> <span class=meta>第 {} 行 · {role} · 写作“{}”</span>\
                 <div class=hit-heading>{}</div><p class=note>{}</p></li>",
                esc(&clause_link(&c.plan, &c.path)),
                esc(&c.plan),
                esc(&c.path),
                c.line,
                esc(&c.name),
                esc(&c.heading),
                esc(&c.note)
            );
        }
        body.push_str("</ol>\n");
        return Ok(Answer::html(frame(&canonical, "leads", &body)));
    }
    let rows = catalog
        .tally(&entries, false, Count::Rank, role)?
        .rank(deps);
    if json {
        let plans: Vec<String> = entries.iter().map(|e| e.meta.id.clone()).collect();
        return Answer::json(&RankingJson {
            role: role_name(role),
            mechanism: false,
            plans: &plans,
            departments: &rows,
        });
    }
    let max = rows.first().map_or(1, |r| r.notes.max(1));
    let _ = writeln!(
        body,
        "<p class=summary>{} 个部门在 {} 个方案的责任分工中被列为{}。点击部门查看条款。</p>\n\
         <table class=ranking><thead><tr><th>#</th><th>部门</th><th>条数</th><th class=bar-col></th>\
         <th>牵头</th><th>配合</th><th>负责</th><th>方案数</th></tr></thead><tbody>",
        rows.len(),
        entries.len(),
        role_label
    );
    for (i, r) in rows.iter().take(SHOWN).enumerate() {
        let pct = r.notes * 100 / max;
        let _ = writeln!(
            body,
            "<tr><td>{}</td><td><a class=dept href=\"{}\" title=\"{}\">{}{}</a></td><td>{}</td>\
             <td class=bar-col><span class=bar style=\"width:{pct}%\"></span></td>\
             <td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            i + 1,
            Link::new("/leads")
                .set("role", Some(role_param))
                .set("dept", Some(&r.canonical))
                .href(),
            esc(&r.names.join("、")),
            esc(&r.canonical),
            if r.known {
                ""
            } else {
                " <abbr title=部门表中没有这个名称>?</abbr>"
            },
            r.notes,
            r.lead,
            r.support,
            r.responsible,
            r.per_plan.len()
        );
    }
    body.push_str("</tbody></table>\n");
    if rows.len() > SHOWN {
        let _ = writeln!(
            body,
            "<p class=hint>只显示前 {SHOWN} 个部门；<a href=\"{}\">JSON</a> 中有全部 {} 个。</p>",
            Link::new("/leads")
                .set("role", Some(role_param))
                .set("format", Some("json"))
                .href(),
            rows.len()
        );
    }
    Ok(Answer::html(frame("牵头部门", "leads", &body)))
}
