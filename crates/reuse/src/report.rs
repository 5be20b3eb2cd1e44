//! The result of a reuse analysis, as plain serialisable data: plans,
//! passages with their offsets, clusters, edges, per-plan shares, adoption
//! matrices and the run's statistics. Plans are referred to by their index
//! in [`Report::plans`]; passages, clusters and edges by their index in
//! their lists. Offsets are byte ranges into each plan's original text
//! (`Document::text`).

use serde::Serialize;

use crate::{AdminLevel, AdoptionMatrix, Cluster, Edge, Passage, Plan, Shares};

/// One plan of the analysis.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanSummary {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: Option<String>,
    /// Its level.
    pub level: Option<AdminLevel>,
    /// Its year.
    pub year: Option<u16>,
    /// Its issue date.
    pub issued: Option<String>,
    /// County or district.
    pub county: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Province.
    pub province: Option<String>,
    /// Characters of its compared text.
    pub chars: u64,
    /// Bytes of its original text.
    pub bytes: u64,
}

impl PlanSummary {
    /// The summary of a prepared plan.
    pub fn of(p: &Plan) -> PlanSummary {
        let i = &p.info;
        PlanSummary {
            id: i.id.clone(),
            title: i.title.clone(),
            level: i.level,
            year: i.year,
            issued: i.issued.clone(),
            county: i.county.clone(),
            city: i.city.clone(),
            province: i.province.clone(),
            chars: p.chars() as u64,
            bytes: p.text_len as u64,
        }
    }
}

/// What a run did and how long each stage took.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Stats {
    /// Plans analysed.
    pub plans: usize,
    /// Characters compared.
    pub chars: u64,
    /// Fingerprints kept by winnowing.
    pub fingerprints: u64,
    /// Postings of rare fingerprints.
    pub rare_postings: u64,
    /// Document frequency from which text is boilerplate.
    pub boilerplate_df: usize,
    /// Plan pairs aligned.
    pub candidate_pairs: u64,
    /// Plan pairs with at least one passage.
    pub pairs_with_passages: u64,
    /// Passages found.
    pub passages: u64,
    /// Of which boilerplate.
    pub boilerplate_passages: u64,
    /// The candidate generator used (`ngrams` or `minhash`).
    pub candidates: String,
    /// Milliseconds per stage, in order.
    pub stages: Vec<(String, f64)>,
}

/// Everything a reuse analysis found.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// The plans, by index.
    pub plans: Vec<PlanSummary>,
    /// Passages shared by two plans, ordered by plan pair and position.
    pub passages: Vec<Passage>,
    /// Passages that are the same text in several plans.
    pub clusters: Vec<Cluster>,
    /// One edge per plan pair with passages.
    pub edges: Vec<Edge>,
    /// The composition of each plan's text, by plan index.
    pub shares: Vec<Shares>,
    /// Per upper-level plan, what lower plans adopted.
    pub adoption: Vec<AdoptionMatrix>,
    /// The run.
    pub stats: Stats,
}

impl Report {
    /// Index of the plan with id `id`.
    pub fn plan_index(&self, id: &str) -> Option<usize> {
        self.plans.iter().position(|p| p.id == id)
    }

    /// The passages between plans `x` and `y` (either order).
    pub fn passages_between(&self, x: usize, y: usize) -> impl Iterator<Item = &Passage> {
        let (a, b) = (x.min(y) as u32, x.max(y) as u32);
        self.passages.iter().filter(move |p| p.a == a && p.b == b)
    }

    /// The edge between plans `x` and `y`, if they share passages.
    pub fn edge_between(&self, x: usize, y: usize) -> Option<&Edge> {
        let (x, y) = (x as u32, y as u32);
        self.edges
            .iter()
            .find(|e| (e.source == x && e.target == y) || (e.source == y && e.target == x))
    }
}
