//! The web application over real HTTP: every page and export of an index
//! of the seed plans and the XSS fixture, bad requests, escaping, and an
//! ingest committing while the server answers.

mod common;

use common::{enc, get, get_from, ingest, root, start};

#[test]
fn the_corpus_page_lists_every_plan() {
    let r = get("/");
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    for id in [
        "pingjiang-2023",
        "pingjiang-2025",
        "suining-2024",
        "xiangyin-2025",
        "yueyanglou-2023",
        "xss-2024",
    ] {
        assert!(r.body.contains(&format!("href=\"/plan/{id}\"")), "{id}");
    }
    assert!(r.body.contains("<b id=plan-count>6</b>"), "{}", r.body);
    assert!(r.body.contains("<html lang=zh-CN>"));
    assert!(r.body.contains("语料库"));
}

#[test]
fn search_shows_hits_with_exact_highlights_facets_and_pages() {
    let r = get(&format!("/search?q={}", enc("\"专项债\"")));
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("<mark>专项债</mark>"));
    // facets by year and plan, narrowing links
    assert!(r.body.contains("data-facet=year"), "year facet");
    assert!(r.body.contains("data-facet=plan"), "plan facet");
    assert!(
        r.body.contains(&format!("county={}", enc("平江县")))
            || r.body.contains("data-facet=county")
    );
    assert!(r.body.contains("各年份条款数"));
    let total = |body: &str| -> usize {
        let at = body.find("<b id=total>").expect("a total") + "<b id=total>".len();
        body[at..body[at..].find('<').unwrap() + at]
            .parse()
            .unwrap()
    };
    let all = total(&r.body);
    assert!(all > 3, "{all}");
    // a facet narrows
    let narrowed = get(&format!("/search?q={}&year=2023", enc("\"专项债\"")));
    assert_eq!(narrowed.status, 200);
    let n = total(&narrowed.body);
    assert!(n > 0 && n < all, "{n} of {all}");
    assert!(narrowed.body.contains("class=chip"), "the filter is shown");
    // a lead department narrows too
    let lead = get(&format!(
        "/search?q={}&lead={}",
        enc("招商"),
        enc("商务粮食局")
    ));
    assert_eq!(lead.status, 200, "{}", lead.body);
    let by_words = total(&get(&format!("/search?q={}", enc("招商"))).body);
    let n = total(&lead.body);
    assert!(n > 0 && n < by_words, "{n} of {by_words}");
    // hits link to their clause
    assert!(r.body.contains("href=\"/plan/"), "hit links");
    assert!(r.body.contains("#c-"), "clause anchors");
    // a page past the first
    let words = get(&format!("/search?q={}", enc("发展")));
    assert!(words.body.contains("data-facet=kind"), "section kind facet");
    assert!(
        words.body.contains("data-facet=lead"),
        "lead department facet"
    );
    if total(&words.body) > fangan_serve::PAGE_SIZE {
        assert!(words.body.contains("rel=next"));
        let p2 = get(&format!("/search?q={}&page=2", enc("发展")));
        assert_eq!(p2.status, 200);
        assert!(p2.body.contains("start=21"));
    }
}

#[test]
fn exact_mode_matches_words_as_phrases() {
    let words = get(&format!("/search?q={}", enc("项目 建设")));
    let exact = get(&format!("/search?q={}&mode=exact", enc("项目建设")));
    assert_eq!(words.status, 200);
    assert_eq!(exact.status, 200);
    assert!(
        exact.body.contains("<mark>项目建设</mark>"),
        "{}",
        &exact.body[..2000.min(exact.body.len())]
    );
    assert!(exact.body.contains("<option value=exact selected>"));
}

#[test]
fn exports_are_the_current_query() {
    let q = enc("\"专项债\"");
    let json = get(&format!("/search?q={q}&year=2025&format=json"));
    assert_eq!(json.status, 200);
    assert!(json
        .header("content-type")
        .unwrap()
        .starts_with("application/json"));
    let v: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(v["total"].as_u64().unwrap() as usize, hits.len());
    assert!(!hits.is_empty());
    for h in hits {
        assert_eq!(h["year"], 2025);
        // highlights are characters of the text
        let text: Vec<char> = h["text"].as_str().unwrap().chars().collect();
        let [s, e] = [
            h["highlights"][0][0].as_u64().unwrap() as usize,
            h["highlights"][0][1].as_u64().unwrap() as usize,
        ];
        assert_eq!(text[s..e].iter().collect::<String>(), "专项债");
    }
    let csv = get(&format!("/search?q={q}&year=2025&format=csv"));
    assert_eq!(csv.status, 200);
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    assert!(csv
        .header("content-disposition")
        .unwrap()
        .contains("fangan-search.csv"));
    assert!(csv
        .body
        .starts_with("\u{FEFF}plan,county,year,path,line,heading,score,text\r\n"));
    let mut reader = csv::Reader::from_reader(csv.body.trim_start_matches('\u{FEFF}').as_bytes());
    assert_eq!(reader.records().count(), hits.len());
}

