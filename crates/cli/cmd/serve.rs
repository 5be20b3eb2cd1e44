//! `fangan serve`: the web application (`fangan_serve`) over the corpus the
//! other commands read (`--corpus`, `--index`, `./index`, the seeds).

use std::net::TcpListener;
use std::process::ExitCode;

use anyhow::Context as _;
use fangan_serve::{Corpus, CorpusSource, Server};

use crate::context::Context;

/// Flags of `fangan serve`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Pages: / (the plans), /search, /plan/ID, /compare?a=ID&b=ID, /leads, /targets.
The server reads the index without locking it: `fangan ingest` may update it meanwhile, and
the pages show the new plans once it has committed.

Examples:
  fangan serve --open
  fangan --index ~/plans-index serve --port 9000"
)]
pub struct ServeArgs {
    /// Port to listen on (0: any free port).
    #[arg(long, default_value_t = 8035)]
    pub port: u16,
    /// Address to listen on. Anything but 127.0.0.1 lets other machines on
    /// the network read the corpus.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Open the page in the default browser.
    #[arg(long)]
    pub open: bool,
}

pub fn run(args: ServeArgs, ctx: &Context) -> anyhow::Result<ExitCode> {
    // the corpus as every command opens it (brought up to date for --corpus)
    let catalog = ctx.catalog()?;
    let source = if catalog.is_seeds() {
        CorpusSource::Seeds
    } else {
        CorpusSource::Index(catalog.dir().to_path_buf())
    };
    drop(catalog);
    let listener = TcpListener::bind((args.host.as_str(), args.port)).with_context(|| {
        format!(
            "cannot listen on {}:{} (another program may use the port: try --port)",
            args.host, args.port
        )
    })?;
    let loopback = listener.local_addr()?.ip().is_loopback();
    if !loopback {
        eprintln!(
            "fangan: warning: listening on {}: other machines of the network can read the corpus",
            args.host
        );
    }
    let server = Server::start(listener, Corpus::new(source))?;
    let url = format!("{}/", server.url());
    eprintln!("fangan serve: {url}  (Ctrl-C stops it)");
    if args.open {
        open_browser(&url);
    }
    server.wait()?;
    Ok(ctx.exit())
}

/// Opens `url` in the user's browser, saying so when it cannot.
fn open_browser(url: &str) {
    let program: &[&str] = if cfg!(target_os = "macos") {
        &["open"]
    } else if cfg!(windows) {
        &["cmd", "/C", "start", ""]
    } else {
        &["xdg-open"]
    };
    let spawned = std::process::Command::new(program[0])
        .args(&program[1..])
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if spawned.is_err() {
        eprintln!("fangan: note: could not open a browser; open {url} yourself");
    }
}
