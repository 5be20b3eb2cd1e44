//! The configured worker: [`Reuse`], built with [`ReuseBuilder`] over a
//! private configuration, prepares plans and runs the stages in order
//! (fingerprints → candidates → alignment → clusters → edges → shares →
//! adoption).

use std::time::Instant;

use fangan_model::Document;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::adoption::{adoption, AdoptionSettings, DocumentSource};
use crate::align::Scoring;
use crate::candidates::{by_partner, FingerprintIndex, Seed};
use crate::minhash::{lsh_seeds, LshSettings};
use crate::passage::{find_passages, FinderSettings};
use crate::report::{PlanSummary, Stats};
use crate::{cluster, direction, shares, Error, Plan, PlanInfo, Report, Result};

/// How candidate pairs are found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CandidateMethod {
    /// Rare shared winnowed character n-grams (the default).
    #[default]
    Ngrams,
    /// MinHash/LSH over clause shingles.
    Minhash,
}

#[derive(Clone, Debug)]
struct Config {
    ngram: usize,
    window: usize,
    max_seed_plans: usize,
    min_seeds: usize,
    min_passage_chars: usize,
    chain_gap: usize,
    band: usize,
    scoring: Scoring,
    boilerplate_plans: usize,
    boilerplate_share: f64,
    boilerplate_passage: f32,
    cluster_overlap: f32,
    adopt_coverage: f32,
    candidates: CandidateMethod,
    lsh_bands: usize,
    lsh_rows: usize,
    place_names: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            ngram: 10,
            window: 12,
            max_seed_plans: 200,
            min_seeds: 2,
            min_passage_chars: 30,
            chain_gap: 300,
            band: 24,
            scoring: Scoring::default(),
            boilerplate_plans: 20,
            boilerplate_share: 0.05,
            boilerplate_passage: 0.5,
            cluster_overlap: 0.5,
            adopt_coverage: 0.5,
            candidates: CandidateMethod::Ngrams,
            lsh_bands: 20,
            lsh_rows: 3,
            place_names: Vec::new(),
        }
    }
}

/// Builds a [`Reuse`].
#[derive(Clone, Debug, Default)]
pub struct ReuseBuilder {
    config: Config,
}

