//! Government positions: what the cabinet says it wants, rejects, worries about and will do.
//!
//! The method follows `spec/positions-approach.md`, with every rule in `data/stance.toml`:
//!
//! 1. **Voice before stance.** Only body sentences of paragraphs are read: not headings, not
//!    footnotes, not questions, and in answers to parliamentary questions not the quoted
//!    question (zoning: a "Vraag" block until the next "Antwoord"). A clause yields a position
//!    only when a government actor speaks in it: het kabinet, de regering, Nederland (in
//!    Council and BNC texts), ik/wij, a minister or ministry, or "het"/"zij" right after a
//!    government actor ([`actor`]). An actor after a request verb ("verzoekt de regering") is
//!    an addressee, an actor after a preposition ("van het kabinet") an object, and a
//!    dat-clause after another party's reporting verb ("Rathenau stelt dat het kabinet ...")
//!    that party's claim.
//! 2. **Clauses, order-free inside** ([`clauses`]): cue, actor and negation are a bag per
//!    clause, because Dutch inversion scatters them. One record per clause that holds a
//!    position; a coordinated clause without a subject ("en deelt de zorgen") shares the one
//!    before it.
//! 3. **Cues by kind**: a direct cue ("voorstander") carries its stance; an opinion frame ("is
//!    van mening dat", "acht", "wat het kabinet betreft") takes its stance from an evaluation
//!    in its scope ("niet wenselijk", "onvoldoende ... om over te nemen") or falls back to its
//!    default; a voice cue ("heeft de voorkeur") is the letter's own judgement. A frame whose
//!    content is an act of examining ("ziet de noodzaak te onderzoeken") is intent. Phrases
//!    that only look like cues ("vindt plaats", "zal ik toelichten") are listed as such.
//! 4. **Polarity composes by table**: a negator near a cue (or inside or just before a frame)
//!    negates it (`[polarity]`), unless it is part of a pseudo-trigger ("niet alleen", "geen
//!    bezwaar"); a negated lexical negative ("niet onwenselijk") is a hedged support.
//! 5. **Flags with their own scope**: `hedged` and `conditional` look only at the stance clause
//!    and the clauses it governs, up to the next position in the sentence.
//! 6. **Topics inherit** from heading, paragraph, section and, in answers, the question
//!    ([`topics`]).
//!
//! Every record names the rule that produced it (`rule`) and the words that carried it (`cue`).
//! The rules were grown from the bundled letters and checked on a BNC-fiche, an answer to
//! questions and a motion; `tests/cases/positions.toml` pins each behaviour down.

mod actor;
pub mod answers;
pub mod clauses;
pub mod lexicon;
mod polarity;
mod target;
pub mod topics;

use super::gate::Seen;
use super::Doc;
use crate::normalize::BlockKind;
use crate::record::{Position, Span, Stance};
use clauses::{prepare_lowered, words, Prepared};
use lexicon::{BlockerKind, CueKind, Lexicon};
use std::ops::Range;
use topics::Topics;

/// Finite forms of the verbs that link a subject to its complement: a clause holding one
/// is a statement of its own, not an elliptic verdict ("maar dat is niet haalbaar").
const FINITE_LINKS: [&str; 12] = [
    "is", "zijn", "was", "waren", "wordt", "worden", "blijft", "blijven", "kan", "kunnen", "zal",
    "zullen",
];

/// "als" that names a role or a part, not a condition: ", als onderdeel van de Klimaatnota,",
/// "als gevolg van", "als voorzitter van de Raad".
static AS_A_ROLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^\s*als\s+(?:onderdeel|gevolg|zodanig|eerste|tweede|derde|laatste|volgt|geheel|voorbeeld|uitgangspunt|basis|ook|lid|minister|staatssecretaris|kabinet|voorzitter|coördinator|gastland|lidstaat|wetgever|toezichthouder|werkgever|aandeelhouder|reactie|antwoord|vervolg|opvolging|aanvulling|alternatief|tegenprestatie|voorwaarde)\b")
        .expect("valid regex")
});

/// The auxiliary of the future in a clause ("Nederland zal ... pleiten voor").
static FUTURE: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\b(?:zal|zullen)\b").expect("valid regex"));

/// The head of a paper the Kamer's members write, in the capitals of a paper's title: a motion or
/// an amendment ("Nr. 18 AMENDEMENT VAN HET LID CEDER", "Nr. 7 GEWIJZIGDE MOTIE VAN DE LEDEN ..."), or a committee's report of
/// its members' questions ("Nr. 6 VERSLAG", "VOORLOPIG VERSLAG"). What the government says in
/// it is quoted by the members. A "nota naar aanleiding van het verslag", a "verslag van een
/// schriftelijk overleg" and a "verslag houdende een lijst van vragen en antwoorden" hold the
/// government's answers: their heads do not match.
static MEMBERS_PAPER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?m)^[ \t]*(?:(?i:nr)\.[ \t]*\d+[a-zA-Z]?|[A-Z]{1,2})[ \t]+(?:(?:(?:NADER[ \t]+)?GEWIJZIGDE?|SUB)[ \t]*)?(?:AMENDEMENT|MOTIE)[ \t]+VAN[ \t]+(?:HET[ \t]+LID|DE[ \t]+LEDEN)\b|(?m)^[ \t]*(?:(?i:nr)\.[ \t]*\d+[a-zA-Z]?|[A-Z]{1,2})[ \t]+(?:VOORLOPIG[ \t]+|EIND)?VERSLAG[ \t]*$",
    )
    .expect("valid regex")
});

/// A question told as the members' ("De leden van de VVD-fractie vragen of ...", "Het lid
/// Omtzigt vraagt ...", "vroeg het lid Meulenbelt: «...?»"), as a nota naar aanleiding van het
/// verslag numbers them, or a letter heads a member's question from a debate.
static FACTION_ASKS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(?:de|deze)\s+leden\s+van\s+de\b|\bhet\s+lid\s+\S+\s+(?:vraagt|vroeg|wil|wilde)\b|\b(?:vraagt|vroeg|wil|wilde)\s+het\s+lid\s+\S+",
    )
    .expect("valid regex")
});
/// A paragraph that goes on in the members' voice ("Deze leden vragen voorts ...", "Zij
/// vragen ook ...").
static MEMBERS_GO_ON: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(?:(?:de|deze)\s+leden|het\s+lid|zij\s+(?:vragen|willen|wijzen|merken|lezen)|ook\s+vragen|voorts|tevens\s+vragen|daarnaast\s+vragen)\b")
        .expect("valid regex")
});

/// A heading over questions and their answers ("Vraag en antwoord uit het debat", "Vragen en
/// antwoorden", "Vragen uit het debat", "Vragen over opvang tijdens de procedure": a letter
/// that answers what a debate left open, in prose), as opposed to a question's own label
/// ("Vraag 3") or a member's question ("Vragen over de opvang?").
static QA_SECTION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(?:(?:[ivx]{1,4}|\d{1,2}(?:\.\d{1,2})*)[.)]?\s+)?(?:(?:vraag|vragen)\s+en\s+(?:antwoord|antwoorden)\b|vragen\s+(?:uit|in|tijdens)\s+(?:het|de)\s+(?:\S+\s+){0,2}?(?:\S*debat|\S*overleg|behandeling|termijn)\s*$|vragen\s+(?:over|rond|rondom|inzake|omtrent|betreffende|aangaande|met\s+betrekking\s+tot|ten\s+aanzien\s+van)\s+[^?.!;:\n]{1,100}$)")
        .expect("valid regex")
});

/// A list's lead-in ("Ik zal daarom:"): its text, the records it gave in the output, and
/// whether an item read with it gave one.
struct LeadIn {
    text: String,
    records: Range<usize>,
    used: bool,
}

/// The marker of a list item: a dash or bullet, or a letter or number with a full stop or
/// bracket ("– een handreiking opstellen;", "a. de afdeling uitbreiden;", "1) ...").
static LIST_ITEM: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^\s*(?:[–\-•·▪*]|\(?[a-z0-9]{1,2}[.)])\s+").expect("valid regex")
});

/// The opening of a motion the letter quotes ("De Kamer, gehoord de beraadslaging,
/// constaterende dat ..."), also split over lines or set in quotes: the Kamer's words, up to
/// its closing formula, however often they name the cabinet.
static QUOTED_MOTION_OPENS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r#"^[«"“‘'(]?\s*(?:de\s+kamer\s*,?\s*(?:$|gehoord\s+de\s+beraadslaging)|gehoord\s+de\s+beraadslaging)"#,
    )
    .expect("valid regex")
});

/// The closing formula of a motion ("en gaat over tot de orde van de dag").
static QUOTED_MOTION_ENDS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\bgaat\s+over\s+tot\s+de\s+orde\s+van\s+de\s+dag\b").expect("valid regex")
});

/// How many blocks a quoted motion may run without its closing formula: past that the
/// quotation is taken to have ended unmarked.
const QUOTED_MOTION_BLOCKS: usize = 16;

/// The head of a committee's list of questions on a letter ("Nr. 1291 LIJST VAN VRAGEN"): the
/// members' questions, which quote the letter ("U schrijft dat het kabinet ..."). A list of
/// questions and answers ("LIJST VAN VRAGEN EN ANTWOORDEN", also wrapped over two lines) holds
/// the government's answers.
static QUESTIONS_ONLY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?m)^[ \t]*(?:(?i:nr)\.[ \t]*\d+[a-zA-Z]?[ \t]+)?LIJST[ \t]+VAN[ \t]+VRAGEN[ \t]*$",
    )
    .expect("valid regex")
});

/// A committee's decision list: numbered agenda items, each with the committee's "Besluit:".
/// What it notes of a minister's letter ("Noot: De minister ontraadt in de brief ...") is
/// reported, not said. Its printed head ("BESLUITENLIJST PROCEDUREVERGADERING") is furniture
/// normalization drops, so the list is known by its fields.
static DECISION_LIST: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?m)^[ \t]*(?:\d+\.[ \t]*)?Agendapunt(?:[ \t]*:|[ \t]+\d)")
        .expect("valid regex")
});

/// Where a committee's decision list begins in the paper `text`, if it holds one: its
/// decisions are the committee's, but the commitments of a member of the government it lists
/// ("De staatssecretaris zegt toe de Kamer voor de zomer te informeren") are still theirs. A
/// letter may carry the list as its annex: the letter before it is the minister's own.
fn decision_list(text: &str) -> Option<usize> {
    let first = DECISION_LIST.find(text)?;
    text.matches("Besluit:")
        .nth(1)
        .is_some()
        .then(|| text[..first.start()].rfind('\n').map_or(0, |i| i + 1))
}

/// A commitment a decision list records: an intent whose subject is the government by office
/// ("de minister", "de staatssecretaris", "het kabinet").
fn listed_commitment(f: &Found) -> bool {
    f.stance == Stance::Intent && opens_with_an_office(&f.actor)
}

/// Whether the paper `text` is one the members write (its head, in the first lines).
fn written_by_members(text: &str) -> bool {
    let head = &text[..crate::text::floor_boundary(text, 1500.min(text.len()))];
    MEMBERS_PAPER.is_match(head)
        || QUESTIONS_ONLY.find_iter(head).any(|m| {
            !head[m.end()..]
                .trim_start()
                .to_uppercase()
                .starts_with("EN ANTWOORD")
        })
}

/// Whether a sentence without a government actor still refers back to the person of the
/// sentence before by an object or possessive form ("Een verbod zou volgens hem ... belemmeren",
/// "zijns inziens"): that person stays the one "hij"/"zij" names in the next sentence.
fn refers_back_to_person(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    let ws: Vec<&str> = words(&lower).map(|(_, w)| w).collect();
    ws.iter().enumerate().any(|(i, &w)| {
        let next = ws.get(i + 1).copied().unwrap_or("");
        w == "hem"
            || (w == "zijns" && next == "inziens")
            || (w == "volgens" && next == "haar")
            || (w == "naar"
                && matches!(next, "zijn" | "haar")
                && matches!(
                    ws.get(i + 2).copied().unwrap_or(""),
                    "oordeel" | "mening" | "opvatting" | "inschatting"
                ))
    })
}

/// A relative clause that says what a law or an article provides ("dat bepaalt", "die
/// voorschrijft dat").
static LAW_SAYS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^\s*(?:dat|die|waarin|welke)\s+(?:\S+\s+){0,2}?(?:bepaalt|bepalen|regelt|regelen|voorschrijft|voorschrijven|inhoudt|inhouden|luidt|luiden|vereist|vereisen|verbiedt|verbieden|toestaat|toestaan)\b",
    )
    .expect("valid regex")
});

/// Finite verbs that open the main clause after a fronted subject clause ("Dat ..., doet er
/// niet aan af", "Dat ..., betekent niet dat").
const MAIN_VERBS_AFTER_SUBJECT_CLAUSE: &[&str] = &[
    "doet",
    "betekent",
    "neemt",
    "laat",
    "maakt",
    "is",
    "was",
    "blijkt",
    "zegt",
    "houdt",
    "verandert",
    "staat",
    "impliceert",
    "rechtvaardigt",
    "illustreert",
    "onderstreept",
    "toont",
    "geeft",
    "vormt",
    "heeft",
    "hoeft",
    "wil",
    "kan",
    "mag",
    "moet",
    "geldt",
    "verklaart",
];

/// Words of a negative predicate ("verzet zich tegen", "staat in de weg", "belemmert", "wordt
/// geschonden"): a negator before them denies an objection or a harm, it does not deny the
/// view ("Het eigendomsrecht wordt naar het oordeel van de regering niet geschonden").
const NEGATIVE_PREDICATES: &[&str] = &[
    "tegen",
    "weg",
    "belemmer",
    "verhinder",
    "verbied",
    "uitsluit",
    "afbreuk",
    "geschonden",
    "schend",
    "aangetast",
    "aantast",
    "ondermijn",
    "doorkruis",
];

/// The actor label of a voice cue: the letter speaks, no actor is named.
pub const LETTER_VOICE: &str = "het kabinet (de brief)";

/// Does a sentence (a list item's dash aside) open with a member of the government or the
/// cabinet as its subject ("– De Minister informeert de Kamer ...", "De staatssecretaris zegt
/// toe ..."), as a commitment the chair reads out does? Not "Ik schors de vergadering, waarna de
/// minister zal antwoorden".
fn opens_with_an_office(sentence: &str) -> bool {
    let text = LIST_ITEM
        .find(sentence)
        .map_or(sentence, |m| &sentence[m.end()..]);
    let lower = text.trim_start().to_lowercase();
    let lower = lower
        .strip_prefix("de ")
        .or_else(|| lower.strip_prefix("het "))
        .unwrap_or(&lower);
    ["minister", "staatssecretaris", "kabinet", "regering"]
        .iter()
        .any(|o| lower.starts_with(o))
}

/// The office of a government speaker in a debate, from the turn's label ("minister
/// Yeşilgöz-Zegerius:", lower-cased): "de minister", "de staatssecretaris", "de
/// minister-president".
fn speaker_office(head: &str) -> &'static str {
    if head.starts_with("minister-president") {
        "de minister-president"
    } else if head.starts_with("staatssecretaris") {
        "de staatssecretaris"
    } else {
        "de minister"
    }
}

pub struct PositionExtractor {
    lex: Lexicon,
    topics: Topics,
}

/// A position found in one sentence, before it becomes a record.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub actor: String,
    pub stance: Stance,
    pub cue: String,
    pub rule: String,
    pub target: String,
    pub hedged: bool,
    pub conditional: bool,
}

