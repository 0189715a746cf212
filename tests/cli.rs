//! The `kst` binary driven as a user drives it: indexing, searching, showing, and every kind
//! of bad input a batch must survive.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn kst(index: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kst"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("--index")
        .arg(index)
        .args(args)
        .output()
        .expect("run kst")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// An index of the bundled corpus in a fresh temporary directory.
fn indexed_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let o = kst(
        &dir.path().join("ix"),
        &["index", corpus().to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    dir
}

fn search_ids(index: &Path, args: &[&str]) -> Vec<String> {
    let mut full = vec!["search"];
    full.extend_from_slice(args);
    full.extend_from_slice(&["--format", "jsonl", "--limit", "50"]);
    let o = kst(index, &full);
    stdout(&o)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["doc"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn search_finds_compounds_phrases_and_applies_filters() {
    let dir = indexed_corpus();
    let ix = dir.path().join("ix");

    // All five letters mention gezichtsherkenning, some only inside compounds.
    let all = search_ids(&ix, &["gezichtsherkenning"]);
    assert_eq!(all.len(), 5, "{all:?}");

    // A phrase matches only where the words stand together.
    let phrase = search_ids(&ix, &["\"openbare ruimte\""]);
    assert!(phrase.contains(&"kst-32761-198".to_string()));
    assert!(!phrase.is_empty() && phrase.len() < 5 || phrase.len() == 5);

    // Date filters keep only 2021 letters.
    let y2021 = search_ids(
        &ix,
        &["gezichtsherkenning", "--from", "2021", "--to", "2021"],
    );
    assert_eq!(y2021.len(), 3, "{y2021:?}");
    assert!(!y2021.contains(&"kst-26643-1223".to_string()));

    // Dossier and signatory filters.
    let d = search_ids(&ix, &["gezichtsherkenning", "--dossier", "30821"]);
    assert_eq!(d, vec!["kst-32761-206".to_string()]);
    let s = search_ids(&ix, &["gezichtsherkenning", "--signatory", "Struycken"]);
    assert_eq!(s, vec!["kst-26643-1223".to_string()]);

    // Compound parts are found: "camera" inside "camerabeelden" (kst-22112-3222 has no
    // "camera" of its own), and the letter with the word itself ranks first.
    let camera = search_ids(&ix, &["camera"]);
    assert!(camera.contains(&"kst-22112-3222".to_string()), "{camera:?}");
    assert_eq!(
        camera.first().map(String::as_str),
        Some("kst-26643-672"),
        "{camera:?}"
    );
    assert_eq!(search_ids(&ix, &["herkenning"]).len(), 5);

    // Prefixes and fuzzy matching.
    assert_eq!(search_ids(&ix, &["gezichtsherken*"]).len(), 5);
    assert!(search_ids(&ix, &["emotie* verbod"]).contains(&"kst-32761-198".to_string()));
    assert!(search_ids(&ix, &["biometrsche"]).is_empty());
    assert!(!search_ids(&ix, &["biometrsche", "--fuzzy"]).is_empty());

    // Diacritics are folded: geinformeerd finds geïnformeerd.
    assert!(!search_ids(&ix, &["geinformeerd"]).is_empty());
}

#[test]
fn snippets_mark_the_matching_words() {
    let dir = indexed_corpus();
    let o = kst(
        &dir.path().join("ix"),
        &["search", "emotieherkenning", "--format", "json"],
    );
    let hits: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let first = &hits[0];
    let snippet = first["snippet"].as_str().unwrap().to_lowercase();
    assert!(snippet.contains("**emotieherkenning"), "{snippet}");
    assert!(!first["highlights"].as_array().unwrap().is_empty());
}

#[test]
fn nothing_found_exits_one() {
    let dir = indexed_corpus();
    let o = kst(&dir.path().join("ix"), &["search", "zeppelinhaven"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn reindexing_is_idempotent_and_changed_files_replace_their_old_version() {
    let dir = tempfile::tempdir().unwrap();
    let ix = dir.path().join("ix");
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let letter = std::fs::read_to_string(corpus().join("kst-32761-198.txt")).unwrap();
    std::fs::write(docs.join("a.txt"), &letter).unwrap();

    let first = kst(&ix, &["index", docs.to_str().unwrap()]);
    assert!(stderr(&first).contains("1 added"), "{}", stderr(&first));
    let again = kst(&ix, &["index", docs.to_str().unwrap()]);
    assert!(
        stderr(&again).contains("0 added, 0 replaced, 1 unchanged"),
        "{}",
        stderr(&again)
    );

    // The same text under a second name is indexed once.
    std::fs::write(docs.join("copy.txt"), &letter).unwrap();
    let dup = kst(&ix, &["index", docs.to_str().unwrap()]);
    assert!(stderr(&dup).contains("1 duplicate"), "{}", stderr(&dup));

    // A changed file replaces its old version: the new word is found, the old one gone.
    std::fs::remove_file(docs.join("copy.txt")).unwrap();
    std::fs::write(
        docs.join("a.txt"),
        letter.replace("Volkskrant", "Zeppelinkrant"),
    )
    .unwrap();
    let changed = kst(&ix, &["index", docs.to_str().unwrap()]);
    assert!(
        stderr(&changed).contains("1 replaced"),
        "{}",
        stderr(&changed)
    );
    assert_eq!(search_ids(&ix, &["zeppelinkrant"]).len(), 1);
    assert!(search_ids(&ix, &["volkskrant"]).is_empty());
    assert_eq!(search_ids(&ix, &["gezichtsherkenning"]).len(), 1);
}

#[test]
fn bad_inputs_are_named_skipped_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::copy(corpus().join("kst-32761-206.txt"), docs.join("good.txt")).unwrap();
    std::fs::write(docs.join("empty.txt"), b"").unwrap();
    std::fs::write(
        docs.join("junk.txt"),
        [0u8, 159, 146, 150, 0, 1, 2, 3, 255, 0],
    )
    .unwrap();
    let full = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf/kst-32545-143.pdf"),
    )
    .unwrap();
    std::fs::write(docs.join("truncated.pdf"), &full[..full.len() / 4]).unwrap();
    std::fs::write(docs.join("fake.pdf"), b"this is not a pdf at all").unwrap();
    std::fs::write(docs.join("huge.txt"), "woord ".repeat(400_000)).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(docs.join("missing-target.txt"), docs.join("dangling.txt")).unwrap();
    // Windows-1252 text is converted with a warning, not refused.
    let (latin, _, _) = encoding_rs::WINDOWS_1252
        .encode("De financiële gevolgen voor België zijn geïntroduceerd in de brief.");
    std::fs::write(docs.join("latin.txt"), &latin).unwrap();

    let ix = dir.path().join("ix");
    let o = kst(
        &ix,
        &["index", docs.to_str().unwrap(), "--max-file-mb", "1"],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(3), "{err}");
    assert!(err.contains("empty.txt: empty file"), "{err}");
    assert!(err.contains("junk.txt: not a text file"), "{err}");
    assert!(err.contains("fake.pdf: not a PDF"), "{err}");
    assert!(err.contains("truncated.pdf:"), "{err}");
    assert!(err.contains("huge.txt: file is"), "{err}");
    #[cfg(unix)]
    assert!(err.contains("dangling.txt"), "{err}");
    assert!(
        err.contains("latin.txt: not UTF-8; decoded as windows-1252"),
        "{err}"
    );
    assert!(err.contains("2 added"), "{err}");
    assert_eq!(search_ids(&ix, &["financiële"]).len(), 1);
    assert_eq!(search_ids(&ix, &["gezichtsherkenning"]).len(), 1);
}

#[test]
fn image_only_pdf_says_it_needs_ocr() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf/blg-1007826.pdf");
    let o = kst(&dir.path().join("ix"), &["extract", pdf.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(3));
    assert!(
        stderr(&o).contains("no text layer (needs OCR)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn show_prints_metadata_and_normalized_text() {
    let dir = indexed_corpus();
    let ix = dir.path().join("ix");
    let o = kst(&ix, &["show", "kst-32761-206"]);
    let s = stdout(&o);
    assert!(s.contains("2021-12-13 (manifest)"), "{s}");
    assert!(s.contains("F.B.J. Grapperhaus"), "{s}");
    let t = stdout(&kst(&ix, &["show", "kst-32761-206", "--text"]));
    assert!(t.contains("Conclusie"));
    assert!(!t.contains("Pagina1van5"));
    let missing = kst(&ix, &["show", "kst-1-1"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no document kst-1-1"));
}

#[test]
fn extract_gives_document_records_with_manifest_ids_and_text_ids_without_one() {
    let dir = tempfile::tempdir().unwrap();
    let o = kst(
        &dir.path().join("ix"),
        &["extract", corpus().to_str().unwrap(), "--kind", "document"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let docs: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 5);
    let manifest = std::fs::read_to_string(corpus().join("manifest.jsonl")).unwrap();
    for line in manifest.lines() {
        let m: serde_json::Value = serde_json::from_str(line).unwrap();
        let d = docs.iter().find(|d| d["doc"] == m["id"]).unwrap();
        assert_eq!(d["date"], m["date"]);
        assert_eq!(d["date_source"], "manifest");
        assert_eq!(d["dossier"], m["dossier"]);
    }

    // Without its manifest entry, the 2024 letter states its own id and date.
    let lone = dir.path().join("brief.txt");
    std::fs::copy(corpus().join("kst-26643-1223.txt"), &lone).unwrap();
    let o = kst(
        &dir.path().join("ix"),
        &["extract", lone.to_str().unwrap(), "--kind", "document"],
    );
    let d: serde_json::Value = serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
    assert_eq!(d["doc"], "kst-26643-1223");
    assert_eq!(d["date"], "2024-10-09");
    assert_eq!(d["date_source"], "text");
    assert_eq!(d["signatories"][0]["name"], "T.H.D. Struycken");
}

#[test]
fn a_killed_indexer_leaves_an_index_that_opens_and_keeps_its_commits() {
    let dir = tempfile::tempdir().unwrap();
    let ix = dir.path().join("ix");
    let o = kst(&ix, &["index", corpus().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));

    // A second, larger batch, killed while it works.
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let base = std::fs::read_to_string(corpus().join("kst-32761-198.txt")).unwrap();
    for i in 0..400 {
        std::fs::write(
            docs.join(format!("k{i}.txt")),
            format!("{base}\nVolgnummer zeppelin{i}.\n"),
        )
        .unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_kst"))
        .arg("--index")
        .arg(&ix)
        .args(["index", docs.to_str().unwrap(), "--commit-every", "50"])
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(700));
    let _ = child.kill();
    let _ = child.wait();

    // The index opens and still answers with everything committed before (all hits: the
    // killed batch's copies may rank above the letters of the first batch).
    let o = kst(
        &ix,
        &[
            "search",
            "emotieherkenning",
            "--format",
            "jsonl",
            "--limit",
            "1000",
        ],
    );
    assert_eq!(o.status.code(), Some(0));
    let committed: Vec<String> = stdout(&o)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["doc"].as_str().map(str::to_string))
        .collect();
    assert!(
        committed.iter().filter(|id| id.starts_with("kst-")).count() >= 3,
        "{committed:?}"
    );
    // A re-run completes the batch without duplicates.
    let o = kst(&ix, &["index", docs.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let ids = search_ids(&ix, &["zeppelin17"]);
    assert_eq!(ids.len(), 1, "{ids:?}");
}

#[test]
fn the_xml_and_the_pdf_of_one_paper_are_one_document_with_the_xml_text() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    // Side by side in one directory, and given one by one (PDF first), the result is the same.
    let together = dir.path().join("together");
    std::fs::create_dir(&together).unwrap();
    std::fs::copy(
        fixtures.join("pdf/kst-32545-143.pdf"),
        together.join("kst-32545-143.pdf"),
    )
    .unwrap();
    std::fs::copy(
        fixtures.join("official/kst-32545-143.xml"),
        together.join("kst-32545-143.xml"),
    )
    .unwrap();
    std::fs::copy(
        fixtures.join("official/kst-32545-143.metadata.xml"),
        together.join("kst-32545-143.metadata.xml"),
    )
    .unwrap();
    let ix = dir.path().join("ix");
    let o = kst(&ix, &["index", together.to_str().unwrap()]);
    assert!(stderr(&o).contains("1 added"), "{}", stderr(&o));
    let show = stdout(&kst(&ix, &["show", "kst-32545-143"]));
    assert!(show.contains("kst-32545-143.xml [xml]"), "{show}");
    assert!(
        show.contains("also        ") && show.contains("kst-32545-143.pdf"),
        "{show}"
    );

    let ix2 = dir.path().join("ix2");
    let pdf = fixtures.join("pdf/kst-32545-143.pdf");
    let xml = fixtures.join("official/kst-32545-143.xml");
    kst(&ix2, &["index", pdf.to_str().unwrap()]);
    kst(&ix2, &["index", xml.to_str().unwrap()]);
    let again = kst(&ix2, &["index", pdf.to_str().unwrap()]);
    assert!(
        stderr(&again).contains("another file of kst-32545-143"),
        "{}",
        stderr(&again)
    );
    let show = stdout(&kst(&ix2, &["show", "kst-32545-143"]));
    assert!(show.contains("[xml]"), "{show}");
    assert_eq!(
        search_ids(&ix2, &["grensspaarsaldo"]),
        vec!["kst-32545-143".to_string()]
    );
}

/// The index answers `kst stance` as the files do: the full timeline (read from stored
/// records) and the summary (counted from the index's columns) are the same either way, and
/// the table shows the latest documents with a note of what it left out.
#[test]
fn stance_from_the_index_is_stance_from_the_files() {
    let dir = indexed_corpus();
    let ix = dir.path().join("ix");
    let corpus = corpus();
    let corpus = corpus.to_str().unwrap();
    for args in [
        vec![
            "stance",
            "--topic",
            "gezichtsherkenning",
            "--format",
            "jsonl",
        ],
        vec![
            "stance",
            "--topic",
            "biometrie",
            "--from",
            "2021",
            "--format",
            "jsonl",
        ],
        // The exports are streamed a paper at a time from the index: the same bytes as the
        // whole list read from the files.
        vec!["stance", "--format", "json"],
        vec!["stance", "--stance", "support", "--format", "csv"],
        vec![
            "stance",
            "--topic",
            "gezichtsherkenning",
            "--limit",
            "2",
            "--format",
            "jsonl",
        ],
        // The Markdown report too, with what changed between consecutive papers.
        vec![
            "stance",
            "--topic",
            "gezichtsherkenning",
            "--format",
            "markdown",
        ],
        vec!["stance", "--limit", "3", "--format", "markdown"],
        vec!["stance", "--summary", "--format", "csv"],
        vec![
            "stance",
            "--summary",
            "--stance",
            "oppose",
            "--format",
            "csv",
        ],
        vec![
            "stance",
            "--topic",
            "gezichtsherkenning",
            "--summary",
            "--format",
            "csv",
        ],
    ] {
        let indexed = kst(&ix, &args);
        let mut with_files = args.clone();
        with_files.insert(1, corpus);
        let files = kst(&ix, &with_files);
        assert_eq!(
            indexed.status.code(),
            Some(0),
            "{args:?}: {}",
            stderr(&indexed)
        );
        assert!(!stdout(&indexed).is_empty(), "{args:?}");
        assert_eq!(stdout(&indexed), stdout(&files), "{args:?}");
    }
    let all = stdout(&kst(&ix, &["stance", "--topic", "gezichtsherkenning"]));
    let one = stdout(&kst(
        &ix,
        &["stance", "--topic", "gezichtsherkenning", "--limit", "1"],
    ));
    let header = |s: &str| {
        s.lines()
            .filter(|l| l.contains("  kst-"))
            .map(|l| l.split_whitespace().nth(1).unwrap_or("").to_string())
            .collect::<Vec<_>>()
    };
    let docs = header(&all);
    assert!(docs.len() > 1, "{all}");
    assert_eq!(header(&one), vec![docs[docs.len() - 1].clone()], "{one}");
    assert!(one.contains("earlier documents"), "{one}");
    assert!(!all.contains("earlier documents"), "{all}");
}
