//! Renderers of `fangan search`, `fangan similar` and `fangan ingest`.
//!
//! JSON shapes (stable; offsets are characters, not bytes):
//! - search: `{"total": N, "hits": [{"plan", "county", "level", "year",
//!   "title", "path", "line", "heading", "kind", "text", "score",
//!   "highlights": [[start, end], …]}]}`, highlights as character offsets
//!   into `text`;
//! - search --count: `{"clauses": N, "occurrences": N, "groups": [{"key",
//!   "clauses", "occurrences"}]}`;
//! - similar: `{"hits": [{… hit fields …, "similarity"}]}`;
//! - ingest: `{"index", "added", "replaced", "skipped", "pruned",
//!   "refused": [{"file", "reason"}], "clauses", "bytes", "seconds",
//!   "plans_total", "clauses_total"}`.
//!
//! CSV: one row per hit (`plan,county,year,path,line,heading,score,
//! similarity,text`) or per group (`group,clauses,occurrences`; one row with
//! an empty group without `--by`).

use std::io::{self, Write};
use std::path::Path;

use fangan_ingest::index::{Counts, Hit, IngestReport, SearchRequest, SearchResults, SimilarHit};
use fangan_model::Span;
use serde::Serialize;

use crate::render::Format;

const MARK: &str = "\x1b[1;31m";
const DIM: &str = "\x1b[2m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";
/// Characters of context shown before the first highlight.
const BEFORE: usize = 30;
/// Characters of a snippet.
const SNIPPET: usize = 120;

/// A hit as JSON.
#[derive(Serialize)]
struct WireHit<'a> {
    plan: &'a str,
    county: Option<&'a str>,
    level: Option<&'a str>,
    year: Option<u64>,
    title: Option<&'a str>,
    path: &'a str,
    line: u64,
    heading: &'a str,
    kind: &'a str,
    text: &'a str,
    score: f32,
    highlights: Vec<(usize, usize)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    similarity: Option<f32>,
}

impl<'a> WireHit<'a> {
    fn new(h: &'a Hit) -> WireHit<'a> {
        WireHit {
            plan: &h.plan,
            county: h.county.as_deref(),
            level: h.level.as_deref(),
            year: h.year,
            title: h.title.as_deref(),
            path: &h.path,
            line: h.line,
            heading: &h.heading,
            kind: &h.kind,
            text: &h.text,
            score: h.score,
            highlights: char_ranges(&h.text, &h.highlights),
            similarity: None,
        }
    }
}

#[derive(Serialize)]
struct WireResults<'a> {
    total: usize,
    hits: Vec<WireHit<'a>>,
}

#[derive(Serialize)]
struct WireGroup<'a> {
    key: &'a str,
    clauses: usize,
    occurrences: usize,
}

#[derive(Serialize)]
struct WireCounts<'a> {
    clauses: usize,
    occurrences: usize,
    groups: Vec<WireGroup<'a>>,
}

#[derive(Serialize)]
struct WireRefused {
    file: String,
    reason: String,
}

#[derive(Serialize)]
struct WireIngest<'a> {
    index: String,
    added: &'a [String],
    replaced: &'a [String],
    skipped: usize,
    pruned: &'a [String],
    refused: Vec<WireRefused>,
    clauses: usize,
    bytes: u64,
    seconds: f64,
    plans_total: usize,
    clauses_total: usize,
}

