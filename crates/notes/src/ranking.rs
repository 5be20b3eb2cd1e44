//! Aggregation of notes over plans, for `fangan leads`: departments ranked
//! by the notes that name them in a role, the department × county (or plan)
//! table, the clauses a department leads, co-responsibility pairs, and the
//! names the department table does not know.
//!
//! Counting unit: one note. A department named twice in one note counts
//! once; generic phrases (相关部门) never count. Everything here is plain
//! data for the renderers; nothing prints.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use fangan_model::{Document, PlanMeta};
use serde::Serialize;

use crate::{Departments, Note, NoteReader, NoteType, Role, UnitKind};

/// Which roles count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RoleFilter {
    /// Leads only (the default).
    #[default]
    Lead,
    /// Support only.
    Support,
    /// Responsible (负责, no lead named) only.
    Responsible,
    /// Any role.
    Any,
}

impl RoleFilter {
    /// True when `role` counts.
    pub fn accepts(&self, role: Role) -> bool {
        match self {
            RoleFilter::Lead => role == Role::Lead,
            RoleFilter::Support => role == Role::Support,
            RoleFilter::Responsible => role == Role::Responsible,
            RoleFilter::Any => true,
        }
    }
}

/// Which plans count.
#[derive(Clone, Debug, Default)]
pub struct PlanFilter {
    /// County or district, as written or its start (`平江` matches `平江县`).
    pub county: Option<String>,
    /// Year of the plan.
    pub year: Option<u16>,
    /// Plan ids (any of them); empty for all.
    pub plans: Vec<String>,
}

impl PlanFilter {
    /// True when the plan passes every filter set.
    pub fn accepts(&self, meta: &PlanMeta) -> bool {
        let county_ok = self.county.as_deref().is_none_or(|want| {
            meta.county
                .as_deref()
                .is_some_and(|c| c == want || c.starts_with(want))
        });
        let year_ok = self.year.is_none_or(|y| meta.year == Some(y));
        let plan_ok = self.plans.is_empty() || self.plans.contains(&meta.id);
        county_ok && year_ok && plan_ok
    }
}

/// One note with the clause and plan it stands in.
#[derive(Clone, Debug, Serialize)]
pub struct PlanNote {
    /// Plan id.
    pub plan: String,
    /// County or district of the plan.
    pub county: Option<String>,
    /// Year of the plan.
    pub year: Option<u16>,
    /// Path of the clause (`二/（一）/3`).
    pub path: String,
    /// Heading of the clause.
    pub heading: String,
    /// 1-based line the clause starts on.
    pub line: usize,
    /// The note, read.
    pub note: Note,
}

/// Reads every note of the plans that pass `filter`; with `mechanism`
/// false, only task notes.
pub fn collect(
    reader: &NoteReader,
    docs: &[Document],
    filter: &PlanFilter,
    mechanism: bool,
) -> Vec<PlanNote> {
    let mut out = Vec::new();
    for d in docs.iter().filter(|d| filter.accepts(&d.meta)) {
        for (c, notes) in d.clauses.iter().zip(reader.read_document(d)) {
            for note in notes {
                if note.note_type == NoteType::Mechanism && !mechanism {
                    continue;
                }
                out.push(PlanNote {
                    plan: d.meta.id.clone(),
                    county: d.meta.county.clone(),
                    year: d.meta.year,
                    path: c.path.clone(),
                    heading: c.heading.clone(),
                    line: c.line,
                    note,
                });
            }
        }
    }
    out
}

/// The canonical departments a note names with an accepted role (each
/// once), with the written forms.
fn named(note: &Note, role: RoleFilter) -> BTreeMap<&str, Vec<&str>> {
    let mut m: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for u in note
        .units
        .iter()
        .filter(|u| !u.generic && role.accepts(u.role))
    {
        m.entry(u.canonical.as_str())
            .or_default()
            .push(u.name.as_str());
    }
    m
}

/// One department of the ranking.
#[derive(Clone, Debug, Serialize)]
pub struct RankRow {
    /// Canonical name.
    pub canonical: String,
    /// Full name from the table, when known.
    pub full: Option<String>,
    /// What sort of body.
    pub kind: UnitKind,
    /// True when the table knows it.
    pub known: bool,
    /// Notes naming it in an accepted role.
    pub notes: usize,
    /// Notes naming it as lead.
    pub lead: usize,
    /// Notes naming it as support.
    pub support: usize,
    /// Notes naming it as responsible.
    pub responsible: usize,
    /// Notes naming it in an accepted role, per plan id.
    pub per_plan: BTreeMap<String, usize>,
    /// The ways it is written, most frequent first.
    pub names: Vec<String>,
}

