//! Offset-preserving derived text.
//!
//! Normalization in fangan never loses the way back: every character of a
//! derived text remembers the byte range of its parent text it came from, so a
//! match found in a folded, cleaned or joined view can be highlighted in the
//! text the user sees and located in the original file.

use crate::Span;

/// A text derived from a parent text, with a map from each of its characters
/// to the byte range of the parent it stands for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MappedText {
    text: String,
    /// Byte offset in `text` of each character, plus `text.len()` at the end.
    starts: Vec<u32>,
    /// Parent byte range of each character.
    parent: Vec<(u32, u32)>,
}

/// Builds a [`MappedText`] one character or slice at a time.
#[derive(Debug, Default)]
pub struct MappedTextBuilder {
    inner: MappedText,
}

impl MappedTextBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty builder with room for about `bytes` bytes of text.
    pub fn with_capacity(bytes: usize) -> Self {
        let chars = bytes / 2 + 1;
        MappedTextBuilder {
            inner: MappedText {
                text: String::with_capacity(bytes),
                starts: Vec::with_capacity(chars + 1),
                parent: Vec::with_capacity(chars),
            },
        }
    }

    /// Appends `c`, standing for `parent` in the parent text.
    pub fn push(&mut self, c: char, parent: Span) -> &mut Self {
        let m = &mut self.inner;
        m.starts.push(m.text.len() as u32);
        m.parent.push((parent.start as u32, parent.end as u32));
        m.text.push(c);
        self
    }

    /// Appends `s`, copied unchanged from the parent at byte `parent_start`.
    pub fn push_copied(&mut self, s: &str, parent_start: usize) -> &mut Self {
        for (i, c) in s.char_indices() {
            let at = parent_start + i;
            self.push(c, Span::new(at, at + c.len_utf8()));
        }
        self
    }

    /// Appends the whole of `m`, whose parent is this builder's parent too
    /// (its characters keep their parent ranges). Copies in bulk.
    pub fn push_mapped(&mut self, m: &MappedText) -> &mut Self {
        let inner = &mut self.inner;
        let base = inner.text.len() as u32;
        let n = m.parent.len();
        inner.starts.extend(m.starts[..n].iter().map(|s| s + base));
        inner.parent.extend_from_slice(&m.parent);
        inner.text.push_str(&m.text);
        self
    }

    /// Byte length of the text built so far.
    pub fn len(&self) -> usize {
        self.inner.text.len()
    }

    /// True when nothing has been pushed.
    pub fn is_empty(&self) -> bool {
        self.inner.text.is_empty()
    }

    /// The text built so far.
    pub fn text(&self) -> &str {
        &self.inner.text
    }

    /// Removes trailing characters for which `drop` is true.
    pub fn trim_end_matches(&mut self, drop: impl Fn(char) -> bool) {
        let m = &mut self.inner;
        while let Some(c) = m.text.chars().next_back() {
            if !drop(c) {
                break;
            }
            m.text.pop();
            m.starts.pop();
            m.parent.pop();
        }
    }

    /// The finished text.
    pub fn build(mut self) -> MappedText {
        self.inner.starts.push(self.inner.text.len() as u32);
        self.inner
    }
}

impl MappedText {
    /// A text that is its own parent (the identity map).
    pub fn identity(text: &str) -> MappedText {
        let mut b = MappedTextBuilder::new();
        b.push_copied(text, 0);
        b.build()
    }

    /// The derived text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Number of characters of the derived text.
    pub fn char_len(&self) -> usize {
        self.parent.len()
    }

    /// Index of the character that starts at byte `byte` of the derived
    /// text (or the character containing it).
    pub fn char_at_byte(&self, byte: usize) -> usize {
        match self.starts.binary_search(&(byte as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset in the derived text of character `char_index`.
    pub fn byte_of_char(&self, char_index: usize) -> usize {
        self.starts[char_index.min(self.parent.len())] as usize
    }

    /// Parent byte range of the derived text's character `char_index`.
    pub fn parent_of_char(&self, char_index: usize) -> Span {
        let (s, e) = self.parent[char_index];
        Span::new(s as usize, e as usize)
    }

    /// The parent byte range covered by `span` (bytes of the derived text):
    /// from the start of its first character's origin to the end of its last
    /// character's origin. An empty span maps to an empty span at the origin
    /// of the next character (or the end of the last).
    pub fn source_span(&self, span: Span) -> Span {
        let first = self.char_at_byte(span.start);
        if span.is_empty() || first >= self.parent.len() {
            let at = if first < self.parent.len() {
                self.parent[first].0
            } else {
                self.parent.last().map_or(0, |p| p.1)
            };
            return Span::new(at as usize, at as usize);
        }
        let last = self.char_at_byte(span.end - 1);
        let start = self.parent[first].0 as usize;
        let end = (self.parent[last].1 as usize).max(start);
        Span::new(start, end)
    }

    /// Maps this text through `outer`, whose derived text is this text's
    /// parent: the result is this text mapped straight to `outer`'s parent.
    pub fn compose(&self, outer: &MappedText) -> MappedText {
        let mut b = MappedTextBuilder::new();
        for (i, c) in self.text.chars().enumerate() {
            let (s, e) = self.parent[i];
            b.push(c, outer.source_span(Span::new(s as usize, e as usize)));
        }
        b.build()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_mapped_equals_pushing_each_char() {
        let mut a = MappedTextBuilder::new();
        a.push('Ｘ', Span::new(0, 3));
        let mut one = MappedTextBuilder::new();
        one.push('发', Span::new(5, 8)).push('a', Span::new(9, 10));
        let one = one.build();
        let mut b = MappedTextBuilder::new();
        b.push('Ｘ', Span::new(0, 3));
        for (i, c) in one.text().chars().enumerate() {
            b.push(c, one.parent_of_char(i));
        }
        a.push_mapped(&one);
        assert_eq!(a.build(), b.build());
        let mut empty = MappedTextBuilder::new();
        empty.push_mapped(&MappedText::default());
        assert_eq!(empty.build(), MappedTextBuilder::new().build());
    }

    #[test]
    fn identity_maps_each_char_to_itself() {
        let m = MappedText::identity("专项债ab");
        assert_eq!(m.source_span(Span::new(3, 9)), Span::new(3, 9));
        assert_eq!(m.char_at_byte(9), 3);
        assert_eq!(m.byte_of_char(4), 10);
    }

    #[test]
    fn dropped_chars_are_skipped_and_ranges_widen() {
        // "要密\n\n切配合" with the blank line dropped
        let src = "要密\n\n切配合";
        let mut b = MappedTextBuilder::new();
        b.push_copied("要密", 0);
        b.push_copied("切配合", "要密\n\n".len());
        let m = b.build();
        assert_eq!(m.text(), "要密切配合");
        let hit = Span::new("要".len(), "要密切".len());
        let s = m.source_span(hit);
        assert_eq!(s.slice(src), "密\n\n切");
    }

    #[test]
    fn compose_goes_two_levels_down() {
        let src = "ＡＢ c";
        let mut mid = MappedTextBuilder::new();
        mid.push('A', Span::new(0, 3))
            .push('B', Span::new(3, 6))
            .push('c', Span::new(7, 8));
        let mid = mid.build();
        let top = MappedText::identity(mid.text());
        let both = top.compose(&mid);
        assert_eq!(both.source_span(Span::new(1, 3)).slice(src), "Ｂ c");
    }
}
