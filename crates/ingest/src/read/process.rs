//! Running an external program (pdftotext, pdftoppm, tesseract) on one file
//! with a wall-clock limit and a cap on what it may print.
//!
//! The program runs as a separate process (GPL tools are fine that way),
//! with no standard input. Its standard output and error are read on their
//! own threads so a chatty program never blocks; the caller polls for the
//! exit and kills the process when the time is up or the output is too
//! large. A program that is not installed is reported as such, so the
//! caller can name the package to install.

use std::ffi::OsStr;
use std::io::Read;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

/// Most bytes of standard error kept (the first line is what is shown).
const MAX_STDERR: usize = 64 * 1024;

/// What a finished program printed.
#[derive(Debug)]
pub struct Output {
    /// Exit status.
    pub status: ExitStatus,
    /// Standard output.
    pub stdout: Vec<u8>,
    /// Standard error, decoded lossily (at most 64 KiB).
    pub stderr: String,
}

/// Why a program gave no output.
#[derive(Debug)]
pub enum RunError {
    /// The program is not installed (not on `PATH`).
    NotFound,
    /// It ran longer than the limit and was killed.
    TimedOut,
    /// It printed more than the limit and was killed.
    TooMuchOutput,
    /// It could not be started or waited for.
    Io(std::io::Error),
}

/// Runs `program` with `args`; kills it after `timeout` or once it has
/// printed more than `max_stdout` bytes.
pub fn run<S: AsRef<OsStr>>(
    program: &str,
    args: &[S],
    timeout: Duration,
    max_stdout: usize,
) -> Result<Output, RunError> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => RunError::NotFound,
            _ => RunError::Io(e),
        })?;
    let overflow = Arc::new(AtomicBool::new(false));
    let stdout = child.stdout.take().map(|out| {
        let overflow = Arc::clone(&overflow);
        thread::spawn(move || drain(out, max_stdout, Some(&overflow)))
    });
    let stderr = child
        .stderr
        .take()
        .map(|err| thread::spawn(move || drain(err, MAX_STDERR, None)));
    let deadline = Instant::now() + timeout;
    let mut pause = Duration::from_millis(2);
    let outcome = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Ok(status),
            Ok(None) => {}
            Err(e) => break Err(RunError::Io(e)),
        }
        if overflow.load(Ordering::Relaxed) {
            break Err(RunError::TooMuchOutput);
        }
        let now = Instant::now();
        if now >= deadline {
            break Err(RunError::TimedOut);
        }
        thread::sleep(pause.min(deadline - now));
        pause = (pause * 2).min(Duration::from_millis(50));
    };
    if outcome.is_err() {
        let _ = child.kill();
        let _ = child.wait();
    }
    let stdout = stdout.and_then(|t| t.join().ok()).unwrap_or_default();
    let stderr = stderr.and_then(|t| t.join().ok()).unwrap_or_default();
    let status = outcome?;
    if overflow.load(Ordering::Relaxed) {
        return Err(RunError::TooMuchOutput);
    }
    Ok(Output {
        status,
        stdout,
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    })
}

/// Reads `from` to its end, keeping at most `keep` bytes; sets `overflow`
/// when there was more.
fn drain(mut from: impl Read, keep: usize, overflow: Option<&AtomicBool>) -> Vec<u8> {
    let mut kept = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    loop {
        match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                let room = keep.saturating_sub(kept.len());
                kept.extend_from_slice(&buf[..n.min(room)]);
                if n > room {
                    if let Some(flag) = overflow {
                        flag.store(true, Ordering::Relaxed);
                    }
                }
            }
        }
    }
    kept
}

/// The first non-blank line of a program's standard error, for messages.
pub fn first_line(stderr: &str) -> &str {
    stderr
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_is_captured() {
        let out = run(
            "sh",
            &["-c", "printf 一二; echo oops >&2"],
            Duration::from_secs(10),
            100,
        )
        .unwrap();
        assert!(out.status.success());
        assert_eq!(String::from_utf8(out.stdout).unwrap(), "一二");
        assert_eq!(first_line(&out.stderr), "oops");
    }

    #[test]
    fn a_hung_program_is_killed_in_time() {
        let started = Instant::now();
        let r = run("sleep", &["30"], Duration::from_millis(200), 100);
        assert!(matches!(r, Err(RunError::TimedOut)));
        assert!(started.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn too_much_output_is_cut_off() {
        let r = run("yes", &[] as &[&str], Duration::from_secs(20), 10_000);
        assert!(matches!(r, Err(RunError::TooMuchOutput)));
    }

    #[test]
    fn a_missing_program_is_not_found() {
        let r = run("fangan-no-such-tool", &["x"], Duration::from_secs(1), 10);
        assert!(matches!(r, Err(RunError::NotFound)));
    }
}
