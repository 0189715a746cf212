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
//! This pass rewrites that layout into the one the rest of normalization reads: the marker
//! glued to the word before it ("audits1.") and each note as one numbered line ("1 Kamerstukken
//! II ..."). It only acts when the notes run 1, 2, 3, ... under such a heading, and in the body
//! it only takes the numbers of those notes, in their order, so a page number or a figure on a
//! line of its own stays what it is.

use std::borrow::Cow;

/// The text with number-line notes rewritten, or the text unchanged when it has none.
pub fn rejoin(text: &str) -> Cow<'_, str> {
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
    fn a_number_line_without_notes_stays() {
        let t = "Tabel 3\n12\nbedrag\n\nNoten zijn er niet.\n";
        assert_eq!(rejoin(t), t);
        // Notes there, but the body's number is not a next marker: a page number.
        let t = "tekst\n7\nmeer tekst\n\nNoten\n1\nEen noot.\n";
        assert!(rejoin(t).starts_with("tekst\n7\nmeer tekst"));
    }
}
