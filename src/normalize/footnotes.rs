//! Footnote blocks lifted out of the body.
//!
//! A print PDF puts each page's footnotes at its foot, so in extracted text they stand in the
//! middle of the running prose, often mid-sentence. Two forms occur:
//! - numbered lines ("3 Kamerstuk 26 643, nr. 641.") whose numbers follow on from the previous
//!   footnote, with continuation lines until the next page starts (a line that begins with a
//!   space), furniture, or the next footnote;
//! - superscript-numbered paragraphs of later exports ("¹ Kamerstukken II 2021/22 …"), whose
//!   wrapped lines go on until a blank line or a line that starts anew after a finished sentence.
//!
//! The sequence rule (a footnote line must carry the next expected number) is what keeps list
//! items and numbers in the prose from being read as footnotes.

use super::blocks::{ends_sentence, is_bare_item_number, join_wrapped, BodyItem};
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawFootnote {
    pub marker: String,
    pub text: String,
}

#[derive(Debug, Default)]
pub struct Split {
    pub body: Vec<BodyItem>,
    pub footnotes: Vec<RawFootnote>,
}

static PLAIN_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\d{1,3})\s+(\S.*)$").expect("valid regex"));
static SUPER_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(\S.*)$").expect("valid regex"));
/// A web page's notes copied as text: "[1] Kamerstuk 26 643, nr. 1100." (in order: 1, 2, ...).
static BRACKET_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\[(\d{1,3})\]\s*(\S.*)$").expect("valid regex"));

/// Longest run of continuation lines one footnote may have; past it the block is over.
const MAX_CONTINUATION: usize = 10;

pub fn superscript_to_ascii(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '⁰' => Some('0'),
            '¹' => Some('1'),
            '²' => Some('2'),
            '³' => Some('3'),
            '⁴'..='⁹' => char::from_u32(c as u32 - '⁴' as u32 + '4' as u32),
            '0'..='9' => Some(c),
            _ => None,
        })
        .collect()
}

enum State {
    Body,
    /// In a footnote: whether it is of the superscript form, how many continuation lines it has.
    Note {
        superscript: bool,
        continuation: usize,
    },
}

