//! The shapes a reference to a unit takes in Dutch parliamentary prose, parsed by hand from a
//! head word ("artikel", "art.", "overweging", "bijlage", "annex") onwards:
//!
//! ```text
//! chain  := ref (connector ref)*           "artikel 36, tweede lid, in samenhang met artikel 58 AVG"
//! ref    := head item (sep item)* name?    "artikelen 38 en 39 AVG", "artikelen 10 tot en met 14"
//! item   := number parts                   "9, tweede lid, sub a", "4 lid 11", "5(1)(d)"
//! parts  := lid | leden | points | "aanhef" | "e.v."
//! name   := [","] [")"] [van de|bij de|uit ...] [deze|...] instrument
//! ```
//!
//! A hand parser rather than one regular expression because the parts combine freely and each
//! list ("leden 1 en 2", "sub a en sub e", "onder 6 en 7") multiplies the records a reference
//! yields. The grammar knows nothing of instruments: it asks a [`Names`] lookup whether an
//! instrument name starts at a position, so the registry and the letter's own definitions stay
//! in [`super::resolve`].
//!
//! Numbers are kept as written ("4c", "36d", "6:162", "III"). A point is a single letter, a
//! doubled letter, a small roman numeral or a number, so "onder meer" and "onder de" are no
//! points.

use crate::record::Unit;
use regex::Regex;
use std::sync::LazyLock;

/// Where instrument names start, as the grammar needs to know.
pub trait Names {
    /// The end of a known instrument name that starts exactly at `pos`.
    fn name_end_at(&self, pos: usize) -> Option<usize>;
}

/// One unit a reference points to: a record to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub number: String,
    pub paragraph: Option<String>,
    pub point: Option<String>,
    pub subpoint: Option<String>,
}

/// What names the instrument after a reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// A name the [`Names`] lookup knows, at `[start, end)`.
    Known { start: usize, end: usize },
    /// A generic word after "van de"/"van deze": "verordening", "richtlijn", "wet", ...
    Anaphor {
        start: usize,
        end: usize,
        kind: &'static str,
    },
    /// Something that looks like a law's name or abbreviation the registry does not know.
    Unknown { start: usize, end: usize },
    /// "van Boek 7" with no code named after it: that book of the Burgerlijk Wetboek, the
    /// only code these papers cite by its book alone ("artikel 65 van Boek 7").
    Book { start: usize, end: usize, book: u8 },
    /// A bare title ("het Statuut", "het Handvest") standing for the treaty of that title
    /// named last before it, at `[of, of_end)` ("het Statuut van Rome").
    ShortTitle {
        start: usize,
        end: usize,
        of: usize,
        of_end: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefSyntax {
    pub unit: Unit,
    pub start: usize,
    pub end: usize,
    pub parts: Vec<Part>,
    pub named: Option<Named>,
    /// An annex with an arabic number or a letter ("bijlage 1", "bijlage A"): in these papers
    /// mostly an attachment to the letter, so kept only when an instrument is named (Dutch
    /// decrees letter their annexes: "bijlage A bij het Drinkwaterbesluit").
    pub arabic_annex: bool,
}

/// References joined by "en", "in samenhang met", "juncto", ...: a name at the end of the
/// chain belongs to every reference in it that names none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain {
    pub refs: Vec<RefSyntax>,
}

impl Chain {
    pub fn end(&self) -> usize {
        self.refs.last().map(|r| r.end).unwrap_or(0)
    }
}

/// The head words, lower case, each with the unit it introduces.
pub const HEADS: [(&str, Unit); 11] = [
    ("artikelen", Unit::Article),
    ("artikel", Unit::Article),
    ("artt.", Unit::Article),
    ("art.", Unit::Article),
    ("overwegingen", Unit::Recital),
    ("overweging", Unit::Recital),
    ("bijlagen", Unit::Annex),
    ("bijlage", Unit::Annex),
    ("annexen", Unit::Annex),
    ("annexes", Unit::Annex),
    ("annex", Unit::Annex),
];

/// Parse the chain of references whose first head word starts at `start`.
pub fn parse_chain(text: &str, start: usize, names: &dyn Names) -> Option<Chain> {
    let mut refs = vec![parse_ref(text, start, names)?];
    loop {
        let last = refs.last().map(|r| r.end).unwrap_or(start);
        let mut c = Cur { t: text, p: last };
        let Some(next) = c.connector().then_some(c.p) else {
            // "de artikelen 4c WPO en 3.40 WVO 2020": after a reference that named its act, a
            // number with a registered name of its own is the next reference, head word
            // unsaid.
            let Some(prev) = refs.last().filter(|r| r.named.is_some()) else {
                break;
            };
            c.ws();
            if !(c.word("en") || c.word("of")) {
                break;
            }
            c.ws();
            match parse_ref_of(text, c.p, names, Some(prev.unit)) {
                Some(r) if matches!(r.named, Some(Named::Known { .. })) => refs.push(r),
                _ => break,
            }
            continue;
        };
        match parse_ref(text, next, names) {
            Some(r) => refs.push(r),
            None => break,
        }
    }
    Some(Chain { refs })
}

/// "Artikel 53, eerste lid, onder c, van de AI-verordening verplicht aanbieders een beleid in
/// te voeren, en onder d een samenvatting openbaar te maken": a later "en onder d" in the same
/// sentence, with no other unit named between, is the next point of the same article and
/// paragraph, named as the reference before it. Only a letter point after a letter point, and
/// later in the alphabet, so that a stray "onder a" is not read as one.
pub fn gapped_point(text: &str, last: &RefSyntax) -> Option<RefSyntax> {
    static AND_POINT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[\s,])en\s+(?:onder|sub)\s+([a-z])(?:[\s,;.)]|$)").expect("valid regex")
    });
    // What ends the sentence, or names another unit, before the point.
    static STOP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"[.?!;:]\s|\n\n|(?i)\b(?:artikel|artikelen|lid|leden|bijlage|overweging)\b|\bart\.|\d",
        )
        .expect("valid regex")
    });
    let before = last.parts.last()?;
    let point = before.point.as_deref()?;
    if point.len() != 1 || !point.starts_with(|c: char| c.is_ascii_lowercase()) {
        return None;
    }
    let window = text.get(last.end..crate::text::floor_boundary(text, last.end + 300))?;
    let c = AND_POINT.captures(window)?;
    let (whole, letter) = (c.get(0)?, c.get(1)?);
    if STOP.is_match(&window[..whole.start()]) || letter.as_str() <= point {
        return None;
    }
    let start = last.end + whole.start() + whole.as_str().find("en")?;
    Some(RefSyntax {
        unit: last.unit,
        start,
        end: last.end + letter.end(),
        parts: vec![Part {
            point: Some(letter.as_str().to_string()),
            subpoint: None,
            ..before.clone()
        }],
        named: last.named,
        arabic_annex: false,
    })
}

/// "punt 1 van die bijlage", "punten 3 en 4 van deze bijlage": points of the annex a
/// demonstrative points back at, which only the caller knows. Given the place of the head
/// word "bijlage", the start of the reference and the points.
pub fn points_of_that_annex(text: &str, head: usize) -> Option<(usize, Vec<String>)> {
    static POINTS_OF_THAT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:punt|punten|onderdeel|onderdelen)\s+((?:(?:\d{1,3}|[a-z])(?:\s*,\s*|\s+(?:en|of)\s+))*(?:\d{1,3}|[a-z]))\s*,?\s+van\s+(?:die|deze|dezelfde|diezelfde)\s+$")
            .expect("valid regex")
    });
    static LIST: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*,\s*|\s+(?:en|of)\s+").expect("valid regex"));
    let rest = text.get(head..)?;
    let after_head = rest.get("bijlage".len()..)?;
    if !rest.get(.."bijlage".len())?.eq_ignore_ascii_case("bijlage")
        || after_head.starts_with(|c: char| c.is_alphanumeric())
    {
        return None;
    }
    let from = crate::text::ceil_boundary(text, head.saturating_sub(60));
    let c = POINTS_OF_THAT.captures(&text[from..head])?;
    let points: Vec<String> = LIST.split(&c[1]).map(str::to_string).collect();
    points
        .iter()
        .all(|p| valid_point(p, "onder"))
        .then(|| (from + c.get(0).map_or(0, |m| m.start()), points))
}

