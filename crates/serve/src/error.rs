//! Errors of the server, each with the HTTP status it answers with: a bad
//! request (a malformed query, an unknown filter value, a parameter that is
//! not a number) is 400 with the message in words, a plan that is not there
//! 404, anything else 500. No request can make the server panic or stop.

use fangan_index::QueryError;

/// What can go wrong answering a request.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request is malformed (said in one line, for the user).
    #[error("{0}")]
    BadRequest(String),
    /// The query does not parse (with where).
    #[error("{}", .0.message)]
    Query(QueryError),
    /// What was asked for is not in the corpus.
    #[error("{0}")]
    NotFound(String),
    /// The catalog failed.
    #[error(transparent)]
    Catalog(#[from] fangan_catalog::Error),
    /// The search index failed.
    #[error(transparent)]
    Index(#[from] fangan_index::IndexError),
    /// The comparison could not be configured.
    #[error(transparent)]
    Compare(#[from] fangan_compare::Error),
    /// Writing the answer failed.
    #[error("{0}")]
    Internal(String),
    /// The socket could not be bound or served.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl From<QueryError> for Error {
    fn from(e: QueryError) -> Error {
        Error::Query(e)
    }
}

impl Error {
    /// The HTTP status of the answer.
    pub fn status(&self) -> u16 {
        match self {
            Error::BadRequest(_) | Error::Query(_) => 400,
            Error::NotFound(_) => 404,
            // a key naming no plan, or several: the user's request
            Error::Catalog(fangan_catalog::Error::NotFound(_)) => 404,
            Error::Catalog(fangan_catalog::Error::Ambiguous(_))
            | Error::Catalog(fangan_catalog::Error::Invalid(_)) => 400,
            _ => 500,
        }
    }

    /// The same error, as a bad request: a filter value that names nothing
    /// is the user's to fix, not a missing page.
    pub fn as_bad_request(self) -> Error {
        match self {
            Error::Catalog(
                e @ (fangan_catalog::Error::NotFound(_) | fangan_catalog::Error::Ambiguous(_)),
            ) => Error::BadRequest(e.to_string()),
            e => e,
        }
    }
}

/// Result alias of the server.
pub type Result<T> = std::result::Result<T, Error>;
