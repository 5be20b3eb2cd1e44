//! [`NoteReader`]: the configured worker that reads notes, built once and
//! reused for every clause.

use std::path::{Path, PathBuf};

use fangan_model::{Clause, Document, SectionKind};

use crate::context::TableHeaders;
use crate::note::{names_places_only, read_task_note, Note};
use crate::{Conventions, Departments, Result};

/// Reads responsibility notes and mechanism sentences into units.
#[derive(Clone, Debug)]
pub struct NoteReader {
    departments: Departments,
}

impl Default for NoteReader {
    fn default() -> Self {
        NoteReader::new()
    }
}

/// Configures a [`NoteReader`].
#[derive(Clone, Debug, Default)]
pub struct NoteReaderBuilder {
    aliases: Vec<PathBuf>,
    departments: Option<Departments>,
}

impl NoteReaderBuilder {
    /// Adds a user alias file (same shape as `data/departments.toml`).
    pub fn aliases(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.aliases.push(path.as_ref().to_path_buf());
        self
    }

    /// Starts from this table instead of the builtin one.
    pub fn departments(&mut self, departments: Departments) -> &mut Self {
        self.departments = Some(departments);
        self
    }

    /// Loads the alias files.
    pub fn build(&self) -> Result<NoteReader> {
        let mut departments = self
            .departments
            .clone()
            .unwrap_or_else(Departments::builtin);
        for p in &self.aliases {
            departments.load_aliases(p)?;
        }
        Ok(NoteReader { departments })
    }
}

impl NoteReader {
    /// A reader with the builtin department table.
    pub fn new() -> NoteReader {
        NoteReader {
            departments: Departments::builtin(),
        }
    }

    /// A builder, to add alias files.
    pub fn builder() -> NoteReaderBuilder {
        NoteReaderBuilder::default()
    }

    /// The department table in use.
    pub fn departments(&self) -> &Departments {
        &self.departments
    }

    /// Reads one task note as shown (`（县发改局牵头负责）`); unit spans are
    /// byte ranges in `raw`.
    pub fn read_note(&self, raw: &str) -> Note {
        read_task_note(&self.departments, raw, &Conventions::default())
    }

    /// Reads one task note under the conventions of its plan (a table's
    /// columns, `列第一位的为牵头单位`).
    pub fn read_note_in(&self, raw: &str, conv: &Conventions) -> Note {
        read_task_note(&self.departments, raw, conv)
    }

    /// Every note of every clause of `doc` (one list per clause, in clause
    /// order), read under the conventions the plan states
    /// ([`Conventions::of`] its text).
    pub fn read_document(&self, doc: &Document) -> Vec<Vec<Note>> {
        let conv = Conventions::of(&doc.text);
        let tables = TableHeaders::of(&doc.text);
        doc.clauses
            .iter()
            .map(|c| self.read_clause_with(c, &conv, Some(&tables)))
            .collect()
    }

    /// Reads the mechanism sentences of a 推进机制 / 组织实施 text; each
    /// note's `span` is its byte range in `text`, its units' spans byte
    /// ranges in the note's own text.
    pub fn read_mechanism(&self, text: &str) -> Vec<Note> {
        crate::mechanism::read_mechanism(&self.departments, text)
    }

    /// Every note of a clause, in text order: its task notes, and the
    /// mechanism sentences when the clause belongs to the mechanism part.
    /// Note spans are byte ranges in the clause's `text`.
    /// Prefer [`NoteReader::read_document`], which knows the plan's
    /// conventions.
    pub fn read_clause(&self, clause: &Clause) -> Vec<Note> {
        self.read_clause_in(clause, &Conventions::default())
    }

    /// [`NoteReader::read_clause`] under the conventions of the clause's plan.
    pub fn read_clause_in(&self, clause: &Clause, conv: &Conventions) -> Vec<Note> {
        self.read_clause_with(clause, conv, None)
    }

    /// [`NoteReader::read_clause_in`], a note's bare cells read under the
    /// table header above it when the plan's `tables` are known.
    fn read_clause_with(
        &self,
        clause: &Clause,
        conv: &Conventions,
        tables: Option<&TableHeaders>,
    ) -> Vec<Note> {
        let mut out: Vec<Note> = clause
            .notes
            .iter()
            .map(|raw| {
                let local = Conventions {
                    columns: tables
                        .and_then(|t| t.before(raw.span.start))
                        .unwrap_or(conv.columns),
                    ..*conv
                };
                let mut n = self.read_note_in(&raw.text, &local);
                n.span = raw.range;
                n
            })
            // a table's place cells (`建设地点`) are not notes
            .filter(|n| !(conv.place_column && names_places_only(n)))
            .collect();
        if clause.kind == SectionKind::Mechanism {
            let mech = self.read_mechanism(&clause.text);
            out.extend(
                mech.into_iter()
                    .filter(|m| !clause.notes.iter().any(|r| r.range.overlaps(&m.span))),
            );
            out.sort_by_key(|n| n.span.start);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{doc, C};
    use crate::{NoteType, Role};
    use fangan_model::SectionKind::{Mechanism, Tasks};

    #[test]
    fn reads_task_notes_and_mechanism_sentences_of_clauses() {
        let d = doc(
            "x-2024",
            "某县",
            2024,
            &[
                C("二/1", "扩大消费", Tasks, "扩大消费。（县商务局牵头，县发改局等负责）"),
                C(
                    "三",
                    "推进机制",
                    Mechanism,
                    "三、推进机制\n成立专班，由县政府办分管副主任任召集人，成员单位包括县财政局等。",
                ),
            ],
        );
        let r = NoteReader::new();
        let task = r.read_clause(&d.clauses[0]);
        assert_eq!(task.len(), 1);
        assert_eq!(task[0].span.slice(&d.clauses[0].text), task[0].text);
        assert_eq!(task[0].units[0].span.slice(&task[0].text), "县商务局");
        let mech = r.read_clause(&d.clauses[1]);
        assert_eq!(mech.len(), 1);
        assert_eq!(mech[0].note_type, NoteType::Mechanism);
        assert_eq!(mech[0].span.slice(&d.clauses[1].text), mech[0].text);
        assert!(mech[0].text.starts_with("成立专班"));
        let leads: Vec<&str> = mech[0]
            .units_with(Role::Lead)
            .map(|u| u.name.as_str())
            .collect();
        assert_eq!(leads, ["县政府办"]);
    }

    #[test]
    fn alias_files_are_loaded_and_missing_ones_reported() {
        let dir = std::env::temp_dir().join(format!("fangan-notes-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("aliases.toml");
        std::fs::write(&file, "[[unit]]\nname = \"临港产投公司\"\nkind = \"company\"\naliases = [\"湘江集团临港产投\", \"长沙临港产投公司\"]\n").unwrap();
        let r = NoteReader::builder().aliases(&file).build().unwrap();
        let n = r.read_note("(湘江集团临港产投、长沙临港产投公司牵头)");
        assert_eq!(n.units[0].canonical, n.units[1].canonical);
        assert!(n.units[0].known);
        let err = NoteReader::builder().aliases(dir.join("none.toml")).build();
        assert!(matches!(err, Err(crate::Error::Io { .. })));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
