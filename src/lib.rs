//! kst: index Dutch parliamentary papers and extract what they say.
//!
//! The data flow, one module per stage:
//!
//! ```text
//! files ─ ingest ─▶ raw text ─ normalize ─▶ NormDoc ─ extract ─▶ records ─ index ─▶ tantivy
//!                                                                              └─ query ─▶ output
//! ```
//!
//! - [`ingest`]: which files, their bytes as text (UTF-8, legacy encodings, PDF), manifests.
//! - [`normalize`]: clean prose with paragraphs, sentences and footnotes; offsets point here.
//! - [`extract`]: document records, citations, article references, positions.
//! - [`index`]: the tantivy index with its Dutch analyzer; the only writer of the index.
//! - [`query`]: search, the citation graph, references, the stance timeline.
//! - [`output`]: one emitter per format (table, json, jsonl, csv, markdown, dot, graphml).
//! - [`record`]: the record contract every stage speaks.
//!
//! ```
//! let extractors = kst::extract::Extractors::new().unwrap();
//! let norm = kst::normalize::normalize("Het kabinet is voorstander van strenge regels.\n");
//! let doc = kst::extract::Doc { id: "kst-1-1", date: Some("2021-10-18"), norm: &norm };
//! let records = extractors.extract(&doc);
//! assert!(records.iter().all(|r| r.doc() == "kst-1-1"));
//! ```

pub mod cli;
pub mod error;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod normalize;
pub mod output;
pub mod pipeline;
pub mod query;
pub mod record;
pub mod text;

pub use error::{Error, Result};