#[test]
fn a_bad_query_is_a_400_that_says_where() {
    let r = get(&format!("/search?q={}", enc("专项债 AND (招商")));
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("查询有误"), "{}", r.body);
    assert!(r.body.contains("<mark class=err>"), "the place is marked");
    let r = get(&format!("/search?q={}", enc("\"专项债")));
    assert_eq!(r.status, 400);
    // a filter naming nothing in the corpus, with the closest names
    let r = get(&format!(
        "/search?q={}&county={}",
        enc("专项债"),
        enc("平山")
    ));
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("平江"), "closest names: {}", r.body);
    let r = get(&format!("/search?q={}", enc("county:不存在县 专项债")));
    assert_eq!(r.status, 400);
    for bad in [
        "/search?q=a&page=abc",
        "/search?q=a&page=0",
        "/search?q=a&mode=fuzzy",
        "/search?q=a&format=xml",
        "/search?q=a&year=20x3",
        "/leads?role=boss",
        "/compare?a=pingjiang-2023&b=nowhere-1999",
        "/targets?format=pdf",
    ] {
        let r = get(bad);
        assert_eq!(r.status, 400, "{bad}: {}", r.body);
        assert!(r.body.contains("class=error"), "{bad}");
    }
    for missing in ["/plan/nowhere-1999", "/no-such-page", "/plan/%FF%FE"] {
        assert_eq!(get(missing).status, 404, "{missing}");
    }
    // malformed escapes and odd bytes never stop the server
    for odd in [
        "/search?q=%",
        "/search?q=%E4%B8",
        "/search?q=%00",
        "/search?%%%=&&=&q",
    ] {
        let r = get(odd);
        assert!(r.status == 200 || r.status == 400, "{odd}: {}", r.status);
    }
    assert_eq!(get("/").status, 200);
}

#[test]
fn the_plan_page_has_the_outline_clauses_notes_and_targets() {
    let r = get("/plan/pingjiang-2023");
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("<nav class=outline"));
    assert!(r.body.contains("id=\"c-二\""), "section anchors");
    assert!(
        r.body.contains("class=\"unit role-牵头\""),
        "notes with roles"
    );
    assert!(r.body.contains("table class=clause-targets"), "targets");
    assert!(r.body.contains("<dt>年份</dt><dd>2023"));
    let json = get("/plan/pingjiang-2023?format=json");
    let v: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(v["plan"]["id"], "pingjiang-2023");
    assert!(v["clauses"].as_array().unwrap().len() > 20);
    // a place name finds the plan too
    assert_eq!(get(&format!("/plan/{}", enc("湘阴"))).status, 200);
}

#[test]
fn compare_puts_pairs_on_one_row() {
    let r = get("/compare?a=pingjiang-2023&b=yueyanglou-2023");
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("<tr class=\"pair near-copy\""), "pairs");
    assert!(r.body.contains("class=only-a") || r.body.contains("class=only-b"));
    assert!(r.body.contains("主要目标对照"), "headline targets");
    let json = get("/compare?a=pingjiang-2023&b=yueyanglou-2023&format=json");
    let v: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    let pairs = v["pairs"].as_array().unwrap().len();
    assert!(
        r.body.matches("<tr class=\"pair ").count() == pairs,
        "{pairs}"
    );
    // topic narrows
    let t = get(&format!(
        "/compare?a=pingjiang-2023&b=yueyanglou-2023&topic={}&format=json",
        enc("投资")
    ));
    let tv: serde_json::Value = serde_json::from_str(&t.body).unwrap();
    assert!(tv["pairs"].as_array().unwrap().len() < pairs);
    // the chooser alone
    let form = get("/compare?a=pingjiang-2023");
    assert_eq!(form.status, 200);
    assert!(form
        .body
        .contains("<option value=\"pingjiang-2023\" selected>"));
}

#[test]
fn leads_rank_departments_and_list_their_clauses() {
    let r = get("/leads");
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("table class=ranking"));
    assert!(r.body.contains(">发改局</a>"), "{}", r.body);
    assert!(r.body.contains("class=bar style=\"width:"));
    let d = get(&format!("/leads?dept={}", enc("发改局")));
    assert_eq!(d.status, 200);
    assert!(d.body.contains("id=dept-title"));
    assert!(d.body.contains("#c-"), "clauses link to the plan");
    let any = get("/leads?role=any&format=json");
    let v: serde_json::Value = serde_json::from_str(&any.body).unwrap();
    assert_eq!(v["role"], "any");
}

