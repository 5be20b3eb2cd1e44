//! The plan store: parsed plans and what was read from them, beside the
//! tantivy index, in append-only pack files.
//!
//! A record is one zstd frame of JSON. Packs live in `store/` of the index
//! folder and are never rewritten: an ingest appends to packs of its own
//! (`<session>.docs` for parsed plans, `<session>.ana` for their notes and
//! targets) and writes a new catalog file (`<commit>.cat`) at each commit;
//! the tantivy commit then names that catalog in its payload. So the
//! commit is the one atomic switch: an interrupted ingest leaves files no
//! commit names, which the next ingest deletes.
//!
//! Each record is framed `[u32 length][u64 checksum][zstd bytes]`, so a
//! damaged file is reported, never misread.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::Write;
#[cfg(not(unix))]
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Folder of the store inside an index folder.
pub const STORE_DIR: &str = "store";

/// zstd level: fast to write, about 3–4× smaller than the JSON.
const LEVEL: i32 = 3;

/// Where one record is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordRef {
    /// Pack file name (in `store/`).
    pub pack: String,
    /// Byte offset of the frame.
    pub offset: u64,
    /// Length of the frame (header included).
    pub len: u32,
}

fn checksum(bytes: &[u8]) -> u64 {
    let h = blake3::hash(bytes);
    u64::from_le_bytes(h.as_bytes()[..8].try_into().expect("8 bytes"))
}

/// Encodes a value as one framed record.
pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>> {
    let json = serde_json::to_vec(value).map_err(|e| Error::Encode(e.to_string()))?;
    let packed = zstd::bulk::compress(&json, LEVEL).map_err(|e| Error::Encode(e.to_string()))?;
    let mut frame = Vec::with_capacity(packed.len() + 12);
    frame.extend_from_slice(&(packed.len() as u32).to_le_bytes());
    frame.extend_from_slice(&checksum(&packed).to_le_bytes());
    frame.extend_from_slice(&packed);
    Ok(frame)
}

/// The largest record decoded, in bytes.
const MAX_RECORD: u64 = 1 << 31;

/// The compressed payload of a framed record read from `what`, its length
/// and checksum verified.
pub fn verify<'f>(frame: &'f [u8], what: &Path) -> Result<&'f [u8]> {
    let damaged = |why: &str| Error::Damaged {
        path: what.to_path_buf(),
        why: why.to_string(),
    };
    if frame.len() < 12 {
        return Err(damaged("a record is cut short"));
    }
    let len = u32::from_le_bytes(frame[..4].try_into().expect("4 bytes")) as usize;
    let sum = u64::from_le_bytes(frame[4..12].try_into().expect("8 bytes"));
    let packed = frame
        .get(12..12 + len)
        .ok_or_else(|| damaged("a record is cut short"))?;
    if checksum(packed) != sum {
        return Err(damaged("a record's checksum does not match"));
    }
    Ok(packed)
}

/// Decodes a framed record read from `what` (for the error message).
pub fn decode<T: DeserializeOwned>(frame: &[u8], what: &Path) -> Result<T> {
    let damaged = |why: &str| Error::Damaged {
        path: what.to_path_buf(),
        why: why.to_string(),
    };
    let packed = verify(frame, what)?;
    // the frame says its size: allocate that, not the 2 GB ceiling (an
    // allocation that size per record made reading 30,000 of them slow)
    let size = zstd::zstd_safe::get_frame_content_size(packed)
        .ok()
        .flatten()
        .filter(|&n| n <= MAX_RECORD)
        .map(|n| n as usize);
    // one decompression context and buffer per thread: made afresh for
    // each of 30,000 records they cost more than the decoding
    thread_local! {
        static DECODER: std::cell::RefCell<Option<(zstd::bulk::Decompressor<'static>, Vec<u8>)>> =
            const { std::cell::RefCell::new(None) };
    }
    DECODER.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            let d = zstd::bulk::Decompressor::new().map_err(|e| damaged(&e.to_string()))?;
            *slot = Some((d, Vec::new()));
        }
        let (decoder, buf) = slot.as_mut().expect("just made");
        buf.clear();
        match size {
            Some(n) => {
                buf.reserve(n);
                decoder
                    .decompress_to_buffer(packed, buf)
                    .map_err(|e| damaged(&e.to_string()))?;
            }
            None => {
                *buf = zstd::stream::decode_all(packed).map_err(|e| damaged(&e.to_string()))?;
            }
        }
        // simd-json parses in place, about twice as fast as serde_json on
        // the records of a corpus (leads and targets read 30,000 of them)
        let value = simd_json::serde::from_slice(buf)
            .map_err(|e| damaged(&format!("a record does not decode: {e}")));
        // a huge record's buffer is not kept for the thread's life
        if buf.capacity() > 16 << 20 {
            *buf = Vec::new();
        }
        value
    })
}

/// Reads `buf.len()` bytes at `offset`: positional, so that threads
/// reading one pack do not wait for each other.
#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    use std::os::unix::fs::FileExt;
    file.read_exact_at(buf, offset)
}

/// Reads `buf.len()` bytes at `offset` (one reader at a time).
#[cfg(not(unix))]
fn read_at(mut file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    static ONE: Mutex<()> = Mutex::new(());
    let _one = ONE.lock().unwrap_or_else(|p| p.into_inner());
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(buf)
}

/// An append-only pack being written.
#[derive(Debug)]
pub struct PackWriter {
    name: String,
    path: PathBuf,
    file: File,
    at: u64,
}

