//! `kst search` keeps answering while `kst index` commits new letters into the same index:
//! tantivy readers see the last commit, and one writer at a time holds the lock, so a reader
//! never needs the writer to stop. Checked with the real binary on both sides, and with a
//! library reader opened before the batch that must keep working through commits and merges.

use kst::index::IndexReader;
use kst::query::search::{search, SearchRequest};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const LETTERS: usize = 120;

fn kst(index: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kst"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("--index")
        .arg(index);
    c
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn total(reader: &IndexReader, query: &str) -> usize {
    search(
        reader,
        &SearchRequest {
            query: query.into(),
            limit: 10,
            ..Default::default()
        },
    )
    .expect("search answers")
    .total
}

/// `LETTERS` new letters (real text plus a numbered word), each with its own id from a
/// manifest, so every one is added, not a replacement of another.
fn new_letters(dir: &Path) -> PathBuf {
    let docs = dir.join("new");
    std::fs::create_dir(&docs).unwrap();
    let base = std::fs::read_to_string(corpus().join("kst-32761-198.txt")).unwrap();
    let mut manifest = String::new();
    for i in 0..LETTERS {
        let name = format!("n{i:03}.txt");
        std::fs::write(
            docs.join(&name),
            format!("{base}\nVolgnummer zeppelin{i} luchtschip.\n"),
        )
        .unwrap();
        manifest.push_str(&format!(
            "{{\"file\": \"{name}\", \"id\": \"kst-99999-{i}\", \"date\": \"2024-01-{:02}\"}}\n",
            1 + i % 28
        ));
    }
    std::fs::write(docs.join("manifest.jsonl"), manifest).unwrap();
    docs
}

#[test]
fn search_keeps_answering_while_the_indexer_commits() {
    let dir = tempfile::tempdir().unwrap();
    let ix = dir.path().join("ix");
    let o = kst(&ix).arg("index").arg(corpus()).output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let docs = new_letters(dir.path());
    let early = IndexReader::open(&ix).expect("open before the batch");
    let before = total(&early, "gezichtsherkenning");
    assert!(before >= 5, "{before}");

    let mut child = kst(&ix)
        .arg("--quiet")
        .arg("index")
        .arg(&docs)
        .args(["--commit-every", "10"])
        .spawn()
        .unwrap();
    let started = Instant::now();
    let mut searches = 0;
    let mut seen_new = Vec::new();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "indexer hangs"
        );
        // A fresh process, as a user runs it.
        let o = kst(&ix)
            .args([
                "search",
                "gezichtsherkenning",
                "--format",
                "jsonl",
                "--limit",
                "3",
            ])
            .output()
            .unwrap();
        assert_eq!(
            o.status.code(),
            Some(0),
            "search failed during indexing: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(!o.stdout.is_empty());
        // And a library reader opened now, which sees the last commit.
        let now = IndexReader::open(&ix).expect("open during indexing");
        seen_new.push(total(&now, "luchtschip"));
        // The reader opened before the batch still answers from its snapshot.
        assert_eq!(total(&early, "gezichtsherkenning"), before);
        searches += 1;
    };
    assert!(status.success(), "indexer exit {status:?}");
    assert!(searches >= 1, "no search ran while indexing");
    // Commits became visible one batch at a time, never going back.
    assert!(seen_new.windows(2).all(|w| w[0] <= w[1]), "{seen_new:?}");
    assert!(seen_new.iter().all(|&n| n <= LETTERS), "{seen_new:?}");

    let after = IndexReader::open(&ix).unwrap();
    assert_eq!(total(&after, "luchtschip"), LETTERS);
    assert_eq!(total(&after, "zeppelin17"), 1);
    assert_eq!(total(&early, "gezichtsherkenning"), before);
}
