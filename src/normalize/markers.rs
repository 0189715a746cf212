//! Footnote markers detached from the words they are glued to.
//!
//! Extracted text loses superscripts, so a marker becomes digits glued to the word or
//! punctuation before it: "verordening2", "ruimte».1", "(EDPS)2", "Commissie.3Het".
//! Superscript characters ("software.¹") and "^{24 25}" survive in later exports. A glued
//! number is taken as a marker only when the document has a footnote of that number and it
//! comes next in the sequence (markers run in order through a letter), which keeps "CO2",
//! "BWBR0040940" and "2016/679" intact.

use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use super::footnotes::superscript_to_ascii;

/// Every printed form of a marker but one: a marker glued to a year ("201910"), which
/// [`after_year`] finds. That form needs word boundaries (`\b`), and with them in the pattern
/// regex's fast engine gives up at the first non-ASCII letter of a paragraph, which made this
/// one pattern the costliest step of normalization. Each form starts with a different kind of
/// character (the year form with a digit, none of these with one), so the earliest match of
/// either is the match the combined pattern would find.
static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \^\{(?P<braced>[0-9\x20,]+)\}
      | (?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)
      | \[(?P<bracket>[0-9]{1,3})\]
      | (?P<pre>[\p{L}\)\]»”’'\x22.,;:?!])(?P<num>[0-9]{1,3})(?:[\s.,;:)»”’'\x22\]]|$|\p{Lu})
      | [.”’»\x22]\x20(?P<spaced>[0-9]{1,2})(?:\x20+\p{Lu}|\x20*$)
    ",
    )
    .expect("valid regex")
});

/// The earliest match at or after `from` of `\b(?:19|20)[0-9]{2}([0-9]{1,2})\b`, the year
/// with a marker glued to it: (whole match, marker).
fn after_year(text: &str, from: usize) -> Option<(Range<usize>, Range<usize>)> {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    // `\b` after an ASCII digit (a word character): the next character is not one.
    let boundary_after = |i: usize| {
        !text
            .get(i..)
            .and_then(|t| t.chars().next())
            .is_some_and(regex_syntax::is_word_character)
    };
    let mut x = from;
    while x + 5 <= b.len() {
        let starts_year = (b[x] == b'1' && b[x + 1] == b'9') || (b[x] == b'2' && b[x + 1] == b'0');
        if starts_year
            && digit(x + 2)
            && digit(x + 3)
            && digit(x + 4)
            && !text
                .get(..x)
                .and_then(|t| t.chars().next_back())
                .is_some_and(regex_syntax::is_word_character)
        {
            // Greedy, as the pattern: two marker digits if a boundary follows, else one.
            if digit(x + 5) && boundary_after(x + 6) {
                return Some((x..x + 6, x + 4..x + 6));
            }
            if boundary_after(x + 5) {
                return Some((x..x + 5, x + 4..x + 5));
            }
        }
        x += 1;
    }
    None
}

/// The earliest number at or after `from` of the form "2019/8815": a year, a slash and three
/// to six digits, where the last one or two may be a marker glued to an act's number
/// ("Verordening (EU) 2019/8815" for 2019/881 and note 5): (whole match, the digits after
/// the slash). Whether they are is for the note to say (see [`Detacher::detach`]).
fn after_slash(text: &str, from: usize) -> Option<(Range<usize>, Range<usize>)> {
    let b = text.as_bytes();
    let mut x = from;
    while let Some(i) = text.get(x..).and_then(|t| t.find('/')) {
        let slash = x + i;
        x = slash + 1;
        let Some(start) = slash.checked_sub(4) else {
            continue;
        };
        let year = &b[start..slash];
        let word_before = text
            .get(..start)
            .and_then(|t| t.chars().next_back())
            .is_some_and(regex_syntax::is_word_character);
        if !(year.starts_with(b"19") || year.starts_with(b"20"))
            || !year.iter().all(u8::is_ascii_digit)
            || word_before
        {
            continue;
        }
        let digits = b[slash + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let end = slash + 1 + digits;
        let word_after = text
            .get(end..)
            .and_then(|t| t.chars().next())
            .is_some_and(regex_syntax::is_word_character);
        if (3..=6).contains(&digits) && !word_after {
            return Some((start..end, slash + 1..end));
        }
    }
    None
}

/// One marker candidate: the year form, the act-number form or one of [`CANDIDATE`]'s.
enum Candidate<'t> {
    Year(Range<usize>, Range<usize>),
    Slash(Range<usize>, Range<usize>),
    Other(regex::Captures<'t>),
}

impl Candidate<'_> {
    fn range(&self) -> Range<usize> {
        match self {
            Candidate::Year(all, _) | Candidate::Slash(all, _) => all.clone(),
            Candidate::Other(c) => c.get(0).map_or(0..0, |m| m.range()),
        }
    }
}

