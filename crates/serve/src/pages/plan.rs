//! `/plan/ID`: one plan, the data of `fangan show ID --format json`
//! (`fangan_wire::plan::ShowJson`): its metadata with the evidence of what
//! was inferred, the outline as a tree, and each clause with its text, its
//! notes (units and their roles) and its targets. Every clause has the
//! anchor `#c-PATH`, which hits, pairs and leads link to. `?format=json`
//! gives the JSON itself.

use std::fmt::Write as _;

use fangan_catalog::{Resolved, Resolver, TargetAt};
use fangan_model::{Document, Level};
use fangan_notes::{Note, Role};
use fangan_wire::plan::{ClauseJson, ShowJson};

use crate::answer::Answer;
use crate::corpus::Loaded;
use crate::error::{Error, Result};
use crate::html::{esc, esc_lines, page as frame};
use crate::url::{encode, Link, Params};

/// The plan page of `key` (an id, or any name the resolver takes).
pub fn page(loaded: &Loaded, key: &str, params: &Params) -> Result<Answer> {
    let catalog = &loaded.catalog;
    let id = match catalog.entry(key) {
        Some(e) => e.meta.id.clone(),
        None => match Resolver::new(catalog).plan(key, None)? {
            Resolved::Plan(e) => e.meta.id.clone(),
            Resolved::File(p) => {
                return Err(Error::NotFound(format!("{} 不在语料库中", p.display())))
            }
        },
    };
    let doc = catalog.document(&id)?;
    let analysis = catalog.analysis(&id)?;
    let mut notes: Vec<Vec<Note>> = vec![Vec::new(); doc.clauses.len()];
    for c in analysis.notes {
        if let Some(slot) = notes.get_mut(c.clause) {
            *slot = c.notes;
        }
    }
    let show = ShowJson::new(&doc, &notes);
    match params.get("format") {
        None | Some("html") => {}
        Some("json") => return Answer::json(&show),
        Some(other) => {
            return Err(Error::BadRequest(format!(
                "参数 format={other:?} 无效：应为 html 或 json"
            )))
        }
    }
    let mut targets: Vec<Vec<&TargetAt>> = vec![Vec::new(); doc.clauses.len()];
    for t in &analysis.targets {
        if let Some(slot) = targets.get_mut(t.found.clause) {
            slot.push(t);
        }
    }
    let title = doc.meta.title.clone().unwrap_or_else(|| id.clone());
    let mut body = format!("<h1 class=plan-title>{}</h1>\n", esc(&title));
    body.push_str(&metadata(&doc));
    let _ = writeln!(
        body,
        "<p class=actions><a href=\"{}\">与另一方案对比</a> · <a href=\"{}\">在本方案中搜索</a> · \
         <a href=\"{}\">JSON</a></p>",
        Link::new("/compare").set("a", Some(&id)).href(),
        Link::new("/search").set("plan", Some(&id)).href(),
        Link::new(&format!("/plan/{}", encode(&id)))
            .set("format", Some("json"))
            .href(),
    );
    body.push_str("<div class=plan-layout>\n<nav class=outline aria-label=目录><h2>目录</h2>\n");
    let roots: Vec<usize> = (0..doc.clauses.len())
        .filter(|&i| doc.clauses[i].parent.is_none())
        .collect();
    outline(&mut body, &doc, &roots);
    body.push_str("</nav>\n<article class=clauses>\n");
    for &r in &roots {
        clause(&mut body, &doc, &show.clauses, &targets, r);
    }
    body.push_str("</article>\n</div>\n");
    if !doc.warnings.is_empty() {
        body.push_str("<section class=warnings><h2>解析提示</h2><ul>\n");
        for w in &doc.warnings {
            let _ = writeln!(body, "<li>第 {} 行：{}</li>", w.line, esc(&w.message));
        }
        body.push_str("</ul></section>\n");
    }
    Ok(Answer::html(frame(&title, "plan", &body)))
}

/// The metadata, inferred values marked with their evidence.
fn metadata(doc: &Document) -> String {
    let m = &doc.meta;
    let inferred = |field: &str| m.inferred.iter().find(|i| i.field == field);
    let mut s = String::from("<dl class=meta>\n");
    let mut row = |label: &str, field: &str, value: Option<String>| {
        let Some(v) = value.filter(|v| !v.is_empty()) else {
            return;
        };
        let mark = match inferred(field) {
            Some(i) => format!(
                " <abbr class=inferred title=\"推断自：{}\">推断</abbr>",
                esc(&i.evidence)
            ),
            None => String::new(),
        };
        let _ = writeln!(s, "<dt>{label}</dt><dd>{}{mark}</dd>", esc(&v));
    };
    row("编号", "id", Some(m.id.clone()));
    row("发文机关", "place", m.place.clone());
    row("县区", "county", m.county.clone());
    row("层级", "level", m.level.clone());
    row("地市", "city", m.city.clone());
    row("省份", "province", m.province.clone());
    row("年份", "year", m.year.map(|y| y.to_string()));
    row("成文日期", "date", m.date.clone());
    row("发布日期", "published", m.published.clone());
    row("文号", "doc_number", m.doc_number.clone());
    row("依据", "implements", Some(m.implements.join("；")));
    row("条款数", "", Some(doc.clauses.len().to_string()));
    row(
        "来源",
        "",
        Some(format!(
            "{} ({}, {})",
            doc.source
                .path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| "内置".into()),
            doc.source.format,
            doc.source.encoding
        )),
    );
    s.push_str("</dl>\n");
    if !m.inferred.is_empty() {
        s.push_str("<details class=evidence><summary>推断依据</summary><table><thead><tr><th>字段</th><th>值</th><th>依据</th></tr></thead><tbody>\n");
        for i in &m.inferred {
            let _ = writeln!(
                s,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&i.field),
                esc(&i.value),
                esc(&i.evidence)
            );
        }
        s.push_str("</tbody></table></details>\n");
    }
    s
}

