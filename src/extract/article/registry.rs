//! The instrument registry: which names and abbreviations mean which legal instrument, and
//! how to link to one of its units.
//!
//! The registry is data (`data/instruments.toml`, bundled with `include_str!`), so a user adds
//! an instrument without touching code; [`Registry::with_overrides`] merges a user's file over
//! the bundled one. What can be computed is not listed: an EU act named by its number
//! ("Richtlijn (EU) 2016/680", "Verordening (EG) nr. 1049/2001", "COM(2021) 206") gets its
//! CELEX id from [`celex_at`], whether or not an entry lists it.

use crate::error::Error;
use crate::record::Unit;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::Regex;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// The bundled registry, and the name it is reported under in errors.
pub const BUNDLED: &str = include_str!("../../../data/instruments.toml");
pub const BUNDLED_PATH: &str = "data/instruments.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    instrument: Vec<RawEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    key: String,
    id: Option<String>,
    short: String,
    #[serde(default)]
    kinds: Vec<String>,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    abbreviations: Vec<String>,
    #[serde(default)]
    shared_abbreviations: Vec<String>,
    #[serde(default)]
    reference_abbreviations: Vec<String>,
    #[serde(default)]
    topics: Vec<String>,
    #[serde(default)]
    generic_names: Vec<String>,
    #[serde(default = "yes")]
    unit_anchors: bool,
    #[serde(default)]
    dated_names: Vec<String>,
    draft: Option<String>,
    draft_before: Option<String>,
    #[serde(default)]
    books: BTreeMap<String, String>,
    #[serde(default)]
    colon_numbers: bool,
    #[serde(default)]
    plain_numbers: bool,
    #[serde(default)]
    dotted_numbers: bool,
    #[serde(default)]
    roman_numbers: bool,
    #[serde(default)]
    letter_numbers: bool,
    #[serde(default)]
    examples: Vec<String>,
}

fn yes() -> bool {
    true
}

/// One instrument of the registry.
#[derive(Debug, Clone)]
pub struct Instrument {
    pub key: String,
    pub id: Option<String>,
    pub short: String,
    pub kinds: Vec<String>,
    pub unit_anchors: bool,
    /// The entry the dated names mean before `draft_before`.
    pub draft: Option<usize>,
    pub draft_before: Option<String>,
    /// Book number → entry ("6" → Boek 6 BW).
    pub books: Vec<(String, usize)>,
    /// The book number when this entry is one book of a family ("6" for Boek 6 BW): its own
    /// text numbers "6:162" as article 162, so links drop the prefix. Other colon numbers
    /// ("4:25" Awb, "1:1" Wft) are the article's own label and stay whole.
    pub book: Option<String>,
    /// Articles are numbered chapter:number ("4:84" Awb, "1:1" Wft, "6:162" BW): a bare
    /// "artikel 3.14" cannot be one of them.
    pub colon_numbers: bool,
    /// Articles numbered 1, 2, 3a, never chapter.number: a bare "artikel 1.2" is not one of
    /// them.
    pub plain_numbers: bool,
    /// Articles numbered chapter.number throughout (the Woo's "5.1", the Omgevingswet's
    /// "4.3"): a bare "artikel 68" is not one of them.
    pub dotted_numbers: bool,
    /// An amending act, whose articles are numbered I, II (the Deltawet): a Roman-numbered
    /// article referred back to may be one of them, and of no other Dutch act.
    pub roman_numbers: bool,
    /// Articles numbered by a chapter's letter ("J 15" of the Kieswet): a bare "artikel 8" is
    /// not one of them, and "artikel Z 8" one of no other act.
    pub letter_numbers: bool,
    pub examples: Vec<String>,
    /// Every name and abbreviation, with whether it is one of the dated names.
    pub names: Vec<(String, bool)>,
    /// Another entry's abbreviations that mean this one in a text naming this one in full
    /// and not the other ("Wpg": the Wet politiegegevens, but the Wet publieke gezondheid in
    /// a letter that names only the latter).
    pub shared_abbreviations: Vec<String>,
    /// Words of this entry's field (lower case): where a text names neither entry that
    /// shares an abbreviation in full, the entry whose words the text uses more often is the
    /// one meant ("artikel 58c Wpg" in a letter on the GGD's infectious-disease control).
    pub topics: Vec<String>,
    /// The line of the entry in its file, for error messages and test failures.
    pub line: usize,
}

/// A registry name found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameHit {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
    /// The name is one of the entry's `dated_names`.
    pub dated: bool,
    /// The name is one of the entry's `generic_names`.
    pub generic: bool,
}

