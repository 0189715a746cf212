//! The publisher's XML: official publications (`officiele-publicatie`) as the platform of
//! officielebekendmakingen.nl serves them — Kamerstukken (`kamerstuk` with `kamerstukkop`,
//! `dossier`, `stuk`), Aanhangsels (`aanhangsel`, answers to written questions) and
//! Handelingen (`handelingen`, with `spreekbeurt`s).
//!
//! Why a reader of its own and not text extraction: the XML *is* the printed text, without the
//! losses of a PDF text layer (fonts, hyphenation, page furniture), and it marks what kst
//! otherwise has to guess: paragraphs (`al`), headings (`titel`, `tussenkop`, `kop`), footnotes
//! (`noot`, with their number and place) and the publisher's own links to papers and laws
//! (`extref`). The reader keeps all text in reading order — the header lines too, as the print
//! shows them — and reads elements it does not know as text, so a newer schema loses nothing.
//!
//! - [`tree`]: the events of quick-xml as a small element tree (depth-limited).
//! - [`meta`]: identifier, title, dates, type, dossier, number and signatories, from the XML
//!   and from the `*.metadata.xml` record the platform publishes beside it.
//! - [`refs`]: `extref` links as citation and article-reference records (`origin: "markup"`).

pub mod meta;
pub mod refs;
pub mod tree;

use crate::normalize::BlockKind;
use tree::{Element, Node};

pub use meta::XmlMeta;

/// A publisher's link (`<extref doc=".." soort="..">text</extref>`), in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupLink {
    /// The `doc` attribute: a publication id (`stb-2020-118`), a BWB/jci reference or a URL.
    pub doc: String,
    /// The `soort` attribute (`document`, `URL`, `jci`, ...), empty when absent.
    pub soort: String,
    /// The linked words as printed, whitespace collapsed.
    pub text: String,
    /// The marker of the footnote the link stands in.
    pub footnote: Option<String>,
}

/// One official publication, read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OfficialXml {
    pub meta: XmlMeta,
    /// Body blocks in reading order; a footnote's place is marked `^{N}` in its paragraph.
    pub paragraphs: Vec<(BlockKind, String)>,
    /// Footnotes: marker and text.
    pub notes: Vec<(String, String)>,
    pub links: Vec<MarkupLink>,
}

impl OfficialXml {
    /// Plain text in reading order (body, then footnotes), for checks and for the `text` of
    /// the raw document.
    pub fn text(&self) -> String {
        let mut parts: Vec<String> = self
            .paragraphs
            .iter()
            .map(|(_, t)| strip_markers(t))
            .collect();
        parts.extend(self.notes.iter().map(|(m, t)| format!("{m} {t}")));
        parts.join("\n\n")
    }
}

/// Elements that hold no text of the paper.
const SKIP: &[&str] = &["metadata", "meta", "plaatje", "illustratie", "afbeelding"];

/// Elements that are one block of text each, with their kind.
const BLOCKS: &[(&str, BlockKind)] = &[
    ("al", BlockKind::Paragraph),
    ("tekstregel", BlockKind::Paragraph),
    ("datumtekst", BlockKind::Paragraph),
    ("dagtekening", BlockKind::Paragraph),
    ("stuknr", BlockKind::Paragraph),
    ("spreker", BlockKind::Paragraph),
    ("kamervraagomschrijving", BlockKind::Paragraph),
    ("kamervraagmededeling", BlockKind::Paragraph),
    ("omschrijving", BlockKind::Paragraph),
    ("slotformulering", BlockKind::Paragraph),
    ("titel", BlockKind::Heading),
    ("tussenkop", BlockKind::Heading),
    ("kop", BlockKind::Heading),
    ("item-titel", BlockKind::Heading),
    // The print sets dossier number and title on one line: "32 545 Wet- en regelgeving ...".
    ("dossier", BlockKind::Heading),
];

/// Numbers printed before the block that follows them ("a.", "Vraag 1", "1.").
const LEADS: &[&str] = &["li.nr", "nr"];

/// Inline elements that sit inside a word or phrase and add no space around themselves.
const TIGHT: &[&str] = &[
    "nadruk",
    "extref",
    "intref",
    "sup",
    "inf",
    // Not in the publisher's schema (it writes `<inf>`), but in XML converted from HTML.
    "sub",
    "unicode",
    "symbool",
    "ondernummer",
    "datum",
    "naam",
    "voornaam",
    "achternaam",
    "voorvoegsels",
    "organisatie",
    "politiek",
    "functie",
    "plaats",
    "kamervraagonderwerp",
    "term",
    "afkorting",
    "markering",
    "dossiernr",
    "aanhangselnummer",
];

fn block_kind(name: &str) -> Option<BlockKind> {
    BLOCKS.iter().find(|(n, _)| *n == name).map(|(_, k)| *k)
}

