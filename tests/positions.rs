//! Table-driven position cases: `tests/cases/positions.toml`, one check per case.

use kst::extract::position::PositionExtractor;
use kst::extract::Doc;
use kst::normalize::normalize;
use kst::record::Position;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
struct Case {
    name: String,
    family: String,
    text: String,
    expect: Vec<Expect>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    stance: Option<String>,
    cue: Option<String>,
    rule: Option<String>,
    actor: Option<String>,
    target: Option<String>,
    hedged: Option<bool>,
    conditional: Option<bool>,
    #[serde(default)]
    topics: Vec<String>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    no_topics: Vec<String>,
}

fn extract(extractor: &PositionExtractor, text: &str) -> Vec<Position> {
    let norm = normalize(&format!("{text}\n"));
    extractor.extract(&Doc {
        id: "kst-1-1",
        date: Some("2021-10-18"),
        norm: &norm,
    })
}

/// What is wrong with `got` for `want`, if anything.
fn check(want: &Expect, got: &Position) -> Vec<String> {
    let mut problems = Vec::new();
    let mut eq = |field: &str, w: Option<String>, g: String| {
        if let Some(w) = w {
            if w != g {
                problems.push(format!("{field}: want {w:?}, got {g:?}"));
            }
        }
    };
    eq(
        "stance",
        want.stance.clone(),
        got.stance.as_str().to_string(),
    );
    eq("cue", want.cue.clone(), got.cue.clone());
    eq("rule", want.rule.clone(), got.rule.clone());
    eq("actor", want.actor.clone(), got.actor.clone());
    eq("target", want.target.clone(), got.target.clone());
    eq(
        "hedged",
        want.hedged.map(|b| b.to_string()),
        got.hedged.to_string(),
    );
    eq(
        "conditional",
        want.conditional.map(|b| b.to_string()),
        got.conditional.to_string(),
    );
    for (i, t) in want.topics.iter().enumerate() {
        match got.topics.iter().position(|g| g == t) {
            None => problems.push(format!("topic {t:?} missing from {:?}", got.topics)),
            Some(at) => {
                if let Some(src) = want.sources.get(i) {
                    if got.topic_sources.get(at) != Some(src) {
                        problems.push(format!(
                            "topic {t:?}: want source {src:?}, got {:?}",
                            got.topic_sources.get(at)
                        ));
                    }
                }
            }
        }
    }
    for t in &want.no_topics {
        if got.topics.contains(t) {
            problems.push(format!("topic {t:?} should not be there: {:?}", got.topics));
        }
    }
    problems
}

