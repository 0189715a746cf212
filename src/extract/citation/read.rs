//! From a matched head to cited targets: the readers named in `data/citation_forms.toml`.
//!
//! A head ends at the first number. What follows is read here, by hand, because where a list
//! ends is a question of what comes next ("nrs. 529, 601 en 642" is a list; "nr. 152 en
//! 26 643, nr. 669" is two citations), and the regex engine has no look-ahead.

use super::forms::{line_local, Form, Reader};
use super::ids;
use crate::record::{Span, TargetKind};
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// One matched citation: its span (head and tail) and the targets it names.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub form: usize,
    pub span: Span,
    pub targets: Vec<Target>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub id: String,
    pub kind: TargetKind,
    pub pinpoint: Option<String>,
}

/// A further number of a list: a separator, an optional repeated "nr.", the number.
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&line_local(r"^(?:\s*(?P<sep>,|&|t/m|[-–])|\s+(?P<word>en|tot en met)\s)\s*(?P<again>(?i:nrs?\.?|nummers?)\s*)?(?P<n>[0-9]{1,5}[a-z]?|[A-Z]{1,3})(?-u:\b)"))
        .expect("valid regex")
});
/// What follows a five-digit list item that is really a dossier written without its space
/// ("nrs. 12 en 26643, nr. 5").
/// A further dossier joined by "en" or "&" after a dossier cited without a paper number.
static JOINED_DOSSIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s(?:en|&)\s(\d{2}\s?\d{3}(?:\s?[-–]\s?(?:\d{1,3}|[IVXLC]{1,6})\b|\s[IVXLC]{1,6}[AB]?\b)?)")
        .expect("valid regex")
});
static NUMBER_WORD_AHEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&line_local(r"^,?\s*(?i:nrs?|nummers?)(?-u:\b)")).expect("valid regex")
});
/// What follows a five-digit list item that is a dossier in the compact form ("en 24724-233",
/// "en 36410-XIV-12").
static COMPACT_NUMBER_AHEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^-(?:[0-9]|[IVXLC]{1,6}-|[A-Z]-)").expect("valid regex"));
/// What follows a list item that is really the start of another dossier ("en 26 643").
static DOSSIER_AHEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&line_local(r"^ ?[0-9]{3}(?-u:\b)")).expect("valid regex"));
/// What may follow the last number of a citation.
static TERMINATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&line_local(
        r"^(?:\s*(?:[,;:.)\]\(\n]|$)|\s+(?:en|&|t/m|tot|p|pp|blz)(?-u:\b)|\s*[-–])",
    ))
    .expect("valid regex")
});
/// A number followed by ", 5": a year in a date, not a list item ("nr. 118 en 2021, 5").
/// A day of a month after a number ("Stb. 2020, 12, 15 mei 2020"): a date, not a list item.
static MONTH_AHEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?i:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b")
        .expect("valid regex")
});
static YEAR_AHEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&line_local(r"^,\s*[0-9]")).expect("valid regex"));
static PINPOINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        &line_local(r"^(?:\s*\([^()\d\n]{3,60}\))?\s*,?\s*(?P<open>\()?\s*(?P<pin>(?:(?i:bijlage)(?:\s+[0-9]{1,2})?\s*,\s*)?(?i:pp?|blz|pag|par)\.?\s*[0-9]+(?:\.[0-9]+)*(?:\s*(?:[-–]|en)\s*[0-9]+(?:\.[0-9]+)*)?(?:\s*e\.\s?v\.)?|§\s*[0-9]+(?:\.[0-9]+)*|(?i:paragraaf|hoofdstuk)\s+[0-9]+(?:\.[0-9]+)*)"),
    )
    .expect("valid regex")
});
/// A further paper of the same dossier after a pinpoint: "nr. 6, p. 15-16; nr. 7, p. 5-6",
/// "nr. 4, p. 12 en 13, en nr. 6". The repeated "nr." is required: after a semicolon a bare
/// number starts something else.
static NEXT_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&line_local(
        r"^\s*(?:[;,]\s*(?:en\s+)?|en\s+)(?i:nr\.?|nummer)\s*(?P<n>[0-9]{1,5}[a-z]?)(?-u:\b)",
    ))
    .expect("valid regex")
});
static GLUED_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&line_local(r"^\.? (?P<n>[0-9]{1,4})(?-u:\b)")).expect("valid regex")
});
static DOSSIER_GOES_ON: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ ?[0-9]{3}(?-u:\b)").expect("valid regex"));
static ITEMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&line_local(
        r"^\s*,?\s*(?i:(?P<word>items?))\s*(?P<n>[0-9]{1,3})(?-u:\b)",
    ))
    .expect("valid regex")
});

