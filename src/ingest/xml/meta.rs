//! What an official publication says about itself: from the XML (`dossiernr`, `ondernummer`,
//! `stuk/titel`, `datum isodatum`) and from the metadata record the platform publishes beside
//! it (`kst-32545-143.metadata.xml`: `DC.identifier`, `DCTERMS.issued`, `OVERHEIDop.indiener`,
//! ...). The record is the publisher's catalogue entry, so where both speak it wins.

use super::tree::{self, Element};
use crate::extract::metadata::TextMeta;
use crate::record::{DateSource, Signatory};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct XmlMeta {
    /// The publication id (`kst-32545-143`, `ah-tk-20202021-3235`).
    pub identifier: Option<String>,
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub doc_type: Option<String>,
    pub dossier: Vec<String>,
    pub number: Option<String>,
    pub signatories: Vec<Signatory>,
    /// The publication's kind by its XML element: `kamerstuk`, `aanhangsel`, `handelingen`, ...
    pub kind: Option<String>,
}

impl XmlMeta {
    /// Put what the publisher says over what kst read from the text.
    pub fn overlay(&self, text: &mut TextMeta) {
        if !self.dossier.is_empty() {
            text.dossier = self.dossier.first().cloned();
        }
        if self.number.is_some() {
            text.number = self.number.clone();
        }
        if self.title.is_some() {
            text.title = self.title.clone();
        }
        if self.doc_type.is_some() {
            text.doc_type = self.doc_type.clone();
        }
        if let Some(d) = &self.date {
            text.date = Some((d.clone(), DateSource::Text));
        }
        if !self.signatories.is_empty() {
            // A page's metadata names who submitted the paper but not in what office
            // ("indiener"); the closing formula in the text does ("De Minister van Justitie
            // en Veiligheid, / D. Yeşilgöz-Zegerius"): the same person keeps that office.
            let signed = std::mem::take(&mut text.signatories);
            text.signatories = self
                .signatories
                .iter()
                .map(|s| {
                    let office = (s.role == "indiener")
                        .then(|| signed.iter().find(|t| same_person(&t.name, &s.name)))
                        .flatten();
                    match office {
                        Some(t) => Signatory {
                            name: s.name.clone(),
                            role: t.role.clone(),
                        },
                        None => s.clone(),
                    }
                })
                .collect();
        }
    }
}

/// Whether two renderings of a name are one person: the same surname, its last word ("D.M.
/// van Weel", "Van Weel").
fn same_person(a: &str, b: &str) -> bool {
    let surname = |n: &str| n.split_whitespace().last().map(str::to_lowercase);
    surname(a).is_some_and(|x| Some(x) == surname(b))
}

/// "32 545" → "32545", "36 600 VII" → "36600-VII", "21 501-33" → "21501-33"; soft hyphens,
/// zero-width and non-breaking characters cleaned as in the body text first.
fn squeeze(dossier: &str) -> String {
    let cleaned = crate::normalize::chars::clean(dossier);
    let mut out = String::new();
    for part in cleaned.split_whitespace() {
        // A chapter in roman numerals (or a letter) is joined with a hyphen, as kst's ids write it.
        if !out.is_empty() && part.chars().all(|c| c.is_ascii_alphabetic()) {
            out.push('-');
        }
        out.push_str(part);
    }
    out
}

fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let ok = s.len() == 10
        && s.as_bytes()[4] == b'-'
        && s.as_bytes()[7] == b'-'
        && s.chars().filter(|c| c.is_ascii_digit()).count() == 8;
    ok.then(|| s.to_string())
}

/// A paper's number without the "Nr." printed before it: the publisher puts it outside
/// `<ondernummer>`, converted files sometimes inside ("<ondernummer>Nr. 1420</ondernummer>").
fn bare_number(n: &str) -> String {
    let n = n.trim();
    let lower = n.to_lowercase();
    let rest = ["nr.", "nr", "nummer"]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| &n[p.len()..]))
        .unwrap_or(n);
    rest.trim_start_matches([' ', '.', ':']).trim().to_string()
}

