//! `fangan leads`.
//!
//! ```text
//! ranking:        {"role": "lead"|"support"|"responsible"|"any", "mechanism": BOOL,
//!                  "plans": [ID], "departments": [{"canonical", "full", "kind", "known",
//!                  "notes", "lead", "support", "responsible", "per_plan": {ID: N},
//!                  "names": [AS WRITTEN]}]}
//! --by county|plan: {"role", "by", "columns": [NAME], "rows": [{"canonical", "counts": [N], "total"}]}
//! --dept NAME:    {"dept", "canonical", "role", "clauses": [{"plan", "path", "line",
//!                  "heading", "note_type", "role", "name", "note"}]}
//! --pairs:        {"role", "pairs": [{"a", "b", "notes", "plans": [ID]}]}
//! --unknown:      {"unknown": [{"canonical", "kind", "names", "notes", "plans"}]}
//! ```
//! `notes` counts the notes naming the department in the chosen role;
//! `lead`/`support`/`responsible` count notes per role whatever the choice.

use fangan_notes::ranking::{CrossTable, DeptClause, PairRow, RankRow, RoleFilter, UnknownRow};
use serde::Serialize;

/// The name of a role filter in JSON.
pub fn role_name(role: RoleFilter) -> &'static str {
    match role {
        RoleFilter::Lead => "lead",
        RoleFilter::Support => "support",
        RoleFilter::Responsible => "responsible",
        RoleFilter::Any => "any",
    }
}

/// The ranking.
#[derive(Debug, Serialize)]
pub struct RankingJson<'a> {
    /// The role counted.
    pub role: &'static str,
    /// Whether mechanism sentences count.
    pub mechanism: bool,
    /// The plans read.
    pub plans: &'a [String],
    /// Departments, most notes first.
    pub departments: &'a [RankRow],
}

/// The department × county (or plan) table.
#[derive(Debug, Serialize)]
pub struct CrossJson<'a> {
    /// The role counted.
    pub role: &'static str,
    /// The table.
    #[serde(flatten)]
    pub table: &'a CrossTable,
}

/// The clauses whose notes name one department.
#[derive(Debug, Serialize)]
pub struct DeptJson<'a> {
    /// The name as asked.
    pub dept: &'a str,
    /// What it folds to.
    pub canonical: &'a str,
    /// The role counted.
    pub role: &'static str,
    /// The clauses.
    pub clauses: &'a [DeptClause],
}

/// Departments that share notes.
#[derive(Debug, Serialize)]
pub struct PairsJson<'a> {
    /// The role counted.
    pub role: &'static str,
    /// The pairs, most shared first.
    pub pairs: &'a [PairRow],
}

/// Names the department table does not know.
#[derive(Debug, Serialize)]
pub struct UnknownJson<'a> {
    /// The names.
    pub unknown: &'a [UnknownRow],
}
