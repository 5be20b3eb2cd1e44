//! Renderers of `fangan search` and `fangan similar`: hits as text, JSON
//! (shapes in `fangan_wire::search`) and CSV (one row per hit:
//! `plan,county,year,path,line,heading,score,similarity,text`; one per
//! group for counts: `group,clauses,occurrences`).

use std::io::{self, Write};

use fangan_index::{Counts, Hit, SearchRequest, SearchResults, SimilarHit};
use fangan_model::Span;
use fangan_wire::search::{CountsJson, HitJson, ResultsJson, SimilarJson};
use fangan_wire::Chars;

use crate::render::{paint, Format, Style, Table};

/// Characters of context shown before the first highlight.
const BEFORE: usize = 30;
/// Characters of a snippet.
const SNIPPET: usize = 120;

fn json(out: &mut impl Write, v: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, v)?;
    writeln!(out)
}

/// Search hits.
pub fn results(
    out: &mut impl Write,
    r: &SearchResults,
    req: &SearchRequest,
    format: Format,
    color: bool,
) -> io::Result<()> {
    match format {
        Format::Json => json(out, &ResultsJson::new(r)),
        Format::Csv => hits_csv(out, r.hits.iter().map(|h| (h, None))),
        Format::Table => {
            for h in &r.hits {
                hit_table(out, h, None, color)?;
            }
            let shown = r.hits.len();
            let first = if shown == 0 { 0 } else { req.offset + 1 };
            writeln!(
                out,
                "{} clauses match; showing {}–{}",
                r.total,
                first,
                req.offset + shown
            )
        }
    }
}

/// Similar clauses.
pub fn similar(
    out: &mut impl Write,
    hits: &[SimilarHit],
    format: Format,
    color: bool,
) -> io::Result<()> {
    match format {
        Format::Json => json(
            out,
            &SimilarJson {
                hits: hits.iter().map(HitJson::similar).collect(),
            },
        ),
        Format::Csv => hits_csv(out, hits.iter().map(|s| (&s.hit, Some(s.similarity)))),
        Format::Table => {
            for s in hits {
                hit_table(out, &s.hit, Some(s.similarity), color)?;
            }
            Ok(())
        }
    }
}

fn hits_csv<'a>(
    out: &mut impl Write,
    hits: impl Iterator<Item = (&'a Hit, Option<f32>)>,
) -> io::Result<()> {
    let mut t = Table::new(&[
        "plan",
        "county",
        "year",
        "path",
        "line",
        "heading",
        "score",
        "similarity",
        "text",
    ]);
    for (h, sim) in hits {
        t.row(vec![
            h.plan.clone(),
            h.county.clone().unwrap_or_default(),
            h.year.map(|y| y.to_string()).unwrap_or_default(),
            h.path.clone(),
            h.line.to_string(),
            h.heading.clone(),
            format!("{:.3}", h.score),
            sim.map(|s| format!("{s:.3}")).unwrap_or_default(),
            h.text.clone(),
        ]);
    }
    t.write_csv(out)
}

fn hit_table(out: &mut impl Write, h: &Hit, sim: Option<f32>, color: bool) -> io::Result<()> {
    let county = h.county.as_deref().unwrap_or("");
    let year = h.year.map(|y| y.to_string()).unwrap_or_default();
    let score = match sim {
        Some(s) => format!("similarity {s:.2}"),
        None => format!("score {:.2}", h.score),
    };
    writeln!(
        out,
        "{} {county} {year}  {}  {}",
        paint(&h.plan, Style::Bold, color),
        paint(&h.path, Style::Path, color),
        paint(&format!("line {}  {score}", h.line), Style::Dim, color)
    )?;
    if !h.heading.is_empty() {
        writeln!(out, "  {}", h.heading)?;
    }
    writeln!(out, "  {}", snippet(&h.text, &h.highlights, color))?;
    writeln!(out)
}

/// A one-line window of `text` around its first highlight, highlights
/// marked when `color`.
pub fn snippet(text: &str, highlights: &[Span], color: bool) -> String {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let ranges: Vec<(usize, usize)> = Chars::new(text)
        .spans(&merge(highlights))
        .into_iter()
        .map(|[a, b]| (a, b))
        .collect();
    let first = ranges.first().map_or(0, |r| r.0);
    let start = first.saturating_sub(BEFORE);
    let end = (start + SNIPPET).min(chars.len());
    let mut s = String::new();
    if start > 0 {
        s.push('…');
    }
    let mut open = false;
    for (i, &(_, c)) in chars.iter().enumerate().take(end).skip(start) {
        let inside = ranges.iter().any(|&(a, e)| a <= i && i < e);
        if color && inside != open {
            s.push_str(if inside { "\x1b[1;31m" } else { "\x1b[0m" });
            open = inside;
        }
        s.push(if c == '\n' || c == '\r' { ' ' } else { c });
    }
    if open {
        s.push_str("\x1b[0m");
    }
    if end < chars.len() {
        s.push('…');
    }
    s
}

/// Overlapping spans merged (for display).
fn merge(spans: &[Span]) -> Vec<Span> {
    let mut v = spans.to_vec();
    v.sort();
    let mut out: Vec<Span> = Vec::new();
    for s in v {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// Counts of `search --count` / `--by`.
pub fn counts(out: &mut impl Write, c: &Counts, format: Format, color: bool) -> io::Result<()> {
    if format == Format::Json {
        return json(out, &CountsJson::new(c));
    }
    let mut t = Table::new(&["group", "clauses", "occurrences"]).right(&[1, 2]);
    for g in &c.groups {
        t.row(vec![
            g.key.clone(),
            g.clauses.to_string(),
            g.occurrences.to_string(),
        ]);
    }
    if format == Format::Csv {
        if c.groups.is_empty() {
            // no grouping: one row for everything
            t.row(vec![
                String::new(),
                c.clauses.to_string(),
                c.occurrences.to_string(),
            ]);
        }
        return t.write_csv(out);
    }
    t.row(vec![
        "(all)".into(),
        c.clauses.to_string(),
        c.occurrences.to_string(),
    ]);
    t.write(out, color)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_marks_highlights_only_with_colour() {
        let text = "积极争取专项债\n支持项目";
        let at = text.find("专项债").unwrap();
        let hl = [Span::new(at, at + "专项债".len())];
        assert_eq!(snippet(text, &hl, false), "积极争取专项债 支持项目");
        assert_eq!(
            snippet(text, &hl, true),
            "积极争取\x1b[1;31m专项债\x1b[0m 支持项目"
        );
    }
}
