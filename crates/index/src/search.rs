//! Searching: a query tree compiled to tantivy queries, hits with true
//! highlights, and per-group counts.
//!
//! Matching and ranking:
//! - a quoted phrase must occur in the character field (a phrase query of
//!   its character bigrams: exact on the folded text), and ranks by that
//!   phrase query's BM25 (how often the phrase occurs, in how short a
//!   clause);
//! - bare words must each occur there too (each jieba word of the query as
//!   a character phrase, so a different segmentation in the clause never
//!   hides a match);
//! - bare words score BM25 of their jieba words on the word field, plus a
//!   bonus when they occur together as written.
//!
//! Filters score nothing. Highlights come from [`super::highlight`].

use std::collections::{BTreeMap, HashSet};
use std::ops::Bound;

use fangan_model::{fold, Span};
use tantivy::collector::{Count, DocSetCollector, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

use super::error::Result;
use super::highlight::{highlights, occurrences};
use super::query::{parse, Filter, FilterField, FilterValue, Node, QueryError};
use super::schema::Fields;
use super::search_index::SearchIndex;
use super::tokenizer::word_tokens;

/// Score added when bare words occur together exactly as written.
const PHRASE_BONUS: f32 = 2.0;

/// A search: a parsed query, extra filters, a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchRequest {
    /// The query.
    pub query: Node,
    /// Filters ANDed with the query (from `--county` and friends).
    pub filters: Vec<Filter>,
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
}

impl SearchRequest {
    /// Parses `query`; 10 hits from the first.
    pub fn parse(query: &str) -> std::result::Result<SearchRequest, QueryError> {
        Ok(SearchRequest {
            query: parse(query)?,
            filters: Vec::new(),
            limit: 10,
            offset: 0,
        })
    }

    /// Adds a filter.
    pub fn filter(&mut self, filter: Filter) -> &mut Self {
        self.filters.push(filter);
        self
    }

    /// Sets the page size.
    pub fn limit(&mut self, limit: usize) -> &mut Self {
        self.limit = limit;
        self
    }

    /// Sets the number of hits to skip.
    pub fn offset(&mut self, offset: usize) -> &mut Self {
        self.offset = offset;
        self
    }

    /// The folded texts to highlight in hits: phrases, bare words and the
    /// jieba words of bare words.
    fn needles(&self, index: &SearchIndex) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (text, quoted) in self.query.positive_texts() {
            out.push(text.to_string());
            if !quoted {
                for w in content_words(index, text) {
                    out.push(w);
                }
            }
        }
        let mut seen = HashSet::new();
        out.retain(|n| seen.insert(n.clone()));
        out
    }

    /// The folded texts whose occurrences are counted.
    fn counted(&self) -> Vec<String> {
        let mut seen = HashSet::new();
        self.query
            .positive_texts()
            .into_iter()
            .map(|(t, _)| t.to_string())
            .filter(|t| seen.insert(t.clone()))
            .collect()
    }
}

/// One matching clause.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Plan id.
    pub plan: String,
    /// County as written.
    pub county: Option<String>,
    /// Level of the plan (`县`, `区`).
    pub level: Option<String>,
    /// Year of the plan.
    pub year: Option<u64>,
    /// Title of the plan.
    pub title: Option<String>,
    /// Clause path.
    pub path: String,
    /// 1-based line of the original file.
    pub line: u64,
    /// Clause heading.
    pub heading: String,
    /// Section kind.
    pub kind: String,
    /// Clause text as shown.
    pub text: String,
    /// Rank score (BM25 on words plus the phrase bonus).
    pub score: f32,
    /// Byte ranges of `text` the query matched.
    pub highlights: Vec<Span>,
}

/// A page of hits and the number of all matching clauses.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResults {
    /// Matching clauses in all.
    pub total: usize,
    /// The requested page.
    pub hits: Vec<Hit>,
}

/// How to group counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupBy {
    /// By plan id.
    Plan,
    /// By county.
    County,
    /// By year.
    Year,
}

/// Clause and occurrence counts of one group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupCount {
    /// The group (plan id, county or year; `?` when unknown).
    pub key: String,
    /// Matching clauses.
    pub clauses: usize,
    /// Occurrences of the query's phrases and words in them.
    pub occurrences: usize,
}

