//! Local alignment of two compared texts: Smith–Waterman with affine gaps
//! (Gotoh), restricted to a band of diagonals around the seeds that
//! brought the two texts together.
//!
//! Scores: a match gains, a mismatch costs, a digit against another digit
//! costs less (copied targets are routinely changed), a gap of `L`
//! characters costs `gap_open + L · gap_extend`. The band keeps the cost
//! at `rows × band width`; cells outside the band or the region count as
//! the start of a new alignment (score 0), which a local alignment allows.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// The scores of an alignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scoring {
    /// Gain of two equal characters.
    pub matched: i32,
    /// Cost of two different characters (positive).
    pub mismatch: i32,
    /// Cost of two different digits (positive).
    pub digit_mismatch: i32,
    /// Cost of opening a gap (positive).
    pub gap_open: i32,
    /// Cost of each character of a gap (positive).
    pub gap_extend: i32,
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring {
            matched: 2,
            mismatch: 3,
            digit_mismatch: 1,
            gap_open: 5,
            gap_extend: 1,
        }
    }
}

/// One step of an alignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    /// The two characters are equal.
    Match,
    /// The two characters differ.
    Mismatch,
    /// A character of A only.
    Delete,
    /// A character of B only.
    Insert,
}

/// A local alignment: character ranges of both texts and the steps, run
/// length encoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alignment {
    /// Characters of A aligned.
    pub a: Range<usize>,
    /// Characters of B aligned.
    pub b: Range<usize>,
    /// The score.
    pub score: i32,
    /// Steps from the start, as (step, count).
    pub ops: Vec<(Op, u32)>,
}

impl Alignment {
    /// Number of equal characters.
    pub fn matches(&self) -> usize {
        self.ops
            .iter()
            .filter(|(o, _)| *o == Op::Match)
            .map(|(_, n)| *n as usize)
            .sum()
    }

    /// Number of columns (steps).
    pub fn columns(&self) -> usize {
        self.ops.iter().map(|(_, n)| *n as usize).sum()
    }
}

/// A region of the two texts and the band of diagonals (`j - i`) to fill.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Band {
    /// Characters of A.
    pub a: Range<usize>,
    /// Characters of B.
    pub b: Range<usize>,
    /// Lowest diagonal `j - i`.
    pub lo: isize,
    /// Highest diagonal `j - i`.
    pub hi: isize,
}

const NEG: i32 = i32::MIN / 4;

fn is_digit(c: u16) -> bool {
    (u16::from(b'0')..=u16::from(b'9')).contains(&c)
}

