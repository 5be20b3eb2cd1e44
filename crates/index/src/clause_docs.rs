//! One tantivy document per clause: the plan's values every clause repeats,
//! the clause's own fields, its text twice (characters and words) and the
//! departments its notes name.

use fangan_model::{fold, Clause, Document};
use fangan_notes::{Note, Role};
use tantivy::TantivyDocument;

use super::schema::Fields;

/// The departments a clause's notes name, by role (canonical names, folded).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClauseDepartments {
    /// Leads (牵头).
    pub lead: Vec<String>,
    /// Supporting units (named after a lead).
    pub support: Vec<String>,
    /// Every unit named, whatever its role (responsible ones included).
    pub any: Vec<String>,
}

impl ClauseDepartments {
    /// The departments of notes already read; generic phrases are left out.
    pub fn from_notes<'n>(notes: impl IntoIterator<Item = &'n Note>) -> ClauseDepartments {
        let mut d = ClauseDepartments::default();
        for note in notes {
            for u in note.units.iter().filter(|u| !u.generic) {
                let name = fold::fold_str(&u.canonical);
                match u.role {
                    Role::Lead => d.lead.push(name.clone()),
                    Role::Support => d.support.push(name.clone()),
                    _ => {}
                }
                d.any.push(name);
            }
        }
        for v in [&mut d.lead, &mut d.support, &mut d.any] {
            v.sort();
            v.dedup();
        }
        d
    }
}

/// Every clause of `doc` as a tantivy document; `depts[i]` holds the
/// departments of clause `i` (missing entries: none).
pub fn clause_documents(
    fields: &Fields,
    doc: &Document,
    depts: &[ClauseDepartments],
) -> Vec<TantivyDocument> {
    let plan = PlanValues::of(doc);
    let none = ClauseDepartments::default();
    doc.clauses
        .iter()
        .enumerate()
        .map(|(ord, clause)| {
            clause_entry(fields, &plan, ord, clause, depts.get(ord).unwrap_or(&none))
        })
        .collect()
}

/// The plan's values every clause document repeats, folded once.
struct PlanValues<'a> {
    /// County as written (folded), then its key.
    county: Vec<String>,
    /// City, the same way.
    city: Vec<String>,
    /// Level, folded.
    level: Option<String>,
    /// Province, the same way.
    province: Vec<String>,
    doc: &'a Document,
}

/// A place as written (folded), its key, and its short form with a
/// one-character suffix (`恩施土家族苗族自治州` → `恩施州`), as `county:`
/// filters may name it.
pub(crate) fn place_terms(name: Option<&str>) -> Vec<String> {
    let Some(name) = name else { return Vec::new() };
    let full = fold::fold_str(name);
    let mut out = vec![full.clone()];
    let (stem, suffix) = fangan_places::name::split(&full);
    if !stem.is_empty() && stem != full {
        out.push(stem.to_string());
        if let Some(last) = suffix.chars().last().filter(|_| suffix.chars().count() > 1) {
            out.push(format!("{stem}{last}"));
        }
    }
    out
}

impl<'a> PlanValues<'a> {
    fn of(doc: &'a Document) -> PlanValues<'a> {
        let meta = &doc.meta;
        PlanValues {
            county: place_terms(meta.county.as_deref()),
            city: place_terms(meta.city.as_deref()),
            level: meta.level.as_deref().map(fold::fold_str),
            province: place_terms(meta.province.as_deref()),
            doc,
        }
    }
}

/// One clause as a tantivy document.
fn clause_entry(
    f: &Fields,
    plan: &PlanValues<'_>,
    ord: usize,
    clause: &Clause,
    depts: &ClauseDepartments,
) -> TantivyDocument {
    let doc = plan.doc;
    let meta = &doc.meta;
    let mut d = TantivyDocument::new();
    d.add_text(f.plan, &meta.id);
    for (field, values) in [
        (f.county, &plan.county),
        (f.city, &plan.city),
        (f.province, &plan.province),
    ] {
        for v in values {
            d.add_text(field, v);
        }
    }
    if let Some(v) = &plan.level {
        d.add_text(f.level, v);
    }
    if let Some(y) = meta.year {
        d.add_u64(f.year, u64::from(y));
    }
    if let Some(t) = &meta.title {
        d.add_text(f.title, t);
    }
    d.add_text(f.path, &clause.path);
    // one term; `section:` filters match it and the paths below it
    d.add_text(f.section, fold::fold_str(&clause.path));
    d.add_text(f.heading, &clause.heading);
    d.add_text(f.kind, clause.kind.as_str());
    d.add_text(f.clause_level, clause.level.as_str());
    d.add_text(f.text, &clause.text);
    d.add_u64(f.line, clause.line as u64);
    d.add_u64(f.ord, ord as u64);
    // both fields tokenize in the writer's threads (pre-tokenized text
    // would be serialized through JSON inside the document: slower)
    let folded = fold::fold_str(&clause.text);
    d.add_text(f.words, &folded);
    d.add_text(f.chars, folded);
    for (field, names) in [
        (f.lead, &depts.lead),
        (f.support, &depts.support),
        (f.dept, &depts.any),
    ] {
        for name in names {
            d.add_text(field, name);
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use fangan_ingest::corpus::Corpus;
    use fangan_ingest::parse::Parser;
    use fangan_notes::NoteReader;
    use tantivy::schema::Value;

    use super::*;
    use crate::schema::build_schema;

    fn depts_of(doc: &Document) -> Vec<ClauseDepartments> {
        let notes = NoteReader::new();
        doc.clauses
            .iter()
            .map(|c| ClauseDepartments::from_notes(&notes.read_clause(c)))
            .collect()
    }

    #[test]
    fn place_terms_are_the_name_and_its_key() {
        assert_eq!(place_terms(Some("平江县")), ["平江县", "平江"]);
        assert_eq!(
            place_terms(Some("恩施土家族苗族自治州")),
            ["恩施土家族苗族自治州", "恩施", "恩施州"]
        );
        assert_eq!(place_terms(Some("湖南")), ["湖南"]);
        assert_eq!(place_terms(Some("城区")), ["城区"]);
        assert!(place_terms(None).is_empty());
    }

    #[test]
    fn clause_entries_carry_sections_and_leads() {
        let fields = Fields::from_schema(&build_schema()).unwrap();
        let seeds = Corpus::embedded(&Parser::new()).documents;
        let doc = seeds
            .iter()
            .find(|d| d.clauses.iter().any(|c| c.path.contains('/')))
            .unwrap();
        let entries = clause_documents(&fields, doc, &depts_of(doc));
        assert_eq!(entries.len(), doc.clauses.len());
        let (i, clause) = doc
            .clauses
            .iter()
            .enumerate()
            .find(|(_, c)| c.path.contains('/'))
            .unwrap();
        let sections: Vec<&str> = entries[i]
            .get_all(fields.section)
            .filter_map(|v| v.as_str())
            .collect();
        assert_eq!(sections, [fold::fold_str(&clause.path)]);
        // a clause whose note names a lead (牵头) is filed under it
        let d = seeds
            .iter()
            .find(|d| {
                d.clauses
                    .iter()
                    .any(|c| c.notes.iter().any(|n| n.text.contains("发改局牵头")))
            })
            .expect("a note led by 发改局");
        let entries = clause_documents(&fields, d, &depts_of(d));
        let leads: Vec<String> = entries
            .iter()
            .flat_map(|e| {
                e.get_all(fields.lead)
                    .filter_map(|v| v.as_str().map(str::to_string))
            })
            .collect();
        assert!(leads.iter().any(|l| l == "发改局"), "{leads:?}");
    }
}
