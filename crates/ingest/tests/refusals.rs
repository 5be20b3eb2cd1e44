//! Refusals of the new formats, each one line naming the file and the
//! reason: a missing program, a time limit, a size limit, a zip bomb, a
//! Works `.wps`, and a PDF's furniture never reaching the text.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use fangan_ingest::read::pdf::Poppler;
use fangan_ingest::read::{read_bytes_with, read_path_with, Limits, ReadError, ReadOptions};

const DIR: &str = "tests/fixtures/formats";

fn has(program: &str) -> bool {
    std::process::Command::new(program)
        .arg("-v")
        .output()
        .is_ok()
}

#[test]
fn a_missing_pdftotext_names_its_package() {
    let options = ReadOptions {
        pdf: Arc::new(Poppler::in_dir("/nonexistent/fangan-bin")),
        ..ReadOptions::default()
    };
    let err = read_path_with(&Path::new(DIR).join("gbk-euc-h.pdf"), &options).unwrap_err();
    assert_eq!(
        err.to_string(),
        "tests/fixtures/formats/gbk-euc-h.pdf: cannot read: pdftotext is missing \
         (install the Debian package poppler-utils)"
    );
}

#[test]
fn a_pdf_that_takes_too_long_is_given_up() {
    if !has("pdftotext") {
        eprintln!("skipped: pdftotext is not installed (poppler-utils)");
        return;
    }
    let options = ReadOptions {
        limits: Limits {
            timeout: Duration::from_millis(1),
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    let started = std::time::Instant::now();
    let err = read_path_with(&Path::new(DIR).join("chromium.pdf"), &options).unwrap_err();
    assert!(
        matches!(
            err,
            ReadError::TimedOut {
                tool: "pdftotext",
                ..
            }
        ),
        "{err}"
    );
    assert!(err
        .to_string()
        .ends_with("gave up after 1 s (pdftotext did not finish)"));
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let options = ReadOptions {
        limits: Limits {
            max_file_bytes: 1000,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    let err = read_path_with(&Path::new(DIR).join("plan.ofd"), &options).unwrap_err();
    assert!(err
        .to_string()
        .starts_with("tests/fixtures/formats/plan.ofd: file too large ("));
    assert!(err.to_string().ends_with(" bytes, the limit is 1000)"));
}

#[test]
fn an_ofd_zip_bomb_is_refused() {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    w.start_file("OFD.xml", opts).unwrap();
    w.write_all(
        b"<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:DocBody>\
          <ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
    )
    .unwrap();
    w.start_file("Doc_0/Document.xml", opts).unwrap();
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..64 {
        w.write_all(&zeros).unwrap();
    }
    let bomb = w.finish().unwrap().into_inner();
    assert!(bomb.len() < 1 << 20, "{} bytes", bomb.len());
    let options = ReadOptions {
        limits: Limits {
            max_entry_bytes: 8 << 20,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    let err = read_bytes_with(&bomb, Path::new("bomb.ofd"), &options).unwrap_err();
    assert_eq!(
        err.to_string(),
        "bomb.ofd: broken OFD (Doc_0/Document.xml decompresses to more than 8388608 bytes)"
    );
}

#[test]
fn a_works_wps_is_refused_with_what_it_is() {
    let mut file = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    for name in ["/CONTENTS", "/SPELLING"] {
        file.create_stream(name)
            .unwrap()
            .write_all(b"works")
            .unwrap();
    }
    file.flush().unwrap();
    let bytes = file.into_inner().into_inner();
    let err = read_bytes_with(&bytes, Path::new("old.wps"), &ReadOptions::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "old.wps: not read (Microsoft Works document, not a Word file)"
    );
}

#[test]
fn pdf_furniture_never_reaches_the_text() {
    if !has("pdftotext") {
        eprintln!("skipped: pdftotext is not installed (poppler-utils)");
        return;
    }
    let read = |name: &str| {
        read_path_with(&Path::new(DIR).join(name), &ReadOptions::default())
            .unwrap()
            .text
    };
    let gbk = read("gbk-euc-h.pdf");
    for furniture in ["公报", "— 1 —", "—1—", "— 3 —"] {
        assert!(!gbk.contains(furniture), "gbk-euc-h.pdf kept {furniture}");
    }
    let chromium = read("chromium.pdf");
    for furniture in ["file://", "1/4", "平江县人民政府\n", " PM"] {
        assert!(
            !chromium.contains(furniture),
            "chromium.pdf kept {furniture:?}"
        );
    }
    // Wrapped lines are joined: the paragraph after 一、工作目标 is one line.
    for text in [&gbk, &chromium] {
        assert!(text.contains("全年地区生产总值增长 5%左右，在实际工作中努力争取更好结果。"));
    }
}
