//! The plain data a note is read into: units with their role and kind, and
//! the people and deadlines that notes also name.

use fangan_model::Span;
use serde::{Deserialize, Serialize};

/// What a unit is asked to do in a note.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Named before 牵头, after 牵头单位, or as the 召集人 / office host of a
    /// mechanism.
    Lead,
    /// Named after a lead in the same note (after 牵头…, 责任单位, 配合单位),
    /// or as a member (成员单位) of a mechanism.
    Support,
    /// Named with 负责 (or after 责任单位) in a note that names no lead.
    Responsible,
}

impl Role {
    /// The lower-case name used in JSON and on the command line.
    pub fn as_str(&self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Support => "support",
            Role::Responsible => "responsible",
        }
    }
}

/// What sort of body a unit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    /// A government department or office (局, 办, 中心…).
    Department,
    /// A party organ (县委组织部, 宣传部…).
    Party,
    /// A court or procuratorate.
    Judicial,
    /// A people's organisation (工商联, 妇联, 贸促会…).
    Association,
    /// A company or state-owned group (公司, 集团, 建投…).
    Company,
    /// A development zone (高新区, 开发区, 片区…).
    Zone,
    /// A township government (镇, 乡, 街道).
    Township,
    /// A committee, management board or headquarters (管委会, 指挥部…).
    Committee,
    /// Anything else.
    Other,
}

impl UnitKind {
    /// The lower-case name used in JSON and in the department table.
    pub fn as_str(&self) -> &'static str {
        match self {
            UnitKind::Department => "department",
            UnitKind::Party => "party",
            UnitKind::Judicial => "judicial",
            UnitKind::Association => "association",
            UnitKind::Company => "company",
            UnitKind::Zone => "zone",
            UnitKind::Township => "township",
            UnitKind::Committee => "committee",
            UnitKind::Other => "other",
        }
    }
}

/// One unit named in a note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    /// The name as written (markdown, white space and a trailing 等 dropped;
    /// the level prefix kept: `县发改局`).
    pub name: String,
    /// The canonical department it folds to (`发改局`); for a generic phrase
    /// the phrase itself.
    pub canonical: String,
    /// What it is asked to do.
    pub role: Role,
    /// True for phrases that name no particular body (相关部门, 各乡镇（街道）).
    pub generic: bool,
    /// True when the department table knows the name.
    pub known: bool,
    /// What sort of body it is.
    pub kind: UnitKind,
    /// The level prefix as written (`县`, `区`, `市`), when there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// Byte range of the name in the note's text.
    pub span: Span,
}

/// A person or a deadline named in a note, with its byte range in the
/// note's text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The words as written.
    pub text: String,
    /// Byte range in the note's text.
    pub span: Span,
}
