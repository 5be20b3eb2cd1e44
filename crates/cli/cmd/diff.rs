//! `fangan diff` (not built yet).

use std::process::ExitCode;

use crate::options::Context;

/// Flags of `fangan diff`.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {}

pub fn run(_args: DiffArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`fangan diff` is not built yet")
}
