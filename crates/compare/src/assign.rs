//! One global assignment: the set of one-to-one pairs with the largest
//! total weight (Hungarian algorithm, O(n²·m) on an n×m matrix), rather
//! than a greedy first-come pairing where an early mediocre match can take
//! the partner a later clause needed.

/// Pairs `(row, col)` maximizing the summed `weight[row][col]`; each row
/// and each column is used at most once and only positive weights are
/// returned. `weights` is row-major, `rows × cols`.
pub fn max_weight_assignment(weights: &[f32], rows: usize, cols: usize) -> Vec<(usize, usize)> {
    assert_eq!(weights.len(), rows * cols, "weight matrix is {rows}×{cols}");
    if rows == 0 || cols == 0 {
        return Vec::new();
    }
    let transposed = rows > cols;
    let (n, m) = if transposed {
        (cols, rows)
    } else {
        (rows, cols)
    };
    let w = |i: usize, j: usize| -> f64 {
        let v = if transposed {
            weights[j * cols + i]
        } else {
            weights[i * cols + j]
        };
        -f64::from(v.max(0.0))
    };
    // e-maxx formulation, 1-based, minimizing cost = -weight
    let inf = f64::INFINITY;
    let mut u = vec![0.0f64; n + 1];
    let mut v = vec![0.0f64; m + 1];
    let mut p = vec![0usize; m + 1];
    let mut way = vec![0usize; m + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0usize;
        let mut minv = vec![inf; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = inf;
            let mut j1 = 0usize;
            for j in 1..=m {
                if !used[j] {
                    let cur = w(i0 - 1, j - 1) - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=m {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut out = Vec::new();
    for (j, &pj) in p.iter().enumerate().skip(1) {
        if pj != 0 {
            let (i, j) = (pj - 1, j - 1);
            let (r, c) = if transposed { (j, i) } else { (i, j) };
            if weights[r * cols + c] > 0.0 {
                out.push((r, c));
            }
        }
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn global_beats_greedy() {
        // greedy would take (0,0)=0.9 and leave row 1 with 0.1;
        // the best total is (0,1)+(1,0) = 0.8+0.85
        let w = [0.9, 0.8, 0.85, 0.1];
        assert_eq!(max_weight_assignment(&w, 2, 2), vec![(0, 1), (1, 0)]);
    }

    #[test]
    fn rectangular_and_zero_weights_stay_unpaired() {
        let w = [
            0.0, 0.5, 0.0, //
            0.0, 0.0, 0.0, //
            0.3, 0.0, 0.0, //
            0.0, 0.0, 0.2,
        ];
        assert_eq!(
            max_weight_assignment(&w, 4, 3),
            vec![(0, 1), (2, 0), (3, 2)]
        );
        let t = [0.0, 0.0, 0.3, 0.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.2];
        assert_eq!(
            max_weight_assignment(&t, 3, 4),
            vec![(0, 2), (1, 0), (2, 3)]
        );
    }
}