/// Counts of a query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Matching clauses.
    pub clauses: usize,
    /// Occurrences in them.
    pub occurrences: usize,
    /// Per group, sorted by key (empty without grouping).
    pub groups: Vec<GroupCount>,
}

impl SearchIndex {
    /// Runs a search.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults> {
        let query = self.compile_request(req);
        let searcher = self.reader().searcher();
        if req.limit == 0 {
            let total = searcher.search(&query, &Count)?;
            return Ok(SearchResults {
                total,
                hits: Vec::new(),
            });
        }
        // one pass for the count and the page; the page buffer is bounded
        // by the number of documents, whatever `limit` says
        let cap = (searcher.num_docs() as usize).max(1);
        let top_docs = TopDocs::with_limit(req.limit.min(cap))
            .and_offset(req.offset.min(cap))
            .order_by_score();
        let (total, top) = searcher.search(&query, &(Count, top_docs))?;
        let needles = req.needles(self);
        let mut hits = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let mut hit = self.hit(&searcher, addr, score)?;
            hit.highlights = highlights(&hit.text, &needles);
            hits.push(hit);
        }
        Ok(SearchResults { total, hits })
    }

    /// Counts matching clauses and occurrences, optionally per group.
    pub fn count(&self, req: &SearchRequest, by: Option<GroupBy>) -> Result<Counts> {
        let query = self.compile_request(req);
        let searcher = self.reader().searcher();
        let mut docs: Vec<DocAddress> = searcher
            .search(&query, &DocSetCollector)?
            .into_iter()
            .collect();
        docs.sort();
        let counted = req.counted();
        let mut groups: BTreeMap<(u64, String), GroupCount> = BTreeMap::new();
        let mut counts = Counts::default();
        for addr in docs {
            let hit = self.hit(&searcher, addr, 0.0)?;
            let folded = fold::fold_str(&hit.text);
            let n: usize = counted.iter().map(|c| occurrences(&folded, c)).sum();
            counts.clauses += 1;
            counts.occurrences += n;
            let key = match by {
                None => continue,
                Some(GroupBy::Plan) => (0, hit.plan.clone()),
                Some(GroupBy::County) => (0, hit.county.clone().unwrap_or_else(|| "?".into())),
                Some(GroupBy::Year) => match hit.year {
                    Some(y) => (y, y.to_string()),
                    None => (u64::MAX, "?".into()),
                },
            };
            let g = groups.entry(key.clone()).or_insert_with(|| GroupCount {
                key: key.1,
                clauses: 0,
                occurrences: 0,
            });
            g.clauses += 1;
            g.occurrences += n;
        }
        counts.groups = groups.into_values().collect();
        Ok(counts)
    }

    pub(crate) fn hit(&self, searcher: &Searcher, addr: DocAddress, score: f32) -> Result<Hit> {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let f = self.fields();
        let s = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let n = |field| doc.get_first(field).and_then(|v| v.as_u64());
        Ok(Hit {
            plan: s(f.plan).unwrap_or_default(),
            county: s(f.county),
            level: s(f.level),
            year: n(f.year),
            title: s(f.title),
            path: s(f.path).unwrap_or_default(),
            line: n(f.line).unwrap_or(0),
            heading: s(f.heading).unwrap_or_default(),
            kind: s(f.kind).unwrap_or_default(),
            text: s(f.text).unwrap_or_default(),
            score,
            highlights: Vec::new(),
        })
    }

    pub(crate) fn compile_request(&self, req: &SearchRequest) -> Box<dyn Query> {
        if req.filters.is_empty() {
            return self.compile(&req.query);
        }
        let mut nodes = vec![req.query.clone()];
        nodes.extend(req.filters.iter().cloned().map(Node::Filter));
        self.compile(&Node::And(nodes))
    }

    /// Compiles a query tree.
    pub fn compile(&self, node: &Node) -> Box<dyn Query> {
        let f = self.fields();
        match node {
            // ranked by the phrase's own BM25 (its frequency in the clause,
            // the rarity of its bigrams): one posting walk, no word union
            Node::Phrase(p) => char_phrase(f, p),
            Node::Words(w) => {
                let words = content_words(self, w);
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                if words.is_empty() {
                    clauses.push((Occur::Must, zero(char_phrase(f, w))));
                } else {
                    for word in &words {
                        clauses.push((Occur::Must, zero(char_phrase(f, word))));
                    }
                    if words.len() > 1 {
                        clauses.push((
                            Occur::Should,
                            Box::new(ConstScoreQuery::new(char_phrase(f, w), PHRASE_BONUS)),
                        ));
                    }
                }
                clauses.extend(self.ranking(w));
                Box::new(BooleanQuery::new(clauses))
            }
            Node::Filter(filter) => zero(self.filter_query(filter)),
            Node::And(parts) => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for p in parts {
                    match p {
                        Node::Not(inner) => clauses.push((Occur::MustNot, self.compile(inner))),
                        p => clauses.push((Occur::Must, self.compile(p))),
                    }
                }
                if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
                    clauses.push((Occur::Must, zero(Box::new(AllQuery))));
                }
                Box::new(BooleanQuery::new(clauses))
            }
            Node::Or(parts) => Box::new(BooleanQuery::new(
                parts
                    .iter()
                    .map(|p| (Occur::Should, self.compile(p)))
                    .collect(),
            )),
            Node::Not(inner) => Box::new(BooleanQuery::new(vec![
                (Occur::Must, zero(Box::new(AllQuery))),
                (Occur::MustNot, self.compile(inner)),
            ])),
        }
    }

    /// BM25 clauses: the jieba words of `text` on the word field.
    fn ranking(&self, text: &str) -> Vec<(Occur, Box<dyn Query>)> {
        let words = self.fields().words;
        let mut seen = HashSet::new();
        word_tokens(self.segmenter(), text)
            .into_iter()
            .filter(|t| seen.insert(t.text.clone()))
            .map(|t| {
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(words, &t.text),
                    IndexRecordOption::WithFreqs,
                ));
                (Occur::Should, q)
            })
            .collect()
    }
}

