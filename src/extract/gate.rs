//! One cheap pass that tells which of many regexes cannot match a text.
//!
//! The lexicon patterns use Unicode word boundaries (`\b`), which regex's fast lazy DFA gives
//! up on at the first non-ASCII byte (ë, «, –, ’ are everywhere in Dutch letters), so each of
//! them falls back to a slow engine. Most of them cannot match a given sentence at all: every
//! match of `\bvoorstander(?:s)?\b` contains "voorstander". The literals every match of a
//! pattern must start (or end) with are taken from the pattern itself, so the gate never
//! changes what a pattern finds: a pattern is skipped only when none of its literals occurs
//! in the text, and then it has no match there (nor in any part of the text).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use std::collections::HashMap;

/// The literals of a set of patterns, in one automaton.
#[derive(Debug, Clone)]
pub struct Gate {
    ac: Option<AhoCorasick>,
    /// For each literal of the automaton, the patterns that need it.
    owners: Vec<Vec<usize>>,
    /// Patterns without a usable literal (a bit each): always run.
    always_bits: Vec<u64>,
}

/// Which patterns may match one text (a bit per pattern), and where their literals stand.
/// The default rules nothing out.
#[derive(Debug, Clone, Default)]
pub struct Seen {
    bits: Option<Vec<u64>>,
    /// Patterns that always run.
    always: Vec<u64>,
    /// Each literal found: (its pattern, start, end), in order of end.
    hits: Vec<(usize, usize, usize)>,
}

impl Seen {
    /// Whether pattern `slot` may match the scanned text (or any part of it).
    pub fn may(&self, slot: usize) -> bool {
        match &self.bits {
            None => true,
            Some(bits) => bit(bits, slot),
        }
    }

    /// Whether pattern `slot` may match the part `range` of the scanned text: one of its
    /// literals lies inside that part (a match inside it holds one).
    pub fn may_in(&self, slot: usize, range: std::ops::Range<usize>) -> bool {
        if !self.may(slot) {
            return false;
        }
        self.bits.is_none()
            || bit(&self.always, slot)
            || self
                .hits
                .iter()
                .any(|&(s, a, b)| s == slot && range.start <= a && b <= range.end)
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
    // Parsed as regex parses it by default (Unicode on, case-sensitive).
    let hir = regex_syntax::parse(pattern).ok()?;
    for kind in [ExtractKind::Prefix, ExtractKind::Suffix] {
        let seq = Extractor::new().kind(kind).extract(&hir);
        let Some(lits) = seq.literals() else { continue };
        if lits.is_empty() || lits.iter().any(|l| l.as_bytes().is_empty()) {
            continue;
        }
        return Some(lits.iter().map(|l| l.as_bytes().to_vec()).collect());
    }
    None
}

impl Gate {
    /// A gate for `patterns`; pattern `i` gets slot `i`.
    pub fn new(patterns: &[&str]) -> Gate {
        let mut index: HashMap<Vec<u8>, usize> = HashMap::new();
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut owners: Vec<Vec<usize>> = Vec::new();
        let mut always = Vec::new();
        for (slot, p) in patterns.iter().enumerate() {
            // A literal with a space could appear in a text only after parts of it were
            // blanked to spaces; the extractor scans a sentence once, before that (see
            // `Gate::scan`), so such patterns always run.
            match required_literals(p).filter(|l| l.iter().all(|l| !l.contains(&b' '))) {
                Some(lits) => {
                    for l in lits {
                        let at = *index.entry(l.clone()).or_insert_with(|| {
                            literals.push(l);
                            owners.push(Vec::new());
                            literals.len() - 1
                        });
                        if !owners[at].contains(&slot) {
                            owners[at].push(slot);
                        }
                    }
                }
                None => always.push(slot),
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
            always = (0..patterns.len()).collect();
        }
        let mut always_bits = vec![0; patterns.len().div_ceil(64)];
        for &s in &always {
            set(&mut always_bits, s);
        }
        Gate {
            ac,
            owners,
            always_bits,
        }
    }

    /// The patterns that may match `text`, and also any text made from it by replacing
    /// some of its characters with spaces (no literal holds a space).
    pub fn scan(&self, text: &str) -> Seen {
        let mut bits = self.always_bits.clone();
        let mut hits = Vec::new();
        if let Some(ac) = &self.ac {
            for m in ac.find_overlapping_iter(text) {
                for &s in &self.owners[m.pattern().as_usize()] {
                    set(&mut bits, s);
                    hits.push((s, m.start(), m.end()));
                }
            }
        }
        Seen {
            bits: Some(bits),
            always: self.always_bits.clone(),
            hits,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