/// All instruments with a compiled name matcher.
pub struct Registry {
    instruments: Vec<Instrument>,
    /// Full names, ASCII-case-insensitive.
    names: AhoCorasick,
    name_targets: Vec<(usize, bool)>,
    /// Per name pattern: one of an entry's `generic_names`.
    generic: Vec<bool>,
    /// Abbreviations, case-sensitive.
    abbrevs: AhoCorasick,
    abbrev_targets: Vec<(usize, bool)>,
    /// Abbreviations (by pattern) that name the entry only as the instrument of an article
    /// reference (`reference_abbreviations`).
    reference_only: Vec<bool>,
    by_id: HashMap<String, usize>,
    /// Abbreviation → the entry that shares it (`shared_abbreviations`).
    shared: HashMap<String, usize>,
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Registry")
            .field("instruments", &self.instruments.len())
            .finish()
    }
}

impl Registry {
    /// The registry bundled with kst.
    pub fn bundled() -> crate::Result<Registry> {
        Registry::from_entries(
            parse(BUNDLED, Path::new(BUNDLED_PATH))?,
            Path::new(BUNDLED_PATH),
        )
    }

    /// The bundled registry with the entries of a user's file merged over it: an entry with a
    /// bundled key replaces that entry, others are added.
    pub fn with_overrides(path: &Path) -> crate::Result<Registry> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let mut entries = parse(BUNDLED, Path::new(BUNDLED_PATH))?;
        for e in parse(&text, path)? {
            match entries.iter_mut().find(|(b, _)| b.key == e.0.key) {
                Some(slot) => *slot = e,
                None => entries.push(e),
            }
        }
        Registry::from_entries(entries, path)
    }

    /// A registry from one file's text only (tests, tools).
    pub fn from_toml(text: &str, path: &Path) -> crate::Result<Registry> {
        Registry::from_entries(parse(text, path)?, path)
    }

    fn from_entries(entries: Vec<(RawEntry, usize)>, path: &Path) -> crate::Result<Registry> {
        let data_err = |line: usize, reason: String| Error::Data {
            path: PathBuf::from(path),
            line,
            reason,
        };
        let mut keys: HashMap<String, usize> = HashMap::new();
        for (i, (e, line)) in entries.iter().enumerate() {
            if keys.insert(e.key.clone(), i).is_some() {
                return Err(data_err(*line, format!("duplicate key {:?}", e.key)));
            }
        }
        let mut instruments = Vec::new();
        let mut by_id = HashMap::new();
        let mut name_patterns: Vec<String> = Vec::new();
        let mut name_targets = Vec::new();
        let mut generic = Vec::new();
        let mut abbrev_patterns: Vec<String> = Vec::new();
        let mut abbrev_targets = Vec::new();
        let mut reference_only = Vec::new();
        for (i, (e, line)) in entries.iter().enumerate() {
            if let Some(id) = &e.id {
                if !valid_id(id) {
                    return Err(data_err(
                        *line,
                        format!(
                            "{}: id {id:?} is neither celex:{{CELEX}} nor bwb:BWB[RV]{{7 digits}}",
                            e.key
                        ),
                    ));
                }
                if by_id.insert(id.clone(), i).is_some() {
                    return Err(data_err(
                        *line,
                        format!("{}: id {id} is listed twice", e.key),
                    ));
                }
            } else if e.books.is_empty() {
                return Err(data_err(
                    *line,
                    format!("{}: an entry needs an id (or books)", e.key),
                ));
            }
            let lookup = |k: &String| {
                keys.get(k)
                    .copied()
                    .ok_or_else(|| data_err(*line, format!("{}: unknown entry {k:?}", e.key)))
            };
            let draft = e.draft.as_ref().map(lookup).transpose()?;
            if draft.is_some() != e.draft_before.is_some()
                || (!e.dated_names.is_empty() && draft.is_none())
            {
                return Err(data_err(
                    *line,
                    format!("{}: dated_names, draft and draft_before go together", e.key),
                ));
            }
            if let Some(d) = &e.draft_before {
                if crate::extract::dates::parse_iso(d).is_none() {
                    return Err(data_err(
                        *line,
                        format!("{}: draft_before {d:?} is not YYYY-MM-DD", e.key),
                    ));
                }
            }
            let books = e
                .books
                .iter()
                .map(|(n, k)| Ok((n.clone(), lookup(k)?)))
                .collect::<crate::Result<Vec<_>>>()?;
            for n in &e.names {
                check_name(n).map_err(|r| data_err(*line, format!("{}: {r}", e.key)))?;
                name_patterns.push(n.clone());
                name_targets.push((i, false));
                generic.push(false);
            }
            for n in &e.dated_names {
                check_name(n).map_err(|r| data_err(*line, format!("{}: {r}", e.key)))?;
                name_patterns.push(n.clone());
                name_targets.push((i, true));
                generic.push(false);
            }
            for n in &e.generic_names {
                check_name(n).map_err(|r| data_err(*line, format!("{}: {r}", e.key)))?;
                name_patterns.push(n.clone());
                name_targets.push((i, false));
                generic.push(true);
            }
            // An act's abbreviation ("MiCA", "DSA") is no number: written before the act was
            // adopted, it can only mean the Commission's proposal, as the dated names do.
            for (n, only) in e
                .abbreviations
                .iter()
                .map(|n| (n, false))
                .chain(e.reference_abbreviations.iter().map(|n| (n, true)))
            {
                check_name(n).map_err(|r| data_err(*line, format!("{}: {r}", e.key)))?;
                abbrev_patterns.push(n.clone());
                abbrev_targets.push((i, draft.is_some()));
                reference_only.push(only);
            }
            instruments.push(Instrument {
                key: e.key.clone(),
                id: e.id.clone(),
                short: e.short.clone(),
                kinds: e.kinds.clone(),
                unit_anchors: e.unit_anchors,
                draft,
                draft_before: e.draft_before.clone(),
                colon_numbers: e.colon_numbers || !books.is_empty(),
                plain_numbers: e.plain_numbers,
                dotted_numbers: e.dotted_numbers,
                roman_numbers: e.roman_numbers,
                letter_numbers: e.letter_numbers,
                books,
                book: None,
                examples: e.examples.clone(),
                shared_abbreviations: e.shared_abbreviations.clone(),
                topics: e.topics.iter().map(|t| t.to_lowercase()).collect(),
                names: e
                    .names
                    .iter()
                    .map(|n| (n.clone(), false))
                    .chain(e.dated_names.iter().map(|n| (n.clone(), true)))
                    .chain(e.generic_names.iter().map(|n| (n.clone(), false)))
                    .chain(e.abbreviations.iter().map(|n| (n.clone(), draft.is_some())))
                    .collect(),
                line: *line,
            });
        }
        // A shared abbreviation must be another entry's own.
        let mut shared = HashMap::new();
        for (e, inst) in instruments.iter().enumerate() {
            for a in &inst.shared_abbreviations {
                if !abbrev_patterns.contains(a)
                    || abbrev_targets
                        .iter()
                        .zip(&abbrev_patterns)
                        .any(|((o, _), p)| *o == e && p == a)
                {
                    return Err(data_err(
                        inst.line,
                        format!(
                            "{}: shared abbreviation {a:?} is not another entry's abbreviation",
                            inst.key
                        ),
                    ));
                }
                shared.insert(a.clone(), e);
            }
        }
        let members: Vec<(String, usize)> =
            instruments.iter().flat_map(|i| i.books.clone()).collect();
        for (n, e) in members {
            instruments[e].book = Some(n);
            instruments[e].colon_numbers = true;
        }
        // A full DFA where it can be built: it scans every letter once, faster than the
        // default NFA; what it finds is the same.
        let build = |patterns: &[String], ci: bool| {
            let builder = |kind| {
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(ci)
                    .match_kind(MatchKind::LeftmostLongest)
                    .kind(kind)
                    .build(patterns)
            };
            builder(Some(AhoCorasickKind::DFA))
                .or_else(|_| builder(None))
                .map_err(|e| data_err(0, format!("names do not compile: {e}")))
        };
        Ok(Registry {
            names: build(&name_patterns, true)?,
            name_targets,
            generic,
            abbrevs: build(&abbrev_patterns, false)?,
            abbrev_targets,
            reference_only,
            instruments,
            by_id,
            shared,
        })
    }

    pub fn instruments(&self) -> &[Instrument] {
        &self.instruments
    }

    pub fn get(&self, entry: usize) -> &Instrument {
        &self.instruments[entry]
    }

    pub fn by_id(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The one instrument of a kind, when the registry has exactly one ("handvest").
    pub fn only_of_kind(&self, kind: &str) -> Option<usize> {
        let mut of_kind = self
            .instruments
            .iter()
            .enumerate()
            .filter(|(_, i)| i.kinds.iter().any(|k| k == kind))
            .map(|(e, _)| e);
        match (of_kind.next(), of_kind.next()) {
            (Some(e), None) => Some(e),
            _ => None,
        }
    }

    pub fn by_key(&self, key: &str) -> Option<usize> {
        self.instruments.iter().position(|i| i.key == key)
    }

    /// Every registry name in `text` as a whole word, longest first where names overlap
    /// ("Uitvoeringswet AVG" rather than "AVG"), in text order.
    pub fn find_names(&self, text: &str) -> Vec<NameHit> {
        let mut hits: Vec<NameHit> = Vec::new();
        let mut full_names = 0;
        for (ac, targets, only, generic) in [
            (&self.names, &self.name_targets, None, Some(&self.generic)),
            (
                &self.abbrevs,
                &self.abbrev_targets,
                Some(&self.reference_only),
                None,
            ),
        ] {
            full_names = hits.len();
            // Where the last name inside a decree's title ended: a law joined to it by "en"
            // is in the title too ("Besluit uitvoering Pensioenwet en Wet verplichte
            // beroepspensioenregeling").
            let mut title_name_end: Option<usize> = None;
            for m in ac.find_iter(text) {
                // An abbreviation right after an article's number may open a compound: "artikel
                // 7 VEU-procedure" names the treaty of that article.
                // (`only` is set for the abbreviations only.)
                let compound_after_article = only.is_some()
                    && text[m.end()..].starts_with('-')
                    && !text[..m.start()]
                        .chars()
                        .next_back()
                        .is_some_and(joins_a_word)
                    && right_after_an_article_number(&text[..m.start()]);
                if is_word_bounded(text, m.start(), m.end()) || compound_after_article {
                    let (entry, dated) = targets[m.pattern().as_usize()];
                    let joined = title_name_end
                        .and_then(|e| text.get(e..m.start()))
                        .is_some_and(|gap| gap == " en ");
                    if joined || in_a_decree_title(&text[..m.start()]) {
                        title_name_end = Some(m.end());
                        continue;
                    }
                    if self.another_years_act(entry, &text[m.end()..]) {
                        continue;
                    }
                    let reference_only =
                        only.is_some_and(|o| o.get(m.pattern().as_usize()) == Some(&true));
                    if reference_only && !names_an_article(&text[..m.start()]) {
                        continue;
                    }
                    hits.push(NameHit {
                        start: m.start(),
                        end: m.end(),
                        entry,
                        dated,
                        generic: generic
                            .is_some_and(|g| g.get(m.pattern().as_usize()) == Some(&true)),
                    });
                }
            }
        }
        self.share_abbreviations(text, &mut hits, full_names);
        self.drop_generic_names(text, &mut hits);
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        let mut out: Vec<NameHit> = Vec::with_capacity(hits.len());
        for h in hits {
            if out.last().is_none_or(|l| h.start >= l.end) {
                out.push(h);
            }
        }
        out
    }

    /// Is a name followed by a year that none of its entry's names carry ("Politiewet 1993"
    /// where the entry is the Politiewet 2012, also called "Politiewet")? Then it names an
    /// earlier (or later) act of the same name, which is not this entry. An entry whose names
    /// hold no year at all is left alone: its name may be written with the year of its
    /// enactment that the registry does not spell out.
    fn another_years_act(&self, entry: usize, after: &str) -> bool {
        let rest = after.trim_start_matches([' ', '\u{a0}']);
        if rest.len() == after.len() {
            return false;
        }
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let bounded = rest[digits..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if digits != 4 || !bounded || !(rest.starts_with("19") || rest.starts_with("20")) {
            return false;
        }
        let year = &rest[..4];
        let mut years = self.instruments[entry]
            .names
            .iter()
            .flat_map(|(n, _)| n.split_whitespace())
            .filter(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .peekable();
        years.peek().is_some() && !years.any(|y| y == year)
    }

    /// Which entry a name means in a letter of `date`: a dated name means the draft before
    /// the entry's `draft_before`. `None` when the date is needed but unknown.
    pub fn era(&self, entry: usize, dated: bool, date: Option<&str>) -> Option<usize> {
        let inst = &self.instruments[entry];
        match (dated, inst.draft, inst.draft_before.as_deref()) {
            (true, Some(draft), Some(before)) => match date {
                Some(d) if d < before => Some(draft),
                Some(_) => Some(entry),
                None => None,
            },
            _ => Some(entry),
        }
    }

    /// Whether `entry` is the draft of an act adopted on or before `date`.
    pub fn superseded(&self, entry: usize, date: Option<&str>) -> bool {
        let Some(date) = date else {
            return false;
        };
        self.instruments
            .iter()
            .any(|i| i.draft == Some(entry) && i.draft_before.as_deref().is_some_and(|b| date >= b))
    }

    /// The entries a dated name of `entry` may mean: the entry itself and its draft.
    pub fn eras(&self, entry: usize) -> impl Iterator<Item = usize> {
        std::iter::once(entry).chain(self.instruments[entry].draft)
    }

    /// An abbreviation another entry shares (`shared_abbreviations`) means that entry where
    /// the text names it in full and never names the abbreviation's own entry in full, or
    /// names neither in full and speaks more of the sharing entry's field than of the own
    /// entry's (`topics`). `hits[..full_names]` are the full names found.
    fn share_abbreviations(&self, text: &str, hits: &mut [NameHit], full_names: usize) {
        let named = |e: usize, hits: &[NameHit]| hits[..full_names].iter().any(|h| h.entry == e);
        let mut lower: Option<String> = None;
        for i in full_names..hits.len() {
            let h = hits[i];
            if let Some(&other) = self.shared.get(&text[h.start..h.end]) {
                if other == h.entry || named(h.entry, hits) {
                    continue;
                }
                let mut topical = || {
                    let lower = lower.get_or_insert_with(|| text.to_lowercase());
                    let uses = |e: usize| -> usize {
                        let topics = &self.instruments[e].topics;
                        topics
                            .iter()
                            .map(|t| lower.matches(t.as_str()).count())
                            .sum()
                    };
                    uses(other) > uses(h.entry)
                };
                if named(other, hits) || topical() {
                    hits[i].entry = other;
                }
            }
        }
    }

    /// A generic name ("conceptverordening") means its entry only in a text that names no other
    /// proposal, by a registry name or a COM number: a fiche on another proposal calls that one
    /// so, and the word then refers back to it (see the generic words of `tail`).
    fn drop_generic_names(&self, text: &str, hits: &mut Vec<NameHit>) {
        static COM: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"\bCOM\s?\((\d{4})\)\s?(\d{1,4})\b").expect("valid regex")
        });
        if !hits.iter().any(|h| h.generic) {
            return;
        }
        let coms = |s: &str| -> Vec<(String, String)> {
            COM.captures_iter(s)
                .map(|c| (c[1].to_string(), c[2].to_string()))
                .collect()
        };
        let in_text = coms(text);
        let other_proposal = |e: usize| {
            let related = |x: usize| self.eras(e).any(|y| y == x) || self.eras(x).any(|y| y == e);
            let own: Vec<(String, String)> = self.instruments[e]
                .names
                .iter()
                .flat_map(|(n, _)| coms(n))
                .collect();
            hits.iter().any(|h| {
                !h.generic
                    && !related(h.entry)
                    && self.instruments[h.entry]
                        .kinds
                        .iter()
                        .any(|k| k == "voorstel")
            }) || in_text.iter().any(|c| !own.contains(c))
        };
        let drop: Vec<bool> = hits
            .iter()
            .map(|h| h.generic && other_proposal(h.entry))
            .collect();
        let mut k = 0;
        hits.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
    }

    /// Book `book` of the family of books that has one ("Boek 7": the BW's; the registry
    /// holds one such family).
    pub fn book_of_a_family(&self, book: u8) -> Option<usize> {
        let book = book.to_string();
        self.instruments
            .iter()
            .find_map(|i| i.books.iter().find(|(b, _)| *b == book).map(|(_, e)| *e))
    }

    /// The entry for a unit number where the entry is a family of books ("6:162" in the BW).
    pub fn book(&self, entry: usize, number: &str) -> usize {
        let inst = &self.instruments[entry];
        if let Some((book, _)) = number.split_once(':') {
            if let Some((_, e)) = inst.books.iter().find(|(b, _)| b == book) {
                return *e;
            }
        }
        entry
    }
}

