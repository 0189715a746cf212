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
//! `\b` (or the ASCII `(?-u:\b)` the lexicon mostly uses) needs its literal to stand at such a
//! word boundary too: "acht" in "verwachting" does not wake `\b(?:acht|vindt)\b`. A test runs
//! every pattern on every sentence and clause of the bundled letters and checks the gate never
//! ruled out a match.
//!
//! A pattern that is an alternation of many phrases ("ga ... onderzoeken", "ga ... na hoe",
//! "werk ... uit") starts with common words, and its union of ending literals is in nearly
//! every clause. So the gate also knows, for each literal a pattern may start with, the
//! branches that may start with it and the words each of those branches contains one of: a
//! place where a starting literal stands is tried only when a word of one of its branches
//! stands after it in the part (profiled: 0.4% of the anchored searches matched). A pattern
//! without a starting or an ending literal ("^\s*mijn zorg is", "... zorg$") is gated by
//! the words every match of it contains instead.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind, Look};
use std::collections::HashMap;
use std::sync::Arc;

/// The literals of a set of patterns, in one automaton.
#[derive(Debug, Clone)]
pub struct Gate {
    ac: Option<AhoCorasick>,
    /// For each literal of the automaton, the patterns that need it. Half `i` is pattern
    /// `i`'s starting literals, half `patterns + i` its ending ones; the halves after those
    /// are words branches contain (see [`Owner::words`]).
    owners: Vec<Vec<Owner>>,
    patterns: usize,
    /// Patterns without a usable literal (a bit each): always run.
    always_bits: Vec<u64>,
    /// How many halves: the patterns' two sides and the sets of branch words.
    halves: usize,
    /// For each pattern that lacks a starting or an ending literal, the half of words every
    /// match of it contains one of ([`ANY_BRANCH`]: none).
    words_of: Arc<Vec<u32>>,
}

/// A pattern side that needs a literal of the automaton.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Owner {
    half: u32,
    /// The word boundary that must stand at the literal's start, and at its end.
    start_b: Edge,
    end_b: Edge,
    /// For a starting literal of an alternation: the half of the words of the branches that
    /// may start with this literal (every match of such a branch contains one of them).
    /// [`ANY_BRANCH`] when one of those branches has no such words, or the pattern is no
    /// alternation: the literal alone decides.
    words: u32,
}

const ANY_BRANCH: u32 = u32::MAX;

/// Which patterns may match one text (a bit per pattern), and where their literals stand.
/// The default rules nothing out.
#[derive(Debug, Clone, Default)]
pub struct Seen {
    /// How many patterns: bit `i` stands for the literals pattern `i` starts with, bit
    /// `patterns + i` for those it ends with.
    patterns: usize,
    /// Whether a scan filled this: one that did not (the default) rules nothing out.
    scanned: bool,
    /// Patterns that may match the whole scanned text: literal and boundaries found.
    whole: Vec<u64>,
    /// Patterns that always run.
    always: Vec<u64>,
    /// Each literal found, with the word boundaries its pattern needs; grouped by side, in
    /// order of start within a side.
    hits: Vec<Hit>,
    /// Where each side's hits begin in `hits` (side `h`'s are `first[h]..first[h + 1]`).
    first: Vec<u32>,
    /// The gate's [`Gate::words_of`].
    words_of: Arc<Vec<u32>>,
}

/// Small (offsets of a text the gate scans fit 32 bits, see [`Gate::scan`]): a sentence
/// has hundreds of hits.
#[derive(Debug, Clone, Copy)]
struct Hit {
    slot: u32,
    start: u32,
    end: u32,
    /// See [`Owner::words`].
    words: u32,
    /// The word boundary the pattern needs at the literal's start (end) holds in the
    /// scanned text, or the pattern needs none.
    start_ok: bool,
    end_ok: bool,
}

impl Seen {
    /// Whether pattern `slot` may match the scanned text: literals it starts with and
    /// literals it ends with found, with their boundaries.
    pub fn may(&self, slot: usize) -> bool {
        !self.scanned || (bit(&self.whole, slot) && bit(&self.whole, self.patterns + slot))
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
        self.half_in(slot, range.clone())
            && self.half_in(self.patterns + slot, range.clone())
            && self.words_in(slot, range)
    }

