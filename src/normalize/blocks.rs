//! Body lines → paragraphs and headings.
//!
//! Lines wrapped at the page width are joined; a word hyphenated at a line end is joined
//! without its hyphen ("geïntrodu-" + "ceerde") unless the hyphen is a real one: before a
//! capital ("AI-" + "verordening" keeps it: an acronym or name ends the first part), or when
//! the document writes the same word with a hyphen elsewhere ("hoog-risico"). A sentence that
//! a page break (footnote block, furniture) cut in two is joined again.

use super::BlockKind;
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// One line of body text after furniture and footnotes have been taken out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyItem {
    Line(String),
    Blank,
    /// Something was removed here (a footnote block or furniture): the page turned.
    PageBreak,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawBlock {
    pub kind: BlockKind,
    pub text: String,
}

/// A line at least this long was wrapped by the page width, not ended by the writer.
const WRAPPED_LINE_CHARS: usize = 65;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    Blank,
    PageBreak,
}

/// Words the document itself writes with an inner hyphen, lower-cased.
pub type HyphenatedWords = HashSet<String>;

fn hyphenated_words(items: &[BodyItem]) -> HyphenatedWords {
    let mut set = HashSet::new();
    for item in items {
        if let BodyItem::Line(l) = item {
            // Most lines have no hyphen; a byte search skips them before splitting words
            // (profiled: this scan was ~5% of indexing).
            if !l.contains('-') {
                continue;
            }
            for w in l.split_whitespace() {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                if let Some(i) = w.find('-') {
                    if i > 0 && i + 1 < w.len() {
                        set.insert(w.to_lowercase());
                    }
                }
            }
        }
    }
    set
}

pub fn assemble(items: &[BodyItem]) -> Vec<RawBlock> {
    let hyphenated = hyphenated_words(items);
    let page = Page::of(items);
    let mut blocks: Vec<RawBlock> = Vec::new();
    let mut current: Option<RawBlock> = None;
    let mut gap = Gap::PageBreak;
    let mut prev_line_ended_sentence = true;
    let mut prev_line_chars = 0;
    // Whether the line before ends in a word a number completes ("... geregeld in artikel" /
    // "2.170 van de Mediawet 2008"): then a number opening the next line is no label.
    let mut prev_line_wants_number = false;
    let mut prev_letter_line = false;
    let mut prev_table_row = false;
    let mut prev_qa_label = false;

    for (i, item) in items.iter().enumerate() {
        let line = match item {
            BodyItem::Blank => {
                gap = gap.max(Gap::Blank);
                continue;
            }
            BodyItem::PageBreak => {
                gap = Gap::PageBreak;
                continue;
            }
            BodyItem::Line(l) => {
                // Text taken from print PDFs starts each page with a space: a page break.
                if l.starts_with(' ') && !l.starts_with("  ") {
                    gap = Gap::PageBreak;
                }
                l.trim()
            }
        };
        let next = next_line(items, i + 1);
        // A labelled item ("a) Essentie ...", "5. Nederlandse positie") after a line that
        // was not wrapped at the page width starts anew, as after finished text.
        // So does a bulleted item opening in capitals after a finished sentence, however long
        // that line ran ("... een wettelijk recht op informatie kunnen krijgen." / "– De
        // minister informeert de Kamer ..."): a wrapped dash would go on in lower case.
        let item = (list_label_len(line) > 0 && !prev_line_wants_number || is_bullet(line))
            && prev_line_chars < page.width
            || is_bullet(line)
                && prev_line_ended_sentence
                && line
                    .chars()
                    .skip(2)
                    .find(|c| !c.is_whitespace())
                    .is_some_and(char::is_uppercase);
        // A number opening the line after one that ends on "nr." or "artikel" completes it
        // ("Handelingen II 2024/25, nr." / "38, item 9" in a table's cell): the point of "nr."
        // ends no sentence.
        let carries_number = prev_line_wants_number
            && gap == Gap::None
            && line.starts_with(|c: char| c.is_ascii_digit());
        let heading = is_heading(
            line,
            gap != Gap::None || prev_line_ended_sentence && !carries_number || item,
            next,
            &page,
        );

        // A letter's address and its place and date ("Aan de Voorzitter van de Tweede Kamer
        // ...", "Den Haag, 26 juni 2023") are lines of their own even where no blank line
        // sets them apart (text from a PDF): the body's first sentence starts after them.
        let letter_line = is_letter_line(line);
        // So is each row of a text table ("Motie 36 218, nr. 11 | Beckerman | ... | Ontraden"):
        // its cells belong together, the next row is another record.
        let table_row = is_table_row(line);
        let heading = heading && !table_row;
        // Answers to written questions in the older print layout set no blank line apart:
        // each question and answer stands under a bare number ("1" / "Kent u ...?"), and the
        // answers under "Antwoord van minister X (ontvangen ...)". The label and the text after
        // it are lines of their own.
        let qa_label = (prev_line_ended_sentence || prev_qa_label)
            && next.is_some_and(|(n, _)| starts_upper_or_number(n))
            && (is_bare_item_number(line) || QA_OPENER.is_match(line));
        let join = match (&current, heading) {
            _ if letter_line || prev_letter_line || table_row || prev_table_row => false,
            _ if qa_label || prev_qa_label => false,
            (None, _) | (_, true) => false,
            (Some(_), false) if item => false,
            (Some(b), false) if b.kind == BlockKind::Heading => false,
            (Some(b), false) => match gap {
                Gap::None => true,
                // A blank line after a line wrapped at full width, mid-sentence, is spacing of
                // the layout, not a paragraph break ("Research into" / "Family Law").
                Gap::Blank => {
                    !ends_sentence(&b.text) && (starts_lower(line) || prev_line_chars >= page.width)
                }
                Gap::PageBreak => !ends_sentence(&b.text),
            },
        };
        if join {
            if let Some(b) = current.as_mut() {
                b.text = join_wrapped(&b.text, line, &hyphenated);
            }
        } else {
            if let Some(b) = current.take() {
                blocks.push(b);
            }
            let kind = if heading {
                BlockKind::Heading
            } else {
                BlockKind::Paragraph
            };
            current = Some(RawBlock {
                kind,
                text: line.to_string(),
            });
        }
        prev_line_ended_sentence = ends_sentence(line);
        prev_letter_line = letter_line;
        prev_table_row = table_row;
        prev_qa_label = qa_label;
        prev_line_chars = line.chars().count();
        prev_line_wants_number = wants_number(line);
        gap = Gap::None;
    }
    blocks.extend(current);
    promote_short_headings(&mut blocks);
    blocks
}