/// Does the text end with an article's number and a space ("artikel 7 ", "art. 5:3 ")?
fn right_after_an_article_number(before: &str) -> bool {
    static NUMBER_END: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:artikel|art\.)\s+\d{1,4}[a-z]{0,3}(?:[.:]\d{1,4}[a-z]{0,3})?\s+$")
            .expect("valid regex")
    });
    NUMBER_END.is_match(crate::text::window_before(before, before.len(), 40))
}

/// Does the text before an abbreviation end in the article reference it names the
/// instrument of ("artikel 7, eerste lid, onder a, AKW", "de artikelen 12 en 13 van de AKW")?
fn names_an_article(before: &str) -> bool {
    static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i)(?:artikel(?:en)?|art\.)\s+\d[^;:!?()]{0,80}$").expect("valid regex")
    });
    static SENTENCE_END: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\p{Ll}{3}\.\s+\p{Lu}").expect("valid regex"));
    let window = crate::text::window_before(before, before.len(), 100);
    // The last reference head in the window: an earlier one may stand in a sentence before.
    let lower = window.to_ascii_lowercase();
    let at_word = |i: &usize| !lower[..*i].ends_with(|c: char| c.is_alphanumeric());
    let last = |word: &str| {
        lower
            .match_indices(word)
            .map(|(i, _)| i)
            .filter(at_word)
            .last()
    };
    let Some(head) = last("artikel").max(last("art.")) else {
        return false;
    };
    let reference = &window[head..];
    REFERENCE.is_match(reference) && !SENTENCE_END.is_match(reference)
}

