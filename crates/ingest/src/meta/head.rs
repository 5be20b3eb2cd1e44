//! The lines metadata is read from: the head of a plan (its notice, title,
//! number and date) and its tail (the signature), cleaned of markdown and of
//! the pinyin annotations mirror sites put after characters (`發(fā)展`), with
//! a folded form (simplified, half-width, no spaces) to match on.

use fangan_model::fold::fold_str;

/// Non-blank lines read from the start of a plan.
const HEAD_LINES: usize = 80;
/// Non-blank lines read from its end.
const TAIL_LINES: usize = 25;

/// One non-blank line of the head or tail.
#[derive(Clone, Debug)]
pub struct Line {
    /// 1-based line number in the text.
    pub no: usize,
    /// The line as written, trimmed, without markdown or pinyin.
    pub raw: String,
    /// `raw` folded.
    pub folded: String,
    /// From the tail (the signature), not the head.
    pub tail: bool,
}

/// `raw` without markdown marks and pinyin annotations.
pub fn clean(raw: &str) -> String {
    let t = raw.trim().trim_start_matches('#').replace("**", "");
    fangan_targets::strip_pinyin(t.trim())
}

/// The head and tail lines of `text`.
pub fn lines(text: &str) -> Vec<Line> {
    let all: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l))
        .collect();
    let tail_from = all
        .len()
        .saturating_sub(TAIL_LINES)
        .max(HEAD_LINES.min(all.len()));
    let make = |&(no, l): &(usize, &str), tail: bool| {
        let raw = clean(l);
        Line {
            no,
            folded: fold_str(&raw),
            raw,
            tail,
        }
    };
    all.iter()
        .take(HEAD_LINES)
        .map(|l| make(l, false))
        .chain(all[tail_from..].iter().map(|l| make(l, true)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_and_markdown_go() {
        assert_eq!(
            clean("## **絳縣促進專業(yè)鎮(zhèn)發(fā)展**"),
            "絳縣促進專業鎮發展"
        );
        // brackets that are not pinyin stay
        assert_eq!(clean("方案(试行)"), "方案(试行)");
        assert_eq!(clean("GDP(a)"), "GDP(a)");
    }

    #[test]
    fn head_and_tail_do_not_overlap() {
        let text = (1..=200).map(|i| format!("第{i}行\n")).collect::<String>();
        let l = lines(&text);
        assert_eq!(l.len(), HEAD_LINES + TAIL_LINES);
        assert_eq!(l[HEAD_LINES].no, 200 - TAIL_LINES + 1);
        assert!(l[HEAD_LINES].tail);
        let short = lines("一\n\n二\n");
        assert_eq!(short.len(), 2);
        assert!(short.iter().all(|l| !l.tail));
    }
}
