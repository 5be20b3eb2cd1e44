//! [`SharedDirectory`]: tantivy's memory-mapped directory, fit to be shared.
//!
//! Two things in tantivy's own directory stand in the way of an index that
//! colleagues share:
//! - readers take the meta lock by creating `.tantivy-meta.lock`, which
//!   fails in a folder they may not write to. Here a reader whose lock
//!   cannot be taken goes on without it: nobody can write to that folder
//!   either, so no writer's clean-up can pull files from under it;
//! - `meta.json` and `.managed.json` are written through a temporary file
//!   created with mode 0600. Here they are given the mode the user's
//!   umask gives new files (that of the writer's lock file), like every
//!   other file of the index.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle,
};

/// A memory-mapped directory for shared indexes.
#[derive(Clone, Debug)]
pub struct SharedDirectory {
    inner: MmapDirectory,
    root: PathBuf,
    /// Mode of new files (`0o666 & !umask`), for the atomic writes.
    #[cfg(unix)]
    mode: Option<u32>,
}

impl SharedDirectory {
    /// Opens `root`; `mode_from` is a file the process created there, whose
    /// permissions new files take (none: leave tantivy's).
    pub fn open(root: &Path, mode_from: Option<&Path>) -> tantivy::Result<SharedDirectory> {
        let inner = MmapDirectory::open(root)?;
        #[cfg(unix)]
        let mode = mode_from.and_then(|p| {
            use std::os::unix::fs::PermissionsExt;
            std::fs::metadata(p)
                .ok()
                .map(|m| m.permissions().mode() & 0o777)
        });
        #[cfg(not(unix))]
        let _ = mode_from;
        Ok(SharedDirectory {
            inner,
            root: root.to_path_buf(),
            #[cfg(unix)]
            mode,
        })
    }
}

/// True for the errors of a folder one may not write to.
fn cannot_write(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    )
}

impl Directory for SharedDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<tantivy::directory::WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.inner.atomic_write(path, data)?;
        #[cfg(unix)]
        if let Some(mode) = self.mode {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(self.root.join(path), std::fs::Permissions::from_mode(mode))?;
        }
        Ok(())
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.inner.acquire_lock(lock) {
            Err(LockError::IoError(e)) if cannot_write(&e) && lock.is_blocking => {
                // a reader in a folder nobody here may write to: no writer
                // can remove files meanwhile, so no lock is needed
                Ok(DirectoryLock::from(Box::new(())))
            }
            other => other,
        }
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}
