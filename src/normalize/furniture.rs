//! Page furniture: lines that belong to the printed page, not to the text.
//!
//! Three families, each recognised by its form rather than by one letter's wording:
//! page numbers ("Pagina 3 van 5", glued as "5Pagina1van5"), the running header and colophon
//! of official Kamerstuk prints ("Tweede Kamer, vergaderjaar 2019–2020, 28 684, nr. 128 2",
//! shortened "Kamerstuk 28 684, nr. 128 2"; "kst-28684-128 ISSN 0921 - 7371 ’s-Gravenhage
//! 2019"), and the letterhead block a ministry
//! prints beside every page ("Directoraat-Generaal …", "Datum", "Ons kenmerk …"). The
//! letterhead block is recognised by its labels and taken with the short lines around it.

use regex::Regex;
use std::sync::LazyLock;

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*\d*\s*pagina\s*\d+\s*(van|/)\s*\d+\s*$|^\s*-\s*\d{1,3}\s*-\s*$")
        .expect("valid regex")
});

static RUNNING_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:[’']s-Gravenhage\s+\d{4}\s+)?(Tweede|Eerste) Kamer,? vergaderjaar \d{4}\s*[–—-]\s*\d{4},?\s*(\d{2}\s?\d{3}(?:[\s-][A-Z0-9]{1,6})?,?\s*(?:nr\.\s*[0-9A-Z]+|[A-Z]{1,3}\s+\d{1,3})|Aanhangsel)\s*\d*\s*$|^\s*(?:[’']s-Gravenhage\s+\d{4}\s+)?Aanhangsel\s+(?:van\s+de\s+)?Handelingen\s+(?:II|I)\s+\d{4}\s*[/–-]\s*\d{2,4}(?:,\s*nr\.\s*\d{1,5})?\s+\d{1,3}\s*$|^\s*Aanhangsel\s+(?:van\s+de\s+)?Handelingen\s+(?:II|I)\s+\d{4}\s*[/–-]\s*\d{2,4}\s*$|^\s*Kamerstuk\s+\d{2}\s?\d{3}(?:[\s-][A-Z0-9]{1,6})?,\s*nr\.\s*[0-9A-Z]+\s+\d{1,3}\s*$|^\s*vergaderjaar \d{4}\s*[–—-]\s*\d{4},?\s*\d{2}\s?\d{3}(?:[\s-][A-Z0-9]{1,6})?,?\s*nr\.\s*[0-9A-Z]+\s*\d*\s*$|^\s*AH\s+\d{1,5}\s+\d{1,3}\s*$",
    )
    .expect("valid regex")
});

static COLOPHON: LazyLock<Regex> = LazyLock::new(|| {
    // The Sdu prints of before 2010 add their own job number and name ("KST138561",
    // "0910tkkst28684-245", "Sdu Uitgevers").
    Regex::new(r"(?i)^\s*(kst|ah|h|blg|stcrt|stb)-[a-z0-9-]+\s+ISSN\s+\d{4}\s*-\s*\d{4}|^\s*ISSN\s+\d{4}\s*-\s*\d{4}\s*$|^\s*[’']s-Gravenhage\s+\d{4}\s*$|^\s*(kst|ah-tk|ah-ek|h-tk|h-ek|blg|stcrt|stb)-\d[a-z0-9-]*\s*$|^\s*(?:KST|AH|BLG)\d{5,7}(?:\s+ISSN\s+\d{4}\s*-\s*\d{4})?(?:\s+Sdu\s+Uitgevers)?(?:\s+[’']s-Gravenhage\s+\d{4})?\s*$|^\s*\d{4}(?:tk|ek)(?:kst|ah|blg)[a-z0-9-]*\s*$|^\s*Sdu\s+Uitgevers\s*$")
        .expect("valid regex")
});

/// The standing instruction printed in the letterhead of ministry letters ("Bij beantwoording
/// de datum en ons kenmerk vermelden. Wilt u slechts één zaak of onderwerp in uw brief
/// behandelen."), whole or in the fragments a PDF extractor leaves of it.
static LETTERHEAD_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(bij beantwoording )?(de )?(datum )?en ons kenmerk vermelden\.?\s*$|^\s*(wilt u )?(slechts )?één zaak of onderwerp in uw\s*(brief behandelen\.?)?\s*$|^\s*brief behandelen\.?\s*$|^\s*(bij beantwoording de datum en ons kenmerk vermelden\.\s*)?wilt u slechts één zaak")
        .expect("valid regex")
});

