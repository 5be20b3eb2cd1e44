//! `fangan serve`: the command starts the web application on the corpus
//! the other commands read, says where, and warns when it listens beyond
//! this machine. (The pages themselves are tested in `crates/serve/tests`.)

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};

use crate::util::command;

/// `fangan ARGS serve …` running, with the first lines of its stderr up to
/// the one giving its URL.
struct Running {
    child: Child,
    lines: Vec<String>,
    url: String,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(args: &[&str]) -> Running {
    let child = command(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start fangan serve");
    // owned by `Running` at once: killed and waited for whatever happens
    let mut r = Running {
        child,
        lines: Vec::new(),
        url: String::new(),
    };
    let mut reader = BufReader::new(r.child.stderr.take().unwrap());
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap() == 0 {
            panic!("fangan serve stopped: {:?}", r.lines);
        }
        r.lines.push(line.trim_end().to_string());
        if let Some(rest) = line.strip_prefix("fangan serve: ") {
            r.url = rest.split_whitespace().next().unwrap().to_string();
            return r;
        }
    }
}

/// The status line and body of `GET path` from `url` (`http://HOST:PORT/`).
fn get(url: &str, path: &str) -> (String, String) {
    let host = url.trim_start_matches("http://").trim_end_matches('/');
    let mut s = TcpStream::connect(host).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = String::new();
    s.read_to_string(&mut raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    (head.lines().next().unwrap().to_string(), body.to_string())
}

#[test]
fn serve_answers_on_localhost_from_the_seeds() {
    let r = serve(&["serve", "--port", "0"]);
    assert!(r.url.starts_with("http://127.0.0.1:"), "{}", r.url);
    assert!(
        !r.lines.iter().any(|l| l.contains("warning")),
        "{:?}",
        r.lines
    );
    let (status, body) = get(&r.url, "/");
    assert!(status.contains(" 200 "), "{status}");
    assert!(body.contains("pingjiang-2023"), "{body}");
    let (status, _) = get(&r.url, "/search?q=%22%E4%B8%93%E9%A1%B9%E5%80%BA");
    assert!(status.contains(" 400 "), "an unclosed quote: {status}");
}

#[test]
fn serve_warns_when_other_machines_can_connect() {
    let r = serve(&["serve", "--port", "0", "--host", "0.0.0.0"]);
    assert!(
        r.lines
            .iter()
            .any(|l| l.contains("warning") && l.contains("other machines")),
        "{:?}",
        r.lines
    );
}

#[test]
fn serve_refuses_a_missing_index_in_one_line() {
    let o = command(&[
        "--index",
        "/nonexistent/fangan-index",
        "serve",
        "--port",
        "0",
    ])
    .output()
    .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
}