/// Does a name stand inside the title of a decree or regulation made under it ("Besluit
/// uitvoering Pensioenwet en Wet verplichte beroepspensioenregeling", "Uitvoeringsregeling
/// Wet kinderopvang")? The title names another instrument than the law.
fn in_a_decree_title(before: &str) -> bool {
    const TITLES: [&str; 6] = [
        "Besluit uitvoering ",
        "Regeling uitvoering ",
        "Uitvoeringsbesluit ",
        "Uitvoeringsregeling ",
        "Besluit ",
        "Regeling ",
    ];
    TITLES.iter().any(|t| before.ends_with(t))
}

/// A deep link to a unit of the instrument `id`: EUR-Lex anchors for EU acts (when the text
/// has them), Juriconnect for Dutch law.
pub fn unit_link(
    id: &str,
    anchors: bool,
    unit: Unit,
    number: &str,
    paragraph: Option<&str>,
) -> Option<String> {
    if let Some(celex) = id.strip_prefix("celex:") {
        let base =
            format!("https://eur-lex.europa.eu/legal-content/NL/TXT/HTML/?uri=CELEX:{celex}");
        let anchor = match unit {
            Unit::Article => "art",
            Unit::Recital => "rct",
            Unit::Annex => "anx",
        };
        return Some(
            if anchors && !is_proposal(celex) && is_plain_number(number) {
                format!("{base}#{anchor}_{number}")
            } else {
                base
            },
        );
    }
    if let Some(bwb) = id.strip_prefix("bwb:") {
        // "4:25" (Awb) is the article's own label: Juriconnect takes it whole.
        return Some(match unit {
            Unit::Article if number.split(':').all(is_plain_number) => {
                let lid = paragraph
                    .filter(|p| p.chars().all(|c| c.is_ascii_digit()))
                    .map(|p| format!("&lid={p}"))
                    .unwrap_or_default();
                format!("https://wetten.overheid.nl/jci1.3:c:{bwb}&artikel={number}{lid}")
            }
            _ => format!("https://wetten.overheid.nl/{bwb}"),
        });
    }
    None
}

