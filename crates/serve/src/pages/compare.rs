//! `/compare?a=ID&b=ID`: two plans side by side, the data of `fangan diff
//! A B --format json` (`fangan_wire::diff`): the headline targets of both,
//! then one row per aligned pair with the differences marked inline
//! (numbers emphasised), and each clause only one plan has in its place
//! (`fangan_compare::rows`). `topic` and `section` narrow it as `--topic`
//! and `--section` do; `format=json` gives the JSON.

use std::fmt::Write as _;

use fangan_catalog::{Catalog, Resolved, Resolver};
use fangan_compare::rows::{side_by_side, Row};
use fangan_compare::topic::{on_topic, under};
use fangan_compare::{Aligner, Comparison, EditTag, InlineDiff, Label, Pair, Prepared};
use fangan_model::Document;
use fangan_wire::diff::DiffJson;
use fangan_wire::diff_targets::{set_by_both, DiffTargets, TargetRow};

use crate::answer::Answer;
use crate::corpus::Loaded;
use crate::error::{Error, Result};
use crate::html::{esc, esc_lines, page as frame};
use crate::url::{clause_link, Params};

/// The compare page: a form choosing two plans, and their comparison
/// when both are chosen.
pub fn page(loaded: &Loaded, params: &Params) -> Result<Answer> {
    let catalog = &loaded.catalog;
    let (a, b) = (params.get("a"), params.get("b"));
    let topic = params.get("topic");
    let section = params.get("section");
    let mut body = String::from("<h1>对比两个方案</h1>\n");
    body.push_str(&form(catalog, a, b, topic, section));
    let (Some(a), Some(b)) = (a, b) else {
        body.push_str("<p class=hint>选择两个方案：逐条对齐条款，标出改动与数字差异，列出各自独有的条款。</p>\n");
        return Ok(Answer::html(frame("对比", "compare", &body)));
    };
    let da = catalog.document(&resolve(catalog, a)?)?;
    let db = catalog.document(&resolve(catalog, b)?)?;
    let seg = catalog.segmenter()?;
    let rarity = loaded.rarity()?.for_pair(&seg, &da, &db);
    let aligner = Aligner::builder().build(&seg, rarity)?;
    let mut cmp = aligner.align_prepared(&Prepared::new(&seg, &da), &Prepared::new(&seg, &db));
    if let Some(t) = topic {
        cmp.retain(|c| on_topic(&da, c, t), |c| on_topic(&db, c, t));
    }
    if let Some(s) = section {
        cmp.retain(|c| under(&da, c, s), |c| under(&db, c, s));
    }
    let targets = DiffTargets::new(&fangan_targets::Extractor::new(), &da, &db, &cmp);
    match params.get("format") {
        None | Some("html") => {}
        Some("json") => return Answer::json(&DiffJson::new(&da, &db, &cmp, &targets)),
        Some(other) => {
            return Err(Error::BadRequest(format!(
                "参数 format={other:?} 无效：应为 html 或 json"
            )))
        }
    }
    body.push_str(&summary(&da, &db, &cmp));
    body.push_str(&headline(&da, &db, &targets.headline));
    body.push_str(&table(&da, &db, &cmp, &targets));
    let title = format!("{} ⟷ {}", da.meta.id, db.meta.id);
    Ok(Answer::html(frame(&title, "compare", &body)))
}

/// The id of the plan `key` names (400 when it names none or several).
fn resolve(catalog: &Catalog, key: &str) -> Result<String> {
    if let Some(e) = catalog.entry(key) {
        return Ok(e.meta.id.clone());
    }
    match Resolver::new(catalog)
        .plan(key, None)
        .map_err(|e| Error::from(e).as_bad_request())?
    {
        Resolved::Plan(e) => Ok(e.meta.id.clone()),
        Resolved::File(p) => Err(Error::BadRequest(format!("{} 不在语料库中", p.display()))),
    }
}

fn form(
    catalog: &Catalog,
    a: Option<&str>,
    b: Option<&str>,
    topic: Option<&str>,
    section: Option<&str>,
) -> String {
    let options = |chosen: Option<&str>| {
        let mut s = String::from("<option value=\"\">（选择方案）</option>");
        for e in catalog.plans() {
            let m = &e.meta;
            let label = format!(
                "{} · {} {} · {}",
                m.id,
                m.county.as_deref().unwrap_or(""),
                m.year.map(|y| y.to_string()).unwrap_or_default(),
                m.title.as_deref().unwrap_or("")
            );
            let _ = write!(
                s,
                "<option value=\"{}\"{}>{}</option>",
                esc(&m.id),
                if chosen == Some(m.id.as_str()) {
                    " selected"
                } else {
                    ""
                },
                esc(&label.chars().take(60).collect::<String>())
            );
        }
        s
    };
    format!(
        "<form class=compare-form action=\"/compare\" method=get>\n\
         <label>方案 A <select name=a>{}</select></label>\n\
         <label>方案 B <select name=b>{}</select></label>\n\
         <label>主题 <input name=topic value=\"{}\" placeholder=投资></label>\n\
         <label>章节 <input name=section value=\"{}\" placeholder=二 size=6></label>\n\
         <button type=submit>对比</button>\n</form>\n",
        options(a),
        options(b),
        esc(topic.unwrap_or("")),
        esc(section.unwrap_or(""))
    )
}

fn label_name(l: Label) -> &'static str {
    match l {
        Label::NearCopy => "近乎照搬",
        Label::Paraphrase => "改写",
        Label::Related => "相关",
    }
}

