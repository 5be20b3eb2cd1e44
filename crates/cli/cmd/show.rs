//! `fangan show PLAN`: a plan's outline, its clause texts, or all of it as JSON.

use std::io::Write;
use std::process::ExitCode;

use fangan_model::{Document, Level};
use fangan_notes::NoteReader;

use crate::options::Context;
use crate::render::plan_json::ShowJson;
use crate::render::{paint, Format, Style};

/// Flags of `fangan show`.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The plan: an id (`pingjiang-2023`), a county (`平江`), or a file path.
    pub plan: String,
    /// Print each clause's text under its heading.
    #[arg(long)]
    pub text: bool,
    /// Output format: the outline (table) or the whole parsed plan (json).
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

pub fn run(args: ShowArgs, ctx: &Context) -> anyhow::Result<ExitCode> {
    let doc = ctx.load_plan(&args.plan)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => {
            let reader = NoteReader::new();
            let notes = reader.read_document(&doc);
            serde_json::to_writer_pretty(&mut out, &ShowJson::new(&doc, &notes))?;
            writeln!(out)?;
        }
        Format::Csv => anyhow::bail!("`fangan show` has no csv output: use --format json"),
        Format::Table => outline(&mut out, &doc, args.text, ctx.color)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
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
        let note = if c.notes.is_empty() { "" } else { "  ◆" };
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