/// Read an official publication. Errors name what is wrong (not XML, not this format).
pub fn parse(bytes: &[u8]) -> Result<OfficialXml, String> {
    let root = tree::parse(bytes)?;
    let Some(publication) = root.elements().next() else {
        return Err("no root element".to_string());
    };
    if publication.name == "metadata_gegevens" {
        return Err("a metadata record, not a paper: give the XML file beside it (kst reads this record with it)".to_string());
    }
    if publication.name != "officiele-publicatie" {
        return Err(format!(
            "not an official publication (root element <{}>, expected <officiele-publicatie>)",
            publication.name
        ));
    }
    let mut walker = Walker::default();
    walker.container(publication);
    let meta = meta::from_publication(publication);
    Ok(OfficialXml {
        meta,
        paragraphs: walker.paragraphs,
        notes: walker.notes,
        links: walker.links,
    })
}

/// Text gathered for one block, with the footnotes and links met on the way.
#[derive(Default)]
struct Run {
    text: String,
}

#[derive(Default)]
struct Walker {
    paragraphs: Vec<(BlockKind, String)>,
    notes: Vec<(String, String)>,
    links: Vec<MarkupLink>,
    /// A list or question number waiting for the block it numbers.
    lead: Option<String>,
    /// The marker of the footnote being read, while reading one.
    in_note: Option<String>,
}

impl Walker {
    fn flush(&mut self, run: &mut Run, kind: BlockKind) {
        let text = run.text.split_whitespace().collect::<Vec<_>>().join(" ");
        run.text.clear();
        if text.is_empty() {
            return;
        }
        let text = match self.lead.take() {
            Some(lead) => format!("{lead} {text}"),
            None => text,
        };
        self.paragraphs.push((kind, text));
    }

    /// An element that holds blocks; text directly inside it forms blocks of its own.
    fn container(&mut self, el: &Element) {
        let mut run = Run::default();
        for child in &el.children {
            match child {
                Node::Text(t) => run.text.push_str(t),
                Node::Element(c) if SKIP.contains(&c.name.as_str()) => {}
                Node::Element(c) if LEADS.contains(&c.name.as_str()) => {
                    self.flush(&mut run, BlockKind::Paragraph);
                    let lead = c.plain_text();
                    // "Vraag 1", "Antwoord 1": a label on a line of its own, as printed; a
                    // bare "a." or "1." leads the block after it.
                    let label = lead.split_whitespace().next().is_some_and(|w| {
                        w.chars().count() > 2 && w.chars().all(char::is_alphabetic)
                    });
                    if label {
                        let mut own = Run::default();
                        own.text.push_str(&lead);
                        self.flush(&mut own, BlockKind::Heading);
                    } else if !lead.is_empty() {
                        self.lead = Some(lead);
                    }
                }
                Node::Element(c) if c.name == "noot" => {
                    self.inline(c, &mut run, BlockKind::Paragraph)
                }
                Node::Element(c) if TIGHT.contains(&c.name.as_str()) => {
                    // Outside a paragraph, inline elements are parts of a block written without
                    // spaces between them (`<functie>…,</functie><naam>…</naam>` in a
                    // signature), not parts of one word.
                    if !run.text.is_empty() && !run.text.ends_with(char::is_whitespace) {
                        run.text.push(' ');
                    }
                    self.inline(c, &mut run, BlockKind::Paragraph);
                }
                Node::Element(c) => match block_kind(&c.name) {
                    Some(kind) => {
                        self.flush(&mut run, BlockKind::Paragraph);
                        let mut own = Run::default();
                        self.inline_children(c, &mut own, kind);
                        self.flush(&mut own, kind);
                    }
                    None => {
                        self.flush(&mut run, BlockKind::Paragraph);
                        self.container(c);
                    }
                },
            }
        }
        self.flush(&mut run, BlockKind::Paragraph);
    }

    fn inline_children(&mut self, el: &Element, run: &mut Run, kind: BlockKind) {
        for child in &el.children {
            match child {
                Node::Text(t) => run.text.push_str(t),
                Node::Element(c) => self.inline(c, run, kind),
            }
        }
    }

    /// An element inside a block: its text joins the block.
    fn inline(&mut self, el: &Element, run: &mut Run, kind: BlockKind) {
        let name = el.name.as_str();
        if SKIP.contains(&name) {
            return;
        }
        if name == "noot" {
            self.note(el, run, kind);
            return;
        }
        if name == "br" {
            run.text.push(' ');
            return;
        }
        let tight = TIGHT.contains(&name);
        // A signatory's name in parts ("<voornaam>D.</voornaam><achternaam>Yeşilgöz</achternaam>")
        // is written with a space between them.
        let name_part = matches!(name, "voorvoegsels" | "achternaam")
            && !run.text.is_empty()
            && !run.text.ends_with(char::is_whitespace);
        if !tight || name_part {
            run.text.push(' ');
        }
        let start = run.text.len();
        self.inline_children(el, run, kind);
        if name == "extref" {
            // Cleaned as the normalizer cleans the paragraph, so the words are found there.
            let text = crate::normalize::chars::clean(&run.text[start..])
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let text = strip_markers(&text);
            if let Some(doc) = el.attr("doc").filter(|d| !d.trim().is_empty()) {
                self.links.push(MarkupLink {
                    doc: doc.trim().to_string(),
                    soort: el.attr("soort").unwrap_or("").to_string(),
                    text,
                    footnote: self.in_note.clone(),
                });
            }
        }
        if !tight {
            run.text.push(' ');
        }
    }