pub fn split(lines: &[&str], furniture: &[bool]) -> Split {
    let mut out = Split::default();
    let mut state = State::Body;
    let mut expected: u32 = 1;
    let mut expected_bracket: u32 = 1;
    let mut after_gap = true;
    // A note whose number stood alone on its line: its text is the next line that is not blank.
    let mut text_pending = false;

    // Lines already read as part of a page's notes (see `grouped_notes`).
    let mut read_up_to = 0;

    for (i, line) in lines.iter().enumerate() {
        if i < read_up_to {
            continue;
        }
        if furniture[i] {
            if matches!(state, State::Note { .. }) {
                state = State::Body;
            }
            out.body.push(BodyItem::PageBreak);
            after_gap = true;
            continue;
        }
        if line.trim().is_empty() {
            if let State::Note {
                superscript: false, ..
            } = state
            {
                // Blank lines inside a footnote block are the extractor's; continuation follows.
            } else {
                out.body.push(BodyItem::Blank);
            }
            after_gap = true;
            continue;
        }

        if text_pending {
            text_pending = false;
            if let Some(note) = out.footnotes.last_mut() {
                note.text = line.trim().to_string();
                after_gap = false;
                continue;
            }
        }
        // A number alone between blank lines, and the note's text after another blank line:
        // pdftotext's layout of a page's notes in some prints ("... de verwerking van
        // bijzondere" / "" / "2" / "" / "Memorie van toelichting, paragraaf 3.1."). Only where
        // the notes cut the body mid-sentence, or after another note: a numbered question
        // between blank lines follows a finished sentence.
        if let Some((texts, end)) = (!text_pending)
            .then(|| grouped_notes(lines, furniture, i, expected))
            .flatten()
        {
            let in_note = matches!(state, State::Note { .. });
            for (d, text) in texts.into_iter().enumerate() {
                let _ = open_numbered_note(&mut out, expected, text, in_note || d > 0);
                expected += 1;
            }
            // The notes end with their last line: what follows is the page's foot or its
            // prose again.
            state = State::Body;
            read_up_to = end;
            after_gap = true;
            continue;
        }
        if let Some(n) = bare_number(line) {
            let in_note = matches!(
                state,
                State::Note {
                    superscript: false,
                    ..
                }
            );
            let blank_after = lines.get(i + 1).is_some_and(|l| l.trim().is_empty());
            // Or the text right under it, set in further ("2" / "  Kamerstuk 22 112, nr.
            // 3603."): a hanging note of `pdftotext -layout`.
            let indent = |l: &str| l.len() - l.trim_start().len();
            let hanging_after = lines.get(i + 1).is_some_and(|l| {
                !l.trim().is_empty() && !furniture[i + 1] && indent(l) > indent(line)
            });
            // A note's text opens with a capital ("Kamerstuk", "Zie"); the body going on
            // after a page's number does not ("wezenlijk andere grondslag ...").
            let text_after = lines
                .iter()
                .zip(furniture)
                .skip(i + 1)
                .find(|(l, _)| !l.trim().is_empty())
                .filter(|(l, f)| {
                    !**f && bare_number(l).is_none()
                        && l.trim_start()
                            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                })
                .is_some();
            // Nor the page's number under its footer ("Tweede Kamer, vergaderjaar ..." / "" /
            // "2").
            let after_furniture = lines[..i]
                .iter()
                .zip(furniture)
                .rev()
                .find(|(l, _)| !l.trim().is_empty())
                .is_some_and(|(_, f)| *f);
            let cut_mid_sentence = last_body_line(&out.body).is_some_and(|l| !ends_sentence(l));
            // The number may follow the body's line or the note before it directly ("... een
            // bindende" / "3" / "" / "Kansspelautoriteit, ...").
            if n == expected
                && (blank_after || hanging_after)
                && text_after
                && !after_furniture
                && (in_note || cut_mid_sentence || notes_to_the_page_foot(lines, furniture, i))
            {
                state = open_numbered_note(&mut out, n, String::new(), in_note);
                expected = n + 1;
                text_pending = true;
                continue;
            }
        }
        // The rule a print sets above a page's notes ("_______________"): a break, after
        // which a numbered note may start.
        if is_note_rule(line) {
            if matches!(state, State::Note { .. }) {
                state = State::Body;
            }
            out.body.push(BodyItem::PageBreak);
            after_gap = true;
            continue;
        }
        let note = SUPER_START.captures(line).or_else(|| {
            let c = BRACKET_START
                .captures(line)
                .filter(|c| c[1].parse::<u32>().is_ok_and(|n| n == expected_bracket))?;
            expected_bracket += 1;
            Some(c)
        });
        if let Some(c) = note {
            let marker = superscript_to_ascii(&c[1]);
            out.footnotes.push(RawFootnote {
                marker,
                text: c[2].trim_end().to_string(),
            });
            if matches!(state, State::Body) {
                out.body.push(BodyItem::PageBreak);
            }
            state = State::Note {
                superscript: true,
                continuation: 0,
            };
            after_gap = false;
            continue;
        }
        let starts_page = line.starts_with(' ') && !line.starts_with("  ");
        if let Some(c) = PLAIN_START.captures(line) {
            let n: u32 = c[1].parse().unwrap_or(0);
            let in_note = matches!(
                state,
                State::Note {
                    superscript: false,
                    ..
                }
            );
            if n == expected
                && (after_gap || in_note || breaks_a_word(&out.body))
                && !starts_page_with_prose(line, starts_page, in_note)
                && !columns_of_a_table(&c[2])
            {
                state = open_numbered_note(&mut out, n, c[2].trim_end().to_string(), in_note);
                expected = n + 1;
                after_gap = false;
                continue;
            }
        }
        if let State::Note {
            superscript,
            continuation,
        } = state
        {
            let goes_on = continuation < MAX_CONTINUATION
                && if superscript {
                    // Wrapped onto the next line, with no blank line between: the note stopped
                    // mid-sentence ("... van de AVG" / "(overweging 39).") or the line goes on in
                    // lower case ("... artikel 52 van de" / "conceptverordening."). A line that
                    // starts anew after a finished note is the body's.
                    !after_gap
                        && (line.trim_start().starts_with(char::is_lowercase)
                            || out
                                .footnotes
                                .last()
                                .is_some_and(|note| !ends_sentence(&note.text)))
                } else {
                    // Numbered notes go on until the next page starts; but after a finished
                    // note and a blank line, a line that starts anew is the body's (a note
                    // line in the middle of a typed text: "1 NOS, 8 maart 2019." / "" /
                    // "Antwoord 1"; "8 Aanhangsel Handelingen II 2022/23, nr. 1586" / "" /
                    // "Vervolg").
                    let finished = after_gap
                        && out
                            .footnotes
                            .last()
                            .is_some_and(|note| finished_note(&note.text));
                    // After a finished note and a blank line, the body's: a line that starts
                    // anew, or one that carries on the body's sentence the notes cut.
                    // An opening quote before the capital is the body's too: a heading that
                    // quotes a recommendation ("«Zorg dat de AI-verordening ...»").
                    let body_again = finished
                        && (line
                            .trim_start()
                            .trim_start_matches(['«', '"', '“', '„', '‘', '\'', '('])
                            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                            || resumes_body(&out.body, line));
                    !starts_page && !body_again
                };
            if goes_on {
                if let Some(note) = out.footnotes.last_mut() {
                    note.text = join_wrapped(&note.text, line.trim(), &Default::default());
                }
                state = State::Note {
                    superscript,
                    continuation: continuation + 1,
                };
                after_gap = false;
                continue;
            }
        }
        match state {
            State::Note { .. } => {
                // The page's prose starts again: the footnote block is a page break.
                out.body.push(BodyItem::PageBreak);
                state = State::Body;
            }
            State::Body => {}
        }
        out.body.push(BodyItem::Line(line.trim_end().to_string()));
        after_gap = false;
    }
    out
}

