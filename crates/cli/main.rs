//! `fangan`: the command-line glue over the fangan libraries.
//!
//! Parses arguments, dispatches on the command, maps errors to exit codes.
//! All the work happens in the library crates.

mod args;
mod cmd;
mod options;
mod render;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: indexing allocates many small, short-lived buffers (tokens,
/// documents, clause maps), which glibc's allocator serves markedly slower.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = args::Args::parse();
    let ctx = match options::Context::from_args(&args.global) {
        Ok(ctx) => ctx,
        Err(err) => return report(err),
    };
    let result = match args.command {
        args::Command::List(a) => cmd::list::run(a, &ctx),
        args::Command::Show(a) => cmd::show::run(a, &ctx),
        args::Command::Ingest(a) => cmd::ingest::run(a, &ctx),
        args::Command::Search(a) => cmd::search::run(a, &ctx),
        args::Command::Similar(a) => cmd::similar::run(a, &ctx),
        args::Command::Diff(a) => cmd::diff::run(a, &ctx),
        args::Command::Leads(a) => cmd::leads::run(a, &ctx),
        args::Command::Targets(a) => cmd::targets::run(a, &ctx),
    };
    match result {
        Ok(code) => code,
        Err(err) => report(err),
    }
}

/// Prints an error chain on one line per cause; a broken pipe is success.
fn report(err: anyhow::Error) -> ExitCode {
    for cause in err.chain() {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            if io.kind() == std::io::ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS;
            }
        }
    }
    eprintln!("fangan: error: {err}");
    for cause in err.chain().skip(1) {
        eprintln!("  caused by: {cause}");
    }
    ExitCode::from(2)
}