/// What one sentence yields, and whether a government actor spoke in it (for "het" in the
/// next sentence).
#[derive(Debug, Clone, Default)]
pub struct SentenceReading {
    pub positions: Vec<Found>,
    pub antecedent: Option<String>,
}

#[derive(Debug, Clone)]
struct Hit {
    cue: usize,
    range: Range<usize>,
}

#[derive(Debug, Clone)]
struct ClauseState {
    actor: Option<actor::ActorHit>,
    inherited: bool,
    cue: Option<Hit>,
}

impl PositionExtractor {
    pub fn new() -> crate::Result<PositionExtractor> {
        Ok(PositionExtractor {
            lex: Lexicon::bundled()?,
            topics: Topics::bundled()?,
        })
    }

    /// An extractor with other data (for tests and user lexicons).
    pub fn with(lex: Lexicon, topics: Topics) -> PositionExtractor {
        PositionExtractor { lex, topics }
    }

    pub fn topics(&self) -> &Topics {
        &self.topics
    }

    pub fn extract(&self, doc: &Doc) -> Vec<Position> {
        let norm = doc.norm;
        let mut out = Vec::new();
        if written_by_members(&norm.text) {
            return out;
        }
        let decisions = decision_list(&norm.text);
        let mut antecedent: Option<String> = None;
        let mut last_block: Option<usize> = None;
        let mut in_question = false;
        // Inside a quoted motion: the blocks it has left before it is taken to have ended.
        let mut motion_left: usize = 0;
        let mut in_motion = false;
        // Where the quoted motion's closing formula ends, in the block that holds it.
        let mut motion_closed_at: Option<usize> = None;
        // In a debate's transcript: whether the turn being read is the government's, and who
        // speaks in it ("de minister"): the voice of a sentence that names no one is theirs,
        // not a letter's.
        let mut government_turn: Option<bool> = None;
        let mut turn_speaker: Option<&'static str> = None;
        // The chair's turn in a report of a debate: not the government's, except the
        // commitments the chair reads out with a member of the government as their subject ("De
        // Minister informeert de Kamer voor de zomer over ...", "De staatssecretaris zegt toe
        // ...").
        let mut chair_turn = false;
        // Right after an answer's label: its first sentence may be a bare "Ja." or "Nee.".
        let mut answer_opening = false;
        let mut bare_answer: Option<answers::BareAnswer> = None;
        // A bare "Ja."/"Nee." whose paragraph has ended, waiting for the rest of its answer, and
        // where it goes in the records: a later paragraph may take the asked view in words the
        // other way ("Ja. <the fact asked first> | Ik deel die zorg niet."), and that answers it.
        let mut pending_bare: Option<(usize, answers::BareAnswer)> = None;
        // Whether that answer says more than "Ja."/"Nee." ("Nee, dat vind ik niet."): then only
        // its own sentence may say it in words, and the sentences after it are positions of
        // their own.
        let mut answer_complete = false;
        // The text of the last question and the topics it named (answers inherit them).
        let mut question = String::new();
        // Numbered questions ("Vraag 3"), so that an answer labelled with its number reads its
        // own question even when all questions come first; and the question being filled.
        let mut numbered: Vec<(String, String)> = Vec::new();
        let mut filling: Option<usize> = None;
        let mut answered_question = String::new();
        let mut asked: Vec<String> = Vec::new();
        let mut context_cache: Option<(usize, topics::Context)> = None;
        let mut block_topics = topics::BlockTopics::default();
        // A lead-in that says who acts but not on what ("Ik zal daarom:", "Het kabinet werkt
        // aan:"): what it commits to is in the list items after it, each read and quoted with
        // it. Its own records stand only if no item gives one.
        let mut lead_in: Option<LeadIn> = None;
        for (si, s) in norm.sentences.iter().enumerate() {
            let Some(b) = s.block else { continue };
            if last_block != Some(b) {
                // A paragraph that opens with a pronoun refers back to the government actor
                // of the paragraph before's last sentence ("... De regering heeft dat gedaan. |
                // Zij is thans van oordeel dat ..."): kept from one body paragraph to the next,
                // not past a heading or a question.
                let carried = last_block.is_some_and(|l| {
                    norm.blocks.get(l).map(|bl| bl.kind) == Some(BlockKind::Paragraph)
                }) && norm.blocks.get(b).map(|bl| bl.kind)
                    == Some(BlockKind::Paragraph)
                    && si > 0
                    && !norm
                        .slice(norm.sentences[si - 1].span)
                        .trim_end()
                        .ends_with('?');
                if !carried {
                    antecedent = None;
                }
                last_block = Some(b);
                if let Some(p) = bare_answer.take() {
                    flush_bare(&mut out, pending_bare.take());
                    pending_bare = Some((out.len(), p));
                }
                // Answers to questions: the question is the member's voice, skip it.
                let block_text = norm.slice(norm.blocks[b].span);
                let head = clauses::lower_same_len(block_text.trim_start());
                if QUOTED_MOTION_OPENS.is_match(&head) {
                    motion_left = QUOTED_MOTION_BLOCKS;
                } else if norm.blocks[b].kind == BlockKind::Heading {
                    motion_left = 0;
                }
                in_motion = motion_left > 0;
                motion_closed_at = None;
                if in_motion {
                    // The letter's own words may follow the closing formula in the same block
                    // (a line break, no blank line): from there on they are the government's.
                    let lowered = clauses::lower_same_len(block_text);
                    motion_closed_at = QUOTED_MOTION_ENDS
                        .find(&lowered)
                        .map(|m| norm.blocks[b].span.start + m.end());
                    motion_left = if motion_closed_at.is_some() {
                        0
                    } else {
                        motion_left - 1
                    };
                }
                if self.lex.speaker_turn.is_match(&head) {
                    government_turn = Some(self.lex.government_turn.is_match(&head));
                    chair_turn = head.starts_with("de voorzitter");
                    turn_speaker = government_turn
                        .filter(|&g| g)
                        .map(|_| speaker_office(&head));
                }
                if self.lex.faction_section.is_match(&head) {
                    // "Vragen en opmerkingen van de leden van de VVD-fractie": in a report of
                    // questions the zone around it goes on; in a memorie van antwoord the
                    // answers follow under it, and the members' paragraphs are theirs by
                    // their own words ("De leden ... vragen").
                } else if QA_SECTION.is_match(&head) {
                    // "Vraag en antwoord uit het debat", "Vragen en antwoorden": a heading over
                    // answers told in prose, not a member's question.
                    in_question = false;
                    filling = None;
                } else if self.lex.question_zone.is_match(&head) {
                    if !in_question {
                        question.clear();
                    }
                    flush_bare(&mut out, pending_bare.take());
                    in_question = true;
                    filling = answers::label_numbers(&head).into_iter().next().map(|n| {
                        numbered.push((n, String::new()));
                        numbered.len() - 1
                    });
                } else if self.lex.answer_zone.is_match(&head) {
                    flush_bare(&mut out, pending_bare.take());
                    in_question = false;
                    answer_opening = true;
                    filling = None;
                    // An answer labelled with numbers reads those questions; else the
                    // questions just before it.
                    let own: Vec<&str> = answers::label_numbers(&head)
                        .iter()
                        .filter_map(|n| {
                            numbered
                                .iter()
                                .rev()
                                .find(|(k, _)| k == n)
                                .map(|(_, q)| q.as_str())
                        })
                        .collect();
                    answered_question = if own.is_empty() {
                        question.clone()
                    } else {
                        own.join("\n")
                    };
                    // The answer is about what was asked: it inherits the question's topics.
                    asked = self
                        .topics
                        .find(&answered_question)
                        .into_iter()
                        .map(|t| t.id.clone())
                        .collect();
                } else if norm.blocks[b].kind == BlockKind::Heading {
                    // A section of its own ends the question even without an answer label: a
                    // letter's "Vragen van de commissie" does not silence the rest of it.
                    in_question = false;
                } else if in_question
                    && FACTION_ASKS.is_match(&question)
                    && !MEMBERS_GO_ON.is_match(&head)
                    && !block_text.trim_end().ends_with('?')
                {
                    // A nota's numbered question reports the members ("Vraag 2 / De leden van
                    // de VVD-fractie vragen of ..."); the paragraph after it, in other words
                    // than theirs, is the government's answer, with or without a label.
                    in_question = false;
                }
                if in_question {
                    question.push_str(block_text);
                    question.push('\n');
                    if let Some((_, q)) = filling.and_then(|i| numbered.get_mut(i)) {
                        q.push_str(block_text);
                        q.push('\n');
                    }
                }
            }
            let quoted = in_motion && motion_closed_at.is_none_or(|end| s.span.start < end);
            if in_question || quoted || (government_turn == Some(false) && !chair_turn) {
                continue;
            }
            if answer_opening {
                let text = norm.slice(s.span);
                if !answers::is_label(text) {
                    answer_opening = false;
                    // Kept back until the answer's paragraph ends: "Ja, ik zal …" and "Nee.
                    // Ik ben geen voorstander van …" say it in words, and that reading stands.
                    bare_answer = answers::read(&answered_question, text).map(|a| {
                        let ask_stem = a.ask_stem.clone();
                        let position = self.answered(doc, a, text, s.span, &asked);
                        answers::BareAnswer::new(position, ask_stem)
                    });
                    answer_complete = answers::says_more(text);
                }
            }
            if norm.blocks.get(b).map(|bl| bl.kind) != Some(BlockKind::Paragraph)
                || topics::is_heading_like(norm, b)
            {
                continue;
            }
            // A turn's first sentence carries the speaker's label ("Minister Pia Dijkstra: De
            // inspectie evalueert ..."): the label says whose turn it is, not who the subject
            // of the sentence is, so it is read and quoted without it.
            let whole = norm.slice(s.span);
            let label = self.speaker_label_len(whole);
            let text = &whole[label..];
            let span = Span::new(s.span.start + label, s.span.end);
            let item = LIST_ITEM.find(text);
            if item.is_none() {
                if let Some(done) = lead_in.take().filter(|l| l.used) {
                    out.drain(done.records);
                }
            }
            let with_lead = match (&lead_in, item) {
                (Some(lead), Some(marker)) => {
                    Some(format!("{} {}", lead.text, &text[marker.end()..]))
                }
                _ => None,
            };
            let mut reading =
                self.read_sentence(with_lead.as_deref().unwrap_or(text), antecedent.as_deref());
            // Without a subject of its own ("Dan blijft het oordeel ontraden.") the sentence is
            // the speaker's, as the label says.
            if label > 0
                && reading.positions.is_empty()
                && !opens_with_noun_phrase(&clauses::lower_same_len(text))
            {
                reading = self.read_sentence(whole, antecedent.as_deref());
            }
            // A lead-in with a target of its own ("Ik neem daarom de volgende maatregelen:")
            // is a position itself; the items stand on their own.
            let opens_list = item.is_none()
                && text.trim_end().ends_with(':')
                && !reading.positions.is_empty()
                && reading.positions.iter().all(|f| f.target.is_empty())
                && norm
                    .sentences
                    .get(si + 1)
                    .is_some_and(|n| LIST_ITEM.is_match(norm.slice(n.span)));
            if with_lead.is_some() && !reading.positions.is_empty() {
                if let Some(lead) = lead_in.as_mut() {
                    lead.used = true;
                }
            }
            let records_from = out.len();
            // A person ("de minister") stays the antecedent over a sentence that names no
            // government actor but refers back to that person ("volgens hem").
            let person_kept = reading.antecedent.is_none()
                && antecedent
                    .as_deref()
                    .is_some_and(|a| a.to_lowercase().starts_with("de "))
                && refers_back_to_person(text);
            if !person_kept {
                antecedent = reading.antecedent.clone();
            }
            if reading.positions.is_empty() {
                continue;
            }
            let context = match &context_cache {
                Some((cb, c)) if *cb == b => c.clone(),
                _ => {
                    let c = self.topics.context_with(norm, b, &mut block_topics);
                    context_cache = Some((b, c.clone()));
                    c
                }
            };
            let mut topics = self.topics.with_context(text, &context);
            topics.add_all(&asked, "question");
            let sentence = with_lead
                .as_deref()
                .unwrap_or(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            // Words of the same answer that take the asked view the other way ("Ja, die
            // antwoorden herinner ik mij. Nee, die mening deel ik niet.") stand over the "Ja".
            if !answer_complete
                || bare_answer.as_ref().is_some_and(|a| {
                    a.position.span == Span::new(s.span.start, s.span.end)
                        || reading.positions.iter().any(|f| a.answered_otherwise(f))
                })
            {
                bare_answer = None;
            }
            if pending_bare
                .as_ref()
                .is_some_and(|(_, p)| reading.positions.iter().any(|f| p.answered_otherwise(f)))
            {
                pending_bare = None;
            }
            for f in reading.positions {
                // The chair's turn is never the government's (see above).
                if chair_turn && !(f.stance == Stance::Intent && opens_with_an_office(text)) {
                    continue;
                }
                if decisions.is_some_and(|from| s.span.start >= from) && !listed_commitment(&f) {
                    continue;
                }
                let actor = match turn_speaker {
                    Some(office) if f.actor == LETTER_VOICE => office.to_string(),
                    _ => f.actor,
                };
                out.push(Position {
                    doc: doc.id.to_string(),
                    actor,
                    stance: f.stance,
                    cue: f.cue,
                    target: f.target,
                    topics: topics.topics.clone(),
                    topic_sources: topics.sources.clone(),
                    hedged: f.hedged,
                    conditional: f.conditional,
                    sentence: sentence.clone(),
                    span,
                    date: doc.date.map(str::to_string),
                    rule: f.rule,
                });
            }
            if opens_list {
                lead_in = Some(LeadIn {
                    text: text.trim_end().trim_end_matches(':').to_string(),
                    records: records_from..out.len(),
                    used: false,
                });
            }
        }
        if let Some(done) = lead_in.take().filter(|l| l.used) {
            out.drain(done.records);
        }
        flush_bare(&mut out, pending_bare.take());
        out.extend(bare_answer.map(|a| a.position));
        out
    }

    /// The length of the speaker's label a sentence opens with ("Minister Pia Dijkstra:",
    /// "De heer Jansen (VVD):"), with the spaces after it; 0 without one.
    fn speaker_label_len(&self, sentence: &str) -> usize {
        let lead = sentence.len() - sentence.trim_start().len();
        // A label is a few words and a colon: most sentences have no colon near their start.
        let head = crate::text::window_after(sentence, lead, 120);
        if !head.contains(':') {
            return 0;
        }
        let lowered = clauses::lower_same_len(head);
        match self.lex.speaker_turn.find(&lowered) {
            Some(m) if lead + m.end() < sentence.len() => {
                let rest = &sentence[lead + m.end()..];
                lead + m.end() + (rest.len() - rest.trim_start().len())
            }
            _ => 0,
        }
    }

    /// The position of a bare "Ja." / "Nee." answer (see [`answers`]): the answering minister
    /// speaks ("ik"), about what the question named.
    fn answered(
        &self,
        doc: &Doc,
        a: answers::Answered,
        text: &str,
        span: Span,
        asked: &[String],
    ) -> Position {
        let mut topics: Vec<String> = self
            .topics
            .find(&a.target)
            .into_iter()
            .map(|t| t.id.clone())
            .collect();
        let mut sources = vec!["sentence".to_string(); topics.len()];
        for t in asked {
            if !topics.contains(t) {
                topics.push(t.clone());
                sources.push("question".to_string());
            }
        }
        Position {
            doc: doc.id.to_string(),
            actor: "ik".to_string(),
            stance: a.stance,
            cue: a.cue,
            target: a.target,
            topics,
            topic_sources: sources,
            hedged: false,
            conditional: false,
            sentence: text.split_whitespace().collect::<Vec<_>>().join(" "),
            span: Span::new(span.start, span.end),
            date: doc.date.map(str::to_string),
            rule: a.rule.to_string(),
        }
    }

    /// Read one sentence. `antecedent` is the government actor of the sentence before, if any.
    pub fn read_sentence(&self, sentence: &str, antecedent: Option<&str>) -> SentenceReading {
        let lex = &self.lex;
        let mut reading = SentenceReading::default();
        let trimmed = sentence.trim_end();
        // Most sentences name no government actor and hold no voice cue: nothing to read.
        let mut lower = clauses::lower_same_len(sentence);
        // A row of a text table speaks in its last cell (an appraisal's "| Ontraden"); the
        // cells before it name and describe what is appraised ("Verzoekt de regering ...").
        if crate::normalize::blocks::is_table_row(&lower) {
            if let Some(last) = lower.rfind(" | ") {
                lower = " ".repeat(last) + &lower[last..];
            }
        }
        // Actors (a pronoun only after a government actor) and cues that speak for
        // themselves, each tried only when its literals are in the sentence.
        let speak = lex.speak_gate.scan(&lower);
        let may_speak = lex.speakers().enumerate().any(|(i, (pattern, pronoun))| {
            (!pronoun || antecedent.is_some()) && pattern.is_match_gated(&speak, i, &lower, 0)
        });
        if !may_speak {
            return reading;
        }
        let seen = lex.scan(&lower);
        let mut p = prepare_lowered(
            sentence,
            lower,
            &lex.clauses.words,
            &lex.clauses.words_after_break,
        );
        // The work text is `lower` with asides blanked to spaces: what the gate saw in
        // `lower` holds for it.
        p.seen = seen;
        let mut states: Vec<ClauseState> = Vec::with_capacity(p.clauses.len());
        let mut last_actor: Option<String> = antecedent.map(str::to_string);
        let first_is_noun_phrase = p.clauses.first().is_some_and(|c| {
            let first = &p.work[c.range.clone()];
            opens_with_noun_phrase(first) && !adjective_before_comma(first)
        });
        for (ci, c) in p.clauses.iter().enumerate() {
            // A cue may run on into a clause opened by a word that is often a determiner
            // ("ik deel | die mening") or by "en" before a noun phrase ("ga met Geldmaat | en
            // de banken in gesprek"), but it must start in this clause.
            // So it may run on past a list of noun phrases ("werk ik samen met de Pensioenfederatie, |
            // het Verbond van Verzekeraars | en de toezichthouders aan ...").
            // The last member of a list may be a bare plural ("met DNB, | de NVB | en
            // vertegenwoordigers van kerken in gesprek"): after a listed member, "en" and a
            // word that is not a verb still ends the list.
            let mut run_on = c.range.end;
            let mut in_list = false;
            for (k, n) in p.clauses.iter().enumerate().skip(ci + 1).take(4) {
                let listed = self.listed_noun_phrase(&p, k)
                    || (in_list
                        && n.opener
                            .as_ref()
                            .is_some_and(|o| lex.clauses.coordinators.contains(o))
                        && !self.elided_subject(&p, k));
                let joins = n.range.start == run_on
                    && (n
                        .opener
                        .as_ref()
                        .is_some_and(|o| lex.clauses.weak_openers.contains(o))
                        || self.coordinates_a_noun_phrase(&p, k)
                        || listed);
                if !joins {
                    break;
                }
                in_list = listed;
                run_on = n.range.end;
                // Only a list goes on past its next member.
                if n.opener
                    .as_ref()
                    .is_some_and(|o| lex.clauses.weak_openers.contains(o))
                {
                    break;
                }
            }
            let text = &p.work[c.range.start..run_on];
            // A cue may end on the "om" that opens the next clause ("heeft zich ten doel
            // gesteld | om ...", "besluit | om ..."): the word is the cue's, what follows it
            // is the plan. Tried last: a cue that ends the clause ("neem het advies over | om
            // ...") matches the clause's end, not a word after it.
            let with_om = || {
                let n = p.clauses.get(ci + 1)?;
                if run_on != c.range.end
                    || n.range.start != run_on
                    || n.opener.as_deref() != Some("om")
                {
                    return None;
                }
                let rest = &p.work[n.range.clone()];
                let word = rest.len() - rest.trim_start().len() + "om".len();
                let after = rest.get(word..).unwrap_or("");
                let end = n.range.start + word + (after.len() - after.trim_start().len());
                self.best_cue(
                    &p.work[c.range.start..end.min(n.range.end)],
                    c.range.start,
                    c.range.len(),
                    &p.seen,
                )
            };
            let cue = self
                .best_cue(text, c.range.start, c.range.len(), &p.seen)
                .or_else(|| self.cue_past_interruption(&p, ci))
                .or_else(|| self.cue_past_infinitive(&p, ci))
                .or_else(with_om)
                .map(|h| Hit {
                    cue: h.cue,
                    range: h.range.start + c.range.start..h.range.end + c.range.start,
                });
            // A pronoun after a main clause with a subject of its own ("De Raad heeft
            // aangegeven dat het ...", "Het OM laat weten dat zij ...") refers to that subject,
            // not to the government actor of the sentence before.
            let other_subject =
                ci > 0 && states.iter().all(|s| s.actor.is_none()) && first_is_noun_phrase;
            let mut actor = actor::find(
                lex,
                &p.seen,
                &p.work,
                c.range.clone(),
                sentence,
                if other_subject {
                    None
                } else {
                    last_actor.as_deref()
                },
            );
            let mut inherited = false;
            // The subject is shared after "en deelt", and a long name ("de Staatssecretaris
            // van Justitie | en Veiligheid") runs on into the next clause.
            let name_runs_on = ci > 0
                && states[ci - 1]
                    .actor
                    .as_ref()
                    .is_some_and(|a| a.range.end > c.range.start);
            if actor.is_none() && ci > 0 && name_runs_on {
                actor = states[ci - 1].actor.clone();
                inherited = actor.is_some();
            } else if actor.is_none() && ci > 0 && self.elided_subject(&p, ci) {
                actor = self.shared_subject(&p, &states, ci);
                inherited = actor.is_some();
            } else if actor.is_none() && c.opener.is_none() && ci > 1 {
                // A group subject with the government set apart in it: "Verschillende
                // lidstaten, | waaronder Nederland, | uitten zorgen": the verb after the
                // apposition speaks for Nederland too.
                actor = self
                    .apposed_actor(&p, &states, ci)
                    .or_else(|| self.resumed_actor(&p, &states, ci));
                inherited = actor.is_some();
            }
            // A fronted object that an "en" split ("De zorgen van uw Kamer over het UWV | en
            // de SVB deel ik"): the cue ran on into the next clause, and its subject stands
            // in the words it ran on into, after the verb.
            if actor.is_none() {
                if let Some(h) = cue.as_ref().filter(|h| h.range.end > c.range.end) {
                    actor = actor::find(
                        lex,
                        &p.seen,
                        &p.work,
                        c.range.end..h.range.end,
                        sentence,
                        None,
                    );
                }
            }
            if let Some(a) = &actor {
                last_actor = Some(a.label.clone());
            }
            states.push(ClauseState {
                actor,
                inherited,
                cue,
            });
        }
        // An indefinite "een minister" ("dat een minister, die zelf lid is van een partij,
        // toezicht houdt") is nobody a "zij" in the next sentence refers back to.
        reading.antecedent = states
            .iter()
            .rev()
            .filter_map(|s| s.actor.as_ref())
            .find(|a| !actor::indefinite(&p.work, a.range.start))
            .map(|a| a.label.clone());
        // A question, also one quoted ("Is de staatssecretaris voornemens ...?"").
        if trimmed
            .trim_end_matches(['"', '\'', '”', '’', '»', ')'])
            .ends_with('?')
        {
            return reading;
        }

        // A reported question ("De leden ... vragen hoe het kabinet ... en willen weten of
        // ..."): no clause up to the first ";" after it holds a position.
        let silenced = self.silenced_until(&p);
        // Clauses that hold a position, with what they found.
        let mut held: Vec<(usize, Found, Vec<usize>)> = Vec::new();
        // The end of the cue of the last position: a cue that ran on into later clauses
        // holds their words, and a cue inside them is the same judgement read again.
        let mut cue_end = 0;
        for ci in 0..states.len() {
            if p.clauses[ci].range.start < silenced {
                continue;
            }
            if states[ci]
                .cue
                .as_ref()
                .is_some_and(|h| h.range.start < cue_end)
            {
                continue;
            }
            // Nor is an evaluation an earlier frame took as its content ("Het kabinet heeft
            // aangegeven | dat een verlaging niet aan de orde is"), unless the clause names a
            // speaker of its own.
            let framed = held.iter().any(|(_, _, clauses)| clauses.contains(&ci));
            let own_speaker = states[ci].actor.is_some() && !states[ci].inherited;
            if framed && !own_speaker {
                continue;
            }
            if let Some(found) = self.position_in(&p, &states, ci, sentence) {
                cue_end = states[ci].cue.as_ref().map_or(0, |h| h.range.end);
                held.push((ci, found.0, found.1));
            }
        }
        // A contrast after a point conceded states the writer's own judgement without naming
        // the writer again ("Ik begrijp de zorg van de leden, | maar een verbod is niet
        // proportioneel").
        for j in 1..states.len() {
            if p.clauses[j].range.start < silenced
                || held
                    .iter()
                    .any(|(ci, _, clauses)| *ci == j || clauses.contains(&j))
            {
                continue;
            }
            if let Some(found) = self.conceded_contrast(&p, &states, j, sentence) {
                held.push((j, found, vec![j]));
            }
        }
        held.sort_by_key(|(ci, _, _)| *ci);
        // Flags: the scope of a position runs from the clause after the previous position to
        // the clause before the next one.
        let starts: Vec<usize> = held.iter().map(|(ci, _, _)| *ci).collect();
        for (k, (ci, mut found, stance_clauses)) in held.into_iter().enumerate() {
            let from = if k == 0 { 0 } else { starts[k - 1] + 1 };
            let to = starts.get(k + 1).copied().unwrap_or(p.clauses.len());
            // A clause that tells what a law or an article says ("artikel 22, | dat bepaalt |
            // dat ..., | tenzij ...") and the clauses after it describe that law.
            let to = (ci + 1..to)
                .find(|&j| LAW_SAYS.is_match(&p.work[p.clauses[j].range.clone()]))
                .unwrap_or(to);
            // A condition inside a complement the stance does not judge ("Ik deel de analyse |
            // dat het instrumentarium tekortschiet | wanneer een bestuurder ...": no comma before
            // "wanneer") is part of that complement, not a condition on the stance.
            let in_complement = |j: usize| {
                j > ci + 1
                    && !stance_clauses.contains(&(j - 1))
                    && p.clauses[j - 1]
                        .opener
                        .as_deref()
                        .is_some_and(|o| matches!(o, "dat" | "die" | "om"))
                    && !p.work[p.clauses[j - 1].range.clone()]
                        .trim_end()
                        .ends_with([',', ';', ':'])
            };
            let first = from.min(ci);
            let scope = &p.clauses[first..to.max(ci + 1)];
            found.conditional = scope.iter().enumerate().any(|(k, c)| {
                // A condition before a semicolon belongs to the statement it ends ("past
                // alleen wanneer ...; ik onderzoek daarom of ...").
                let behind_semicolon = (first + k..ci).any(|j| p.ends_in_semicolon(j));
                if in_complement(first + k) || behind_semicolon {
                    return false;
                }
                let t = &p.work[c.range.clone()];
                lex.conditions.iter().any(|x| {
                    x.is_match_in(&p.seen, t, c.range.start)
                        && !(x.id == "als" && AS_A_ROLE.is_match(t))
                })
            });
            let hedge_here = stance_clauses.iter().any(|&j| {
                let r = p.clauses[j].range.clone();
                let t = &p.work[r.clone()];
                lex.hedges
                    .iter()
                    .any(|h| h.is_match_in(&p.seen, t, r.start))
                    || lex
                        .pseudos
                        .iter()
                        .any(|ps| ps.hedge && ps.pattern.is_match_in(&p.seen, t, r.start))
            });
            found.hedged |= hedge_here;
            let contrast = self.gapped_contrast(&p, &states, ci, &found, sentence);
            if let Some((_, head)) = &contrast {
                // The first judgement's target ends where the contrasted clause begins.
                if let Some(at) = found.target.find(head.as_str()) {
                    found.target = found.target[..at]
                        .trim_end()
                        .trim_end_matches(',')
                        .to_string();
                }
            }
            reading.positions.push(found);
            reading.positions.extend(contrast.map(|(f, _)| f));
        }
        // "Ik begrijp die zorg, maar ik deel haar niet": a worry understood and then not
        // shared is no concern of the writer's; the refusal is the position. (Understood and
        // then answered otherwise, "..., maar is geen voorstander van", both stand.)
        let refuses_to_share = reading.positions.iter().any(|f| {
            f.stance == Stance::Oppose
                && (f.rule.starts_with("oppose.deelt-niet")
                    || ((f.rule.starts_with("concern.deelt-zorgen")
                        || f.rule.starts_with("support.deelt-opvatting"))
                        && f.rule.contains("+neg")))
        });
        if refuses_to_share {
            reading.positions.retain(|f| {
                let cue = f.cue.to_lowercase();
                let understood = words(&cue)
                    .any(|(_, w)| matches!(w, "begrijp" | "begrijpt" | "begrijpen" | "begrip"));
                !(f.stance == Stance::Concern && understood)
            });
        }
        reading
    }

    /// The judgement turned round in a clause that repeats it without its verb: "Het kabinet
    /// kiest niet voor een verbod, | maar voor strengere regels" (the choice made beside the
    /// one refused: support), "Ik deel de mening dat ..., | niet de mening | dat ..." (the
    /// view not shared: oppose). The clause has no cue, no subject and no verb of its own, and
    /// follows a comma; what it names is the target. With the position, the clause's first
    /// words.
    fn gapped_contrast(
        &self,
        p: &Prepared,
        states: &[ClauseState],
        ci: usize,
        found: &Found,
        sentence: &str,
    ) -> Option<(Found, String)> {
        const ADVERBS: &[&str] = &["wel", "juist", "eerder", "veeleer", "ook", "daarentegen"];
        const GAP_STARTS: &[&str] = &[
            "voor", "van", "een", "de", "het", "om", "op", "in", "met", "aan", "naar", "bij",
            "tot", "deze", "die", "dit", "dat",
        ];
        let hit = states[ci].cue.as_ref()?;
        let cue = &self.lex.cues[hit.cue];
        if !matches!(cue.kind, CueKind::Direct | CueKind::Voice) {
            return None;
        }
        let base = cue.stance?;
        let negated = found.rule.contains("+neg") && found.stance != base;
        if !negated && found.stance != base {
            return None;
        }
        // The first clause after a comma past the cue (the cue's own complement, "dat ...",
        // comes before it); after a refusal also a "maar" without a comma ("kiest niet voor
        // een volledige aftrek maar voor een forfaitaire").
        let end = hit.range.end.max(p.clauses[ci].range.end);
        let j = (ci + 1..p.clauses.len().min(ci + 5))
            .filter(|&j| p.clauses[j].range.start >= end)
            .find(|&j| {
                p.work[..p.clauses[j].range.start].trim_end().ends_with(',')
                    || (negated && p.clauses[j].opener.as_deref() == Some("maar"))
            })?;
        if (ci + 1..=j).any(|x| states[x].cue.is_some()) {
            return None;
        }
        let c = &p.clauses[j];
        if states[j].actor.is_some() && !states[j].inherited {
            return None;
        }
        let text = &p.work[c.range.clone()];
        let ws: Vec<(usize, &str)> = words(text).collect();
        let mut k = 0;
        if ws.first().is_some_and(|&(_, w)| w == "maar") {
            k += 1;
        } else if negated {
            return None;
        }
        // "ziet de voordelen ..., | maar ook grote risico's": the other side of what was
        // welcomed, named by a noun of worry, is a concern.
        let mut risk = None;
        if !negated {
            // Not shared, not chosen: "niet" comes first.
            if ws.get(k).map(|&(_, w)| w) == Some("niet") {
                k += 1;
            } else if base == Stance::Support && k == 1 && ws.get(k).map(|&(_, w)| w) == Some("ook")
            {
                let nouns = &self.lex.clauses.contrast_concern_nouns;
                risk = ws
                    .iter()
                    .skip(k + 1)
                    .take(4)
                    .find(|(_, w)| nouns.iter().any(|n| n == w))
                    .copied();
                risk?;
                k += 1;
            } else {
                return None;
            }
        }
        while ws.get(k).is_some_and(|&(_, w)| ADVERBS.contains(&w)) {
            k += 1;
        }
        if risk.is_none() && !ws.get(k).is_some_and(|&(_, w)| GAP_STARTS.contains(&w)) {
            return None;
        }
        // No verb of its own ("maar de dekking is nog niet gevonden" is a clause).
        if ws.iter().any(|&(_, w)| FINITE_AUXILIARIES.contains(&w)) {
            return None;
        }
        let mut from = c.range.start + ws[k].0;
        if matches!(ws[k].1, "voor" | "van") {
            from = ws
                .get(k + 1)
                .map_or(c.range.end, |&(at, _)| c.range.start + at);
        }
        let mut target = sentence
            .get(from..c.range.end)?
            .trim()
            .trim_end_matches(['.', ',', ';', ':'])
            .to_string();
        // "niet de mening | dat ...": what is not shared is the dat-clause.
        if let Some(next) = p.clauses.get(j + 1).filter(|n| {
            n.range.start == c.range.end
                && n.opener.as_deref() == Some("dat")
                && words(&p.work[from..c.range.end]).count() <= 3
        }) {
            let body = sentence.get(next.range.clone())?.trim();
            target = body
                .strip_prefix("dat ")
                .unwrap_or(body)
                .trim_end_matches(['.', ',', ';', ':'])
                .to_string();
        }
        let stance = if negated {
            base
        } else if risk.is_some() {
            Stance::Concern
        } else {
            self.lex.negate_cue(cue, base)?
        };
        // The clause's first words as written, where the first judgement's target stops.
        let head = sentence
            .get(c.range.clone())?
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        Some((
            Found {
                actor: found.actor.clone(),
                stance,
                // The contrasting words ("maar voor", "niet de mening"), not the first half's
                // negated cue.
                cue: {
                    let head = sentence.get(c.range.start..from).unwrap_or("").trim();
                    if let Some((at, noun)) = risk {
                        format!(
                            "{head} … {}",
                            sentence
                                .get(c.range.start + at..)
                                .and_then(|t| t.get(..noun.len()))
                                .unwrap_or(noun)
                        )
                    } else if head.is_empty() {
                        found.cue.clone()
                    } else {
                        head.trim_start_matches(',').trim().to_string()
                    }
                },
                rule: format!("{}+gap", cue.pattern.id),
                target,
                hedged: false,
                conditional: found.conditional,
            },
            head,
        ))
    }

    /// Whether a clause blocker silences clause `j` ("die de regering verzoekt ...").
    fn clause_blocked(&self, p: &Prepared, j: usize) -> bool {
        let clause = p.clauses[j].range.clone();
        self.lex.blockers.iter().any(|b| {
            b.kind == BlockerKind::Clause
                && b.pattern.may_in(&p.seen, clause.clone())
                && b.pattern.re().is_match(&p.work[clause.clone()])
        })
    }

    /// The judgement in clause `j` that contrasts with a point the government conceded in the
    /// clause before: "Ik begrijp de zorg van de leden, | maar een verbod is niet proportioneel",
    /// "Hoewel ik de zorg begrijp, | is een verbod niet proportioneel", "Wij begrijpen die wens,
    /// | maar een nieuw dossier zou tot extra lasten leiden". The clause names no speaker and no
    /// cue of its own; its evaluation is the writer's, with the conceding clause's actor. Not
    /// a weak evaluation ("moet"): what must happen is not judged.
    fn conceded_contrast(
        &self,
        p: &Prepared,
        states: &[ClauseState],
        j: usize,
        sentence: &str,
    ) -> Option<Found> {
        let c = &p.clauses[j];
        if states[j].actor.is_some() || states[j].cue.is_some() {
            return None;
        }
        // The conceding clause: right before a "maar", or a fronted "hoewel" clause before the
        // main clause.
        let mut i = match c.opener.as_deref() {
            Some("maar" | "doch") => j - 1,
            None if matches!(
                p.clauses[j - 1].opener.as_deref(),
                Some("hoewel" | "ofschoon")
            ) =>
            {
                j - 1
            }
            _ => return None,
        };
        // Back over an object the splitter set apart ("Wij begrijpen | die wens, | maar ...").
        while i > 0
            && states[i].actor.is_none()
            && p.clauses[i]
                .opener
                .as_ref()
                .is_some_and(|o| self.lex.clauses.weak_openers.contains(o))
        {
            i -= 1;
        }
        let actor = states[i].actor.as_ref()?;
        let conceded = p.clauses[i].range.start..c.range.start;
        let concedes = &self.lex.clauses.concession_verbs;
        if !words(&p.work[conceded]).any(|(_, w)| concedes.iter().any(|v| v == w)) {
            return None;
        }
        // A statement of its own: a finite verb stands in it ("maar dat is niet haalbaar").
        let text = &p.work[c.range.clone()];
        const FINITE: &[&str] = &[
            "zou", "zouden", "lijkt", "lijken", "leidt", "leiden", "gaat", "gaan",
        ];
        if !words(text).any(|(_, w)| FINITE_LINKS.contains(&w) || FINITE.contains(&w)) {
            return None;
        }
        let empty = c.range.start..c.range.start;
        let hit = self.evaluation_in(p, j, &empty, &empty, false, false)?;
        let cue = &self.lex.cues[hit.cue];
        if cue.weak {
            return None;
        }
        let mut stance = cue.stance?;
        if stance == Stance::Intent {
            return None;
        }
        let mut pieces = vec![hit.range.clone()];
        let mut rule = format!("concession+{}", cue.pattern.id);
        if cue.negatable {
            if let Some(n) = self.negator_near(p, c.range.clone(), hit.range.clone(), false, false)
            {
                pieces.push(n);
                rule.push_str("+neg");
                stance = self.lex.negate_cue(cue, stance)?;
            }
        }
        pieces.sort_by_key(|r| r.start);
        let shown: Vec<Range<usize>> = pieces
            .iter()
            .flat_map(|r| unblanked(sentence, &p.work, r.clone()))
            .collect();
        let target = sentence
            .get(c.range.clone())?
            .trim()
            .trim_start_matches("maar ")
            .trim_start_matches("doch ")
            .trim_end_matches(['.', ',', ';', ':'])
            .to_string();
        Some(Found {
            actor: actor.label.clone(),
            stance,
            cue: join_pieces(sentence, &shown),
            rule,
            target,
            hedged: false,
            conditional: false,
        })
    }

    /// Where the scope of a sentence blocker ends (0: no blocker): at the first ";" after its
    /// match, else at the end of the sentence.
    fn silenced_until(&self, p: &Prepared) -> usize {
        self.lex
            .blockers
            .iter()
            .filter(|b| b.kind == BlockerKind::Sentence && b.pattern.may(&p.seen))
            .filter_map(|b| b.pattern.re().find(&p.work))
            .map(|m| {
                p.work[m.end()..]
                    .find(';')
                    .map_or(p.work.len(), |i| m.end() + i)
            })
            .max()
            .unwrap_or(0)
    }

    /// The earliest strong cue of a clause (a weak one only when there is no other); never a
    /// content cue. Offsets relative to `text`.
    fn best_cue(&self, text: &str, at: usize, own_len: usize, seen: &Seen) -> Option<Hit> {
        let span = at..at + text.len();
        let mut hits: Vec<(bool, usize, usize, bool, usize)> = Vec::new();
        // Phrases in which no cue counts and pseudo-triggers: found once per text, when a
        // cue first needs them.
        let mut not_a_cue: Option<Vec<Range<usize>>> = None;
        let mut pseudos: Option<Vec<Range<usize>>> = None;
        let within = |spans: &[Range<usize>], r: &Range<usize>| {
            spans.iter().any(|x| x.start <= r.start && r.end <= x.end)
        };
        for (i, cue) in self.lex.cues.iter().enumerate() {
            if cue.kind == CueKind::Content {
                continue;
            }
            for m in cue.pattern.find_in(seen, text, at) {
                if m.start >= own_len {
                    continue;
                }
                let spans = not_a_cue
                    .get_or_insert_with(|| matches(self.lex.not_a_cue.iter(), text, &span, seen));
                if within(spans, &m) {
                    continue;
                }
                if cue.kind != CueKind::Direct {
                    let spans = pseudos.get_or_insert_with(|| {
                        matches(
                            self.lex.pseudos.iter().map(|p| &p.pattern),
                            text,
                            &span,
                            seen,
                        )
                    });
                    if within(spans, &m) {
                        continue;
                    }
                }
                // A pattern may need the punctuation after its last word ("neem ik niet
                // over."); the cue ends at the word.
                let words_end = m.start
                    + text[m.clone()]
                        .trim_end_matches(|c: char| {
                            matches!(c, '.' | ',' | ';') || c.is_whitespace()
                        })
                        .len();
                // Of two cues on the same words, one that speaks for the letter wins: a bare
                // "Ontraden." is the cabinet's appraisal, where the verb "ontraden" alone
                // needs a subject.
                let needs_subject = cue.kind != CueKind::Voice;
                hits.push((
                    cue.weak,
                    m.start,
                    usize::MAX - (words_end - m.start),
                    needs_subject,
                    i,
                ));
            }
        }
        hits.sort();
        hits.first().map(|&(_, start, neg_len, _, cue)| Hit {
            cue,
            range: start..start + (usize::MAX - neg_len),
        })
    }

    /// The subject a coordinated clause without one shares: the actor of the main clause
    /// before it, across the subordinate clauses in between ("Het kabinet onderschrijft de
    /// aanbeveling | om de rol te versterken, | maar plaatst een kanttekening bij ..."). A
    /// main clause without a government actor ("maar de Commissie wil ...") ends the search.
    fn shared_subject(
        &self,
        p: &Prepared,
        states: &[ClauseState],
        ci: usize,
    ) -> Option<actor::ActorHit> {
        // A finite verb right after the coordinator ("..., maar acht de regeling niet
        // verenigbaar") coordinates main clauses: a subject inside a subordinate clause between
        // them ("De Commissie erkent | dat Nederland stappen heeft gezet, | maar acht ...") is
        // not the one shared. Verb last ("dat Nederland vasthoudt aan X, maar geen voorstander
        // is van Y") continues the subordinate clause.
        let verb_first = words(&p.work[p.clauses[ci].range.clone()])
            .nth(1)
            .is_some_and(|(_, w)| self.ellipsis_verb(w));
        let subordinating = |j: usize| {
            p.clauses[j]
                .opener
                .as_deref()
                .is_some_and(|o| !self.coordinator(o) && !matches!(o, "of" | "want"))
        };
        for j in (0..ci).rev() {
            // A conjunct of the subordinate clause before it, its verb last ("dat de keten van
            // gemeenten | en hun leveranciers kwetsbaar is, | en delen de zorg ...", "dat de
            // partnerschapsovereenkomst | en de handelsovereenkomst gelijktijdig worden
            // ondertekend, | en is er geen voorstander van ..."), is part of that clause.
            let subordinate = subordinating(j)
                || (j > 0
                    && subordinating(j - 1)
                    && p.clauses[j]
                        .opener
                        .as_deref()
                        .is_some_and(|o| self.coordinator(o))
                    && {
                        // The finite verb in the cluster that ends it ("... kwetsbaar is",
                        // "... gelijktijdig worden ondertekend").
                        let ws: Vec<&str> = words(&p.work[p.clauses[j].range.clone()])
                            .map(|(_, w)| w)
                            .collect();
                        ws.iter()
                            .rev()
                            .take(3)
                            .any(|w| FINITE_AUXILIARIES.contains(w))
                    });
            if let Some(a) = &states[j].actor {
                if !(verb_first && subordinate) {
                    return Some(a.clone());
                }
            }
            // A phrase between commas inside the main clause ("Het kabinet acht een drempel van
            // 500 werknemers, | aansluitend bij ..., | evenwichtiger, | en zal zich daarvoor
            // inzetten"): no opener, a comma on either side, not after a colon or semicolon.
            let inserted = p.clauses[j].opener.is_none()
                && j > 0
                && !p.ends_in_strong_break(j - 1)
                && p.work[p.clauses[j].range.clone()].trim_end().ends_with(',');
            // A noun phrase coordinated into the clause before ("Ik deel de zorg van de IND |
            // en het COA over ..., | en zal ...") continues it: the subject is further back.
            if !subordinate && !inserted && !self.coordinates_a_noun_phrase(p, j) {
                return None;
            }
        }
        None
    }

    /// The cue of clause `ci` read on past a phrase between commas that interrupts it ("De
    /// regering blijft, ook als ..., scherp toezien"): the phrase is blanked in a copy (same
    /// offsets; the gate holds, as the blanked run starts and ends with a comma). Offsets
    /// relative to the clause, as [`Self::best_cue`] gives them.
    fn cue_past_interruption(&self, p: &Prepared, ci: usize) -> Option<Hit> {
        let c = &p.clauses[ci];
        let (_, next) = clauses::interruption(p, ci)?;
        let comma = c.range.start + p.work[c.range.clone()].rfind(',')?;
        let gap = comma - c.range.start..p.clauses[next].range.start - c.range.start;
        self.cue_with_gap_blanked(p, ci, p.clauses[next].range.end, gap)
    }

    /// The cue of clause `ci` in a copy of the text from the clause's start to `end` with
    /// `gap` (relative to the clause's start) blanked to spaces: same offsets, and the gate
    /// holds as the blanked run starts after and ends before a word. Offsets relative to the
    /// clause, as [`Self::best_cue`] gives them.
    fn cue_with_gap_blanked(
        &self,
        p: &Prepared,
        ci: usize,
        end: usize,
        gap: Range<usize>,
    ) -> Option<Hit> {
        let c = &p.clauses[ci];
        let mut joined = p.work.get(c.range.start..end)?.to_string();
        if !(joined.is_char_boundary(gap.start) && joined.is_char_boundary(gap.end)) {
            return None;
        }
        joined.replace_range(gap.clone(), &" ".repeat(gap.len()));
        self.best_cue(&joined, c.range.start, c.range.len(), &p.seen)
    }

    /// The cue of clause `ci` read on past an "om ... te" phrase inside it, to the particle and
    /// negation after the infinitive ("Ik neem het advies | om de claims op te schorten niet
    /// over", "Het kabinet wijst het verzoek | om de termijn te verlengen af"): the "om" phrase
    /// up to its infinitive is blanked in a copy (same offsets). Only a short rest of at most
    /// three words ending the sentence or a clause, so a purpose clause ("... om de regeling te
    /// verlengen tot 2026") lends nothing. Offsets relative to the clause.
    fn cue_past_infinitive(&self, p: &Prepared, ci: usize) -> Option<Hit> {
        let c = &p.clauses[ci];
        let next = p.clauses.get(ci + 1)?;
        if next.range.start != c.range.end || next.opener.as_deref() != Some("om") {
            return None;
        }
        // "om | die koppeling te doorbreken": a determiner the splitter took for an opener.
        let mut end = next.range.end;
        for n in &p.clauses[ci + 2..] {
            let weak = n
                .opener
                .as_ref()
                .is_some_and(|o| self.lex.clauses.weak_openers.contains(o));
            if n.range.start != end || !weak {
                break;
            }
            end = n.range.end;
        }
        let om = &p.work[next.range.start..end];
        let te = om.rfind(" te ")?;
        let verb_end = te + 4 + om[te + 4..].find(' ').unwrap_or(om.len() - te - 4);
        // A reference in brackets after the particle is no part of the rest ("... te doorbreken
        // overgenomen (Kamerstuk 29 861, nr. 56)").
        let rest = match om[verb_end..].find(" (") {
            Some(b) if om.trim_end().ends_with(')') => &om[verb_end..verb_end + b],
            _ => &om[verb_end..],
        }
        .trim_end();
        let rest_words = rest.split_whitespace().count();
        if rest_words == 0 || rest_words > 3 || rest.contains(',') {
            return None;
        }
        let gap = c.range.len()..c.range.len() + verb_end;
        self.cue_with_gap_blanked(p, ci, end, gap)
    }

    /// Whether the cue at `cue` stands in an indirect question that an act of examining in
    /// its clause governs: "bezien | hoe ... kan ondersteunen", "onderzoeken | of ... steunt".
    fn examined(&self, p: &Prepared, clause: Range<usize>, cue: &Range<usize>) -> bool {
        const QUESTION: &[&str] = &["hoe", "of", "welke", "waarom", "wat", "hoeveel", "hoeverre"];
        let Some(examine) = self.lex.shifts.iter().find(|sh| sh.pattern.id == "examine") else {
            return false;
        };
        let Some(before) = p.work.get(clause.start..cue.start) else {
            return false;
        };
        examine
            .pattern
            .re()
            .find_iter(before)
            .any(|m| words(&before[m.end()..]).any(|(_, w)| QUESTION.contains(&w)))
    }

    /// Whether clause `ci` opens with a coordinator followed by a word that starts a noun
    /// phrase ("en de betrokken banken", "en mijn ministerie"): it may continue the clause
    /// before rather than start one.
    fn coordinates_a_noun_phrase(&self, p: &Prepared, ci: usize) -> bool {
        let c = &p.clauses[ci];
        let cw = &self.lex.clauses;
        let text = &p.work[c.range.clone()];
        c.opener
            .as_ref()
            .is_some_and(|o| self.coordinator(o))
            && words(text)
                .nth(1)
                .is_some_and(|(_, w)| cw.no_ellipsis_after.iter().any(|x| x == w))
            // With a verb right after its first words it is a clause with its own subject
            // ("steun het doel van die motie, | maar de dekking is nog niet gevonden"), not a
            // noun phrase; a verb further on belongs to a clause inside it ("en de aanbieders
            // in gesprek over de vraag hoe ... kunnen worden"). The determiner after the
            // coordinator may be "zijn": it is not asked.
            && !words(text)
                .skip(2)
                .take(3)
                .any(|(_, w)| FINITE_AUXILIARIES.contains(&w))
    }

    /// Is clause `ci` a member of a list of noun phrases, after a comma: no opener, a
    /// determiner first, no verb in its first words, and a comma or "en" after it ("met de
    /// Pensioenfederatie, | het Verbond van Verzekeraars | en de toezichthouders")?
    fn listed_noun_phrase(&self, p: &Prepared, ci: usize) -> bool {
        let c = &p.clauses[ci];
        let text = &p.work[c.range.clone()];
        c.opener.is_none()
            && p.work[..c.range.start].trim_end().ends_with(',')
            && words(text)
                .next()
                .is_some_and(|(_, w)| matches!(w, "de" | "het" | "een" | "zijn" | "haar" | "hun"))
            && !words(text)
                .take(5)
                .any(|(_, w)| FINITE_AUXILIARIES.contains(&w))
            && p.clauses.get(ci + 1).is_some_and(|n| {
                n.range.start == c.range.end
                    && (text.trim_end().ends_with(',')
                        || n.opener.as_ref().is_some_and(|o| self.coordinator(o)))
            })
    }

    /// The government actor of an apposition right before clause `ci` that sets it apart in
    /// a group ("lidstaten, waaronder Nederland,"): the clause before it ends in a comma, the
    /// apposition opens with "waaronder", "inclusief" or "zoals" and ends in a comma.
    fn apposed_actor(
        &self,
        p: &Prepared,
        states: &[ClauseState],
        ci: usize,
    ) -> Option<actor::ActorHit> {
        const SETS_APART: &[&str] = &["waaronder", "inclusief", "zoals"];
        // The group is the sentence's subject: it opens the sentence, and no verb stands in
        // it ("De Commissie heeft met de lidstaten, waaronder Nederland, gesproken" is not).
        if ci != 2 || has_finite_auxiliary(&p.work[p.clauses[0].range.clone()]) {
            return None;
        }
        let apposition = &p.clauses[ci - 1];
        let text = &p.work[apposition.range.clone()];
        let first = words(text).next().map(|(_, w)| w)?;
        let before = &p.work[p.clauses[ci - 2].range.clone()];
        let set_apart = SETS_APART.contains(&first)
            && text.trim_end().ends_with(',')
            && before.trim_end().ends_with(',')
            && states[ci - 2].actor.is_none();
        if !set_apart {
            return None;
        }
        states[ci - 1].actor.clone()
    }

    /// The actor of a clause that a relative clause between commas interrupted, for the rest of
    /// it ("dat het kabinet het voorstel, | dat de Commissie in mei presenteerde, | steunt"):
    /// the clause before ends in a noun phrase and a comma, the relative clause ends in a comma,
    /// and clause `ci` goes on with no opener of its own.
    fn resumed_actor(
        &self,
        p: &Prepared,
        states: &[ClauseState],
        ci: usize,
    ) -> Option<actor::ActorHit> {
        const RELATIVES: &[&str] = &[
            "dat", "die", "waarin", "waarmee", "waarvan", "waarop", "waarbij", "waardoor", "welke",
        ];
        const DETERMINERS: &[&str] = &[
            "de", "het", "een", "dit", "deze", "die", "dat", "zijn", "haar",
        ];
        let relative = &p.clauses[ci - 1];
        let before = &p.clauses[ci - 2];
        let interrupted = relative
            .opener
            .as_deref()
            .is_some_and(|o| RELATIVES.contains(&o))
            && relative.range.start == before.range.end
            && p.work[relative.range.clone()].trim_end().ends_with(',')
            && p.work[before.range.clone()].trim_end().ends_with(',');
        if !interrupted {
            return None;
        }
        // A noun phrase ends the clause before: a determiner among its last four words.
        let tail: Vec<&str> = words(&p.work[before.range.clone()])
            .map(|(_, w)| w)
            .collect();
        let noun_phrase = tail
            .iter()
            .rev()
            .take(4)
            .skip(1)
            .any(|w| DETERMINERS.contains(w));
        // Or the clause before is its actor alone, a name without a determiner ("Nederland, |
        // dat al een beperkte vrijstelling kent, | pleitte ervoor dat ...").
        let actor_alone = tail.len() <= 2;
        (noun_phrase || actor_alone)
            .then(|| states[ci - 2].actor.clone())
            .flatten()
    }

    /// Whether clause `ci` opens with a coordinator and no subject of its own ("en deelt").
    fn elided_subject(&self, p: &Prepared, ci: usize) -> bool {
        let c = &p.clauses[ci];
        let Some(opener) = &c.opener else {
            return false;
        };
        if !self.coordinator(opener) {
            return false;
        }
        // Inside a subordinate clause the verb comes last: "dat Nederland vasthoudt aan X en
        // geen voorstander is van Y", "dat het kabinet vasthoudt aan de ambitie, maar geen
        // investeringspad kan toezeggen".
        const FINITE: [&str; 14] = [
            "is", "zijn", "kan", "kunnen", "wil", "willen", "heeft", "hebben", "zal", "zullen",
            "moet", "moeten", "mag", "wordt",
        ];
        // The clause it is coordinated with, past an om-clause of that clause ("dat het
        // kabinet vasthoudt aan de ambitie om ... te laten groeien, maar ...").
        let mut j = ci.saturating_sub(1);
        while j > 0 && p.clauses[j].opener.as_deref() == Some("om") {
            j -= 1;
        }
        let subordinate_before = ci > 0
            && matches!(
                p.clauses[j].opener.as_deref(),
                Some("dat" | "omdat" | "doordat" | "zodat")
            );
        if subordinate_before {
            let ws: Vec<&str> = words(&p.work[c.range.clone()]).map(|(_, w)| w).collect();
            // No subject of its own opens it ("en de kosten hoog zijn" has one), and a
            // finite verb stands in it.
            const DETERMINERS: [&str; 19] = [
                "de", "het", "een", "dit", "deze", "die", "dat", "zijn", "haar", "hun", "mijn",
                "ons", "onze", "andere", "alle", "elke", "ieder", "iedere", "er",
            ];
            let own_subject = ws.get(1).is_some_and(|w| DETERMINERS.contains(w));
            if ws.len() >= 3 && !own_subject && ws[2..].iter().any(|w| FINITE.contains(w)) {
                return true;
            }
        }
        // An infinitive conjunct of an infinitive clause shares its governing verb and that
        // verb's subject: "Nederland heeft aangegeven de doelstelling te delen, maar geen
        // voorstander te zijn van ...". Only after "maar": after "en" a noun may be listed
        // ("om met experts en belanghebbenden te onderzoeken").
        if ci > 0
            && opener == "maar"
            && infinitive_without_finite(&p.work[c.range.clone()], &FINITE)
            && has_te_infinitive(&p.work[p.clauses[j].range.clone()])
        {
            return true;
        }
        let mut after = words(&p.work[c.range.clone()]).skip(1).map(|(_, w)| w);
        let next = after.next().map(str::to_string);
        let second = after.next();
        let cw = &self.lex.clauses;
        // "maar zijn geen voorstander": "zijn" is the verb, not the possessive of "en zijn
        // collega", when a word that cannot follow the possessive comes next.
        if next.as_deref() == Some("zijn")
            && second.is_some_and(|w| cw.zijn_as_verb_before.iter().any(|x| x == w))
        {
            return true;
        }
        // "en delen hun zorgen": a verb that is also a noun, before an object.
        if next
            .as_ref()
            .is_some_and(|w| cw.ellipsis_verbs_before_object.contains(w))
            && second.is_some_and(|w| cw.object_determiners.iter().any(|x| x == w))
        {
            return true;
        }
        next.is_some_and(|w| self.ellipsis_verb(&w))
    }

    /// Whether `w` is a coordinator of the lexicon ("en", "maar", "of" ...).
    fn coordinator(&self, w: &str) -> bool {
        self.lex.clauses.coordinators.iter().any(|c| c == w)
    }

    /// Whether `w`, right after a coordinator, is a finite verb that shares the subject before
    /// it ("en deelt", "maar acht", "en vindt"): a listed verb or a verb ending, not a word
    /// that only looks like one.
    fn ellipsis_verb(&self, w: &str) -> bool {
        let cw = &self.lex.clauses;
        !cw.no_ellipsis_after.iter().any(|n| n == w)
            && (cw.ellipsis_verbs.iter().any(|v| v == w)
                || cw
                    .ellipsis_verb_endings
                    .iter()
                    .any(|e| w.ends_with(e.as_str())))
    }

    /// The position clause `ci` holds, with the clauses its stance was read from.
    fn position_in(
        &self,
        p: &Prepared,
        states: &[ClauseState],
        ci: usize,
        sentence: &str,
    ) -> Option<(Found, Vec<usize>)> {
        let lex = &self.lex;
        let st = &states[ci];
        let hit = st.cue.as_ref()?;
        let cue = &lex.cues[hit.cue];
        let clause = p.clauses[ci].range.clone();
        let blocked = self.clause_blocked(p, ci);
        // Reported speech of somebody else about the government: "Het Rathenau Instituut
        // stelt dat het kabinet voorstander is van ..." is Rathenau's claim, not a position,
        // and "Deze leden vragen of de regering van mening is ..." their question.
        // Not across a semicolon: "Het netwerk beveelt aan ...; dat advies neem ik over".
        // An actor in that clause that a clause blocker silenced ("die de regering verzoekt
        // ... te laten weten | dat Nederland ...": the motion asks) is no speaker either.
        // The question somebody asked, however the government speaks of it ("Daarmee
        // beantwoorden wij ook de vraag van de leden van de NSC-fractie ... | of het kabinet
        // het advies wil betrekken bij ..."): what it asks is no answer.
        static ASKED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"\bde\s+vra(?:ag|gen)\s+van\s+(?:\S+\s+){0,16}?\S+\s*,?\s*$")
                .expect("valid regex")
        });
        let asked = ci > 0
            && p.clauses[ci].opener.as_deref() == Some("of")
            && ASKED.is_match(&p.work[p.clauses[ci - 1].range.clone()]);
        let reported = asked
            || ci > 0
                && matches!(p.clauses[ci].opener.as_deref(), Some("dat" | "of"))
                && !p.ends_in_semicolon(ci - 1)
                && (states[ci - 1].actor.is_none() || self.clause_blocked(p, ci - 1))
                && lex.blockers.iter().any(|b| {
                    b.kind == BlockerKind::Reported
                        && b.pattern.may_in(&p.seen, p.clauses[ci - 1].range.clone())
                        && b.pattern
                            .re()
                            .is_match(&p.work[p.clauses[ci - 1].range.clone()])
                });
        let embedded = if cue.embeds_actor {
            actor::embedded(lex, cue.pattern.re(), &p.work, hit.range.clone(), sentence)
        } else {
            None
        };
        // A cue that names the writer as the one affected ("..., baart mij grote zorgen",
        // "ligt niet op mijn weg") is the writer's own words, whatever a reporting verb in the
        // clause before says ("Dat de inspectie constateert dat ..., baart mij zorgen").
        let writer_named = embedded
            .as_ref()
            .is_some_and(|a| a.label == "ik" || a.label == "wij");
        if blocked || (reported && !writer_named) {
            return None;
        }
        // A fronted subject clause ("Dat Nederland in de Raad tegen de verordening heeft
        // gestemd, doet er niet aan af dat ...") states a fact the main clause builds on.
        if self.in_subject_clause(p, ci, hit.range.start) {
            return None;
        }
        let actor = match (&embedded, &st.actor, cue.kind) {
            (Some(a), _, _) => a.clone(),
            (None, Some(a), _) => a.clone(),
            (None, None, CueKind::Voice) => {
                // Unless the government is the one who speaks before it ("Het kabinet heeft
                // eerder aangegeven dat een verlaging niet aan de orde is").
                let government_speaks = states[..ci].iter().any(|s| s.actor.is_some());
                // A phrase in which no cue counts speaks for no one either: "acht" in "een
                // termijn van acht weken" is a number, not somebody's judgement.
                let mut not_a_cue: Option<Vec<Range<usize>>> = None;
                // A source the writer agrees with, in a clause of its own ("Dat verhoudt zich
                // slecht tot ..., zoals het Hof van Justitie heeft benadrukt"), reports nothing:
                // the main clause is still the letter's own judgement.
                let as_the_source_says = |m: &regex::Match| {
                    p.clauses.iter().enumerate().any(|(k, c)| {
                        k != ci
                            && c.opener.as_deref() == Some("zoals")
                            && c.range.start <= m.start()
                            && m.end() <= c.range.end
                    })
                };
                let reported = !government_speaks
                    && lex.blockers.iter().any(|b| {
                        b.kind == BlockerKind::Reported
                            && b.pattern.may(&p.seen)
                            && b.pattern.re().find_iter(&p.work).any(|m| {
                                if as_the_source_says(&m) {
                                    return false;
                                }
                                let spans = not_a_cue.get_or_insert_with(|| {
                                    matches(
                                        lex.not_a_cue.iter(),
                                        &p.work,
                                        &(0..p.work.len()),
                                        &p.seen,
                                    )
                                });
                                !spans
                                    .iter()
                                    .any(|x| x.start <= m.start() && m.end() <= x.end)
                            })
                    });
                if reported {
                    return None;
                }
                actor::ActorHit {
                    label: LETTER_VOICE.to_string(),
                    range: hit.range.clone(),
                }
            }
            (None, None, _) => return None,
        };
        let _ = st.inherited;
        // A plural verb has a plural subject: in "personen die Nederland als hun eigen land
        // willen binnenkomen" the relative pronoun is the subject and Nederland the object.
        if p.clauses[ci].opener.as_deref() == Some("die")
            && matches!(&p.work[hit.range.clone()], "willen" | "zullen")
            && singular_actor(&actor.label)
        {
            return None;
        }
        let mut pieces: Vec<Range<usize>> = vec![hit.range.clone()];
        let mut rule = cue.pattern.id.clone();
        let mut stance_clauses = vec![ci];
        let mut hedged = false;
        let mut target_range: Option<Range<usize>> = None;
        let stance = match cue.kind {
            CueKind::Direct | CueKind::Voice => {
                let mut s = cue.stance?;
                // A cue that runs on into the next clause ("ik deel | die opvatting niet")
                // is negated in the words it runs on into as well.
                let mut cue_end_clause = p
                    .clause_ending(&hit.range)
                    .map_or(clause.end, |j| p.clauses[j].range.end.max(clause.end));
                // So is a noun phrase coordinated after it, up to the "niet" that ends the
                // clause ("Het kabinet steunt de inzet van de Commissie | en de lidstaten op
                // dit punt niet"). Not after "maar": what follows the contrast has its own
                // "niet" ("Ik streef ernaar ... te brengen, | maar voor de zomer lukt niet").
                for (j, c) in p.clauses.iter().enumerate().skip(ci + 1) {
                    if c.range.end <= cue_end_clause {
                        continue;
                    }
                    let continues = c.range.start == cue_end_clause
                        && !matches!(c.opener.as_deref(), Some("maar" | "doch"))
                        && self.coordinates_a_noun_phrase(p, j)
                        && states[j].cue.is_none()
                        && states[j].actor.is_none();
                    if !continues {
                        break;
                    }
                    cue_end_clause = c.range.end;
                }
                // And so is an object that the clause splitter took for a clause of its own
                // because it opens with "dat"/"die", when a "niet" ends it ("Nederland steunt |
                // dat voorstel niet, omdat ..."): a dat-clause of its own has its verb last.
                if let Some(j) = p
                    .clauses
                    .iter()
                    .position(|c| c.range.start == cue_end_clause && c.range.start > clause.start)
                {
                    let c = &p.clauses[j];
                    let object = c
                        .opener
                        .as_ref()
                        .is_some_and(|o| lex.clauses.weak_openers.contains(o))
                        && states[j].cue.is_none()
                        && states[j].actor.is_none()
                        && words(&p.work[c.range.clone()])
                            .last()
                            .is_some_and(|(_, w)| w == "niet");
                    if object {
                        cue_end_clause = c.range.end;
                    }
                }
                let mut negated = false;
                if cue.negatable {
                    // The clause may go on past a phrase between commas ("zal in het
                    // herstelplan, bedoeld in artikel 14, geen vernatting opnemen").
                    let continued = || {
                        clauses::interruption(p, ci).and_then(|(_, next)| {
                            self.negator_near(
                                p,
                                p.clauses[next].range.clone(),
                                hit.range.clone(),
                                cue.weak,
                                false,
                            )
                        })
                    };
                    // A choice's "om"-complement right after it: a negator anywhere in it makes
                    // the choice one not to act ("heeft ervoor gekozen | om geen rechtsherstel
                    // te bieden").
                    let complement = || {
                        p.clauses
                            .iter()
                            .find(|c| c.range.start == cue_end_clause)
                            .filter(|c| {
                                cue.complement_negation && c.opener.as_deref() == Some("om")
                            })
                            .and_then(|c| self.any_negator(p, c.range.clone()))
                    };
                    if let Some(n) = self
                        .negator_near(
                            p,
                            clause.start..cue_end_clause,
                            hit.range.clone(),
                            cue.weak,
                            false,
                        )
                        .or_else(continued)
                        .or_else(complement)
                    {
                        pieces.push(n);
                        rule.push_str("+neg");
                        if s == Stance::Oppose {
                            hedged = true;
                        }
                        s = lex.negate_cue(cue, s)?;
                        negated = true;
                    }
                }
                if cue.future_intent && !negated && FUTURE.is_match(&p.work[clause.clone()]) {
                    rule.push_str("+future");
                    s = Stance::Intent;
                }
                // What the government will examine ("Ik zal bezien hoe Nederland andere
                // lidstaten kan ondersteunen"): the cue stands in the question examined, and
                // the commitment is to find out.
                if s == Stance::Support && !negated && self.examined(p, clause.clone(), &hit.range)
                {
                    rule.push_str("+examined");
                    s = Stance::Intent;
                }
                if s == Stance::Support
                    && shares_a_fronted_worry(&p.work, clause.clone(), &hit.range)
                {
                    rule.push_str("+worry-first");
                    s = Stance::Concern;
                }
                s
            }
            CueKind::Frame => {
                let content =
                    self.content_of(p, states, ci, hit.range.clone(), actor.range.clone());
                // The negator that turned the content round, so that it is not read again as
                // the frame's ("wat ik niet wenselijk acht": one "niet", before both).
                let mut content_negated: Option<Range<usize>> = None;
                let mut s = match &content {
                    // An evaluation in a later clause that somebody else voices ("merk ik op |
                    // dat de Afdeling het belang van een begrijpelijke motivering benadrukt"):
                    // the frame only passes on their words.
                    Some((j, _)) if *j != ci && self.voiced_by_another(p, states, *j) => {
                        return None;
                    }
                    Some((j, c_hit)) => {
                        let c = &lex.cues[c_hit.cue];
                        pieces.push(c_hit.range.clone());
                        rule.push('+');
                        rule.push_str(&c.pattern.id);
                        stance_clauses.push(*j);
                        let mut s = c.stance?;
                        // A negator inside the frame's own words negates the frame (below),
                        // not its content too ("ben niet overtuigd van de noodzaak").
                        let content_negator = self
                            .negator_near(
                                p,
                                p.clauses[*j].range.clone(),
                                c_hit.range.clone(),
                                false,
                                true,
                            )
                            .filter(|n| !(hit.range.start <= n.start && n.end <= hit.range.end));
                        if c.negatable {
                            if let Some(n) = content_negator {
                                content_negated = Some(n.clone());
                                pieces.push(n);
                                rule.push_str("+neg");
                                if s == Stance::Oppose {
                                    hedged = true;
                                }
                                s = lex.negate_cue(c, s)?;
                            }
                        }
                        if *j != ci {
                            target_range = Some(p.clauses[*j].range.clone());
                        }
                        // A frame of saying in the future whose content only says what must
                        // happen ("Nederland zal in de Raad benadrukken dat ... moet samengaan
                        // met solidariteit"): the letter commits to argue it, as below.
                        if c.weak
                            && s == Stance::Support
                            && cue.stance.is_none()
                            && FUTURE.is_match(&p.work[clause.clone()])
                        {
                            rule.push_str("+will-argue");
                            s = Stance::Intent;
                        }
                        s
                    }
                    None => {
                        // No evaluation: the frame's default, unless the next clause speaks
                        // for itself ("hecht eraan te benadrukken dat het geen voorstander is").
                        // Not past a semicolon: the clause after it is a statement of its own
                        // ("verhoudt zich naar het oordeel van het kabinet niet tot artikel 53;
                        // wel acht het kabinet het passend ...").
                        // Nor past "maar": what follows a contrast is a statement of its own
                        // ("ziet geen aanleiding voor uitbreiding, maar ik zal ... laten
                        // evalueren").
                        let contrasted = p.clauses.get(ci + 1).is_some_and(|n| {
                            matches!(n.opener.as_deref(), Some("maar" | "doch" | "echter"))
                        });
                        let next_speaks = !p.ends_in_semicolon(ci)
                            && !contrasted
                            && states.get(ci + 1).is_some_and(|n| {
                                n.actor.is_some() && !n.inherited && n.cue.is_some()
                            });
                        if next_speaks {
                            return None;
                        }
                        if target_range.is_none() {
                            if let Some(next) = p.clauses.get(ci + 1) {
                                target_range = Some(next.range.clone());
                            }
                        }
                        // A frame before an indirect question ("zal jaarlijks beoordelen | of
                        // de opslag nog nodig is") examines: a commitment to find out. Not a
                        // frame that only names its actor ("Voor Nederland gaat een akkoord
                        // gepaard met de vraag | of ..."): there no one examines.
                        let examines = !cue.embeds_actor
                            && p.clauses
                                .get(ci + 1)
                                .is_some_and(|n| n.opener.as_deref() == Some("of"));
                        // So does a frame of saying in the future without an evaluation ("Nederland
                        // zal tijdens de Raad benadrukken dat vereenvoudiging niet mag leiden
                        // tot ..."): the letter commits to argue it.
                        let will_argue =
                            cue.stance.is_none() && FUTURE.is_match(&p.work[clause.clone()]);
                        if examines || will_argue {
                            Stance::Intent
                        } else {
                            cue.stance?
                        }
                    }
                };
                // A negated frame ("ziet geen aanleiding", "is het niet eens"): the negator
                // stands inside it or just before it, never after (that belongs to the content).
                // A frame read on past a phrase between commas ("is, gelet op ..., nog niet
                // overtuigd"): its words after the phrase are asked too, the phrase is not.
                let after_phrase = p
                    .clause_ending(&hit.range)
                    .filter(|&j| j > ci)
                    .map(|j| p.clauses[j].range.clone())
                    .map(|c| (c.clone(), c.start..hit.range.end));
                // A frame that is an adverbial naming its actor ("in mijn ogen", "wat het
                // kabinet betreft") without an evaluation: the clause's own predicate carries the
                // view, and a negator after the frame denies it ("uitstel mag in mijn ogen niet
                // leiden tot een uitholling").
                // Not where a modal of obligation stands ("zou wat het kabinet betreft niet beperkt
                // moeten blijven": the "niet" bears on "beperkt", as for `content.moet`).
                let obliges = lex.cues.iter().any(|c| {
                    c.kind == CueKind::Content
                        && c.weak
                        && c.pattern.may_in(&p.seen, clause.clone())
                        && c.pattern.re().is_match(&p.work[clause.clone()])
                });
                let adverbial = || {
                    (content.is_none() && cue.embeds_actor && !obliges)
                        .then(|| {
                            self.negator_near(p, clause.clone(), hit.range.clone(), false, false)
                        })
                        .flatten()
                        .filter(|n| n.start >= hit.range.end)
                        // A denied negative predicate is no denial ("De richtlijn verzet zich
                        // naar mijn oordeel niet tegen een ondergrens", "staat niet in de weg").
                        .filter(|n| {
                            !words(&p.work[n.end..clause.end])
                                .any(|(_, w)| NEGATIVE_PREDICATES.iter().any(|x| w.starts_with(x)))
                        })
                };
                // A frame whose "niet" is its own ("Ik wil niet verhullen dat ...") is not negated.
                let negator = self
                    .frame_negator(p, clause.clone(), hit.range.clone())
                    .or_else(|| after_phrase.and_then(|(c, frame)| self.frame_negator(p, c, frame)))
                    .or_else(adverbial)
                    .filter(|n| content_negated.as_ref().is_none_or(|c| !overlaps(n, c)))
                    // Nor a negator the content holds ("dat ik een verlenging geen oplossing
                    // vind": "geen oplossing" is the evaluation, not a denial of "vind").
                    .filter(|n| content.as_ref().is_none_or(|(_, c)| !overlaps(n, &c.range)))
                    .filter(|_| cue.negatable);
                if let Some(n) = negator {
                    // "nog niet overtuigd dat ... uitvoerbaar is": not yet convinced keeps a
                    // reservation open, a concern, where "niet overtuigd" rejects.
                    // Not so for necessity: "nog niet overtuigd dat nieuwe wetgeving nodig is"
                    // rejects the need, as "niet overtuigd van de noodzaak" does, and "nog
                    // niet overtuigd van de meerwaarde" the added value.
                    let necessity = content.as_ref().is_some_and(|(_, c)| {
                        let said = p.work.get(c.range.clone()).unwrap_or("");
                        said.contains("nodig")
                            || said.contains("noodza")
                            || said.contains("meerwaarde")
                            || said.contains("toegevoegde waarde")
                    });
                    let not_yet = !necessity
                        && words(&p.work[..n.start]).last().map(|(_, w)| w) == Some("nog");
                    pieces.push(n);
                    rule.push_str("+frame-neg");
                    s = lex.negate_cue(cue, s)?;
                    if not_yet && s == Stance::Oppose {
                        rule.push_str("+not-yet");
                        s = Stance::Concern;
                    }
                }
                // A frame whose content is an act of examining commits to act: intent.
                // Not past a coordinated clause with a position of its own ("blijft van
                // mening dat ... vereist, | en zal daarom ... verkennen").
                let scope_end = (ci + 1..(ci + 3).min(p.clauses.len()))
                    .find(|&j| states[j].cue.is_some() && states[j].actor.is_some())
                    .unwrap_or((ci + 3).min(p.clauses.len()));
                for sh in &lex.shifts {
                    if s == sh.from
                        && sh.pattern.may(&p.seen)
                        && (ci..scope_end).any(|j| {
                            let c = p.clauses[j].range.clone();
                            // Not the noun: "bij de meest ingrijpende onderzoeken".
                            sh.pattern
                                .re()
                                .find_iter(&p.work[c.clone()])
                                .any(|m| !in_noun_phrase(&p.work, c.start + m.start()))
                        })
                    {
                        s = sh.to;
                        rule.push_str(&format!("+{}", sh.pattern.id));
                    }
                }
                s
            }
            CueKind::Content => return None,
        };
        // "Het is ook niet zo dat de regering een grondwettelijk recht onwenselijk acht", "Dit
        // betekent niet dat het kabinet ... steunt": the main clause denies what the dat-clause
        // says; the stance turns round, weakly.
        let stance = match denied_by_main_clause(p, ci) {
            Some(n) => {
                pieces.push(n);
                rule.push_str("+denied");
                hedged = true;
                lex.negate_cue(cue, stance)?
            }
            None => stance,
        };
        let stance = if stance == Stance::Oppose && deplores_a_state(p, &pieces) {
            rule.push_str("+deplored");
            Stance::Concern
        } else {
            stance
        };
        pieces.sort_by_key(|r| r.start);
        let shown: Vec<Range<usize>> = pieces
            .iter()
            .flat_map(|r| unblanked(sentence, &p.work, r.clone()))
            .collect();
        let cue_text = join_pieces(sentence, &shown);
        let target = self.target(
            p,
            states,
            sentence,
            ci,
            &pieces,
            &actor.range,
            target_range.is_some(),
        );
        Some((
            Found {
                actor: actor.label,
                stance,
                cue: cue_text,
                rule,
                target,
                hedged,
                conditional: false,
            },
            stance_clauses,
        ))
    }

    /// Whether clause `j` has a speaker of its own who is not the government: a verb of saying
    /// or concluding ("dat de Afdeling ... benadrukt", "dat de inspectie ... concludeert") and
    /// no word that could name the government (a pronoun may refer back to it).
    fn voiced_by_another(&self, p: &Prepared, states: &[ClauseState], j: usize) -> bool {
        #[rustfmt::skip]
        const SAYS: [&str; 22] = [
            "benadrukt", "benadrukken", "onderstreept", "onderstrepen", "stelt", "stellen",
            "concludeert", "concluderen", "constateert", "constateren", "oordeelt", "oordelen",
            "betoogt", "betogen", "waarschuwt", "waarschuwen", "meent", "menen", "opmerkt",
            "opmerken", "signaleert", "signaleren",
        ];
        const GOVERNMENT: [&str; 7] =
            ["ik", "wij", "we", "kabinet", "regering", "zij", "nederland"];
        let ws: Vec<&str> = words(&p.work[p.clauses[j].range.clone()])
            .map(|(_, w)| w)
            .collect();
        states[j].actor.is_none()
            && ws.iter().any(|w| SAYS.contains(w))
            && !ws.iter().any(|w| GOVERNMENT.contains(w))
    }

    /// Whether the place `at` of clause `ci` lies in a fronted subject clause: the sentence
    /// opens with "Dat", and a comma in that clause is followed by the main clause's finite
    /// verb ("Dat Nederland tegen heeft gestemd, doet er niet aan af dat ..."), not by a
    /// subordinator or an adverb ("Dat beeld herken ik, maar ...": "dat" is a determiner).
    fn in_subject_clause(&self, p: &Prepared, ci: usize, at: usize) -> bool {
        let c = &p.clauses[ci];
        if ci != 0 || c.opener.as_deref() != Some("dat") || at >= c.range.end {
            return false;
        }
        if !p.work[c.range.clone()].trim_end().ends_with(',') {
            return false;
        }
        p.clauses.get(1).is_some_and(|next| {
            next.opener.is_none()
                && words(&p.work[next.range.clone()])
                    .next()
                    .is_some_and(|(_, w)| MAIN_VERBS_AFTER_SUBJECT_CLAUSE.contains(&w))
        })
    }

    /// The evaluation a frame in clause `ci` governs: first in its own clause (outside the
    /// frame and actor), then in the clauses after it, up to a condition, reason or contrast,
    /// or a clause with a speaker of its own.
    fn content_of(
        &self,
        p: &Prepared,
        states: &[ClauseState],
        ci: usize,
        frame: Range<usize>,
        actor: Range<usize>,
    ) -> Option<(usize, Hit)> {
        let lex = &self.lex;
        let place = states[ci]
            .cue
            .as_ref()
            .map(|h| lex.cues[h.cue].content)
            .unwrap_or_default();
        if place == lexicon::ContentPlace::Before {
            return self.content_before(p, ci);
        }
        let after_only = states[ci]
            .cue
            .as_ref()
            .is_some_and(|h| lex.cues[h.cue].content == lexicon::ContentPlace::After);
        // A phrase between commas that interrupts the frame's clause ("acht ik, mits ...,
        // kansrijk") is read past: the evaluation comes after it.
        let interrupted = clauses::interruption(p, ci);
        // A weak evaluation ("moet") only speaks for a frame without a stance of its own.
        let frame_has_stance = states[ci]
            .cue
            .as_ref()
            .is_some_and(|h| lex.cues[h.cue].stance.is_some());
        // An elliptic verdict after "maar" ("acht de planning krap | maar haalbaar", "vindt de
        // termijn kort, | maar uitvoerbaar"): a short clause without a subject or verb of its
        // own, whose evaluation outweighs the one before it.
        let elliptic_but = |j: usize| {
            p.clauses.get(j).is_some_and(|c| {
                matches!(c.opener.as_deref(), Some("maar" | "doch"))
                    && states[j].actor.is_none()
                    && words(&p.work[c.range.clone()]).count() <= 5
                    && !words(&p.work[c.range.clone()]).any(|(_, w)| FINITE_LINKS.contains(&w))
            })
        };
        // A frame that is an adverbial naming its actor ("Naar ons oordeel volgt deze uitleg al
        // uit de richtsnoeren, | zodat aanvullende regelgeving niet nodig is") judges the
        // consequence it draws too.
        let adverbial_frame = states[ci]
            .cue
            .as_ref()
            .is_some_and(|h| lex.cues[h.cue].embeds_actor);
        for (j, (c, st)) in p.clauses.iter().zip(states).enumerate().skip(ci) {
            if interrupted.is_some_and(|(first, next)| first <= j && j < next) {
                continue;
            }
            if j > ci {
                // A second content clause of the frame after a contrast ("laten weten dat ik
                // de wens begrijp, | maar dat volledige afschaffing niet inpasbaar is") is the
                // frame's as much as the first.
                let is_second_content = |k: usize| {
                    let Some(c) = p.clauses.get(k) else {
                        return false;
                    };
                    let mut ws = words(&p.work[c.range.clone()]).map(|(_, w)| w).skip(1);
                    matches!(c.opener.as_deref(), Some("maar" | "en"))
                        && match ws.next() {
                            Some(w) => w == "dat",
                            // The coordinator a clause of its own, the dat-clause next.
                            None => p
                                .clauses
                                .get(k + 1)
                                .is_some_and(|n| n.opener.as_deref() == Some("dat")),
                        }
                };
                // The first of them may be the speaker's own words without a cue ("dat ik de
                // wens begrijp"): the evaluation is sought in the second.
                let speaker_before_second = st.cue.is_none()
                    && st.actor.as_ref().is_some_and(|a| {
                        states[ci]
                            .actor
                            .as_ref()
                            .is_some_and(|f| f.label == a.label)
                    })
                    && is_second_content(j + 1)
                    && !p.ends_in_strong_break(j - 1);
                if speaker_before_second {
                    continue;
                }
                let second_content = is_second_content(j);
                let consequence = adverbial_frame && c.opener.as_deref() == Some("zodat");
                let stop = c
                    .opener
                    .as_ref()
                    .is_some_and(|o| lex.clauses.content_stops.iter().any(|s| s == o))
                    && !(j == ci + 1 && elliptic_but(j) || second_content || consequence);
                // The evaluation is not sought past a colon ("moeten hand in hand gaan:
                // zonder verzwaring is flexibiliteit alleen onvoldoende"), nor in a clause
                // that shares the subject and speaks for itself ("dat dit kader goed werkt |
                // en zie geen aanleiding voor ...": a position of its own).
                let own_position = st.inherited && st.cue.is_some();
                // A frame that ends in its colon ("wil ik heel helder zijn: ...") announces
                // what follows the colon.
                let announced = j == ci + 1 && p.work[frame.clone()].trim_end().ends_with(':');
                // An indirect question right after the frame ("te beoordelen | of de opslag nog
                // nodig is") leaves the judgement open: there is none to take.
                let open_question = j == ci + 1 && c.opener.as_deref() == Some("of");
                if stop
                    || open_question
                    || (st.actor.is_some() && !st.inherited)
                    || own_position
                    || (p.ends_in_strong_break(j - 1) && !announced)
                {
                    return None;
                }
                let relative = c
                    .opener
                    .as_ref()
                    .is_some_and(|o| lex.clauses.content_skips.iter().any(|s| s == o));
                if relative {
                    if let Some(b) = self.content_after_relative(p, j, &frame, &actor) {
                        return Some((j, b));
                    }
                    continue;
                }
            }
            let content = |j: usize| {
                self.evaluation_in(
                    p,
                    j,
                    &frame,
                    &actor,
                    after_only && j == ci,
                    frame_has_stance,
                )
            };
            if let Some(b) = content(j) {
                if j == ci && elliptic_but(j + 1) {
                    if let Some(verdict) = content(j + 1) {
                        return Some((j + 1, verdict));
                    }
                }
                return Some((j, b));
            }
        }
        None
    }

    /// The evaluation that closes relative clause `j` after its verb, which belongs to the
    /// frame's clause the relative one interrupts: "Evenmin acht ik een wetswijziging | die
    /// intern salderen weer vergunningvrij maakt juridisch houdbaar". The relative clause
    /// ends in its verb, so an evaluation that ends it with a verb form just before it is the
    /// frame's; "de regels die ik niet wenselijk acht" ends in its verb and lends nothing.
    fn content_after_relative(
        &self,
        p: &Prepared,
        j: usize,
        frame: &Range<usize>,
        actor: &Range<usize>,
    ) -> Option<Hit> {
        let c = &p.clauses[j];
        let text = &p.work[c.range.clone()];
        let end = text.trim_end_matches(|ch: char| ch.is_whitespace() || ",.;:".contains(ch));
        let end = end.len();
        let verb_form = |w: &str| FINITE_LINKS.contains(&w) || (w.len() > 3 && w.ends_with('t'));
        self.lex.cues.iter().enumerate().find_map(|(i, cue)| {
            if cue.kind != CueKind::Content
                || cue.weak
                || !cue.pattern.may_in(&p.seen, c.range.clone())
            {
                return None;
            }
            let m = cue.pattern.re().find_iter(text).find(|m| m.end() == end)?;
            let before: Vec<&str> = words(&text[..m.start()]).map(|(_, w)| w).collect();
            // The verb right before the evaluation, or one adverb before it ("maakt
            // juridisch houdbaar"); never the relative pronoun itself.
            let verb_before = before.len() > 2 && before.iter().rev().take(2).any(|w| verb_form(w));
            let r = m.start() + c.range.start..m.end() + c.range.start;
            (verb_before && !overlaps(&r, frame) && !overlaps(&r, actor))
                .then_some(Hit { cue: i, range: r })
        })
    }

    /// The evaluation in clause `j` that a frame at `frame` (spoken by `actor`) takes its
    /// stance from: the first after the frame, else the first before it; `after_only` for a
    /// frame whose evaluation can only follow it.
    fn evaluation_in(
        &self,
        p: &Prepared,
        j: usize,
        frame: &Range<usize>,
        actor: &Range<usize>,
        after_only: bool,
        frame_has_stance: bool,
    ) -> Option<Hit> {
        let c = &p.clauses[j];
        let text = &p.work[c.range.clone()];
        let mut best: Option<Hit> = None;
        for (i, cue) in self.lex.cues.iter().enumerate() {
            if cue.kind != CueKind::Content
                || (cue.weak && frame_has_stance)
                || !cue.pattern.may_in(&p.seen, c.range.clone())
            {
                continue;
            }
            for m in cue.pattern.re().find_iter(text) {
                if in_conditional_adverbial(text, m.start(), m.as_str()) {
                    continue;
                }
                // Without the mark some patterns end on ("mogelijk,", "terecht."): the hit
                // stays inside its clause, and what the clause says after it is the target.
                let kept = m
                    .as_str()
                    .trim_end_matches(|ch: char| ch.is_whitespace() || ",.;:".contains(ch))
                    .len()
                    .max(1);
                let r = m.start() + c.range.start..m.start() + kept + c.range.start;
                // An evaluation may close around its frame: "voegt daar naar mijn oordeel
                // weinig aan toe", "voegt daar in mijn ogen weinig aan toe".
                let around = r.start < frame.start
                    && frame.end < r.end
                    && actor.start >= frame.start
                    && actor.end <= frame.end;
                let before_frame = after_only && r.start < frame.start && !around;
                if before_frame || (!around && (overlaps(&r, frame) || overlaps(&r, actor))) {
                    continue;
                }
                // A verb form after a determiner or adjective is a noun ("bij de meest
                // ingrijpende onderzoeken"): no commitment.
                if cue.stance == Some(Stance::Intent) && in_noun_phrase(&p.work, r.start) {
                    continue;
                }
                // In the frame's own clause an evaluation after the frame goes before one
                // ahead of it: "de noodzaak daarvan is mijns inziens niet aangetoond" is
                // judged by "niet aangetoond", not by its subject "noodzaak". A word inside a
                // noun phrase, after its determiner or an inflected adjective, describes a
                // thing rather than judging it, and goes last: "acht het risico op omleiding
                // naar een onwenselijke eindgebruiker ... aanvaardbaar", "van oordeel dat een
                // machtiging bij de meest ingrijpende onderzoeken aangewezen is".
                let rank = |r: &Range<usize>| {
                    (
                        r.start < frame.start,
                        in_noun_phrase(&p.work, r.start),
                        r.start,
                        usize::MAX - r.len(),
                    )
                };
                // An evaluation inside a longer one is part of it: "doelmatig" in "weinig
                // doelmatig" is judged by the whole.
                let contains = |a: &Range<usize>, b: &Range<usize>| {
                    a.start <= b.start && b.end <= a.end && a != b
                };
                let better = best.as_ref().is_none_or(|b| {
                    contains(&r, &b.range) || (!contains(&b.range, &r) && rank(&r) < rank(&b.range))
                });
                if better {
                    best = Some(Hit { cue: i, range: r });
                }
            }
        }
        best
    }
}

