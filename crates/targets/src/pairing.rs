//! Two lists of targets side by side: the same canonical indicator paired,
//! what only one side sets kept on its own. Used to compare two plans'
//! headline targets and two paired clauses (`地区生产总值增速: 8%以上 vs
//! 5%左右`).

use serde::Serialize;

use crate::Target;

/// One indicator of two lists: its target on each side, if any.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetPair<'t> {
    /// The canonical indicator.
    pub canonical: String,
    /// The target of the first list.
    pub a: Option<&'t Target>,
    /// The target of the second list.
    pub b: Option<&'t Target>,
}

impl TargetPair<'_> {
    /// True unless both sides set the same value, unit and qualifiers.
    pub fn differs(&self) -> bool {
        match (self.a, self.b) {
            (Some(a), Some(b)) => {
                a.unit != b.unit
                    || a.qualifiers != b.qualifiers
                    || a.placeholder != b.placeholder
                    || (!a.placeholder && (a.value != b.value || a.value_max != b.value_max))
            }
            _ => true,
        }
    }
}

/// Pairs the targets of `a` and `b` by canonical indicator (in order when an
/// indicator occurs several times), in the order of `a`, each target of `b`
/// without a partner placed after the pair before it in `b`.
pub fn pair_targets<'t>(a: &'t [Target], b: &'t [Target]) -> Vec<TargetPair<'t>> {
    let key = |t: &Target| {
        if t.canonical.is_empty() {
            t.indicator.clone()
        } else {
            t.canonical.clone()
        }
    };
    let mut used = vec![false; b.len()];
    let mut out: Vec<TargetPair<'t>> = Vec::new();
    for ta in a {
        let k = key(ta);
        let partner = (0..b.len()).find(|&j| !used[j] && key(&b[j]) == k);
        if let Some(j) = partner {
            used[j] = true;
        }
        out.push(TargetPair {
            canonical: k,
            a: Some(ta),
            b: partner.map(|j| &b[j]),
        });
    }
    // b-only targets go after the pair of the nearest earlier b target
    for (j, tb) in b.iter().enumerate().filter(|(j, _)| !used[*j]) {
        let after = (0..j).rev().find_map(|p| {
            out.iter()
                .rposition(|x| x.b.is_some_and(|t| std::ptr::eq(t, &b[p])))
        });
        let at = after.map_or(out.len(), |i| i + 1);
        out.insert(
            at,
            TargetPair {
                canonical: key(tb),
                a: None,
                b: Some(tb),
            },
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    #[test]
    fn same_indicators_pair_and_the_rest_stands_alone() {
        let e = Extractor::new();
        let a =
            e.extract("地区生产总值增长8%以上，全社会固定资产投资增长10%以上，进出口总额增长5%。");
        let b = e.extract(
            "地区生产总值增长5%左右，一般公共预算收入增长2%以上，固定资产投资增长10%以上。",
        );
        let pairs = pair_targets(&a, &b);
        let shown: Vec<(&str, Option<f64>, Option<f64>, bool)> = pairs
            .iter()
            .map(|p| {
                (
                    p.canonical.as_str(),
                    p.a.map(|t| t.value),
                    p.b.map(|t| t.value),
                    p.differs(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("地区生产总值增速", Some(8.0), Some(5.0), true),
                ("一般公共预算收入增速", None, Some(2.0), true),
                ("固定资产投资增速", Some(10.0), Some(10.0), false),
                ("进出口总额增速", Some(5.0), None, true),
            ]
        );
    }
}
