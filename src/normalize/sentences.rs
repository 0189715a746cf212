//! Sentence boundaries in Dutch official prose.
//!
//! A sentence ends at ".", "?" or "!" (after any closing quotes or brackets) followed by white
//! space and a capital, a digit or an opening quote, unless the word before the point is an
//! abbreviation that does not end a sentence ("art.", "nr.", "jl.", "o.a.", "d.d.", "bijv.",
//! "p.", "pp.") or an initial ("R.W. Knops").

use std::ops::Range;

/// Abbreviations after which a point does not end a sentence, lower-cased, without the final
/// point. Kept sorted; a test checks it.
const ABBREVIATIONS: &[&str] = &[
    "afd", "al", "alg", "art", "artt", "bijv", "blz", "bv", "ca", "d.d", "d.w.z", "dhr", "dr",
    "drs", "e.a", "e.d", "e.v", "etc", "excl", "fig", "i.c", "i.e", "i.h.b", "i.p.v", "i.s.m",
    "i.v.m", "ibid", "incl", "ir", "jl", "jo", "m.b.t", "m.i.v", "m.n", "mevr", "mr", "mw", "nl",
    "no", "nr", "nrs", "o.a", "o.b.v", "o.g.v", "o.i.d", "p", "pp", "prof", "red", "resp", "sr",
    "stb", "stcrt", "sub", "t.a.v", "t.b.v", "t.o.v", "trb", "vgl", "vs", "z.g", "z.s.m", "zgn",
];

fn is_abbreviation(word: &str) -> bool {
    // A temperature's unit ("27 °C.") is no initial.
    if word.contains('°') {
        return false;
    }
    let w = word
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if w.is_empty() {
        return false;
    }
    // Initials: "R.W", "S", "K.H".
    let initials = w.split('.').all(|p| p.chars().count() == 1)
        && word
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .starts_with(|c: char| c.is_uppercase());
    // A word in capitals is an acronym, not the abbreviation spelled the same: "VS." (the
    // United States) ends a sentence where "vs." (versus) does not, and "NL." where "nl."
    // (namelijk) does not.
    let bare = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let acronym =
        bare.chars().count() >= 2 && bare.chars().all(|c| c.is_alphabetic() && c.is_uppercase());
    initials || (!acronym && ABBREVIATIONS.binary_search(&w.as_str()).is_ok())
}

/// Longest word before a point that is looked at. Abbreviations and initials are far shorter;
/// the bound keeps a paragraph without white space (a PDF export on one line, "».1»..." runs)
/// linear: an unbounded look-back walked back to the sentence start at every point.
const MAX_WORD_BEFORE: usize = 64;

/// The word that ends at byte `pos` (not before `start`), and whether it is whole: a word
/// longer than [`MAX_WORD_BEFORE`] comes back cut and is neither abbreviation nor initials.
fn word_before(text: &str, start: usize, pos: usize) -> (&str, bool) {
    let mut from = pos.saturating_sub(MAX_WORD_BEFORE).max(start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..pos];
    let word = window.rsplit(char::is_whitespace).next().unwrap_or("");
    let cut =
        word.len() == window.len() && from > start && !text[..from].ends_with(char::is_whitespace);
    (word, !cut)
}

/// Whether the one-letter "word" before a point is a unit's roman number or a letter that ends
/// a sentence, not an initial: "staan in Bijlage I. De lidstaten ..." and "behorend tot groep
/// A. Indien ..." end a sentence, "R. Knops" does not.
fn letter_ends_sentence(text: &str, start: usize, pos: usize, word: &str) -> bool {
    const UNITS: [&str; 9] = [
        "bijlage",
        "annex",
        "hoofdstuk",
        "titel",
        "deel",
        "fase",
        "artikel",
        "afdeling",
        "boek",
    ];
    let roman = matches!(word, "I" | "V" | "X");
    let capital = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
    if !(roman || capital) {
        return false;
    }
    let before = text
        .get(start..pos.saturating_sub(word.len()))
        .unwrap_or("")
        .trim_end();
    let unit = before.rsplit(char::is_whitespace).next().unwrap_or("");
    // Or a word no name starts with follows: "... in pijler I. Het kabinet hecht ...".
    // These start a sentence, never a surname after an initial.
    const STARTERS: [&str; 27] = [
        "Het",
        "Dit",
        "Dat",
        "Deze",
        "Die",
        "Ik",
        "Wij",
        "Er",
        "Daarom",
        "Daarnaast",
        "Ook",
        "Dan",
        "Hierbij",
        "Daarbij",
        "Verder",
        "Tot",
        "Indien",
        "Als",
        "Wanneer",
        "Mocht",
        "Zodra",
        "Omdat",
        "Bovendien",
        "Voorts",
        "Vervolgens",
        "Hiermee",
        "Daarmee",
    ];
    let next = text[pos..]
        .trim_start_matches(|c: char| c == '.' || c.is_whitespace())
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    (roman && UNITS.iter().any(|u| unit.eq_ignore_ascii_case(u))) || STARTERS.contains(&next)
}

