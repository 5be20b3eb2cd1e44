//! Renderers: plain data in, terminal text / JSON / CSV out.

mod columns;
mod csv;
mod paint;
mod refusal;
mod table;

pub use csv::csv_row;
pub use paint::{paint, Style};
pub use refusal::refusal;
pub use table::Table;

pub mod diff_html;
pub mod diff_term;
pub mod leads;
pub mod search;
pub mod targets;

/// Output format of a command whose output is a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for a terminal.
    #[default]
    Table,
    /// JSON, with the documented stable shape.
    Json,
    /// CSV with a header row.
    Csv,
}

/// Output format of a command whose output is not a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum TextFormat {
    /// Text for a terminal.
    #[default]
    Text,
    /// JSON, with the documented stable shape.
    Json,
}

/// Writes `value` as pretty JSON and a final newline.
pub fn json(out: &mut impl std::io::Write, value: &impl serde::Serialize) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}
