//! Papers as web pages: the platform's real HTML edition of motion Kamerstuk 32 545, nr. 143
//! (tests/fixtures/official/), and constructed pages (tests/fixtures/html/): the sample letter
//! of tests/xml.rs as the platform's HTML shows a paper, and a ministry-style page with a menu,
//! a footnote list and an exponent.

use kst::extract::Extractors;
use kst::ingest::{self, Format, Input, Limits};
use kst::pipeline::{self, Processed};
use kst::record::{DateSource, Record};
use std::path::PathBuf;

fn process(path: &str) -> Processed {
    let input = Input {
        path: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path),
        manifest: None,
    };
    let raw = ingest::read(&input, &Limits::default()).expect("fixture reads");
    pipeline::process(raw, &Extractors::new().expect("extractors load"))
}

/// What the text rules found: kind, target or instrument, the words, the footnote.
fn text_records(p: &Processed) -> Vec<String> {
    p.records
        .iter()
        .filter_map(|r| match r {
            Record::Citation(c) if c.origin == "text" => Some(format!(
                "citation {} {:?} {:?}",
                c.target, c.raw, c.footnote
            )),
            Record::ArticleRef(a) => Some(format!("article {:?} {:?}", a.instrument, a.raw)),
            Record::Position(p) => Some(format!("position {:?} {}", p.stance, p.sentence)),
            _ => None,
        })
        .collect()
}

#[test]
fn the_real_html_edition_gives_the_same_paper_as_its_xml() {
    let html = process("tests/fixtures/official/kst-32545-143.html");
    let xml = process("tests/fixtures/official/kst-32545-143.xml");
    let d = &html.document;
    assert_eq!(d.text_source, "html");
    assert_eq!(d.doc, "kst-32545-143");
    assert_eq!(d.date.as_deref(), Some("2021-07-06"));
    assert_eq!(d.date_source, Some(DateSource::Text));
    assert_eq!(d.doc_type.as_deref(), Some("motie"));
    assert_eq!(d.dossier, vec!["32545".to_string()]);
    assert_eq!(d.number.as_deref(), Some("143"));
    assert_eq!(d.title, xml.document.title);
    // Every block of the page is a block of the XML (the XML has the header lines as well).
    let xml_body = xml.norm.body();
    for block in html.norm.body().split("\n\n").filter(|b| !b.is_empty()) {
        let words = block.split_whitespace().collect::<Vec<_>>().join(" ");
        let found = xml_body.contains(&words)
            // The page sets the number before the title in one heading.
            || words.starts_with("Nr. 143")
            || words.starts_with("Voorgesteld");
        assert!(found, "not in the XML: {words}");
    }
    assert!(html
        .norm
        .body()
        .contains("verzoekt de regering, om een grensspaarsaldo te definiëren"));
    assert!(!html.norm.body().contains("enablePopup") && !html.norm.body().contains("<"));
}

#[test]
fn a_platform_page_gives_the_records_of_the_same_letter_as_xml() {
    let html = process("tests/fixtures/html/sample-kst-brief.html");
    let xml = process("tests/fixtures/official/sample-kst-brief.xml");
    assert_eq!(html.document.doc, "kst-99901-7");
    assert_eq!(html.document.date.as_deref(), Some("2021-11-18"));
    assert_eq!(text_records(&html), text_records(&xml));
    assert!(text_records(&html).len() >= 4, "{:?}", text_records(&html));
    // Footnotes are apart from the body and tied to the sentence with their marker.
    let n = &html.norm;
    assert_eq!(n.footnotes.len(), 2);
    assert_eq!(n.footnotes[0].marker, "1");
    let carrier = n
        .footnote_context(&n.footnotes[0])
        .expect("carrier sentence");
    assert!(
        carrier.starts_with("Met deze brief reageer ik"),
        "{carrier}"
    );
    assert!(!n.body().contains("België") && !n.body().contains("^{"));
    // The script, the menu and the footer are not the paper.
    for chrome in ["kamerstuk =", "Home", "Zoeken", "Privacy"] {
        assert!(!n.text.contains(chrome), "{chrome} in {}", n.text);
    }
}

