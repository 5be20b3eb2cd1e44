//! `fangan show PLAN`: a plan's outline, its clause texts, or all of it as
//! JSON.

use std::io::Write;
use std::process::ExitCode;

use fangan_model::{Document, Level};
use fangan_notes::Note;
use fangan_wire::plan::ShowJson;

use crate::context::Context;
use crate::render::{json, paint, Style, TextFormat};

/// Flags of `fangan show`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "PLAN is an id (pingjiang-2023), a place (平江, 平江县), a place and a year
(平江@2023), a part of a title, or a file (read on its own when it is in no index).

Examples:
  fangan show xiangyin-2025
  fangan show 平江 --year 2023 --text
  fangan show pingjiang-2023 --format json > plan.json
  fangan show ~/Downloads/new-plan.docx"
)]
pub struct ShowArgs {
    /// The plan.
    pub plan: String,
    /// The year, when PLAN names a place with plans of several years.
    #[arg(long)]
    pub year: Option<u16>,
    /// Print each clause's text under its heading.
    #[arg(long)]
    pub text: bool,
    /// Output format: the outline (text) or the whole parsed plan (json).
    #[arg(long, value_enum, default_value = "text")]
    pub format: TextFormat,
}

pub fn run(args: ShowArgs, ctx: &Context) -> anyhow::Result<ExitCode> {
    let plan = ctx.plan(&args.plan, args.year)?;
    let doc = plan.document()?;
    let notes = plan.notes(&doc)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        TextFormat::Json => json(&mut out, &ShowJson::new(&doc, &notes))?,
        TextFormat::Text => outline(&mut out, &doc, &notes, args.text, ctx.color)?,
    }
    out.flush()?;
    Ok(ctx.exit())
}

fn depth(doc: &Document, mut id: usize) -> usize {
    let mut d = 0;
    while let Some(p) = doc.clauses[id].parent {
        d += 1;
        id = p;
    }
    d
}

fn outline(
    out: &mut impl Write,
    doc: &Document,
    notes: &[Vec<Note>],
    with_text: bool,
    color: bool,
) -> std::io::Result<()> {
    let m = &doc.meta;
    let title = m.title.as_deref().unwrap_or("(untitled)");
    writeln!(out, "{}  {}", paint(&m.id, Style::Bold, color), title)?;
    for (i, c) in doc.clauses.iter().enumerate() {
        let indent = "  ".repeat(depth(doc, i) + 1);
        let heading = match c.level {
            Level::Front | Level::Attachment if c.heading.is_empty() => "(前言)",
            _ if c.heading.is_empty() => "",
            _ => c.heading.as_str(),
        };
        let note = if notes.get(i).is_some_and(|n| !n.is_empty()) || !c.notes.is_empty() {
            "  ◆"
        } else {
            ""
        };
        writeln!(
            out,
            "{indent}{}  {}{}  {}",
            paint(&c.path, Style::Path, color),
            heading,
            note,
            paint(&format!("L{}", c.line), Style::Dim, color)
        )?;
        if with_text {
            for line in c.text.lines() {
                writeln!(out, "{indent}    {line}")?;
            }
        }
    }
    for w in &doc.warnings {
        writeln!(out, "warning: line {}: {}", w.line, w.message)?;
    }
    Ok(())
}
