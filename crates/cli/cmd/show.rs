//! `fangan show` (not built yet).

use std::process::ExitCode;

use crate::options::Context;

/// Flags of `fangan show`.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {}

pub fn run(_args: ShowArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`fangan show` is not built yet")
}