/// Departments ranked by the notes naming them in an accepted role (ties:
/// more leads first, then by name). Departments never named in an accepted
/// role are left out.
pub fn rank(notes: &[PlanNote], departments: &Departments, role: RoleFilter) -> Vec<RankRow> {
    let mut rows: HashMap<&str, RankRow> = HashMap::new();
    let mut names: HashMap<&str, HashMap<&str, usize>> = HashMap::new();
    for pn in notes {
        let by_role = [Role::Lead, Role::Support, Role::Responsible].map(|r| {
            pn.note
                .units
                .iter()
                .filter(|u| !u.generic && u.role == r)
                .map(|u| u.canonical.as_str())
                .collect::<BTreeSet<_>>()
        });
        for (canonical, written) in named(&pn.note, RoleFilter::Any) {
            let unit = pn
                .note
                .units
                .iter()
                .find(|u| u.canonical == canonical && !u.generic)
                .expect("a unit of the note");
            let row = rows.entry(canonical).or_insert_with(|| RankRow {
                canonical: canonical.to_string(),
                full: departments.get(canonical).map(|d| d.full.clone()),
                kind: unit.kind,
                known: unit.known,
                notes: 0,
                lead: 0,
                support: 0,
                responsible: 0,
                per_plan: BTreeMap::new(),
                names: Vec::new(),
            });
            row.lead += usize::from(by_role[0].contains(canonical));
            row.support += usize::from(by_role[1].contains(canonical));
            row.responsible += usize::from(by_role[2].contains(canonical));
            let accepted = pn
                .note
                .units
                .iter()
                .any(|u| u.canonical == canonical && !u.generic && role.accepts(u.role));
            if accepted {
                row.notes += 1;
                *row.per_plan.entry(pn.plan.clone()).or_default() += 1;
            }
            for w in written {
                *names.entry(canonical).or_default().entry(w).or_default() += 1;
            }
        }
    }
    let mut out: Vec<RankRow> = rows
        .into_iter()
        .filter(|(_, r)| r.notes > 0)
        .map(|(k, mut r)| {
            let mut ns: Vec<(&str, usize)> = names
                .get(k)
                .map(|m| m.iter().map(|(a, b)| (*a, *b)).collect())
                .unwrap_or_default();
            ns.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            r.names = ns.into_iter().map(|(n, _)| n.to_string()).collect();
            r
        })
        .collect();
    out.sort_by(|a, b| {
        b.notes
            .cmp(&a.notes)
            .then(b.lead.cmp(&a.lead))
            .then(a.canonical.cmp(&b.canonical))
    });
    out
}

/// What the columns of a cross table are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum By {
    /// One column per county (plans without a county: their id).
    County,
    /// One column per plan.
    Plan,
}

/// Department × county (or plan) counts of notes.
#[derive(Clone, Debug, Serialize)]
pub struct CrossTable {
    /// What the columns are.
    pub by: By,
    /// Column names, in order.
    pub columns: Vec<String>,
    /// One row per department, in ranking order.
    pub rows: Vec<CrossRow>,
}

/// One department of a cross table.
#[derive(Clone, Debug, Serialize)]
pub struct CrossRow {
    /// Canonical name.
    pub canonical: String,
    /// Count per column, in column order.
    pub counts: Vec<usize>,
    /// Sum of the counts.
    pub total: usize,
}

/// The department × county (or plan) table of notes with an accepted role.
pub fn cross(
    notes: &[PlanNote],
    departments: &Departments,
    role: RoleFilter,
    by: By,
) -> CrossTable {
    let column = |pn: &PlanNote| match by {
        By::County => pn.county.clone().unwrap_or_else(|| pn.plan.clone()),
        By::Plan => pn.plan.clone(),
    };
    let columns: Vec<String> = notes
        .iter()
        .map(column)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let at: HashMap<&str, usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| (c.as_str(), i))
        .collect();
    let ranking = rank(notes, departments, role);
    let mut counts: HashMap<&str, Vec<usize>> = HashMap::new();
    for pn in notes {
        let col = at[column(pn).as_str()];
        for canonical in named(&pn.note, role).into_keys() {
            counts
                .entry(canonical)
                .or_insert_with(|| vec![0; columns.len()])[col] += 1;
        }
    }
    let rows = ranking
        .iter()
        .map(|r| {
            let c = counts
                .get(r.canonical.as_str())
                .cloned()
                .unwrap_or_else(|| vec![0; columns.len()]);
            CrossRow {
                canonical: r.canonical.clone(),
                total: c.iter().sum(),
                counts: c,
            }
        })
        .collect();
    CrossTable { by, columns, rows }
}

