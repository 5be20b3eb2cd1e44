//! The responsibility notes of chosen plans, as `fangan_notes::ranking`
//! reads them (`fangan leads` and the web interface's leads page), read
//! from what ingest stored: nothing is parsed again.

use fangan_notes::ranking::PlanNote;
use fangan_notes::NoteType;

use crate::catalog::Catalog;
use crate::error::Result;
use crate::state::PlanEntry;

impl Catalog {
    /// Every note of `entries`, in their order and in document order; the
    /// 推进机制 sentences only with `mechanism`.
    pub fn plan_notes(&self, entries: &[&PlanEntry], mechanism: bool) -> Result<Vec<PlanNote>> {
        let mut out = Vec::new();
        for (e, analysis) in self.analyses(entries)? {
            for c in analysis.notes {
                for note in c.notes {
                    if note.note_type == NoteType::Mechanism && !mechanism {
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
        }
        Ok(out)
    }
}
