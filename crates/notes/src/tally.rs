//! Counting notes plan by plan: a [`Tally`] takes the notes of one plan at
//! a time and merges with another tally, so that `fangan leads` over
//! 30,000 plans folds each plan's notes as it is read, on every core, and
//! never holds the corpus's notes in memory. The rankings of
//! [`crate::ranking`] are read off a tally.
//!
//! Counting unit: one note. A department named twice in one note counts
//! once; generic phrases (相关部门) never count.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::ranking::{By, CrossRow, CrossTable, PairRow, RankRow, RoleFilter, UnknownRow};
use crate::{Departments, Role, Unit, UnitKind};

/// What a tally counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    /// Departments, for the ranking.
    Rank,
    /// Departments and their counts per column, for the cross table.
    Cross(By),
    /// Departments named together in a note.
    Pairs,
    /// Names the department table does not know.
    Unknown,
}

/// One department's counts.
#[derive(Clone, Debug)]
struct Dept {
    kind: UnitKind,
    known: bool,
    notes: usize,
    lead: usize,
    support: usize,
    responsible: usize,
    per_plan: BTreeMap<String, usize>,
    names: HashMap<String, usize>,
    /// Notes per column (cross table).
    columns: HashMap<String, usize>,
}

/// One pair's counts.
#[derive(Clone, Debug, Default)]
struct Pair {
    notes: usize,
    plans: BTreeSet<String>,
}

/// Counts of notes, added plan by plan and merged.
#[derive(Clone, Debug)]
pub struct Tally {
    count: Count,
    role: RoleFilter,
    depts: HashMap<String, Dept>,
    /// Every column a note was seen in (cross table).
    columns: BTreeSet<String>,
    pairs: HashMap<(String, String), Pair>,
    unknown: HashMap<String, UnknownRow>,
}

/// The canonical departments a note's `units` name with an accepted role
/// (each once), with the written forms.
fn named(units: &[Unit], role: RoleFilter) -> BTreeMap<&str, Vec<&str>> {
    let mut m: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for u in units.iter().filter(|u| !u.generic && role.accepts(u.role)) {
        m.entry(u.canonical.as_str())
            .or_default()
            .push(u.name.as_str());
    }
    m
}

/// A map of counts by name that can add one to a name without making a
/// String when the name is there already.
trait Counts {
    fn slot(&mut self, key: &str) -> Option<&mut usize>;
    fn put(&mut self, key: String, n: usize);
}

impl Counts for HashMap<String, usize> {
    fn slot(&mut self, key: &str) -> Option<&mut usize> {
        self.get_mut(key)
    }
    fn put(&mut self, key: String, n: usize) {
        self.insert(key, n);
    }
}

impl Counts for BTreeMap<String, usize> {
    fn slot(&mut self, key: &str) -> Option<&mut usize> {
        self.get_mut(key)
    }
    fn put(&mut self, key: String, n: usize) {
        self.insert(key, n);
    }
}

/// Adds one to `key`'s count.
fn bump(counts: &mut impl Counts, key: &str) {
    match counts.slot(key) {
        Some(n) => *n += 1,
        None => counts.put(key.to_string(), 1),
    }
}

impl Tally {
    /// An empty tally of `count`, counting the roles `role` accepts.
    pub fn new(count: Count, role: RoleFilter) -> Tally {
        Tally {
            count,
            role,
            depts: HashMap::new(),
            columns: BTreeSet::new(),
            pairs: HashMap::new(),
            unknown: HashMap::new(),
        }
    }

    /// Counts a note naming `units`, of plan `plan` in county `county`.
    pub fn add(&mut self, plan: &str, county: Option<&str>, units: &[Unit]) {
        match self.count {
            Count::Rank => self.add_dept(plan, units, None),
            Count::Cross(by) => {
                let column = match by {
                    By::County => county.unwrap_or(plan),
                    By::Plan => plan,
                };
                if !self.columns.contains(column) {
                    self.columns.insert(column.to_string());
                }
                self.add_dept(plan, units, Some(column));
            }
            Count::Pairs => self.add_pairs(plan, units),
            Count::Unknown => self.add_unknown(plan, units),
        }
    }

    fn add_dept(&mut self, plan: &str, units: &[Unit], column: Option<&str>) {
        let in_role = |canonical: &str, r: Role| {
            units
                .iter()
                .any(|u| !u.generic && u.role == r && u.canonical == canonical)
        };
        for (canonical, written) in named(units, RoleFilter::Any) {
            let unit = units
                .iter()
                .find(|u| u.canonical == canonical && !u.generic)
                .expect("a unit of the note");
            // looked up by &str: a String made per note and department
            // costs more than the counting over 30,000 plans
            if !self.depts.contains_key(canonical) {
                self.depts.insert(
                    canonical.to_string(),
                    Dept {
                        kind: unit.kind,
                        known: unit.known,
                        notes: 0,
                        lead: 0,
                        support: 0,
                        responsible: 0,
                        per_plan: BTreeMap::new(),
                        names: HashMap::new(),
                        columns: HashMap::new(),
                    },
                );
            }
            let row = self.depts.get_mut(canonical).expect("just inserted");
            row.lead += usize::from(in_role(canonical, Role::Lead));
            row.support += usize::from(in_role(canonical, Role::Support));
            row.responsible += usize::from(in_role(canonical, Role::Responsible));
            let accepted = units
                .iter()
                .any(|u| u.canonical == canonical && !u.generic && self.role.accepts(u.role));
            if accepted {
                row.notes += 1;
                bump(&mut row.per_plan, plan);
                if let Some(col) = column {
                    bump(&mut row.columns, col);
                }
            }
            for w in written {
                bump(&mut row.names, w);
            }
        }
    }