/// A clause whose note names a department.
#[derive(Clone, Debug, Serialize)]
pub struct DeptClause {
    /// Plan id.
    pub plan: String,
    /// Clause path.
    pub path: String,
    /// 1-based line of the clause.
    pub line: usize,
    /// Clause heading.
    pub heading: String,
    /// Task note or mechanism sentence.
    pub note_type: NoteType,
    /// The role the department has there.
    pub role: Role,
    /// The department as written there.
    pub name: String,
    /// The note's text.
    pub note: String,
}

/// The clauses whose notes name `name` (any written form; folded with the
/// table) in an accepted role.
pub fn clauses_of(
    notes: &[PlanNote],
    departments: &Departments,
    name: &str,
    role: RoleFilter,
) -> Vec<DeptClause> {
    let want = departments.resolve(name).canonical;
    let mut out = Vec::new();
    for pn in notes {
        if let Some(u) = pn
            .note
            .units
            .iter()
            .find(|u| !u.generic && u.canonical == want && role.accepts(u.role))
        {
            out.push(DeptClause {
                plan: pn.plan.clone(),
                path: pn.path.clone(),
                line: pn.line,
                heading: pn.heading.clone(),
                note_type: pn.note.note_type,
                role: u.role,
                name: u.name.clone(),
                note: pn.note.text.clone(),
            });
        }
    }
    out
}

/// Two departments that share notes.
#[derive(Clone, Debug, Serialize)]
pub struct PairRow {
    /// One department (canonical; the lesser name).
    pub a: String,
    /// The other.
    pub b: String,
    /// Notes naming both in an accepted role.
    pub notes: usize,
    /// Plans where they share a note.
    pub plans: BTreeSet<String>,
}