fn summary(a: &Document, b: &Document, cmp: &Comparison) -> String {
    let count = |l: Label| cmp.pairs.iter().filter(|p| p.label == l).count();
    format!(
        "<p class=summary id=compare-summary>共 <b>{}</b> 对条款：{} 对近乎照搬，{} 对改写，{} 对相关；\
         仅 {} 有 {} 条，仅 {} 有 {} 条。<a href=\"?a={}&amp;b={}&amp;format=json\">JSON</a></p>\n",
        cmp.pairs.len(),
        count(Label::NearCopy),
        count(Label::Paraphrase),
        count(Label::Related),
        esc(&a.meta.id),
        cmp.only_a.len(),
        esc(&b.meta.id),
        cmp.only_b.len(),
        esc(&crate::url::encode(&a.meta.id)),
        esc(&crate::url::encode(&b.meta.id)),
    )
}

/// Targets side by side.
fn targets_table<R: std::borrow::Borrow<TargetRow>>(rows: &[R], a: &str, b: &str) -> String {
    let mut t = format!(
        "<table class=targets><thead><tr><th>指标</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(a),
        esc(b)
    );
    for r in rows {
        let r: &TargetRow = r.borrow();
        let _ = write!(
            t,
            "<tr class={}><td>{}</td><td>{}</td><td>{}</td></tr>",
            if r.differs { "differs" } else { "same" },
            esc(&r.canonical),
            esc(r.a.as_deref().unwrap_or("—")),
            esc(r.b.as_deref().unwrap_or("—"))
        );
    }
    t.push_str("</tbody></table>\n");
    t
}

fn headline(a: &Document, b: &Document, rows: &[TargetRow]) -> String {
    if rows.is_empty() {
        return String::new();
    }
    format!(
        "<section class=headline-targets><h2>主要目标对照</h2>\n{}</section>\n",
        targets_table(rows, &a.meta.id, &b.meta.id)
    )
}

/// A's and B's text with the differences marked.
fn marked(d: &InlineDiff, ta: &str, tb: &str) -> (String, String) {
    let (mut a, mut b) = (String::new(), String::new());
    for e in &d.edits {
        let (sa, sb) = (esc_lines(e.a.slice(ta)), esc_lines(e.b.slice(tb)));
        let (open_a, open_b, close_a, close_b) = match e.tag {
            EditTag::Equal => ("", "", "", ""),
            _ if e.number => ("<mark class=num>", "<mark class=num>", "</mark>", "</mark>"),
            _ => ("<del>", "<ins>", "</del>", "</ins>"),
        };
        if !sa.is_empty() {
            let _ = write!(a, "{open_a}{sa}{close_a}");
        }
        if !sb.is_empty() {
            let _ = write!(b, "{open_b}{sb}{close_b}");
        }
    }
    (a, b)
}

fn cell(doc: &Document, id: usize, body: &str, side: &str) -> String {
    let c = &doc.clauses[id];
    format!(
        "<td class={side}><div class=cell-head><a href=\"{}\">{}</a> <span class=line>第 {} 行</span></div><div class=text>{}</div></td>",
        esc(&clause_link(&doc.meta.id, &c.path)),
        esc(&c.path),
        c.line,
        body
    )
}

fn pair_row(a: &Document, b: &Document, i: usize, p: &Pair, targets: &[TargetRow]) -> String {
    let (ta, tb) = (&a.clauses[p.a].text, &b.clauses[p.b].text);
    let (ma, mb) = match &p.diff {
        Some(d) if p.label != Label::Related => marked(d, ta, tb),
        _ => (esc_lines(ta), esc_lines(tb)),
    };
    let mut row = format!(
        "<tr class=\"pair {}\" id=pair-{i}>{}<td class=meta><b>{}</b><br>{:.2}</td>{}</tr>\n",
        p.label.as_str(),
        cell(a, p.a, &ma, "a"),
        label_name(p.label),
        p.score,
        cell(b, p.b, &mb, "b")
    );
    let both = set_by_both(targets);
    if both.iter().any(|r| r.differs) {
        let _ = writeln!(
            row,
            "<tr class=pair-targets><td colspan=3>{}</td></tr>",
            targets_table(&both, &a.meta.id, &b.meta.id).trim_end()
        );
    }
    row
}

fn table(a: &Document, b: &Document, cmp: &Comparison, targets: &DiffTargets) -> String {
    let mut s = format!(
        "<table class=compare><colgroup><col class=side><col class=mid><col class=side></colgroup>\n\
         <thead><tr><th>{}</th><th></th><th>{}</th></tr></thead><tbody>\n",
        esc(a.meta.title.as_deref().unwrap_or(&a.meta.id)),
        esc(b.meta.title.as_deref().unwrap_or(&b.meta.id))
    );
    for r in side_by_side(cmp) {
        match r {
            Row::Pair(i) => s.push_str(&pair_row(a, b, i, &cmp.pairs[i], targets.pair(i))),
            Row::OnlyA(c) => {
                let _ = writeln!(
                    s,
                    "<tr class=only-a>{}<td class=meta>仅 A</td><td class=\"b empty\"></td></tr>",
                    cell(a, c, &esc_lines(&a.clauses[c].text), "a")
                );
            }
            Row::OnlyB(c) => {
                let _ = writeln!(
                    s,
                    "<tr class=only-b><td class=\"a empty\"></td><td class=meta>仅 B</td>{}</tr>",
                    cell(b, c, &esc_lines(&b.clauses[c].text), "b")
                );
            }
        }
    }
    s.push_str("</tbody></table>\n");
    s
}