/// A line that is only an item's number: "3".
pub(super) fn is_bare_item_number(line: &str) -> bool {
    (1..=3).contains(&line.len()) && line.bytes().all(|b| b.is_ascii_digit())
}

/// The head of a block of questions or of answers: "Vragen van het lid ...", "Vraag 3",
/// "Antwoord van minister Schippers (...) (ontvangen ...)", "Antwoord 2".
static QA_OPENER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(?:Vragen\s+van\s+(?:het|de)\s+leden?\b|Vraag\s+\d|Antwoord\s+(?:van\b|\d|op\s+vragen\b))")
        .expect("valid regex")
});

/// A heading wrapped over two lines ("Reactie op Rathenau Instituut: Zeven aandachtspunten
/// voor de" / "AI-verordening") is first read as a short paragraph; a block that is short, has
/// no sentence punctuation or commas and is followed by another block is a heading.
fn promote_short_headings(blocks: &mut [RawBlock]) {
    let n = blocks.len();
    for i in 0..n.saturating_sub(1) {
        let b = &blocks[i];
        let t = b.text.trim();
        let looks_like_heading = b.kind == BlockKind::Paragraph
            && t.chars().count() <= 120
            && t.split_whitespace().count() <= 16
            && !t.contains(',')
            && !sentence_end(t).ends_with(['.', ';', ':', '?', '!', '-'])
            && t.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && !t.starts_with("Den Haag")
            && !t.starts_with("Aan de ")
            && !is_field_line(t)
            && starts_upper_or_number(blocks[i + 1].text.trim());
        if looks_like_heading {
            blocks[i].kind = BlockKind::Heading;
        }
    }
}

fn next_line(items: &[BodyItem], from: usize) -> Option<(&str, bool)> {
    let mut gap = false;
    for item in &items[from.min(items.len())..] {
        match item {
            BodyItem::Line(l) => return Some((l.trim(), gap)),
            _ => gap = true,
        }
    }
    None
}

/// Whether a line ends in a word that a number completes: "artikel", "artikelen", "lid", "nr.",
/// "bijlage", "hoofdstuk", "paragraaf".
fn wants_number(line: &str) -> bool {
    let last = line
        .trim_end()
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        last.as_str(),
        "artikel"
            | "artikelen"
            | "art."
            | "lid"
            | "leden"
            | "nr."
            | "nrs."
            | "bijlage"
            | "hoofdstuk"
            | "paragraaf"
    )
}

/// The length of a list item's label and the space after it: "a) ", "(b) ", "iv) ", "3) ",
/// "5. ", "2.1 "; 0 when the line has none. A letter takes a bracket ("a." is as often an
/// abbreviation), a number a bracket or a period.
fn list_label_len(line: &str) -> usize {
    let open = usize::from(line.starts_with('('));
    let rest = &line[open..];
    let body = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .unwrap_or(rest.len());
    let (label, after) = rest.split_at(body);
    let letter = (label.len() == 1 && label.bytes().all(|b| b.is_ascii_lowercase()))
        || (!label.is_empty() && label.len() <= 4 && label.bytes().all(|b| b"ivx".contains(&b)));
    let closed = if letter {
        after.starts_with(") ")
    } else {
        let digits = label.trim_end_matches('.');
        let numbered = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && digits.bytes().next().is_some_and(|b| b.is_ascii_digit());
        // "(2023) is ..." is a year, "3) " or "2.1 " a label.
        let bracketed = digits.len() <= 2 && after.starts_with(") ");
        let dotted = label.len() <= 6 && label.contains('.') && after.starts_with(' ');
        numbered && (bracketed || dotted)
    };
    if closed {
        open + body + if after.starts_with(") ") { 2 } else { 1 }
    } else {
        0
    }
}

/// A bulleted list item: "– ", "- ", "• ", "· ", "* " before its text. (Not a label for
/// [`is_heading`]: a short bulleted item is no heading.)
fn is_bullet(line: &str) -> bool {
    ["– ", "- ", "• ", "· ", "* ", "— "]
        .iter()
        .any(|b| line.starts_with(b))
}

/// Whether `line` is a row of a text table: cells set apart by " | ".
pub fn is_table_row(line: &str) -> bool {
    line.matches(" | ").count() >= 2
}

/// Whether text ends where a sentence may end (after closing quotes and brackets).
/// The address line or the place-and-date line of a letter: "Aan de Voorzitter van de Tweede
/// Kamer der Staten-Generaal", "Den Haag, 26 juni 2023".
pub fn is_letter_line(line: &str) -> bool {
    static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:Den Haag|['’]s-Gravenhage),? \d{1,2} [a-z]+ \d{4}\.?$")
            .expect("valid regex")
    });
    (line.starts_with("Aan de Voorzitter van de ") && line.ends_with("Staten-Generaal"))
        || DATE_LINE.is_match(line)
}

pub fn ends_sentence(text: &str) -> bool {
    let t = text
        .trim_end()
        .trim_end_matches(|c: char| "»”’\"')".contains(c) || c.is_ascii_digit());
    t.ends_with(['.', '?', '!', ':', ';'])
}

fn starts_lower(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_lowercase())
}

fn starts_upper_or_number(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "«“‘\"'(".contains(c))
}

/// Whether a line below a heading starts text of its own: a capital or a quote, or a number or
/// bracket that labels an item ("1. ", "(a) ", "3) "). A bare number or bracket carries on
/// the line above: "geregeld in de artikelen" / "53 en 59 van de Grondwet", "... van
/// rijksambtenaren" / "(Stcrt. 1998, 66) aanpassen".
fn starts_anew(line: &str) -> bool {
    let label = list_label_len(line);
    if label > 0 || is_bullet(line) {
        return starts_upper_or_number(&line[label..]);
    }
    line.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || "«“‘\"'".contains(c))
}

/// A labelled field of an appreciation of motions or a decision list ("Appreciatie: ontraden",
/// "Besluit: agenderen", "Zaak: brief regering"): a line of content, not a heading. Only these
/// labels: "Verdieping: absolute verboden" is a heading of the same shape.
pub fn is_field_line(line: &str) -> bool {
    const FIELD_LABELS: &[&str] = &[
        "Appreciatie",
        "Kabinetsappreciatie",
        "Oordeel",
        "Besluit",
        "Zaak",
        "Agendapunt",
    ];
    line.split_once(": ")
        .is_some_and(|(label, value)| FIELD_LABELS.contains(&label) && !value.trim().is_empty())
}

