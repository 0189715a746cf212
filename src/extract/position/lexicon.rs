//! The stance lexicon of `data/stance.toml`, compiled once.
//!
//! Why a data file: a journalist who disagrees with how kst read a sentence should be able to
//! find the rule (`rule` in every record names it), read its examples, and change it without
//! touching code. Loading validates every pattern and names the file and line of a bad entry.

use crate::error::{Error, Result};
use crate::extract::gate::{Gate, Seen};
use crate::record::Stance;
use regex::Regex;
use serde::Deserialize;
use std::path::PathBuf;

pub const STANCE_FILE: &str = "data/stance.toml";
pub const STANCE_TOML: &str = include_str!("../../../data/stance.toml");

/// How a cue combines with actors and other cues (see the header of `data/stance.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    Direct,
    Frame,
    Content,
    Voice,
}

/// Where a frame's evaluation may stand.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContentPlace {
    /// Before or after the frame ("X acht het kabinet niet wenselijk").
    #[default]
    Any,
    /// Only after it ("is van mening dat X wenselijk is").
    After,
    /// Only in the clauses before it, back to a ";" or ":": a frame that holds on to what was
    /// just said ("Die motie is ontraden, en daar blijf ik bij").
    Before,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Cabinet,
    Member,
    Ministry,
    FirstPerson,
    Pronoun,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockerKind {
    /// A government actor after it in the clause is addressed, not speaking.
    Addressee,
    /// A voice cue in the sentence is somebody else's judgement.
    Reported,
    /// No position in a clause where it matches.
    Clause,
    /// No position in the sentence where it matches, up to the first ";" after the match: a
    /// reported question ("De leden van de NSC-fractie vragen hoe het kabinet ... en willen
    /// weten of het kabinet zich ervoor zal inzetten ...") speaks in every clause it governs.
    Sentence,
}

/// What a negated stance becomes; `None` drops the position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flip {
    Support,
    Oppose,
    Concern,
    Intent,
    None,
}

