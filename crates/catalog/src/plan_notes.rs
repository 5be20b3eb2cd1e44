//! The responsibility notes of chosen plans as `fangan leads` and the web
//! interface's leads page read them, from what ingest stored (nothing is
//! parsed again): tallied plan by plan for the rankings, or the notes
//! naming one department, whole.

use fangan_notes::ranking::{PlanNote, RoleFilter};
use fangan_notes::tally::{Count, Tally};
use fangan_notes::NoteType;

use crate::catalog::Catalog;
use crate::error::Result;
use crate::state::PlanEntry;

impl Catalog {
    /// The tally of `count` over the notes of `entries` (the 推进机制
    /// sentences only with `mechanism`), each plan folded as it is read.
    pub fn tally(
        &self,
        entries: &[&PlanEntry],
        mechanism: bool,
        count: Count,
        role: RoleFilter,
    ) -> Result<Tally> {
        self.fold_note_units(
            entries,
            || Tally::new(count, role),
            |mut t, e, notes| {
                for note in notes {
                    if note.note_type != NoteType::Mechanism || mechanism {
                        t.add(&e.meta.id, e.meta.county.as_deref(), &note.units);
                    }
                }
                t
            },
            Tally::merge,
        )
    }

    /// The notes of `entries` that name the department `canonical`, whole,
    /// in plan and document order (as `ranking::clauses_of` reads them).
    pub fn notes_naming(
        &self,
        entries: &[&PlanEntry],
        mechanism: bool,
        canonical: &str,
    ) -> Result<Vec<PlanNote>> {
        // the plans that name it, from the compact units first: the whole
        // notes are read of those plans only
        let naming: Vec<&PlanEntry> = self.fold_note_units(
            entries,
            Vec::new,
            |mut acc, e, notes| {
                let names = |n: &crate::NoteUnits| {
                    (n.note_type != NoteType::Mechanism || mechanism)
                        && n.units.iter().any(|u| u.canonical == canonical)
                };
                if notes.iter().any(names) {
                    acc.push(e);
                }
                acc
            },
            |mut a, b| {
                a.extend(b);
                a
            },
        )?;
        let per_plan = self.map_notes(&naming, |e, clauses| {
            let mut out = Vec::new();
            for c in clauses {
                for note in c.notes {
                    if (note.note_type == NoteType::Mechanism && !mechanism)
                        || !note.units.iter().any(|u| u.canonical == canonical)
                    {
                        continue;
                    }
                    out.push(PlanNote {
                        plan: e.meta.id.clone(),
                        county: e.meta.county.clone(),
                        year: e.meta.year,
                        path: c.path.clone(),
                        heading: c.heading.clone(),
                        line: c.line,
                        note,
                    });
                }
            }
            out
        })?;
        Ok(per_plan.into_iter().flatten().collect())
    }
}
