//! Canonical ids of cited papers, in the scheme of the publication platform
//! (`../shared/spec/records.md`): the same paper cited in different spellings gets one id,
//! which is what makes the citation graph a graph.

use crate::record::TargetKind;

/// "2021/22", "2021/2022", "2021-2022", "2019–2020", "2021,22" → "20212022".
/// `None` when the two years are not consecutive: then it is no vergaderjaar.
pub fn vergaderjaar(raw: &str) -> Option<String> {
    let digits: Vec<&str> = raw
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect();
    let (first, second) = match digits.as_slice() {
        [a, b] => (*a, *b),
        _ => return None,
    };
    let y: u32 = first.parse().ok().filter(|_| first.len() == 4)?;
    let next: u32 = second.parse().ok()?;
    let consecutive = match second.len() {
        2 => (y + 1) % 100 == next,
        4 => y + 1 == next,
        _ => false,
    };
    consecutive.then(|| format!("{y}{}", y + 1))
}

/// "32 761" → "32761"; "21 501-33" → "21501-33"; "36 600 VII" and "36 600-VII" → "36600-VII";
/// a rijkswet number "(R2112)" is not part of the id.
pub fn dossier(raw: &str) -> String {
    // The main number is five digits, possibly split by a space (or a dot: "33.950"); what
    // follows it, after a dash or a space, is the sub-number or chapter.
    let mut main = String::new();
    let mut split = raw.len();
    for (i, c) in raw.char_indices() {
        if c.is_ascii_digit() {
            main.push(c);
            if main.len() == 5 {
                split = i + 1;
                break;
            }
        } else if !(c == ' ' || (c == '.' && main.len() == 2)) {
            split = i;
            break;
        }
    }
    let rest = raw[split..].split('(').next().unwrap_or("");
    // "19 700 hoofdstuk XV": the chapter without the word.
    let rest = match rest.to_ascii_lowercase().find("hoofdstuk") {
        Some(at) => &rest[at + "hoofdstuk".len()..],
        None => rest,
    };
    let sub: String = rest.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    if sub.is_empty() {
        main
    } else {
        format!("{main}-{sub}")
    }
}

/// The platform's chamber code: Eerste Kamer papers are `ek`, everything else `tk`.
pub fn chamber_code(chamber: Option<&str>) -> &'static str {
    match chamber.map(str::trim) {
        Some(c) if is_eerste_kamer(c) => "ek",
        _ => "tk",
    }
}

/// "I", "EK", "Eerste", "van de Eerste Kamer" (not "II" nor "I/II").
pub fn is_eerste_kamer(chamber: &str) -> bool {
    let c = chamber.trim();
    c == "I" || c == "EK" || c.contains("Eerste")
}

/// A Commission document number as CELEX: "COM", 2021, "206" → "52021PC0206" for a proposal,
/// "52021DC0206" for a communication, white paper or report (EUR-Lex numbers COM documents by
/// what they are, `proposal` is read from the words before the number, see
/// [`names_a_proposal`]).
pub fn com_celex(series: &str, year: &str, number: &str, proposal: bool) -> Option<String> {
    let code = match series {
        "COM" if proposal => "PC",
        "COM" => "DC",
        "SWD" | "SEC" => "SC",
        "JOIN" => "JC",
        _ => return None,
    };
    let n: u32 = number.parse().ok()?;
    Some(format!("celex:5{year}{code}{n:04}"))
}

