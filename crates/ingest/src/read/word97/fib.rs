//! The File Information Block at the start of the `WordDocument` stream:
//! which table stream holds the piece table, where (`fcClx`, `lcbClx`),
//! and how many characters the main document has (`ccpText`).
//!
//! Layout ([MS-DOC] 2.5.1): `FibBase` (32 bytes: `wIdent` 0xA5EC, `nFib`,
//! flags at 0x0A with `fEncrypted` 0x0100 and `fWhichTblStm` 0x0200), then
//! `csw` + `fibRgW`, `cslw` + `fibRgLw` (`ccpText` is its 4th value), and
//! `cbRgFcLcb` + `fibRgFcLcb` whose 34th pair is `fcClx`/`lcbClx`.

use super::Word97Problem;

/// `wIdent` of Word 97 and later files.
const WORD8_IDENT: u16 = 0xA5EC;

/// `wIdent` of Word 6 and Word 95 files.
const WORD6_IDENT: u16 = 0xA5DC;

/// Index of the `fcClx`/`lcbClx` pair in `fibRgFcLcb`.
const CLX_PAIR: usize = 33;

/// Index of `ccpText` in `fibRgLw`.
const CCP_TEXT: usize = 3;

/// What the reader needs from the FIB.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fib {
    /// The piece table is in `1Table` (else `0Table`).
    pub table_1: bool,
    /// Offset of the `Clx` in the table stream.
    pub fc_clx: u32,
    /// Its size.
    pub lcb_clx: u32,
    /// Characters of the main document.
    pub ccp_text: u32,
}

/// What an unreadable FIB means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FibError {
    /// A Word 6 / Word 95 file (another format).
    Word6,
    /// The document is encrypted.
    Encrypted,
    /// The FIB is broken.
    Broken(Word97Problem),
}

/// Reads the FIB from the start of the `WordDocument` stream.
pub fn parse(stream: &[u8]) -> Result<Fib, FibError> {
    let broken = || FibError::Broken(Word97Problem::BadFib);
    let ident = u16_at(stream, 0).ok_or_else(broken)?;
    if ident == WORD6_IDENT {
        return Err(FibError::Word6);
    }
    if ident != WORD8_IDENT {
        return Err(broken());
    }
    let flags = u16_at(stream, 0x0A).ok_or_else(broken)?;
    if flags & 0x0100 != 0 {
        return Err(FibError::Encrypted);
    }
    let csw = usize::from(u16_at(stream, 32).ok_or_else(broken)?);
    let lw_at = 34 + csw * 2;
    let cslw = usize::from(u16_at(stream, lw_at).ok_or_else(broken)?);
    let rg_lw = lw_at + 2;
    let fc_at = rg_lw + cslw * 4;
    let cb_rg_fc_lcb = usize::from(u16_at(stream, fc_at).ok_or_else(broken)?);
    if cslw <= CCP_TEXT || cb_rg_fc_lcb <= CLX_PAIR {
        return Err(broken());
    }
    let ccp_text = u32_at(stream, rg_lw + CCP_TEXT * 4).ok_or_else(broken)?;
    let pair = fc_at + 2 + CLX_PAIR * 8;
    Ok(Fib {
        table_1: flags & 0x0200 != 0,
        fc_clx: u32_at(stream, pair).ok_or_else(broken)?,
        lcb_clx: u32_at(stream, pair + 4).ok_or_else(broken)?,
        ccp_text,
    })
}

/// Little-endian `u16` at `at`.
pub fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([s[0], s[1]]))
}

/// Little-endian `u32` at `at`.
pub fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A minimal Word 97 FIB: `csw` 14, `cslw` 22, `cbRgFcLcb` 93.
    pub fn fib_bytes(table_1: bool, fc_clx: u32, lcb_clx: u32, ccp_text: u32) -> Vec<u8> {
        let mut b = vec![0u8; 34 + 28 + 2 + 88 + 2 + 93 * 8];
        b[0..2].copy_from_slice(&WORD8_IDENT.to_le_bytes());
        b[2..4].copy_from_slice(&0x00C1u16.to_le_bytes());
        let flags: u16 = if table_1 { 0x0200 } else { 0 };
        b[0x0A..0x0C].copy_from_slice(&flags.to_le_bytes());
        b[32..34].copy_from_slice(&14u16.to_le_bytes());
        b[62..64].copy_from_slice(&22u16.to_le_bytes());
        b[64 + 12..64 + 16].copy_from_slice(&ccp_text.to_le_bytes());
        b[152..154].copy_from_slice(&93u16.to_le_bytes());
        let pair = 154 + CLX_PAIR * 8;
        assert_eq!(pair, 0x1A2);
        b[pair..pair + 4].copy_from_slice(&fc_clx.to_le_bytes());
        b[pair + 4..pair + 8].copy_from_slice(&lcb_clx.to_le_bytes());
        b
    }

    #[test]
    fn a_word97_fib_is_read() {
        let fib = parse(&fib_bytes(true, 0x1234, 21, 7)).unwrap();
        assert_eq!(
            fib,
            Fib {
                table_1: true,
                fc_clx: 0x1234,
                lcb_clx: 21,
                ccp_text: 7
            }
        );
    }

    #[test]
    fn other_fibs_are_told_apart() {
        let mut b = fib_bytes(false, 0, 0, 0);
        b[0x0A] = 0x00;
        b[0x0B] = 0x01;
        assert_eq!(parse(&b), Err(FibError::Encrypted));
        b[0..2].copy_from_slice(&WORD6_IDENT.to_le_bytes());
        assert_eq!(parse(&b), Err(FibError::Word6));
        assert_eq!(
            parse(b"\xEC\xA5"),
            Err(FibError::Broken(Word97Problem::BadFib))
        );
        assert_eq!(parse(b""), Err(FibError::Broken(Word97Problem::BadFib)));
    }
}