/// The candidates of `text` in order, as `CANDIDATE` with the year form in it would find
/// them: each search starts where the last match ended, or for the glued form right after its
/// number.
fn candidates(text: &str) -> impl Iterator<Item = Candidate<'_>> {
    let mut pos = 0;
    // The next match of each kind from `pos` on, kept until `pos` passes its start.
    let mut year: Option<Option<(Range<usize>, Range<usize>)>> = None;
    let mut other: Option<Option<regex::Captures<'_>>> = None;
    let mut slashed: Option<Option<(Range<usize>, Range<usize>)>> = None;
    std::iter::from_fn(move || {
        if pos > text.len() {
            return None;
        }
        if year
            .as_ref()
            .is_some_and(|y| y.as_ref().is_some_and(|(r, _)| r.start < pos))
        {
            year = None;
        }
        if other.as_ref().is_some_and(|o| {
            o.as_ref()
                .is_some_and(|c| c.get(0).is_some_and(|m| m.start() < pos))
        }) {
            other = None;
        }
        if slashed
            .as_ref()
            .is_some_and(|y| y.as_ref().is_some_and(|(r, _)| r.start < pos))
        {
            slashed = None;
        }
        let y = year.get_or_insert_with(|| after_year(text, pos)).clone();
        let sl = slashed
            .get_or_insert_with(|| after_slash(text, pos))
            .clone();
        let o = other.get_or_insert_with(|| CANDIDATE.captures_at(text, pos));
        let o_start = o.as_ref().and_then(|c| c.get(0)).map(|m| m.start());
        // An act's number ("2019/8815") holds a year form ("2019/") no earlier than itself:
        // it goes first where both start.
        let y_start = y.as_ref().map(|(r, _)| r.start);
        let next = match (sl, y_start, o_start) {
            (Some((all, m)), ys, os)
                if ys.is_none_or(|s| all.start <= s) && os.is_none_or(|s| all.start < s) =>
            {
                slashed = None;
                Candidate::Slash(all, m)
            }
            _ => match (y, o_start) {
                (Some((all, m)), s) if s.is_none_or(|s| all.start < s) => {
                    year = None;
                    Candidate::Year(all, m)
                }
                (_, Some(_)) => Candidate::Other(other.take().flatten()?),
                _ => return None,
            },
        };
        // The glued form ends on the character after its number, which may itself be the
        // character a next marker is glued to: "onder € 5.000.5 Ik" holds the number's own
        // ".000." and then the marker ".5 ". The search goes on right after the number.
        pos = match &next {
            Candidate::Other(c) => c.name("num").map_or(next.range().end, |m| m.end()),
            _ => next.range().end,
        };
        Some(next)
    })
}

/// Detaches markers, remembering the sequence across the blocks of one document.
pub struct Detacher<'n> {
    known: HashSet<u32>,
    last: u32,
    /// Numbers the text prints as superscripts somewhere: plain digits of the same number
    /// are then something else ("artikel 4.6 Woo" in a letter whose note 6 is marked "⁶").
    printed: HashSet<u32>,
    /// Numbers the text has glued to a word in lower case, as a marker plainly is
    /// ("uitvoer.2 Nederland", "verordening2"; not a mixed-case name's "BeZaVa1"): an
    /// acronym's digit of the same number ("artikel 66 PSD2") is then the acronym's.
    after_words: HashSet<u32>,
    /// The notes' texts by number, for a marker glued to an act's number: the note it points
    /// to names the act.
    notes: HashMap<u32, &'n str>,
}

