//! Locating the raw responsibility notes of a clause.
//!
//! Reading a note into departments and roles is the `fangan-notes` crate's
//! job; here we only find where notes are. Lines are read folded
//! ([`fangan_notes::Cleaned::with_lines`]: traditional characters, pinyin
//! annotations and table residue do not hide a note), and a note is:
//! - a bracketed group that ends a line (`（县发改局牵头负责）`,
//!   `(牵头单位:…;责任单位:…)`, `[责任单位:…]`, `〔责任单位:…〕`, a bare list
//!   of bodies `(市工信委、市财政局)`), or one left open at the clause's end
//!   (a page cut off);
//! - a run of labelled lines (`牵头单位:…` / `责任单位:…` / `协同责任单位:…` /
//!   `部门分工:…`, with their `责任领导:` / `完成时限:` lines);
//! - a label inside a line after a sentence (`…。牵头单位:X;责任单位:Y`,
//!   `…,责任单位为区发改委`);
//! - the unit cells of a table row turned to text: lines after the task
//!   that only name bodies (people's names may stand between them);
//! - a heading that says who leads what follows (`县高新区管委会牵头工作(6项)`).

use std::sync::LazyLock;

use fangan_model::Span;
use fangan_notes::shape::{is_generic, names_a_body, person_title};
use fangan_notes::Cleaned;
use regex::Regex;

/// Words that make a bracketed group a responsibility note.
const NOTE_WORDS: &[&str] = &[
    "牵头",
    "负责",
    "责任单位",
    "配合",
    "责任部门",
    "主责",
    "承办",
    "落实单位",
    "责任领导",
    "协助",
    "参与",
    "分工",
    "主办",
    "协办",
];

/// Longest note read, in characters.
const MAX_NOTE_CHARS: usize = 400;

/// A label that starts a note (or a line of one).
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "^[【\\[(〔]?(?:(?P<unit>牵头责任单位|主要责任单位|总牵头单位|总牵头部门|牵头单位|牵头部门|主责单位|\
         主办单位|责任单位|责任部门|协同责任单位|配合责任单位|配合单位|配合部门|协办单位|部门分工)|牵头负责领导|牵头责任领导|\
         责任领导|牵头领导|分管领导|分管[省市县区]领导|完成时限|完成时间|任务来源)(?:[:]|为|[】\\])〕])",
    )
    .expect("label")
});

/// A label of units inside a line, after a sentence or clause.
static INLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?:^|[。;,】\\]])(?P<at>[【\\[]?(?:牵头责任单位|牵头单位|牵头部门|主办单位|责任单位|责任部门)(?:[:]|为|[】\\]]))",
    )
    .expect("inline")
});

/// Remarks in brackets that are not notes (`(列第一位者为牵头单位,下同)`).
static REMARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("列第一位|排第一位|第一位的|下同|简称").expect("remark"));

/// A heading that carries a note.
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "^(?:[一二三四五六七八九十]+[、.]|\\([一二三四五六七八九十0-9]+\\)|[0-9]+[.、])?\
         (?P<note>[^。,;:()]{2,30}?(?:牵头|主办)的?(?:工作|任务|事项)(?:\\([^()]*\\))?)$",
    )
    .expect("heading")
});

const OPEN: &[char] = &['（', '(', '[', '【', '〔', '［'];
const CLOSE: &[char] = &['）', ')', ']', '】', '〕', '］'];

/// True when `bracket` (a bracketed group, brackets included or not)
/// reads as a responsibility note: it names responsibility, or it is a bare
/// list of bodies; a `。` inside only after a label (`〔责任单位:…。…下同。〕`).
pub fn is_note(bracket: &str) -> bool {
    note_kind(bracket).is_some()
}

/// How a bracketed group reads as a note.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// It names responsibility (`牵头`, `责任单位:`…).
    Worded,
    /// It only lists bodies (`(市工信委、市财政局)`).
    Bare,
}

