//! The web application in a real headless Chromium, driven through
//! WebDriver (chromedriver, Debian's `chromium-driver`; fantoccini): search
//! → a facet → a plan → compare with another → leads → targets, checking
//! what each page shows, that the XSS fixture stays text, and that the
//! browser's console has no error. Without chromedriver the test says it
//! was skipped and passes.

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

/// chromedriver, killed when the test ends.
struct Driver {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Driver {
    fn drop(&mut self) {
        // the whole group: chromedriver and the browsers it started
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn chromedriver() -> Option<std::path::PathBuf> {
    ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
        .iter()
        .map(std::path::PathBuf::from)
        .find(|p| p.exists())
}

fn start_driver(path: &std::path::Path) -> Driver {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    // its own process group: the browsers it starts are stopped with it
    let child = Command::new(path)
        .process_group(0)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(addr).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    Driver { child, addr }
}

/// The browser's console messages of level SEVERE since the last call
/// (chromedriver's log endpoint).
fn console_errors(driver: SocketAddr, session: &str) -> Vec<String> {
    let body = r#"{"type":"browser"}"#;
    let mut s = TcpStream::connect(driver).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    write!(
        s,
        "POST /session/{session}/se/log HTTP/1.1\r\nHost: {driver}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    // the head, then as many bytes as it says (the driver may keep the
    // connection open)
    let mut raw: Vec<u8> = Vec::new();
    let mut buf = [0u8; 4096];
    let head_end = loop {
        if let Some(at) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        let n = s.read(&mut buf).expect("the driver's answer");
        assert!(n > 0, "the driver closed without an answer");
        raw.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..head_end]).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("a Content-Length");
    while raw.len() < head_end + length {
        let n = s.read(&mut buf).expect("the driver's answer");
        assert!(n > 0, "the answer was cut");
        raw.extend_from_slice(&buf[..n]);
    }
    let v: serde_json::Value =
        serde_json::from_slice(&raw[head_end..head_end + length]).expect("JSON");
    let entries = v["value"].as_array().expect("log entries");
    entries
        .iter()
        .filter(|e| e["level"] == "SEVERE")
        .map(|e| e["message"].as_str().unwrap_or("").to_string())
        .collect()
}

async fn text_of(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .text()
        .await
        .unwrap()
}

async fn check_page(c: &Client, driver: SocketAddr, session: &str, what: &str) {
    eprintln!("checking {what}");
    let body = c.find(Locator::Css("body")).await.unwrap();
    assert_eq!(
        body.attr("data-errors").await.unwrap(),
        None,
        "{what}: script errors"
    );
    // the page's script ran
    assert_eq!(
        body.attr("data-ready").await.unwrap().as_deref(),
        Some("1"),
        "{what}"
    );
    let errors = console_errors(driver, session);
    assert!(errors.is_empty(), "{what}: console errors: {errors:?}");
    // the XSS fixture never ran: no alert is open, no injected image
    assert!(c.get_alert_text().await.is_err(), "{what}: an alert opened");
    assert!(
        c.find_all(Locator::Css("img[src=x]"))
            .await
            .unwrap()
            .is_empty(),
        "{what}: an injected image"
    );
}

#[test]
fn search_facet_plan_compare_leads_targets_in_chromium() {
    let Some(path) = chromedriver() else {
        eprintln!("skipped: chromedriver is not installed (Debian package chromium-driver)");
        return;
    };
    let server = common::start(&common::index("serve-browser"));
    let base = server.url();
    let driver = start_driver(&path);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({"args": ["--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--window-size=1280,900"]}),
        );
        caps.insert("goog:loggingPrefs".into(), serde_json::json!({"browser": "ALL"}));
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let c = ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&format!("http://{}", driver.addr))
            .await
            .expect("a WebDriver session");
        let session = c.session_id().await.unwrap().unwrap_or_default();
        let d = driver.addr;

        // search
        c.goto(&format!("{base}/search")).await.unwrap();
        check_page(&c, d, &session, "empty search").await;
        let q = c.find(Locator::Css("input[name=q]")).await.unwrap();
        q.send_keys("\"专项债\"").await.unwrap();
        c.find(Locator::Css("form.search-form button")).await.unwrap().click().await.unwrap();
        c.wait().for_element(Locator::Css("#total")).await.unwrap();
        let all: usize = text_of(&c, "#total").await.parse().unwrap();
        assert!(all > 3, "{all}");
        assert_eq!(text_of(&c, "li.hit mark").await, "专项债");
        check_page(&c, d, &session, "search").await;

