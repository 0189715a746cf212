//! Dutch compound splitting, so that search finds the parts of a compound.
//!
//! Dutch writes compounds as one word: a letter about "gezichtsherkenningstechnologie" never
//! contains the words "gezichtsherkenning" or "technologie" on their own, so a plain index misses
//! it for both queries. The analyzer in [`crate::index`] asks a [`Decompounder`] for the
//! [`parts`](Decompounder::parts) of every token and indexes them next to the token.
//!
//! The splitter is dictionary-based. `data/compound-words.txt` (generated from the OpenTaal
//! word list by `scripts/gen_compound_dict.py`, licence in its header) lists the words that
//! occur as parts of compounds. A word is segmented into lexicon words, optionally joined by the
//! linking `s` ("persoon·s·gegevens"):
//!
//! 1. Only words of [`MIN_SPLIT_CHARS`]..=[`MAX_SPLIT_CHARS`] characters are split; longer ones
//!    are not words but run-together text, and splitting them would only cost time.
//! 2. Among all segmentations into two or more parts the one with the fewest parts wins; then
//!    the one with the longest parts (largest sum of squared lengths, a linker counted with its
//!    part: "kamer·stukken", not "kamer·s·tukken"); then the one with the longest parts not
//!    counting linkers ("grond·slagen", not "grond·s·lagen"). Fewest parts keeps a real
//!    compound boundary ahead of a split inside a part ("minister·s·post", not
//!    "mini·sters·post").
//! 3. Each part is split again the same way, so "gezichtsherkenning·s·technologie" becomes
//!    gezicht·s·herkenning·s·technologie.
//! 4. The lexicon does the rest: parts have at least four letters except a few listed
//!    three-letter content words ("wet", "lid"), so "her·kenning" is impossible; words flagged
//!    `nomod` never start a split ("voor·stel"), `nohead` never follow another part
//!    ("mogelijk·heden"), `nosplit` are never split ("mini·ster").
//!
//! The segmentation is a dynamic program over the byte positions of the word: for each start
//! the lexicon words beginning there are found by narrowing a range of the sorted lexicon one
//! byte at a time, so a word of n bytes costs O(n · longest part) byte comparisons times a log
//! of the lexicon, a few microseconds, and never backtracks.
//!
//! Measured (release build, loaded 2-core machine, throwaway example over the 1,999 distinct
//! words of the corpus letters): construction 1.3 ms (18 ms in a debug build), `parts` 1.4–2 µs
//! a word on average and 2–4 µs for words of 15 characters or more.

use std::path::Path;

use crate::{Error, Result};

/// The bundled lexicon; see `scripts/gen_compound_dict.py` for how it is made.
const BUNDLED: &str = include_str!("../../data/compound-words.txt");
const BUNDLED_PATH: &str = "data/compound-words.txt";

/// Words shorter than this (in characters) are not split: a compound of two parts of at least
/// three and four letters has seven ("wetboek", "oogpunt").
pub const MIN_SPLIT_CHARS: usize = 7;
/// Words longer than this (in characters) are not split: no real word is that long, and the
/// dynamic program stays cheap.
pub const MAX_SPLIT_CHARS: usize = 40;

/// The linking morpheme split off between two parts. Only `s`: the `-en-` of "mensenrechten"
/// is a plural that the lexicon lists as a word, and `-e-` made nonsense splits.
const LINKER: u8 = b's';

/// How a lexicon word may take part in a split (the flag after a tab in the data file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Any position.
    Any,
    /// Never followed by another part: particles and adverbs ("voor·stel", "daar·naast").
    NoModifier,
    /// Never after another part: words that are also suffixes ("mogelijk·heden").
    NoHead,
    /// Never split itself, though it is a part of other words ("mini·ster").
    NoSplit,
}

impl Role {
    fn parse(flag: &str) -> Option<Role> {
        match flag {
            "nomod" => Some(Role::NoModifier),
            "nohead" => Some(Role::NoHead),
            "nosplit" => Some(Role::NoSplit),
            _ => None,
        }
    }
}

/// Splits Dutch compounds into the lexicon words they are made of.
///
/// Built once per process (about a millisecond) and shared; it holds only borrowed slices of
/// the bundled lexicon.
#[derive(Debug, Clone)]
pub struct Decompounder {
    /// Sorted by bytes, each word once.
    words: Vec<&'static str>,
    /// `roles[i]` is the role of `words[i]`.
    roles: Vec<Role>,
}

/// One part of a segmentation: `word[start..end]` is the lexicon word, `word[end..next]` the
/// linking morpheme after it (empty or "s").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    start: usize,
    end: usize,
    next: usize,
}

