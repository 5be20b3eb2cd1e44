//! `fangan diff --format html`: one self-contained page (inline CSS and a
//! few lines of inline script, no external assets) with the two plans side
//! by side. Each aligned pair sits on one table row, its differences
//! marked (`<del>` in A, `<ins>` in B, `<mark class=num>` for numbers); a
//! clause only in one plan has a row of its own, in its place in that plan.
//! A pair whose clauses set different targets for one indicator is
//! followed by a row with a small table of the indicators both set.
//!
//! The inline script only checks the page: it sets `data-layout="ok"` on
//! `<body>` when both cells of every pair row start at the same height, and
//! `data-errors` if any script error happens (the headless-browser test
//! reads both).

use std::fmt::Write as _;
use std::io::{self, Write};

use fangan_compare::rows::{side_by_side, Row};
use fangan_compare::{Comparison, EditTag, InlineDiff, Label, Pair};
use fangan_model::Document;

use fangan_wire::diff_targets::{set_by_both, DiffTargets, TargetRow};

/// Escapes text for HTML; newlines become `<br>`.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// A's and B's text with the differences marked.
fn marked(d: &InlineDiff, ta: &str, tb: &str) -> (String, String) {
    let (mut a, mut b) = (String::new(), String::new());
    for e in &d.edits {
        let (sa, sb) = (esc(e.a.slice(ta)), esc(e.b.slice(tb)));
        match e.tag {
            EditTag::Equal => {
                a.push_str(&sa);
                b.push_str(&sb);
            }
            _ if e.number => {
                if !sa.is_empty() {
                    let _ = write!(a, "<mark class=num>{sa}</mark>");
                }
                if !sb.is_empty() {
                    let _ = write!(b, "<mark class=num>{sb}</mark>");
                }
            }
            _ => {
                if !sa.is_empty() {
                    let _ = write!(a, "<del>{sa}</del>");
                }
                if !sb.is_empty() {
                    let _ = write!(b, "<ins>{sb}</ins>");
                }
            }
        }
    }
    (a, b)
}

/// The cell of one clause.
fn cell(doc: &Document, id: usize, body: &str, side: &str) -> String {
    let c = &doc.clauses[id];
    format!(
        "<td class={side}><div class=path>{} <span class=line>line {}</span></div><div class=text>{}</div></td>",
        esc(&c.path),
        c.line,
        body
    )
}

fn pair_row(a: &Document, b: &Document, p: &Pair, targets: &[TargetRow]) -> String {
    let (ta, tb) = (&a.clauses[p.a].text, &b.clauses[p.b].text);
    let (ma, mb) = match &p.diff {
        Some(d) if p.label != Label::Related => marked(d, ta, tb),
        _ => (esc(ta), esc(tb)),
    };
    let mut row = format!(
        "<tr class=\"pair {}\">{}<td class=meta><b>{}</b><br>{:.2}</td>{}</tr>\n",
        p.label.as_str(),
        cell(a, p.a, &ma, "a"),
        p.label.as_str(),
        p.score,
        cell(b, p.b, &mb, "b")
    );
    let both = set_by_both(targets);
    if both.iter().any(|r| r.differs) {
        let _ = writeln!(
            row,
            "<tr class=pair-targets><td colspan=3>{}</td></tr>",
            targets_table(&both).trim_end()
        );
    }
    row
}

/// One row per pair in A's order, each clause only in one plan in its
/// place (`fangan_compare::rows`).
fn rows(a: &Document, b: &Document, cmp: &Comparison, targets: &DiffTargets) -> Vec<String> {
    side_by_side(cmp)
        .into_iter()
        .map(|r| match r {
            Row::Pair(i) => pair_row(a, b, &cmp.pairs[i], targets.pair(i)),
            Row::OnlyA(c) => format!(
                "<tr class=only-a>{}<td class=meta>only A</td><td class=\"b empty\"></td></tr>\n",
                cell(a, c, &esc(&a.clauses[c].text), "a")
            ),
            Row::OnlyB(c) => format!(
                "<tr class=only-b><td class=\"a empty\"></td><td class=meta>only B</td>{}</tr>\n",
                cell(b, c, &esc(&b.clauses[c].text), "b")
            ),
        })
        .collect()
}

