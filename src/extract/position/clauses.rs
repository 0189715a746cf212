//! One sentence → its clauses, order-free inside.
//!
//! Dutch puts the finite verb second and scatters actor, cue and negation over the clause
//! ("Van het invoeren van ... is het kabinet dan ook geen voorstander"), so the extractor
//! treats a clause as a bag of matches. Clauses end at ",", ";", ":", an unpaired dash and
//! before the words `[clauses] words` of the lexicon. A parenthetical aside between two dashes
//! or in round brackets is blanked out first: "Het kabinet is evenwel – anders dan de
//! toezichthouders – van mening dat" keeps actor and cue in one clause; so is an adverbial
//! phrase between commas ("Nederland pleitte, met steun van Denemarken, voor ...").
//!
//! Offsets are byte offsets into the sentence; the work text has the same length as the
//! sentence, so they hold for both.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A sentence prepared for matching.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// Lower-cased, asides blanked, same byte length as the sentence.
    pub work: String,
    pub clauses: Vec<Clause>,
    /// The lexicon patterns that may match `work` (set by the extractor; rules nothing out
    /// by default).
    pub seen: crate::extract::gate::Seen,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub range: Range<usize>,
    /// The clause-opening word, when a word opened it ("dat", "en").
    pub opener: Option<String>,
}

/// The words that end a member's title, for a joint subject with the writer ("de
/// staatssecretaris en ik", "mijn collega en ik").
const MEMBER_TITLES: [&str; 4] = [
    "minister",
    "staatssecretaris",
    "minister-president",
    "collega",
];

/// Lower-case `s` char by char, keeping byte offsets (a char whose lower case has another
/// length stays as it is).
pub fn lower_same_len(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // Most of the text is ASCII; the general case below allocates nothing but is slow.
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let mut l = c.to_lowercase();
        match (l.next(), l.next()) {
            (Some(lc), None) if lc.len_utf8() == c.len_utf8() => out.push(lc),
            _ => out.push(c),
        }
    }
    out
}

fn blank(work: &mut String, range: Range<usize>) {
    let replaced: String = work[range.clone()]
        .chars()
        .map(|c| " ".repeat(c.len_utf8()))
        .collect();
    work.replace_range(range, &replaced);
}

fn is_dash(c: char) -> bool {
    matches!(c, '–' | '—' | '-')
}

/// Whether `text` starts with the fields a ministry or minister is named for, capitalised and
/// ending in "en" and one more: "Jeugd, Preventie en Sport", "Herstel en Toeslagen".
pub fn field_list_follows(text: &str) -> bool {
    static FIELD_LIST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\p{Lu}\p{L}*(?:, \p{Lu}\p{L}*)* en \p{Lu}").expect("valid regex")
    });
    FIELD_LIST.is_match(text)
}

/// The commas inside a list of names: "met Duitsland, Denemarken, Noorwegen en Zweden aan",
/// "de Minister van Volksgezondheid, Welzijn en Sport": a capitalised word before the comma
/// and capitalised words after it up to "en" and one more. They join the names of one noun
/// phrase, so they neither end a clause nor bound an aside.
/// Endings of Dutch adjectives, plain and inflected ("restrictief", "zorgvuldige",
/// "economische", "financieel", "mogelijk").
const ADJECTIVE_ENDINGS: [&str; 20] = [
    "ief", "ieve", "ig", "ige", "isch", "ische", "eel", "ele", "aal", "ale", "baar", "bare",
    "lijk", "lijke", "ijk", "ijke", "end", "ende", "eus", "euze",
];

/// Whether `word` (lower case) looks like an adjective by its ending.
pub fn adjective_like(word: &str) -> bool {
    ADJECTIVE_ENDINGS
        .iter()
        .any(|e| word.len() > e.len() + 2 && word.ends_with(e))
}

/// Organisations keep their article: "met de VNG, Divosa en de NVVK in gesprek".
fn name_list_commas(sentence: &str) -> Vec<usize> {
    sentence
        .match_indices(", ")
        .map(|(at, _)| at)
        .filter(|&at| {
            last_word_capitalised(&sentence[..at])
                && (field_list_follows(&sentence[at + 2..])
                    || NAMES_TO_EN.is_match(&sentence[at + 2..]))
        })
        .collect()
}

/// Names, each perhaps with its article and of up to four capitalised words ("Zorgverzekeraars
/// Nederland"), up to the "en" that closes their list and one more.
static NAMES_TO_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:de|het) )?\p{Lu}[\p{L}\-]*(?: \p{Lu}[\p{L}\-]*){0,3}(?:, (?:(?:de|het) )?\p{Lu}[\p{L}\-]*(?: \p{Lu}[\p{L}\-]*){0,3})* en (?:(?:de|het) )?\p{Lu}")
        .expect("valid regex")
});

/// Does the "en" at `at` close a list of names with a comma in it ("de VNG, Divosa en de
/// NVVK")? `sentence` as written.
fn closes_name_list(sentence: &str, at: usize) -> bool {
    static LIST_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\p{Lu}[\p{L}\-]*, (?:(?:de|het) )?\p{Lu}[\p{L}\-]*(?: \p{Lu}[\p{L}\-]*){0,3} $",
        )
        .expect("valid regex")
    });
    LIST_BEFORE.is_match(crate::text::window_before(sentence, at, 120))
        && sentence
            .get(at..)
            .is_some_and(|rest| NAMES_AFTER_EN.is_match(rest))
}

/// "en" and the name that closes a list: "en de NVVK", "en ProRail".
static NAMES_AFTER_EN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^en (?:(?:de|het) )?\p{Lu}").expect("valid regex"));

/// Whether the last word of `text` starts with a capital.
fn last_word_capitalised(text: &str) -> bool {
    text.rsplit(' ')
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase)
}

/// Dashes that stand alone between spaces: " – ".
fn free_dashes(s: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    for (i, &(at, c)) in chars.iter().enumerate() {
        if !is_dash(c) {
            continue;
        }
        let before = i == 0 || chars[i - 1].1.is_whitespace();
        let after = i + 1 == chars.len() || chars[i + 1].1.is_whitespace();
        if before && after {
            out.push(at..at + c.len_utf8());
        }
    }
    out
}

