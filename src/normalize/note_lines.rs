//! Notes printed as a number on a line of its own.
//!
//! Text copied from the publisher's web pages (or converted from its HTML) puts each footnote
//! marker on a line of its own, where the superscript stood, and gathers the notes under a
//! closing "Noten" heading as a number line followed by the note's text:
//!
//! ```text
//! ... de periodieke audits
//! 1
//! . In deze brief geef ik ...
//!
//! Noten
//! 1
//! Kamerstukken II 2024/25, 32 761, nr. 296.
//! ```
//!
//! The site's note pop-ups copied with the page come out another way: "X Noot" (the pop-up's
//! close button and title), the number on the next line, then the note; the markers in the body
//! are glued to their words already ("2025.1").
//!
//! This pass rewrites both layouts into the one the rest of normalization reads: the marker
//! glued to the word before it ("audits1.") and each note as one numbered line ("1 Kamerstukken
//! II ..."). It only acts when the notes run 1, 2, 3, ... under such a heading, and in the body
//! it only takes the numbers of those notes, in their order, so a page number or a figure on a
//! line of its own stays what it is.

use std::borrow::Cow;

/// The text with number-line notes rewritten, or the text unchanged when it has none.
pub fn rejoin(text: &str) -> Cow<'_, str> {
    match popup_notes(text) {
        Some(owned) => Cow::Owned(rejoin_number_lines(&owned).into_owned()),
        None => rejoin_number_lines(text),
    }
}

/// The site's note pop-ups copied with the page: each note's close button and title ("X Noot")
/// on a line, its number on the next, then its text. Rewritten as numbered lines ("1 Kamerstuk
/// ..."); the markers in the body are glued to their words already ("2025.1"). `None` when the
/// text has no such notes, numbered 1, 2, ...
fn popup_notes(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let is_title = |t: &str| {
        let t = t.trim();
        t == "Noot" || t.strip_prefix('X').is_some_and(|r| r.trim() == "Noot")
    };
    // The line of note `k`'s number after a title at `i`, blank lines allowed between.
    let number_after = |i: usize, k: usize| {
        let j = (i + 1..lines.len()).find(|&j| !lines[j].trim().is_empty())?;
        (lines[j].trim() == k.to_string()).then_some(j)
    };
    let first = (0..lines.len()).find(|&i| is_title(lines[i]) && number_after(i, 1).is_some())?;
    let mut out: Vec<String> = lines[..first].iter().map(|l| l.to_string()).collect();
    let mut k = 1;
    let mut i = first;
    while i < lines.len() {
        let Some(j) = is_title(lines[i]).then(|| number_after(i, k)).flatten() else {
            // Past the notes: the rest stands as it is.
            out.extend(lines[i..].iter().map(|l| l.to_string()));
            break;
        };
        // The note's text: its lines up to the next title, blank lines skipped.
        let mut note = String::new();
        i = j + 1;
        while i < lines.len() && !is_title(lines[i]) {
            let t = lines[i].trim();
            if !t.is_empty() {
                if !note.is_empty() {
                    note.push(' ');
                }
                note.push_str(t);
            }
            i += 1;
        }
        out.push(format!("{k} {note}"));
        k += 1;
    }
    let mut joined = out.join("\n");
    joined.push('\n');
    Some(joined)
}

