//! The pages, one module each, and [`answer`], which routes a request path
//! to one. Every page is a function of the catalog and the URL's
//! parameters, so every state is a GET URL.

pub mod compare;
pub mod help;
pub mod home;
pub mod leads;
pub mod plan;
pub mod search;
pub mod targets;

use crate::answer::Answer;
use crate::corpus::Corpus;
use crate::error::{Error, Result};
use crate::url::{decode, Params};

/// The answer to `GET path?query` (`path` as sent, percent-encoded).
pub fn answer(corpus: &Corpus, path: &str, query: Option<&str>) -> Result<Answer> {
    let params = Params::parse(query);
    if path == "/help" {
        return Ok(help::page());
    }
    let loaded = corpus.open()?;
    match path {
        "/" => home::page(&loaded),
        "/search" => search::page(&loaded, &params),
        "/compare" => compare::page(&loaded, &params),
        "/leads" => leads::page(&loaded, &params),
        "/targets" => targets::page(&loaded, &params),
        _ => match path.strip_prefix("/plan/") {
            Some(id) if !id.is_empty() => plan::page(&loaded, &decode_path(id), &params),
            _ => Err(Error::NotFound(format!("没有这个页面：{}", decode(path)))),
        },
    }
}

/// A path segment decoded (`+` is a `+` in a path, not a space).
fn decode_path(s: &str) -> String {
    decode(&s.replace('+', "%2B"))
}
