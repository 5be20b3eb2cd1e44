#[test]
fn perf() {
    let mut files = vec![];
    for dir in ["../../seeds", "/work/shared/testdata/provincial-reports-2026"] {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            files.push(std::fs::read(&p).unwrap());
        }
    }
    let mut big = Vec::new();
    while big.len() < 200_000_000 { for b in &files { big.extend_from_slice(b); } }
    let t = std::time::Instant::now();
    let ok = std::str::from_utf8(&big).is_ok();
    println!("std {:?} {ok}", t.elapsed());
    let t = std::time::Instant::now();
    let ok = encoding_rs::Encoding::utf8_valid_up_to(&big) == big.len();
    println!("encoding_rs {:?} {ok}", t.elapsed());
    let t = std::time::Instant::now();
    let c = encoding_rs::UTF_8.decode_without_bom_handling_and_without_replacement(&big).unwrap();
    println!("encoding_rs cow {:?} {}", t.elapsed(), c.len());
    let t = std::time::Instant::now();
    let s = c.into_owned();
    println!("copy {:?} {}", t.elapsed(), s.len());
    let t = std::time::Instant::now();
    let n = big.chunks(64).position(|c| c.iter().fold(false, |a, &b| a | (b == 0)));
    println!("nul chunk {:?} {n:?}", t.elapsed());
}