/// The forms of "hebben" after which "dat" and "die" can only be determiners.
const HAVE: [&str; 5] = ["heb", "heeft", "hebben", "had", "hadden"];
/// Modal verbs, after which "dat" and "die" are determiners ("Ik kan dat voorstel niet
/// steunen"); "wil" is left out: "wil dat" opens a clause.
const MODAL: [&str; 12] = [
    "kan", "kon", "kunnen", "konden", "zal", "zullen", "zou", "zouden", "moet", "moeten", "mag",
    "mogen",
];
/// Prepositions, after which "dat" and "die" can only be determiners.
const PREPOSITIONS: [&str; 17] = [
    "van", "in", "op", "met", "voor", "aan", "bij", "door", "over", "naar", "uit", "tot", "tegen",
    "zonder", "onder", "na", "sinds",
];
/// Verbs of judging that take no dat-clause: "acht dat onwenselijk", "acht die aanpak
/// haalbaar" ("vindt dat" is left out: it mostly opens a clause).
const JUDGE: [&str; 5] = ["acht", "achten", "beschouw", "beschouwt", "beschouwen"];
/// Verbs with an object that a relative "die" cannot follow: "deel die zorg", "steun die
/// motie", "vind die aanpak wenselijk".
const SHARE: [&str; 15] = [
    "deel",
    "deelt",
    "delen",
    "steun",
    "steunt",
    "steunen",
    "vind",
    "vindt",
    "vinden",
    "onderschrijf",
    "onderschrijft",
    "onderschrijven",
    "volg",
    "volgt",
    "volgen",
];
/// Forms of "zijn", after which in a main clause a "die" is a pronoun or a determiner: a
/// relative "die" follows its noun ("naar ons oordeel is die ook niet nodig"). In a subordinate
/// clause the verb comes last and a relative clause may follow it.
const COPULAS: [&str; 4] = ["is", "zijn", "was", "waren"];
/// Subordinators, after which a "die" is a determiner: a relative "die" follows its noun, and
/// a subordinator is none ("Het kabinet is van mening dat die conclusie achterhaald is").
const SUBORDINATORS: [&str; 12] = [
    "dat", "omdat", "doordat", "zodat", "als", "wanneer", "indien", "hoewel", "terwijl", "mits",
    "tenzij", "of",
];
/// Words that open an indirect question or a clause of manner or time, which take their
/// subject next as subordinators do ("waarom ik dat ...", "zoals wij dat ...").
const OPENERS_BEFORE_SUBJECT: [&str; 7] = [
    "waarom", "hoe", "zoals", "nadat", "voordat", "zolang", "waardoor",
];

/// Prepare one sentence: blank asides, split into clauses. `openers` open a clause wherever
/// they stand; `openers_after_break` only at the start or after punctuation, because inside a
/// clause they are adverbs ("Het kabinet is nu geen voorstander", "acht dit echter niet
/// wenselijk") rather than conjunctions ("Nu de Commissie ...", "..., echter zonder ...").
pub fn prepare(sentence: &str, openers: &[String], openers_after_break: &[String]) -> Prepared {
    prepare_lowered(
        sentence,
        lower_same_len(sentence),
        openers,
        openers_after_break,
    )
}

