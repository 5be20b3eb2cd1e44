//! Reading paths end to end, on committed fixtures (`tests/fixtures/read/`,
//! see its README) and on `.docx` files built here with the zip crate.
//!
//! Paths are relative to the crate root (cargo's working directory for
//! tests), so refusal messages can be asserted exactly.

use std::io::Write;
use std::path::Path;

use fangan_ingest::read::{read_bytes, read_path, ReadError, SourceText};

/// The plan excerpt every text fixture holds (LF endings).
const PLAN: &str = "担当好稳增长挑大梁的责任实施方案

一、工作目标
经济总量保持全省前十，全年地区生产总值增长 5%左右，地方一般公共预算收入增长 2%以上。
二、重点任务
（一）加强部门协同
1. 强化政策协同。建立政策梳理对接调度机制，及时调度政策对接落实情况。（县发改局牵头负责）
2. 强化工作协同。其他部门要密切配合、共同推动。(县人社局牵头,县发改局、县财政局等按职责分工负责)
";

fn fixture(name: &str) -> String {
    format!("tests/fixtures/read/{name}")
}

fn read(name: &str) -> SourceText {
    let path = fixture(name);
    read_path(Path::new(&path)).unwrap_or_else(|e| panic!("{e}"))
}

fn refusal(name: &str) -> String {
    let path = fixture(name);
    match read_path(Path::new(&path)) {
        Ok(src) => panic!("{path} was read as {:?}", src.encoding),
        Err(e) => e.to_string(),
    }
}

/// 1-based line of the first line equal to `line`.
fn line_of(text: &str, line: &str) -> Option<usize> {
    text.lines().position(|l| l == line).map(|i| i + 1)
}

#[test]
fn encodings_decode_to_the_same_text() {
    let cases = [
        ("gbk.txt", "GBK"),
        ("utf16le-bom.txt", "UTF-16LE"),
        ("utf16be-bom.txt", "UTF-16BE"),
        ("crlf.txt", "UTF-8"),
        ("cr.txt", "UTF-8"),
    ];
    for (name, encoding) in cases {
        let src = read(name);
        assert_eq!(src.text, PLAN, "{name}");
        assert_eq!(src.encoding, encoding, "{name}");
        assert_eq!(src.format, "text", "{name}");
        assert_eq!(line_of(&src.text, "（一）加强部门协同"), Some(6), "{name}");
    }
}

#[test]
fn gb18030_four_byte_sequences_decode() {
    let src = read("gb18030.txt");
    assert!(src.text.starts_with(PLAN));
    assert!(src.text.ends_with("（三）其他：𠀀€\n"));
    assert!(["GBK", "gb18030"].contains(&src.encoding.as_str()));
}

#[test]
fn utf8_bom_is_removed_and_markdown_kept() {
    let src = read("utf8-bom.md");
    assert_eq!(src.encoding, "UTF-8");
    assert_eq!(src.text, format!("## {PLAN}"));
}

#[test]
fn byte_ranges_slice_the_decoded_text() {
    // Offsets are into the decoded, LF-normalized text: the same phrase has
    // the same byte range whatever the file's encoding or line endings.
    let phrase = "（县发改局牵头负责）";
    let expected = PLAN.find(phrase).unwrap();
    for name in ["gbk.txt", "utf16le-bom.txt", "crlf.txt", "cr.txt"] {
        let text = read(name).text;
        let start = text.find(phrase).unwrap();
        assert_eq!(start, expected, "{name}");
        assert_eq!(&text[start..start + phrase.len()], phrase);
        assert_eq!(&text[start..start + "（".len()], "（");
    }
}

#[test]
fn html_body_text_one_paragraph_per_line() {
    let src = read("page.html");
    assert_eq!(
        (src.format.as_str(), src.encoding.as_str()),
        ("html", "UTF-8")
    );
    // The breadcrumb and the info bar are the site's, not the plan's.
    let expected = "\
担当好稳增长挑大梁的责任实施方案
一、工作目标
经济总量保持全省前十，全年地区生产总值增长 5%左右，地方一般公共预算收入增长2%以上。
二、重点任务
（一）加强部门协同
1. 强化政策协同。建立政策梳理对接调度机制，及时调度政策对接落实情况。（县发改局牵头负责）
2. 强化工作协同。其他部门要密切配合、共同推动。(县人社局牵头,县发改局&县财政局等按职责分工负责)
3. 附表见下。
指标\t目标
地区生产总值\t增长 5%
";
    assert_eq!(src.text, expected);
    for absent in [
        "不是正文",
        "pageId",
        "统计代码",
        "text-indent",
        "分享到微信",
        "首页 | 政务公开",
        "主办",
        "当前位置",
        "浏览量",
    ] {
        assert!(!src.text.contains(absent), "{absent}");
    }
    assert_eq!(src.properties.published.as_deref(), Some("2025-03-01"));
    assert_eq!(src.properties.source.as_deref(), Some("县政府办"));
    assert_eq!(
        src.properties.title.as_deref(),
        Some("平江县人民政府办公室关于印发《担当好稳增长挑大梁的责任实施方案》的通知")
    );
}

#[test]
fn gbk_html_with_declared_charset() {
    let src = read("page-gbk.htm");
    assert_eq!(
        (src.format.as_str(), src.encoding.as_str()),
        ("html", "GBK")
    );
    assert_eq!(
        src.text,
        "湘阴县“七大攻坚”总体方案\n一、总体要求\n坚持稳中求进工作总基调，推动经济高质量发展。\n\
         （一）产业项目攻坚\n由县发改局牵头，县科工信局配合。\n"
    );
}