/// The jieba words of folded `text` that carry letters or digits.
fn content_words(index: &SearchIndex, text: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    index
        .segmenter()
        .words(text)
        .into_iter()
        .filter(|w| w.text.chars().any(char::is_alphanumeric))
        .map(|w| w.text.to_string())
        .filter(|w| seen.insert(w.clone()))
        .collect()
}

fn zero(q: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(q, 0.0))
}

/// Exact match of folded `phrase` on the character field: its bigrams at
/// offsets 0, 2, 4, … (and the last one); one character is the range of
/// terms that start with it.
pub fn char_phrase(f: &Fields, phrase: &str) -> Box<dyn Query> {
    let chars: Vec<(usize, char)> = phrase.char_indices().collect();
    let term = |i: usize, n: usize| {
        let start = chars[i].0;
        let end = chars.get(i + n).map_or(phrase.len(), |(at, _)| *at);
        Term::from_field_text(f.chars, &phrase[start..end])
    };
    match chars.len() {
        0 => Box::new(AllQuery),
        1 => {
            let c = chars[0].1;
            let upper = char::from_u32(c as u32 + 1)
                .or_else(|| char::from_u32(c as u32 + 0x801))
                .map_or(Bound::Unbounded, |n| {
                    Bound::Excluded(Term::from_field_text(f.chars, n.encode_utf8(&mut [0; 4])))
                });
            Box::new(RangeQuery::new(
                Bound::Included(Term::from_field_text(f.chars, phrase)),
                upper,
            ))
        }
        2 => Box::new(TermQuery::new(term(0, 2), IndexRecordOption::WithFreqs)),
        n => {
            let mut offsets: Vec<usize> = (0..n - 1).step_by(2).collect();
            if offsets.last() != Some(&(n - 2)) {
                offsets.push(n - 2);
            }
            Box::new(PhraseQuery::new_with_offset(
                offsets.into_iter().map(|o| (o, term(o, 2))).collect(),
            ))
        }
    }
}

impl SearchIndex {
    fn filter_query(&self, filter: &Filter) -> Box<dyn Query> {
        let f = self.fields();
        let dept_field = match filter.field {
            FilterField::Lead => Some(f.lead),
            FilterField::Support => Some(f.support),
            FilterField::Dept => Some(f.dept),
            _ => None,
        };
        if let (Some(field), FilterValue::Term(t)) = (dept_field, &filter.value) {
            // 县发改局, 发改局 and 区发改局 are one department
            let canonical = fold::fold_str(&self.departments().resolve(t).canonical);
            let mut terms = vec![canonical];
            if !terms.contains(t) {
                terms.push(t.clone());
            }
            return Box::new(BooleanQuery::new(
                terms
                    .iter()
                    .map(|t| {
                        let q: Box<dyn Query> = Box::new(TermQuery::new(
                            Term::from_field_text(field, t),
                            IndexRecordOption::Basic,
                        ));
                        (Occur::Should, q)
                    })
                    .collect(),
            ));
        }
        filter_query(f, filter)
    }
}