impl<'n> Detacher<'n> {
    pub fn new(footnote_markers: &[String]) -> Detacher<'n> {
        Detacher {
            known: footnote_markers
                .iter()
                .filter_map(|m| m.parse().ok())
                .collect(),
            last: 0,
            printed: HashSet::new(),
            after_words: HashSet::new(),
            notes: HashMap::new(),
        }
    }

    /// Keeps the notes' texts (marker, text) for [`Detacher::detach`], borrowed: most
    /// documents never ask.
    pub fn with_notes(
        mut self,
        notes: impl IntoIterator<Item = (&'n str, &'n str)>,
    ) -> Detacher<'n> {
        for (marker, text) in notes {
            if let Ok(n) = marker.parse() {
                self.notes.insert(n, text);
            }
        }
        self
    }

    /// The marker glued to an act's number (`digits`, after the slash of `number`): the last
    /// one or two digits, when they are the next marker and that note names the number
    /// without them ("2019/8815" and note 5 "Verordening (EU) 2019/881 van ..."). Any other
    /// act's number ("2019/2088") stays whole.
    fn glued_to_act_number(&self, number: &str, digits: usize) -> Option<usize> {
        (1..=2).find(|&k| {
            if digits <= k {
                return false;
            }
            let (head, tail) = number.split_at(number.len() - k);
            let Ok(n) = tail.parse::<u32>() else {
                return false;
            };
            !tail.starts_with('0')
                && n == self.last + 1
                && self.plausible_plain(n)
                && self.notes.get(&n).is_some_and(|note| {
                    note.match_indices(head).any(|(i, _)| {
                        !note[i + head.len()..].starts_with(|c: char| c.is_ascii_digit())
                    })
                })
        })
    }

    /// Notes which numbers `texts` (a document's paragraphs) print as superscripts, and which
    /// they glue to a word in lower case.
    pub fn with_printed<'t>(mut self, texts: impl IntoIterator<Item = &'t str>) -> Detacher<'n> {
        static SUPERSCRIPT: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+").expect("valid regex"));
        // A publisher's page marks its notes in markup ("^{2}"): the plain "2" of "PSD2" in
        // the same text is the act's name, not a second marker for note 2.
        static MARKUP: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"\^\{([0-9 ]{1,12})\}").expect("valid regex"));
        static AFTER_WORD: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?:^|[^\p{L}])\p{Lu}?\p{Ll}+[.,;:»”’)]?([0-9]{1,2})(?:[\s.,;:]|$)")
                .expect("valid regex")
        });
        for t in texts {
            for c in AFTER_WORD.captures_iter(t) {
                if let Ok(n) = c[1].parse() {
                    self.after_words.insert(n);
                }
            }
            for m in SUPERSCRIPT.find_iter(t) {
                if let Ok(n) = superscript_to_ascii(m.as_str()).parse() {
                    self.printed.insert(n);
                }
            }
            for c in MARKUP.captures_iter(t) {
                for n in c[1].split_whitespace().filter_map(|n| n.parse().ok()) {
                    self.printed.insert(n);
                }
            }
        }
        self
    }

    /// Whether `n` can be the next marker: a known footnote, after the previous marker and
    /// not far past it (a letter may skip a marker the extractor lost).
    fn plausible(&self, n: u32) -> bool {
        self.known.contains(&n) && n > self.last && n <= self.last + 4
    }

    /// [`Detacher::plausible`] for a marker in plain digits: not when the text prints that
    /// number as a superscript elsewhere.
    fn plausible_plain(&self, n: u32) -> bool {
        self.plausible(n) && !self.printed.contains(&n)
    }

    /// The text without markers, and each marker with its offset in that text.
    pub fn detach(&mut self, text: &str) -> (String, Vec<(usize, String)>) {
        let mut out = String::with_capacity(text.len());
        let mut found = Vec::new();
        let mut copied = 0;
        for cand in candidates(text) {
            let c = match cand {
                Candidate::Year(all, m) => {
                    // "brief van 17 mei 201910": a marker glued to a year; only when next in
                    // sequence.
                    let n: u32 = text[m.clone()].parse().unwrap_or(0);
                    if !self.plausible_plain(n)
                        || n != self.last + 1
                        || numbers_a_publication(text, all.start)
                    {
                        continue;
                    }
                    let numbers = vec![text[m.clone()].to_string()];
                    self.take(text, m, numbers, &mut out, &mut found, &mut copied);
                    continue;
                }
                Candidate::Slash(all, m) => {
                    if let Some(k) = self.glued_to_act_number(&text[all.clone()], m.len()) {
                        let marker = all.end - k..all.end;
                        let numbers = vec![text[marker.clone()].to_string()];
                        self.take(text, marker, numbers, &mut out, &mut found, &mut copied);
                    }
                    continue;
                }
                Candidate::Other(c) => c,
            };
            let (numbers, remove): (Vec<String>, std::ops::Range<usize>) =
                if let Some(m) = c.name("braced") {
                    let all = c.get(0).map(|m| m.range()).unwrap_or(m.range());
                    (
                        m.as_str()
                            .split([' ', ','])
                            .filter(|s| !s.is_empty())
                            .map(str::to_string)
                            .collect(),
                        all,
                    )
                } else if let Some(m) = c.name("sup") {
                    // "4 m²": a unit's exponent, not note 2.
                    if matches!(m.as_str(), "²" | "³") && exponent_of_a_unit(&text[..m.start()]) {
                        continue;
                    }
                    (vec![superscript_to_ascii(m.as_str())], m.range())
                } else if let Some(m) = c.name("bracket") {
                    // "aangekondigd.[1]": a web page's marker, when that note exists.
                    let n: u32 = m.as_str().parse().unwrap_or(0);
                    if !self.plausible_plain(n) {
                        continue;
                    }
                    let all = c.get(0).map_or(m.range(), |a| a.range());
                    (vec![m.as_str().to_string()], all)
                } else if let Some(m) = c.name("spaced") {
                    // "sleutels .” 11": a marker set apart after the sentence; only when next in
                    // sequence.
                    let n: u32 = m.as_str().parse().unwrap_or(0);
                    if !self.plausible_plain(n) || n != self.last + 1 {
                        continue;
                    }
                    (vec![m.as_str().to_string()], m.range())
                } else if let Some(m) = c.name("num") {
                    let n: u32 = m.as_str().parse().unwrap_or(0);
                    if !self.plausible_plain(n) || part_of_a_number(text, m.range()) {
                        continue;
                    }
                    // After a number and a point ("afdeling 3.7 Awb", "in 2019.3 Het") the
                    // digits may be a section number's: a marker only when next in sequence.
                    if after_number_and_point(text, m.start()) && n != self.last + 1 {
                        continue;
                    }
                    // An acronym's own number ("(CRR3)", "NIS2", "PSD2"): a marker only when
                    // next in sequence, and never inside the brackets that hold the name.
                    // A capital and its number are one name ("de G4", "categorie F4",
                    // "niveau B1"), never a word and a marker.
                    if one_capital_before(text, m.start()) {
                        continue;
                    }
                    // Nor before the closing bracket of a longer aside ("(... artikel 74,
                    // eerste lid, PSD2)."): a marker stands after the bracket.
                    if let Some(acronym_start) = acronym_before(text, m.start()) {
                        // A chemical formula's number is never a marker ("CO2", "NH3", "CH4").
                        if FORMULAS.contains(&&text[acronym_start..m.start()]) {
                            continue;
                        }
                        // Nor when the text glues that number to a word as well ("de artikelen
                        // 66 en 67 PSD2 ... in Europees verband uitvoer.2 Nederland").
                        if n != self.last + 1
                            || self.after_words.contains(&n)
                            || text[..acronym_start].ends_with('(')
                            || text[m.end()..].starts_with(')')
                        {
                            continue;
                        }
                    }
                    (vec![m.as_str().to_string()], m.range())
                } else {
                    continue;
                };
            self.take(text, remove, numbers, &mut out, &mut found, &mut copied);
        }
        out.push_str(&text[copied..]);
        (out, found)
    }

    /// Remove the marker at `remove` (holding `numbers`) from the text copied into `out`.
    fn take(
        &mut self,
        text: &str,
        remove: Range<usize>,
        numbers: Vec<String>,
        out: &mut String,
        found: &mut Vec<(usize, String)>,
        copied: &mut usize,
    ) {
        if remove.start < *copied {
            return;
        }
        out.push_str(&text[*copied..remove.start]);
        // A marker glued between two words ("Commissie.3Het") leaves a space.
        let before = text[..remove.start].chars().next_back();
        let after = text[remove.end..].chars().next();
        let at = out.trim_end().len();
        if before.is_some_and(|b| !b.is_whitespace()) && after.is_some_and(|a| a.is_alphabetic()) {
            out.push(' ');
        }
        for n in numbers {
            if let Ok(v) = n.parse::<u32>() {
                self.last = self.last.max(v);
            }
            found.push((at, n));
        }
        *copied = remove.end;
    }
}

