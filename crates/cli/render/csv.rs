//! CSV output (RFC 4180 quoting), small enough not to need a crate.

use std::io::Write;

/// Writes one CSV record: fields quoted when they hold `,`, `"` or a line
/// break; `"` doubled.
pub fn csv_row(out: &mut impl Write, fields: &[&str]) -> std::io::Result<()> {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        if f.contains([',', '"', '\n', '\r']) {
            write!(out, "\"{}\"", f.replace('"', "\"\""))?;
        } else {
            out.write_all(f.as_bytes())?;
        }
    }
    out.write_all(b"\r\n")
}

#[cfg(test)]
mod tests {
    #[test]
    fn quotes_only_when_needed() {
        let mut v = Vec::new();
        super::csv_row(&mut v, &["发改局", "a,b", "say \"hi\""]).unwrap();
        assert_eq!(
            String::from_utf8(v).unwrap(),
            "发改局,\"a,b\",\"say \"\"hi\"\"\"\r\n"
        );
    }
}