fn note_kind(bracket: &str) -> Option<Kind> {
    let c = Cleaned::new(bracket);
    let t = c.text();
    let inner = t
        .strip_prefix(OPEN)
        .unwrap_or(t)
        .trim_end_matches(CLOSE)
        .trim_end_matches('。');
    let labelled = LABEL.is_match(inner);
    let plain = labelled || (!inner.contains('。') && !REMARK.is_match(inner));
    if inner.chars().count() > MAX_NOTE_CHARS {
        None
    } else if !plain {
        // a list of bodies, then the plan's legend and instructions
        // (`市税务局、市财政局,各县市、区政府,列第一位的为牵头单位,下同。以下均需…`)
        listed_before_legend(inner).then_some(Kind::Worded)
    } else if NOTE_WORDS.iter().any(|w| inner.contains(w)) {
        Some(Kind::Worded)
    } else {
        is_bare_list(inner).then_some(Kind::Bare)
    }
}

/// True when the line `s` (folded) only names bodies: a cell of units.
pub fn lists_bodies(s: &str) -> bool {
    // a cell is short and holds no sentence
    if s.contains('。') || s.chars().count() > 80 {
        return false;
    }
    let c = Cleaned::new(s);
    is_bare_list(c.text().trim_end_matches('。'))
}

/// True when `inner` starts with a list of bodies and goes on with a legend
/// on who leads (`…,列第一位的为牵头单位,下同。…`).
fn listed_before_legend(inner: &str) -> bool {
    let Some(m) = REMARK.find(inner) else {
        return false;
    };
    let Some(cut) = inner[..m.start()].rfind([',', ';']) else {
        return false;
    };
    let listed = &inner[..cut];
    // the first group names bodies (`各县市、区政府` after it shares a 各)
    let first = listed.split([',', ';']).next().unwrap_or("");
    inner[cut..].contains("牵头") && !listed.contains('。') && is_bare_list(first)
}

/// True when every item of `s` names a body (`市工信委、市财政局`), at least
/// one of them a particular one.
fn is_bare_list(s: &str) -> bool {
    let mut any = false;
    for item in s.split(['、', ',', ';']) {
        let item = item.trim_start_matches(['★', '☆']).trim_end_matches('等');
        let item = item.strip_suffix("等部门").unwrap_or(item);
        if item.is_empty() {
            continue;
        }
        // a labelled value (`来源:县府办`) is not a list of bodies
        if item.contains(':') {
            return false;
        }
        if is_generic(item) && item.chars().count() <= 16 {
            continue;
        }
        // 高新园(新桥镇), 应急管理局(安委办): a name with its second name
        let (outer, inner) = match item.strip_suffix(')').and_then(|i| i.rsplit_once('(')) {
            Some((o, i)) => (o, i),
            None => (item, ""),
        };
        if !names_a_body(item) && !names_a_body(outer) && !names_a_body(inner) {
            return false;
        }
        any = true;
    }
    any
}

/// The byte range (brackets included) of the bracketed group that closes
/// `text`, ignoring trailing white space and a final `。`.
pub fn trailing_bracket(text: &str) -> Option<Span> {
    let trimmed = text
        .trim_end()
        .trim_end_matches(['。', ';', '；'])
        .trim_end();
    let end = trimmed.len();
    let mut depth = 0usize;
    for (i, c) in trimmed.char_indices().rev() {
        if CLOSE.contains(&c) {
            depth += 1;
        } else if OPEN.contains(&c) {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                return Some(Span::new(i, end));
            }
        } else if depth == 0 {
            return None;
        }
    }
    None
}