    /// Whether a word every match of pattern `slot` contains one of stands inside `range`
    /// (true when the gate knows no such words).
    fn words_in(&self, slot: usize, range: std::ops::Range<usize>) -> bool {
        match self.words_of.get(slot) {
            Some(&half) if half != ANY_BRANCH => {
                self.hits_in(half as usize, range).next().is_some()
            }
            _ => true,
        }
    }

    /// Where a match of pattern `slot` in the part `range` may start: the places, in order, of
    /// the literals every match of it starts with (with the boundaries they need), so that a
    /// regex anchored at each of them finds what a search of the whole part finds. `None` when
    /// the pattern starts with no literal the gate knows: it may start anywhere.
    pub fn starts_in(&self, slot: usize, range: std::ops::Range<usize>) -> Option<Vec<usize>> {
        if !self.scanned || bit(&self.always, slot) {
            return None;
        }
        let end = range.end;
        let mut starts: Vec<usize> = self
            .hits_in(slot, range)
            .filter(|h| self.a_branch_may_start(h, end))
            .map(|h| h.start as usize)
            .collect();
        // Hits are in order of start; two literals may start at one place.
        starts.dedup();
        Some(starts)
    }

    /// Whether a word of a branch that may start with the starting literal `h` stands between
    /// that literal and `end` (where a match starting there must lie).
    fn a_branch_may_start(&self, h: &Hit, end: usize) -> bool {
        h.words == ANY_BRANCH
            || self
                .hits_in(h.words as usize, h.start as usize..end)
                .next()
                .is_some()
    }

    fn half_in(&self, half: usize, range: std::ops::Range<usize>) -> bool {
        !self.scanned || bit(&self.always, half) || self.hits_in(half, range).next().is_some()
    }

    /// The literals of side `half` found inside `range`, with the word boundaries they need
    /// (at the edges of the part a boundary always holds for a regex run on the part alone).
    /// A side's hits are one run of `hits`, in order of start: those inside the part are
    /// found by binary search in that run.
    fn hits_in(&self, half: usize, range: std::ops::Range<usize>) -> impl Iterator<Item = &Hit> {
        let side = match (self.first.get(half), self.first.get(half + 1)) {
            (Some(&from), Some(&to)) => self.hits.get(from as usize..to as usize),
            _ => None,
        }
        .unwrap_or_default();
        let first = side.partition_point(|h| (h.start as usize) < range.start);
        side[first..]
            .iter()
            .take_while(move |h| (h.start as usize) < range.end)
            .filter(move |h| {
                let (start, end) = (h.start as usize, h.end as usize);
                range.start <= start
                    && end <= range.end
                    && (h.start_ok || start == range.start)
                    && (h.end_ok || end == range.end)
            })
    }
}

/// A word boundary a pattern needs at the edge of a literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edge {
    None,
    /// `\b`: a Unicode word character on one side only.
    Unicode,
    /// `(?-u:\b)`: an ASCII word character on one side only. The lexicon turns most of its
    /// boundaries ASCII (see `position::lexicon`); next to "ë" this one holds where the
    /// Unicode one does not, so the gate must ask for the one the pattern has.
    Ascii,
}

impl Edge {
    /// Whether this boundary holds at byte `at` of `text`; `unicode` is whether the Unicode
    /// one does (found once for every pattern that shares the literal).
    fn holds(self, text: &str, at: usize, unicode: bool) -> bool {
        match self {
            Edge::None => true,
            Edge::Unicode => unicode,
            Edge::Ascii => ascii_boundary(text.as_bytes(), at),
        }
    }
}

