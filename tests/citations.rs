//! Citation extraction on real text: the table of cases in `tests/cases/citations.toml` (one
//! per citation form, and near misses that must not match), footnote context, and the gold
//! records of the corpus letters.

use kst::extract::citation::CitationExtractor;
use kst::extract::{Doc, Extractors};
use kst::normalize;
use kst::record::{Citation, Record};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    expect: Vec<String>,
    #[serde(default)]
    pinpoints: Option<Vec<String>>,
    #[serde(default)]
    doc: Option<String>,
}

fn extract(
    extractor: &CitationExtractor,
    id: &str,
    text: &str,
) -> (normalize::NormDoc, Vec<Citation>) {
    let norm = normalize::normalize(text);
    let cites = extractor.extract(&Doc {
        id,
        date: None,
        norm: &norm,
    });
    (norm, cites)
}

/// Every citation's span lies on char boundaries of the normalized text and `raw` is its text.
fn check_spans(norm: &normalize::NormDoc, cites: &[Citation], what: &str) {
    for c in cites {
        assert!(
            norm.text.is_char_boundary(c.span.start) && norm.text.is_char_boundary(c.span.end),
            "{what}: span {:?} off char boundaries",
            c.span
        );
        assert_eq!(
            c.span.slice(&norm.text),
            c.raw,
            "{what}: raw is not the text of the span"
        );
    }
}

#[test]
fn citation_cases() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/citations.toml");
    let source = std::fs::read_to_string(&path).expect("read the cases");
    let cases: Cases = toml::from_str(&source).expect("cases parse");
    let extractor = CitationExtractor::new().expect("bundled forms load");
    let mut failures = Vec::new();
    for case in &cases.case {
        let id = case.doc.as_deref().unwrap_or("kst-1-1");
        let (norm, cites) = extract(&extractor, id, &case.text);
        check_spans(&norm, &cites, &case.name);
        let got: Vec<&str> = cites.iter().map(|c| c.target.as_str()).collect();
        if got != case.expect {
            failures.push(format!(
                "{}: expected {:?}, got {:?}",
                case.name, case.expect, got
            ));
            continue;
        }
        if let Some(pins) = &case.pinpoints {
            let got: Vec<&str> = cites
                .iter()
                .map(|c| c.pinpoint.as_deref().unwrap_or(""))
                .collect();
            if &got != pins {
                failures.push(format!(
                    "{}: pinpoints expected {:?}, got {:?}",
                    case.name, pins, got
                ));
            }
        }
    }
    assert!(cases.case.len() >= 40, "the case table lost entries");
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.case.len(),
        failures.join("\n")
    );
}

#[test]
fn a_footnote_citation_carries_its_marker_and_the_body_sentence() {
    let raw = concat!(
        "Het kabinet deelt de zorgen van de toezichthouders over het verwerken van \n",
        "biometrische gegevens, zoals \n",
        "\n",
        "1 Zie Kamerstuk 32 761, nr. 152.\n",
        "\n",
        "2 Kamerstukken II 2021/22, 32761, nr. 198, p. 4.\n",
        " bij de inzet van gezichtsherkenning.1 Het kabinet \n",
        "is evenwel van mening dat er ruimte moet blijven voor uitzonderingen.2 \n",
    );
    let extractor = CitationExtractor::new().expect("bundled forms load");
    let (norm, cites) = extract(&extractor, "kst-1-1", raw);
    check_spans(&norm, &cites, "footnotes");
    let targets: Vec<&str> = cites.iter().map(|c| c.target.as_str()).collect();
    assert_eq!(targets, ["kst-32761-152", "kst-32761-198"]);
    assert_eq!(cites[0].footnote.as_deref(), Some("1"));
    let ctx = cites[0].context.as_deref().unwrap_or("");
    assert!(
        ctx.starts_with("Het kabinet deelt de zorgen") && ctx.ends_with("gezichtsherkenning."),
        "{ctx}"
    );
    assert_eq!(cites[1].footnote.as_deref(), Some("2"));
    assert_eq!(cites[1].pinpoint.as_deref(), Some("p. 4"));
    assert!(cites[1]
        .context
        .as_deref()
        .unwrap_or("")
        .contains("ruimte moet blijven"));
}

#[test]
fn a_body_citation_has_its_own_sentence_as_context_and_no_marker() {
    let extractor = CitationExtractor::new().expect("bundled forms load");
    let (_, cites) = extract(
        &extractor,
        "kst-1-1",
        "Eerste zin. Zie Kamerstuk 26 643, nr. 665 voor meer. Laatste zin.\n",
    );
    assert_eq!(cites.len(), 1);
    assert_eq!(cites[0].footnote, None);
    assert_eq!(
        cites[0].context.as_deref(),
        Some("Zie Kamerstuk 26 643, nr. 665 voor meer.")
    );
}

