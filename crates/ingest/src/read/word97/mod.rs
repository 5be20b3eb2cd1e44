//! Word 97–2003 `.doc` and Kingsoft WPS `.wps` → text, from the compound
//! file (the `cfb` crate) and its piece table.
//!
//! A Word 97 file is a compound file with a `WordDocument` stream that
//! starts with the [`fib`] (File Information Block); the FIB points into
//! the `0Table` or `1Table` stream at the piece table ([`pieces`]), which
//! says where each run of characters is stored, as UTF-16 or as 8-bit
//! characters. The main document's characters are stitched together and
//! Word's marks (paragraphs, cells, fields) resolved ([`marks`]). Kingsoft
//! WPS writes `.wps` files in this same format.
//!
//! Other compound files are refused with what they are: a Microsoft Works
//! `.wps` (no `WordDocument` stream), an Excel or PowerPoint file, an
//! encrypted or a Word 6/95 document. Headers, footers, footnotes and text
//! boxes are not read (only the main document is a plan's text).

pub mod fib;
pub mod marks;
pub mod pieces;
pub mod summary;

use std::fmt;
use std::io::{Cursor, Read};
use std::path::Path;

use super::error::ReadError;
use super::properties::Properties;

/// What is wrong with a Word 97 file.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Word97Problem {
    /// The compound file cannot be opened.
    NotCompound,
    /// A stream cannot be read.
    Stream(&'static str),
    /// The File Information Block is too short or not Word 97's.
    BadFib,
    /// The piece table is malformed.
    BadPieceTable,
    /// A piece points outside the `WordDocument` stream.
    PieceOutOfRange,
}

impl fmt::Display for Word97Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Word97Problem::NotCompound => f.write_str("not a readable compound file"),
            Word97Problem::Stream(name) => write!(f, "the {name} stream cannot be read"),
            Word97Problem::BadFib => f.write_str("no Word 97 file information block"),
            Word97Problem::BadPieceTable => f.write_str("the piece table is malformed"),
            Word97Problem::PieceOutOfRange => {
                f.write_str("the piece table points outside the document")
            }
        }
    }
}

/// Why a compound file gave no text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Word97Error {
    /// Not a Word 97 document: what it is.
    Unsupported(&'static str),
    /// A Word 97 document that is broken.
    Problem(Word97Problem),
}

impl Word97Error {
    /// The refusal of the file `name`.
    pub fn into_read_error(self, name: &Path) -> ReadError {
        let path = name.to_path_buf();
        match self {
            Word97Error::Unsupported(reason) => ReadError::Unsupported {
                path,
                reason: reason.to_string(),
            },
            Word97Error::Problem(problem) => ReadError::Word97 { path, problem },
        }
    }
}

impl From<Word97Problem> for Word97Error {
    fn from(p: Word97Problem) -> Self {
        Word97Error::Problem(p)
    }
}

/// The text of a Word 97 document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word97Document {
    /// One paragraph per line, each ending in `\n`.
    pub text: String,
    /// Title, author and creation date of the summary information.
    pub properties: Properties,
}

/// Reads the compound file in `bytes` as a Word 97 document.
pub fn document(bytes: &[u8]) -> Result<Word97Document, Word97Error> {
    // The cfb crate is defensive, but a hostile file must not take the
    // batch down with it: a panic inside is a broken file.
    let opened = std::panic::catch_unwind(|| streams(bytes))
        .unwrap_or(Err(Word97Error::Problem(Word97Problem::NotCompound)))?;
    let (document, table, fib, summary) = opened;
    let clx_start = fib.fc_clx as usize;
    let clx = table
        .get(clx_start..clx_start.saturating_add(fib.lcb_clx as usize))
        .ok_or(Word97Problem::BadPieceTable)?;
    let raw = pieces::text(&document, clx, fib.ccp_text)?;
    Ok(Word97Document {
        text: marks::resolve(&raw),
        properties: summary.map(|s| summary::properties(&s)).unwrap_or_default(),
    })
}