#[test]
fn position_cases() {
    let cases: Cases = toml::from_str(include_str!("cases/positions.toml"))
        .expect("tests/cases/positions.toml parses");
    let extractor = PositionExtractor::new().expect("bundled lexicon");
    let mut failures = Vec::new();
    let mut families = std::collections::BTreeMap::<String, usize>::new();
    for case in &cases.case {
        *families.entry(case.family.clone()).or_default() += 1;
        let got = extract(&extractor, &case.text);
        if got.len() != case.expect.len() {
            let summary: Vec<String> = got
                .iter()
                .map(|p| format!("{} [{}] {:?}", p.stance.as_str(), p.rule, p.cue))
                .collect();
            failures.push(format!(
                "{}: want {} positions, got {}: {summary:?}",
                case.name,
                case.expect.len(),
                got.len()
            ));
            continue;
        }
        for (i, (w, g)) in case.expect.iter().zip(&got).enumerate() {
            for p in check(w, g) {
                failures.push(format!("{} #{i}: {p}", case.name));
            }
        }
    }
    for family in [
        "cue", "negation", "order", "actor", "none", "flags", "topics", "answers",
    ] {
        assert!(
            families.get(family).copied().unwrap_or(0) >= 3,
            "family {family} needs at least 3 cases"
        );
    }
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_position_carries_its_rule_sentence_and_date() {
    let extractor = PositionExtractor::new().expect("bundled lexicon");
    let text = "Het kabinet is geen voorstander van absolute verboden. Daarom zal het kabinet zich inspannen voor een gericht verbod.";
    let got = extract(&extractor, text);
    assert_eq!(got.len(), 2);
    for p in &got {
        assert!(!p.rule.is_empty() && !p.cue.is_empty());
        assert_eq!(p.date.as_deref(), Some("2021-10-18"));
        assert!(text.contains(&p.sentence), "{}", p.sentence);
    }
}

/// `kst stance` straight from the bundled corpus (no index): the timeline holds only positions
/// on the topic, in date order, and the markdown report names what changed.
#[test]
fn stance_command_reads_files_and_reports() {
    let kst = env!("CARGO_BIN_EXE_kst");
    let root = env!("CARGO_MANIFEST_DIR");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(kst)
            .current_dir(root)
            .args(args)
            .output()
            .expect("kst runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let jsonl = run(&[
        "stance",
        "corpus",
        "--topic",
        "gezichtsherkenning",
        "--format",
        "jsonl",
    ]);
    let rows: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert!(rows.len() > 10, "{}", rows.len());
    let mut last = String::new();
    for r in &rows {
        assert_eq!(r["kind"], "position");
        assert!(
            r["topics"]
                .as_array()
                .is_some_and(|t| t.iter().any(|x| x == "gezichtsherkenning")),
            "{r}"
        );
        let date = r["date"].as_str().unwrap_or("").to_string();
        assert!(date >= last, "not in date order: {date} after {last}");
        last = date;
    }
    let within = run(&[
        "stance",
        "corpus",
        "--topic",
        "biometrie",
        "--from",
        "2024",
        "--format",
        "jsonl",
    ]);
    assert!(
        within.lines().all(|l| l.contains("\"date\":\"2024-")),
        "{within}"
    );
    let md = run(&[
        "stance",
        "corpus",
        "--topic",
        "gezichtsherkenning",
        "--format",
        "markdown",
    ]);
    for needle in [
        "# Government positions on",
        "## 2020",
        "## 2024",
        "**Changes since",
        "- new:",
    ] {
        assert!(md.contains(needle), "missing {needle:?}");
    }
    let summary = run(&["stance", "corpus", "--summary", "--format", "csv"]);
    assert!(
        summary.starts_with("topic,year,support,oppose,concern,intent,total"),
        "{summary}"
    );
    assert!(summary.contains("gezichtsherkenning,2021,"), "{summary}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Any text, however broken: no panic, spans inside the text on char boundaries, and the
    /// sentence is the text of the span.
    #[test]
    fn any_text_yields_well_formed_positions(
        words in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::string::string_regex("[A-Za-zëïé’«»–()\\-]{1,12}").expect("regex"),
                proptest::sample::select(vec![
                    "het".to_string(), "kabinet".into(), "is".into(), "geen".into(), "voorstander".into(),
                    "van".into(), "niet".into(), "wenselijk".into(), "acht".into(), "–".into(), "(".into(),
                    ")".into(), ",".into(), ".".into(), "\n\n".into(), "dat".into(), "en".into(), "İK".into(),
                    "wat".into(), "betreft".into(), "Vraag".into(), "Antwoord".into(), "zal".into(), "ik".into(),
                ]),
            ],
            0..80,
        )
    ) {
        let text = words.join(" ");
        let extractor = PositionExtractor::new().expect("bundled lexicon");
        let norm = normalize(&text);
        for p in extractor.extract(&Doc { id: "x", date: None, norm: &norm }) {
            proptest::prop_assert!(p.span.end <= norm.text.len());
            proptest::prop_assert!(norm.text.is_char_boundary(p.span.start) && norm.text.is_char_boundary(p.span.end));
            let slice = norm.slice(p.span).split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(slice, p.sentence.clone());
            proptest::prop_assert!(!p.rule.is_empty());
        }
    }
}