/// The best segmentation found so far of the prefix ending at some position.
#[derive(Debug, Clone, Copy)]
struct Best {
    parts: u32,
    /// Sum of the squared lengths of the parts, each with its linker.
    squares: u32,
    /// Sum of the squared lengths of the parts without linkers.
    bare: u32,
    /// The part that ends this prefix; its `start` is where the previous best prefix ends.
    last: Segment,
}

impl Best {
    /// Fewer parts, then longer parts with linkers, then longer parts without.
    fn better_than(&self, other: &Best) -> bool {
        use std::cmp::Reverse;
        let key = |b: &Best| (b.parts, Reverse(b.squares), Reverse(b.bare));
        key(self) < key(other)
    }
}

impl Decompounder {
    /// The decompounder over the bundled lexicon.
    pub fn new() -> Result<Decompounder> {
        Decompounder::from_lexicon(Path::new(BUNDLED_PATH), BUNDLED)
    }

    /// Parses a lexicon in the format of `data/compound-words.txt`: `#` comments, then one
    /// `word` or `word<TAB>flag` a line, sorted by bytes, each word once. `path` names the file
    /// in errors.
    pub fn from_lexicon(path: &Path, text: &'static str) -> Result<Decompounder> {
        let mut words: Vec<&'static str> = Vec::with_capacity(text.len() / 10);
        let mut roles = Vec::with_capacity(text.len() / 10);
        for (index, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |reason: String| Error::Data {
                path: path.to_path_buf(),
                line: index + 1,
                reason,
            };
            let (word, role) = match line.split_once('\t') {
                None => (line, Role::Any),
                Some((word, flag)) => match Role::parse(flag) {
                    Some(role) => (word, role),
                    None => {
                        return Err(error(format!(
                            "unknown flag {flag:?} (nomod, nohead or nosplit)"
                        )))
                    }
                },
            };
            if !is_lower_case_word(word) {
                return Err(error(format!("{word:?} is not a lower-case word")));
            }
            if let Some(previous) = words.last() {
                if previous.as_bytes() >= word.as_bytes() {
                    return Err(error(format!("{word:?} is not after {previous:?}: the list must be sorted by bytes, each word once")));
                }
            }
            words.push(word);
            roles.push(role);
        }
        if words.is_empty() {
            return Err(Error::Data {
                path: path.to_path_buf(),
                line: 0,
                reason: "no words".to_string(),
            });
        }
        Ok(Decompounder { words, roles })
    }

    /// Whether `word` is in the lexicon of compound parts (a lower-case word, with or without
    /// diacritics: both "geïnformeerd" and "geinformeerd").
    pub fn is_word(&self, word: &str) -> bool {
        self.words
            .binary_search_by(|w| w.as_bytes().cmp(word.as_bytes()))
            .is_ok()
    }

    /// The words `word` is composed of, for indexing next to it.
    ///
    /// `word` is a lower-case token, diacritics folded or not; a trailing "'s" (plural or
    /// genitive, "camera's") is dropped first. The word is segmented (see the module docs) and
    /// every contiguous run of segments is returned, without its trailing linking `s`, except
    /// the run that is the whole input. Order: single parts first, then runs of two, three...
    /// segments; runs of the same length from left to right; each text once.
    ///
    /// "gezichtsherkenningstechnologie" → gezicht, herkenning, technologie,
    /// gezichtsherkenning, herkenningstechnologie. A word that does not split gives nothing,
    /// except "camera's", which gives "camera".
    pub fn parts(&self, word: &str) -> Vec<String> {
        let base = strip_apostrophe_s(word);
        let mut segments = Vec::new();
        self.segment(base, 0, &mut segments);
        let mut parts: Vec<String> = Vec::new();
        for len in 1..=segments.len() {
            for run in segments.windows(len) {
                let (Some(first), Some(last)) = (run.first(), run.last()) else {
                    continue;
                };
                let Some(text) = base.get(first.start..last.end) else {
                    continue;
                };
                if text != word && !parts.iter().any(|p| p == text) {
                    parts.push(text.to_string());
                }
            }
        }
        parts
    }

    /// Appends the segments of `word` (offsets shifted by `offset`) to `out`, splitting each
    /// part again; a word that does not split is one segment.
    fn segment(&self, word: &str, offset: usize, out: &mut Vec<Segment>) {
        let whole = Segment {
            start: offset,
            end: offset + word.len(),
            next: offset + word.len(),
        };
        let Some(split) = self.split(word) else {
            out.push(whole);
            return;
        };
        for part in split {
            let before = out.len();
            let text = word.get(part.start..part.end).unwrap_or_default();
            self.segment(text, offset + part.start, out);
            // The linker after the part follows the part's own last segment.
            if let Some(last) = out.get_mut(before..).and_then(|s| s.last_mut()) {
                last.next = offset + part.next;
            }
        }
    }

