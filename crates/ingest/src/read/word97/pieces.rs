//! The piece table: the `Clx` in the table stream says where each run of
//! the document's characters is stored in the `WordDocument` stream.
//!
//! A `Clx` is any number of `Prc` records (`0x01`, `cbGrpprl`, property
//! bytes: skipped) and one `Pcdt` (`0x02`, `lcb`, `PlcPcd`). The `PlcPcd`
//! holds n+1 character positions and n 8-byte piece descriptors whose
//! `fc` (bits 0–29) is the offset of the piece's text and bit 30
//! (`fCompressed`) says it is stored as 8-bit characters at `fc / 2`
//! (Windows-1252) rather than UTF-16LE at `fc` ([MS-DOC] 2.9.73, 2.9.177).

use super::fib::{u16_at, u32_at};
use super::Word97Problem;

/// The characters `[0, ccp)` of the document, stitched from its pieces
/// (special characters still in, see [`super::marks`]).
pub fn text(document: &[u8], clx: &[u8], ccp: u32) -> Result<String, Word97Problem> {
    let plc = piece_table(clx)?;
    if plc.len() < 4 || (plc.len() - 4) % 12 != 0 {
        return Err(Word97Problem::BadPieceTable);
    }
    let n = (plc.len() - 4) / 12;
    let cp = |i: usize| u32_at(plc, i * 4).unwrap_or(0);
    let mut out = String::new();
    for i in 0..n {
        let (start, end) = (cp(i), cp(i + 1));
        if start >= ccp {
            break;
        }
        let end = end.min(ccp);
        if end <= start {
            continue;
        }
        let count = (end - start) as usize;
        let pcd = (n + 1) * 4 + i * 8;
        let fc = u32_at(plc, pcd + 2).ok_or(Word97Problem::BadPieceTable)?;
        let compressed = fc & 0x4000_0000 != 0;
        let fc = (fc & 0x3FFF_FFFF) as usize;
        if compressed {
            let at = fc / 2;
            let bytes = document
                .get(at..at.saturating_add(count))
                .ok_or(Word97Problem::PieceOutOfRange)?;
            let (s, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            out.push_str(&s);
        } else {
            let bytes = document
                .get(fc..fc.saturating_add(count * 2))
                .ok_or(Word97Problem::PieceOutOfRange)?;
            let (s, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(bytes);
            out.push_str(&s);
        }
    }
    Ok(out)
}

/// The `PlcPcd` inside a `Clx`, after its `Prc` records.
fn piece_table(clx: &[u8]) -> Result<&[u8], Word97Problem> {
    let mut at = 0usize;
    loop {
        match clx.get(at) {
            Some(0x01) => {
                let cb = u16_at(clx, at + 1).ok_or(Word97Problem::BadPieceTable)?;
                at += 3 + usize::from(cb);
            }
            Some(0x02) => {
                let lcb = u32_at(clx, at + 1).ok_or(Word97Problem::BadPieceTable)? as usize;
                return clx
                    .get(at + 5..(at + 5).saturating_add(lcb))
                    .ok_or(Word97Problem::BadPieceTable);
            }
            _ => return Err(Word97Problem::BadPieceTable),
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A `Clx` with one `Prc` and the given pieces: (cp start, fc word
    /// with the compression bit), closed by `end_cp`.
    pub fn clx(pieces: &[(u32, u32)], end_cp: u32) -> Vec<u8> {
        let mut plc = Vec::new();
        for (cp, _) in pieces {
            plc.extend_from_slice(&cp.to_le_bytes());
        }
        plc.extend_from_slice(&end_cp.to_le_bytes());
        for (_, fc) in pieces {
            plc.extend_from_slice(&0u16.to_le_bytes());
            plc.extend_from_slice(&fc.to_le_bytes());
            plc.extend_from_slice(&0u16.to_le_bytes());
        }
        let mut out = vec![0x01, 0x02, 0x00, 0xAA, 0xBB];
        out.push(0x02);
        out.extend_from_slice(&(plc.len() as u32).to_le_bytes());
        out.extend_from_slice(&plc);
        out
    }

    #[test]
    fn utf16_and_compressed_pieces_are_stitched() {
        let mut doc = vec![0u8; 64];
        let han: Vec<u8> = "一、目标"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        doc[8..8 + han.len()].copy_from_slice(&han);
        doc[40..44].copy_from_slice(b"5%\r\x93");
        // piece 1: 4 UTF-16 chars at fc 8; piece 2: 4 bytes at 40 (fc 80).
        let table = clx(&[(0, 8), (4, 0x4000_0000 | 80)], 8);
        assert_eq!(text(&doc, &table, 8).unwrap(), "一、目标5%\r\u{201C}");
        assert_eq!(text(&doc, &table, 5).unwrap(), "一、目标5");
        let out_of_range = clx(&[(0, 1000)], 4);
        assert_eq!(
            text(&doc, &out_of_range, 4),
            Err(Word97Problem::PieceOutOfRange)
        );
        assert_eq!(text(&doc, &[0x07], 4), Err(Word97Problem::BadPieceTable));
    }
}
