//! One cheap pass that tells which of many regexes cannot match a text.
//!
//! The lexicon patterns use Unicode word boundaries (`\b`), which regex's fast lazy DFA gives
//! up on at the first non-ASCII byte (ë, «, –, ’ are everywhere in Dutch letters), so each of
//! them falls back to a slow engine. Most of them cannot match a given sentence at all: every
//! match of `\bvoorstander(?:s)?\b` contains "voorstander". The literals every match of a
//! pattern must start with, and those it must end with, are taken from the pattern itself
//! (regex-syntax's literal extraction), so the gate never changes what a pattern finds: a
//! pattern is skipped only when the text (or the part of it the regex would read) lacks a
//! literal of a side, and then it has no match there. A pattern that opens (or closes) with
//! `\b` needs its literal to stand at a word boundary too: "acht" in "verwachting" does not
//! wake `\b(?:acht|vindt)\b`. A test runs every pattern on every
//! sentence and clause of the bundled letters and checks the gate never ruled out a match.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind, Look};
use std::collections::HashMap;

/// The literals of a set of patterns, in one automaton.
#[derive(Debug, Clone)]
pub struct Gate {
    ac: Option<AhoCorasick>,
    /// For each literal of the automaton, the patterns that need it: (half, whether a word
    /// boundary must stand at the literal's start, and at its end). Half `i` is pattern
    /// `i`'s starting literals, half `patterns + i` its ending ones.
    owners: Vec<Vec<(usize, bool, bool)>>,
    patterns: usize,
    /// Patterns without a usable literal (a bit each): always run.
    always_bits: Vec<u64>,
}

/// Which patterns may match one text (a bit per pattern), and where their literals stand.
/// The default rules nothing out.
#[derive(Debug, Clone, Default)]
pub struct Seen {
    /// How many patterns: bit `i` stands for the literals pattern `i` starts with, bit
    /// `patterns + i` for those it ends with.
    patterns: usize,
    /// Patterns with a literal anywhere (boundaries or not), and those always run.
    bits: Option<Vec<u64>>,
    /// Patterns that may match the whole scanned text: literal and boundaries found.
    whole: Vec<u64>,
    /// Patterns that always run.
    always: Vec<u64>,
    /// Each literal found, with the word boundaries its pattern needs; sorted by side.
    hits: Vec<Hit>,
}

#[derive(Debug, Clone, Copy)]
struct Hit {
    slot: usize,
    start: usize,
    end: usize,
    /// The word boundary the pattern needs at the literal's start (end) holds in the
    /// scanned text, or the pattern needs none.
    start_ok: bool,
    end_ok: bool,
}

impl Seen {
    /// Whether pattern `slot` may match the scanned text: literals it starts with and
    /// literals it ends with found, with their boundaries.
    pub fn may(&self, slot: usize) -> bool {
        match &self.bits {
            None => true,
            Some(_) => bit(&self.whole, slot) && bit(&self.whole, self.patterns + slot),
        }
    }

    /// Whether pattern `slot` may match the part `range` of the scanned text: a literal it
    /// starts with and one it ends with lie inside that part (a match inside it holds both),
    /// with the word boundaries the pattern needs. At the edges of the part a boundary
    /// always holds for a regex run on the part alone, so there it is not asked for.
    ///
    /// The part may also have had characters replaced with spaces before the regex runs
    /// (asides blanked), provided each blanked run starts and ends with a character that is
    /// not a word character: no literal holds a space, and the word boundaries next to a
    /// literal are then the same in both texts.
    pub fn may_in(&self, slot: usize, range: std::ops::Range<usize>) -> bool {
        self.half_in(slot, range.clone()) && self.half_in(self.patterns + slot, range)
    }

