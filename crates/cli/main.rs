//! `fangan`: the command-line glue over the fangan libraries.
//!
//! Parses arguments, opens the corpus (the catalog), dispatches on the
//! command, maps errors to exit codes. All the work happens in the library
//! crates; `cmd/*` turn options into a call and a render.

mod args;
mod cmd;
mod context;
mod render;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: indexing allocates many small, short-lived buffers (tokens,
/// documents, clause maps), which glibc's allocator serves markedly slower.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = args::Args::parse();
    let ctx = context::Context::from_args(&args.global);
    let result = match args.command {
        args::Command::List(a) => cmd::list::run(a, &ctx),
        args::Command::Show(a) => cmd::show::run(a, &ctx),
        args::Command::Ingest(a) => cmd::ingest::run(a, &ctx),
        args::Command::Search(a) => cmd::search::run(a, &ctx),
        args::Command::Similar(a) => cmd::similar::run(a, &ctx),
        args::Command::Diff(a) => cmd::diff::run(a, &ctx),
        args::Command::Leads(a) => cmd::leads::run(a, &ctx),
        args::Command::Reuse(a) => cmd::reuse::run(a, &ctx),
        args::Command::Targets(a) => cmd::targets::run(a, &ctx),
        args::Command::Export(a) => cmd::export::run(a, &ctx),
        #[cfg(feature = "serve")]
        args::Command::Serve(a) => cmd::serve::run(a, &ctx),
    };
    match result {
        Ok(code) => code,
        Err(err) => report(err),
    }
}

/// True when `err` comes from writing to a reader that went away (`| head`).
fn broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// Prints an error in one line (causes the message does not already say
/// are appended); a broken pipe is success.
fn report(err: anyhow::Error) -> ExitCode {
    if broken_pipe(&err) {
        return ExitCode::SUCCESS;
    }
    let mut line = err.to_string();
    for cause in err.chain().skip(1) {
        let c = cause.to_string();
        if !line.contains(&c) {
            line.push_str(": ");
            line.push_str(&c);
        }
    }
    eprintln!("fangan: error: {line}");
    ExitCode::from(2)
}
