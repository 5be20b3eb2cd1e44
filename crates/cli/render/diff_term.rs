//! Terminal view of `fangan diff`: one aligned pair after another (paths,
//! headings, score and label, an inline diff for near-copies and
//! paraphrases with differing numbers emphasized), then the clauses only in
//! A and only in B. Without colour, deletions read `[-…-]`, insertions
//! `{+…+}`, and differing numbers are listed under the pair. When the two
//! clauses of a pair set different targets for one indicator, the
//! indicators both set follow as a small table
//! (`≠ 地区生产总值增速: 8%以上 | 5%左右`).

use std::io::{self, Write};

use fangan_compare::multi::ReuseRow;
use fangan_compare::{Comparison, EditTag, InlineDiff, Label, Pair};
use fangan_model::Document;

use crate::render::{paint, Style};
use fangan_wire::diff_targets::{set_by_both, DiffTargets, TargetRow};

/// Colour on or off.
struct Painter {
    color: bool,
}

impl Painter {
    fn paint(&self, style: Style, text: &str) -> String {
        paint(text, style, self.color)
    }
}

/// One line of text: newlines shown as ` ⏎ `.
fn flat(text: &str) -> String {
    text.trim().replace('\n', " ⏎ ")
}

/// `附件1/二/（一）/4 丰富消费活动 (line 40)`
fn clause_title(doc: &Document, id: usize) -> String {
    let c = &doc.clauses[id];
    let heading = fangan_compare::unit::heading_of(c);
    if heading.is_empty() {
        format!("{} (line {})", c.path, c.line)
    } else {
        format!("{} {} (line {})", c.path, heading, c.line)
    }
}

/// The A and the B line of an inline diff.
fn diff_lines(d: &InlineDiff, ta: &str, tb: &str, st: &Painter) -> (String, String) {
    let (mut la, mut lb) = (String::new(), String::new());
    for e in &d.edits {
        let (sa, sb) = (flat_keep(e.a.slice(ta)), flat_keep(e.b.slice(tb)));
        match e.tag {
            EditTag::Equal => {
                la.push_str(&sa);
                lb.push_str(&sb);
            }
            _ => {
                let (ca, cb) = if e.number {
                    (Style::Match, Style::Match)
                } else {
                    (Style::Removed, Style::Inserted)
                };
                if !sa.is_empty() {
                    if st.color {
                        la.push_str(&st.paint(ca, &sa));
                    } else {
                        la.push_str(&format!("[-{sa}-]"));
                    }
                }
                if !sb.is_empty() {
                    if st.color {
                        lb.push_str(&st.paint(cb, &sb));
                    } else {
                        lb.push_str(&format!("{{+{sb}+}}"));
                    }
                }
            }
        }
    }
    (la.trim().to_string(), lb.trim().to_string())
}

/// Newlines as ` ⏎ `, other text kept.
fn flat_keep(text: &str) -> String {
    text.replace('\n', " ⏎ ")
}

/// The numbers that differ: `8% → 10%` for each changed part touching a number.
fn number_changes(d: &InlineDiff, ta: &str, tb: &str) -> Vec<String> {
    d.edits
        .iter()
        .filter(|e| e.number)
        .map(|e| format!("{} → {}", or_dash(e.a.slice(ta)), or_dash(e.b.slice(tb))))
        .collect()
}

fn or_dash(s: &str) -> &str {
    if s.trim().is_empty() {
        "—"
    } else {
        s.trim()
    }
}

