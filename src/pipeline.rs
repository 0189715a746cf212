//! One file through the stages: ingest → normalize → extract. The index stage takes the
//! result ([`Processed`]) from here; `kst extract` prints it.

use crate::error::Result;
use crate::extract::{metadata, Doc, Extractors};
use crate::index::KnownFiles;
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
    let fallback_id = raw
        .source
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document".to_string());
    let mut document = metadata::document_record(
        &fallback_id,
        &text_meta,
        raw.manifest.as_ref(),
        &raw.source.to_string_lossy(),
        &raw.sha256,
        raw.format.name(),
    );
    let manifest_id = raw.manifest.as_ref().and_then(|m| m.id.as_ref());
    if let (None, Some(id)) = (
        manifest_id,
        raw.official
            .as_ref()
            .and_then(|x| x.meta.identifier.clone()),
    ) {
        document.doc = id;
    }
    let mut records = extractors.extract(&Doc {
        id: &document.doc,
        date: document.date.as_deref(),
        norm: &norm,
    });
    if let Some(x) = &raw.official {
        ingest::xml::refs::merge(
            &mut records,
            ingest::xml::refs::records(&x.links, &document.doc, &norm),
        );
    }
    Processed {
        document,
        norm,
        records,
        warnings: raw.warnings,
    }
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

/// Which text of a paper kst keeps when several files hold it: the publisher's XML first (it is
/// the printed text itself), then its web page (the same text, marked up less precisely), then
/// a text file (a prepared text), then the PDF's text layer.
pub(crate) fn source_rank(text_source: &str) -> u8 {
    match text_source {
        "xml" => 0,
        "html" => 1,
        "txt" => 2,
        "pdf" => 3,
        _ => 4,
    }
}

/// One paper, one document: documents of a batch with the same id (the XML, the PDF and a .txt
/// of one paper) become one, whose text comes from the best source; the other files are listed
/// in `alternative_sources`, and metadata the kept file lacks is taken from them. The batch
/// keeps its order (each paper where it first appeared).
pub fn merge_same_paper(batch: Vec<Processed>) -> Vec<Processed> {
    let mut order: Vec<String> = Vec::new();
    let mut groups: std::collections::HashMap<String, Vec<Processed>> =
        std::collections::HashMap::new();
    for p in batch {
        let id = p.document.doc.clone();
        if !groups.contains_key(&id) {
            order.push(id.clone());
        }
        groups.entry(id).or_default().push(p);
    }
    order
        .into_iter()
        .filter_map(|id| groups.remove(&id))
        .filter_map(|mut group| {
            // Stable: among equal sources the first file given wins.
            group.sort_by_key(|p| source_rank(&p.document.text_source));
            let mut rest = group.split_off(1);
            let mut kept = group.pop()?;
            for other in rest.drain(..) {
                let d = &mut kept.document;
                let o = other.document;
                d.alternative_sources.push(o.source);
                d.alternative_sources.extend(o.alternative_sources);
                if d.title.is_none() {
                    d.title = o.title;
                }
                if d.date.is_none() {
                    d.date = o.date;
                    d.date_source = o.date_source;
                }
                if d.doc_type.is_none() {
                    d.doc_type = o.doc_type;
                }
                if d.dossier.is_empty() {
                    d.dossier = o.dossier;
                }
                if d.number.is_none() {
                    d.number = o.number;
                }
                if d.signatories.is_empty() {
                    d.signatories = o.signatories;
                }
                kept.warnings.extend(other.warnings);
            }
            Some(kept)
        })
        .collect()
}

/// What happened to each input of a batch.
#[derive(Debug, Default)]
pub struct BatchReport {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub duplicates: Vec<(String, String)>,
    /// Files not used because a better file of the same paper is indexed: (file, paper id).
    pub alternatives: Vec<(String, String)>,
    pub skipped: Vec<crate::Error>,
    pub warnings: Vec<String>,
}

/// Files of one paper travel together: the same file stem in the same directory
/// ("kst-32545-143.xml" and "kst-32545-143.pdf"). Groups keep the order of their first file.
fn paper_groups(inputs: &[Input]) -> Vec<Vec<usize>> {
    let mut index: std::collections::HashMap<
        (Option<&std::path::Path>, Option<&std::ffi::OsStr>),
        usize,
    > = std::collections::HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let key = (input.path.parent(), input.path.file_stem());
        match index.get(&key) {
            Some(&g) => groups[g].push(i),
            None => {
                index.insert(key, groups.len());
                groups.push(vec![i]);
            }
        }
    }
    groups
}

/// Process one group of files: each file read on its own, the readable ones merged into one
/// paper by [`merge_same_paper`]. Results come with the index of the input they stand for;
/// `Ok(None)` is a file the index holds as it is (`known`), not read past its hash.
fn process_group(
    inputs: &[Input],
    group: &[usize],
    limits: &Limits,
    extractors: &Extractors,
    known: &KnownFiles,
) -> Vec<(usize, Result<Option<Processed>>)> {
    let mut out = Vec::new();
    let mut done = Vec::new();
    for &i in group {
        let input = &inputs[i];
        let read = ingest::load(input, limits).and_then(|(bytes, sha)| {
            if known.unchanged(&input.path, &sha) {
                return Ok(None);
            }
            ingest::decode(input, bytes, sha, limits).map(Some)
        });
        match read {
            Ok(Some(raw)) => done.push(process(raw, extractors)),
            Ok(None) => out.push((i, Ok(None))),
            Err(e) => out.push((i, Err(e))),
        }
    }
    for p in merge_same_paper(done) {
        let i = group
            .iter()
            .copied()
            .find(|&i| inputs[i].path.to_string_lossy() == p.document.source)
            .unwrap_or(group[0]);
        out.push((i, Ok(Some(p))));
    }
    out.sort_by_key(|(i, _)| *i);
    out
}