/// The corpus letters against the gold records, with the scorer's rule: the multiset of
/// (doc, target) over the kinds it scores, optional gold lines neither missed nor false.
#[test]
fn corpus_letters_match_the_gold_citations() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold_text =
        std::fs::read_to_string(root.join("tests/data/gold/citations.jsonl")).expect("read gold");
    let mut gold: HashMap<(String, String), (usize, bool)> = HashMap::new();
    for line in gold_text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("gold line");
        let key = (
            v["doc"].as_str().unwrap_or("").to_string(),
            v["target"].as_str().unwrap_or("").to_string(),
        );
        let optional = v["optional"].as_bool().unwrap_or(false);
        let e = gold.entry(key).or_insert((0, optional));
        if !optional {
            e.0 += 1;
            e.1 = false;
        }
    }
    let extractors = Extractors::new().expect("extractors");
    let (inputs, errors) = kst::ingest::discover(&[root.join("corpus")], None);
    assert!(errors.is_empty());
    let limits = kst::ingest::Limits {
        max_file_bytes: 64 << 20,
        pdf_timeout: std::time::Duration::from_secs(60),
        pdf_helper: None,
    };
    let scored = [
        "kamerstuk",
        "dossier",
        "aanhangsel",
        "handelingen",
        "staatscourant",
        "staatsblad",
    ];
    let mut predicted: HashMap<(String, String), usize> = HashMap::new();
    for input in &inputs {
        let p = kst::pipeline::process_input(input, &limits, &extractors)
            .expect("process a corpus letter");
        for r in &p.records {
            if let Record::Citation(c) = r {
                let kind = serde_json::to_value(c.target_kind).ok();
                if kind
                    .as_ref()
                    .and_then(|k| k.as_str())
                    .is_some_and(|k| scored.contains(&k))
                {
                    *predicted
                        .entry((c.doc.clone(), c.target.clone()))
                        .or_default() += 1;
                }
            }
        }
    }
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut notes = Vec::new();
    for (key, &n) in &predicted {
        let (want, optional) = gold.get(key).copied().unwrap_or((0, false));
        if optional && want == 0 {
            continue;
        }
        tp += n.min(want);
        if n > want {
            fp += n - want;
            notes.push(format!("false {key:?} x{}", n - want));
        }
    }
    for (key, &(want, _)) in &gold {
        let n = predicted.get(key).copied().unwrap_or(0);
        if want > n {
            fn_ += want - n;
            notes.push(format!("missed {key:?} x{}", want - n));
        }
    }
    let f1 = 2.0 * tp as f64 / (2 * tp + fp + fn_).max(1) as f64;
    assert!(
        f1 >= 0.98,
        "citation F1 {f1:.3} (tp {tp}, fp {fp}, fn {fn_}):\n{}",
        notes.join("\n")
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of citations and of the prose around them, non-ASCII and page furniture included,
    /// so that random texts come close to every form and break them in every place.
    const PIECES: &[&str] = &[
        "Kamerstuk",
        "Kamerstukken II",
        "Kamerstukken I",
        " ",
        ", ",
        "nr. ",
        "nrs. ",
        " en ",
        "2021/22",
        "2019–2020",
        "32 761",
        "21 501-33",
        "36 600 VII",
        "198",
        "p. 4",
        "pp. 3-4",
        "Aanhangsel Handelingen",
        "Handelingen II",
        "item 36",
        "Stcrt. 2019",
        "Staatsblad",
        "COM(2021) 206",
        "52021PC0206",
        "2024Z16676",
        "vragen",
        "https://zoek.officielebekendmakingen.nl/",
        "kst-32761-198",
        "Tweede Kamer, vergaderjaar",
        "é",
        "’",
        "–",
        "«",
        "»",
        "\n",
        "\n\n",
        "1 ",
        ".",
        "(",
        ")",
        "/",
        "-",
        "€ 5",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        #[test]
        fn spans_and_raw_hold_on_any_text(picks in proptest::collection::vec(0..PIECES.len(), 0..60)) {
            let text: String = picks.iter().map(|&i| PIECES[i]).collect();
            let extractor = CitationExtractor::new().expect("bundled forms load");
            let (norm, cites) = extract(&extractor, "kst-32761-198", &text);
            for c in &cites {
                prop_assert!(c.span.end <= norm.text.len());
                prop_assert!(norm.text.is_char_boundary(c.span.start) && norm.text.is_char_boundary(c.span.end));
                prop_assert_eq!(c.span.slice(&norm.text), c.raw.as_str());
                prop_assert!(!c.target.is_empty());
            }
        }
    }
}
