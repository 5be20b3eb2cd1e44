//! The writer lock: one ingest at a time per index folder.
//!
//! tantivy's own lock only says "busy"; this lock file (`fangan.lock`) also
//! records who holds it (pid, command, start time), so a second writer is
//! told "index is locked by pid 1234 (fangan ingest) since …". The lock is an
//! OS file lock: it dies with its process, so a killed ingest never leaves a
//! stale lock behind.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::error::{IndexError, Result};

/// Name of the lock file inside the index folder.
pub const LOCK_FILE: &str = "fangan.lock";

/// A held writer lock; released when dropped.
#[derive(Debug)]
pub struct WriterLock {
    file: File,
    path: PathBuf,
}

impl WriterLock {
    /// Takes the lock of the index in `dir`, describing the holder as
    /// `what` (`fangan ingest`); fails at once when another process has it.
    pub fn acquire(dir: &Path, what: &str) -> Result<WriterLock> {
        let path = dir.join(LOCK_FILE);
        let io = |source| IndexError::Io {
            path: path.clone(),
            source,
        };
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io)?;
        match fs4::FileExt::try_lock(&file) {
            Ok(()) => {}
            Err(fs4::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = holder.trim();
                return Err(IndexError::Locked {
                    path: dir.to_path_buf(),
                    holder: if holder.is_empty() {
                        "another process".to_string()
                    } else {
                        holder.to_string()
                    },
                });
            }
            Err(fs4::TryLockError::Error(e)) => return Err(io(e)),
        }
        let since = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let me = format!(
            "pid {} ({what}) since unix time {since}",
            std::process::id()
        );
        file.set_len(0).map_err(io)?;
        file.seek(SeekFrom::Start(0)).map_err(io)?;
        file.write_all(me.as_bytes()).map_err(io)?;
        file.flush().map_err(io)?;
        Ok(WriterLock { file, path })
    }

    /// Takes the lock like [`WriterLock::acquire`], waiting up to `patience`
    /// for another holder to finish (an implicit update of a `--corpus`
    /// index run by two commands at once waits instead of failing).
    pub fn acquire_waiting(
        dir: &Path,
        what: &str,
        patience: std::time::Duration,
    ) -> Result<WriterLock> {
        let start = std::time::Instant::now();
        loop {
            match WriterLock::acquire(dir, what) {
                Err(IndexError::Locked { .. }) if start.elapsed() < patience => {
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                other => return other,
            }
        }
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for WriterLock {
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
        let _ = fs4::FileExt::unlock(&self.file);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_writer_is_told_who_holds_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let first = WriterLock::acquire(dir.path(), "fangan ingest").unwrap();
        let err = WriterLock::acquire(dir.path(), "fangan ingest").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("is locked by pid"), "{msg}");
        assert!(msg.contains("(fangan ingest)"), "{msg}");
        drop(first);
        WriterLock::acquire(dir.path(), "fangan ingest").unwrap();
    }
}
