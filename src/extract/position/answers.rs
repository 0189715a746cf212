//! "Ja." and "Nee." as positions: the opening word of an answer to a written question that asks
//! for the government's view.
//!
//! In answers to Kamervragen the position often stands in the question and the answer only
//! says yes or no: "Deelt u de mening dat realtime gezichtsherkenning verboden moet worden?" —
//! "Nee." The answer's sentence names no actor and no cue, so the sentence rules cannot see it;
//! read together, the pair is a plain position. Only questions that ask for a view or a
//! commitment count ("Bent u bekend met …?" — "Ja." states a fact, not a position), and only
//! the answer's first words ("Nee, …" / "Ja." / "Nee, die mening deel ik niet.").

use super::clauses::lower_same_len;
use super::Found;
use crate::record::{Position, Stance};
use regex::Regex;
use std::sync::LazyLock;

/// A question asking for a view or a commitment: its rule name, what "ja" and "nee" mean, and
/// the pattern whose `target` group is what the view is about. Matched on the lower-cased
/// question; the last question of a block counts.
struct Ask {
    rule: &'static str,
    yes: Option<Stance>,
    no: Option<Stance>,
    pattern: &'static str,
}

const ASKS: &[Ask] = &[
    // "Deelt u de mening / opvatting / het standpunt (van X) dat …?"
    Ask {
        rule: "answer.deelt-mening",
        yes: Some(Stance::Support),
        no: Some(Stance::Oppose),
        pattern: r"\b(?:deelt\s+u\s+(?:de|het)\s+(?:mening|opvatting|standpunt|conclusie|analyse|visie)\b[^?]*?|bent\s+u\s+(?:het\s+)?van\s+(?:mening|oordeel)\s+)\bdat\s+(?P<target>[^?]+)\?",
    },
    // "Bent u het (met X) eens dat …?" / "Bent u het met … eens?"
    Ask {
        rule: "answer.eens",
        yes: Some(Stance::Support),
        no: Some(Stance::Oppose),
        pattern: r"\bbent\s+u\s+het\s+(?:met\s+(?:[^?]*?\s)?)?eens\s+(?:met\s+|dat\s+)?(?P<target>[^?]+)\?",
    },
    // "Deelt u de zorgen (van X) over …?": yes is a concern, no is none.
    Ask {
        rule: "answer.deelt-zorg",
        yes: Some(Stance::Concern),
        no: None,
        pattern: r"\bdeelt\s+u\s+(?:de|deze)\s+zorg(?:en)?\b(?:[^?]*?\b(?:over|dat|om)\s+(?P<target>[^?]+))?\?",
    },
    // "Bent u bereid / voornemens …?" / "Wilt u …?" / "Gaat u …?" / "Kunt u toezeggen …?": yes is
    // a commitment, no a refusal.
    Ask {
        rule: "answer.bereid",
        yes: Some(Stance::Intent),
        no: Some(Stance::Oppose),
        pattern: r"\b(?:bent\s+u\s+(?:bereid|voornemens|van\s+plan)|wilt\s+u|gaat\s+u|zult\s+u|overweegt\s+u|kunt\s+u\s+toezeggen)\s+(?:(?:om|dat)\s+)?(?P<target>[^?]+)\?",
    },
    // "Vindt u (, net als de indieners,) dat …?" / "Acht u het zo dat …?": a view asked for.
    Ask {
        rule: "answer.vindt-u-dat",
        yes: Some(Stance::Support),
        no: Some(Stance::Oppose),
        pattern: r"\b(?:vindt|meent|denkt)\s+u(?:\s*,[^?,]{1,80},)?\s+(?:ook\s+|niet\s+|eveneens\s+)?dat\s+(?P<target>[^?]+)\?",
    },
    // "Vindt u het wenselijk / acceptabel / terecht dat …?"
    Ask {
        rule: "answer.vindt-wenselijk",
        yes: Some(Stance::Support),
        no: Some(Stance::Oppose),
        pattern: r"\b(?:vindt|acht)\s+u\s+(?:het\s+)?(?:wenselijk|acceptabel|terecht|verstandig|noodzakelijk|gewenst)\s+(?:dat\s+|om\s+)?(?P<target>[^?]+)\?",
    },
];

static COMPILED: LazyLock<Vec<(Regex, &'static Ask)>> = LazyLock::new(|| {
    ASKS.iter()
        .map(|a| (Regex::new(a.pattern).expect("valid regex"), a))
        .collect()
});