/// Whether the words before a Commission document number name a proposal ("het voorstel voor
/// een verordening (COM(2021) 206)") rather than a communication, white paper or report ("de
/// mededeling over de digitale strategie (COM(2020) 67)"): the nearer of the two kinds of word
/// decides, and a number named by neither is taken as a proposal, the kind most COM numbers
/// in Kamerstukken are.
pub fn names_a_proposal(before: &str) -> bool {
    const PROPOSAL: [&str; 5] = [
        "voorstel",
        "proposal",
        "verordening",
        "richtlijn",
        "regulation",
    ];
    const OTHER: [&str; 12] = [
        "mededeling",
        "witboek",
        "groenboek",
        "verslag",
        "rapport",
        "strategie",
        "actieplan",
        "werkprogramma",
        "communication",
        "white paper",
        "report",
        "evaluatie",
    ];
    // Only the words of the same sentence: a footnote's line or the sentence before may name
    // another paper ("… het rapport van de Rekenkamer.\n2 COM(2021) 206").
    let sentence_start = before
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            c == '\n'
                || (c == '.'
                    && before[i + 1..].starts_with(' ')
                    && before[i + 2..].starts_with(char::is_uppercase))
        })
        .map_or(0, |(i, _)| i + 1);
    let lower = before[sentence_start..].to_lowercase();
    // A name of an act right before the number is the proposal's own ("de Cyber Resilience Act
    // (COM(2022) 454)", "de Europese Klimaatwet (COM(2020) 80)"), whatever report the
    // sentence mentions before it.
    let name = lower.trim_end().trim_end_matches('(').trim_end();
    let name = name
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    if name.ends_with("act") || name.ends_with("wet") || name.ends_with("verordening") {
        return true;
    }
    let last = |words: &[&str]| words.iter().filter_map(|w| lower.rfind(w)).max();
    match (last(&PROPOSAL), last(&OTHER)) {
        (Some(p), Some(o)) => p > o,
        (None, Some(_)) => false,
        _ => true,
    }
}

/// The dossier and number of a Kamerstuk id: "kst-36602-102" → ("36602", "102"),
/// "kst-21501-07-2035" → ("21501-07", "2035"), "kst-32813-AO" → ("32813", "AO"); None for ids
/// of other series.
pub fn kamerstuk_parts(id: &str) -> Option<(&str, &str)> {
    let rest = id.strip_prefix("kst-")?;
    let (dossier, number) = rest.rsplit_once('-')?;
    let numbered = dossier.starts_with(|c: char| c.is_ascii_digit());
    let named = !number.is_empty() && number.chars().all(|c| c.is_ascii_alphanumeric());
    (numbered && named).then_some((dossier, number))
}

/// The kind of target an id from a platform link names.
pub fn kind_of_id(id: &str) -> TargetKind {
    let prefix = id.split('-').next().unwrap_or("");
    match prefix {
        "kst" => TargetKind::Kamerstuk,
        "ah" => TargetKind::Aanhangsel,
        "h" => TargetKind::Handelingen,
        "kv" => TargetKind::Kamervragen,
        "stcrt" => TargetKind::Staatscourant,
        "stb" => TargetKind::Staatsblad,
        "dossier" => TargetKind::Dossier,
        _ if id.starts_with("celex:") => TargetKind::Eu,
        _ => TargetKind::Other,
    }
}