/// Abbreviated names of acts written after an article number ("artikel 441b Sr.", "art. 67
/// Sv.", "artikel 843a Rv.", "artikel 6:162 BW.", "artikel 4:8 Awb."), lower-cased, without the
/// point. Some are also abbreviations of other words ("Sr." senior), so only after an article
/// reference do they end a sentence.
const ACT_ABBREVIATIONS: &[&str] = &[
    "avg", "awb", "bw", "gw", "rv", "sr", "sv", "w.v.sr", "w.v.sv", "wvsr", "wvsv",
];

/// Whether `word` (the word before a point at `pos`) abbreviates an act's name and follows an
/// article reference: "artikel"/"art."/"artikelen" and a number, then only the reference's
/// own parts ("artikel 273f, eerste lid, Sr.", "art. 5 lid 2 sub a Sv.").
fn closes_article_reference(text: &str, start: usize, pos: usize, word: &str) -> bool {
    let w = word
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if !ACT_ABBREVIATIONS.contains(&w.as_str()) {
        return false;
    }
    let before = text
        .get(start..pos.saturating_sub(word.len()))
        .unwrap_or("")
        .trim_end();
    let mut words = before.split_whitespace().rev().map(|w| {
        w.trim_matches(|c: char| c == ',' || c == '(' || c == ')')
            .to_lowercase()
    });
    // Back over the paragraph and point ("eerste lid", "lid 2", "onder a") to the number.
    for _ in 0..8 {
        let Some(w) = words.next() else {
            return false;
        };
        let number = w.starts_with(|c: char| c.is_ascii_digit());
        if number
            && words.clone().next().is_some_and(|unit| {
                matches!(unit.as_str(), "artikel" | "art." | "artikelen" | "artt.")
            })
        {
            return true;
        }
        if !is_reference_part(&w) {
            return false;
        }
    }
    false
}

/// A word of an article reference between its number and the act: "lid", an ordinal
/// ("eerste", "tweede"), "onder", "sub", a point's letter or number.
fn is_reference_part(word: &str) -> bool {
    const ORDINALS: [&str; 10] = [
        "eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende",
        "tiende",
    ];
    // "de artikelen 15 tot en met 15l Sr.", "1 t/m 3".
    matches!(
        word,
        "lid" | "onder" | "sub" | "onderdeel" | "en" | "tot" | "met" | "t/m"
    ) || ORDINALS.contains(&word)
        || word.chars().count() == 1
        || word.starts_with(|c: char| c.is_ascii_digit())
}

