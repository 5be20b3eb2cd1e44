//! Writes a screenshot of each page of `fangan serve` over the built-in
//! seed plans, with headless Chromium (`/usr/bin/chromium`, or `CHROMIUM`):
//!
//! ```sh
//! cargo run -p fangan-serve --example screenshots -- docs/screenshots
//! ```
//!
//! One PNG per page (1280×900, and the search page at a phone's 390×844).

use std::path::PathBuf;
use std::process::Command;

use fangan_serve::url::encode;
use fangan_serve::{Corpus, CorpusSource, Server};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "docs/screenshots".into()),
    );
    std::fs::create_dir_all(&out)?;
    let chromium = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    if !chromium.exists() {
        return Err(format!("{} is not installed", chromium.display()).into());
    }
    // the seed catalog is built on first use: before the first page
    fangan_catalog::seed_catalog()?;
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    let server = Server::start(listener, Corpus::new(CorpusSource::Seeds))?;
    let base = server.url();
    let q = encode("\"专项债\"");
    let pages = [
        ("corpus", "/".to_string(), (1280, 900)),
        ("search", format!("/search?q={q}"), (1280, 900)),
        (
            "search-facet",
            format!("/search?q={q}&year=2025"),
            (1280, 900),
        ),
        ("plan", "/plan/pingjiang-2023".to_string(), (1280, 900)),
        (
            "compare",
            "/compare?a=pingjiang-2023&b=yueyanglou-2023".to_string(),
            (1280, 900),
        ),
        ("leads", "/leads".to_string(), (1280, 900)),
        (
            "leads-dept",
            format!("/leads?dept={}", encode("发改局")),
            (1280, 900),
        ),
        ("targets", "/targets".to_string(), (1280, 900)),
        ("search-phone", format!("/search?q={q}"), (390, 844)),
    ];
    let profile = tempdir()?;
    for (name, path, (w, h)) in pages {
        let file = out.join(format!("{name}.png"));
        let status = Command::new(&chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--run-all-compositor-stages-before-draw",
                "--no-first-run",
                "--disable-background-networking",
                "--virtual-time-budget=3000",
                &format!("--user-data-dir={}", profile.display()),
                &format!("--window-size={w},{h}"),
                &format!("--screenshot={}", file.display()),
                &format!("{base}{path}"),
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()?;
        if !status.success() || !file.exists() {
            return Err(format!("chromium failed on {path}").into());
        }
        println!("{}", file.display());
    }
    let _ = std::fs::remove_dir_all(&profile);
    server.stop()?;
    Ok(())
}

fn tempdir() -> std::io::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("fangan-screenshots-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
