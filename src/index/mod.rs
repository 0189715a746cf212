//! The tantivy index: schema, the Dutch analyzer, the writer and the reader. Invariant: only
//! `index/` and `query/` import tantivy.
//!
//! - [`schema`]: one tantivy document per paper and one per record, all keyed by the paper id.
//! - [`analyzer`]: lower-case, fold, stem; compound parts in a second field.
//! - [`compound`]: the dictionary-based compound splitter.
//! - [`writer`]: adds processed papers; unchanged files change nothing, changed files replace
//!   their old version, the same text under two names is indexed once; commits in batches so
//!   that a crash loses at most the uncommitted batch, never the index.
//! - [`reader`]: documents and records by id, kind and field filters.
//! - [`known`]: files indexed as they are, found by their hash before they are read again.

pub mod analyzer;
pub mod compound;
pub mod known;
pub mod reader;
pub mod schema;
pub mod writer;

pub use known::KnownFiles;
pub use reader::{IndexReader, RecordKind, RecordQuery};
pub use writer::{AddOutcome, IndexWriter, WriterOptions};

use crate::error::{Error, Result};
use analyzer::{DutchTokenizer, PARTS, WORDS};
use compound::Decompounder;
use std::path::Path;
use std::sync::Arc;
use tantivy::tokenizer::{TextAnalyzer, TokenizerManager};
use tantivy::Index;

/// Marker file that says a directory holds a kst index, and of which schema version.
const MARKER: &str = "kst-index.json";

/// Register kst's analyzers with an index.
fn register_tokenizers(index: &Index) -> Result<()> {
    let decompounder = Arc::new(Decompounder::new()?);
    index
        .tokenizers()
        .register(WORDS, TextAnalyzer::from(DutchTokenizer::words()));
    index.tokenizers().register(
        PARTS,
        TextAnalyzer::from(DutchTokenizer::parts(decompounder)),
    );
    Ok(())
}

/// The analyzers a query is parsed with: compound parts are matched by whole query words.
pub fn query_tokenizers() -> TokenizerManager {
    let m = TokenizerManager::default();
    m.register(WORDS, TextAnalyzer::from(DutchTokenizer::words()));
    m.register(PARTS, TextAnalyzer::from(DutchTokenizer::words()));
    m
}

/// Whether `dir` holds a kst index.
pub fn exists(dir: &Path) -> bool {
    dir.join(MARKER).is_file() && dir.join("meta.json").is_file()
}

/// Open the index in `dir`, creating it when `create` is set and there is none.
fn open(dir: &Path, create: bool) -> Result<Index> {
    if exists(dir) {
        let marker = std::fs::read_to_string(dir.join(MARKER))
            .map_err(|e| Error::io(dir.join(MARKER), e))?;
        let version = serde_json::from_str::<serde_json::Value>(&marker)
            .ok()
            .and_then(|v| v.get("schema_version").and_then(|v| v.as_u64()));
        if version != Some(u64::from(schema::SCHEMA_VERSION)) {
            return Err(Error::index(dir, format!("was built by another version of kst (schema {version:?}, this kst reads {}); rebuild it with `kst index --rebuild`", schema::SCHEMA_VERSION)));
        }
        let index = Index::open_in_dir(dir).map_err(|e| Error::index(dir, e))?;
        register_tokenizers(&index)?;
        return Ok(index);
    }
    if !create {
        return Err(Error::index(
            dir,
            "no index here; build one with `kst index [PATH...]`",
        ));
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    if dir.join("meta.json").exists() {
        return Err(Error::index(
            dir,
            "holds a tantivy index that kst did not make; choose another --index directory",
        ));
    }
    let (schema, _) = schema::build();
    let index = Index::builder()
        .schema(schema)
        .settings(schema::settings())
        .create_in_dir(dir)
        .map_err(|e| Error::index(dir, e))?;
    let marker = serde_json::json!({ "schema_version": schema::SCHEMA_VERSION, "created_by": concat!("kst ", env!("CARGO_PKG_VERSION")) });
    // Written after tantivy's meta.json: a directory with the marker is a complete empty index.
    std::fs::write(dir.join(MARKER), marker.to_string())
        .map_err(|e| Error::io(dir.join(MARKER), e))?;
    register_tokenizers(&index)?;
    Ok(index)
}

/// Delete the kst index in `dir` (only a directory that holds one, so that a mistyped
/// `--index` never deletes anything else).
pub fn remove(dir: &Path) -> Result<()> {
    if !dir.exists() {
        return Ok(());
    }
    if !dir.join(MARKER).is_file() {
        return Err(Error::index(dir, "is not a kst index; not deleting it"));
    }
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        // Keep dot files (.gitkeep) and anything that is not a file kst wrote.
        if path.is_file() && !entry.file_name().to_string_lossy().starts_with(".gitkeep") {
            std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
        }
    }
    Ok(())
}
