//! The state of a search as its URL says it (`/search?q=…&mode=…&county=…
//! &page=N`), turned into the same library request as `fangan search`
//! ([`fangan_index::SearchRequest`], filters checked by the catalog).

use fangan_catalog::Catalog;
use fangan_index::{Filter, FilterField, SearchRequest};

use crate::error::{Error, Result};
use crate::url::{Link, Params};

/// Hits per page.
pub const PAGE_SIZE: usize = 20;

/// At most this many hits are exported (`format=json|csv`).
pub const EXPORT_LIMIT: usize = 10_000;

/// How bare words match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Ranked by jieba words (the CLI's default).
    Words,
    /// Every bare word as an exact phrase.
    Exact,
}

/// The URL parameters that are filters, with their field.
pub const FILTER_PARAMS: [(&str, FilterField, &str); 11] = [
    ("county", FilterField::County, "县区"),
    ("city", FilterField::City, "地市"),
    ("province", FilterField::Province, "省份"),
    ("year", FilterField::Year, "年份"),
    ("level", FilterField::Level, "层级"),
    ("plan", FilterField::Plan, "方案"),
    ("section", FilterField::Section, "章节"),
    ("kind", FilterField::Kind, "类别"),
    ("lead", FilterField::Lead, "牵头"),
    ("support", FilterField::Support, "配合"),
    ("dept", FilterField::Dept, "部门"),
];

/// A search as asked.
#[derive(Clone, Debug)]
pub struct SearchState {
    /// The query as typed (empty: no search yet).
    pub q: String,
    /// How bare words match.
    pub mode: Mode,
    /// Filters set by parameter: (param, field, value).
    pub filters: Vec<(&'static str, FilterField, String)>,
    /// 1-based page.
    pub page: usize,
}

impl SearchState {
    /// Reads the state from the URL's parameters.
    pub fn from_params(p: &Params) -> Result<SearchState> {
        let mode = match p.get("mode") {
            None | Some("words") => Mode::Words,
            Some("exact") => Mode::Exact,
            Some(other) => {
                return Err(Error::BadRequest(format!(
                    "参数 mode={other:?} 无效：应为 words（按词排序）或 exact（精确短语）"
                )))
            }
        };
        let page = p.number("page").map_err(Error::BadRequest)?.unwrap_or(1);
        if page == 0 {
            return Err(Error::BadRequest("参数 page 从 1 开始".into()));
        }
        let filters = FILTER_PARAMS
            .iter()
            .filter_map(|(name, field, _)| p.get(name).map(|v| (*name, *field, v.to_string())))
            .collect();
        Ok(SearchState {
            q: p.get("q").unwrap_or("").to_string(),
            mode,
            filters,
            page,
        })
    }

    /// The value of filter `param`, when set.
    pub fn filter(&self, param: &str) -> Option<&str> {
        self.filters
            .iter()
            .find(|(k, _, _)| *k == param)
            .map(|(_, _, v)| v.as_str())
    }

    /// The link to this state (page 1 unless set otherwise).
    pub fn link(&self) -> Link {
        let mut l = Link::new("/search").set("q", Some(&self.q));
        if self.mode == Mode::Exact {
            l = l.set("mode", Some("exact"));
        }
        for (k, _, v) in &self.filters {
            l = l.set(k, Some(v));
        }
        l
    }

    /// The library request for `limit` hits from `offset`: the query parsed
    /// (a [`fangan_index::QueryError`] says where it is wrong), the filters
    /// added and checked against the corpus.
    pub fn request(&self, catalog: &Catalog, limit: usize, offset: usize) -> Result<SearchRequest> {
        let mut req = SearchRequest::parse(&self.q)?;
        if self.mode == Mode::Exact {
            req.query = req.query.exact();
        }
        req.limit(limit).offset(offset);
        for (param, field, value) in &self.filters {
            let f = Filter::new(*field, value).map_err(|e| {
                Error::BadRequest(format!("筛选 {param}={value:?} 无效：{}", e.message))
            })?;
            req.filter(f);
        }
        catalog
            .check_filters(&req)
            .map_err(|e| Error::from(e).as_bad_request())?;
        Ok(req)
    }
}
