//! Which files the index already holds as they are, so that a re-run need not read them again.
//!
//! A file is known when a committed document has its bytes (SHA-256), came from the same path
//! and was extracted by this build (the extraction fingerprint). The writer would find such a
//! file unchanged anyway; finding it out from the hash, before decoding, saves the PDF text,
//! normalization and the extractors — most of the cost of a re-run over a large corpus.

use super::IndexReader;
use crate::record::Record;
use std::path::Path;
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

/// The committed state of an index as it was when opened (or nothing, for a new index).
pub struct KnownFiles {
    reader: Option<IndexReader>,
}

impl KnownFiles {
    /// Nothing is known: every file is read.
    pub fn none() -> KnownFiles {
        KnownFiles { reader: None }
    }

    /// What the index in `dir` holds; an index that cannot be read knows nothing (the writer
    /// reports its trouble).
    pub fn open(dir: &Path) -> KnownFiles {
        KnownFiles {
            reader: IndexReader::open(dir).ok(),
        }
    }

    /// Is the file at `source`, whose bytes hash to `sha256`, indexed as it is by this build?
    pub fn unchanged(&self, source: &Path, sha256: &str) -> bool {
        let Some(reader) = &self.reader else {
            return false;
        };
        let term = Term::from_field_text(reader.fields().sha256, sha256);
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        let Ok(found) = reader.searcher().search(&query, &DocSetCollector) else {
            return false;
        };
        let source = source.to_string_lossy();
        found.into_iter().any(|addr| {
            matches!(
                reader.record_at(addr),
                Ok(Some(Record::Document(d)))
                    if d.source == source
                        && d.extraction == env!("KST_EXTRACTION_FINGERPRINT")
            )
        })
    }
}