/// Labels of the letterhead column of ministry letters.
static LETTERHEAD_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(Datum|Ons kenmerk|Uw kenmerk|Onze referentie|Uw referentie|Uw brief|Bijlage\(n\)|Bijlagen|Contactpersoon|Postbus \d+|Directoraat-Generaal|Directie [A-Z]|Turfmarkt|Bezuidenhoutseweg|Parnassusplein|Rijnstraat|Kenmerk)\b",
    )
    .expect("valid regex")
});

/// Lines printed in the letterhead column under a label (a date, a reference, a unit name).
fn is_short_column_line(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.chars().count() <= 45 && !t.ends_with(['.', ':', ';', '?', '!', ','])
}

/// Marks which lines are furniture.
pub fn detect(lines: &[&str]) -> Vec<bool> {
    let mut furniture = vec![false; lines.len()];
    for (i, line) in lines.iter().enumerate() {
        if PAGE_NUMBER.is_match(line)
            || RUNNING_HEADER.is_match(line)
            || COLOPHON.is_match(line)
            || LETTERHEAD_NOTICE.is_match(line)
        {
            furniture[i] = true;
        }
    }
    mark_repeated_masthead(lines, &mut furniture);
    mark_page_number_lines(lines, &mut furniture);
    mark_letterhead(lines, &mut furniture);
    furniture
}

/// The chamber's name on a line of its own ("Eerste Kamer der Staten-Generaal") heads the
/// first page; printed again further on it is a page's running header, which would otherwise
/// run on into the note above it or the heading below it.
fn mark_repeated_masthead(lines: &[&str], furniture: &mut [bool]) {
    static MASTHEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:Eerste|Tweede)\s+Kamer\s+der\s+Staten-Generaal\s*$")
            .expect("valid regex")
    });
    let mut seen = false;
    for (i, line) in lines.iter().enumerate() {
        if MASTHEAD.is_match(line) {
            if seen {
                furniture[i] = true;
            }
            seen = true;
        }
    }
}

/// A line holding only a number next to the running header or colophon (across blank lines)
/// is that page's number: pdftotext puts it on a line of its own ("Tweede Kamer, vergaderjaar
/// 2021–2022, 26 643, nr. 812" / "" / "3"). A number alone elsewhere may be a list's.
fn mark_page_number_lines(lines: &[&str], furniture: &mut [bool]) {
    let lone_number = |l: &str| {
        let t = l.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}');
        !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())
    };
    let nearest = |from: usize, step: isize| {
        let mut k = from as isize + step;
        while k >= 0 && (k as usize) < lines.len() && (from as isize - k).abs() <= 3 {
            if !lines[k as usize].trim().is_empty() {
                return Some(k as usize);
            }
            k += step;
        }
        None
    };
    for i in 0..lines.len() {
        if furniture[i] || !lone_number(lines[i]) {
            continue;
        }
        let by_header = |k: Option<usize>| {
            k.is_some_and(|k| RUNNING_HEADER.is_match(lines[k]) || COLOPHON.is_match(lines[k]))
        };
        if by_header(nearest(i, -1)) || by_header(nearest(i, 1)) {
            furniture[i] = true;
            continue;
        }
        // The running footer with its page number on the next line ("Aanhangsel Handelingen II
        // 2023/24, nr. 1187" / "" / "2"): read together they are the one-line footer; the
        // footer alone could be a wrapped citation.
        if let Some(k) = nearest(i, -1) {
            let joined = format!("{} {}", lines[k].trim_end(), lines[i].trim());
            if !furniture[k] && RUNNING_HEADER.is_match(&joined) {
                furniture[k] = true;
                furniture[i] = true;
            }
        }
    }
}

