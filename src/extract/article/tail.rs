//! What names the instrument after a reference: a name the registry or the letter knows
//! ("artikel 9 AVG", "artikel 3 van de Richtlijn (EU) 2016/680"), a generic word that refers
//! back ("van deze wet"), or a name kst does not know but can keep ("van de Wet kinderopvang",
//! "MiFIR", "van het wetsvoorstel"). Split from [`super::grammar`] because names follow rules
//! of their own: where they stop, which capitalized words are no names.

use super::grammar::{Cur, Named, Names};
use regex::Regex;
use std::sync::LazyLock;

/// An abbreviation the registry does not know: two capitals ("WGBO"), "W" and a few letters
/// ("Wlz"), or a longer one with a run of four consonants no Dutch word has ("Wabvpz"),
/// "Algemene wet ..." shortened ("Awir", "Awgb"), a short word ending in the "w" of
/// "wet" ("Fvw", "Anw") or a capital and consonants only ("Bjj", "Pbw": a word of the next
/// sentence, "Denk", "Zie", has a vowel).
static UNKNOWN_ABBREV: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Z][a-z]{0,3}[A-Z][A-Za-z]{0,6}|W[a-z]{0,2}[b-df-hj-np-tv-z]{4}|W[a-z]{1,4}|Aw[a-z]{1,3}|[A-Z][a-z]{1,2}w|[A-Z][b-df-hj-np-tv-z]{1,3})(?: (\d{4}))?")
        .expect("valid regex")
});
static UNKNOWN_LAW: LazyLock<Regex> = LazyLock::new(|| {
    // "Omgevingswet", "Kinderrechtenverdrag", "ESMA-verordening", "VN-Kinderrechtenverdrag",
    // "WAD-code",
    // "Tabaks- en rookwarenwet",
    // "Bouwbesluit 2012", "Vreemdelingencirculaire 2000" (a decree's compound name only with
    // its year: "Raadsbesluit" alone is no name),
    // "Wet langdurige zorg", "Internationaal Verdrag inzake burgerrechten", the tax laws'
    // "Wet IB 2001", "Wet LB 1964", a circular's or policy rule's ("Circulaire wapens en
    // munitie 2019", "Beleidsregels ...", "Aanwijzing ..."), and the chambers' "Reglement van
    // Orde"; treaties by their old or descriptive names ("EG-Verdrag", "Europees Sociaal
    // Handvest") and their protocols ("het Eerste Protocol", "Protocol nr. 26"). A word of a
    // name may end in a number ("Tijdelijke wet maatregelen covid-19").
    Regex::new(r"^([A-Z][a-z]+- en [A-Za-z][a-z]+(?:wet|wetboek|richtlijn|verordening|verdrag|besluit)(?: \d{4})?|[A-Z][a-z]+wet [A-Z][a-z]+wet(?: \d{4})?|[A-Z][a-z]+(?:wet|wetboek|richtlijn|verordening|verdrag)(?: \d{4})?|[A-Z][a-z]+(?:besluit|regeling|circulaire) \d{4}|[A-Z][A-Za-z0-9]*-(?:wet|richtlijn|verordening|besluit|verdrag|Verdrag|overeenkomst|Overeenkomst|conventie|Conventie|code|Code|[A-Z][a-z]+verdrag)(?: \d{4})?|(?:Europees|Europese|Internationaal|Internationale) [A-Z][a-z]+ (?:Handvest|Verdrag)|(?:[A-Z][a-z]+ )?Protocol(?: (?:nr\. |nummer )?\d{1,2})?(?-u:\b)|[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:isch|ische|se|es)\s+Verdrag|Reglement van Orde(?: van de (?:Tweede|Eerste) Kamer(?: der Staten-Generaal)?)?|(?:(?:Internationaal|Europees|Europese|Algemene|Algemeen|Tijdelijke) )?(?:Wet|wet|Wetboek|Besluit|Regeling|Reglement|Verdrag|verdrag|Verordening|Richtlijn|Circulaire|Beleidsregels?|Aanwijzing)(?:(?: (?:[a-zà-ÿ\-]+(?:['’]s(?-u:\b)|\d{1,2}(?-u:\b))?|\d{4})){1,7}(?: [A-Z]{2,5}(?: \d{4})?)?|(?: (?:\d{4}|[A-Z]{2,5}(?: \d{4})?)){1,2}))").expect("valid regex")
});

