//! The unnumbered text of a plan as paragraph units.
//!
//! What precedes the first numbered clause (the parser's front matter) holds
//! clauses a reader compares too: the purpose sentence (`为…，制定本方案。`),
//! a review of last year, the opening of the targets; a plan written with
//! no numbering at all is nothing else. It also holds what is not the
//! plan's text: the title, the document number, the addressee
//! (`各区、县人民政府…:`), the cover letter (`…现印发给你们，请认真贯彻执行。`),
//! the signature and the date, and a web page's residue.
//!
//! [`paragraphs`] cuts such a clause into paragraphs: at its own paragraph
//! breaks, and at the line breaks that follow a title-like line (a line with
//! no sentence punctuation never runs on into the next, even where the
//! parser joined it to the next as a cut sentence). [`is_plan_text`] keeps
//! the paragraphs that are running text of the plan.

use fangan_model::{fold, ClauseId, Document, Span};

use crate::profile::strip_pinyin;

/// Characters (after folding) under which a paragraph is a title, a date
/// or a signature rather than running text.
pub const MIN_PARAGRAPH_CHARS: usize = 15;

/// Punctuation inside a sentence or ending one: a line with none of it is
/// a title, a number, a name or a date.
const SENTENCE_MARKS: [char; 5] = ['，', ',', '。', '；', ';'];

/// Marks that end a paragraph when a line ends with them.
const FINAL_MARKS: [char; 9] = ['。', '；', ';', '：', ':', '！', '!', '？', '?'];

/// Phrases of the cover letter of an issuing notice (`印发通知`), which is
/// not the plan's text.
const COVER_LETTER: [&str; 4] = ["印发给你们", "现印发", "现予印发", "印发给各"];

/// One paragraph of a clause's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte range in the clause's `text`, white space trimmed.
    pub range: Span,
    /// 1-based line of the original file it starts on.
    pub line: usize,
}

/// The paragraphs of clause `id` of `doc`: its text cut at its own
/// paragraph breaks (`\n`) and after every source line that is title-like
/// (no sentence punctuation) or ends a sentence.
pub fn paragraphs(doc: &Document, id: ClauseId) -> Vec<Paragraph> {
    let c = &doc.clauses[id];
    let text = c.text.as_str();
    let source = |at: usize, len: usize| c.map.source_span(Span::new(at, at + len));
    let mut out = Vec::new();
    let mut start = 0;
    let mut line_start = 0;
    let mut prev: Option<Span> = None;
    let cut = |out: &mut Vec<Paragraph>, from: usize, to: usize| {
        let piece = &text[from..to];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if trimmed.is_empty() {
            return;
        }
        let s = from + lead;
        let range = Span::new(s, s + trimmed.len());
        let src = c.map.source_span(range);
        out.push(Paragraph {
            range,
            line: doc.line_of(src.start),
        });
    };
    for (at, ch) in text.char_indices() {
        if ch == '\n' {
            cut(&mut out, start, at);
            start = at + 1;
            line_start = at + 1;
            prev = None;
            continue;
        }
        let here = source(at, ch.len_utf8());
        if let Some(p) = prev {
            let broke = p.end <= here.start
                && doc
                    .text
                    .get(p.end..here.start)
                    .is_some_and(|gap| gap.contains('\n'));
            if broke {
                let line = text[line_start..at].trim();
                let title_like = !line.contains(SENTENCE_MARKS);
                let ended = line.ends_with(FINAL_MARKS);
                if title_like || ended {
                    cut(&mut out, start, at);
                    start = at;
                }
                line_start = at;
            }
        }
        prev = Some(here);
    }
    cut(&mut out, start, text.len());
    out
}