fn parse_ref(text: &str, start: usize, names: &dyn Names) -> Option<RefSyntax> {
    parse_ref_of(text, start, names, None)
}

/// A reference from its head word, or, given `unit`, from its first number.
fn parse_ref_of(
    text: &str,
    start: usize,
    names: &dyn Names,
    unit: Option<Unit>,
) -> Option<RefSyntax> {
    let mut c = Cur { t: text, p: start };
    let unit = match unit {
        Some(u) => u,
        None => c.head()?,
    };
    c.ws();
    let mut parts: Vec<Part> = Vec::new();
    let mut arabic_annex = false;
    let mut range_from: Option<usize> = None;
    loop {
        let number = match unit {
            Unit::Article => c.article_number()?,
            Unit::Recital => c.re(&RECITAL_NUMBER).map(|m| m[1].to_string())?,
            Unit::Annex => match c.re(&ANNEX_ROMAN) {
                Some(m) => m[1].to_string(),
                None => {
                    arabic_annex = true;
                    c.re(&ARABIC)
                        .or_else(|| c.re(&ANNEX_LETTER))
                        .map(|m| m[1].to_string())?
                }
            },
        };
        let mut item = Item::default();
        if unit != Unit::Recital {
            c.compact(&mut item);
            // A division of an annex before its points ("bijlage I, hoofdstuk I, punt 8") is
            // no unit of the contract: read past it.
            if unit == Unit::Annex {
                c.re(&ANNEX_DIVISION);
            }
            c.parts(&mut item);
        }
        if let Some(from) = range_from.take() {
            expand_range(&mut parts, from, &number);
        }
        push_item(&mut parts, number.clone(), item);
        // "zevende lid jo. vijfde lid, aanhef en onder i": another paragraph of the same
        // number, read with it.
        // So is one after "en" once a paragraph or point was read: "artikel 29, lid 3, onder
        // a, en lid 4" (paragraph 4 without point a).
        let read_parts = parts
            .last()
            .is_some_and(|p| p.paragraph.is_some() || p.point.is_some());
        loop {
            let save = c.p;
            let mut more = Item::default();
            if c.juncto() || (read_parts && c.and_paragraph()) {
                c.parts(&mut more);
            }
            if more.paragraphs.is_empty() {
                c.p = save;
                break;
            }
            push_item(&mut parts, number.clone(), more);
        }
        // Another number of the same head: "38 en 39", "10 tot en met 14", "32, 33 en 35".
        let save = c.p;
        match c.item_separator() {
            Some(is_range) if c.starts_number(unit) => {
                if is_range {
                    range_from = Some(parts.len() - 1);
                }
            }
            _ => {
                c.p = save;
                break;
            }
        }
    }
    let mut r = RefSyntax {
        unit,
        start,
        end: c.p,
        parts,
        named: None,
        arabic_annex,
    };
    if let Some((named, end)) = c.name(names) {
        r.named = Some(named);
        r.end = end;
        // "Annex III bij de conceptverordening, onder 6 en 7": points after the name.
        if r.parts
            .iter()
            .all(|p| p.point.is_none() && p.paragraph.is_none())
        {
            let mut after = Cur { t: text, p: end };
            let mut item = Item::default();
            if after.comma_then_points(&mut item) && !item.points.is_empty() {
                // A point nested in it: "bijlage III bij de AI-verordening, punt 5, onder a".
                after.comma_then_points(&mut item);
                if let Some(last) = r.parts.pop() {
                    push_item(&mut r.parts, last.number, item);
                }
                r.end = after.p;
            }
        }
    }
    if matches!(unit, Unit::Article | Unit::Annex)
        && r.parts.len() == 1
        && r.parts[0].paragraph.is_none()
        && r.parts[0].point.is_none()
    {
        // An annex has points, not paragraphs, before it ("punt 14 van bijlage III").
        let prefix = prefix_before(text, start)
            .filter(|(_, paragraphs, _)| unit == Unit::Article || paragraphs.is_empty());
        if let Some((pstart, paragraphs, point)) = prefix {
            let number = r.parts[0].number.clone();
            r.parts.clear();
            push_item(
                &mut r.parts,
                number,
                Item {
                    paragraphs,
                    points: point.into_iter().collect(),
                    ..Item::default()
                },
            );
            r.start = pstart;
        }
    }
    Some(r)
}

/// Paragraphs and points of one number, before they are multiplied out.
#[derive(Debug, Default)]
struct Item {
    paragraphs: Vec<String>,
    points: Vec<String>,
    point_keyword: Option<String>,
    subpoint: Option<String>,
}

fn push_item(parts: &mut Vec<Part>, number: String, item: Item) {
    for (paragraph, point) in paragraph_point_pairs(item.paragraphs, item.points) {
        parts.push(Part {
            number: number.clone(),
            paragraph,
            point,
            subpoint: item.subpoint.clone(),
        });
    }
}

/// Each paragraph with each point, multiplied out; an empty list stands for one unnamed
/// ("het tweede en derde lid, onder a" is 2a and 3a; "onder a en b" alone is a and b).
pub(super) fn paragraph_point_pairs(
    paragraphs: Vec<String>,
    points: Vec<String>,
) -> Vec<(Option<String>, Option<String>)> {
    let named = |list: Vec<String>| -> Vec<Option<String>> {
        if list.is_empty() {
            vec![None]
        } else {
            list.into_iter().map(Some).collect()
        }
    };
    let (paragraphs, points) = (named(paragraphs), named(points));
    paragraphs
        .iter()
        .flat_map(|paragraph| {
            points
                .iter()
                .map(move |point| (paragraph.clone(), point.clone()))
        })
        .collect()
}

/// "artikelen 10 tot en met 14": the numbers in between are referred to as well. Only plain
/// numbers in a short range are filled in; otherwise both ends stand as written.
/// The longest range ("artikelen 3 tot en met 13") whose articles in between are each recorded.
const MAX_RANGE_SPAN: u32 = 10;

fn expand_range(parts: &mut Vec<Part>, from: usize, to: &str) {
    let Some(first) = parts.get(from) else { return };
    // Numbered within a book or chapter ("3:40 tot en met 3:45" Awb, "2.1 tot en met 2.5"
    // Omgevingswet): the range runs over the last number when the prefix is the same.
    let split = |n: &str| -> (String, String) {
        match n.rfind([':', '.']) {
            Some(i) => (n[..=i].to_string(), n[i + 1..].to_string()),
            None => (String::new(), n.to_string()),
        }
    };
    let ((prefix, a), (to_prefix, b)) = (split(&first.number), split(to));
    if prefix != to_prefix {
        return;
    }
    // "58a tot en met 58f": the letters of one number in between.
    let lettered = |n: &str| -> Option<(String, u8)> {
        let (digits, letter) = n.split_at(n.len().checked_sub(1)?);
        let l = *letter.as_bytes().first()?;
        (!digits.is_empty() && digits.bytes().all(|c| c.is_ascii_digit()) && l.is_ascii_lowercase())
            .then(|| (digits.to_string(), l))
    };
    if let (Some((da, la)), Some((db, lb))) = (lettered(&a), lettered(&b)) {
        if da == db && lb > la + 1 && lb - la <= 12 {
            for l in la + 1..lb {
                parts.push(Part {
                    number: format!("{prefix}{da}{}", l as char),
                    paragraph: None,
                    point: None,
                    subpoint: None,
                });
            }
        }
        return;
    }
    let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>()) else {
        return;
    };
    // A long range is cited as a whole, by its ends ("de artikelen 38 tot en met 54 van
    // Richtlijn 2012/34/EU", "de artikelen 5.1 tot en met 5.25 Wet IB 2001"): the articles in
    // between are not each referred to, and counting would invent inserted ones ("5.2a") or
    // numbers the act skips. A short one ("de artikelen 12 tot en met 14 AVG") names each.
    if b > a + 1 && b - a <= MAX_RANGE_SPAN {
        for n in a + 1..b {
            parts.push(Part {
                number: format!("{prefix}{n}"),
                paragraph: None,
                point: None,
                subpoint: None,
            });
        }
    }
}

