//! Bytes → Unicode text: byte-order marks, UTF-8, UTF-16 and the Chinese
//! legacy encodings (GBK/GB18030, Big5).
//!
//! The order of the checks is the policy, and it is deliberate:
//!
//! 1. A byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE); it is removed.
//! 2. NUL bytes mean UTF-16 without a BOM when they sit mostly on one side
//!    of the 16-bit units and the result is clean text; otherwise binary.
//! 3. Bytes that are valid UTF-8 are UTF-8, whatever anything else says.
//! 4. Text that is UTF-8 except for a few broken sequences (a truncated
//!    copy, one bad byte in a long plan) is UTF-8 with those replaced by
//!    `U+FFFD`, reported as `UTF-8 (lossy)`. This comes before the legacy
//!    guess because UTF-8 Chinese often decodes "without error" as GBK
//!    mojibake.
//! 5. A charset the file declares (an HTML `<meta>`), if it decodes cleanly.
//! 6. GBK (the GB18030 decoder, so four-byte sequences too) or Big5,
//!    whichever decodes without a malformed sequence. Big5 text is almost
//!    always also well-formed GBK (its byte ranges lie inside GBK's); a
//!    whole GBK plan is rarely well-formed Big5, but a short passage often
//!    is (GB2312's byte ranges fit Big5's). When both decode, the reading
//!    with fewer private-use characters (where GBK puts Big5's
//!    bytes) wins, and chardetng breaks a tie.
//!
//! Anything else is undecodable: plans are Chinese, so single-byte
//! encodings (windows-1252 decodes any byte soup) are not accepted.
//!
//! Cost: valid UTF-8 is validated once (encoding_rs's SIMD validator) and
//! copied once; chardetng, which is slow, only runs in the ambiguous case
//! and only sees the first [`DETECT_PREFIX`] bytes.

use encoding_rs::{Encoding, BIG5, GBK, UTF_16BE, UTF_16LE, UTF_8};

use super::error::BinaryReason;
use super::sniff;

/// How many bytes the encoding detector looks at.
pub const DETECT_PREFIX: usize = 8 * 1024;

/// Text decoded from bytes, with the name of the encoding it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark. Line endings are untouched.
    pub text: String,
    /// `UTF-8`, `UTF-8 (lossy)`, `UTF-16LE`, `UTF-16BE` (or `… (lossy)`),
    /// `GBK`, `Big5`, or the name of a declared encoding.
    pub encoding: &'static str,
}

/// Why bytes could not be decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes are not text.
    Binary(BinaryReason),
    /// No accepted encoding decodes them; the first byte that is not UTF-8.
    Undecodable {
        /// Its offset.
        offset: usize,
        /// The byte.
        byte: u8,
    },
}

/// Decodes `bytes`, following the module's policy. `declared` is an
/// encoding the file itself names (an HTML `<meta charset>`), if any.
pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = &bytes[bom_len..];
        if encoding == UTF_8 {
            return decode_utf8(rest).ok_or_else(|| undecodable(rest, bom_len));
        }
        return decode_utf16(rest, bom_len, encoding);
    }
    if let Some(offset) = sniff::first_nul(bytes) {
        return utf16_without_bom(bytes)
            .ok_or(DecodeError::Binary(BinaryReason::NulByte { offset }));
    }
    if let Some(decoded) = decode_utf8(bytes) {
        return Ok(decoded);
    }
    if let Some(encoding) = declared.filter(|e| *e != UTF_8 && *e != UTF_16LE && *e != UTF_16BE) {
        if let Some(decoded) = strict(bytes, encoding) {
            return Ok(decoded);
        }
    }
    match (strict(bytes, GBK), strict(bytes, BIG5)) {
        (Some(gbk), None) => Ok(gbk),
        (None, Some(big5)) => Ok(big5),
        (Some(gbk), Some(big5)) => {
            // Big5 read as GBK lands in GBK's user-defined (private use)
            // areas; the reading with fewer such characters is right, and
            // chardetng breaks ties.
            let (in_gbk, in_big5) = (private_use(&gbk.text), private_use(&big5.text));
            let big5_wins = in_big5 < in_gbk || (in_big5 == in_gbk && guess(bytes) == BIG5);
            Ok(if big5_wins { big5 } else { gbk })
        }
        (None, None) => Err(undecodable(bytes, 0)),
    }
}

