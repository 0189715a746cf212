//! Robustness of the text path on input nobody planned for: the normalizer and every extractor
//! get arbitrary strings and real letters with random byte edits (lossily decoded, as ingestion
//! decodes bad bytes), and must not panic and must return spans that lie on character
//! boundaries inside the text. A large single-line input must complete; how its time grows
//! (linear, not quadratic) is measured by the scale bench (`cargo bench --bench scale`,
//! section `big`), not by a timed unit test on a shared machine.

use kst::extract::{Doc, Extractors};
use kst::normalize::{normalize, NormDoc};
use kst::record::{Record, Span};
use proptest::prelude::*;
use std::path::Path;
use std::sync::LazyLock;

static EXTRACTORS: LazyLock<Extractors> =
    LazyLock::new(|| Extractors::new().expect("bundled extractor data loads"));

/// The real letters of `corpus/`, as bytes.
static LETTERS: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus/ exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read(p).expect("read a corpus letter"))
        .collect()
});

fn span_ok(text: &str, span: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} outside text of {} bytes",
        text.len()
    );
    prop_assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} not on char boundaries"
    );
    Ok(())
}

/// Every span the normalizer reports lies inside its text, on char boundaries, and the body
/// end too.
fn check_norm(norm: &NormDoc) -> Result<(), TestCaseError> {
    let t = &norm.text;
    prop_assert!(norm.body_end <= t.len() && t.is_char_boundary(norm.body_end));
    for b in &norm.blocks {
        span_ok(t, b.span, "block")?;
    }
    for s in &norm.sentences {
        span_ok(t, s.span, "sentence")?;
        if let Some(b) = s.block {
            prop_assert!(b < norm.blocks.len(), "sentence names block {b}");
        }
        if let Some(f) = s.footnote {
            prop_assert!(f < norm.footnotes.len(), "sentence names footnote {f}");
        }
    }
    for f in &norm.footnotes {
        span_ok(t, f.span, "footnote")?;
        if let Some(s) = f.sentence {
            prop_assert!(s < norm.sentences.len(), "footnote names sentence {s}");
        }
    }
    Ok(())
}

/// Normalize and run every extractor on `raw`; check what comes back.
fn check_all(raw: &str) -> Result<(), TestCaseError> {
    let norm = normalize(raw);
    check_norm(&norm)?;
    let records = EXTRACTORS.extract(&Doc {
        id: "kst-00000-1",
        date: Some("2021-06-01"),
        norm: &norm,
    });
    for r in &records {
        let (span, what) = match r {
            Record::Document(_) => continue,
            Record::Citation(c) => (c.span, "citation"),
            Record::ArticleRef(a) => (a.span, "article_ref"),
            Record::Position(p) => (p.span, "position"),
        };
        span_ok(&norm.text, span, what)?;
    }
    // The records stay in proportion to the text: each carries its sentence and its raw
    // text, so a "sentence" or a list without end would make them quadratic (a list of
    // 50,000 numbers once took 24 GB).
    let bytes: usize = records
        .iter()
        .map(|r| serde_json::to_string(r).map_or(0, |s| s.len()))
        .sum();
    prop_assert!(
        bytes <= 200 * raw.len() + 100_000,
        "{bytes} bytes of records from {} bytes of text",
        raw.len()
    );
    // The metadata extractor reads the raw text as well as the normalized one.
    let _ = kst::extract::metadata::from_text(raw, &norm);
    Ok(())
}