/// A decree's or regulation's name after "van het" / "van de": a capitalised compound on
/// -besluit, -regeling, -instructie, -reglement, -circulaire, -code, with the act it carries
/// out ("Uitvoeringsregeling Meststoffenwet", "Uitvoeringsbesluit Wmg"), or an adjective and
/// "maatregel" / "regeling" ("Penitentiaire maatregel", "Tijdelijke regeling").
static UNKNOWN_DECREE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z][a-z]+(?:besluit|regeling|instructie|reglement|circulaire|code)(?: (?:[A-Z][a-z]+wet|[A-Z][a-z]{0,3}[A-Z][A-Za-z]{0,5}|W[a-z]{1,4})(?: \d{4})?)?|[A-Z][a-z]+e (?:maatregel|regeling|besluit))(?: \d{4})?")
        .expect("valid regex")
});

/// An agreement named by a compound the registry does not know, with what it goes on with:
/// "de Associatieovereenkomst EU-Israël", "de Partnerschapsovereenkomst met Marokko", "het
/// Handelsakkoord", "de TRIPS-overeenkomst", "het WHO-kaderverdrag".
static NAMED_AGREEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\p{Lu}\p{Ll}+|\p{Lu}[\p{Lu}\d]{1,9}-\p{Ll}*)(?:overeenkomst|verdrag|akkoord|protocol|conventie)\b(?:\s+(?:EU-\p{Lu}[\p{L}-]*|met\s+(?:de\s+|het\s+)?\p{Lu}[\p{L}-]*))?")
        .expect("valid regex")
});

/// A draft's lower-case compound name: "ontwerptekst", "ontwerp-pandemieverdrag",
/// "conceptregeling".
static DRAFT_TEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:ontwerp|concept)-?\p{Ll}[\p{Ll}-]*\b").expect("valid regex"));

/// An EU act by a lower-case nickname the registry does not know ("van de
/// concentratieverordening", "van de fusieverordening", "van de vogelrichtlijn"): named, so
/// not the act the passage is about. Compounds that only refer back to an act named before
/// ("de wijzigingsrichtlijn", "de basisverordening", "de kaderrichtlijn") are left to the
/// context.
static NICKNAMED_EU_ACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Ll}[\p{Ll}-]{3,30}?)(?:verordening|richtlijn|verdrag)\b")
        .expect("valid regex")
});

/// The word after "voorgestelde" (see `Cur::name`).
static PROPOSED_THING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Ll}[\p{Ll}-]{3,40}\b").expect("valid regex"));

/// Prefixes of compounds that refer back rather than name ("wijzigingsverordening"); drafts
/// ("ontwerpverordening") are `DRAFT_TEXT`'s.
const REFERRING_PREFIXES: [&str; 6] = [
    "wijzigings",
    "uitvoerings",
    "basis",
    "kader",
    "moeder",
    "herschikkings",
];

/// What follows "Handvest" when it begins a full name rather than standing as a short title.
/// "Boek 7" not followed by the code it is a book of (the registry knows "Boek 7 van het
/// Burgerlijk Wetboek" and "Boek 7 BW" as names of their own).
static BARE_BOOK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^Boek (\d{1,2})(?-u:\b)(,? (?:van|uit) (?:het|de) |,? (?:BW|Rv|Sr|Sv|Wetboek)(?-u:\b))?",
    )
    .expect("valid regex")
});
static HANDVEST_NAMED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\s+(?:van|der|inzake|voor)\b|-)").expect("valid regex"));

