use std::path::Path;
use fangan_ingest::read::read_bytes;
#[test]
fn perf() {
    let mut files = vec![];
    for dir in ["../../seeds", "/work/shared/testdata/provincial-reports-2026"] {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            files.push(std::fs::read(&p).unwrap());
        }
    }
    let total: usize = files.iter().map(|f| f.len()).sum();
    // realistic: many small files
    let t = std::time::Instant::now();
    let mut n = 0;
    while n < 200_000_000 { for b in &files { let s = read_bytes(b, Path::new("x.txt")).unwrap(); n += s.text.len(); } }
    let dt = t.elapsed();
    println!("small files utf8: {} MB in {:?} = {:.0} MB/s (batch {} KB)", n/1_000_000, dt, n as f64/1e6/dt.as_secs_f64(), total/1000);
    let crlf: Vec<Vec<u8>> = files.iter().map(|f| String::from_utf8(f.clone()).unwrap().replace('\n', "\r\n").into_bytes()).collect();
    let t = std::time::Instant::now();
    let mut n = 0;
    while n < 200_000_000 { for b in &crlf { let s = read_bytes(b, Path::new("x.txt")).unwrap(); n += b.len(); let _ = s; } }
    let dt = t.elapsed();
    println!("small files crlf: {:.0} MB/s", n as f64/1e6/dt.as_secs_f64());
    let gbk: Vec<Vec<u8>> = files.iter().map(|f| encoding_rs::GBK.encode(std::str::from_utf8(f).unwrap()).0.into_owned()).collect();
    let t = std::time::Instant::now();
    let mut n = 0;
    if std::env::var("GBK").is_ok() { while n < 100_000_000 { for b in &gbk { let s = read_bytes(b, Path::new("x.txt")).unwrap(); assert_eq!(s.encoding, "GBK"); n += b.len(); } } }
    let dt = t.elapsed();
    println!("small files gbk: {:.0} MB/s", n as f64/1e6/dt.as_secs_f64());
}