pub fn from_publication(publication: &Element) -> XmlMeta {
    let mut m = XmlMeta {
        kind: publication
            .elements()
            .find(|e| e.name != "metadata")
            .map(|e| e.name.clone()),
        ..XmlMeta::default()
    };
    for d in publication.find_all("dossiernr") {
        let d = squeeze(&d.plain_text());
        if !d.is_empty() && !m.dossier.contains(&d) {
            m.dossier.push(d);
        }
    }
    m.number = publication
        .find("ondernummer")
        .map(|n| bare_number(&n.plain_text()))
        .filter(|n| !n.is_empty());
    if let Some(stuk) = publication.find("stuk") {
        if let Some(t) = stuk.elements().find(|e| e.name == "titel") {
            let title = crate::normalize::chars::clean(&t.plain_text())
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            m.doc_type = crate::extract::metadata::doc_type(&title);
            m.title = Some(title).filter(|t| !t.is_empty());
        }
    }
    // The dossier's title ("JBZ-Raad") before a head that names only the kind of paper, as
    // kst titles the same paper read from its print.
    if let Some(dossier_title) = publication
        .find("dossier")
        .and_then(|d| d.elements().find(|e| e.name == "titel"))
    {
        let subject = crate::normalize::chars::clean(&dossier_title.plain_text())
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !subject.is_empty() {
            m.title = Some(crate::extract::metadata::paper_title(
                &subject,
                m.title.take(),
            ));
        }
    }
    // An answer is dated by its receipt ("ontvangen"), not by the questions it answers.
    m.date = [
        "datumtekst",
        "dagtekening",
        "kamervraagmededeling",
        "kamervraagomschrijving",
    ]
    .iter()
    .filter_map(|holder| publication.find(holder))
    .filter_map(|h| h.find("datum"))
    .find_map(|d| d.attr("isodatum").and_then(iso_date));
    if m.identifier.is_none() && m.kind.as_deref() == Some("kamerstuk") {
        if let (Some(d), Some(n)) = (m.dossier.first(), &m.number) {
            m.identifier = Some(format!("kst-{d}-{n}"));
        }
    }
    let answered = publication.find("antwoord").is_some();
    if m.doc_type.is_none() {
        m.doc_type = match m.kind.as_deref() {
            Some("aanhangsel") => Some("antwoord".to_string()),
            Some("kamervragen") if answered => Some("antwoord".to_string()),
            Some("kamervragen") => Some("vragen".to_string()),
            Some("handelingen") => Some("handelingen".to_string()),
            _ => None,
        };
    }
    // Written questions not yet answered are known by their case number ("2021Z08595").
    if m.identifier.is_none() && m.kind.as_deref() == Some("kamervragen") && !answered {
        let number = publication
            .find("kamervraagnummer")
            .map(|n| n.plain_text())
            .unwrap_or_default();
        let is_case = number.len() > 5
            && number[..4].chars().all(|c| c.is_ascii_digit())
            && number[4..].starts_with('Z');
        if is_case {
            m.identifier = Some(format!("kv-tk-{number}"));
        }
    }
    m
}

/// The metadata record beside an XML file: `X.xml` → `X.metadata.xml`.
pub fn record_path(xml: &Path) -> PathBuf {
    let stem = xml
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    xml.with_file_name(format!("{stem}.metadata.xml"))
}

/// `(name, scheme, content)` of each `<metadata>` entry of a metadata record.
pub fn read_record(bytes: &[u8]) -> Result<Vec<(String, String, String)>, String> {
    let root = tree::parse(bytes)?;
    let entries: Vec<(String, String, String)> = root
        .find_all("metadata")
        .into_iter()
        .filter_map(|e| {
            let name = e.attr("name")?;
            let content = e
                .attr("content")?
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            Some((
                name.to_string(),
                e.attr("scheme").unwrap_or("").to_string(),
                content,
            ))
        })
        .filter(|(_, _, c)| !c.is_empty())
        .collect();
    if entries.is_empty() {
        return Err("no <metadata name=.. content=..> entries".to_string());
    }
    Ok(entries)
}