#[test]
fn targets_pivot_indicators_against_plans() {
    let r = get("/targets");
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("table class=pivot"));
    assert!(r.body.contains("地区生产总值"), "{}", r.body);
    let f = get(&format!(
        "/targets?indicator={}&format=json",
        enc("固定资产投资")
    ));
    let v: serde_json::Value = serde_json::from_str(&f.body).unwrap();
    for row in v["rows"].as_array().unwrap() {
        assert!(row["canonical"].as_str().unwrap().contains("固定资产投资"));
    }
}

#[test]
fn assets_are_embedded_and_pages_carry_a_strict_policy() {
    for (path, kind) in [
        ("/assets/style.css", "text/css"),
        ("/assets/app.js", "text/javascript"),
        ("/assets/icon.svg", "image/svg+xml"),
        ("/favicon.ico", "image/svg+xml"),
    ] {
        let r = get(path);
        assert_eq!(r.status, 200, "{path}");
        assert!(
            r.header("content-type").unwrap().starts_with(kind),
            "{path}"
        );
    }
    let r = get("/help");
    assert_eq!(r.status, 200);
    let csp = r.header("content-security-policy").unwrap();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(
        !r.body.contains("http://") && !r.body.contains("https://"),
        "no outside assets"
    );
}

/// The fixture's markup is text on every page that shows it.
#[test]
fn document_text_is_escaped_everywhere() {
    let pages = [
        "/".to_string(),
        "/plan/xss-2024".to_string(),
        format!("/search?q={}", enc("以旧换新")),
        format!("/search?q={}", enc("\"onerror\"")),
        format!("/search?q={}", enc("alert")),
        "/compare?a=xss-2024&b=pingjiang-2025".to_string(),
        "/leads?role=any".to_string(),
        format!("/leads?dept={}&role=any", enc("发改局")),
        "/targets".to_string(),
    ];
    for p in &pages {
        let r = get(p);
        assert_eq!(r.status, 200, "{p}: {}", r.body);
        assert!(
            !r.body.contains("<script>alert"),
            "{p}: script tag unescaped"
        );
        assert!(!r.body.contains("<img src=x"), "{p}: img tag unescaped");
        assert!(!r.body.contains("\"><img"), "{p}: attribute broken out of");
    }
    let plan = get("/plan/xss-2024");
    assert!(
        plan.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "shown as text"
    );
    assert!(plan
        .body
        .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
}

/// Another process commits to the index while the server answers: every
/// request succeeds, and the new plan shows once committed.
#[test]
fn serving_goes_on_while_an_ingest_commits() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("serve-live");
    let _ = std::fs::remove_dir_all(&dir);
    let xss = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xss");
    ingest(&dir, &[xss]);
    let server = start(&dir);
    let before = get_from(server.addr(), "/");
    assert!(
        before.body.contains("<b id=plan-count>1</b>"),
        "{}",
        before.body
    );
    let writer = {
        let dir = dir.clone();
        std::thread::spawn(move || ingest(&dir, &[root().join("seeds")]))
    };
    let q = format!("/search?q={}", enc("\"专项债\""));
    while !writer.is_finished() {
        for target in ["/", q.as_str(), "/leads"] {
            let r = get_from(server.addr(), target);
            assert_eq!(r.status, 200, "{target} during the ingest: {}", r.body);
        }
    }
    writer.join().unwrap();
    let after = get_from(server.addr(), "/");
    assert!(
        after.body.contains("<b id=plan-count>6</b>"),
        "{}",
        after.body
    );
    assert!(get_from(server.addr(), "/plan/xiangyin-2025").status == 200);
    server.stop().unwrap();
}

/// A page elsewhere cannot reach the server under a name of its own (DNS
/// rebinding): on 127.0.0.1 only this machine's names are answered.
#[test]
fn other_host_names_are_refused() {
    use std::io::{Read, Write};
    let addr = common::server().addr();
    let ask = |host: &str| {
        let mut s = std::net::TcpStream::connect(addr).unwrap();
        write!(
            s,
            "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut raw = String::new();
        s.read_to_string(&mut raw).unwrap();
        raw.split(' ').nth(1).unwrap().to_string()
    };
    assert_eq!(ask("evil.example"), "403");
    assert_eq!(ask(&format!("evil.example:{}", addr.port())), "403");
    assert_eq!(ask(&format!("localhost:{}", addr.port())), "200");
    assert_eq!(ask(&addr.to_string()), "200");
}
