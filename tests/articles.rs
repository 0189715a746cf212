//! Article references on table-driven cases (`tests/cases/articles.toml`) and on the examples
//! of every registry entry (`data/instruments.toml`).

use kst::extract::article::registry::Registry;
use kst::extract::article::ArticleExtractor;
use kst::extract::Doc;
use kst::record::ArticleRef;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    date: Option<String>,
    expect: Vec<BTreeMap<String, String>>,
}

fn extract(ex: &ArticleExtractor, text: &str, date: Option<&str>) -> Vec<ArticleRef> {
    let norm = kst::normalize::normalize(text);
    ex.extract(&Doc {
        id: "case",
        date,
        norm: &norm,
    })
}

/// The record's value for a case key; null is "".
fn field(r: &ArticleRef, key: &str) -> Option<String> {
    let s = |o: &Option<String>| o.clone().unwrap_or_default();
    Some(match key {
        "instrument" => s(&r.instrument_id),
        "unit" => serde_json::to_value(r.unit).ok()?.as_str()?.to_string(),
        "number" => r.number.clone(),
        "paragraph" => s(&r.paragraph),
        "point" => s(&r.point),
        "subpoint" => s(&r.subpoint),
        "by" => r.resolved_by.clone(),
        "url" => s(&r.url),
        _ => return None,
    })
}

#[test]
fn cases() {
    let cases: Cases = toml::from_str(include_str!("cases/articles.toml")).expect("cases parse");
    let ex = ArticleExtractor::with_registry(Registry::bundled().expect("bundled registry"));
    let mut failures = Vec::new();
    for case in &cases.case {
        let got = extract(&ex, &case.text, case.date.as_deref());
        let shown: Vec<String> = got
            .iter()
            .map(|r| {
                format!(
                    "{:?} {} {:?}/{:?}/{:?} {:?} by {}",
                    r.unit,
                    r.number,
                    r.paragraph,
                    r.point,
                    r.subpoint,
                    r.instrument_id,
                    r.resolved_by
                )
            })
            .collect();
        if got.len() != case.expect.len() {
            failures.push(format!(
                "{}: expected {} records, got {}: {shown:#?}",
                case.name,
                case.expect.len(),
                got.len()
            ));
            continue;
        }
        for (i, (r, want)) in got.iter().zip(&case.expect).enumerate() {
            for (key, value) in want {
                match field(r, key) {
                    Some(v) if v == *value => {}
                    Some(v) => failures.push(format!(
                        "{}: record {i}: {key} = {v:?}, expected {value:?}: {}",
                        case.name, shown[i]
                    )),
                    None => failures.push(format!("{}: unknown key {key}", case.name)),
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_registry_example_resolves_to_its_entry() {
    let registry = Registry::bundled().expect("bundled registry");
    let ids: Vec<(String, Option<String>, Vec<String>, usize)> = registry
        .instruments()
        .iter()
        .map(|i| (i.key.clone(), i.id.clone(), i.examples.clone(), i.line))
        .collect();
    let ex = ArticleExtractor::with_registry(registry);
    let mut failures = Vec::new();
    for (key, id, examples, line) in ids {
        for example in examples {
            let got = extract(&ex, &example, Some("2025-06-01"));
            if got.is_empty()
                || got
                    .iter()
                    .any(|r| r.instrument_id != id || r.resolved_by != "explicit")
            {
                let found: Vec<_> = got
                    .iter()
                    .map(|r| {
                        (
                            r.number.clone(),
                            r.instrument_id.clone(),
                            r.resolved_by.clone(),
                        )
                    })
                    .collect();
                failures.push(format!("data/instruments.toml:{line}: {key}: {example:?} gave {found:?}, expected {id:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn spans_lie_on_char_boundaries_and_raw_is_the_span() {
    let ex = ArticleExtractor::with_registry(Registry::bundled().unwrap());
    let text = "Het verbod in artikel 9, tweede lid, sub a, AVG geldt niet voor “artikel 5 van de Wjsg” of artikel 4c Wpg.";
    let norm = kst::normalize::normalize(text);
    for r in ex.extract(&Doc {
        id: "x",
        date: None,
        norm: &norm,
    }) {
        assert!(norm.text.is_char_boundary(r.span.start) && norm.text.is_char_boundary(r.span.end));
        assert_eq!(r.span.slice(&norm.text), r.raw);
        assert!(
            r.sentence.as_deref().is_some_and(|s| s.contains(&r.raw)),
            "{r:?}"
        );
    }
}

#[test]
fn a_user_registry_adds_and_replaces_entries() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.toml");
    // A made-up id: the test is about merging, not about this law.
    std::fs::write(
        &path,
        "[[instrument]]\nkey = \"testwet\"\nid = \"bwb:BWBR9999999\"\nshort = \"Testwet\"\nnames = [\"Wet op de proeven\"]\nabbreviations = [\"Wodp\"]\n\n\
         [[instrument]]\nkey = \"wpg\"\nid = \"bwb:BWBR0022463\"\nshort = \"Politiegegevenswet\"\nabbreviations = [\"Wpg\"]\n",
    )
    .unwrap();
    let ex = ArticleExtractor::with_instruments(&path).expect("merged registry");
    let got = extract(
        &ex,
        "Zie artikel 3 Wodp en artikel 4c Wpg en artikel 9 AVG.",
        None,
    );
    let ids: Vec<_> = got
        .iter()
        .map(|r| (r.instrument_id.as_deref(), r.instrument.as_deref()))
        .collect();
    assert_eq!(
        ids,
        vec![
            (Some("bwb:BWBR9999999"), Some("Testwet")),
            (Some("bwb:BWBR0022463"), Some("Politiegegevenswet")),
            (Some("celex:32016R0679"), Some("AVG"))
        ]
    );
    std::fs::write(&path, "[[instrument]]\nkey = \"x\"\nshort = \"X\"\n").unwrap();
    let err = ArticleExtractor::with_instruments(&path)
        .err()
        .expect("an entry without id is refused")
        .to_string();
    assert!(err.contains("mine.toml:1"), "{err}");
}

#[test]
fn letters_without_head_words_cost_nothing() {
    let ex = ArticleExtractor::with_registry(Registry::bundled().unwrap());
    let text =
        "Het kabinet is voorstander van strenge regels voor gezichtsherkenning. ".repeat(2000);
    let norm = kst::normalize::normalize(&text);
    let started = std::time::Instant::now();
    assert!(ex
        .extract(&Doc {
            id: "x",
            date: None,
            norm: &norm
        })
        .is_empty());
    assert!(started.elapsed() < std::time::Duration::from_millis(200));
}
