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
