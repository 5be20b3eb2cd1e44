//! Shared helpers of the CLI tests: the real binary, run in the repository
//! with a clean environment (no user configuration, no colour variables).

use std::path::PathBuf;
use std::process::{Command, Output};

/// The repository root (where `seeds/` and `tests/fixtures/` are).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A `fangan` command in the repository root with a clean environment.
pub fn command(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_fangan"));
    c.args(args)
        .current_dir(root())
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    c
}

/// Runs `fangan ARGS` (see [`command`]).
pub fn fangan(args: &[&str]) -> Output {
    command(args).output().expect("run fangan")
}

/// Runs `cmd`, which must succeed (its stderr is shown when it does not),
/// and returns its standard output.
pub fn succeed(cmd: &mut Command) -> String {
    let out = cmd.output().expect("run the command");
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// Standard output as UTF-8.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 output")
}
