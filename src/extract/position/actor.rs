//! Who speaks in a clause: the government actors of `data/stance.toml`.
//!
//! An actor match counts only as a speaker: not after a preposition ("van het kabinet",
//! "aan het kabinet bevestigd"), except the passive agent "door"; not after a request verb in
//! its clause ("vraagt het kabinet om"); and a back-referring "het"/"zij" only when a
//! government actor spoke just before.

use super::clauses::{field_list_follows, words};
use super::lexicon::{ActorKind, BlockerKind, Lexicon};
use crate::extract::gate::Seen;
use regex::Regex;
use std::ops::Range;

/// Prepositions that make a following actor an object rather than a speaker.
const OBJECT_PREPOSITIONS: &[&str] = &[
    "aan", "van", "met", "tot", "bij", "over", "naar", "tegen", "op", "namens", "voor", "onder",
    "uit", "zonder", "door", "tussen", "jegens", "richting", "in", "binnen", "buiten", "vanuit",
    "dankzij", "ondanks", "wegens", "vanwege",
];

/// Focus particles between a preposition and its object ("op aandringen van onder meer
/// Nederland", "mede dankzij met name Nederland"): the object stays an object. Two-word
/// particles are given by their last word and the word before it.
const FOCUS_PARTICLES: &[(&str, Option<&str>)] = &[
    ("meer", Some("onder")),
    ("andere", Some("onder")),
    ("name", Some("met")),
    ("mede", None),
    ("ook", None),
    ("zelfs", None),
    ("vooral", None),
    ("bijvoorbeeld", None),
];

/// Words between a preposition and the actor noun it governs that the actor's pattern does
/// not hold ("samen met de andere bewindspersonen zet ik mij in"): the noun stays an object.
const NOUN_MODIFIERS: &[&str] = &[
    "de",
    "het",
    "andere",
    "overige",
    "betrokken",
    "beide",
    "alle",
    "verantwoordelijke",
];

/// Adverbs that open a main clause and put its subject after the verb (one word each, as
/// `previous_word` sees them: "ten slotte" is "slotte").
const INVERSION_ADVERBS: &[&str] = &[
    "daarnaast",
    "tevens",
    "verder",
    "voorts",
    "daarom",
    "bovendien",
    "ook",
    "hierbij",
    "daarbij",
    "hiermee",
    "daarmee",
    "vervolgens",
    "eveneens",
    "tenslotte",
    "slotte",
    "wel",
    "tegelijkertijd",
];

/// Words before "vragen" that make it the noun ("op vragen van", "de vragen", "schriftelijke
/// vragen"), not the verb that asks a government actor something.
const NOUN_MARKERS: &[&str] = &[
    "de",
    "deze",
    "op",
    "uw",
    "hun",
    "van",
    "over",
    "schriftelijke",
    "mondelinge",
    "eerdere",
    "nadere",
    "aanvullende",
    "feitelijke",
];