/// The points after `from` up to and including `to`: "a".."c" gives b, c; "1".."3" gives 2, 3.
fn points_between(from: &str, to: &str) -> Option<Vec<String>> {
    // As with articles, a long range ("artikel 19, onder a tot en met o, van de richtlijn")
    // is cited as a whole, by its ends; a short one names each point.
    let short = |a: u32, b: u32| b - a <= MAX_RANGE_SPAN;
    if let (Ok(a), Ok(b)) = (from.parse::<u32>(), to.parse::<u32>()) {
        return (b > a && b - a <= 30).then(|| {
            if short(a, b) {
                (a + 1..=b).map(|n| n.to_string()).collect()
            } else {
                vec![to.to_string()]
            }
        });
    }
    let (mut f, mut t) = (from.chars(), to.chars());
    match (f.next(), f.next(), t.next(), t.next()) {
        (Some(a), None, Some(b), None)
            if a.is_ascii_lowercase() && b.is_ascii_lowercase() && b > a =>
        {
            Some(if short(a as u32, b as u32) {
                ((a as u8 + 1)..=(b as u8))
                    .map(|c| (c as char).to_string())
                    .collect()
            } else {
                vec![to.to_string()]
            })
        }
        _ => None,
    }
}

/// A parenthetical gloss: see [`Cur::gloss`].
static GLOSS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t\u{a0}]?\([^()0-9\n]{1,40}\)").expect("valid regex"));
static ARTICLE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    // "9", "4c", "6:162", "6:2:10" (the new Wetboek van Strafvordering's book 6), "5.1", roman
    // "I" (of an amending act), the Kieswet's "J 7", "25 bis", "8 bis quater", and a capital
    // suffix where a text numbers so (the IHR's "13A").
    Regex::new(r"^(\d{1,4}(?:quater|quinquies|sexies|septies|octies|nonies|decies|[A-Z]|[a-z]{0,3})(?::\d{1,4}[a-z]{0,3}){0,2}(?:\.\d{1,4}[a-z]{0,3})*(?: (?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies|undecies|duodecies|terdecies|quaterdecies|quindecies)\b){0,2}|[A-Z] \d{1,3}[a-z]?|[IVXLC]{1,6})")
        .expect("valid regex")
});
/// Whether the words after a number's "ter" make it the preposition: a noun follows, as
/// "ter goedkeuring", "ter inzage", "ter beschikking" (nouns in -ing, and a few others).
fn preposition_ter(after: &str) -> bool {
    const NOUNS: [&str; 14] = [
        "inzage",
        "zake",
        "plaatse",
        "hoogte",
        "gelegenheid",
        "griffie",
        "zitting",
        "informatie",
        "kennisname",
        "discussie",
        "consultatie",
        "illustratie",
        "compensatie",
        "attentie",
    ];
    let Some(word) = after
        .strip_prefix(' ')
        .and_then(|a| a.split_whitespace().next())
    else {
        return false;
    };
    let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    word.starts_with(|c: char| c.is_lowercase()) && (word.ends_with("ing") || NOUNS.contains(&word))
}

/// A number the Kieswet's way, a capital and a number ("N 10", "J 25", "P 19a"), as the next
/// item of a list.
static KIESWET_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z] \d{1,3}[a-z]?\b").expect("valid regex"));
static SUBPARAGRAPH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:(?:eerste|tweede|derde|vierde|vijfde|zesde|laatste)(?:,?\s+(?:en|tot en met)\s+|,\s+))*(?:eerste|tweede|derde|vierde|vijfde|zesde|laatste)\s+(?:alinea|volzin)(?:s|nen)?|(?:alinea|volzin)\s+\d{1,2})(?-u:\b)")
        .expect("valid regex")
});
/// A division of an annex ("hoofdstuk I", "deel A", "afdeling 2") after a comma.
static ANNEX_DIVISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*,\s*(?:hoofdstuk|deel|afdeling|sectie)\s+(?:[IVXLC]{1,6}|[A-Z]|\d{1,2})(?-u:\b)",
    )
    .expect("valid regex")
});
static RECITAL_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3})").expect("valid regex"));
static ROMAN_UPPER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([IVXLC]{1,6})").expect("valid regex"));
/// An annex's roman number, with the letter of an annex added between two ("bijlage IIIc") or
/// of an annex in a lettered series ("bijlage I B", "bijlage IIIA" of Directive 2001/18/EC);
/// not where a list is read on ("artikel 3.80, eerste lid, Vb 2000": "Vb" is the decree).
static ANNEX_ROMAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([IVXLC]{1,6}(?:[a-h](?-u:\b)|\x20?[A-D](?-u:\b))?)").expect("valid regex")
});
static ANNEX_LETTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([A-Z])(?-u:\b)").expect("valid regex"));
static ARABIC: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{1,3})").expect("valid regex"));
static POINT: LazyLock<Regex> = LazyLock::new(|| {
    // A point inserted after another keeps its Latin suffix: "punt 10 quater" (EU annexes).
    Regex::new(r"^(\d{1,3}(?:\.\d{1,3})*[a-z]?[°º]?(?: (?:bis|ter|quater|quinquies|sexies|septies|octies)\b)?|[a-z]{1,4}|[A-Z][a-z]?)").expect("valid regex")
});
static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([\p{L}]+)").expect("valid regex"));
/// A Dutch ordinal word's number: "eerste" 1, "tweeëntwintigste" 22; up to ninety-nine.
pub(crate) fn ordinal(word: &str) -> Option<u32> {
    const SIMPLE: [&str; 20] = [
        "eerste",
        "tweede",
        "derde",
        "vierde",
        "vijfde",
        "zesde",
        "zevende",
        "achtste",
        "negende",
        "tiende",
        "elfde",
        "twaalfde",
        "dertiende",
        "veertiende",
        "vijftiende",
        "zestiende",
        "zeventiende",
        "achttiende",
        "negentiende",
        "twintigste",
    ];
    const UNITS: [&str; 9] = [
        "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen",
    ];
    const TENS: [(&str, u32); 8] = [
        ("twintigste", 20),
        ("dertigste", 30),
        ("veertigste", 40),
        ("vijftigste", 50),
        ("zestigste", 60),
        ("zeventigste", 70),
        ("tachtigste", 80),
        ("negentigste", 90),
    ];
    let w = word.to_lowercase();
    if let Some(i) = SIMPLE.iter().position(|s| *s == w) {
        return Some(i as u32 + 1);
    }
    for (tens, value) in TENS {
        if w == tens {
            return Some(value);
        }
        // "eenentwintigste"; after a vowel the joint carries a trema: "tweeëntwintigste".
        let head = w
            .strip_suffix(tens)
            .and_then(|h| h.strip_suffix("en").or_else(|| h.strip_suffix("ën")));
        if let Some(head) = head {
            if let Some(u) = UNITS.iter().position(|u| *u == head) {
                return Some(value + u as u32 + 1);
            }
        }
    }
    // "1e lid", "2de lid"
    let digits = w
        .strip_suffix("ste")
        .or_else(|| w.strip_suffix("de"))
        .or_else(|| w.strip_suffix('e'))?;
    digits.parse().ok().filter(|n| (1..=99).contains(n))
}

/// Small roman numerals, as points are numbered ("onder iii").
const ROMAN_POINTS: [&str; 12] = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
];

/// Whether point `p` after the letter point `last` is a roman subpoint of it: a roman numeral
/// that is not the letter after `last` ("d, i" and "d, ii", not "h, i" or "u, v").
fn roman_within_letter(last: &str, p: &str) -> bool {
    let mut letter = last.chars();
    let (Some(l), None) = (letter.next(), letter.next()) else {
        return false;
    };
    let follows = p.len() == 1 && p.chars().next() == char::from_u32(l as u32 + 1);
    l.is_ascii_lowercase() && ROMAN_POINTS.contains(&p) && !follows
}

