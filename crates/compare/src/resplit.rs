//! Copies whose paragraphs were cut elsewhere: one plan writes a passage as
//! one paragraph, its re-upload cuts it into chunks mid-sentence (a
//! doc-preview site numbering `1、2、3、` every few hundred characters) or
//! glues it to the title and the notice before it.
//!
//! Unit against unit, such a copy looks like a handful of weak partial
//! matches. Against the other plan's text as a whole (its leaves one after
//! the other, folded: see [`crate::copy`]) it is one long copied region. A
//! unit is **whole** when its copied runs, chained in order, cover
//! [`COPY_COVER`] of it and of the region they span in the other plan, and
//! that region runs over several units. The region then cuts the units it
//! starts and ends in; the piece where it starts is paired with the whole
//! unit (a near-copy, its line and text where the copy starts), the pieces
//! inside are part of that pair, and the pieces outside are aligned like
//! any other unit. A piece inside that is itself a whole paragraph (a
//! passage the other plan joined into one) is paired with the unit too.

use fangan_model::{Segmenter, Span};

use crate::copy::{Anchors, Folded, Run, COPY_COVER, COPY_MIN_CHARS, RUN_CHARS};
use crate::prepared::Prepared;
use crate::profile::analyze;
use crate::unit::{Unit, UnitRole};

/// Characters of a unit a region may touch or leave out at its edge and
/// still be said to start or end with it (a chunk number, a stray mark).
pub const EDGE_CHARS: usize = 5;

/// Widest gap (characters) between two chained runs beyond the gap between
/// them in the whole unit: an edit (`2022` → `2023`, a dropped `《》`, a
/// chunk number) separates runs, a jump to another passage does not chain.
pub const CHAIN_GAP: usize = 30;

/// Marks that end a sentence: a piece ending with one is a whole paragraph.
const FINAL_MARKS: [char; 8] = ['。', '；', ';', '！', '!', '？', '?', '）'];

/// Two plans with their re-split copies cut out.
#[derive(Clone, Debug)]
pub struct Resplit<'d> {
    /// Plan A, with pieces appended to its units where a region cut them.
    pub a: Prepared<'d>,
    /// Plan B, likewise.
    pub b: Prepared<'d>,
    /// Units of A that take no part: cut into pieces, or inside a region.
    pub gone_a: Vec<bool>,
    /// Units of B that take no part.
    pub gone_b: Vec<bool>,
    /// Pairs of units that are copies across paragraph breaks (A, B).
    pub copies: Vec<(usize, usize)>,
    /// Whole paragraphs inside a region, paired with the unit too (A, B).
    pub joined: Vec<(usize, usize)>,
}

/// A plan's leaves as one folded stream.
struct Stream {
    chars: Vec<char>,
    /// For each character, its unit and the byte in the unit's shown text.
    origin: Vec<(usize, usize)>,
    /// Stream range of each unit (empty for groups).
    range: Vec<(usize, usize)>,
}

impl Stream {
    fn new(p: &Prepared<'_>) -> Stream {
        let mut s = Stream {
            chars: Vec::new(),
            origin: Vec::new(),
            range: vec![(0, 0); p.units.len()],
        };
        for (i, u) in p.units.iter().enumerate() {
            if u.role != UnitRole::Leaf {
                continue;
            }
            let f = Folded::new(u.shown(p.doc));
            let start = s.chars.len();
            s.chars.extend_from_slice(&f.chars);
            s.origin.extend(f.at.iter().map(|&b| (i, b)));
            s.range[i] = (start, s.chars.len());
        }
        s
    }

    /// Units overlapping stream range `[from, to)` by more than
    /// [`EDGE_CHARS`], in order, with the overlap.
    fn touched(&self, from: usize, to: usize) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        for (u, &(s, e)) in self.range.iter().enumerate() {
            let (lo, hi) = (s.max(from), e.min(to));
            if hi > lo && hi - lo > EDGE_CHARS {
                out.push((u, lo, hi));
            }
        }
        out
    }
}

/// The best chain of runs (in order in both texts, gaps bounded by
/// [`CHAIN_GAP`]), by characters covered.
fn chain(runs: &[Run]) -> Vec<Run> {
    let n = runs.len();
    let mut best = vec![0usize; n];
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        best[i] = runs[i].len;
        for j in 0..i {
            let (p, q) = (runs[j], runs[i]);
            let ok = q.a >= p.a + p.len
                && q.b >= p.b + p.len
                && q.b - (p.b + p.len) <= (q.a - (p.a + p.len)) + CHAIN_GAP;
            if ok && best[j] + q.len > best[i] {
                best[i] = best[j] + q.len;
                prev[i] = j;
            }
        }
    }
    let Some(mut at) = (0..n).max_by_key(|&i| best[i]) else {
        return Vec::new();
    };
    let mut out = vec![runs[at]];
    while prev[at] != usize::MAX {
        at = prev[at];
        out.push(runs[at]);
    }
    out.reverse();
    out
}