/// The heading shown for clause `i`.
fn heading_of(doc: &Document, i: usize) -> String {
    let c = &doc.clauses[i];
    if !c.heading.is_empty() {
        return c.heading.clone();
    }
    if c.path == "前言" || c.path.starts_with("附件") {
        return String::new();
    }
    c.text.chars().take(24).collect()
}

fn anchor(path: &str) -> String {
    format!("c-{path}")
}

fn outline(out: &mut String, doc: &Document, ids: &[usize]) {
    out.push_str("<ul>\n");
    for &i in ids {
        let c = &doc.clauses[i];
        let _ = write!(
            out,
            "<li><a href=\"#{}\"><span class=path>{}</span> {}</a>",
            esc(&encode(&anchor(&c.path))),
            esc(&c.path),
            esc(&heading_of(doc, i))
        );
        // tasks and below are listed in the text, not in the outline
        let kids: Vec<usize> = c
            .children
            .iter()
            .copied()
            .filter(|&k| {
                !doc.clauses[k].children.is_empty() || doc.clauses[k].level == Level::Group
            })
            .collect();
        if !kids.is_empty() {
            outline(out, doc, &kids);
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

fn role_label(role: Role) -> &'static str {
    match role {
        Role::Lead => "牵头",
        Role::Support => "配合",
        Role::Responsible => "负责",
    }
}

/// The text of a clause, its notes' spans (characters) marked.
fn text_with_notes(text: &str, c: &ClauseJson) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut spans: Vec<[usize; 2]> = c.notes.iter().map(|n| n.span).collect();
    spans.sort_unstable();
    let mut out = String::new();
    let mut at = 0;
    for [s, e] in spans {
        let (s, e) = (s.max(at).min(chars.len()), e.min(chars.len()));
        if s >= e {
            continue;
        }
        out.push_str(&esc_lines(&chars[at..s].iter().collect::<String>()));
        out.push_str("<span class=note-span>");
        out.push_str(&esc_lines(&chars[s..e].iter().collect::<String>()));
        out.push_str("</span>");
        at = e;
    }
    out.push_str(&esc_lines(
        &chars[at.min(chars.len())..].iter().collect::<String>(),
    ));
    out
}

fn clause(
    out: &mut String,
    doc: &Document,
    clauses: &[ClauseJson],
    targets: &[Vec<&TargetAt>],
    i: usize,
) {
    let c = &doc.clauses[i];
    let Some(cj) = clauses.get(i) else { return };
    let _ = writeln!(
        out,
        "<section class=\"clause level-{}\" id=\"{}\">\n<h3 class=clause-head><a class=path href=\"#{}\">{}</a> {} <span class=line>第 {} 行</span></h3>",
        c.level.as_str(),
        esc(&anchor(&c.path)),
        esc(&encode(&anchor(&c.path))),
        esc(&c.path),
        esc(&c.heading),
        c.line
    );
    if !c.text.is_empty() {
        let _ = writeln!(out, "<p class=text>{}</p>", text_with_notes(&c.text, cj));
    }
    for n in &cj.notes {
        let mut units = String::new();
        for u in n.units.iter().filter(|u| !u.generic) {
            let _ = write!(
                units,
                "<a class=\"unit role-{}\" href=\"{}\" title=\"{}\">{}·{}</a> ",
                role_label(u.role),
                Link::new("/leads")
                    .set("dept", Some(u.canonical))
                    .set("role", Some("any"))
                    .href(),
                esc(u.name),
                role_label(u.role),
                esc(u.canonical)
            );
        }
        if !units.is_empty() {
            let _ = writeln!(out, "<p class=units>{}</p>", units.trim_end());
        }
    }
    if let Some(ts) = targets.get(i).filter(|t| !t.is_empty()) {
        out.push_str("<table class=clause-targets><thead><tr><th>指标</th><th>目标</th><th>原文</th></tr></thead><tbody>\n");
        for t in ts {
            let x = &t.found.target;
            let _ = writeln!(
                out,
                "<tr{}><td>{}</td><td>{}</td><td>{}</td></tr>",
                if t.found.headline {
                    " class=headline"
                } else {
                    ""
                },
                esc(&x.canonical),
                esc(&x.display()),
                esc(&x.snippet)
            );
        }
        out.push_str("</tbody></table>\n");
    }
    for &k in &c.children {
        clause(out, doc, clauses, targets, k);
    }
    out.push_str("</section>\n");
}