    /// Where a match of pattern `slot` in the part `range` may start: the places, in order, of
    /// the literals every match of it starts with (with the boundaries they need), so that a
    /// regex anchored at each of them finds what a search of the whole part finds. `None` when
    /// the pattern starts with no literal the gate knows: it may start anywhere.
    pub fn starts_in(&self, slot: usize, range: std::ops::Range<usize>) -> Option<Vec<usize>> {
        let bits = self.bits.as_ref()?;
        if bit(&self.always, slot) {
            return None;
        }
        if !bit(bits, slot) {
            return Some(Vec::new());
        }
        let mut starts: Vec<usize> = self.hits_in(slot, range).map(|h| h.start).collect();
        // Hits are in order of start; two literals may start at one place.
        starts.dedup();
        Some(starts)
    }

    fn half_in(&self, half: usize, range: std::ops::Range<usize>) -> bool {
        let Some(bits) = &self.bits else {
            return true;
        };
        if !bit(bits, half) {
            return false;
        }
        bit(&self.always, half) || self.hits_in(half, range).next().is_some()
    }

    /// The literals of side `half` found inside `range`, with the word boundaries they need
    /// (at the edges of the part a boundary always holds for a regex run on the part alone).
    fn hits_in(&self, half: usize, range: std::ops::Range<usize>) -> impl Iterator<Item = &Hit> {
        let first = self.hits.partition_point(|h| h.slot < half);
        self.hits[first..]
            .iter()
            .take_while(move |h| h.slot == half)
            .filter(move |h| {
                range.start <= h.start
                    && h.end <= range.end
                    && (h.start_ok || h.start == range.start)
                    && (h.end_ok || h.end == range.end)
            })
    }
}

/// Whether a word boundary (`\b`, Unicode) stands at byte `at` of `text`.
fn boundary(text: &str, at: usize) -> bool {
    let before = text
        .get(..at)
        .and_then(|t| t.chars().next_back())
        .is_some_and(is_word);
    let after = text
        .get(at..)
        .and_then(|t| t.chars().next())
        .is_some_and(is_word);
    before != after
}

/// regex's word character (`\w`, Unicode); ASCII answered without its table search.
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        regex_syntax::is_word_character(c)
    }
}

/// Whether every match of `hir` starts (`end` false) or ends (`end` true) with `\b`.
fn bounded(hir: &Hir, end: bool) -> bool {
    match hir.kind() {
        HirKind::Look(Look::WordUnicode) => true,
        HirKind::Concat(parts) => {
            let edge = if end { parts.last() } else { parts.first() };
            edge.is_some_and(|h| bounded(h, end))
        }
        HirKind::Alternation(branches) => branches.iter().all(|h| bounded(h, end)),
        HirKind::Capture(c) => bounded(&c.sub, end),
        _ => false,
    }
}

fn bit(bits: &[u64], slot: usize) -> bool {
    bits.get(slot / 64)
        .is_some_and(|w| w & (1u64 << (slot % 64)) != 0)
}

fn set(bits: &mut [u64], slot: usize) {
    if let Some(w) = bits.get_mut(slot / 64) {
        *w |= 1u64 << (slot % 64);
    }
}

/// Literals of which every match of `pattern` contains at least one; `None` when there is no
/// such finite set (the pattern must always run).
pub fn required_literals(pattern: &str) -> Option<Vec<Vec<u8>>> {
    // The side whose shortest literal is longest.
    let shortest = |l: &Vec<Required>| l.iter().map(|r| r.bytes.len()).min().unwrap_or(0);
    let [prefix, suffix] = literals(pattern);
    let best = match (prefix, suffix) {
        (Some(p), Some(s)) if shortest(&s) > shortest(&p) => Some(s),
        (Some(p), _) => Some(p),
        (None, s) => s,
    };
    Some(best?.into_iter().map(|l| l.bytes).collect())
}

/// A literal every match of a pattern starts or ends with.
struct Required {
    bytes: Vec<u8>,
    /// A word boundary must stand before it, and after it.
    start_b: bool,
    end_b: bool,
}