/// Whether a numbered line's text stands in columns, as a row of a table that `pdftotext
/// -layout` keeps ("Motie van het lid Koekkoek over    32 317, nr. 887    Wordt"): two gaps
/// of three spaces or more between words. A note's text runs as prose.
fn columns_of_a_table(text: &str) -> bool {
    let mut gaps = 0;
    let mut spaces = 0;
    let mut seen_word = false;
    for c in text.trim_end().chars() {
        if c == ' ' {
            spaces += 1;
        } else {
            if seen_word && spaces >= 3 {
                gaps += 1;
            }
            spaces = 0;
            seen_word = true;
        }
    }
    gaps >= 2
}

/// Whether the lines from `from` on run to the page's foot (its furniture) as notes do: within
/// a few lines, none of them a question. Numbered questions between blank lines ("1" / "" /
/// "Kent u het bericht ...?") are no notes.
fn notes_to_the_page_foot(lines: &[&str], furniture: &[bool], from: usize) -> bool {
    const NOTES_REACH: usize = 24;
    for (line, &is_furniture) in lines.iter().zip(furniture).skip(from).take(NOTES_REACH) {
        if is_furniture {
            return true;
        }
        if line.trim_end().ends_with('?') {
            return false;
        }
    }
    false
}

/// A page's notes with their numbers gathered in a column above their texts, as `pdftotext`
/// gives some prints: "1" / "2" / "3" / "" / "Kamerstuk 27 924, nr. 84." / "Kamerstuk 27 924,
/// nr. 86." / "Kamerstukken II 2022/23, ...". Two or more numbers in sequence from `expected`,
/// each alone on its line at `at` and after, a blank line, then as many lines of text, one a
/// note, each opening as a note does, and then a blank line or the page's foot. The notes'
/// texts and the line after the last, or `None` when the lines are not laid out so.
fn grouped_notes(
    lines: &[&str],
    furniture: &[bool],
    at: usize,
    expected: u32,
) -> Option<(Vec<String>, usize)> {
    let mut k = 0;
    while lines
        .get(at + k)
        .and_then(|l| bare_number(l))
        .is_some_and(|n| n == expected + k as u32 && !furniture[at + k])
    {
        k += 1;
    }
    if k < 2 {
        return None;
    }
    let mut j = at + k;
    if !lines.get(j)?.trim().is_empty() {
        return None;
    }
    while lines.get(j).is_some_and(|l| l.trim().is_empty()) {
        j += 1;
    }
    let texts = lines.get(j..j + k)?;
    let notes_open = texts.iter().enumerate().all(|(d, l)| {
        !furniture[j + d]
            && bare_number(l).is_none()
            && l.trim_start()
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    });
    let end = j + k;
    let closed = lines
        .get(end)
        .is_none_or(|l| l.trim().is_empty() || furniture[end]);
    (notes_open && closed).then(|| (texts.iter().map(|l| l.trim().to_string()).collect(), end))
}

