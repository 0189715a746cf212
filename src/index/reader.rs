//! Reading documents and records back.

use super::schema::{self, date_number, Fields};
use crate::error::{Error, Result};
use crate::record::{DocumentRecord, Record, Span, Stance};
use std::collections::HashMap;
use std::ops::Bound;
use std::path::{Path, PathBuf};
use tantivy::collector::DocSetCollector;
use tantivy::query::{AllQuery, BooleanQuery, EnableScoring, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, DocId, Index, ReloadPolicy, Searcher, TantivyDocument, Term};

/// Kinds of records besides documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    Citation,
    ArticleRef,
    Position,
}

impl RecordKind {
    pub fn name(&self) -> &'static str {
        match self {
            RecordKind::Citation => "citation",
            RecordKind::ArticleRef => "article_ref",
            RecordKind::Position => "position",
        }
    }
}

/// Which records to read; every field narrows, `Default` reads everything.
#[derive(Debug, Clone, Default)]
pub struct RecordQuery {
    pub kind: Option<RecordKind>,
    pub doc: Option<String>,
    pub target: Option<String>,
    pub instrument: Option<String>,
    pub article: Option<String>,
    pub topic: Option<String>,
    pub stance: Option<Stance>,
    /// `YYYY-MM-DD` bounds on the document date, inclusive.
    pub from: Option<String>,
    pub to: Option<String>,
    pub limit: Option<usize>,
}

/// Decompressed document-store blocks kept per segment (tantivy keeps 100). A paper and its
/// records share a block or two, so the citers of a much-cited paper (1,300 at 100,000
/// letters, spread over the segments) touch as many blocks; with room for them a repeated or
/// overlapping graph query in one process reads from memory. 32 KB blocks: at most ~32 MB per
/// segment, filled only by what is read (a full export fills it: 2,000 blocks made one 1.2 GB
/// at 100,000 letters).
const DOCSTORE_CACHE_BLOCKS: usize = 1_000;

pub struct IndexReader {
    dir: PathBuf,
    index: Index,
    searcher: Searcher,
    fields: Fields,
}