/// The literals every match of `pattern` starts with, and those every match ends with;
/// `None` for a side without a finite set of non-empty literals.
fn literals(pattern: &str) -> [Option<Vec<Required>>; 2] {
    // Parsed as regex parses it by default (Unicode on, case-sensitive).
    let Ok(hir) = regex_syntax::parse(pattern) else {
        return [None, None];
    };
    let (opens, closes) = (bounded(&hir, false), bounded(&hir, true));
    [true, false].map(|prefix| {
        let kind = if prefix {
            ExtractKind::Prefix
        } else {
            ExtractKind::Suffix
        };
        let seq = Extractor::new().kind(kind).extract(&hir);
        let lits = seq.literals()?;
        if lits.is_empty() || lits.iter().any(|l| l.as_bytes().is_empty()) {
            return None;
        }
        Some(
            lits.iter()
                .map(|l| Required {
                    bytes: l.as_bytes().to_vec(),
                    // A prefix starts the match, a suffix ends it; an exact literal is all of it.
                    start_b: opens && (prefix || l.is_exact()),
                    end_b: closes && (!prefix || l.is_exact()),
                })
                .collect(),
        )
    })
}

/// Literals shorter than this many bytes gate a side only when no better side exists.
const SHORT_LITERAL: usize = 4;