/// Whether the point after the one-letter point `p` (in `rest`, the text after it) is the letter
/// that follows `p` in the alphabet ("i en j", "v, w"): then `p` is a letter, not a roman
/// numeral.
fn next_letter_follows(p: &str, rest: &str) -> bool {
    static NEXT_POINT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:,\s*(?:en\s+|of\s+)?|\s+(?:en|of|en/of)\s+)(?:onder\s+|sub\s+)?([a-z])(?-u:\b)")
            .expect("valid regex")
    });
    let mut letter = p.chars();
    let (Some(l), None) = (letter.next(), letter.next()) else {
        return false;
    };
    NEXT_POINT
        .captures(rest)
        .and_then(|c| c[1].chars().next())
        .is_some_and(|n| Some(n) == char::from_u32(l as u32 + 1))
}

/// A point as written: one letter, a doubled letter ("aa"), a small roman numeral, a number.
fn valid_point(p: &str, keyword: &str) -> bool {
    let first = p.chars().next().unwrap_or(' ');
    if first.is_ascii_digit() {
        return true;
    }
    // An amending act's parts: "onderdeel B", and one inserted after it "onderdeel Ba"; a
    // law's capital points ("artikel 3, aanhef en onder B, van de Opiumwet").
    if first.is_ascii_uppercase() {
        return match keyword {
            "onderdeel" => p.len() == 1 || (p.len() == 2 && p.as_bytes()[1].is_ascii_lowercase()),
            "onder" | "sub" => p.len() == 1,
            _ => false,
        };
    }
    let b = p.as_bytes();
    p.len() == 1 || (p.len() == 2 && b[0] == b[1]) || ROMAN_POINTS.contains(&p)
}

/// "het tweede lid van artikel 9", "onderdeel e van het eerste lid van artikel 6", "het
/// tweede en derde lid van artikel 5", "de leden 2 en 3 van artikel 5", "punt 14 van bijlage
/// III": the paragraphs and point written before the head word.
fn prefix_before(text: &str, head: usize) -> Option<(usize, Vec<String>, Option<String>)> {
    static LID_VAN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"{LID_BEFORE}van\s+$")).expect("valid regex"));
    static POINT_VAN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            // With a division of an annex between: "punt 2 van hoofdstuk I van bijlage I".
            r"(?i)(?-u:\b)(?:sub|onder|onderdeel|punt)\s+([a-z]{1,4}|\d{1,3}(?: (?:bis|ter|quater|quinquies|sexies|septies|octies))?)\s*,?\s+van\s+(?:(?:hoofdstuk|deel|afdeling|sectie)\s+(?:[IVXLC]{1,6}|[A-Z]|\d{1,2})\s*,?\s+van\s+)?$",
        )
        .expect("valid regex")
    });
    let from = crate::text::ceil_boundary(text, head.saturating_sub(90));
    let window = &text[from..head];
    if let Some(found) = paragraphs_in(&LID_VAN, window, from) {
        return Some(found);
    }
    let c = POINT_VAN.captures(window)?;
    let point = c[1].to_string();
    valid_point(&point, "onder").then(|| {
        (
            from + c.get(0).map(|m| m.start()).unwrap_or(0),
            Vec::new(),
            Some(point),
        )
    })
}

/// Paragraphs (and a point) written before a head word, up to "van ": "onderdeel e van het
/// eerste lid van", "het tweede en (het) derde lid van", "de leden 2 en 3 van". Completed by what
/// must stand between "van" and the head word.
const LID_BEFORE: &str = r"(?i)(?:(?-u:\b)(?:sub|onder|onderdeel)\s+([a-z]{1,4}|\d{1,3})\s*,?\s+(?:van\s+)?)?(?:(?-u:\b)(?:het|de)\s+)?(?:(?-u:\b)((?:[a-z]+\s*,\s*(?:het\s+)?)*(?:[a-z]+\s+(?:en|of)\s+(?:het\s+)?)?[a-z]+)\s+(?:lid|leden)|(?-u:\b)(?:lid|leden)\s+((?:\d{1,3}\s*,\s*)*(?:\d{1,3}\s+(?:en|of)\s+)?\d{1,3}))\s*,?\s+";

/// "het tweede lid van dat artikel", "de leden 2 en 3 van hetzelfde artikel": paragraphs of
/// the article a demonstrative points back at, which only the caller knows. Given the place
/// of the head word "artikel" (with no number after it), the start of the reference, the
/// paragraphs and a point.
pub fn paragraphs_of_that_article(
    text: &str,
    head: usize,
) -> Option<(usize, Vec<String>, Option<String>)> {
    static LID_VAN_THAT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"{LID_BEFORE}van\s+(?:dat|dit|datzelfde|hetzelfde|dat\s+laatste)\s+$"
        ))
        .expect("valid regex")
    });
    let after_head = text.get(head..)?.get("artikel".len()..)?;
    if after_head.starts_with(|c: char| c.is_alphanumeric())
        || after_head
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let from = crate::text::ceil_boundary(text, head.saturating_sub(90));
    paragraphs_in(&LID_VAN_THAT, &text[from..head], from)
}

/// "het tweede lid, onder a en b, van dat artikel", "het eerste lid, onderdeel b, van dat
/// artikel": one paragraph and its points, written
/// before a demonstrative's head word "artikel". Given the place of the head word, the start
/// of the reference, the paragraph and the points.
pub fn paragraph_points_of_that_article(
    text: &str,
    head: usize,
) -> Option<(usize, String, Vec<String>)> {
    static LID_POINTS_VAN_THAT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:het|de)\s+([a-z]+)\s+lid\s*,\s*(?:onderdelen|onderdeel|onder|sub|punten|punt)\s+((?:[a-z]|\d{1,2})(?:\s*,\s*(?:[a-z]|\d{1,2}))*(?:\s+(?:en|of)\s+(?:[a-z]|\d{1,2}))?)\s*,\s+van\s+(?:dat|dit|datzelfde|hetzelfde)\s+$")
            .expect("valid regex")
    });
    static LIST: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*,\s*|\s+(?:en|of)\s+").expect("valid regex"));
    let from = crate::text::ceil_boundary(text, head.saturating_sub(90));
    let c = LID_POINTS_VAN_THAT.captures(&text[from..head])?;
    let paragraph = ordinal(&c[1])?.to_string();
    let points: Vec<String> = LIST.split(&c[2]).map(str::to_string).collect();
    points
        .iter()
        .all(|p| valid_point(p, "onder"))
        .then(|| (from + c.get(0).map_or(0, |m| m.start()), paragraph, points))
}