/// The official page of an id: the publication platform's page for the kinds it publishes
/// (`kst-`, `ah-`, `h-`, `stcrt-`, `stb-`, `trb-`, `blg-`), its dossier page for a dossier, and
/// EUR-Lex for a CELEX number.
pub fn publication_url(id: &str) -> Option<String> {
    const PLATFORM: &str = "https://zoek.officielebekendmakingen.nl";
    let published = ["kst-", "ah-", "h-", "stcrt-", "stb-", "trb-", "blg-"];
    if published.iter().any(|p| id.starts_with(p)) {
        return Some(format!("{PLATFORM}/{id}.html"));
    }
    if let Some(dossier) = id.strip_prefix("dossier-") {
        return Some(format!("{PLATFORM}/dossier/{dossier}"));
    }
    id.strip_prefix("celex:")
        .map(|celex| format!("https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:{celex}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vergaderjaren_in_every_spelling() {
        for raw in [
            "2021/22",
            "2021/2022",
            "2021-2022",
            "2021–2022",
            "2021,22",
            "2021 / 22",
        ] {
            assert_eq!(vergaderjaar(raw).as_deref(), Some("20212022"), "{raw}");
        }
        assert_eq!(vergaderjaar("1999/00").as_deref(), Some("19992000"));
        assert_eq!(vergaderjaar("1999/2000").as_deref(), Some("19992000"));
        assert_eq!(vergaderjaar("2019/2021"), None);
        assert_eq!(vergaderjaar("2021"), None);
    }

    #[test]
    fn dossiers_keep_sub_numbers_and_chapters() {
        assert_eq!(dossier("32 761"), "32761");
        assert_eq!(dossier("32761"), "32761");
        assert_eq!(dossier("21 501-33"), "21501-33");
        assert_eq!(dossier("21 501 - 33"), "21501-33");
        assert_eq!(dossier("36 600-VII"), "36600-VII");
        assert_eq!(dossier("36 600 VII"), "36600-VII");
        assert_eq!(dossier("35 099 (R2112)"), "35099");
        assert_eq!(dossier("27 484 (R 1669)"), "27484");
        assert_eq!(dossier("19 700 hoofdstuk XV"), "19700-XV");
        assert_eq!(dossier("36200-A"), "36200-A");
    }

    #[test]
    fn commission_numbers_become_celex() {
        assert_eq!(
            com_celex("COM", "2021", "206", true).as_deref(),
            Some("celex:52021PC0206")
        );
        assert_eq!(
            com_celex("SWD", "2021", "84", true).as_deref(),
            Some("celex:52021SC0084")
        );
        assert_eq!(com_celex("XYZ", "2021", "84", true), None);
        assert_eq!(
            com_celex("COM", "2020", "65", false).as_deref(),
            Some("celex:52020DC0065")
        );
    }

    #[test]
    fn a_kamerstuk_id_gives_its_dossier_and_number() {
        assert_eq!(
            kamerstuk_parts("kst-21501-32-1601"),
            Some(("21501-32", "1601"))
        );
        assert_eq!(kamerstuk_parts("kst-36600-VII-1"), Some(("36600-VII", "1")));
        assert_eq!(kamerstuk_parts("kst-32813-AO"), Some(("32813", "AO")));
        assert_eq!(kamerstuk_parts("ah-tk-20222023-2904"), None);
        assert_eq!(kamerstuk_parts("kst-brief"), None);
    }

    #[test]
    fn the_nearer_word_says_what_a_commission_document_is() {
        assert!(names_a_proposal(
            "het voorstel voor een verordening inzake AI ("
        ));
        assert!(!names_a_proposal(
            "het witboek over kunstmatige intelligentie ("
        ));
        assert!(!names_a_proposal(
            "het voorstel, zoals aangekondigd in de mededeling over de datastrategie ("
        ));
        assert!(names_a_proposal(
            "de mededeling en het bijbehorende voorstel ("
        ));
        assert!(names_a_proposal("zie ook "));
        assert!(names_a_proposal("het rapport van de Rekenkamer.\n2 "));
        assert!(names_a_proposal("Dat staat in het rapport. Het voorstel ("));
        // The act's own name right before the number, after a report named earlier.
        assert!(names_a_proposal(
            "zal een voortgangsrapport presenteren over de Cyber Resilience Act ("
        ));
        assert!(names_a_proposal(
            "het verslag over de Europese Klimaatwet ("
        ));
    }

    #[test]
    fn publication_links() {
        assert_eq!(
            publication_url("kst-32761-198").as_deref(),
            Some("https://zoek.officielebekendmakingen.nl/kst-32761-198.html")
        );
        assert!(publication_url("ah-tk-20212022-105").is_some());
        assert_eq!(
            publication_url("dossier-36264").as_deref(),
            Some("https://zoek.officielebekendmakingen.nl/dossier/36264")
        );
        assert_eq!(
            publication_url("celex:52021PC0206").as_deref(),
            Some("https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:52021PC0206")
        );
        assert!(publication_url("kv-tk-2024Z16676").is_none());
    }
}