/// The lengths in characters of the lines of 30 characters or more: the lines that tell how
/// wide a page is.
fn longer_line_lengths(items: &[BodyItem]) -> Vec<usize> {
    items
        .iter()
        .filter_map(|item| match item {
            BodyItem::Line(l) => Some(l.trim().chars().count()),
            _ => None,
        })
        .filter(|&n| n >= 30)
        .collect()
}

/// The length under which a line is clearly shorter than the page is wide: 70 characters, or
/// 85% of the document's own full line (the 80th percentile of its longer lines) when its
/// pages are wider, as a BNC fiche's 95-character lines are.
fn short_line_chars(items: &[BodyItem]) -> usize {
    let mut lengths = longer_line_lengths(items);
    if lengths.len() < 10 {
        return 70;
    }
    lengths.sort_unstable();
    let full = lengths[lengths.len() * 4 / 5];
    (full * 85 / 100).max(70)
}

/// A line without what may follow its last punctuation: a footnote marker ("beschreven.¹",
/// "beschreven.[1]", "verlengen;3"), a closing quote or bracket ("een «algeheel verbod.»", "(zie de bijlage.)").
pub fn sentence_end(line: &str) -> &str {
    let mut end = line.trim_end();
    loop {
        let trimmed = end
            .trim_end_matches(|c: char| {
                matches!(
                    c,
                    '⁰' | '¹' | '²' | '³' | '⁴'..='⁹' | '»' | '"' | '”' | '’' | '\'' | ')'
                )
            })
            .trim_end();
        // "[12]" as a marker: digits inside brackets.
        let trimmed = match trimmed.strip_suffix(']') {
            Some(inner) => {
                let digits = inner.trim_end_matches(|c: char| c.is_ascii_digit());
                match digits.strip_suffix('[') {
                    Some(before) if digits.len() < inner.len() => before,
                    _ => trimmed,
                }
            }
            None => trimmed,
        };
        // A plain marker glued to a word's punctuation: "verlengen;3", "uitgevoerd.12" (not
        // a number's point: "artikel 5.3").
        let trimmed = {
            let digits = trimmed.trim_end_matches(|c: char| c.is_ascii_digit());
            let mut back = digits.chars().rev();
            let glued = (1..=3).contains(&(trimmed.len() - digits.len()))
                && back
                    .next()
                    .is_some_and(|c| matches!(c, '.' | ';' | ':' | ',' | '?' | '!'))
                // After a word or a closing quote ("... draadje»?1"), or an act's number
                // ("Richtlijn (EU) 2019/1937:2"), whose slash no article number has.
                && back.next().is_some_and(|c| {
                    c.is_alphabetic()
                        || matches!(c, '»' | '”' | '’' | '"' | ')')
                        || (c.is_ascii_digit() && after_slash(back.clone()))
                });
            if glued {
                digits
            } else {
                trimmed
            }
        };
        if trimmed.len() == end.len() {
            return end;
        }
        end = trimmed;
    }
}

/// Whether the digits read backwards by `back` (the one before already taken) follow a slash:
/// the end of an act's number "2019/1937".
fn after_slash(back: impl Iterator<Item = char>) -> bool {
    let mut back = back.skip_while(char::is_ascii_digit);
    back.next() == Some('/') && back.next().is_some_and(|c| c.is_ascii_digit())
}

/// The measures of a document's page that tell a heading from wrapped prose.
struct Page {
    /// See [`short_line_chars`].
    short: usize,
    /// See [`wrap_width`].
    width: usize,
    /// See [`full_line_chars`].
    full: usize,
}

impl Page {
    fn of(items: &[BodyItem]) -> Page {
        Page {
            short: short_line_chars(items),
            width: wrap_width(items),
            full: full_line_chars(items),
        }
    }

    /// Whether a line runs (nearly) to the right margin: 95% of the document's full line.
    /// Ragged right text leaves a wrapped line a word short of the margin, a heading stops
    /// well before it.
    fn fills_line(&self, len: usize) -> bool {
        self.full > 0 && len * 100 >= self.full * 95
    }
}

/// The length of a full line of a hard-wrapped text: the 80th percentile of its longer lines,
/// or the longest of them when there are fewer than ten; 0 when it has none.
fn full_line_chars(items: &[BodyItem]) -> usize {
    let mut lengths = longer_line_lengths(items);
    lengths.sort_unstable();
    if lengths.len() < 10 {
        return lengths.last().copied().unwrap_or(0);
    }
    lengths[lengths.len() * 4 / 5]
}

/// Lines as wide as the page of a hard-wrapped text (a PDF's): a long line then is wrapped
/// prose. A text that keeps each paragraph on one line (an export, a web page copied as text)
/// has no page width: there a long line before a blank line may be a heading.
fn wrap_width(items: &[BodyItem]) -> usize {
    let lengths = longer_line_lengths(items);
    let very_long = lengths.iter().filter(|&&n| n > 160).count();
    if lengths.len() >= 5 && very_long * 4 >= lengths.len() {
        usize::MAX
    } else {
        WRAPPED_LINE_CHARS
    }
}