/// The best local alignment of `a` and `b` inside `band`, or `None` when
/// no cell scores above zero.
pub fn align(a: &[u16], b: &[u16], band: &Band, s: &Scoring) -> Option<Alignment> {
    let (a0, a1) = (band.a.start, band.a.end.min(a.len()));
    let (b0, b1) = (band.b.start as isize, band.b.end.min(b.len()) as isize);
    if a0 >= a1 || b0 >= b1 || band.hi < band.lo {
        return None;
    }
    let w = (band.hi - band.lo + 1) as usize;
    let rows = a1 - a0;
    let mut trace = vec![0u8; rows * w];
    let mut h_prev = vec![0i32; w + 1];
    let mut f_prev = vec![NEG; w + 1];
    let mut h_cur = vec![0i32; w + 1];
    let mut f_cur = vec![NEG; w + 1];
    let (open, ext) = (s.gap_open + s.gap_extend, s.gap_extend);
    let mut best = (0i32, 0usize, 0usize);
    for r in 0..rows {
        let i = a0 + r;
        let ca = a[i];
        let mut e = NEG;
        let row_trace = &mut trace[r * w..(r + 1) * w];
        for k in 0..w {
            let j = i as isize + band.lo + k as isize;
            if j < b0 || j >= b1 {
                h_cur[k] = 0;
                f_cur[k] = NEG;
                e = NEG;
                continue;
            }
            let cb = b[j as usize];
            let sub = if ca == cb {
                s.matched
            } else if is_digit(ca) && is_digit(cb) {
                -s.digit_mismatch
            } else {
                -s.mismatch
            };
            let diag = h_prev[k] + sub;
            // vertical gap: from (i-1, j), which is k+1 on the previous row
            let (f_open, f_ext) = (h_prev[k + 1] - open, f_prev[k + 1] - ext);
            let (f, f_bit) = if f_ext > f_open {
                (f_ext, 8)
            } else {
                (f_open, 0)
            };
            // horizontal gap: from (i, j-1), which is k-1 on this row
            let h_left = if k > 0 { h_cur[k - 1] } else { 0 };
            let (e_open, e_ext) = (h_left - open, e - ext);
            let (ev, e_bit) = if e_ext > e_open {
                (e_ext, 4)
            } else {
                (e_open, 0)
            };
            e = ev;
            let (mut h, mut src) = (0, 0u8);
            if diag > h {
                h = diag;
                src = 1;
            }
            if ev > h {
                h = ev;
                src = 2;
            }
            if f > h {
                h = f;
                src = 3;
            }
            h_cur[k] = h;
            f_cur[k] = f;
            row_trace[k] = src | e_bit | f_bit;
            if h > best.0 {
                best = (h, r, k);
            }
        }
        h_cur[w] = 0;
        f_cur[w] = NEG;
        std::mem::swap(&mut h_prev, &mut h_cur);
        std::mem::swap(&mut f_prev, &mut f_cur);
    }
    if best.0 <= 0 {
        return None;
    }
    let (score, mut r, mut k) = (best.0, best.1 as isize, best.2 as isize);
    let end_i = a0 + r as usize;
    let end_j = (end_i as isize + band.lo + k) as usize;
    let mut ops: Vec<(Op, u32)> = Vec::new();
    let push = |ops: &mut Vec<(Op, u32)>, op: Op| match ops.last_mut() {
        Some((o, n)) if *o == op => *n += 1,
        _ => ops.push((op, 1)),
    };
    // state: 0 = H, 2 = E, 3 = F
    let mut state = 0u8;
    let (mut start_i, mut start_j) = (end_i + 1, end_j + 1);
    while r >= 0 && k >= 0 && (k as usize) < w {
        let i = a0 + r as usize;
        let j = i as isize + band.lo + k;
        if j < b0 {
            break;
        }
        let t = trace[r as usize * w + k as usize];
        match state {
            0 => match t & 3 {
                0 => break,
                1 => {
                    let op = if a[i] == b[j as usize] {
                        Op::Match
                    } else {
                        Op::Mismatch
                    };
                    push(&mut ops, op);
                    (start_i, start_j) = (i, j as usize);
                    r -= 1;
                }
                src => state = src,
            },
            2 => {
                push(&mut ops, Op::Insert);
                (start_i, start_j) = (i + 1, j as usize);
                if t & 4 == 0 {
                    state = 0;
                }
                k -= 1;
            }
            _ => {
                push(&mut ops, Op::Delete);
                (start_i, start_j) = (i, j as usize + 1);
                if t & 8 == 0 {
                    state = 0;
                }
                r -= 1;
                k += 1;
            }
        }
    }
    ops.reverse();
    // a gap never opens or closes a local alignment, but a tie may leave
    // one at the edge: trim it
    while let Some(&(op, n)) = ops.first() {
        match op {
            Op::Insert => start_j += n as usize,
            Op::Delete => start_i += n as usize,
            _ => break,
        }
        ops.remove(0);
    }
    Some(Alignment {
        a: start_i..end_i + 1,
        b: start_j..end_j + 1,
        score,
        ops,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(s: &str) -> Vec<u16> {
        s.chars().map(|c| c as u16).collect()
    }

    fn full_band(a: &[u16], b: &[u16]) -> Band {
        Band {
            a: 0..a.len(),
            b: 0..b.len(),
            lo: -(a.len() as isize),
            hi: b.len() as isize,
        }
    }

    fn text(c: &[u16], r: Range<usize>) -> String {
        c[r].iter()
            .map(|&x| char::from_u32(x as u32).unwrap())
            .collect()
    }

    #[test]
    fn finds_the_shared_passage_with_an_edit() {
        let a =
            codes("一、总体要求。大力发展夜间经济，打造夜间消费集聚区，力争增长8%以上。二、其他");
        let b = codes("甲乙丙丁；大力发展夜间经济，打造特色夜间消费集聚区，力争增长10%以上。戊己");
        let al = align(&a, &b, &full_band(&a, &b), &Scoring::default()).unwrap();
        assert_eq!(
            text(&a, al.a.clone()),
            "大力发展夜间经济，打造夜间消费集聚区，力争增长8%以上。"
        );
        assert_eq!(
            text(&b, al.b.clone()),
            "大力发展夜间经济，打造特色夜间消费集聚区，力争增长10%以上。"
        );
        assert!(al.ops.contains(&(Op::Insert, 2)));
        // columns cover both ranges
        let cols_a: usize = al
            .ops
            .iter()
            .filter(|o| o.0 != Op::Insert)
            .map(|o| o.1 as usize)
            .sum();
        let cols_b: usize = al
            .ops
            .iter()
            .filter(|o| o.0 != Op::Delete)
            .map(|o| o.1 as usize)
            .sum();
        assert_eq!((cols_a, cols_b), (al.a.len(), al.b.len()));
    }

    #[test]
    fn band_limits_the_diagonals_searched() {
        let a = codes("推动外贸扩规提质扩大出口规模");
        let b = codes("XXXXXXXXXXXXXXXXXXXX推动外贸扩规提质扩大出口规模");
        // the copy is on diagonal +20: a band around 0 misses it
        let near = Band {
            a: 0..a.len(),
            b: 0..b.len(),
            lo: -3,
            hi: 3,
        };
        assert!(align(&a, &b, &near, &Scoring::default()).is_none());
        let right = Band {
            a: 0..a.len(),
            b: 0..b.len(),
            lo: 17,
            hi: 23,
        };
        let al = align(&a, &b, &right, &Scoring::default()).unwrap();
        assert_eq!((al.a.clone(), al.b.clone()), (0..14, 20..34));
        assert_eq!(al.score, 28);
        assert_eq!(al.matches(), 14);
    }

    #[test]
    fn unrelated_texts_do_not_align_far() {
        let a = codes("加强安全生产监管");
        let b = codes("推进乡村全面振兴");
        let al = align(&a, &b, &full_band(&a, &b), &Scoring::default());
        assert!(al.is_none_or(|x| x.columns() <= 2));
    }
}