/// The sentences of one paragraph, as byte ranges without surrounding white space.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    // Inside a quoted title: "het rapport «Kwetsbaar door software. Lessen uit ...»" is one
    // sentence; a point inside guillemets ends none when the title closes soon after.
    let mut quoted = false;
    while i < chars.len() {
        let (pos, c) = chars[i];
        match c {
            '«' => quoted = true,
            '»' => quoted = false,
            _ => {}
        }
        let in_title = || {
            quoted
                && chars.get(i + 1).is_some_and(|&(_, n)| n != '»')
                && chars[i + 1..]
                    .iter()
                    .take(QUOTED_TITLE_CHARS)
                    .take_while(|&&(_, n)| n != '«')
                    .any(|&(_, n)| n == '»')
        };
        if matches!(c, '.' | '?' | '!') && !in_title() {
            // Take closing quotes and brackets with the point.
            let mut j = i + 1;
            while j < chars.len() && "»”’\"')".contains(chars[j].1) {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
            let followed_by_space = j < chars.len() && chars[j].1.is_whitespace();
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let next = chars.get(k).map(|&(_, c)| c);
            let starts_new = next
                .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || "«“‘\"'(".contains(n));
            // The word before the point only matters where a sentence could end.
            let abbreviation = || {
                let (word_before, whole) = word_before(text, start, pos);
                // "de motie van het lid Bouchallikh c.s. (Kamerstuk 35 510, nr. 17)": the
                // movers' "c.s." before the motion's number ends no sentence; before a capital
                // it may.
                let cs = word_before.eq_ignore_ascii_case("c.s") && next == Some('(');
                // "jl." closes a date ("de brief van 10 november jl."): before a capital
                // letter a new sentence begins ("... jl. Het kabinet is van oordeel"); before
                // a bracket or a lower-case word it goes on.
                let closes_date =
                    word_before.eq_ignore_ascii_case("jl") && next.is_some_and(char::is_uppercase);
                // "artikel 441b Sr." names the act an article is of, as "jl." closes a date:
                // before a capital letter the next sentence begins ("... in strijd met artikel
                // 441b Sr. Ik deel de zorg").
                let closes_article = next.is_some_and(char::is_uppercase)
                    && closes_article_reference(text, start, pos, word_before);
                // "al." abbreviates only after "et" ("Jansen et al."); else it is the adverb
                // that ends many a sentence ("het wetsvoorstel regelt dat al. Ik ontraad").
                let adverb_al = word_before.eq_ignore_ascii_case("al")
                    && !text[..pos - word_before.len()]
                        .trim_end()
                        .to_lowercase()
                        .ends_with(" et");
                c == '.'
                    && whole
                    && ((is_abbreviation(word_before) && !adverb_al) || cs)
                    && !closes_date
                    && !closes_article
                    && !letter_ends_sentence(text, start, pos, word_before)
            };
            if followed_by_space && starts_new && !abbreviation() {
                push_trimmed(text, start..end, &mut out);
                start = chars.get(k).map_or(text.len(), |&(p, _)| p);
                i = k;
                continue;
            }
            let _ = pos;
        }
        i += 1;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// How far a quoted title may run on past a point inside it, in characters.
const QUOTED_TITLE_CHARS: usize = 160;

/// The longest sentence kept whole, in bytes. Real sentences stay far below it (the longest in
/// the corpus and the fixtures is ~1.1 KB); text without sentence ends (a list of 50,000
/// numbers, a minified file) would otherwise be one "sentence" that every record found in it
/// carries along, which made the output quadratic in the length of the text.
const MAX_SENTENCE_BYTES: usize = 4096;

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if s.trim().is_empty() {
        return;
    }
    let (mut start, end) = (r.start + lead, r.end - trail);
    // Too long to be a sentence: pieces cut after the last "; " or ", " (else space) in the
    // second half of the window.
    while end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        let half = window.len() / 2;
        let cut = ["; ", ", ", " "]
            .iter()
            .find_map(|sep| {
                window
                    .rfind(sep)
                    .filter(|&i| i >= half)
                    .map(|i| i + sep.len())
            })
            .unwrap_or(window.len());
        let piece = &text[start..start + cut];
        if !piece.trim().is_empty() {
            out.push(start..start + piece.trim_end().len());
        }
        start += cut;
        start += text[start..end].len() - text[start..end].trim_start().len();
    }
    if start < end {
        out.push(start..end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn text_without_sentence_ends_is_cut_into_bounded_pieces() {
        let text = format!("Kamerstuk 26 643, nrs. {}en 2", "1, ".repeat(5_000));
        let pieces = split(&text);
        assert!(pieces.len() >= 3, "{}", pieces.len());
        for r in &pieces {
            assert!(r.len() <= MAX_SENTENCE_BYTES, "{}", r.len());
            assert_eq!(&text[r.clone()], text[r.clone()].trim());
        }
        // Nothing is lost but the separating spaces.
        let joined: String = pieces.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(joined.replace(' ', ""), text.replace(' ', ""));
        // A real sentence of ordinary length stays whole.
        assert_eq!(
            sentences("Het kabinet steunt dit, zie Kamerstuk 26 643, nr. 5."),
            ["Het kabinet steunt dit, zie Kamerstuk 26 643, nr. 5."]
        );
    }

    #[test]
    fn al_ends_a_sentence_unless_it_follows_et() {
        assert_eq!(
            sentences(
                "Die motie is overbodig: het wetsvoorstel regelt dat al. Ik ontraad de motie."
            ),
            [
                "Die motie is overbodig: het wetsvoorstel regelt dat al.",
                "Ik ontraad de motie."
            ]
        );
        assert_eq!(
            sentences("Zie Jansen et al. Het onderzoek is breed."),
            ["Zie Jansen et al. Het onderzoek is breed."]
        );
    }

    #[test]
    fn the_word_before_a_point_is_bounded_and_says_when_it_was_cut() {
        let long = "x".repeat(100);
        let cases: &[(&str, usize, &str, bool)] = &[
            ("zie art. 5", 7, "art", true),
            ("R.W. Knops", 3, "R.W", true),
            ("nr.", 2, "nr", true),
            ("één. Twee", 5, "één", true),
        ];
        for &(text, pos, word, whole) in cases {
            assert_eq!(word_before(text, 0, pos), (word, whole), "{text}");
        }
        let text = format!("{long}. Volgende");
        let (w, whole) = word_before(&text, 0, 100);
        assert!(!whole && w.len() <= MAX_WORD_BEFORE);
        // A word of exactly the bound after white space is whole.
        let text = format!("de {}. Volgende", "y".repeat(MAX_WORD_BEFORE));
        assert!(word_before(&text, 0, 3 + MAX_WORD_BEFORE).1);
    }

    /// A paragraph without white space and with a point every few bytes: each point used to
    /// look back to the paragraph start (quadratic; 46 s for 180 KB). It must complete.
    #[test]
    fn a_long_paragraph_without_spaces_completes() {
        // No sentence end: pieces of at most MAX_SENTENCE_BYTES, cut anywhere if need be.
        let text = "».1".repeat(200_000);
        let pieces = split(&text);
        assert!(pieces.iter().all(|r| r.len() <= MAX_SENTENCE_BYTES));
        assert_eq!(pieces.iter().map(|r| r.len()).sum::<usize>(), text.len());
        let text = "a.b".repeat(200_000) + ". Nieuwe zin.";
        let pieces = split(&text);
        assert_eq!(pieces.last().map(|r| &text[r.clone()]), Some("Nieuwe zin."));
    }

    #[test]
    fn abbreviation_list_is_sorted_and_lower_case() {
        let mut sorted = ABBREVIATIONS.to_vec();
        sorted.sort();
        assert_eq!(sorted, ABBREVIATIONS);
        assert!(ABBREVIATIONS.iter().all(|a| a.to_lowercase() == *a));
    }

    #[test]
    fn dutch_abbreviations_do_not_end_sentences() {
        let t = "Zie art. 9 lid 1 en Kamerstuk 26 643, nrs. 529 en 642. Het AO van 4 december jl. met de Minister. Dit geldt o.a. voor bijv. Rathenau. Vgl. p. 4 en pp. 3-4 d.d. 21 juni 2021. Klaar!";
        assert_eq!(
            sentences(t),
            vec![
                "Zie art. 9 lid 1 en Kamerstuk 26 643, nrs. 529 en 642.",
                "Het AO van 4 december jl. met de Minister.",
                "Dit geldt o.a. voor bijv. Rathenau.",
                "Vgl. p. 4 en pp. 3-4 d.d. 21 juni 2021.",
                "Klaar!",
            ]
        );
    }

    #[test]
    fn an_acronym_in_capitals_ends_a_sentence_its_lower_case_namesake_does_not() {
        let t = "Er is veel handel tussen de EU en de VS. Nederland zal dat benadrukken. Het gaat om Ajax vs. Feyenoord in de VS en het VK. Dat is zo.";
        assert_eq!(
            sentences(t),
            vec![
                "Er is veel handel tussen de EU en de VS.",
                "Nederland zal dat benadrukken.",
                "Het gaat om Ajax vs. Feyenoord in de VS en het VK.",
                "Dat is zo.",
            ]
        );
    }

    #[test]
    fn a_point_inside_a_quoted_title_ends_no_sentence() {
        let t = "Het OVV-rapport «Kwetsbaar door software. Lessen uit de ketens» verscheen in 2024. Ik deel de zorgen. Zij schreef: «Dit is zo.» Daarna kwam het kabinet.";
        assert_eq!(
            sentences(t),
            vec![
                "Het OVV-rapport «Kwetsbaar door software. Lessen uit de ketens» verscheen in 2024.",
                "Ik deel de zorgen.",
                "Zij schreef: «Dit is zo.»",
                "Daarna kwam het kabinet.",
            ]
        );
        // Near miss: a guillemet left open does not hold the rest of the paragraph together.
        let t = "Het rapport «Kwetsbaar door software. Lessen uit de ketens verscheen. Ik deel de zorgen.";
        assert_eq!(sentences(t).len(), 3);
    }

    #[test]
    fn jl_before_a_capital_ends_the_sentence_before_a_bracket_it_does_not() {
        let t = "Ik verwijs naar de brief van 10 november jl. Het kabinet is van oordeel dat dit klopt. Zie de brief van 22 mei jl. (Kamerstuk 28 676, nr. 480) en de brief van 3 juni jl. over de top.";
        assert_eq!(
            sentences(t),
            vec![
                "Ik verwijs naar de brief van 10 november jl.",
                "Het kabinet is van oordeel dat dit klopt.",
                "Zie de brief van 22 mei jl. (Kamerstuk 28 676, nr. 480) en de brief van 3 juni jl. over de top.",
            ]
        );
    }

    #[test]
    fn an_act_s_abbreviation_after_an_article_before_a_capital_ends_the_sentence() {
        let t = "Wie dat doet, handelt in strijd met artikel 441b Sr. Ik deel de zorg die de leden uiten. Zie artikel 273f, eerste lid, Sr. De Minister, J. Jansen Sr. en anderen.";
        assert_eq!(
            sentences(t),
            vec![
                "Wie dat doet, handelt in strijd met artikel 441b Sr.",
                "Ik deel de zorg die de leden uiten.",
                "Zie artikel 273f, eerste lid, Sr.",
                "De Minister, J. Jansen Sr. en anderen.",
            ]
        );
        // A range of articles before the act ("de artikelen 15 tot en met 15l Sr.").
        assert_eq!(
            sentences("Dit staat in de artikelen 15 tot en met 15l Sr. De regering is voornemens dit te wijzigen."),
            vec!["Dit staat in de artikelen 15 tot en met 15l Sr.", "De regering is voornemens dit te wijzigen."]
        );
        // Near miss: "Sr." without an article before it is the abbreviation it always was.
        assert_eq!(
            sentences("Het gesprek met J. Jansen Sr. Hij was er ook."),
            vec!["Het gesprek met J. Jansen Sr. Hij was er ook."]
        );
        // A temperature's unit is no initial.
        assert_eq!(
            sentences("Boven 27 °C. Een vervoerder moet dan stoppen."),
            vec!["Boven 27 °C.", "Een vervoerder moet dan stoppen."]
        );
        let t = "zie artikel 5 van de wet en J. Jansen Sr";
        assert!(!closes_article_reference(t, 0, t.len(), "Sr"));
        let t = "zie art. 5 lid 2 sub a Sv";
        assert!(closes_article_reference(t, 0, t.len(), "Sv"));
    }

    #[test]
    fn a_letter_ends_sentence_before_a_point_ends_the_sentence() {
        assert_eq!(
            sentences("Het valt onder groep A. Indien een golf komt, grijp ik in."),
            vec![
                "Het valt onder groep A.",
                "Indien een golf komt, grijp ik in."
            ]
        );
        let t = "De meetverplichtingen staan in Bijlage I. De lidstaten wijzen districten aan. Zie R. Knops.";
        assert_eq!(
            sentences(t),
            vec![
                "De meetverplichtingen staan in Bijlage I.",
                "De lidstaten wijzen districten aan.",
                "Zie R. Knops.",
            ]
        );
    }

    #[test]
    fn a_roman_number_before_a_word_no_name_starts_with_ends_the_sentence() {
        let t = "De middelen gaan naar pijler I. Het kabinet hecht daaraan. Zie W. I. Jansen.";
        assert_eq!(
            sentences(t),
            vec![
                "De middelen gaan naar pijler I.",
                "Het kabinet hecht daaraan.",
                "Zie W. I. Jansen.",
            ]
        );
    }

    #[test]
    fn the_movers_c_s_before_the_motion_number_ends_no_sentence() {
        let t = "Met de motie van het lid Bouchallikh c.s. (Kamerstuk 35 510, nr. 17) is verzocht. Zo ook het lid Dassen c.s. De motie is aangenomen.";
        assert_eq!(
            sentences(t),
            vec![
                "Met de motie van het lid Bouchallikh c.s. (Kamerstuk 35 510, nr. 17) is verzocht.",
                "Zo ook het lid Dassen c.s.",
                "De motie is aangenomen.",
            ]
        );
    }

    #[test]
    fn initials_and_quotes() {
        let t = "De Minister, R.W. Knops en S. Dekker. «Het gaat om de ruimte». Daarna volgt meer.";
        assert_eq!(
            sentences(t),
            vec![
                "De Minister, R.W. Knops en S. Dekker.",
                "«Het gaat om de ruimte».",
                "Daarna volgt meer."
            ]
        );
    }

    #[test]
    fn a_lower_case_continuation_is_not_a_new_sentence() {
        assert_eq!(
            sentences("Het is 3.5 procent. en verder"),
            vec!["Het is 3.5 procent. en verder"]
        );
    }
}
