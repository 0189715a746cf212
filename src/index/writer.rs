//! Adding papers to the index.

use super::schema::{self, date_number, Fields};
use crate::error::{Error, Result};
use crate::pipeline::Processed;
use crate::record::Record;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tantivy::collector::TopDocs;
use tantivy::indexer::UserOperation;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument, Term};

#[derive(Debug, Clone)]
pub struct WriterOptions {
    /// Memory budget of the tantivy writer, in megabytes (shared by its threads).
    pub memory_mb: usize,
    /// Indexing threads; 0 lets tantivy choose.
    pub threads: usize,
    /// Commit after this many added papers, so a crash loses at most one batch.
    pub commit_every: usize,
}

impl Default for WriterOptions {
    fn default() -> WriterOptions {
        WriterOptions {
            memory_mb: 256,
            threads: 0,
            commit_every: 2000,
        }
    }
}

/// What the index holds of a paper, to decide what a new file of it does.
#[derive(Debug, Clone)]
struct Known {
    sha256: String,
    extraction: String,
    source: String,
    text_source: String,
}

/// What adding one paper did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddOutcome {
    Added,
    /// The paper was indexed before with other text; the old version was replaced.
    Replaced,
    /// The same file (same id, same bytes) is indexed already.
    Unchanged,
    /// The same bytes are indexed already under another id.
    Duplicate {
        of: String,
    },
    /// Another file of this paper with a better text (the publisher's XML) is indexed; this
    /// one is not used.
    Alternative {
        of: String,
    },
}

pub struct IndexWriter {
    dir: PathBuf,
    writer: tantivy::IndexWriter,
    reader: IndexReader,
    fields: Fields,
    /// Papers added since the last commit (not yet visible to `reader`): id → sha256.
    pending: HashMap<String, Known>,
    pending_sha: HashMap<String, String>,
    options: WriterOptions,
}

