//! One file through the stages: ingest → normalize → extract. The index stage takes the
//! result ([`Processed`]) from here; `kst extract` prints it.

use crate::error::Result;
use crate::extract::{metadata, Doc, Extractors};
use crate::ingest::{self, Input, Limits, RawDocument};
use crate::normalize::{self, NormDoc};
use crate::record::{DocumentRecord, Record};
use std::collections::HashSet;

/// A document after extraction.
#[derive(Debug, Clone)]
pub struct Processed {
    pub document: DocumentRecord,
    pub norm: NormDoc,
    /// Citations, article references and positions (not the document record).
    pub records: Vec<Record>,
    pub warnings: Vec<String>,
}

/// Read, normalize and extract one input.
pub fn process_input(input: &Input, limits: &Limits, extractors: &Extractors) -> Result<Processed> {
    let raw = ingest::read(input, limits)?;
    Ok(process(raw, extractors))
}

/// Normalize and extract a document that has been read.
pub fn process(raw: RawDocument, extractors: &Extractors) -> Processed {
    let norm = normalized(&raw);
    let mut text_meta = metadata::from_text(&raw.text, &norm);
    if let Some(x) = &raw.official {
        x.meta.overlay(&mut text_meta);
    }
    let fallback_id = raw.source.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "document".to_string());
    let mut document = metadata::document_record(
        &fallback_id,
        &text_meta,
        raw.manifest.as_ref(),
        &raw.source.to_string_lossy(),
        &raw.sha256,
        raw.format.name(),
    );
    let manifest_id = raw.manifest.as_ref().and_then(|m| m.id.as_ref());
    if let (None, Some(id)) = (manifest_id, raw.official.as_ref().and_then(|x| x.meta.identifier.clone())) {
        document.doc = id;
    }
    let mut records = extractors.extract(&Doc { id: &document.doc, date: document.date.as_deref(), norm: &norm });
    if let Some(x) = &raw.official {
        ingest::xml::refs::merge(&mut records, ingest::xml::refs::records(&x.links, &document.doc, &norm));
    }
    Processed { document, norm, records, warnings: raw.warnings }
}

/// The normalized text of a document that has been read: from the publisher's paragraphs
/// when it came as XML, else from its raw text.
pub fn normalized(raw: &RawDocument) -> NormDoc {
    match &raw.official {
        Some(x) => normalize::from_paragraphs(x.paragraphs.clone(), x.notes.clone()),
        None => normalize::normalize(&raw.text),
    }
}

/// Set `in_corpus` on citations whose target is one of `ids`.
pub fn mark_in_corpus(records: &mut [Record], ids: &HashSet<String>) {
    for r in records {
        if let Record::Citation(c) = r {
            c.in_corpus = ids.contains(&c.target);
        }
    }
}
