//! [`Table`]: the one way tables are written, on a terminal (columns
//! aligned by terminal width, so Chinese text lines up) and as CSV (one
//! quoting, one line ending, a header row always).

use std::io::{self, Write};

use super::columns::{pad, width};
use super::csv::csv_row;
use super::{paint, Style};

/// A table: a header row and rows of cells.
#[derive(Debug, Default)]
pub struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    right: Vec<bool>,
}

impl Table {
    /// A table with these column headers.
    pub fn new(headers: &[&str]) -> Table {
        Table {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            right: vec![false; headers.len()],
        }
    }

    /// Aligns these columns (numbers) to the right on a terminal.
    pub fn right(mut self, cols: &[usize]) -> Table {
        for &c in cols {
            if let Some(r) = self.right.get_mut(c) {
                *r = true;
            }
        }
        self
    }

    /// Adds a row.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Writes the table for a terminal; the last column is not padded.
    pub fn write(&self, out: &mut impl Write, color: bool) -> io::Result<()> {
        let n = self.headers.len();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| width(h)).collect();
        for r in &self.rows {
            for (i, c) in r.iter().enumerate().take(n) {
                widths[i] = widths[i].max(width(c));
            }
        }
        let line = |cells: &[String]| -> String {
            let mut s = String::new();
            for (i, c) in cells.iter().enumerate().take(n) {
                if i > 0 {
                    s.push_str("  ");
                }
                if self.right[i] {
                    s.push_str(&" ".repeat(widths[i].saturating_sub(width(c))));
                    s.push_str(c);
                } else if i + 1 == n {
                    s.push_str(c);
                } else {
                    s.push_str(&pad(c, widths[i]));
                }
            }
            s.trim_end().to_string()
        };
        writeln!(out, "{}", paint(&line(&self.headers), Style::Bold, color))?;
        for r in &self.rows {
            writeln!(out, "{}", line(r))?;
        }
        Ok(())
    }

    /// Writes the table as CSV.
    pub fn write_csv(&self, out: &mut impl Write) -> io::Result<()> {
        let h: Vec<&str> = self.headers.iter().map(String::as_str).collect();
        csv_row(out, &h)?;
        for r in &self.rows {
            let cells: Vec<&str> = r.iter().map(String::as_str).collect();
            csv_row(out, &cells)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_columns_line_up_and_csv_has_a_header() {
        let mut t = Table::new(&["id", "county", "n"]).right(&[2]);
        t.row(vec!["a".into(), "平江县".into(), "5".into()]);
        t.row(vec!["bb".into(), "x".into(), "12".into()]);
        let mut v = Vec::new();
        t.write(&mut v, false).unwrap();
        let s = String::from_utf8(v).unwrap();
        assert_eq!(s, "id  county   n\na   平江县   5\nbb  x       12\n");
        let mut c = Vec::new();
        t.write_csv(&mut c).unwrap();
        assert_eq!(
            String::from_utf8(c).unwrap(),
            "id,county,n\r\na,平江县,5\r\nbb,x,12\r\n"
        );
    }
}