/// A further sitting with its own item after a Handelingen item: "nr. 24, item 9 en nr. 25,
/// item 3" cites item 3 of sitting 25, not an item 25 of sitting 24.
static NEXT_SITTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&line_local(
        r"^\s*(?:[;,]\s*(?:en\s+)?|en\s+)(?i:nr\.?|nummer)\s*(?P<sitting>[0-9]{1,3})\s*,\s*(?i:(?P<word>items?))\s*(?P<item>[0-9]{1,3})(?-u:\b)",
    ))
    .expect("valid regex")
});

/// The id prefix of a paper in the citing paper's own dossier, filled in by the extractor,
/// which knows the citing paper (see `CitationExtractor::extract`).
pub const OWN_DOSSIER: &str = "kst-{own}-";

/// The numbers a head's `first` group starts ("nrs. 1102 en 1103"), and where the list ends.
fn listed_numbers(caps: &Captures, text: &str, head: &str) -> Option<(Vec<String>, usize)> {
    let first = caps.name("first")?;
    Some(read_list(
        text,
        first.as_str(),
        first.end(),
        is_plural(head),
        false,
    ))
}

/// Read one matched head of `form` (and its tail in `text`) into targets.
pub fn read(form: &Form, index: usize, caps: &Captures, text: &str) -> Option<Found> {
    let whole = caps.get(0)?;
    let group = |name: &str| caps.name(name).map(|m| m.as_str());
    // Context a form needs but the citation does not include, see `start` below.
    let head_end = caps
        .name("trail")
        .map_or(whole.end(), |trail| trail.start());
    let mut end = head_end;
    let mut targets: Vec<Target> = Vec::new();
    // The dossier of a kamerstuk citation, for further numbers after its pinpoint.
    let mut cited_dossier: Option<String> = None;
    let kind = form.target_kind;
    let target = |id: String, kind: TargetKind| Target {
        id,
        kind,
        pinpoint: None,
    };

    match form.reader {
        Reader::Kamerstuk => {
            let dossier = ids::dossier(group("dossier")?);
            let eerste_kamer = group("chamber").is_some_and(ids::is_eerste_kamer);
            let first = caps
                .name("first")
                // Only the Eerste Kamer numbers its papers with letters: a letter code after
                // the dossier is such a paper when the chamber is named, or when it is a code
                // of one or two letters standing alone ("(Kamerstuk 35 074, F)"); not a longer
                // one (", AVG").
                .or_else(|| {
                    caps.name("letter").filter(|l| {
                        eerste_kamer
                            || (l.as_str().len() <= 2
                                && text[l.end()..]
                                    .chars()
                                    .next()
                                    .is_none_or(|c| ").,;:".contains(c) || c.is_whitespace()))
                    })
                })
                .or_else(|| caps.name("bare"))
                .or_else(|| caps.name("dashed"));
            // A dashed number that runs on after a space ("20 000-30 000") is an amount, not a
            // paper.
            if first.is_some_and(|f| {
                text[..f.start()].ends_with(['-', '–'])
                    && DOSSIER_GOES_ON.is_match(&text[f.end()..])
            }) {
                return None;
            }
            match first {
                Some(first) => {
                    let plural = is_plural(&text[whole.start()..first.start()]);
                    let (first, first_end) =
                        skip_glued_marker(text, first.as_str(), first.start(), first.end());
                    let (numbers, list_end) = read_list(text, first, first_end, plural, true);
                    // A head may go on after its number ("nr. 456 (36800-XVI)").
                    end = list_end.max(head_end);
                    targets.extend(
                        numbers
                            .into_iter()
                            .map(|n| target(format!("kst-{dossier}-{n}"), kind)),
                    );
                    cited_dossier = Some(dossier);
                }
                None if form.dossier_only => {
                    // A letter code the Tweede Kamer does not use (", AVG") is not part of it.
                    if let Some(letter) = caps.name("letter") {
                        end = text[..letter.start()].rfind(',').unwrap_or(letter.start());
                    }
                    targets.push(target(format!("dossier-{dossier}"), TargetKind::Dossier));
                    // "Kamerstukken 36 725 en 36 726": without a paper number the dossiers
                    // joined by "en" are each cited ("32 761 / 30 821" is one paper's two).
                    if let Some(d) = caps.name("dossier") {
                        let mut rest = text.get(d.end()..end).unwrap_or("");
                        while let Some(c) = JOINED_DOSSIER.captures(rest) {
                            let listed = ids::dossier(&c[1]);
                            targets.push(target(format!("dossier-{listed}"), TargetKind::Dossier));
                            rest = &rest[c[0].len()..];
                        }
                    }
                }
                None => return None,
            }
        }
        Reader::Aanhangsel => {
            let vj = ids::vergaderjaar(group("vj")?)?;
            let chamber = ids::chamber_code(group("chamber"));
            let (numbers, list_end) = listed_numbers(caps, text, whole.as_str())?;
            end = list_end;
            targets.extend(
                numbers
                    .into_iter()
                    .map(|n| target(format!("ah-{chamber}-{vj}-{n}"), kind)),
            );
        }
        Reader::Handelingen => {
            let vj = ids::vergaderjaar(group("vj")?)?;
            let chamber = ids::chamber_code(group("chamber"));
            let sitting = caps.name("first")?;
            // "Handelingen II 2008/09, 31 386" without a sitting's number: "31" is the start
            // of a dossier, not a sitting.
            if DOSSIER_GOES_ON.is_match(&text[sitting.end()..]) {
                return None;
            }
            // "nrs. 21 en 22": two sittings, each cited whole.
            if is_plural(&text[whole.start()..sitting.start()]) {
                let (numbers, list_end) =
                    read_list(text, sitting.as_str(), sitting.end(), true, false);
                end = list_end;
                targets.extend(
                    numbers
                        .into_iter()
                        .map(|n| target(format!("h-{chamber}-{vj}-{n}"), kind)),
                );
            } else {
                let sitting = sitting.as_str();
                let base = format!("h-{chamber}-{vj}-{sitting}");
                match ITEMS.captures(&text[end..]) {
                    Some(items) => {
                        let (n, word) = (items.name("n")?, items.name("word")?);
                        let plural = word.as_str().eq_ignore_ascii_case("items");
                        let item_end = end + n.end();
                        let (numbers, list_end) = if NEXT_SITTING.is_match(&text[item_end..]) {
                            (vec![n.as_str().to_string()], item_end)
                        } else {
                            read_list(text, n.as_str(), item_end, plural, false)
                        };
                        end = list_end;
                        targets.extend(
                            numbers
                                .into_iter()
                                .map(|i| target(format!("{base}-{i}"), kind)),
                        );
                        // "en nr. 27, items 3, 4 en 8": each further sitting with its items.
                        while let Some(next) = NEXT_SITTING.captures(&text[end..]) {
                            let (Some(all), Some(s), Some(i), Some(word)) = (
                                next.get(0),
                                next.name("sitting"),
                                next.name("item"),
                                next.name("word"),
                            ) else {
                                break;
                            };
                            let item_end = end + all.end();
                            let (items, list_end) = if word.as_str().eq_ignore_ascii_case("items") {
                                read_list(text, i.as_str(), item_end, true, false)
                            } else {
                                (vec![i.as_str().to_string()], item_end)
                            };
                            targets.extend(items.into_iter().map(|i| {
                                target(format!("h-{chamber}-{vj}-{}-{i}", s.as_str()), kind)
                            }));
                            end = list_end;
                        }
                    }
                    None => targets.push(target(base, kind)),
                }
            }
        }
        Reader::Numbered => {
            let template = form.id_template.as_deref()?;
            let year = group("year")?;
            // A year and its numbers with no "nr." ("Stb. 2018, 290, 291, 292 en 293") list
            // that year's numbers as a plural "nrs." would.
            let first = caps.name("first")?;
            let bare = !whole.as_str().to_ascii_lowercase().contains("nr");
            let (numbers, list_end) = read_list(
                text,
                first.as_str(),
                first.end(),
                bare || is_plural(whole.as_str()),
                false,
            );
            end = list_end;
            targets.extend(
                numbers
                    .into_iter()
                    .map(|n| target(template.replace("{year}", year).replace("{nr}", &n), kind)),
            );
        }
        Reader::Celex => targets.push(target(format!("celex:{}", group("celex")?), kind)),
        Reader::Com => targets.push(target(
            ids::com_celex(
                group("series")?,
                group("year")?,
                group("first")?,
                ids::names_a_proposal(crate::text::window_before(text, whole.start(), 160)),
            )?,
            kind,
        )),
        Reader::Zaak => targets.push(target(format!("kv-tk-{}", group("zaak")?), kind)),
        Reader::OwnDossier => {
            let (numbers, list_end) = listed_numbers(caps, text, whole.as_str())?;
            end = list_end;
            targets.extend(
                numbers
                    .into_iter()
                    .map(|n| target(format!("{OWN_DOSSIER}{n}"), kind)),
            );
        }
        Reader::Url => {
            let id = group("id")?.to_string();
            let kind = ids::kind_of_id(&id);
            targets.push(target(id, kind));
        }
    }
    if targets.is_empty() {
        return None;
    }
    if let Some((pin, pin_end)) = read_pinpoint(text, end) {
        end = pin_end;
        for t in &mut targets {
            t.pinpoint = Some(pin.clone());
        }
        if let Some(dossier) = &cited_dossier {
            while let Some(n) = NEXT_NUMBER.captures(&text[end..]).and_then(|c| c.name("n")) {
                let mut next = target(format!("kst-{dossier}-{}", n.as_str()), kind);
                end += n.end();
                if let Some((pin, pin_end)) = read_pinpoint(text, end) {
                    next.pinpoint = Some(pin);
                    end = pin_end;
                }
                targets.push(next);
            }
        }
    }
    // A form that needs the character before a citation to find it ("; 29911-226") names
    // it `lead` (and one after it `trail`); it is not part of the citation as written.
    let start = caps.name("lead").map_or(whole.start(), |lead| {
        lead.end() + text[lead.end()..].len() - text[lead.end()..].trim_start().len()
    });
    Some(Found {
        form: index,
        span: Span::new(start, end),
        targets,
    })
}