/// [`prepare`] for a sentence already lower-cased by [`lower_same_len`] into `lower`.
pub fn prepare_lowered(
    sentence: &str,
    lower: String,
    openers: &[String],
    openers_after_break: &[String],
) -> Prepared {
    let mut work = lower;
    // Round brackets that enclose words ("(waaronder biometrische gegevens, ...)"), not the
    // ones inside a word ("(kwaliteits-)eisen").
    let mut depth_start: Option<usize> = None;
    let mut asides: Vec<Range<usize>> = Vec::new();
    for (at, c) in sentence.char_indices() {
        match c {
            '(' if depth_start.is_none() => depth_start = Some(at),
            ')' => {
                if let Some(start) = depth_start.take() {
                    if sentence[start..at].contains(' ') {
                        asides.push(start..at + 1);
                    }
                }
            }
            _ => {}
        }
    }
    // A dash inside a minister's title ("Staatssecretaris van Financiën – Fiscaliteit,
    // Belastingdienst en Douane") is part of the name.
    let dashes: Vec<Range<usize>> = free_dashes(sentence)
        .into_iter()
        .filter(|d| {
            !(last_word_capitalised(sentence[..d.start].trim_end())
                && field_list_follows(sentence[d.end..].trim_start()))
        })
        .collect();
    let mut unpaired: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < dashes.len() {
        if i + 1 < dashes.len() {
            asides.push(dashes[i].start..dashes[i + 1].end);
            i += 2;
        } else {
            unpaired.push(dashes[i].clone());
            i += 1;
        }
    }
    asides.extend(speaker_apposition(sentence, &work));
    asides.extend(quoted_titles(sentence));
    for at in name_list_commas(sentence) {
        blank(&mut work, at..at + 1);
    }
    let (comma_phrases, bare_commas) = comma_asides(sentence, &work, &asides);
    asides.extend(comma_phrases);
    for at in bare_commas {
        blank(&mut work, at..at + 1);
    }
    // Each aside starts and ends with a bracket, a dash or a comma, never a word character:
    // the extractor's gate (`Seen::may_in`) relies on that to judge word boundaries in the
    // blanked text from the text before blanking.
    for r in &asides {
        blank(&mut work, r.clone());
    }

    // Split points: punctuation (the clause starts after it) and opener words (the clause
    // starts at the word).
    let mut cuts: Vec<(usize, Option<String>)> = Vec::new();
    let bytes = work.as_bytes();
    // A comma or colon between digits is part of a number ("1,5 miljard", "artikel 6:162").
    let in_number = |at: usize| {
        at > 0
            && bytes[at - 1].is_ascii_digit()
            && bytes.get(at + 1).is_some_and(u8::is_ascii_digit)
    };
    // Nor a comma in a list of numbers ("neemt de aanbevelingen 1, 3 en 4 over").
    let in_numbers = |at: usize| {
        at > 0
            && bytes[at - 1].is_ascii_digit()
            && work[at + 1..]
                .trim_start_matches(' ')
                .starts_with(|c: char| c.is_ascii_digit())
    };
    // Nor in a list of single words that "en"/"of" closes ("steunt Oekraïne politiek,
    // militair, financieel en moreel", "wenselijk, nodig en proportioneel").
    let in_word_list = |at: usize| {
        static WORD_LIST: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"^,\s*\p{Ll}+(?:\s*,\s*\p{Ll}+){0,6}\s+(?:en|of)\s+\p{Ll}")
                .expect("valid regex")
        });
        // In the sentence as written, so that a name ("waaronder Nederland, gesproken en")
        // is no item.
        let word_start = sentence[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map(|(i, _)| i);
        word_start.is_some_and(|w| sentence[w..].starts_with(|c: char| c.is_lowercase()))
            && WORD_LIST.is_match(crate::text::window_after(sentence, at, 160))
    };
    // Nor the commas of an article reference ("artikel 17, eerste lid, van de
    // Dublinverordening"): they part the units of one noun phrase.
    let references = article_references(&work);
    let in_reference = |at: usize| references.iter().any(|r| r.start < at && at < r.end);
    for (at, c) in work.char_indices() {
        if (matches!(c, ',' | ';') || (c == ':' && !is_label(sentence, at)))
            && !(c != ';' && in_number(at))
            && !(c == ',' && (in_numbers(at) || in_word_list(at) || in_reference(at)))
        {
            cuts.push((at + 1, None));
        }
    }
    for r in &unpaired {
        cuts.push((r.end, None));
    }
    let ws: Vec<(usize, &str)> = words(&work).collect();
    for (i, &(start, word)) in ws.iter().enumerate() {
        // "en" between two names joins the names, not two clauses ("met NS en ProRail in
        // gesprek", "Nederland en Duitsland steunen", "Justitie en Veiligheid").
        let capitalised = |j: Option<usize>| {
            j.and_then(|j| ws.get(j))
                .and_then(|&(at, _)| sentence[at..].chars().next())
                .is_some_and(char::is_uppercase)
        };
        // Nor between two numbers ("voor 2024 en 2025", "artikelen 3 en 4").
        let numeral = |j: Option<usize>| {
            j.and_then(|j| ws.get(j))
                .is_some_and(|&(_, w)| w.starts_with(|c: char| c.is_ascii_digit()))
        };
        // Nor after the first half of a shared compound ("Asiel- en migratiepact", "land- of
        // tuinbouw").
        let truncated_compound = work[..start].trim_end().ends_with('-');
        // Nor in a joint subject of a member and the writer, which the verb may precede
        // ("Daarom zien de staatssecretaris en ik geen aanleiding", "de minister van
        // Financiën en ik"); after a preposition the member is an object ("besproken met de
        // minister en ik deel ...").
        let joint_subject = || {
            let title = i
                .checked_sub(1)
                .and_then(|j| ws.get(j))
                .is_some_and(|&(_, w)| MEMBER_TITLES.contains(&w) || capitalised(i.checked_sub(1)));
            let determiner = (i.saturating_sub(8)..i)
                .rev()
                .find(|&j| matches!(ws[j].1, "de" | "mijn" | "onze"));
            ws.get(i + 1)
                .is_some_and(|&(_, w)| matches!(w, "ik" | "wij" | "we"))
                && title
                && determiner.is_some_and(|d| {
                    d.checked_sub(1)
                        .is_none_or(|j| !PREPOSITIONS.contains(&ws[j].1))
                })
        };
        // Nor between two adjectives of one noun ("een restrictief en zorgvuldig
        // wapenexportbeleid", "de politieke en economische gevolgen", "een ambitieus en
        // tegelijk haalbaar doel").
        let joins_adjectives = || {
            let adjective = |j: Option<usize>| {
                j.and_then(|j| ws.get(j))
                    .is_some_and(|&(_, w)| adjective_like(w))
            };
            let adverb = ws.get(i + 1).is_some_and(|&(_, w)| {
                matches!(
                    w,
                    "tegelijk" | "tegelijkertijd" | "ook" | "zeer" | "even" | "toch"
                )
            });
            i.checked_sub(2)
                .and_then(|j| ws.get(j))
                .is_some_and(|&(_, w)| matches!(w, "een" | "de" | "het" | "geen" | "deze" | "die"))
                && adjective(i.checked_sub(1))
                && (adjective(Some(i + 1)) || (adverb && adjective(Some(i + 2))))
        };
        // Nor between the partners after "met" ("werk ik met de Nederlandse ggz en
        // Zorgverzekeraars Nederland aan", "ga ik met de zorgverzekeraars en zorgaanbieders in
        // gesprek"): the verb's particle stands after both. Not before a pronoun or a verb
        // ("met de VNG en zal ...", "met de sector en neemt ...").
        let joins_partners = || {
            let with = (i.saturating_sub(4)..i).rev().find(|&j| ws[j].1 == "met");
            let Some(with) = with else {
                return false;
            };
            let unbroken = !work[ws[with].0..start].contains([',', ';', ':']);
            let partner = ws
                .get(i + 1)
                .is_some_and(|&(_, next)| !next.ends_with('t') && !NOT_A_PARTNER.contains(&next));
            unbroken && partner
        };
        // Nor where it closes a list of single words set apart by commas ("politiek, militair,
        // financieel en moreel").
        let closes_word_list = || {
            i.checked_sub(1)
                .and_then(|j| ws.get(j))
                .is_some_and(|&(at, _)| {
                    let comma = work[..at].trim_end();
                    comma.ends_with(',') && in_word_list(comma.len() - 1)
                })
        };
        // Nor the "en" of "tussen A en B" ("de overgang tussen Wmo 2015 en Wlz", "het verschil
        // tussen huur en koop"): a pair that "tussen" governs, a few words back, with no
        // break or other "en" between.
        let pair_after_tussen = || {
            (i.saturating_sub(5)..i)
                .rev()
                .find(|&j| ws[j].1 == "tussen")
                .is_some_and(|t| {
                    !work[ws[t].0..start].contains([',', ';', ':'])
                        && !ws[t + 1..i].iter().any(|&(_, w)| w == "en")
                })
                // Not before a subject of its own ("de verschillen tussen gemeenten en ik zal
                // ...").
                && ws
                    .get(i + 1)
                    .is_some_and(|&(_, w)| !matches!(w, "ik" | "wij" | "we" | "zij" | "hij"))
        };
        // Nor between two phrases led by the same preposition ("de inzet van de Commissie op
        // vereenvoudiging en op een sterkere resultaatgerichtheid steunt"): one clause goes on.
        let parallel_phrase = || {
            ws.get(i + 1).is_some_and(|&(_, next)| {
                PREPOSITIONS.contains(&next)
                    && (i.saturating_sub(4)..i)
                        .any(|j| ws[j].1 == next && !work[ws[j].0..start].contains([',', ';', ':']))
            })
        };
        if (word == "en" || word == "of")
            && ((capitalised(i.checked_sub(1)) && capitalised(Some(i + 1)))
                || parallel_phrase()
                || (word == "en" && pair_after_tussen())
                || closes_word_list()
                || (numeral(i.checked_sub(1)) && numeral(Some(i + 1)))
                || truncated_compound
                // "geen juridische of inhoudelijke aanleiding": two adjectives of one noun.
                || (word == "of" && joins_adjectives())
                || (word == "en"
                    && (joint_subject()
                        || closes_name_list(sentence, start)
                        || joins_adjectives()
                        || joins_partners())))
        {
            continue;
        }
        let after_break = || {
            work[..start]
                .trim_end()
                .chars()
                .next_back()
                .is_none_or(|c| matches!(c, ',' | ';' | ':'))
        };
        // Right after a form of "hebben" or of a verb that judges or shares an object, "dat"
        // and "die" are determiners, never the start of a clause: "Het kabinet heeft dat
        // advies opgevolgd", "Ik acht die aantallen haalbaar", "Ik deel die zorg".
        let previous = i.checked_sub(1).and_then(|j| ws.get(j)).map(|&(_, w)| w);
        // After a preposition they are always determiners: a relative clause there opens
        // with "waar-" ("in het licht van die uitspraak", "op dat moment").
        // After a semicolon a clause cannot open with a subordinator: "dat"/"die" there is a
        // demonstrative ("...; dat advies neem ik over").
        let after_semicolon = work[..start].trim_end().ends_with(';');
        let determiner = after_semicolon && matches!(word, "dat" | "die");
        // So after such a verb and its subject put after it ("Daarom acht ik die inzet
        // noodzakelijk", "Wel deel ik die zorg", "Zo heb ik dat advies opgevolgd").
        let verb_before_subject = previous
            .is_some_and(|w| matches!(w, "ik" | "wij" | "we"))
            .then(|| i.checked_sub(2).and_then(|j| ws.get(j)).map(|&(_, w)| w))
            .flatten();
        // Whether the words before stand in a subordinate clause: there the verb comes last
        // and a relative clause may follow it ("dat het wetsvoorstel binnen de ruimte blijft
        // die deze bepaling laat").
        let in_subordinate_clause = || {
            cuts.iter()
                .filter(|(at, _)| *at < start)
                .max_by_key(|(at, _)| *at)
                .and_then(|(_, w)| w.as_deref())
                .is_some_and(|w| SUBORDINATORS.contains(&w))
        };
        let determiner = determiner
            || match word {
                // Right after "om" neither opens a clause: "om die redenen", "om dat te
                // bereiken" (a relative pronoun follows its noun).
                "dat" | "die" if previous == Some("om") => true,
                // Not after the prepositions that double as a verb's particle: "kondigt aan dat",
                // "stelt voor dat", "wijst erop dat" open a clause.
                "dat" => {
                    previous.is_some_and(|w| {
                        HAVE.contains(&w)
                            || MODAL.contains(&w)
                            || JUDGE.contains(&w)
                            || ["van", "met", "in", "zonder"].contains(&w)
                    }) || verb_before_subject.is_some_and(|w| {
                        HAVE.contains(&w)
                            || JUDGE.contains(&w)
                            // A subordinate clause has just opened with its subject ("waarom ik
                            // dat niet verstandig vind", "omdat wij dat voorstel steunen"): a
                            // second subordinator cannot follow before its verb.
                            || SUBORDINATORS.contains(&w)
                            || OPENERS_BEFORE_SUBJECT.contains(&w)
                    })
                }
                "die" => {
                    previous.is_some_and(|w| {
                        HAVE.contains(&w)
                            || MODAL.contains(&w)
                            || JUDGE.contains(&w)
                            || SHARE.contains(&w)
                            || PREPOSITIONS.contains(&w)
                            || SUBORDINATORS.contains(&w)
                            || (COPULAS.contains(&w) && !in_subordinate_clause())
                    }) || verb_before_subject.is_some_and(|w| {
                        HAVE.contains(&w)
                            || MODAL.contains(&w)
                            || JUDGE.contains(&w)
                            || SHARE.contains(&w)
                    })
                }
                // "om" opens a clause only as the "om ... te" of a purpose or complement: without
                // a "te" before the next break it is a preposition ("Nederland heeft het
                // Oostenrijkse verzoek om verlenging van de termijn gesteund", "Ik moet de motie
                // om die redenen ontraden").
                "om" => {
                    let rest = &work[start + word.len()..];
                    let stretch = rest.find([',', ';', ':', '.']).map_or(rest, |b| &rest[..b]);
                    !words(stretch).any(|(_, w)| w == "te")
                }
                // "waar nodig", "waar mogelijk" inside a clause are adverbs ("De subsidieregels
                // pas ik waar nodig aan"), not a relative clause.
                "waar" => ws.get(i + 1).is_some_and(|&(_, next)| {
                    matches!(
                        next,
                        "nodig" | "mogelijk" | "relevant" | "passend" | "gewenst"
                    )
                }),
                // Nor "indien nodig", "indien mogelijk": a qualifier of the clause around it
                // ("Wij blijven hierover, indien nodig, in gesprek"), unless a verb follows
                // ("indien nodig blijkt").
                "indien" | "wanneer" => {
                    ws.get(i + 1).is_some_and(|&(_, next)| {
                        QUALIFIERS.contains(&format!("{word} {next}").as_str())
                    }) && ws.get(i + 2).is_none_or(|&(_, verb)| {
                        !matches!(
                            verb,
                            "is" | "blijkt" | "wordt" | "zijn" | "lijkt" | "zou" | "acht"
                        )
                    })
                }
                _ => false,
            };
        // A word written in capitals is an acronym ("het OM", "de EN-norm"), not the
        // conjunction it spells.
        let acronym = word.len() > 1
            && sentence
                .get(start..start + word.len())
                .is_some_and(|w| w.chars().all(|c| c.is_uppercase()));
        let opens = openers.iter().any(|o| o == word)
            || (openers_after_break.iter().any(|o| o == word) && after_break());
        // A main clause after a fronted subordinate one without a comma ("Het beeld dat de
        // Rekenkamer schetst herken ik in grote lijnen"): its finite verb follows the
        // subordinate clause's last word, and the writer stands right after it.
        const NOT_A_VERB: [&str; 9] = [
            "en", "of", "dat", "die", "wat", "maar", "want", "niet", "ook",
        ];
        let main_verb_after_subordinate = || {
            ws.get(i + 1)
                .is_some_and(|&(_, n)| matches!(n, "ik" | "wij" | "we"))
                && !NOT_A_VERB.contains(&word)
                && !PREPOSITIONS.contains(&word)
                && previous.is_some_and(|p| {
                    !NOT_A_VERB.contains(&p)
                        && !PREPOSITIONS.contains(&p)
                        && !SUBORDINATORS.contains(&p)
                })
                && in_subordinate_clause()
        };
        let main_clause_opens = !opens && main_verb_after_subordinate();
        if start > 0 && opens && !determiner && !acronym {
            cuts.push((start, Some(word.to_string())));
        }
        if start > 0 && main_clause_opens {
            cuts.push((start, None));
        }
    }
    cuts.sort_by_key(|(at, _)| *at);
    let mut clauses = Vec::new();
    let mut start = 0;
    let mut opener: Option<String> = words(&work)
        .next()
        .filter(|(_, w)| openers.iter().chain(openers_after_break).any(|o| o == w))
        .map(|(_, w)| w.to_string());
    for (at, next_opener) in cuts {
        if at > start && !work[start..at].trim().is_empty() {
            clauses.push(Clause {
                range: start..at,
                opener: opener.take(),
            });
            start = at;
            opener = next_opener;
        } else if next_opener.is_some() {
            opener = next_opener;
        }
    }
    if start < work.len() && !work[start..].trim().is_empty() {
        clauses.push(Clause {
            range: start..work.len(),
            opener,
        });
    }
    Prepared {
        work,
        clauses,
        seen: Default::default(),
    }
}

