//! The HTTP side: the axum router, the embedded assets, and the headers
//! every answer carries. Pages are computed on tokio's blocking threads
//! (they read the store and search the index); a page that fails answers
//! with its status and a message, and a panic in one answers 500 without
//! stopping the server.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, Method, Response, StatusCode, Uri};
use axum::Router;

use crate::answer::Answer;
use crate::corpus::Corpus;
use crate::html::error_page;

/// The stylesheet.
const STYLE: &str = include_str!("../assets/style.css");
/// The script (vanilla JS, no dependency).
const SCRIPT: &str = include_str!("../assets/app.js");
/// The icon.
const ICON: &str = include_str!("../assets/icon.svg");

/// Scripts and styles come from this server only; nothing a plan contains
/// can run (inline style attributes draw the bars).
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
                   img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; \
                   frame-ancestors 'none'";

/// What the handler needs: the corpus, and whether only this machine's
/// names may be asked for.
#[derive(Clone, Debug)]
struct App {
    corpus: Arc<Corpus>,
    local_only: bool,
}

/// The router of the web application over `corpus`. With `local_only`
/// (a server bound to a loopback address), a request whose `Host` is not
/// `localhost`, `127.0.0.1` or `[::1]` is refused: a web page elsewhere
/// cannot read the corpus by pointing a name of its own at this machine
/// (DNS rebinding).
pub fn router(corpus: Arc<Corpus>, local_only: bool) -> Router {
    Router::new()
        .fallback(handle)
        .with_state(App { corpus, local_only })
}

/// True when `host` (a `Host` header) names this machine.
fn is_local_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    };
    matches!(name, "localhost" | "127.0.0.1" | "::1")
}

async fn handle(
    State(app): State<App>,
    method: Method,
    headers: HeaderMap,
    uri: Uri,
) -> Response<Body> {
    if app.local_only {
        let host = headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("");
        if !is_local_host(host) {
            let a = Answer::html(error_page(
                403,
                "只接受本机地址（localhost、127.0.0.1）的请求",
            ))
            .with_status(403);
            return respond(a);
        }
    }
    let corpus = app.corpus;
    if method != Method::GET && method != Method::HEAD {
        let a = Answer::html(error_page(405, "只接受 GET 请求")).with_status(405);
        return respond(a);
    }
    let path = uri.path().to_string();
    if let Some(a) = asset(&path) {
        return respond(a);
    }
    let query = uri.query().map(str::to_string);
    let answer =
        tokio::task::spawn_blocking(move || crate::pages::answer(&corpus, &path, query.as_deref()))
            .await;
    let a = match answer {
        Ok(Ok(a)) => a,
        Ok(Err(e)) => {
            let status = e.status();
            Answer::html(error_page(status, &e.to_string())).with_status(status)
        }
        Err(_) => Answer::html(error_page(500, "内部错误：这一页没能生成")).with_status(500),
    };
    respond(a)
}

/// An embedded asset.
fn asset(path: &str) -> Option<Answer> {
    let (content_type, body) = match path {
        "/assets/style.css" => ("text/css; charset=utf-8", STYLE),
        "/assets/app.js" => ("text/javascript; charset=utf-8", SCRIPT),
        "/assets/icon.svg" | "/favicon.ico" => ("image/svg+xml", ICON),
        _ => return None,
    };
    Some(Answer {
        status: 200,
        content_type,
        body: body.as_bytes().to_vec(),
        download: None,
    })
}

fn respond(a: Answer) -> Response<Body> {
    let mut r = Response::builder()
        .status(StatusCode::from_u16(a.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR))
        .header(header::CONTENT_TYPE, a.content_type)
        .header(header::CONTENT_SECURITY_POLICY, CSP)
        .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
        .header(header::REFERRER_POLICY, "no-referrer")
        .header(header::CACHE_CONTROL, "no-cache");
    if let Some(name) = &a.download {
        r = r.header(
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        );
    }
    r.body(Body::from(a.body)).unwrap_or_else(|_| {
        let mut fallback = Response::new(Body::from("internal error"));
        *fallback.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
        fallback
    })
}

#[cfg(test)]
mod tests {
    use super::is_local_host;

    #[test]
    fn only_this_machines_names_are_local() {
        for h in [
            "localhost",
            "localhost:8035",
            "127.0.0.1:1",
            "[::1]:8035",
            "[::1]",
        ] {
            assert!(is_local_host(h), "{h}");
        }
        for h in [
            "",
            "evil.example",
            "evil.example:8035",
            "127.0.0.1.evil.example",
            "[::2]:1",
        ] {
            assert!(!is_local_host(h), "{h}");
        }
    }
}
