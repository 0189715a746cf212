//! Citations of other papers: "Kamerstuk 26 643, nr. 665", "Aanhangsel Handelingen 2021/22,
//! nrs. 789, 974 en 975", "Stcrt. 2019, nr. 64418", "COM(2021) 206", each as one record per
//! cited target with a canonical id, so that the records of many letters form a graph.
//!
//! The flow, one file per step:
//! 1. [`forms`]: the citation forms of `data/citation_forms.toml`, compiled once.
//! 2. Prefilter (here): one Aho–Corasick pass finds the forms' literals ("kamerstuk",
//!    "handelingen", "stcrt", …); each form's pattern runs only in small windows around its
//!    literals. Most of a letter is prose, so most of it is never seen by a pattern. This is
//!    what keeps extraction cheap at 100,000 letters.
//! 3. [`read`]: a matched head and what follows it (lists, items, pinpoints) → targets.
//! 4. [`overlap`]: contained, crossing and echoed matches resolved, in one function.
//! 5. Records (here): footnote marker and context sentence attached; a paper's own number
//!    in its page furniture dropped.
//!
//! Canonical ids are made in [`ids`].

pub mod forms;
pub mod ids;
pub mod overlap;
pub mod read;

use super::Doc;
use crate::record::{origin_text, Citation, Span};
use crate::text::{ceil_boundary, floor_boundary};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use forms::Form;
use read::Found;
use regex::Regex;
use std::sync::LazyLock;

/// How far past its literal a form's head may reach. The longest real heads ("Kamerstukken
/// II, vergaderjaar 2019–2020, 32 761 / 30 821 / 26 643, nrs. 152") are under 100 bytes.
const HEAD_WINDOW: usize = 200;

/// The citation forms, compiled, with the literal prefilter built over them.
pub struct CitationExtractor {
    forms: Vec<Form>,
    literals: AhoCorasick,
    /// For each literal of `literals`, the forms that use it.
    literal_forms: Vec<Vec<usize>>,
    /// Forms without literals: they run over the whole text.
    unfiltered: Vec<usize>,
}

impl CitationExtractor {
    /// Build the extractor from the bundled `data/citation_forms.toml`.
    pub fn new() -> crate::Result<CitationExtractor> {
        Self::from_forms(forms::load()?)
    }