/// Starts numbered note `n` with `text` (its first line): the body breaks there unless a note
/// block is already open. The state to go on in.
fn open_numbered_note(out: &mut Split, n: u32, text: String, in_note: bool) -> State {
    out.footnotes.push(RawFootnote {
        marker: n.to_string(),
        text,
    });
    if !in_note {
        out.body.push(BodyItem::PageBreak);
    }
    State::Note {
        superscript: false,
        continuation: 0,
    }
}

/// A line that is only a number of one to three digits: "2".
fn bare_number(line: &str) -> Option<u32> {
    let t = line.trim();
    is_bare_item_number(t).then(|| t.parse().ok()).flatten()
}

/// The body's last line of text, past blank lines and page breaks.
fn last_body_line(body: &[BodyItem]) -> Option<&str> {
    body.iter().rev().find_map(|item| match item {
        BodyItem::Line(l) => Some(l.as_str()),
        _ => None,
    })
}

/// Whether the body's last line breaks a word at its end ("Het ziet het risico dat kleine
/// zorgaan-"): the word goes on in lower case, so a numbered line right under it, with no blank
/// line between, is the page's first note, and the word resumes after the notes.
fn breaks_a_word(body: &[BodyItem]) -> bool {
    let Some(BodyItem::Line(last)) = body.last() else {
        return false;
    };
    let mut rev = last.trim_end().chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(char::is_lowercase)
}

/// Whether a note reads as finished: a sentence's end, or a citation's number or page
/// ("Kamerstukken II 2018/19, 35 073, nr. 3, p. 12–14"), as notes that only cite end without a
/// full stop. (Not a bracket: "... van de Richtlijn (EU)" / "" / "2016/680." goes on.)
fn finished_note(text: &str) -> bool {
    let t = text.trim_end();
    (ends_sentence(t) || t.ends_with(|c: char| c.is_ascii_digit())) && !wants_a_number(t)
}

/// Whether a note stops on an abbreviation a number must follow ("Kamerstukken II 2014/15,
/// 34 109, nr." / "" / "3, p. 41-43."): its full stop ends no sentence, so the next line,
/// though it starts with a digit, goes on with the note.
fn wants_a_number(text: &str) -> bool {
    let last = text
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == ',')
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        last.as_str(),
        "nr." | "nrs." | "no." | "p." | "pp." | "blz." | "art." | "artt." | "r.o." | "jo."
    )
}

/// Whether `line`, after a finished note and a blank line, carries on the body's sentence that
/// the notes of a page cut: the body's last line stopped mid-sentence ("... om de doelen in
/// de") and this one goes on in lower case ("wet zelf ambitieuzer te formuleren."). A note's
/// own wrapped line follows it without a blank line, or after a note that is not finished.
fn resumes_body(body: &[BodyItem], line: &str) -> bool {
    last_body_line(body).is_some_and(|l| !ends_sentence(l))
        && line.trim_start().starts_with(char::is_lowercase)
}

/// A line of only underscores or dashes, as a print rules off the notes at a page's foot.
fn is_note_rule(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() >= 5 && t.chars().all(|c| matches!(c, '_' | '-' | '–' | '—' | '‾'))
}