impl IndexReader {
    /// Open the index in `dir` for reading; it sees what was committed when it was opened.
    pub fn open(dir: &Path) -> Result<IndexReader> {
        let index = super::open(dir, false)?;
        let reader: tantivy::IndexReader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .doc_store_cache_num_blocks(DOCSTORE_CACHE_BLOCKS)
            .try_into()
            .map_err(|e| Error::index(dir, e))?;
        let (_, fields) = schema::build();
        Ok(IndexReader {
            dir: dir.to_path_buf(),
            searcher: reader.searcher(),
            index,
            fields,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
    pub fn index(&self) -> &Index {
        &self.index
    }
    pub fn searcher(&self) -> &Searcher {
        &self.searcher
    }
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    pub(crate) fn err(&self, e: impl std::fmt::Display) -> Error {
        Error::index(&self.dir, e)
    }

    fn term(&self, field: tantivy::schema::Field, value: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        ))
    }

    /// A stored document by its address.
    pub fn stored(&self, addr: DocAddress) -> Result<TantivyDocument> {
        self.searcher.doc(addr).map_err(|e| self.err(e))
    }

    /// The record stored with a tantivy document.
    pub fn record_at(&self, addr: DocAddress) -> Result<Option<Record>> {
        let doc = self.stored(addr)?;
        self.restore(&doc, &mut HashMap::new())
    }

    /// The record of a stored tantivy document, with what the writer left out of its JSON put
    /// back (see `writer::compact`). `bodies` keeps the texts read for positions' sentences.
    fn restore(
        &self,
        doc: &TantivyDocument,
        bodies: &mut HashMap<String, Option<String>>,
    ) -> Result<Option<Record>> {
        let f = &self.fields;
        let text = |field| doc.get_first(field).and_then(|v| v.as_str());
        let Some(json) = text(f.json) else {
            return Ok(None);
        };
        let kind = text(f.kind).unwrap_or_default();
        let id = text(f.id).unwrap_or_default();
        if kind == "document" {
            // Stored whole.
            return Ok(serde_json::from_str(json).ok());
        }
        // Stored without kind and paper id; the id goes back in front of the stored fields and
        // the record is read as the struct its kind names: one parse, not a parse into a value
        // and a second pass from it, nor serde's buffering of a tagged enum (profiled: each
        // was a quarter of `cited-by` on a much-cited paper).
        if kind == RecordKind::Citation.name() {
            return Ok(serde_json::from_str(&with_doc(json, id))
                .ok()
                .map(Record::Citation));
        }
        if kind == RecordKind::ArticleRef.name() {
            return Ok(serde_json::from_str(&with_doc(json, id))
                .ok()
                .map(Record::ArticleRef));
        }
        let Ok(serde_json::Value::Object(mut o)) = serde_json::from_str(json) else {
            return Ok(None);
        };
        o.entry("kind").or_insert_with(|| kind.into());
        o.entry("doc").or_insert_with(|| id.into());
        if kind == RecordKind::Position.name() {
            o.entry("date").or_insert_with(|| text(f.date).into());
            if !o.contains_key("sentence") {
                let span: Option<Span> = o
                    .get("span")
                    .and_then(|s| serde_json::from_value(s.clone()).ok());
                if !bodies.contains_key(id) {
                    bodies.insert(id.to_string(), self.text(id)?);
                }
                let sentence = match (span, bodies.get(id).and_then(Option::as_deref)) {
                    (Some(span), Some(body)) => sentence_text(body, span),
                    _ => String::new(),
                };
                o.insert("sentence".into(), sentence.into());
            }
        }
        Ok(serde_json::from_value(serde_json::Value::Object(o)).ok())
    }

    /// Whether a paper with this id is indexed. Every record carries its paper's id, and
    /// records exist only with their paper, so the id term's frequency answers it.
    pub fn contains(&self, id: &str) -> bool {
        self.searcher
            .doc_freq(&Term::from_field_text(self.fields.id, id))
            .map(|n| n > 0)
            .unwrap_or(false)
    }

    pub fn document_address(&self, id: &str) -> Result<Option<DocAddress>> {
        let q = BooleanQuery::new(vec![
            (Occur::Must, self.term(self.fields.id, id)),
            (Occur::Must, self.term(self.fields.kind, "document")),
        ]);
        let found = self
            .searcher
            .search(&q, &DocSetCollector)
            .map_err(|e| self.err(e))?;
        Ok(found.into_iter().next())
    }

    pub fn document(&self, id: &str) -> Result<Option<DocumentRecord>> {
        match self.document_address(id)? {
            Some(addr) => Ok(match self.record_at(addr)? {
                Some(Record::Document(d)) => Some(d),
                _ => None,
            }),
            None => Ok(None),
        }
    }

    /// The normalized text of a paper.
    pub fn text(&self, id: &str) -> Result<Option<String>> {
        match self.document_address(id)? {
            Some(addr) => Ok(self
                .stored(addr)?
                .get_first(self.fields.body)
                .and_then(|v| v.as_str())
                .map(str::to_string)),
            None => Ok(None),
        }
    }

    /// The query that selects the papers themselves (not their records).
    pub fn document_query(&self) -> Box<dyn Query> {
        self.term(self.fields.kind, "document")
    }

    /// Every paper, in date order.
    pub fn documents(&self) -> Result<Vec<DocumentRecord>> {
        let found = self
            .searcher
            .search(&*self.term(self.fields.kind, "document"), &DocSetCollector)
            .map_err(|e| self.err(e))?;
        let mut out = Vec::with_capacity(found.len());
        for addr in found {
            if let Some(Record::Document(d)) = self.record_at(addr)? {
                out.push(d);
            }
        }
        out.sort_by(|a, b| (&a.date, &a.doc).cmp(&(&b.date, &b.doc)));
        Ok(out)
    }

    /// A date-range filter on the documents' dates.
    pub fn date_filter(&self, from: Option<&str>, to: Option<&str>) -> Option<Box<dyn Query>> {
        let lower = from
            .and_then(date_number)
            .map(|n| Bound::Included(Term::from_field_u64(self.fields.date_int, n)));
        let upper = to
            .and_then(date_number)
            .map(|n| Bound::Included(Term::from_field_u64(self.fields.date_int, n)));
        if lower.is_none() && upper.is_none() {
            return None;
        }
        Some(Box::new(RangeQuery::new(
            lower.unwrap_or(Bound::Unbounded),
            upper.unwrap_or(Bound::Unbounded),
        )))
    }

    /// The tantivy query that selects the records `q` asks for (without its limit).
    pub fn record_query(&self, q: &RecordQuery) -> BooleanQuery {
        let f = &self.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        match q.kind {
            Some(k) => clauses.push((Occur::Must, self.term(f.kind, k.name()))),
            None => clauses.push((Occur::MustNot, self.term(f.kind, "document"))),
        }
        let filters = [
            (f.id, &q.doc),
            (f.target, &q.target),
            (f.instrument, &q.instrument),
            (f.article, &q.article),
            (f.topic, &q.topic),
        ];
        for (field, value) in filters {
            if let Some(v) = value {
                clauses.push((Occur::Must, self.term(field, v)));
            }
        }
        if let Some(s) = q.stance {
            clauses.push((Occur::Must, self.term(f.stance, s.as_str())));
        }
        if let Some(range) = self.date_filter(q.from.as_deref(), q.to.as_deref()) {
            clauses.push((Occur::Must, range));
        }
        if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        BooleanQuery::new(clauses)
    }

    /// The live documents matching `query`, per segment (segment ordinal, sorted doc ids):
    /// for commands that read fast-field columns instead of stored documents.
    pub fn matching(&self, query: &dyn Query) -> Result<Vec<(u32, Vec<DocId>)>> {
        let weight = query
            .weight(EnableScoring::disabled_from_searcher(&self.searcher))
            .map_err(|e| self.err(e))?;
        let mut out = Vec::with_capacity(self.searcher.segment_readers().len());
        for (ord, segment) in self.searcher.segment_readers().iter().enumerate() {
            let mut docs = Vec::new();
            weight
                .for_each_no_score(segment, &mut |found| {
                    docs.extend(found.iter().filter(|d| !segment.is_deleted(**d)))
                })
                .map_err(|e| self.err(e))?;
            out.push((ord as u32, docs));
        }
        Ok(out)
    }

    /// Records matching `q`, in (date, document, span) order.
    pub fn records(&self, q: &RecordQuery) -> Result<Vec<Record>> {
        let query = self.record_query(q);
        let mut found: Vec<DocAddress> = self
            .searcher
            .search(&query, &DocSetCollector)
            .map_err(|e| self.err(e))?
            .into_iter()
            .collect();
        found.sort();
        let mut dated = if found.len() < PARALLEL_READ_MIN {
            self.read_records(&found)?
        } else {
            // Many stored records (the citers of a much-cited paper): read on every core.
            let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(8));
            let chunk = found.len().div_ceil(threads);
            let parts: Vec<Result<Vec<Dated>>> = std::thread::scope(|scope| {
                let handles: Vec<_> = found
                    .chunks(chunk)
                    .map(|addrs| scope.spawn(move || self.read_records(addrs)))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| {
                        h.join()
                            .unwrap_or_else(|_| Err(self.err("a record reader stopped")))
                    })
                    .collect()
            });
            let mut all = Vec::with_capacity(found.len());
            for part in parts {
                all.extend(part?);
            }
            all
        };
        // Stable, and the reads keep the order of `found`: the same order however they ran.
        dated.sort_by(|(da, a), (db, b)| (da, sort_key(a)).cmp(&(db, sort_key(b))));
        let mut out: Vec<Record> = dated.into_iter().map(|(_, r)| r).collect();
        if let Some(n) = q.limit {
            out.truncate(n);
        }
        Ok(out)
    }

    /// The stored records at `addrs`, in that order, each with its paper's date.
    fn read_records(&self, addrs: &[DocAddress]) -> Result<Vec<Dated>> {
        let f = &self.fields;
        let mut dated = Vec::with_capacity(addrs.len());
        let mut indexed: HashMap<String, bool> = HashMap::new();
        let mut bodies = HashMap::new();
        for &addr in addrs {
            let doc = self.stored(addr)?;
            let date = doc
                .get_first(f.date)
                .and_then(|v| v.as_str())
                .map(str::to_string);
            let Some(mut r) = self.restore(&doc, &mut bodies)? else {
                continue;
            };
            if let Record::Citation(c) = &mut r {
                // Asked once per target: the citations of one paper all share it.
                c.in_corpus = match indexed.get(&c.target) {
                    Some(known) => *known,
                    None => {
                        let known = self.contains(&c.target);
                        indexed.insert(c.target.clone(), known);
                        known
                    }
                };
            }
            dated.push((date, r));
        }
        Ok(dated)
    }
}