/// The pairs of departments most often named together in a note
/// (co-responsibility), most frequent first.
pub fn pairs(notes: &[PlanNote], role: RoleFilter) -> Vec<PairRow> {
    let mut m: BTreeMap<(&str, &str), PairRow> = BTreeMap::new();
    for pn in notes {
        let names: Vec<&str> = named(&pn.note, role).into_keys().collect();
        for (i, a) in names.iter().enumerate() {
            for b in &names[i + 1..] {
                let row = m.entry((a, b)).or_insert_with(|| PairRow {
                    a: a.to_string(),
                    b: b.to_string(),
                    notes: 0,
                    plans: BTreeSet::new(),
                });
                row.notes += 1;
                row.plans.insert(pn.plan.clone());
            }
        }
    }
    let mut out: Vec<PairRow> = m.into_values().collect();
    out.sort_by(|x, y| {
        y.notes
            .cmp(&x.notes)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    out
}

/// A name the department table does not know.
#[derive(Clone, Debug, Serialize)]
pub struct UnknownRow {
    /// The name kept (level stripped, company core).
    pub canonical: String,
    /// What sort of body its ending says.
    pub kind: UnitKind,
    /// The ways it is written.
    pub names: Vec<String>,
    /// Notes naming it (any role).
    pub notes: usize,
    /// Plans naming it.
    pub plans: BTreeSet<String>,
}

/// The names the table does not know, most frequent first.
pub fn unknown(notes: &[PlanNote]) -> Vec<UnknownRow> {
    let mut m: BTreeMap<&str, UnknownRow> = BTreeMap::new();
    for pn in notes {
        let mut seen = BTreeSet::new();
        for u in pn.note.units.iter().filter(|u| !u.generic && !u.known) {
            let row = m.entry(u.canonical.as_str()).or_insert_with(|| UnknownRow {
                canonical: u.canonical.clone(),
                kind: u.kind,
                names: Vec::new(),
                notes: 0,
                plans: BTreeSet::new(),
            });
            if !row.names.contains(&u.name) {
                row.names.push(u.name.clone());
            }
            if seen.insert(u.canonical.as_str()) {
                row.notes += 1;
            }
            row.plans.insert(pn.plan.clone());
        }
    }
    let mut out: Vec<UnknownRow> = m.into_values().collect();
    out.sort_by(|x, y| y.notes.cmp(&x.notes).then(x.canonical.cmp(&y.canonical)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{doc, C};
    use fangan_model::SectionKind::{Mechanism, Tasks};

    fn corpus() -> Vec<Document> {
        vec![
            doc(
                "a-2023",
                "甲县",
                2023,
                &[
                    C("二/1", "扩大消费", Tasks, "扩大消费。（县商务局牵头，县发改局等负责）"),
                    C("二/2", "推进项目", Tasks, "推进项目。（县发改局牵头，县财政局、县商务局等负责）"),
                    C("二/3", "稳定就业", Tasks, "稳定就业。（县人社局、县发展和改革局负责）"),
                    C(
                        "三",
                        "推进机制",
                        Mechanism,
                        "成立专班，县发改局主要负责人任召集人，成员单位包括县财政局、县商务局等，专班办公室设在县发改局。",
                    ),
                ],
            ),
            doc(
                "b-2024",
                "乙区",
                2024,
                &[
                    C("二/1", "招商引资", Tasks, "招商引资。(牵头单位:区发改局,责任单位:区商务局、相关部门)"),
                    C("二/2", "金融服务", Tasks, "金融服务。(牵头单位:区金融办,责任单位:区发改局、区新设办)"),
                ],
            ),
        ]
    }

    fn read(mechanism: bool) -> Vec<PlanNote> {
        collect(
            &NoteReader::new(),
            &corpus(),
            &PlanFilter::default(),
            mechanism,
        )
    }

    #[test]
    fn ranks_by_notes_led_and_folds_names() {
        let notes = read(false);
        let d = Departments::builtin();
        let r = rank(&notes, &d, RoleFilter::Lead);
        let top: Vec<(&str, usize)> = r.iter().map(|x| (x.canonical.as_str(), x.notes)).collect();
        assert_eq!(top, [("发改局", 2), ("商务局", 1), ("金融办", 1)]);
        assert_eq!(r[0].per_plan.get("a-2023"), Some(&1));
        assert_eq!(r[0].per_plan.get("b-2024"), Some(&1));
        assert_eq!(r[0].full.as_deref(), Some("发展和改革局"));
        let any = rank(&notes, &d, RoleFilter::Any);
        assert_eq!((any[0].canonical.as_str(), any[0].notes), ("发改局", 5));
        assert_eq!((any[0].lead, any[0].support, any[0].responsible), (2, 2, 1));
        // with the mechanism paragraph, its convener and office host count once
        let with = rank(&read(true), &d, RoleFilter::Lead);
        assert_eq!((with[0].canonical.as_str(), with[0].notes), ("发改局", 3));
    }

    #[test]
    fn filters_plans() {
        let f = PlanFilter {
            county: Some("乙".into()),
            ..PlanFilter::default()
        };
        let notes = collect(&NoteReader::new(), &corpus(), &f, false);
        assert!(notes.iter().all(|n| n.plan == "b-2024"));
        let f = PlanFilter {
            year: Some(2023),
            ..PlanFilter::default()
        };
        let notes = collect(&NoteReader::new(), &corpus(), &f, false);
        assert_eq!(notes.len(), 3);
    }

    #[test]
    fn cross_table_by_county() {
        let t = cross(
            &read(false),
            &Departments::builtin(),
            RoleFilter::Any,
            By::County,
        );
        assert_eq!(t.columns, ["乙区", "甲县"]);
        let row = t.rows.iter().find(|r| r.canonical == "商务局").unwrap();
        assert_eq!((row.counts.as_slice(), row.total), ([1, 2].as_slice(), 3));
    }

    #[test]
    fn clauses_a_department_leads() {
        let got = clauses_of(
            &read(false),
            &Departments::builtin(),
            "发展和改革局",
            RoleFilter::Lead,
        );
        let at: Vec<(&str, &str, &str)> = got
            .iter()
            .map(|c| (c.plan.as_str(), c.path.as_str(), c.heading.as_str()))
            .collect();
        assert_eq!(
            at,
            [
                ("a-2023", "二/2", "推进项目"),
                ("b-2024", "二/1", "招商引资")
            ]
        );
        assert_eq!(got[1].name, "区发改局");
    }

    #[test]
    fn pairs_and_unknown_names() {
        let p = pairs(&read(false), RoleFilter::Any);
        assert_eq!(
            (p[0].a.as_str(), p[0].b.as_str(), p[0].notes),
            ("发改局", "商务局", 3)
        );
        let u = unknown(&read(false));
        assert_eq!(u.len(), 1);
        assert_eq!(
            (u[0].canonical.as_str(), u[0].names[0].as_str()),
            ("新设办", "区新设办")
        );
    }
}
