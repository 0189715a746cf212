//! Normalized document → records. Extractors cannot fail: text they do not understand yields
//! no record, never an error.
//!
//! - [`metadata`]: the document record (id, date, type, dossier, signatories).
//! - [`citation`]: references to other papers ("Kamerstuk 26 643, nr. 665").
//! - [`article`]: references to units of legal instruments ("artikel 9, tweede lid, AVG").
//! - [`position`]: what the government says it wants, rejects, worries about or will do.
//!
//! The rules each extractor runs are data under `data/`, compiled once into an
//! [`Extractors`] value that the pipeline passes around (no global state).

pub mod article;
pub mod citation;
pub mod dates;
pub mod gate;
pub mod metadata;
pub mod position;

use crate::normalize::NormDoc;
use crate::record::Record;

/// What an extractor sees of one document.
#[derive(Debug, Clone, Copy)]
pub struct Doc<'a> {
    pub id: &'a str,
    /// `YYYY-MM-DD`, when known.
    pub date: Option<&'a str>,
    pub norm: &'a NormDoc,
}

/// All extractors, built once from their data.
pub struct Extractors {
    pub citations: citation::CitationExtractor,
    pub articles: article::ArticleExtractor,
    pub positions: position::PositionExtractor,
}

impl Extractors {
    /// Build every extractor from the bundled data files.
    pub fn new() -> crate::Result<Extractors> {
        Ok(Extractors {
            citations: citation::CitationExtractor::new()?,
            articles: article::ArticleExtractor::new()?,
            positions: position::PositionExtractor::new()?,
        })
    }

    /// Every record of one document except its document record, in text order per kind.
    pub fn extract(&self, doc: &Doc) -> Vec<Record> {
        let mut out: Vec<Record> = Vec::new();
        out.extend(
            self.citations
                .extract(doc)
                .into_iter()
                .map(Record::Citation),
        );
        out.extend(
            self.articles
                .extract(doc)
                .into_iter()
                .map(Record::ArticleRef),
        );
        out.extend(
            self.positions
                .extract(doc)
                .into_iter()
                .map(Record::Position),
        );
        out
    }
}
