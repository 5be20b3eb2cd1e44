//! `fangan list` (not built yet).

use std::process::ExitCode;

use crate::options::Context;

/// Flags of `fangan list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {}

pub fn run(_args: ListArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`fangan list` is not built yet")
}
