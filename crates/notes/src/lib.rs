//! Responsibility notes: who a plan makes responsible for each task.
//!
//! Plans end most tasks with a note naming the responsible units
//! (`（县人社局牵头,县发改局、县财政局等按职责分工负责）`) and close with a
//! mechanism paragraph naming a convener, an office and members. This crate
//! reads both into [`Unit`]s with a [`Role`] (lead, support, responsible), a
//! [`UnitKind`] and a canonical name from the [`Departments`] table, keeps
//! people and deadlines apart, and aggregates the units of many plans for
//! `fangan leads` ([`ranking`]).
//!
//! ```
//! use fangan_notes::{NoteReader, Role};
//!
//! let reader = NoteReader::new();
//! let raw = "(县人社局牵头,县发改局、县商务粮食局等按职责分工负责)";
//! let note = reader.read_note(raw);
//! let lead = &note.units[0];
//! assert_eq!((lead.name.as_str(), lead.canonical.as_str(), lead.role), ("县人社局", "人社局", Role::Lead));
//! assert_eq!(lead.span.slice(raw), "县人社局");
//! assert_eq!(note.units[2].role, Role::Support);
//! ```
#![deny(missing_docs)]

mod cleaned;
mod context;
mod departments;
mod error;
mod list;
mod mechanism;
mod note;
pub mod ranking;
mod reader;
pub mod shape;
pub mod tally;
#[cfg(test)]
mod testutil;
mod unit;

pub use cleaned::{pinyin_annotations, Cleaned};
pub use context::{Columns, Conventions, TableHeaders};
pub use departments::{Department, Departments, Resolved, BUILTIN_TABLE};
pub use error::{Error, Result};
pub use note::{Note, NoteType};
pub use reader::{NoteReader, NoteReaderBuilder};
pub use unit::{Mention, Role, Unit, UnitKind};

/// A note read from a mechanism paragraph (same shape as a task note).
pub type MechanismNote = Note;