macro_rules! setter {
    ($(#[$doc:meta])* $name:ident: $t:ty) => {
        $(#[$doc])*
        pub fn $name(&mut self, value: $t) -> &mut Self {
            self.config.$name = value;
            self
        }
    };
}

impl ReuseBuilder {
    /// A builder with the defaults.
    pub fn new() -> ReuseBuilder {
        ReuseBuilder::default()
    }

    setter!(
        /// Characters per n-gram of the fingerprints (default 10).
        ngram: usize
    );
    setter!(
        /// Winnowing window in n-grams (default 12): shared runs of
        /// `ngram + window - 1` characters are always seeded.
        window: usize
    );
    setter!(
        /// Largest number of plans a fingerprint may be in and still seed
        /// a candidate (default 200).
        max_seed_plans: usize
    );
    setter!(
        /// Rare fingerprints two plans must share to be aligned (default 2).
        min_seeds: usize
    );
    setter!(
        /// Shortest passage kept, in characters of each side (default 30).
        min_passage_chars: usize
    );
    setter!(
        /// Largest gap between two seeds of one chain, in characters
        /// (default 300).
        chain_gap: usize
    );
    setter!(
        /// Diagonals searched on each side of a chain (default 24).
        band: usize
    );
    setter!(
        /// The alignment scores.
        scoring: Scoring
    );
    setter!(
        /// Fewest plans that make text boilerplate, whatever the corpus
        /// size (default 20).
        boilerplate_plans: usize
    );
    setter!(
        /// Share of the corpus's plans that makes text boilerplate
        /// (default 0.05): the threshold is the larger of the two.
        boilerplate_share: f64
    );
    setter!(
        /// Share of a passage's fingerprints that must be boilerplate for
        /// the passage to be (default 0.5).
        boilerplate_passage: f32
    );
    setter!(
        /// Reciprocal overlap that puts two passages in one cluster
        /// (default 0.5).
        cluster_overlap: f32
    );
    setter!(
        /// Share of a clause that passages must cover for it to be adopted
        /// (default 0.5).
        adopt_coverage: f32
    );
    setter!(
        /// The candidate generator (default n-grams).
        candidates: CandidateMethod
    );
    setter!(
        /// Bands of the MinHash signature (default 20).
        lsh_bands: usize
    );
    setter!(
        /// Rows per band of the MinHash signature (default 3).
        lsh_rows: usize
    );

    /// Adds place names masked in every plan (besides each plan's own).
    pub fn place_names(&mut self, names: impl IntoIterator<Item = String>) -> &mut Self {
        self.config.place_names.extend(names);
        self
    }

    /// Checks the options and builds the worker.
    pub fn build(&self) -> Result<Reuse> {
        let c = &self.config;
        let range = |name, value: f64, ok: bool, expected| {
            if ok {
                Ok(())
            } else {
                Err(Error::OutOfRange {
                    name,
                    value,
                    expected,
                })
            }
        };
        range(
            "ngram",
            c.ngram as f64,
            (3..=64).contains(&c.ngram),
            "3 to 64",
        )?;
        range(
            "window",
            c.window as f64,
            (1..=256).contains(&c.window),
            "1 to 256",
        )?;
        range(
            "max_seed_plans",
            c.max_seed_plans as f64,
            c.max_seed_plans >= 2,
            "at least 2",
        )?;
        range(
            "min_seeds",
            c.min_seeds as f64,
            c.min_seeds >= 1,
            "at least 1",
        )?;
        range(
            "min_passage_chars",
            c.min_passage_chars as f64,
            c.min_passage_chars >= c.ngram,
            "at least ngram",
        )?;
        range(
            "band",
            c.band as f64,
            (1..=1000).contains(&c.band),
            "1 to 1000",
        )?;
        let s = &c.scoring;
        range(
            "scoring",
            f64::from(s.matched),
            s.matched > 0
                && s.mismatch > 0
                && s.digit_mismatch >= 0
                && s.gap_open >= 0
                && s.gap_extend > 0,
            "a positive match, positive costs",
        )?;
        for (name, v) in [
            ("boilerplate_passage", c.boilerplate_passage),
            ("cluster_overlap", c.cluster_overlap),
            ("adopt_coverage", c.adopt_coverage),
        ] {
            range(
                name,
                f64::from(v),
                v > 0.0 && v <= 1.0,
                "above 0, at most 1",
            )?;
        }
        range(
            "boilerplate_share",
            c.boilerplate_share,
            c.boilerplate_share > 0.0 && c.boilerplate_share <= 1.0,
            "above 0, at most 1",
        )?;
        range(
            "lsh_bands",
            c.lsh_bands as f64,
            (1..=256).contains(&c.lsh_bands),
            "1 to 256",
        )?;
        range(
            "lsh_rows",
            c.lsh_rows as f64,
            (1..=16).contains(&c.lsh_rows),
            "1 to 16",
        )?;
        Ok(Reuse { config: c.clone() })
    }
}

/// The reuse analysis, configured (see the crate documentation).
#[derive(Clone, Debug)]
pub struct Reuse {
    config: Config,
}

impl Reuse {
    /// A builder with the defaults.
    pub fn builder() -> ReuseBuilder {
        ReuseBuilder::new()
    }

    /// Prepares one plan: folds and masks its text, keeps its clauses and
    /// fingerprints. The document can be dropped afterwards.
    pub fn prepare(&self, doc: &Document, info: PlanInfo) -> Result<Plan> {
        info.validate()?;
        Ok(Plan::new(
            doc,
            info,
            &self.config.place_names,
            self.config.ngram,
            self.config.window,
        ))
    }

    /// The document frequency from which text is boilerplate, for a corpus
    /// of `plans` plans.
    pub fn boilerplate_df(&self, plans: usize) -> usize {
        let share = (self.config.boilerplate_share * plans as f64).ceil() as usize;
        self.config.boilerplate_plans.max(share)
    }

    /// The largest document frequency that still seeds a candidate, for a
    /// corpus of `plans` plans: `max_seed_plans`, and always below the
    /// boilerplate threshold.
    pub fn max_seed_plans(&self, plans: usize) -> usize {
        self.config
            .max_seed_plans
            .min(self.boilerplate_df(plans).saturating_sub(1))
            .max(2)
    }

    fn finder(&self, plans: usize) -> FinderSettings {
        let c = &self.config;
        FinderSettings {
            ngram: c.ngram,
            min_chars: c.min_passage_chars,
            chain_gap: c.chain_gap,
            band: c.band,
            scoring: c.scoring,
            boilerplate_df: self.boilerplate_df(plans),
            boilerplate_share: c.boilerplate_passage,
        }
    }

    /// Finds the passages, clusters, edges and shares of `plans` (no
    /// adoption matrices: they need the documents, see
    /// [`Reuse::adoption`]).
    pub fn find(&self, plans: &[Plan]) -> Report {
        let c = &self.config;
        let mut stats = Stats {
            plans: plans.len(),
            chars: plans.iter().map(|p| p.chars() as u64).sum(),
            fingerprints: plans.iter().map(|p| p.fp_hash.len() as u64).sum(),
            boilerplate_df: self.boilerplate_df(plans.len()),
            candidates: match c.candidates {
                CandidateMethod::Ngrams => "ngrams",
                CandidateMethod::Minhash => "minhash",
            }
            .into(),
            ..Stats::default()
        };
        let mut clock = Instant::now();
        let mut lap = |stats: &mut Stats, name: &str| {
            stats
                .stages
                .push((name.to_string(), clock.elapsed().as_secs_f64() * 1000.0));
            clock = Instant::now();
        };
        // text in as many plans as boilerplate seeds nothing
        let max_seed = self.max_seed_plans(plans.len());
        let index = FingerprintIndex::build(plans, max_seed);
        stats.rare_postings = index.rare_postings() as u64;
        lap(&mut stats, "fingerprint index");
        let lsh = match c.candidates {
            CandidateMethod::Minhash => {
                let s = LshSettings {
                    bands: c.lsh_bands,
                    rows: c.lsh_rows,
                    shingle: 5,
                    min_chars: c.min_passage_chars,
                    max_bucket: max_seed,
                    step: c.window + c.ngram,
                };
                let seeds = lsh_seeds(plans, &s);
                lap(&mut stats, "minhash candidates");
                Some(seeds)
            }
            CandidateMethod::Ngrams => None,
        };
        let finder = self.finder(plans.len());
        let min_seeds = if lsh.is_some() { 1 } else { c.min_seeds };
        let found: Vec<(u64, Vec<crate::Passage>)> = (0..plans.len())
            .into_par_iter()
            .map(|a| {
                let seeds: Vec<Seed> = match &lsh {
                    Some(l) => l[a].clone(),
                    None => index.seeds(plans, a),
                };
                let partners = by_partner(&seeds, min_seeds);
                let mut out = Vec::new();
                for run in &partners {
                    out.extend(find_passages(plans, &index, a, run, &finder));
                }
                (partners.len() as u64, out)
            })
            .collect();
        drop(lsh);
        stats.candidate_pairs = found.iter().map(|f| f.0).sum();
        let mut passages: Vec<crate::Passage> = found.into_iter().flat_map(|f| f.1).collect();
        passages.sort_by_key(|p| (p.a, p.b, p.a_chars.start, p.b_chars.start));
        stats.passages = passages.len() as u64;
        stats.boilerplate_passages = passages.iter().filter(|p| p.boilerplate).count() as u64;
        lap(&mut stats, "candidates and alignment");
        let clusters = cluster::cluster(plans, &mut passages, c.cluster_overlap);
        lap(&mut stats, "clusters");
        let edges = direction::edges(plans, &passages);
        stats.pairs_with_passages = edges.len() as u64;
        lap(&mut stats, "edges");
        let shares = shares::shares(
            plans,
            &passages,
            &edges,
            &index,
            c.ngram,
            c.window,
            stats.boilerplate_df,
        );
        lap(&mut stats, "shares");
        Report {
            plans: plans.iter().map(PlanSummary::of).collect(),
            passages,
            clusters,
            edges,
            shares,
            adoption: Vec::new(),
            stats,
        }
    }

    /// Fills `report.adoption`: what lower plans adopted from each
    /// upper-level plan, reading the documents from `docs`.
    pub fn adoption<D: DocumentSource + ?Sized>(
        &self,
        plans: &[Plan],
        report: &mut Report,
        docs: &D,
    ) {
        let clock = Instant::now();
        let s = AdoptionSettings {
            coverage: self.config.adopt_coverage,
            min_clause_chars: self.config.ngram,
        };
        report.adoption = adoption(plans, &report.passages, &report.edges, docs, s);
        report
            .stats
            .stages
            .push(("adoption".into(), clock.elapsed().as_secs_f64() * 1000.0));
    }

    /// The whole analysis of documents held in memory, `infos[i]`
    /// describing `docs[i]`.
    pub fn run(&self, docs: &[Document], infos: Vec<PlanInfo>) -> Result<Report> {
        if docs.len() != infos.len() {
            return Err(Error::Plan {
                plan: String::new(),
                message: format!(
                    "{} documents but {} plan descriptions",
                    docs.len(),
                    infos.len()
                ),
            });
        }
        let plans: Vec<Plan> = docs
            .par_iter()
            .zip(infos)
            .map(|(d, i)| self.prepare(d, i))
            .collect::<Result<_>>()?;
        let mut report = self.find(&plans);
        self.adoption(&plans, &mut report, docs);
        Ok(report)
    }
}
