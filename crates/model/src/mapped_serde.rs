//! Storing a [`MappedText`] compactly: its text and its map as runs.
//!
//! A map is mostly copies: character after character taken unchanged from
//! consecutive bytes of the parent. Such a stretch is stored as one run
//! `[n, parent_start]`; any other character as `[1, parent_start,
//! parent_end]`. A clause's map of thousands of characters becomes a
//! handful of runs, and the round trip is exact.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::mapped::MappedText;
use crate::{MappedTextBuilder, Span};

#[derive(Serialize, Deserialize)]
struct Stored {
    text: String,
    /// `[n, start]` for `n` copied characters from parent byte `start`,
    /// `[1, start, end]` for one character standing for `start..end`.
    runs: Vec<Vec<u32>>,
}

impl Serialize for MappedText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut runs: Vec<Vec<u32>> = Vec::new();
        let mut copy: Option<(u32, u32, u32)> = None; // (n, start, next)
        for (i, c) in self.text().chars().enumerate() {
            let p = self.parent_of_char(i);
            let (ps, pe) = (p.start as u32, p.end as u32);
            let copied = (pe - ps) as usize == c.len_utf8();
            match copy {
                Some((n, start, next)) if copied && ps == next => {
                    copy = Some((n + 1, start, pe));
                    continue;
                }
                Some((n, start, _)) => runs.push(vec![n, start]),
                None => {}
            }
            copy = None;
            if copied {
                copy = Some((1, ps, pe));
            } else {
                runs.push(vec![1, ps, pe]);
            }
        }
        if let Some((n, start, _)) = copy {
            runs.push(vec![n, start]);
        }
        Stored {
            text: self.text().to_string(),
            runs,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for MappedText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let stored = Stored::deserialize(d)?;
        let mut b = MappedTextBuilder::with_capacity(stored.text.len());
        let mut chars = stored.text.chars();
        for run in &stored.runs {
            match run.as_slice() {
                [1, s, e] => {
                    let c = chars
                        .next()
                        .ok_or_else(|| D::Error::custom("map longer than text"))?;
                    b.push(c, Span::new(*s as usize, *e as usize));
                }
                [n, s] => {
                    let mut at = *s as usize;
                    for _ in 0..*n {
                        let c = chars
                            .next()
                            .ok_or_else(|| D::Error::custom("map longer than text"))?;
                        b.push(c, Span::new(at, at + c.len_utf8()));
                        at += c.len_utf8();
                    }
                }
                _ => return Err(D::Error::custom("malformed map run")),
            }
        }
        if chars.next().is_some() {
            return Err(D::Error::custom("map shorter than text"));
        }
        Ok(b.build())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_round_trip_exactly_and_copies_take_one_run() {
        let mut b = MappedTextBuilder::new();
        b.push_copied("要密", 0);
        b.push('\n', Span::new(6, 8));
        b.push_copied("切配合", 8);
        b.push('A', Span::new(20, 23)); // a folded full-width letter
        let m = b.build();
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(
            json,
            r#"{"text":"要密\n切配合A","runs":[[2,0],[1,6,8],[3,8],[1,20,23]]}"#
        );
        let back: MappedText = serde_json::from_str(&json).unwrap();
        assert_eq!(back, m);
        let empty: MappedText = serde_json::from_str(
            &serde_json::to_string(&MappedTextBuilder::new().build()).unwrap(),
        )
        .unwrap();
        assert_eq!(empty, MappedTextBuilder::new().build());
        assert!(serde_json::from_str::<MappedText>(r#"{"text":"ab","runs":[[1,0]]}"#).is_err());
    }
}