/// "nr.6 229", "nr11. 326": a footnote marker glued to "nr." in the PDF text, then the number.
/// Two numbers in a row are never one citation's number, so the second is the paper's.
fn skip_glued_marker<'t>(
    text: &'t str,
    first: &'t str,
    start: usize,
    end: usize,
) -> (&'t str, usize) {
    let glued = !text[..start].ends_with(char::is_whitespace) && first.len() <= 3;
    match GLUED_NUMBER
        .captures(&text[end..])
        .and_then(|c| c.name("n"))
    {
        Some(n) if glued && first.bytes().all(|b| b.is_ascii_digit()) => {
            (n.as_str(), end + n.end())
        }
        _ => (first, end),
    }
}

fn is_plural(head: &str) -> bool {
    let lower = head.to_ascii_lowercase();
    lower.contains("nrs") || lower.contains("nummers")
}

/// The most numbers one citation list is read for.
const MAX_LIST: usize = 200;

/// The numbers of a list that starts with `first` (ending at `pos`): "529, 601 en 642",
/// ranges "1-3" and "1 t/m 3" expanded. Returns the numbers and where the list ends.
///
/// After a singular "nr." only "en"/"&" and ranges continue a list, and the next number must
/// end the citation: "nr. 665 en 2 andere brieven" is one number; "en nr. 3" names its number
/// as a paper's whatever follows.
fn read_list(
    text: &str,
    first: &str,
    mut pos: usize,
    plural: bool,
    letters: bool,
) -> (Vec<String>, usize) {
    let mut numbers = vec![first.to_string()];
    // Every number's record carries the list as written, so a list must stay a list: past
    // MAX_LIST numbers (real ones name a few dozen at most) the text is not one.
    while numbers.len() < MAX_LIST {
        let Some(c) = LIST_ITEM.captures(&text[pos..]) else {
            break;
        };
        let (Some(whole), Some(n)) = (c.get(0), c.name("n")) else {
            break;
        };
        let n_end = pos + whole.end();
        let rest = &text[n_end..];
        let sep = c
            .name("sep")
            .or_else(|| c.name("word"))
            .map(|m| m.as_str())
            .unwrap_or("");
        let is_range = matches!(sep, "-" | "–" | "t/m" | "tot en met");
        let is_letter = n.as_str().starts_with(|ch: char| ch.is_ascii_uppercase());
        // "en 26 643, nr. 5" or the compact "en 24724-233": the next item is another dossier.
        let dossier_like = n.as_str().len() == 5
            && (NUMBER_WORD_AHEAD.is_match(rest) || COMPACT_NUMBER_AHEAD.is_match(rest));
        if DOSSIER_AHEAD.is_match(rest)
            || dossier_like
            || (is_letter && !letters)
            || MONTH_AHEAD.is_match(rest)
        {
            break;
        }
        // A repeated "nr." ("nr. 2 en nr. 3") says the next number is a paper's too.
        let again = c.name("again").is_some() && sep == "en";
        if !plural
            && !again
            && (sep == "," || !TERMINATOR.is_match(rest) || YEAR_AHEAD.is_match(rest))
        {
            break;
        }
        let previous = numbers.last().and_then(|p| p.parse::<u32>().ok());
        match (is_range, previous, n.as_str().parse::<u32>().ok()) {
            // A range of papers: every number in it is cited. A long range is more likely a
            // page range or a typo, so only its ends are kept.
            (true, Some(from), Some(to)) if to > from && to - from <= 30 => {
                numbers.extend((from + 1..=to).map(|i| i.to_string()));
            }
            _ => numbers.push(n.as_str().to_string()),
        }
        pos = n_end;
    }
    (numbers, pos)
}

