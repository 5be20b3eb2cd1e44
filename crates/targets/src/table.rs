//! Tables turned to text: a column whose header names a unit
//! (`年度投资金额(万元)`) makes the bare numbers of its cells targets, each
//! measuring the row's item (`项目名称`) in the header's unit.
//!
//! Two shapes are read: one cell per line with rows between `|` lines (a
//! web table copied cell by cell), and one row per line with cells between
//! `|`. A number alone in a cell has no unit of its own, so the sentence
//! reader never sees it as a quantity.

use fangan_model::{fold::fold_str, Span};

use crate::pinyin::strip_pinyin;
use crate::unit::{unit_at, Unit, UnitClass};

/// A cell: its text folded and the byte range of its content in the text.
#[derive(Clone, Debug)]
struct Cell {
    text: String,
    span: Span,
}

/// A number of a unit column.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ColumnValue {
    /// Byte range of the number in the text.
    pub(crate) span: Span,
    pub(crate) value: f64,
    pub(crate) unit: Unit,
    /// The row's item and the column's name (`城北小学道路项目年度投资金额`).
    pub(crate) indicator: String,
}

/// The numbers of `text`'s unit columns, in order.
pub(crate) fn column_values(text: &str) -> Vec<ColumnValue> {
    let mut out = Vec::new();
    let mut header: Option<Header> = None;
    for row in rows(text) {
        if let Some(h) = Header::read(&row) {
            header = Some(h);
            continue;
        }
        let Some(h) = &header else { continue };
        if row.len() != h.width {
            continue;
        }
        let cell = &row[h.column];
        let Ok(value) = cell.text.parse::<f64>() else {
            continue;
        };
        let item = h.item.map_or("", |i| row[i].text.as_str());
        out.push(ColumnValue {
            span: cell.span,
            value,
            unit: h.unit.clone(),
            indicator: format!("{item}{}", h.name),
        });
    }
    out
}

/// A header row with a unit column.
struct Header {
    width: usize,
    column: usize,
    name: String,
    unit: Unit,
    /// The column naming each row's item.
    item: Option<usize>,
}

impl Header {
    /// The header of `row` when one of its cells names a unit: `名称(单位)`.
    fn read(row: &[Cell]) -> Option<Header> {
        if row.len() < 3 {
            return None;
        }
        let (column, name, unit) = row.iter().enumerate().find_map(|(i, c)| {
            let open = c.text.rfind('(')?;
            let inner = c.text[open + 1..].strip_suffix(')')?;
            let unit = unit_at(inner).filter(|u| u.len == inner.len())?;
            let usable = !matches!(unit.class, UnitClass::Skip | UnitClass::Bare);
            (usable && open > 0).then(|| (i, c.text[..open].to_string(), unit))
        })?;
        let item = row
            .iter()
            .position(|c| ["名称", "项目"].iter().any(|w| c.text.contains(w)));
        Some(Header {
            width: row.len(),
            column,
            name,
            unit,
            item,
        })
    }
}

/// The table rows of `text`: lines of cells between `|` lines, and lines
/// of three or more `|`-separated cells.
fn rows(text: &str) -> Vec<Vec<Cell>> {
    let mut out = Vec::new();
    let mut open: Option<Vec<Cell>> = None;
    let mut at = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let start = at;
        at += raw.len();
        let content = line.trim();
        if !content.is_empty() && content.chars().all(|c| c == '|') {
            // a row edge: the cells since the last edge are one row
            if let Some(row) = open.take().filter(|r| !r.is_empty()) {
                out.push(row);
            }
            open = Some(Vec::new());
            continue;
        }
        let inner = content.trim_matches('|');
        if inner.matches('|').count() >= 2 {
            out.push(cells(line, start));
            open = None;
            continue;
        }
        if let Some(row) = open.as_mut() {
            row.push(cell(line, start, line.trim_end().trim_end_matches('|')));
        }
    }
    out
}

/// The `|`-separated cells of `line` (at byte `start` of the text).
fn cells(line: &str, start: usize) -> Vec<Cell> {
    let mut out = Vec::new();
    let mut from = 0;
    for part in line.split('|') {
        let here = from;
        from += part.len() + 1;
        if part.trim().is_empty() && (here == 0 || from > line.len()) {
            continue; // before the first and after the last `|`
        }
        out.push(cell(&line[here..], start + here, part));
    }
    out
}

/// A cell whose content `part` starts `line` (at byte `start`).
fn cell(line: &str, start: usize, part: &str) -> Cell {
    let lead = part.len() - part.trim_start().len();
    let content = part.trim();
    debug_assert!(line.starts_with(part));
    let s = start + lead;
    Cell {
        text: fold_str(&strip_pinyin(content)),
        span: Span::new(s, s + content.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CELL_PER_LINE: &str = "|\n序号 |\n项目名称 |\n建设内容 |\n年度投资金额 (万元) |\n责任单位 |\n|\n1 |\n城北小学门前道路项目 |\n建成道路1.2公里。 |\n300 |\n住建局 |\n|\n2 |\n老旧小区改造项目 |\n改造小区3个。\n1360 |\n住建局 |\n|\n";

    #[test]
    fn a_unit_column_read_cell_by_cell() {
        let found = column_values(CELL_PER_LINE);
        let read: Vec<(f64, &str, &str)> = found
            .iter()
            .map(|v| (v.value, v.unit.name.as_str(), v.indicator.as_str()))
            .collect();
        assert_eq!(
            read,
            [
                (300.0, "万元", "城北小学门前道路项目年度投资金额"),
                (1360.0, "万元", "老旧小区改造项目年度投资金额")
            ]
        );
        assert_eq!(found[1].span.slice(CELL_PER_LINE), "1360");
    }

    #[test]
    fn a_unit_column_read_row_by_row() {
        let text =
            "| 序號 | 項目名稱 | 面積（畝） |\n| 1 | 高標準農田 | 500 |\n| 2 | 土地整治 | 待定 |\n";
        let found = column_values(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].indicator, "高标准农田面积");
        assert_eq!(found[0].unit.name, "亩");
        assert_eq!(found[0].span.slice(text), "500");
    }

    #[test]
    fn no_header_no_column() {
        assert!(column_values("|\n1 |\n300 |\n住建局 |\n|\n").is_empty());
        assert!(column_values("| 年份 | 2024 | 2025 |\n| 产值 | 300 | 400 |").is_empty());
    }
}
