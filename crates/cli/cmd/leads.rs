//! `fangan leads` (not built yet).

use std::process::ExitCode;

use crate::options::Context;

/// Flags of `fangan leads`.
#[derive(Debug, clap::Args)]
pub struct LeadsArgs {}

pub fn run(_args: LeadsArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`fangan leads` is not built yet")
}
