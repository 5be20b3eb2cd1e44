//! Locating the raw responsibility note at the end of a clause.
//!
//! Reading a note into departments and roles is the `fangan-notes` crate's
//! job; here we only find where the note is: a bracketed group at the end
//! (`（县发改局牵头负责）`, `(牵头单位:…,责任单位:…)`, `[责任单位:…]`,
//! `【…】`) whose content names responsibility, or trailing lines that start
//! with `牵头单位:` / `责任单位:` / `配合单位:` / `责任领导:`.

use fangan_model::Span;

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
];

/// Keys that start a bracket-less note line.
const NOTE_KEYS: &[&str] = &[
    "牵头单位",
    "责任单位",
    "配合单位",
    "责任部门",
    "牵头部门",
    "配合部门",
    "责任领导",
    "完成时限",
];

/// Longest note read, in characters.
const MAX_NOTE_CHARS: usize = 400;

/// True when `inner` (a bracket's content, brackets included or not) reads
/// as a responsibility note.
pub fn is_note(inner: &str) -> bool {
    inner.chars().count() <= MAX_NOTE_CHARS
        && !inner.contains('。')
        && NOTE_WORDS.iter().any(|w| inner.contains(w))
}

/// The byte range (brackets included) of the bracketed group that closes
/// `text`, ignoring trailing white space and a final `。`.
pub fn trailing_bracket(text: &str) -> Option<Span> {
    let trimmed = text.trim_end().trim_end_matches('。').trim_end();
    let end = trimmed.len();
    let mut depth = 0usize;
    for (i, c) in trimmed.char_indices().rev() {
        match c {
            '）' | ')' | '】' | ']' => depth += 1,
            '（' | '(' | '【' | '[' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(Span::new(i, end));
                }
            }
            _ if depth == 0 => return None,
            _ => {}
        }
    }
    None
}

/// Byte ranges in `text` of the responsibility notes that end it (usually
/// zero or one).
pub fn locate(text: &str) -> Vec<Span> {
    if let Some(span) = trailing_bracket(text) {
        if is_note(span.slice(text)) {
            return vec![span];
        }
    }
    // bracket-less note lines at the end: `牵头单位:…` / `责任单位:…`
    let mut start = None;
    let mut line_start = text.len();
    for (i, line) in text.rsplit('\n').enumerate() {
        if i > 0 {
            line_start -= 1; // the '\n'
        }
        line_start -= line.len();
        let l = line.trim_start();
        let keyed = NOTE_KEYS.iter().any(|k| {
            l.strip_prefix(k)
                .is_some_and(|r| r.starts_with(':') || r.starts_with('：'))
        });
        if keyed {
            start = Some(line_start + (line.len() - l.len()));
        } else {
            break;
        }
    }
    if let Some(s) = start {
        return vec![Span::new(s, text.trim_end().len())];
    }
    // a note inside the last line: `…。牵头单位:X;责任单位:Y`, `…。【牵头单位】X【责任单位】Y`
    let mut best: Option<usize> = None;
    for k in NOTE_KEYS.iter().take(2) {
        for key in [
            format!("{k}:"),
            format!("{k}："),
            format!("【{k}】"),
            format!("[{k}]"),
        ] {
            if let Some(at) = text.rfind(&key) {
                let before = text[..at].trim_end();
                if before.ends_with('。') && !text[at..].contains('。') {
                    best = Some(best.map_or(at, |b: usize| b.min(at)));
                }
            }
        }
    }
    if let Some(at) = best {
        return vec![Span::new(at, text.trim_end().len())];
    }
    Vec::new()
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
            notes("项目建设。(牵头单位:区科技工信局,责任单位:区发改局、区贸促会等)"),
            ["(牵头单位:区科技工信局,责任单位:区发改局、区贸促会等)"]
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
    }

    #[test]
    fn brackets_that_are_not_notes_are_left_alone() {
        assert!(notes("争取举办第三届中国（平江）").is_empty());
        assert!(notes("完善雨污分流管网体系（含华电平江电厂）").is_empty());
    }

    #[test]
    fn bracket_less_note_lines() {
        let t = "加强组织领导。\n牵头单位:县发改局\n责任单位:县财政局、县商务局";
        assert_eq!(notes(t), ["牵头单位:县发改局\n责任单位:县财政局、县商务局"]);
        let t = "加强组织领导。牵头单位:县发改局;责任单位:县财政局";
        assert_eq!(notes(t), ["牵头单位:县发改局;责任单位:县财政局"]);
        let t = "3. 优化营商环境。深化改革。【牵头单位】县发改局【责任单位】县财政局、县商务局";
        assert_eq!(
            notes(t),
            ["【牵头单位】县发改局【责任单位】县财政局、县商务局"]
        );
        assert_eq!(
            notes("争取专项债券。（县财政局、县税务局协助）"),
            ["（县财政局、县税务局协助）"]
        );
    }
}