/// An actor that takes a singular verb: "ik", "het kabinet", "Nederland", "de minister" (not
/// "wij", nor "de minister en ik").
fn singular_actor(label: &str) -> bool {
    let l = label.to_lowercase();
    !l.contains(" en ")
        && (l == "ik"
            || [
                "het kabinet",
                "de regering",
                "nederland",
                "de minister",
                "de staatssecretaris",
            ]
            .iter()
            .any(|s| l.starts_with(s)))
}

/// Is the sharing at `cue` a worry put first and then shared: "De zorg van de leden dat de
/// wallet toch de norm wordt, deel ik", "De zorg die aan het advies ten grondslag ligt, delen
/// wij"? The verb opens its clause (the object stands before it) and the sentence (`work`,
/// lower-cased) opens with the worry.
fn shares_a_fronted_worry(work: &str, clause: Range<usize>, cue: &Range<usize>) -> bool {
    static SHARES: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^(?:deel|deelt|delen|onderschrijf|onderschrijft|onderschrijven)\b")
            .expect("valid regex")
    });
    static WORRY_FIRST: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^\s*(?:de|die|deze)\s+(?:\S+\s+)?(?:zorg|zorgen|bezorgdheid|vrees|ongerustheid)\b",
        )
        .expect("valid regex")
    });
    let Some(before) = work.get(clause.start..cue.start) else {
        return false;
    };
    before.trim().is_empty()
        && work.get(cue.clone()).is_some_and(|c| SHARES.is_match(c))
        && WORRY_FIRST.is_match(work)
}