    /// The best segmentation of `word` into two or more lexicon words, if any.
    fn split(&self, word: &str) -> Option<Vec<Segment>> {
        let chars = word.chars().count();
        if !(MIN_SPLIT_CHARS..=MAX_SPLIT_CHARS).contains(&chars)
            || self.role(word) == Some(Role::NoSplit)
        {
            return None;
        }
        let bytes = word.as_bytes();
        let n = bytes.len();
        // best[i]: the best segmentation of bytes[..i] that ends where a part may start.
        let mut best: Vec<Option<Best>> = vec![None; n + 1];
        for start in 0..n {
            let (parts, squares, bare) = match (start, best[start]) {
                (0, _) => (0, 0, 0),
                (_, Some(b)) => (b.parts, b.squares, b.bare),
                (_, None) => continue,
            };
            self.for_each_word_at(bytes, start, |end, role| {
                let first = start == 0;
                if !first && role == Role::NoHead {
                    return;
                }
                let part = (end - start) as u32;
                let mut offer = |next: usize| {
                    let len = (next - start) as u32;
                    let candidate = Best {
                        parts: parts + 1,
                        squares: squares + len * len,
                        bare: bare + part * part,
                        last: Segment { start, end, next },
                    };
                    if best[next].is_none_or(|b| candidate.better_than(&b)) {
                        best[next] = Some(candidate);
                    }
                };
                if end == n {
                    // The whole word as one part is not a split.
                    if !first {
                        offer(end);
                    }
                    return;
                }
                if role == Role::NoModifier {
                    return;
                }
                offer(end);
                if bytes.get(end) == Some(&LINKER) && end + 1 < n {
                    offer(end + 1);
                }
            });
        }
        let mut segments = Vec::new();
        let mut at = n;
        while at > 0 {
            let b = best[at]?;
            segments.push(b.last);
            at = b.last.start;
        }
        segments.reverse();
        Some(segments)
    }

    /// Calls `found(end, role)` for every lexicon word equal to `bytes[start..end]`, shortest
    /// first, narrowing the sorted lexicon to the words that share the prefix read so far.
    fn for_each_word_at(&self, bytes: &[u8], start: usize, mut found: impl FnMut(usize, Role)) {
        let (mut lo, mut hi) = (0, self.words.len());
        for (depth, &byte) in bytes.iter().enumerate().skip(start) {
            let at = depth - start;
            // Words in lo..hi share bytes[start..depth]; those that end there sort first.
            let range = &self.words[lo..hi];
            let from = range.partition_point(|w| w.as_bytes().get(at).is_none_or(|&b| b < byte));
            let to = range.partition_point(|w| w.as_bytes().get(at).is_none_or(|&b| b <= byte));
            (lo, hi) = (lo + from, lo + to);
            if lo == hi {
                return;
            }
            if self.words[lo].len() == at + 1 {
                found(depth + 1, self.roles[lo]);
            }
        }
    }

    fn role(&self, word: &str) -> Option<Role> {
        let index = self
            .words
            .binary_search_by(|w| w.as_bytes().cmp(word.as_bytes()))
            .ok()?;
        self.roles.get(index).copied()
    }
}

/// Whether `word` is non-empty and only lower-case letters. ASCII is checked byte by byte
/// first: the lexicon is mostly ASCII and this check runs for every entry at start-up.
fn is_lower_case_word(word: &str) -> bool {
    !word.is_empty()
        && (word.bytes().all(|b| b.is_ascii_lowercase())
            || word.chars().all(|c| c.is_alphabetic() && !c.is_uppercase()))
}

