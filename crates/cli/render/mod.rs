//! Renderers: plain data in, terminal text / JSON / CSV out.

mod columns;
mod csv;
mod paint;
pub mod plan_json;
mod refusal;

pub use csv::csv_row;
pub use paint::{paint, Style};
pub use refusal::refusal;

pub mod diff_html;
pub mod diff_term;
pub mod leads;
pub mod search;
pub mod targets;

/// Output format of a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Human-readable text (a table where the output is tabular).
    #[default]
    Table,
    /// JSON, with the documented stable shape.
    Json,
    /// CSV with a header row (tabular outputs).
    Csv,
}