    /// Build the extractor from compiled forms.
    pub fn from_forms(forms: Vec<Form>) -> crate::Result<CitationExtractor> {
        let mut patterns: Vec<String> = Vec::new();
        let mut literal_forms: Vec<Vec<usize>> = Vec::new();
        let mut unfiltered = Vec::new();
        for (i, form) in forms.iter().enumerate() {
            if form.literals.is_empty() {
                unfiltered.push(i);
            }
            for lit in &form.literals {
                match patterns.iter().position(|p| p == lit) {
                    Some(at) => literal_forms[at].push(i),
                    None => {
                        patterns.push(lit.clone());
                        literal_forms.push(vec![i]);
                    }
                }
            }
        }
        // A full DFA where it can be built: it scans every letter once, faster than the
        // default NFA; what it finds is the same.
        let builder = |kind| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .kind(kind)
                .build(&patterns)
        };
        let literals = builder(Some(AhoCorasickKind::DFA))
            .or_else(|_| builder(None))
            .map_err(|e| crate::Error::Data {
                path: forms::SOURCE_PATH.into(),
                line: 0,
                reason: format!("literals: {e}"),
            })?;
        Ok(CitationExtractor {
            forms,
            literals,
            literal_forms,
            unfiltered,
        })
    }

    /// The compiled forms, in file order.
    pub fn forms(&self) -> &[Form] {
        &self.forms
    }

    /// Every citation in one document, in text order.
    pub fn extract(&self, doc: &Doc) -> Vec<Citation> {
        let norm = doc.norm;
        let text = norm.text.as_str();
        let found = overlap::resolve(self.scan(text), &self.forms, text);
        let mut out = Vec::new();
        for f in found {
            let form = &self.forms[f.form];
            if let Some(word) = &form.needs_word {
                let sentence = norm
                    .sentence_at(f.span.start)
                    .map(|s| norm.slice(s.span))
                    .unwrap_or("");
                if !sentence.to_lowercase().contains(word.as_str()) {
                    continue;
                }
            }
            if is_amount(text, f.span)
                || (form.reader == forms::Reader::Zaak && letter_on_a_zaak_line(text, f.span))
            {
                continue;
            }
            let (footnote, context) = place(doc, f.span);
            let raw = f.span.slice(text).to_string();
            for mut t in f.targets {
                if let Some(n) = t.id.strip_prefix(read::OWN_DOSSIER) {
                    let own = own_dossier(doc.id).map(str::to_string).or_else(|| {
                        doc.id
                            .starts_with("h-")
                            .then(|| agenda_dossier(text, f.span.start))
                            .flatten()
                    });
                    let Some(own) = own else {
                        continue;
                    };
                    t.id = format!("kst-{own}-{n}");
                }
                if let Some(ek) = of_the_senate_unless_said(doc.id, &t.id, &raw) {
                    t.id = ek;
                }
                // A paper's running header and colophon repeat its own number; that is
                // furniture the normalizer missed, not the paper citing itself.
                // An item of the Handelingen is headed by its sitting's number
                // ("Handelingen II 2024/25, nr. 47" over item h-tk-20242025-47-12).
                let own_sitting = doc.id.starts_with("h-")
                    && doc
                        .id
                        .strip_prefix(t.id.as_str())
                        .is_some_and(|item| item.starts_with('-'));
                // A paper never cites itself: its own number anywhere in its text is a page
                // footer or colophon that the normalizer did not recognise ("'s-Gravenhage 2019
                // ... Aanhangsel Handelingen II 2018/19, nr. 1877 1" inside a sentence).
                // Nor is its own dossier, named bare in a form prone to headers: that is the
                // dossier's title line ("35 099 (R2118) Regels over ...").
                let own_dossier = form.header_prone
                    && t.id.strip_prefix("dossier-").is_some_and(|d| {
                        doc.id
                            .strip_prefix("kst-")
                            .and_then(|rest| rest.strip_prefix(d))
                            .is_some_and(|nr| nr.starts_with('-'))
                    });
                if t.id == doc.id
                    || own_dossier
                    || (own_sitting
                        && (form.header_prone
                            || is_header_like(text, f.span)
                            || f.span.start < 300))
                {
                    continue;
                }
                out.push(Citation {
                    doc: doc.id.to_string(),
                    target: t.id,
                    target_kind: t.kind,
                    raw: raw.clone(),
                    pinpoint: t.pinpoint,
                    in_corpus: false,
                    span: f.span,
                    footnote: footnote.clone(),
                    context: context.clone(),
                    origin: origin_text(),
                });
            }
        }
        out
    }

    /// All matches of all forms, before overlaps are resolved.
    fn scan(&self, text: &str) -> Vec<Found> {
        // Per form: windows (start, end, last literal position) around its literals.
        let mut windows: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); self.forms.len()];
        for m in self.literals.find_overlapping_iter(text) {
            for &i in &self.literal_forms[m.pattern().as_usize()] {
                let start = floor_boundary(text, m.start().saturating_sub(self.forms[i].lookback));
                let end = ceil_boundary(text, m.start() + HEAD_WINDOW);
                windows[i].push((start, end, m.start()));
            }
        }
        for w in &mut windows {
            *w = merge_windows(std::mem::take(w));
        }
        for &i in &self.unfiltered {
            windows[i] = vec![(0, text.len(), text.len())];
        }
        let mut found = Vec::new();
        for (i, form) in self.forms.iter().enumerate() {
            for &(start, end, last_anchor) in &windows[i] {
                let hay = &text[..end];
                let mut pos = start;
                while pos <= end {
                    let Some(caps) = form.regex.captures_at(hay, pos) else {
                        break;
                    };
                    let Some(m) = caps.get(0) else { break };
                    // A match must begin at or before the window's last literal: later ones
                    // belong to a literal further on, whose window sees all of them.
                    if m.start() > last_anchor {
                        break;
                    }
                    if let Some(f) = read::read(form, i, &caps, text) {
                        found.push(f);
                    }
                    pos = if m.end() > m.start() {
                        m.end()
                    } else {
                        ceil_boundary(text, m.end() + 1)
                    };
                }
            }
        }
        found
    }
}

/// Windows sorted and merged where they overlap, so no text is searched twice by one form.
fn merge_windows(mut windows: Vec<(usize, usize, usize)>) -> Vec<(usize, usize, usize)> {
    windows.sort_unstable();
    let mut merged: Vec<(usize, usize, usize)> = Vec::with_capacity(windows.len());
    for w in windows {
        match merged.last_mut() {
            Some(last) if w.0 <= last.1 => {
                last.1 = last.1.max(w.1);
                last.2 = last.2.max(w.2);
            }
            _ => merged.push(w),
        }
    }
    merged
}