/// A heading: a short line of its own that does not end like prose, between finished text
/// and text that starts anew, measured against the document's [`Page`].
fn is_heading(line: &str, after_break: bool, next: Option<(&str, bool)>, page: &Page) -> bool {
    // A numbered label before the words it labels, standing alone between blank lines,
    // heads what follows however long it runs: "Aanbeveling 1: Geef elke ouder binnen zes
    // maanden duidelijkheid over ..." (a report's recommendation, answered below it).
    if after_break
        && numbered_label(line)
        && !line.ends_with(['.', ';', '?', '!'])
        && next.is_some_and(|(n, gap_after)| gap_after && starts_upper_or_number(n))
    {
        return true;
    }
    let len = line.chars().count();
    if !(2..=90).contains(&len) || line.split_whitespace().count() > 14 {
        return false;
    }
    if sentence_end(line).ends_with(['.', ',', ';', ':', '-', '–', '?', '!']) || !after_break {
        return false;
    }
    // A sentence that ends inside the line and another that begins after it is prose wrapped
    // at the margin ("Ik zie daarom geen aanleiding voor een indexering. De" / "Staatssecretaris
    // en ik zullen ..."), never a heading.
    static SENTENCE_INSIDE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\p{Ll}{3}[.?!]\s+\p{Lu}").expect("valid regex"));
    if SENTENCE_INSIDE.is_match(line) {
        return false;
    }
    if !line[list_label_len(line)..]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || !line.chars().any(|c| c.is_alphabetic())
    {
        return false;
    }
    // A line as long as the page is wide, with layout spacing after it, is wrapped prose;
    // only a numbered heading runs that long.
    let numbered = line.split_whitespace().next().is_some_and(|w| {
        w.trim_end_matches('.')
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.')
    });
    if !numbered && len >= page.width && next.is_some_and(|(_, gap_after)| gap_after) {
        return false;
    }
    // A line that fills the page's line and runs on into the next without a gap was wrapped
    // mid-sentence, even where the next line starts with a capital or a bracket ("... de
    // vaste commissie voor Binnenlandse" / "Zaken voor hun inbreng ...", "... een redelijk
    // evenwicht" / "(«fair balance») treft ..."). A heading stops short of the margin, or is
    // numbered or labelled.
    if !numbered
        && list_label_len(line) == 0
        && page.fills_line(len)
        && page.width != usize::MAX
        && next.is_some_and(|(_, gap_after)| !gap_after)
    {
        return false;
    }
    if line.starts_with("Den Haag") || line.starts_with("Aan de ") || line.starts_with("Nr. ") {
        return false;
    }
    if is_field_line(line) {
        return false;
    }
    // A bracket left open runs on below: "... vragen (Aanhangsel Handelingen II" / "2022/23,
    // nr. 2874) werd ...".
    if line.matches('(').count() > line.matches(')').count() {
        return false;
    }
    // A heading does not end on an article, a possessive or demonstrative, or a preposition:
    // the line goes on below it ("... rapporteren en uw" / "Kamer daarover ..."). Nor on a
    // word that wants a number after it ("geregeld in de artikelen" / "N 9 tot en met N 11
    // van de Kieswet").
    const OPEN_ENDINGS: &[&str] = &[
        "aan",
        "als",
        "bij",
        "binnen",
        "de",
        "deze",
        "dit",
        "door",
        "een",
        "en",
        "het",
        "hun",
        "in",
        "met",
        "mijn",
        "naar",
        "of",
        "om",
        "ons",
        "onze",
        "op",
        "over",
        "te",
        "tegen",
        "tot",
        "tussen",
        "uit",
        "uw",
        "van",
        "via",
        "voor",
        "zonder",
        "zoals",
        "artikel",
        "artikelen",
    ];
    if line
        .rsplit(' ')
        .next()
        .is_some_and(|w| OPEN_ENDINGS.contains(&w))
    {
        return false;
    }
    // Nor is a line of six words or more in which the government speaks, as its subject
    // ("Het kabinet is van mening dat de artikelen 2 en 13 Tijdelijke wet" / "Groningen samen
    // ...") or in the first person ("Tegelijkertijd deel ik de zorgen van de Vereniging van
    // Nederlandse" / "Gemeenten (VNG) dat ..."): a wrapped line of prose whose next line starts
    // with a name. Headings do not say "ik" or "wij".
    static SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:Het kabinet|De regering|De minister|De staatssecretaris|Ik|Wij|We)\s|\s(?:ik|wij|we)\s")
            .expect("valid regex")
    });
    if line.split_whitespace().count() >= 6 && SPEAKER.is_match(line) {
        return false;
    }
    // Nor a line of six words or more that ends on a reference's number, whose act is on the
    // next line ("... die worden beschermd door artikel 9" / "Grondwet en artikel 11 EVRM
    // ..."): a heading that names an article is short ("Artikel 9", "Wijziging van artikel 9").
    let mut back = line.split_whitespace().rev();
    let ends_on_reference = back
        .next()
        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        && back.next().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "artikel" | "artikelen" | "art." | "lid" | "nr." | "nrs." | "bijlage" | "onder"
            )
        });
    if ends_on_reference && line.split_whitespace().count() >= 6 {
        return false;
    }
    // Nor on a determiner and an inflected adjective, whose noun is on the next line ("...
    // van de richtlijn die de Europese" / "Commissie heeft aangekondigd").
    static OPEN_ADJECTIVE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|\s)(?:de|het|een|die|deze|dit|dat)\s+\p{L}+(?:se|sche|lijke|ale|ele|ieve|nde|ige)$")
            .expect("valid regex")
    });
    if OPEN_ADJECTIVE.is_match(line) {
        return false;
    }
    match next {
        None => false,
        Some((next, gap_after)) => {
            // Past 70 characters, on a wide page, only a line clearly shorter than the next
            // and without a sentence of its own ending inside it.
            let shorter =
                len <= page.short && len * 100 <= next.chars().count() * 85 && !line.contains(". ");
            starts_anew(next) && (gap_after || len <= 70 || shorter)
        }
    }
}

