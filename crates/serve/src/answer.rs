//! [`Answer`]: what a page handler returns, before it becomes an HTTP
//! response (status, type, body, and a file name for downloads).

use serde::Serialize;

use crate::error::{Error, Result};

/// A response body with its status and type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// HTTP status.
    pub status: u16,
    /// `Content-Type`.
    pub content_type: &'static str,
    /// The body.
    pub body: Vec<u8>,
    /// A file name: the browser saves the body instead of showing it.
    pub download: Option<String>,
}

impl Answer {
    /// An HTML page (200).
    pub fn html(page: String) -> Answer {
        Answer {
            status: 200,
            content_type: "text/html; charset=utf-8",
            body: page.into_bytes(),
            download: None,
        }
    }

    /// Pretty JSON (200).
    pub fn json(value: &impl Serialize) -> Result<Answer> {
        let mut body =
            serde_json::to_vec_pretty(value).map_err(|e| Error::Internal(e.to_string()))?;
        body.push(b'\n');
        Ok(Answer {
            status: 200,
            content_type: "application/json; charset=utf-8",
            body,
            download: None,
        })
    }

    /// CSV (200), saved as `name`. A UTF-8 byte-order mark leads, so that
    /// spreadsheet programs read the Chinese text as UTF-8.
    pub fn csv(text: &str, name: &str) -> Answer {
        let mut body = "\u{FEFF}".as_bytes().to_vec();
        body.extend_from_slice(text.as_bytes());
        Answer {
            status: 200,
            content_type: "text/csv; charset=utf-8",
            body,
            download: Some(name.to_string()),
        }
    }

    /// The same answer with another status.
    pub fn with_status(mut self, status: u16) -> Answer {
        self.status = status;
        self
    }
}
