//! A compact map from each character of a compared text back to its byte
//! range in the plan's original text: about one byte per character, so the
//! whole of a 1 GB corpus can stay in memory while passages are aligned.
//!
//! Each character stores, in one byte, the distance from the previous
//! character's start (6 bits) and its own length in the original (2 bits);
//! larger jumps and lengths go to a small table of exceptions. Every
//! [`BLOCK`] characters the absolute start is stored, so a look-up adds at
//! most `BLOCK - 1` distances.

use fangan_model::Span;

/// Characters per stored absolute offset.
const BLOCK: usize = 32;
/// Escape value of the 6-bit distance.
const FAR: u8 = 63;

/// Byte range in the original text of every character of a compared text.
#[derive(Clone, Debug, Default)]
pub struct OffsetMap {
    /// Absolute start of characters 0, BLOCK, 2·BLOCK…
    blocks: Vec<u32>,
    /// Per character: distance from the previous start << 2 | length code
    /// (1–3 bytes; 0 means "see the exceptions").
    packed: Vec<u8>,
    /// Characters whose distance or length does not fit: (index, start, end).
    exceptions: Vec<(u32, u32, u32)>,
    prev_start: u32,
}

impl OffsetMap {
    /// An empty map with room for `chars` characters.
    pub fn with_capacity(chars: usize) -> OffsetMap {
        OffsetMap {
            blocks: Vec::with_capacity(chars / BLOCK + 1),
            packed: Vec::with_capacity(chars),
            ..OffsetMap::default()
        }
    }

    /// Appends the next character, which stands for `span` of the original.
    /// Starts must not decrease.
    pub fn push(&mut self, span: Span) {
        let i = self.packed.len();
        let start = span.start as u32;
        let len = span.len();
        let delta = start.saturating_sub(self.prev_start);
        if i.is_multiple_of(BLOCK) {
            self.blocks.push(start);
        }
        let (d, l) = (
            delta.min(FAR as u32) as u8,
            if (1..=3).contains(&len) { len as u8 } else { 0 },
        );
        if d == FAR || l == 0 || start < self.prev_start {
            self.exceptions.push((i as u32, start, span.end as u32));
            self.packed.push(FAR << 2);
        } else {
            self.packed.push((d << 2) | l);
        }
        self.prev_start = start;
    }

    /// Number of characters.
    pub fn len(&self) -> usize {
        self.packed.len()
    }

    /// True when the map has no character.
    pub fn is_empty(&self) -> bool {
        self.packed.is_empty()
    }

    fn exception(&self, i: usize) -> Option<(u32, u32)> {
        self.exceptions
            .binary_search_by_key(&(i as u32), |e| e.0)
            .ok()
            .map(|k| (self.exceptions[k].1, self.exceptions[k].2))
    }

    /// Byte range in the original of character `i`.
    pub fn span(&self, i: usize) -> Span {
        let block = i / BLOCK;
        let mut start = self.blocks[block];
        for k in block * BLOCK + 1..=i {
            let p = self.packed[k];
            if p >> 2 == FAR {
                start = self.exception(k).map_or(start, |e| e.0);
            } else {
                start += u32::from(p >> 2);
            }
        }
        let p = self.packed[i];
        let end = if p >> 2 == FAR || p & 3 == 0 {
            self.exception(i).map_or(start + 1, |e| e.1)
        } else {
            start + u32::from(p & 3)
        };
        Span::new(start as usize, end as usize)
    }

    /// Byte range in the original of characters `from..to` (from the start
    /// of the first to the end of the last; empty at the start of `from`
    /// when `from == to`).
    pub fn range(&self, from: usize, to: usize) -> Span {
        if from >= to {
            let at = if from < self.len() {
                self.span(from).start
            } else if from > 0 {
                self.span(self.len() - 1).end
            } else {
                0
            };
            return Span::new(at, at);
        }
        Span::new(self.span(from).start, self.span(to - 1).end)
    }

    /// Heap bytes used.
    pub fn heap_bytes(&self) -> usize {
        self.blocks.capacity() * 4 + self.packed.capacity() + self.exceptions.capacity() * 12
    }

    /// Releases spare capacity.
    pub fn shrink(&mut self) {
        self.blocks.shrink_to_fit();
        self.packed.shrink_to_fit();
        self.exceptions.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_kind_of_step() {
        // CJK (3 bytes), ASCII, dropped white space, a long jump, a wide char,
        // a character expanded into two (same span twice)
        let spans: Vec<Span> = {
            let mut v = Vec::new();
            let mut at = 0;
            for i in 0..200 {
                let (gap, len) = match i % 7 {
                    0 => (0, 3),
                    1 => (1, 1),
                    2 => (200, 3),
                    3 => (0, 4),
                    4 => (2, 9),
                    _ => (0, 3),
                };
                at += gap;
                v.push(Span::new(at, at + len));
                if i % 11 != 0 {
                    at += len;
                }
            }
            v
        };
        let mut m = OffsetMap::default();
        for s in &spans {
            m.push(*s);
        }
        for (i, s) in spans.iter().enumerate() {
            assert_eq!(m.span(i), *s, "char {i}");
        }
        assert_eq!(m.range(3, 10), Span::new(spans[3].start, spans[9].end));
        assert_eq!(m.range(5, 5), Span::new(spans[5].start, spans[5].start));
    }
}