/// "Het tweede lid bepaalt ...", "In het derde lid, onder a, is geregeld ...", "onderdeel d van
/// het tweede lid": paragraphs that name no article, which legal prose writes to go on about
/// the article it has just referred to. The first such reference in `text[from..to]`, as
/// (start, end, paragraphs, points). Not one with "van" after it ("het tweede lid van artikel
/// 17", "het eerste lid van de commissie"): that names its own article, or is no paragraph.
/// Points after the paragraph may be a pair or a range ("In het derde lid, onder a tot en met
/// c", "In het eerste lid, onderdeel a, wordt ... vervangen" of an amending text, "De in het
/// eerste lid, onderdelen a en b, opgenomen voorwaarden").
pub fn bare_paragraphs(
    text: &str,
    from: usize,
    to: usize,
) -> Option<(usize, usize, Vec<String>, Vec<String>)> {
    static BARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^\p{L}])(?:(?:[Oo]nderdelen|[Oo]nderdeel|[Oo]nder|[Ss]ub|[Pp]unten|[Pp]unt)\s+([a-z]{1,4}|\d{1,3})(?:\s+(?:en|of)\s+([a-z]{1,4}|\d{1,3}))?\s*,?\s+van\s+)?[Hh]et\s+((?:\p{L}+\s*,\s*)*(?:\p{L}+\s+en\s+)?\p{L}+)\s+lid(?:\s*,\s*(?:onderdelen|onderdeel|onder|sub|punten|punt)\s+([a-z]{1,4}|\d{1,3})(?:\s+(tot\s+en\s+met|en|of)\s+([a-z]|\d{1,3}))?(?:\s*,)?)?(?:[^\p{L}\d]|$)")
            .expect("valid regex")
    });
    static NAMES_ITS_OWN: LazyLock<Regex> =
        // Also past a list of points: "Het derde lid, onder a en c, van dat artikel".
        LazyLock::new(|| {
            Regex::new(r"^(?:\s*(?:,|en|of)\s*[a-z0-9]{1,4}(?-u:\b))*\s*,?\s*(?:van|onder|sub)\b")
                .expect("valid regex")
        });
    static LIST: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*,\s*|\s+en\s+").expect("valid regex"));
    let window = text.get(from..to)?;
    // A cheap test first: most text after a reference names no paragraph.
    if !window.contains(" lid") {
        return None;
    }
    for c in BARE.captures_iter(window) {
        let (Some(words), Some(all)) = (c.get(3), c.get(0)) else {
            continue;
        };
        let lid_end = match c.get(6).or_else(|| c.get(4)) {
            Some(point) => point.end(),
            None => words.end() + window[words.end()..].find("lid")? + "lid".len(),
        };
        if NAMES_ITS_OWN.is_match(&window[lid_end..]) {
            continue;
        }
        let paragraphs: Option<Vec<String>> = LIST
            .split(words.as_str())
            .map(|w| ordinal(w).map(|n| n.to_string()))
            .collect();
        let Some(paragraphs) = paragraphs else {
            continue;
        };
        // A point or two before its paragraph ("onderdeel d van het tweede lid", "de
        // onderdelen d en e van het tweede lid") or after it, with the last of a pair or a
        // range ("onder a en b", "onder a tot en met c").
        let first = c
            .get(1)
            .or_else(|| c.get(4))
            .map(|m| m.as_str().to_string());
        let mut points: Vec<String> = first.into_iter().collect();
        points.extend(c.get(2).map(|m| m.as_str().to_string()));
        if let (Some(how), Some(last), Some(first)) = (c.get(5), c.get(6), points.first()) {
            match how.as_str() {
                "en" | "of" => points.push(last.as_str().to_string()),
                _ => points.extend(points_between(first, last.as_str()).unwrap_or_default()),
            }
        }
        if !points.iter().all(|p| valid_point(p, "onder")) {
            points.clear();
        }
        let lead = all
            .as_str()
            .find(|ch: char| ch.is_alphabetic())
            .unwrap_or(0);
        let start = from + all.start() + lead;
        return Some((start, from + lid_end, paragraphs, points));
    }
    None
}

fn paragraphs_in(
    re: &Regex,
    window: &str,
    from: usize,
) -> Option<(usize, Vec<String>, Option<String>)> {
    static LIST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s*,\s*(?:het\s+)?|\s+(?:en|of)\s+(?:het\s+)?").expect("valid regex")
    });
    if let Some(c) = re.captures(window) {
        // A list counts when every item reads as a paragraph ("tweede en derde"); else only
        // the word before "lid" does ("de bevoegdheid en tweede lid").
        let paragraphs: Option<Vec<String>> = match (c.get(2), c.get(3)) {
            (Some(w), _) => {
                let items: Vec<&str> = LIST.split(w.as_str()).collect();
                let read = |ws: &[&str]| -> Option<Vec<String>> {
                    ws.iter()
                        .map(|w| ordinal(w).map(|n| n.to_string()))
                        .collect()
                };
                read(&items).or_else(|| read(&items[items.len().saturating_sub(1)..]))
            }
            (_, Some(n)) => Some(LIST.split(n.as_str()).map(str::to_string).collect()),
            _ => None,
        };
        if let Some(paragraphs) = paragraphs {
            let point = c
                .get(1)
                .map(|m| m.as_str().to_string())
                .filter(|p| valid_point(p, "onder"));
            let start = from + c.get(0).map(|m| m.start()).unwrap_or(0);
            return Some((start, paragraphs, point));
        }
    }
    None
}

/// A position in the text with small parsers that move it only when they match.
pub(super) struct Cur<'t> {
    pub(super) t: &'t str,
    pub(super) p: usize,
}