#[test]
fn refused_files_have_exact_one_line_reasons() {
    let d = "tests/fixtures/read";
    let cases = [
        ("empty.txt", format!("{d}/empty.txt: empty file (0 bytes)")),
        (
            "bom-only.txt",
            format!("{d}/bom-only.txt: empty file (only a byte-order mark)"),
        ),
        (
            "whitespace.txt",
            format!("{d}/whitespace.txt: empty file (only white space)"),
        ),
        (
            "binary.bin",
            format!("{d}/binary.bin: binary file (NUL byte at offset 12), not a plan"),
        ),
        (
            "undecodable.txt",
            format!(
                "{d}/undecodable.txt: undecodable text (not UTF-8, UTF-16, GB18030 or Big5; \
                 invalid byte 0xE5 at offset 6)"
            ),
        ),
    ];
    for (name, message) in cases {
        let got = refusal(name);
        assert_eq!(got, message);
        assert!(!got.contains('\n'));
    }
}

#[test]
fn a_pdf_under_a_text_name_is_read_as_a_pdf() {
    // Content decides: a PDF header makes a PDF, and this one is broken.
    let err = refusal("doc.pdf.txt");
    let has_poppler = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok();
    let expected = if has_poppler {
        "tests/fixtures/read/doc.pdf.txt: broken PDF (cannot be parsed"
    } else {
        "tests/fixtures/read/doc.pdf.txt: cannot read: pdftotext is missing"
    };
    assert!(err.starts_with(expected), "{err}");
    assert!(!err.contains('\n'));
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let err = read_path(Path::new("tests/fixtures/read/nope.txt")).unwrap_err();
    assert!(matches!(err, ReadError::Io { .. }));
    assert!(err
        .to_string()
        .starts_with("tests/fixtures/read/nope.txt: cannot read: "));
}

// ---- docx, built in the test --------------------------------------------

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn zip(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, body) in parts {
        writer.start_file(*name, options).unwrap();
        writer.write_all(body.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

fn docx(body: &str) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    zip(&[
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
        ),
        ("word/document.xml", &document),
    ])
}

fn para(runs: &str) -> String {
    format!("<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr>{runs}</w:p>")
}

fn run(text: &str) -> String {
    format!("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

#[test]
fn docx_paragraphs_become_lines() {
    let body = [
        para(&run("一、工作目标")),
        para(""),
        para(&format!(
            "{}{}{}",
            run("1. "),
            run("强化政策协同。"),
            run("（县发改局牵头负责）")
        )),
        para("<w:r><w:t>指标</w:t><w:tab/><w:t>目标</w:t><w:br/><w:t>A&amp;B</w:t></w:r>"),
    ]
    .concat();
    let bytes = docx(&body);
    let src = read_bytes(&bytes, Path::new("plan.docx")).unwrap();
    assert_eq!(
        (src.format.as_str(), src.encoding.as_str()),
        ("docx", "UTF-8")
    );
    assert_eq!(
        src.text,
        "一、工作目标\n\n1. 强化政策协同。（县发改局牵头负责）\n指标\t目标\nA&B\n"
    );
    // A docx saved under another name is still read as one.
    let renamed = read_bytes(&bytes, Path::new("plan.txt")).unwrap();
    assert_eq!(renamed.text, src.text);
}

#[test]
fn broken_docx_files_are_refused() {
    let name = Path::new("d.docx");
    let message = |bytes: &[u8]| read_bytes(bytes, name).unwrap_err().to_string();
    assert_eq!(
        message("一、工作目标".as_bytes()),
        "d.docx: broken docx (not a zip archive)"
    );
    assert_eq!(
        message(&zip(&[("word/styles.xml", "<x/>")])),
        "d.docx: broken docx (no word/document.xml in the archive)"
    );
    let bad_xml = zip(&[(
        "word/document.xml",
        &format!("<w:document xmlns:w=\"{W_NS}\"><w:body><w:p></w:body>"),
    )]);
    assert!(message(&bad_xml)
        .starts_with("d.docx: broken docx (word/document.xml is not well-formed XML at byte "));
    assert_eq!(
        message(&docx(&para(""))),
        "d.docx: empty file (no text in the document)"
    );
    // A zip that is not a docx, under a text name: binary.
    assert_eq!(
        read_bytes(&zip(&[("a.csv", "1,2")]), Path::new("a.txt"))
            .unwrap_err()
            .to_string(),
        "a.txt: binary file (zip archive), not a plan"
    );
    // Every truncation of a valid docx is refused or read, never a panic.
    let whole = docx(&para(&run("二、重点任务")));
    for cut in 0..whole.len() {
        let _ = read_bytes(&whole[..cut], name);
    }
}

#[test]
fn mangled_fixtures_never_panic() {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let names = [
        "gbk.txt",
        "utf16le-bom.txt",
        "utf16be-bom.txt",
        "page.html",
        "page-gbk.htm",
        "crlf.txt",
    ];
    for name in names {
        let path = fixture(name);
        let original = std::fs::read(&path).unwrap();
        for _ in 0..200 {
            let mut bytes = original.clone();
            for _ in 0..1 + next() % 6 {
                let i = (next() as usize) % bytes.len();
                bytes[i] = next() as u8;
            }
            let cut = (next() as usize) % (bytes.len() + 1);
            if let Ok(src) = read_bytes(&bytes[..cut], Path::new(&path)) {
                assert!(!src.text.contains('\r'));
            }
        }
    }
}
