//! Reading entries of a zip container (OFD) within [`Limits`]: at most so
//! many entries, so many decompressed bytes per entry and in all. A zip
//! bomb is refused, never inflated.

use std::io::{Cursor, Read};

use super::options::Limits;

/// Most bytes reserved up front for an entry, whatever its header claims.
const PREALLOCATE: u64 = 1024 * 1024;

/// Why an entry could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZipProblem {
    /// The bytes are not a zip archive.
    NotZip,
    /// More entries than the limit.
    TooManyEntries(usize),
    /// No entry of that name.
    Missing(String),
    /// The entry cannot be decompressed.
    Unreadable(String),
    /// The entry, or all entries read so far, exceed the limit.
    TooLarge(String, u64),
}

impl std::fmt::Display for ZipProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ZipProblem::NotZip => f.write_str("not a zip archive"),
            ZipProblem::TooManyEntries(limit) => write!(f, "more than {limit} entries"),
            ZipProblem::Missing(name) => write!(f, "no {name} in the archive"),
            ZipProblem::Unreadable(name) => write!(f, "{name} cannot be decompressed"),
            ZipProblem::TooLarge(name, limit) => {
                write!(f, "{name} decompresses to more than {limit} bytes")
            }
        }
    }
}

/// A zip archive read within limits.
pub struct Zip<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    /// Decompressed bytes still allowed in all.
    budget: u64,
    max_entry: u64,
}

impl<'a> Zip<'a> {
    /// Opens `bytes` as a zip archive.
    pub fn open(bytes: &'a [u8], limits: &Limits) -> Result<Zip<'a>, ZipProblem> {
        let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ZipProblem::NotZip)?;
        if archive.len() > limits.max_zip_entries {
            return Err(ZipProblem::TooManyEntries(limits.max_zip_entries));
        }
        Ok(Zip {
            archive,
            budget: limits.max_unzipped_bytes,
            max_entry: limits.max_entry_bytes,
        })
    }

    /// The entry named `name` (a leading `/` and `./` are ignored, case is
    /// ignored when there is no exact match).
    pub fn read(&mut self, name: &str) -> Result<Vec<u8>, ZipProblem> {
        let wanted = name.trim_start_matches('/').trim_start_matches("./");
        let index = match self.archive.index_for_name(wanted) {
            Some(i) => Some(i),
            None => {
                let found = self
                    .archive
                    .file_names()
                    .filter_map(Result::ok)
                    .find(|n| n.eq_ignore_ascii_case(wanted))
                    .map(|n| n.into_owned());
                found.and_then(|f| self.archive.index_for_name(&f))
            }
        };
        let index = index.ok_or_else(|| ZipProblem::Missing(wanted.to_string()))?;
        let limit = self.max_entry.min(self.budget);
        let file = self
            .archive
            .by_index(index)
            .map_err(|_| ZipProblem::Unreadable(wanted.to_string()))?;
        let mut raw = Vec::with_capacity(file.size().min(PREALLOCATE).min(limit) as usize);
        file.take(limit + 1)
            .read_to_end(&mut raw)
            .map_err(|_| ZipProblem::Unreadable(wanted.to_string()))?;
        if raw.len() as u64 > limit {
            return Err(ZipProblem::TooLarge(wanted.to_string(), limit));
        }
        self.budget -= raw.len() as u64;
        Ok(raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, body) in entries {
            w.start_file(*name, opts).unwrap();
            w.write_all(body).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn entries_are_read_within_limits() {
        let zeros = vec![0u8; 100_000];
        let bytes = zip_of(&[("OFD.xml", b"<ofd/>"), ("Doc_0/big.bin", &zeros)]);
        let limits = Limits {
            max_entry_bytes: 50_000,
            ..Limits::default()
        };
        let mut z = Zip::open(&bytes, &limits).unwrap();
        assert_eq!(z.read("/OFD.xml").unwrap(), b"<ofd/>");
        assert_eq!(z.read("ofd.XML").unwrap(), b"<ofd/>");
        assert_eq!(
            z.read("Doc_0/big.bin"),
            Err(ZipProblem::TooLarge("Doc_0/big.bin".into(), 50_000))
        );
        assert_eq!(z.read("nope"), Err(ZipProblem::Missing("nope".into())));
        let few = Limits {
            max_zip_entries: 1,
            ..Limits::default()
        };
        assert!(matches!(
            Zip::open(&bytes, &few),
            Err(ZipProblem::TooManyEntries(1))
        ));
        assert!(matches!(
            Zip::open(b"nope", &limits),
            Err(ZipProblem::NotZip)
        ));
    }
}