/// Process inputs on `threads` worker threads and hand the results to `sink` in input order,
/// so that a batch gives the same index whatever the scheduling. The files of one paper
/// (same stem, same directory) become one document. `progress` is called once per input.
pub fn run_batch<S, P>(
    inputs: &[Input],
    limits: &Limits,
    extractors: &Extractors,
    threads: usize,
    mut sink: S,
    progress: P,
) where
    S: FnMut(&Input, Result<Processed>),
    P: FnMut(&Input),
{
    let none = KnownFiles::none();
    run_batch_known(
        inputs,
        limits,
        extractors,
        threads,
        &none,
        |input, result| match result {
            Ok(Some(p)) => sink(input, Ok(p)),
            Ok(None) => {} // nothing is known, so nothing is passed over
            Err(e) => sink(input, Err(e)),
        },
        progress,
    )
}

/// [`run_batch`], passing over the files `known` holds as they are: the sink gets `Ok(None)`
/// for them.
pub fn run_batch_known<S, P>(
    inputs: &[Input],
    limits: &Limits,
    extractors: &Extractors,
    threads: usize,
    known: &KnownFiles,
    mut sink: S,
    mut progress: P,
) where
    S: FnMut(&Input, Result<Option<Processed>>),
    P: FnMut(&Input),
{
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::mpsc;
    let groups = paper_groups(inputs);
    let next = AtomicUsize::new(0);
    let threads = threads.clamp(1, 16);
    // Bounded, so that fast workers do not pile up processed letters in memory.
    type GroupResults = Vec<(usize, Result<Option<Processed>>)>;
    let (tx, rx) = mpsc::sync_channel::<(usize, GroupResults)>(threads * 4);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, groups) = (&next, &groups);
            scope.spawn(move || loop {
                let g = next.fetch_add(1, Ordering::Relaxed);
                let Some(group) = groups.get(g) else { break };
                if tx
                    .send((g, process_group(inputs, group, limits, extractors, known)))
                    .is_err()
                {
                    break;
                }
            });
        }
        drop(tx);
        let mut waiting = std::collections::BTreeMap::new();
        let mut expected = 0;
        for (g, results) in rx {
            waiting.insert(g, results);
            while let Some(results) = waiting.remove(&expected) {
                for (i, result) in results {
                    sink(&inputs[i], result);
                }
                for &i in &groups[expected] {
                    progress(&inputs[i]);
                }
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
    // What was committed before this run; files added by this run are checked by the writer.
    let known = crate::index::KnownFiles::open(dir);
    let mut report = BatchReport::default();
    let mut fatal: Option<crate::Error> = None;
    run_batch_known(
        inputs,
        limits,
        &extractors,
        threads,
        &known,
        |input, result| {
            if fatal.is_some() {
                return;
            }
            match result {
                Ok(None) => report.unchanged += 1,
                Ok(Some(p)) => {
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
                        Ok(AddOutcome::Alternative { of }) => report
                            .alternatives
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn processed(source: &str) -> Processed {
        let input = Input {
            path: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(source),
            manifest: None,
        };
        let limits = Limits {
            pdf_timeout: std::time::Duration::from_secs(60),
            ..Limits::default()
        };
        process_input(&input, &limits, &Extractors::new().expect("extractors"))
            .expect("fixture reads")
    }

    #[test]
    fn xml_and_pdf_of_one_paper_are_one_document_with_the_xml_text() {
        let pdf = processed("tests/fixtures/pdf/kst-32545-143.pdf");
        let xml = processed("tests/fixtures/official/kst-32545-143.xml");
        let other = processed("tests/fixtures/official/sample-kst-brief.xml");
        assert_eq!(
            pdf.document.doc, "kst-32545-143",
            "the PDF states its own id"
        );
        let merged = merge_same_paper(vec![pdf, other, xml]);
        let ids: Vec<&str> = merged.iter().map(|p| p.document.doc.as_str()).collect();
        assert_eq!(ids, vec!["kst-32545-143", "kst-99901-7"]);
        let d = &merged[0].document;
        assert_eq!(d.text_source, "xml");
        assert!(d.source.ends_with("kst-32545-143.xml"));
        assert_eq!(d.alternative_sources.len(), 1);
        assert!(d.alternative_sources[0].ends_with("kst-32545-143.pdf"));
        assert_eq!(d.date_source, Some(crate::record::DateSource::Text));
        assert!(merged[1].document.alternative_sources.is_empty());
    }

    #[test]
    fn without_xml_the_text_file_wins_and_missing_metadata_is_filled_in() {
        let mut pdf = processed("tests/fixtures/pdf/kst-32545-143.pdf");
        let mut txt = pdf.clone();
        txt.document.text_source = "txt".into();
        txt.document.source = "kst-32545-143.txt".into();
        txt.document.title = None;
        pdf.document.title = Some("Motie".into());
        let merged = merge_same_paper(vec![pdf, txt]);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].document.source, "kst-32545-143.txt");
        assert_eq!(merged[0].document.title.as_deref(), Some("Motie"));
    }
}