/// Byte ranges in `text` (a clause's text) of its responsibility notes, in
/// text order.
pub fn locate(text: &str) -> Vec<Span> {
    let c = Cleaned::with_lines(text);
    let v = c.text();
    let lines = line_spans(v);
    let mut found: Vec<Span> = Vec::new();
    if let Some(first) = lines.iter().find(|l| !l.is_empty()) {
        if let Some(m) = HEADING
            .captures(first.slice(v))
            .and_then(|m| m.name("note"))
        {
            found.push(Span::new(first.start + m.start(), first.start + m.end()));
        }
    }
    let last = lines.iter().rposition(|l| !l.is_empty());
    for (i, line) in lines.iter().enumerate() {
        let s = line.slice(v);
        if let Some(b) = trailing_bracket(s) {
            // a bare list stands after a task, not after a name
            // (`高新园(新桥镇)` is one name)
            let before = s[..b.start].trim_end();
            // nor after a labelled name (`来源:市府办(市外事办)`: its second name)
            let owner = before
                .rsplit([':', ',', '、', ';', '。'])
                .next()
                .unwrap_or("");
            let after_task = before.ends_with(['。', ';', '!', '?'])
                || (before.chars().count() > 12 && !names_a_body(owner));
            let take = match note_kind(b.slice(s)) {
                Some(Kind::Worded) => true,
                Some(Kind::Bare) => after_task,
                None => false,
            };
            if take {
                found.push(Span::new(line.start + b.start, line.start + b.end));
                continue;
            }
        }
        if Some(i) == last {
            if let Some(at) = open_at_end(s) {
                found.push(Span::new(line.start + at, line.end));
                continue;
            }
        }
        found.extend(
            notes_before_items(s)
                .into_iter()
                .map(|b| Span::new(line.start + b.start, line.start + b.end)),
        );
        if let Some(b) = running_note(s) {
            found.push(Span::new(line.start + b.start, line.start + b.end));
            continue;
        }
        if let Some(m) = INLINE.captures(s).and_then(|m| m.name("at")) {
            let rest = s[m.start()..].trim_end_matches('。');
            if m.start() > 0 && !rest.contains('。') {
                found.push(Span::new(line.start + m.start(), line.end));
            }
        }
    }
    found.extend(labelled_blocks(v, &lines));
    found.extend(cell_runs(v, &lines));
    found.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut out: Vec<Span> = Vec::new();
    for s in found {
        if out.last().is_some_and(|p| s.start < p.end) {
            continue;
        }
        out.push(s);
    }
    out.into_iter().map(|s| c.source(s)).collect()
}

/// A sentence that only says who does the task, closing a line:
/// `此项工作由县发改局牵头,县财政局配合,各乡镇具体负责。`,
/// `县政务服务中心负责,县直各有关部门参与。` Every part of it is a list of
/// bodies ended by a role word, and one part names a particular body.
fn running_note(line: &str) -> Option<Span> {
    let t = line.trim_end();
    let body = t.strip_suffix('。')?;
    // the last sentence, after a task sentence before it
    let start = body.rfind(['。', ';', '!', '?']).map_or(0, |i| {
        i + body[i..].chars().next().map_or(1, char::len_utf8)
    });
    if start == 0 {
        return None;
    }
    let sentence = &body[start..];
    let mut rest = RUNNING_SUBJECT
        .find(sentence)
        .map_or(sentence, |m| &sentence[m.end()..]);
    rest = rest.strip_prefix('由').unwrap_or(rest);
    let mut named = false;
    let mut first = true;
    for part in rest.split([',', ';']) {
        let m = ROLE_END.find(part)?;
        let list = &part[..m.start()];
        let verb = m.as_str();
        // the first part leads or answers for the task (not `…配合`)
        let leads = ["牵头", "主办", "负责", "责任"];
        if first && !leads.iter().any(|w| verb.contains(w)) {
            return None;
        }
        first = false;
        if list.is_empty() {
            return None;
        }
        if is_bare_list(list) {
            named = true;
        } else if !list
            .split('、')
            .all(|i| is_generic(i.trim_end_matches('等')))
        {
            return None;
        }
    }
    named.then(|| Span::new(start, t.len()))
}

/// What a running note may start with (`此项工作`).
static RUNNING_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("^(?:此项|该项|这项|以上|上述|本项)(?:工作|任务|措施)").expect("subject")
});

/// The role word that ends a part of a running note.
static ROLE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?:等(?:相关|有关)?(?:单位|部门)?)?(?:分别|共同|具体|积极)?(?:为(?:牵头|配合|协办|责任)(?:单位|部门)|\
         牵头(?:负责)?|主办|配合|协办|协助|参与|(?:按职责分工)?负责(?:落实|实施)?)$",
    )
    .expect("role end")
});

/// Notes inside a line whose tasks run on (`…条件。(省商务厅等按职责分工负责)2.落实…`):
/// a bracketed group that names responsibility, after the end of a sentence
/// and before the label of the next item (`2.`, `(二)`, `三、`).
fn notes_before_items(line: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for m in ITEM_START.find_iter(line) {
        let before = &line[..m.start()];
        let Some(b) = trailing_bracket(before) else {
            continue;
        };
        let ends_sentence = before[..b.start]
            .trim_end()
            .ends_with(['。', ';', '!', '?']);
        if b.start > 0 && ends_sentence && note_kind(b.slice(before)) == Some(Kind::Worded) {
            out.push(b);
        }
    }
    out
}

