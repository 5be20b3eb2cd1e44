//! `manifest.toml` or `manifest.csv`: what a folder of plans says about
//! each plan.
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
//! from the text and shown as inferred. `place`, `date` (`YYYY-MM-DD`),
//! `doc_number` and `url` may be given too.
//!
//! Researchers who keep a spreadsheet of what they downloaded can save it as
//! `manifest.csv` instead (UTF-8, with or without a BOM, or GBK as Excel
//! writes it on Chinese Windows): a header row naming any of `file`, `id`,
//! `county`, `place`, `level`, `city`, `province`, `year`, `date`, `title`,
//! `doc_number`, `url` (other columns are ignored), one row per file; `id`
//! defaults to the file's stem. A folder with both manifests is an error.

use std::path::Path;

use fangan_model::PlanMeta;
use serde::Deserialize;

use crate::{Error, Result};

/// File name of a folder's manifest.
pub const MANIFEST_FILE: &str = "manifest.toml";
/// File name of a folder's manifest as a spreadsheet.
pub const MANIFEST_CSV: &str = "manifest.csv";

/// The columns of `manifest.csv` that are read.
const CSV_COLUMNS: &[&str] = &[
    "file",
    "id",
    "county",
    "place",
    "level",
    "city",
    "province",
    "year",
    "date",
    "title",
    "doc_number",
    "url",
];

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
    /// The issuing government at any level.
    pub place: Option<String>,
    /// Date issued, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Document number.
    pub doc_number: Option<String>,
    /// Where it was downloaded from.
    pub url: Option<String>,
}

impl Manifest {
    /// Reads `dir/manifest.toml`; `None` when there is none.
    pub fn load(dir: &Path) -> Result<Option<Manifest>> {
        let path = dir.join(MANIFEST_FILE);
        let csv_path = dir.join(MANIFEST_CSV);
        let read = |path: &Path| {
            std::fs::read(path).map_err(|source| Error::Io {
                path: path.to_path_buf(),
                source,
            })
        };
        match (path.is_file(), csv_path.is_file()) {
            (false, false) => Ok(None),
            (true, true) => Err(Error::Manifest {
                path: csv_path,
                message: format!("the folder has a {MANIFEST_FILE} too: keep one of them"),
            }),
            (true, false) => {
                let bytes = read(&path)?;
                let text = String::from_utf8(bytes).map_err(|_| Error::Manifest {
                    path: path.clone(),
                    message: "not UTF-8".into(),
                })?;
                Manifest::parse(&text)
                    .map(Some)
                    .map_err(|message| Error::Manifest { path, message })
            }
            (false, true) => {
                let bytes = read(&csv_path)?;
                Manifest::parse_csv(&bytes)
                    .map(Some)
                    .map_err(|message| Error::Manifest {
                        path: csv_path,
                        message,
                    })
            }
        }
    }

    /// Parses the bytes of a `manifest.csv`.
    pub fn parse_csv(bytes: &[u8]) -> std::result::Result<Manifest, String> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t.to_string(),
            Err(_) => encoding_rs::GB18030
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
        };
        let mut rows = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let header: Vec<String> = rows
            .headers()
            .map_err(|e| e.to_string())?
            .iter()
            .map(|h| h.to_ascii_lowercase())
            .collect();
        let col = |name: &str| header.iter().position(|h| h == name);
        if col("file").is_none() && col("id").is_none() {
            return Err(format!(
                "the header row names neither `file` nor `id` (columns read: {})",
                CSV_COLUMNS.join(", ")
            ));
        }
        let mut plan = Vec::new();
        for (n, row) in rows.records().enumerate() {
            let row = row.map_err(|e| e.to_string())?;
            let line = n + 2;
            let get = |name: &str| {
                col(name)
                    .and_then(|i| row.get(i))
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(str::to_string)
            };
            let file = get("file");
            let Some(id) = get("id").or_else(|| {
                file.as_deref()
                    .and_then(|f| Path::new(f).file_stem())
                    .map(|s| s.to_string_lossy().into_owned())
            }) else {
                continue; // a blank row
            };
            let year = match get("year") {
                Some(y) => Some(
                    y.trim_end_matches('年')
                        .parse::<u16>()
                        .map_err(|_| format!("line {line}: year {y:?} is not a year"))?,
                ),
                None => None,
            };
            plan.push(Entry {
                id,
                file,
                county: get("county"),
                level: get("level"),
                city: get("city"),
                province: get("province"),
                year,
                title: get("title"),
                place: get("place"),
                date: get("date"),
                doc_number: get("doc_number"),
                url: get("url"),
            });
        }
        let m = Manifest { plan };
        m.check()?;
        Ok(m)
    }

    /// Parses manifest text.
    pub fn parse(text: &str) -> std::result::Result<Manifest, String> {
        let m: Manifest =
            toml::from_str(text).map_err(|e| e.to_string().trim().replace('\n', " "))?;
        m.check()?;
        Ok(m)
    }

    /// Ids listed once, levels known.
    fn check(&self) -> std::result::Result<(), String> {
        let m = self;
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
        Ok(())
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
            place: self.place.clone().or_else(|| self.county.clone()),
            date: self.date.clone(),
            doc_number: self.doc_number.clone(),
            url: self.url.clone(),
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

    #[test]
    fn a_spreadsheet_saved_as_csv() {
        let csv = "\u{feff}file,county,level,year,title,url,备注\n平江.doc,平江县,县,2023年,\"打好经济增长主动仗工作方案\",http://x/1,看过\n,,,,,,\n";
        let m = Manifest::parse_csv(csv.as_bytes()).unwrap();
        assert_eq!(m.plan.len(), 1);
        let e = m.entry_for("平江.doc").unwrap().meta();
        assert_eq!(e.id, "平江");
        assert_eq!(e.county.as_deref(), Some("平江县"));
        assert_eq!(e.place.as_deref(), Some("平江县"));
        assert_eq!(e.year, Some(2023));
        assert_eq!(e.url.as_deref(), Some("http://x/1"));
        // as Excel writes it on Chinese Windows: GBK
        let (gbk, _, _) = encoding_rs::GBK.encode("file,county\na.txt,绛县\n");
        let m = Manifest::parse_csv(&gbk).unwrap();
        assert_eq!(m.plan[0].county.as_deref(), Some("绛县"));
        let e = Manifest::parse_csv(b"name,year\na,2023\n").unwrap_err();
        assert!(e.contains("neither `file` nor `id`"), "{e}");
        let e = Manifest::parse_csv("file,year\na.txt,二三\n".as_bytes()).unwrap_err();
        assert!(e.contains("line 2"), "{e}");
    }
}