impl Gate {
    /// A gate for `patterns`; pattern `i` gets slot `i`.
    pub fn new(patterns: &[&str]) -> Gate {
        let mut index: HashMap<Vec<u8>, usize> = HashMap::new();
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut owners: Vec<Vec<(usize, bool, bool)>> = Vec::new();
        let mut always = Vec::new();
        let n = patterns.len();
        for (slot, p) in patterns.iter().enumerate() {
            // A literal with a space could appear in a text only after parts of it were
            // blanked to spaces; the extractor scans a sentence once, before that (see
            // `Seen::may_in`), so such a side does not gate.
            let sides =
                self::literals(p).map(|l| l.filter(|l| l.iter().all(|l| !l.bytes.contains(&b' '))));
            // A side with a literal of a few letters ("het", "in", "dat") is in nearly every
            // sentence: it gates little and costs a hit each time. It is kept only when the
            // other side gates no better.
            let shortest = |l: &Option<Vec<Required>>| {
                l.as_ref()
                    .and_then(|l| l.iter().map(|r| r.bytes.len()).min())
            };
            let best = shortest(&sides[0]).max(shortest(&sides[1]));
            let sides = sides.map(|l| {
                let len = shortest(&l);
                l.filter(|_| len >= Some(SHORT_LITERAL) || len == best)
            });
            for (side, lits) in sides.into_iter().enumerate() {
                let half = side * n + slot;
                match lits {
                    Some(lits) => {
                        for l in lits {
                            let at = *index.entry(l.bytes.clone()).or_insert_with(|| {
                                literals.push(l.bytes);
                                owners.push(Vec::new());
                                literals.len() - 1
                            });
                            let owner = (half, l.start_b, l.end_b);
                            if !owners[at].contains(&owner) {
                                owners[at].push(owner);
                            }
                        }
                    }
                    None => always.push(half),
                }
            }
        }
        let ac = if literals.is_empty() {
            None
        } else {
            // A full DFA: a few hundred short literals make a small one, and it is scanned
            // for every sentence.
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&literals)
                .or_else(|_| {
                    AhoCorasickBuilder::new()
                        .match_kind(MatchKind::Standard)
                        .build(&literals)
                })
                .ok()
        };
        // Without an automaton nothing can be ruled out.
        if ac.is_none() {
            always = (0..2 * n).collect();
        }
        let mut always_bits = vec![0; (2 * n).div_ceil(64)];
        for &s in &always {
            set(&mut always_bits, s);
        }
        Gate {
            ac,
            owners,
            patterns: n,
            always_bits,
        }
    }

    /// The patterns that may match `text` or parts of it (see [`Seen::may_in`]).
    pub fn scan(&self, text: &str) -> Seen {
        let mut bits = self.always_bits.clone();
        let mut whole = self.always_bits.clone();
        let mut hits = Vec::new();
        if let Some(ac) = &self.ac {
            for m in ac.find_overlapping_iter(text) {
                let (at_start, at_end) = (boundary(text, m.start()), boundary(text, m.end()));
                for &(half, start_b, end_b) in &self.owners[m.pattern().as_usize()] {
                    let hit = Hit {
                        slot: half,
                        start: m.start(),
                        end: m.end(),
                        start_ok: !start_b || at_start,
                        end_ok: !end_b || at_end,
                    };
                    set(&mut bits, half);
                    if hit.start_ok && hit.end_ok {
                        set(&mut whole, half);
                    }
                    hits.push(hit);
                }
            }
        }
        // By pattern side, so that a question about one finds its hits at once.
        hits.sort_unstable_by_key(|h| (h.slot, h.start));
        Seen {
            patterns: self.patterns,
            bits: Some(bits),
            whole,
            always: self.always_bits.clone(),
            hits,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn literals_every_match_must_hold() {
        let mut l = required_literals(r"\bvoorstander(?:s)?\b").expect("prefix");
        l.sort();
        assert_eq!(l, vec![b"voorstander".to_vec(), b"voorstanders".to_vec()]);
        // An optional word of any letters before: the literal is what every match ends with.
        let l = required_literals(r"\b(?:het\s+)?(?:\w+\s+)?kabinet\b").expect("suffix");
        assert!(l.iter().all(|x| x.ends_with(b"kabinet")), "{l:?}");
        assert_eq!(required_literals(r"\w+"), None);
        assert_eq!(required_literals(r"(?:a)?"), None);
    }

    #[test]
    fn a_pattern_is_ruled_out_only_when_its_literals_are_missing() {
        let g = Gate::new(&[r"\bvoorstander\b", r"\bzorg(?:en)?\b", r"\w+"]);
        let s = g.scan("het kabinet deelt de zorgen");
        assert!(!s.may(0));
        assert!(s.may(1));
        assert!(s.may(2), "no literal: always");
        let s = g.scan("geen voorstander");
        assert!(s.may(0) && !s.may(1));
        assert!(
            s.may_in(0, 5..16) && !s.may_in(0, 0..10),
            "only where its literal stands"
        );
        assert!(s.may_in(2, 0..1));
        assert!(
            Seen::default().may(5),
            "an unscanned text rules nothing out"
        );
        assert!(Seen::default().may_in(5, 0..1));
    }

    #[test]
    fn a_literal_inside_a_word_does_not_wake_a_pattern_bounded_by_words() {
        let re = r"\b(?:acht|vindt)\b";
        let g = Gate::new(&[re, r"\b(?:ik|wij|we)\b", r"zorg"]);
        let s = g.scan("de verwachting is twee keer gebruikt, de zorgen");
        assert!(!s.may(0) && !s.may(1) && s.may(2));
        let s = g.scan("dat acht ik wel");
        assert!(s.may(0) && s.may(1));
        // At the edge of a part the regex sees a boundary: "acht" in "verw|acht".
        let re = Regex::new(re).expect("valid");
        let t = "verwachting";
        assert!(!g.scan(t).may_in(0, 4..t.len()) && !re.is_match(&t[4..]));
        let t = "verwacht";
        assert!(g.scan(t).may_in(0, 4..t.len()) && re.is_match(&t[4..]));
    }

    #[test]
    fn a_pattern_needs_both_the_literal_it_starts_with_and_the_one_it_ends_with() {
        let re = r"\bvoor\s+(?:het\s+kabinet|de\s+regering)\b";
        let g = Gate::new(&[re]);
        assert!(!g.scan("voor de burger").may(0));
        assert!(!g.scan("het kabinet, voor nu").may_in(0, 0..11));
        let t = "voor het kabinet";
        assert!(g.scan(t).may(0) && Regex::new(re).is_ok_and(|r| r.is_match(t)));
    }
}