/// Where the acronym that the digits at `at` are glued to begins ("CRR" in "CRR3", "MiFID" in
/// "MiFID2"): a word of letters with at least two capitals.
fn acronym_before(text: &str, at: usize) -> Option<usize> {
    let word_start = text[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, _)| i)?;
    let word = &text[word_start..at];
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    (capitals >= 2 && word.chars().count() <= 8).then_some(word_start)
}

/// Chemical formulas and particle sizes whose digits belong to them: "CO2", "NO2", "SO2", "NH3",
/// "CH4", "PM10".
const FORMULAS: &[&str] = &["CO", "NO", "SO", "NH", "CH", "PM"];

/// Whether the digits at `at` are glued to a word of one capital letter ("G4", "F4").
fn one_capital_before(text: &str, at: usize) -> bool {
    let mut back = text[..at].chars().rev();
    back.next().is_some_and(|c| c.is_uppercase()) && !back.next().is_some_and(char::is_alphanumeric)
}

/// Whether the digits at `at` follow a digit and a point ("3.7", "2019.3").
fn after_number_and_point(text: &str, at: usize) -> bool {
    let mut back = text[..at].chars().rev();
    back.next() == Some('.') && back.next().is_some_and(|c| c.is_ascii_digit())
}

/// Whether `before` ends with a unit word and the first parts of a dotted number: "artikel 10."
/// of "artikel 10.1 Wet IB 2001", "artikel 3.2." of "artikel 3.2.5 Wlz", also as the last of a
/// list or range ("artikelen 5.1 tot en met 5." of "... 5.3 Wet IB 2001", "artikelen 3.1, 3.2
/// en 3."), where the digits after the point are the article's, even before a capital (the
/// law's name), never a note marker.
fn numbers_a_unit(before: &str) -> bool {
    static UNIT_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i:\b(?:artikel(?:en)?|art\.|artt\.|afdeling|paragraaf|hoofdstuk|titel)|§)\s*(?:\d{1,3}[a-z]{0,3}(?:\.\d{1,3}[a-z]{0,3}){0,3}\s*(?:,|\ben\b|\bof\b|\btot\s+en\s+met\b|t/m|-|–)\s*){0,4}\d{1,3}[a-z]{0,3}(?:\.\d{1,3}[a-z]{0,3}){0,3}\.$")
            .expect("valid regex")
    });
    UNIT_NUMBER.is_match(crate::text::window_before(before, before.len(), 72))
}

/// Units written with an exponent that extracted text flattens ("200 m2", "5 km2").
const UNITS: &[&str] = &["m", "cm", "mm", "km", "dm"];

/// Whether `before` ends with a unit that takes an exponent, after a number: "200 m", "5
/// km", "20 µg/m", "36 miljard m" (a PDF's "m3" for m³).
fn exponent_of_a_unit(before: &str) -> bool {
    const MAGNITUDES: &[&str] = &["duizend", "miljoen", "miljard", "biljoen"];
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(before.len(), |(i, _)| i);
    let ahead = before[..word_start].trim_end();
    let glued_to_digits = ahead.ends_with(|c: char| c.is_ascii_digit() || c == '/');
    let after_a_magnitude = MAGNITUDES.iter().any(|m| {
        ahead.strip_suffix(m).is_some_and(|rest| {
            rest.trim_end()
                .ends_with(|c: char| c.is_ascii_digit() || c == ',')
        })
    });
    (glued_to_digits || after_a_magnitude) && UNITS.contains(&&before[word_start..])
}

