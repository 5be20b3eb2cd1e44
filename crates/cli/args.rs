//! The command line as clap sees it: flags mirrored, nothing validated.
//! Each command's flags live beside the command in `cmd/`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::cmd;

/// Search and compare Chinese local-government plans (工作方案, 实施方案).
#[derive(Debug, Parser)]
#[command(name = "fangan", version, about, max_term_width = 100)]
pub struct Args {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command takes.
#[derive(Debug, clap::Args)]
pub struct GlobalArgs {
    /// Folder of plans to read (default: ./seeds if present, else the seed
    /// corpus built into the binary).
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        help_heading = "Global options"
    )]
    pub corpus: Option<PathBuf>,
    /// Folder of the search index (default: ./index).
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        help_heading = "Global options"
    )]
    pub index: Option<PathBuf>,
    /// When to colour terminal output.
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        help_heading = "Global options"
    )]
    pub color: ColorChoice,
}

/// When to use colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the plans known: id, county, level, year, title, clauses.
    List(cmd::list::ListArgs),
    /// Show a plan's outline (or its clause texts, or all of it as JSON).
    Show(cmd::show::ShowArgs),
    /// Build or update the search index.
    Ingest(cmd::ingest::IngestArgs),
    /// Search phrases across every plan.
    Search(cmd::search::SearchArgs),
    /// Find the clauses of other plans most similar to one clause or text.
    Similar(cmd::similar::SimilarArgs),
    /// Align the clauses of two plans and show what differs.
    Diff(cmd::diff::DiffArgs),
    /// Rank the departments named in responsibility notes.
    Leads(cmd::leads::LeadsArgs),
    /// List the numeric targets of the plans.
    Targets(cmd::targets::TargetsArgs),
}
