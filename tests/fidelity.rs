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
    let text = pdf_text("pdf/kst-32545-143.pdf");
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