/// Is the evaluation at `at` of `text` (lower-cased) part of a fixed adverbial of condition
/// ("zo nodig", "waar nodig", "indien gewenst", "voor zover mogelijk"): it says when, and
/// judges nothing ("het oordeel is aan de AP en, zo nodig, aan de rechter").
fn in_conditional_adverbial(text: &str, at: usize, found: &str) -> bool {
    static BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?:^|[\s,(])(?:zo|waar|indien|als|wanneer|voor\s+zover|daar\s+waar)\s+$",
        )
        .expect("valid regex")
    });
    const WORDS: [&str; 5] = ["nodig", "noodzakelijk", "gewenst", "wenselijk", "mogelijk"];
    let word = found.split_whitespace().next().unwrap_or("");
    WORDS.contains(&word.trim_end_matches([',', '.', ';']))
        && BEFORE.is_match(crate::text::window_before(text, at, 24))
}

/// The "niet" of a main clause that only denies the dat-clause after it ("Het is ook niet zo |
/// dat ...", "Dit betekent niet | dat ...", "Dat wil niet zeggen | dat ..."), when clause `ci`
/// is that dat-clause.
fn denied_by_main_clause(p: &Prepared, ci: usize) -> Option<Range<usize>> {
    static DENIAL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^\s*(?:het|dat|dit)\s+(?:is|betekent|wil)\s+(?:(?:ook|echter|evenwel|overigens|dus|uiteraard|zeker)\s+)?(niet)(?:\s+(?:zo|zeggen))?\s*$",
        )
        .expect("valid regex")
    });
    if ci == 0 || p.clauses[ci].opener.as_deref() != Some("dat") {
        return None;
    }
    let before = p.clauses[ci - 1].range.clone();
    let niet = DENIAL.captures(&p.work[before.clone()])?.get(1)?;
    Some(before.start + niet.start()..before.start + niet.end())
}