/// A whole unit of one side and the region of the other stream it is
/// copied in.
#[derive(Clone, Copy, Debug)]
struct Region {
    unit: usize,
    from: usize,
    to: usize,
}

/// The whole units of `x` over the stream of `y`.
fn wholes(x: &Prepared<'_>, sx: &Stream, sy: &Stream, taken: &[bool]) -> Vec<Region> {
    let anchors = Anchors::new(&sy.chars, RUN_CHARS);
    let mut out = Vec::new();
    for (u, &(s, e)) in sx.range.iter().enumerate() {
        if e <= s || taken[u] || x.units[u].role != UnitRole::Leaf {
            continue;
        }
        let runs = chain(&anchors.runs(&sx.chars[s..e], &sy.chars));
        let (Some(first), Some(last)) = (runs.first(), runs.last()) else {
            continue;
        };
        let copied: usize = runs.iter().map(|r| r.len).sum();
        let (mut from, to) = (first.b, last.b + last.len);
        // a number edited at the start of the copy (`2022年` → `2023年`)
        // belongs to it: the region starts at the number, not after it
        let mut k = first.a;
        while k > 0 && from > 0 && is_digit(sx.chars[s + k - 1]) && is_digit(sy.chars[from - 1]) {
            k -= 1;
            from -= 1;
        }
        let cover = |n: usize| copied as f32 >= COPY_COVER * n as f32;
        if copied >= COPY_MIN_CHARS
            && cover(e - s)
            && cover(to - from)
            && sy.touched(from, to).len() >= 2
        {
            out.push(Region { unit: u, from, to });
        }
    }
    out
}

/// A digit of a number, Arabic or Chinese.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || "〇零一二三四五六七八九十百千万".contains(c)
}

/// A piece of a unit: its byte range in the unit's shown text.
fn piece(p: &Prepared<'_>, u: usize, from: usize, to: usize) -> Option<Unit> {
    let unit = &p.units[u];
    let shown = unit.shown(p.doc);
    let text = shown.get(from..to)?;
    let lead = text.len() - text.trim_start().len();
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return None;
    }
    let offset = unit.part.map_or(0, |r| r.start) + from + lead;
    let range = Span::new(offset, offset + trimmed.len());
    let c = &p.doc.clauses[unit.clause];
    let line = p.doc.line_of(c.map.source_span(range).start);
    Some(Unit {
        clause: unit.clause,
        role: UnitRole::Leaf,
        members: vec![],
        text: trimmed.to_string(),
        heading: String::new(),
        part: Some(range),
        line,
    })
}

/// True when a piece reads as a whole paragraph: it ends a sentence and
/// does not start inside one.
fn is_whole_paragraph(text: &str) -> bool {
    let t = text.trim();
    t.ends_with(FINAL_MARKS) && t.chars().next().is_some_and(char::is_alphanumeric)
}

/// One side cut by the regions of the other's whole units: the new units,
/// which units are gone, and for each region the unit where it starts and
/// the whole paragraphs inside it.
struct Cut {
    start: Vec<usize>,
    inside: Vec<Vec<usize>>,
}

fn cut(
    seg: &Segmenter,
    y: &mut Prepared<'_>,
    sy: &Stream,
    regions: &[Region],
    gone: &mut Vec<bool>,
) -> Cut {
    let mut out = Cut {
        start: Vec::new(),
        inside: Vec::new(),
    };
    for r in regions {
        let touched = sy.touched(r.from, r.to);
        let mut inside = Vec::new();
        let mut head = None;
        for (k, &(v, lo, hi)) in touched.iter().enumerate() {
            let (s, e) = sy.range[v];
            let byte = |at: usize| -> usize {
                if at >= e {
                    y.units[v].shown(y.doc).len()
                } else {
                    sy.origin[at].1
                }
            };
            let before = lo - s > EDGE_CHARS;
            let after = e - hi > EDGE_CHARS;
            if !before && !after {
                // the whole unit lies in the region
                if k == 0 {
                    head = Some(v);
                } else {
                    inside.push(v);
                }
                continue;
            }
            let (cut_from, cut_to) = (
                if before { byte(lo) } else { 0 },
                if after { byte(hi) } else { byte(e) },
            );
            let len = y.units[v].shown(y.doc).len();
            let mut pieces = Vec::new();
            if before {
                pieces.push((0, cut_from, false));
            }
            pieces.push((cut_from, cut_to, true));
            if after {
                pieces.push((cut_to, len, false));
            }
            gone[v] = true;
            for (from, to, in_region) in pieces {
                let Some(unit) = piece(y, v, from, to) else {
                    continue;
                };
                y.analyses.push(analyze(seg, &y.places, &unit.text, ""));
                y.units.push(unit);
                gone.push(false);
                let id = y.units.len() - 1;
                if in_region {
                    if k == 0 {
                        head = Some(id);
                    } else {
                        gone[id] = true;
                    }
                }
            }
        }
        if let Some(h) = head {
            // whole paragraphs inside a region are the joined case
            for &v in &inside {
                if is_whole_paragraph(y.units[v].shown(y.doc)) {
                    continue;
                }
                gone[v] = true;
            }
            inside.retain(|&v| !gone[v]);
            out.start.push(h);
            out.inside.push(inside);
        } else {
            out.start.push(usize::MAX);
            out.inside.push(Vec::new());
        }
    }
    out
}