impl IndexWriter {
    /// Open (or create) the index in `dir` for writing. Fails if another process writes it.
    pub fn open(dir: &Path, options: WriterOptions) -> Result<IndexWriter> {
        let index: Index = super::open(dir, true)?;
        let memory = options.memory_mb.max(16) * 1024 * 1024;
        let writer = if options.threads == 0 {
            index.writer(memory)
        } else {
            index.writer_with_num_threads(options.threads, memory)
        };
        let writer = writer.map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => Error::index(
                dir,
                "another kst process is writing this index; wait for it to finish",
            ),
            other => Error::index(dir, other),
        })?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| Error::index(dir, e))?;
        let (_, fields) = schema::build();
        Ok(IndexWriter {
            dir: dir.to_path_buf(),
            writer,
            reader,
            fields,
            pending: HashMap::new(),
            pending_sha: HashMap::new(),
            options,
        })
    }

    /// The first committed tantivy document that matches `query`.
    fn first_committed(&self, query: &dyn Query) -> Result<Option<TantivyDocument>> {
        let searcher = self.reader.searcher();
        let top = searcher
            .search(query, &TopDocs::with_limit(1).order_by_score())
            .map_err(|e| Error::index(&self.dir, e))?;
        match top.into_iter().next() {
            Some((_, addr)) => Ok(Some(
                searcher.doc(addr).map_err(|e| Error::index(&self.dir, e))?,
            )),
            None => Ok(None),
        }
    }

    fn term(&self, field: tantivy::schema::Field, value: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        ))
    }

    /// What the index holds of the committed paper with this id.
    fn committed(&self, id: &str) -> Result<Option<Known>> {
        let q = BooleanQuery::new(vec![
            (Occur::Must, self.term(self.fields.id, id)),
            (Occur::Must, self.term(self.fields.kind, "document")),
        ]);
        let stored = self.first_committed(&q)?.and_then(|doc| {
            let json = doc
                .get_first(self.fields.json)
                .and_then(|v| v.as_str())
                .map(str::to_string)?;
            serde_json::from_str::<Record>(&json).ok()
        });
        Ok(match stored {
            Some(Record::Document(d)) => Some(Known {
                sha256: d.sha256,
                extraction: d.extraction,
                source: d.source,
                text_source: d.text_source,
            }),
            _ => None,
        })
    }

    /// The id of a committed paper with these bytes.
    fn committed_id_of_sha(&self, sha: &str) -> Result<Option<String>> {
        let doc = self.first_committed(&*self.term(self.fields.sha256, sha))?;
        Ok(doc.and_then(|d| {
            d.get_first(self.fields.id)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        }))
    }

    /// Add one processed paper, replacing an older version with the same id.
    pub fn add(&mut self, p: &Processed) -> Result<AddOutcome> {
        let id = p.document.doc.as_str();
        let sha = p.document.sha256.as_str();
        let previous = match self.pending.get(id) {
            Some(k) => Some(k.clone()),
            None => self.committed(id)?,
        };
        if let Some(known) = &previous {
            if known.sha256 == sha && known.extraction == p.document.extraction {
                return Ok(AddOutcome::Unchanged);
            }
            // A different file of the same paper: the better text stays (XML over text over PDF).
            let rank = crate::pipeline::source_rank;
            if known.source != p.document.source
                && rank(&known.text_source) < rank(&p.document.text_source)
            {
                return Ok(AddOutcome::Alternative { of: id.to_string() });
            }
        }
        let same_bytes = match self.pending_sha.get(sha) {
            Some(other) => Some(other.clone()),
            None => self.committed_id_of_sha(sha)?,
        };
        if let Some(of) = same_bytes.filter(|other| other != id) {
            return Ok(AddOutcome::Duplicate { of });
        }
        // One batch: tantivy hands it to one indexing thread, so a paper and its records stay
        // together in one segment, in extraction order (records of one sentence keep their
        // order when read back, whatever the number of threads).
        let mut ops = Vec::with_capacity(p.records.len() + 2);
        if previous.is_some() {
            ops.push(UserOperation::Delete(Term::from_field_text(
                self.fields.id,
                id,
            )));
        }
        ops.extend(self.documents_for(p).into_iter().map(UserOperation::Add));
        self.writer
            .run(ops)
            .map_err(|e| Error::index(&self.dir, e))?;
        self.pending.insert(
            id.to_string(),
            Known {
                sha256: sha.to_string(),
                extraction: p.document.extraction.clone(),
                source: p.document.source.clone(),
                text_source: p.document.text_source.clone(),
            },
        );
        self.pending_sha.insert(sha.to_string(), id.to_string());
        if self.pending.len() >= self.options.commit_every {
            self.commit()?;
        }
        Ok(if previous.is_some() {
            AddOutcome::Replaced
        } else {
            AddOutcome::Added
        })
    }

    fn documents_for(&self, p: &Processed) -> Vec<TantivyDocument> {
        let f = &self.fields;
        let d = &p.document;
        let date_int = d.date.as_deref().and_then(date_number);
        let mut out = Vec::with_capacity(p.records.len() + 1);
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, &d.doc);
        doc.add_text(f.kind, "document");
        if let Some(t) = &d.title {
            doc.add_text(f.title, t);
        }
        doc.add_text(f.body, &p.norm.text);
        doc.add_text(f.parts, &p.norm.text);
        if let Some(date) = &d.date {
            doc.add_text(f.date, date);
        }
        if let Some(n) = date_int {
            doc.add_u64(f.date_int, n);
        }
        for dossier in &d.dossier {
            doc.add_text(f.dossier, dossier);
        }
        if let Some(t) = &d.doc_type {
            doc.add_text(f.doc_type, t);
        }
        for s in &d.signatories {
            doc.add_text(f.signatory, format!("{} {}", s.name, s.role));
        }
        doc.add_text(f.sha256, &d.sha256);
        doc.add_text(f.source, &d.source);
        doc.add_text(
            f.json,
            serde_json::to_string(&Record::Document(d.clone())).unwrap_or_default(),
        );
        out.push(doc);

        for r in &p.records {
            let mut doc = TantivyDocument::default();
            doc.add_text(f.id, &d.doc);
            if let Some(date) = &d.date {
                doc.add_text(f.date, date);
            }
            if let Some(n) = date_int {
                doc.add_u64(f.date_int, n);
            }
            match r {
                Record::Document(_) => continue,
                Record::Citation(c) => {
                    doc.add_text(f.kind, "citation");
                    doc.add_text(f.target, &c.target);
                }
                Record::ArticleRef(a) => {
                    doc.add_text(f.kind, "article_ref");
                    if let Some(i) = &a.instrument_id {
                        doc.add_text(f.instrument, i);
                    }
                    doc.add_text(f.article, &a.number);
                }
                Record::Position(pos) => {
                    doc.add_text(f.kind, "position");
                    for t in &pos.topics {
                        doc.add_text(f.topic, t);
                    }
                    doc.add_text(f.stance, pos.stance.as_str());
                }
            }
            doc.add_text(f.json, compact(r, d.date.as_deref(), &p.norm.text));
            out.push(doc);
        }
        out
    }

    /// Make everything added so far durable and visible to readers.
    pub fn commit(&mut self) -> Result<()> {
        self.writer
            .commit()
            .map_err(|e| Error::index(&self.dir, e))?;
        self.reader
            .reload()
            .map_err(|e| Error::index(&self.dir, e))?;
        self.pending.clear();
        self.pending_sha.clear();
        Ok(())
    }

    /// Commit and wait for background merges to finish.
    pub fn finish(mut self) -> Result<()> {
        self.commit()?;
        self.writer
            .wait_merging_threads()
            .map_err(|e| Error::index(&self.dir, e))
    }
}

/// A record as stored: without what its tantivy document holds already (kind, paper id) or the
/// paper's text gives back (a position's date and sentence, when they are the paper's date and
/// the text of its span); [`super::reader`] rebuilds the same record. Positions repeat their
/// sentence, one record per stance in it, and were most of the index.
fn compact(r: &Record, date: Option<&str>, text: &str) -> String {
    let Ok(serde_json::Value::Object(mut o)) = serde_json::to_value(r) else {
        return String::new();
    };
    o.remove("kind");
    o.remove("doc");
    if let Record::Position(p) = r {
        if p.date.as_deref() == date {
            o.remove("date");
        }
        if super::reader::is_sentence_text(text, p.span, &p.sentence) {
            o.remove("sentence");
        }
    }
    serde_json::Value::Object(o).to_string()
}
