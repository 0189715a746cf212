//! Normalization of the bundled letters: the text extractors and search see clean prose.
//! Each assertion names a defect of PDF-extracted text that the normalizer must undo.

use kst::normalize::{normalize, BlockKind, NormDoc};
use std::path::Path;

fn letter(name: &str) -> NormDoc {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(name);
    normalize(&std::fs::read_to_string(path).unwrap())
}

fn sentence_containing<'a>(doc: &'a NormDoc, needle: &str) -> &'a str {
    let at = doc
        .text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    doc.slice(doc.sentence_at(at).unwrap().span)
}

#[test]
fn page_furniture_is_gone() {
    for name in [
        "kst-32761-206.txt",
        "kst-32761-198.txt",
        "kst-26643-672.txt",
        "kst-22112-3222.txt",
        "kst-26643-1223.txt",
    ] {
        let doc = letter(name);
        for furniture in [
            "Pagina",
            "Ons kenmerk",
            "Directoraat-Generaal",
            "kenmerk vermelden",
            "Rechtspleging en",
        ] {
            assert!(
                !doc.text.contains(furniture),
                "{name} still has {furniture:?}"
            );
        }
    }
}

#[test]
fn every_footnote_is_kept_with_its_number_and_tied_to_its_sentence() {
    for (name, count) in [
        ("kst-32761-206.txt", 12),
        ("kst-32761-198.txt", 15),
        ("kst-26643-672.txt", 19),
        ("kst-22112-3222.txt", 3),
        ("kst-26643-1223.txt", 27),
    ] {
        let doc = letter(name);
        let markers: Vec<String> = doc.footnotes.iter().map(|f| f.marker.clone()).collect();
        let expected: Vec<String> = (1..=count).map(|n: u32| n.to_string()).collect();
        assert_eq!(markers, expected, "{name}");
        for f in &doc.footnotes {
            assert!(
                f.sentence.is_some(),
                "{name}: footnote {} has no carrying sentence",
                f.marker
            );
        }
        // Footnote text is not in the body.
        assert!(doc.footnotes.iter().all(|f| f.span.start >= doc.body_end));
    }
}

#[test]
fn a_sentence_cut_by_a_page_of_footnotes_is_whole_again() {
    let doc = letter("kst-32761-198.txt");
    let s = sentence_containing(&doc, "in beginsel verboden is");
    assert!(s.contains("(waaronder biometrische gegevens, zoals bij de inzet van gezichtsherkenning) in beginsel verboden is."), "{s}");
    // The footnote marker glued after the sentence ("verboden is.4") belongs to it.
    let f4 = &doc.footnotes[3];
    assert_eq!(doc.footnote_context(f4), Some(s));
    assert!(doc.slice(f4.span).starts_with("Artikel 9 leden 1 en 2"));
}

#[test]
fn a_word_hyphenated_across_a_page_break_is_joined() {
    let doc = letter("kst-26643-672.txt");
    assert!(
        doc.body()
            .contains("biometrische persoonsgegevens een uitgebreid kader"),
        "persoons- / gegevens16 not joined"
    );
}

#[test]
fn hyphenation_is_undone_and_real_hyphens_stay() {
    let doc = letter("kst-32761-198.txt");
    assert!(doc.text.contains("belanghebbenden"));
    assert!(doc.text.contains("geharmoniseerde regels"));
    assert!(doc.text.contains("(kwaliteits-)eisen"));
    assert!(doc.text.contains("AI-verordening"));
    assert!(!doc.text.contains("geharmoni- seerde") && !doc.text.contains("geharmoni-seerde"));
    let doc = letter("kst-22112-3222.txt");
    assert!(doc.text.contains("hoog-risico"));
}

#[test]
fn glued_markers_are_detached_from_words() {
    let doc = letter("kst-32761-198.txt");
    assert!(doc
        .body()
        .contains("Supervisor (EDPS) over de concept AI-verordening"));
    assert!(doc
        .body()
        .contains("van de Europese Commissie. Het kabinet heeft daarvan"));
    let s = sentence_containing(&doc, "Het kabinet heeft daarvan");
    assert!(s.starts_with("Het kabinet heeft daarvan"), "{s}");
}

#[test]
fn headings_are_found_including_numbered_and_wrapped_ones() {
    let doc = letter("kst-22112-3222.txt");
    let headings: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| doc.slice(b.span))
        .collect();
    assert!(headings.contains(&"4. Verbied biometrische identificatie in de openbare ruimte – niet alleen voor opsporing"), "{headings:?}");
    assert!(
        headings.contains(&"3. Scherp het verbod op sociale scores door overheidsinstanties aan"),
        "{headings:?}"
    );
    assert!(
        headings.contains(
            &"Reactie op Rathenau Instituut: Zeven aandachtspunten voor de AI-verordening"
        ),
        "{headings:?}"
    );
    // A paragraph knows the section it stands in.
    let block = doc
        .block_at(doc.text.find("Het verbod in artikel 5, onder c").unwrap())
        .unwrap();
    assert_eq!(
        doc.slice(doc.heading_before(block).unwrap().span),
        "3. Scherp het verbod op sociale scores door overheidsinstanties aan"
    );
}

#[test]
fn abbreviations_do_not_end_sentences_in_real_text() {
    let doc = letter("kst-26643-672.txt");
    let s = sentence_containing(&doc, "Tijdens het AO Digitale Overheid");
    assert!(s.contains("van 4 december jl. met de Minister"), "{s}");
    let doc = letter("kst-32761-198.txt");
    let s = sentence_containing(&doc, "Op 23 juni 2021 heeft");
    assert!(s.contains("d.d. 21 juni 2021 inzake"), "{s}");
}