#[test]
fn a_web_page_without_metadata_keeps_text_footnotes_and_exponents() {
    let p = process("tests/fixtures/html/generic-page.html");
    assert_eq!(p.document.doc, "generic-page");
    assert_eq!(
        p.document.title.as_deref(),
        Some("Kamerbrief over cameratoezicht")
    );
    let n = &p.norm;
    assert_eq!(n.footnotes.len(), 2, "{:?}", n.footnotes);
    let cited: Vec<(&str, Option<&str>)> = p
        .records
        .iter()
        .filter_map(|r| match r {
            Record::Citation(c) => Some((c.target.as_str(), c.footnote.as_deref())),
            _ => None,
        })
        .collect();
    assert_eq!(
        cited,
        vec![("kst-26643-672", Some("1")), ("kst-32761-159", Some("2"))]
    );
    // An exponent is not a footnote marker, though a footnote 2 exists.
    assert!(n.text.contains("200 m2 van het plein"), "{}", n.text);
    // The menu, the header and the footer are left out; the style sheet is not text.
    for chrome in ["Rijksoverheid", "Nieuws", "publicatie van", "color"] {
        assert!(!n.text.contains(chrome), "{chrome} in {}", n.text);
    }
    assert!(p.records.iter().any(|r| matches!(r, Record::Position(_))));
}

#[test]
fn html_files_are_found_in_directories_and_read_as_html() {
    assert_eq!(
        ingest::format_of(std::path::Path::new("a/Kamerbrief.HTM")),
        Format::Html
    );
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html");
    let (inputs, errors) = ingest::discover(&[dir], None);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(inputs.len(), 6);
}

#[test]
fn a_page_without_text_is_refused_with_a_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("leeg.html");
    std::fs::write(
        &path,
        "<html><head><title>x</title></head><body><nav>menu</nav></body></html>",
    )
    .expect("write");
    let input = Input {
        path: path.clone(),
        manifest: None,
    };
    let err = ingest::read(&input, &Limits::default()).expect_err("no text");
    let msg = err.to_string();
    assert!(
        msg.contains("leeg.html") && msg.contains("no text"),
        "{msg}"
    );
}

/// Notes numbered "[1]" as web pages and word processors print them (a page's own note list
/// and a Word export): each note is linked to the sentence that carries its marker, and the
/// marker does not glue two sentences into one. So with notes headed by named anchors, or given
/// as a definition list (`<dl><dt>1</dt><dd>…</dd></dl>`).
#[test]
fn note_markers_of_web_pages_word_exports_and_named_note_anchors() {
    for path in [
        "tests/fixtures/html/bracket-markers-notes.html",
        "tests/fixtures/html/word-export-notes.html",
        "tests/fixtures/html/named-anchor-notes.html",
        "tests/fixtures/html/definition-list-notes.html",
    ] {
        let p = process(path);
        let cited: Vec<(&str, Option<&str>, Option<&str>)> = p
            .records
            .iter()
            .filter_map(|r| match r {
                Record::Citation(c) => Some((
                    c.target.as_str(),
                    c.footnote.as_deref(),
                    c.context.as_deref(),
                )),
                _ => None,
            })
            .collect();
        assert_eq!(
            cited,
            vec![
                (
                    "kst-26643-1146",
                    Some("1"),
                    Some("Zoals ik uw Kamer eerder heb gemeld, zal Nederland die termijn niet halen.")
                ),
                (
                    "kst-26643-1180",
                    Some("2"),
                    Some("Het kabinet is geen voorstander van een verbod op gezichtsherkenning.")
                ),
            ],
            "{path}"
        );
        assert!(!p.norm.text.contains("[1]"), "{path}: {}", p.norm.text);
    }
}
