//! Which files a command reads: the paths given, directories walked recursively, each file
//! paired with the manifest entry of its directory (or of `--manifest FILE`).

use super::manifest::{self, Manifest, ManifestEntry};
use crate::error::Error;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Extensions kst reads.
pub const EXTENSIONS: &[&str] = &["pdf", "txt", "xml", "html", "htm", "xhtml"];

#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub path: PathBuf,
    pub manifest: Option<ManifestEntry>,
}

/// Files under `paths`, sorted within each directory, with their manifest entries. Problems
/// with single paths (missing, unreadable manifest) are returned beside the inputs so that the
/// rest of the batch goes on.
pub fn discover(paths: &[PathBuf], explicit_manifest: Option<&Path>) -> (Vec<Input>, Vec<Error>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    let explicit = match explicit_manifest.map(manifest::load) {
        Some(Ok(m)) => Some(m),
        Some(Err(e)) => {
            errors.push(e);
            None
        }
        None => None,
    };
    let mut dir_manifests: HashMap<PathBuf, Option<Manifest>> = HashMap::new();

    for root in paths {
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                errors.push(Error::io(root, e));
                continue;
            }
        };
        let files: Vec<PathBuf> = if meta.is_dir() {
            let mut found: Vec<PathBuf> = Vec::new();
            for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
                let e = match entry {
                    Ok(e) => e,
                    Err(e) => {
                        let path = e
                            .path()
                            .map(Path::to_path_buf)
                            .unwrap_or_else(|| root.clone());
                        errors.push(Error::unusable(path, e.to_string()));
                        continue;
                    }
                };
                if !is_document(e.path()) {
                    continue;
                }
                if e.file_type().is_file() {
                    found.push(e.into_path());
                } else if e.path_is_symlink() {
                    // A link is read when it leads to a file; a broken one is reported.
                    match std::fs::metadata(e.path()) {
                        Ok(m) if m.is_file() => found.push(e.into_path()),
                        Ok(_) => {}
                        Err(err) => errors.push(Error::unusable(
                            e.path(),
                            format!("cannot follow link: {err}"),
                        )),
                    }
                }
            }
            found.sort();
            found
        } else {
            vec![root.clone()]
        };
        for path in files {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let entry = match &explicit {
                Some(m) => m.get(&name).cloned(),
                None => {
                    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
                    let m = dir_manifests.entry(dir.clone()).or_insert_with(|| {
                        let p = dir.join("manifest.jsonl");
                        if !p.exists() {
                            return None;
                        }
                        match manifest::load(&p) {
                            Ok(m) => Some(m),
                            Err(e) => {
                                errors.push(e);
                                None
                            }
                        }
                    });
                    m.as_ref().and_then(|m| m.get(&name).cloned())
                }
            };
            inputs.push(Input {
                path,
                manifest: entry,
            });
        }
    }
    (inputs, errors)
}

/// A file kst reads as a paper: a known extension, not a manifest or a metadata sidecar.
pub fn is_document(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with('.') || name.ends_with(".metadata.xml") {
        return false;
    }
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_directory_gives_five_letters_with_manifest_entries() {
        let (inputs, errors) = discover(
            &[PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/corpus"
            ))],
            None,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(inputs.len(), 5);
        assert!(inputs.iter().all(|i| i.manifest.is_some()));
    }

    #[test]
    fn a_missing_path_is_an_error_beside_the_rest() {
        let (inputs, errors) = discover(
            &[
                PathBuf::from("/nonexistent/x"),
                PathBuf::from(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/corpus/kst-32761-198.txt"
                )),
            ],
            None,
        );
        assert_eq!(inputs.len(), 1);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].to_string().contains("/nonexistent/x"));
    }
}