impl Flip {
    fn stance(self) -> Option<Stance> {
        match self {
            Flip::Support => Some(Stance::Support),
            Flip::Oppose => Some(Stance::Oppose),
            Flip::Concern => Some(Stance::Concern),
            Flip::Intent => Some(Stance::Intent),
            Flip::None => None,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    /// Named word lists a pattern names as `{name}`: one list of the policy verbs serves every
    /// cue built on "ga ... X", "laat ... X", instead of a copy per cue that drifts.
    #[serde(default)]
    words: std::collections::BTreeMap<String, Vec<String>>,
    /// Named pieces of pattern a pattern names as `{name}`, put in as written: a class no word
    /// list can say ("a word other than dat") shared by the cues that need it.
    #[serde(default)]
    fragments: std::collections::BTreeMap<String, String>,
    zones: RawZones,
    negation_window: Window,
    polarity: RawPolarity,
    clauses: ClauseWords,
    #[serde(default)]
    actor: Vec<RawActor>,
    #[serde(default)]
    cue: Vec<RawCue>,
    #[serde(default)]
    negator: Vec<RawPattern>,
    #[serde(default)]
    pseudo: Vec<RawPseudo>,
    #[serde(default)]
    not_a_cue: Vec<RawPattern>,
    #[serde(default)]
    hedge: Vec<RawPattern>,
    #[serde(default)]
    condition: Vec<RawPattern>,
    #[serde(default)]
    shift: Vec<RawShift>,
    #[serde(default)]
    blocker: Vec<RawBlocker>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawZones {
    question: String,
    answer: String,
    faction: String,
    speaker: String,
    government_speaker: String,
}

/// How many words before and after a cue a negator may stand to negate it.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    pub before: usize,
    pub after: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPolarity {
    support: Flip,
    oppose: Flip,
    concern: Flip,
    intent: Flip,
}

/// Words that open clauses, and the coordinator rules for elided subjects.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClauseWords {
    pub words: Vec<String>,
    /// Words that open a clause only at its start or after punctuation.
    #[serde(default)]
    pub words_after_break: Vec<String>,
    pub coordinators: Vec<String>,
    pub no_ellipsis_after: Vec<String>,
    #[serde(default)]
    pub ellipsis_verbs: Vec<String>,
    #[serde(default)]
    pub ellipsis_verb_endings: Vec<String>,
    pub content_stops: Vec<String>,
    #[serde(default)]
    pub content_skips: Vec<String>,
    #[serde(default)]
    pub weak_openers: Vec<String>,
    /// Words after which "zijn" is the verb, not a possessive: "en zijn geen voorstander".
    #[serde(default)]
    pub zijn_as_verb_before: Vec<String>,
    /// Plural verbs that are as often nouns: after a coordinator a verb only when one of
    /// `object_determiners` follows ("en delen hun zorgen", not "en delen van gegevens").
    #[serde(default)]
    pub ellipsis_verbs_before_object: Vec<String>,
    #[serde(default)]
    pub object_determiners: Vec<String>,
    /// Verbs that concede a point before a contrast ("Ik begrijp de zorg, maar ..."): the
    /// contrast is the writer's judgement.
    #[serde(default)]
    pub concession_verbs: Vec<String>,
    /// Nouns of worry that, after "maar ook" and a welcome ("ziet de voordelen, maar ook grote
    /// risico's"), make the verbless contrast a concern.
    #[serde(default)]
    pub contrast_concern_nouns: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawActor {
    id: String,
    kind: ActorKind,
    pattern: String,
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    name_tail: bool,
    #[serde(default)]
    agent_after: Option<Vec<String>>,
    #[serde(default)]
    capitalised: bool,
    examples: Vec<String>,
    #[serde(default)]
    not: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCue {
    id: String,
    #[serde(default)]
    stance: Option<Stance>,
    kind: CueKind,
    pattern: String,
    #[serde(default = "yes")]
    negatable: bool,
    #[serde(default)]
    weak: bool,
    #[serde(default)]
    embeds_actor: bool,
    #[serde(default)]
    content: ContentPlace,
    #[serde(default)]
    future_intent: bool,
    #[serde(default)]
    complement_negation: bool,
    /// What this cue becomes when negated, where it differs from `[polarity]`: a concern one
    /// refuses to share ("die zorg deel ik niet") rejects it.
    #[serde(default)]
    negated: Option<Flip>,
    examples: Vec<String>,
    #[serde(default)]
    not: Vec<String>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPattern {
    id: String,
    pattern: String,
    examples: Vec<String>,
    #[serde(default)]
    not: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPseudo {
    id: String,
    pattern: String,
    #[serde(default)]
    hedge: bool,
    examples: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawShift {
    id: String,
    from: Stance,
    to: Stance,
    pattern: String,
    examples: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBlocker {
    id: String,
    kind: BlockerKind,
    pattern: String,
    examples: Vec<String>,
    #[serde(default)]
    not: Vec<String>,
}

/// A compiled pattern with the examples it must (and must not) match.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub id: String,
    /// The pattern as it runs (with ASCII word boundaries where it can have them).
    source: String,
    /// The pattern compiled, built at its first use (see [`Pattern::re`]).
    compiled: std::sync::OnceLock<Regex>,
    /// The pattern parsed at load, kept until the gates are built from it.
    parsed: Option<regex_syntax::hir::Hir>,
    /// The same pattern, run anchored at the places the gate saw its literals; built at its
    /// first such run (`None`: it would not build, and `re` runs instead). Compiling every
    /// pattern at load, twice, was most of `kst extract`'s start-up, and the gate keeps most
    /// patterns from ever running on a given letter.
    anchored: std::sync::OnceLock<Option<regex_automata::meta::Regex>>,
    /// This pattern's place in [`Lexicon::gate`].
    pub slot: usize,
    pub examples: Vec<String>,
    pub not: Vec<String>,
}

impl Pattern {
    /// The pattern as it runs.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// The compiled pattern, built now if this is its first use. Its syntax was checked at
    /// load; a pattern that still does not build (a size limit) matches nothing, with a
    /// warning: the bundled lexicon's tests build every pattern, so only a lexicon of one's
    /// own can meet this.
    pub fn re(&self) -> &Regex {
        self.compiled.get_or_init(|| {
            Regex::new(&self.source).unwrap_or_else(|e| {
                eprintln!(
                    "kst: warning: lexicon pattern {} does not build and matches nothing: {e}",
                    self.id
                );
                matches_nothing()
            })
        })
    }

    /// Whether this pattern may match a text the gate saw as `seen` (a cheap test before the
    /// regex itself).
    pub fn may(&self, seen: &Seen) -> bool {
        seen.may(self.slot)
    }

    /// Whether this pattern may match the part `range` of the text the gate saw.
    pub fn may_in(&self, seen: &Seen, range: std::ops::Range<usize>) -> bool {
        seen.may_in(self.slot, range)
    }

    /// Whether this pattern matches `text`, the part of the text the gate saw that starts at
    /// byte `at`: `re.is_match(text)`, tried only where the gate saw a literal it starts with.
    pub fn is_match_in(&self, seen: &Seen, text: &str, at: usize) -> bool {
        self.is_match_gated(seen, self.slot, text, at)
    }

    /// [`Pattern::is_match_in`] for a gate in which this pattern has the place `slot`.
    pub fn is_match_gated(&self, seen: &Seen, slot: usize, text: &str, at: usize) -> bool {
        use regex_automata::{Anchored, Input};
        let range = at..at + text.len();
        if !seen.may_in(slot, range.clone()) {
            return false;
        }
        match self.run_for(seen.starts_in(slot, range)) {
            Run::Nowhere => false,
            Run::Everywhere => self.re().is_match(text),
            Run::At(starts, anchored) => starts.into_iter().any(|start| {
                start.checked_sub(at).is_some_and(|start| {
                    anchored.is_match(Input::new(text).range(start..).anchored(Anchored::Yes))
                })
            }),
        }
    }

    /// How to run this pattern on a part where the gate found `starts` (see
    /// [`Seen::starts_in`]); the anchored engine is built at its first use.
    fn run_for(&self, starts: Option<Vec<usize>>) -> Run<'_> {
        match starts {
            None => Run::Everywhere,
            Some(starts) if starts.is_empty() => Run::Nowhere,
            Some(starts) => {
                let anchored = self
                    .anchored
                    .get_or_init(|| regex_automata::meta::Regex::new(&self.source).ok());
                anchored
                    .as_ref()
                    .map_or(Run::Everywhere, |a| Run::At(starts, a))
            }
        }
    }

    /// The matches of this pattern in `text`, the part of the text the gate saw that starts at
    /// byte `at`: what `re.find_iter(text)` finds. The regex is run anchored only where the
    /// gate saw a literal every match starts with (a match can start nowhere else), instead
    /// of over the whole part: profiled, scanning each clause once per cue was a fifth of
    /// reading positions.
    pub fn find_in(&self, seen: &Seen, text: &str, at: usize) -> Vec<std::ops::Range<usize>> {
        use regex_automata::{Anchored, Input};
        if !self.may_in(seen, at..at + text.len()) {
            return Vec::new();
        }
        let (starts, anchored) = match self.run_for(seen.starts_in(self.slot, at..at + text.len()))
        {
            Run::Nowhere => return Vec::new(),
            Run::Everywhere => return self.re().find_iter(text).map(|m| m.range()).collect(),
            Run::At(starts, anchored) => (starts, anchored),
        };
        let mut found = Vec::new();
        // Leftmost-first, not overlapping: as find_iter, the search goes on after a match.
        let mut resume = 0;
        for start in starts {
            let Some(start) = start.checked_sub(at).filter(|s| *s >= resume) else {
                continue;
            };
            let input = Input::new(text).range(start..).anchored(Anchored::Yes);
            if let Some(m) = anchored.search(&input) {
                resume = m.end().max(m.start() + 1);
                found.push(m.range());
            }
        }
        found
    }
}

/// How a pattern runs on a part of a text (see [`Pattern::run_for`]).
enum Run<'a> {
    /// The gate found no place a match could start: it has none.
    Nowhere,
    /// Anchored at each place the gate found.
    At(Vec<usize>, &'a regex_automata::meta::Regex),
    /// Over the whole part.
    Everywhere,
}

/// A regex that matches no text.
fn matches_nothing() -> Regex {
    static NOTHING: std::sync::LazyLock<Regex> =
        std::sync::LazyLock::new(|| Regex::new(r"[^\s\S]").expect("an empty class builds"));
    NOTHING.clone()
}

#[derive(Debug, Clone)]
pub struct Actor {
    pub kind: ActorKind,
    pub label: Option<String>,
    pub name_tail: bool,
    /// Prepositions that may precede this actor without making it an object.
    pub agent_after: Vec<String>,
    /// A name that is also a common noun ("Defensie", "de Europese defensie"): an actor only
    /// where the sentence writes it with a capital.
    pub capitalised: bool,
    pub pattern: Pattern,
}

#[derive(Debug, Clone)]
pub struct Cue {
    pub stance: Option<Stance>,
    pub kind: CueKind,
    pub negatable: bool,
    pub weak: bool,
    pub embeds_actor: bool,
    pub content: ContentPlace,
    /// An act of advocating ("pleit voor", "dringt aan op") announced with "zal"/"zullen" is
    /// a commitment to act: intent ("Nederland zal pleiten voor een overgangstermijn").
    pub future_intent: bool,
    /// A choice whose "om"-complement is negated ("kiest ervoor om geen rechtsherstel te
    /// bieden") is a choice not to act: a negator anywhere in that complement negates the cue.
    pub complement_negation: bool,
    /// What the cue becomes when negated, if not what `[polarity]` says.
    pub negated: Option<Flip>,
    pub pattern: Pattern,
}

#[derive(Debug, Clone)]
pub struct Pseudo {
    pub hedge: bool,
    pub pattern: Pattern,
}

#[derive(Debug, Clone)]
pub struct Shift {
    pub from: Stance,
    pub to: Stance,
    pub pattern: Pattern,
}

#[derive(Debug, Clone)]
pub struct Blocker {
    pub kind: BlockerKind,
    pub pattern: Pattern,
}

/// Everything `data/stance.toml` says, compiled.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// A block opening a question (not the government speaking) and one opening an answer.
    pub question_zone: Regex,
    pub answer_zone: Regex,
    /// A section of one faction's questions and the answers to them (a memorie van antwoord,
    /// a nota naar aanleiding van het verslag): neither opens nor ends a question zone.
    pub faction_section: Regex,
    /// The label that opens a speaker's turn in a debate's transcript ("Mevrouw Van der
    /// Werf (D66):", "De voorzitter:"), and the labels of the government's turns ("Minister
    /// Keijzer:"): only those speak for the government.
    pub speaker_turn: Regex,
    pub government_turn: Regex,
    pub window: Window,
    polarity: [Flip; 4],
    pub clauses: ClauseWords,
    pub actors: Vec<Actor>,
    pub cues: Vec<Cue>,
    pub negators: Vec<Pattern>,
    pub pseudos: Vec<Pseudo>,
    /// Phrases inside which no cue counts ("vindt plaats", "zal ik toelichten").
    pub not_a_cue: Vec<Pattern>,
    pub hedges: Vec<Pattern>,
    pub conditions: Vec<Pattern>,
    pub shifts: Vec<Shift>,
    pub blockers: Vec<Blocker>,
    /// Which patterns may match a text, in one pass (see [`crate::extract::gate`]).
    pub gate: Gate,
    /// The same for the patterns that tell whether a sentence may speak at all (the actors,
    /// then the voice cues and cues that name their actor, see [`Lexicon::speakers`]): most
    /// sentences stop there, and a gate over these few literals is cheaper.
    pub speak_gate: Gate,
}

impl Lexicon {
    /// The bundled lexicon.
    pub fn bundled() -> Result<Lexicon> {
        Lexicon::parse(STANCE_TOML, STANCE_FILE)
    }

    /// Parse and compile a lexicon; `path` names the source in errors.
    pub fn parse(text: &str, path: &str) -> Result<Lexicon> {
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(0);
            data_error(path, line, e.message().to_string())
        })?;
        let (words, fragments) = (&raw.words, &raw.fragments);
        let compile =
            |id: &str, pattern: &str, examples: Vec<String>, not: Vec<String>| -> Result<Pattern> {
                let pattern = &expand_words(pattern, words, fragments).map_err(|name| {
                    data_error(
                        path,
                        line_of_id(text, id),
                        format!(
                            "{id}: no word list or fragment `{name}` in [words] or [fragments]"
                        ),
                    )
                })?;
                let pattern = &ascii_word_boundaries(pattern);
                // Parsed now, as regex parses it, so that a bad pattern is an error naming its
                // line; compiled at its first use.
                let parsed = regex_syntax::parse(pattern).map_err(|e| {
                    data_error(
                        path,
                        line_of_id(text, id),
                        format!("{id}: bad pattern: {e}"),
                    )
                })?;
                Ok(Pattern {
                    id: id.to_string(),
                    source: pattern.to_string(),
                    compiled: std::sync::OnceLock::new(),
                    parsed: Some(parsed),
                    anchored: std::sync::OnceLock::new(),
                    slot: 0,
                    examples,
                    not,
                })
            };
        let mut actors = Vec::new();
        for a in raw.actor {
            let agent_after = a.agent_after.unwrap_or_else(|| vec!["door".to_string()]);
            actors.push(Actor {
                kind: a.kind,
                label: a.label,
                name_tail: a.name_tail,
                agent_after,
                capitalised: a.capitalised,
                pattern: compile(&a.id, &a.pattern, a.examples, a.not)?,
            });
        }
        let mut cues = Vec::new();
        for c in raw.cue {
            if c.stance.is_none() && c.kind != CueKind::Frame {
                return Err(data_error(
                    path,
                    line_of_id(text, &c.id),
                    format!("{}: only a frame may leave out `stance`", c.id),
                ));
            }
            let p = compile(&c.id, &c.pattern, c.examples, c.not)?;
            if c.embeds_actor
                && !p
                    .re()
                    .capture_names()
                    .flatten()
                    .any(|n| n.starts_with("actor"))
            {
                return Err(data_error(
                    path,
                    line_of_id(text, &c.id),
                    format!("{}: embeds_actor needs a group named actor…", c.id),
                ));
            }
            cues.push(Cue {
                stance: c.stance,
                kind: c.kind,
                negatable: c.negatable,
                weak: c.weak,
                embeds_actor: c.embeds_actor,
                future_intent: c.future_intent,
                complement_negation: c.complement_negation,
                negated: c.negated,
                content: c.content,
                pattern: p,
            });
        }
        let plain = |list: Vec<RawPattern>| -> Result<Vec<Pattern>> {
            list.into_iter()
                .map(|r| compile(&r.id, &r.pattern, r.examples, r.not))
                .collect()
        };
        let pseudos = raw
            .pseudo
            .into_iter()
            .map(|p| {
                Ok(Pseudo {
                    hedge: p.hedge,
                    pattern: compile(&p.id, &p.pattern, p.examples, Vec::new())?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let shifts = raw
            .shift
            .into_iter()
            .map(|s| {
                Ok(Shift {
                    from: s.from,
                    to: s.to,
                    pattern: compile(&s.id, &s.pattern, s.examples, Vec::new())?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let blockers = raw
            .blocker
            .into_iter()
            .map(|b| {
                Ok(Blocker {
                    kind: b.kind,
                    pattern: compile(&b.id, &b.pattern, b.examples, b.not)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let p = raw.polarity;
        let zone = |pattern: &str| {
            Regex::new(pattern).map_err(|e| {
                data_error(
                    path,
                    line_of(text, text.find("[zones]").unwrap_or(0)),
                    format!("zones: bad pattern: {e}"),
                )
            })
        };
        let mut lex = Lexicon {
            question_zone: zone(&raw.zones.question)?,
            answer_zone: zone(&raw.zones.answer)?,
            faction_section: zone(&raw.zones.faction)?,
            speaker_turn: zone(&raw.zones.speaker)?,
            government_turn: zone(&raw.zones.government_speaker)?,
            window: raw.negation_window,
            polarity: [p.support, p.oppose, p.concern, p.intent],
            clauses: raw.clauses,
            actors,
            cues,
            negators: plain(raw.negator)?,
            pseudos,
            not_a_cue: plain(raw.not_a_cue)?,
            hedges: plain(raw.hedge)?,
            conditions: plain(raw.condition)?,
            shifts,
            blockers,
            gate: Gate::new(&[]),
            speak_gate: Gate::new(&[]),
        };
        // The gates read the patterns as parsed at load, not parsed again.
        let mut parsed = Vec::new();
        for p in lex.all_patterns_mut() {
            p.slot = parsed.len();
            parsed.push(p.parsed.take());
        }
        let speakers: Vec<_> = lex
            .speakers()
            .map(|(p, _)| parsed.get(p.slot).cloned().flatten())
            .collect();
        lex.speak_gate = Gate::of_parsed(&speakers);
        lex.gate = Gate::of_parsed(&parsed);
        Ok(lex)
    }

    /// The patterns of [`Lexicon::speak_gate`] in its order, each with whether it is an
    /// actor that needs an antecedent (a pronoun).
    pub fn speakers(&self) -> impl Iterator<Item = (&Pattern, bool)> {
        self.actors
            .iter()
            .map(|a| (&a.pattern, a.kind == ActorKind::Pronoun))
            .chain(
                self.cues
                    .iter()
                    .filter(|c| c.kind == CueKind::Voice || c.embeds_actor)
                    .map(|c| (&c.pattern, false)),
            )
    }

    /// Which patterns may match `text` (or any part of it).
    pub fn scan(&self, text: &str) -> Seen {
        self.gate.scan(text)
    }

    fn all_patterns_mut(&mut self) -> Vec<&mut Pattern> {
        let mut out: Vec<&mut Pattern> = Vec::new();
        out.extend(self.actors.iter_mut().map(|a| &mut a.pattern));
        out.extend(self.cues.iter_mut().map(|c| &mut c.pattern));
        out.extend(self.negators.iter_mut());
        out.extend(self.pseudos.iter_mut().map(|p| &mut p.pattern));
        out.extend(self.not_a_cue.iter_mut());
        out.extend(self.hedges.iter_mut());
        out.extend(self.conditions.iter_mut());
        out.extend(self.shifts.iter_mut().map(|s| &mut s.pattern));
        out.extend(self.blockers.iter_mut().map(|b| &mut b.pattern));
        out
    }

    /// The stance a negated `stance` becomes (`None`: no position).
    pub fn negate(&self, stance: Stance) -> Option<Stance> {
        let i = match stance {
            Stance::Support => 0,
            Stance::Oppose => 1,
            Stance::Concern => 2,
            Stance::Intent => 3,
        };
        self.polarity[i].stance()
    }

    /// What `cue`'s stance `stance` becomes when negated: the cue's own flip, else the table's.
    pub fn negate_cue(&self, cue: &Cue, stance: Stance) -> Option<Stance> {
        match cue.negated {
            Some(f) if cue.stance == Some(stance) => f.stance(),
            _ => self.negate(stance),
        }
    }

    /// Every pattern with its examples, for the data tests: (kind, pattern).
    pub fn all_patterns(&self) -> Vec<(&'static str, &Pattern)> {
        let mut out: Vec<(&'static str, &Pattern)> = Vec::new();
        out.extend(self.actors.iter().map(|a| ("actor", &a.pattern)));
        out.extend(self.cues.iter().map(|c| ("cue", &c.pattern)));
        out.extend(self.negators.iter().map(|p| ("negator", p)));
        out.extend(self.pseudos.iter().map(|p| ("pseudo", &p.pattern)));
        out.extend(self.not_a_cue.iter().map(|p| ("not_a_cue", p)));
        out.extend(self.hedges.iter().map(|p| ("hedge", p)));
        out.extend(self.conditions.iter().map(|p| ("condition", p)));
        out.extend(self.shifts.iter().map(|s| ("shift", &s.pattern)));
        out.extend(self.blockers.iter().map(|b| ("blocker", &b.pattern)));
        out
    }
}

/// `pattern` with every `{name}` replaced by an alternation of the words of that list, or by
/// that fragment as written; a quantifier (`{0,6}`) starts with a digit and is left alone. Err
/// names an unknown list.
fn expand_words(
    pattern: &str,
    words: &std::collections::BTreeMap<String, Vec<String>>,
    fragments: &std::collections::BTreeMap<String, String>,
) -> std::result::Result<String, String> {
    static NAME: std::sync::LazyLock<Regex> =
        std::sync::LazyLock::new(|| Regex::new(r"\{([a-z][a-z_]*)\}").expect("valid"));
    let mut out = String::with_capacity(pattern.len());
    let mut last = 0;
    for caps in NAME.captures_iter(pattern) {
        let (whole, name) = (caps.get(0).expect("group 0"), &caps[1]);
        out.push_str(&pattern[last..whole.start()]);
        last = whole.end();
        if let Some(fragment) = fragments.get(name) {
            out.push_str("(?:");
            out.push_str(fragment);
            out.push(')');
            continue;
        }
        let list = words.get(name).ok_or_else(|| name.to_string())?;
        out.push_str("(?:");
        let escaped: Vec<String> = list.iter().map(|w| regex::escape(w)).collect();
        out.push_str(&escaped.join("|"));
        out.push(')');
    }
    out.push_str(&pattern[last..]);
    Ok(out)
}

pub(crate) fn data_error(path: &str, line: usize, reason: String) -> Error {
    Error::Data {
        path: PathBuf::from(path),
        line,
        reason,
    }
}

pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset.min(text.len()))
        .map_or(0, |t| t.matches('\n').count() + 1)
}

/// The line of the entry whose `id` is `id` (0 when not found).
pub(crate) fn line_of_id(text: &str, id: &str) -> usize {
    let needle = format!("id = \"{id}\"");
    text.find(&needle).map_or(0, |at| line_of(text, at))
}

/// `pattern` with its word boundaries (`\b`) made ASCII (`(?-u:\b)`), unless a non-ASCII
/// letter stands at the edge of one of its words or branches ("één", "(?:é|e)en").
///
/// Why: the lazy DFA that runs a pattern handles a Unicode `\b` only until it meets a
/// non-ASCII byte (a curly quote, a dash, "ë"), and then hands the search to a slower engine.
/// Profiled on 1,000 synthetic letters, those engines took about 7% of all CPU; without them
/// `kst extract` took 8-11% less user CPU, with the same records for every letter and audit.
/// The two boundaries differ only next to a non-ASCII letter: "financi|ële" is an ASCII
/// boundary and "één" has none before it. A pattern spelling such a letter at a word's edge
/// keeps Unicode; elsewhere a pattern's words are ASCII at their edges, and the gate
/// (`crate::extract::gate`) checks the boundary the pattern has at each literal's edges before
/// the pattern runs.
fn ascii_word_boundaries(pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    // Characters that end a literal word in the pattern's syntax.
    let edge = |c: Option<&char>| match c {
        None => true,
        Some(c) => !c.is_alphanumeric(),
    };
    let non_ascii_at_edge = chars.iter().enumerate().any(|(i, c)| {
        !c.is_ascii()
            && c.is_alphanumeric()
            && (edge(i.checked_sub(1).and_then(|j| chars.get(j))) || edge(chars.get(i + 1)))
    });
    if non_ascii_at_edge {
        return pattern.to_string();
    }
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut it = chars.iter();
    while let Some(&c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('b') => out.push_str("(?-u:\\b)"),
            Some(&n) => {
                out.push(c);
                out.push(n);
            }
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_lexicon_loads() {
        let lex = Lexicon::bundled().expect("bundled lexicon");
        assert!(lex.cues.len() > 10);
        assert_eq!(lex.negate(Stance::Support), Some(Stance::Oppose));
        assert_eq!(lex.negate(Stance::Concern), None);
    }

    #[test]
    fn word_boundaries_turn_ascii_only_where_no_word_edge_is_a_non_ascii_letter() {
        // Words with their non-ASCII letters inside keep the ASCII boundary and still match.
        let p = ascii_word_boundaries(r"\b(?:beëindigen|stopzetten)\b");
        assert_eq!(p, r"(?-u:\b)(?:beëindigen|stopzetten)(?-u:\b)");
        let re = Regex::new(&p).expect("valid");
        assert!(re.is_match("wij zullen de regeling beëindigen."));
        assert!(!re.is_match("het beëindigende besluit"));
        // "één" starts with a non-ASCII letter: an ASCII `\b` would never stand before it.
        let p = ascii_word_boundaries(r"\b(?:één|twee)\s+vragen\b");
        assert_eq!(p, r"\b(?:één|twee)\s+vragen\b");
        assert!(Regex::new(&p).expect("valid").is_match("over één vragen"));
        // An escaped backslash before a "b" is not a boundary.
        assert_eq!(ascii_word_boundaries(r"a\\b"), r"a\\b");
    }

    #[test]
    fn every_pattern_matches_its_examples_and_none_of_its_near_misses() {
        let lex = Lexicon::bundled().expect("bundled lexicon");
        let mut failures = Vec::new();
        for (kind, p) in lex.all_patterns() {
            for ex in &p.examples {
                if !p.re().is_match(&ex.to_lowercase()) {
                    failures.push(format!("{kind} {}: example not matched: {ex:?}", p.id));
                }
            }
            for ex in &p.not {
                if p.re().is_match(&ex.to_lowercase()) {
                    failures.push(format!("{kind} {}: near miss matched: {ex:?}", p.id));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn ids_are_unique() {
        let lex = Lexicon::bundled().expect("bundled lexicon");
        let mut ids: Vec<(&str, &str)> = lex
            .all_patterns()
            .iter()
            .map(|(k, p)| (*k, p.id.as_str()))
            .collect();
        ids.sort();
        let before = ids.len();
        ids.dedup();
        assert_eq!(before, ids.len(), "duplicate ids in {STANCE_FILE}");
    }

    #[test]
    fn a_bad_pattern_is_reported_with_its_line() {
        let bad = STANCE_TOML.replace(
            r"pattern = '\bvoorstander(?:s)?\b'",
            r"pattern = '\bvoorstander(?:s\b'",
        );
        match Lexicon::parse(&bad, "x.toml") {
            Err(Error::Data { line, reason, .. }) => {
                assert!(line > 0, "{reason}");
                assert!(reason.contains("support.voorstander"), "{reason}");
            }
            other => panic!("expected a data error, got {other:?}"),
        }
    }

    #[test]
    fn a_pattern_too_big_to_build_matches_nothing_instead_of_failing_later() {
        // It parses (so loading accepts it) but is over regex's size limit.
        let source = r"(?:\w{100}){100}";
        assert!(regex_syntax::parse(source).is_ok());
        assert!(
            Regex::new(source).is_err(),
            "expected to be over the size limit"
        );
        let p = Pattern {
            id: "too.big".to_string(),
            source: source.to_string(),
            compiled: std::sync::OnceLock::new(),
            parsed: None,
            anchored: std::sync::OnceLock::new(),
            slot: 0,
            examples: Vec::new(),
            not: Vec::new(),
        };
        assert!(!p.re().is_match(&"a".repeat(20_000)));
        assert!(!p.re().is_match(""));
    }

    #[test]
    fn a_word_list_expands_and_leaves_quantifiers_alone() {
        let words = [(
            "werkwoord".to_string(),
            vec!["omzetten".to_string(), "a.b".to_string()],
        )]
        .into_iter()
        .collect();
        let fragments = [("geen_dat".to_string(), r"[^d\s]\S*|d\S".to_string())]
            .into_iter()
            .collect();
        let out = expand_words(r"\bga\s+(?:\S+\s+){0,6}?{werkwoord}\b", &words, &fragments);
        assert_eq!(
            out.as_deref(),
            Ok(r"\bga\s+(?:\S+\s+){0,6}?(?:omzetten|a\.b)\b")
        );
        // A fragment goes in as written, not escaped.
        assert_eq!(
            expand_words(r"\bziet\s+{geen_dat}\b", &words, &fragments).as_deref(),
            Ok(r"\bziet\s+(?:[^d\s]\S*|d\S)\b")
        );
        assert_eq!(
            expand_words("{onbekend}", &words, &fragments),
            Err("onbekend".to_string())
        );
    }

    #[test]
    fn an_unknown_word_list_is_reported_with_its_cue() {
        let bad = STANCE_TOML.replacen("{beleidswerkwoorden}", "{beleidswerkwoord}", 1);
        match Lexicon::parse(&bad, "x.toml") {
            Err(Error::Data { line, reason, .. }) => {
                assert!(line > 0, "{reason}");
                assert!(reason.contains("beleidswerkwoord`"), "{reason}");
            }
            other => panic!("expected a data error, got {other:?}"),
        }
    }
}
