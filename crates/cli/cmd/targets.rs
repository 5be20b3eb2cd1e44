//! `fangan targets` (not built yet).

use std::process::ExitCode;

use crate::options::Context;

/// Flags of `fangan targets`.
#[derive(Debug, clap::Args)]
pub struct TargetsArgs {}

pub fn run(_args: TargetsArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`fangan targets` is not built yet")
}