/// Words after "en" that start a clause of their own, not a second partner after "met":
/// pronouns and the finite verbs a shared subject takes ("en zal", "en deel").
#[rustfmt::skip]
const NOT_A_PARTNER: &[&str] = &[
    "ik", "wij", "we", "zij", "ze", "hij", "u", "er", "daarom", "dus", "ook", "zal", "zullen",
    "kan", "kunnen", "wil", "willen", "mag", "moet", "moeten", "ben", "is", "zijn", "heb",
    "hebben", "word", "worden", "zie", "zien", "deel", "delen", "neem", "nemen", "ga", "gaan",
    "blijf", "blijven", "werk", "werken", "zet", "zetten", "stel", "stellen", "laat", "laten",
    "vind", "vinden", "acht", "achten", "steun", "steunen", "kies", "kiezen", "stuur", "sturen",
    "breng", "brengen", "houd", "houden", "maak", "maken", "leg", "leggen", "voer", "voeren",
    "bied", "bieden", "verwacht", "verwachten", "informeer", "informeren",
];

/// Words that open an adverbial phrase set off by commas inside a clause ("Nederland pleitte,
/// met steun van Denemarken en België, voor ...", "Ik zet mij er, samen met de Minister, voor
/// in"). Not "voor" ("voor zover", a condition) and not a hedge ("in beginsel"): those carry
/// what the position needs.
#[rustfmt::skip]
const ASIDE_STARTS: &[&str] = &[
    "samen", "met", "gelet", "mede", "gezien", "conform", "net", "evenals", "naast", "namens",
    "tijdens", "na", "in", "op", "onder", "vanwege", "zoals", "anders",
    // The channel, frame or time of an act: "Ik ga deze werkgevers, via de Stichting van de
    // Arbeid en de brancheorganisaties, gericht benaderen".
    "via", "binnen", "bij", "uiterlijk",
    // Council reports: "Nederland heeft, gesteund door België en Frankrijk, gepleit voor".
    "gesteund",
    // An act or body named in passing: "zet de middelen uit het Sociaal Klimaatfonds,
    // ingesteld bij Verordening (EU) 2023/955, gericht in voor ...".
    "ingesteld", "opgericht", "vastgesteld", "gewijzigd", "ondertekend", "aangenomen",
];
/// Words that keep a comma-delimited phrase in the sentence: it holds a clause, a hedge, a
/// condition or a negation of its own.
const ASIDE_KEEPS: &[&str] = &[
    "dat", "die", "om", "omdat", "indien", "mits", "tenzij", "wanneer", "beginsel", "principe",
    "zover", "geval", "niet", "geen", "nodig", "mogelijk",
];
/// Short phrases between commas that qualify the clause around them ("Het kabinet is, in
/// beginsel, voorstander", "steunt, voor zover mogelijk, de aanpak"): their commas do not
/// end the clause, and their words stay in it for the hedge and condition rules.
const QUALIFIERS: &[&str] = &[
    "in beginsel",
    "in principe",
    "voor zover",
    "zo nodig",
    "waar mogelijk",
    "waar nodig",
    "in de regel",
    "indien nodig",
    "indien mogelijk",
    "indien gewenst",
    "indien noodzakelijk",
    "wanneer nodig",
    "wanneer mogelijk",
];
/// Conditions between commas, often long ("streef ernaar beide wetten, onder voorbehoud van
/// aanvaarding door uw Kamer, in 2026 in werking te laten treden"): like [`QUALIFIERS`] their
/// words stay in the clause, for the condition rules, up to [`ASIDE_MAX_WORDS`].
const CONDITION_QUALIFIERS: &[&str] = &[
    "onder voorbehoud van",
    "onder voorwaarde van",
    "onder voorwaarde dat",
    "op voorwaarde van",
];
/// Words that give a relative clause a speaker of its own (", die ik steun,"): it is then
/// not read over as an aside.
const RELATIVE_SPEAKERS: &[&str] = &[
    "ik",
    "wij",
    "we",
    "mij",
    "me",
    "ons",
    "kabinet",
    "regering",
    "minister",
    "staatssecretaris",
    "nederland",
];
/// Longest comma-delimited aside, in words.
const ASIDE_MAX_WORDS: usize = 12;