/// Rows of targets side by side, `≠` marking (and colour emphasizing) the
/// differing ones, each line starting with `indent`.
fn write_target_rows<'r>(
    out: &mut impl Write,
    rows: impl IntoIterator<Item = &'r TargetRow>,
    indent: &str,
    st: &Painter,
) -> io::Result<()> {
    for r in rows {
        let mark = if r.differs { "≠" } else { "=" };
        let line = format!(
            "{indent}{mark} {}: {} | {}",
            r.canonical,
            r.a.as_deref().unwrap_or("—"),
            r.b.as_deref().unwrap_or("—")
        );
        if r.differs {
            writeln!(out, "{}", st.paint(Style::Match, &line))?;
        } else {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

fn write_pair(
    out: &mut impl Write,
    a: &Document,
    b: &Document,
    p: &Pair,
    targets: &[TargetRow],
    st: &Painter,
) -> io::Result<()> {
    let (ca, cb) = (&a.clauses[p.a], &b.clauses[p.b]);
    writeln!(
        out,
        "{} {}  ⟷  {}",
        st.paint(Style::Bold, "══"),
        st.paint(Style::Bold, &clause_title(a, p.a)),
        st.paint(Style::Bold, &clause_title(b, p.b))
    )?;
    let kind = match p.kind {
        fangan_compare::PairKind::Single => "",
        fangan_compare::PairKind::Group => ", whole group",
        fangan_compare::PairKind::Member => ", member of a matched group",
    };
    writeln!(
        out,
        "   {} {:.2}{}  {}",
        p.label.as_str(),
        p.score,
        kind,
        st.paint(
            Style::Dim,
            &format!(
                "(words {:.2}, chars {:.2}, heading {:.2})",
                p.signals.words, p.signals.chars, p.signals.heading
            )
        )
    )?;
    match &p.diff {
        Some(d) if p.label != Label::Related => {
            let (la, lb) = diff_lines(d, &ca.text, &cb.text, st);
            writeln!(out, "   A  {la}")?;
            writeln!(out, "   B  {lb}")?;
            let nums = number_changes(d, &ca.text, &cb.text);
            if !nums.is_empty() && !st.color {
                writeln!(out, "   numbers: {}", nums.join("; "))?;
            }
        }
        _ => {
            writeln!(out, "   A  {}", flat(&ca.text))?;
            writeln!(out, "   B  {}", flat(&cb.text))?;
        }
    }
    if !p.evidence.is_empty() {
        let shared: Vec<String> = p
            .evidence
            .iter()
            .take(3)
            .map(|s| format!("「{}」", flat(s.a.slice(&ca.text))))
            .collect();
        writeln!(out, "   shared: {}", shared.join(" "))?;
    }
    let both = set_by_both(targets);
    if both.iter().any(|r| r.differs) {
        writeln!(out, "   targets:")?;
        write_target_rows(out, both, "     ", st)?;
    }
    writeln!(out)
}

/// Writes the headline targets of both plans side by side, differing ones
/// marked `≠`.
pub fn write_headline_targets(
    out: &mut impl Write,
    a: &Document,
    b: &Document,
    rows: &[TargetRow],
    color: bool,
) -> io::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let st = Painter { color };
    writeln!(
        out,
        "{}",
        st.paint(
            Style::Bold,
            &format!("Headline targets: {} | {}", a.meta.id, b.meta.id)
        )
    )?;
    write_target_rows(out, rows, "   ", &st)?;
    writeln!(out)
}

/// Writes a two-plan comparison, each pair with its targets.
pub fn write_comparison(
    out: &mut impl Write,
    a: &Document,
    b: &Document,
    cmp: &Comparison,
    targets: &DiffTargets,
    color: bool,
) -> io::Result<()> {
    let st = Painter { color };
    let count = |l: Label| cmp.pairs.iter().filter(|p| p.label == l).count();
    writeln!(
        out,
        "{} ⟷ {}: {} pairs ({} near-copy, {} paraphrase, {} related); {} only in {}, {} only in {}",
        a.meta.id,
        b.meta.id,
        cmp.pairs.len(),
        count(Label::NearCopy),
        count(Label::Paraphrase),
        count(Label::Related),
        cmp.only_a.len(),
        a.meta.id,
        cmp.only_b.len(),
        b.meta.id
    )?;
    writeln!(out)?;
    for (i, p) in cmp.pairs.iter().enumerate() {
        write_pair(out, a, b, p, targets.pair(i), &st)?;
    }
    for (doc, only) in [(a, &cmp.only_a), (b, &cmp.only_b)] {
        writeln!(
            out,
            "{}",
            st.paint(
                Style::Bold,
                &format!("Only in {} ({}):", doc.meta.id, only.len())
            )
        )?;
        for &c in only {
            writeln!(out, "   {}", clause_title(doc, c))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Writes the best match of each clause of `a` in each other plan.
pub fn write_reuse(
    out: &mut impl Write,
    a: &Document,
    others: &[&Document],
    rows: &[ReuseRow],
    color: bool,
) -> io::Result<()> {
    let st = Painter { color };
    let ids: Vec<&str> = others.iter().map(|d| d.meta.id.as_str()).collect();
    writeln!(out, "{} against {}", a.meta.id, ids.join(", "))?;
    writeln!(out)?;
    for r in rows {
        writeln!(out, "{}", st.paint(Style::Bold, &clause_title(a, r.a)))?;
        for (m, d) in r.matches.iter().zip(others) {
            match (m.clause, m.label) {
                (Some(c), Some(l)) => writeln!(
                    out,
                    "   {:<18} {:.2} {:<10} {}",
                    d.meta.id,
                    m.score,
                    l.as_str(),
                    clause_title(d, c)
                )?,
                _ => writeln!(out, "   {:<18} {}", d.meta.id, st.paint(Style::Dim, "—"))?,
            }
        }
    }
    Ok(())
}
