//! Footnote markers detached from the words they are glued to.
//!
//! Extracted text loses superscripts, so a marker becomes digits glued to the word or
//! punctuation before it: "verordening2", "ruimte».1", "(EDPS)2", "Commissie.3Het".
//! Superscript characters ("software.¹") and "^{24 25}" survive in later exports. A glued
//! number is taken as a marker only when the document has a footnote of that number and it
//! comes next in the sequence (markers run in order through a letter), which keeps "CO2",
//! "BWBR0040940" and "2016/679" intact.

use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

use super::footnotes::superscript_to_ascii;

static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \^\{(?P<braced>[0-9\x20,]+)\}
      | (?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)
      | (?P<pre>[\p{L}\)\]»”’'\x22.,;:?!])(?P<num>[0-9]{1,3})(?:[\s.,;:)»”’'\x22\]]|$|\p{Lu})
      | \b(?:19|20)[0-9]{2}(?P<after_year>[0-9]{1,2})\b
      | [.”’»\x22]\x20(?P<spaced>[0-9]{1,2})(?:\x20+\p{Lu}|\x20*$)
    ",
    )
    .expect("valid regex")
});

/// Detaches markers, remembering the sequence across the blocks of one document.
pub struct Detacher {
    known: HashSet<u32>,
    last: u32,
}

impl Detacher {
    pub fn new(footnote_markers: &[String]) -> Detacher {
        Detacher {
            known: footnote_markers
                .iter()
                .filter_map(|m| m.parse().ok())
                .collect(),
            last: 0,
        }
    }

    /// Whether `n` can be the next marker: a known footnote, after the previous marker and
    /// not far past it (a letter may skip a marker the extractor lost).
    fn plausible(&self, n: u32) -> bool {
        self.known.contains(&n) && n > self.last && n <= self.last + 4
    }

    /// The text without markers, and each marker with its offset in that text.
    pub fn detach(&mut self, text: &str) -> (String, Vec<(usize, String)>) {
        let mut out = String::with_capacity(text.len());
        let mut found = Vec::new();
        let mut copied = 0;
        for c in CANDIDATE.captures_iter(text) {
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
                    (vec![superscript_to_ascii(m.as_str())], m.range())
                } else if let Some(m) = c.name("after_year").or(c.name("spaced")) {
                    // "brief van 17 mei 201910": a marker glued to a year; "sleutels .” 11": a
                    // marker set apart after the sentence. Both only when next in sequence.
                    let n: u32 = m.as_str().parse().unwrap_or(0);
                    if !self.plausible(n) || n != self.last + 1 {
                        continue;
                    }
                    (vec![m.as_str().to_string()], m.range())
                } else if let Some(m) = c.name("num") {
                    let n: u32 = m.as_str().parse().unwrap_or(0);
                    if !self.plausible(n) {
                        continue;
                    }
                    (vec![m.as_str().to_string()], m.range())
                } else {
                    continue;
                };
            if remove.start < copied {
                continue;
            }
            out.push_str(&text[copied..remove.start]);
            // A marker glued between two words ("Commissie.3Het") leaves a space.
            let before = text[..remove.start].chars().next_back();
            let after = text[remove.end..].chars().next();
            let at = out.trim_end().len();
            if before.is_some_and(|b| !b.is_whitespace())
                && after.is_some_and(|a| a.is_alphabetic())
            {
                out.push(' ');
            }
            for n in numbers {
                if let Ok(v) = n.parse::<u32>() {
                    self.last = self.last.max(v);
                }
                found.push((at, n));
            }
            copied = remove.end;
        }
        out.push_str(&text[copied..]);
        (out, found)
    }
}

#[cfg(test)]
mod tests {
    use super::Detacher;

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

    #[test]
    fn out_of_sequence_numbers_are_not_markers() {
        let mut d = Detacher::new(&known(20));
        let (t, m) = d.detach("de verordening17 is niet");
        assert_eq!(t, "de verordening17 is niet");
        assert!(m.is_empty());
    }
}
