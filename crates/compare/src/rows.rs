//! A comparison as rows side by side (the HTML page of `fangan diff`, the
//! compare page of `fangan serve`): each pair on one row in A's order,
//! each clause only in one plan on a row of its own, in its place in that
//! plan.

use fangan_model::ClauseId;

use crate::report::Comparison;

/// One row of a side-by-side view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// Pair `i` of the comparison.
    Pair(usize),
    /// A clause of A left unpaired.
    OnlyA(ClauseId),
    /// A clause of B left unpaired.
    OnlyB(ClauseId),
}

/// The rows of `cmp`: pairs in A's order, each only-A clause after the
/// pairs of the A clauses before it, each only-B clause after the last
/// pair whose B clause comes before it.
pub fn side_by_side(cmp: &Comparison) -> Vec<Row> {
    // (position in A, position in B, row)
    let mut rows: Vec<(usize, usize, Row)> = cmp
        .pairs
        .iter()
        .enumerate()
        .map(|(i, p)| (p.a, p.b, Row::Pair(i)))
        .collect();
    for &c in &cmp.only_a {
        let at = rows
            .iter()
            .filter(|r| r.0 < c)
            .map(|r| r.1)
            .max()
            .unwrap_or(0);
        rows.push((c, at, Row::OnlyA(c)));
    }
    rows.sort_by_key(|r| (r.0, r.1));
    for &c in &cmp.only_b {
        let after = rows
            .iter()
            .rposition(|r| r.1 < c && matches!(r.2, Row::Pair(_)));
        let at = after.map_or(0, |i| i + 1);
        let a_pos = if at > 0 { rows[at - 1].0 } else { 0 };
        rows.insert(at, (a_pos, c, Row::OnlyB(c)));
    }
    rows.into_iter().map(|r| r.2).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Aligner, Rarity};
    use fangan_model::{Level, Segmenter};

    #[test]
    fn unpaired_clauses_sit_in_their_place() {
        let seg = Segmenter::new();
        let a = crate::testutil::plan(
            "a",
            &[
                (
                    "1",
                    Level::Task,
                    "1. 大力发展夜间经济，打造夜间消费集聚区。",
                ),
                ("2", Level::Task, "2. 加强耕地保护，严守耕地红线。"),
                ("3", Level::Task, "3. 推动外贸扩规提质，扩大出口。"),
            ],
        );
        let b = crate::testutil::plan(
            "b",
            &[
                (
                    "1",
                    Level::Task,
                    "1. 大力发展夜间经济，打造夜间消费集聚区和特色街区。",
                ),
                ("2", Level::Task, "2. 推动外贸扩规提质，扩大出口规模。"),
                ("3", Level::Task, "3. 加强安全生产监管，开展隐患排查。"),
            ],
        );
        let cmp = Aligner::builder()
            .build(&seg, Rarity::new())
            .unwrap()
            .align(&a, &b);
        assert_eq!(cmp.pairs.len(), 2, "{cmp:?}");
        assert_eq!(
            side_by_side(&cmp),
            vec![Row::Pair(0), Row::OnlyA(1), Row::Pair(1), Row::OnlyB(2)]
        );
    }
}
