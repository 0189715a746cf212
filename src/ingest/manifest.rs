//! `manifest.jsonl`: what is known about each file of a corpus, one JSON object a line with a
//! `file` field. Its values win over what kst finds in the text.

use crate::error::{Error, Result};
use crate::record::Signatory;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct ManifestEntry {
    pub file: String,
    pub id: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub dossier: Option<Vec<String>>,
    #[serde(default, deserialize_with = "string_or_number")]
    pub number: Option<String>,
    pub signatories: Option<Vec<Signatory>>,
}

fn one_or_many<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Vec<String>>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        Many(Vec<serde_json::Value>),
        One(serde_json::Value),
    }
    let v: Option<OneOrMany> = Option::deserialize(d)?;
    let text = |v: serde_json::Value| match v {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    };
    Ok(v.map(|v| match v {
        OneOrMany::Many(vs) => vs.into_iter().map(text).collect(),
        OneOrMany::One(v) => vec![text(v)],
    }))
}

fn string_or_number<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<String>, D::Error> {
    let v: Option<serde_json::Value> = Option::deserialize(d)?;
    Ok(v.and_then(|v| match v {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s),
        other => Some(other.to_string()),
    }))
}

/// Entries by file name (as written in the `file` field, relative to the manifest).
pub type Manifest = HashMap<String, ManifestEntry>;

/// Read a manifest; a malformed line is an error naming the file and line.
pub fn load(path: &Path) -> Result<Manifest> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let mut out = Manifest::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let entry: ManifestEntry = serde_json::from_str(line).map_err(|e| Error::Data {
            path: path.to_path_buf(),
            line: n + 1,
            reason: format!("not a manifest entry: {e}"),
        })?;
        if let Some(date) = &entry.date {
            if crate::extract::dates::parse_iso(date).is_none() {
                return Err(Error::Data {
                    path: path.to_path_buf(),
                    line: n + 1,
                    reason: format!("date {date:?} is not YYYY-MM-DD"),
                });
            }
        }
        out.insert(entry.file.clone(), entry);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_manifest_reads() {
        let m = load(Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/corpus/manifest.jsonl"
        )))
        .unwrap();
        let e = &m["kst-32761-206.txt"];
        assert_eq!(e.id.as_deref(), Some("kst-32761-206"));
        assert_eq!(
            e.dossier.as_deref(),
            Some(&["32761".to_string(), "30821".to_string()][..])
        );
        assert_eq!(
            e.signatories.as_ref().unwrap()[0].name,
            "F.B.J. Grapperhaus"
        );
    }

    #[test]
    fn a_bad_line_names_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("manifest.jsonl");
        std::fs::write(&p, "{\"file\": \"a.txt\"}\n{not json\n").unwrap();
        let e = load(&p).unwrap_err().to_string();
        assert!(e.contains("manifest.jsonl:2:"), "{e}");
    }
}
