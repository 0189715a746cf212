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
    let norm = normalize::normalize(&raw.text);
    let text_meta = metadata::from_text(&raw.text, &norm);
    let fallback_id = raw
        .source
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document".to_string());
    let document = metadata::document_record(
        &fallback_id,
        &text_meta,
        raw.manifest.as_ref(),
        &raw.source.to_string_lossy(),
        &raw.sha256,
        raw.format.name(),
    );
    let records = extractors.extract(&Doc {
        id: &document.doc,
        date: document.date.as_deref(),
        norm: &norm,
    });
    Processed {
        document,
        norm,
        records,
        warnings: raw.warnings,
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

/// What happened to each input of a batch.
#[derive(Debug, Default)]
pub struct BatchReport {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub duplicates: Vec<(String, String)>,
    pub skipped: Vec<crate::Error>,
    pub warnings: Vec<String>,
}

/// Process inputs on `threads` worker threads and hand the results to `sink` in input order,
/// so that a batch gives the same index whatever the scheduling. `progress` is called once per
/// input, after the sink has taken it.
pub fn run_batch<S, P>(
    inputs: &[Input],
    limits: &Limits,
    extractors: &Extractors,
    threads: usize,
    mut sink: S,
    mut progress: P,
) where
    S: FnMut(&Input, Result<Processed>),
    P: FnMut(&Input),
{
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::mpsc;
    let next = AtomicUsize::new(0);
    let threads = threads.clamp(1, 16);
    // Bounded, so that fast workers do not pile up processed letters in memory.
    let (tx, rx) = mpsc::sync_channel::<(usize, Result<Processed>)>(threads * 4);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(input) = inputs.get(i) else { break };
                if tx
                    .send((i, process_input(input, limits, extractors)))
                    .is_err()
                {
                    break;
                }
            });
        }
        drop(tx);
        let mut waiting = std::collections::BTreeMap::new();
        let mut expected = 0;
        for (i, result) in rx {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&expected) {
                sink(&inputs[expected], result);
                progress(&inputs[expected]);
                expected += 1;
            }
        }
    });
}

/// Index `inputs` into the index at `dir`.
pub fn index_inputs<P: FnMut(&Input)>(
    dir: &std::path::Path,
    inputs: &[Input],
    limits: &Limits,
    options: crate::index::WriterOptions,
    threads: usize,
    progress: P,
) -> Result<BatchReport> {
    use crate::index::{AddOutcome, IndexWriter};
    let extractors = Extractors::new()?;
    let mut writer = IndexWriter::open(dir, options)?;
    let mut report = BatchReport::default();
    let mut fatal: Option<crate::Error> = None;
    run_batch(
        inputs,
        limits,
        &extractors,
        threads,
        |input, result| {
            if fatal.is_some() {
                return;
            }
            match result {
                Ok(p) => {
                    report.warnings.extend(
                        p.warnings
                            .iter()
                            .map(|w| format!("{}: {w}", input.path.display())),
                    );
                    match writer.add(&p) {
                        Ok(AddOutcome::Added) => report.added += 1,
                        Ok(AddOutcome::Replaced) => report.replaced += 1,
                        Ok(AddOutcome::Unchanged) => report.unchanged += 1,
                        Ok(AddOutcome::Duplicate { of }) => report
                            .duplicates
                            .push((input.path.display().to_string(), of)),
                        Err(e) => fatal = Some(e),
                    }
                }
                Err(e) => report.skipped.push(e),
            }
        },
        progress,
    );
    if let Some(e) = fatal {
        return Err(e);
    }
    writer.finish()?;
    Ok(report)
}