/// A page that starts with a number in the prose (" 12 organisaties hebben …") is not a
/// footnote when we are not in a footnote block and the line begins the page.
fn starts_page_with_prose(_line: &str, starts_page: bool, in_note: bool) -> bool {
    starts_page && !in_note
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The body's text lines, without blanks and page breaks.
    fn body_lines(s: &Split) -> Vec<&str> {
        s.body
            .iter()
            .filter_map(|b| match b {
                BodyItem::Line(l) => Some(l.as_str()),
                _ => None,
            })
            .collect()
    }

    fn run(text: &str) -> Split {
        let lines: Vec<&str> = text.lines().collect();
        let furniture = vec![false; lines.len()];
        split(&lines, &furniture)
    }

    /// `split` with the lines that start with `footer` marked as the page's furniture.
    fn run_with_footer(text: &str, footer: &str) -> Split {
        let lines: Vec<&str> = text.lines().collect();
        let furniture: Vec<bool> = lines.iter().map(|l| l.starts_with(footer)).collect();
        split(&lines, &furniture)
    }

    #[test]
    fn the_page_s_note_numbers_gathered_above_their_texts() {
        // pdftotext of some prints: "1" / "2" / "3" / "" / three notes, one a line, cutting the
        // body mid-word; the footer, and the body going on. Two numbers in a row that are no
        // notes (a count's lines) are left alone.
        let text = "Het kabinet maakt zich zorgen over de gevolgen voor jonge boeren, die voor hun\nbedrijfs-\n\n1\n2\n3\n\nKamerstuk 27 924, nr. 84.\nKamerstuk 27 924, nr. 86.\nKamerstukken II 2022/23, 27 924, nr. 81 (bijlage).\n\nTweede Kamer, vergaderjaar 2024-2025, 27 924, nr. 92\n\nopvolging op kortlopende pacht zijn aangewezen.\n\n4\n5\n\nzijn de cijfers van 2023 en 2024.";
        let s = run_with_footer(text, "Tweede Kamer,");
        let notes: Vec<(&str, &str)> = s
            .footnotes
            .iter()
            .map(|n| (n.marker.as_str(), n.text.as_str()))
            .collect();
        assert_eq!(
            notes,
            vec![
                ("1", "Kamerstuk 27 924, nr. 84."),
                ("2", "Kamerstuk 27 924, nr. 86."),
                ("3", "Kamerstukken II 2022/23, 27 924, nr. 81 (bijlage)."),
            ]
        );
        assert_eq!(
            body_lines(&s),
            vec![
                "Het kabinet maakt zich zorgen over de gevolgen voor jonge boeren, die voor hun",
                "bedrijfs-",
                "opvolging op kortlopende pacht zijn aangewezen.",
                "4",
                "5",
                "zijn de cijfers van 2023 en 2024.",
            ]
        );
    }

    #[test]
    fn a_number_alone_between_blank_lines_then_the_note_s_text() {
        // pdftotext of some prints: the page's notes as "2" / "" / text, cutting the body
        // mid-sentence, the next page's footer, and the body going on in lower case.
        let text = "Artikel 10 van de richtlijn staat de verwerking van bijzondere\n\n2\n\nMemorie van toelichting, paragraaf 3.1.\n\n3\n\nZie ook overweging 33 van de richtlijn en Kamerstukken II 2017/18, 34 889, nr. 3,\np. 27-29.\n\nTweede Kamer, vergaderjaar 2023-2024, 36 437, nr. 4\n\ncategorieën van persoonsgegevens slechts toe.";
        let lines: Vec<&str> = text.lines().collect();
        let furniture: Vec<bool> = lines
            .iter()
            .map(|l| l.starts_with("Tweede Kamer,"))
            .collect();
        // Notes 1 and 2 came before, in the same form.
        let mut s = split(&lines, &furniture);
        assert!(s.footnotes.is_empty(), "note 2 before note 1 is no note");
        let text1 = format!("Slot van de zin.\n\n1\n\nDe oorspronkelijke tekst ligt ter inzage.\n\nTweede Kamer, vergaderjaar 2023-2024, 36 437, nr. 4\n\n{text}");
        let lines: Vec<&str> = text1.lines().collect();
        let furniture: Vec<bool> = lines
            .iter()
            .map(|l| l.starts_with("Tweede Kamer,"))
            .collect();
        s = split(&lines, &furniture);
        let markers: Vec<&str> = s.footnotes.iter().map(|n| n.marker.as_str()).collect();
        assert_eq!(markers, vec!["1", "2", "3"]);
        assert_eq!(
            s.footnotes[1].text,
            "Memorie van toelichting, paragraaf 3.1."
        );
        assert!(s.footnotes[2].text.ends_with("nr. 3, p. 27-29."));
        assert_eq!(
            body_lines(&s),
            vec![
                "Slot van de zin.",
                "Artikel 10 van de richtlijn staat de verwerking van bijzondere",
                "categorieën van persoonsgegevens slechts toe."
            ]
        );
    }

    #[test]
    fn a_lone_number_right_under_the_body_line_then_the_note_to_the_page_foot() {
        // "... richten." / "1" / "" / "NOS, ..." / "2" / "" / "Ksa, ..." / "" / footer: the
        // notes run to the page's foot, each number right under the line before it.
        let text = "De aanbieders mogen zich niet op deze groepen richten.\n1\n\nNOS, 12 januari 2024, «Illegale casino’s».\n2\n\nKansspelautoriteit, Monitor kansspelen op afstand.\n\nAanhangsel Handelingen II 2023/24, nr. 1187 1\nVoor aanbieders zonder vergunning geldt een verbod.";
        let lines: Vec<&str> = text.lines().collect();
        let furniture: Vec<bool> = lines.iter().map(|l| l.starts_with("Aanhangsel")).collect();
        let s = split(&lines, &furniture);
        let markers: Vec<&str> = s.footnotes.iter().map(|n| n.marker.as_str()).collect();
        assert_eq!(markers, vec!["1", "2"]);
        assert_eq!(
            body_lines(&s),
            vec![
                "De aanbieders mogen zich niet op deze groepen richten.",
                "Voor aanbieders zonder vergunning geldt een verbod."
            ]
        );
    }

    #[test]
    fn a_lone_number_with_its_note_hanging_under_it() {
        // `pdftotext -layout`: "1" / "  Kamerstuk ..." with the text set in further, cutting
        // the body mid-sentence; the next page's body goes on after the footer. A numbered
        // list after a finished sentence, far from the page's foot, is no note.
        let text = "Het kabinet steunt de invoering van een wereldwijd minimumniveau


1
  Kamerstuk 22 112, nr. 3603.
2
  Zie onder meer de brief over de fiscale aanpak van
  belastingontwijking, Kamerstukken II 2023/24, 25 087, nr. 330.

Tweede Kamer, vergaderjaar 2024-2025, 22 112, nr. 3961

van belastingheffing, zoals neergelegd in Pijler 2.";
        let lines: Vec<&str> = text.lines().collect();
        let furniture: Vec<bool> = lines
            .iter()
            .map(|l| l.starts_with("Tweede Kamer,"))
            .collect();
        let s = split(&lines, &furniture);
        let markers: Vec<&str> = s.footnotes.iter().map(|n| n.marker.as_str()).collect();
        assert_eq!(markers, vec!["1", "2"]);
        assert_eq!(s.footnotes[0].text, "Kamerstuk 22 112, nr. 3603.");
        assert!(s.footnotes[1].text.ends_with("25 087, nr. 330."));
        assert_eq!(
            body_lines(&s),
            vec![
                "Het kabinet steunt de invoering van een wereldwijd minimumniveau",
                "van belastingheffing, zoals neergelegd in Pijler 2."
            ]
        );
        let list = "Het plan kent twee stappen.
1
  Eerst wordt de regeling verlengd.
2
  Daarna volgt een evaluatie.";
        assert!(run(list).footnotes.is_empty());
    }

    #[test]
    fn numbered_questions_between_blank_lines_are_no_notes() {
        let s = run("Vragen van het lid Kröger.\n\n1\n\nKent u het bericht over de vermindering?\n\n2\n\nKlopt het dat de VS hebben gereageerd?");
        assert!(s.footnotes.is_empty());
    }

    #[test]
    fn numbered_footnotes_with_continuations_between_blank_lines() {
        let s = run("tekst van de \n\n1 Bij deze waarborgen kunt u denken aan een Data Protection \n\nImpact Assessment (artikel 35 AVG).\n2 Kamerstukken II 2021,22, 32761, nr. 198\n vervolg van de tekst.");
        assert_eq!(s.footnotes.len(), 2);
        assert_eq!(s.footnotes[0].text, "Bij deze waarborgen kunt u denken aan een Data Protection Impact Assessment (artikel 35 AVG).");
        assert_eq!(s.footnotes[1].marker, "2");
        let lines: Vec<_> = s
            .body
            .iter()
            .filter_map(|b| {
                if let BodyItem::Line(l) = b {
                    Some(l.as_str())
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(lines, vec!["tekst van de", " vervolg van de tekst."]);
    }

    #[test]
    fn a_note_cut_after_nr_goes_on_with_its_number_after_a_blank_line() {
        // The publisher's plain text: a note's continuation after a blank line, here starting
        // with the paper's number, not a new note or the body.
        let s = run("Tekst van de brief.1\n\n1 Kamerstukken II 2014/15, 34 109, nr. \n\n3, p. 41-43. \n\nDe brief gaat verder.");
        assert_eq!(s.footnotes.len(), 1);
        assert_eq!(
            s.footnotes[0].text,
            "Kamerstukken II 2014/15, 34 109, nr. 3, p. 41-43."
        );
        assert!(body_lines(&s).contains(&"De brief gaat verder."));
        assert!(!body_lines(&s).iter().any(|l| l.starts_with("3, p.")));
    }

    #[test]
    fn a_finished_numbered_note_before_a_blank_line_ends_where_the_body_starts_anew() {
        let s = run("Vraag 1\nHeeft u kennisgenomen van het bericht?1\n\n1 NOS, 8 maart 2019.\n\nAntwoord 1\nJa.\n\nAntwoord 2\nDe stijging baart mij zorgen.\n");
        assert_eq!(s.footnotes.len(), 1);
        assert_eq!(s.footnotes[0].text, "NOS, 8 maart 2019.");
        let body = body_lines(&s);
        assert!(body.contains(&"Antwoord 2"), "{body:?}");
        assert!(body.contains(&"De stijging baart mij zorgen."), "{body:?}");
    }

    #[test]
    fn a_note_right_under_a_line_that_breaks_a_word_is_a_note() {
        // No blank line between the body's last line and the page's first note; the broken
        // word goes on after the notes.
        let s = run("Zie de brief.1 Het ziet het risico dat kleine zorgaan-\n1 Stb. 2022, 278; zie ook Kamerstuk 35 824, nr. 3.\n\nbieders worden belast.\n");
        assert_eq!(s.footnotes.len(), 1, "{:?}", s.footnotes);
        assert_eq!(
            s.footnotes[0].text,
            "Stb. 2022, 278; zie ook Kamerstuk 35 824, nr. 3."
        );
        let body = body_lines(&s);
        assert!(body.contains(&"bieders worden belast."), "{body:?}");
        // A line that finishes its word is no such break: "2 ..." there may be the text's.
        let s = run("Het aantal is gestegen tot\n1 op de 5 huishoudens.\n");
        assert!(s.footnotes.is_empty(), "{:?}", s.footnotes);
    }

    #[test]
    fn a_note_that_only_cites_is_finished_without_a_full_stop() {
        let s = run("Tekst met een noot.1\n\n1 Aanhangsel Handelingen II 2022/23, nr. 1586\n\nVervolg\nIk zal uw Kamer informeren.\n");
        assert_eq!(s.footnotes.len(), 1);
        assert_eq!(
            s.footnotes[0].text,
            "Aanhangsel Handelingen II 2022/23, nr. 1586"
        );
        let body = body_lines(&s);
        assert!(body.contains(&"Ik zal uw Kamer informeren."), "{body:?}");
    }

    #[test]
    fn a_quoted_heading_after_a_finished_note_is_the_body_s() {
        let s = run("Ik ga op vier aanbevelingen in.\n\n1 Kamerstuk 26 643, nr. 1003.\n\n«Zorg dat de AI-verordening ook eisen stelt aan generatieve AI»\n\nHet kabinet onderschrijft deze aanbeveling.\n");
        assert_eq!(s.footnotes.len(), 1);
        assert_eq!(s.footnotes[0].text, "Kamerstuk 26 643, nr. 1003.");
        let body = body_lines(&s);
        assert!(
            body.contains(&"Het kabinet onderschrijft deze aanbeveling."),
            "{body:?}"
        );
    }

    #[test]
    fn notes_under_a_rule_line_at_the_foot_of_a_page() {
        let s = run("wordt gevoerd.\n\n_______________\n1 Zie ook artikel 23 Grondwet, waarin de deug-\ndelijkheidseisen zijn verankerd.\n2 Kamerstukken II 1998/99, 26 331, nr. 3.\n\nWij zijn geen voorstander van een plicht.\n");
        assert_eq!(s.footnotes.len(), 2, "{:?}", s.footnotes);
        assert_eq!(
            s.footnotes[1].text,
            "Kamerstukken II 1998/99, 26 331, nr. 3."
        );
        assert!(s
            .body
            .iter()
            .any(|b| matches!(b, BodyItem::Line(l) if l.starts_with("Wij zijn"))));
        assert!(!s
            .body
            .iter()
            .any(|b| matches!(b, BodyItem::Line(l) if l.contains("___"))));
    }

    #[test]
    fn the_body_sentence_cut_by_the_notes_of_a_page_returns_to_the_body() {
        let s = run("Ook de Raad van State adviseerde eerder om de doelen in de\n\n1 Adviescollege Stikstofproblematiek, Niet alles kan overal, 8 juni\n2020; zie Kamerstukken II 2019/20, 35 334, nr. 82.\n2 Kamerstuk 35 600, nr. 28.\n\nwet zelf ambitieuzer te formuleren. Een verdere aanscherping acht ik niet verantwoord.\n");
        assert_eq!(s.footnotes.len(), 2, "{:?}", s.footnotes);
        assert_eq!(s.footnotes[1].text, "Kamerstuk 35 600, nr. 28.");
        let body = body_lines(&s);
        assert!(
            body.iter().any(|l| l.starts_with("wet zelf ambitieuzer")),
            "{body:?}"
        );
        // Near miss: the body's sentence was finished, so a lower-case line after the notes
        // is no body text cut in two; it stays with the note as before.
        let s = run("Het amendement is verworpen.\n\n1 Kamerstuk 35 600, nr. 28.\n\nen nr. 29.\n");
        assert_eq!(s.footnotes[0].text, "Kamerstuk 35 600, nr. 28. en nr. 29.");
    }

    #[test]
    fn a_numbered_list_in_the_prose_is_not_a_footnote() {
        let s = run("Drie punten:\n\n1. Opname van een verbod;\n\n2. Verbod op systemen.\n\n3 organisaties reageerden.");
        assert!(s.footnotes.is_empty(), "{:?}", s.footnotes);
    }

    #[test]
    fn numbered_rows_of_a_table_in_columns_are_no_notes() {
        let s = run("Eerste zin van de brief.1\n\n1 Kamerstuk 19 637, nr. 3298.\n\nOverzicht moties\n\n2    Motie van het lid Dobbe over het   19 637, nr. 3265   Afgedaan met\n     afbouwen van de crisisnoodopvang                      deze brief\n\nToelichting per motie\n\nIk zal deze motie niet uitvoeren.");
        assert_eq!(s.footnotes.len(), 1);
        let body = body_lines(&s).join("\n");
        assert!(body.contains("Motie van het lid Dobbe"), "{body}");
        assert!(body.contains("Ik zal deze motie niet uitvoeren."), "{body}");
        assert!(!columns_of_a_table("Kamerstuk 19 637, nr. 3298, p.   4."));
    }

    #[test]
    fn numbers_out_of_sequence_stay_in_the_body() {
        let s = run("tekst\n\n1 Eerste noot.\n vervolg\n\n7 dagen later kwam het bericht.");
        assert_eq!(s.footnotes.len(), 1);
    }

    #[test]
    fn a_superscript_footnote_wrapped_onto_the_next_line_goes_on() {
        let s = run("Tekst.¹ Meer.² Nog.\n\n¹ Zie artikel 52 van de \nconceptverordening.\n\n² Zie de basisbeginselen van de AVG\n(overweging 39). Zij omvatten\nrechtmatigheid.\nProza gaat door.");
        assert_eq!(s.footnotes.len(), 2);
        assert_eq!(
            s.footnotes[0].text,
            "Zie artikel 52 van de conceptverordening."
        );
        assert_eq!(
            s.footnotes[1].text,
            "Zie de basisbeginselen van de AVG (overweging 39). Zij omvatten rechtmatigheid."
        );
        // After the note's full stop, a line that starts anew is the body's.
        assert!(s
            .body
            .contains(&BodyItem::Line("Proza gaat door.".to_string())));
    }

    #[test]
    fn superscript_footnote_paragraphs() {
        let s = run("Juridisch kader\n\n¹ Kamerstukken II 2021/22, 26 643, nr. 1171.\n\n²⁶ De aanbieder is diegene.\n\nEr zijn vele vormen.");
        assert_eq!(
            s.footnotes
                .iter()
                .map(|f| f.marker.as_str())
                .collect::<Vec<_>>(),
            vec!["1", "26"]
        );
        assert_eq!(superscript_to_ascii("²⁴"), "24");
    }
}