/// Subordinators that open a sentence with a clause of their own before the main clause.
const FRONTED_SUBORDINATORS: &[&str] = &[
    "waar",
    "nu",
    "hoewel",
    "ofschoon",
    "voor",
    "als",
    "indien",
    "wanneer",
    "omdat",
    "aangezien",
    "nadat",
    "zodra",
    "zolang",
    "terwijl",
    "mits",
    "gezien",
    "gelet",
    "tenzij",
    "doordat",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorHit {
    pub label: String,
    pub range: Range<usize>,
}

/// The first government actor speaking in `clause` of `work` (the lower-cased sentence);
/// `sentence` is the original text, for labels; `antecedent` the last government actor before.
pub fn find(
    lex: &Lexicon,
    seen: &Seen,
    work: &str,
    clause: Range<usize>,
    sentence: &str,
    antecedent: Option<&str>,
) -> Option<ActorHit> {
    let text = &work[clause.clone()];
    let mut best: Option<ActorHit> = None;
    for a in lex
        .actors
        .iter()
        .filter(|a| a.pattern.may_in(seen, clause.clone()))
    {
        for caps in a.pattern.re().captures_iter(text) {
            let Some(m) = actor_group(a.pattern.re(), &caps).or_else(|| caps.get(0)) else {
                continue;
            };
            let range = m.start() + clause.start..m.end() + clause.start;
            if best.as_ref().is_some_and(|b| b.range.start <= range.start) {
                continue;
            }
            if a.capitalised
                && !sentence
                    .get(range.start..)
                    .and_then(|t| t.chars().next())
                    .is_some_and(char::is_uppercase)
            {
                continue;
            }
            // A preposition across a colon or semicolon ends the statement before ("Daar
            // blijf ik bij: ik acht ..."): the actor after it opens a statement of its own.
            let broken = work[..range.start].trim_end().ends_with([':', ';']);
            let before = word_before_particles(work, range.start).filter(|_| !broken);
            // "bij" makes an agent only at the head of its clause ("Bij het ministerie wordt
            // gewerkt aan ..."); after the verb it is the verb's object ("De griffier zal
            // navraag doen bij het ministerie").
            let fronted = || {
                work.get(clause.start..range.start)
                    .is_some_and(|head| head.split_whitespace().count() <= 2)
            };
            let object = before.as_deref().is_some_and(|w| {
                OBJECT_PREPOSITIONS.contains(&w)
                    && !(a.agent_after.iter().any(|x| x == w) && (w != "bij" || fronted()))
            });
            // A pattern that takes a word before its noun ("het vorige kabinet") may have
            // taken the preposition itself ("het vertrouwen tussen kabinet en Kamer").
            let object = object
                || work[range.clone()]
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| OBJECT_PREPOSITIONS.contains(&w));
            // The actor's words include its name ("het Ministerie van ... Koninkrijksrelaties").
            let written = label_with_tail(sentence, range.clone(), a.name_tail);
            if object
                || (a.kind == ActorKind::Member && foreign(sentence, range.start))
                || (matches!(a.kind, ActorKind::Cabinet | ActorKind::Member)
                    && another_countrys(sentence, range.clone(), &written))
                || inside_name(sentence, range.clone())
                || predecessor(work, range.clone())
            {
                continue;
            }
            let addressed = lex
                .blockers
                .iter()
                .filter(|b| {
                    b.kind == BlockerKind::Addressee && b.pattern.may_in(seen, clause.clone())
                })
                .any(|b| {
                    b.pattern.re().find_iter(text).any(|x| {
                        let (verb_start, verb_end) =
                            (x.start() + clause.start, x.end() + clause.start);
                        // After an opening adverb the subject follows the verb ("Daarnaast
                        // vraagt het kabinet aandacht voor ..."): the actor right after it
                        // asks, it is not asked.
                        let inverted = || {
                            work.get(verb_end..range.start)
                                .is_some_and(|between| between.trim().is_empty())
                                && previous_word(work, verb_start)
                                    .is_some_and(|w| INVERSION_ADVERBS.contains(&w.as_str()))
                        };
                        // So after a fronted subordinate clause ("Waar de mededeling ...
                        // aankondigt, | vraagt het kabinet aandacht voor ..."): the verb opens the
                        // main clause and its subject follows.
                        let after_fronted = || {
                            work.get(clause.start..verb_start)
                                .is_some_and(|before| before.trim().is_empty())
                                && work[..clause.start].trim_end().ends_with(',')
                                && words(work)
                                    .next()
                                    .is_some_and(|(_, w)| FRONTED_SUBORDINATORS.contains(&w))
                        };
                        // "vragen" after a determiner or preposition is the noun ("In
                        // antwoord op vragen van het lid ... acht het kabinet ..."): no request.
                        let noun = || {
                            previous_word(work, verb_start)
                                .is_some_and(|w| NOUN_MARKERS.contains(&w.as_str()))
                        };
                        // In the perfect the request's participle comes after its addressee:
                        // "Het IPO heeft het kabinet opgeroepen het voorstel te steunen", the
                        // clause opening with its own subject ("Het IPO heeft"), not with an
                        // adverb ("Daarom heeft het kabinet opgeroepen tot ...").
                        let perfect = || {
                            let participle = matches!(
                                x.as_str(),
                                "gevraagd" | "opgeroepen" | "verzocht" | "bedankt"
                            );
                            let after_auxiliary =
                                previous_word(work, range.start).is_some_and(|w| {
                                    matches!(w.as_str(), "heeft" | "hebben" | "had" | "hadden")
                                });
                            let own_subject = words(&work[clause.start..range.start])
                                .next()
                                .is_some_and(|(_, w)| {
                                    // Or a pronoun for the party named before ("Zij heeft
                                    // Nederland verzocht ...", the Commission).
                                    matches!(
                                        w,
                                        "de" | "het"
                                            | "een"
                                            | "deze"
                                            | "die"
                                            | "dit"
                                            | "zij"
                                            | "hij"
                                            | "ze"
                                    )
                                });
                            participle && verb_start >= range.end && after_auxiliary && own_subject
                        };
                        // "Zoals gevraagd in de motie van het lid X zal Nederland ...": a
                        // participle after "zoals" says what was asked, of whom the clause does
                        // not say; the actor after it is the main clause's subject.
                        // "heeft uw Kamer de regering opgeroepen": the Kamer asks, in the
                        // perfect, with its subject after the auxiliary.
                        let kamer_asks = || {
                            matches!(x.as_str(), "gevraagd" | "opgeroepen" | "verzocht")
                                && verb_start >= range.end
                                && work[..range.start].trim_end().ends_with("kamer")
                        };
                        let as_asked = || {
                            matches!(x.as_str(), "gevraagd" | "verzocht" | "toegezegd")
                                && previous_word(work, verb_start).is_some_and(|w| w == "zoals")
                        };
                        (verb_end <= range.start
                            && !inverted()
                            && !after_fronted()
                            && !noun()
                            && !as_asked())
                            || perfect()
                            || kamer_asks()
                    })
                });
            // "ik", "wij", "we" are nominative: after a request verb they ask, they are never
            // asked ("Wel vragen wij aandacht voor ...").
            if addressed && a.kind != ActorKind::FirstPerson {
                continue;
            }
            let label = match a.kind {
                ActorKind::Pronoun => match antecedent {
                    // The pronoun agrees with its antecedent: "het" with "het kabinet", "zij"
                    // and "hij" with "de regering", "de minister".
                    Some(ante) if agrees(&work[range.clone()], ante) => ante.to_string(),
                    _ => continue,
                },
                ActorKind::FirstPerson => match sentence
                    .get(range.clone())
                    .unwrap_or("")
                    .to_lowercase()
                    .as_str()
                {
                    "we" | "wij" => "wij".to_string(),
                    other => other.to_string(),
                },
                _ => match &a.label {
                    Some(l) => l.clone(),
                    None => label_with_tail(sentence, range.clone(), a.name_tail),
                },
            };
            let end = (range.start + written.len()).max(range.end).min(work.len());
            let range = range.start..if sentence.is_char_boundary(end) {
                end
            } else {
                range.end
            };
            // A member and the writer as one subject ("De Staatssecretaris van Financiën en
            // ik zullen ..."): both speak, and neither is what the position is about.
            let (label, range) = match writer_joined(work, range.end) {
                Some((end, writer)) if a.kind == ActorKind::Member => {
                    (format!("{label} en {writer}"), range.start..end)
                }
                _ => (label, range),
            };
            best = Some(ActorHit { label, range });
        }
    }
    best
}