fn rejoin_number_lines(text: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = text.lines().collect();
    let Some(heading) = notes_heading(&lines) else {
        return Cow::Borrowed(text);
    };
    let notes = read_notes(&lines[heading + 1..]);
    if notes.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut expected = 1usize;
    let mut i = 0;
    while i < heading {
        let line = lines[i];
        // Markers come in order, though some are glued to their word already ("bevoegd3.").
        let number = line
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| (expected..=notes.len()).contains(n) && *n < expected + 3);
        let is_marker = number.is_some()
            && out.last().is_some_and(|l: &String| !l.trim().is_empty())
            && lines.get(i + 1).is_some_and(|n| !n.trim().is_empty());
        if is_marker {
            if let Some(previous) = out.last_mut() {
                previous.truncate(previous.trim_end().len());
                previous.push_str(line.trim());
                // The sentence goes on after the marker: ". In deze brief", "; dat overzicht".
                let next = lines[i + 1].trim_start();
                if next.starts_with(['.', ',', ';', ':', ')', '?', '!']) {
                    previous.push_str(next);
                    i += 1;
                }
            }
            expected = number.map_or(expected, |n| n + 1);
        } else {
            out.push(line.to_string());
        }
        i += 1;
    }
    out.push(String::new());
    for (n, note) in notes.iter().enumerate() {
        out.push(format!("{} {note}", n + 1));
    }
    let mut joined = out.join("\n");
    joined.push('\n');
    Cow::Owned(joined)
}

/// The last "Noten" / "Voetnoten" line that a line "1" follows.
fn notes_heading(lines: &[&str]) -> Option<usize> {
    (0..lines.len()).rev().find(|&i| {
        let t = lines[i].trim();
        (t.eq_ignore_ascii_case("noten") || t.eq_ignore_ascii_case("voetnoten"))
            && lines.get(i + 1).is_some_and(|n| n.trim() == "1")
    })
}

/// The notes after the heading: a line "k" starts note k (1, 2, ...), the lines up to the next
/// number are its text. Stops at the first line that breaks the sequence's shape.
fn read_notes(lines: &[&str]) -> Vec<String> {
    let mut notes: Vec<String> = Vec::new();
    for line in lines {
        let t = line.trim();
        if t == (notes.len() + 1).to_string() {
            notes.push(String::new());
            continue;
        }
        match notes.last_mut() {
            Some(note) if !t.is_empty() => {
                if !note.is_empty() {
                    note.push(' ');
                }
                note.push_str(t);
            }
            Some(_) => {}
            None => break,
        }
    }
    // A number line without text is no note.
    while notes.last().is_some_and(String::is_empty) {
        notes.pop();
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_lines_become_glued_markers_and_numbered_notes() {
        let t = "Het rapport gaat over de audits\n1\n. In deze brief reageer ik. Zie het debat\n2\n; dat volgt.\n\nNoten\n1\nAutoriteit Persoonsgegevens, rapport.\n2\nKamerstukken II 2024/25, 32 761,\nnr. 296.\n";
        let out = rejoin(t);
        assert_eq!(
            out,
            "Het rapport gaat over de audits1. In deze brief reageer ik. Zie het debat2; dat volgt.\n\n\n1 Autoriteit Persoonsgegevens, rapport.\n2 Kamerstukken II 2024/25, 32 761, nr. 296.\n"
        );
    }

    #[test]
    fn the_site_s_note_pop_ups_become_numbered_notes() {
        let t = "Zie de toezegging van 29 januari 2025.1\n\nDe Minister,\n\nX Noot\n1\n\nKamerstuk 28 286,\nnr. 1365.\n\nX Noot\n2\n\nNVWA, Jaarverslag 2024.\n";
        assert_eq!(
            rejoin(t),
            "Zie de toezegging van 29 januari 2025.1\n\nDe Minister,\n\n1 Kamerstuk 28 286, nr. 1365.\n2 NVWA, Jaarverslag 2024.\n"
        );
        // "Noot" without note 1 after it is the text's own word.
        let t = "Noot\n\n3 De maatregelen.\n";
        assert_eq!(rejoin(t), t);
    }

    #[test]
    fn a_number_line_without_notes_stays() {
        let t = "Tabel 3\n12\nbedrag\n\nNoten zijn er niet.\n";
        assert_eq!(rejoin(t), t);
        // Notes there, but the body's number is not a next marker: a page number.
        let t = "tekst\n7\nmeer tekst\n\nNoten\n1\nEen noot.\n";
        assert!(rejoin(t).starts_with("tekst\n7\nmeer tekst"));
    }
}