impl PackWriter {
    /// Creates `store/name` in the index folder `dir`.
    pub fn create(dir: &Path, name: &str) -> Result<PackWriter> {
        let folder = dir.join(STORE_DIR);
        std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e))?;
        let path = folder.join(name);
        let file = OpenOptions::new()
            .create_new(true)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        Ok(PackWriter {
            name: name.to_string(),
            path,
            file,
            at: 0,
        })
    }

    /// Appends a record; returns where it is.
    pub fn append<T: Serialize>(&mut self, value: &T) -> Result<RecordRef> {
        self.append_frame(&encode(value)?)
    }

    /// Appends an encoded frame.
    pub fn append_frame(&mut self, frame: &[u8]) -> Result<RecordRef> {
        self.file
            .write_all(frame)
            .map_err(|e| Error::io(&self.path, e))?;
        let r = RecordRef {
            pack: self.name.clone(),
            offset: self.at,
            len: frame.len() as u32,
        };
        self.at += frame.len() as u64;
        Ok(r)
    }

    /// Makes what was appended durable.
    pub fn sync(&mut self) -> Result<()> {
        self.file.sync_data().map_err(|e| Error::io(&self.path, e))
    }
}

/// Reads records from the packs of one index folder.
#[derive(Debug)]
pub struct StoreReader {
    folder: PathBuf,
    files: Mutex<HashMap<String, Arc<File>>>,
}

impl StoreReader {
    /// The store of the index folder `dir`.
    pub fn new(dir: &Path) -> StoreReader {
        StoreReader {
            folder: dir.join(STORE_DIR),
            files: Mutex::new(HashMap::new()),
        }
    }

    /// The frame at `r`.
    pub fn frame(&self, r: &RecordRef) -> Result<Vec<u8>> {
        let path = self.folder.join(&r.pack);
        let file = {
            let mut files = self.files.lock().unwrap_or_else(|p| p.into_inner());
            match files.get(&r.pack) {
                Some(f) => f.clone(),
                None => {
                    let f = Arc::new(File::open(&path).map_err(|e| Error::io(&path, e))?);
                    files.insert(r.pack.clone(), f.clone());
                    f
                }
            }
        };
        let mut buf = vec![0; r.len as usize];
        read_at(&file, &mut buf, r.offset).map_err(|e| Error::io(&path, e))?;
        Ok(buf)
    }

    /// The record at `r`.
    pub fn get<T: DeserializeOwned>(&self, r: &RecordRef) -> Result<T> {
        decode(&self.frame(r)?, &self.folder.join(&r.pack))
    }

    /// Writes a whole small file of the store atomically (a catalog).
    pub fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
        let folder = dir.join(STORE_DIR);
        std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e))?;
        let tmp = folder.join(format!(".{name}.tmp"));
        let path = folder.join(name);
        let mut f = File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
        f.write_all(bytes)
            .and_then(|_| f.sync_all())
            .map_err(|e| Error::io(&tmp, e))?;
        std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e))
    }

    /// Reads a whole file of the store.
    pub fn read_file(dir: &Path, name: &str) -> Result<Vec<u8>> {
        let path = dir.join(STORE_DIR).join(name);
        std::fs::read(&path).map_err(|e| Error::io(&path, e))
    }

    /// Deletes the files of the store of `dir` that `keep` does not name
    /// (packs and catalogs of old or interrupted ingests).
    pub fn collect_garbage(dir: &Path, keep: &std::collections::HashSet<String>) -> usize {
        let Ok(rd) = std::fs::read_dir(dir.join(STORE_DIR)) else {
            return 0;
        };
        let mut n = 0;
        for e in rd.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if !keep.contains(&name) && std::fs::remove_file(e.path()).is_ok() {
                n += 1;
            }
        }
        n
    }
}

/// A short stable key of `bytes` (16 hex digits).
pub fn fresh_key(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex()[..16].to_string()
}

/// A fresh name for a pack or a catalog: time, process and a counter.
pub fn fresh_name(ext: &str) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let seed = format!(
        "{nanos} {} {}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    );
    let h = blake3::hash(seed.as_bytes()).to_hex();
    format!("{}.{ext}", &h[..20])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_and_damage_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = PackWriter::create(dir.path(), "a.docs").unwrap();
        let r1 = w.append(&"发展改革局".to_string()).unwrap();
        let r2 = w.append(&vec![1u32, 2, 3]).unwrap();
        w.sync().unwrap();
        let r = StoreReader::new(dir.path());
        assert_eq!(r.get::<String>(&r1).unwrap(), "发展改革局");
        assert_eq!(r.get::<Vec<u32>>(&r2).unwrap(), [1, 2, 3]);
        // flip a byte of the second record
        let path = dir.path().join(STORE_DIR).join("a.docs");
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 0xFF;
        std::fs::write(&path, bytes).unwrap();
        let r = StoreReader::new(dir.path());
        let e = r.get::<Vec<u32>>(&r2).unwrap_err().to_string();
        assert!(e.contains("checksum"), "{e}");
        assert_eq!(r.get::<String>(&r1).unwrap(), "发展改革局");
    }

    #[test]
    fn garbage_is_what_no_catalog_names() {
        let dir = tempfile::tempdir().unwrap();
        for n in ["a.docs", "b.docs", "c.cat"] {
            PackWriter::create(dir.path(), n).unwrap();
        }
        let keep = ["a.docs".to_string(), "c.cat".to_string()].into();
        assert_eq!(StoreReader::collect_garbage(dir.path(), &keep), 1);
        assert!(dir.path().join(STORE_DIR).join("a.docs").exists());
        assert!(!dir.path().join(STORE_DIR).join("b.docs").exists());
        assert_ne!(fresh_name("cat"), fresh_name("cat"));
    }
}