impl<'t> Cur<'t> {
    pub(super) fn rest(&self) -> &'t str {
        &self.t[self.p..]
    }

    /// Spaces within a paragraph (never the blank line between paragraphs).
    pub(super) fn ws(&mut self) {
        let rest = self.rest();
        let mut n = 0;
        for ch in rest.chars() {
            if ch == ' '
                || ch == '\t'
                || ch == '\u{a0}'
                || (ch == '\n' && !rest[n + 1..].starts_with('\n'))
            {
                n += ch.len_utf8();
            } else {
                break;
            }
        }
        self.p += n;
    }

    /// A literal (case-insensitive) that ends at a word boundary.
    pub(super) fn word(&mut self, w: &str) -> bool {
        let rest = self.rest();
        if rest.len() >= w.len()
            && rest.is_char_boundary(w.len())
            && rest[..w.len()].eq_ignore_ascii_case(w)
        {
            let after = rest[w.len()..].chars().next();
            let ends_word = w.ends_with(|c: char| !c.is_alphanumeric())
                || !after.is_some_and(|c| c.is_alphanumeric());
            if ends_word {
                self.p += w.len();
                return true;
            }
        }
        false
    }

    pub(super) fn punct(&mut self, ch: char) -> bool {
        if self.rest().starts_with(ch) {
            self.p += ch.len_utf8();
            true
        } else {
            false
        }
    }

    /// Steps over a short parenthetical gloss after a reference: "artikel 114 (MiFIR) van het
    /// VWEU", "artikel 9 (bijzondere persoonsgegevens) van de AVG". The gloss says what the
    /// unit is about or for; the instrument is named after it. No digits inside, so a
    /// reference or date in parentheses is never stepped over.
    pub(super) fn gloss(&mut self) -> bool {
        match GLOSS.find(self.rest()) {
            Some(m) => {
                self.p += m.end();
                true
            }
            None => false,
        }
    }

    pub(super) fn re(&mut self, re: &Regex) -> Option<regex::Captures<'t>> {
        let rest: &'t str = self.rest();
        let c = re.captures(rest)?;
        let len = c.get(0)?.len();
        self.p += len;
        Some(c)
    }

    /// The head word; it must start a word.
    fn head(&mut self) -> Option<Unit> {
        if self.t[..self.p]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric())
        {
            return None;
        }
        for (w, unit) in HEADS {
            if self.word(w) {
                return Some(unit);
            }
        }
        None
    }

    fn article_number(&mut self) -> Option<String> {
        let save = self.p;
        let mut m = self.re(&ARTICLE_NUMBER)?[1].to_string();
        // "het werkplan van artikel 16 ter goedkeuring voorleggen": the Dutch preposition
        // "ter" before its noun, not the Latin "16 ter".
        if m.ends_with(" ter") && preposition_ter(self.rest()) {
            m.truncate(m.len() - " ter".len());
            self.p -= " ter".len();
        }
        // A number glued to a word is no article number: "Artikel 29-werkgroep", "artikel 5x2".
        let rest = self.rest();
        let bad_tail = rest.starts_with(|c: char| c.is_alphanumeric() || c == '°' || c == 'º')
            || (rest.starts_with('-') && rest[1..].starts_with(|c: char| c.is_alphabetic()));
        if bad_tail {
            self.p = save;
            return None;
        }
        Some(m)
    }

    fn starts_number(&self, unit: Unit) -> bool {
        let rest = self.rest();
        let numeric = rest.starts_with(|c: char| c.is_ascii_digit());
        let roman = ROMAN_UPPER
            .find(rest)
            .is_some_and(|m| !rest[m.end()..].starts_with(|c: char| c.is_alphanumeric()));
        // The Kieswet's lettered numbers go on a list as well: "de artikelen N 9, N 10 en N 11".
        let lettered = unit == Unit::Article && KIESWET_NUMBER.is_match(rest);
        if !(numeric || lettered || (roman && unit != Unit::Recital)) {
            return false;
        }
        // "artikel 4, 11 mei": a date, not another article.
        let mut c = Cur {
            t: self.t,
            p: self.p,
        };
        if c.re(&ARABIC).is_some() {
            // "artikel 23, vierde lid, 10% afgeroomd": a share, not another article.
            let rest = c.rest().trim_start();
            if rest.starts_with('%') {
                return false;
            }
            c.ws();
            if let Some(w) = c.re(&WORD) {
                let w = w[1].to_lowercase();
                if crate::extract::dates::MONTHS.contains(&w.as_str())
                    || w == "jl"
                    || w == "procent"
                {
                    return false;
                }
            }
        }
        true
    }

    /// "5(1)(d)": paragraph and point in brackets right after the number.
    fn compact(&mut self, item: &mut Item) {
        static PAR: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^\((\d{1,3}[a-z]?)\)").expect("valid regex"));
        static PT: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^\(([a-z]{1,4}|\d{1,3})\)").expect("valid regex"));
        if let Some(m) = self.re(&PAR) {
            item.paragraphs.push(m[1].to_string());
            if let Some(m) = self.re(&PT) {
                if valid_point(&m[1], "onder") {
                    item.points.push(m[1].to_string());
                }
            }
        }
    }

    /// Paragraphs, points and noise words after a number, in any order.
    fn parts(&mut self, item: &mut Item) {
        loop {
            let save = self.p;
            self.ws();
            let comma = self.punct(',');
            if comma {
                self.ws();
            }
            if self.word("e.v.") || self.word("en volgende") {
                continue;
            }
            if self.word("aanhef") {
                let after = self.p;
                self.ws();
                if !(self.punct(',') || self.word("en")) {
                    self.p = after;
                }
                continue;
            }
            if item.paragraphs.is_empty() && self.paragraphs(item) {
                continue;
            }
            if self.points(item) {
                continue;
            }
            // A point numbered with a degree sign and no keyword after a paragraph ("artikel
            // 22, § 1, 5°", as Belgian codes are cited).
            if comma && !item.paragraphs.is_empty() && item.points.is_empty() {
                if let Some(m) = self.re(&DEGREE_POINT) {
                    item.points.push(m[1].to_string());
                    continue;
                }
            }
            // Another point after a nested one: "onder a, sub 2, en onder b, sub 2".
            if item.subpoint.is_some() {
                let before_en = self.p;
                if self.word("en") {
                    self.ws();
                    if self.points(item) {
                        continue;
                    }
                }
                self.p = before_en;
            }
            // A subparagraph or sentence of a paragraph ("vijfde lid, eerste alinea, onder c";
            // "onderdeel c, tweede volzin"; an article's own "188, tweede alinea, VWEU") is no
            // unit of the contract: read past it.
            if (comma || !(item.paragraphs.is_empty() && item.points.is_empty()))
                && self.re(&SUBPARAGRAPH).is_some()
            {
                continue;
            }
            self.p = save;
            break;
        }
    }

    /// "tweede lid", "eerste en tweede lid", "lid 2", "leden 1 en 2".
    fn paragraphs(&mut self, item: &mut Item) -> bool {
        let save = self.p;
        // Ordinals before "lid".
        let mut found: Vec<u32> = Vec::new();
        let mut range = false;
        loop {
            let before = self.p;
            let Some(w) = self
                .re(&WORD)
                .map(|m| m[1].to_string())
                .or_else(|| self.re(&NUMERIC_ORDINAL).map(|m| m[1].to_string()))
            else {
                break;
            };
            let Some(n) = ordinal(&w) else {
                self.p = before;
                break;
            };
            if range {
                if let Some(&a) = found.last() {
                    found.extend((a + 1..n).take(30));
                }
                range = false;
            }
            found.push(n);
            self.ws();
            let sep = self.p;
            if self.punct(',') {
                self.ws();
            }
            if self.word("tot en met") || self.word("t/m") {
                range = true;
            } else if !(self.word("en") || self.word("of")) && self.p == sep {
                break;
            }
            self.ws();
        }
        if !found.is_empty() {
            self.ws();
            if self.word("lid") || self.word("leden") {
                item.paragraphs.extend(found.iter().map(|n| n.to_string()));
                return true;
            }
            self.p = save;
            return false;
        }
        // "lid 2", "leden 1 en 2", "leden 1 tot en met 3", "leden 2, 3 en 4".
        let plural = self.word("leden");
        // "§ 1": a paragraph by its sign, as Belgian and German law number them.
        if plural || self.word("lid") || self.word("§") {
            let mut nums = Vec::new();
            let mut range = false;
            loop {
                self.ws();
                let Some(m) = self.re(&PARAGRAPH_NUMBER) else {
                    break;
                };
                let number = m[1].to_string();
                if range {
                    let from = nums.last().and_then(|n: &String| n.parse::<u32>().ok());
                    if let (Some(a), Ok(b)) = (from, number.parse::<u32>()) {
                        nums.extend((a + 1..b).take(30).map(|n| n.to_string()));
                    }
                }
                nums.push(number);
                let after = self.p;
                self.ws();
                let comma = self.punct(',');
                if comma {
                    self.ws();
                }
                range = self.word("tot en met") || self.word("t/m");
                // Only the plural goes on past a comma: after "lid 2," a number may begin the
                // next article of a list ("de artikelen 4, lid 2, 5 en 6").
                if !(range || self.word("en") || self.word("of") || (comma && plural))
                    || !self
                        .rest()
                        .trim_start()
                        .starts_with(|c: char| c.is_ascii_digit())
                {
                    self.p = after;
                    break;
                }
            }
            if !nums.is_empty() {
                item.paragraphs.extend(nums);
                return true;
            }
        }
        self.p = save;
        false
    }

    /// "sub a", "onder d", "onderdeel i, onder 1", "sub a en sub e", "sub b, sub c", "punt 4".
    fn points(&mut self, item: &mut Item) -> bool {
        let save = self.p;
        // "artikel 3, tweede punt, van Richtlijn 2001/83/EG": an ordinal before "punt" numbers
        // the point, as "punt 2" does.
        if let Some(n) = self.re(&WORD).and_then(|m| ordinal(&m[1])) {
            self.ws();
            if self.word("punt") {
                item.points.push(n.to_string());
                return true;
            }
        }
        self.p = save;
        let Some(keyword) = self.point_keyword() else {
            return false;
        };
        self.ws();
        let mut list: Vec<String> = Vec::new();
        let mut last_end = self.p;
        // The keyword was said again before this point ("onder f, onder 1°").
        let mut keyword_again = false;
        // The point was joined by a conjunction ("onder e en onder i", "onder b, en onder i"): a
        // sibling, never a point within the one before (that takes a comma alone: "onder d,
        // i").
        let mut by_conjunction = false;
        let mut nested = None;
        loop {
            let Some(m) = self.re(&POINT) else {
                self.p = last_end;
                break;
            };
            // The point as written ("2°", as the records contract asks); its number for the
            // tests and ranges below.
            let written = m[1].to_string();
            let p = written.trim_end_matches(['°', 'º']).to_string();
            let sign = written[p.len()..].to_string();
            let rest = self.rest();
            let glued = rest.starts_with(|c: char| c.is_alphanumeric())
                || rest.starts_with(".v.")
                || (rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_alphanumeric()));
            if glued || !valid_point(&p, &keyword) {
                self.p = last_end;
                break;
            }
            // The points of one list are all letters or all numbers. A number after letters is
            // a point within the last one when the keyword is said again ("onder f, onder
            // 1°"), and otherwise the next article of a list ("de artikelen 13, tweede lid,
            // onder f, 14, tweede lid, onder g, en 15").
            let numeric = |q: &str| q.starts_with(|c: char| c.is_ascii_digit());
            // Nor does a list change case: after "onderdeel e," a capital word is the act's
            // abbreviation ("onderdeel e, Ow"), not a point "Ow" beside "e".
            let capital = |q: &str| q.starts_with(|c: char| c.is_ascii_uppercase());
            if list.first().is_some_and(|first| {
                !numeric(first) && !numeric(&p) && capital(first) != capital(&p)
            }) {
                self.p = last_end;
                break;
            }
            if list
                .first()
                .is_some_and(|first| numeric(first) != numeric(&p))
            {
                if keyword_again {
                    nested = Some(written);
                } else {
                    self.p = last_end;
                }
                break;
            }
            // A roman numeral after a letter that it does not follow in the alphabet is a
            // point within that letter ("onder d, i tot en met iii"; but "onder h, i en j").
            // Not when the letter after it follows in the list ("onder g, i en j": the letters
            // g, i and j).
            if !by_conjunction
                && list
                    .last()
                    .is_some_and(|last| roman_within_letter(last, &p))
                && !next_letter_follows(&p, rest)
            {
                nested = Some(p);
                // "i tot en met iii": the subpoints' range is read past, not expanded.
                let save = self.p;
                self.ws();
                if self.word("tot en met") || self.word("t/m") {
                    self.ws();
                    if self.re(&POINT).is_none() {
                        self.p = save;
                    }
                } else {
                    self.p = save;
                }
                break;
            }
            list.push(written.clone());
            last_end = self.p;
            // A range of points: "onder a tot en met c" names a, b and c ("1° tot en met 3°":
            // 2° and 3°).
            if let Some(between) = self.point_range(&p, &keyword) {
                list.extend(between.into_iter().map(|b| format!("{b}{sign}")));
                last_end = self.p;
            }
            // Another point of the same list: "a en e", "a en sub e", "b, sub c", "6 en 7".
            let after = self.p;
            self.ws();
            let comma = self.punct(',');
            self.ws();
            let conj = ["en/of", "en", "of", "respectievelijk", "dan wel"]
                .iter()
                .any(|w| self.word(w));
            self.ws();
            let same_keyword = {
                let k = self.p;
                match self.point_keyword() {
                    Some(kw) if kw == keyword => {
                        self.ws();
                        true
                    }
                    Some(_) => {
                        self.p = k;
                        false
                    }
                    None => false,
                }
            };
            if !(comma || conj || same_keyword) {
                self.p = after;
                break;
            }
            keyword_again = same_keyword;
            // "onder b, en onder i": the conjunction with the keyword said again joins
            // siblings, the comma before it notwithstanding.
            by_conjunction = conj && (!comma || same_keyword);
            if !self.rest().starts_with(|c: char| c.is_ascii_alphanumeric()) {
                self.p = after;
                break;
            }
        }
        if list.is_empty() {
            self.p = save;
            return false;
        }
        if nested.is_some() && item.subpoint.is_none() {
            item.subpoint = nested;
        }
        match &item.point_keyword {
            None => {
                item.points = list;
                item.point_keyword = Some(keyword);
            }
            // A nested point ("onderdeel a, onder 2°"); said again after the next point of the
            // list ("onder a, sub 2, en onder b, sub 2") it is that point's own.
            Some(first) if *first != keyword => {
                if item.subpoint.is_none() {
                    item.subpoint = list.into_iter().next()
                }
            }
            Some(_) => item.points.extend(list),
        }
        true
    }

    /// After point `from`: "tot en met c" / "t/m 3", the points after `from` up to and
    /// including the end (only the end for a long range). Letters run within a–z, numbers over
    /// at most 30.
    fn point_range(&mut self, from: &str, keyword: &str) -> Option<Vec<String>> {
        let save = self.p;
        self.ws();
        if !(self.word("tot en met") || self.word("t/m")) {
            self.p = save;
            return None;
        }
        self.ws();
        let to = self
            .re(&POINT)
            .map(|m| m[1].trim_end_matches(['°', 'º']).to_string());
        let glued = self.rest().starts_with(|c: char| c.is_alphanumeric());
        let range = to
            .filter(|to| !glued && valid_point(to, keyword))
            .and_then(|to| points_between(from, &to));
        if range.is_none() {
            self.p = save;
        }
        range
    }

    fn point_keyword(&mut self) -> Option<String> {
        // A plural names a list of points with the singular's meaning: "onderdelen c en g".
        for (k, singular) in [
            ("onderdelen", "onderdeel"),
            ("onderdeel", "onderdeel"),
            ("onder", "onder"),
            ("sub", "sub"),
            ("punten", "punt"),
            ("punt", "punt"),
            ("letter", "letter"),
            // An annex's table in parts and rows: "bijlage I, onderdeel A, rubriek 2".
            ("rubriek", "rubriek"),
        ] {
            if self.word(k) {
                return Some(singular.to_string());
            }
        }
        None
    }

    /// ", onder 6 en 7" after an instrument's name.
    fn comma_then_points(&mut self, item: &mut Item) -> bool {
        let save = self.p;
        self.ws();
        if !self.punct(',') {
            self.p = save;
            return false;
        }
        self.ws();
        if self.points(item) {
            true
        } else {
            self.p = save;
            false
        }
    }

    /// Between two numbers of one head: `Some(true)` for a range.
    fn item_separator(&mut self) -> Option<bool> {
        self.ws();
        if self.word("tot en met") || self.word("t/m") || self.punct('–') || self.punct('-') {
            self.ws();
            return Some(true);
        }
        let save = self.p;
        if self.juncto() {
            return Some(false);
        }
        self.p = save;
        let comma = self.punct(',');
        self.ws();
        if self.word("en") || self.word("of") || comma {
            self.ws();
            return Some(false);
        }
        None
    }

    /// "juncto", "jo.", "in samenhang met" (with the space around it): what follows is read
    /// together with what went before ("artikel 7:1 juncto 6:7 Awb").
    fn juncto(&mut self) -> bool {
        self.ws();
        if self.punct(',') {
            self.ws();
        }
        let found = JUNCTO.iter().any(|w| self.word(w));
        self.ws();
        found
    }

    /// ", en lid 4", "en het vierde lid": "en" before a paragraph of the same article.
    fn and_paragraph(&mut self) -> bool {
        let save = self.p;
        self.ws();
        if self.punct(',') {
            self.ws();
        }
        if !self.word("en") {
            self.p = save;
            return false;
        }
        self.ws();
        if self.word("het") {
            self.ws();
        }
        true
    }

    /// Between two references of one chain; true when a head word follows.
    /// Past "de meldplicht uit " before a head word: a determiner, one word and "uit", "van"
    /// or "in"; true (and moved) only when a head word follows, else false and not moved.
    fn duty_of_an_article(&mut self) -> bool {
        let save = self.p;
        if !(self.word("de") || self.word("het")) {
            return false;
        }
        self.ws();
        let noun = self
            .rest()
            .find(|c: char| !(c.is_alphabetic() || c == '-'))
            .unwrap_or(0);
        if noun < 3 {
            self.p = save;
            return false;
        }
        self.p += noun;
        self.ws();
        if !["uit", "van", "in"].iter().any(|w| self.word(w)) {
            self.p = save;
            return false;
        }
        self.ws();
        let head = HEADS.iter().any(|(h, _)| {
            Cur {
                t: self.t,
                p: self.p,
            }
            .word(h)
        });
        if !head {
            self.p = save;
        }
        head
    }

    fn connector(&mut self) -> bool {
        let save = self.p;
        self.gloss();
        self.ws();
        let comma = self.punct(',');
        self.ws();
        let word = ["en/of", "en", "of", "alsmede", "respectievelijk", "dan wel"]
            .iter()
            .chain(JUNCTO)
            .any(|w| self.word(w));
        self.ws();
        // "artikel 1, eerste lid, en de artikelen 15 en 16 van de IGR": the article after the
        // word joins the list.
        if word {
            let before_article = self.p;
            if self.word("de") {
                self.ws();
            }
            if !HEADS
                .iter()
                .any(|(h, _)| *h == "artikelen" && self.rest().starts_with(h))
            {
                self.p = before_article;
                // "de zorgplicht uit artikel 7 en de meldplicht uit artikel 10 van de Wbni": a
                // duty named by the article it comes from joins the list as the bare article
                // does.
                self.duty_of_an_article();
            }
        }
        if (comma || word)
            && HEADS.iter().any(|(h, _)| {
                Cur {
                    t: self.t,
                    p: self.p,
                }
                .word(h)
            })
        {
            return true;
        }
        self.p = save;
        false
    }
}

