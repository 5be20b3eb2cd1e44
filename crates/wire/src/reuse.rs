//! `fangan reuse`.
//!
//! ```text
//! {"plans": [{"id", "title", "level", "year", "county", "chars"}],
//!  "pairs": [{"source": ID, "target": ID, "directed", "evidence": [STR], "conflict",
//!             "shared_chars", "share", "boilerplate_chars", "peer_copy",
//!             "passages": [{"source_span": [S, E], "target_span": [S, E],
//!                           "text", "identity", "boilerplate"}]}],
//!  "shares": [{"plan": ID, "own", "higher", "peer", "lower", "boilerplate",
//!              "sources": [{"plan": ID, "share", "chars"}]}],
//!  "stats": {…}}
//! ```
//! A pair goes from the plan that came first (`source`) to the one that
//! reused its text (`target`) when `directed`; `evidence` says why, the
//! deciding signal first. `share` is the part of the target's text found in
//! the source (boilerplate left out). Spans are character offsets into each
//! plan's text; `text` is the source's side.

use fangan_model::Document;
use fangan_reuse::{Evidence, Report};
use serde::Serialize;

use crate::Chars;

/// One plan of the analysis.
#[derive(Debug, Serialize)]
pub struct PlanJson<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its title.
    pub title: Option<&'a str>,
    /// `province`, `city` or `county`.
    pub level: Option<&'static str>,
    /// Its year.
    pub year: Option<u16>,
    /// Its county.
    pub county: Option<&'a str>,
    /// Characters compared.
    pub chars: u64,
}

/// One passage of a pair.
#[derive(Debug, Serialize)]
pub struct PassageJson {
    /// Characters of the source's text.
    pub source_span: [usize; 2],
    /// Characters of the target's text.
    pub target_span: [usize; 2],
    /// The source's side.
    pub text: String,
    /// Share of aligned characters that are equal.
    pub identity: f32,
    /// Common wording many plans share.
    pub boilerplate: bool,
}

/// Reuse between two plans.
#[derive(Debug, Serialize)]
pub struct PairJson<'a> {
    /// The plan that came first (or the first of the two when undirected).
    pub source: &'a str,
    /// The plan that reused its text.
    pub target: &'a str,
    /// False when nothing says which came first.
    pub directed: bool,
    /// Why, the deciding signal first.
    pub evidence: Vec<String>,
    /// Some signal points the other way.
    pub conflict: bool,
    /// Characters of the target shared (boilerplate left out).
    pub shared_chars: u64,
    /// The same as a share of the target's text.
    pub share: f32,
    /// Characters of the target shared in boilerplate only.
    pub boilerplate_chars: u64,
    /// Characters two counties share that their city's plan lacks.
    pub peer_copy: Option<u64>,
    /// The passages.
    pub passages: Vec<PassageJson>,
}

/// Where one plan's text came from.
#[derive(Debug, Serialize)]
pub struct SharesJson<'a> {
    /// The plan.
    pub plan: &'a str,
    /// Found in no other plan.
    pub own: f32,
    /// Shared with higher-level plans.
    pub higher: f32,
    /// Shared with plans of its level.
    pub peer: f32,
    /// Shared with lower-level plans only.
    pub lower: f32,
    /// Boilerplate.
    pub boilerplate: f32,
    /// Plans it likely copied from: (plan, share, chars).
    pub sources: Vec<SourceJson<'a>>,
}

/// A likely source of a plan.
#[derive(Debug, Serialize)]
pub struct SourceJson<'a> {
    /// The source plan.
    pub plan: &'a str,
    /// Share of the plan's text shared with it.
    pub share: f32,
    /// Characters shared with it.
    pub chars: u64,
}

/// The whole answer.
#[derive(Debug, Serialize)]
pub struct ReuseJson<'a> {
    /// The plans compared.
    pub plans: Vec<PlanJson<'a>>,
    /// Pairs with shared text, most shared first.
    pub pairs: Vec<PairJson<'a>>,
    /// Each plan's text by origin.
    pub shares: Vec<SharesJson<'a>>,
    /// The run.
    pub stats: &'a fangan_reuse::Stats,
}

/// A signal in words.
pub fn evidence_words(e: &Evidence) -> String {
    match e {
        Evidence::Cites { title } => format!("cites 《{title}》"),
        Evidence::Issued {
            source,
            target,
            agrees,
        } => {
            format!(
                "issued {source} {} {target}",
                if *agrees { "before" } else { "after" }
            )
        }
        Evidence::Year {
            source,
            target,
            agrees,
        } => {
            format!(
                "year {source} {} {target}",
                if *agrees { "before" } else { "after" }
            )
        }
        Evidence::Level {
            source,
            target,
            agrees,
        } => format!(
            "{} {} {}",
            source.as_str(),
            if *agrees { "above" } else { "below" },
            target.as_str()
        ),
    }
}

impl<'a> ReuseJson<'a> {
    /// The JSON of `report` over `docs` (in the report's plan order).
    pub fn new(report: &'a Report, docs: &'a [Document], with_boilerplate: bool) -> ReuseJson<'a> {
        let chars: Vec<Chars> = docs.iter().map(|d| Chars::new(&d.text)).collect();
        let id = |i: u32| report.plans[i as usize].id.as_str();
        let mut pairs: Vec<PairJson<'a>> = report
            .edges
            .iter()
            .filter(|e| with_boilerplate || e.target_chars > 0)
            .map(|e| PairJson {
                source: id(e.source),
                target: id(e.target),
                directed: e.directed,
                evidence: e.evidence.iter().map(evidence_words).collect(),
                conflict: e.conflict,
                shared_chars: e.target_chars,
                share: e.weight,
                boilerplate_chars: e.boilerplate_chars,
                peer_copy: e.peer_copy.as_ref().map(|p| p.chars),
                passages: e
                    .passages
                    .iter()
                    .map(|&k| &report.passages[k as usize])
                    .filter(|p| with_boilerplate || !p.boilerplate)
                    .filter_map(|p| {
                        let (_, s) = p.side(e.source)?;
                        let (_, t) = p.side(e.target)?;
                        Some(PassageJson {
                            source_span: chars[e.source as usize].span(s),
                            target_span: chars[e.target as usize].span(t),
                            text: s.slice(&docs[e.source as usize].text).to_string(),
                            identity: p.identity,
                            boilerplate: p.boilerplate,
                        })
                    })
                    .collect(),
            })
            .collect();
        pairs.sort_by(|a, b| {
            b.shared_chars
                .cmp(&a.shared_chars)
                .then(a.source.cmp(b.source))
        });
        ReuseJson {
            plans: report
                .plans
                .iter()
                .map(|p| PlanJson {
                    id: &p.id,
                    title: p.title.as_deref(),
                    level: p.level.map(|l| l.as_str()),
                    year: p.year,
                    county: p.county.as_deref(),
                    chars: p.chars,
                })
                .collect(),
            pairs,
            shares: report
                .shares
                .iter()
                .map(|s| SharesJson {
                    plan: id(s.plan),
                    own: s.own,
                    higher: s.higher,
                    peer: s.peer,
                    lower: s.lower,
                    boilerplate: s.boilerplate,
                    sources: s
                        .sources
                        .iter()
                        .map(|x| SourceJson {
                            plan: id(x.plan),
                            share: x.share,
                            chars: x.chars,
                        })
                        .collect(),
                })
                .collect(),
            stats: &report.stats,
        }
    }
}