/// Digits glued to what comes before them that belong to a number, not a marker: a decimal
/// comma ("7,8 miljoen"), the colon of a book-numbered article ("artikelen 3:2 en 3:4 Awb",
/// "6:162 BW"), a point between digits that does not end a sentence ("artikel 5.3
/// van", "1.000 euro"), or the exponent of a unit ("200 m2"). A marker after a number at the
/// end of a sentence ("in 2019.3 Het kabinet", "2016/680.6 7") stays a marker.
fn part_of_a_number(text: &str, num: Range<usize>) -> bool {
    let before = &text[..num.start];
    let mut back = before.chars().rev();
    let pre = back.next();
    let digit_before = back.next().is_some_and(|c| c.is_ascii_digit());
    match pre {
        // "de brief van 3 juli 2024,4 een ...": a date's year takes no decimals.
        Some(',') if digit_before && ends_in_a_date(&before[..before.len() - 1]) => false,
        Some(',' | ':') => digit_before,
        Some('.') => {
            // A number with a letter is a number too: "artikel 14a.3, eerste lid".
            let digit_before = digit_before || numbered_with_suffix(&before[..before.len() - 1]);
            // What follows a marker: a new sentence, another marker, or the end.
            let after = &text[num.end..];
            let rest = after.trim_start();
            let marker_like = rest.is_empty()
                || (rest.len() < after.len()
                    && rest
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()));
            digit_before && (!marker_like || numbers_a_unit(before))
        }
        // After a number ("200 m2") or as a ratio's denominator ("20 µg/m3").
        Some(c) if c.is_alphabetic() => exponent_of_a_unit(before),
        _ => false,
    }
}

/// Whether the number at `at` is a publication's number rather than a year: after a year and a
/// comma ("Stcrt. 2009, 19221", "Stb. 2010, 2045") or after "nr." ("nr. 19221").
fn numbers_a_publication(text: &str, at: usize) -> bool {
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:\b(?:19|20)[0-9]{2}\s*,|\bnrs?\.?)\s*$").expect("valid regex")
    });
    BEFORE.is_match(crate::text::window_before(text, at, 24))
}

/// Whether `text` ends with a date's month and year ("3 juli 2024").
fn ends_in_a_date(text: &str) -> bool {
    static DATE_END: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) (?:19|20)[0-9]{2}$")
            .expect("valid regex")
    });
    DATE_END.is_match(text)
}