const STYLE: &str = "body{font-family:'Noto Sans CJK SC','Source Han Sans SC',sans-serif;margin:1.5em;color:#222}\
table{border-collapse:collapse;width:100%;table-layout:fixed}\
td{vertical-align:top;border-top:1px solid #ddd;padding:.5em;line-height:1.6}\
col.mid{width:6em}col.side{width:auto}td.meta{text-align:center;font-size:.85em;color:#555}\
tr.near-copy td.meta b{color:#a00}tr.paraphrase td.meta b{color:#a60}tr.related td.meta b{color:#357}\
tr.only-a td.a,tr.only-b td.b{background:#f7f7f7}\
.path{font-size:.8em;color:#666}.line{color:#999}\
del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}\
mark.num{background:#fe6;font-weight:bold}\
table.targets{width:auto;margin-bottom:1.5em}tr.pair-targets td{border-top:none;padding-top:0}tr.pair-targets table.targets{margin:0 auto .5em}table.targets td{padding:.2em .8em}tr.differs td{background:#fff6d5}";

const SCRIPT: &str = "window.addEventListener('error',function(e){document.body.dataset.errors=(document.body.dataset.errors||'')+e.message+';'});\
window.addEventListener('load',function(){var bad=0,rows=document.querySelectorAll('tr.pair');\
rows.forEach(function(r){var a=r.querySelector('td.a'),b=r.querySelector('td.b');\
if(!a||!b||Math.abs(a.getBoundingClientRect().top-b.getBoundingClientRect().top)>1)bad++;});\
document.body.dataset.layout=bad?('bad:'+bad):'ok';document.body.dataset.pairs=rows.length;});";

/// Targets side by side (the headline ones, or a pair's), as a small table.
fn targets_table<R: std::borrow::Borrow<TargetRow>>(rows: &[R]) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let mut t = String::from(
        "<table class=targets><thead><tr><th>indicator</th><th>A</th><th>B</th></tr></thead><tbody>",
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

/// Writes the page: the headline targets of both plans, then the aligned
/// clauses, each pair with its targets.
pub fn write_page(
    out: &mut impl Write,
    a: &Document,
    b: &Document,
    cmp: &Comparison,
    targets: &DiffTargets,
) -> io::Result<()> {
    let title = format!("{} ⟷ {}", a.meta.id, b.meta.id);
    let count = |l: Label| cmp.pairs.iter().filter(|p| p.label == l).count();
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=zh-CN><head><meta charset=utf-8><title>{}</title><style>{}</style><script>{}</script></head>\n<body>\n",
        esc(&title),
        STYLE,
        SCRIPT
    )?;
    writeln!(
        out,
        "<h1>{}</h1><p>{} pairs: {} near-copy, {} paraphrase, {} related; {} only in {}, {} only in {}.</p>",
        esc(&title),
        cmp.pairs.len(),
        count(Label::NearCopy),
        count(Label::Paraphrase),
        count(Label::Related),
        cmp.only_a.len(),
        esc(&a.meta.id),
        cmp.only_b.len(),
        esc(&b.meta.id)
    )?;
    out.write_all(targets_table(&targets.headline).as_bytes())?;
    writeln!(
        out,
        "<table class=clauses><colgroup><col class=side><col class=mid><col class=side></colgroup>\
         <thead><tr><th>{}</th><th></th><th>{}</th></tr></thead><tbody>",
        esc(a.meta.title.as_deref().unwrap_or(&a.meta.id)),
        esc(b.meta.title.as_deref().unwrap_or(&b.meta.id))
    )?;
    for r in rows(a, b, cmp, targets) {
        out.write_all(r.as_bytes())?;
    }
    writeln!(out, "</tbody></table>\n</body></html>")
}
