//! The record contract of `../spec/records.md`, in one place.
//!
//! Every record `kst extract` writes is one of these structs, serialized with a `kind` tag.
//! Field names are the contract's; fields the contract does not list may be added, never renamed.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's normalized text.
///
/// Invariant: both ends lie on `char` boundaries of the text they were made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
    /// The covered slice of `text`; empty when the span does not fit (never panics).
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

impl From<[usize; 2]> for Span {
    fn from(a: [usize; 2]) -> Span {
        Span::new(a[0], a[1].max(a[0]))
    }
}

impl From<Span> for [usize; 2] {
    fn from(s: Span) -> [usize; 2] {
        [s.start, s.end]
    }
}

/// Where a document's date came from: the three values of the record contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    Manifest,
    /// The paper itself: a date line of its text, or its publisher's metadata (the official
    /// XML's and HTML's date fields are part of the paper as published).
    Text,
    /// A lower bound taken from the latest date the text mentions.
    Inferred,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signatory {
    pub name: String,
    pub role: String,
}

/// `kind: document`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    pub doc: String,
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub date_source: Option<DateSource>,
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    pub dossier: Vec<String>,
    pub number: Option<String>,
    pub signatories: Vec<Signatory>,
    pub source: String,
    pub sha256: String,
    /// Which ingester produced the text: `txt`, `pdf` or `xml`.
    #[serde(default)]
    pub text_source: String,
    /// Other files of the same paper that were not used for the text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternative_sources: Vec<String>,
    /// Which extraction made the records (a fingerprint of kst's rules and data): re-indexing
    /// an unchanged file whose records came from other rules replaces them.
    #[serde(default)]
    pub extraction: String,
}

/// `kind: citation`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    pub doc: String,
    pub target: String,
    pub target_kind: TargetKind,
    pub raw: String,
    pub pinpoint: Option<String>,
    pub in_corpus: bool,
    pub span: Span,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub footnote: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// `text` when a text rule found it, `markup` when the publisher's XML marked it.
    #[serde(default = "origin_text")]
    pub origin: String,
}

pub fn origin_text() -> String {
    "text".to_string()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    Kamerstuk,
    Dossier,
    Aanhangsel,
    Handelingen,
    Kamervragen,
    Staatscourant,
    Staatsblad,
    Eu,
    Other,
}

/// `kind: article_ref`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRef {
    pub doc: String,
    pub instrument_id: Option<String>,
    pub instrument: Option<String>,
    pub unit: Unit,
    pub number: String,
    pub paragraph: Option<String>,
    pub point: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subpoint: Option<String>,
    pub raw: String,
    pub span: Span,
    pub url: Option<String>,
    /// How the instrument was decided: `explicit`, `definition`, `context`, or `none`.
    #[serde(default)]
    pub resolved_by: String,
    #[serde(default = "origin_text")]
    pub origin: String,
    /// The sentence the reference stands in (normalized), for `kst refs`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
    /// For a reference in a footnote: the body sentence that carries the footnote's marker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Article,
    Recital,
    Annex,
}

/// `kind: position`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Position {
    pub doc: String,
    pub actor: String,
    pub stance: Stance,
    pub cue: String,
    pub target: String,
    pub topics: Vec<String>,
    /// Where each topic came from: `sentence`, `heading` or `paragraph`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topic_sources: Vec<String>,
    pub hedged: bool,
    pub conditional: bool,
    pub sentence: String,
    pub span: Span,
    pub date: Option<String>,
    /// The id of the rule that fired, so a reader can check why.
    #[serde(default)]
    pub rule: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Support,
    Oppose,
    Concern,
    Intent,
}

impl Stance {
    pub fn as_str(&self) -> &'static str {
        match self {
            Stance::Support => "support",
            Stance::Oppose => "oppose",
            Stance::Concern => "concern",
            Stance::Intent => "intent",
        }
    }
}

/// One line of `kst extract` output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Record {
    Document(DocumentRecord),
    Citation(Citation),
    ArticleRef(ArticleRef),
    Position(Position),
}

impl Record {
    pub fn doc(&self) -> &str {
        match self {
            Record::Document(r) => &r.doc,
            Record::Citation(r) => &r.doc,
            Record::ArticleRef(r) => &r.doc,
            Record::Position(r) => &r.doc,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_carry_their_kind_and_spans_as_pairs() {
        let r = Record::Citation(Citation {
            doc: "kst-1-2".into(),
            target: "kst-32761-198".into(),
            target_kind: TargetKind::Kamerstuk,
            raw: "Kamerstuk 32 761, nr. 198".into(),
            pinpoint: None,
            in_corpus: false,
            span: Span::new(3, 28),
            footnote: None,
            context: None,
            origin: origin_text(),
        });
        let v: serde_json::Value = serde_json::to_value(&r).unwrap();
        assert_eq!(v["kind"], "citation");
        assert_eq!(v["span"], serde_json::json!([3, 28]));
        assert_eq!(v["target_kind"], "kamerstuk");
        let back: Record = serde_json::from_value(v).unwrap();
        assert_eq!(back, r);
    }
}
