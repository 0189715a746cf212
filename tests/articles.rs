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
    /// The paper's id, where the rule reads it (a budget chapter's papers); "case" else.
    doc: Option<String>,
    expect: Vec<BTreeMap<String, String>>,
}

fn extract(ex: &ArticleExtractor, text: &str, date: Option<&str>, id: &str) -> Vec<ArticleRef> {
    let norm = kst::normalize::normalize(text);
    ex.extract(&Doc {
        id,
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
        "name" => s(&r.instrument),
        _ => return None,
    })
}

#[test]
fn cases() {
    let cases: Cases = toml::from_str(include_str!("cases/articles.toml")).expect("cases parse");
    let ex = ArticleExtractor::with_registry(Registry::bundled().expect("bundled registry"));
    let mut failures = Vec::new();
    for case in &cases.case {
        let id = case.doc.as_deref().unwrap_or("case");
        let got = extract(&ex, &case.text, case.date.as_deref(), id);
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
            let got = extract(&ex, &example, Some("2025-06-01"), "case");
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
        "case",
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

fn kst(index: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_kst"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("--index")
        .arg(index)
        .args(args)
        .output()
        .expect("run kst")
}

#[test]
fn refs_lists_counts_and_resolves_instrument_names() {
    let dir = tempfile::tempdir().unwrap();
    let ix = dir.path().join("ix");
    assert!(kst(&ix, &["-q", "index", "corpus"]).status.success());

    // Where article 9 GDPR is invoked, each with its date, document and sentence.
    let out = kst(
        &ix,
        &[
            "refs",
            "--instrument",
            "AVG",
            "--article",
            "9",
            "--format",
            "jsonl",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 11);
    assert!(rows.iter().all(|r| r["kind"] == "article_ref"
        && r["instrument_id"] == "celex:32016R0679"
        && r["number"] == "9"));
    assert_eq!(rows[0]["date"], "2020-03-13");
    assert!(rows[0]["sentence"]
        .as_str()
        .unwrap()
        .contains("(art. 9 lid 1)"));
    let dates: Vec<&str> = rows.iter().map(|r| r["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");

    // Since when the AI Act's article 5 appears: the draft's and the regulation's, per unit
    // (the draft's twelve include "het tweede lid" and the two after it, which go on about it).
    let out = kst(
        &ix,
        &[
            "refs",
            "--instrument",
            "AI-verordening",
            "--article",
            "5",
            "--by",
            "unit",
            "--format",
            "csv",
        ],
    );
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(
        csv.starts_with("instrument,unit,references,documents,first,last"),
        "{csv}"
    );
    assert!(
        csv.contains("AI-verordening (voorstel),artikel 5,12,2,2021-10-15,2021-12-13"),
        "{csv}"
    );
    assert!(
        csv.contains("AI-verordening,artikel 5,1,1,2024-10-09,2024-10-09"),
        "{csv}"
    );

    // A reference in a footnote carries the body sentence with the footnote's marker.
    let out = kst(
        &ix,
        &[
            "refs",
            "--instrument",
            "Wet politiegegevens",
            "--article",
            "5",
            "--format",
            "json",
        ],
    );
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows[0]["sentence"], "Artikel 5, Wet politiegegevens");
    assert!(
        rows[0]["context"]
            .as_str()
            .unwrap()
            .contains("de eisen die de wet Politiegegevens stelt"),
        "{rows}"
    );

    let out = kst(
        &ix,
        &[
            "refs",
            "--instrument",
            "Wpg",
            "--by",
            "year",
            "--format",
            "json",
        ],
    );
    let years: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(years[0]["year"], "2021");
    assert_eq!(years[1]["refs"], 1);

    // Nothing found is exit code 1; an unknown instrument is an error (2) that says what to use.
    assert_eq!(
        kst(&ix, &["refs", "--instrument", "AVG", "--article", "99"])
            .status
            .code(),
        Some(1)
    );
    let out = kst(&ix, &["refs", "--instrument", "Wet op de proeven"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an instrument"));

    // `kst show` lists a document's references with their links.
    let out = kst(&ix, &["show", "kst-32761-206"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("https://wetten.overheid.nl/jci1.3:c:BWBR0022463&artikel=4c"),
        "{text}"
    );
}

proptest::proptest! {
    /// Whatever the text, extraction does not panic and its spans fit the text.
    #[test]
    fn any_text_gives_spans_on_char_boundaries(words in proptest::collection::vec(
        proptest::sample::select(vec![
            "artikel", "artikelen", "art.", "Annex", "bijlage", "overweging", "9", "4c", "6:162", "III", ",", " ", "lid",
            "leden", "eerste", "tot en met", "en", "onder", "sub", "a", "meer", "AVG", "van de", "Wpg", "(", ")", "“", "”",
            "\n\n", "é", "Wet", "hierna:", "verordening", "Richtlijn (EU) 2016/680", ".", "–",
        ]),
        0..40,
    )) {
        static EX: std::sync::OnceLock<ArticleExtractor> = std::sync::OnceLock::new();
        let ex = EX.get_or_init(|| ArticleExtractor::with_registry(Registry::bundled().unwrap()));
        let text: String = words.join(" ");
        let norm = kst::normalize::normalize(&text);
        for r in ex.extract(&Doc { id: "p", date: Some("2022-01-01"), norm: &norm }) {
            proptest::prop_assert!(r.span.end <= norm.text.len());
            proptest::prop_assert!(norm.text.is_char_boundary(r.span.start) && norm.text.is_char_boundary(r.span.end));
            proptest::prop_assert!(!r.number.is_empty());
        }
    }
}