/// Finds the re-split copies between `a` and `b` and cuts the units they
/// run over; `None` when there are none. The side whose whole units cover
/// more of the other is read first: its paragraphs are the passages, the
/// other side's chunks the pieces (a chunk that happens to lie whole over
/// two paragraphs does not cut them).
pub fn resplit<'d>(seg: &Segmenter, a: &Prepared<'d>, b: &Prepared<'d>) -> Option<Resplit<'d>> {
    let (sa, sb) = (Stream::new(a), Stream::new(b));
    let span = |rs: Vec<Region>| rs.iter().map(|r| r.to - r.from).sum::<usize>();
    let from_a = span(wholes(a, &sa, &sb, &vec![false; a.units.len()]));
    let from_b = span(wholes(b, &sb, &sa, &vec![false; b.units.len()]));
    if from_b > from_a {
        return resplit_from(seg, b, a).map(Resplit::flipped);
    }
    resplit_from(seg, a, b)
}

impl Resplit<'_> {
    /// The same copies with the plans' roles swapped.
    fn flipped(self) -> Self {
        let swap = |v: Vec<(usize, usize)>| v.into_iter().map(|(i, j)| (j, i)).collect();
        Resplit {
            a: self.b,
            b: self.a,
            gone_a: self.gone_b,
            gone_b: self.gone_a,
            copies: swap(self.copies),
            joined: swap(self.joined),
        }
    }
}

/// [`resplit`], the whole units of `a` read first.
fn resplit_from<'d>(seg: &Segmenter, a: &Prepared<'d>, b: &Prepared<'d>) -> Option<Resplit<'d>> {
    let (sa, sb) = (Stream::new(a), Stream::new(b));
    let ra = wholes(a, &sa, &sb, &vec![false; a.units.len()]);
    let mut out = Resplit {
        a: a.clone(),
        b: b.clone(),
        gone_a: vec![false; a.units.len()],
        gone_b: vec![false; b.units.len()],
        copies: Vec::new(),
        joined: Vec::new(),
    };
    let cb = cut(seg, &mut out.b, &sb, &ra, &mut out.gone_b);
    record(&ra, &cb, &mut out, false);
    // then the whole units of B over A, among the units still untouched
    let mut taken = out.gone_b.clone();
    taken.truncate(b.units.len());
    for &(_, j) in out.copies.iter().chain(&out.joined) {
        if j < taken.len() {
            taken[j] = true;
        }
    }
    let mut touched_a = vec![false; a.units.len()];
    for &(i, _) in &out.copies {
        touched_a[i] = true;
    }
    let rb: Vec<Region> = wholes(b, &sb, &sa, &taken)
        .into_iter()
        .filter(|r| {
            sa.touched(r.from, r.to)
                .iter()
                .all(|&(v, _, _)| !touched_a[v])
        })
        .collect();
    let ca = cut(seg, &mut out.a, &sa, &rb, &mut out.gone_a);
    record(&rb, &ca, &mut out, true);
    if out.copies.is_empty() {
        None
    } else {
        Some(out)
    }
}

