//! The index writer's identity rules, through the library.

use kst::extract::Extractors;
use kst::index::{AddOutcome, IndexReader, IndexWriter, RecordKind, RecordQuery, WriterOptions};
use kst::ingest::{discover, Limits};
use kst::pipeline::{self, Processed};
use std::path::Path;

fn letter(name: &str) -> Processed {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(name);
    let (inputs, _) = discover(&[path], None);
    pipeline::process_input(&inputs[0], &Limits::default(), &Extractors::new().unwrap()).unwrap()
}

#[test]
fn an_unchanged_file_extracted_by_other_rules_is_replaced_not_kept() {
    let dir = tempfile::tempdir().unwrap();
    let p = letter("kst-32761-206.txt");
    let mut w = IndexWriter::open(dir.path(), WriterOptions::default()).unwrap();
    assert_eq!(w.add(&p).unwrap(), AddOutcome::Added);
    w.commit().unwrap();
    assert_eq!(w.add(&p).unwrap(), AddOutcome::Unchanged);
    let mut newer = p.clone();
    newer.document.extraction = "other rules".to_string();
    assert_eq!(w.add(&newer).unwrap(), AddOutcome::Replaced);
    w.finish().unwrap();

    // The paper and its records are there once.
    let r = IndexReader::open(dir.path()).unwrap();
    assert_eq!(r.documents().unwrap().len(), 1);
    let cites = r
        .records(&RecordQuery {
            kind: Some(RecordKind::Citation),
            ..Default::default()
        })
        .unwrap();
    let expected = p
        .records
        .iter()
        .filter(|r| matches!(r, kst::record::Record::Citation(_)))
        .count();
    assert_eq!(cites.len(), expected);
    assert!(expected > 0);
}

/// Records are stored compactly (without their paper id, kind, a position's date and
/// sentence) and read back whole: what the index returns is what extraction made.
#[test]
fn records_read_back_are_the_records_extracted() {
    let dir = tempfile::tempdir().unwrap();
    let papers = ["kst-32761-206.txt", "kst-26643-1223.txt"].map(letter);
    let mut w = IndexWriter::open(dir.path(), WriterOptions::default()).unwrap();
    for p in &papers {
        w.add(p).unwrap();
    }
    w.finish().unwrap();
    let r = IndexReader::open(dir.path()).unwrap();
    for p in &papers {
        let mut got = r
            .records(&RecordQuery {
                doc: Some(p.document.doc.clone()),
                ..Default::default()
            })
            .unwrap();
        let mut want = p.records.clone();
        // `in_corpus` is decided at read time, by what the index holds.
        for rec in got.iter_mut().chain(want.iter_mut()) {
            if let kst::record::Record::Citation(c) = rec {
                c.in_corpus = false;
            }
        }
        let key = |r: &kst::record::Record| serde_json::to_string(r).unwrap();
        got.sort_by_key(key);
        want.sort_by_key(key);
        assert!(
            want.iter()
                .any(|r| matches!(r, kst::record::Record::Position(_))),
            "the letter should hold positions"
        );
        assert_eq!(got, want, "{}", p.document.doc);
    }
}