/// "en ik", "en wij" right after `at` in `work`: where the joint subject ends, and the writer.
fn writer_joined(work: &str, at: usize) -> Option<(usize, &'static str)> {
    let rest = work.get(at..)?;
    let after_en = rest.trim_start().strip_prefix("en ")?.trim_start();
    let writer = ["ik", "wij", "we"].into_iter().find(|w| {
        after_en.starts_with(w) && !after_en[w.len()..].starts_with(|c: char| c.is_alphanumeric())
    })?;
    let end = work.len() - after_en.len() + writer.len();
    Some((end, if writer == "ik" { "ik" } else { "wij" }))
}

/// Whether pronoun `pronoun` can refer back to the actor labelled `antecedent`.
fn agrees(pronoun: &str, antecedent: &str) -> bool {
    let ante = antecedent.to_lowercase();
    match pronoun {
        "het" => ante.starts_with("het ") || ante == "nederland (kabinet)",
        // The older answers' "Ondergetekende ... Hij acht ..." (the minister who signs).
        "zij" | "hij" => ante.starts_with("de ") || ante.starts_with("ondergetekende"),
        _ => false,
    }
}

/// The group that names the actor in a match: the first of `actor`, `actor2`, ... that took
/// part (a pattern of several alternatives names one per alternative).
fn actor_group<'t>(re: &Regex, caps: &regex::Captures<'t>) -> Option<regex::Match<'t>> {
    re.capture_names()
        .flatten()
        .filter(|n| n.starts_with("actor"))
        .find_map(|n| caps.name(n))
}

