//! The document record: id, date, type, dossier, number, title and signatories, from the
//! manifest where it speaks and from the text where it does not.
//!
//! Forms read from the text: the header of an official print ("32 761 Wet ...", "Nr. 198
//! BRIEF VAN DE MINISTER ..."), the running header ("Tweede Kamer, vergaderjaar 2021–2022,
//! 32 761, nr. 198 2"), the colophon id ("kst-32761-198"), the place-and-date line ("Den Haag,
//! 18 oktober 2021"), the letterhead date ("Datum" / "24 november 2021") and the closing block
//! ("De Minister voor Rechtsbescherming," / "S. Dekker").

use super::dates;
use crate::ingest::ManifestEntry;
use crate::normalize::blocks::join_wrapped;
use crate::normalize::{chars, NormDoc};
use crate::record::{DateSource, DocumentRecord, Signatory};
use regex::Regex;
use std::sync::LazyLock;

/// "32 761 Verwerking en bescherming persoonsgegevens", "21 501-33 Raad voor ...", "36 600 VII
/// Vaststelling ...", and the funds' budgets, lettered: "36 600 B Vaststelling van de
/// begrotingsstaat van het Gemeentefonds", "35 300 IXB". A bill for a Rijkswet carries its
/// R number after the dossier ("35 934 (R2158) Wijziging van de Rijkswet ..."): it is no part
/// of the id (the publisher's is kst-35934-11), so it is passed over.
static DOSSIER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^\s*(\d{2}\s?\d{3})(?:-(\d{1,3})|[ -]([IVXLC]{1,6}[AB]?|[A-HJ-L])\s)?\s*(?:\(R\s?\d{1,5}\)\s*)?(\p{Lu}.{3,400}?)\s*$",
    )
    .expect("valid regex")
});
static NR_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*Nr\.\s+([0-9]{1,5}|[A-Z]{1,3})\b\s*(.*)$").expect("valid regex")
});
/// The Eerste Kamer prints its letter number without "Nr.": "C MEMORIE VAN ANTWOORD",
/// "AB VERSLAG VAN EEN NADER SCHRIFTELIJK OVERLEG". The title in capitals tells it from a
/// sentence that starts with a capital letter.
static EK_LETTER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*([A-Z]{1,3})\s+((?:MEMORIE|VERSLAG|VOORLOPIG|NADERE?|EINDVERSLAG|BRIEF|NOTA|MOTIE|GEWIJZIGDE?|VOORSTEL|ADVIES|AMENDEMENT|KONINKLIJKE)\b[^a-z\n]*)$").expect("valid regex")
});
/// "Tweede Kamer, vergaderjaar 2023–2024, 36 600 VII, nr. 12"; the Eerste Kamer numbers its
/// papers with letters and writes no "nr.": "Eerste Kamer, vergaderjaar 2019–2020, 32 813, AO".
/// A Rijkswet's R number may follow the dossier ("35 934 (R2158), nr. 11").
static RUNNING_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^\s*(?:Tweede|Eerste) Kamer,? vergaderjaar \d{4}\s*[–—-]\s*\d{4},?\s*(\d{2}\s?\d{3})((?:-[A-Z0-9]{1,6}|\s[IVXLC]{1,6}\b|\s[A-HJ-L]\b)?)(?:\s*\(R\s?\d{1,5}\))?,?\s*(?:nr\.\s*([0-9]{1,5}|[A-Z]{1,3})|(?-i:([A-Z]{1,3})))\b").expect("valid regex")
});
/// The colophon id of an answer to written questions: "ah-tk-20212022-105 ISSN ...".
static COLOPHON_AH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*(ah-(?:tk|ek)-(?:19|20)\d{6}-\d{1,5})\b").expect("valid regex")
});
/// The head of an Aanhangsel: "Vergaderjaar 2020–2021" and "Aanhangsel van de Handelingen";
/// the answer's number follows on a line of its own (or at the end of a line in a layout).
static AH_VERGADERJAAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bVergaderjaar\s+((?:19|20)\d{2})\s*[–—/-]\s*((?:19|20)\d{2})\b")
        .expect("valid regex")
});
static AH_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bAanhangsel\s+van\s+de\s+Handelingen\b").expect("valid regex")
});
static AH_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\s*|.*\S\s{2,})(\d{1,5})\s*$").expect("valid regex"));
static COLOPHON_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*kst-(\d{5})((?:-[A-Z0-9]{1,6})?)-([0-9]{1,5}|[A-Z]{1,3})\s+ISSN")
        .expect("valid regex")
});
static PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^\s*(?:Den Haag|'s-Gravenhage|’s-Gravenhage),?\s+([0-3]?\d\s+\p{L}+\s+\d{4})")
        .expect("valid regex")
});
/// The date lines of other kinds of papers: a motion's "Voorgesteld 6 juli 2021", an answer's
/// "Ontvangen 28 september 2021", a report's "Vastgesteld 3 maart 2022", and the sitting day on
/// its own line at the head of the Handelingen ("Dinsdag 26 november 2024").
static KIND_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*(?:Voorgesteld|Ontvangen|Vastgesteld|Verzonden)(?: op)?\s+([0-3]?\d\s+\p{L}+\s+\d{4})|^\s*(?:\d{1,3}e\s+vergadering,?\s+)?(?:Maandag|Dinsdag|Woensdag|Donderdag|Vrijdag|Zaterdag|Zondag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+([0-3]?\d\s+\p{L}+\s+\d{4})\s*$").expect("valid regex")
});
/// A letterhead's or a decision list's "Datum": "Datum 24 november 2021", "Datum: woensdag 7
/// februari 2024".
static LETTERHEAD_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?mi)^\s*Datum[ \t]*:?[ \t]*(?:\n\s*)?(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+)?([0-3]?\d\s+\p{L}+\s+\d{4})").expect("valid regex")
});
/// An answer to written questions is dated by its receipt: "Antwoord van Minister Van Weel
/// (ontvangen 2 september 2024)"; the questions' "(ingezonden 16 juli 2024)" is earlier.
static ANSWER_RECEIVED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\(\s*ontvangen\s+([0-3]?\d\s+\p{L}+\s+\d{4})\s*\)").expect("valid regex")
});
/// An answer's own head: "Vragen van het lid X (Partij) aan de minister van Y over Z (ingezonden
/// 6 oktober 2025)." is its title (the Aanhangsel prints no other).
static QUESTIONS_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*(Vragen\s+van\s+(?:het\s+lid|de\s+leden)\s[^\n]*?)\s*(?:\(\s*ingezonden\b[^)]*\)\s*)?\.?\s*$")
        .expect("valid regex")
});
/// An answer is signed by nobody: "Antwoord van minister Kleinhout (Infrastructuur en
/// Waterstaat)" names who answers and for which ministry.
static ANSWERED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*(?:Antwoord(?:en)?|Mededeling)\s+van\s+(?:de\s+)?(?i:(minister-president|minister|staatssecretaris))\s+([A-Z][^\s(]*(?:\s+[A-Za-z][^\s(]*){0,3}?)\s+\(([A-Z][^)]{2,80})\)")
        .expect("valid regex")
});
static SIGNATORY: LazyLock<Regex> = LazyLock::new(|| {
    // A first name may stand before the initials ("Sharon A.M. Dijksma").
    // Ninety letters of any script make a large automaton: with regex's default cache the
    // fast engine gave up and the slow one ran over every letter's tail. A larger cache
    // changes only which engine runs, not what matches.
    regex::RegexBuilder::new(
        r"(?m)(?:^|\s)(?:De |de )?((?:Minister-president|Minister|Staatssecretaris|minister-president|minister|staatssecretaris)(?: van| voor)?[\p{L} ,\-–]{0,90}?),\s*\n?\s*((?:\p{Lu}\p{Ll}{1,15} )?(?:\p{Lu}\.\s?){1,5}(?:(?:van|de|der|den|ter|te|in 't|van der|van den|van ['’]t)\s)?\p{Lu}[\p{L}'’\-]+(?:[ \-](?:(?:van|de|der|den|ter|te)(?: (?:der|den|de))? )?\p{Lu}[\p{L}'’\-]+){0,3})\s*$",
    )
    .dfa_size_limit(64 << 20)
    .build()
    .expect("valid regex")
});

