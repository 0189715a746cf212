//! Fidelity of PDF text against the publisher's own text of the same paper.
//!
//! The fixture pair is Kamerstuk 32 545, nr. 143: the official print PDF and the publisher's XML.

use std::path::PathBuf;

fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn pdf_text(rel: &str) -> String {
    let bytes = std::fs::read(fixture(rel)).expect("fixture exists");
    kst::ingest::pdf::extract_in_process(&bytes).expect("fixture PDF has text")
}

/// The body font is an embedded CFF font with /WinAnsiEncoding whose built-in encoding is the
/// Standard one, where 0xEB is "º" and not "ë" (see vendor/pdf-extract/PATCHED.md).
#[test]
fn official_print_pdf_decodes_diacritics_through_the_winansi_encoding() {
    // The library's own plain text, colophon included, so every font of the page is read.
    let bytes = std::fs::read(fixture("pdf/kst-32545-143.pdf")).expect("fixture exists");
    let text = pdf_extract::extract_text_from_mem(&bytes).expect("fixture PDF has text");
    for word in [
        "financiële",
        "definiëren",
        "€ 100.000",
        "’s-Gravenhage",
        "2020–2021",
    ] {
        assert!(text.contains(word), "missing {word:?} in:\n{text}");
    }
    assert!(
        !text.contains('º'),
        "a WinAnsi code was decoded through the font's built-in encoding:\n{text}"
    );
}

/// Fonts of other producers (TrueType from Word, standard Type 1) decode as before.
#[test]
fn other_pdf_producers_keep_their_diacritics() {
    let cases: &[(&str, &[&str])] = &[
        ("pdf/brief-2011-03-01-draagmoederschap.pdf", &["ë", "ï"]),
        ("pdf/bnc-fiche-5-herziening-mifid.pdf", &["ë", "é", "ï"]),
        ("pdf/tk-besluitenlijst-example4.pdf", &["ë"]),
    ];
    for (file, chars) in cases {
        let text = pdf_text(file);
        for c in *chars {
            assert!(text.contains(c), "{file}: missing {c:?}");
        }
        assert!(!text.contains('º'), "{file}");
    }
}

fn kst(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_kst"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("kst runs")
}

/// The measure on the fixture pair: a faithful reading of this short motion reaches
/// 0.976 / 0.982 (its header line "Vergaderjaar 2020–2021" stands elsewhere in the XML, and the
/// XML's "Kamerstukken" is never printed).
#[test]
fn check_text_on_the_fixture_pair_meets_the_bar_with_every_diacritic_right() {
    let out = kst(&[
        "check-text",
        "tests/fixtures/pdf/kst-32545-143.pdf",
        "tests/fixtures/official/kst-32545-143.xml",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let row = &v[0];
    let recall = row["recall"].as_f64().expect("recall");
    let precision = row["precision"].as_f64().expect("precision");
    assert!(recall >= 0.97, "recall {recall}: {row}");
    assert!(precision >= 0.95, "precision {precision}: {row}");
    // Every place where the texts differ is the header order, never a misread word.
    for run in row["runs"].as_array().expect("runs") {
        let missing = run["missing"].as_str().unwrap_or("");
        assert!(
            ["vergaderjaar 2020 2021", "kamerstukken", ""].contains(&missing),
            "{run}"
        );
    }
    // The same measure in the library: each reference word with a diacritic is read right.
    let pdf = pdf_text("pdf/kst-32545-143.pdf");
    let pdf_words = kst::normalize::fidelity::words(&pdf);
    for w in ["financiële", "definiëren"] {
        assert_eq!(
            pdf_words.iter().filter(|p| *p == w).count(),
            if w == "financiële" { 3 } else { 1 },
            "{w}"
        );
    }
}

#[test]
fn check_text_thresholds_set_the_exit_code() {
    let args = [
        "check-text",
        "tests/fixtures/pdf/kst-32545-143.pdf",
        "tests/fixtures/official/kst-32545-143.xml",
        "--runs",
        "0",
    ];
    let ok = kst(&[
        &args[..],
        &["--min-recall", "0.97", "--min-precision", "0.95"],
    ]
    .concat());
    assert_eq!(ok.status.code(), Some(0));
    let strict = kst(&[&args[..], &["--min-precision", "0.999"]].concat());
    assert_eq!(strict.status.code(), Some(1));
    let table = String::from_utf8_lossy(&ok.stdout);
    assert!(
        table.contains("word recall") && table.contains("0.976"),
        "{table}"
    );
}

/// The running footer and the colophon of the official print are furniture; the paper's own
/// header block ("Tweede Kamer der Staten-Generaal", the dossier title) is text.
#[test]
fn running_footer_and_colophon_are_removed_from_the_official_print() {
    let text = pdf_text("pdf/kst-32545-143.pdf");
    for furniture in [
        "ISSN",
        "kst-32545-143",
        "’s-Gravenhage 2021",
        "vergaderjaar 2020–2021, 32 545",
    ] {
        assert!(!text.contains(furniture), "{furniture:?} left in:\n{text}");
    }
    for kept in [
        "Tweede Kamer der Staten-Generaal",
        "32 545 Wet- en regelgeving financiële markten",
        "Grinwis",
    ] {
        assert!(text.contains(kept), "{kept:?} lost:\n{text}");
    }
}

/// A 15-page fiche: the page numbers at the foot of every page go, the footnotes at the foot
/// of the pages are still found, and no word of the text is lost.
#[test]
fn page_numbers_go_and_footnotes_stay_on_a_long_paper() {
    let bytes = std::fs::read(fixture("pdf/bnc-fiche-5-herziening-mifid.pdf")).expect("fixture");
    let text = kst::ingest::pdf::extract_in_process(&bytes).expect("text");
    assert!(!text.contains("Pagina 3 van 15"), "page number left");
    let norm = kst::normalize::normalize(&text);
    let markers: Vec<&str> = norm.footnotes.iter().map(|f| f.marker.as_str()).collect();
    assert_eq!(markers, (1..=13).map(|n| n.to_string()).collect::<Vec<_>>());
    assert!(norm
        .body()
        .contains("Het kabinet is voorstander van een Europees provisieverbod"));
}

/// An image-only PDF gives one clear line and a non-zero exit code; the rest of the batch is read.
#[test]
fn an_image_only_pdf_is_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (from, to) in [
        ("pdf/blg-1007826.pdf", "blg-1007826.pdf"),
        ("official/kst-32545-143.xml", "kst-32545-143.xml"),
    ] {
        std::fs::copy(fixture(from), dir.path().join(to)).expect("copy");
    }
    let out = kst(&[
        "extract",
        &dir.path().to_string_lossy(),
        "--format",
        "jsonl",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("blg-1007826.pdf"))
        .collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(lines[0].ends_with("no text layer (needs OCR)"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("\"doc\":\"kst-32545-143\""), "{stdout}");
}