/// Whether `text` ends with a number and a letter suffix of up to three letters ("14a", "11ba"),
/// as articles and sections are numbered.
fn numbered_with_suffix(text: &str) -> bool {
    let letters = text.len()
        - text
            .trim_end_matches(|c: char| c.is_ascii_lowercase())
            .len();
    let head = &text[..text.len() - letters];
    let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    (1..=3).contains(&letters)
        && digits > 0
        && !head[..head.len() - digits]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::Detacher;

    #[test]
    fn plain_digits_are_no_marker_where_the_text_prints_that_number_raised() {
        let paragraphs = [
            "Zie de misbruikbepaling van artikel 4.6 Woo. Die is ruim.",
            "De Afdeling wijst hierop.⁶ Het kabinet volgt dat.",
        ];
        let mut d = Detacher::new(&known(9)).with_printed(paragraphs);
        d.last = 5;
        let (t, m) = d.detach(paragraphs[0]);
        assert_eq!(t, paragraphs[0]);
        assert!(m.is_empty(), "{m:?}");
        let (t, m) = d.detach(paragraphs[1]);
        assert_eq!(t, "De Afdeling wijst hierop. Het kabinet volgt dat.");
        assert_eq!(m, vec![(25, "6".to_string())]);
        // Without the raised form, digits after a number and a point are taken for the marker
        // they may be ("in 2019.6 Die"), but not after "artikel 4." (see the next test).
        let mut d = Detacher::new(&known(9));
        d.last = 5;
        assert_eq!(d.detach(paragraphs[0]).1.len(), 0);
        assert_eq!(d.detach("Zie de brief van 2019.6 Die is ruim.").1.len(), 1);
    }

    #[test]
    fn an_acronym_s_number_is_no_marker_where_the_page_marks_that_note_in_markup() {
        let paragraphs = [
            "de vergunningseisen uit artikel 5 van PSD2 worden overgenomen",
            "over de evaluatie van PSD2 in Nederland.^{2} Het kabinet volgt dat.",
        ];
        let mut d = Detacher::new(&known(3)).with_printed(paragraphs);
        d.last = 1;
        let (t, m) = d.detach(paragraphs[0]);
        assert_eq!(t, paragraphs[0]);
        assert!(m.is_empty(), "{m:?}");
    }

    #[test]
    fn a_marker_glued_to_an_acts_number_goes_when_its_note_names_the_number() {
        let notes = [
            ("4", "Kamerstuk 26 643, nr. 900."),
            ("5", "Verordening (EU) 2019/881 van het Europees Parlement en de Raad van 17 april 2019."),
        ];
        let mut d = Detacher::new(&known(5)).with_notes(notes);
        d.last = 4;
        let (t, m) = d.detach("Op 27 juni 2019 is Verordening (EU) 2019/8815 in werking getreden.");
        assert_eq!(
            t,
            "Op 27 juni 2019 is Verordening (EU) 2019/881 in werking getreden."
        );
        assert_eq!(m, vec![(44, "5".to_string())]);
        // Near misses: an act's own four-digit number, when the note names another act or
        // the note is not the next one; a parliamentary year.
        for text in [
            "De SFDR, Verordening (EU) 2019/2088, is van toepassing.",
            "Zie Verordening (EU) 2019/8814 en vergaderjaar 2019/2020.",
        ] {
            let mut d = Detacher::new(&known(5)).with_notes(notes);
            d.last = 4;
            assert_eq!(d.detach(text), (text.to_string(), Vec::new()), "{text}");
        }
    }

    #[test]
    fn decimals_section_numbers_and_exponents_are_not_markers() {
        let mut d = Detacher::new(&known(9));
        d.last = 7;
        let (t, m) = d.detach(
            "geschat op 2,2 tot 7,8 miljoen euro, zie paragraaf 3.8 van de nota en 200 m8 plein, 20 µg/m8 fijnstof.",
        );
        assert_eq!(
            t,
            "geschat op 2,2 tot 7,8 miljoen euro, zie paragraaf 3.8 van de nota en 200 m8 plein, 20 µg/m8 fijnstof."
        );
        assert!(m.is_empty(), "{m:?}");
        // The same after a number's magnitude: "circa 36 miljard m3 per jaar".
        let mut d4 = Detacher::new(&known(9));
        d4.last = 2;
        let text = "Nederland verbruikte circa 36 miljard m3 per jaar.";
        assert_eq!(d4.detach(text), (text.to_string(), Vec::new()));
        // A unit's raised exponent ("4 m²"), even when note 2 is next.
        let mut d3 = Detacher::new(&known(9));
        d3.last = 1;
        let text = "cellen met minder dan 4 m² leefruimte";
        assert_eq!(d3.detach(text), (text.to_string(), Vec::new()));
        assert_eq!(d3.detach("vóór Prinsjesdag.² Daarna").1.len(), 1);
        // An article numbered with a letter and a point ("14a.3"), even when note 8 is next.
        let text = "op grond van artikel 14a.8, eerste lid, van de Telecommunicatiewet";
        assert_eq!(d.detach(text), (text.to_string(), Vec::new()));
        // The last article of a range or list with dotted numbers, before the law's name.
        let mut d2 = Detacher::new(&known(9));
        d2.last = 2;
        let (t, m) = d2.detach(
            "de artikelen 5.1 tot en met 5.3 Wet IB 2001 en de artikelen 3.1, 3.2 en 3.3 Wet IB 2001 zijn van toepassing.3 Van",
        );
        assert_eq!(
            t,
            "de artikelen 5.1 tot en met 5.3 Wet IB 2001 en de artikelen 3.1, 3.2 en 3.3 Wet IB 2001 zijn van toepassing. Van"
        );
        assert_eq!(
            m.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(),
            vec!["3"]
        );
        // The marker after a sentence that ends in a number, and after a word, still goes.
        let (t, m) = d.detach("De kosten stegen in 2019.8 Het kabinet vindt dat zorgelijk.9 Dit");
        assert_eq!(
            t,
            "De kosten stegen in 2019. Het kabinet vindt dat zorgelijk. Dit"
        );
        assert_eq!(
            m.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(),
            vec!["8", "9"]
        );
        // A book-numbered article's colon, and a section number before an abbreviation
        // when its last digit is not the next marker (footnote 6 follows "EVRM").
        let mut d = Detacher::new(&known(9));
        d.last = 5;
        let (t, m) = d.detach(
            "uit de artikelen 3:2 en 3:4 Awb, in afdeling 3.7 Awb een artikel en artikel 8 EVRM.6",
        );
        assert_eq!(
            t,
            "uit de artikelen 3:2 en 3:4 Awb, in afdeling 3.7 Awb een artikel en artikel 8 EVRM."
        );
        assert_eq!(
            m.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(),
            vec!["6"]
        );
        // Before another marker set apart: "Richtlijn (EU) 2016/680.6 7".
        let mut d = Detacher::new(&known(7));
        d.last = 5;
        let (t, m) = d.detach("Zie ook artikel 11 van de Richtlijn (EU) 2016/680.6 7");
        assert!(
            t.starts_with("Zie ook artikel 11 van de Richtlijn (EU) 2016/680. "),
            "{t}"
        );
        assert_eq!(m.first().map(|(_, n)| n.as_str()), Some("6"));
        // At the end of a line or of the text.
        let mut d = Detacher::new(&known(7));
        d.last = 3;
        let (t, m) = d.detach("van de Richtlijn (EU) 2016/680.4\nHet kabinet ook.5");
        assert_eq!(t, "van de Richtlijn (EU) 2016/680.\nHet kabinet ook.");
        assert_eq!(m.len(), 2);
    }

    fn known(n: u32) -> Vec<String> {
        (1..=n).map(|i| i.to_string()).collect()
    }

    #[test]
    fn glued_markers_in_their_printed_forms() {
        let mut d = Detacher::new(&known(5));
        let (t, m) = d.detach("in de openbare ruimte».1 Bij deze Supervisor (EDPS)2 over de verordening3 van de Commissie.4Het kabinet");
        assert_eq!(t, "in de openbare ruimte». Bij deze Supervisor (EDPS) over de verordening van de Commissie. Het kabinet");
        assert_eq!(
            m.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(),
            vec!["1", "2", "3", "4"]
        );
        assert_eq!(&t[..m[0].0], "in de openbare ruimte».");
    }

    #[test]
    fn a_marker_after_a_number_that_ends_a_sentence() {
        // The number's own points are no markers; the digit after its last point is.
        let mut d = Detacher::new(&known(5));
        d.last = 4;
        let (t, m) = d.detach("terugvorderingen onder € 5.000.5 Ik ben geen voorstander, ook niet van 1.000.000 euro.");
        assert_eq!(
            t,
            "terugvorderingen onder € 5.000. Ik ben geen voorstander, ook niet van 1.000.000 euro."
        );
        assert_eq!(
            m.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(),
            vec!["5"]
        );
        // Out of sequence it stays: the text's own "2.000.3" is a number.
        let (t, m) = d.detach("tussen 1.500.2 Ik");
        assert_eq!((t.as_str(), m.len()), ("tussen 1.500.2 Ik", 0));
        // An article numbered in three levels is whole, even when its last digit is the next
        // marker's and a law's name follows: "artikel 3.2." is no sentence's end.
        let mut d = Detacher::new(&known(5));
        d.last = 4;
        for text in [
            "De eigen bijdrage berust op artikel 3.2.5 Wlz. Het eerste lid",
            "de artikelen 3.2.4 en 3.2.5 Wlz",
        ] {
            let (t, m) = d.detach(text);
            assert_eq!((t.as_str(), m.len()), (text, 0));
        }
    }

    #[test]
    fn superscripts_and_braced_groups() {
        let mut d = Detacher::new(&[]);
        let (t, m) = d.detach(
            "gezichtsherkenningsoftware.¹ De AP zijn hoog risico.^{24 25} De aanbieder²⁶ van",
        );
        assert_eq!(
            t,
            "gezichtsherkenningsoftware. De AP zijn hoog risico. De aanbieder van"
        );
        assert_eq!(
            m.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(),
            vec!["1", "24", "25", "26"]
        );
    }

    #[test]
    fn numbers_that_are_not_markers_stay() {
        let mut d = Detacher::new(&known(3));
        let (t, m) = d.detach(
            "CO2-uitstoot, BWBR0040940, Verordening 2016/679 en artikel 4c, zie item 72(b).",
        );
        assert_eq!(
            t,
            "CO2-uitstoot, BWBR0040940, Verordening 2016/679 en artikel 4c, zie item 72(b)."
        );
        assert!(m.is_empty() || m.iter().all(|(_, n)| n == "2"), "{m:?}");
    }

    #[test]
    fn a_publication_number_that_starts_like_a_year_keeps_its_digits() {
        let mut d = Detacher::new(&known(3));
        let (text, found) =
            d.detach("wordt jaarlijks geïndexeerd (Stcrt. 2009, 19221). Zie ook nr. 20101.");
        assert_eq!(
            text,
            "wordt jaarlijks geïndexeerd (Stcrt. 2009, 19221). Zie ook nr. 20101."
        );
        assert!(found.is_empty());
        // A year in a date still carries its marker.
        let (text, found) = d.detach("de brief van 17 mei 20191 ging");
        assert_eq!(text, "de brief van 17 mei 2019 ging");
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn markers_glued_to_a_year_or_set_apart_after_a_sentence() {
        let mut d = Detacher::new(&known(11));
        d.last = 9;
        let (t, m) = d.detach(
            "in haar brief van 17 mei 201910 drie maatregelen, met badges of sleutels .” 11",
        );
        assert_eq!(
            t.trim_end(),
            "in haar brief van 17 mei 2019 drie maatregelen, met badges of sleutels .”"
        );
        assert_eq!(
            m.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(),
            vec!["10", "11"]
        );
        let mut d = Detacher::new(&known(11));
        let (t, _) = d.detach("in 2021 en 20215 en in 2019. 12 organisaties");
        assert_eq!(t, "in 2021 en 20215 en in 2019. 12 organisaties");
    }

    /// The pattern with the year form in it, as it was: the split search must find the same.
    fn combined() -> regex::Regex {
        regex::Regex::new(
            r"(?x)
            \^\{(?P<braced>[0-9\x20,]+)\}
          | (?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)
          | \[(?P<bracket>[0-9]{1,3})\]
          | (?P<pre>[\p{L}\)\]»”’'\x22.,;:?!])(?P<num>[0-9]{1,3})(?:[\s.,;:)»”’'\x22\]]|$|\p{Lu})
          | \b(?:19|20)[0-9]{2}(?P<after_year>[0-9]{1,2})\b
          | [.”’»\x22]\x20(?P<spaced>[0-9]{1,2})(?:\x20+\p{Lu}|\x20*$)
        ",
        )
        .expect("valid regex")
    }

    proptest::proptest! {
        #[test]
        fn the_split_search_finds_what_the_combined_pattern_finds(
            text in r"(?:19|20|[0-9]|[ae]|é|ë|Het|[ .,»”’)(^{}¹²_\[\]]|٣){0,40}"
        ) {
            let combined = combined();
            let mut want: Vec<(std::ops::Range<usize>, Option<std::ops::Range<usize>>)> = Vec::new();
            let mut pos = 0;
            while let Some(c) = combined.captures_at(&text, pos) {
                let Some(all) = c.get(0) else { break };
                want.push((all.range(), c.name("after_year").map(|m| m.range())));
                pos = c.name("num").map_or(all.end(), |m| m.end());
            }
            let got: Vec<(std::ops::Range<usize>, Option<std::ops::Range<usize>>)> =
                // The act-number form needs a slash, which these texts never hold.
                super::candidates(&text)
                    .filter_map(|c| match c {
                        super::Candidate::Year(all, m) => Some((all, Some(m))),
                        super::Candidate::Slash(..) => None,
                        super::Candidate::Other(c) => Some((c.get(0).map_or(0..0, |m| m.range()), None)),
                    })
                    .collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn year_forms_next_to_letters_and_digits() {
        for text in [
            "a201910",
            "é201910 x",
            "201910é",
            "(201910)",
            "x 2019101 y",
            "2019_1",
            "٣201910",
        ] {
            let want: Vec<_> = combined()
                .captures_iter(text)
                .filter_map(|c| c.get(0).map(|m| m.range()))
                .collect();
            let got: Vec<_> = super::candidates(text).map(|c| c.range()).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn out_of_sequence_numbers_are_not_markers() {
        let mut d = Detacher::new(&known(20));
        let (t, m) = d.detach("de verordening17 is niet");
        assert_eq!(t, "de verordening17 is niet");
        assert!(m.is_empty());
    }

    #[test]
    fn a_capital_and_its_number_are_no_marker() {
        let mut d = Detacher::new(&known(5));
        let (out, found) = d.detach("Met de G4 ben ik van mening dat categorie F4 vervalt.1");
        assert_eq!(out, "Met de G4 ben ik van mening dat categorie F4 vervalt.");
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn a_formulas_number_is_no_marker_even_when_next() {
        let mut d = Detacher::new(&known(5));
        d.last = 1;
        let (t, m) = d.detach("de uitstoot van CO2 en NH3 kan leiden tot schade.2 Daarom");
        assert_eq!(
            t,
            "de uitstoot van CO2 en NH3 kan leiden tot schade. Daarom"
        );
        assert_eq!(
            m.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(),
            vec!["2"]
        );
    }

    #[test]
    fn an_acronym_s_own_number_is_no_marker() {
        let mut d = Detacher::new(&known(8));
        let (t, m) =
            d.detach("de verordening (CRR3) en de richtlijn (CRD6). Zie de AVG1 en MiFID3.");
        assert_eq!(
            t,
            "de verordening (CRR3) en de richtlijn (CRD6). Zie de AVG en MiFID3."
        );
        assert_eq!(m.len(), 1);
        // Next in sequence, but before the bracket that closes the aside it ends.
        let mut d = Detacher::new(&known(8));
        d.last = 1;
        let (t, m) = d.detach("(ter uitvoering van artikel 74, eerste lid, PSD2).");
        assert_eq!(t, "(ter uitvoering van artikel 74, eerste lid, PSD2).");
        assert!(m.is_empty());
    }

    #[test]
    fn a_marker_after_a_date_s_year_and_a_mixed_case_name() {
        let paragraphs = [
            "Zie de brief van 3 juli 2024,1 een loket is opgericht.",
            "Tijdens het debat over de Wet BeZaVa2 is gevraagd of dit kan.",
        ];
        let mut d = Detacher::new(&known(2)).with_printed(paragraphs);
        let (t, m) = d.detach(paragraphs[0]);
        assert_eq!(t, "Zie de brief van 3 juli 2024, een loket is opgericht.");
        assert_eq!(m.len(), 1);
        let (t, m) = d.detach(paragraphs[1]);
        assert_eq!(
            t,
            "Tijdens het debat over de Wet BeZaVa is gevraagd of dit kan."
        );
        assert_eq!(m.len(), 1);
        // A decimal stays a decimal.
        let mut d = Detacher::new(&known(2));
        let (t, m) = d.detach("Dit kost 2024,1 miljoen euro.");
        assert_eq!(t, "Dit kost 2024,1 miljoen euro.");
        assert!(m.is_empty());
    }

    #[test]
    fn an_acronym_s_number_is_no_marker_where_a_word_carries_that_marker() {
        let paragraphs = [
            "de toegang op grond van de artikelen 66 en 67 PSD2 in de praktijk.",
            "dat ik deze motie in Europees verband uitvoer.2 Nederland heeft gepleit.",
        ];
        let mut d = Detacher::new(&known(3)).with_printed(paragraphs);
        d.last = 1;
        let (t, m) = d.detach(paragraphs[0]);
        assert_eq!(t, paragraphs[0]);
        assert!(m.is_empty());
        let (t, m) = d.detach(paragraphs[1]);
        assert_eq!(
            t,
            "dat ik deze motie in Europees verband uitvoer. Nederland heeft gepleit."
        );
        assert_eq!(m.len(), 1);
    }
}