/// The actor a frame names inside its own pattern ("wat het kabinet betreft").
pub fn embedded(
    lex: &Lexicon,
    re: &Regex,
    work: &str,
    hit: Range<usize>,
    sentence: &str,
) -> Option<ActorHit> {
    let caps = re.captures(work.get(hit.clone())?)?;
    let m = actor_group(re, &caps)?;
    let range = m.start() + hit.start..m.end() + hit.start;
    let raw = sentence.get(range.clone()).unwrap_or("").to_lowercase();
    let label = match raw.split_whitespace().last().unwrap_or("") {
        "mij" | "mijn" | "mijns" => "ik".to_string(),
        "ons" | "onze" => "wij".to_string(),
        _ => {
            // The label the actor has where it is the subject ("Nederland (kabinet)").
            let words = raw.split_whitespace().collect::<Vec<_>>().join(" ");
            lex.actors
                .iter()
                .find(|a| a.label.is_some() && a.pattern.re().is_match(&words))
                .and_then(|a| a.label.clone())
                .unwrap_or(words)
        }
    };
    Some(ActorHit { label, range })
}

/// Whether the minister named at `at` is another country's: "de Oekraïense minister van
/// Buitenlandse Zaken", "de Duitse staatssecretaris" (a capitalised adjective of nationality
/// before the title; "de Nederlandse minister" is ours).
fn foreign(sentence: &str, at: usize) -> bool {
    let before = sentence.get(..at).unwrap_or("");
    let Some((_, word)) = words(before).last() else {
        return false;
    };
    is_country_adjective(word)
}

/// "Duitse", "Franse", "Arubaanse": a capitalised adjective of another country.
fn is_country_adjective(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && (word.ends_with("se") || word.ends_with("sche"))
        && word != "Nederlandse"
}

/// Whether a cabinet or a minister is another country's: "het Duitse kabinet", "de regering
/// van Aruba", "de minister-president van Curaçao", "de Minister van Financiën van Sint
/// Maarten". Kingdom letters and Council reports quote these governments next to the cabinet.
/// `named` is the actor as written, its name included.
fn another_countrys(sentence: &str, range: Range<usize>, named: &str) -> bool {
    let matched = sentence.get(range.clone()).unwrap_or("");
    // "het Duitse kabinet": the adjective of a country inside the match.
    if words(matched).any(|(_, w)| is_country_adjective(w)) {
        return true;
    }
    // A "van" + place after the name (and after a minister's ministry): "de regering van
    // Aruba", "de Minister van Financiën van Aruba". A minister-president's "van" names a
    // country at once.
    let lower = named.to_lowercase();
    let end = (range.start + named.len()).min(sentence.len());
    let place_follows = |from: usize| {
        let mut ws = words(sentence.get(from..).unwrap_or("")).map(|(_, w)| w);
        let (first, mut next) = (ws.next(), ws.next());
        if matches!(next, Some("de" | "het")) {
            next = ws.next();
        }
        first == Some("van")
            && next.is_some_and(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !matches!(w, "Nederland" | "Koninkrijk")
            })
    };
    if lower.contains("minister-president van") && !lower.ends_with("van nederland") {
        return true;
    }
    sentence.is_char_boundary(end) && place_follows(end)
}

