//! Renderers: plain data in, terminal text / JSON / CSV out.

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
