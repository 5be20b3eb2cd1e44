//! Reading notes: one note of every style, and a mechanism paragraph.
//!
//! `cargo bench -p fangan-notes --bench read_notes`

use criterion::{criterion_group, criterion_main, Criterion};
use fangan_notes::NoteReader;

/// One invented note per style, with the number of units it names.
const NOTES: &[(&str, usize)] = &[
    ("（县发改局牵头负责）", 1),
    (
        "(县人社局牵头,县发改局、县商务粮食局、县财政局、县民政局、县医保局等按职责分工负责)",
        6,
    ),
    ("(发改局、交通局等负责)", 2),
    (
        "(牵头单位:区科技工信局,责任单位:区发改局、区自然资源局、区人社局、区贸促会等)",
        5,
    ),
    ("（县住建局牵头，县城管局、县水利局配合）", 3),
    ("[责任单位:县财政局、县审计局]", 2),
    (
        "牵头单位：县财政局\n责任单位：县税务局、县地方金融服务中心",
        3,
    ),
    ("(责任领导:张三;牵头单位:县发改局;责任单位:县财政局)", 2),
    ("（县发改局牵头，县财政局等负责，6月底完成）", 2),
    ("(商务粮食局牵**\n\n头，发改局等负责)", 2),
    (
        "(县商务粮食局牵头,县高新区、各相关县直单位,各相关乡镇街道等按职责分工负责)",
        4,
    ),
];

const MECHANISM: &str = "成立打好经济增长主动仗工作专班，由县政府常务副县长任召集人，发改局主要负责人任副召集人，\
成员单位包括县委组织部、高新区、发改局、科工信局、财政局、人社局、自然资源局、住建局、交通局、水利局、农业农村局、\
商务粮食局、文旅广体局、市场监督管理局、卫健局、教育局、城投服务中心、天岳投资集团、重点办、金融办、文明办等，\
专班办公室设在发改局，负责日常协调和调度工作。";

fn read_notes(c: &mut Criterion) {
    let reader = NoteReader::new();
    let want: usize = NOTES.iter().map(|(_, n)| n).sum();
    c.bench_function("task notes of every style", |b| {
        b.iter(|| {
            let got: usize = NOTES
                .iter()
                .map(|(raw, _)| reader.read_note(raw).units.len())
                .sum();
            assert_eq!(got, want);
            got
        })
    });
    c.bench_function("mechanism paragraph", |b| {
        b.iter(|| {
            let notes = reader.read_mechanism(MECHANISM);
            assert_eq!(notes.len(), 1);
            assert_eq!(notes[0].units.len(), 21);
            notes
        })
    });
}

criterion_group!(benches, read_notes);
criterion_main!(benches);