/// The label that starts an item run on in a line.
static ITEM_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?:[0-9]{1,3}[.、]|\\([一二三四五六七八九十0-9]{1,3}\\)|[一二三四五六七八九十]{1,3}、)",
    )
    .expect("item start")
});

/// The lines of `v`, as byte ranges (without their `\n`).
fn line_spans(v: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in v.split('\n') {
        out.push(Span::new(start, start + line.len()));
        start += line.len() + 1;
    }
    out
}

/// Where a bracket opened near the end of `line` is left open (the page is
/// cut off inside a note): `…。(牵头单位:省发改委;责任单位:省编办、`.
fn open_at_end(line: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in line.char_indices().rev() {
        if CLOSE.contains(&c) {
            depth += 1;
        } else if OPEN.contains(&c) {
            if depth == 0 {
                let inner = &line[i..];
                let starts_note = LABEL.is_match(&inner[c.len_utf8()..]) || inner.contains("牵头");
                return (i > 0 && starts_note && is_note(inner)).then_some(i);
            }
            depth -= 1;
        }
    }
    None
}

/// Runs of labelled lines that name units (`牵头单位:…` then `责任单位:…`),
/// with their leader and deadline lines.
fn labelled_blocks(v: &str, lines: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut block: Option<(Span, bool)> = None;
    let mut open_label = false;
    for line in lines.iter().filter(|l| !l.is_empty()) {
        let s = line.slice(v);
        match LABEL.captures(s) {
            Some(m) => {
                let units = m.name("unit").is_some();
                block = Some(match block {
                    Some((b, u)) => (Span::new(b.start, line.end), u || units),
                    None => (*line, units),
                });
                // `牵头单位: | 市城管执法局 |`: a table cell, its value in the next cell
                open_label = m.get(0).is_some_and(|l| l.end() == s.len()) && units;
            }
            None if open_label => {
                if let Some((b, u)) = block {
                    block = Some((Span::new(b.start, line.end), u));
                }
                open_label = false;
            }
            None => {
                if let Some((b, true)) = block.take() {
                    out.push(b);
                }
                // a label after the task's sentence starts a block that may
                // go on in the next line (`…。牵头单位:市工信局` /
                // `配合单位:市发改委`, cut at the space after a body)
                if let Some(m) = INLINE.captures(s).and_then(|m| m.name("at")) {
                    if m.start() > 0 && !s[m.start()..].contains('。') {
                        block = Some((Span::new(line.start + m.start(), line.end), true));
                    }
                }
            }
        }
    }
    if let Some((b, true)) = block {
        out.push(b);
    }
    out
}

/// What a line of a table row turned to text holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cell {
    /// Names of bodies only; true when one of them is a particular body.
    Units(bool),
    /// A person's name or post (`陈国平`, `常务副市长`).
    Person,
    Blank,
    Other,
}

fn cell(s: &str) -> Cell {
    let s = s.trim_end_matches('。');
    if s.is_empty() {
        return Cell::Blank;
    }
    // a line ending with a colon introduces what follows (the addressees
    // of a notice `各镇人民政府、…,市政府各部门:`): no cell
    if s.ends_with(':') {
        return Cell::Other;
    }
    if is_bare_list(s) {
        return Cell::Units(true);
    }
    let n = s.chars().count();
    let han = s.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    if han && (2..=4).contains(&n) || han && n <= 8 && person_title(s).is_some() {
        return Cell::Person;
    }
    if s.split(['、', ','])
        .all(|i| is_generic(i.trim_end_matches('等')))
        && n <= 30
    {
        return Cell::Units(false);
    }
    Cell::Other
}

/// A line that is only a date (`2024年4月2日`, or `2022121日` with its 年月
/// lost, perhaps followed by `(此件公开发布)`): the date of a signature.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "^(?:(?:[0-9]{4}|[〇一二三四五六七八九零]{4})年[0-9一二三四五六七八九十]{1,2}月[0-9一二三四五六七八九十]{1,3}日(?:印发)?\
         |20[0-9]{4,6}日?)(?:\\([^()]*\\))?$",
    )
    .expect("date")
});