type Streams = (Vec<u8>, Vec<u8>, fib::Fib, Option<Vec<u8>>);

/// The `WordDocument` stream, the table stream, the FIB and the summary
/// information stream (if any).
fn streams(bytes: &[u8]) -> Result<Streams, Word97Error> {
    let mut file =
        cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|_| Word97Problem::NotCompound)?;
    if !file.is_stream("/WordDocument") {
        return Err(Word97Error::Unsupported(what_else(&file)));
    }
    let document = read_stream(&mut file, "WordDocument")?;
    let fib = fib::parse(&document).map_err(|e| match e {
        fib::FibError::Word6 => Word97Error::Unsupported("Word 6/95 document; save it as .docx"),
        fib::FibError::Encrypted => Word97Error::Unsupported("encrypted Word document"),
        fib::FibError::Broken(p) => Word97Error::Problem(p),
    })?;
    let table_name = if fib.table_1 { "1Table" } else { "0Table" };
    let table = read_stream(&mut file, table_name)?;
    let summary = read_stream(&mut file, "\u{5}SummaryInformation").ok();
    Ok((document, table, fib, summary))
}

fn read_stream(
    file: &mut cfb::CompoundFile<Cursor<&[u8]>>,
    name: &'static str,
) -> Result<Vec<u8>, Word97Problem> {
    let mut stream = file
        .open_stream(format!("/{name}"))
        .map_err(|_| Word97Problem::Stream(name))?;
    let mut out = Vec::new();
    stream
        .read_to_end(&mut out)
        .map_err(|_| Word97Problem::Stream(name))?;
    Ok(out)
}

/// What a compound file without a `WordDocument` stream is.
fn what_else(file: &cfb::CompoundFile<Cursor<&[u8]>>) -> &'static str {
    let has = |name: &str| file.is_stream(format!("/{name}"));
    if has("Workbook") || has("Book") {
        "Excel spreadsheet, not a plan document"
    } else if has("PowerPoint Document") {
        "PowerPoint presentation, not a plan document"
    } else if has("CONTENTS") || has("MatOST") {
        "Microsoft Works document, not a Word file"
    } else {
        "compound file without a WordDocument stream, not a Word file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A compound file with the given streams.
    pub fn compound(streams: &[(&str, &[u8])]) -> Vec<u8> {
        let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        for (name, body) in streams {
            let mut s = file.create_stream(format!("/{name}")).unwrap();
            s.write_all(body).unwrap();
        }
        file.flush().unwrap();
        file.into_inner().into_inner()
    }

    #[test]
    fn a_minimal_word97_file_reads() {
        let text = "一、工作目标\r（一）加强\x13 PAGE \x14协同\x15\r";
        let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let ccp = text.encode_utf16().count() as u32;
        let clx = pieces::tests::clx(&[(0, 0x800)], ccp);
        let mut word = fib::tests::fib_bytes(true, 0, clx.len() as u32, ccp);
        word.resize(0x800, 0);
        word.extend_from_slice(&utf16);
        let bytes = compound(&[("WordDocument", &word), ("1Table", &clx)]);
        let doc = document(&bytes).unwrap();
        assert_eq!(doc.text, "一、工作目标\n（一）加强协同\n");
    }

    #[test]
    fn other_compound_files_say_what_they_are() {
        let works = compound(&[("CONTENTS", b"x"), ("SPELLING", b"y")]);
        assert_eq!(
            document(&works),
            Err(Word97Error::Unsupported(
                "Microsoft Works document, not a Word file"
            ))
        );
        let xls = compound(&[("Workbook", b"x")]);
        assert_eq!(
            document(&xls),
            Err(Word97Error::Unsupported(
                "Excel spreadsheet, not a plan document"
            ))
        );
        assert_eq!(
            document(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 truncated"),
            Err(Word97Error::Problem(Word97Problem::NotCompound))
        );
    }
}
