//! Every format fixture (`tests/fixtures/formats/`, built by its
//! `make.py` from the repository's own texts, listed in `sources.txt`)
//! reads to the same clause tree as the text it was made from: the same
//! paths, labels, headings and clause texts once white space is folded.
//!
//! The same comparison runs on documents outside the repository: set
//! `FANGAN_FORMAT_PAIRS` to a folder of `name.txt` + `name.<format>`
//! pairs (`name.pdf`, `name.doc`, `name.ofd`, …) and run
//! `cargo test -p fangan-ingest --test formats -- --nocapture pairs`.
//!
//! Tests that need a program that is not installed (pdftotext for PDFs,
//! tesseract for OCR) say they are skipped.

use std::path::{Path, PathBuf};

use fangan_ingest::parse::Parser;
use fangan_ingest::read::{read_path, read_path_with, ReadError, ReadOptions, SourceText};
use fangan_model::{Document, Span};

const DIR: &str = "tests/fixtures/formats";

/// (path, label, heading, text without white space) of every clause.
type Tree = Vec<(String, String, String, String)>;

fn fold(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn tree(doc: &Document) -> Tree {
    doc.clauses
        .iter()
        .map(|c| {
            (
                c.path.clone(),
                c.label.clone(),
                fold(&c.heading),
                fold(&c.text),
            )
        })
        .collect()
}

fn parse(src: SourceText) -> Document {
    Parser::new().parse(src, None, fangan_model::PlanMeta::default())
}

fn has(program: &str) -> bool {
    std::process::Command::new(program)
        .arg("-v")
        .output()
        .is_ok()
}

/// The fixtures and the texts they were made from.
fn sources() -> Vec<(PathBuf, PathBuf)> {
    let list = std::fs::read_to_string(format!("{DIR}/sources.txt")).unwrap();
    list.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (fixture, source) = l.split_once('\t').unwrap();
            (
                Path::new(DIR).join(fixture),
                Path::new("../..").join(source),
            )
        })
        .collect()
}

/// Why `fixture` does not read to the clause tree of `source`, if it does
/// not.
fn difference(fixture: &Path, source: &Path) -> Option<String> {
    let expected = tree(&parse(read_path(source).unwrap()));
    let got = match read_path(fixture) {
        Ok(src) => tree(&parse(src)),
        // A package this machine lacks (poppler-data): said, not failed.
        Err(e @ ReadError::Missing { .. }) => {
            eprintln!("skipped {e}");
            return None;
        }
        Err(e) => return Some(e.to_string()),
    };
    if got == expected {
        eprintln!("{}: same tree, {} clauses", fixture.display(), got.len());
        return None;
    }
    let at = got.iter().zip(&expected).position(|(a, b)| a != b);
    Some(match at {
        Some(i) => format!(
            "{}: clause {i} differs:\n  got      {:?}\n  expected {:?}",
            fixture.display(),
            got[i],
            expected[i]
        ),
        None => format!(
            "{}: {} clauses, expected {}",
            fixture.display(),
            got.len(),
            expected.len()
        ),
    })
}

fn needs_poppler(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "pdf")
}

