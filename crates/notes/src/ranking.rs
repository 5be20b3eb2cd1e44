//! Aggregation of notes over plans, for `fangan leads`: departments ranked
//! by the notes that name them in a role, the department × county (or plan)
//! table, the clauses a department leads, co-responsibility pairs, and the
//! names the department table does not know. The counting is
//! [`crate::tally`]'s; these functions tally a slice of notes.
//!
//! Counting unit: one note. A department named twice in one note counts
//! once; generic phrases (相关部门) never count. Everything here is plain
//! data for the renderers; nothing prints.

use std::collections::{BTreeMap, BTreeSet};

use fangan_model::{Document, PlanMeta};
use serde::Serialize;

use crate::tally::{Count, Tally};
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
    tally(notes, Count::Rank, role).rank(departments)
}

/// The tally of `notes` (see [`crate::tally`], which counts plan by plan).
fn tally(notes: &[PlanNote], count: Count, role: RoleFilter) -> Tally {
    let mut t = Tally::new(count, role);
    for pn in notes {
        t.add(&pn.plan, pn.county.as_deref(), &pn.note.units);
    }
    t
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
    tally(notes, Count::Cross(by), role).cross(departments)
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
    tally(notes, Count::Pairs, role).pairs()
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
    tally(notes, Count::Unknown, RoleFilter::Any).unknown()
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