/// Valid UTF-8, or UTF-8 with at most one broken sequence per hundred
/// well-formed multi-byte characters (replaced by `U+FFFD`).
fn decode_utf8(bytes: &[u8]) -> Option<Decoded> {
    // encoding_rs validates UTF-8 an order of magnitude faster than std
    // on Chinese text; `Some` means the bytes were valid.
    if let Some(text) = UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        return Some(Decoded {
            text: text.into_owned(),
            encoding: "UTF-8",
        });
    }
    let (mut multibyte, mut broken) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        broken += usize::from(!chunk.invalid().is_empty());
        if broken >= 8 && broken * 100 > multibyte {
            return None; // a legacy encoding: stop counting early
        }
    }
    (broken * 100 <= multibyte).then(|| Decoded {
        text: String::from_utf8_lossy(bytes).into_owned(),
        encoding: "UTF-8 (lossy)",
    })
}

/// UTF-16 after a byte-order mark (`bom_len` bytes). A BOM is a clear
/// declaration, so a stray unpaired surrogate or an odd last byte is
/// replaced (`UTF-16LE (lossy)`) rather than refusing the file; but more
/// than one bad unit in a hundred characters is not UTF-16 at all (a binary
/// that happens to start with `FF FE`).
fn decode_utf16(
    bytes: &[u8],
    bom_len: usize,
    encoding: &'static Encoding,
) -> Result<Decoded, DecodeError> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if !had_errors {
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
        });
    }
    let bad = text.matches('\u{FFFD}').count();
    if bad * 100 > text.chars().count() {
        let first = text.find('\u{FFFD}').unwrap_or(0);
        let offset = text[..first].encode_utf16().count() * 2;
        return Err(DecodeError::Undecodable {
            offset: bom_len + offset,
            byte: bytes.get(offset).copied().unwrap_or(0),
        });
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: if encoding == UTF_16BE {
            "UTF-16BE (lossy)"
        } else {
            "UTF-16LE (lossy)"
        },
    })
}

/// UTF-16 without a byte-order mark: even length, the NUL bytes (the high
/// halves of ASCII characters) more than twice as often on one side
/// of the units than on the other, and the result clean text with a line
/// break. Returns `None` for anything else.
///
/// The other side is not NUL-free: a character such as 一 (U+4E00) has a
/// NUL low byte, and 一 is everywhere in plans (一、, 进一步).
fn utf16_without_bom(bytes: &[u8]) -> Option<Decoded> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let encoding = if odd >= 2 && odd > 2 * even {
        UTF_16LE
    } else if even >= 2 && even > 2 * odd {
        UTF_16BE
    } else {
        return None;
    };
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
    if !text.contains('\n') || sniff::check_controls(&text).is_err() {
        return None;
    }
    Some(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
    })
}

/// How many characters of `text` are in the private use area.
fn private_use(text: &str) -> usize {
    text.chars()
        .filter(|c| ('\u{E000}'..='\u{F8FF}').contains(c))
        .count()
}

/// chardetng's guess for the first [`DETECT_PREFIX`] bytes (no top-level
/// domain hint: the `.cn` hint would always answer GBK).
fn guess(bytes: &[u8]) -> &'static Encoding {
    let prefix = &bytes[..bytes.len().min(DETECT_PREFIX)];
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(prefix, prefix.len() == bytes.len());
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// Decodes with `encoding` if no byte sequence is malformed.
fn strict(bytes: &[u8], encoding: &'static Encoding) -> Option<Decoded> {
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
    Some(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
    })
}