/// A letterhead block: a run of short lines and blank lines that holds at least two labels,
/// or one label directly followed by its value ("Datum" / "24 november 2021").
fn mark_letterhead(lines: &[&str], furniture: &mut [bool]) {
    let mut i = 0;
    while i < lines.len() {
        if !LETTERHEAD_LABEL.is_match(lines[i]) {
            i += 1;
            continue;
        }
        // Grow the run of short or blank lines around the label.
        let mut start = i;
        while start > 0
            && (lines[start - 1].trim().is_empty()
                || is_short_column_line(lines[start - 1])
                    && !ends_sentence_before(lines, start - 1))
        {
            start -= 1;
        }
        let mut end = i + 1;
        while end < lines.len()
            && (lines[end].trim().is_empty() || is_short_column_line(lines[end]))
        {
            end += 1;
        }
        let labels = (start..end)
            .filter(|&k| LETTERHEAD_LABEL.is_match(lines[k]))
            .count();
        if labels >= 2 {
            for f in &mut furniture[start..end] {
                *f = true;
            }
        }
        i = end.max(i + 1);
    }
}

/// Whether the line before `k` ends a sentence, so that `k` is not a heading of the body
/// that happens to be short (a heading follows a finished paragraph; a column line follows
/// anything).
fn ends_sentence_before(lines: &[&str], k: usize) -> bool {
    // A short line right after a body line that ends mid-sentence is the body's own last
    // words ("bijvoorbeeld om de toegang tot ... mogelijk\nte maken."); keep those.
    k > 0 && {
        let prev = lines[k - 1].trim_end();
        !prev.is_empty() && prev.chars().count() > 45 && !prev.ends_with(['.', ':', ';', '?', '!'])
    }
}

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn the_first_page_s_footer_wrapped_after_the_chamber() {
        // "kst-24587-901 ISSN 0921 - 7371 's-Gravenhage 2023 Tweede Kamer," and the rest of
        // the footer on the next line.
        let lines = [
            "Wel constateer ik dat de",
            "kst-24587-901 ISSN 0921 - 7371 's-Gravenhage 2023 Tweede Kamer,",
            "vergaderjaar 2023–2024, 24 587, nr. 901 1",
            "beveiliging van de voorzieningen aandacht vraagt.",
        ];
        assert_eq!(detect(&lines), vec![false, true, true, false]);
    }

    #[test]
    fn the_chamber_s_name_printed_again_is_a_running_header() {
        let lines = [
            "Eerste Kamer der Staten-Generaal",
            "",
            "Vergaderjaar 2021–2022",
            "2 Kamerstukken II 2020/21, 35 912, nr. 3, p. 14–16.",
            "Eerste Kamer der Staten-Generaal",
            "De leden van de Eerste Kamer der Staten-Generaal vragen ...",
        ];
        assert_eq!(
            detect(&lines),
            vec![false, false, false, false, true, false]
        );
    }

    #[test]
    fn the_first_page_s_colophon_and_footer_on_one_line() {
        let lines = [
            "Ik ben geen",
            "’s-Gravenhage 2024 Tweede Kamer, vergaderjaar 2023–2024, 26 643, nr. 1176 1",
            "voorstander van een verplichting.",
        ];
        assert_eq!(detect(&lines), vec![false, true, false]);
    }

    #[test]
    fn a_page_number_on_its_own_line_by_the_running_footer() {
        let lines = [
            "Het register moet niet alleen de technische",
            "",
            "Tweede Kamer, vergaderjaar 2021–2022, 26 643, nr. 812",
            "",
            "1",
            "\u{c}werking van een algoritme beschrijven.",
            "De stappen zijn:",
            "2",
            "een tweede stap.",
        ];
        let f = detect(&lines);
        assert!(f[2] && f[4], "{f:?}");
        assert!(!f[5] && !f[7], "a number in the text stays: {f:?}");
    }

    #[test]
    fn page_numbers_in_every_printed_form() {
        let lines = [
            "5Pagina1van5",
            "Pagina 3 van 1",
            "tekst die blijft.",
            " - 2 - ",
        ];
        assert_eq!(detect(&lines), vec![true, true, false, true]);
    }

    #[test]
    fn a_running_footer_with_its_page_number_on_the_next_line() {
        let lines = [
            "geven betaaldienstverleners een bindende",
            "Aanhangsel Handelingen II 2023/24, nr. 1187",
            "",
            "2",
            "\u{c}aanwijzing te geven om betalingen te blokkeren.",
            // Without a page number after it, a wrapped citation stays text.
            "Aanhangsel Handelingen II 2023/24, nr. 1187",
            "Vraag 6",
        ];
        assert_eq!(
            detect(&lines),
            vec![false, true, false, true, false, false, false]
        );
    }

    #[test]
    fn running_header_and_colophon_of_official_prints() {
        let lines = [
            "Tweede Kamer, vergaderjaar 2019–2020, 28 684, nr. 128 2",
            "kst-28684-128 ISSN 0921 - 7371 ’s-Gravenhage 2019",
            "Tweede Kamer, vergaderjaar 2020–2021, Aanhangsel 2",
            "Het kabinet is in de Tweede Kamer, vergaderjaar 2019–2020, al ingegaan op de vraag.",
            // The Eerste Kamer numbers its papers with letters; a chapter in roman numerals.
            "Eerste Kamer, vergaderjaar 2025–2026, 36 498, C 1",
            "Tweede Kamer, vergaderjaar 2024–2025, 36 600 VII, nr. 12 3",
            // Without its page number it is a reference in the text, not the footer.
            "Eerste Kamer, vergaderjaar 2019–2020, 35 300, C",
            // An answer's running line with its page number; without it, a wrapped citation.
            "Aanhangsel Handelingen II 2024/25, nr. 1187 2",
            "AH 1587                                                                    2",
            "Aanhangsel Handelingen II 2024/25, nr. 1187",
            // The footer with the place and year of print, and no number.
            "’s-Gravenhage 2024 Aanhangsel Handelingen II 2024/25 1",
            // The footer alone on its line, its page number on the next: no paper's number, so
            // no citation either.
            "Aanhangsel Handelingen II 2024/25",
            // The short running footer with its page number; without it, a cited paper.
            "Kamerstuk 36 555, nr. 3 2",
            "Kamerstuk 36 555, nr. 3",
        ];
        assert_eq!(
            detect(&lines),
            vec![
                true, true, true, false, true, true, false, true, true, false, true, true, true,
                false
            ]
        );
    }

    #[test]
    fn colophon_printed_over_three_lines() {
        // Official prints set the colophon as "kst-32545-143" / "ISSN 0921 - 7371" /
        // "’s-Gravenhage 2021"; a publication id in a sentence is text.
        let lines = [
            "kst-32545-143",
            "ah-tk-20202021-3235",
            "ISSN 0921 - 7371",
            "’s-Gravenhage 2021",
            "kst-32545-143 is de motie waarop deze brief ingaat.",
            "kst-beleid",
        ];
        assert_eq!(detect(&lines), vec![true, true, true, true, false, false]);
        // The Sdu prints of before 2010, with their job number and name.
        let lines = [
            "KST138561",
            "0910tkkst28684-245",
            "ISSN 0921 - 7371",
            "Sdu Uitgevers",
            "’s-Gravenhage 2009",
            "Sdu Uitgevers heeft de opdracht gekregen.",
        ];
        assert_eq!(detect(&lines), vec![true, true, true, true, true, false]);
    }

    #[test]
    fn letterhead_block_with_its_values() {
        let lines = [
            "bijvoorbeeld om de toegang tot energiecentrales alleen voor bevoegden mogelijk",
            "",
            "Directoraat-Generaal ",
            "Rechtspleging en ",
            "Rechtshandhaving",
            " ",
            "Datum",
            "24 november 2021",
            "",
            "Ons kenmerk3681298",
            "",
            "te maken. Daarna gaat de tekst verder over de inzet van technologie in de ruimte.",
        ];
        let f = detect(&lines);
        assert_eq!(
            f,
            vec![false, true, true, true, true, true, true, true, true, true, true, false]
        );
    }

    #[test]
    fn the_letterhead_notice_whole_or_in_fragments() {
        let lines = [
            "Bij beantwoording de datum en ons kenmerk vermelden. Wilt u slechts één zaak of onderwerp in uw brief behandelen.",
            " en ons kenmerk vermelden. ",
            " brief behandelen.",
            "Het kabinet zal de brief behandelen in het overleg van volgende week, zo is afgesproken.",
        ];
        assert_eq!(detect(&lines), vec![true, true, true, false]);
    }

    #[test]
    fn a_lone_label_word_in_prose_is_not_furniture() {
        let lines = [
            "Datum",
            "De datum van de brief is later gekozen dan verwacht, zo blijkt uit het verslag.",
        ];
        assert_eq!(detect(&lines), vec![false, false]);
    }
}