/// Byte spans of `text` as character ranges, in one pass.
fn char_ranges(text: &str, spans: &[Span]) -> Vec<(usize, usize)> {
    let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    starts.push(text.len());
    let to_char = |b: usize| starts.partition_point(|&s| s < b);
    spans
        .iter()
        .map(|s| (to_char(s.start), to_char(s.end)))
        .collect()
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
        Format::Json => {
            let wire = WireResults {
                total: r.total,
                hits: r.hits.iter().map(WireHit::new).collect(),
            };
            serde_json::to_writer(&mut *out, &wire)?;
            writeln!(out)
        }
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
        Format::Json => {
            let wire: Vec<WireHit> = hits
                .iter()
                .map(|s| WireHit {
                    similarity: Some(s.similarity),
                    ..WireHit::new(&s.hit)
                })
                .collect();
            serde_json::to_writer(&mut *out, &serde_json::json!({ "hits": wire }))?;
            writeln!(out)
        }
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
    writeln!(
        out,
        "plan,county,year,path,line,heading,score,similarity,text"
    )?;
    for (h, sim) in hits {
        let row = [
            h.plan.clone(),
            h.county.clone().unwrap_or_default(),
            h.year.map(|y| y.to_string()).unwrap_or_default(),
            h.path.clone(),
            h.line.to_string(),
            h.heading.clone(),
            format!("{:.3}", h.score),
            sim.map(|s| format!("{s:.3}")).unwrap_or_default(),
            h.text.clone(),
        ];
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        writeln!(out, "{}", cells.join(","))?;
    }
    Ok(())
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn hit_table(out: &mut impl Write, h: &Hit, sim: Option<f32>, color: bool) -> io::Result<()> {
    let (b, d, r) = if color {
        (BOLD, DIM, RESET)
    } else {
        ("", "", "")
    };
    let county = h.county.as_deref().unwrap_or("");
    let year = h.year.map(|y| y.to_string()).unwrap_or_default();
    let score = match sim {
        Some(s) => format!("similarity {s:.2}"),
        None => format!("score {:.2}", h.score),
    };
    writeln!(
        out,
        "{b}{}{r} {county} {year}  {b}{}{r}  {d}line {}  {score}{r}",
        h.plan, h.path, h.line
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
    let ranges = char_ranges(text, &merge(highlights));
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
            s.push_str(if inside { MARK } else { RESET });
            open = inside;
        }
        s.push(if c == '\n' || c == '\r' { ' ' } else { c });
    }
    if open {
        s.push_str(RESET);
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
pub fn counts(out: &mut impl Write, c: &Counts, format: Format) -> io::Result<()> {
    match format {
        Format::Json => {
            let wire = WireCounts {
                clauses: c.clauses,
                occurrences: c.occurrences,
                groups: c
                    .groups
                    .iter()
                    .map(|g| WireGroup {
                        key: &g.key,
                        clauses: g.clauses,
                        occurrences: g.occurrences,
                    })
                    .collect(),
            };
            serde_json::to_writer(&mut *out, &wire)?;
            writeln!(out)
        }
        Format::Csv => {
            writeln!(out, "group,clauses,occurrences")?;
            for g in &c.groups {
                writeln!(out, "{},{},{}", csv_cell(&g.key), g.clauses, g.occurrences)?;
            }
            if c.groups.is_empty() {
                // no grouping: one row for everything
                writeln!(out, ",{},{}", c.clauses, c.occurrences)?;
            }
            Ok(())
        }
        Format::Table => {
            let width = c
                .groups
                .iter()
                .map(|g| g.key.chars().count())
                .max()
                .unwrap_or(0)
                .max(5);
            if !c.groups.is_empty() {
                writeln!(
                    out,
                    "{:width$}  {:>8}  {:>11}",
                    "group", "clauses", "occurrences"
                )?;
                for g in &c.groups {
                    let pad = width + g.key.len() - g.key.chars().count();
                    writeln!(
                        out,
                        "{:pad$}  {:>8}  {:>11}",
                        g.key, g.clauses, g.occurrences
                    )?;
                }
            }
            writeln!(
                out,
                "{:width$}  {:>8}  {:>11}",
                "(all)", c.clauses, c.occurrences
            )
        }
    }
}

/// The summary of `fangan ingest`.
pub fn ingest_report(
    out: &mut impl Write,
    r: &IngestReport,
    index: &Path,
    format: Format,
) -> io::Result<()> {
    match format {
        Format::Json | Format::Csv => {
            let wire = WireIngest {
                index: index.display().to_string(),
                added: &r.added,
                replaced: &r.replaced,
                skipped: r.skipped,
                pruned: &r.pruned,
                refused: r
                    .refused
                    .iter()
                    .map(|(p, why)| WireRefused {
                        file: p.display().to_string(),
                        reason: why.clone(),
                    })
                    .collect(),
                clauses: r.clauses,
                bytes: r.bytes,
                seconds: r.elapsed.as_secs_f64(),
                plans_total: r.plans_total,
                clauses_total: r.clauses_total,
            };
            serde_json::to_writer(&mut *out, &wire)?;
            writeln!(out)
        }
        Format::Table => {
            writeln!(
                out,
                "indexed {} new and {} changed plans ({} clauses, {:.1} MB) in {:.2}s; {} unchanged, {} pruned, {} refused",
                r.added.len(),
                r.replaced.len(),
                r.clauses,
                r.bytes as f64 / 1e6,
                r.elapsed.as_secs_f64(),
                r.skipped,
                r.pruned.len(),
                r.refused.len()
            )?;
            for (p, why) in &r.refused {
                writeln!(out, "  refused {}", crate::render::refusal(p, why))?;
            }
            writeln!(
                out,
                "index {}: {} plans, {} clauses",
                index.display(),
                r.plans_total,
                r.clauses_total
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_ranges_of_chinese_spans() {
        let text = "一、积极争取专项债";
        let start = text.find("专项债").unwrap();
        let r = char_ranges(text, &[Span::new(start, text.len())]);
        assert_eq!(r, [(6, 9)]);
    }

    #[test]
    fn snippet_marks_highlights_only_with_colour() {
        let text = "积极争取专项债\n支持项目";
        let at = text.find("专项债").unwrap();
        let hl = [Span::new(at, at + "专项债".len())];
        assert_eq!(snippet(text, &hl, false), "积极争取专项债 支持项目");
        assert_eq!(
            snippet(text, &hl, true),
            format!("积极争取{MARK}专项债{RESET} 支持项目")
        );
    }

    #[test]
    fn csv_quotes_commas() {
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("专项债"), "专项债");
    }
}
