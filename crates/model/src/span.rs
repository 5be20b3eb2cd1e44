//! Byte ranges: the one offset convention of fangan.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into some UTF-8 text.
///
/// Every span in fangan's types is a byte range; character offsets appear
/// only at the JSON boundary, converted with [`Span::to_chars`].
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The slice of `text` this span covers.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// The same range as character offsets into `text`.
    pub fn to_chars(&self, text: &str) -> (usize, usize) {
        let start = text[..self.start].chars().count();
        let len = text[self.start..self.end].chars().count();
        (start, start + len)
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_of_chinese_span() {
        let text = "一、工作目标";
        let span = Span::new("一、".len(), text.len());
        assert_eq!(span.slice(text), "工作目标");
        assert_eq!(span.to_chars(text), (2, 6));
        assert_eq!(span.len(), 12);
    }
}