/// A body that issues a plan (`洋县人民政府`, `县政府办公室`).
static ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("(?:人民政府|政府|办公室|办公厅|委员会|党委|县委|市委|区委)$").expect("issuer")
});

/// Unit cells after a task line: each run of lines naming bodies (people
/// between them allowed) after a line of text, from its first unit line
/// to its last.
fn cell_runs(v: &str, lines: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut run: Option<(Span, bool)> = None;
    let mut after_text = false;
    for line in lines {
        let kind = cell(line.slice(v));
        match kind {
            Cell::Units(specific) if after_text => {
                run = Some(match run {
                    Some((r, sp)) => (Span::new(r.start, line.end), sp || specific),
                    None => (*line, specific),
                });
            }
            Cell::Person | Cell::Blank => {}
            _ => {
                if let Some((r, true)) = run.take() {
                    // the issuer above the date is the signature, not a cell
                    let signed = DATE.is_match(line.slice(v))
                        && r.slice(v)
                            .split('\n')
                            .all(|l| l.is_empty() || ISSUER.is_match(l));
                    if !signed {
                        out.push(r);
                    }
                }
                after_text = kind == Cell::Other;
            }
        }
    }
    if let Some((r, true)) = run {
        out.push(r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notes(text: &str) -> Vec<&str> {
        locate(text).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn bracketed_notes_in_every_style() {
        assert_eq!(
            notes("建立机制。（县发改局牵头负责）"),
            ["（县发改局牵头负责）"]
        );
        assert_eq!(
            notes("推动发展。(县人社局牵头,县发改局、县财政局等按职责分工负责)"),
            ["(县人社局牵头,县发改局、县财政局等按职责分工负责)"]
        );
        assert_eq!(
            notes("落实政策。[责任单位:县财政局]"),
            ["[责任单位:县财政局]"]
        );
        assert_eq!(notes("落实政策。【县财政局负责】。"), ["【县财政局负责】"]);
        assert_eq!(
            notes("推进工作。(县商务粮食局、工商联牵头,各相关乡镇（街道）等按职责分工负责)"),
            ["(县商务粮食局、工商联牵头,各相关乡镇（街道）等按职责分工负责)"]
        );
        assert_eq!(
            notes("争取专项债券。（县财政局、县税务局协助）"),
            ["（县财政局、县税务局协助）"]
        );
        // 〔〕 brackets, with prose after the units
        let t =
            "强化数据共享。〔责任单位:省发改委、省市场监管局按职责分工负责。不再做分工,下同。〕";
        assert_eq!(
            notes(t),
            ["〔责任单位:省发改委、省市场监管局按职责分工负责。不再做分工,下同。〕"]
        );
        // a bare list of bodies, traditional
        assert_eq!(
            notes("加快培育新興產業集群。(市工信委、市財政局)"),
            ["(市工信委、市財政局)"]
        );
    }

    #[test]
    fn brackets_that_are_not_notes_are_left_alone() {
        assert!(notes("争取举办第三届中国（平江）").is_empty());
        assert!(notes("完善雨污分流管网体系（含华电平江电厂）").is_empty());
        assert!(notes("设立市场监管执法队(以下简称市场监管局)").is_empty());
        // a declaration in brackets is not the note: the labelled line is
        let t = "推进征收。\n责任单位:区不动产登记中心、青山镇(列第一位者为牵头或汇总单位,下同)";
        assert_eq!(
            notes(t),
            ["责任单位:区不动产登记中心、青山镇(列第一位者为牵头或汇总单位,下同)"]
        );
    }

    #[test]
    fn notes_at_every_line_end_and_cut_off() {
        let t = "二、加快推进项目建设\n4. 加强项目谋划。(区发改局牵头,区财政局等部门,区交投公司配合)\n5. 强化项目会办。";
        assert_eq!(notes(t), ["(区发改局牵头,区财政局等部门,区交投公司配合)"]);
        let t = "(一)提高市场开放程度。全面开放市场。(牽頭單位:省發展改革委;責任單位:省編辦、省住建廳、";
        assert_eq!(
            notes(t),
            ["(牽頭單位:省發展改革委;責任單位:省編辦、省住建廳、"]
        );
    }

    #[test]
    fn labelled_lines_and_labels_in_a_line() {
        let t = "加强组织领导。\n牵头单位:县发改局\n责任单位:县财政局、县商务局";
        assert_eq!(notes(t), ["牵头单位:县发改局\n责任单位:县财政局、县商务局"]);
        let t = "1. 地区生产总值增长7.5%。\n牵头责任领导:刘德明。\n牵头责任单位:市发展改革委。\n协同责任单位:市农业农村局、东城经开区。\n完成时限:2024年12月";
        assert_eq!(
            notes(t),
            ["牵头责任领导:刘德明。\n牵头责任单位:市发展改革委。\n协同责任单位:市农业农村局、东城经开区。\n完成时限:2024年12月"]
        );
        let t = "1.地区生产总值增长6%以上。\n分管省领导:李文涛\n部门分工:省发展改革委牵头,各地、各部门配合。";
        assert_eq!(
            notes(t),
            ["分管省领导:李文涛\n部门分工:省发展改革委牵头,各地、各部门配合。"]
        );
        // a note naming only people is none
        assert!(notes("1.地区生产总值增长6%以上。\n分管省领导:李文涛").is_empty());
        let t = "加强组织领导。牵头单位:县发改局;责任单位:县财政局";
        assert_eq!(notes(t), ["牵头单位:县发改局;责任单位:县财政局"]);
        let t = "3. 优化营商环境。深化改革。【牵头单位】县发改局【责任单位】县财政局、县商务局";
        assert_eq!(
            notes(t),
            ["【牵头单位】县发改局【责任单位】县财政局、县商务局"]
        );
        // labels on one line, the second after a space
        let t = "1.推进产业升级。牵头单位:市工信局 配合单位:市发改委、市财政局\n2.推动消费复苏。";
        assert_eq!(notes(t), ["牵头单位:市工信局 配合单位:市发改委、市财政局"]);
        let t = "推进城市更新,实施老旧小区改造,责任单位为区住建局、区财政局。";
        assert_eq!(notes(t), ["责任单位为区住建局、区财政局。"]);
        assert!(notes("各责任单位为此要加强调度。").is_empty());
    }

    #[test]
    fn table_cells_after_the_task() {
        let t =
            "1\n推动城乡融合,培育特色产业。\n区农业农村局\n区发展改革局、滨江新城管委会\n陈国平";
        assert_eq!(notes(t), ["区农业农村局\n区发展改革局、滨江新城管委会"]);
        let t =
            "(1)地区生产总值增长6%左右。\n赵志刚\n发改局\n经开区\n高新园\n(新桥镇)\n各街道\n统计局";
        assert_eq!(
            notes(t),
            ["发改局\n经开区\n高新园\n(新桥镇)\n各街道\n统计局"]
        );
        let t = "1.地區(qū)生產(chǎn)總值增長(zhǎng)5%以上。\n|\n孫(sūn) 明\n|\n★區(qū)發(fā)改委、統(tǒng)計(jì)局\n|";
        assert_eq!(notes(t), ["★區(qū)發(fā)改委、統(tǒng)計(jì)局"]);
        let t = "1 |\n城關中小學改造項目 |\n相關鎮 (街道) |\n2024 |\n改造學校運動場地。 |\n300 |\n教體局 |";
        assert_eq!(notes(t), ["教體局"]);
        // a task line that ends like a body is no cell
        assert!(notes("一、做大产业\n建设3个产业园").is_empty());
    }

    #[test]
    fn notes_of_tasks_run_on_in_one_line() {
        let t = "(一)扩大消费。1.改善消费条件。(省商务厅、省财政厅等相关部门按职责分工负责) 2.落实促消费措施。(省发展改革委牵头,省商务厅等按职责分工负责) (二)稳住投资。";
        assert_eq!(
            notes(t),
            [
                "(省商务厅、省财政厅等相关部门按职责分工负责)",
                "(省发展改革委牵头,省商务厅等按职责分工负责)"
            ]
        );
        // a bracket inside a sentence is not a note
        assert!(notes("1.支持(省财政厅负责的)项目。2.推进改革。").is_empty());
    }

    #[test]
    fn addressees_and_second_names_are_no_notes() {
        let t = "东城县人民政府关于印发重点工作的通知\n信息来源:县府办(县外事办)\n各镇人民政府、街道办事处,县政府各部门:\n现将方案印发给你们。";
        assert_eq!(notes(t), Vec::<String>::new());
        let t = "加快推进重点项目建设,确保按期投产见效(县发改局、县财政局)";
        assert_eq!(notes(t), ["(县发改局、县财政局)"]);
    }

    #[test]
    fn a_signature_is_no_cell() {
        let t = "请认真贯彻执行。\n东城县人民政府\n2024年4月2日\n附件";
        assert!(notes(t).is_empty());
        let t = "请认真贯彻执行。\n东城县人民政府\n\n2024年4月2日";
        assert!(notes(t).is_empty());
        // a unit cell before a deadline cell stays
        let t = "1\n改造老旧小区。\n县住建局\n2024年12月31日";
        assert_eq!(notes(t), ["县住建局"]);
    }

    #[test]
    fn notes_of_other_plans_styles() {
        // 主要责任单位 after a leader's post, lines apart
        let t = "1.地区生产总值比上年增长4.5%以上。\n\n牵头领导:常务副区长\n\n主要责任单位:区发展改革委\n\n完成时";
        assert_eq!(
            notes(t),
            ["牵头领导:常务副区长\n\n主要责任单位:区发展改革委"]
        );
        // a label in a table cell, its value in the next cell
        let t = "重点工作: | 135.统筹违法建设治理。 |\n牵头单位: | 市城市管理综合执法局 |\n年度阶段性工作目标: | 第一季度:完成20%。 |";
        assert_eq!(notes(t), ["牵头单位: | 市城市管理综合执法局"]);
        // a list of bodies with the plan's legend after it, tasks run on in one line
        let t = "(一)强化财税政策。延续实施。(市税务局、市财政局,各县市、区政府,列第一位的为牵头单位,下同。以下均需各县市、区政府落实,不再列出)(二)加强产业基金支持。";
        assert_eq!(
            notes(t),
            ["(市税务局、市财政局,各县市、区政府,列第一位的为牵头单位,下同。以下均需各县市、区政府落实,不再列出)"]
        );
        // a legend alone is still no note
        assert!(notes("推进改革。(列第一位的为牵头单位,下同)").is_empty());
    }

    #[test]
    fn running_sentences_that_say_who_does_the_task() {
        let t = "1.加快重点项目建设。此项工作由县发改局牵头,县财政局、县自然资源局配合,各乡镇(街道)具体负责。";
        assert_eq!(
            notes(t),
            ["此项工作由县发改局牵头,县财政局、县自然资源局配合,各乡镇(街道)具体负责。"]
        );
        let t = "3.发展旅游。市文旅局为牵头单位,市财政局为配合单位。";
        assert_eq!(notes(t), ["市文旅局为牵头单位,市财政局为配合单位。"]);
        let t = "4.优化营商环境。县政务服务中心负责,县直各有关部门参与。";
        assert_eq!(notes(t), ["县政务服务中心负责,县直各有关部门参与。"]);
        // sentences that do more than name who does it are task text
        assert!(notes("2.保障资金。县财政局负责资金保障。").is_empty());
        assert!(notes("3.协同推进。各乡镇要积极配合。").is_empty());
        assert!(notes("5.加强统筹。由县政府统一负责。").is_empty());
        // a line that is only the sentence is not taken (no task before it)
        assert!(notes("县发改局牵头负责。").is_empty());
    }

    #[test]
    fn a_signature_with_a_garbled_date_is_no_cell() {
        let t = "现印发给你们。\n\n重庆市某区人民政府办公室\n\n2022121日\n\n(此件公开发布)";
        assert_eq!(notes(t), Vec::<String>::new());
    }

    #[test]
    fn heading_that_carries_a_note() {
        let t = "一、县高新区管委会牵头工作(6项)";
        assert_eq!(notes(t), ["县高新区管委会牵头工作(6项)"]);
        assert!(notes("一、加快建设产业园区").is_empty());
    }
}