/// Whether an ASCII word boundary (`(?-u:\b)`) stands at byte `at` of `text`.
fn ascii_boundary(text: &[u8], at: usize) -> bool {
    let word = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    let before = at.checked_sub(1).and_then(|i| text.get(i));
    word(before) != word(text.get(at))
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

/// The word boundary every match of `hir` starts (`end` false) or ends (`end` true) with:
/// `\b` or `(?-u:\b)`, the same in every branch; [`Edge::None`] otherwise.
fn bounded(hir: &Hir, end: bool) -> Edge {
    match hir.kind() {
        HirKind::Look(Look::WordUnicode) => Edge::Unicode,
        HirKind::Look(Look::WordAscii) => Edge::Ascii,
        HirKind::Concat(parts) => {
            let edge = if end { parts.last() } else { parts.first() };
            edge.map_or(Edge::None, |h| bounded(h, end))
        }
        HirKind::Alternation(branches) => {
            let mut kinds = branches.iter().map(|h| bounded(h, end));
            let first = kinds.next().unwrap_or(Edge::None);
            if kinds.all(|k| k == first) {
                first
            } else {
                Edge::None
            }
        }
        HirKind::Capture(c) => bounded(&c.sub, end),
        _ => Edge::None,
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
    /// The word boundary that must stand before it, and after it.
    start_b: Edge,
    end_b: Edge,
}

/// The literals every match of `pattern` starts with, and those every match ends with;
/// `None` for a side without a finite set of non-empty literals.
fn literals(pattern: &str) -> [Option<Vec<Required>>; 2] {
    // Parsed as regex parses it by default (Unicode on, case-sensitive).
    match regex_syntax::parse(pattern) {
        Ok(hir) => literals_of(&hir),
        Err(_) => [None, None],
    }
}

/// [`literals`] of a parsed pattern.
fn literals_of(hir: &Hir) -> [Option<Vec<Required>>; 2] {
    let (opens, closes) = (bounded(hir, false), bounded(hir, true));
    [true, false].map(|prefix| {
        let kind = if prefix {
            ExtractKind::Prefix
        } else {
            ExtractKind::Suffix
        };
        let seq = Extractor::new().kind(kind).extract(hir);
        let lits = seq.literals()?;
        if lits.is_empty() || lits.iter().any(|l| l.as_bytes().is_empty()) {
            return None;
        }
        Some(
            lits.iter()
                .map(|l| Required {
                    bytes: l.as_bytes().to_vec(),
                    // A prefix starts the match, a suffix ends it; an exact literal is all of it.
                    start_b: if prefix || l.is_exact() {
                        opens
                    } else {
                        Edge::None
                    },
                    end_b: if !prefix || l.is_exact() {
                        closes
                    } else {
                        Edge::None
                    },
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
        let parsed: Vec<Option<Hir>> = patterns
            .iter()
            .map(|p| regex_syntax::parse(p).ok())
            .collect();
        Gate::of_parsed(&parsed)
    }

    /// [`Gate::new`] of patterns parsed already (as regex parses them; `None`: a pattern that
    /// did not parse, which always runs).
    pub fn of_parsed(patterns: &[Option<Hir>]) -> Gate {
        let mut build = Build::default();
        let mut always = Vec::new();
        let n = patterns.len();
        // The words of branches get the halves after the patterns' own.
        build.next_half = 2 * n;
        for (slot, hir) in patterns.iter().enumerate() {
            // A literal with a space could appear in a text only after parts of it were
            // blanked to spaces; the extractor scans a sentence once, before that (see
            // `Seen::may_in`), so such a side does not gate.
            let sides = hir
                .as_ref()
                .map_or([None, None], literals_of)
                .map(|l| l.filter(|l| l.iter().all(|l| !l.bytes.contains(&b' '))));
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
            let branches = hir.as_ref().map(branches_of).unwrap_or_default();
            let words = hir
                .as_ref()
                .filter(|_| sides.iter().any(Option::is_none))
                .and_then(contained)
                .filter(|w| good_words(w));
            let words = words.map_or(ANY_BRANCH, |w| build.word_half(w));
            build.words_of.push(words);
            for (side, lits) in sides.into_iter().enumerate() {
                let half = side * n + slot;
                let Some(lits) = lits else {
                    always.push(half);
                    continue;
                };
                for l in lits {
                    let words = if side == 0 {
                        build.words_of_branches_starting_with(&l.bytes, &branches)
                    } else {
                        ANY_BRANCH
                    };
                    build.own(
                        l.bytes,
                        Owner {
                            half: half_u32(half),
                            start_b: l.start_b,
                            end_b: l.end_b,
                            words,
                        },
                    );
                }
            }
        }
        let Build {
            literals,
            owners,
            words_of,
            next_half,
            ..
        } = build;
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
            halves: next_half,
            words_of: Arc::new(words_of),
        }
    }

    /// The patterns that may match `text` or parts of it (see [`Seen::may_in`]).
    pub fn scan(&self, text: &str) -> Seen {
        let mut whole = self.always_bits.clone();
        let mut hits = Vec::new();
        // Offsets are kept in 32 bits; a longer text (no sentence is) is not gated.
        let Some(ac) = self
            .ac
            .as_ref()
            .filter(|_| u32::try_from(text.len()).is_ok())
        else {
            return Seen::default();
        };
        for m in ac.find_overlapping_iter(text) {
            let (at_start, at_end) = (boundary(text, m.start()), boundary(text, m.end()));
            let (start, end) = (m.start(), m.end());
            for o in &self.owners[m.pattern().as_usize()] {
                let hit = Hit {
                    slot: o.half,
                    start: start as u32,
                    end: end as u32,
                    words: o.words,
                    start_ok: o.start_b.holds(text, start, at_start),
                    end_ok: o.end_b.holds(text, end, at_end),
                };
                if hit.start_ok && hit.end_ok {
                    set(&mut whole, o.half as usize);
                }
                hits.push(hit);
            }
        }
        let (hits, first) = by_side(hits, self.halves);
        Seen {
            patterns: self.patterns,
            scanned: true,
            whole,
            always: self.always_bits.clone(),
            hits,
            first,
            words_of: Arc::clone(&self.words_of),
        }
    }
}

/// `hits` grouped by side (a counting sort: a sentence has hundreds of hits and a gate a few
/// thousand sides; profiled, sorting them by side and start was 5% of `kst extract`), each
/// side's in order of start, with where each side's run begins (one more entry than `halves`).
fn by_side(hits: Vec<Hit>, halves: usize) -> (Vec<Hit>, Vec<u32>) {
    let mut first = vec![0u32; halves + 1];
    for h in &hits {
        if let Some(n) = first.get_mut(h.slot as usize) {
            *n += 1;
        }
    }
    // `first[h]` becomes where side `h`'s run ends, then (filled from the back) where it begins.
    let mut total = 0;
    for n in first.iter_mut() {
        total += *n;
        *n = total;
    }
    let mut grouped = hits.clone();
    for h in hits.into_iter().rev() {
        if let Some(at) = first.get_mut(h.slot as usize) {
            *at -= 1;
            grouped[*at as usize] = h;
        }
    }
    // The automaton reports literals in order of their end; a side with literals of different
    // lengths may have them out of order of start.
    for (side, from) in first.iter().enumerate().take(halves) {
        let to = first.get(side + 1).copied().unwrap_or(total);
        if to - from > 1 {
            grouped[*from as usize..to as usize].sort_by_key(|h| h.start);
        }
    }
    (grouped, first)
}

/// A half's number as a hit keeps it (a gate has a few thousand).
fn half_u32(half: usize) -> u32 {
    u32::try_from(half).unwrap_or(ANY_BRANCH - 1)
}

/// The literals and owners of a gate as it is built.
#[derive(Default)]
struct Build {
    index: HashMap<Vec<u8>, usize>,
    literals: Vec<Vec<u8>>,
    owners: Vec<Vec<Owner>>,
    /// The half given to each set of branch words, so that the starting literals whose
    /// branches have the same words share one.
    word_halves: HashMap<Vec<Vec<u8>>, u32>,
    next_half: usize,
    /// See [`Gate::words_of`].
    words_of: Vec<u32>,
}

impl Build {
    fn own(&mut self, literal: Vec<u8>, owner: Owner) {
        let at = match self.index.get(&literal) {
            Some(&at) => at,
            None => {
                self.literals.push(literal.clone());
                self.owners.push(Vec::new());
                self.index.insert(literal, self.literals.len() - 1);
                self.literals.len() - 1
            }
        };
        if !self.owners[at].contains(&owner) {
            self.owners[at].push(owner);
        }
    }

    /// The half of the words of every branch whose own starting literals agree with a
    /// pattern's starting literal `start` (one is a prefix of the other: a match of that
    /// branch could start where `start` stands). `ANY_BRANCH` when the pattern has no
    /// branches or one of those branches has no words.
    fn words_of_branches_starting_with(&mut self, start: &[u8], branches: &[Branch]) -> u32 {
        if branches.is_empty() {
            return ANY_BRANCH;
        }
        let mut words: Vec<Vec<u8>> = Vec::new();
        for b in branches {
            let agrees = b.starts.as_ref().is_none_or(|starts| {
                starts
                    .iter()
                    .any(|s| s.starts_with(start) || start.starts_with(s))
            });
            if !agrees {
                continue;
            }
            let Some(own) = &b.words else {
                return ANY_BRANCH;
            };
            words.extend(own.iter().cloned());
        }
        words.sort();
        words.dedup();
        self.word_half(words)
    }

    /// The half of a set of words (sorted), given at its first use.
    fn word_half(&mut self, words: Vec<Vec<u8>>) -> u32 {
        if let Some(&half) = self.word_halves.get(&words) {
            return half;
        }
        let half = half_u32(self.next_half);
        self.next_half += 1;
        for w in &words {
            self.own(
                w.clone(),
                Owner {
                    half,
                    start_b: Edge::None,
                    end_b: Edge::None,
                    words: ANY_BRANCH,
                },
            );
        }
        self.word_halves.insert(words, half);
        half
    }
}

/// One branch of a pattern that is an alternation.
struct Branch {
    /// Literals every match of the branch starts with (`None`: unknown).
    starts: Option<Vec<Vec<u8>>>,
    /// Words of which every match of the branch contains one (`None`: none good enough).
    words: Option<Vec<Vec<u8>>>,
}

/// The branches of a pattern that is an alternation, also when its parser lifted a prefix
/// all branches share (`\b(?:a|b)` for `\ba|\bb`); none for any other pattern.
fn branches_of(hir: &Hir) -> Vec<Branch> {
    let (shared, alternatives): (&[Hir], &[Hir]) = match hir.kind() {
        HirKind::Alternation(alts) => (&[], alts),
        HirKind::Concat(parts) => match parts.split_last() {
            Some((last, shared)) => match last.kind() {
                HirKind::Alternation(alts) => (shared, alts),
                _ => return Vec::new(),
            },
            None => return Vec::new(),
        },
        _ => return Vec::new(),
    };
    alternatives
        .iter()
        .map(|alt| {
            let whole = Hir::concat(shared.iter().cloned().chain([alt.clone()]).collect());
            let [starts, _] = literals_of(&whole);
            Branch {
                starts: starts.map(|s| s.into_iter().map(|r| r.bytes).collect()),
                words: contained(alt).filter(|w| good_words(w)),
            }
        })
        .collect()
}

/// Branch words shorter than this many bytes are in too many clauses to rule a place out.
const WORD_LITERAL: usize = 3;

/// Words that can gate: none too short, none with a space (see [`Gate::new`]).
fn good_words(words: &[Vec<u8>]) -> bool {
    words
        .iter()
        .all(|w| w.len() >= WORD_LITERAL && !w.contains(&b' '))
}

/// Literals of which every match of `hir` contains one (anywhere in it); `None` when no such
/// set is known. Of a concatenation's parts, the set whose shortest literal is longest.
fn contained(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Literal(l) => Some(vec![l.0.to_vec()]),
        HirKind::Capture(c) => contained(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => contained(&r.sub),
        HirKind::Concat(parts) => parts.iter().filter_map(contained).max_by_key(|set| {
            let shortest = set.iter().map(Vec::len).min().unwrap_or(0);
            (shortest, std::cmp::Reverse(set.len()))
        }),
        HirKind::Alternation(alts) => {
            let mut all = Vec::new();
            for a in alts {
                all.extend(contained(a)?);
            }
            all.sort();
            all.dedup();
            Some(all)
        }
        _ => None,
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
    fn an_ascii_word_boundary_is_asked_for_as_the_pattern_has_it() {
        let re = r"(?-u:\b)(?:acht|vindt)(?-u:\b)";
        let g = Gate::new(&[re]);
        let regex = Regex::new(re).expect("valid");
        // Inside a word: ruled out, as the regex finds nothing.
        let t = "de verwachting";
        assert!(!g.scan(t).may(0) && !regex.is_match(t));
        // After "ë" an ASCII boundary stands where a Unicode one does not: the gate must
        // let the pattern run, for it matches.
        let t = "financiëacht";
        assert!(g.scan(t).may(0) && regex.is_match(t));
        let t = "dat acht ik";
        assert!(g.scan(t).may(0) && regex.is_match(t));
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

    #[test]
    fn a_branch_is_tried_only_where_a_word_it_contains_follows_its_start() {
        let re = r"\b(?:gaan|gaat)\s+(?:\S+\s+){0,3}?onderzoeken\b|\bzullen\s+(?:\S+\s+){0,3}?uitvoeren\b";
        let g = Gate::new(&[re]);
        let t = "wij zullen het onderzoeken en gaan het uitvoeren";
        // "zullen" at 4 has "uitvoeren" after it; "gaan" at 30 has no "onderzoeken" after it.
        assert_eq!(g.scan(t).starts_in(0, 0..t.len()), Some(vec![4]));
        // Where the word lies outside the part, the start is not tried either.
        assert_eq!(g.scan(t).starts_in(0, 0..26), Some(vec![]));
        let t = "hij gaat dat onderzoeken";
        assert_eq!(g.scan(t).starts_in(0, 0..t.len()), Some(vec![4]));
        assert!(Regex::new(re).is_ok_and(|r| r.is_match(t)));
    }

    #[test]
    fn a_side_with_literals_of_different_lengths_lists_its_places_in_order_of_start() {
        // The automaton reports "al" (1..3, inside "zalig") before "zalig" (0..5): it goes by
        // where a literal ends. The places a match may start still come out in order of
        // start, each once, without the one inside a word.
        let re = r"\b(?:zalig|al)\s+(?:\S+\s+){0,3}?na\b";
        let g = Gate::new(&[re]);
        let t = "zalig is al na";
        let s = g.scan(t);
        assert_eq!(s.starts_in(0, 0..t.len()), Some(vec![0, 9]));
        // At the edge of a part a regex run on the part alone sees a boundary.
        assert_eq!(s.starts_in(0, 1..t.len()), Some(vec![1, 9]));
        assert_eq!(s.starts_in(0, 2..t.len()), Some(vec![9]));
        let found: Vec<usize> = Regex::new(re)
            .expect("valid")
            .find_iter(t)
            .map(|m| m.start())
            .collect();
        assert_eq!(found, vec![0]);
    }

    #[test]
    fn hits_are_grouped_by_side_and_ordered_by_start_within_one() {
        let hit = |slot, start, end| Hit {
            slot,
            start,
            end,
            words: ANY_BRANCH,
            start_ok: true,
            end_ok: true,
        };
        // In order of end, as the automaton reports them.
        let hits = vec![hit(2, 5, 7), hit(0, 1, 8), hit(2, 0, 9), hit(0, 8, 10)];
        let (grouped, first) = by_side(hits, 4);
        assert_eq!(first, vec![0, 2, 2, 4, 4]);
        let places: Vec<(u32, u32)> = grouped.iter().map(|h| (h.slot, h.start)).collect();
        assert_eq!(places, vec![(0, 1), (0, 8), (2, 0), (2, 5)]);
    }

    #[test]
    fn a_pattern_without_a_starting_literal_is_gated_by_the_words_it_contains() {
        let re = r"^\s*mijn\s+zorg\s+is\b|\bzorg\s*$";
        let g = Gate::new(&[re]);
        let t = "het weer is mooi";
        assert!(!g.scan(t).may_in(0, 0..t.len()));
        let t = "mijn zorg is groot";
        assert!(g.scan(t).may_in(0, 0..t.len()) && !g.scan(t).may_in(0, 10..t.len()));
        assert_eq!(
            g.scan(t).starts_in(0, 0..t.len()),
            None,
            "may start anywhere"
        );
    }
}
