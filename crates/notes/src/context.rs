//! What a whole plan says about how to read its notes: a declaration that
//! the unit listed first leads (`列第一位的为牵头单位`, `除标注为“牵头”单位外,
//! 列第一位的为牵头或汇总单位,下同`), and the unit columns of a task table
//! turned to text (`牵头单位` | `配合单位`, or one `责任单位` column), which
//! give bare cells their role.
//!
//! Both are read once per plan from its text; a note alone cannot say them.

use std::sync::LazyLock;

use fangan_model::Span;
use regex::Regex;

use crate::cleaned::Cleaned;

/// The unit columns of a plan's task table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Columns {
    /// No table header seen: bare cells name responsible units.
    #[default]
    Unknown,
    /// A lead column (`牵头单位`, `牵头责任单位`, `主办单位`) followed by
    /// others (`配合单位`, `责任单位`, `协同责任单位`): the first cell of a
    /// row leads, the next ones support.
    LeadThenOthers,
    /// One `责任单位` column, no lead column: cells name responsible units.
    Responsible,
}

/// How the notes of one plan are to be read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Conventions {
    /// The plan declares that the unit listed first leads: a note that marks
    /// no lead has its first unit as lead and the others as support.
    pub first_listed_leads: bool,
    /// The unit columns of the plan's task table, if it has one.
    pub columns: Columns,
    /// The table has a column of places (`建设地点`, `实施地点`) beside its
    /// unit columns: a row's cells that only name townships say where the
    /// work is done, not who answers for it.
    pub place_column: bool,
}

static FIRST_LISTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?:(?:列|排|排列|排名)(?:在|于)?(?:第一位?|首位|最前)(?:的|者)?(?:单位|部门)?|\
         第一(?:责任|主责|承办)?(?:单位|部门))(?:为|是|系|作为)(?:牵头|主办|主责)",
    )
    .expect("first listed")
});

/// Header cells that head a lead column.
const LEAD_COLUMNS: &[&str] = &[
    "牵头单位",
    "牵头部门",
    "牵头责任单位",
    "牵头单位(部门)",
    "主办单位",
    "主责单位",
];

/// Header cells that head a column of places.
const PLACE_COLUMNS: &[&str] = &[
    "建设地点",
    "实施地点",
    "项目地点",
    "建设地址",
    "项目地址",
    "实施地址",
    "地点",
    "所在地",
    "所在乡镇",
    "所在镇(街道)",
    "实施区域",
    "建设区域",
];

/// Header cells that head a column of other units.
const OTHER_COLUMNS: &[&str] = &[
    "配合单位",
    "配合部门",
    "协同单位",
    "协同责任单位",
    "协办单位",
    "参与单位",
    "责任单位",
    "责任部门",
    "配合责任单位",
];

/// The unit-column headers of the tables of a plan, where each one ends: a
/// plan may hold a table with one `责任单位` column (its targets) and then
/// one with `牵头单位` | `配合单位` (its tasks), and a row's bare cells take
/// the roles of the header above them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableHeaders {
    /// (byte offset in the original text where a header ends, its columns),
    /// in text order.
    headers: Vec<(usize, Columns)>,
}

impl TableHeaders {
    /// Finds the unit-column headers of `text` (the original text): runs of
    /// cells that each name a unit column (`牵头单位`, `配合单位`, `责任单位`),
    /// blank lines between them allowed.
    pub fn of(text: &str) -> TableHeaders {
        let c = Cleaned::with_lines(text);
        let folded = c.text();
        let mut headers = Vec::new();
        let mut block: Option<(bool, bool, usize)> = None;
        let mut start = 0usize;
        for line in folded.split('\n') {
            let end = start + line.len();
            let cell = line.trim_matches(|ch: char| ch == '|' || ch == ':' || ch.is_whitespace());
            let lead = LEAD_COLUMNS.contains(&cell);
            let other = OTHER_COLUMNS.contains(&cell);
            if lead || other {
                let (l, o, _) = block.unwrap_or_default();
                let at = c.source(Span::new(start, end)).end;
                block = Some((l || lead, o || other, at));
            } else if !cell.is_empty() {
                if let Some((l, _, at)) = block.take() {
                    let columns = if l {
                        Columns::LeadThenOthers
                    } else {
                        Columns::Responsible
                    };
                    headers.push((at, columns));
                }
            }
            start = end + 1;
        }
        TableHeaders { headers }
    }