/// Whether a proper-name actor ("Nederland") ends or opens the name of something else:
/// "Vuurwerkbranche Nederland", "Amnesty International Nederland", "Energie-Nederland",
/// "Nederland ICT". The capitalised word before it belongs to the name unless it only opens the
/// sentence ("Ook Nederland steunt").
fn inside_name(sentence: &str, range: Range<usize>) -> bool {
    let matched = sentence.get(range.clone()).unwrap_or("");
    let proper = matched.chars().next().is_some_and(char::is_uppercase) && !matched.contains(' ');
    if !proper {
        return false;
    }
    // A pronoun is no name's end ("Antwoord: Ik deel de zorg").
    if matches!(matched, "Ik" | "Wij" | "We") {
        return false;
    }
    // A name may also open with the country ("Nederland ICT vindt"): an acronym right after
    // it continues the name. Not any capitalised word: an object may be a name too ("dat
    // Nederland Oekraïne zal blijven steunen").
    let after = sentence.get(range.end..).unwrap_or("");
    if matched == "Nederland" {
        if let Some(rest) = after.strip_prefix(' ') {
            let word: &str = rest
                .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'))
                .next()
                .unwrap_or("");
            if word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase()) {
                return true;
            }
        }
    }
    let before = sentence.get(..range.start).unwrap_or("");
    if before.ends_with('-') {
        return true;
    }
    // A label ends at its colon ("Toelichting: Nederland steunt ..."): the word before it
    // is not part of the name.
    if before.trim_end().ends_with(':') {
        return false;
    }
    let ws: Vec<(usize, &str)> = words(before).collect();
    let Some(&(_, word)) = ws.last() else {
        return false;
    };
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    let lower = word.to_lowercase();
    // A preposition opening the sentence is no part of a name ("Bij Defensie wordt ...");
    // whether it makes the actor an object is decided by the caller.
    let opens_sentence = ws.len() == 1
        && (INVERSION_ADVERBS.contains(&lower.as_str())
            || SENTENCE_OPENERS.contains(&lower.as_str())
            || OBJECT_PREPOSITIONS.contains(&lower.as_str()));
    capitalised && !opens_sentence
}

/// Words that open a sentence before its subject besides the inversion adverbs ("Maar
/// Nederland …", "Dus Nederland …").
const SENTENCE_OPENERS: &[&str] = &[
    "dus",
    "zo",
    "wel",
    "thans",
    "inmiddels",
    "nu",
    "toen",
    "maar",
    "en",
    "want",
    "dat",
    "als",
];

/// A predecessor ("het vorige kabinet", "de toenmalige minister"): what it announced is
/// background to the letter, not a position the government takes in it.
fn predecessor(work: &str, range: Range<usize>) -> bool {
    const EARLIER: &[&str] = &["vorige", "vorig", "voormalige", "toenmalige", "eerdere"];
    let inside = work
        .get(range.clone())
        .is_some_and(|t| words(t).any(|(_, w)| EARLIER.contains(&w)));
    inside || previous_word(work, range.start).is_some_and(|w| EARLIER.contains(&w.as_str()))
}

/// The word before `at`, read back past focus particles ("van onder meer Nederland": "van")
/// and the modifiers of a noun ("met de andere bewindspersonen": "met").
fn word_before_particles(work: &str, at: usize) -> Option<String> {
    let ws: Vec<(usize, &str)> = words(work.get(..at)?).collect();
    let mut k = ws.len();
    while k > 0 {
        let w = ws[k - 1].1;
        let Some(&(_, first)) = FOCUS_PARTICLES.iter().find(|(last, _)| *last == w) else {
            break;
        };
        match first {
            Some(f) if k >= 2 && ws[k - 2].1 == f => k -= 2,
            Some(_) => break,
            None => k -= 1,
        }
    }
    while k > 1 && NOUN_MODIFIERS.contains(&ws[k - 1].1) {
        k -= 1;
    }
    // A particle alone is no preposition: "Ook Nederland steunt" speaks.
    ws.get(k.checked_sub(1)?).map(|(_, w)| w.to_string())
}

/// Whether the actor at `at` in `work` is named indefinitely ("een minister", "elke
/// staatssecretaris"): no one in particular.
pub fn indefinite(work: &str, at: usize) -> bool {
    previous_word(work, at).is_some_and(|w| {
        matches!(
            w.as_str(),
            "een" | "elke" | "iedere" | "geen" | "welke" | "andere" | "enige"
        )
    })
}

fn previous_word(work: &str, at: usize) -> Option<String> {
    words(work.get(..at)?).last().map(|(_, w)| w.to_string())
}