/// Adverbial phrases between two commas inside a clause, commas included: the clause reads on
/// around them as around an aside between dashes. Second, the commas around a qualifier
/// ([`QUALIFIERS`]), which are blanked alone.
fn comma_asides(
    sentence: &str,
    work: &str,
    asides: &[Range<usize>],
) -> (Vec<Range<usize>>, Vec<usize>) {
    let inside = |at: usize| asides.iter().any(|r| r.contains(&at));
    let commas: Vec<usize> = work
        .char_indices()
        .filter(|&(at, c)| c == ',' && !inside(at))
        .map(|(at, _)| at)
        .collect();
    let mut out = Vec::new();
    let mut bare = Vec::new();
    let mut taken = 0;
    for (i, pair) in commas.windows(2).enumerate() {
        let (open, mut close) = (pair[0], pair[1]);
        if open < taken || work[close + 1..].trim().is_empty() {
            continue;
        }
        let phrase = work[open + 1..close].trim();
        let ws: Vec<&str> = words(phrase).map(|(_, w)| w).collect();
        let condition = CONDITION_QUALIFIERS.iter().any(|q| phrase.starts_with(q))
            && ws.len() <= ASIDE_MAX_WORDS;
        let aside = !condition
            && ws.first().is_some_and(|w| ASIDE_STARTS.contains(w))
            && ws.len() >= 2
            && ws.len() <= ASIDE_MAX_WORDS
            && !ws.iter().any(|w| ASIDE_KEEPS.contains(w));
        // A short relative clause on a name between commas, ending in its verb ("Ik laat het
        // Zorginstituut Nederland, dat de risicoverevening uitvoert, onderzoeken hoe ..."): the
        // clause around it reads on. Not one with a speaker of its own ("..., die ik steun,").
        let on_a_name = !condition
            && !aside
            && ws.first().is_some_and(|w| matches!(*w, "die" | "dat"))
            && (3..=10).contains(&ws.len())
            && !ws.iter().any(|w| RELATIVE_SPEAKERS.contains(w))
            && ws
                .last()
                .is_some_and(|w| w.ends_with('t') || w.ends_with("en"))
            && sentence
                .get(..open)
                .is_some_and(|b| last_word_capitalised(b.trim_end()))
            && work[close + 1..]
                .trim_start()
                .starts_with(|c: char| c.is_alphabetic());
        if on_a_name {
            out.push(open..close + 1);
            taken = close + 1;
            continue;
        }
        if aside {
            // The aside may name a list that the next commas go on with ("samen met UHT,
            // gemeenten en de CWS,"): it ends after the member "en" or "of" joins.
            if let Some(end) = list_goes_on(work, &commas[i + 1..]) {
                close = end;
            }
            out.push(open..close + 1);
            taken = close + 1;
        } else if condition
            || QUALIFIERS
                .iter()
                .any(|q| phrase.starts_with(q) && ws.len() <= 4)
        {
            bare.extend([open, close]);
            taken = close + 1;
        }
    }
    (out, bare)
}

