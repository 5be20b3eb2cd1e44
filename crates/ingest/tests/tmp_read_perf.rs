use std::path::Path;
use fangan_ingest::read::read_bytes;
#[test]
fn perf() {
    let mut files = vec![];
    for dir in ["../../seeds", "/work/shared/testdata/provincial-reports-2026"] {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            let b = std::fs::read(&p).unwrap();
            match read_bytes(&b, &p) { Ok(s) => println!("{} {} {} {}", p.display(), s.encoding, s.format, s.text.len()), Err(e) => println!("ERR {e}") }
            files.push((p, b));
        }
    }
    let mut big = Vec::new();
    while big.len() < 200_000_000 { for (_, b) in &files { big.extend_from_slice(b); } }
    let t = std::time::Instant::now();
    let s = read_bytes(&big, Path::new("big.txt")).unwrap();
    let dt = t.elapsed();
    println!("utf8 {} MB in {:?} = {:.0} MB/s", big.len()/1_000_000, dt, big.len() as f64 / 1e6 / dt.as_secs_f64());
    let crlf: Vec<u8> = String::from_utf8(big.clone()).unwrap().replace('\n', "\r\n").into_bytes();
    let t = std::time::Instant::now();
    let _ = read_bytes(&crlf, Path::new("big.txt")).unwrap();
    let dt = t.elapsed();
    println!("crlf {} MB in {:?} = {:.0} MB/s", crlf.len()/1_000_000, dt, crlf.len() as f64 / 1e6 / dt.as_secs_f64());
    let (gbk, _, _) = encoding_rs::GBK.encode(&s.text);
    let t = std::time::Instant::now();
    let g = read_bytes(&gbk, Path::new("big.txt")).unwrap();
    let dt = t.elapsed();
    println!("gbk {} {} MB in {:?} = {:.0} MB/s", g.encoding, gbk.len()/1_000_000, dt, gbk.len() as f64 / 1e6 / dt.as_secs_f64());
    let t = std::time::Instant::now();
    let h = blake3::hash(&big);
    println!("hash alone {:?} {}", t.elapsed(), h.to_hex().len());
}
