//! "Who else wrote this": the clauses most similar to a clause or a text.
//!
//! Candidates come from BM25 over the most distinctive jieba words of the
//! source text (tf·idf, at most [`MAX_TERMS`]); they are re-scored by the
//! Dice coefficient of their character-bigram sets (on folded text, letters
//! and digits only), which is 1.0 for a copy and reads as a share of shared
//! wording.

use std::collections::{HashMap, HashSet};

use fangan_model::fold;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use super::error::{IndexError, Result};
use super::search::Hit;
use super::search_index::SearchIndex;
use super::tokenizer::word_tokens;

/// Words of the source text used to find candidates.
pub const MAX_TERMS: usize = 40;
/// Candidates re-scored per hit asked for.
const CANDIDATES_PER_HIT: usize = 8;

/// What to find clauses similar to.
#[derive(Clone, Debug, PartialEq)]
pub struct SimilarRequest {
    /// The source text.
    pub text: String,
    /// Leave out clauses of this plan (the source's own).
    pub exclude_plan: Option<String>,
    /// Hits to return.
    pub limit: usize,
    /// Smallest similarity returned (0..1).
    pub min_similarity: f32,
}

impl SimilarRequest {
    /// Clauses like `text`, 10 of them, any similarity.
    pub fn new(text: impl Into<String>) -> SimilarRequest {
        SimilarRequest {
            text: text.into(),
            exclude_plan: None,
            limit: 10,
            min_similarity: 0.0,
        }
    }
}

/// One similar clause.
#[derive(Clone, Debug, PartialEq)]
pub struct SimilarHit {
    /// The clause (its `score` is the BM25 candidate score).
    pub hit: Hit,
    /// Dice similarity of character bigrams, 0..1.
    pub similarity: f32,
}

impl SearchIndex {
    /// The stored clause `path` of `plan`.
    pub fn clause(&self, plan: &str, path: &str) -> Result<Hit> {
        let f = self.fields();
        let q = BooleanQuery::new(vec![
            (Occur::Must, term(f.plan, plan)),
            (Occur::Must, term(f.path, path)),
        ]);
        let searcher = self.reader().searcher();
        let top = searcher.search(&q, &TopDocs::with_limit(1).order_by_score())?;
        match top.first() {
            Some((_, addr)) => self.hit(&searcher, *addr, 0.0),
            None => Err(IndexError::NotFound(format!(
                "no clause {path:?} in plan {plan:?} (see `fangan show {plan}`)"
            ))),
        }
    }

    /// Clauses most similar to the request's text, best first.
    pub fn similar(&self, req: &SimilarRequest) -> Result<Vec<SimilarHit>> {
        let folded = fold::fold_str(&req.text);
        let searcher = self.reader().searcher();
        let words = self.fields().words;
        let mut tf: HashMap<String, usize> = HashMap::new();
        for t in word_tokens(self.segmenter(), &folded) {
            *tf.entry(t.text).or_default() += 1;
        }
        let n_docs = searcher.num_docs().max(1) as f64;
        let mut weighted: Vec<(f64, String)> = Vec::with_capacity(tf.len());
        for (w, n) in tf {
            let df = searcher.doc_freq(&Term::from_field_text(words, &w))? as f64;
            if df == 0.0 {
                continue;
            }
            weighted.push((n as f64 * (n_docs / df).ln_1p(), w));
        }
        weighted.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        weighted.truncate(MAX_TERMS);
        if weighted.is_empty() || req.limit == 0 {
            return Ok(Vec::new());
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = weighted
            .iter()
            .map(|(_, w)| {
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(words, w),
                    IndexRecordOption::WithFreqs,
                ));
                (Occur::Should, q)
            })
            .collect();
        if let Some(plan) = &req.exclude_plan {
            clauses.push((Occur::MustNot, term(self.fields().plan, plan)));
        }
        let query = BooleanQuery::new(clauses);
        let top = searcher.search(
            &query,
            &TopDocs::with_limit(req.limit * CANDIDATES_PER_HIT).order_by_score(),
        )?;
        let source = bigrams(&folded);
        let mut out = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let hit = self.hit(&searcher, addr, score)?;
            let similarity = dice(&source, &bigrams(&fold::fold_str(&hit.text)));
            if similarity >= req.min_similarity {
                out.push(SimilarHit { hit, similarity });
            }
        }
        out.sort_by(|a, b| {
            b.similarity
                .total_cmp(&a.similarity)
                .then(b.hit.score.total_cmp(&a.hit.score))
        });
        out.truncate(req.limit);
        Ok(out)
    }
}

fn term(field: tantivy::schema::Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

/// The set of character bigrams of the letters and digits of `text`.
fn bigrams(text: &str) -> HashSet<(char, char)> {
    let chars: Vec<char> = text.chars().filter(|c| c.is_alphanumeric()).collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Dice coefficient of two sets.
fn dice(a: &HashSet<(char, char)>, b: &HashSet<(char, char)>) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(b).count();
    (2 * shared) as f32 / (a.len() + b.len()) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dice_of_copies_is_one_and_of_strangers_zero() {
        let a = bigrams("积极争取专项债券");
        assert_eq!(dice(&a, &a), 1.0);
        assert_eq!(dice(&a, &bigrams("优化营商环境")), 0.0);
        let half = dice(&bigrams("专项债券发行"), &bigrams("专项债券使用"));
        assert!(half > 0.3 && half < 0.8, "{half}");
    }
}