/// A Commission proposal ("52021PC0206", "52016PC0270"): EUR-Lex publishes proposals without
/// per-unit anchors, so a link to one of their units is a link to the document, whether or
/// not the registry lists the proposal.
pub fn is_proposal(celex: &str) -> bool {
    let b = celex.as_bytes();
    b.len() > 7 && b[0] == b'5' && b[1..5].iter().all(u8::is_ascii_digit) && &b[5..7] == b"PC"
}

fn is_plain_number(n: &str) -> bool {
    !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
}

/// An EU act named by its number at `pos`: (end of the name, CELEX id, kind word).
/// "Richtlijn (EU) 2016/680" → 32016L0680; "Verordening (EG) nr. 1049/2001" → 32001R1049;
/// "Richtlijn 95/46/EG" → 31995L0046; "COM(2021) 206" → 52021PC0206.
pub fn celex_at(text: &str, pos: usize) -> Option<(usize, String, &'static str)> {
    static ACT: LazyLock<Regex> = LazyLock::new(|| {
        // Also as the Commission's English gives them in a fiche's head: "Regulation (EU) No
        // 600/2014", "Directive (EU) 2019/1937".
        Regex::new(r"^(?i:(uitvoerings|gedelegeerde[ \n]+|implementing[ \n]+|delegated[ \n]+)?(verordening|richtlijn|besluit|kaderbesluit|beschikking|aanbeveling|gemeenschappelijk[ \n]+standpunt|regulation|directive|decision|recommendation))[ \n]*(?:\((?:EU|EG|EEG|EC|EEC|Euratom|GBVB|CFSP)(?:,[ \n]*Euratom)?\)[ \n]*)?((?i:nr\.|no\.?)[ \n]*)?(\d{1,4})/(\d{1,4})(?:/(?:EU|EG|EEG|EC|EEC|JBZ|JHA|GBVB|CFSP))?(?-u:\b)")
            .expect("valid regex")
    });
    static COM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^COM\s?\((\d{4})\)\s?(\d{1,4})(?-u:\b)").expect("valid regex")
    });
    let rest = text.get(pos..)?;
    if let Some(c) = COM.captures(rest) {
        let n: u32 = c[2].parse().ok()?;
        // A COM number is a proposal's ("PC") unless the words before it make it one of the
        // Commission's other papers, a communication or report ("DC": "de Mededeling over
        // een Europese datastrategie (COM(2022) 196)"), which has no articles.
        let before = crate::text::window_before(text, pos, 200);
        if !crate::extract::citation::ids::names_a_proposal(before) {
            return Some((
                pos + c[0].len(),
                format!("5{}DC{n:04}", &c[1]),
                "mededeling",
            ));
        }
        return Some((pos + c[0].len(), format!("5{}PC{n:04}", &c[1]), "voorstel"));
    }
    let c = ACT.captures(rest)?;
    // A name does not run across the blank line between two paragraphs.
    if c[0].contains("\n\n") {
        return None;
    }
    let kind = c[2].to_ascii_lowercase();
    let (sector_letter, kind_word) = match kind.as_str() {
        "verordening" | "regulation" => ('R', "verordening"),
        "richtlijn" | "directive" => ('L', "richtlijn"),
        "kaderbesluit" => ('F', "kaderbesluit"),
        // A recommendation ("Aanbeveling 94/1069/EG"): not binding, but numbered in articles.
        "aanbeveling" | "recommendation" => ('H', "aanbeveling"),
        // A common position of the CFSP ("Gemeenschappelijk Standpunt 2008/944/GBVB"): sector E.
        k if k.starts_with("gemeenschappelijk") => ('E', "standpunt"),
        // "besluit", and "beschikking", the name of a decision before the Lisbon Treaty.
        _ => ('D', "besluit"),
    };
    let (a, b) = (&c[4], &c[5]);
    let year_of = |s: &str| -> Option<u32> {
        let n: u32 = s.parse().ok()?;
        match s.len() {
            4 if (1950..=2100).contains(&n) => Some(n),
            2 => Some(if n >= 50 { 1900 + n } else { 2000 + n }),
            _ => None,
        }
    };
    // Regulations before 2015 are "nr. {number}/{year}"; everything else is "{year}/{number}"
    // ("richtlijn nr. 95/46/EG" too), except a decision of Parliament and Council numbered like
    // a regulation ("Besluit nr. 1982/2006/EG").
    let four_digit_year_last = b.len() == 4 && year_of(b).is_some();
    let number_first = match sector_letter {
        // "Verordening 1099/2009" without its "nr.": a first part that is no year is the number.
        'R' => {
            c.get(3).is_some() || (four_digit_year_last && (a.len() != 4 || year_of(a).is_none()))
        }
        'L' => false,
        _ => four_digit_year_last && (c.get(3).is_some() || year_of(a).is_none()),
    };
    let (year, number) = if number_first {
        (year_of(b)?, a.parse::<u32>().ok()?)
    } else {
        (year_of(a)?, b.parse::<u32>().ok()?)
    };
    Some((
        pos + c[0].len(),
        format!("3{year}{sector_letter}{number:04}"),
        kind_word,
    ))
}