/// "Ik vind het onacceptabel dat bewoners zo lang in onzekerheid verkeren", "Het is onwenselijk
/// dat jeugdigen lang moeten wachten": an "on-" verdict on a dat-clause that tells what is the
/// case deplores a state of affairs, a concern; so does a measure of how things stand found too
/// low or too high ("Dat aantal vind ik te laag", "Het tempo vind ik te traag"). Not a weighed
/// verdict ("acht het onwenselijk dat lidstaten worden verplicht ..."), a verdict on a plan or
/// a case that may come ("dat de Commissie voorstelt ...", "dat ... zou", "als ...", "het
/// voorgestelde percentage"), nor "niet aanvaardbaar", which refuses. (A dat-clause put first,
/// "Dat ... , vind ik onaanvaardbaar", is left oppose: auditors read it either way.)
fn deplores_a_state(p: &Prepared, pieces: &[Range<usize>]) -> bool {
    const VERDICTS: [&str; 3] = ["onacceptabel", "onaanvaardbaar", "onwenselijk"];
    // What makes the dat-clause a plan or a case to come rather than a state.
    const PLANNED: [&str; 10] = [
        "zou", "zouden", "zal", "zullen", "wil", "willen", "beoogt", "beogen", "gaat", "gaan",
    ];
    // Measures of how things stand, and the degrees of "te" that find them wanting.
    const MEASURES: [&str; 9] = [
        "aantal",
        "tempo",
        "percentage",
        "aandeel",
        "niveau",
        "bereik",
        "deelname",
        "opkomst",
        "snelheid",
    ];
    const TOO: [&str; 6] = ["laag", "hoog", "traag", "langzaam", "gering", "klein"];
    let work = p.work.as_str();
    let weighed = |from: usize, to: usize| {
        words(&work[from..to])
            .any(|(_, w)| matches!(w, "acht" | "achten" | "achtte" | "achtten" | "geacht"))
    };
    let planned = |from: usize, to: usize| {
        words(&work[from..to]).any(|(_, w)| {
            PLANNED.contains(&w) || w.starts_with("voorst") || w.starts_with("voorgest")
        })
    };
    pieces.iter().any(|r| {
        let piece: Vec<(usize, &str)> = words(&work[r.clone()]).collect();
        let Some(clause) = p
            .clauses
            .iter()
            .find(|c| c.range.contains(&r.start))
            .map(|c| c.range.clone())
        else {
            return false;
        };
        if let Some(k) = piece
            .windows(2)
            .position(|w| w[0].1 == "te" && TOO.contains(&w[1].1))
        {
            let verdict = r.start + piece[k].0;
            return !weighed(clause.start, verdict)
                && !planned(clause.start, verdict)
                && words(&work[clause.start..verdict]).any(|(_, w)| MEASURES.contains(&w));
        }
        let Some(&(at, _)) = piece.iter().find(|(_, w)| VERDICTS.contains(w)) else {
            return false;
        };
        let verdict = r.start + at;
        if weighed(clause.start, verdict) {
            return false;
        }
        let mut after = words(&work[verdict..]).skip(1);
        let Some((dat, "dat")) = after.next() else {
            return false;
        };
        let body_start = verdict + dat;
        let body_end = p
            .clauses
            .iter()
            .find(|c| c.range.contains(&body_start))
            .map_or(work.len(), |c| c.range.end);
        !planned(body_start, body_end)
    })
}