/// Where a list begun in an aside goes on past the aside's closing comma (`commas[0]`): short
/// members between the next commas, the last of them joined by "en" or "of", with the
/// clause going on after it. The comma that ends the list.
fn list_goes_on(work: &str, commas: &[usize]) -> Option<usize> {
    const LIST_MEMBERS: usize = 4;
    for pair in commas.windows(2).take(LIST_MEMBERS) {
        let (open, close) = (pair[0], pair[1]);
        if work[close + 1..].trim().is_empty() {
            return None;
        }
        let ws: Vec<&str> = words(work[open + 1..close].trim())
            .map(|(_, w)| w)
            .collect();
        // The last member, joined by "en", may name two partners ("het Waterschap Limburg en de
        // getroffen gemeenten").
        if ws.is_empty() || ws.len() > 7 || ws.iter().any(|w| ASIDE_KEEPS.contains(w)) {
            return None;
        }
        if ws.iter().skip(1).any(|w| matches!(*w, "en" | "of")) {
            return Some(close);
        }
        if ws.len() > 3 {
            return None;
        }
    }
    None
}

impl Prepared {
    /// The clause that holds the last character of `range` (a cue may run on past its own).
    pub fn clause_ending(&self, range: &Range<usize>) -> Option<usize> {
        let last = range.end.saturating_sub(1);
        self.clauses.iter().position(|c| c.range.contains(&last))
    }

    /// Whether clause `i` ends in a colon or semicolon: what follows is a statement of its own
    /// (an explanation, a list), not the rest of the clause before.
    pub fn ends_in_strong_break(&self, i: usize) -> bool {
        self.clause_ends_with(i, &[':', ';'])
    }

    /// Whether clause `i` ends in a semicolon: what follows is a statement of its own.
    pub fn ends_in_semicolon(&self, i: usize) -> bool {
        self.clause_ends_with(i, &[';'])
    }

    fn clause_ends_with(&self, i: usize, marks: &[char]) -> bool {
        self.clauses
            .get(i)
            .is_some_and(|c| self.work[c.range.clone()].trim_end().ends_with(marks))
    }
}

/// The office after a first-person subject, set off by commas: "Ik, de Minister van
/// Onderwijs, Cultuur en Wetenschap, acht het wenselijk", "Wij, als bewindspersonen van
/// Justitie en Veiligheid, zijn voornemens". Letters signed by two ministers say who speaks this
/// way; the office is part of the subject, so its commas do not end the clause. The apposition
/// runs to the first comma followed by a word in lower case (a field list in the title keeps
/// its capitals: "Onderwijs, Cultuur en Wetenschap").
fn speaker_apposition(sentence: &str, work: &str) -> Option<Range<usize>> {
    static START: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^\s*(?:ik|wij|we)\s*,\s*(?:de|als|mede\s+namens\s+de)\s+(?:\S+\s+)?(?:minister|staatssecretaris|minister-president|bewindspersonen|bewindspersoon|ministers)\b",
        )
        .expect("valid regex")
    });
    let m = START.find(work)?;
    let open = work[..m.end()].find(',')?;
    let mut words = 0;
    for (at, c) in work[m.end()..].char_indices() {
        let at = at + m.end();
        if c == ' ' {
            words += 1;
            if words > ASIDE_MAX_WORDS {
                return None;
            }
        }
        if c != ',' {
            continue;
        }
        let next = sentence[at + 1..].trim_start().chars().next()?;
        if next.is_lowercase() {
            return Some(open..at + 1);
        }
    }
    None
}