/// Words that join references read together.
const JUNCTO: &[&str] = &[
    "in samenhang met",
    "in verbinding met",
    "juncto",
    "jo.",
    "j°",
];

static NUMERIC_ORDINAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2}(?:e|de|ste))(?-u:\b)").expect("valid regex"));
static DEGREE_POINT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2}[°º])").expect("valid regex"));
static PARAGRAPH_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    // "lid 4a", and the inserted paragraphs "lid 4 bis", "lid 2 ter", "lid 3bis".
    Regex::new(r"^(\d{1,3}(?:bis|ter|quater|quinquies|sexies|[a-z])?(?: (?:bis|ter|quater|quinquies|sexies)\b)?)(?-u:\b)")
        .expect("valid regex")
});

#[cfg(test)]
mod tests {
    use super::*;

    struct NoNames;
    impl Names for NoNames {
        fn name_end_at(&self, _: usize) -> Option<usize> {
            None
        }
    }

    fn parts(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let lower = text.to_lowercase();
        let at = HEADS
            .iter()
            .filter_map(|(h, _)| lower.find(h))
            .min()
            .unwrap_or(0);
        let chain = parse_chain(text, at, &NoNames).expect("a reference");
        chain
            .refs
            .iter()
            .flat_map(|r| {
                r.parts
                    .iter()
                    .map(|p| (p.number.clone(), p.paragraph.clone(), p.point.clone()))
            })
            .collect()
    }