    /// A footnote: its text is kept apart; its place in a paragraph is marked `^{N}`, the form
    /// the normalizer detaches as a marker whatever text surrounds it.
    fn note(&mut self, el: &Element, run: &mut Run, kind: BlockKind) {
        let marker = el
            .find("noot.nr")
            .map(|n| n.plain_text())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| (self.notes.len() + 1).to_string());
        let outer = self.in_note.replace(marker.clone());
        let mut body = Run::default();
        for child in &el.children {
            match child {
                Node::Element(c) if c.name == "noot.nr" => {}
                Node::Element(c) => {
                    body.text.push(' ');
                    self.inline(c, &mut body, BlockKind::Paragraph);
                }
                Node::Text(t) => body.text.push_str(t),
            }
        }
        self.in_note = outer;
        let text = strip_markers(&body.text.split_whitespace().collect::<Vec<_>>().join(" "));
        if kind == BlockKind::Paragraph && self.in_note.is_none() {
            run.text.push_str(&format!("^{{{marker}}}"));
        }
        self.notes.push((marker, text));
    }
}

/// Link and note text without the `^{N}` marks of notes nested inside it.
fn strip_markers(text: &str) -> String {
    static MARK: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\^\{[^}]*\}").expect("valid regex"));
    MARK.replace_all(text, "").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie><metadata><meta name="x" content="niet de tekst"/></metadata>
<kamerstuk><kamerstukkop><tekstregel inhoud="vergaderjaar">Vergaderjaar 2020-2021</tekstregel></kamerstukkop>
<dossier><dossiernummer><dossiernr>32 545</dossiernr></dossiernummer><titel>Wet- en regelgeving financiële markten</titel></dossier>
<stuk><stuknr>Nr. <ondernummer>150</ondernummer></stuknr><titel>BRIEF VAN DE MINISTER VAN FINANCIËN</titel>
<algemeen><brief><tekst>
<tussenkop>Inleiding</tussenkop>
<al>Zie <extref doc="stb-2020-118" soort="document">Staatsblad&#160;2020, 118</extref>.<noot id="n1" type="voet"><noot.nr>1</noot.nr><noot.al>Eerder: <extref doc="kst-32545-143" soort="document">Kamerstuk 32 545, nr. 143</extref>.</noot.al></noot> Verder <nadruk type="cur">nadruk</nadruk>lijk, CO<inf>2</inf>-heffing en NO<sub>2</sub>.</al>
<lijst><li><li.nr>a.</li.nr><al>eerste punt;</al></li></lijst>
<nieuw-element>Onbekende inhoud</nieuw-element>
<ondertekening><functie>De Minister van Financiën,</functie><naam><voornaam>W.B.</voornaam><achternaam>Hoekstra</achternaam></naam></ondertekening>
</tekst></brief></algemeen></stuk></kamerstuk></officiele-publicatie>"#;

    #[test]
    fn paragraphs_headings_notes_and_links_in_reading_order() {
        let x = parse(SAMPLE.as_bytes()).unwrap();
        let texts: Vec<&str> = x.paragraphs.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Vergaderjaar 2020-2021",
                "32 545 Wet- en regelgeving financiële markten",
                "Nr. 150",
                "BRIEF VAN DE MINISTER VAN FINANCIËN",
                "Inleiding",
                "Zie Staatsblad 2020, 118.^{1} Verder nadruklijk, CO2-heffing en NO2.",
                "a. eerste punt;",
                "Onbekende inhoud",
                "De Minister van Financiën, W.B. Hoekstra",
            ]
        );
        assert_eq!(x.paragraphs[4].0, BlockKind::Heading);
        assert_eq!(
            x.notes,
            vec![(
                "1".to_string(),
                "Eerder: Kamerstuk 32 545, nr. 143.".to_string()
            )]
        );
        assert_eq!(x.links.len(), 2);
        assert_eq!(x.links[0].doc, "stb-2020-118");
        assert_eq!(x.links[0].footnote, None);
        assert_eq!(x.links[1].text, "Kamerstuk 32 545, nr. 143");
        assert_eq!(x.links[1].footnote.as_deref(), Some("1"));
    }

    #[test]
    fn other_xml_is_refused_with_its_root_named() {
        let e = parse(b"<html><body>x</body></html>").unwrap_err();
        assert!(e.contains("<html>"), "{e}");
    }
}