/// Document types a title starts with, the longer forms first: a memorie van toelichting and
/// a memorie van antwoord are different papers, as are a nota van wijziging and a nota naar
/// aanleiding van het verslag.
const TYPE_PHRASES: &[&str] = &[
    "memorie van toelichting",
    "nadere memorie van antwoord",
    "memorie van antwoord",
    "nader voorlopig verslag",
    "voorlopig verslag",
    "eindverslag",
    "nota van wijziging",
    "nota naar aanleiding van het verslag",
    "lijst van vragen en antwoorden",
    "voorstel van wet",
    "nader rapport",
    "brief",
    "motie",
    "amendement",
    "antwoord",
    "verslag",
    "nota",
    "memorie",
    "voorstel",
    "advies",
    "lijst",
];

/// Words before a type that amend a paper of the same kind ("GEWIJZIGD AMENDEMENT", "NADER
/// GEWIJZIGDE MOTIE"); an ordinal numbers a later one ("TWEEDE NOTA VAN WIJZIGING").
const TYPE_PREFIXES: &[&str] = &["nader", "gewijzigd", "gewijzigde"];

/// The document type a title names ("MEMORIE VAN TOELICHTING", "Brief regering", "Motie van
/// het lid ...", "TWEEDE NOTA VAN WIJZIGING"), the longest known phrase it starts with.
pub fn doc_type(title: &str) -> Option<String> {
    let words: Vec<String> = title.split_whitespace().map(str::to_lowercase).collect();
    // The phrase as written first ("nader rapport" is a type of its own), then without the
    // words that number or amend it.
    let skip = words
        .iter()
        .take_while(|w| {
            TYPE_PREFIXES.contains(&w.as_str())
                || crate::extract::article::grammar::ordinal(w).is_some()
        })
        .count();
    [0, skip]
        .into_iter()
        .find_map(|from| type_phrase(&words[from..].join(" ")))
        .map(str::to_string)
}