/// What names another instrument after a bare title: "(Statuut) van Rome", "(Handvest) van de
/// Verenigde Naties".
static TITLE_GOES_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\s+(?:van|der|inzake|voor|betreffende)(?:\s+(?:de|het))?(?:\s+\p{Lu}[\p{L}-]*)+)+",
    )
    .expect("valid regex")
});

/// Titles that the registry knows bare ("het Statuut": the Kingdom's charter; "het Handvest":
/// the EU Charter) but that other treaties begin with.
const GENERIC_TITLES: [&str; 2] = ["Statuut", "Handvest"];

/// Where `title` last began a longer name before `at`: one the registry knows ("Handvest van
/// de Verenigde Naties") or a treaty it does not ("Statuut van Rome inzake het Internationaal
/// Strafhof"). `None` when it only stood bare before, or never.
fn title_named_before(
    t: &str,
    at: usize,
    title: &str,
    names: &dyn Names,
) -> Option<(usize, usize)> {
    // Bare occurrences in between ("artikel 14 van het Statuut") stand for the same treaty.
    t[..at]
        .rmatch_indices(title)
        .filter(|&(p, _)| crate::extract::article::registry::is_word_bounded(t, p, p + title.len()))
        .find_map(|(p, _)| {
            let bare_end = p + title.len();
            // The title inside a longer name the registry knows that begins a word or two
            // before it ("het Europees Handvest voor regionale talen of talen van minderheden").
            let from = crate::text::floor_boundary(t, p.saturating_sub(30));
            let inside = t[from..p]
                .char_indices()
                .map(|(i, _)| from + i)
                .filter(|&q| q > 0 && t[..q].ends_with(' '))
                .find_map(|q| {
                    names
                        .name_end_at(q)
                        .filter(|&e| e > bare_end)
                        .map(|e| (q, e))
                });
            if inside.is_some() {
                return inside;
            }
            match names.name_end_at(p) {
                Some(e) if e > bare_end => Some((p, e)),
                _ => TITLE_GOES_ON
                    .find(&t[bare_end..])
                    .map(|m| (p, bare_end + m.end())),
            }
        })
}

/// Words that end a law's name taken from the text ("de Wet langdurige zorg bepaalt ...").
const NAME_STOP: &[&str] = &[
    "verplicht",
    "vereist",
    "eist",
    "schrijft",
    "legt",
    "maakt",
    "zal",
    "zullen",
    "gaat",
    "treedt",
    "wijzigt",
    "vervangt",
    "beoogt",
    "introduceert",
    "staat",
    "blijft",
    "was",
    "werd",
    "ziet",
    "zien",
    "toepassing",
    "geeft",
    "biedt",
    "bevat",
    "stelt",
    "verbiedt",
    "kent",
    "voorziet",
    "is",
    "zijn",
    "wordt",
    "worden",
    "bepaalt",
    "regelt",
    "verwijst",
    "verwijzen",
    "omschrijft",
    "definieert",
    "geldt",
    "gelden",
    "die",
    "dat",
    "waarin",
    "waarbij",
    "kan",
    "kunnen",
    "moet",
    "heeft",
    "hebben",
    "om",
    "te",
    "voor",
    "als",
    "niet",
    "nog",
    "ook",
    "artikel",
    "artikelen",
    "zoals",
    "maar",
    "dan",
    "welke",
    // Adverbs and the participles of a passive that follow a name ("is in artikel 5 van de
    // Wet ... beperkt tot tien", "de Wet ... reeds"), never words of one.
    "reeds",
    "al",
    "inmiddels",
    "immers",
    "echter",
    "daarom",
    "namelijk",
    "eveneens",
    "per",
    "sinds",
    "vanaf",
    "duurt",
    "beperkt",
    "geregeld",
    "opgenomen",
    "vastgelegd",
    "neergelegd",
    "bepaald",
    "voorgeschreven",
    "toegestaan",
    "omschreven",
    "gewijzigd",
    "ingevoerd",
    "uitgewerkt",
    "genoemd",
    "bedoeld",
    "beschreven",
    "vastgelegde",
    "geregelde",
    "neergelegde",
    "genoemde",
    "bedoelde",
];