/// The footnote marker and context sentence of a citation at `span`: for a footnote, the body
/// sentence that carries its marker; in the body, the sentence itself.
fn place(doc: &Doc, span: Span) -> (Option<String>, Option<String>) {
    let norm = doc.norm;
    if span.start >= norm.body_end {
        if let Some(f) = norm.footnote_at(span.start) {
            return (
                Some(f.marker.clone()),
                norm.footnote_context(f).map(str::to_string),
            );
        }
    }
    let sentence = norm
        .sentence_at(span.start)
        .map(|s| norm.slice(s.span).to_string());
    (None, sentence)
}

/// A citation that starts its line, or is followed on its line by nothing but a page number:
/// the shape of a running header ("Tweede Kamer, vergaderjaar 2019–2020, 28 684, nr. 128 2").
fn is_header_like(text: &str, span: Span) -> bool {
    let line_start = text[..span.start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let before = text[line_start..span.start].trim();
    let line_end = text[span.end..]
        .find('\n')
        .map(|i| span.end + i)
        .unwrap_or(text.len());
    let after = text[span.end..line_end].trim();
    before.is_empty()
        || (!after.is_empty() && after.len() <= 3 && after.bytes().all(|b| b.is_ascii_digit()))
}

/// The Senate's id for a Handelingen or Aanhangsel citation that names no chamber, in a
/// paper of the Senate: its own masthead ("Eerste Kamer der Staten-Generaal / Handelingen /
/// Vergaderjaar 2021–2022 / Nr. 20, item 5") and its references to its own sittings leave
/// the chamber unsaid, and the Tweede Kamer, the reader's default, is not meant.
fn of_the_senate_unless_said(own: &str, target: &str, raw: &str) -> Option<String> {
    static CHAMBER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\b(?:I|II|TK|EK|Tweede|Eerste)\b").expect("valid regex")
    });
    if !(own.starts_with("h-ek-") || own.starts_with("ah-ek-")) || CHAMBER.is_match(raw) {
        return None;
    }
    ["h-", "ah-"].iter().find_map(|p| {
        let rest = target.strip_prefix(p)?.strip_prefix("tk-")?;
        Some(format!("{p}ek-{rest}"))
    })
}

/// The dossier of a paper by its id: "kst-36602-102" is of 36602, "kst-21501-07-2035" of
/// 21501-07; papers of other series have none.
fn own_dossier(id: &str) -> Option<&str> {
    ids::kamerstuk_parts(id).map(|(dossier, _)| dossier)
}

/// In the Handelingen, the dossier of the bill under debate at `pos`: the last dossier number
/// in brackets before it, as the agenda item ("Aan de orde is ... het wetsvoorstel ...
/// (36108)") and the chair ("Zij krijgt nr. 14 (36108)") write it. "Het amendement op stuk
/// nr. 11" in that debate is a paper of that dossier.
fn agenda_dossier(text: &str, pos: usize) -> Option<String> {
    static DOSSIER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\(([1-3]\d)\s?(\d{3})(?:[-\s]([IVXLC]{1,6}|\d{2}))?\)").expect("valid regex")
    });
    let m = DOSSIER.captures_iter(text.get(..pos)?).last()?;
    let mut dossier = format!("{}{}", &m[1], &m[2]);
    if let Some(sub) = m.get(3) {
        dossier = format!("{dossier}-{}", sub.as_str());
    }
    Some(dossier)
}

/// A match that starts with a bare number right after a currency sign or inside a larger
/// number ("€ 12 345, nr. 5", "1.012 345") is an amount, not a dossier.
/// A decision list's item line, "Zaak: 2024Z05466 – Brief regering – Beantwoording vragen
/// commissie over ...": the zaak is the letter that answers the questions, not the questions.
fn letter_on_a_zaak_line(text: &str, span: Span) -> bool {
    let before = crate::text::window_before(text, span.start, 40);
    let labelled = before
        .rsplit('\n')
        .next()
        .is_some_and(|line| line.trim_end().to_lowercase().ends_with("zaak:"));
    let line = text[span.end..]
        .split('\n')
        .next()
        .unwrap_or("")
        .to_lowercase();
    labelled
        && ["brief", "antwoord", "beantwoording"]
            .iter()
            .any(|w| line.contains(w))
}