/// Does `[start, end)` stand as a whole word? Hyphens join words ("AVG-toezicht" is not "AVG").
pub fn is_word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(joins_a_word) && !after.is_some_and(joins_a_word)
}

/// A character that continues a name it touches.
fn joins_a_word(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

fn valid_id(id: &str) -> bool {
    static ID: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(celex:[0-9CE][0-9]{4}[A-Z]{1,2}[0-9A-Z/()]+|bwb:BWB[RV][0-9]{7})$")
            .expect("valid regex")
    });
    ID.is_match(id)
}

fn check_name(n: &str) -> Result<(), String> {
    if n.trim().len() < 2 || n.trim() != n {
        return Err(format!("name {n:?} is too short or has outer spaces"));
    }
    Ok(())
}

/// Parse a registry file; each entry with the line its table starts on.
fn parse(text: &str, path: &Path) -> crate::Result<Vec<(RawEntry, usize)>> {
    let file: RawFile = toml::from_str(text).map_err(|e| Error::Data {
        path: PathBuf::from(path),
        line: e.span().map(|s| line_of(text, s.start)).unwrap_or(0),
        reason: e.message().to_string(),
    })?;
    // The lines that open a table (not a mention of one in a comment), in one pass.
    let mut starts = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "[[instrument]]")
        .map(|(i, _)| i + 1);
    Ok(file
        .instrument
        .into_iter()
        .map(|e| (e, starts.next().unwrap_or(0)))
        .collect())
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())]
        .bytes()
        .filter(|&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_registry_loads_and_ids_are_unique() {
        let r = Registry::bundled().expect("bundled registry");
        assert!(r.instruments().len() >= 25);
        for key in [
            "avg",
            "uavg",
            "wpg",
            "wjsg",
            "led",
            "ai-act-draft",
            "ai-act",
            "charter",
            "evrm",
            "grondwet",
            "awgb",
            "politiewet",
            "paspoortwet",
        ] {
            assert!(r.by_key(key).is_some(), "{key} missing");
        }
        assert_eq!(r.by_id("celex:32016R0679"), r.by_key("avg"));
    }

    #[test]
    fn each_entry_knows_the_line_its_table_starts_on() {
        let r = Registry::bundled().expect("bundled registry");
        let lines: Vec<&str> = BUNDLED.lines().collect();
        for inst in r.instruments() {
            let table = inst
                .line
                .checked_sub(1)
                .and_then(|i| lines.get(i))
                .copied()
                .unwrap_or_default();
            assert_eq!(
                table.trim(),
                "[[instrument]]",
                "{} at line {}",
                inst.key,
                inst.line
            );
            // The entry's key follows its table header before the next one starts.
            let key = format!("key = \"{}\"", inst.key);
            let entry = lines
                .get(inst.line..)
                .unwrap_or_default()
                .iter()
                .take_while(|l| l.trim() != "[[instrument]]");
            assert!(
                entry.clone().any(|l| l.trim() == key),
                "{} not in the table at line {}",
                inst.key,
                inst.line
            );
        }
    }

    #[test]
    fn celex_numbers_are_computed() {
        let t = |s: &str| celex_at(s, 0).map(|(_, id, _)| id);
        assert_eq!(t("Richtlijn (EU) 2016/680 van"), Some("32016L0680".into()));
        assert_eq!(t("Verordening (EU) 2024/1689"), Some("32024R1689".into()));
        assert_eq!(
            t("Verordening (EG) nr. 1049/2001"),
            Some("32001R1049".into())
        );
        assert_eq!(t("Richtlijn 95/46/EG"), Some("31995L0046".into()));
        assert_eq!(t("COM(2021) 206"), Some("52021PC0206".into()));
        // A communication's number is no proposal's.
        let text = "de Mededeling over een Europese datastrategie (COM(2022) 196) en het voorstel (COM(2022) 197)";
        let at = |n: &str| text.find(n).unwrap_or(0);
        let id = |n: &str| celex_at(text, at(n)).map(|(_, id, _)| id);
        assert_eq!(id("COM(2022) 196"), Some("52022DC0196".into()));
        assert_eq!(id("COM(2022) 197"), Some("52022PC0197".into()));
        assert_eq!(t("richtlijn nr. 95/46/EG"), Some("31995L0046".into()));
        assert_eq!(t("Besluit nr. 1982/2006/EG"), Some("32006D1982".into()));
        assert_eq!(
            t("Verordening (EEG) nr. 1408/71"),
            Some("31971R1408".into())
        );
        assert_eq!(t("Verordening van de minister"), None);
        assert_eq!(
            t("Regulation (EU) No 600/2014 as regards").as_deref(),
            Some("32014R0600")
        );
        assert_eq!(t("Directive (EU) 2019/1937").as_deref(), Some("32019L1937"));
        // Without "nr.": a first part that is no year is the number, one that is a year the year.
        assert_eq!(t("Verordening 1099/2009").as_deref(), Some("32009R1099"));
        assert_eq!(t("Verordening 2016/679").as_deref(), Some("32016R0679"));
        // A recommendation is sector 3, type H; a report's numbered recommendation is no act.
        assert_eq!(
            t("Aanbeveling 94/1069/EG van").as_deref(),
            Some("31994H1069")
        );
        assert_eq!(
            t("Aanbeveling (EU) 2023/2836").as_deref(),
            Some("32023H2836")
        );
        assert_eq!(t("aanbeveling 4 van het rapport"), None);
    }

    #[test]
    fn longest_name_wins_and_abbreviations_are_case_sensitive() {
        let r = Registry::bundled().unwrap();
        let text = "In de Uitvoeringswet AVG en de AVG, niet in avg of AVG-toezicht.";
        let hits = r.find_names(text);
        let found: Vec<&str> = hits.iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(found, vec!["Uitvoeringswet AVG", "AVG"]);
        assert_eq!(hits[0].entry, r.by_key("uavg").unwrap());
    }

    #[test]
    fn dated_names_mean_the_draft_before_adoption() {
        let r = Registry::bundled().unwrap();
        let hit = r.find_names("de AI-verordening")[0];
        let draft = r.by_key("ai-act-draft");
        assert_eq!(r.era(hit.entry, hit.dated, Some("2021-10-18")), draft);
        assert_eq!(
            r.era(hit.entry, hit.dated, Some("2024-10-09")),
            r.by_key("ai-act")
        );
        assert_eq!(r.era(hit.entry, hit.dated, None), None);
    }

    #[test]
    fn links_follow_the_platforms() {
        assert_eq!(
            unit_link("celex:32016R0679", true, Unit::Article, "9", Some("2")).as_deref(),
            Some("https://eur-lex.europa.eu/legal-content/NL/TXT/HTML/?uri=CELEX:32016R0679#art_9")
        );
        assert_eq!(
            unit_link("celex:32024R1689", true, Unit::Annex, "III", None).as_deref(),
            Some(
                "https://eur-lex.europa.eu/legal-content/NL/TXT/HTML/?uri=CELEX:32024R1689#anx_III"
            )
        );
        assert_eq!(
            unit_link("celex:52021PC0206", false, Unit::Article, "5", None).as_deref(),
            Some("https://eur-lex.europa.eu/legal-content/NL/TXT/HTML/?uri=CELEX:52021PC0206")
        );
        // A proposal the registry does not list has no anchors either.
        assert_eq!(
            unit_link("celex:52020PC0611", true, Unit::Article, "41b", None).as_deref(),
            Some("https://eur-lex.europa.eu/legal-content/NL/TXT/HTML/?uri=CELEX:52020PC0611")
        );
        // The shape of a proposal id: sector 5, a year, "PC"; an adopted act is not one.
        assert!(is_proposal("52016PC0270") && !is_proposal("32016R0679"));
        assert_eq!(
            unit_link("bwb:BWBR0022463", true, Unit::Article, "4c", Some("2")).as_deref(),
            Some("https://wetten.overheid.nl/jci1.3:c:BWBR0022463&artikel=4c&lid=2")
        );
    }

    #[test]
    fn a_bad_entry_is_an_error_naming_its_line() {
        let bad = "[[instrument]]\nkey = \"x\"\nid = \"celex:nonsense\"\nshort = \"X\"\n";
        let err = Registry::from_toml(bad, Path::new("user.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("user.toml:1:"), "{err}");
        let typo =
            "[[instrument]]\nkey = \"x\"\nid = \"bwb:BWBR0000001\"\nshort = \"X\"\nnamez = []\n";
        let err = Registry::from_toml(typo, Path::new("user.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("user.toml:"), "{err}");
        // A shared abbreviation no other entry has is an error.
        let lone = "[[instrument]]\nkey = \"x\"\nid = \"bwb:BWBR0000001\"\nshort = \"X\"\nnames = [\"Wet x\"]\nshared_abbreviations = [\"Wx\"]\n";
        let err = Registry::from_toml(lone, Path::new("user.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("shared abbreviation"), "{err}");
    }
}