/// Subject pronouns: no law's name has one ("van het Verdrag merk ik op").
const SUBJECT_PRONOUNS: [&str; 6] = ["ik", "wij", "we", "u", "hij", "zij"];

/// Words that belong in a law's name only after a preposition ("Wet op de zorgtoeslag"), and
/// otherwise continue the sentence ("de Wet langdurige zorg en de ...").
const NAME_JOINERS: [&str; 5] = ["en", "of", "de", "het", "een"];
const NAME_PREPOSITIONS: [&str; 7] = ["op", "van", "inzake", "tot", "betreffende", "over", "in"];

/// Capitalized words that are no abbreviation of a law ("artikel 5 Wat betreft ...").
/// Capitalised words that follow an article number at a sentence's start or in a heading, not
/// the abbreviation of a law ("artikel 24 Bjj", "artikel 5 Pbw" are).
const NOT_ABBREVIATIONS: &[&str] = &[
    "EU", "AI", "NB", "II", "III", "IV", "EG", "NL", "Wat", "Wel", "Wie", "Waar", "Want", "Wij",
    "Wil", "Was", "Werd", "Wordt", "Waren", "Wilt", "De", "Het", "Een", "En", "Dit", "Dat", "Die",
    "Deze", "Zie", "Ook", "In", "Op", "Bij", "Voor", "Van", "Met", "Om", "Als", "Maar", "Ik", "Zo",
    "Er", "Nu", "Dan", "Nog", "Toe", "Uit", "Aan", "Naar", "Door", "Over", "Of", "Is", "Zijn",
    "Hij", "Zij", "Ze", "Men", "Wel", "Niet", "Geen", "Al", "Doel", "Lid",
    // Bodies, not acts: "bijlage III bij de AP te beleggen" leaves the annex with the AP.
    "AP", "ACM", "AFM", "DNB", "EP", "EC", "VN", "RvS", "IGJ", "NZa", "CBS", "CPB", "SCP", "UWV",
    "SVB", "IND", "COA", "VNG", "IPO", "OM", "EDPB", "EDPS", "RIVM", "NVWA", "ILT", "RDW", "DUO",
    "SER", "WRR", "NCTV", "AIVD", "MIVD", "RVO", "KNMI", "CJIB", "NAVO", "OESO", "WHO",
];

/// Agreements that are no legislation: "artikel 38 van de concessie", "artikel 4 van het
/// convenant". Their articles are no units of an instrument (records.md), so a reference
/// naming one is dropped.
pub(super) const CONTRACTS: [&str; 6] = [
    "vervoerconcessie",
    "beheerconcessie",
    "concessie",
    "convenant",
    "statuten",
    "contract",
];

/// Nouns that name an instrument kst cannot identify: the bill or decree under discussion.
pub(super) const UNIDENTIFIED: [&str; 19] = [
    "wetsvoorstel",
    "voorstel van wet",
    // A national act that carries out an EU act, named by its role ("Artikel 5 van de
    // uitvoeringswet wijzigt de Wet handhaving consumentenbescherming"): not the act it
    // amends, and not the EU act.
    "uitvoeringswet",
    "implementatiewet",
    "invoeringswet",
    "wijzigingswet",
    "ontwerpbesluit",
    "conceptbesluit",
    "amendement",
    "regeling",
    "ontwerpregeling",
    // The stages of an EU negotiation number articles as neither the proposal nor the act.
    "compromistekst",
    "compromisvoorstel",
    "akkoordtekst",
    "onderhandelingstekst",
    "algemene oriëntatie",
    "algemene benadering",
    "Raadspositie",
    "onderhandelingsresultaat",
];

