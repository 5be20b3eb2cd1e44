//! The `\u{5}SummaryInformation` stream of a compound file ([MS-OLEPS]): the
//! title (property 2), author (4) and creation time (12) of a Word 97 or
//! WPS document, strings in the set's code page (property 1; 936 is GBK).

use super::fib::{u16_at, u32_at};
use crate::read::properties::Properties;

/// Title, author and creation date of a summary information stream.
pub fn properties(stream: &[u8]) -> Properties {
    let mut props = Properties::default();
    if u16_at(stream, 0) != Some(0xFFFE) {
        return props;
    }
    let Some(set) = u32_at(stream, 44).map(|o| o as usize) else {
        return props;
    };
    let count = u32_at(stream, set + 4).unwrap_or(0).min(1000) as usize;
    let entries: Vec<(u32, usize)> = (0..count)
        .filter_map(|i| {
            let at = set + 8 + i * 8;
            Some((u32_at(stream, at)?, set + u32_at(stream, at + 4)? as usize))
        })
        .collect();
    let value = |id: u32| entries.iter().find(|(p, _)| *p == id).map(|(_, at)| *at);
    let code_page = value(1)
        .and_then(|at| u16_at(stream, at + 4))
        .unwrap_or(1252);
    if let Some(title) = value(2).and_then(|at| string(stream, at, code_page)) {
        props.set_title(&title);
    }
    if let Some(author) = value(4).and_then(|at| string(stream, at, code_page)) {
        props.set_source(&author);
    }
    if let Some(date) = value(12).and_then(|at| filetime_date(stream, at)) {
        props.published = Some(date);
    }
    props
}

/// A `VT_LPSTR` (in `code_page`) or `VT_LPWSTR` value at `at`.
fn string(stream: &[u8], at: usize, code_page: u16) -> Option<String> {
    let kind = u32_at(stream, at)?;
    let len = u32_at(stream, at + 4)? as usize;
    let start = at + 8;
    let text = match kind {
        30 => {
            let bytes = stream.get(start..start.checked_add(len)?)?;
            let encoding = match code_page {
                936 => encoding_rs::GBK,
                950 => encoding_rs::BIG5,
                65001 => encoding_rs::UTF_8,
                _ => encoding_rs::WINDOWS_1252,
            };
            encoding.decode_without_bom_handling(bytes).0.into_owned()
        }
        31 => {
            let bytes = stream.get(start..start.checked_add(len.checked_mul(2)?)?)?;
            encoding_rs::UTF_16LE
                .decode_without_bom_handling(bytes)
                .0
                .into_owned()
        }
        _ => return None,
    };
    Some(text.trim_end_matches('\0').to_string())
}

/// A `VT_FILETIME` value at `at` as `YYYY-MM-DD` (UTC).
fn filetime_date(stream: &[u8], at: usize) -> Option<String> {
    if u32_at(stream, at)? != 64 {
        return None;
    }
    let low = u64::from(u32_at(stream, at + 4)?);
    let high = u64::from(u32_at(stream, at + 8)?);
    let ticks = (high << 32) | low;
    // 100 ns ticks since 1601-01-01; 134774 days from 1601 to 1970.
    let days = (ticks / 10_000_000 / 86_400) as i64 - 134_774;
    let (y, m, d) = civil(days);
    (1980..=2200)
        .contains(&y)
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Year, month, day of a day count since 1970-01-01 (H. Hinnant's
/// algorithm).
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn property_set(props: &[(u32, Vec<u8>)]) -> Vec<u8> {
        let mut s = vec![0u8; 48];
        s[0..2].copy_from_slice(&0xFFFEu16.to_le_bytes());
        s[24..28].copy_from_slice(&1u32.to_le_bytes());
        s[44..48].copy_from_slice(&48u32.to_le_bytes());
        let mut set = vec![0u8; 8 + props.len() * 8];
        set[4..8].copy_from_slice(&(props.len() as u32).to_le_bytes());
        let mut values = Vec::new();
        for (i, (id, v)) in props.iter().enumerate() {
            let offset = (set.len() + values.len()) as u32;
            set[8 + i * 8..12 + i * 8].copy_from_slice(&id.to_le_bytes());
            set[12 + i * 8..16 + i * 8].copy_from_slice(&offset.to_le_bytes());
            values.extend_from_slice(v);
        }
        s.extend_from_slice(&set);
        s.extend_from_slice(&values);
        s
    }

    #[test]
    fn title_author_and_date_in_gbk() {
        let mut code_page = 2u32.to_le_bytes().to_vec();
        code_page.extend_from_slice(&936u16.to_le_bytes());
        code_page.extend_from_slice(&[0, 0]);
        let (title, _, _) = encoding_rs::GBK.encode("实施方案\0");
        let mut lpstr = 30u32.to_le_bytes().to_vec();
        lpstr.extend_from_slice(&(title.len() as u32).to_le_bytes());
        lpstr.extend_from_slice(&title);
        // 2025-03-01 00:00 UTC
        let ticks: u64 = (20_148 + 134_774) * 86_400 * 10_000_000;
        let mut filetime = 64u32.to_le_bytes().to_vec();
        filetime.extend_from_slice(&ticks.to_le_bytes());
        let stream = property_set(&[(1, code_page), (2, lpstr), (12, filetime)]);
        let p = properties(&stream);
        assert_eq!(p.title.as_deref(), Some("实施方案"));
        assert_eq!(p.published.as_deref(), Some("2025-03-01"));
        assert_eq!(properties(b"junk"), Properties::default());
        assert_eq!(civil(0), (1970, 1, 1));
    }
}
