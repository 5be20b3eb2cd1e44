//! `fangan ingest` (not built yet).

use std::process::ExitCode;

use crate::options::Context;

/// Flags of `fangan ingest`.
#[derive(Debug, clap::Args)]
pub struct IngestArgs {}

pub fn run(_args: IngestArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`fangan ingest` is not built yet")
}
