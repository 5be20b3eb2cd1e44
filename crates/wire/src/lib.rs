//! fangan's JSON shapes: every object a command writes with `--format
//! json` (and the web interface serves) is defined here, once.
//!
//! **Offsets.** Every offset in fangan's JSON is a *character* offset
//! (Unicode scalar values, as Python's `str` indexes), written `[start,
//! end]` with the end excluded, into a text named by the object that
//! carries it:
//! - a clause's `span`: into its plan's text (the decoded file, line ends
//!   `\n`); `line` and `end_line` are 1-based lines of that text;
//! - a hit's `highlights`, a note's `span`: into the clause's `text`;
//! - a unit's, leader's or deadline's `span`: into the note's `text`;
//! - a target's `source`: into the plan's text.
//!
//! Inside the libraries every span is a byte range ([`fangan_model::Span`]);
//! the conversion happens here and nowhere else ([`Chars`]).

#![deny(missing_docs)]

pub mod best_match;
pub mod diff;
pub mod diff_targets;
pub mod export;
pub mod ingest;
pub mod leads;
pub mod plan;
pub mod reuse;
pub mod search;
pub mod targets;

use fangan_model::Span;

/// Converts byte offsets of one text to character offsets.
#[derive(Debug)]
pub struct Chars {
    starts: Vec<usize>,
}

impl Chars {
    /// The converter of `text`.
    pub fn new(text: &str) -> Chars {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        Chars { starts }
    }

    /// The character offset of byte `b` (of the character containing it).
    pub fn offset(&self, b: usize) -> usize {
        self.starts.partition_point(|&s| s < b)
    }

    /// A byte span as `[start, end]` characters.
    pub fn span(&self, s: Span) -> [usize; 2] {
        [self.offset(s.start), self.offset(s.end)]
    }

    /// Byte spans as `[start, end]` characters.
    pub fn spans(&self, spans: &[Span]) -> Vec<[usize; 2]> {
        spans.iter().map(|s| self.span(*s)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_spans_of_chinese_become_character_offsets() {
        let text = "发展ab改革";
        let c = Chars::new(text);
        let s = Span::new(
            text.find('a').unwrap(),
            text.find('改').unwrap() + '改'.len_utf8(),
        );
        assert_eq!(c.span(s), [2, 5]);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[2..5].iter().collect::<String>(), "ab改");
        assert_eq!(c.offset(text.len()), 6);
    }
}