/// True when a paragraph is running text of the plan: long enough, with
/// sentence punctuation, neither an addressee line (ending with a colon)
/// nor the cover letter of the issuing notice.
pub fn is_plan_text(text: &str) -> bool {
    let folded = strip_pinyin(&fold::fold_str(text));
    let chars = folded.chars().filter(|c| c.is_alphanumeric()).count();
    chars >= MIN_PARAGRAPH_CHARS
        && folded.contains(SENTENCE_MARKS.map(fold_char))
        && !folded.ends_with([':', '：'])
        && !COVER_LETTER.iter().any(|p| folded.contains(p))
}

/// The folded form of one punctuation mark (full-width to ASCII).
fn fold_char(c: char) -> char {
    fold::fold_str(&c.to_string()).chars().next().unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use fangan_model::{Clause, Level, MappedText, PlanMeta, SectionKind};

    /// A plan whose whole text is one front clause, lines joined the way
    /// the parser joins a title to the sentence after it.
    fn front(lines: &[&str], joined: &[usize]) -> Document {
        let text = lines.join("\n");
        let mut b = fangan_model::MappedTextBuilder::new();
        let mut at = 0;
        for (i, l) in lines.iter().enumerate() {
            if i > 0 && !joined.contains(&i) {
                b.push('\n', Span::new(at - 1, at));
            }
            b.push_copied(l, at);
            at += l.len() + 1;
        }
        let map: MappedText = b.build();
        Document {
            meta: PlanMeta::default(),
            source: Default::default(),
            clauses: vec![Clause {
                path: "前言".into(),
                label: String::new(),
                level: Level::Front,
                heading: String::new(),
                text: map.text().to_string(),
                map,
                kind: SectionKind::Other,
                line: 1,
                end_line: lines.len(),
                span: Span::new(0, text.len()),
                parent: None,
                children: vec![],
                notes: vec![],
            }],
            text,
            residue: vec![],
            warnings: vec![],
        }
    }

    #[test]
    fn a_title_joined_to_the_purpose_sentence_is_cut_off() {
        let doc = front(
            &[
                "各区县（市）人民政府，市直机关各单位：",
                "《某市稳定经济运行实施方案》已经市人民政府同意，现印发给你们，",
                "（此件主动公开）",
                "某市稳定经济运行实施方案",
                "为促进全市经济平稳增长，结合本市实际，特制定本实施方案。",
            ],
            &[2, 3, 4],
        );
        let ps = paragraphs(&doc, 0);
        let texts: Vec<&str> = ps
            .iter()
            .map(|p| p.range.slice(&doc.clauses[0].text))
            .collect();
        assert_eq!(
            texts,
            vec![
                "各区县（市）人民政府，市直机关各单位：",
                "《某市稳定经济运行实施方案》已经市人民政府同意，现印发给你们，（此件主动公开）",
                "某市稳定经济运行实施方案",
                "为促进全市经济平稳增长，结合本市实际，特制定本实施方案。",
            ]
        );
        assert_eq!(
            ps.iter().map(|p| p.line).collect::<Vec<_>>(),
            vec![1, 2, 4, 5]
        );
        let kept: Vec<bool> = texts.iter().map(|t| is_plan_text(t)).collect();
        assert_eq!(kept, vec![false, false, false, true]);
    }

    #[test]
    fn a_sentence_cut_across_lines_stays_one_paragraph() {
        let doc = front(
            &["为推动全县经济平稳增长，结合", "桃源县实际，制定本方案。"],
            &[1],
        );
        let ps = paragraphs(&doc, 0);
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].line, 1);
    }

    #[test]
    fn traditional_and_pinyin_cover_letters_are_not_plan_text() {
        assert!(!is_plan_text(
            "《西安市工作方案》已經(jīng)市政府同意,現(xiàn)印發(fā)給你們,請認真貫徹執(zhí)行。"
        ));
        assert!(!is_plan_text("2023年3月23日"));
        assert!(is_plan_text(
            "為推進政府職能加快轉(zhuǎn)變,持續(xù)提升行政效能,制定本方案。"
        ));
    }
}
