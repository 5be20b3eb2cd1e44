//! The index schema: every field name, its options, and the typed handles.
//!
//! One tantivy document per clause. The clause text is indexed twice, both
//! times from the same folded text ([`fangan_model::fold`]):
//! - [`CHARS`]: one token per character (its bigram with the next), at the
//!   character's position, so a quoted phrase matches exactly where the
//!   folded text contains it (no segmentation can hide it);
//! - [`WORDS`]: jieba words with frequencies (no positions), for BM25
//!   ranking.
//!
//! The display text is stored as written (`text`), so hits and highlights
//! speak of what users see.

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, STORED,
    STRING,
};

use super::tokenizer::{CHARS_TOKENIZER, WORDS_TOKENIZER};

/// Version of the schema and of what is fed into it; an index of another
/// version is rebuilt.
pub const SCHEMA_VERSION: u32 = 4;

/// Plan id (file stem), stored and indexed as one term.
pub const PLAN: &str = "plan";
/// County as written, then its short form (`平江县`, `平江`).
pub const COUNTY: &str = "county";
/// Administrative level of the plan (`县`, `区`, `市`).
pub const LEVEL: &str = "level";
/// Prefecture-level city, as written then short (`岳阳市`, `岳阳`).
pub const CITY: &str = "city";
/// Province.
pub const PROVINCE: &str = "province";
/// Year of the plan.
pub const YEAR: &str = "year";
/// Title of the plan (stored).
pub const TITLE: &str = "title";
/// Clause path (`附件1/二/（二）/3`).
pub const PATH: &str = "path";
/// The folded path, one term, for `section:` filters (which match it and
/// every path below it).
pub const SECTION: &str = "section";
/// Clause heading (stored).
pub const HEADING: &str = "heading";
/// Section kind (`objectives`, `tasks`, `mechanism`, `other`).
pub const KIND: &str = "kind";
/// Clause level (`front`, `section`, `task`, …).
pub const CLAUSE_LEVEL: &str = "clause_level";
/// The clause's own text as shown (stored, not indexed).
pub const TEXT: &str = "text";
/// 1-based line of the original file the clause starts on.
pub const LINE: &str = "line";
/// Index of the clause in its plan (document order).
pub const ORD: &str = "ord";
/// Character field: folded text, unigrams and bigrams (complete phrase matching).
pub const CHARS: &str = "chars";
/// Word field: folded text segmented by jieba (ranking).
pub const WORDS: &str = "words";
/// Lead departments named in the clause's notes (canonical names).
pub const LEAD: &str = "lead";
/// Supporting departments named in the clause's notes (canonical names).
pub const SUPPORT: &str = "support";
/// Every department named in the clause's notes, whatever its role.
pub const DEPT: &str = "dept";
/// The source file of the plan (stored).
pub const FILE: &str = "file";

/// Typed handles to every field of the schema.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    /// See [`PLAN`].
    pub plan: Field,
    /// See [`COUNTY`].
    pub county: Field,
    /// See [`LEVEL`].
    pub level: Field,
    /// See [`CITY`].
    pub city: Field,
    /// See [`PROVINCE`].
    pub province: Field,
    /// See [`YEAR`].
    pub year: Field,
    /// See [`TITLE`].
    pub title: Field,
    /// See [`PATH`].
    pub path: Field,
    /// See [`SECTION`].
    pub section: Field,
    /// See [`HEADING`].
    pub heading: Field,
    /// See [`KIND`].
    pub kind: Field,
    /// See [`CLAUSE_LEVEL`].
    pub clause_level: Field,
    /// See [`TEXT`].
    pub text: Field,
    /// See [`LINE`].
    pub line: Field,
    /// See [`ORD`].
    pub ord: Field,
    /// See [`CHARS`].
    pub chars: Field,
    /// See [`WORDS`].
    pub words: Field,
    /// See [`LEAD`].
    pub lead: Field,
    /// See [`SUPPORT`].
    pub support: Field,
    /// See [`DEPT`].
    pub dept: Field,
    /// See [`FILE`].
    pub file: Field,
}

/// Builds the schema of a fresh index.
pub fn build_schema() -> Schema {
    let mut b = Schema::builder();
    let keyword = STRING | STORED;
    let number = NumericOptions::default()
        .set_indexed()
        .set_stored()
        .set_fast();
    let analyzed = |tokenizer: &str, record: IndexRecordOption| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(record),
        )
    };
    b.add_text_field(PLAN, keyword.clone());
    b.add_text_field(COUNTY, keyword.clone());
    b.add_text_field(LEVEL, keyword.clone());
    b.add_text_field(CITY, keyword.clone());
    b.add_text_field(PROVINCE, keyword.clone());
    b.add_u64_field(YEAR, number.clone());
    b.add_text_field(TITLE, STORED);
    b.add_text_field(PATH, keyword.clone());
    b.add_text_field(SECTION, STRING);
    b.add_text_field(HEADING, STORED);
    b.add_text_field(KIND, keyword.clone());
    b.add_text_field(CLAUSE_LEVEL, keyword.clone());
    b.add_text_field(TEXT, STORED);
    b.add_u64_field(LINE, STORED);
    b.add_u64_field(ORD, number);
    b.add_text_field(
        CHARS,
        analyzed(CHARS_TOKENIZER, IndexRecordOption::WithFreqsAndPositions),
    );
    b.add_text_field(
        WORDS,
        analyzed(WORDS_TOKENIZER, IndexRecordOption::WithFreqs),
    );
    b.add_text_field(LEAD, keyword.clone());
    b.add_text_field(SUPPORT, keyword.clone());
    b.add_text_field(DEPT, keyword);
    b.add_text_field(FILE, STORED);
    b.build()
}

impl Fields {
    /// Looks the fields up in `schema`; `None` when a field is missing (an
    /// index of another layout).
    pub fn from_schema(schema: &Schema) -> Option<Fields> {
        let f = |name: &str| schema.get_field(name).ok();
        Some(Fields {
            plan: f(PLAN)?,
            county: f(COUNTY)?,
            level: f(LEVEL)?,
            city: f(CITY)?,
            province: f(PROVINCE)?,
            year: f(YEAR)?,
            title: f(TITLE)?,
            path: f(PATH)?,
            section: f(SECTION)?,
            heading: f(HEADING)?,
            kind: f(KIND)?,
            clause_level: f(CLAUSE_LEVEL)?,
            text: f(TEXT)?,
            line: f(LINE)?,
            ord: f(ORD)?,
            chars: f(CHARS)?,
            words: f(WORDS)?,
            lead: f(LEAD)?,
            support: f(SUPPORT)?,
            dept: f(DEPT)?,
            file: f(FILE)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_resolves() {
        let schema = build_schema();
        assert!(Fields::from_schema(&schema).is_some());
        let chars = schema.get_field_entry(schema.get_field(CHARS).unwrap());
        assert!(chars
            .field_type()
            .get_index_record_option()
            .unwrap()
            .has_positions());
    }
}