    /// The columns of the nearest header before `offset`, if any.
    pub fn before(&self, offset: usize) -> Option<Columns> {
        let i = self.headers.partition_point(|&(at, _)| at <= offset);
        i.checked_sub(1).map(|i| self.headers[i].1)
    }
}

impl Conventions {
    /// Reads the conventions of a plan from its whole text.
    pub fn of(text: &str) -> Conventions {
        let c = Cleaned::with_lines(text);
        let folded = c.text();
        let first_listed_leads = FIRST_LISTED.is_match(&folded.replace('\n', ""));
        let mut lead = false;
        let mut others = false;
        let mut places = false;
        for cell in folded.split('\n') {
            let cell = cell.trim_matches(|ch: char| ch == '|' || ch == ':');
            if PLACE_COLUMNS.contains(&cell) {
                places = true;
            } else if LEAD_COLUMNS.contains(&cell) {
                lead = true;
            } else if OTHER_COLUMNS.contains(&cell) {
                others = true;
            }
        }
        let columns = match (lead, others) {
            (true, _) => Columns::LeadThenOthers,
            (false, true) => Columns::Responsible,
            _ => Columns::Unknown,
        };
        Conventions {
            first_listed_leads,
            columns,
            place_column: places && columns != Columns::Unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declaration_of_the_first_listed_lead() {
        let t = "一、扩大投资。责任单位:县财政局、县发改局(列第一位者为牵头单位,下同)\n";
        assert!(Conventions::of(t).first_listed_leads);
        let t = "（除標註爲“牽頭”單位外，列第一位的爲牽頭或彙總單位，下同）";
        assert!(Conventions::of(t).first_listed_leads);
        let t = "责任单位:市发改委、市财政局(第一责任单位为牵头单位,下同)";
        assert!(Conventions::of(t).first_listed_leads);
        let t = "各牵头单位要加强调度。责任单位:县财政局。";
        assert!(!Conventions::of(t).first_listed_leads);
    }

    #[test]
    fn each_table_gives_its_own_columns() {
        // targets with one 责任单位 column, then tasks with 牵头 | 配合
        let t = "附件1\n序号\n\n预期目标\n\n责任单位\n\n1\n\n地区生产总值增长5.5%左右\n\n区发展改革委\n附件2\n序号\n工作任务\n牵头单位\n\n配合单位\n1\n联动共建科学城\n区科技局\n";
        let h = TableHeaders::of(t);
        let at = |s: &str| t.find(s).unwrap();
        assert_eq!(h.before(at("附件1")), None);
        assert_eq!(h.before(at("区发展改革委")), Some(Columns::Responsible));
        assert_eq!(h.before(at("区科技局")), Some(Columns::LeadThenOthers));
        // offsets are in the original text, traditional and table residue included
        let t = "序號 |\n責任單位 |\n1 |\n區財政局 |\n";
        let h = TableHeaders::of(t);
        assert_eq!(
            h.before(t.find("區財政局").unwrap()),
            Some(Columns::Responsible)
        );
    }

    #[test]
    fn table_headers_give_the_columns() {
        let t = "附件\n序号\n\n主要工作举措\n\n牵头单位\n\n配合单位\n\n责任领导\n1\n";
        assert_eq!(Conventions::of(t).columns, Columns::LeadThenOthers);
        let t = "序號 |\n項目名稱 |\n責 任 單 位 |\n1 |\n";
        assert_eq!(Conventions::of(t).columns, Columns::Responsible);
        assert!(!Conventions::of(t).place_column);
        let t = "序号 |\n项目名称 |\n建设地点 |\n建设内容 |\n责任单位 |\n1 |\n";
        assert!(Conventions::of(t).place_column);
        // a place column without unit columns says nothing of notes
        assert!(!Conventions::of("序号\n建设地点\n1\n").place_column);
        // a running sentence is no header
        let t = "各牵头单位要切实承担牵头抓总责任。\n1\n发改局\n";
        assert_eq!(Conventions::of(t).columns, Columns::Unknown);
    }
}
