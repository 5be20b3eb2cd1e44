//! Table cells turned to lines: a value alone in its cell (`力争 17家 |`)
//! measures what the cell above names (`新增规模以上工业企业 |`).

use fangan_model::fold::fold_str;

use crate::pinyin::strip_pinyin;
use crate::quantity::scan;

/// Longest cell, in characters, read as an indicator.
const MAX_CELL: usize = 40;

/// Longest line, in characters, read as a value cell without cell edges.
const MAX_VALUE_CELL: usize = 15;

/// The indicator named by the cell above the value at byte `at` of `text`:
/// the previous non-blank line, when that line is short and holds no
/// number, and the two lines are cells: one of them ends with a cell edge
/// (`|`), or the value's line is short and its unit its own (`bare`: a `万`
/// whose unit comes from the indicator is too weak a sign: `2万` above
/// `主题` is a forum's residue).
pub(crate) fn cell_above(text: &str, at: usize, bare: bool) -> Option<String> {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[line_start..line_end];
    let above = text[..line_start]
        .lines()
        .rev()
        .find(|l| !l.trim().trim_matches('|').trim().is_empty())?;
    let edged = |l: &str| l.trim_end().ends_with('|');
    let value_cell = !bare && fold_str(line).chars().count() <= MAX_VALUE_CELL;
    if !(edged(line) || edged(above) || value_cell) {
        return None;
    }
    let cell = fold_str(&strip_pinyin(above.trim().trim_matches('|')));
    if cell.ends_with(['。', ';', '!', '?']) {
        return None; // a sentence, not a cell
    }
    let cell = crate::marker::strip(&cell);
    let plain = !cell.chars().any(|c| c.is_ascii_digit()) && scan(cell).is_empty();
    (plain && !cell.is_empty() && cell.chars().count() <= MAX_CELL).then(|| cell.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_cell_takes_the_cell_above() {
        let text = "新增规模以上工业企业 |\n力争 17家 |\n";
        let at = text.find("17").unwrap();
        assert_eq!(cell_above(text, at, false).unwrap(), "新增规模以上工业企业");
    }

    #[test]
    fn a_short_value_line_is_a_cell() {
        let text = "地区生产总值\n增长6%左右\n";
        let at = text.find('6').unwrap();
        assert_eq!(cell_above(text, at, false).unwrap(), "地区生产总值");
        assert_eq!(cell_above(text, at, true), None);
    }

    #[test]
    fn no_table_no_cell() {
        let text = "[LV.10]以坛为家\n2万\n";
        assert_eq!(cell_above(text, text.find('2').unwrap(), true), None);
        let text = "主题\n2万\n";
        assert_eq!(cell_above(text, text.find('2').unwrap(), true), None);
        let text = "序号 |\n2024 |\n300 |\n";
        assert_eq!(cell_above(text, text.find("300").unwrap(), false), None);
        let text = "加快推进重点项目建设。\n全年完成投资30亿元,新增就业2000人。\n";
        assert_eq!(cell_above(text, text.find("30").unwrap(), false), None);
    }
}