fn filter_query(f: &Fields, filter: &Filter) -> Box<dyn Query> {
    let field = match filter.field {
        FilterField::County => f.county,
        FilterField::City => f.city,
        FilterField::Province => f.province,
        FilterField::Year => f.year,
        FilterField::Level => f.level,
        FilterField::Plan => f.plan,
        FilterField::Section => f.section,
        FilterField::Kind => f.kind,
        FilterField::Lead => f.lead,
        FilterField::Support => f.support,
        FilterField::Dept => f.dept,
    };
    match &filter.value {
        FilterValue::Term(t) if filter.field == FilterField::Section => section_query(field, t),
        FilterValue::Term(t) => Box::new(TermQuery::new(
            Term::from_field_text(field, t),
            IndexRecordOption::Basic,
        )),
        FilterValue::Years(a, b) => Box::new(RangeQuery::new(
            Bound::Included(Term::from_field_u64(field, *a)),
            Bound::Included(Term::from_field_u64(field, *b)),
        )),
    }
}

/// The clauses at path `section` and below it: the term itself, and the
/// terms from `section/` up to `section0` (`0` follows `/`).
fn section_query(field: tantivy::schema::Field, section: &str) -> Box<dyn Query> {
    let section = section.trim_end_matches('/');
    let exact: Box<dyn Query> = Box::new(TermQuery::new(
        Term::from_field_text(field, section),
        IndexRecordOption::Basic,
    ));
    let below: Box<dyn Query> = Box::new(RangeQuery::new(
        Bound::Included(Term::from_field_text(field, &format!("{section}/"))),
        Bound::Excluded(Term::from_field_text(field, &format!("{section}0"))),
    ));
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, exact),
        (Occur::Should, below),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{index_documents, parse_texts};

    fn index_of(texts: &[(&str, &str)]) -> SearchIndex {
        index_documents(&parse_texts(texts))
    }

    fn search(index: &SearchIndex, q: &str) -> SearchResults {
        let mut req = SearchRequest::parse(q).unwrap();
        req.limit(100);
        index.search(&req).unwrap()
    }

    #[test]
    fn phrase_and_words_find_the_clause() {
        let index = index_of(&[
            ("a", "积极争取专项债券，支持以旧换新。"),
            ("b", "优化营商环境。"),
        ]);
        assert_eq!(search(&index, "\"专项债\"").total, 1);
        assert_eq!(search(&index, "专项债").total, 1);
        assert_eq!(search(&index, "\"專項債\"").total, 1);
        assert_eq!(search(&index, "营商 OR 专项债").total, 2);
        assert_eq!(search(&index, "-专项债").total, 1);
    }

    #[test]
    fn department_facets_keep_roles_apart_and_fold_names() {
        let text = "一、重点任务\n1. 争取专项债券。积极争取。（县发改局牵头，县财政局、县住建局等按职责分工负责）\n2. 用好专项债。加快使用。（县财政局牵头）\n3. 专项债项目建设。推进。（住建局等负责）";
        let index = index_of(&[("p", text)]);
        let paths = |q: &str| -> Vec<String> {
            let mut v: Vec<String> = search(&index, q)
                .hits
                .iter()
                .map(|h| h.path.clone())
                .collect();
            v.sort();
            v
        };
        assert_eq!(paths("专项债 lead:发改局"), ["一/1"]);
        assert_eq!(paths("专项债 lead:财政局"), ["一/2"]);
        assert_eq!(paths("专项债 support:财政局"), ["一/1"]);
        // 县住建局 and 住建局 are one department; responsible units count under dept: only
        assert_eq!(paths("专项债 support:县住建局"), ["一/1"]);
        assert_eq!(paths("专项债 dept:住建局"), ["一/1", "一/3"]);
        assert_eq!(paths("专项债 dept:财政局"), ["一/1", "一/2"]);
    }
}