/// Asks about the answering itself: "deze vragen (afzonderlijk / één voor één / binnen drie
/// weken) beantwoorden".
static PROCEDURAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bvragen\b[^?]*\bbeantwoorden\b").expect("valid regex"));

/// The question numbers of an answer's label: "3", "3 en 4", "3, 4 en 5", "3 t/m 5", "3-5".
const NUMBERS: &str = r"(?:\d+[a-z]?(?:\s*(?:,|en|t/m|tot\s+en\s+met|-|–)\s*\d+[a-z]?)*)?";

/// "Ja." / "Nee," / "Neen" at the start of an answer, after an "Antwoord 3:" label if the
/// label and the answer share a line.
static YES_NO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:antwoord(?:\s+op\s+(?:de\s+)?vra(?:ag|gen))?\s*{NUMBERS}\s*[:.]?\s*)?(?P<word>ja|nee|neen)\b\s*(?:[.,;:!]|$)"
    ))
    .expect("valid regex")
});

/// Whether an answer that opens with "Ja"/"Nee" says more in its own sentence ("Nee, dat vind
/// ik niet."), rather than being the bare word ("Nee.").
pub fn says_more(answer: &str) -> bool {
    let lower = lower_same_len(answer.trim());
    YES_NO
        .find(&lower)
        .is_some_and(|m| lower[m.end()..].chars().any(char::is_alphabetic))
}

/// An answer's label alone ("Antwoord 2", "Antwoord op vraag 3:"): the answer is still to come.
pub fn is_label(sentence: &str) -> bool {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(?:antwoord|beantwoording)(?:\s+op\s+(?:de\s+)?vra(?:ag|gen))?\s*{NUMBERS}\s*[:.]?$"
        ))
        .expect("valid regex")
    });
    LABEL.is_match(&lower_same_len(sentence.trim()))
}

/// The numbers a block's label gives: "Vraag 3" → ["3"]; "Antwoord op vragen 3 en 4" → ["3",
/// "4"]; "Antwoord 5 t/m 7" → ["5", "6", "7"]. Empty when the block opens with no numbered
/// label. `head` is the lower-cased start of the block.
pub fn label_numbers(head: &str) -> Vec<String> {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(?:vraag|vragen|antwoord|antwoorden)(?:\s+op\s+(?:de\s+)?vra(?:ag|gen))?\s*(?P<n>{NUMBERS})"
        ))
        .expect("valid regex")
    });
    static RANGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d+)\s*(?:t/m|tot\s+en\s+met|-|–)\s*(\d+)$").expect("valid regex")
    });
    let Some(n) = LABEL.captures(head).and_then(|c| c.name("n")) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for part in n.as_str().split([',']).flat_map(|p| p.split(" en ")) {
        let part = part.trim();
        if let Some(r) = RANGE.captures(part) {
            let (a, b): (u32, u32) = (r[1].parse().unwrap_or(0), r[2].parse().unwrap_or(0));
            if a <= b && b - a < 30 {
                out.extend((a..=b).map(|k| k.to_string()));
            }
        } else if !part.is_empty() {
            out.push(part.to_string());
        }
    }
    out
}

/// The position an answer's opening word takes on the question before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    pub stance: Stance,
    pub rule: &'static str,
    /// The answer's word and the question's ask ("Nee: deelt u de mening").
    pub cue: String,
    pub target: String,
    /// The ask's verb without its ending ("deel" of "deelt u"): a later sentence of the answer
    /// that says the view in words uses it ("Ik deel die zorg niet").
    pub ask_stem: String,
}

/// A bare "Ja."/"Nee." read as a position, kept back until the rest of its answer is read.
#[derive(Debug, Clone)]
pub struct BareAnswer {
    pub position: Position,
    ask_stem: String,
}

impl BareAnswer {
    pub fn new(position: Position, ask_stem: String) -> BareAnswer {
        BareAnswer { position, ask_stem }
    }

    /// Does a later position of the same answer take the view this "Ja."/"Nee." was read as,
    /// in words and the other way? Its cue has the ask's verb ("Ja: deelt u de zorg" against
    /// "deel die zorg niet"), its stance the opposite one.
    pub fn answered_otherwise(&self, later: &Found) -> bool {
        let opposite = match self.position.stance {
            Stance::Support | Stance::Concern | Stance::Intent => later.stance == Stance::Oppose,
            Stance::Oppose => matches!(later.stance, Stance::Support | Stance::Intent),
        };
        opposite
            && self.ask_stem.chars().count() >= 3
            && later.cue.to_lowercase().contains(&self.ask_stem)
    }
}