    fn p(n: &str, l: Option<&str>, s: Option<&str>) -> (String, Option<String>, Option<String>) {
        (n.to_string(), l.map(str::to_string), s.map(str::to_string))
    }

    #[test]
    fn ter_before_its_noun_is_the_preposition_not_the_latin_suffix() {
        assert_eq!(
            parts("het werkplan van artikel 16 ter goedkeuring voor te leggen"),
            vec![p("16", None, None)]
        );
        assert_eq!(
            parts("artikel 16 ter van de verordening regelt dit"),
            vec![p("16 ter", None, None)]
        );
        assert_eq!(
            parts("zoals artikel 25 ter, eerste lid, bepaalt"),
            vec![p("25 ter", Some("1"), None)]
        );
    }

    #[test]
    fn a_later_en_onder_is_the_next_point_of_the_same_paragraph() {
        let text = "Artikel 53, eerste lid, onder c, verplicht aanbieders dit te doen, en onder d een samenvatting te geven.";
        let chain = parse_chain(text, 0, &NoNames).expect("a reference");
        let next = gapped_point(text, &chain.refs[0]).expect("the gapped point");
        assert_eq!(
            next.parts,
            vec![Part {
                number: "53".into(),
                paragraph: Some("1".into()),
                point: Some("d".into()),
                subpoint: None,
            }]
        );
        assert_eq!(&text[next.start..next.end], "en onder d");
        // Not past a full stop, another article, or to an earlier letter; not without a point.
        for text in [
            "Artikel 53, eerste lid, onder c, verplicht dit. Voor de rest geldt en onder d iets.",
            "Artikel 53, eerste lid, onder c, verplicht dit, artikel 54 en onder d iets anders.",
            "Artikel 53, eerste lid, onder c, verplicht dit, en onder a iets anders.",
            "Artikel 53, eerste lid, verplicht dit, en onder d iets anders.",
        ] {
            let chain = parse_chain(text, 0, &NoNames).expect("a reference");
            assert_eq!(gapped_point(text, &chain.refs[0]), None, "{text}");
        }
    }

    #[test]
    fn a_division_of_an_annex_stands_between_the_annex_and_its_points() {
        let cases = [
            "in strijd met bijlage I, hoofdstuk I, punt 8, van Richtlijn 2008/120/EG",
            "en punt 8 van hoofdstuk I van bijlage I benoemt de gevallen",
            "zoals bijlage I, deel A, punt 8 bepaalt",
        ];
        for text in cases {
            assert_eq!(parts(text), vec![p("I", None, Some("8"))], "{text}");
        }
        // Without a point the annex stands alone.
        assert_eq!(
            parts("bijlage II, hoofdstuk III, van de verordening"),
            vec![p("II", None, None)]
        );
    }

    #[test]
    fn points_of_that_annex_need_a_demonstrative() {
        let text = "systemen achteraf vallen onder punt 1 van die bijlage.";
        let head = text.find("bijlage").expect("head");
        let (start, points) = points_of_that_annex(text, head).expect("points");
        assert_eq!(&text[start..head], "punt 1 van die ");
        assert_eq!(points, ["1"]);
        let text = "de punten 3 en 4 van deze bijlage";
        let head = text.find("bijlage").expect("head");
        assert_eq!(
            points_of_that_annex(text, head).map(|p| p.1),
            Some(vec!["3".to_string(), "4".to_string()])
        );
        // "de bijlage" is the letter's attachment; "die bijlagen" are several.
        for text in ["punt 1 van de bijlage", "punt 1 van die bijlagen"] {
            let head = text.find("bijlage").expect("head");
            assert_eq!(points_of_that_annex(text, head), None, "{text}");
        }
    }

    #[test]
    fn ordinals_up_to_ninety_nine() {
        assert_eq!(ordinal("eerste"), Some(1));
        assert_eq!(ordinal("tiende"), Some(10));
        assert_eq!(ordinal("twintigste"), Some(20));
        assert_eq!(ordinal("eenentwintigste"), Some(21));
        assert_eq!(ordinal("tweeëntwintigste"), Some(22));
        assert_eq!(ordinal("drieëndertigste"), Some(33));
        assert_eq!(ordinal("zesenzestigste"), Some(66));
        assert_eq!(ordinal("negenennegentigste"), Some(99));
        assert_eq!(ordinal("1e"), Some(1));
        assert_eq!(ordinal("leden"), None);
    }

    #[test]
    fn lists_multiply_out() {
        assert_eq!(
            parts("artikel 9 leden 1 en 2"),
            vec![p("9", Some("1"), None), p("9", Some("2"), None)]
        );
        assert_eq!(
            parts("artikel 6, leden 2, 3 en 4, van die richtlijn"),
            vec![
                p("6", Some("2"), None),
                p("6", Some("3"), None),
                p("6", Some("4"), None)
            ]
        );
        assert_eq!(
            parts("artikel 6, eerste lid, sub a en sub e"),
            vec![p("6", Some("1"), Some("a")), p("6", Some("1"), Some("e"))]
        );
        assert_eq!(
            parts("artikel 25, lid 3bis, van het Statuut"),
            vec![p("25", Some("3bis"), None)]
        );
        // A comma and the keyword again: siblings, not "i" as a point within "b".
        assert_eq!(
            parts("artikel 3.3, tweede lid, onder b, en onder i, van de Woo"),
            vec![
                p("3.3", Some("2"), Some("b")),
                p("3.3", Some("2"), Some("i"))
            ]
        );
        assert_eq!(parts("artikelen 10 tot en met 14").len(), 5);
        assert_eq!(
            parts("artikelen 58a tot en met 58d")
                .iter()
                .map(|p| p.0.as_str())
                .collect::<Vec<_>>(),
            vec!["58a", "58b", "58c", "58d"]
        );
        assert_eq!(parts("artikel 5(1)(d)"), vec![p("5", Some("1"), Some("d"))]);
        assert_eq!(
            parts("het tweede lid van artikel 9"),
            vec![p("9", Some("2"), None)]
        );
        assert_eq!(
            parts("Het eerste en het tweede lid van artikel 3"),
            vec![p("3", Some("1"), None), p("3", Some("2"), None)]
        );
        assert_eq!(
            parts("het eerste, tweede en derde lid van artikel 8"),
            vec![
                p("8", Some("1"), None),
                p("8", Some("2"), None),
                p("8", Some("3"), None)
            ]
        );
        assert_eq!(
            parts("de leden 2 en 3 van artikel 5"),
            vec![p("5", Some("2"), None), p("5", Some("3"), None)]
        );
        assert_eq!(
            parts("de bevoegdheid en tweede lid van artikel 5"),
            vec![p("5", Some("2"), None)]
        );
    }

    #[test]
    fn noise_is_no_point() {
        assert_eq!(parts("artikel 9 onder meer"), vec![p("9", None, None)]);
        assert_eq!(parts("artikel 36d"), vec![p("36d", None, None)]);
        // A capital word after a letter point is the act's abbreviation; capitals together
        // are still points ("onderdeel B, Ba": a part inserted after B).
        assert_eq!(
            parts("artikel 5.1, eerste lid, onderdeel e, Ow"),
            vec![p("5.1", Some("1"), Some("e"))]
        );
        assert_eq!(
            parts("artikel 3, onderdeel B, Ba"),
            vec![p("3", None, Some("B")), p("3", None, Some("Ba"))]
        );
        assert!(parse_chain("Artikel 29-werkgroep", 0, &NoNames).is_none());
        assert!(parse_chain("het artikel in de krant", 4, &NoNames).is_none());
    }
}
