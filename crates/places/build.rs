//! Writes the gazetteer table from the GB/T 2260 revisions of the `gb2260`
//! crate: one `code<TAB>name` line per division and name (a division
//! renamed between revisions, as many counties became districts, keeps
//! every name it had), newest revision first.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use gb2260::Division;

fn main() {
    let mut revisions: Vec<&str> = Division::revisions()
        .into_iter()
        .filter(|r| r.len() == 6 && r.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    revisions.sort_unstable_by(|a, b| b.cmp(a));
    // code → names, the newest first
    let mut names: BTreeMap<u32, Vec<&'static str>> = BTreeMap::new();
    let mut add = |code: u32, name: &'static str| {
        let v = names.entry(code).or_default();
        if !v.contains(&name) {
            v.push(name);
        }
    };
    for rev in &revisions {
        for p in 11..=82u32 {
            let pcode = p * 10_000;
            let Some(prov) = Division::get_by_revision(&pcode.to_string(), rev) else {
                continue;
            };
            add(pcode, prov.name);
            for c in 0..=99u32 {
                let ccode = pcode + c * 100;
                if c > 0 {
                    if let Some(d) = Division::get_by_revision(&ccode.to_string(), rev) {
                        add(ccode, d.name);
                    }
                }
                for k in 1..=99u32 {
                    let code = ccode + k;
                    if let Some(d) = Division::get_by_revision(&code.to_string(), rev) {
                        add(code, d.name);
                    }
                }
            }
        }
    }
    let mut out = String::new();
    for (code, ns) in &names {
        for n in ns {
            let _ = writeln!(out, "{code}\t{n}");
        }
    }
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("gb2260.tsv");
    std::fs::write(dest, out).unwrap();
    println!("cargo:rerun-if-changed=build.rs");
}
