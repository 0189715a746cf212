//! How faithfully one text reproduces another: word recall and precision of a candidate
//! (kst's text of a print PDF) against a reference (the publisher's XML of the same paper).
//!
//! Both texts become sequences of lower-cased words (`\w+`: letters with their diacritics,
//! digits), and the two sequences are aligned by a minimal diff (Myers), so a word counts as
//! matched only in its place: a running footer repeated on every page is extra even though its
//! words occur in the reference, and "financiºle" is a miss and an extra at once. Recall is the
//! share of reference words matched, precision the share of candidate words matched.

use regex::Regex;
use similar::{Algorithm, DiffOp};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").expect("valid regex"));

/// A diff of long, very different texts is cut short after this long (the alignment is then
/// still valid, only not minimal).
const DIFF_DEADLINE: Duration = Duration::from_secs(20);

/// Where the two texts part: words only in the reference, and words only in the candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffRun {
    /// Index of the run's first word in the reference.
    pub reference_at: usize,
    /// Index of the run's first word in the candidate.
    pub candidate_at: usize,
    pub missing: Vec<String>,
    pub extra: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Fidelity {
    pub reference_words: usize,
    pub candidate_words: usize,
    pub matched: usize,
    pub recall: f64,
    pub precision: f64,
    pub runs: Vec<DiffRun>,
}

/// The lower-cased words of a text.
pub fn words(text: &str) -> Vec<String> {
    WORD.find_iter(text)
        .map(|m| m.as_str().to_lowercase())
        .collect()
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// Compare a candidate text with the reference text.
pub fn compare(reference: &str, candidate: &str) -> Fidelity {
    let r = words(reference);
    let c = words(candidate);
    let ops = similar::capture_diff_deadline(
        Algorithm::Myers,
        &r,
        0..r.len(),
        &c,
        0..c.len(),
        Some(Instant::now() + DIFF_DEADLINE),
    );
    let mut matched = 0;
    let mut runs: Vec<DiffRun> = Vec::new();
    for op in ops {
        let (old, new) = match op {
            DiffOp::Equal { len, .. } => {
                matched += len;
                continue;
            }
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => (old_index..old_index + old_len, new_index..new_index),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => (old_index..old_index, new_index..new_index + new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                old_index..old_index + old_len,
                new_index..new_index + new_len,
            ),
        };
        // Adjacent delete and insert ops are one place where the texts differ.
        match runs.last_mut() {
            Some(last)
                if last.reference_at + last.missing.len() == old.start
                    && last.candidate_at + last.extra.len() == new.start =>
            {
                last.missing.extend(r[old].iter().cloned());
                last.extra.extend(c[new].iter().cloned());
            }
            _ => runs.push(DiffRun {
                reference_at: old.start,
                candidate_at: new.start,
                missing: r[old].to_vec(),
                extra: c[new].to_vec(),
            }),
        }
    }
    Fidelity {
        reference_words: r.len(),
        candidate_words: c.len(),
        matched,
        recall: ratio(matched, r.len()),
        precision: ratio(matched, c.len()),
        runs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lower_cased_with_their_diacritics() {
        assert_eq!(
            words("Financiële markten, 2020–2021; ’s-Gravenhage"),
            vec!["financiële", "markten", "2020", "2021", "s", "gravenhage"]
        );
    }

    #[test]
    fn a_split_word_is_a_miss_and_two_extras_and_furniture_is_extra() {
        let reference = "de beperktere regels gelden";
        let candidate = "de beperk- tere regels gelden Tweede Kamer, vergaderjaar 2020–2021";
        let f = compare(reference, candidate);
        assert_eq!(
            (f.reference_words, f.candidate_words, f.matched),
            (4, 10, 3)
        );
        assert_eq!(f.runs.len(), 2);
        assert_eq!(f.runs[0].missing, vec!["beperktere"]);
        assert_eq!(f.runs[0].extra, vec!["beperk", "tere"]);
        assert_eq!(
            f.runs[1].extra,
            vec!["tweede", "kamer", "vergaderjaar", "2020", "2021"]
        );
        assert!((f.recall - 0.75).abs() < 1e-9 && (f.precision - 0.3).abs() < 1e-9);
    }

    #[test]
    fn a_wrong_diacritic_is_not_a_match() {
        let f = compare("financiële instellingen", "financiºle instellingen");
        assert_eq!(f.matched, 1);
        assert_eq!(f.runs[0].missing, vec!["financiële"]);
    }

    #[test]
    fn identical_and_empty_texts() {
        let same = compare(
            "De Kamer, gehoord de beraadslaging",
            "de kamer gehoord de beraadslaging",
        );
        assert_eq!((same.recall, same.precision), (1.0, 1.0));
        assert!(same.runs.is_empty());
        let empty = compare("", "");
        assert_eq!((empty.recall, empty.precision), (1.0, 1.0));
    }
}