/// Words that open an adverbial phrase or clause set between commas inside another clause:
/// "De regering blijft, ook als de uitbreidingen gereed zijn, scherp toezien", "Deze aanpak
/// acht ik, mits de lasten beperkt blijven, kansrijk".
const INTERRUPTION_STARTS: &[&str] = &[
    "als",
    "ook",
    "zolang",
    "mits",
    "indien",
    "tenzij",
    "hoewel",
    "wanneer",
    "nu",
    "zodra",
    "gelet",
    "gezien",
    "zeker",
    "zoals",
    // "Nederland heeft, overeenkomstig de geannoteerde agenda, ingestemd met ...".
    "overeenkomstig",
    "conform",
    "omdat",
    "ondanks",
    "vanwege",
    "mede",
    "juist",
    "na",
    "voor",
    "in",
    "op",
    "met",
    "bij",
    "naar",
    "tot",
    "vooral",
    "terwijl",
    "ofschoon",
    // The legal apposition: "in het herstelplan, bedoeld in artikel 14 van de verordening,".
    "bedoeld",
    "genoemd",
    // Sentence adverbs set between commas: "Nederland kan, alles afwegende, instemmen",
    // "kan, al met al,", "steunt, per saldo,", "is, overigens, ...".
    "alles",
    "al",
    "per",
    "echter",
    "overigens",
    "bovendien",
    "evenwel",
    "derhalve",
    "daarom",
    "dus",
    "kortom",
    "vooralsnog",
    "uiteindelijk",
    "onder",
    "desgevraagd",
    "tegelijkertijd",
];
/// Longest interruption, in words.
const INTERRUPTION_MAX_WORDS: usize = 25;

/// A clause interrupted by a phrase between commas: when clause `ci` ends with a comma and
/// the clauses after it (up to three) open with an adverbial word and end with a comma, the
/// clause after them, opened by no word of its own, continues clause `ci`. Returns the first
/// clause of the interruption and the continuing clause.
pub fn interruption(p: &Prepared, ci: usize) -> Option<(usize, usize)> {
    let ends_with_comma = |i: usize| {
        p.clauses
            .get(i)
            .is_some_and(|c| p.work[c.range.clone()].trim_end().ends_with(','))
    };
    if !ends_with_comma(ci) {
        return None;
    }
    let first = ci + 1;
    let opens = p.clauses.get(first).is_some_and(|c| {
        c.opener
            .as_deref()
            .or_else(|| words(&p.work[c.range.clone()]).next().map(|(_, w)| w))
            .is_some_and(|w| INTERRUPTION_STARTS.contains(&w))
    });
    if !opens {
        return None;
    }
    let mut count = 0;
    for last in first..(first + 3).min(p.clauses.len()) {
        count += words(&p.work[p.clauses[last].range.clone()]).count();
        if count > INTERRUPTION_MAX_WORDS {
            return None;
        }
        if ends_with_comma(last) {
            let next = p.clauses.get(last + 1)?;
            return next.opener.is_none().then_some((first, last + 1));
        }
    }
    None
}

/// Whether the colon at `colon` ends a label: one capitalised word standing alone before it
/// ("Appreciatie: ontraden", "Kabinetsappreciatie: overnemen"), also where the line above ran
/// on into the label's sentence. A label belongs with what it labels, so the colon does not
/// open a new clause there.
fn is_label(sentence: &str, colon: usize) -> bool {
    let before = &sentence[..colon];
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(colon, |(i, _)| i);
    let word = &before[word_start..];
    let starts_upper = word.chars().next().is_some_and(char::is_uppercase);
    let stands_alone = before[..word_start]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace);
    starts_upper && stands_alone && word.chars().count() >= 3
}

/// Words of a text with their byte offsets: runs of letters, digits and inner hyphens or
/// apostrophes.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (at, c) in text.char_indices() {
        let inner = c.is_alphanumeric() || ((c == '-' || c == '\'' || c == '’') && start.is_some());
        match (inner, start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                out.push((s, text[s..at].trim_end_matches(['-', '\'', '’'])));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text[s..].trim_end_matches(['-', '\'', '’'])));
    }
    out.into_iter()
}

/// Article references with their paragraphs and points set apart by commas, up to the comma
/// after the last of them: "artikel 17, eerste lid, van", "art. 6, eerste lid, onder e, en",
/// "artikel 3n, eerste en tweede lid, van".
/// `work` is lower-cased.
fn article_references(work: &str) -> Vec<Range<usize>> {
    static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:artikel|artikelen|art\.)\s+\d+[a-z]*(?:[.:]\d+[a-z]*)*(?:\s*,\s*(?:(?:\p{L}+\s+(?:en|of|tot\s+en\s+met)\s+)?\p{L}+\s+(?:lid|leden)|aanhef(?:\s+en\s+onder\s+\S+)?|onder\s+[a-z0-9]{1,4}|sub\s+[a-z0-9]{1,4}|onderdeel\s+[a-z0-9]{1,4}|punt\s+[a-z0-9]{1,4}))+(?:\s*,|\s{2,})")
            .expect("valid regex")
    });
    // Most sentences hold no reference; "art" alone is in "aparte", "partij", "start".
    if !(work.contains("artikel") || work.contains("art.")) {
        return Vec::new();
    }
    // The comma after the last unit is the reference's only when the reference goes on
    // ("..., eerste lid, van de verordening"); before "maar" or "dat" it ends the clause.
    const GOES_ON: &[&str] = &[
        "van", "uit", "der", "bij", "onder", "sub", "aanhef", "en", "of",
    ];
    REFERENCE
        .find_iter(work)
        .map(|m| {
            let next = work[m.end()..].split_whitespace().next().unwrap_or("");
            // Or the verb that completes the clause comes right after it ("Het kabinet kan de
            // uitzondering van artikel 8, eerste lid, onder d, steunen, mits ...").
            let word = next.trim_end_matches([',', '.', ';', ':']);
            let verb_after = word.len() >= 5
                && word.ends_with("en")
                && word.chars().all(|c| c.is_alphabetic() && c.is_lowercase());
            // A point blanked as an aside ("onder d, ") leaves spaces where the last comma was.
            if GOES_ON.contains(&next) || verb_after || !m.as_str().ends_with(',') {
                m.range()
            } else {
                m.start()..m.end() - 1
            }
        })
        .collect()
}