/// Read `answer` (the first sentence of an answer) against `question` (the question's text).
pub fn read(question: &str, answer: &str) -> Option<Answered> {
    let lower_answer = lower_same_len(answer.trim());
    let word = YES_NO
        .captures(&lower_answer)?
        .name("word")?
        .as_str()
        .to_string();
    let yes = word == "ja";
    // Same byte length as the question, so the target's place is the same in both.
    let lower_question = lower_same_len(question);
    // The last ask of the question block: a block may hold several questions.
    let (caps, ask) = COMPILED
        .iter()
        .filter_map(|(re, ask)| re.captures_iter(&lower_question).last().map(|c| (c, *ask)))
        .max_by_key(|(c, _)| c.get(0).map_or(0, |m| m.start()))?;
    let stance = if yes { ask.yes } else { ask.no }?;
    // An ask that only holds on one answer to the question before it ("Valt dit onder artikel
    // 273f? Zo nee, bent u bereid ...?"): the other answer leaves it unasked.
    let lead = lower_question[..caps.get(0).map_or(0, |m| m.start())]
        .trim_end()
        .trim_end_matches(',')
        .trim_end();
    let after = |leads: &[&str]| leads.iter().any(|w| lead.ends_with(w));
    let only_on_no = after(&["zo nee", "zo niet", "indien niet", "indien nee"]);
    let only_on_yes = after(&["zo ja", "indien ja", "zo dat het geval is"]);
    if (only_on_no && yes) || (only_on_yes && !yes) {
        return None;
    }
    // The closing request of a set of questions ("Wilt u deze vragen afzonderlijk
    // beantwoorden?") is about the answers themselves, not a matter of policy.
    if PROCEDURAL.is_match(caps.get(0).map_or("", |m| m.as_str())) {
        return None;
    }
    // The target as the question wrote it (original case).
    let target = caps
        .name("target")
        .and_then(|m| question.get(m.range()))
        .unwrap_or("");
    let ask_words = caps
        .get(0)
        .map(|m| m.as_str())
        .unwrap_or("")
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>();
    // "deelt u de zorg": the verb is the ask's first word, here lower-cased already.
    let ask_stem = ask_words
        .first()
        .map(|w| w.trim_end_matches('t').to_string())
        .unwrap_or_default();
    let ask_words = ask_words.join(" ");
    Some(Answered {
        stance,
        rule: ask.rule,
        cue: format!("{}: {ask_words}", if yes { "Ja" } else { "Nee" }),
        target: target.split_whitespace().collect::<Vec<_>>().join(" "),
        ask_stem,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Question, answer, and the stance and target expected (none: no position).
    type Case = (&'static str, &'static str, Option<(Stance, &'static str)>);

    #[test]
    fn labels_give_their_question_numbers() {
        assert_eq!(label_numbers("vraag 3"), vec!["3"]);
        assert_eq!(label_numbers("antwoord op vragen 3 en 4"), vec!["3", "4"]);
        assert_eq!(label_numbers("antwoord 5 t/m 7"), vec!["5", "6", "7"]);
        assert_eq!(
            label_numbers("antwoord op vraag 2, 3 en 4"),
            vec!["2", "3", "4"]
        );
        assert!(label_numbers("antwoord").is_empty());
        assert!(label_numbers("vragen en opmerkingen").is_empty());
    }

    #[test]
    fn yes_and_no_take_the_view_the_question_asks_about() {
        let cases: &[Case] = &[
            (
                "Deelt u de mening dat het gebruik van realtime gezichtsherkenning in de openbare ruimte verboden moet worden?",
                "Nee.",
                Some((Stance::Oppose, "het gebruik van realtime gezichtsherkenning in de openbare ruimte verboden moet worden")),
            ),
            (
                "Deelt u de opvatting van de Autoriteit Persoonsgegevens dat toezicht nodig is?",
                "Ja, die opvatting deel ik.",
                Some((Stance::Support, "toezicht nodig is")),
            ),
            (
                "Bent u het met de onderzoekers eens dat de wet moet worden aangepast?",
                "Nee, dat ben ik niet.",
                Some((Stance::Oppose, "de wet moet worden aangepast")),
            ),
            (
                "Bent u bereid de Kamer voor de zomer te informeren?",
                "Ja.",
                Some((Stance::Intent, "de kamer voor de zomer te informeren")),
            ),
            (
                "Valt het ronselen van minderjarigen onder artikel 273f Sr? Zo nee, bent u bereid de wet op dit punt aan te passen?",
                "Ja.",
                None,
            ),
            (
                "Valt het ronselen van minderjarigen onder artikel 273f Sr? Zo nee, bent u bereid de wet op dit punt aan te passen?",
                "Nee.",
                Some((Stance::Oppose, "de wet op dit punt aan te passen")),
            ),
            (
                "Is de evaluatie afgerond? Zo ja, bent u bereid de uitkomsten met de Kamer te delen?",
                "Nee.",
                None,
            ),
            (
                "Deelt u de zorgen over de inzet van camera's?",
                "Ja.",
                Some((Stance::Concern, "de inzet van camera's")),
            ),
            (
                "Vindt u het wenselijk dat gemeenten zelf beslissen?",
                "Nee;",
                Some((Stance::Oppose, "gemeenten zelf beslissen")),
            ),
            (
                "Deelt u de mening dat dit moet stoppen?",
                "Antwoord 2: Nee.",
                Some((Stance::Oppose, "dit moet stoppen")),
            ),
            // Near misses: a question of fact; a "no" to sharing a worry; an answer that does
            // not open with yes or no; "Jazeker" and "Nederland" are not "ja" and "nee".
            ("Bent u bekend met het bericht?", "Ja.", None),
            ("Deelt u de zorgen over de inzet van camera's?", "Nee.", None),
            ("Deelt u de mening dat dit moet stoppen?", "Het kabinet ziet dat anders.", None),
            ("Deelt u de mening dat dit moet stoppen?", "Nederland ziet dat anders.", None),
            (
                "Vindt u, net als de indieners, dat de AP de aangewezen toezichthouder is? Zo nee, waarom niet?",
                "Nee, dat vind ik niet.",
                Some((Stance::Oppose, "de ap de aangewezen toezichthouder is")),
            ),
            ("Vindt u dat de regels duidelijk zijn?", "Ja.", Some((Stance::Support, "de regels duidelijk zijn"))),
            // Asked for a fact, not a view.
            ("Weet u dat de regels zijn gewijzigd?", "Ja.", None),
        ];
        for (question, answer, want) in cases {
            let got = read(question, answer).map(|a| (a.stance, a.target.to_lowercase()));
            let want = want.map(|(s, t)| (s, t.to_string()));
            assert_eq!(got, want, "{question} / {answer}");
        }
    }

    #[test]
    fn labels_are_told_from_answers() {
        assert!(is_label("Antwoord 2"));
        assert!(is_label("Antwoord op vraag 3:"));
        assert!(is_label("Antwoord op vraag 3 en 4"));
        assert!(is_label("Antwoord op de vragen 5, 6 en 7"));
        assert!(is_label("Antwoord op vragen 2 t/m 4:"));
        assert!(!is_label("Antwoord op vraag 3 en 4: Ja."));
        assert!(!is_label("Antwoord 2: Nee."));
        assert!(!is_label("Antwoorden op de vragen van het lid X"));
    }

    #[test]
    fn the_last_ask_of_a_block_counts() {
        let q = "Bent u bekend met het rapport? Deelt u de mening dat het verbod moet blijven?";
        let a = read(q, "Ja.").expect("an answer");
        assert_eq!((a.stance, a.rule), (Stance::Support, "answer.deelt-mening"));
        assert_eq!(a.target, "het verbod moet blijven");
        assert_eq!(a.cue, "Ja: deelt u de mening");
    }

    #[test]
    fn an_answer_to_several_questions_after_its_label() {
        let q = "Bent u bereid gemeenten te verplichten hun algoritmes te registreren? Zo nee, waarom niet?";
        let a = read(q, "Antwoord op vraag 3 en 4: Ja.").expect("an answer");
        assert_eq!((a.stance, a.rule), (Stance::Intent, "answer.bereid"));
        assert_eq!(
            a.target,
            "gemeenten te verplichten hun algoritmes te registreren"
        );
    }
}
