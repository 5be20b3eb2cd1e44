//! Shared helpers of the server tests: an index of the seed plans and the
//! XSS fixture, a server on a free port, and a plain HTTP/1.1 client.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use fangan_catalog::{Catalog, IngestRequest};
use fangan_serve::{Corpus, CorpusSource, Server};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Ingests `paths` into a fresh index at `dir`.
pub fn ingest(dir: &Path, paths: &[PathBuf]) {
    let mut c = Catalog::open_writable(dir).expect("open the index");
    let req = IngestRequest {
        paths: paths.to_vec(),
        ..IngestRequest::default()
    };
    c.ingest(&req, &mut |_| {}).expect("ingest");
}

/// The index of the seeds and the XSS fixture, made once per test binary
/// under cargo's temporary folder for tests.
pub fn index(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    ingest(
        &dir,
        &[
            root().join("seeds"),
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xss"),
        ],
    );
    dir
}

/// A server over `dir` on a free port of 127.0.0.1.
pub fn start(dir: &Path) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    Server::start(
        listener,
        Corpus::new(CorpusSource::Index(dir.to_path_buf())),
    )
    .expect("start")
}

/// The server of this test binary (one index, one server, shared).
pub fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| start(&index("serve-http")))
}

/// An HTTP answer.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: String,
    pub body: String,
}

impl Reply {
    /// The value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim().eq_ignore_ascii_case(name).then_some(v.trim())
        })
    }
}

/// `GET target` (an ASCII path and query) from the server at `addr`.
pub fn get_from(addr: std::net::SocketAddr, target: &str) -> Reply {
    let mut s = TcpStream::connect(addr).expect("connect");
    write!(
        s,
        "GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read");
    let text = String::from_utf8(raw).expect("utf-8 answer");
    let (head, body) = text.split_once("\r\n\r\n").expect("a head");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .expect("a status");
    Reply {
        status,
        headers: head.to_string(),
        body: body.to_string(),
    }
}

/// `GET target` from the shared server.
pub fn get(target: &str) -> Reply {
    get_from(server().addr(), target)
}

/// A URL-encoded value.
pub fn enc(s: &str) -> String {
    fangan_serve::url::encode(s)
}