/// `word` without a trailing "'s" or "’s" ("camera's", "risico’s").
fn strip_apostrophe_s(word: &str) -> &str {
    ["'s", "\u{2019}s"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .filter(|base| !base.is_empty())
        .unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Built once for all tests (the property test would build it hundreds of times).
    fn decompounder() -> &'static Decompounder {
        static BUILT: std::sync::LazyLock<Decompounder> =
            std::sync::LazyLock::new(|| Decompounder::new().expect("bundled lexicon is valid"));
        &BUILT
    }

    /// Real words from the corpus letters and what search should find them by.
    #[test]
    fn compounds_split_into_their_parts() {
        let cases: &[(&str, &[&str])] = &[
            (
                "gezichtsherkenningstechnologie",
                &[
                    "gezicht",
                    "herkenning",
                    "technologie",
                    "gezichtsherkenning",
                    "herkenningstechnologie",
                ],
            ),
            (
                "gezichtsherkenningscamera's",
                &[
                    "gezicht",
                    "herkenning",
                    "camera",
                    "gezichtsherkenning",
                    "herkenningscamera",
                    "gezichtsherkenningscamera",
                ],
            ),
            ("gezichtsherkenning", &["gezicht", "herkenning"]),
            ("cameratoezicht", &["camera", "toezicht"]),
            (
                "emotieherkenningssystemen",
                &[
                    "emotie",
                    "herkenning",
                    "systemen",
                    "emotieherkenning",
                    "herkenningssystemen",
                ],
            ),
            ("persoonsgegevens", &["persoon", "gegevens"]),
            (
                "verwerkingsverantwoordelijke",
                &["verwerking", "verantwoordelijke"],
            ),
            ("rechtshandhaving", &["recht", "handhaving"]),
            ("toezichthouders", &["toezicht", "houders"]),
            ("wetsvoorstel", &["wet", "voorstel"]),
            ("lidstaten", &["lid", "staten"]),
            ("staatssecretaris", &["staat", "secretaris"]),
            ("kamerstukken", &["kamer", "stukken"]),
            ("ministerraad", &["minister", "raad"]),
        ];
        let d = decompounder();
        for (word, expected) in cases {
            assert_eq!(d.parts(word), *expected, "parts of {word:?}");
        }
    }

    /// Simple words whose pieces happen to be words, and words that are too short.
    #[test]
    fn simple_words_do_not_split() {
        let d = decompounder();
        for word in [
            "verordening",
            "regering",
            "beleid",
            "herkenning",
            "voorstel",
            "minister",
            "ministers",
            "mogelijkheden",
            "belangrijk",
            "openbaar",
            "daarnaast",
            "maatschappelijke",
            "wet",
        ] {
            assert_eq!(
                d.parts(word),
                Vec::<String>::new(),
                "{word:?} must not split"
            );
        }
    }

    #[test]
    fn diacritics_folded_or_not() {
        let d = decompounder();
        assert!(d.is_word("beïnvloeding"));
        assert!(d.is_word("beinvloeding"));
        assert_eq!(
            d.parts("beïnvloedingstechnieken"),
            ["beïnvloeding", "technieken"]
        );
        assert_eq!(
            d.parts("beinvloedingstechnieken"),
            ["beinvloeding", "technieken"]
        );
        assert_eq!(d.parts("risicocategorieën"), ["risico", "categorieën"]);
        assert_eq!(d.parts("risicocategorieen"), ["risico", "categorieen"]);
        assert_eq!(d.parts("privéleven"), ["privé", "leven"]);
    }

    #[test]
    fn odd_input_gives_substrings_without_panicking() {
        let d = decompounder();
        for word in [
            "",
            "s",
            "'s",
            "’s",
            "ﬁ",
            "ĳs",
            "ééééééééé",
            "2021",
            "a-b",
            &"gezicht".repeat(10),
        ] {
            for part in d.parts(word) {
                assert!(
                    word.contains(&part) && part != word,
                    "{part:?} from {word:?}"
                );
            }
        }
        assert_eq!(d.parts("camera's"), ["camera"]);
        assert_eq!(d.parts(&"gezicht".repeat(10)), Vec::<String>::new());
    }

    proptest::proptest! {
        /// Whatever the token, parts are pieces of it (or of it without "'s"), never the
        /// token itself, each once.
        #[test]
        fn parts_are_distinct_substrings(word in "[a-zëéï'’s]{0,48}") {
            let d = decompounder();
            let parts = d.parts(&word);
            for (i, part) in parts.iter().enumerate() {
                proptest::prop_assert!(word.contains(part.as_str()) && *part != word);
                proptest::prop_assert!(!parts[..i].contains(part));
            }
        }
    }

    #[test]
    fn bundled_lexicon_has_licence_and_loads() {
        assert!(BUNDLED.starts_with("# Dutch compound parts"));
        for notice in [
            "OpenTaal",
            "Redistribution and use in source and binary forms",
            "THIS SOFTWARE IS PROVIDED",
        ] {
            assert!(
                BUNDLED
                    .lines()
                    .take(60)
                    .any(|l| l.starts_with('#') && l.contains(notice)),
                "{notice}"
            );
        }
        let d = decompounder();
        assert!(d.words.len() > 10_000);
        assert!(d.is_word("gezicht") && !d.is_word("kenning") && !d.is_word("her"));
    }

    #[test]
    fn malformed_lexicon_names_the_line() {
        let path = Path::new("test.txt");
        for (text, line) in [
            ("# c\nbeta\nalfa\n", 3),
            ("alfa\nalfa\n", 2),
            ("alfa\tnoun\n", 1),
            ("Alfa\n", 1),
            ("al fa\n", 1),
        ] {
            match Decompounder::from_lexicon(path, text) {
                Err(Error::Data { line: l, .. }) => assert_eq!(l, line, "{text:?}"),
                other => panic!("{text:?}: {other:?}"),
            }
        }
        assert!(Decompounder::from_lexicon(path, "# only a comment\n").is_err());
    }
}
