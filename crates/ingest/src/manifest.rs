//! `manifest.toml`: what a folder of plans says about each plan.
//!
//! ```toml
//! [[plan]]
//! id = "pingjiang-2023"        # the file stem
//! file = "pingjiang-2023.txt"  # optional; default: the file whose stem is id
//! county = "平江县"
//! level = "县"                 # 县 / 区 / 市
//! city = "岳阳市"
//! province = "湖南"
//! year = 2023
//! title = "打好经济增长主动仗工作方案"
//! ```
//! Every field but `id` is optional; what a manifest leaves out is inferred
//! from the text and shown as inferred.

use std::path::Path;

use fangan_model::PlanMeta;
use serde::Deserialize;

use crate::{Error, Result};

/// File name of a folder's manifest.
pub const MANIFEST_FILE: &str = "manifest.toml";

/// A parsed manifest.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// One entry per plan.
    #[serde(default)]
    pub plan: Vec<Entry>,
}

/// One plan of a manifest.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Plan id (file stem).
    pub id: String,
    /// File name within the folder.
    pub file: Option<String>,
    /// County or district.
    pub county: Option<String>,
    /// 县 / 区 / 市.
    pub level: Option<String>,
    /// Prefecture-level city.
    pub city: Option<String>,
    /// Province.
    pub province: Option<String>,
    /// Year.
    pub year: Option<u16>,
    /// Title.
    pub title: Option<String>,
}

impl Manifest {
    /// Reads `dir/manifest.toml`; `None` when there is none.
    pub fn load(dir: &Path) -> Result<Option<Manifest>> {
        let path = dir.join(MANIFEST_FILE);
        if !path.is_file() {
            return Ok(None);
        }
        let text = std::fs::read_to_string(&path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        Manifest::parse(&text)
            .map(Some)
            .map_err(|message| Error::Manifest { path, message })
    }

    /// Parses manifest text.
    pub fn parse(text: &str) -> std::result::Result<Manifest, String> {
        let m: Manifest =
            toml::from_str(text).map_err(|e| e.to_string().trim().replace('\n', " "))?;
        let mut seen = std::collections::HashSet::new();
        for e in &m.plan {
            if !seen.insert(e.id.as_str()) {
                return Err(format!("plan id {:?} is listed twice", e.id));
            }
            if let Some(l) = &e.level {
                if fangan_places::Level::parse(l).is_none() {
                    return Err(format!(
                        "plan {:?}: level {l:?} is not one of 省/市/州/盟/县/区/县级市/旗",
                        e.id
                    ));
                }
            }
        }
        Ok(m)
    }

    /// The entry for the file `file_name` (by `file`, else by id = stem).
    pub fn entry_for(&self, file_name: &str) -> Option<&Entry> {
        let stem = Path::new(file_name)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("");
        self.plan
            .iter()
            .find(|e| e.file.as_deref() == Some(file_name))
            .or_else(|| self.plan.iter().find(|e| e.file.is_none() && e.id == stem))
    }
}

impl Entry {
    /// The plan metadata this entry gives.
    pub fn meta(&self) -> PlanMeta {
        PlanMeta {
            id: self.id.clone(),
            county: self.county.clone(),
            level: self.level.clone(),
            city: self.city.clone(),
            province: self.province.clone(),
            year: self.year,
            title: self.title.clone(),
            place: self.county.clone(),
            ..PlanMeta::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_finds_entries() {
        let m = Manifest::parse("[[plan]]\nid = \"a-2023\"\ncounty = \"平江县\"\nyear = 2023\n")
            .unwrap();
        assert_eq!(
            m.entry_for("a-2023.txt").unwrap().meta().county.as_deref(),
            Some("平江县")
        );
        assert!(m.entry_for("b.txt").is_none());
    }

    #[test]
    fn bad_manifests_say_why() {
        let e = Manifest::parse("[[plan]]\nid = \"a\"\nlevel = \"村\"\n").unwrap_err();
        assert!(e.contains("level \"村\""), "{e}");
        let e = Manifest::parse("[[plan]]\nid = \"a\"\n[[plan]]\nid = \"a\"\n").unwrap_err();
        assert!(e.contains("listed twice"), "{e}");
        assert!(Manifest::parse("[[plan]]\nid = \"a\"\ncolour = 1\n").is_err());
    }
}