impl Cur<'_> {
    /// The instrument named after a reference, with the end of what was read.
    pub(super) fn name(&mut self, names: &dyn Names) -> Option<(Named, usize)> {
        let save = self.p;
        // A gloss counts only when an instrument is named after it ("artikel 114 (MiFIR) van
        // het VWEU"); a name read after it is checked below by the connector it needs.
        let glossed = self.gloss();
        self.ws();
        // The part of the act a recital stands in: "overweging 26 van de considerans van de
        // richtlijn" is the directive's recital.
        let before_part = self.p;
        if self.word("van de considerans") || self.word("van de preambule") {
            self.ws();
            if !self.rest().starts_with("van ") && !self.rest().starts_with("bij ") {
                self.p = before_part;
            }
        }
        self.punct(',');
        self.ws();
        if self.word("e.v.") {
            self.ws();
        }
        if self.punct(')') {
            self.ws();
        }
        let before_connector = self.p;
        let connector = [
            "van de", "van het", "van", "uit de", "uit het", "uit", "bij de", "bij het", "bij",
            "in de", "in het", "der",
        ]
        .iter()
        .any(|w| self.word(w));
        // "bij verordening", "bij wet" without an article: how a rule is made (by bylaw, by
        // statute), not an instrument named.
        let bare_bij = self.t[before_connector..self.p].trim() == "bij";
        self.ws();
        let determiner_at = self.p;
        let determiner = [
            "deze",
            "die",
            "dit",
            "genoemde",
            "voornoemde",
            "bovengenoemde",
            "voorliggende",
            "huidige",
            "Europese",
            "oorspronkelijke",
            "gewijzigde",
            "herziene",
            "nieuwe",
            "voorgestelde",
            "vastgestelde",
            "definitieve",
            "bovenstaande",
        ]
        .iter()
        .any(|w| self.word(w))
            // "van dat verdrag": "dat" is a determiner only after "van" and its like, never
            // the conjunction of "artikel 3 bepaalt dat".
            || (connector && self.word("dat"));
        self.ws();
        let at = self.p;
        if glossed && !connector {
            self.p = save;
            return None;
        }
        // A bare title after a treaty of that title the registry does not know was named
        // ("het Statuut van Rome ... artikel 8bis van het Statuut", "het Handvest van de
        // Verenigde Naties ... artikel 51 van het Handvest") is that treaty, not the registry's
        // entry of the bare title.
        if let Some(title) = GENERIC_TITLES.iter().find(|t| self.rest().starts_with(*t)) {
            let end = at + title.len();
            let bare = crate::extract::article::registry::is_word_bounded(self.t, at, end)
                && names.name_end_at(at).is_none_or(|e| e <= end)
                && !TITLE_GOES_ON.is_match(&self.t[end..]);
            if let Some((of, of_end)) = bare
                .then(|| title_named_before(self.t, at, title, names))
                .flatten()
            {
                self.p = end;
                let named = Named::ShortTitle {
                    start: at,
                    end,
                    of,
                    of_end,
                };
                return Some((named, end));
            }
        }
        if let Some(end) = names.name_end_at(at) {
            // A bare title that another instrument's name goes on from ("het Statuut van
            // Rome", "het Handvest van de Verenigde Naties") is not the registry's entry of
            // that title.
            let generic_title = GENERIC_TITLES.contains(&&self.t[at..end]);
            match TITLE_GOES_ON.find(&self.t[end..]) {
                Some(more) if generic_title => {
                    let end = end + more.end();
                    self.p = end;
                    return Some((Named::Unknown { start: at, end }, end));
                }
                _ => {
                    self.p = end;
                    return Some((Named::Known { start: at, end }, end));
                }
            }
        }
        // The word taken for a determiner may begin a name ("van de voorgestelde
        // AI-verordening").
        if determiner {
            if let Some(end) = names.name_end_at(determiner_at) {
                self.p = end;
                return Some((
                    Named::Known {
                        start: determiner_at,
                        end,
                    },
                    end,
                ));
            }
        }
        if connector || determiner {
            for (word, kind) in [
                // "van het Commissievoorstel": the Commission's proposal, as "het voorstel";
                // "het richtlijnvoorstel" in a fiche on a package is its proposed directive, as
                // "de voorgestelde richtlijn" (else any proposal).
                ("richtlijnvoorstel", "voorgestelde richtlijn"),
                ("verordeningsvoorstel", "voorgestelde verordening"),
                ("wetgevingsvoorstel", "voorstel"),
                // "van het wijzigingsvoorstel": the proposal that amends a directive, not the
                // directive it amends.
                ("wijzigingsvoorstel", "voorstel"),
                ("Commissievoorstel", "voorstel"),
                // "van de conceptverordening": every fiche's word for its own proposal.
                ("conceptverordening", "voorstel"),
                ("ontwerpverordening", "voorstel"),
                ("conceptrichtlijn", "voorstel"),
                ("ontwerprichtlijn", "voorstel"),
                ("commissievoorstel", "voorstel"),
                ("Gemeenschappelijk Standpunt", "standpunt"),
                ("kaderbesluit", "kaderbesluit"),
                ("gemeenschappelijk standpunt", "standpunt"),
                // "van de uitvoeringsverordening": the implementing act named before, not the
                // regulation it implements (see `Mentions::anaphor`).
                ("uitvoeringsverordening", "uitvoeringsverordening"),
                ("Uitvoeringsverordening", "uitvoeringsverordening"),
                ("verordening", "verordening"),
                ("richtlijn", "richtlijn"),
                ("wet", "wet"),
                ("voorstel", "voorstel"),
                ("verdrag", "verdrag"),
                // "van het akkoord": the trade agreement named before ("artikel 30.2 van het
                // akkoord" after CETA).
                ("akkoord", "verdrag"),
                // "van die overeenkomst": an agreement named before ("de Associatieovereenkomst
                // tussen de EU en Israël"), a treaty by kind.
                ("overeenkomst", "verdrag"),
                // "artikel 6 van het hoofdstuk": a chapter of an agreement the letter names in
                // words ("het hoofdstuk over handel en duurzame ontwikkeling"), no act in force.
                ("hoofdstuk", "hoofdstuk"),
                ("wetboek", "wetboek"),
                // "artikel 610a van dat boek": the book of a code named before ("titel 10 van
                // Boek 7 van het Burgerlijk Wetboek"), each book an act of the kind "wetboek".
                ("boek", "wetboek"),
                ("handvest", "handvest"),
                // "van het besluit": the decision named before (an EU decision, an order in
                // council); none named, it stays unidentified.
                ("besluit", "besluit"),
                // "van die beschikking": an EU decision named before ("Beschikking 2010/65/EU"),
                // of the kind "besluit" as the registry has decisions (see `registry`).
                ("beschikking", "besluit"),
                // "van die regeling": a ministerial regulation named before ("de Regeling eisen
                // verblijfsruimte penitentiaire inrichtingen. Artikel 3 van die regeling");
                // none named, it stays unidentified (a scheme is no act).
                ("regeling", "regeling"),
            ] {
                // Lower case only: "Wet langdurige zorg" is a name, "deze wet" refers back;
                // but "het Handvest" is the short title, unless a name follows ("Handvest
                // van de Verenigde Naties").
                let short_title = kind == "handvest"
                    && self.rest().starts_with("Handvest")
                    && !HANDVEST_NAMED.is_match(&self.rest()["Handvest".len()..]);
                // "van hoofdstuk XVI" numbers a part (a budget chapter, an act's chapter): only
                // "het hoofdstuk" refers back.
                let numbered_part = kind == "hoofdstuk"
                    && !determiner
                    && !self.t[before_connector..determiner_at]
                        .trim_end()
                        .ends_with("het");
                if (self.rest().starts_with(word) || short_title)
                    && (!bare_bij || determiner)
                    && !numbered_part
                    && self.word(word)
                {
                    // "de voorgestelde richtlijn": the Commission's proposal for it, not an
                    // adopted directive.
                    let proposed = determiner
                        && self.t[determiner_at..].starts_with("voorgestelde")
                        && matches!(kind, "richtlijn" | "verordening");
                    // "de vastgestelde verordening": the act as adopted, not the proposal
                    // for it the letter compares it with; so is "de huidige richtlijn", the
                    // act in force beside the proposal that replaces it.
                    let adopted = determiner
                        && ["vastgestelde", "definitieve", "huidige"]
                            .iter()
                            .any(|w| self.t[determiner_at..].starts_with(w))
                        && matches!(kind, "richtlijn" | "verordening");
                    return Some((
                        Named::Anaphor {
                            start: if proposed || adopted {
                                determiner_at
                            } else {
                                at
                            },
                            end: self.p,
                            kind: match (proposed, adopted, kind) {
                                (true, _, "richtlijn") => "voorgestelde richtlijn",
                                (true, _, _) => "voorgestelde verordening",
                                (_, true, "richtlijn") => "vastgestelde richtlijn",
                                (_, true, _) => "vastgestelde verordening",
                                _ => kind,
                            },
                        },
                        self.p,
                    ));
                }
            }
        }
        // "van Boek 7" that no code's name follows ("van Boek 2 van het nieuwe Wetboek van
        // Strafvordering" is the code's).
        if connector {
            if let Some(c) = BARE_BOOK.captures(self.rest()) {
                if let (Some(m), None, Ok(book)) = (c.get(1), c.get(2), c[1].parse::<u8>()) {
                    let end = self.p + m.end();
                    self.p = end;
                    return Some((
                        Named::Book {
                            start: at,
                            end,
                            book,
                        },
                        end,
                    ));
                }
            }
        }
        if connector || determiner {
            for word in UNIDENTIFIED.iter().chain(&CONTRACTS) {
                if self.rest().starts_with(word) && self.word(word) {
                    return Some((
                        Named::Unknown {
                            start: at,
                            end: self.p,
                        },
                        self.p,
                    ));
                }
            }
            // A draft the registry does not know ("van de ontwerptekst", "van het
            // ontwerp-pandemieverdrag", "van de conceptregeling"): named, so not the act the
            // passage was about.
            if let Some(m) = DRAFT_TEXT.find(self.rest()) {
                let end = self.p + m.end();
                self.p = end;
                return Some((Named::Unknown { start: at, end }, end));
            }
            // Something proposed that the registry does not know by that word ("van het
            // voorgestelde screeningsinstrument", "van de voorgestelde wijziging"): named, so
            // not the act the passage was about.
            if determiner && self.t[determiner_at..].starts_with("voorgestelde") {
                if let Some(m) = PROPOSED_THING.find(self.rest()) {
                    let word = m.as_str();
                    if ![
                        "artikel",
                        "artikelen",
                        "lid",
                        "leden",
                        "onderdeel",
                        "bijlage",
                    ]
                    .contains(&word)
                    {
                        let end = self.p + m.end();
                        self.p = end;
                        return Some((Named::Unknown { start: at, end }, end));
                    }
                }
            }
            if let Some(c) = NICKNAMED_EU_ACT.captures(self.rest()) {
                let prefix = c.get(1).map_or("", |p| p.as_str());
                if !REFERRING_PREFIXES.iter().any(|r| prefix.starts_with(r)) {
                    let end = self.p + c.get(0).map_or(0, |m| m.end());
                    self.p = end;
                    return Some((Named::Unknown { start: at, end }, end));
                }
            }
        }
        // A treaty's title with the name it goes on with ("het Handvest van de Verenigde
        // Naties", "het Verdrag inzake Biologische Diversiteit") that the registry does not
        // know: named, so not the instrument the context is about.
        if connector {
            for title in [
                "Handvest",
                "Statuut",
                "Verdrag",
                "Protocol",
                "Conventie",
                "Overeenkomst",
            ] {
                if self.rest().starts_with(title) {
                    if let Some(more) = TITLE_GOES_ON.find(&self.rest()[title.len()..]) {
                        let end = self.p + title.len() + more.end();
                        self.p = end;
                        return Some((Named::Unknown { start: at, end }, end));
                    }
                }
            }
        }
        // A name the registry does not know: an abbreviation ("Wlz", "WGBO") or a law's name
        // ("Omgevingswet", "Wet langdurige zorg"), directly or after "van de".
        if connector || self.p == before_connector {
            if let Some(end) = self.unknown_name() {
                return Some((Named::Unknown { start: at, end }, end));
            }
        }
        // After "van het" / "van de", a decree's or regulation's compound name needs no year
        // ("artikel 3 van de Penitentiaire maatregel", "van het Vuurwerkbesluit", "van de
        // Ambtsinstructie"), nor an agreement's ("van de Associatieovereenkomst EU-Israël"):
        // named, so not the act the passage was about.
        if connector {
            for re in [&UNKNOWN_DECREE, &NAMED_AGREEMENT] {
                if let Some(m) = re.find(self.rest()) {
                    let end = self.p + m.end();
                    if crate::extract::article::registry::is_word_bounded(self.t, self.p, end) {
                        self.p = end;
                        return Some((Named::Unknown { start: at, end }, end));
                    }
                }
            }
        }
        self.p = save;
        None
    }

    fn unknown_name(&mut self) -> Option<usize> {
        let rest = self.rest();
        if let Some(m) = UNKNOWN_LAW.find(rest) {
            // Cut the name at the first word that continues the sentence instead.
            let mut end = 0;
            let mut end_before_previous = 0;
            let mut previous = "";
            for (i, w) in m.as_str().split(' ').enumerate() {
                // A subject pronoun after a verb: the main clause goes on after the name ("de
                // artikelen 36 en 51 van het Verdrag merk ik op"), without that verb.
                if i > 1 && SUBJECT_PRONOUNS.contains(&w) {
                    end = end_before_previous;
                    break;
                }
                if i > 0
                    && (NAME_STOP.contains(&w)
                        || (NAME_JOINERS.contains(&w)
                            && !NAME_PREPOSITIONS.contains(&previous)
                            // "Tabaks- en rookwarenwet": one word, written in two.
                            && !previous.ends_with('-')))
                {
                    break;
                }
                end_before_previous = end;
                end += w.len() + usize::from(i > 0);
                previous = w;
            }
            // A name does not end in a preposition or article ("Wet op de").
            let mut name = &rest[..end];
            while let Some((head, last)) = name.rsplit_once(' ') {
                if NAME_PREPOSITIONS.contains(&last) || NAME_JOINERS.contains(&last) {
                    name = head;
                } else {
                    break;
                }
            }
            let end = name.len();
            let name = &rest[..end];
            let name = name.trim_end_matches([' ', '-']);
            if crate::extract::article::registry::is_word_bounded(
                self.t,
                self.p,
                self.p + name.len(),
            ) && name.len() > 3
            {
                self.p += name.len();
                return Some(self.p);
            }
        }
        if let Some(m) = UNKNOWN_ABBREV.find(rest) {
            let s = m.as_str();
            if !NOT_ABBREVIATIONS.contains(&s)
                && crate::extract::article::registry::is_word_bounded(
                    self.t,
                    self.p,
                    self.p + s.len(),
                )
            {
                self.p += s.len();
                return Some(self.p);
            }
        }
        None
    }
}
