//! A re-run passes over files the index holds as they are, by their hash, before reading them;
//! a changed file, a moved file and a new file are read.

use kst::index::KnownFiles;
use kst::ingest::{self, Limits};
use kst::pipeline;
use std::path::PathBuf;

fn letter(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(name)
}

#[test]
fn indexed_files_are_known_by_hash_and_path_and_changes_are_read_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let work = dir.path().join("letters");
    std::fs::create_dir(&work).expect("mkdir");
    for name in ["kst-26643-672.txt", "kst-32761-198.txt"] {
        std::fs::copy(letter(name), work.join(name)).expect("copy letter");
    }
    let ix = dir.path().join("ix");
    let (inputs, errors) = ingest::discover(std::slice::from_ref(&work), None);
    assert!(errors.is_empty(), "{errors:?}");
    let limits = Limits::default();
    let first = pipeline::index_inputs(&ix, &inputs, &limits, Default::default(), 1, |_| {})
        .expect("first run");
    assert_eq!((first.added, first.unchanged), (2, 0));

    let known = KnownFiles::open(&ix);
    let sha = |path: &PathBuf| ingest::sha256_hex(&std::fs::read(path).expect("read"));
    let a = work.join("kst-26643-672.txt");
    assert!(known.unchanged(&a, &sha(&a)));
    // The same bytes elsewhere, or other bytes at the same place, are not the indexed file.
    assert!(!known.unchanged(&work.join("copy.txt"), &sha(&a)));
    assert!(!known.unchanged(&a, &"0".repeat(64)));
    assert!(!KnownFiles::none().unchanged(&a, &sha(&a)));
    assert!(!KnownFiles::open(&dir.path().join("no-index")).unchanged(&a, &sha(&a)));

    // A second run: one letter changed, one as it was.
    let mut text = std::fs::read_to_string(&a).expect("read letter");
    text.push_str("\nHet kabinet is voorstander van heldere regels.\n");
    std::fs::write(&a, text).expect("change letter");
    let second = pipeline::index_inputs(&ix, &inputs, &limits, Default::default(), 1, |_| {})
        .expect("second run");
    assert_eq!((second.added, second.replaced, second.unchanged), (0, 1, 1));
    assert!(KnownFiles::open(&ix).unchanged(&a, &sha(&a)));
}