/// The matched words, extended over the capitalised name after them ("de Minister voor
/// Rechtsbescherming", "het Ministerie van Binnenlandse Zaken en Koninkrijksrelaties").
fn label_with_tail(sentence: &str, range: Range<usize>, tail: bool) -> String {
    let mut end = range.end;
    if tail {
        let rest = sentence.get(range.end..).unwrap_or("");
        let mut consumed = 0;
        let mut pending = 0;
        let mut first = true;
        for (at, w) in words(rest) {
            let word_end = at + w.len();
            let gap = &rest[consumed.max(pending)..at];
            // A ministry's name lists its fields: "van Jeugd, Preventie en Sport",
            // "Landbouw, Visserij, Voedselzekerheid en Natuur".
            let listed = matches!(gap.trim(), "," | "–" | "-")
                && consumed > 0
                && field_list_follows(&rest[at..]);
            if !gap.trim().is_empty() && !listed {
                break;
            }
            let lower = w.to_lowercase();
            if first && (lower == "van" || lower == "voor") {
                pending = word_end;
                first = false;
                continue;
            }
            first = false;
            if lower == "en" && pending == 0 && consumed > 0 {
                pending = word_end;
                continue;
            }
            if w.chars().next().is_some_and(|c| c.is_uppercase()) && (pending > 0 || consumed > 0) {
                consumed = word_end;
                pending = 0;
                continue;
            }
            break;
        }
        if consumed > 0 {
            end = range.end + consumed;
        }
    }
    sentence
        .get(range.start..end)
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_minister_label_takes_the_name_of_the_ministry() {
        let s = "Daarnaast wordt er door de Minister voor Rechtsbescherming gewerkt aan een brief.";
        let at = s.find("de Minister").unwrap();
        assert_eq!(
            label_with_tail(s, at..at + "de Minister".len(), true),
            "de Minister voor Rechtsbescherming"
        );
        let s =
            "verkent het Ministerie van Binnenlandse Zaken en Koninkrijksrelaties de ontwikkeling";
        let at = s.find("het Ministerie").unwrap();
        assert_eq!(
            label_with_tail(s, at..at + "het Ministerie".len(), true),
            "het Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"
        );
    }

    #[test]
    fn an_actor_after_a_preposition_or_a_request_is_not_a_speaker() {
        let lex = Lexicon::bundled().unwrap();
        let s = "de europese commissie heeft aan het kabinet bevestigd";
        assert!(find(&lex, &lex.scan(s), s, 0..s.len(), s, None).is_none());
        let s = "en vraagt het kabinet om te verhelderen";
        assert!(find(&lex, &lex.scan(s), s, 0..s.len(), s, None).is_none());
        // "in Nederland" is the country, not the government speaking.
        let s = "vanwege de handelsplatformen in nederland zal het toezicht zwaarder worden";
        assert!(find(&lex, &lex.scan(s), s, 0..s.len(), s, None).is_none());
        let s = "nederland steunt het voorstel";
        assert!(find(&lex, &lex.scan(s), s, 0..s.len(), s, None).is_some());
        let s = "daarom is het kabinet blij met de inzet";
        assert_eq!(
            find(&lex, &lex.scan(s), s, 0..s.len(), s, None).map(|a| a.label),
            Some("het kabinet".to_string())
        );
    }

    #[test]
    fn a_pronoun_agrees_with_its_antecedent() {
        assert!(agrees("het", "het kabinet"));
        assert!(!agrees("zij", "het kabinet"));
        assert!(agrees("zij", "de regering"));
        assert!(agrees("hij", "de Minister voor Rechtsbescherming"));
        assert!(agrees("hij", "Ondergetekende"));
        assert!(!agrees("het", "ik"));
    }

    #[test]
    fn het_refers_back_only_after_a_government_actor() {
        let lex = Lexicon::bundled().unwrap();
        let s = "het is van mening dat";
        assert!(find(&lex, &lex.scan(s), s, 0..s.len(), s, None).is_none());
        assert_eq!(
            find(&lex, &lex.scan(s), s, 0..s.len(), s, Some("het kabinet")).map(|a| a.label),
            Some("het kabinet".to_string())
        );
    }
}
