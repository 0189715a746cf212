//! The publisher's XML as a source: the real motion Kamerstuk 32 545, nr. 143 with its metadata
//! record, and constructed samples in the official shape (a letter with footnotes and links, an
//! Aanhangsel, a Handelingen excerpt) under tests/fixtures/official/.

use kst::extract::Extractors;
use kst::ingest::{self, Input, Limits};
use kst::pipeline::{self, Processed};
use kst::record::{DateSource, Record, TargetKind};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/official")
        .join(name)
}

fn process(name: &str) -> Processed {
    let input = Input {
        path: fixture(name),
        manifest: None,
    };
    let raw = ingest::read(&input, &Limits::default()).expect("fixture reads");
    pipeline::process(raw, &Extractors::new().expect("extractors load"))
}

fn markup_citations(p: &Processed) -> Vec<(&str, TargetKind, &str)> {
    p.records
        .iter()
        .filter_map(|r| match r {
            Record::Citation(c) if c.origin == "markup" => {
                Some((c.target.as_str(), c.target_kind, c.raw.as_str()))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn the_real_motion_gives_its_document_record_from_xml_and_metadata() {
    let p = process("kst-32545-143.xml");
    let d = &p.document;
    assert_eq!(d.doc, "kst-32545-143");
    assert_eq!(d.text_source, "xml");
    assert_eq!(d.date.as_deref(), Some("2021-07-06"));
    assert_eq!(d.date_source, Some(DateSource::Text));
    assert_eq!(d.doc_type.as_deref(), Some("motie"));
    assert_eq!(d.dossier, vec!["32545".to_string()]);
    assert_eq!(d.number.as_deref(), Some("143"));
    assert_eq!(
        d.title.as_deref(),
        Some("Motie van de leden Inge van Dijk en Grinwis over het definiëren van een grensspaarsaldo voor negatieve spaarrente")
    );
    let names: Vec<&str> = d.signatories.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, vec!["I. (Inge) van Dijk", "P.A. Grinwis"]);
    // One block per <al>, the header lines as the print shows them, diacritics as published.
    let body = p.norm.body();
    assert!(body.contains("\n\nconstaterende dat diverse financiële instellingen klanten laten betalen voor hun spaargeld"), "{body}");
    assert!(
        body.contains("32 545 Wet- en regelgeving financiële markten"),
        "{body}"
    );
    assert!(
        body.contains("verzoekt de regering, om een grensspaarsaldo te definiëren waaronder"),
        "{body}"
    );
    assert!(p.norm.footnotes.is_empty());
}

#[test]
fn footnotes_are_kept_apart_and_tied_to_the_sentence_with_their_marker() {
    let p = process("sample-kst-brief.xml");
    let n = &p.norm;
    assert_eq!(n.footnotes.len(), 2);
    let first = &n.footnotes[0];
    assert_eq!(first.marker, "1");
    assert_eq!(
        n.slice(first.span),
        "Zie ook het antwoord op eerdere vragen, Aanhangsel Handelingen II 2020/21, nr. 3235."
    );
    let carrier = n.footnote_context(first).expect("carrier sentence");
    assert!(
        carrier.starts_with("Met deze brief reageer ik")
            && carrier.ends_with("over een grensspaarsaldo."),
        "{carrier}"
    );
    let second = n
        .footnote_context(&n.footnotes[1])
        .expect("carrier sentence");
    assert!(
        second.starts_with("Geïntroduceerde regels gelden"),
        "{second}"
    );
    // The body has neither the note text nor a stray marker; the indexed text has both notes.
    assert!(
        !n.body().contains("België") && !n.body().contains("^{"),
        "{}",
        n.body()
    );
    assert!(n.text.contains("in België en Duitsland onderzocht"));
    // Unknown elements are read as text; list numbers stay with their items.
    assert!(n
        .body()
        .contains("Onbekend element met tekst die niet verloren gaat."));
    assert!(n.body().contains("a. spaarders tot € 100.000 ontzien;"));
}

#[test]
fn metadata_record_wins_over_the_xml_and_signatories_come_from_the_closing() {
    let d = process("sample-kst-brief.xml").document;
    assert_eq!(d.doc, "kst-99901-7");
    assert_eq!(
        d.title.as_deref(),
        Some("Reactie op de motie over een grensspaarsaldo")
    );
    assert_eq!(d.doc_type.as_deref(), Some("brief"));
    assert_eq!(d.date.as_deref(), Some("2021-11-18"));
    assert_eq!(d.signatories.len(), 1);
    assert_eq!(d.signatories[0].name, "W.B. Hoekstra");
}

#[test]
fn extref_links_become_citations_and_article_references_from_markup() {
    let p = process("sample-kst-brief.xml");
    // Each link gives a citation of its target over its words; a text rule that found the same
    // citation there keeps its own record instead (see the next test), so any origin counts.
    let expected = [
        (
            "kst-32545-143",
            TargetKind::Kamerstuk,
            "Kamerstuk 32 545, nr. 143",
        ),
        (
            "ah-tk-20202021-3235",
            TargetKind::Aanhangsel,
            "Aanhangsel Handelingen II 2020/21, nr. 3235",
        ),
        (
            "stb-2020-118",
            TargetKind::Staatsblad,
            "Staatsblad 2020, 118",
        ),
    ];
    for (target, kind, words) in expected {
        let found = p.records.iter().any(|r| {
            matches!(r, Record::Citation(c) if c.target == target && c.target_kind == kind && p.norm.slice(c.span).contains(words))
        });
        assert!(
            found,
            "no citation of {target} over {words:?}: {:?}",
            markup_citations(&p)
        );
    }
    assert!(markup_citations(&p)
        .iter()
        .all(|(t, _, _)| expected.iter().any(|(e, _, _)| e == t)));
    for r in &p.records {
        match r {
            Record::Citation(c) => {
                // Every span covers the linked words in the normalized text.
                assert_eq!(p.norm.slice(c.span), c.raw, "{c:?}");
            }
            Record::ArticleRef(a) if a.origin == "markup" => {
                assert_eq!(p.norm.slice(a.span), a.raw);
                assert_eq!(a.instrument_id.as_deref(), Some("bwb:BWBR0020368"));
                assert_eq!(
                    (a.number.as_str(), a.paragraph.as_deref()),
                    ("4:24", Some("1"))
                );
            }
            _ => {}
        }
    }
    let in_note = p.records.iter().find_map(|r| match r {
        Record::Citation(c) if c.target == "ah-tk-20202021-3235" => Some(c),
        _ => None,
    });
    let in_note = in_note.expect("the citation in footnote 1");
    assert_eq!(in_note.footnote.as_deref(), Some("1"));
    assert!(in_note
        .context
        .as_deref()
        .is_some_and(|c| c.starts_with("Met deze brief")));
}

/// The publisher's links cross-check the text rules: wherever a text citation covers the same
/// words as a link, it names the same target, and no reference is recorded twice.
#[test]
fn markup_and_text_citations_agree_and_are_not_doubled() {
    for name in [
        "sample-kst-brief.xml",
        "sample-ah-tk.xml",
        "sample-h-tk.xml",
    ] {
        let p = process(name);
        let cites: Vec<_> = p
            .records
            .iter()
            .filter_map(|r| match r {
                Record::Citation(c) => Some(c),
                _ => None,
            })
            .collect();
        for m in cites.iter().filter(|c| c.origin == "markup") {
            for t in cites.iter().filter(|c| c.origin != "markup") {
                let overlap = t.span.start < m.span.end && m.span.start < t.span.end;
                assert!(
                    !overlap || t.target == m.target,
                    "{name}: text {t:?} vs markup {m:?}"
                );
                assert!(
                    !(overlap && t.target == m.target),
                    "{name}: recorded twice: {m:?}"
                );
            }
        }
        let targets: Vec<&str> = cites.iter().map(|c| c.target.as_str()).collect();
        assert!(targets.contains(&"kst-32545-143"), "{name}: {targets:?}");
    }
}

#[test]
fn aanhangsel_and_handelingen_variants_are_read() {
    let ah = process("sample-ah-tk.xml");
    assert_eq!(ah.document.doc_type.as_deref(), Some("antwoord"));
    assert_eq!(
        ah.document.date.as_deref(),
        Some("2021-06-07"),
        "an answer is dated by its receipt"
    );
    let body = ah.norm.body();
    // "Vraag 1" and "Antwoord 1" (`<nr>`) stand on lines of their own, as printed, and are not
    // read into the sentence after them.
    assert!(
        body.contains("Vraag 1\n\nBent u bekend met het bericht over negatieve spaarrente?"),
        "{body}"
    );
    assert!(
        body.contains("Antwoord 1\n\nJa. Zie ook Kamerstuk 32 545, nr. 143."),
        "{body}"
    );
    assert_eq!(ah.norm.footnotes.len(), 1);

    let h = process("sample-h-tk.xml");
    assert_eq!(h.document.doc_type.as_deref(), Some("handelingen"));
    let body = h.norm.body();
    assert!(body.contains("De heer Voorbeeld (CDA):"), "{body}");
    assert!(
        body.contains("Voorzitter. De motie op stuk nr. 143 vraagt om een grens."),
        "{body}"
    );
}

#[test]
fn xml_that_is_not_an_official_publication_is_refused_with_a_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases = [
        (
            "broken.xml",
            "<officiele-publicatie><kamerstuk>",
            "not closed",
        ),
        ("page.xml", "<html><p>x</p></html>", "<html>"),
    ];
    for (file, content, reason) in cases {
        let path = dir.path().join(file);
        std::fs::write(&path, content).expect("write");
        let e = ingest::read(
            &Input {
                path,
                manifest: None,
            },
            &Limits::default(),
        )
        .expect_err("refused");
        assert!(e.to_string().contains(reason), "{file}: {e}");
    }
}