    fn add_pairs(&mut self, plan: &str, units: &[Unit]) {
        let names: Vec<&str> = named(units, self.role).into_keys().collect();
        for (i, a) in names.iter().enumerate() {
            for b in &names[i + 1..] {
                let p = self
                    .pairs
                    .entry((a.to_string(), b.to_string()))
                    .or_default();
                p.notes += 1;
                if !p.plans.contains(plan) {
                    p.plans.insert(plan.to_string());
                }
            }
        }
    }

    fn add_unknown(&mut self, plan: &str, units: &[Unit]) {
        let mut seen = BTreeSet::new();
        for u in units.iter().filter(|u| !u.generic && !u.known) {
            let row = self
                .unknown
                .entry(u.canonical.clone())
                .or_insert_with(|| UnknownRow {
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
            if !row.plans.contains(plan) {
                row.plans.insert(plan.to_string());
            }
        }
    }

    /// This tally and `later` (the counts of plans after this one's) as one.
    pub fn merge(mut self, later: Tally) -> Tally {
        for (k, d) in later.depts {
            match self.depts.get_mut(&k) {
                None => {
                    self.depts.insert(k, d);
                }
                Some(row) => {
                    row.notes += d.notes;
                    row.lead += d.lead;
                    row.support += d.support;
                    row.responsible += d.responsible;
                    for (p, n) in d.per_plan {
                        *row.per_plan.entry(p).or_default() += n;
                    }
                    for (w, n) in d.names {
                        *row.names.entry(w).or_default() += n;
                    }
                    for (c, n) in d.columns {
                        *row.columns.entry(c).or_default() += n;
                    }
                }
            }
        }
        self.columns.extend(later.columns);
        for (k, p) in later.pairs {
            let row = self.pairs.entry(k).or_default();
            row.notes += p.notes;
            row.plans.extend(p.plans);
        }
        for (k, u) in later.unknown {
            match self.unknown.get_mut(&k) {
                None => {
                    self.unknown.insert(k, u);
                }
                Some(row) => {
                    for n in u.names {
                        if !row.names.contains(&n) {
                            row.names.push(n);
                        }
                    }
                    row.notes += u.notes;
                    row.plans.extend(u.plans);
                }
            }
        }
        self
    }

    /// Departments ranked by the notes naming them in an accepted role
    /// (ties: more leads first, then by name); departments never named in
    /// an accepted role are left out.
    pub fn rank(&self, departments: &Departments) -> Vec<RankRow> {
        let mut out: Vec<RankRow> = self
            .depts
            .iter()
            .filter(|(_, d)| d.notes > 0)
            .map(|(k, d)| {
                let mut ns: Vec<(&str, usize)> =
                    d.names.iter().map(|(a, b)| (a.as_str(), *b)).collect();
                ns.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
                RankRow {
                    canonical: k.clone(),
                    full: departments.get(k).map(|d| d.full.clone()),
                    kind: d.kind,
                    known: d.known,
                    notes: d.notes,
                    lead: d.lead,
                    support: d.support,
                    responsible: d.responsible,
                    per_plan: d.per_plan.clone(),
                    names: ns.into_iter().map(|(n, _)| n.to_string()).collect(),
                }
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

    /// The department × column table, rows in ranking order (a tally of
    /// [`Count::Cross`]).
    pub fn cross(&self, departments: &Departments) -> CrossTable {
        let by = match self.count {
            Count::Cross(by) => by,
            _ => By::County,
        };
        let columns: Vec<String> = self.columns.iter().cloned().collect();
        let rows = self
            .rank(departments)
            .into_iter()
            .map(|r| {
                let d = &self.depts[&r.canonical];
                let counts: Vec<usize> = columns
                    .iter()
                    .map(|c| d.columns.get(c).copied().unwrap_or(0))
                    .collect();
                CrossRow {
                    canonical: r.canonical,
                    total: counts.iter().sum(),
                    counts,
                }
            })
            .collect();
        CrossTable { by, columns, rows }
    }

    /// The pairs of departments most often named together in a note, most
    /// frequent first (a tally of [`Count::Pairs`]).
    pub fn pairs(self) -> Vec<PairRow> {
        let mut out: Vec<PairRow> = self
            .pairs
            .into_iter()
            .map(|((a, b), p)| PairRow {
                a,
                b,
                notes: p.notes,
                plans: p.plans,
            })
            .collect();
        out.sort_by(|x, y| {
            y.notes
                .cmp(&x.notes)
                .then(x.a.cmp(&y.a))
                .then(x.b.cmp(&y.b))
        });
        out
    }

    /// The names the table does not know, most frequent first (a tally of
    /// [`Count::Unknown`]).
    pub fn unknown(self) -> Vec<UnknownRow> {
        let mut out: Vec<UnknownRow> = self.unknown.into_values().collect();
        out.sort_by(|x, y| y.notes.cmp(&x.notes).then(x.canonical.cmp(&y.canonical)));
        out
    }
}
