//! `fangan search` and `fangan similar`.
//!
//! ```text
//! search:          {"total": N, "hits": [Hit]}
//! search --count:  {"clauses": N, "occurrences": N, "groups": [{"key", "clauses", "occurrences"}]}
//! similar:         {"hits": [Hit + {"similarity": F}]}
//! Hit = {"plan", "county", "level", "year", "title", "path", "line", "heading",
//!        "kind", "text", "score", "highlights": [[S, E], …]}
//! ```
//! `highlights` are characters of `text`.

use fangan_index::{Counts, Hit, SearchResults, SimilarHit};
use serde::Serialize;

use crate::Chars;

/// A hit.
#[derive(Debug, Serialize)]
pub struct HitJson<'a> {
    /// Plan id.
    pub plan: &'a str,
    /// County.
    pub county: Option<&'a str>,
    /// Level of the plan.
    pub level: Option<&'a str>,
    /// Year.
    pub year: Option<u64>,
    /// Title.
    pub title: Option<&'a str>,
    /// Clause path.
    pub path: &'a str,
    /// 1-based line of the plan's text.
    pub line: u64,
    /// Clause heading.
    pub heading: &'a str,
    /// Section kind.
    pub kind: &'a str,
    /// Clause text as shown.
    pub text: &'a str,
    /// Rank score.
    pub score: f32,
    /// Characters of `text` the query matched.
    pub highlights: Vec<[usize; 2]>,
    /// Similarity to the clause asked about (`similar` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f32>,
}

impl<'a> HitJson<'a> {
    /// A search hit.
    pub fn new(h: &'a Hit) -> HitJson<'a> {
        HitJson {
            plan: &h.plan,
            county: h.county.as_deref(),
            level: h.level.as_deref(),
            year: h.year,
            title: h.title.as_deref(),
            path: &h.path,
            line: h.line,
            heading: &h.heading,
            kind: &h.kind,
            text: &h.text,
            score: h.score,
            highlights: Chars::new(&h.text).spans(&h.highlights),
            similarity: None,
        }
    }

    /// A hit of `similar`.
    pub fn similar(h: &'a SimilarHit) -> HitJson<'a> {
        HitJson {
            similarity: Some(h.similarity),
            ..HitJson::new(&h.hit)
        }
    }
}

/// A page of hits.
#[derive(Debug, Serialize)]
pub struct ResultsJson<'a> {
    /// Matching clauses in all.
    pub total: usize,
    /// The page.
    pub hits: Vec<HitJson<'a>>,
}

impl<'a> ResultsJson<'a> {
    /// The JSON of `r`.
    pub fn new(r: &'a SearchResults) -> ResultsJson<'a> {
        ResultsJson {
            total: r.total,
            hits: r.hits.iter().map(HitJson::new).collect(),
        }
    }
}

/// The hits of `similar`.
#[derive(Debug, Serialize)]
pub struct SimilarJson<'a> {
    /// Most similar first.
    pub hits: Vec<HitJson<'a>>,
}

/// One group of `--count --by`.
#[derive(Debug, Serialize)]
pub struct GroupJson<'a> {
    /// Plan id, county or year (`?` when unknown).
    pub key: &'a str,
    /// Matching clauses.
    pub clauses: usize,
    /// Occurrences.
    pub occurrences: usize,
}

/// `search --count`.
#[derive(Debug, Serialize)]
pub struct CountsJson<'a> {
    /// Matching clauses.
    pub clauses: usize,
    /// Occurrences in them.
    pub occurrences: usize,
    /// Per group.
    pub groups: Vec<GroupJson<'a>>,
}

impl<'a> CountsJson<'a> {
    /// The JSON of `c`.
    pub fn new(c: &'a Counts) -> CountsJson<'a> {
        CountsJson {
            clauses: c.clauses,
            occurrences: c.occurrences,
            groups: c
                .groups
                .iter()
                .map(|g| GroupJson {
                    key: &g.key,
                    clauses: g.clauses,
                    occurrences: g.occurrences,
                })
                .collect(),
        }
    }
}