#[test]
fn every_fixture_reads_to_its_source_clause_tree() {
    let mut failures = Vec::new();
    for (fixture, source) in sources() {
        if needs_poppler(&fixture) && !has("pdftotext") {
            eprintln!(
                "skipped {}: pdftotext is not installed (poppler-utils)",
                fixture.display()
            );
            continue;
        }
        if let Some(why) = difference(&fixture, &source) {
            failures.push(why);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn formats_are_named_by_content() {
    let cases = [
        ("chromium.pdf", "pdf"),
        ("gbk-euc-h.pdf", "pdf"),
        ("libreoffice.pdf", "pdf"),
        ("libreoffice.doc", "doc"),
        ("libreoffice.wps", "wps"),
        ("rtf-named.doc", "rtf"),
        ("plan.ofd", "ofd"),
        ("page-gbk-meta.html", "html"),
        ("page-gbk-nometa.htm", "html"),
    ];
    for (name, format) in cases {
        if name.ends_with(".pdf") && !has("pdftotext") {
            continue;
        }
        let src = read_path(&Path::new(DIR).join(name)).unwrap();
        assert_eq!(src.format, format, "{name}");
    }
}

#[test]
fn the_scan_is_refused_without_ocr() {
    if !has("pdftotext") {
        eprintln!("skipped: pdftotext is not installed (poppler-utils)");
        return;
    }
    let path = Path::new(DIR).join("scan.pdf");
    let err = read_path(&path).unwrap_err();
    assert!(matches!(err, ReadError::Scanned { pages: 1, .. }));
    assert_eq!(
        err.to_string(),
        "tests/fixtures/formats/scan.pdf: scanned PDF: no text layer (read it with OCR: --ocr)"
    );
}

#[test]
fn the_scan_reads_with_ocr_when_tesseract_is_installed() {
    let langs = std::process::Command::new("tesseract")
        .arg("--list-langs")
        .output();
    let ready = langs.is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("chi_sim"));
    if !ready || !has("pdftoppm") {
        eprintln!(
            "skipped: OCR needs tesseract with chi_sim (tesseract-ocr, tesseract-ocr-chi-sim) \
             and pdftoppm (poppler-utils)"
        );
        return;
    }
    let options = ReadOptions {
        ocr: true,
        ..ReadOptions::default()
    };
    let src = read_path_with(&Path::new(DIR).join("scan.pdf"), &options).unwrap();
    let text = fold(&src.text);
    for phrase in [
        "担当好稳增长挑大梁的责任实施方案",
        "工作目标",
        "经济总量保持全省前十",
    ] {
        assert!(
            text.contains(phrase),
            "OCR text lacks {phrase}: {}",
            src.text
        );
    }
    let doc = parse(src);
    assert!(
        doc.clauses.iter().any(|c| c.path == "一"),
        "{:?}",
        tree(&doc)
    );
}

#[test]
fn repaired_text_maps_back_to_the_extraction() {
    for name in [
        "chromium.pdf",
        "gbk-euc-h.pdf",
        "libreoffice.pdf",
        "plan.ofd",
    ] {
        if name.ends_with(".pdf") && !has("pdftotext") {
            continue;
        }
        let src = read_path(&Path::new(DIR).join(name)).unwrap();
        let extraction = src.extraction.as_ref().expect(name);
        assert_eq!(extraction.map.text(), src.text, "{name}");
        // Every character maps to the one it was repaired from (a space
        // to the run of spaces it stands for, a line end to the line end).
        let mut checked = 0;
        for (at, c) in src.text.char_indices() {
            let span = Span::new(at, at + c.len_utf8());
            let raw = extraction.map.source_span(span).slice(&extraction.raw);
            let folded: String = raw
                .chars()
                .map(fangan_ingest::read::repair::chars::half_width)
                .collect();
            match c {
                '\n' => assert!(raw.ends_with(['\n', '\x0c']) || raw.is_empty(), "{name}"),
                ' ' => assert!(!raw.is_empty() && raw.trim().is_empty(), "{name}: {raw:?}"),
                _ => assert_eq!(folded, c.to_string(), "{name} at {at}"),
            }
            checked += 1;
        }
        // A phrase found in the text is found, spaced as extracted, in
        // the extraction where the map says.
        for phrase in ["（一）", "牵头", "增长"] {
            if let Some(at) = src.text.find(phrase) {
                let raw = extraction
                    .map
                    .source_span(Span::new(at, at + phrase.len()))
                    .slice(&extraction.raw);
                assert_eq!(fold(raw), phrase, "{name}");
            }
        }
        assert!(checked > 50, "{name}: {checked}");
    }
}

#[test]
fn properties_come_from_the_files() {
    let props = |name: &str| read_path(&Path::new(DIR).join(name)).unwrap().properties;
    let page = props("page-gbk-nometa.htm");
    assert_eq!(page.title.as_deref(), Some("打好经济增长主动仗工作方案"));
    assert_eq!(page.published.as_deref(), Some("2023-09-26"));
    assert_eq!(page.source.as_deref(), Some("岳阳楼区政府"));
    let ofd = props("plan.ofd");
    assert_eq!(
        ofd.title.as_deref(),
        Some("担当好稳增长挑大梁的责任实施方案")
    );
    assert_eq!(ofd.published.as_deref(), Some("2025-03-01"));
    if has("pdfinfo") {
        let pdf = props("gbk-euc-h.pdf");
        assert_eq!(
            pdf.title.as_deref(),
            Some("担当好稳增长挑大梁的责任实施方案")
        );
        assert_eq!(pdf.published.as_deref(), Some("2025-03-01"));
    }
}

#[test]
fn saved_pages_lose_the_site_and_keep_the_article() {
    for name in ["page-gbk-meta.html", "page-gbk-nometa.htm"] {
        let src = read_path(&Path::new(DIR).join(name)).unwrap();
        assert_eq!(src.encoding, "GBK", "{name}");
        assert!(
            src.text.starts_with("打好经济增长主动仗工作方案\n"),
            "{name}: {}",
            &src.text[..200]
        );
        for site in [
            "当前位置",
            "字体",
            "分享到",
            "打印本页",
            "关闭窗口",
            "主办单位",
            "网站标识码",
            "ICP备",
            "统计代码",
            "政务服务",
            "相关文件",
            "发布时间",
            "请输入关键字",
        ] {
            assert!(!src.text.contains(site), "{name} kept {site}");
        }
    }
}

#[test]
fn an_ofd_without_the_year_in_its_namespace_reads_the_same() {
    let bytes = std::fs::read(Path::new(DIR).join("plan.ofd")).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let mut body = String::new();
        std::io::Read::read_to_string(&mut entry, &mut body).unwrap();
        let body = body.replace("http://www.ofdspec.org/2016", "http://www.ofdspec.org");
        out.start_file(
            entry.name().unwrap().into_owned(),
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        std::io::Write::write_all(&mut out, body.as_bytes()).unwrap();
    }
    let rewritten = out.finish().unwrap().into_inner();
    let a = fangan_ingest::read::read_bytes(&bytes, Path::new("a.ofd")).unwrap();
    let b = fangan_ingest::read::read_bytes(&rewritten, Path::new("b.ofd")).unwrap();
    assert_eq!(a.text, b.text);
    assert!(a.text.contains("（一）加强部门协同"));
}

/// `FANGAN_FORMAT_PAIRS=/folder`: every `name.<format>` beside a
/// `name.txt` must read to the clause tree of the text.
#[test]
fn pairs() {
    let Ok(dir) = std::env::var("FANGAN_FORMAT_PAIRS") else {
        eprintln!("skipped: set FANGAN_FORMAT_PAIRS to a folder of name.txt + name.<format> pairs");
        return;
    };
    let mut failures = Vec::new();
    let mut compared = 0;
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in &entries {
        let is_text = path.extension().is_some_and(|e| e == "txt");
        let source = path.with_extension("txt");
        if is_text || !source.exists() {
            continue;
        }
        compared += 1;
        match difference(path, &source) {
            None => eprintln!("same tree: {}", path.display()),
            Some(why) => failures.push(why),
        }
    }
    eprintln!("{compared} pairs compared, {} differ", failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