/// "Aanbeveling 1: ...", "Conclusie 3b: ...": a capitalised word and a number before a colon.
fn numbered_label(line: &str) -> bool {
    let Some((label, rest)) = line.split_once(": ") else {
        return false;
    };
    let mut words = label.split(' ');
    let (Some(word), Some(number), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().all(char::is_alphabetic)
        && number.len() <= 3
        && number.starts_with(|c: char| c.is_ascii_digit())
        && number.chars().all(|c| c.is_ascii_alphanumeric())
        && !rest.trim().is_empty()
}

/// Whether the letters on either side of a line-end hyphen would be read as one vowel if
/// joined ("data-" + "analyse", "zee-" + "egel", "auto-" + "ongeluk", "anti-" + "inflatie").
/// Dutch spelling writes a compound whose parts would run together so with a hyphen, and
/// inside a simple word such vowels carry a trema ("ideeën", "geüpload"), so the hyphen is the
/// word's own. Latin "-eum" words break without one ("muse-um"): the part after the hyphen of
/// a compound is a word of three letters or more.
fn vowel_clash(head: &str, tail: &str) -> bool {
    const ONE_SOUND: &[&str] = &[
        "aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "oe", "oi", "oo", "ou", "ui", "uu",
    ];
    if tail.chars().count() < 3 {
        return false;
    }
    match (head.chars().next_back(), tail.chars().next()) {
        (Some(a), Some(b)) => {
            let pair: String = [a, b].iter().flat_map(|c| c.to_lowercase()).collect();
            ONE_SOUND.contains(&pair.as_str())
        }
        _ => false,
    }
}

/// Join a wrapped line onto the text before it, undoing line-end hyphenation.
pub fn join_wrapped(before: &str, line: &str, hyphenated: &HyphenatedWords) -> String {
    let before = before.trim_end();
    let line = line.trim_start();
    let mut out = String::with_capacity(before.len() + line.len() + 1);
    if let Some(stem) = before.strip_suffix('-') {
        let last = stem.chars().next_back();
        let first = line.chars().next();
        let syllable_break =
            last.is_some_and(|c| c.is_lowercase()) && first.is_some_and(|c| c.is_lowercase());
        if syllable_break {
            let head = stem
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .unwrap_or("");
            let tail = line.split(|c: char| c.is_whitespace()).next().unwrap_or("");
            let tail_word: String = tail.chars().take_while(|c| c.is_alphanumeric()).collect();
            let head_word = head.trim_start_matches(|c: char| !c.is_alphanumeric());
            let with_hyphen = format!("{head_word}-{tail_word}").to_lowercase();
            // A suspended hyphen before "en"/"of" ("grens-" / "en krimpregio's"): the first
            // half of a shared compound, the words stay apart.
            if matches!(tail, "en" | "of") && line.len() > tail.len() {
                out.push_str(before);
                out.push(' ');
                out.push_str(line);
                return out;
            }
            // "niet-" + "essentiële": Dutch writes every "niet-" compound with its hyphen, and
            // no word breaks after a syllable "niet".
            if hyphenated.contains(&with_hyphen)
                || vowel_clash(head_word, &tail_word)
                || head_word.eq_ignore_ascii_case("niet")
            {
                out.push_str(before);
            } else {
                out.push_str(stem);
            }
        } else {
            // "AI-" + "verordening", "Staten-" + "Generaal": a real hyphen, no space.
            out.push_str(before);
        }
        out.push_str(line);
        return out;
    }
    out.push_str(before);
    if !before.is_empty() && !line.is_empty() {
        out.push(' ');
    }
    out.push_str(line);
    out
}

#[cfg(test)]
mod sentence_end_tests {
    use super::sentence_end;

    #[test]
    fn markers_quotes_and_brackets_after_the_full_stop_are_not_the_end() {
        assert_eq!(sentence_end("zijn beschreven.¹"), "zijn beschreven.");
        assert_eq!(sentence_end("zijn beschreven.[12]"), "zijn beschreven.");
        assert_eq!(
            sentence_end("een «algeheel verbod.»"),
            "een «algeheel verbod."
        );
        assert_eq!(sentence_end("(zie de bijlage.)"), "(zie de bijlage.");
        assert_eq!(sentence_end("Paragraaf 5.3"), "Paragraaf 5.3");
        assert_eq!(
            sentence_end("1. Ik zal de regeling verlengen;3"),
            "1. Ik zal de regeling verlengen;"
        );
        assert_eq!(sentence_end("zie artikel 5.12"), "zie artikel 5.12");
        assert_eq!(
            sentence_end("Bent u bekend met het bericht «zijden draadje»?1"),
            "Bent u bekend met het bericht «zijden draadje»?"
        );
        assert_eq!(sentence_end("Bijlage [A]"), "Bijlage [A]");
        assert_eq!(
            sentence_end("bij het wetsvoorstel ter implementatie van Richtlijn (EU) 2019/1937:2"),
            "bij het wetsvoorstel ter implementatie van Richtlijn (EU) 2019/1937:"
        );
        assert_eq!(sentence_end("zie artikel 6:2"), "zie artikel 6:2");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<BodyItem> {
        text.lines()
            .map(|l| {
                if l.trim().is_empty() {
                    BodyItem::Blank
                } else if l == "<PB>" {
                    BodyItem::PageBreak
                } else {
                    BodyItem::Line(l.to_string())
                }
            })
            .collect()
    }

    #[test]
    fn a_long_heading_in_a_text_with_unwrapped_paragraphs_stays_a_heading() {
        let para = "Tijdens het tweeminutendebat Jeugd van 12 november jl. zijn acht moties ingediend, en over twee daarvan heb ik in het debat al een oordeel gegeven; de overige zes bespreek ik hieronder.";
        let text = format!(
            "{para}\n\n{para}\n\nMotie van het lid Terpstra c.s. over een maximale wachttijd voor specialistische jeugdhulp\n\nDe motie van het lid Terpstra c.s. verzoekt de regering een norm af te spreken.\n\n{para}\n\n{para}\n"
        );
        let b = assemble(&lines(&text));
        let heading = b
            .iter()
            .find(|b| b.text.starts_with("Motie van het lid"))
            .expect("the heading is a block of its own");
        assert_eq!(heading.kind, BlockKind::Heading, "{b:?}");
        assert!(!heading.text.contains("De motie"), "{b:?}");
        // In a hard-wrapped text (a PDF's) a line as wide as the page before a blank line is
        // still wrapped prose.
        let wrapped = "Het kabinet heeft in de afgelopen periode onderzoek laten doen naar de\n\nFamily Law in andere lidstaten en de gevolgen daarvan.\n";
        let b = assemble(&lines(wrapped));
        assert_eq!(b.len(), 1, "{b:?}");
    }

    #[test]
    fn hyphenation_is_undone_but_real_hyphens_stay() {
        let h = HyphenatedWords::new();
        for (before, line, joined) in [
            // A suspended hyphen before "en" keeps its space.
            ("in grens-", "en krimpregio's", "in grens- en krimpregio's"),
            (
                "werd geïntrodu-",
                "ceerde in 2021",
                "werd geïntroduceerde in 2021",
            ),
            ("de AI-", "verordening", "de AI-verordening"),
            // A "niet-" compound keeps its hyphen; a word merely broken after "nie" does not.
            (
                "van niet-",
                "essentiële onderdelen",
                "van niet-essentiële onderdelen",
            ),
            ("een nie-", "tig verschil", "een nietig verschil"),
            ("de Staten-", "Generaal", "de Staten-Generaal"),
        ] {
            assert_eq!(join_wrapped(before, line, &h), joined);
        }
        // Parts whose vowels would run together keep their hyphen; other vowels at a break
        // are a syllable break ("re-" + "actie").
        for (before, line, joined) in [
            ("een data-", "analyse", "een data-analyse"),
            ("de zee-", "egel", "de zee-egel"),
            ("het auto-", "ongeluk", "het auto-ongeluk"),
            ("de anti-", "inflatie", "de anti-inflatie"),
            ("een re-", "actie", "een reactie"),
            ("het muse-", "um in", "het museum in"),
            ("cre-", "atief", "creatief"),
        ] {
            assert_eq!(join_wrapped(before, line, &h), joined);
        }
        let mut h = HyphenatedWords::new();
        h.insert("hoog-risico".into());
        assert_eq!(
            join_wrapped("als hoog-", "risico gekwalificeerd", &h),
            "als hoog-risico gekwalificeerd"
        );
        assert_eq!(
            join_wrapped("stellen van (kwaliteits-)eisen", "aan", &h),
            "stellen van (kwaliteits-)eisen aan"
        );
    }

    #[test]
    fn paragraphs_headings_and_page_breaks() {
        let b = assemble(&lines(
            "Het kabinet deelt de zorgen. \n\nAppreciatie op hoofdlijnen \n\nHet bericht noemt de grote zorgen \nvan de EDPB, zoals \n<PB>\nbij de inzet van camera's. \n\nDe Minister voor Rechtsbescherming, \nS. Dekker",
        ));
        let kinds: Vec<_> = b.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Paragraph,
                BlockKind::Heading,
                BlockKind::Paragraph,
                BlockKind::Paragraph
            ]
        );
        assert_eq!(
            b[2].text,
            "Het bericht noemt de grote zorgen van de EDPB, zoals bij de inzet van camera's."
        );
        assert_eq!(b[3].text, "De Minister voor Rechtsbescherming, S. Dekker");
    }

    #[test]
    fn labelled_items_and_headings_of_a_structured_paper_stand_apart() {
        // The shape of a BNC fiche: labelled fields, numbered and lettered headings.
        let b = assemble(&lines(
            "Het kabinet zal de Kamer informeren.\n5. Nederlandse positie ten aanzien van het voorstel\na) Essentie Nederlands beleid op dit terrein\nHet kabinet zet in op betere beschikbaarheid van gezondheidsgegevens.\nb) Beoordeling + inzet ten aanzien van dit voorstel\nHet kabinet verwelkomt het voorstel.",
        ));
        let kinds: Vec<_> = b.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (BlockKind::Paragraph, "Het kabinet zal de Kamer informeren."),
                (
                    BlockKind::Heading,
                    "5. Nederlandse positie ten aanzien van het voorstel"
                ),
                (
                    BlockKind::Heading,
                    "a) Essentie Nederlands beleid op dit terrein"
                ),
                (
                    BlockKind::Paragraph,
                    "Het kabinet zet in op betere beschikbaarheid van gezondheidsgegevens."
                ),
                (
                    BlockKind::Heading,
                    "b) Beoordeling + inzet ten aanzien van dit voorstel"
                ),
                (BlockKind::Paragraph, "Het kabinet verwelkomt het voorstel."),
            ]
        );
    }

    #[test]
    fn on_wide_pages_a_longer_line_may_be_a_heading() {
        // Lines of ~95 characters, as in a BNC fiche: a 71-character line between paragraphs
        // is a heading there (on a page of 70-character lines it would be prose).
        let prose = "Het kabinet steunt de doelstelling van de Commissie om bij te dragen aan meer transparantie op de";
        let mut text = String::new();
        for _ in 0..12 {
            text.push_str(prose);
            text.push('\n');
        }
        text.push_str("markten.\n\nHandelsverplichting voor aandelen en afgeleide instrumenten (STO en DTO)\nHet kabinet kan zich vinden in het voorstel om de handelsverplichting voor aandelen te\nvereenvoudigen.");
        let b = assemble(&lines(&text));
        assert_eq!(b.len(), 3, "{b:?}");
        assert_eq!(b[1].kind, BlockKind::Heading);
        assert!(b[1].text.starts_with("Handelsverplichting"));
    }

    #[test]
    fn list_labels() {
        for (line, len) in [
            ("a) Essentie", 3),
            ("(b) de reikwijdte", 4),
            ("iv) verder", 4),
            ("3) Ten derde", 3),
            ("5. Nederlandse positie", 3),
            ("2.1 Inleiding", 4),
            ("(2023) is het jaar", 0),
            ("a. de eerste", 0),
            ("2024 was een jaar", 0),
            ("Het kabinet", 0),
            ("ab) niet", 0),
        ] {
            assert_eq!(list_label_len(line), len, "{line}");
        }
    }

    #[test]
    fn each_bulleted_item_after_a_short_line_starts_a_block() {
        let b = assemble(&lines(
            "Over de volgende moties informeer ik uw Kamer later:\n– Over de motie-Van Dijk informeer ik uw Kamer na het zomerreces\n– De motie-Bikker voer ik uit in de volgende brief\nen wat daarna volgt.",
        ));
        assert_eq!(b.len(), 3, "{b:?}");
        assert!(b[1].text.starts_with("– Over de motie"), "{b:?}");
        assert!(b[2].text.ends_with("daarna volgt."), "{b:?}");
    }

    #[test]
    fn a_bulleted_item_in_capitals_after_a_finished_long_line_starts_a_block() {
        // A committee's list of toezeggingen wrapped at the page's width; a dash that wraps
        // inside a sentence goes on in lower case and stays in it.
        let b = assemble(&lines(
            "Toezeggingen\n– De minister laat voor de zomer van 2025 onderzoeken of pachters bij\nvrijwillige kavelruil een wettelijk recht op informatie kunnen krijgen.\n– De minister informeert de Kamer vóór de start van de internetconsultatie\nper brief over de uitwerking van de minimumduur voor geliberaliseerde pacht.\nDe regeling geldt voor verpachters die een perceel verpachten aan boeren\n– die al jaren op de grond werken – en voor hun opvolgers.",
        ));
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(b.len(), 3, "{texts:?}");
        assert!(texts[1].starts_with("– De minister laat"), "{texts:?}");
        assert!(
            texts[2].starts_with("– De minister informeert"),
            "{texts:?}"
        );
        assert!(
            texts[2].ends_with("boeren – die al jaren op de grond werken – en voor hun opvolgers."),
            "{texts:?}"
        );
    }

    #[test]
    fn a_line_in_which_the_government_speaks_runs_on_into_a_name() {
        // A ragged print: a short line in which the cabinet or a minister speaks, then a line
        // that starts with a name. Near miss: a short heading above a paragraph stays one.
        let text = "het Instituut daarbij alle middelen van onderzoek kan inzetten. Zoals in de \nmemorie van toelichting is uiteengezet, behoudt de aanvrager de moge-\nlijkheid zich op grond van art. 6:177 BW tot de burgerlijke rechter te \nwenden. \n\nHet kabinet is van mening dat de artikelen 2 en 13 Tijdelijke wet \nGroningen samen een stevige basis vormen voor een onafhankelijke en \nruimhartige afhandeling. Het Instituut heeft zelf aangegeven dat het de \nruimte die de wet biedt volledig zal benutten. \n\nVersterking en schadeherstel\nDe versterkingsopgave blijft groot in de hele provincie Groningen. \n";
        let b = assemble(&lines(text));
        let texts: Vec<_> = b.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert!(
            b.iter()
                .any(|b| b.text.contains("13 Tijdelijke wet Groningen samen")),
            "{texts:?}"
        );
        assert!(
            b.iter()
                .any(|b| b.text == "Versterking en schadeherstel" && b.kind == BlockKind::Heading),
            "{texts:?}"
        );
    }

    #[test]
    fn a_line_ending_on_an_articles_number_runs_on_into_its_act() {
        // "... door artikel 9" / "Grondwet en artikel 11 EVRM ...": the act of the reference
        // opens the next line. Near miss: a short heading on an article stays one.
        let text = "sectoren die in artikel 58ra, eerste lid, Wpg limitatief zijn opgesomd. \nBetogingen en andere bijeenkomsten die worden beschermd door artikel 9 \nGrondwet en artikel 11 EVRM vallen daar niet onder: voor deelname aan een \ndemonstratie kan geen coronatoegangsbewijs worden verlangd. \n\nWijziging van artikel 9\nDe wijziging van artikel 9 van de wet regelt de termijn van de melding. \n";
        let b = assemble(&lines(text));
        let texts: Vec<_> = b.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert!(
            b.iter()
                .any(|b| b.text.contains("artikel 9 Grondwet en artikel 11")),
            "{texts:?}"
        );
        assert!(
            b.iter()
                .any(|b| b.text == "Wijziging van artikel 9" && b.kind == BlockKind::Heading),
            "{texts:?}"
        );
    }

    #[test]
    fn a_line_ending_on_a_possessive_runs_on_into_its_noun() {
        // "uw" / "Kamer": a short line of a ragged print ends on a possessive whose noun, a
        // capitalised one, opens the next line. No heading ends so.
        let text = "gemeenten, politie, Openbaar Ministerie en de Belastingdienst. In 2018 \nis uit het Ondermijningsfonds € 25 miljoen toegekend aan regionale \nprojecten. De regeling daarvoor is gepubliceerd in de Staatscourant. \nWij zullen de resultaten van deze projecten laten evalueren en uw \nKamer daarover in 2020 rapporteren. \n";
        let b = assemble(&lines(text));
        let texts: Vec<_> = b.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert!(
            b.iter()
                .any(|b| b.text.contains("laten evalueren en uw Kamer daarover")),
            "{texts:?}"
        );
    }

    #[test]
    fn a_line_that_fills_the_page_runs_on_into_a_capital_or_a_bracket() {
        // A ragged-right print of about 70 characters a line: a wrapped line ends a word
        // short of the margin, on a name or before a bracket.
        let text = "Ontvangen 19 april 2024\n\nDe regering dankt de leden van de vaste commissie voor Binnenlandse\nZaken voor hun inbreng in het voorlopig verslag. De leden van de\nfracties van GroenLinks-PvdA, VVD, BBB, CDA, D66, SP, JA21 en de\nChristenUnie hebben vragen gesteld en opmerkingen gemaakt. Bij de\nbeantwoording is de volgorde van het verslag aangehouden, waarbij de\nvragen zoveel mogelijk per onderwerp zijn samengevoegd en beantwoord.\nDe regering is van oordeel dat het wetsvoorstel een redelijk evenwicht\n(«fair balance») treft tussen het belang van huurders bij een betaalbare\nwoning en het belang van verhuurders bij een redelijk rendement. Bij\ndie afweging is betrokken dat het Europees Hof de lidstaten een ruime\nbeoordelingsmarge laat.\n\nDe verhouding tot het eigendomsrecht\nHet eigendomsrecht van verhuurders wordt door het wetsvoorstel beperkt.\n";
        let b = assemble(&lines(text));
        let texts: Vec<_> = b.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert!(
            b.iter()
                .any(|b| b.text.contains("voor Binnenlandse Zaken voor hun inbreng")),
            "{texts:?}"
        );
        assert!(
            b.iter()
                .any(|b| b.text.contains("redelijk evenwicht («fair balance») treft")),
            "{texts:?}"
        );
        // Near miss: a line that stops well short of the margin is still a heading.
        let heading = b
            .iter()
            .find(|b| b.text == "De verhouding tot het eigendomsrecht")
            .expect("the heading is a block of its own");
        assert_eq!(heading.kind, BlockKind::Heading, "{texts:?}");
        // Near miss: on a page of 76-character lines a 69-character line between a finished
        // sentence and a new one stops short of the margin: a heading.
        let prose =
            "Het kabinet heeft de Kamer eerder geïnformeerd over de inzet van camera's in\n";
        let text = format!(
            "{}met de noodzakelijke waarborgen.\nDe toepassing van gezichtsherkenningstechnologie in het politiedomein\nDe Minister van Justitie en Veiligheid heeft uw Kamer in 2019 geïnformeerd over de\nwaarborgen.\n",
            prose.repeat(12)
        );
        let b = assemble(&lines(&text));
        assert_eq!(b.len(), 3, "{b:?}");
        assert_eq!(b[1].kind, BlockKind::Heading, "{b:?}");
    }

    #[test]
    fn heading_without_blank_lines_around_it() {
        let b = assemble(&lines(
            "met de inzet van deze technologie wordt omgegaan met de noodzakelijke waarborgen.\nDe toepassing van gezichtsherkenningstechnologie in het politiedomein\nDe Minister van Justitie en Veiligheid heeft uw Kamer in 2019 geïnformeerd over de",
        ));
        assert_eq!(b.len(), 3, "{b:?}");
        assert_eq!(b[1].kind, BlockKind::Heading);
    }

    #[test]
    fn a_line_carried_on_by_a_bare_number_or_bracket_is_no_heading() {
        // A paragraph's first line, after a blank line, whose next line starts with a number
        // or a bracket that labels nothing: the sentence runs on.
        let b = assemble(&lines(
            "4. Vervolg\n\nIk zal de Aanwijzingen inzake externe contacten van rijksambtenaren\n(Stcrt. 1998, 66) aanpassen, zodat duidelijker wordt wanneer ambtenaren\nrechtstreeks contact met Kamerleden kunnen hebben.\n\nDe grondslag voor de stemopneming is geregeld in de artikelen\nN 9 tot en met N 11 van de Kieswet.\n\nDe rechtspraak en haar onafhankelijkheid zijn geregeld in hoofdstuk\n6 van de Grondwet.",
        ));
        let texts: Vec<_> = b.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(b.len(), 4, "{texts:?}");
        assert!(b[1]
            .text
            .contains("rijksambtenaren (Stcrt. 1998, 66) aanpassen"));
        assert!(b[2].text.contains("de artikelen N 9 tot en met N 11"));
        assert!(
            b[1..].iter().all(|b| b.kind == BlockKind::Paragraph),
            "{texts:?}"
        );
        // A table's cell wrapped after "nr.": its number is no heading of its own; a short
        // line after a finished sentence still is one.
        let b = assemble(&lines(
            "bezien of de termijn toereikend is.\nHandelingen II 2024/25, nr.\n38, item 9\n\nAfgedaan met deze brief.\n2 Vervolgstappen\nDe staatssecretaris zal de Kamer informeren.",
        ));
        let texts: Vec<_> = b.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert!(b[0].text.ends_with("nr. 38, item 9"), "{texts:?}");
        assert_eq!(b.len(), 4, "{texts:?}");
        assert_eq!(b[2].kind, BlockKind::Heading, "{texts:?}");
        // Near miss: a labelled item below a short heading starts anew.
        let b = assemble(&lines(
            "Nederlandse positie\n(a) Het kabinet steunt het voorstel.\n1. Het kabinet steunt ook de rest.",
        ));
        assert_eq!(b[0].kind, BlockKind::Heading, "{b:?}");
        assert_eq!(b.len(), 3, "{b:?}");
    }

    #[test]
    fn a_letters_address_and_date_lines_stand_alone_without_blank_lines() {
        let b = assemble(&lines(
            "BRIEF VAN DE MINISTER VAN SOCIALE ZAKEN EN WERKGELEGENHEID\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 26 juni 2023\nOp 1 januari 2022 is de Wet inburgering 2021 in werking getreden. Met het\nnieuwe stelsel hebben gemeenten de regie.",
        ));
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert!(texts.contains(&"Den Haag, 26 juni 2023"), "{texts:?}");
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("Op 1 januari 2022 is de Wet")),
            "{texts:?}"
        );
        // Near miss: "Den Haag" inside a sentence is prose.
        assert!(!is_letter_line(
            "Den Haag, 26 juni 2023 is de datum van de brief."
        ));
        assert!(is_letter_line("Den Haag, 3 december 2026"));
    }

    #[test]
    fn a_numbered_label_standing_alone_heads_what_follows_however_long() {
        let b = assemble(&lines(
            "De ombudsman doet vijf aanbevelingen.\n\nAanbeveling 1: Geef elke ouder binnen zes maanden duidelijkheid over de termijn waarop het besluit volgt\n\nDeze aanbeveling neem ik over.",
        ));
        assert_eq!(b.len(), 3, "{b:?}");
        assert_eq!(b[1].kind, BlockKind::Heading, "{b:?}");
        assert_eq!(b[2].text, "Deze aanbeveling neem ik over.");
        // Not a label: a word and a number that are a sentence's start.
        assert!(!numbered_label("In 2023: meer meldingen dan ooit"));
        assert!(numbered_label("Conclusie 3b: het toezicht schiet tekort"));
    }

    #[test]
    fn a_line_that_runs_on_into_the_next_is_not_a_heading() {
        // A bracket left open, or a determiner and an inflected adjective whose noun is on the
        // next line.
        for (text, joined) in [
            (
                "Eerdere tekst.\n\nIn antwoord op eerdere schriftelijke vragen (Aanhangsel Handelingen II\n2022/23, nr. 2874) werd bevestigd dat het zo is.\n",
                "II 2022/23",
            ),
            (
                "Eerdere tekst.\n\nHet kabinet steunt de herziening van de richtlijn die de Europese\nCommissie heeft aangekondigd in het pakket van juni 2025.\n",
                "Europese Commissie",
            ),
        ] {
            let blocks = assemble(&lines(text));
            assert_eq!(blocks.len(), 2, "{blocks:?}");
            assert_eq!(blocks[1].kind, BlockKind::Paragraph);
            assert!(blocks[1].text.contains(joined), "{blocks:?}");
        }
        // A noun ending in -e stays a heading's last word.
        let blocks = assemble(&lines(
            "Eerdere tekst.\n\nReactie van de Commissie\n\nDe Commissie schrijft.\n",
        ));
        assert_eq!(blocks[1].kind, BlockKind::Heading, "{blocks:?}");
    }

    #[test]
    fn a_labelled_field_line_is_content_not_a_heading() {
        let b = assemble(&lines(
            "Deze motie verzoekt de regering een verbod uit te werken.\n\nAppreciatie: ontraden\n\nHet kabinet acht een verbod niet proportioneel.",
        ));
        assert_eq!(b.len(), 3, "{b:?}");
        assert_eq!(b[1].kind, BlockKind::Paragraph, "{b:?}");
        assert_eq!(b[1].text, "Appreciatie: ontraden");
    }

    #[test]
    fn each_row_of_a_text_table_is_a_block() {
        let b = assemble(&lines(
            "Hieronder de appreciaties.\nMotie nr. 11 | Beckerman | Huurtoeslag | Ontraden\nMotie nr. 13 | Grinwis | Maximering | Oordeel Kamer\nDaarna volgt de toelichting.",
        ));
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Hieronder de appreciaties.",
                "Motie nr. 11 | Beckerman | Huurtoeslag | Ontraden",
                "Motie nr. 13 | Grinwis | Maximering | Oordeel Kamer",
                "Daarna volgt de toelichting."
            ]
        );
    }

    #[test]
    fn a_heading_wrapped_over_two_lines_is_one_heading() {
        let b = assemble(&lines("Hierbij zenden wij u de beantwoording.\n\nReactie op Rathenau Instituut: Zeven aandachtspunten voor de \nAI-verordening \n\nHet Rathenau Instituut heeft op 10 september een bericht gepubliceerd."));
        assert_eq!(b.len(), 3, "{b:?}");
        assert_eq!(b[1].kind, BlockKind::Heading);
        assert_eq!(
            b[1].text,
            "Reactie op Rathenau Instituut: Zeven aandachtspunten voor de AI-verordening"
        );
    }

    #[test]
    fn layout_spacing_between_wrapped_lines_is_not_a_paragraph_break() {
        let b = assemble(&lines("Dit onderzoek is gedaan door het Utrecht Centre for European Research into\n\nFamily Law (UCERF). Het rapport is bijgevoegd.\n\nDen Haag, 1 maart 2011\n\nOp 23 juni heeft uw commissie verzocht."));
        assert_eq!(b.len(), 3, "{b:?}");
        assert!(b[0].text.contains("Research into Family Law (UCERF)."));
    }

    #[test]
    fn a_blank_line_inside_a_sentence_does_not_split_it() {
        let b = assemble(&lines(
            "European Data Protection Supervisor (EDPS)2 \n\nover de concept AI-verordening.",
        ));
        assert_eq!(b.len(), 1);
    }
}