/// Records the pairs of the regions of one side.
fn record(regions: &[Region], cut: &Cut, out: &mut Resplit<'_>, flipped: bool) {
    for (k, r) in regions.iter().enumerate() {
        let h = cut.start[k];
        if h == usize::MAX {
            continue;
        }
        let pair = |y: usize| if flipped { (y, r.unit) } else { (r.unit, y) };
        out.copies.push(pair(h));
        for &v in &cut.inside[k] {
            out.joined.push(pair(v));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::plan;
    use fangan_model::Level;

    #[test]
    fn a_paragraph_cut_into_chunks_is_one_copy_starting_mid_line() {
        let seg = Segmenter::new();
        let a = plan(
            "a",
            &[("二/1", Level::Task, "1. 全省上下始终坚持稳中求进工作总基调，认真执行省人大审查批准的年度计划，全力抓好两个统筹，有效应对多轮疫情和持续高温干旱等冲击，计划执行情况总体较好，保持了经济社会大局稳定。")],
        );
        let b = plan(
            "b",
            &[
                ("1", Level::Task, "1、某省人民政府关于印发年度计划的通知各市州人民政府：全省上下始终坚持稳中求进工作总基调，认真执行省人大审查批准的年度"),
                ("2", Level::Task, "2、计划，全力抓好两个统筹，有效应对多轮疫情和持续高温干旱等冲击，计"),
                ("3", Level::Task, "3、划执行情况总体较好，保持了经济社会大局稳定。按照省委经济工作会议部署，主要预期目标"),
            ],
        );
        let (pa, pb) = (Prepared::new(&seg, &a), Prepared::new(&seg, &b));
        let r = resplit(&seg, &pa, &pb).expect("a re-split copy");
        assert_eq!(r.copies.len(), 1);
        let (i, j) = r.copies[0];
        assert_eq!(i, 0);
        let head = &r.b.units[j];
        assert_eq!(b.clauses[head.clause].path, "1");
        assert!(
            head.shown(&b).starts_with("全省上下始终坚持"),
            "{}",
            head.shown(&b)
        );
        // chunk 2 lies inside the copy; chunk 3 is cut after it
        assert!(r.gone_b[1]);
        let rest: Vec<&str> =
            r.b.units
                .iter()
                .enumerate()
                .filter(|(k, _)| !r.gone_b[*k])
                .map(|(_, u)| u.shown(&b))
                .collect();
        assert!(
            rest.contains(&"按照省委经济工作会议部署，主要预期目标"),
            "{rest:?}"
        );
        assert!(
            rest.iter().any(|t| t.starts_with("1、某省人民政府")),
            "{rest:?}"
        );
    }

    #[test]
    fn the_paragraphs_cut_the_chunks_and_an_edited_year_starts_the_copy() {
        let seg = Segmenter::new();
        // A is the re-split copy; its chunk 3 lies whole over B's two
        // paragraphs, but B's paragraphs are the passages
        let a = plan(
            "a",
            &[
                ("1", Level::Task, "1、某省人民政府关于印发年度计划的通知各市州人民政府：年度计划2023年，全省上下始终坚持稳中求进工作总基调，认真执行省人大审查批准的年度"),
                ("2", Level::Task, "2、计划，全力抓好两个统筹，有效应对多轮疫情和持续高温干旱等冲击，计划执行情况总体较好，"),
                ("3", Level::Task, "3、保持了经济社会大局稳定。按照省委经济工作会议部署，主要预期目标是地区生产总值增长百分之六，城乡居民收入增长与经济增长基本同步。"),
            ],
        );
        let b = plan(
            "b",
            &[
                ("前言", Level::Task, "2022年，全省上下始终坚持稳中求进工作总基调，认真执行省人大审查批准的年度计划，全力抓好两个统筹，有效应对多轮疫情和持续高温干旱等冲击，计划执行情况总体较好，保持了经济社会大局稳定。"),
                ("一", Level::Task, "按照省委经济工作会议部署，主要预期目标是地区生产总值增长百分之六，城乡居民收入增长与经济增长基本同步。"),
            ],
        );
        let (pa, pb) = (Prepared::new(&seg, &a), Prepared::new(&seg, &b));
        let r = resplit(&seg, &pa, &pb).expect("a re-split copy");
        let (i, j) = r.copies[0];
        assert_eq!(b.clauses[r.b.units[j].clause].path, "前言");
        let head = r.a.units[i].shown(&a);
        assert!(head.starts_with("2023年，全省上下"), "{head}");
    }

    #[test]
    fn copies_within_one_unit_are_left_to_the_aligner() {
        let seg = Segmenter::new();
        let text = "1. 全省上下始终坚持稳中求进工作总基调，认真执行省人大审查批准的年度计划，全力抓好两个统筹。";
        let a = plan("a", &[("二/1", Level::Task, text)]);
        let b = plan("b", &[("二/1", Level::Task, text)]);
        let (pa, pb) = (Prepared::new(&seg, &a), Prepared::new(&seg, &b));
        assert!(resplit(&seg, &pa, &pb).is_none());
    }
}