/// The error for `bytes` (which start `base` bytes into the file), naming
/// the first byte that is not UTF-8.
fn undecodable(bytes: &[u8], base: usize) -> DecodeError {
    let at = Encoding::utf8_valid_up_to(bytes);
    DecodeError::Undecodable {
        offset: base + at,
        byte: bytes.get(at).copied().unwrap_or(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = "一、工作目标\n经济总量保持全省前十，全年地区生产总值增长 5%左右。\
                        （县发改局牵头负责）\n二、重点任务\n（一）加强部门协同\n";

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode(PLAN.as_bytes(), None).unwrap();
        assert_eq!((plain.text.as_str(), plain.encoding), (PLAN, "UTF-8"));
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(PLAN.as_bytes());
        let bom = decode(&with_bom, None).unwrap();
        assert_eq!((bom.text.as_str(), bom.encoding), (PLAN, "UTF-8"));
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let mut le = vec![0xFF, 0xFE];
        le.extend(utf16(PLAN, false));
        let mut be = vec![0xFE, 0xFF];
        be.extend(utf16(PLAN, true));
        assert_eq!(decode(&le, None).unwrap().text, PLAN);
        assert_eq!(decode(&le, None).unwrap().encoding, "UTF-16LE");
        assert_eq!(decode(&be, None).unwrap().text, PLAN);
        assert_eq!(decode(&be, None).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn utf16_with_bom_tolerates_a_stray_unit_but_not_noise() {
        let mut one_bad = vec![0xFF, 0xFE];
        one_bad.extend(utf16(&PLAN.repeat(3), false));
        one_bad.extend([0x00, 0xD8]); // an unpaired high surrogate at the end
        let decoded = decode(&one_bad, None).unwrap();
        assert_eq!(decoded.encoding, "UTF-16LE (lossy)");
        assert!(decoded.text.ends_with("\u{FFFD}"));
        // Surrogate soup after an FF FE start is refused, at the first bad unit.
        let mut noise = vec![0xFF, 0xFE, 0x41, 0x00];
        noise.extend([0x00, 0xDC].repeat(10));
        assert_eq!(
            decode(&noise, None),
            Err(DecodeError::Undecodable {
                offset: 4,
                byte: 0x00
            })
        );
    }

    #[test]
    fn utf16_without_bom_is_recognised_despite_u_xx00_characters() {
        // 一 is U+4E00: its low byte is NUL, on the "wrong" side in LE.
        let le = decode(&utf16(PLAN, false), None).unwrap();
        assert_eq!((le.text.as_str(), le.encoding), (PLAN, "UTF-16LE"));
        let be = decode(&utf16(PLAN, true), None).unwrap();
        assert_eq!((be.text.as_str(), be.encoding), (PLAN, "UTF-16BE"));
    }

    #[test]
    fn gbk_is_detected_and_valid_utf8_wins() {
        let (gbk, _, _) = GBK.encode(PLAN);
        let decoded = decode(&gbk, None).unwrap();
        assert_eq!(decoded.text, PLAN);
        assert_eq!(decoded.encoding, "GBK");
        // An HTML page that says gb2312 but is valid UTF-8 is UTF-8.
        let utf8 = decode(PLAN.as_bytes(), Encoding::for_label(b"gb2312")).unwrap();
        assert_eq!(utf8.encoding, "UTF-8");
    }

    #[test]
    fn declared_charset_is_used_when_it_decodes() {
        let (big5, _, _) = BIG5.encode("推進機制");
        let decoded = decode(&big5, Some(BIG5)).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            ("推進機制", "Big5")
        );
    }

    #[test]
    fn big5_is_told_from_gbk() {
        // Short GBK that is also well-formed Big5 stays GBK.
        let (gbk, _, _) = GBK.encode("一、总体要求\n县发改局牵头负责\n");
        assert!(BIG5
            .decode_without_bom_handling_and_without_replacement(&gbk)
            .is_some());
        assert_eq!(decode(&gbk, None).unwrap().encoding, "GBK");
        let text = "一、總體要求\n堅持穩中求進工作總基調，推動經濟高質量發展。\n\
                    （一）產業項目攻堅。由縣發改局牽頭，縣科工信局配合。\n";
        let (big5, _, _) = BIG5.encode(text);
        assert!(GBK
            .decode_without_bom_handling_and_without_replacement(&big5)
            .is_some());
        let decoded = decode(&big5, None).unwrap();
        assert_eq!((decoded.text.as_str(), decoded.encoding), (text, "Big5"));
    }

    #[test]
    fn a_few_broken_bytes_in_utf8_are_replaced() {
        let text = PLAN.repeat(10);
        let mut bytes = text.clone().into_bytes();
        bytes.insert(text.find('经').unwrap(), 0xFF);
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.encoding, "UTF-8 (lossy)");
        assert_eq!(decoded.text.matches('\u{FFFD}').count(), 1);
    }

    #[test]
    fn nul_bytes_and_byte_soup_are_refused() {
        assert_eq!(
            decode(b"\x7FELF\x02\x01\x01\x00\x00\x00", None),
            Err(DecodeError::Binary(BinaryReason::NulByte { offset: 7 }))
        );
        let soup = b"ab\xFF\xFE\xFF\x80\x80\xFF\xFF";
        assert_eq!(
            decode(soup, None),
            Err(DecodeError::Undecodable {
                offset: 2,
                byte: 0xFF
            })
        );
    }
}