/// Overlay a metadata record on what the XML said.
pub fn apply_record(m: &mut XmlMeta, entries: &[(String, String, String)]) {
    let get = |name: &str| {
        entries
            .iter()
            .find(|(n, _, _)| n == name)
            .map(|(_, _, c)| c.clone())
    };
    if let Some(id) = get("DC.identifier") {
        m.identifier = Some(id);
    }
    if let Some(t) = get("OVERHEIDop.documenttitel").or_else(|| get("DC.title")) {
        m.title = Some(t);
    }
    if let Some(d) = get("DCTERMS.issued").as_deref().and_then(iso_date) {
        m.date = Some(d);
    }
    if let Some(t) = entries
        .iter()
        .find(|(n, s, _)| n == "DC.type" && s == "OVERHEIDop.KamerstukTypen")
        .map(|(_, _, c)| c)
    {
        // "Motie", "Brief regering", "Antwoord schriftelijke vragen": the kind is the first word.
        m.doc_type =
            Some(crate::extract::metadata::doc_type(t).unwrap_or_else(|| t.to_lowercase()));
    }
    let dossiers: Vec<String> = entries
        .iter()
        .filter(|(n, _, _)| n == "OVERHEIDop.dossiernummer")
        .map(|(_, _, c)| squeeze(c))
        // An Aanhangsel's page carries the field empty: no dossier, not the dossier "".
        .filter(|d| !d.is_empty())
        .collect();
    if !dossiers.is_empty() {
        m.dossier = dossiers;
    }
    if let Some(n) = get("OVERHEIDop.ondernummer").map(|n| bare_number(&n)) {
        m.number = Some(n).filter(|n| !n.is_empty());
    }
    let submitters: Vec<Signatory> = entries
        .iter()
        .filter(|(n, _, _)| n == "OVERHEIDop.indiener")
        .map(|(_, _, c)| Signatory {
            name: c.clone(),
            role: "indiener".to_string(),
        })
        .collect();
    if !submitters.is_empty() {
        m.signatories = submitters;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_submitter_takes_the_office_of_the_closing_formula() {
        let person = |name: &str, role: &str| Signatory {
            name: name.to_string(),
            role: role.to_string(),
        };
        let publisher = XmlMeta {
            signatories: vec![
                person("D.M. van Weel", "indiener"),
                person("C. Helder", "indiener"),
            ],
            ..XmlMeta::default()
        };
        let mut text = TextMeta {
            signatories: vec![person("Van Weel", "Minister van Justitie en Veiligheid")],
            ..TextMeta::default()
        };
        publisher.overlay(&mut text);
        assert_eq!(
            text.signatories,
            vec![
                person("D.M. van Weel", "Minister van Justitie en Veiligheid"),
                person("C. Helder", "indiener"),
            ]
        );
    }

    #[test]
    fn dossier_numbers_are_squeezed_as_the_ids_write_them() {
        assert_eq!(squeeze("36 600 VII"), "36600-VII");
        assert_eq!(squeeze("21 501-33"), "21501-33");
        assert_eq!(squeeze("21\u{ad}501\u{2011}32"), "21501-32");
        assert_eq!(squeeze("32\u{a0}545"), "32545");
    }

    #[test]
    fn an_empty_dossier_field_is_no_dossier() {
        let mut m = XmlMeta::default();
        let e = |n: &str, c: &str| (n.to_string(), String::new(), c.to_string());
        apply_record(&mut m, &[e("OVERHEIDop.dossiernummer", " ")]);
        assert!(m.dossier.is_empty());
        apply_record(&mut m, &[e("OVERHEIDop.dossiernummer", "36 410 XV")]);
        assert_eq!(m.dossier, vec!["36410-XV".to_string()]);
    }

    #[test]
    fn the_record_path_sits_beside_the_xml() {
        assert_eq!(
            record_path(Path::new("a/kst-32545-143.xml")),
            PathBuf::from("a/kst-32545-143.metadata.xml")
        );
    }

    fn meta_of(xml: &str) -> XmlMeta {
        let root = tree::parse(xml.as_bytes()).unwrap();
        from_publication(root.find("officiele-publicatie").unwrap())
    }

    #[test]
    fn the_dossier_title_goes_before_a_head_that_names_only_the_kind_of_paper() {
        let m = meta_of(
            "<officiele-publicatie><kamerstuk><dossier><dossiernummer><dossiernr>32 317</dossiernr></dossiernummer><titel>JBZ-Raad</titel></dossier>\
             <stuk><stuknr>Nr. <ondernummer>838</ondernummer></stuknr><titel>BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID</titel></stuk></kamerstuk></officiele-publicatie>",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("JBZ-Raad; BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID")
        );
        assert_eq!(m.doc_type.as_deref(), Some("brief"));
        // A head that is a title of its own stands alone.
        let m = meta_of(
            "<officiele-publicatie><kamerstuk><dossier><dossiernummer><dossiernr>32 317</dossiernr></dossiernummer><titel>JBZ-Raad</titel></dossier>\
             <stuk><stuknr>Nr. <ondernummer>838</ondernummer></stuknr><titel>Geannoteerde agenda</titel></stuk></kamerstuk></officiele-publicatie>",
        );
        assert_eq!(m.title.as_deref(), Some("Geannoteerde agenda"));
    }

    #[test]
    fn a_number_written_with_its_nr_inside_the_element_is_the_bare_number() {
        let m = meta_of(
            "<officiele-publicatie><kamerstuk><dossier><dossiernummer><dossiernr>32 813</dossiernr></dossiernummer></dossier>\
             <stuk><stuknr><ondernummer>Nr. 1420</ondernummer></stuknr><titel>BRIEF</titel></stuk></kamerstuk></officiele-publicatie>",
        );
        assert_eq!(m.number.as_deref(), Some("1420"));
        assert_eq!(m.identifier.as_deref(), Some("kst-32813-1420"));
        assert_eq!(bare_number("G"), "G");
        assert_eq!(bare_number("nr. 12"), "12");
    }

    #[test]
    fn kinds_types_and_ids_of_the_variants() {
        let cases = [
            (
                "<officiele-publicatie><kamerstuk><dossier><dossiernummer><dossiernr>21 501-33</dossiernr></dossiernummer></dossier>\
                 <stuk><stuknr>Nr. <ondernummer>898</ondernummer></stuknr><titel>VERSLAG VAN EEN SCHRIFTELIJK OVERLEG</titel></stuk></kamerstuk></officiele-publicatie>",
                Some("kst-21501-33-898"),
                Some("verslag"),
            ),
            (
                "<officiele-publicatie><kamervragen><kamervraagnummer>2021Z08595</kamervraagnummer><vraag><al>Klopt het?</al></vraag></kamervragen></officiele-publicatie>",
                Some("kv-tk-2021Z08595"),
                Some("vragen"),
            ),
            (
                "<officiele-publicatie><kamervragen><kamervraagnummer>2021Z08595</kamervraagnummer><antwoord><al>Ja.</al></antwoord></kamervragen></officiele-publicatie>",
                None,
                Some("antwoord"),
            ),
            ("<officiele-publicatie><handelingen><spreekbeurt/></handelingen></officiele-publicatie>", None, Some("handelingen")),
        ];
        for (xml, id, doc_type) in cases {
            let m = meta_of(xml);
            assert_eq!(
                (m.identifier.as_deref(), m.doc_type.as_deref()),
                (id, doc_type),
                "{xml}"
            );
        }
    }

    #[test]
    fn the_record_gives_the_kind_of_paper_by_its_first_word() {
        let cases = [
            ("Motie", "motie"),
            ("Brief regering", "brief"),
            ("Antwoord schriftelijke vragen", "antwoord"),
            ("Wetsvoorstel", "wetsvoorstel"),
        ];
        for (content, expected) in cases {
            let mut m = XmlMeta::default();
            apply_record(
                &mut m,
                &[(
                    "DC.type".into(),
                    "OVERHEIDop.KamerstukTypen".into(),
                    content.into(),
                )],
            );
            assert_eq!(m.doc_type.as_deref(), Some(expected), "{content}");
        }
    }

    #[test]
    fn dates_must_be_iso() {
        let cases = [
            ("2021-07-06", true),
            ("6 juli 2021", false),
            ("2021-7-6", false),
            ("20210706xx", false),
        ];
        for (s, ok) in cases {
            assert_eq!(iso_date(s).is_some(), ok, "{s}");
        }
    }
}