/// Titles and quoted sentences in guillemets ("het Sportakkoord II «Sport versterkt»", "«Dit
/// is zo.»"): their words are someone's title or quote, never the writer's cue. A quoted word
/// in lower case ("noemt dit «onwenselijk»") is the writer's own judgement, and stays. A
/// quotation a colon introduces is a quote however long ("De minister schrijft: «Ik sta
/// positief tegenover ...»", in the members' question of a written consultation).
fn quoted_titles(sentence: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = sentence[from..].find('«').map(|i| from + i) {
        let inner = open + '«'.len_utf8();
        let Some(close) = sentence[inner..].find('»').map(|i| inner + i) else {
            break;
        };
        let quoted = &sentence[inner..close];
        // A colon, or a word that announces a title ("het bericht in de Volkskrant inzake
        // «Europese privacywaakhond wil verbod op ...»", "het rapport «...»"), introduces it
        // whatever its length.
        let before = sentence[..open].trim_end();
        let introduced = before.ends_with(':')
            || before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .is_some_and(|w| {
                    matches!(
                        w.to_lowercase().as_str(),
                        "inzake" | "getiteld" | "titel" | "bericht" | "artikel" | "rapport"
                    )
                });
        if quoted.chars().next().is_some_and(char::is_uppercase)
            && !quoted.contains('«')
            && (introduced || quoted.split_whitespace().count() <= 12)
        {
            out.push(open..close + '»'.len_utf8());
        }
        from = close + '»'.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn openers() -> Vec<String> {
        ["dat", "en", "omdat", "waar", "die", "wanneer"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    fn clause_texts(s: &str) -> Vec<String> {
        let p = prepare(s, &openers(), &[]);
        p.clauses
            .iter()
            .map(|c| {
                p.work[c.range.clone()]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn an_aside_whose_list_goes_on_past_its_comma_is_blanked_whole() {
        let c = clause_texts("Ik blijf mij er, samen met UHT, gemeenten en de CWS, voor inzetten dat iedere ouder duidelijkheid krijgt.");
        assert_eq!(
            c,
            vec![
                "ik blijf mij er voor inzetten",
                "dat iedere ouder duidelijkheid krijgt."
            ]
        );
        // Without a member joined by "en" the list does not go on: the next phrase is the
        // clause's own.
        let c = clause_texts(
            "Ik heb, samen met UHT, gemeenten bezocht, en die gesprekken waren nuttig.",
        );
        assert!(c[0].contains("gemeenten bezocht"), "{c:?}");
    }

    #[test]
    fn a_dash_aside_is_blanked_so_actor_and_cue_share_a_clause() {
        let c = clause_texts("Het kabinet is evenwel – anders dan de toezichthouders – van mening dat er ruimte moet blijven.");
        assert_eq!(
            c,
            vec![
                "het kabinet is evenwel van mening",
                "dat er ruimte moet blijven."
            ]
        );
    }

    #[test]
    fn a_sentence_with_two_positions_has_two_clauses() {
        let c = clause_texts("Waar het kabinet de verbodsbepalingen onwenselijk vindt, ziet het weldegelijk de noodzaak om erop toe te zien.");
        assert_eq!(
            c,
            vec![
                "waar het kabinet de verbodsbepalingen onwenselijk vindt,",
                "ziet het weldegelijk de noodzaak om erop toe te zien."
            ]
        );
        let p = prepare("Waar het kabinet X vindt, ziet het Y.", &openers(), &[]);
        assert_eq!(p.clauses[0].opener.as_deref(), Some("waar"));
    }

    #[test]
    fn the_office_after_ik_is_part_of_the_subject() {
        let c = clause_texts("Ik, de Minister van Onderwijs, Cultuur en Wetenschap, acht het wenselijk dat de NPO het voorbeeld geeft.");
        assert_eq!(
            c,
            vec!["ik acht het wenselijk", "dat de npo het voorbeeld geeft."]
        );
        // Without an office it is no apposition: the commas end clauses.
        let c = clause_texts("Ik, voor mijn part, zie het probleem.");
        assert_eq!(c.len(), 3, "{c:?}");
    }

    #[test]
    fn commas_inside_a_list_of_names_end_no_clause() {
        assert_eq!(
            clause_texts(
                "Ik werk met Duitsland, Denemarken, Noorwegen en Zweden aan een voorstel."
            ),
            vec!["ik werk met duitsland denemarken noorwegen en zweden aan een voorstel."]
        );
        // The list of fields in a minister's title is one name; the phrase it ends is an
        // aside, so "laat ik ... onderzoeken" is one clause.
        let texts = clause_texts(
            "Daarom laat ik, samen met de Minister van Volksgezondheid, Welzijn en Sport, onderzoeken hoe dit werkt.",
        );
        assert!(
            texts[0].contains("laat ik") && texts[0].contains("onderzoeken"),
            "{texts:?}"
        );
        // Lower-case words after the comma: two clauses.
        assert_eq!(
            clause_texts("Nederland steunt het voorstel, maar Duitsland en Frankrijk zijn tegen.")
                .len(),
            2
        );
    }

    #[test]
    fn commas_inside_an_article_reference_end_no_clause() {
        // Two paragraphs named together ("eerste en tweede lid") are one unit of the reference.
        assert_eq!(
            clause_texts(
                "Het kabinet wil het instrumentarium van artikel 3n, eerste en tweede lid, van de verordening benutten."
            )
            .len(),
            1
        );
        // A clause after the reference's last unit still starts at its comma.
        assert_eq!(
            clause_texts("Het kabinet noemt artikel 3n, eerste lid, maar Duitsland is tegen."),
            vec![
                "het kabinet noemt artikel 3n, eerste lid,",
                "maar duitsland is tegen."
            ]
        );
    }

    #[test]
    fn en_after_half_a_compound_opens_no_clause() {
        let c = clause_texts(
            "Ik verwacht het wetsvoorstel Asiel- en migratiepact voor de zomer in te dienen.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        let c = clause_texts(
            "Ik verwacht het wetsvoorstel voor de zomer in te dienen en het besluit te wijzigen.",
        );
        assert_eq!(c.len(), 2, "{c:?}");
    }

    #[test]
    fn brackets_inside_a_word_stay_and_offsets_are_kept() {
        let s = "Daarbij is het kabinet ook voorstander van het stellen van (kwaliteits-)eisen (zie hierboven) aan systemen.";
        let p = prepare(s, &openers(), &[]);
        assert_eq!(p.work.len(), s.len());
        assert!(p.work.contains("(kwaliteits-)eisen"));
        assert!(!p.work.contains("hierboven"));
    }

    #[test]
    fn lower_casing_keeps_offsets() {
        let s = "Het İK kabinet «nee-tenzij» Überhaupt";
        assert_eq!(lower_same_len(s).len(), s.len());
    }

    #[test]
    fn words_keep_inner_hyphens() {
        let w: Vec<&str> = words("de AI-verordening, emotie- of gedrag")
            .map(|(_, w)| w)
            .collect();
        assert_eq!(w, vec!["de", "AI-verordening", "emotie", "of", "gedrag"]);
    }
}
