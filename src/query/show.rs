//! One stored paper with its records and text.

use crate::error::{Error, Result};
use crate::index::{IndexReader, RecordQuery};
use crate::record::{DocumentRecord, Record};

pub struct StoredDocument {
    pub document: DocumentRecord,
    pub records: Vec<Record>,
    pub text: String,
}

pub fn load(reader: &IndexReader, id: &str) -> Result<StoredDocument> {
    let document = reader.document(id)?.ok_or_else(|| {
        Error::NotFound(format!(
            "no document {id} in the index {}",
            reader.dir().display()
        ))
    })?;
    let records = reader.records(&RecordQuery {
        doc: Some(id.to_string()),
        ..Default::default()
    })?;
    let text = reader.text(id)?.unwrap_or_default();
    Ok(StoredDocument {
        document,
        records,
        text,
    })
}
