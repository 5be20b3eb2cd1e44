//! The command line as clap sees it: global flags and the commands, each
//! command's flags living beside it in `cmd/`. Nothing is validated here.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::cmd;

/// Search and compare Chinese local-government plans (工作方案, 实施方案).
#[derive(Debug, Parser)]
#[command(
    name = "fangan",
    version,
    about,
    max_term_width = 100,
    after_help = "\
Which plans a command reads:
  --corpus DIR   these files: the index of DIR is brought up to date first
  --index DIR    the plans ingested into DIR (`fangan ingest FOLDER --index DIR`)
  neither        ./index when it exists, else the seed plans built into fangan

Examples:
  fangan ingest ~/plans --index ~/plans-index
  fangan --index ~/plans-index search '\"专项债\"'
  fangan --corpus ~/plans leads"
)]
pub struct Args {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command takes.
#[derive(Debug, clap::Args)]
pub struct GlobalArgs {
    /// Folder of plans to read: its index is brought up to date first
    /// (kept in the cache folder, or in --index).
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        help_heading = "Global options"
    )]
    pub corpus: Option<PathBuf>,
    /// Folder of the index (default: ./index when it exists, else the
    /// built-in seed plans).
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        help_heading = "Global options"
    )]
    pub index: Option<PathBuf>,
    /// When to colour terminal output (never when NO_COLOR is set, unless
    /// `always`).
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
    /// List the plans: id, county, level, year, clauses, title.
    List(cmd::list::ListArgs),
    /// Show a plan's outline (or its clause texts, or all of it as JSON).
    Show(cmd::show::ShowArgs),
    /// Build or update an index from folders of plans.
    Ingest(cmd::ingest::IngestArgs),
    /// Search phrases across every plan.
    Search(cmd::search::SearchArgs),
    /// Find the clauses of other plans most similar to one clause or text.
    Similar(cmd::similar::SimilarArgs),
    /// Align the clauses of two plans and show what differs.
    Diff(cmd::diff::DiffArgs),
    /// Rank the departments named in responsibility notes.
    Leads(cmd::leads::LeadsArgs),
    /// Find the text plans share: who copied whom, and how much.
    Reuse(cmd::reuse::ReuseArgs),
    /// List the numeric targets of the plans.
    Targets(cmd::targets::TargetsArgs),
    /// Write every clause as one JSON line, for Quickwit or OpenSearch.
    Export(cmd::export::ExportArgs),
    /// Serve the corpus as a web application on this machine (search,
    /// plans, compare, leads, targets).
    #[cfg(feature = "serve")]
    Serve(cmd::serve::ServeArgs),
}
