//! Calibration of the aligner's thresholds on several pairs at once, with a
//! leave-one-pair-out score.
//!
//! ```text
//! cargo run --release -p fangan-bench --example calibrate [-- --verbose]
//! ```
//!
//! Every pair of [`set`] is aligned with the library defaults and with each
//! combination of the thresholds in [`grid`], and scored like
//! `score.py align` ([`score`]). It prints:
//! - the defaults on each pair and pooled;
//! - the combination best on all pairs (mean of the per-pair F1 of recall
//!   of near-copies and paraphrases and precision; ties go to the one
//!   closest to the defaults);
//! - leave one pair out: for each pair, the combination best on all the
//!   other pairs, scored on the pair left out. That is the figure to trust
//!   for pairs nobody tuned on.

mod score;
mod set;

use fangan_compare::{Aligner, AlignerBuilder, Prepared, Rarity};
use fangan_model::Segmenter;
use fangan_wire::diff::DiffJson;
use fangan_wire::diff_targets::DiffTargets;

use score::{score, Counts};
use set::Case;

/// One threshold and the values tried.
struct Knob {
    name: &'static str,
    values: &'static [f32],
    set: fn(&mut AlignerBuilder, f32),
}

/// The thresholds calibrated and the values tried (the first of each list
/// is not special: the library default is found by value).
fn grid() -> Vec<Knob> {
    vec![
        Knob {
            name: "min_score",
            values: &[0.08, 0.1, 0.12, 0.15],
            set: |b, v| {
                b.min_score(v);
            },
        },
        Knob {
            name: "paraphrase",
            values: &[0.13, 0.16, 0.2, 0.25, 0.3],
            set: |b, v| {
                b.paraphrase(v);
            },
        },
        Knob {
            name: "near_copy",
            values: &[0.4, 0.5, 0.6],
            set: |b, v| {
                b.near_copy(v);
            },
        },
        Knob {
            name: "related_min_words",
            values: &[0.0, 0.05, 0.1, 0.15],
            set: |b, v| {
                b.related_min_words(v);
            },
        },
    ]
}

/// The library default of each knob, in the order of [`grid`].
fn defaults() -> Vec<f32> {
    use fangan_compare::align;
    vec![
        align::MIN_SCORE,
        align::PARAPHRASE,
        align::NEAR_COPY,
        align::RELATED_MIN_WORDS,
    ]
}

/// Every combination of knob values, as indexes into each knob's values.
fn combinations(grid: &[Knob]) -> Vec<Vec<f32>> {
    let mut out: Vec<Vec<f32>> = vec![vec![]];
    for k in grid {
        out = out
            .into_iter()
            .flat_map(|c| {
                k.values.iter().map(move |&v| {
                    let mut c = c.clone();
                    c.push(v);
                    c
                })
            })
            .collect();
    }
    out
}

/// A case made ready: both plans prepared, the rarity counted.
struct Ready<'d> {
    case: &'d Case,
    rarity: Rarity,
    pa: Prepared<'d>,
    pb: Prepared<'d>,
}

fn run(seg: &Segmenter, grid: &[Knob], values: &[f32], r: &Ready<'_>) -> Counts {
    let mut b = Aligner::builder();
    for (k, &v) in grid.iter().zip(values) {
        (k.set)(&mut b, v);
    }
    let aligner = b
        .build(seg, r.rarity.clone())
        .expect("grid values are valid");
    let cmp = aligner.align_prepared(&r.pa, &r.pb);
    let json = serde_json::to_value(DiffJson::new(
        &r.case.a,
        &r.case.b,
        &cmp,
        &DiffTargets::default(),
    ))
    .expect("json");
    score(&r.case.gold, &json)
}

/// Mean over `cases` of the per-pair F1.
fn objective(rows: &[Counts], cases: &[usize]) -> f64 {
    cases.iter().map(|&i| rows[i].f1()).sum::<f64>() / cases.len().max(1) as f64
}

/// Number of knobs that differ from the defaults.
fn distance(values: &[f32], defaults: &[f32]) -> usize {
    values
        .iter()
        .zip(defaults)
        .filter(|(a, b)| (*a - *b).abs() > 1e-6)
        .count()
}

/// Index of the combination best on `cases`.
fn best(results: &[Vec<Counts>], combos: &[Vec<f32>], defaults: &[f32], cases: &[usize]) -> usize {
    let mut best = 0;
    for (i, rows) in results.iter().enumerate() {
        let (o, ob) = (objective(rows, cases), objective(&results[best], cases));
        let closer = distance(&combos[i], defaults) < distance(&combos[best], defaults);
        if o > ob + 1e-9 || ((o - ob).abs() <= 1e-9 && closer) {
            best = i;
        }
    }
    best
}

fn line(name: &str, c: &Counts) -> String {
    format!(
        "{name:<80} recall_must={:.3} precision={:.3} unpaired_ok={:.3} counts={}",
        c.recall(),
        c.precision(),
        c.unpaired_ok(),
        c.show()
    )
}

fn show(grid: &[Knob], values: &[f32]) -> String {
    grid.iter()
        .zip(values)
        .map(|(k, v)| format!("{}={v}", k.name))
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let seg = Segmenter::new();
    let cases = match set::load() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("calibrate: {e}");
            std::process::exit(1);
        }
    };
    let ready: Vec<Ready<'_>> = cases
        .iter()
        .map(|c| Ready {
            case: c,
            rarity: c.rarity(&seg),
            pa: Prepared::new(&seg, &c.a),
            pb: Prepared::new(&seg, &c.b),
        })
        .collect();
    let grid = grid();
    let defaults = defaults();
    let mut combos = combinations(&grid);
    if !combos.iter().any(|c| distance(c, &defaults) == 0) {
        combos.push(defaults.clone());
    }
    let results: Vec<Vec<Counts>> = combos
        .iter()
        .map(|v| ready.iter().map(|r| run(&seg, &grid, v, r)).collect())
        .collect();
    let all: Vec<usize> = (0..cases.len()).collect();
    let di = combos
        .iter()
        .position(|c| distance(c, &defaults) == 0)
        .expect("defaults are a combination");

    println!("defaults: {}", show(&grid, &defaults));
    let mut pooled = Counts::default();
    for (i, c) in cases.iter().enumerate() {
        println!("  {}", line(&c.name, &results[di][i]));
        pooled.add(&results[di][i]);
    }
    println!("  {}", line("pooled", &pooled));
    println!("  mean per-pair F1 {:.3}", objective(&results[di], &all));

    let bi = best(&results, &combos, &defaults, &all);
    println!(
        "best on all pairs: {} (mean per-pair F1 {:.3})",
        show(&grid, &combos[bi]),
        objective(&results[bi], &all)
    );
    if verbose {
        for (i, c) in cases.iter().enumerate() {
            println!("  {}", line(&c.name, &results[bi][i]));
        }
    }

    println!("leave one pair out (tuned on the others, scored on the one left out):");
    let mut pooled = Counts::default();
    for (i, c) in cases.iter().enumerate() {
        let others: Vec<usize> = all.iter().copied().filter(|&j| j != i).collect();
        let k = best(&results, &combos, &defaults, &others);
        println!("  {}", line(&c.name, &results[k][i]));
        println!("      chosen on the others: {}", show(&grid, &combos[k]));
        pooled.add(&results[k][i]);
    }
    println!(
        "  {}",
        line(
            "pooled (each pair scored by the thresholds tuned without it)",
            &pooled
        )
    );
}