fn is_amount(text: &str, span: Span) -> bool {
    if !text[span.start..].starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let glued = &text[..span.start];
    if glued
        .strip_suffix(['.', ','])
        .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()))
    {
        return true;
    }
    let before = glued.trim_end_matches([' ', '\u{a0}']);
    before.ends_with('€') || before.ends_with("EUR") || before.ends_with('$')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize;

    fn ids_in(extractor: &CitationExtractor, text: &str) -> Vec<String> {
        ids_of(extractor, "kst-1-1", text)
    }

    /// The targets cited by paper `id` with `text`.
    fn ids_of(extractor: &CitationExtractor, id: &str, text: &str) -> Vec<String> {
        let norm = normalize::normalize(text);
        let doc = Doc {
            id,
            date: None,
            norm: &norm,
        };
        extractor
            .extract(&doc)
            .into_iter()
            .map(|c| c.target)
            .collect()
    }

    #[test]
    fn every_example_of_every_form_yields_its_ids() {
        let extractor = CitationExtractor::new().expect("bundled forms load");
        let mut failures = Vec::new();
        for form in extractor.forms() {
            for ex in &form.examples {
                let got = ids_in(&extractor, &ex.text);
                if got != ex.ids {
                    failures.push(format!(
                        "{}: {:?}\n  expected {:?}\n  got      {:?}",
                        form.name, ex.text, ex.ids, got
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn a_senate_paper_s_handelingen_without_a_chamber_are_the_senate_s() {
        let extractor = CitationExtractor::new().expect("bundled forms load");
        let masthead = "Eerste Kamer der Staten-Generaal\nHandelingen\nVergaderjaar 2021–2022\nNr. 20, item 5\n\nDe voorzitter:\nIk open de vergadering. Zie Handelingen II 2018/19, nr. 28, item 5 en Handelingen 2019/20, nr. 3, item 2.\n";
        // Its own masthead is no citation; an unmarked sitting is the Senate's; a marked one
        // keeps its chamber.
        assert_eq!(
            ids_of(&extractor, "h-ek-20212022-20-5", masthead),
            vec!["h-tk-20182019-28-5", "h-ek-20192020-3-2"]
        );
        // Near miss: in a paper of the Tweede Kamer the default stands.
        assert_eq!(
            ids_of(&extractor, "kst-34453-7", masthead),
            vec![
                "h-tk-20212022-20-5",
                "h-tk-20182019-28-5",
                "h-tk-20192020-3-2"
            ]
        );
    }

    #[test]
    fn a_running_header_with_the_papers_own_number_is_not_a_citation() {
        let extractor = CitationExtractor::new().expect("bundled forms load");
        let ids = ids_of(
            &extractor,
            "kst-28684-128",
            "Tekst over Kamerstuk 32 761, nr. 5.\n\nTweede Kamer, vergaderjaar 2019–2020, 28 684, nr. 128 2\n",
        );
        assert_eq!(ids, ["kst-32761-5"]);
    }

    #[test]
    fn in_the_handelingen_stuk_nr_is_a_paper_of_the_bill_under_debate() {
        let extractor = CitationExtractor::new().expect("bundled forms load");
        let ids = ids_of(
            &extractor,
            "h-tk-20212022-92-11",
            "Aan de orde is de behandeling van het wetsvoorstel Wijziging van de Wet IB 2001 (36108).\n\nDe heer Jansen:\nHet amendement op stuk nr. 11 steun ik.\n\nAan de orde is het wetsvoorstel Belastingplan (36 602).\n\nDe motie op stuk nr. 14 ontraad ik.\n",
        );
        // A bill named with its dossier in brackets cites that dossier, written with a space
        // or without.
        assert_eq!(
            ids,
            [
                "dossier-36108",
                "kst-36108-11",
                "dossier-36602",
                "kst-36602-14"
            ]
        );
    }

    #[test]
    fn a_paper_never_cites_itself() {
        let extractor = CitationExtractor::new().expect("bundled forms load");
        let ids = ids_of(
            &extractor,
            "ah-tk-20182019-1877",
            "Het risico is te duchten 's-Gravenhage 2019 Aanhangsel Handelingen II 2018/19, nr. 1877 1 is groot (Aanhangsel Handelingen II 2018/19, nr. 1500).\n",
        );
        assert_eq!(ids, ["ah-tk-20182019-1500"]);
    }

    #[test]
    fn header_shapes() {
        let t = "x\nTweede Kamer, vergaderjaar 2019–2020, 28 684, nr. 128 2\nverder";
        let s = t.find("Tweede").unwrap();
        let e = t.find(" 2\n").unwrap();
        assert!(is_header_like(t, Span::new(s, e)));
        let t = "zoals in Kamerstuk 28 684, nr. 128 is gemeld";
        let s = t.find("Kamerstuk").unwrap();
        assert!(!is_header_like(t, Span::new(s, s + 25)));
    }
}