        // a facet narrows
        c.find(Locator::Css("section.facet[data-facet=year] li a"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        c.wait().for_element(Locator::Css("p.chips")).await.unwrap();
        let narrowed: usize = text_of(&c, "#total").await.parse().unwrap();
        assert!(narrowed > 0 && narrowed < all, "{narrowed} of {all}");
        assert!(c.current_url().await.unwrap().as_str().contains("year="));
        check_page(&c, d, &session, "facet").await;

        // open a plan from a hit: its clause is the target
        c.find(Locator::Css("a.hit-link")).await.unwrap().click().await.unwrap();
        c.wait().for_element(Locator::Css("nav.outline")).await.unwrap();
        let url = c.current_url().await.unwrap();
        assert!(url.path().starts_with("/plan/"), "{url}");
        assert!(url.fragment().is_some_and(|f| f.starts_with("c-")), "{url}");
        let targeted = c.execute("return document.querySelector(':target') ? document.querySelector(':target').id : ''", vec![]).await.unwrap();
        assert!(targeted.as_str().is_some_and(|id| id.starts_with("c-")), "{targeted}");
        check_page(&c, d, &session, "plan").await;

        // compare it with another plan
        c.goto(&format!("{base}/compare?a=pingjiang-2023&b=yueyanglou-2023")).await.unwrap();
        c.wait().for_element(Locator::Css("table.compare")).await.unwrap();
        let pairs = c.find_all(Locator::Css("tr.pair")).await.unwrap();
        assert!(pairs.len() > 5, "{}", pairs.len());
        // both cells of a pair start on one line
        let misaligned = c
            .execute(
                "var bad=0; document.querySelectorAll('tr.pair').forEach(function(r){\
                 var a=r.querySelector('td.a'),b=r.querySelector('td.b');\
                 if(Math.abs(a.getBoundingClientRect().top-b.getBoundingClientRect().top)>1)bad++;});\
                 return bad;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(misaligned, serde_json::json!(0));
        let marked = c.find_all(Locator::Css("td.a del, td.b ins, mark.num")).await.unwrap();
        assert!(!marked.is_empty(), "differences marked");
        check_page(&c, d, &session, "compare").await;

        // the XSS fixture compared: shown as text
        c.goto(&format!("{base}/compare?a=xss-2024&b=pingjiang-2025")).await.unwrap();
        c.wait().for_element(Locator::Css("table.compare")).await.unwrap();
        let source = c.source().await.unwrap();
        assert!(!source.contains("<script>alert"));
        check_page(&c, d, &session, "compare xss").await;
        c.goto(&format!("{base}/plan/xss-2024")).await.unwrap();
        let text = text_of(&c, "article.clauses").await;
        assert!(text.contains("<script>alert(1)</script>"), "{text}");
        assert!(text.contains("\"><img src=x onerror=alert(1)>"), "{text}");
        check_page(&c, d, &session, "plan xss").await;

        // leads: click a department, see its clauses
        c.goto(&format!("{base}/leads")).await.unwrap();
        let first = c.find(Locator::Css("table.ranking a.dept")).await.unwrap();
        let name = first.text().await.unwrap();
        first.click().await.unwrap();
        c.wait().for_element(Locator::Css("#dept-title")).await.unwrap();
        assert!(text_of(&c, "#dept-title").await.contains(name.trim_end_matches(" ?")));
        assert!(!c.find_all(Locator::Css("ol.dept-clauses li")).await.unwrap().is_empty());
        check_page(&c, d, &session, "leads").await;

        // targets
        c.goto(&format!("{base}/targets")).await.unwrap();
        let rows = c.find_all(Locator::Css("table.pivot tbody tr")).await.unwrap();
        assert!(!rows.is_empty());
        assert!(text_of(&c, "table.pivot").await.contains("地区生产总值"));
        check_page(&c, d, &session, "targets").await;

        // the corpus, on a phone-sized window
        c.set_window_size(390, 844).await.unwrap();
        c.goto(&base).await.unwrap();
        assert_eq!(text_of(&c, "#plan-count").await, "6");
        let overflow = c
            .execute("return document.documentElement.scrollWidth > window.innerWidth + 1 && !document.querySelector('.scroll')", vec![])
            .await
            .unwrap();
        assert_eq!(overflow, serde_json::json!(false));
        check_page(&c, d, &session, "corpus").await;
        c.close().await.unwrap();
    });
    server.stop().unwrap();
}