/// Does the word at `at` of `work` (lower-cased) stand inside a noun phrase, right after a
/// determiner or an inflected adjective ("een onwenselijke", "de meest ingrijpende
/// onderzoeken")?
fn in_noun_phrase(work: &str, at: usize) -> bool {
    const DETERMINERS: [&str; 9] = [
        "een", "de", "het", "die", "deze", "geen", "elke", "ieder", "meest",
    ];
    let Some(prev) = work
        .get(..at)
        .and_then(|b| b.split_whitespace().next_back())
    else {
        return false;
    };
    // An inflected adjective ends in "e": "onwenselijke", "ingrijpende", "proportionele".
    DETERMINERS.contains(&prev) || (prev.ends_with('e') && clauses::adjective_like(prev))
}

impl PositionExtractor {
    /// The evaluation a frame that holds on to what was just said finds in the clauses before
    /// clause `ci` ("Die motie is ontraden, | en daar blijf ik bij"), nearest first, back to a
    /// ";" or ":" or a clause with a speaker of its own.
    fn content_before(&self, p: &Prepared, ci: usize) -> Option<(usize, Hit)> {
        let lex = &self.lex;
        for j in (0..ci).rev() {
            if p.ends_in_strong_break(j) {
                return None;
            }
            let c = &p.clauses[j];
            let text = &p.work[c.range.clone()];
            let best = lex
                .cues
                .iter()
                .enumerate()
                .filter(|(_, cue)| {
                    cue.kind == CueKind::Content
                        && !cue.weak
                        && cue.pattern.may_in(&p.seen, c.range.clone())
                })
                .flat_map(|(i, cue)| {
                    cue.pattern.re().find_iter(text).map(move |m| Hit {
                        cue: i,
                        range: m.start() + c.range.start..m.end() + c.range.start,
                    })
                })
                .min_by_key(|h| (h.range.start, usize::MAX - h.range.len()));
            if best.is_some() {
                return best.map(|b| (j, b));
            }
        }
        None
    }
}

