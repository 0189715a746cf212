//! One stored document with its records and text.

use crate::record::{DocumentRecord, Record};
use std::path::Path;

pub struct StoredDocument {
    pub document: DocumentRecord,
    pub records: Vec<Record>,
    pub text: String,
}

pub fn load(index: &Path, id: &str) -> crate::Result<StoredDocument> {
    let _ = index;
    Err(crate::Error::NotFound(format!("no document {id} in the index")))
}
