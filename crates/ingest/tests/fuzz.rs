//! Reader fuzzing: random bytes and mutations of the real fixtures (flipped
//! bytes, truncations, spliced halves, repeated blocks) for every format,
//! read under every name a format can carry. Nothing may panic and no read
//! may outlast its time limit.
//!
//! Each format gets a time budget: `FANGAN_FUZZ_SECS` seconds (default 2,
//! so CI stays short; set it to 300 for a longer run outside CI). Formats
//! read by an external program (PDF) run fewer cases in that time.

use std::path::Path;
use std::time::{Duration, Instant};

use fangan_ingest::read::{read_bytes_with, Limits, ReadOptions};

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn budget() -> Duration {
    let secs = std::env::var("FANGAN_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .unwrap_or(2.0);
    Duration::from_secs_f64(secs)
}

/// One mutation of `seed`.
fn mutate(seed: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut b = seed.to_vec();
    match rng.below(6) {
        0 => {
            for _ in 0..1 + rng.below(8) {
                if !b.is_empty() {
                    let i = rng.below(b.len());
                    b[i] = rng.next() as u8;
                }
            }
        }
        1 => b.truncate(rng.below(b.len() + 1)),
        2 => {
            // Keep the head (signatures, headers), scramble a stretch after.
            let from = rng.below(b.len() + 1);
            let to = (from + rng.below(4096)).min(b.len());
            for x in &mut b[from..to] {
                *x = rng.next() as u8;
            }
        }
        3 => {
            let cut = rng.below(b.len() + 1);
            let other = rng.below(b.len() + 1);
            let mut spliced = b[..cut].to_vec();
            spliced.extend_from_slice(&b[other..]);
            b = spliced;
        }
        4 => {
            let from = rng.below(b.len() + 1);
            let len = rng.below(512).min(b.len() - from);
            let block = b[from..from + len].to_vec();
            for _ in 0..rng.below(50) {
                b.splice(from..from, block.iter().copied());
            }
        }
        _ => {
            let len = rng.below(2048);
            b = (0..len).map(|_| rng.next() as u8).collect();
            if rng.below(2) == 0 {
                let magic: &[u8] = [
                    &b"%PDF-1.4\n"[..],
                    b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
                    b"{\\rtf1 ",
                    b"PK\x03\x04",
                    b"<html>",
                ][rng.below(5)];
                b.splice(0..0, magic.iter().copied());
            }
        }
    }
    b
}

fn fuzz(fixtures: &[&str], names: &[&str], seed: u64) -> usize {
    let options = ReadOptions {
        limits: Limits {
            timeout: Duration::from_secs(10),
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    let seeds: Vec<Vec<u8>> = fixtures
        .iter()
        .map(|f| std::fs::read(Path::new("tests/fixtures").join(f)).unwrap())
        .collect();
    let mut rng = Rng(seed);
    let deadline = Instant::now() + budget();
    let mut cases = 0;
    while Instant::now() < deadline {
        let bytes = mutate(&seeds[rng.below(seeds.len())], &mut rng);
        let name = names[rng.below(names.len())];
        let started = Instant::now();
        if let Ok(src) = read_bytes_with(&bytes, Path::new(name), &options) {
            assert!(!src.text.contains('\r'));
            if let Some(e) = &src.extraction {
                assert_eq!(e.map.text(), src.text);
            }
        }
        let took = started.elapsed();
        assert!(
            took < Duration::from_secs(30),
            "{name}: one read took {took:?}"
        );
        cases += 1;
    }
    eprintln!("{fixtures:?}: {cases} cases");
    cases
}

#[test]
fn word97_and_rtf() {
    let n = fuzz(
        &["formats/libreoffice.doc", "formats/rtf-named.doc"],
        &["f.doc", "f.wps", "f.rtf", "f.txt"],
        0x1234_5678_9ABC_DEF1,
    );
    assert!(n > 20);
}

#[test]
fn ofd_and_docx_zips() {
    let n = fuzz(
        &["formats/plan.ofd"],
        &["f.ofd", "f.docx", "f.zip"],
        0x0F0F_1234_5555_AAAA,
    );
    assert!(n > 20);
}

#[test]
fn html_and_text() {
    let n = fuzz(
        &[
            "formats/page-gbk-meta.html",
            "formats/page-gbk-nometa.htm",
            "read/gbk.txt",
            "read/utf16le-bom.txt",
        ],
        &["f.html", "f.htm", "f.txt", "f.doc"],
        0x7777_1111_2222_3333,
    );
    assert!(n > 20);
}

#[test]
fn pdf() {
    if std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_err()
    {
        eprintln!("skipped: pdftotext is not installed (poppler-utils)");
        return;
    }
    let n = fuzz(
        &[
            "formats/gbk-euc-h.pdf",
            "formats/chromium.pdf",
            "formats/scan.pdf",
        ],
        &["f.pdf", "f.doc"],
        0x5151_A0A0_3C3C_9999,
    );
    assert!(n > 3);
}