/// Every match of `patterns` in `text` (the part `span` of the gated text), of those the
/// gate did not rule out.
fn matches<'a>(
    patterns: impl Iterator<Item = &'a lexicon::Pattern>,
    text: &str,
    span: &Range<usize>,
    seen: &Seen,
) -> Vec<Range<usize>> {
    patterns
        .flat_map(|p| p.find_in(seen, text, span.start))
        .collect()
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The parts of `range` outside the asides blanked in `work` ("pleitte, met steun van
/// Denemarken, voor" → "pleitte", "voor").
fn unblanked(sentence: &str, work: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let (s, w) = (sentence.as_bytes(), work.as_bytes());
    let blanked =
        |i: usize| w.get(i) == Some(&b' ') && s.get(i).is_some_and(|b| !b.is_ascii_whitespace());
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for i in range.clone() {
        match (blanked(i), start) {
            (false, None) => start = Some(i),
            (true, Some(from)) => {
                out.push(from..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        out.push(from..range.end);
    }
    // Keep char boundaries: a blanked multi-byte char is blanked whole, so the pieces start
    // and end on boundaries; drop any piece that does not.
    out.retain(|r| sentence.is_char_boundary(r.start) && sentence.is_char_boundary(r.end));
    out
}

/// The cue as written: its pieces in sentence order, " … " where words lie between them.
fn join_pieces(sentence: &str, pieces: &[Range<usize>]) -> String {
    let mut out = String::new();
    let mut last_end: Option<usize> = None;
    for r in pieces {
        let piece = sentence
            .get(r.clone())
            .unwrap_or("")
            .trim()
            .trim_end_matches(['.', ',', ';']);
        if piece.is_empty() {
            continue;
        }
        if last_end.is_some_and(|e| r.end <= e) {
            continue;
        }
        if let Some(e) = last_end {
            let between = sentence.get(e.min(r.start)..r.start).unwrap_or("");
            out.push_str(if between.trim().is_empty() {
                " "
            } else {
                " … "
            });
        }
        out.push_str(piece);
        last_end = Some(r.end.max(last_end.unwrap_or(0)));
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Finite forms of the auxiliaries and copulas: a word group holding one has a verb of its
/// own, so it is a clause, not a noun phrase.
const FINITE_AUXILIARIES: &[&str] = &[
    "is", "zijn", "was", "waren", "heeft", "hebben", "had", "hadden", "wordt", "worden", "werd",
    "werden", "zal", "zullen", "kan", "kunnen", "wil", "willen", "moet", "moeten",
];

/// Whether a clause opens with a noun phrase ("De Raad ...", "Het Openbaar Ministerie ...",
/// "Deze organisaties ..."), not with a pronoun before its verb ("Het is ...", "Dit betekent
/// ...") or an adverb.
fn opens_with_noun_phrase(clause: &str) -> bool {
    let mut w = words(clause).map(|(_, w)| w);
    match (w.next(), w.next()) {
        (Some("de" | "een"), Some(_)) => true,
        (Some("het" | "deze" | "dit" | "die"), Some(next)) => {
            !FINITE_AUXILIARIES.contains(&next) && !MAIN_VERBS_AFTER_SUBJECT_CLAUSE.contains(&next)
        }
        _ => false,
    }
}

/// A determiner and an inflected adjective cut off by a comma ("Een vaste, | hogere vergoeding
/// wijst zij af"): the start of a noun phrase whose adjectives are listed, no clause with a
/// subject of its own.
fn adjective_before_comma(clause: &str) -> bool {
    let ws: Vec<&str> = words(clause).map(|(_, w)| w).collect();
    matches!(ws.as_slice(), [det, adj] if matches!(*det, "de" | "een" | "het" | "deze" | "die" | "dit")
        && adj.len() > 3 && adj.ends_with('e'))
        && clause.trim_end().ends_with(',')
}

fn has_finite_auxiliary(text: &str) -> bool {
    words(text).any(|(_, w)| FINITE_AUXILIARIES.contains(&w))
}

/// Does the clause hold "te" and an infinitive ("te zijn", "te steunen")?
fn has_te_infinitive(clause: &str) -> bool {
    let ws: Vec<&str> = words(clause).map(|(_, w)| w).collect();
    te_infinitive_in(&ws)
}

fn te_infinitive_in(ws: &[&str]) -> bool {
    ws.windows(2)
        .any(|w| w[0] == "te" && (w[1] == "zijn" || (w[1].len() > 3 && w[1].ends_with("en"))))
}

/// A clause of "te" and an infinitive and no finite verb besides ("maar geen voorstander te
/// zijn van ..."): its subject and governing verb are the clause's it is coordinated with.
fn infinitive_without_finite(clause: &str, finite: &[&str]) -> bool {
    let ws: Vec<&str> = words(clause).map(|(_, w)| w).collect();
    te_infinitive_in(&ws)
        && !ws
            .windows(2)
            .any(|w| finite.contains(&w[1]) && w[0] != "te")
}

/// Put a bare "Ja."/"Nee." that waited for the rest of its answer back where it stood.
fn flush_bare(out: &mut Vec<Position>, pending: Option<(usize, answers::BareAnswer)>) {
    if let Some((at, a)) = pending {
        out.insert(at.min(out.len()), a.position);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Vec<Found> {
        PositionExtractor::new()
            .expect("extractor")
            .read_sentence(s, None)
            .positions
    }

    #[test]
    fn a_negated_support_cue_is_oppose_and_names_its_negator() {
        let f = read("Het kabinet is daarom geen voorstander van het opnemen van de onder «1» en «2» genoemde verboden.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].stance, Stance::Oppose);
        assert_eq!(f[0].cue, "geen voorstander");
        assert_eq!(f[0].rule, "support.voorstander+neg");
        assert!(
            f[0].target.starts_with("opnemen van de onder"),
            "{}",
            f[0].target
        );
    }

    #[test]
    fn two_clauses_two_positions() {
        let f = read("Waar het kabinet de door de toezichthouders voorgestelde absolute verbodsbepalingen onwenselijk vindt, ziet het weldegelijk de noodzaak om erop toe te zien dat ingrijpende systemen zo zijn gereguleerd.");
        let stances: Vec<Stance> = f.iter().map(|x| x.stance).collect();
        assert_eq!(stances, vec![Stance::Oppose, Stance::Support], "{f:?}");
    }

    #[test]
    fn the_gate_never_rules_out_a_pattern_that_matches() {
        let lex = Lexicon::bundled().expect("lexicon");
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        let mut clauses_read = 0;
        for entry in std::fs::read_dir(dir).expect("bundled corpus").flatten() {
            let Ok(raw) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let norm = crate::normalize::normalize(&raw);
            for s in &norm.sentences {
                let sentence = norm.slice(s.span);
                let lower = clauses::lower_same_len(sentence);
                let speak = lex.speak_gate.scan(&lower);
                for (i, (pattern, _)) in lex.speakers().enumerate() {
                    assert!(
                        speak.may(i) || !pattern.re().is_match(&lower),
                        "{}",
                        pattern.id
                    );
                    assert_eq!(
                        pattern.is_match_gated(&speak, i, &lower, 0),
                        pattern.re().is_match(&lower),
                        "{}",
                        pattern.id
                    );
                }
                let seen = lex.scan(&lower);
                let p = prepare_lowered(
                    sentence,
                    lower.clone(),
                    &lex.clauses.words,
                    &lex.clauses.words_after_break,
                );
                let all = |t: &str, re: &regex::Regex| -> Vec<std::ops::Range<usize>> {
                    re.find_iter(t).map(|m| m.range()).collect()
                };
                for (_, pattern) in lex.all_patterns() {
                    assert!(pattern.may(&seen) || !pattern.re().is_match(&lower));
                    assert_eq!(
                        pattern.find_in(&seen, &lower, 0),
                        all(&lower, pattern.re()),
                        "{} in {lower:?}",
                        pattern.id
                    );
                    for c in &p.clauses {
                        let t = &p.work[c.range.clone()];
                        assert!(
                            pattern.may_in(&seen, c.range.clone()) || !pattern.re().is_match(t),
                            "{} ruled out in {t:?}",
                            pattern.id
                        );
                        assert_eq!(
                            pattern.is_match_in(&seen, t, c.range.start),
                            pattern.re().is_match(t),
                            "{} in {t:?}",
                            pattern.id
                        );
                        // Anchored at the gate's literals, the same matches as a search.
                        assert_eq!(
                            pattern.find_in(&seen, t, c.range.start),
                            all(t, pattern.re()),
                            "{} in {t:?}",
                            pattern.id
                        );
                    }
                }
                clauses_read += p.clauses.len();
            }
        }
        assert!(clauses_read > 200, "{clauses_read}");
    }
}
