//! Matching clauses per plan, or per term of another keyword field (a
//! section kind, a lead department), for the facets of a search (`fangan
//! serve` narrows a search by county, year, plan, kind or lead with these
//! counts).
//!
//! No stored document is read: the matching clauses are collected as a
//! set, then each plan's postings in the `plan` field are walked and the
//! matches among them counted. That is one pass over the plan postings of
//! the index (one entry per clause), whatever the number of matches, where
//! [`SearchIndex::count`] reads every matching clause to count
//! occurrences.

use std::collections::BTreeMap;

use tantivy::collector::DocSetCollector;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, TERMINATED};

use super::error::{IndexError, Result};
use super::search::SearchRequest;
use super::search_index::SearchIndex;

impl SearchIndex {
    /// The number of clauses matching `req` in each plan that has any,
    /// by plan id (the request's page is ignored).
    pub fn count_per_plan(&self, req: &SearchRequest) -> Result<BTreeMap<String, usize>> {
        self.count_per_term(req, crate::schema::PLAN)
    }

    /// The number of clauses matching `req` that hold each term of the
    /// keyword field `field` (`plan`, `kind`, `lead`, `support`, `dept`…);
    /// a clause naming two lead departments counts for both.
    pub fn count_per_term(
        &self,
        req: &SearchRequest,
        field: &str,
    ) -> Result<BTreeMap<String, usize>> {
        let field = self
            .index()
            .schema()
            .get_field(field)
            .map_err(IndexError::Tantivy)?;
        let query = self.compile_request(req);
        let searcher = self.reader().searcher();
        let matched = searcher.search(&query, &DocSetCollector)?;
        let readers = searcher.segment_readers();
        // one bitmap of matching documents per segment
        let mut hits: Vec<Vec<bool>> = readers
            .iter()
            .map(|r| vec![false; r.max_doc() as usize])
            .collect();
        for addr in &matched {
            if let Some(slot) = hits
                .get_mut(addr.segment_ord as usize)
                .and_then(|s| s.get_mut(addr.doc_id as usize))
            {
                *slot = true;
            }
        }
        let io = |source| IndexError::Io {
            path: self.dir().map(|d| d.to_path_buf()).unwrap_or_default(),
            source,
        };
        let mut out: BTreeMap<String, usize> = BTreeMap::new();
        for (seg, reader) in readers.iter().enumerate() {
            let seg_hits = &hits[seg];
            if !seg_hits.contains(&true) {
                continue;
            }
            let inverted = reader.inverted_index(field)?;
            let mut terms = inverted.terms().stream().map_err(io)?;
            while terms.advance() {
                let mut postings = inverted
                    .read_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)
                    .map_err(io)?;
                let mut n = 0;
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    if seg_hits.get(doc as usize).copied().unwrap_or(false) {
                        n += 1;
                    }
                    doc = postings.advance();
                }
                if n > 0 {
                    let id = String::from_utf8_lossy(terms.key()).into_owned();
                    *out.entry(id).or_default() += n;
                }
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use fangan_ingest::corpus::Corpus;
    use fangan_ingest::parse::Parser;

    use crate::testutil::index_documents;
    use crate::{GroupBy, SearchIndex, SearchRequest};

    fn seed_index() -> SearchIndex {
        index_documents(&Corpus::embedded(&Parser::new()).documents)
    }

    #[test]
    fn per_plan_counts_agree_with_grouped_counts() {
        let index = seed_index();
        for q in [
            "\"专项债\"",
            "招商",
            "\"以旧换新\" OR 消费",
            "county:平江 投资",
        ] {
            let req = SearchRequest::parse(q).unwrap();
            let fast = index.count_per_plan(&req).unwrap();
            let slow = index.count(&req, Some(GroupBy::Plan)).unwrap();
            let slow: Vec<(String, usize)> = slow
                .groups
                .into_iter()
                .map(|g| (g.key, g.clauses))
                .collect();
            let fast: Vec<(String, usize)> = fast.into_iter().collect();
            assert_eq!(fast, slow, "{q}");
            assert!(!fast.is_empty(), "{q}");
        }
    }

    #[test]
    fn per_term_counts_kinds_and_leads() {
        let index = seed_index();
        let req = SearchRequest::parse("招商").unwrap();
        let total = index.search(&req).unwrap().total;
        let kinds = index.count_per_term(&req, "kind").unwrap();
        // every clause has one kind
        assert_eq!(kinds.values().sum::<usize>(), total);
        let leads = index.count_per_term(&req, "lead").unwrap();
        assert!(!leads.is_empty());
        for (dept, n) in leads {
            let mut narrowed = req.clone();
            narrowed.filter(crate::Filter::new(crate::FilterField::Lead, &dept).unwrap());
            assert_eq!(index.search(&narrowed).unwrap().total, n, "{dept}");
        }
        assert!(index.count_per_term(&req, "no_such_field").is_err());
    }

    #[test]
    fn no_match_counts_nothing() {
        let index = seed_index();
        let req = SearchRequest::parse("\"没有这样的短语xyz\"").unwrap();
        assert!(index.count_per_plan(&req).unwrap().is_empty());
    }
}