/// A record with its paper's date, as read for sorting.
type Dated = (Option<String>, Record);

/// Stored records read on one thread below this many; above it, on every core (a thread
/// costs tens of microseconds, a stored record a few).
const PARALLEL_READ_MIN: usize = 256;

/// A compact stored record (a JSON object without `kind` and `doc`) with its paper id put back.
fn with_doc(json: &str, id: &str) -> String {
    let fields = json.trim().strip_prefix('{').unwrap_or("}");
    let mut out = String::with_capacity(json.len() + id.len() + 12);
    out.push_str("{\"doc\":");
    // A string always serializes.
    out.push_str(&serde_json::to_string(id).unwrap_or_default());
    if !fields.trim_start().starts_with('}') {
        out.push(',');
    }
    out.push_str(fields);
    out
}

/// The sentence a position stands in, as the position extractor writes it: the text of its
/// span with runs of white space made one space.
pub(crate) fn sentence_text(text: &str, span: Span) -> String {
    span.slice(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `sentence` is [`sentence_text`] of `span`, without building that text (asked for
/// every position indexed).
pub(crate) fn is_sentence_text(text: &str, span: Span, sentence: &str) -> bool {
    let mut words = span.slice(text).split_whitespace();
    if sentence.is_empty() {
        return words.next().is_none();
    }
    // The words joined by single spaces: the same words in order, and nothing else.
    words.eq(sentence.split(' '))
}

fn sort_key(r: &Record) -> (&str, usize) {
    match r {
        Record::Document(d) => (&d.doc, 0),
        Record::Citation(c) => (&c.doc, c.span.start),
        Record::ArticleRef(a) => (&a.doc, a.span.start),
        Record::Position(p) => (&p.doc, p.span.start),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_is_recognised_as_its_span_without_building_it() {
        let text = "Vooraf.  Het kabinet\n steunt  dit.\tKlaar";
        for (start, end) in [(0, 7), (9, 35), (9, 41), (7, 9), (0, 0)] {
            let span = Span { start, end };
            let built = sentence_text(text, span);
            assert!(is_sentence_text(text, span, &built), "{built:?}");
            for other in [
                format!("{built} "),
                format!(" {built}"),
                built.replace(' ', "  "),
                format!("{built}x"),
                String::new(),
            ] {
                assert_eq!(
                    is_sentence_text(text, span, &other),
                    other == built,
                    "{other:?}"
                );
            }
        }
    }

    #[test]
    fn compact_records_get_their_paper_id_back() {
        let full = with_doc(r#"{"target":"kst-1-2","raw":"nr. 2"}"#, "kst-\"3");
        let v: serde_json::Value = serde_json::from_str(&full).expect("json");
        assert_eq!(
            v,
            serde_json::json!({"doc": "kst-\"3", "target": "kst-1-2", "raw": "nr. 2"})
        );
        let empty: serde_json::Value = serde_json::from_str(&with_doc("{ }", "a")).expect("json");
        assert_eq!(empty, serde_json::json!({"doc": "a"}));
    }
}
