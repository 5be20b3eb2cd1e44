//! `fangan search` (not built yet).

use std::process::ExitCode;

use crate::options::Context;

/// Flags of `fangan search`.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {}

pub fn run(_args: SearchArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`fangan search` is not built yet")
}
