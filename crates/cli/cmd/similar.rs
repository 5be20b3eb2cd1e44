//! `fangan similar` (not built yet).

use std::process::ExitCode;

use crate::options::Context;

/// Flags of `fangan similar`.
#[derive(Debug, clap::Args)]
pub struct SimilarArgs {}

pub fn run(_args: SimilarArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`fangan similar` is not built yet")
}