/// A pinpoint right after a citation: "p. 4", "pp. 3-4", "blz. 12 e.v.", "(p. 4)", "§ 2.3", also
/// past what the paper is ("nr. 2 (memorie van toelichting), p. 14-16"); a
/// page of the paper's attachment keeps the attachment ("nr. 342, bijlage, p. 31": page 31 of
/// the attachment, not of the paper).
fn read_pinpoint(text: &str, pos: usize) -> Option<(String, usize)> {
    let c = PINPOINT.captures(&text[pos..])?;
    let pin = c.name("pin")?;
    let mut end = pos + pin.end();
    // "p. 23 en 36 350 XV, nr. 2": the number after "en" begins the next paper's dossier
    // number, not a second page.
    let next_dossier = text[end..].strip_prefix(' ').is_some_and(|rest| {
        rest.len() >= 3
            && rest.as_bytes()[..3].iter().all(u8::is_ascii_digit)
            && !rest.as_bytes().get(3).is_some_and(u8::is_ascii_digit)
    });
    if next_dossier {
        if let Some(and) = pin.as_str().rfind(" en ") {
            let page = pin.as_str()[..and].trim_end();
            return Some((page.to_string(), pos + pin.start() + page.len()));
        }
    }
    if c.name("open").is_some() {
        match text[end..].strip_prefix(')') {
            Some(_) => end += 1,
            // "(p. 4" without its bracket: keep the pinpoint, leave the bracket out of it.
            None => return Some((pin.as_str().to_string(), end)),
        }
    }
    Some((pin.as_str().to_string(), end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(text: &str, plural: bool) -> Vec<String> {
        let first_end = text
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len());
        read_list(text, &text[..first_end], first_end, plural, false).0
    }

    #[test]
    fn lists_and_ranges() {
        assert_eq!(list("529, 601 en 642.", true), ["529", "601", "642"]);
        assert_eq!(list("1-3", true), ["1", "2", "3"]);
        assert_eq!(list("12 t/m 14)", true), ["12", "13", "14"]);
        assert_eq!(list("13 en 15 (bijlage)", true), ["13", "15"]);
    }

    #[test]
    fn a_list_stops_before_another_dossier() {
        assert_eq!(list("152 en 26 643, nr. 669", false), ["152"]);
        assert_eq!(list("152 / 26 643", true), ["152"]);
        // The compact form of a decision list: the next item is its own dossier's paper.
        assert_eq!(list("231 en 24724-233", true), ["231"]);
        assert_eq!(list("231 en 36410-XIV-12", true), ["231"]);
        assert_eq!(list("231 en 24724", true), ["231", "24724"]);
    }

    #[test]
    fn a_singular_number_continues_only_when_the_list_clearly_ends() {
        assert_eq!(list("665 en 666.", false), ["665", "666"]);
        assert_eq!(list("665 en 666\nVolgende alinea", false), ["665", "666"]);
        assert_eq!(
            list("665\n12 en 13", true),
            ["665"],
            "a list ends with its line"
        );
        assert_eq!(list("665 en 2 andere brieven", false), ["665"]);
        assert_eq!(list("665, 2021", false), ["665"]);
        assert_eq!(list("118 en 2021, 5", false), ["118"]);
    }

    #[test]
    fn pinpoints() {
        assert_eq!(
            read_pinpoint(", p. 23 en 36 350 XV, nr. 2.", 0),
            Some(("p. 23".to_string(), 7)),
            "the number after \"en\" starts the next paper's dossier"
        );
        assert_eq!(
            read_pinpoint(", p. 12 en 13.", 0).map(|p| p.0).as_deref(),
            Some("p. 12 en 13")
        );
        assert_eq!(
            read_pinpoint(", p. 4.", 0).map(|p| p.0).as_deref(),
            Some("p. 4")
        );
        assert_eq!(
            read_pinpoint(", pp. 3-4", 0).map(|p| p.0).as_deref(),
            Some("pp. 3-4")
        );
        assert_eq!(
            read_pinpoint(" (blz. 12)", 0),
            Some(("blz. 12".to_string(), 10))
        );
        assert_eq!(
            read_pinpoint(", bijlage, p. 31.", 0)
                .map(|p| p.0)
                .as_deref(),
            Some("bijlage, p. 31")
        );
        assert_eq!(
            read_pinpoint(", bijlage 2, blz. 7", 0)
                .map(|p| p.0)
                .as_deref(),
            Some("bijlage 2, blz. 7")
        );
        // An attachment without a page is no pinpoint.
        assert_eq!(read_pinpoint(", bijlage 2.", 0), None);
        assert_eq!(read_pinpoint(" (bijlage nummer 2)", 0), None);
        assert_eq!(read_pinpoint(", 2021", 0), None);
        // Past what the paper is.
        assert_eq!(
            read_pinpoint(" (memorie van toelichting), p. 14-16.", 0)
                .map(|p| p.0)
                .as_deref(),
            Some("p. 14-16")
        );
        assert_eq!(read_pinpoint(" (memorie van toelichting).", 0), None);
    }
}