/// The longest known type phrase `words` starts with.
fn type_phrase(words: &str) -> Option<&'static str> {
    TYPE_PHRASES.iter().copied().find(|p| {
        words.starts_with(*p)
            && words[p.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Kinds of papers without a "Nr." header that say what they are in their first lines: a
/// committee's decision list ("Document: Besluitenlijst van de procedurevergadering ..."), a
/// BNC fiche ("Fiche 5: Herziening verordening ...", "BNC-fiche"), answers to written questions
/// ("Antwoord van Minister X (ontvangen ...)", "Antwoord van de Staatssecretaris ...").
static HEAD_TYPE: LazyLock<[(Regex, &str); 4]> = LazyLock::new(|| {
    [
        // The Handelingen's masthead: "Handelingen II 2024/25, nr. 47", "47e vergadering".
        (
            Regex::new(r"(?m)^\s*(?:Handelingen\s+I{1,2}\s+\d{4}/\d{2},\s+nr\.\s*\d|\d{1,3}e\s+vergadering\b)")
                .expect("valid regex"),
            "handelingen",
        ),
        (
            Regex::new(r"(?m)^\s*(?:Document:\s*)?(?:Besluitenlijst|BESLUITENLIJST)\b")
                .expect("valid regex"),
            "besluitenlijst",
        ),
        (
            Regex::new(r"(?m)^\s*(?:BNC-fiche\b|Fiche\s+\d{1,3}\s*:)").expect("valid regex"),
            "fiche",
        ),
        (
            Regex::new(r"(?m)^\s*Antwoord(?:en)?\s+van\s+(?:de\s+)?(?i:minister|staatssecretaris|minister-president)\b")
                .expect("valid regex"),
            "antwoord",
        ),
    ]
});

/// A paper's title as the publisher's own titles read ("Voorjaarsnota 2023; Brief regering"):
/// where the paper's head names only its kind ("BRIEF VAN DE MINISTER VAN FINANCIËN"), the
/// dossier's title goes before it to say what the paper is about. A head that is a title of
/// its own ("Geannoteerde agenda JBZ-Raad") stands alone. Used for text and XML alike.
pub fn paper_title(dossier_title: &str, head: Option<String>) -> String {
    let subject = dossier_title.trim();
    match head {
        Some(kind) if doc_type(&kind).is_some() && !subject.is_empty() => {
            format!("{subject}; {kind}")
        }
        Some(title) => title,
        None => subject.to_string(),
    }
}

/// What the text says about itself.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct TextMeta {
    /// An id of another form than `kst-`: an Aanhangsel's `ah-tk-20212022-105`.
    pub stated_id: Option<String>,
    pub dossier: Option<String>,
    /// Further dossiers of a paper printed under several.
    pub more_dossiers: Vec<String>,
    pub number: Option<String>,
    pub title: Option<String>,
    pub doc_type: Option<String>,
    pub date: Option<(String, DateSource)>,
    pub signatories: Vec<Signatory>,
}

impl TextMeta {
    pub fn id(&self) -> Option<String> {
        if let Some(id) = &self.stated_id {
            return Some(id.clone());
        }
        Some(format!(
            "kst-{}-{}",
            self.dossier.as_ref()?,
            self.number.as_ref()?
        ))
    }
}

fn squeeze_dossier(d: &str, sub: &str) -> String {
    format!("{}{}", d.replace(' ', ""), sub)
}

/// Read the self-description of a paper from its raw text (header lines are furniture in the
/// normalized text) and its normalized text (closing block, dates in prose).
pub fn from_text(raw: &str, norm: &NormDoc) -> TextMeta {
    let mut meta = TextMeta::default();
    // Cleaned as the body is: a header printed with non-breaking spaces ("33\u{a0}118") must
    // give the same id.
    let head = chars::clean(&raw.lines().take(40).collect::<Vec<_>>().join("\n"));
    let nr_line = NR_LINE
        .captures(&head)
        .or_else(|| EK_LETTER_LINE.captures(&head));
    if let Some(nr) = nr_line {
        meta.number = Some(nr[1].to_string());
        let rest = nr[2].trim();
        meta.doc_type = doc_type(rest);
        if !rest.is_empty() {
            // A long title wraps: "Nr. 1712 Brief van de minister van Landbouw, Visserij,
            // Voedselzekerheid en" / "Natuur". It runs on to the blank line that ends it.
            let after = nr.get(0).map_or(head.len(), |m| m.end());
            let wrapped = head[after..]
                .lines()
                .skip(1)
                .take_while(|l| !l.trim().is_empty())
                // The date line that follows a title without a blank line ("Vastgesteld 14
                // juni 2024") is no part of it.
                .take_while(|l| !KIND_DATE.is_match(l))
                // Nor the address or the place and date, where no blank line sets the title
                // apart (text from a PDF).
                .take_while(|l| !crate::normalize::blocks::is_letter_line(l.trim()))
                .take(3);
            let title = std::iter::once(rest)
                .chain(wrapped)
                .collect::<Vec<_>>()
                .join(" ");
            meta.title = Some(title.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        let before = &head[..nr.get(0).map_or(0, |m| m.start())];
        // A paper of two dossiers prints both lines ("26 643 Informatie- en
        // communicatietechnologie (ICT)" / "30 821 Nationale Veiligheidsstrategie"); its id
        // takes the first.
        for (k, d) in DOSSIER_LINE.captures_iter(before).enumerate() {
            let sub = d
                .get(2)
                .or(d.get(3))
                .map(|m| format!("-{}", m.as_str()))
                .unwrap_or_default();
            let dossier = squeeze_dossier(&d[1], &sub);
            if k == 0 {
                meta.dossier = Some(dossier);
                // A long dossier title wraps onto the lines up to the blank line (a bill's
                // title runs to five lines or more), hyphenated as the body is.
                let wrapped = before[d.get(0).map_or(before.len(), |m| m.end())..]
                    .lines()
                    .skip(1)
                    .take_while(|l| !l.trim().is_empty() && !DOSSIER_LINE.is_match(l))
                    .take(8);
                let subject = wrapped
                    .fold(d[4].to_string(), |title, line| {
                        join_wrapped(&title, line, &Default::default())
                    })
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                // The header's line names only the kind of paper ("BRIEF VAN DE MINISTER VAN
                // FINANCIËN"); the dossier's title says what it is about, as the publisher's
                // own titles do ("Voorjaarsnota 2023; Brief regering").
                meta.title = Some(paper_title(&subject, meta.title.take()));
            } else if !meta.more_dossiers.contains(&dossier)
                && meta.dossier.as_ref() != Some(&dossier)
            {
                meta.more_dossiers.push(dossier);
            }
        }
    }
    if meta.dossier.is_none() || meta.number.is_none() {
        if let Some(c) = RUNNING_HEADER.captures(raw) {
            let sub = c[2].trim();
            let sub = if sub.is_empty() || sub.starts_with('-') {
                sub.to_string()
            } else {
                format!("-{sub}")
            };
            meta.dossier = Some(squeeze_dossier(&c[1], &sub));
            meta.number = c.get(3).or(c.get(4)).map(|m| m.as_str().to_string());
        } else if let Some(c) = COLOPHON_ID.captures(raw) {
            meta.dossier = Some(format!("{}{}", &c[1], &c[2]));
            meta.number = Some(c[3].to_string());
        }
    }
    if meta.number.is_none() {
        meta.stated_id = aanhangsel_id(raw, &head);
        if let Some(id) = &meta.stated_id {
            meta.doc_type.get_or_insert_with(|| "antwoord".to_string());
            meta.number = id.rsplit('-').next().map(str::to_string);
        }
    }
    meta.date = stated_date(raw)
        .map(|d| (d, DateSource::Text))
        .or_else(|| inferred_date(&norm.text).map(|d| (d, DateSource::Inferred)));
    if meta.doc_type.is_none() {
        meta.doc_type = HEAD_TYPE
            .iter()
            .find(|(re, _)| re.is_match(&head))
            .map(|(_, t)| t.to_string());
    }
    if meta.doc_type.is_none() && raw.contains("Aan de Voorzitter van de") {
        meta.doc_type = Some("brief".to_string());
    }
    meta.signatories = signatories(norm);
    if meta.doc_type.as_deref() == Some("motie") && meta.signatories.is_empty() {
        meta.signatories = movers(raw);
    }
    if meta.doc_type.as_deref() == Some("handelingen") && meta.title.is_none() {
        // The item's own heading under the masthead: "12 Tweeminutendebat Politie (CD 22/1)".
        static ITEM_TITLE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?m)^\s*\d{1,3}\s+(\p{Lu}[^\n]{3,200}?)\s*$").expect("valid regex")
        });
        let after_masthead = HEAD_TYPE[0].0.find(&head).map_or(0, |m| m.end());
        meta.title = ITEM_TITLE
            .captures(&head[after_masthead..])
            .map(|c| c[1].to_string());
    }
    if meta.doc_type.as_deref() == Some("antwoord") {
        if meta.title.is_none() {
            meta.title = questions_title(&head);
        }
        // The answers' head may stand after the questions, beyond the first lines.
        let answer_head: String = raw.lines().take(400).collect::<Vec<_>>().join("\n");
        if meta.signatories.is_empty() {
            meta.signatories = answered_by(&answer_head);
        }
        // A notice that the answers will be late, published without them, is a "mededeling".
        if ANSWERED_BY.is_match(&answer_head) && !ANSWER_HEAD.is_match(&answer_head) {
            meta.doc_type = Some("mededeling".to_string());
        }
    }
    meta
}

/// The members who move a motion: the names under its closing formula ("en gaat over tot de
/// orde van de dag." / "Six Dijkstra" / "Kathmann" / ...), one a line.
fn movers(raw: &str) -> Vec<Signatory> {
    let Some(end) = raw.rfind("orde van de dag") else {
        return Vec::new();
    };
    let tail = raw[end..].lines().skip(1);
    let mut out = Vec::new();
    for line in tail {
        let name = line.trim();
        if name.is_empty() {
            if out.is_empty() {
                continue;
            }
            break;
        }
        // A surname, with its prefixes ("Van Baarle", "De Vries", "Six Dijkstra"): a few
        // words, the last capitalised, no digits or sentence punctuation.
        let words: Vec<&str> = name.split_whitespace().collect();
        let is_name = (1..=4).contains(&words.len())
            && name.chars().count() <= 40
            && words
                .last()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
            && name
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.'));
        if !is_name {
            break;
        }
        out.push(Signatory {
            name: name.to_string(),
            role: "indiener".to_string(),
        });
    }
    out
}

/// `s` with its first letter in upper case ("minister" → "Minister").
fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// The head of the answers themselves (not a notice of delay).
static ANSWER_HEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^\s*Antwoord(?:en)?\s+van\s").expect("valid regex"));

/// The questions' head as the title, over the lines it wraps to: "Vragen van de leden Krul
/// (CDA) en Tielen (VVD) aan de Minister van Volksgezondheid, Welzijn / en Sport over ...
/// (ingezonden 14 november 2024)."
fn questions_title(head: &str) -> Option<String> {
    let from = QUESTIONS_TITLE.captures(head)?.get(1)?.start();
    let paragraph_end = head[from..].find("\n\n").map_or(head.len(), |i| from + i);
    let mut title = head[from..paragraph_end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(i) = title.find("(ingezonden") {
        title.truncate(i);
    }
    let title = title.trim_end_matches([' ', '.']).to_string();
    Some(title).filter(|t| t.len() > "Vragen van".len())
}

/// Who answers written questions, from the answer's head: "Antwoord van minister Van Weel
/// (Justitie en Veiligheid)" is the Minister van Justitie en Veiligheid.
fn answered_by(head: &str) -> Vec<Signatory> {
    // The questions' head wraps anywhere ("aan de Minister voor Langdurige zorg,\njeugd en sport").
    let flat = head
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    ANSWERED_BY
        .captures_iter(head)
        .map(|c| {
            let office = capitalized(&c[1].to_lowercase());
            let ministry = words_unbroken(&c[3]);
            // A post without a ministry of its own is "voor" ("Minister voor Medische Zorg"),
            // as the questions' head addresses it.
            let voor = format!("{} voor {ministry}", &c[1]).to_lowercase();
            let of = if flat.contains(&voor) { "voor" } else { "van" };
            Signatory {
                name: c[2].to_string(),
                role: format!("{office} {of} {ministry}"),
            }
        })
        .fold(Vec::<Signatory>::new(), |mut all, s| {
            // A notice of delay and the answers signed by the same person.
            if !all.iter().any(|a| a.name == s.name) {
                all.push(s);
            }
            all
        })
        .into_iter()
        .take(2)
        .collect()
}

/// The words of `s` on one line, a word broken at a line's end joined again ("Koninkrijks-
/// relaties" → "Koninkrijksrelaties"; "Noord- en Zuid-Holland" keeps its hyphen).
fn words_unbroken(s: &str) -> String {
    let mut out = String::new();
    for word in s.split_whitespace() {
        let broken = out.ends_with('-')
            && out[..out.len() - 1].ends_with(char::is_alphabetic)
            && word.starts_with(char::is_lowercase)
            && word != "en"
            && word != "of";
        if broken {
            out.pop();
        } else if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// An answer to written questions: its colophon id, else its head ("Vergaderjaar 2020–2021",
/// "Aanhangsel van de Handelingen", the number). The chamber is the Eerste Kamer when the
/// head says so.
fn aanhangsel_id(raw: &str, head: &str) -> Option<String> {
    if let Some(c) = COLOPHON_AH.captures(raw) {
        return Some(c[1].to_string());
    }
    let title = AH_TITLE.find(head)?;
    // The session year stands above the title, or (in some prints) just below it.
    let vj = AH_VERGADERJAAR
        .captures(&head[..title.start()])
        .or_else(|| AH_VERGADERJAAR.captures(&head[title.start()..]))?;
    // The number: the first line after the title (up to six on) that is, or ends in, a
    // number on its own.
    let nr = head[title.start()..]
        .lines()
        .take(7)
        .find_map(|line| AH_NUMBER.captures(line).map(|c| c[1].to_string()))?;
    let chamber = if head.contains("Eerste Kamer") && !head.contains("Tweede Kamer") {
        "ek"
    } else {
        "tk"
    };
    Some(format!("ah-{chamber}-{}{}-{nr}", &vj[1], &vj[2]))
}

fn to_iso(dutch: &str) -> Option<String> {
    dates::find_all(dutch).into_iter().next().map(|(_, d)| d)
}

/// The date the paper states: "Den Haag, 18 oktober 2021", the letterhead "Datum", a kind's
/// date line, or an answer's receipt.
fn stated_date(raw: &str) -> Option<String> {
    PLACE_DATE
        .captures(raw)
        .and_then(|c| to_iso(&c[1]))
        .or_else(|| LETTERHEAD_DATE.captures(raw).and_then(|c| to_iso(&c[1])))
        .or_else(|| {
            KIND_DATE
                .captures(raw)
                .and_then(|c| c.get(1).or_else(|| c.get(2)))
                .and_then(|m| to_iso(m.as_str()))
        })
        // A notice of delay ("Mededeling ... (ontvangen 19 februari 2025)") comes before the
        // answers, which are received last.
        .or_else(|| {
            ANSWER_RECEIVED
                .captures_iter(raw)
                .filter_map(|c| to_iso(&c[1]))
                .max()
        })
}

/// The latest date the text mentions: a letter is written on or after every date it names,
/// except the dates it looks ahead to ("treedt in werking op 1 januari 2026", "per 1 juli",
/// "uiterlijk 17 oktober", "vanaf ...": a bill's explanation names its future).
fn inferred_date(text: &str) -> Option<String> {
    dates::find_all(text)
        .into_iter()
        .filter(|(at, _)| !looks_ahead(text, *at))
        .map(|(_, d)| d)
        .max()
}

/// Whether the words just before the date at `at`, or the verb just after it, point to the
/// future ("op 1 januari 2025 in werking te laten treden"; not "is op 1 juli 2023 in werking
/// getreden").
fn looks_ahead(text: &str, at: usize) -> bool {
    static TAKES_EFFECT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\d{1,2}\.? \p{L}+ \d{4},?\s+(?:in werking (?:treedt|treden|te laten treden|laat treden|zal treden|zullen treden)|van kracht (?:wordt|worden|zal worden))\b")
            .expect("valid regex")
    });
    let to = crate::text::floor_boundary(text, (at + 80).min(text.len()));
    if TAKES_EFFECT.is_match(&text[at..to]) {
        return true;
    }
    const AHEAD: &[&str] = &[
        "per",
        "vanaf",
        "uiterlijk",
        "uiterlijk op",
        "uiterlijk per",
        "ingang van",
        "werking op",
        "inwerkingtreding op",
        "inwerkingtreding per",
        "tot en met",
        "vóór",
        "voor",
        "verwacht op",
        "gepland op",
    ];
    let from = crate::text::ceil_boundary(text, at.saturating_sub(40));
    let before = text[from..at].trim_end().to_lowercase();
    AHEAD.iter().any(|w| {
        before.ends_with(w)
            && before[..before.len() - w.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Signatories from the closing blocks of the body (the last part of the letter).
fn signatories(norm: &NormDoc) -> Vec<Signatory> {
    let body = norm.body();
    let tail_start = body.len().saturating_sub(1500);
    let tail_start = (tail_start..body.len())
        .find(|&i| body.is_char_boundary(i))
        .unwrap_or(body.len());
    let found = signatories_in(&body[tail_start..]);
    if !found.is_empty() || tail_start == 0 {
        return found;
    }
    // A cover letter signed before what it sends (a geannoteerde agenda, a fiche) in the
    // same file: its closing block stands before the annex.
    signatories_in(body)
}

fn signatories_in(tail: &str) -> Vec<Signatory> {
    let mut out: Vec<Signatory> = Vec::new();
    // Role and name may stand in separate blocks ("De Staatssecretaris …," / "F. Teeven").
    {
        for c in SIGNATORY.captures_iter(tail) {
            let role = c[1].split_whitespace().collect::<Vec<_>>().join(" ");
            if role.is_empty() {
                continue;
            }
            let role = capitalized(&role);
            let name = c[2].trim().to_string();
            if !out.iter().any(|s| s.name == name) {
                out.push(Signatory { name, role });
            }
        }
    }
    out
}

/// Combine manifest, text and file facts into the document record. Manifest values win.
pub fn document_record(
    fallback_id: &str,
    text: &TextMeta,
    manifest: Option<&ManifestEntry>,
    source: &str,
    sha256: &str,
    text_source: &str,
) -> DocumentRecord {
    let m = manifest.cloned().unwrap_or_default();
    let doc =
        m.id.clone()
            .or_else(|| text.id())
            .unwrap_or_else(|| fallback_id.to_string());
    let (date, date_source) = match (&m.date, &text.date) {
        (Some(d), _) => (Some(d.clone()), Some(DateSource::Manifest)),
        (None, Some((d, s))) => (Some(d.clone()), Some(*s)),
        (None, None) => (None, None),
    };
    let mut dossier = m.dossier.clone().unwrap_or_else(|| {
        text.dossier
            .iter()
            .chain(&text.more_dossiers)
            .cloned()
            .collect()
    });
    let mut number = m.number.clone().or_else(|| text.number.clone());
    // A letter without its header (a copy that starts at "Aan de Voorzitter") still says
    // where it belongs by its id: "kst-21501-32-1601" is nr. 1601 of dossier 21501-32.
    if dossier.is_empty() && number.is_none() {
        if let Some((d, n)) = crate::extract::citation::ids::kamerstuk_parts(&doc) {
            dossier = vec![d.to_string()];
            number = Some(n.to_string());
        }
    }
    DocumentRecord {
        doc,
        title: m.title.clone().or_else(|| text.title.clone()),
        date,
        date_source,
        doc_type: m.doc_type.clone().or_else(|| text.doc_type.clone()),
        dossier,
        number,
        signatories: m
            .signatories
            .clone()
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| text.signatories.clone()),
        source: source.to_string(),
        sha256: sha256.to_string(),
        text_source: text_source.to_string(),
        alternative_sources: Vec::new(),
        extraction: env!("KST_EXTRACTION_FINGERPRINT").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    #[test]
    fn a_ministry_broken_over_two_lines_is_joined() {
        assert_eq!(
            words_unbroken("Binnenlandse Zaken en Koninkrijks-\nrelaties"),
            "Binnenlandse Zaken en Koninkrijksrelaties"
        );
        assert_eq!(
            words_unbroken("Noord- en Zuid-Holland"),
            "Noord- en Zuid-Holland"
        );
    }

    const OFFICIAL_HEAD: &str = "Tweede Kamer der Staten-Generaal\nVergaderjaar 2019–2020\n\n28 684 Naar een veiliger samenleving\n\nNr. 128 BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 17 september 2019\n\nHet kabinet deelt de zorgen.\n\nDe Minister van Justitie en Veiligheid,\nF.B.J. Grapperhaus\n";

    #[test]
    fn official_header_gives_id_type_date_and_signatory() {
        let m = from_text(OFFICIAL_HEAD, &normalize(OFFICIAL_HEAD));
        assert_eq!(m.id().as_deref(), Some("kst-28684-128"));
        assert_eq!(m.doc_type.as_deref(), Some("brief"));
        assert_eq!(m.date, Some(("2019-09-17".to_string(), DateSource::Text)));
        assert_eq!(
            m.signatories,
            vec![Signatory {
                name: "F.B.J. Grapperhaus".into(),
                role: "Minister van Justitie en Veiligheid".into()
            }]
        );
    }

    #[test]
    fn a_motion_is_signed_by_the_members_under_its_closing_formula() {
        let t = "36 600 VII Begroting\n\nNr. 32 MOTIE VAN HET LID SIX DIJKSTRA C.S.\n\nVoorgesteld 13 november 2024\n\nDe Kamer,\n\ngehoord de beraadslaging,\n\nverzoekt de regering een register in te voeren,\n\nen gaat over tot de orde van de dag.\n\nSix Dijkstra\nKathmann\nVan Baarle\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.doc_type.as_deref(), Some("motie"));
        let names: Vec<&str> = m.signatories.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Six Dijkstra", "Kathmann", "Van Baarle"]);
        assert!(m.signatories.iter().all(|s| s.role == "indiener"));
    }

    #[test]
    fn a_title_that_wraps_runs_on_to_the_blank_line() {
        let t = "\n21501-32 Landbouw- en Visserijraad\n\nNr. 1712 Brief van de minister van Landbouw, Visserij, Voedselzekerheid en\nNatuur\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 16 december 2025\n\nHierbij informeer ik uw Kamer.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(
            m.title.as_deref(),
            Some("Landbouw- en Visserijraad; Brief van de minister van Landbouw, Visserij, Voedselzekerheid en Natuur")
        );
        assert_eq!(m.number.as_deref(), Some("1712"));
    }

    #[test]
    fn roman_chapters_and_letters_stay_in_the_id() {
        let t = "36 600 VII Vaststelling van de begroting\n\nNr. 12 BRIEF VAN DE MINISTER\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.id().as_deref(), Some("kst-36600-VII-12"));
    }

    #[test]
    fn answers_without_an_aanhangsel_head_say_what_they_are_in_their_first_lines() {
        let t = "Vragen van het lid X (D66) aan de Minister van Justitie en Veiligheid (ingezonden 12 januari 2023).\n\nAntwoord van Minister Y (Justitie en Veiligheid) (ontvangen 3 februari 2023).\n\nVraag 1\nBent u bekend met het bericht?\n\nAntwoord 1\nJa.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.doc_type.as_deref(), Some("antwoord"));
        let t = "Antwoorden van de staatssecretaris van Financiën op vragen van het lid Z.\n";
        assert_eq!(
            from_text(t, &normalize(t)).doc_type.as_deref(),
            Some("antwoord")
        );
        // An answer quoted inside a letter is not the letter's kind.
        let t = "Aan de Voorzitter van de Tweede Kamer\n\nIn het antwoord van de minister op eerdere vragen staat dit.\n";
        assert_eq!(
            from_text(t, &normalize(t)).doc_type.as_deref(),
            Some("brief")
        );
    }

    #[test]
    fn an_answer_takes_its_title_from_the_questions_and_its_signatory_from_who_answers() {
        let t = "Aanhangsel van de Handelingen\n\nVragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden\n\nVergaderjaar 2025-2026\n\n612\n\nVragen van het lid Van Oosterom (GroenLinks-PvdA) aan de minister van Infrastructuur en Waterstaat over het bericht «Schiphol blijft ’s nachts boven de geluidsnorm» (ingezonden 6 oktober 2025).\n\nAntwoord van minister Van der Kleij (Infrastructuur en Waterstaat) (ontvangen 3 november 2025).\n\nVraag 1\nBent u bekend met het bericht?\n\nAntwoord 1\nJa.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.doc_type.as_deref(), Some("antwoord"));
        assert_eq!(m.number.as_deref(), Some("612"));
        assert_eq!(
            m.title.as_deref(),
            Some("Vragen van het lid Van Oosterom (GroenLinks-PvdA) aan de minister van Infrastructuur en Waterstaat over het bericht «Schiphol blijft ’s nachts boven de geluidsnorm»")
        );
        assert_eq!(m.signatories.len(), 1);
        assert_eq!(m.signatories[0].name, "Van der Kleij");
        assert_eq!(
            m.signatories[0].role,
            "Minister van Infrastructuur en Waterstaat"
        );
        // A letter that quotes an answer keeps its own signatory and title.
        let t = "Aan de Voorzitter van de Tweede Kamer\n\nHet eerdere antwoord van minister Y (Financiën) was helder.\n\nDe Minister van Financiën,\n\nA. Jansen\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.doc_type.as_deref(), Some("brief"));
        assert!(m.signatories.iter().all(|s| s.name != "Y"));
    }

    #[test]
    fn an_answer_to_questions_is_identified_by_vergaderjaar_and_number() {
        let t = "Tweede Kamer der Staten-Generaal\n\nVergaderjaar 2020-2021\n\nAanhangsel van de Handelingen\n\n9901\n\nVragen van het lid Voorbeeld (CDA) aan de Minister van Financiën (ingezonden 12 mei 2021).\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.id().as_deref(), Some("ah-tk-20202021-9901"));
        assert_eq!(m.doc_type.as_deref(), Some("antwoord"));
        // The official print's head adds a line between, and states the id in its colophon.
        let t = "Tweede Kamer der Staten-Generaal\nVergaderjaar 2021–2022\nAanhangsel van de Handelingen\nVragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden\n105\nVragen van het lid X.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.id().as_deref(), Some("ah-tk-20212022-105"));
        // In a layout the number stands at the end of the title's line.
        let t = "Eerste Kamer der Staten-Generaal\nVergaderjaar 2020–2021\nAanhangsel van de Handelingen            12\nVragen van het lid X.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.id().as_deref(), Some("ah-ek-20202021-12"));
        let t = "Antwoord 1\nJa.\n\nah-tk-20232024-770\nISSN 0921-7398\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.id().as_deref(), Some("ah-tk-20232024-770"));
        // Near miss: a letter that cites an Aanhangsel is not one.
        let t = "Vergaderjaar 2021–2022\n\n32 545 Wet- en regelgeving\n\nNr. 180 BRIEF VAN DE MINISTER\n\nZie Aanhangsel van de Handelingen\n2021/22, nr. 12.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.id().as_deref(), Some("kst-32545-180"));
    }

    #[test]
    fn decision_lists_and_bnc_fiches_say_what_they_are_in_their_head() {
        let t = "Den Haag, 8 maart 2011\n\nVoortouwcommissie: vaste commissie voor Buitenlandse Zaken\n\nDocument:               Besluitenlijst van de extra procedurevergadering van dinsdag 8 maart\n2011\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.doc_type.as_deref(), Some("besluitenlijst"));
        let t = "Fiche 5: Herziening verordening en richtlijn markten voor financiële instrumenten\n\n1. Algemene gegevens\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.doc_type.as_deref(), Some("fiche"));
        // Near miss: a letter that mentions a decision list in its prose.
        let t = "Aan de Voorzitter van de Tweede Kamer\n\nIn de besluitenlijst van 8 maart staat het.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.doc_type.as_deref(), Some("brief"));
    }

    #[test]
    fn the_handelingen_are_dated_by_their_sitting_day() {
        let t = "Tweede Kamer der Staten-Generaal\nHandelingen\nVergaderjaar 2024–2025\n30e vergadering\nDinsdag 26 november 2024\n\n5 Gezichtsherkenning door de politie\n\nAan de orde is het debat.\n";
        assert_eq!(stated_date(t).as_deref(), Some("2024-11-26"));
        let m = from_text(t, &normalize(t));
        assert_eq!(m.doc_type.as_deref(), Some("handelingen"));
        assert_eq!(
            m.title.as_deref(),
            Some("Gezichtsherkenning door de politie")
        );
        let t = "Tweede Kamer der Staten-Generaal\nVergaderjaar 2024–2025\nHandelingen II 2024/25, nr. 47\n47e vergadering, donderdag 6 februari 2025\n\n12 Tweeminutendebat Politie (CD 22/1)\n\nAan de orde is het debat.\n";
        assert_eq!(stated_date(t).as_deref(), Some("2025-02-06"));
    }

    #[test]
    fn a_fund_s_budget_dossier_keeps_its_letter() {
        let t = "Tweede Kamer der Staten-Generaal\nVergaderjaar 2024–2025\n\n36 600 B Vaststelling van de begrotingsstaat van het Gemeentefonds voor het jaar 2025\n\nNr. 14 BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN\n\nTekst.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.id().as_deref(), Some("kst-36600-B-14"));
        assert!(
            m.title
                .as_deref()
                .is_some_and(|t| t.starts_with("Vaststelling")),
            "{:?}",
            m.title
        );
        let t = "35 300 IXB Vaststelling van de begroting\n\nNr. 7 BRIEF VAN DE MINISTER\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.id().as_deref(), Some("kst-35300-IXB-7"));
        // The Deltafonds (J), the defence materiel fund (K) and the Mobiliteitsfonds (L) too.
        let t = "Tweede Kamer der Staten-Generaal\nVergaderjaar 2023–2024\n\n36 410 J Vaststelling van de begrotingsstaat van het Deltafonds voor het jaar 2024\n\nNr. 14 BRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT\n\nTekst.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.id().as_deref(), Some("kst-36410-J-14"));
    }

    #[test]
    fn a_numbered_or_amended_paper_has_the_type_of_its_kind() {
        assert_eq!(
            doc_type("TWEEDE NOTA VAN WIJZIGING").as_deref(),
            Some("nota van wijziging")
        );
        assert_eq!(
            doc_type("NADER GEWIJZIGD AMENDEMENT VAN HET LID PODT").as_deref(),
            Some("amendement")
        );
        assert_eq!(
            doc_type("Gewijzigde motie van het lid Dassen").as_deref(),
            Some("motie")
        );
        // Types that start with such a word keep their own name.
        assert_eq!(doc_type("NADER RAPPORT").as_deref(), Some("nader rapport"));
        assert_eq!(doc_type("Tweede Kamer").as_deref(), None);
        let t = "35 893 Wijziging van de Vreemdelingenwet 2000\n\nNr. 9 TWEEDE NOTA VAN WIJZIGING\n\nOntvangen 4 juli 2022\n\nHet voorstel van wet wordt als volgt gewijzigd:\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.doc_type.as_deref(), Some("nota van wijziging"));
        assert_eq!(
            m.title.as_deref(),
            Some("Wijziging van de Vreemdelingenwet 2000; TWEEDE NOTA VAN WIJZIGING")
        );
    }

    #[test]
    fn an_eerste_kamer_print_writes_its_letter_without_nr() {
        let t = "Eerste Kamer der Staten-Generaal\nVergaderjaar 2018–2019\n\n35 010 Wijziging van de Wet op het kindgebonden budget\n\nC MEMORIE VAN ANTWOORD\n\nOntvangen 26 april 2019\n\nDe regering heeft kennisgenomen van de vragen.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.id().as_deref(), Some("kst-35010-C"));
        assert_eq!(m.doc_type.as_deref(), Some("memorie van antwoord"));
        let t = "33 506 Voorstel van wet van het lid Pia Dijkstra\n\nAB VERSLAG VAN EEN NADER SCHRIFTELIJK OVERLEG\n\nVastgesteld 14 mei 2019\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.id().as_deref(), Some("kst-33506-AB"));
        let t = "33 161 Invoeringswet Participatiewet\n\nE NADERE MEMORIE VAN ANTWOORD\n\nOntvangen 16 mei 2014\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.id().as_deref(), Some("kst-33161-E"));
        assert_eq!(m.doc_type.as_deref(), Some("nadere memorie van antwoord"));
        // A date line right under the title, no blank line between: not part of the title.
        let t = "36 560 XIV Jaarverslag 2023\n\nNr. 6 LIJST VAN VRAGEN EN ANTWOORDEN\nVastgesteld 14 juni 2024\n\nDe commissie heeft vragen gesteld.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(
            m.title.as_deref(),
            Some("Jaarverslag 2023; LIJST VAN VRAGEN EN ANTWOORDEN")
        );
        // Nor the address and the place and date, nor the body after them (text from a PDF).
        let t = "32 824 Integratiebeleid\n\nNr. 418 BRIEF VAN DE MINISTER VAN SOCIALE ZAKEN EN\nWERKGELEGENHEID\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 26 juni 2023\nOp 1 januari 2022 is de wet in werking getreden.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(
            m.title.as_deref(),
            Some("Integratiebeleid; BRIEF VAN DE MINISTER VAN SOCIALE ZAKEN EN WERKGELEGENHEID")
        );
        // Near miss: a sentence that starts with a capital is no letter line.
        let t = "33 506 Voorstel van wet\n\nU Bent van harte welkom.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.id(), None);
    }

    #[test]
    fn running_headers_with_a_roman_chapter_or_an_eerste_kamer_letter() {
        let t =
            "Tweede Kamer, vergaderjaar 2023–2024, 36 600 VII, nr. 12 2\n\nTekst van de brief.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.id().as_deref(), Some("kst-36600-VII-12"));
        let t = "Eerste Kamer, vergaderjaar 2019–2020, 32 813, AO 3\n\nTekst van de brief.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.id().as_deref(), Some("kst-32813-AO"));
        let t = "Tweede Kamer, vergaderjaar 2021–2022, 21 501-33, nr. 898 4\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.id().as_deref(), Some("kst-21501-33-898"));
    }

    #[test]
    fn a_motion_states_its_date_as_voorgesteld() {
        let t = "32 545 Wet- en regelgeving financiële markten\n\nNr. 143 MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS\nVoorgesteld 6 juli 2021\n\nDe Kamer,\n\ngehoord de beraadslaging,\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.id().as_deref(), Some("kst-32545-143"));
        assert_eq!(m.doc_type.as_deref(), Some("motie"));
        assert_eq!(m.date, Some(("2021-07-06".to_string(), DateSource::Text)));
    }

    #[test]
    fn initials_may_be_spaced() {
        let t = "Hoogachtend,\n\nDe Minister van Justitie,\n\nA. H. Korthals\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(
            m.signatories.first().map(|s| s.name.as_str()),
            Some("A. H. Korthals")
        );
    }

    #[test]
    fn a_decision_list_and_an_answer_state_their_dates() {
        let t = "Besluitenlijst procedurevergadering\n\nDatum: woensdag 7 februari 2024\nTijd: 10.00 uur\n\nHet debat is verplaatst naar 14 maart 2024.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.date, Some(("2024-02-07".to_string(), DateSource::Text)));
        let t = "Vragen van het lid Mutluer over camera's (ingezonden 16 juli\n2024).\n\nAntwoord van Minister Van Weel (Justitie en Veiligheid) (ontvangen 2 september 2024).\n\nHet debat van 26 september 2024 volgt.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.date, Some(("2024-09-02".to_string(), DateSource::Text)));
    }

    #[test]
    fn letterhead_date_on_one_line_and_signature_after_a_blank_line() {
        let t = "Datum  1 maart 2011\nOnderwerp Draagmoederschap\n\nOp 31 mei 2010 waren er drie.\n\nDe Staatssecretaris van Veiligheid en Justitie,\n\nF. Teeven\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.date, Some(("2011-03-01".to_string(), DateSource::Text)));
        assert_eq!(
            m.signatories,
            vec![Signatory {
                name: "F. Teeven".into(),
                role: "Staatssecretaris van Veiligheid en Justitie".into()
            }]
        );
    }

    #[test]
    fn a_signature_with_a_first_name_before_the_initials() {
        let t = "Op 1 juli 2014 treedt de wet in werking.\n\nDe Staatssecretaris van Economische Zaken,\nSharon A.M. Dijksma\n";
        let m = from_text(t, &normalize(t));
        let names: Vec<&str> = m.signatories.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Sharon A.M. Dijksma"]);
    }

    #[test]
    fn a_letter_without_a_date_gets_an_inferred_lower_bound() {
        let t = "Op 23 juni 2021 heeft uw commissie verzocht. Het rapport van 11 oktober 2019 is bekend.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(
            m.date,
            Some(("2021-06-23".to_string(), DateSource::Inferred))
        );
        // Dates it looks ahead to are no lower bound.
        let t = "Het advies van 4 maart 2025 is verwerkt. De wet treedt in werking op 1 januari 2026; de regeling geldt per 1 juli 2026 en uiterlijk 17 oktober 2026 volgt een evaluatie. Het is de bedoeling de wet op 1 januari 2027 in werking te laten treden.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(
            m.date,
            Some(("2025-03-04".to_string(), DateSource::Inferred))
        );
    }

    #[test]
    fn several_signatories_in_the_closing_block() {
        let t = "Slotzin van de brief.\n\nDe Minister van Binnenlandse Zaken en Koninkrijksrelaties, \nR.W. Knops \n\nDe Minister voor Rechtsbescherming, \nS. Dekker\n";
        let m = from_text(t, &normalize(t));
        let names: Vec<_> = m.signatories.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, vec!["R.W. Knops", "S. Dekker"]);
        assert_eq!(
            m.signatories[0].role,
            "Minister van Binnenlandse Zaken en Koninkrijksrelaties"
        );
    }

    #[test]
    fn double_surnames_with_particles_are_one_name() {
        let t = "Slotzin van de brief.\n\nDe Minister van Infrastructuur en Milieu,\nM.H. Schultz van Haegen-Maas Geesteranus\n\nDe Staatssecretaris van Infrastructuur en Waterstaat,\nS. van Veldhoven-van der Meer\n\nDe Minister van Asiel en Migratie,\nM.H.M. Faber-van de Klashorst\n";
        let m = from_text(t, &normalize(t));
        let names: Vec<_> = m.signatories.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "M.H. Schultz van Haegen-Maas Geesteranus",
                "S. van Veldhoven-van der Meer",
                "M.H.M. Faber-van de Klashorst"
            ]
        );
        let t = "Slotzin.\n\nDe Staatssecretaris van Sociale Zaken en Werkgelegenheid,\nB. van ’t Wout\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(
            m.signatories.first().map(|s| s.name.as_str()),
            Some("B. van ’t Wout")
        );
    }

    #[test]
    fn answers_after_a_notice_of_delay_are_dated_by_their_own_receipt() {
        let t = "Vragen van het lid X (SP) aan de Minister van Sociale Zaken en Werkgelegenheid over uitzendkrachten (ingezonden 29 januari 2025).\n\nMededeling van Minister Van Hijum (Sociale Zaken en Werkgelegenheid) (ontvangen 19 februari 2025)\n\nDe vragen kunnen niet binnen drie weken worden beantwoord.\n\nAntwoord van Minister Van Hijum (Sociale Zaken en Werkgelegenheid) (ontvangen 14 maart 2025)\n\nVraag 1\nKent u het bericht?\n\nAntwoord 1\nJa.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.date.as_ref().map(|(d, _)| d.as_str()), Some("2025-03-14"));
    }

    #[test]
    fn a_notice_of_delay_alone_is_a_mededeling_signed_by_who_gives_it() {
        let t = "Aanhangsel van de Handelingen\n\nVragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden\n\nVergaderjaar 2024-2025\n\n1027\n\nVragen van de leden Krul (CDA) en Tielen (VVD) aan de Minister van Volksgezondheid, Welzijn\nen Sport over medische hulpmiddelen voor kinderen (ingezonden 14 november 2024).\n\n1\nKent u het bericht?\n\nMededeling van Minister Agema (Volksgezondheid, Welzijn en Sport) (ontvangen 5 december\n2024)\n\nDe vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.doc_type.as_deref(), Some("mededeling"));
        assert_eq!(
            m.title.as_deref(),
            Some("Vragen van de leden Krul (CDA) en Tielen (VVD) aan de Minister van Volksgezondheid, Welzijn en Sport over medische hulpmiddelen voor kinderen")
        );
        assert_eq!(m.signatories.len(), 1);
        assert_eq!(m.signatories[0].name, "Agema");
        // With the answers after it, the paper is the answer, signed once.
        let answered = format!("{t}\nAntwoord van Minister Agema (Volksgezondheid, Welzijn en Sport) (ontvangen 20 december 2024)\n\nAntwoord 1\nJa.\n");
        let m = from_text(&answered, &normalize(&answered));
        assert_eq!(m.doc_type.as_deref(), Some("antwoord"));
        assert_eq!(m.signatories.len(), 1);
    }

    #[test]
    fn an_answer_by_a_minister_without_a_ministry_keeps_voor() {
        let t = "Vragen van het lid X (SP) aan de Minister voor Medische Zorg over tekorten (ingezonden 8 maart 2019).\n\nAntwoord van Minister Bruins (Medische Zorg) (ontvangen 2 april 2019).\n\nVraag 1\nKent u het bericht?\n\nAntwoord 1\nJa.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.signatories.len(), 1);
        assert_eq!(m.signatories[0].role, "Minister voor Medische Zorg");
    }

    #[test]
    fn a_paper_of_two_dossiers_takes_the_first_for_its_id() {
        let t = "Tweede Kamer der Staten-Generaal\n\nVergaderjaar 2023–2024\n\n26 643 Informatie- en communicatietechnologie (ICT)\n\n30 821 Nationale Veiligheidsstrategie\n\nNr. 1227 BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID\n\nTekst.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.id().as_deref(), Some("kst-26643-1227"));
        assert_eq!(m.more_dossiers, vec!["30821".to_string()]);
    }

    #[test]
    fn a_rijkswet_s_r_number_after_the_dossier_is_passed_over() {
        let t = "Tweede Kamer der Staten-Generaal\nVergaderjaar 2021–2022\n\n35 934 (R2158) Wijziging van de Rijkswet op het Nederlan-\nderschap en de Wet\nop de inlichtingen- en veiligheidsdiensten 2017\n\nNr. 11 BRIEF VAN DE STAATSSECRETARIS VAN JUSTITIE EN VEILIGHEID\n\nTekst.\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.id().as_deref(), Some("kst-35934-11"));
        assert_eq!(
            m.title.as_deref(),
            Some("Wijziging van de Rijkswet op het Nederlanderschap en de Wet op de inlichtingen- en veiligheidsdiensten 2017; BRIEF VAN DE STAATSSECRETARIS VAN JUSTITIE EN VEILIGHEID")
        );
        // The running header of such a bill writes it too.
        let t = "Tekst.\n\nTweede Kamer, vergaderjaar 2021–2022, 35 934 (R2158), nr. 11 2\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.id().as_deref(), Some("kst-35934-11"));
        // Near miss: a bracket of another kind before the title is no dossier line.
        let t = "35 934 (zie bijlage) Wijziging van de Rijkswet\n\nNr. 11 BRIEF VAN DE MINISTER\n";
        assert_eq!(from_text(t, &normalize(t)).dossier, None);
    }

    #[test]
    fn a_bill_title_of_several_hundred_characters_still_gives_the_dossier() {
        let title = "Wijziging van de Wet inkomstenbelasting 2001, de Wet op de vennootschapsbelasting 1969 en de Algemene wet inzake rijksbelastingen in verband met het uitbreiden van de aftrekbeperking voor geldboeten tot bestuurlijke boeten die zijn opgelegd door een bestuursorgaan van een staat die geen lidstaat van de Europese Unie is";
        let t = format!("Tweede Kamer der Staten-Generaal\n\n36 502 {title}\n\nNr. 3 MEMORIE VAN TOELICHTING\n\nTekst.\n");
        let m = from_text(&t, &normalize(&t));
        assert_eq!(m.id().as_deref(), Some("kst-36502-3"));
        assert_eq!(m.doc_type.as_deref(), Some("memorie van toelichting"));
    }

    #[test]
    fn a_role_with_a_dash_and_a_cover_letter_signed_before_its_annex() {
        let t = "Slotzin.\n\nDe Staatssecretaris van Financiën – Fiscaliteit en Belastingdienst,\nA.P. van Rij\n";
        let m = from_text(t, &normalize(t));
        assert_eq!(m.signatories.len(), 1, "{:?}", m.signatories);
        assert_eq!(
            m.signatories[0].role,
            "Staatssecretaris van Financiën – Fiscaliteit en Belastingdienst"
        );
        let annex = "Het kabinet steunt de inzet van het voorzitterschap op dit punt. ".repeat(40);
        let t = format!("Hierbij zend ik u de geannoteerde agenda.\n\nDe Minister van Financiën,\nE. Heinen\n\nGeannoteerde agenda\n\n{annex}\n");
        let m = from_text(&t, &normalize(&t));
        let names: Vec<_> = m.signatories.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, vec!["E. Heinen"]);
    }
}