/// Text made of the characters letters are made of, in proportions that reach the rules:
/// digits, citation words, markers, superscripts, dashes, quotes, newlines.
fn letterlike() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Kamerstuk",
        "Kamerstukken II",
        "2021/22",
        "2019–2020",
        "32 761",
        "26 643",
        "nr.",
        "nrs.",
        "52, 61 en 70",
        "/",
        "Aanhangsel",
        "Handelingen",
        "Stcrt.",
        "artikel",
        "artikelen",
        "9",
        "tweede lid",
        "sub a",
        "onder",
        "AVG",
        "Wpg",
        "van de",
        "», ",
        "¹",
        "²³",
        "-\n",
        "\n",
        "\n\n",
        "  ",
        ".",
        ",",
        ";",
        "(",
        ")",
        "*",
        "'",
        "’",
        "De minister",
        "Zie ook ",
        "Vgl.",
        "p. 4",
        "pp. 3-5",
        "ISSN 0921 - 7371",
        "Tweede Kamer, vergaderjaar 2019–2020",
        "Den Haag, 17 september 2019",
        "Nr. 128 BRIEF VAN DE MINISTER",
        "het kabinet wil",
        "gezichtsherkenning",
        "é",
        "\u{00ad}",
        "\u{feff}",
        "\t",
        "\r\n",
        "\u{2028}",
        "1",
        "12",
    ]);
    prop::collection::vec(
        prop_oneof![pieces.prop_map(str::to_string), any::<String>()],
        0..80,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_do_not_panic(s in any::<String>()) {
        check_all(&s)?;
    }

    #[test]
    fn arbitrary_bytes_lossily_decoded_do_not_panic(b in prop::collection::vec(any::<u8>(), 0..2000)) {
        check_all(&String::from_utf8_lossy(&b))?;
    }

    #[test]
    fn letterlike_text_does_not_panic(s in letterlike()) {
        check_all(&s)?;
    }
}

proptest! {
    // Each case runs a whole letter through everything: fewer cases.
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Real letters with random byte edits: overwrite, insert, delete, and cut.
    #[test]
    fn mutated_real_letters_do_not_panic(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..4), 1..40),
        cut in any::<prop::sample::Index>(),
    ) {
        let letters = &*LETTERS;
        prop_assume!(!letters.is_empty());
        let mut bytes = letters[which.index(letters.len())].clone();
        for (at, byte, op) in edits {
            if bytes.is_empty() {
                break;
            }
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                2 => { bytes.remove(i); }
                // Newlines and digits are what the structure rules key on.
                _ => bytes.insert(i, if byte % 2 == 0 { b'\n' } else { b'0' + byte % 10 }),
            }
        }
        if !bytes.is_empty() && cut.index(4) == 0 {
            bytes.truncate(cut.index(bytes.len()));
        }
        check_all(&String::from_utf8_lossy(&bytes))?;
    }
}

/// The real letters themselves pass the same checks.
#[test]
fn real_letters_give_valid_spans() {
    assert!(!LETTERS.is_empty(), "corpus/ has letters");
    for bytes in LETTERS.iter() {
        check_all(&String::from_utf8_lossy(bytes)).expect("valid");
    }
}

/// One long line (a PDF export without line breaks, a minified file): ~1.5 MB of real letters
/// joined with spaces completes. Its time against a 50 MB line is measured by the bench.
#[test]
fn a_long_single_line_completes() {
    let mut line = String::with_capacity(1_600_000);
    while line.len() < 1_500_000 {
        for bytes in LETTERS.iter() {
            line.push_str(&String::from_utf8_lossy(bytes).replace(['\n', '\r'], " "));
            line.push(' ');
        }
    }
    let norm = normalize(&line);
    assert!(
        norm.text.len() > 1_200_000,
        "the text survives normalization"
    );
    check_all(&line[..200_000]).expect("valid");
    let records = EXTRACTORS.extract(&Doc {
        id: "kst-00000-1",
        date: None,
        norm: &norm,
    });
    for r in &records {
        if let Record::Citation(c) = r {
            assert!(norm.text.is_char_boundary(c.span.start) && c.span.end <= norm.text.len());
        }
    }
}

/// Pathological shapes the rules could backtrack or loop on: long runs of one character,
/// digits without end, endless "nr." lists, deep nesting of markers.
#[test]
fn pathological_runs_complete() {
    let cases = [
        "9".repeat(200_000),
        " ".repeat(200_000),
        "\n".repeat(200_000),
        "-\n".repeat(100_000),
        "Kamerstuk 26 643, nrs. ".to_string() + &"1, ".repeat(50_000) + "en 2",
        "artikel ".repeat(30_000),
        "».1".repeat(60_000),
        "¹".repeat(60_000),
        "Tweede Kamer, vergaderjaar 2019–2020, 28 684, nr. 128 2\n".repeat(5_000),
        "a".repeat(500_000),
    ];
    for c in &cases {
        check_all(c).expect("valid");
    }
}
